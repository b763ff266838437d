/**
 * Benchmarks and measurement tools, kept out of the library modules: each has a {@code main} (run
 * by a script under {@code scripts/bench/} or by {@code spectrolens bench}) and prints figures that
 * depend on the machine or take minutes, so none is a test. The architecture test allows a {@code
 * main} method here and in the CLI's {@code Main} only.
 */
package org.spectrolens.bench;
