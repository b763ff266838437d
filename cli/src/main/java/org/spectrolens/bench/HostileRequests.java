package org.spectrolens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests an explorer must refuse with a 4xx and survive, by kind: traversal in several encodings,
 * bad parameters, oversized and malformed uploads, garbage JSON bodies, a wrong or missing token,
 * malformed request lines and headers (sent as raw bytes: Java's HTTP client will not write them).
 * An unknown HTTP version is left out: Jetty answers it 505 (HTTP Version Not Supported), as
 * RFC 9110 has it, and goes on serving.
 * The server is one started with a token ({@code serve --token}) and a model ({@code --model}), so
 * that the token check and the upload's own checks are what answers, not a missing route.
 * {@link ServeLoad} sends 200 after its load; a test sends one round.
 */
public final class HostileRequests {
  /** Where to send: the server's port and token, a run and item of it, and a valid WAV (the uploads are spoiled copies of it). */
  public record Target(int port, String token, String run, String item, byte[] wav) {
    String base() {
      return "http://127.0.0.1:" + port;
    }
  }

  /** One request of a kind: sent, it answers the status, or -1 for a connection closed without an answer. */
  record Request(String kind, String what, Send send) {}

  @FunctionalInterface
  interface Send {
    int to(Target t, HttpClient http) throws IOException, InterruptedException;
  }

  /** How a kind's requests were answered. */
  public record Tally(String kind, int sent, int refused, Map<Integer, Integer> statuses, List<String> failures) {}

  /** Largest upload the server reads (its {@code LiveExplainer.MAX_BYTES}): one byte more is refused. */
  static final int CAP = 16 << 20;

  private HostileRequests() {}

  /** The requests of one round, each kind's variants in turn. */
  static List<Request> round(Target t) {
    List<Request> out = new ArrayList<>();
    String run = enc(t.run()), item = enc(t.item());
    for (String path : List.of("/assets/..%2f..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%252e%252e%252fpom.xml", "/assets/%c0%ae%c0%ae/etc/passwd",
        "/assets/..%5c..%5cpom.xml", "/assets/app.js%00.png", "/api/items?run=..%2F..%2Fetc", "/api/audio?run=%2Fetc&id=passwd",
        "/api/item?run=" + run + "&id=..%2F..%2F..%2Fetc%2Fpasswd")) {
      out.add(new Request("traversal", path, (x, http) -> get(x, http, path, x.token())));
    }
    for (String raw : List.of("GET /../../etc/passwd HTTP/1.1", "GET /assets/../../pom.xml HTTP/1.1")) {
      out.add(new Request("traversal", raw + " (raw)", (x, http) -> raw(x, raw + "\r\nHost: 127.0.0.1\r\n" + tokenHeader(x) + "Connection: close\r\n\r\n")));
    }
    for (String path : List.of("/api/items", "/api/item?run=" + run, "/api/item?run=nope&id=x", "/api/means?run=" + run + "&method=nope",
        "/api/audio?run=" + run + "&id=" + item + "&kind=nope", "/api/upload?id=nope", "/api/upload/audio?id=nope", "/nothing")) {
      out.add(new Request("bad parameter", path, (x, http) -> get(x, http, path, x.token())));
    }
    out.add(new Request("bad parameter", "a range outside the audio", (x, http) -> http.send(authorised(x, "/api/audio?run=" + run + "&id=" + item)
        .header("Range", "bytes=999999999-").build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
    // oversized: refused on the declared length before the body is read, and a chunked body (no length) that passes the cap
    out.add(new Request("oversized upload", "Content-Length over the cap", (x, http) -> raw(x, "POST /api/upload?name=big.wav HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\n" + tokenHeader(x) + "Content-Length: " + (CAP + 1) + "\r\nConnection: close\r\n\r\n")));
    out.add(new Request("oversized upload", "chunked, cap + 1 bytes", (x, http) -> chunked(x, CAP + 1)));
    for (Map.Entry<String, byte[]> bad : spoiled(t.wav()).entrySet()) {
      out.add(new Request("malformed upload", bad.getKey(), (x, http) -> post(x, http, "/api/upload?name=x.wav", bad.getValue(), "audio/wav")));
    }
    String multipart = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF\0\0\0\0WAVE"
        + "\r\n--b0und";
    out.add(new Request("malformed upload", "multipart garbage", (x, http) -> post(x, http, "/api/upload?name=a.wav",
        multipart.getBytes(StandardCharsets.ISO_8859_1), "multipart/form-data; boundary=b0undary")));
    for (String span : List.of("&start=5&end=9", "&start=abc", "&start=NaN", "&start=0.2&end=0.1", "&start=-1")) {
      out.add(new Request("malformed upload", "span " + span, (x, http) -> post(x, http, "/api/upload?name=x.wav" + span, x.wav(), "audio/wav")));
    }
    for (String json : List.of("{\"run\": \"../../etc\", ", "{\"file\": \"/etc/passwd\"}", "[".repeat(5000), "\"\\ud800\"", "null")) {
      for (String path : List.of("/api/upload?name=x.json", "/api/runs", "/api/item")) {
        out.add(new Request("garbage JSON", "POST " + path + " " + json.substring(0, Math.min(json.length(), 20)),
            (x, http) -> post(x, http, path, json.getBytes(StandardCharsets.UTF_8), "application/json")));
      }
    }
    String wrong = t.token() + "x";
    out.add(new Request("token", "missing", (x, http) -> get(x, http, "/api/runs", null)));
    out.add(new Request("token", "wrong header", (x, http) -> get(x, http, "/api/runs", wrong)));
    out.add(new Request("token", "wrong query", (x, http) -> get(x, http, "/api/runs?token=" + enc(wrong), null)));
    out.add(new Request("token", "wrong cookie", (x, http) -> http.send(HttpRequest.newBuilder(URI.create(x.base() + "/api/runs"))
        .header("Cookie", "spectrolens_token=" + wrong).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
    out.add(new Request("token", "a prefix of it", (x, http) -> get(x, http, "/api/runs", x.token().substring(0, x.token().length() - 1))));
    out.add(new Request("token", "missing, an item", (x, http) -> get(x, http, "/api/item?run=" + run + "&id=" + item, null)));
    out.add(new Request("token", "missing, an upload", (x, http) -> post(x, http, "/api/upload?name=x.wav", x.wav(), "audio/wav", null)));
    out.add(new Request("token", "missing, the page", (x, http) -> get(x, http, "/", null)));
    out.add(new Request("token", "missing, a foreign Host", (x, http) -> raw(x, "GET /api/runs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")));
    for (String bad : List.of("GARBAGE\r\n\r\n", "GET /api/items?run=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n%TOKEN%Connection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n%TOKEN%Content-Length: -5\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n%TOKEN%no colon here\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n%TOKEN%X-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n",
        "GET /\0/x HTTP/1.1\r\nHost: 127.0.0.1\r\n%TOKEN%Connection: close\r\n\r\n",
        "POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n%TOKEN%Content-Length: 5\r\nContent-Length: 9\r\nConnection: close\r\n\r\nRIFF\0",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.2\r\n%TOKEN%Connection: close\r\n\r\n")) {
      out.add(new Request("malformed request", bad.lines().findFirst().orElse("").replace("\0", "\\0"), (x, http) -> raw(x, bad.replace("%TOKEN%", tokenHeader(x)))));
    }
    return out;
  }

  /** The WAV spoiled in the ways a hostile or broken client sends one, each named. */
  static Map<String, byte[]> spoiled(byte[] wav) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("empty body", new byte[0]);
    out.put("truncated header", java.util.Arrays.copyOf(wav, 30));
    int data = dataChunk(wav);
    byte[] lying = wav.clone();
    ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, wav.length * 4);
    out.put("data size past the end", lying);
    byte[] odd = wav.clone();
    ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, 3);
    out.put("data size not whole frames", odd);
    byte[] rate = wav.clone();
    ByteBuffer.wrap(rate).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0); // the fmt chunk's sample rate
    out.put("sample rate 0", rate);
    out.put("a PNG named .wav", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
        0, 0, 0});
    out.put("text named .wav", "hello, this is not audio\n".repeat(40).getBytes(StandardCharsets.UTF_8));
    out.put("FLAC magic, garbage after", "fLaC\0\0\0\"garbage garbage garbage garbage".getBytes(StandardCharsets.ISO_8859_1));
    return out;
  }

  /** Where the {@code data} chunk's header starts (a WAV as spectrolens writes it: RIFF, fmt, data). */
  private static int dataChunk(byte[] wav) {
    for (int k = 12; k + 8 <= wav.length; ) {
      String id = new String(wav, k, 4, StandardCharsets.US_ASCII);
      if (id.equals("data")) return k;
      k += 8 + ByteBuffer.wrap(wav, k + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
    throw new IllegalArgumentException("the WAV has no data chunk");
  }

  /** Sends {@code total} requests, the round's in turn, and tallies them by kind. */
  public static List<Tally> send(Target t, int total) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Request> round = round(t);
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    Map<String, List<String>> failures = new LinkedHashMap<>();
    for (int k = 0; k < total; k++) {
      Request r = round.get(k % round.size());
      int status;
      try {
        status = r.send().to(t, http);
      } catch (IOException e) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      int[] c = counts.computeIfAbsent(r.kind(), x -> new int[2]);
      c[0]++;
      if (status >= 400 && status < 500) {
        c[1]++;
      } else {
        failures.computeIfAbsent(r.kind(), x -> new ArrayList<>()).add(r.what() + ": " + (status < 0 ? "no answer" : "HTTP " + status));
      }
      statuses.computeIfAbsent(r.kind(), x -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }
    List<Tally> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      out.add(new Tally(e.getKey(), e.getValue()[0], e.getValue()[1], statuses.get(e.getKey()), failures.getOrDefault(e.getKey(), List.of())));
    }
    return out;
  }

  /** The round's size: a test sends each request once. */
  public static int roundSize(Target t) {
    return round(t).size();
  }

  /** The tallies as a table: kind, sent, answered 4xx, the statuses seen; then each request not answered 4xx. */
  public static List<String> table(List<Tally> tallies) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-18s %5s %5s  %s", "kind", "sent", "4xx", "statuses (-1: no answer)"));
    int sent = 0, refused = 0;
    for (Tally t : tallies) {
      StringBuilder s = new StringBuilder();
      t.statuses().forEach((status, n) -> s.append(s.length() == 0 ? "" : ", ").append(status).append(" x").append(n));
      out.add(String.format(Locale.ROOT, "%-18s %5d %5d  %s", t.kind(), t.sent(), t.refused(), s));
      sent += t.sent();
      refused += t.refused();
    }
    out.add(String.format(Locale.ROOT, "%-18s %5d %5d", "all", sent, refused));
    for (Tally t : tallies) for (String f : t.failures()) out.add("  not 4xx: " + t.kind() + ", " + f);
    return out;
  }

  private static HttpRequest.Builder authorised(Target t, String path) {
    return HttpRequest.newBuilder(URI.create(t.base() + path)).timeout(Duration.ofSeconds(60)).header("X-Spectrolens-Token", t.token());
  }

  private static int get(Target t, HttpClient http, String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.base() + path)).timeout(Duration.ofSeconds(60));
    if (token != null) b.header("X-Spectrolens-Token", token);
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int post(Target t, HttpClient http, String path, byte[] body, String type) throws IOException, InterruptedException {
    return post(t, http, path, body, type, t.token());
  }

  private static int post(Target t, HttpClient http, String path, byte[] body, String type, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.base() + path)).timeout(Duration.ofSeconds(60)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) b.header("X-Spectrolens-Token", token);
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String tokenHeader(Target t) {
    return "X-Spectrolens-Token: " + t.token() + "\r\n";
  }

  /**
   * An upload of {@code n} bytes in chunks (no declared length), written on a raw socket while the
   * answer is read: the server may answer and close before the body is all sent, which is a refusal
   * too, so a write that fails after an answer counts as that answer.
   */
  private static int chunked(Target t, int n) throws IOException {
    try (Socket s = new Socket("127.0.0.1", t.port())) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/upload?name=big.wav HTTP/1.1\r\nHost: 127.0.0.1\r\n" + tokenHeader(t)
          + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      try {
        for (int left = n; left > 0; left -= chunk.length) {
          int len = Math.min(left, chunk.length);
          out.write(len == chunk.length ? head : (Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(chunk, 0, len);
          out.write(new byte[] {'\r', '\n'});
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // refused midway: the answer, if any, is already in the socket's buffer
      }
      return status(s.getInputStream());
    }
  }

  /** Sends bytes as they are and reads the status of the answer. */
  private static int raw(Target t, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", t.port())) {
      s.setSoTimeout(60_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return status(s.getInputStream());
    }
  }

  /** The status of an HTTP answer's first line; -1 where the connection closed (or was reset) without one. */
  private static int status(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] b = new byte[8192];
    try {
      for (int n; (n = in.read(b)) >= 0; ) got.write(b, 0, n);
    } catch (java.net.SocketException e) {
      // reset after (or before) the answer: what came is what counts
    }
    String answer = got.toString(StandardCharsets.ISO_8859_1);
    String[] p = answer.lines().findFirst().orElse("").split(" ", 3);
    return p.length >= 2 && p[0].startsWith("HTTP/") ? Integer.parseInt(p[1]) : -1;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
