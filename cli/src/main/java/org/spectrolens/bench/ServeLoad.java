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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.spectrolens.io.Json;
import org.spectrolens.serve.ExplorerServer;

/**
 * The explorer under load on loopback: {@code clients} concurrent Java HTTP clients for
 * {@code seconds}, each asking in turn an item ({@code /api/item}, grids and maps) and its audio
 * ({@code /api/audio}) of items with maps, round robin; then 200 hostile requests (traversal in
 * several encodings, a wrong run or item, garbage parameters), each of which must be a 4xx, and
 * one ordinary request that must still be answered. Prints requests, errors, p50 and p95 latency.
 * {@code main(DIR [clients] [seconds])}.
 */
public final class ServeLoad {
  private ServeLoad() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    try (ExplorerServer server = ExplorerServer.start(new ExplorerServer.Settings(List.of(dir), "127.0.0.1", 0, null))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<String> urls = new ArrayList<>();
      for (JsonNode run : Json.MAPPER.readTree(get(http, base + "/api/runs").body())) {
        String r = enc(run.get("id").asText());
        for (JsonNode row : Json.MAPPER.readTree(get(http, base + "/api/items?run=" + r).body()).get("rows")) {
          if (!row.get("maps").asBoolean()) continue;
          urls.add(base + "/api/item?run=" + r + "&id=" + enc(row.get("id").asText()));
          urls.add(base + "/api/audio?run=" + r + "&id=" + enc(row.get("id").asText()));
        }
      }
      if (urls.isEmpty()) throw new IllegalStateException(dir + ": no item with maps to ask for");
      System.out.printf(Locale.ROOT, "serve load: %d clients for %d s over %d item and audio URLs (%d items with maps)%n", clients, seconds,
          urls.size(), urls.size() / 2);
      ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
      AtomicInteger errors = new AtomicInteger();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      for (int c = 0; c < clients; c++) {
        int first = c;
        pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          for (int k = first; System.nanoTime() < end; k += clients) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = get(http, urls.get(k % urls.size()));
              if (r.statusCode() != 200) errors.incrementAndGet();
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            mine.add(System.nanoTime() - t0);
          }
          latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
          return null;
        });
      }
      pool.shutdown();
      pool.awaitTermination(seconds + 120L, java.util.concurrent.TimeUnit.SECONDS);
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.printf(Locale.ROOT, "serve load: %d requests (%.0f/s), %d errors, latency p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", all.length,
          all.length / (double) seconds, errors.get(), all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, all[all.length - 1] / 1e6);
      String[] hostile = {"/assets/..%2f..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%252e%252e%252fx", "/assets/%c0%ae%c0%ae/x",
          "/api/items?run=..%2F..%2Fetc", "/api/item?run=nope&id=x", "/api/audio?run=%2Fetc&id=passwd", "/api/items", "/api/item?run=x",
          "/assets/..%5c..%5cx"};
      int refused = 0;
      for (int k = 0; k < 200; k++) {
        int s = get(http, base + hostile[k % hostile.length]).statusCode();
        if (s >= 400 && s < 500) refused++;
      }
      int after = get(http, urls.get(0)).statusCode();
      System.out.printf(Locale.ROOT, "serve hostile: %d of 200 answered 4xx; an item afterwards: HTTP %d%n", refused, after);
    }
  }

  private static HttpResponse<byte[]> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
