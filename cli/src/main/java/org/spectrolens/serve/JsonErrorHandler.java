package org.spectrolens.serve;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (requests refused before any route runs: a malformed request line or header,
 * a path that cannot be made canonical) as the API's one JSON line, never an HTML page. A path
 * Jetty refuses because it climbs above the root ({@code /../}, {@code %2e%2e}, an escaped slash or
 * backslash, overlong UTF-8: Jetty then replaces it with {@code /badMessage}) is answered 404, as
 * any other path the explorer does not serve.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    boolean refusedPath = code == 400 && escapes(request);
    int status = refusedPath ? 404 : code;
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(ExplorerServer.errorLine(refusedPath ? "not found: the path is malformed or leaves the served folders" : message)),
        callback);
  }

  /** Whether the request's path climbs: a dot segment or an escaped dot, slash or backslash, or a path Jetty could not make canonical. */
  static boolean escapes(Request request) {
    if (request.getHttpURI() == null) return false;
    if ("/badMessage".equals(request.getHttpURI().getPath())) return true;
    String uri = request.getHttpURI().toString().toLowerCase(Locale.ROOT);
    return uri.contains("..") || uri.contains("%2e") || uri.contains("%2f") || uri.contains("%5c") || uri.contains("%c0") || uri.contains("%25");
  }

  @Override
  @SuppressWarnings("removal") // the one hook for errors found while parsing, before any request exists (Jetty 12.1)
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(ExplorerServer.errorLine("bad request: " + (reason == null ? "malformed" : reason)));
  }
}
