package org.spectrolens.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.bench.HostileRequests;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;

/**
 * The load test's hostile requests ({@code bench serve}), one round of every kind against a server
 * started as {@code serve --token T --model M}: each is answered with a 4xx (not a 5xx, not a
 * closed connection), and the server still answers an item afterwards.
 */
class HostileRoundTest {
  @Test
  void everyHostileRequestIsA4xxAndTheServerStillServes() throws Exception {
    Path dir = ServeFixture.get();
    CachedDataset ds = CachedDataset.open(dir.resolve("vowels/dataset"));
    DatasetItem item = ds.items().get(0);
    String run = dir.getFileName() + "/vowels", token = "a-t0ken-for-the-round";
    try (ExplorerServer server = ExplorerServer.start(new ExplorerServer.Settings(List.of(dir), "127.0.0.1", 0, token, dir.resolve("vowels/model")))) {
      HostileRequests.Target target = new HostileRequests.Target(server.port(), token, run, item.id(), Files.readAllBytes(Path.of(item.source())));
      int n = HostileRequests.roundSize(target);
      List<HostileRequests.Tally> tallies = HostileRequests.send(target, n);
      String table = String.join("\n", HostileRequests.table(tallies));
      assertEquals(List.of("traversal", "bad parameter", "oversized upload", "malformed upload", "garbage JSON", "token", "malformed request"),
          tallies.stream().map(HostileRequests.Tally::kind).toList(), table);
      for (HostileRequests.Tally t : tallies) {
        assertEquals(t.sent(), t.refused(), t.kind() + " answered 4xx:\n" + table);
        assertTrue(t.failures().isEmpty(), table);
      }
      assertEquals(n, tallies.stream().mapToInt(HostileRequests.Tally::sent).sum());
      HttpResponse<byte[]> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/item?run="
          + ItemView.url(run) + "&id=" + ItemView.url(item.id()))).header(AccessGuard.HEADER, token).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, after.statusCode(), "an item, after the hostile round");
    }
  }
}
