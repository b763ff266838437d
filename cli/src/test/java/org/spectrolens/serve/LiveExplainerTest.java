package org.spectrolens.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.Json;

/**
 * Live explanation of uploads ({@code serve --model}): a vowel of the corpus uploaded as WAV comes
 * back with the model's probabilities and four maps on the model's grid, the same prediction the
 * model gave the dataset's item; bad uploads (empty, not audio, too long, a span outside, a number
 * that is not one, too large) are 4xx with one JSON line; a full queue is 429.
 */
class LiveExplainerTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void anUploadIsExplainedMethodByMethodAndBadOnesAreRefused() throws Exception {
    Path dir = ServeFixture.get();
    CachedDataset ds = CachedDataset.open(dir.resolve("vowels/dataset"));
    DatasetItem item = ds.items().get(0);
    byte[] wav = Files.readAllBytes(Path.of(item.source()));
    try (ExplorerServer server = ExplorerServer.start(new ExplorerServer.Settings(List.of(dir), "127.0.0.1", 0, null,
        dir.resolve("vowels/model")))) {
      String base = "http://127.0.0.1:" + server.port();
      JsonNode live = Json.MAPPER.readTree(get(base + "/api/live").body());
      assertEquals(ds.classes(), Json.MAPPER.convertValue(live.get("classes"), List.class));
      HttpResponse<String> posted = post(base + "/api/upload?name=v.wav&start=" + item.start() + "&end=" + item.end(), wav);
      assertEquals(202, posted.statusCode(), posted.body());
      String id = Json.MAPPER.readTree(posted.body()).get("id").asText();
      JsonNode s = null;
      for (int k = 0; k < 600; k++) {
        s = Json.MAPPER.readTree(get(base + "/api/upload?id=" + id).body());
        if (!s.get("state").asText().equals("queued") && !s.get("state").asText().equals("running")) break;
        Thread.sleep(100);
      }
      assertEquals("done", s.get("state").asText(), s.toString());
      assertEquals(LiveExplainer.METHODS, List.copyOf(iterable(s.get("maps").fieldNames())));
      double sum = 0;
      for (JsonNode p : s.get("probabilities")) sum += p.asDouble();
      assertEquals(1, sum, 1e-6);
      int h = ds.info().height(), w = ds.info().width();
      for (JsonNode m : s.get("maps")) {
        assertEquals(h * w, m.get("grid").get("values").size());
        for (JsonNode x : m.get("grid").get("values")) assertTrue(x.asDouble() >= 0 && x.asDouble() <= 1);
      }
      // the same input as the dataset's item: the same grid (the model's front end on the same span)
      float[][] grid = ds.load(item);
      assertEquals(grid[h / 2][w / 2], ExplorerServerTest.values(s.get("input"))[h / 2 * w + w / 2], 0.05);
      HttpResponse<String> audio = HTTP.send(HttpRequest.newBuilder(URI.create(base + s.get("audio").asText())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, audio.statusCode());
      // each map's kept sound and its complement, as for a run's items: over the span at the model's rate, adding up to it
      JsonNode sounds = s.get("sounds");
      assertEquals(2 * LiveExplainer.METHODS.size(), sounds.size(), "kept and complement of every method: " + sounds);
      JsonNode kept = sounds.get("saliency kept"), rest = sounds.get("saliency complement");
      assertEquals(item.start(), kept.get("start").asDouble(), 1e-4, "from the span's start (to a sample)");
      ExplorerServerTest.assertAddUp(ds, item, ExplorerServerTest.pcm16(bytes(base + kept.get("url").asText())),
          ExplorerServerTest.pcm16(bytes(base + rest.get("url").asText())), "the upload's saliency map");
      assertEquals(404, get(base + kept.get("url").asText().replace("method=saliency", "method=nothing")).statusCode());

      // refused uploads: each a 4xx with one JSON line, and the server still serving
      float[] longer = new float[31 * 16000];
      Path tooLong = Files.createTempFile("long", ".wav");
      WavWriter.writePcm16(tooLong, new Clip(longer, 16000));
      Object[][] bad = {{"", new byte[0], 400}, {"", "RIFF garbage, not audio at all".getBytes(), 400}, {"", Files.readAllBytes(tooLong), 400},
          {"&start=5&end=9", wav, 400}, {"&start=abc", wav, 400}};
      for (Object[] b : bad) {
        HttpResponse<String> r = post(base + "/api/upload?name=x" + b[0], (byte[]) b[1]);
        assertEquals(b[2], r.statusCode(), b[0] + ": " + r.body());
        ExplorerServerTest.assertOneJsonError(r.body().getBytes(), "upload " + b[0]);
      }
      Files.delete(tooLong);
      // too large: refused on its declared length, before a byte of it is read
      try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
        raw.setSoTimeout(10_000);
        raw.getOutputStream().write(("POST /api/upload?name=big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (LiveExplainer.MAX_BYTES + 1)
            + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String answer = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        ExplorerServerTest.assertOneJsonError(answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(), "too large");
      }
      assertEquals(200, get(base + "/api/runs").statusCode());
    }
    // a full queue: one job held running, QUEUE waiting, the next refused with 429
    CountDownLatch gate = new CountDownLatch(1);
    try (LiveExplainer l = new LiveExplainer(dir.resolve("vowels/model"), gate)) {
      for (int k = 0; k <= LiveExplainer.QUEUE; k++) l.submit(wav, "w", item.start(), item.end());
      ApiError full = assertThrows(ApiError.class, () -> l.submit(wav, "w", item.start(), item.end()));
      assertEquals(429, full.status());
      assertTrue(full.getMessage().startsWith("busy: "), full.getMessage());
      gate.countDown();
    }
  }

  static byte[] bytes(String url) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), url);
    return r.body();
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, byte[] body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
