/**
 * The judging commands' result files as typed records ({@code faithfulness.json},
 * {@code sanity.json}, {@code localisation.json}): written by the library's judging code, read
 * back by {@code report}, the demo and tests through the same records. They live in core, not
 * beside the metrics in nn, because {@code report} (core) reads them; the metrics' metadata
 * reaches core through {@link org.spectrolens.judge.result.MetricCatalogue}.
 */
package org.spectrolens.judge.result;
