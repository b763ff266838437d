package org.spectrolens.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.MapShards;
import org.spectrolens.explain.MapStack;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.io.Json;

/**
 * The explorer over an explain folder whose maps are in shards (as {@code --engine spark} writes
 * them): every item view it answers equals the one it answers over the same maps as single stacks; and
 * a command given a stack's path reads it from the shards.
 */
class ShardedMapsServeTest {
  @TempDir Path copy;

  @Test
  void theExplorerServesShardedMapsAsStacks() throws Exception {
    Path fixture = ServeFixture.get();
    Path vowels = copy.resolve("vowels");
    copyTree(fixture.resolve("vowels"), vowels);
    int parts = shard(vowels.resolve("explain"), 3);
    assertTrue(parts == 3 && MapShards.sharded(vowels.resolve("explain")));
    assertFalse(Files.exists(vowels.resolve("explain/gradcam.npy")));
    HttpClient http = HttpClient.newHttpClient();
    try (ExplorerServer stacks = ExplorerServer.start(new ExplorerServer.Settings(List.of(fixture), "127.0.0.1", 0, null));
        ExplorerServer shards = ExplorerServer.start(new ExplorerServer.Settings(List.of(copy, fixture), "127.0.0.1", 0, null))) {
      String a = ItemView.url(fixture.getFileName() + "/vowels");
      String b = ItemView.url(copy.getFileName() + "/vowels");
      List<DatasetItem> items = CachedDataset.open(vowels.resolve("dataset")).items();
      for (DatasetItem item : List.of(items.get(0), items.get(items.size() / 2), items.get(items.size() - 1))) {
        JsonNode x = get(http, stacks, "/api/item?run=" + a + "&id=" + ItemView.url(item.id())).get("maps");
        JsonNode y = get(http, shards, "/api/item?run=" + b + "&id=" + ItemView.url(item.id())).get("maps");
        assertEquals(3, x.size(), "gradcam, saliency, layercam");
        assertEquals(x, y, item.id());
      }
    }
    // a command given a stack's path (decompose, segment) reads the sharded folder's stack as the file
    List<String> out = new ArrayList<>();
    for (Path explain : List.of(fixture.resolve("vowels/explain"), vowels.resolve("explain"))) {
      Path o = copy.resolve("nmf-" + out.size());
      org.spectrolens.cli.CliRun r = org.spectrolens.cli.CliRun.of("decompose", explain.resolve("gradcam.npy").toString(), "--item", "5",
          "--components", "2", "--out", o.toString());
      assertEquals(0, r.exit(), r.err());
      out.add(Files.readString(o.resolve("templates.csv")) + Files.readString(o.resolve("activations.csv")));
    }
    assertEquals(out.get(0), out.get(1));
  }

  static JsonNode get(HttpClient http, ExplorerServer server, String path) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    return Json.MAPPER.readTree(r.body());
  }

  /** Replaces an explain folder's stacks by {@code parts} shards each and their index; the number of parts written. */
  static int shard(Path explain, int parts) throws Exception {
    ExplainResult r = ExplainResult.read(explain.resolve(ExplainResult.FILE));
    List<MapShards.Shard> shards = new ArrayList<>();
    int per = (r.count() + parts - 1) / parts;
    for (String m : r.methods().keySet()) {
      for (boolean raw : new boolean[] {false, true}) {
        Path file = explain.resolve(MapStack.fileStem(m) + (raw ? ".raw.npy" : ".npy"));
        MapStack.Maps s = MapStack.read(explain, m, raw);
        for (int p = 0; p * per < r.count(); p++) {
          float[][] rows = Arrays.copyOfRange(s.maps(), p * per, Math.min(r.count(), (p + 1) * per));
          shards.add(MapShards.write(explain, m, raw, p, p * per, rows, s.height(), s.width()));
        }
        Files.delete(file);
      }
    }
    MapShards.writeIndex(explain, new MapShards.Index(r.count(), MapShards.Index.FLOAT32, shards));
    return (int) shards.stream().mapToInt(MapShards.Shard::from).distinct().count();
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }
}
