/**
 * The local web explorer ({@code spectrolens serve}): an HTTP server (Javalin) with a JSON API over
 * the runs found under the served folders, and the page that browses them (assets in the jar).
 * <ul>
 *   <li>{@link org.spectrolens.serve.ServedFolders}: the folders served and the one check that a
 *       file lies under them (nothing else is ever read);
 *   <li>{@link org.spectrolens.serve.RunFinder} and {@link org.spectrolens.serve.ExplorerRun}: a
 *       dataset and what was computed on it (predictions, explain stacks, judging scores), read
 *       through the library's typed results;
 *   <li>{@link org.spectrolens.serve.ItemTable} and {@link org.spectrolens.serve.ItemView}: the
 *       items table and one item (grids with their axes in Hz and s, maps, tracks) as JSON;
 *   <li>{@link org.spectrolens.serve.ExplorerServer}: routes, access (host, token) and errors, each
 *       answered as one JSON line {@code {"error": "..."}}.
 * </ul>
 * The API is documented in {@code docs/serve.md}.
 */
package org.spectrolens.serve;
