package org.spectrolens.serve;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Who may ask. On a loopback address (the default) anyone on this machine may, but only under a
 * loopback host name, so that a web page elsewhere cannot reach the server through a name it
 * controls (DNS rebinding). On any other address, or with a token given, every request carries the
 * token: as {@code ?token=} (the printed URL; the page's later requests then carry it as a cookie),
 * the cookie, or the {@code X-Spectrolens-Token} header. Tokens are compared in constant time.
 */
final class AccessGuard {
  static final String COOKIE = "spectrolens_token";
  static final String HEADER = "X-Spectrolens-Token";
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  private final String token;

  private AccessGuard(String token) {
    this.token = token;
  }

  /** The guard for {@code host}: a token is generated where the host is not loopback and none was given. */
  static AccessGuard of(String host, String token) {
    if (token != null && token.isBlank()) throw new org.spectrolens.SpectrolensException("token", "is empty");
    if (token == null && !loopback(host)) {
      byte[] b = new byte[16];
      new SecureRandom().nextBytes(b);
      token = HexFormat.of().formatHex(b);
    }
    return new AccessGuard(token);
  }

  static boolean loopback(String host) {
    return LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT)) || host.startsWith("127.");
  }

  String token() {
    return token;
  }

  /** Refuses the request (401, 403) unless it may be answered. */
  void check(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; frame-ancestors 'none'");
    ctx.header("Cache-Control", "no-store");
    if (token == null) {
      String h = hostName(ctx.header("Host"));
      if (h == null || !(LOOPBACK_NAMES.contains(h) || h.startsWith("127."))) {
        throw new ApiError(403, "host: this server answers loopback names only (127.0.0.1, localhost)");
      }
      return;
    }
    String query = ctx.queryParam("token");
    if (same(query)) {
      ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
      return;
    }
    if (same(ctx.header(HEADER)) || same(ctx.cookie(COOKIE))) return;
    throw new ApiError(401, "token: missing or wrong (open the address the server printed at start)");
  }

  private boolean same(String given) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /** The name in a Host header, without its port; null for none. */
  static String hostName(String header) {
    if (header == null || header.isBlank()) return null;
    String h = header.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? null : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
