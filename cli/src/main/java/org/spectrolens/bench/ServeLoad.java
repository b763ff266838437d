package org.spectrolens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.spectrolens.io.Json;
import org.spectrolens.serve.ExplorerServer;

/**
 * The explorer under load on loopback: {@code clients} concurrent Java HTTP clients for
 * {@code seconds}, each asking in turn, round robin, the item views ({@code /api/item}: grids and
 * maps) and audio ({@code /api/audio}) of the items with maps and each run's class-mean maps
 * ({@code /api/means}); then {@code hostile} hostile requests ({@link HostileRequests}: traversal,
 * bad parameters, oversized and malformed uploads, garbage JSON, a wrong or missing token,
 * malformed request lines), each of which must be a 4xx, and one ordinary request that must still
 * be answered. The server runs as {@code serve --token T --model M} would (a random token, every
 * request of the load carrying it), so the token and the upload checks are exercised. Prints
 * requests, errors, p50 and p95 latency (all, and per endpoint) and the hostile requests by kind.
 */
public final class ServeLoad {
  /** Hostile requests sent by default. */
  public static final int HOSTILE = 200;

  private ServeLoad() {}

  /** Runs the load and the hostile round; false where a request of the load failed, a hostile one was not refused, or the server stopped serving. */
  public static boolean run(Path dir, Path model, int clients, int seconds, int hostile) throws Exception {
    byte[] random = new byte[16];
    new java.security.SecureRandom().nextBytes(random);
    String token = java.util.HexFormat.of().formatHex(random);
    try (ExplorerServer server = ExplorerServer.start(new ExplorerServer.Settings(List.of(dir), "127.0.0.1", 0, token, model))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<String> urls = new ArrayList<>();
      String firstRun = null, firstItem = null;
      for (JsonNode run : Json.MAPPER.readTree(get(http, base + "/api/runs", token).body())) {
        String r = enc(run.get("id").asText());
        for (JsonNode row : Json.MAPPER.readTree(get(http, base + "/api/items?run=" + r, token).body()).get("rows")) {
          if (!row.get("maps").asBoolean()) continue;
          if (firstRun == null) {
            firstRun = run.get("id").asText();
            firstItem = row.get("id").asText();
          }
          urls.add(base + "/api/item?run=" + r + "&id=" + enc(row.get("id").asText()));
          urls.add(base + "/api/audio?run=" + r + "&id=" + enc(row.get("id").asText()));
        }
        for (JsonNode m : run.get("methods")) urls.add(base + "/api/means?run=" + r + "&method=" + enc(m.asText()));
      }
      if (firstRun == null) throw new IllegalStateException(dir + ": no item with maps to ask for");
      System.out.printf(Locale.ROOT, "serve load: %d clients for %d s over %d URLs (item, audio and class means; items with maps, a token on each)%n",
          clients, seconds, urls.size());
      Map<String, ConcurrentLinkedQueue<long[]>> latencies = new java.util.TreeMap<>();
      for (String e : List.of("item", "audio", "means")) latencies.put(e, new ConcurrentLinkedQueue<>());
      AtomicInteger errors = new AtomicInteger();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      for (int c = 0; c < clients; c++) {
        int first = c;
        pool.submit(() -> {
          Map<String, List<Long>> mine = new java.util.HashMap<>();
          for (int k = first; System.nanoTime() < end; k += clients) {
            String url = urls.get(k % urls.size());
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = get(http, url, token);
              if (r.statusCode() != 200) errors.incrementAndGet();
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            mine.computeIfAbsent(endpoint(url), x -> new ArrayList<>()).add(System.nanoTime() - t0);
          }
          mine.forEach((e, l) -> latencies.get(e).add(l.stream().mapToLong(Long::longValue).toArray()));
          return null;
        });
      }
      pool.shutdown();
      pool.awaitTermination(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS);
      long[] all = latencies.values().stream().flatMap(q -> q.stream()).flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.printf(Locale.ROOT, "serve load: %d requests (%.0f/s), %d errors, latency %s%n", all.length, all.length / (double) seconds, errors.get(),
          percentiles(all));
      for (Map.Entry<String, ConcurrentLinkedQueue<long[]>> e : latencies.entrySet()) {
        long[] l = e.getValue().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (l.length > 0) System.out.printf(Locale.ROOT, "  /api/%-6s %7d requests, latency %s%n", e.getKey(), l.length, percentiles(l));
      }

      byte[] wav = get(http, base + "/api/audio?run=" + enc(firstRun) + "&id=" + enc(firstItem), token).body();
      HostileRequests.Target target = new HostileRequests.Target(server.port(), token, firstRun, firstItem, wav);
      List<HostileRequests.Tally> tallies = HostileRequests.send(target, hostile);
      int refused = tallies.stream().mapToInt(HostileRequests.Tally::refused).sum();
      int after = get(http, urls.get(0), token).statusCode();
      System.out.printf(Locale.ROOT, "serve hostile: %d of %d answered 4xx (%s); an item afterwards: HTTP %d%n", refused, hostile,
          model == null ? "no model: uploads refused as 404" : "uploads checked by the model's server", after);
      HostileRequests.table(tallies).forEach(l -> System.out.println("  " + l));
      return errors.get() == 0 && refused == hostile && after == 200;
    }
  }

  private static String endpoint(String url) {
    String path = URI.create(url).getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String percentiles(long[] sorted) {
    return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static HttpResponse<byte[]> get(HttpClient http, String url, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("X-Spectrolens-Token", token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
