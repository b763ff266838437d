package org.spectrolens.serve;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.Json;

/**
 * The explorer's HTTP server: the page and its assets (from the jar), the JSON API over the runs
 * found under the served folders, and the rules that keep it safe to leave running:
 * <ul>
 *   <li>{@link AccessGuard}: loopback by default; any other host needs a token on every request;
 *   <li>requests name runs and items by id, never a file; every file read is checked to lie under
 *       a served folder ({@link ServedFolders#inside});
 *   <li>every error, from a route or from Jetty itself (a malformed request line, an ambiguous
 *       path), is one JSON line {@code {"error": "..."}} with a 4xx or 5xx status, and the server
 *       goes on serving.
 * </ul>
 */
public final class ExplorerServer implements AutoCloseable {
  /** The API answers compactly (the library's mapper indents, for files a person reads). */
  static final ObjectWriter JSON = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
  /** Items kept ready as JSON (the most recently asked). */
  private static final int VIEW_CACHE = 256;
  /** Map sounds kept ready as WAV. */
  private static final int SOUND_CACHE = 32;

  /**
   * How to serve.
   *
   * @param folders the folders served
   * @param host the address bound
   * @param port the port (0: any free one)
   * @param token the token every request must carry; null: none on loopback, a generated one elsewhere
   * @param model a model folder to explain uploads with ({@code POST /api/upload}); null for none
   */
  public record Settings(List<Path> folders, String host, int port, String token, Path model) {
    /** Serving folders only, no live explanation. */
    public Settings(List<Path> folders, String host, int port, String token) {
      this(folders, host, port, token, null);
    }
  }

  private final ServedFolders folders;
  private final Map<String, ExplorerRun> runs = new LinkedHashMap<>();
  private final Map<String, byte[]> tables = new ConcurrentHashMap<>();
  /** The class means of a run's method, made once. */
  private final Map<String, byte[]> means = new ConcurrentHashMap<>();
  private final Map<String, byte[]> views = lru(VIEW_CACHE);
  /** The sounds of maps as WAV (the audio element asks for a sound in several ranges). */
  private final Map<String, byte[]> sounds = lru(SOUND_CACHE);
  private final AccessGuard guard;
  private final LiveExplainer live;
  private final Javalin app;
  private final Thread precompute;

  private ExplorerServer(Settings s) {
    folders = new ServedFolders(s.folders());
    for (ExplorerRun r : RunFinder.find(folders)) runs.put(r.id(), r);
    guard = AccessGuard.of(s.host(), s.token());
    live = s.model() == null ? null : new LiveExplainer(s.model());
    Assets assets = Assets.load();
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = s.host();
      config.jetty.port = s.port();
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.http.maxRequestSize = LiveExplainer.MAX_BYTES; // larger bodies are refused (413) before they are read
      config.routes.before(guard::check);
      config.routes.get("/", ctx -> assets.send(ctx, "index.html"));
      config.routes.get("/assets/{name}", ctx -> assets.send(ctx, ctx.pathParam("name")));
      config.routes.get("/api/runs", ctx -> json(ctx, runList()));
      config.routes.get("/api/items", ctx -> ctx.contentType("application/json").result(table(run(ctx))));
      config.routes.get("/api/item", this::item);
      config.routes.get("/api/audio", this::audio);
      config.routes.get("/api/means", this::means);
      config.routes.get("/api/live", ctx -> json(ctx, liveInfo()));
      config.routes.post("/api/upload", this::upload);
      config.routes.get("/api/upload", ctx -> json(ctx, live().job(ctx.queryParam("id")).status()));
      config.routes.get("/api/upload/audio", this::uploadAudio);
      config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus() == 404
          ? "not found: " + ctx.path() : e.getMessage()));
      config.routes.exception(SpectrolensException.class, (e, ctx) -> error(ctx, 500, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
    });
    app.start();
    precompute = new Thread(this::precompute, "explorer-precompute");
    precompute.setDaemon(true);
    precompute.setPriority(Thread.MIN_PRIORITY);
    precompute.start();
  }

  /**
   * Makes item views ahead of the clicks that ask for them (a view is a recording read, a spectrogram
   * and the maps sliced from their stacks: tens of ms warm, several hundred in a fresh JVM): one item
   * of every run first (which loads the code and the stacks), then the items with maps, up to half
   * the cache.
   */
  private void precompute() {
    List<Map.Entry<ExplorerRun, DatasetItem>> order = new java.util.ArrayList<>();
    for (ExplorerRun r : runs.values()) r.items().values().stream().findFirst().ifPresent(i -> order.add(Map.entry(r, i)));
    for (ExplorerRun r : runs.values()) {
      java.util.Set<String> mapped = new java.util.HashSet<>();
      for (ExplorerRun.Explained e : r.explains()) mapped.addAll(e.rows().keySet());
      for (DatasetItem i : r.items().values()) if (mapped.contains(i.id())) order.add(Map.entry(r, i));
    }
    int made = 0;
    for (Map.Entry<ExplorerRun, DatasetItem> e : order) {
      if (made >= VIEW_CACHE / 2 || Thread.currentThread().isInterrupted()) return;
      String key = viewKey(e.getKey(), e.getValue());
      if (views.containsKey(key)) continue;
      try {
        views.putIfAbsent(key, bytes(ItemView.of(e.getKey(), e.getValue(), folders)));
        made++;
      } catch (RuntimeException ex) {
        // the request for it will answer the error
      }
    }
  }

  /** Waits until the views made ahead at start are made (for timings that should not overlap with that work). */
  void awaitPrecomputed() throws InterruptedException {
    precompute.join();
  }

  /** Starts serving; the runs are found once, at start. */
  public static ExplorerServer start(Settings s) {
    return new ExplorerServer(s);
  }

  public int port() {
    return app.port();
  }

  /** The token requests must carry, or null where none is needed. */
  public String token() {
    return guard.token();
  }

  /** The page's address (with the token where one is needed). */
  public String url(String host) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/" + (guard.token() == null ? "" : "?token=" + guard.token());
  }

  public List<ExplorerRun> runs() {
    return List.copyOf(runs.values());
  }

  @Override
  public void close() {
    precompute.interrupt();
    app.stop();
    if (live != null) live.close();
  }

  /** What live explanation offers ({@code GET /api/live}): the model's classes, the methods run, the limits. */
  record LiveInfo(String model, List<String> classes, List<String> methods, @com.fasterxml.jackson.annotation.JsonProperty("max_bytes") int maxBytes,
      @com.fasterxml.jackson.annotation.JsonProperty("max_seconds") double maxSeconds, int queue) {}

  private LiveInfo liveInfo() {
    LiveExplainer l = live();
    return new LiveInfo(l.modelName(), l.classes(), LiveExplainer.METHODS, LiveExplainer.MAX_BYTES, LiveExplainer.MAX_SECONDS, LiveExplainer.QUEUE);
  }

  private LiveExplainer live() {
    if (live == null) throw ApiError.notFound("live explanation: the server was started without --model");
    return live;
  }

  /** {@code POST /api/upload?name=&start=&end=}: the body is the WAV or FLAC file; answers 202 with the job to poll. */
  private void upload(Context ctx) {
    LiveExplainer l = live();
    Double start = seconds(ctx, "start"), end = seconds(ctx, "end");
    String name = ctx.queryParam("name") == null ? "upload" : ctx.queryParam("name");
    // refused on its declared length, before a byte of it is read
    if (ctx.contentLength() > LiveExplainer.MAX_BYTES) {
      throw new ApiError(413, "upload: " + ctx.contentLength() + " bytes, more than " + LiveExplainer.MAX_BYTES);
    }
    LiveExplainer.Job job = l.submit(ctx.bodyAsBytes(), name.length() > 200 ? name.substring(0, 200) : name, start, end);
    ctx.status(202);
    json(ctx, job.status());
  }

  /** An upload's span as WAV, or ({@code kind=kept|complement&method=M}) the sound a map keeps or leaves, as for a run's items. */
  private void uploadAudio(Context ctx) {
    LiveExplainer.Job job = live().job(ctx.queryParam("id"));
    String kind = ctx.queryParam("kind");
    if (kind != null && MapSounds.KINDS.contains(kind)) {
      if (live.spec() == null) throw ApiError.notFound("kind: the model's front end has no STFT to split a sound on");
      sendBytes(ctx, job.sound(ctx.queryParam("method"), kind, live.spec()), "audio/wav");
      return;
    }
    if (kind != null && !kind.equals("original")) throw ApiError.notFound("kind: no '" + kind + "' sound for an upload (original, kept or complement with a method)");
    byte[] wav = job.wav;
    if (wav == null) throw ApiError.notFound("audio: the upload is not read yet");
    sendBytes(ctx, wav, "audio/wav");
  }

  private static Double seconds(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    try {
      double x = Double.parseDouble(v);
      if (!Double.isFinite(x)) throw new NumberFormatException();
      return x;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name + ": not a number of seconds: '" + v + "'");
    }
  }

  /** One row of {@code GET /api/runs}. */
  record RunInfo(String id, List<String> classes, int items, int predicted, List<String> methods,
      @com.fasterxml.jackson.annotation.JsonProperty("score_keys") List<String> scoreKeys) {}

  private List<RunInfo> runList() {
    return runs.values().stream().map(r -> new RunInfo(r.id(), r.dataset().classes(), r.items().size(), r.predictions().size(), r.methods(),
        r.scoreKeys())).toList();
  }

  private ExplorerRun run(Context ctx) {
    String id = ctx.queryParam("run");
    if (id == null) throw ApiError.badRequest("run: required (the runs are listed at /api/runs)");
    ExplorerRun r = runs.get(id);
    if (r == null) throw ApiError.notFound("run: no run '" + id + "' here (the runs are listed at /api/runs)");
    return r;
  }

  private DatasetItem item(ExplorerRun run, Context ctx) {
    String id = ctx.queryParam("id");
    if (id == null) throw ApiError.badRequest("id: required");
    DatasetItem i = run.items().get(id);
    if (i == null) throw ApiError.notFound("id: no item '" + id + "' in run '" + run.id() + "'");
    return i;
  }

  /** {@code GET /api/means?run=&method=}: the class means of a method's maps with each class's formants ({@link ClassMeans}). */
  private void means(Context ctx) {
    ExplorerRun run = run(ctx);
    String method = ctx.queryParam("method");
    if (method == null || !run.methods().contains(method)) {
      throw ApiError.notFound("method: run '" + run.id() + "' has no maps of '" + method + "' (its methods: " + String.join(", ", run.methods()) + ")");
    }
    byte[] b = means.computeIfAbsent(run.id() + "\u0000" + method, k -> bytes(ClassMeans.of(run, method, folders)));
    ctx.contentType("application/json").result(b);
  }

  private byte[] table(ExplorerRun run) {
    return tables.computeIfAbsent(run.id(), k -> bytes(ItemTable.of(run)));
  }

  private void item(Context ctx) {
    ExplorerRun run = run(ctx);
    DatasetItem i = item(run, ctx);
    String key = viewKey(run, i);
    long t0 = System.nanoTime();
    byte[] b = views.get(key);
    boolean ready = b != null;
    if (b == null) {
      b = bytes(ItemView.of(run, i, folders));
      views.put(key, b);
    }
    // the server's share of the page's wait, as the Performance API reads it (PerformanceResourceTiming.serverTiming)
    ctx.header("Server-Timing", (ready ? "cached" : "computed") + ";dur=" + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e6));
    ctx.contentType("application/json").result(b);
  }

  /**
   * The item's span of the recording (the same span the item's spectrogram shows) as 16-bit WAV, or with {@code kind=event|rest}
   * the same span of a scene clip's stem; seekable (Range requests).
   */
  private void audio(Context ctx) {
    ExplorerRun run = run(ctx);
    DatasetItem i = item(run, ctx);
    Path source = folders.inside(Path.of(i.source()));
    if (source == null) throw ApiError.notFound("audio: the recording of '" + i.id() + "' is not under a served folder");
    ItemView.Span span = ItemView.span(i, source);
    if (span == null) throw ApiError.notFound("audio: cannot read the recording of '" + i.id() + "'");
    String kind = ctx.queryParam("kind");
    if (kind != null && MapSounds.KINDS.contains(kind)) {
      String method = ctx.queryParam("method");
      String key = run.id() + "\u0000" + i.id() + "\u0000" + method + "\u0000" + kind;
      byte[] wav = sounds.get(key);
      if (wav == null) {
        wav = WavWriter.pcm16(MapSounds.render(run, i, source, span, method, kind));
        sounds.put(key, wav);
      }
      sendBytes(ctx, wav, "audio/wav");
      return;
    }
    Path file = source;
    if (kind != null && !kind.equals("original")) {
      file = SceneStems.file(folders, source, kind);
      if (file == null) {
        throw ApiError.notFound("kind: no '" + kind + "' sound for '" + i.id() + "' (original, kept or complement with a method, or a scene clip's event or rest)");
      }
    }
    byte[] wav = WavWriter.pcm16(ItemView.clip(file, span));
    sendBytes(ctx, wav, "audio/wav");
  }

  private static String viewKey(ExplorerRun run, DatasetItem item) {
    return run.id() + "\u0000" + item.id();
  }

  /** A map that keeps the {@code n} most recently used entries. */
  static <V> Map<String, V> lru(int n) {
    return java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > n;
      }
    });
  }

  /**
   * {@code body} whole, or the one range a {@code Range: bytes=a-b} header asks (206, as the audio
   * element seeks); a range outside the body is 416.
   */
  static void sendBytes(Context ctx, byte[] body, String type) {
    ctx.header("Accept-Ranges", "bytes");
    String range = ctx.header("Range");
    if (range == null || !range.startsWith("bytes=") || range.contains(",")) {
      ctx.contentType(type).result(body);
      return;
    }
    String[] ab = range.substring("bytes=".length()).trim().split("-", -1);
    long from, to;
    try {
      if (ab.length != 2) throw new NumberFormatException();
      if (ab[0].isEmpty()) { // the last N bytes
        long n = Long.parseLong(ab[1]);
        from = Math.max(0, body.length - n);
        to = body.length - 1;
      } else {
        from = Long.parseLong(ab[0]);
        to = ab[1].isEmpty() ? body.length - 1 : Math.min(body.length - 1, Long.parseLong(ab[1]));
      }
    } catch (NumberFormatException e) {
      ctx.contentType(type).result(body); // an unreadable Range header is ignored, as RFC 9110 allows
      return;
    }
    if (from >= body.length || from > to || from < 0) {
      ctx.header("Content-Range", "bytes */" + body.length);
      throw new ApiError(416, "range: " + range + " is outside the " + body.length + " bytes");
    }
    ctx.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + body.length).contentType(type)
        .result(java.util.Arrays.copyOfRange(body, (int) from, (int) to + 1));
  }

  private static void json(Context ctx, Object value) {
    ctx.contentType("application/json").result(bytes(value));
  }

  static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** An error as the page reads it: one JSON line. */
  static void error(Context ctx, int status, String message) {
    ctx.status(status).contentType("application/json").result(errorLine(message));
  }

  static byte[] errorLine(String message) {
    String m = message == null ? "error" : message.replace('\n', ' ').replace('\r', ' ');
    return (new String(bytes(Map.of("error", m)), java.nio.charset.StandardCharsets.UTF_8) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
