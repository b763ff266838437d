package org.spectrolens.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's files, read from the jar once at start: a fixed list, so a request can name only
 * these (any other name is 404 before any lookup).
 */
final class Assets {
  private static final Map<String, String> TYPES = Map.of("index.html", "text/html; charset=utf-8", "app.js",
      "text/javascript; charset=utf-8", "app.css", "text/css; charset=utf-8");
  private final Map<String, byte[]> files;

  private Assets(Map<String, byte[]> files) {
    this.files = files;
  }

  static Assets load() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String name : TYPES.keySet()) {
      try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
        if (in == null) throw new IllegalStateException("the jar lacks the explorer's asset " + name);
        out.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the explorer's asset " + name, e);
      }
    }
    return new Assets(out);
  }

  void send(Context ctx, String name) {
    byte[] b = files.get(name);
    if (b == null) throw ApiError.notFound("not found: " + ctx.path());
    ctx.contentType(TYPES.get(name)).result(b);
  }
}
