/**
 * The {@code explain} command's result file as a typed record ({@code explain.json}): written by
 * nn's {@code MapStack.Writer}, read back by {@code report} and by readers of an explain folder
 * through the same record. It lives in core because {@code report} (core) reads it.
 */
package org.spectrolens.explain.result;
