package org.spectrolens.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer's speed on a {@code demo} output, timed by the page itself (Performance API) in
 * headless chromium: item views from the click (items with maps, made ahead at start, and items
 * without, made on the click), the items table filtered at 10,000 rows, and a 1 s WAV uploaded and
 * explained with 4 methods on the demo's vowels-4k model. Not a test: {@code
 * scripts/bench/serve_demo.sh} runs it and docs/serve.md reports what it prints.
 *
 * <p>The demo has no 10,000-item run (its largest has a few thousand); the table is timed on one
 * made from its vowels-4k run: the dataset's rows repeated with new ids (their items, labels,
 * speakers, groups and predictions as the demo made them), under {@code WORK/big}. Last, the
 * vowel runs' item views again with the dB grids sent as JSON numbers (the form before they were
 * packed), for the payload's share of the wait.
 *
 * <p>Usage: {@code ServeTimings prepare DEMO WORK} (writes the large run), then {@code ServeTimings
 * DEMO WORK WAV [clicks]}.
 */
final class ServeTimings {
  static final int BIG = 10_000;

  private ServeTimings() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("prepare")) {
      bigRun(Path.of(args[1]).toAbsolutePath().resolve("vowels-4k"), Path.of(args[2]).toAbsolutePath().resolve("big"));
      return;
    }
    Path demo = Path.of(args[0]).toAbsolutePath().normalize(), work = Path.of(args[1]).toAbsolutePath().normalize();
    Path wav = Path.of(args[2]).toAbsolutePath();
    int clicks = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    long t0 = System.nanoTime();
    try (ExplorerServer server = ExplorerServer.start(new ExplorerServer.Settings(List.of(demo, work), "127.0.0.1", 0, null,
        demo.resolve("vowels-4k/model"))); ExplorerPage page = ExplorerPage.start(server.port())) {
      server.awaitPrecomputed();
      System.out.printf(Locale.ROOT, "server and browser started, views made ahead, in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      for (ExplorerRun r : server.runs()) {
        if (r.id().startsWith(work.getFileName() + "/")) continue;
        itemViews(page, r, clicks);
      }
      upload(page, server.runs().get(0).id(), wav, 3);
      String big = work.getFileName() + "/big";
      table(page, big);
      for (ExplorerRun r : server.runs()) if (r.id().equals(big) && !r.methods().isEmpty()) means(server, r);
    }
    // the same item views with the dB grids sent as numbers, as before they were packed: the payload's share of the wait
    System.setProperty("spectrolens.serve.numbers", "true");
    try (ExplorerServer server = ExplorerServer.start(new ExplorerServer.Settings(List.of(demo), "127.0.0.1", 0, null));
        ExplorerPage page = ExplorerPage.start(server.port())) {
      server.awaitPrecomputed();
      System.out.println("with the dB grids as JSON numbers (-Dspectrolens.serve.numbers=true):");
      for (ExplorerRun r : server.runs()) if (r.id().endsWith("/vowels-fullband") || r.id().endsWith("/vowels-4k")) itemViews(page, r, clicks);
    }
  }

  /** Opens {@code clicks} items with maps, then as many without, one after another from the table, each timed by the page. */
  static void itemViews(ExplorerPage page, ExplorerRun run, int clicks) {
    page.open(run.id());
    @SuppressWarnings("unchecked")
    List<String> mapped = (List<String>) page.js("return window.explorer.state.rows.filter(r => r.maps).map(r => r.id)");
    @SuppressWarnings("unchecked")
    List<String> plain = (List<String>) page.js("return window.explorer.state.rows.filter(r => !r.maps).map(r => r.id)");
    System.out.printf(Locale.ROOT, "run %s: %d items, %d with maps%n", run.id(), mapped.size() + plain.size(), mapped.size());
    for (String kind : List.of("with maps", "without maps")) {
      List<String> ids = spread(kind.equals("with maps") ? mapped : plain, clicks);
      List<ExplorerPage.ItemTiming> times = new ArrayList<>();
      for (String id : ids) {
        try {
          times.add(click(page, id));
        } catch (RuntimeException e) { // reported, and the next item tried: one bad item does not cost the run
          System.out.println("    " + id + ": not timed: " + e.toString().lines().findFirst().orElse(""));
          page.open(run.id());
        }
      }
      if (times.isEmpty()) continue;
      System.out.printf(Locale.ROOT, "  items %s, %d clicks: %s%n", kind, times.size(),
          summary(times.stream().mapToDouble(ExplorerPage.ItemTiming::total).toArray()));
      for (ExplorerPage.ItemTiming t : times) System.out.println("    " + t);
    }
  }

  /** Up to n ids spread over the list. */
  static List<String> spread(List<String> ids, int n) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < Math.min(n, ids.size()); k++) out.add(ids.get((int) ((long) k * ids.size() / Math.min(n, ids.size()))));
    return out;
  }

  /** Finds the item by its id in the table (the id filter) and clicks its row, as a person would. */
  static ExplorerPage.ItemTiming click(ExplorerPage page, String id) {
    WebElement text = page.browser.findElement(By.id("f-text"));
    text.clear();
    text.sendKeys(id);
    WebElement row = page.browser.findElements(By.cssSelector("#table-rows .row")).stream().filter(r -> id.equals(r.getAttribute("data-id")))
        .findFirst().orElseThrow(() -> new IllegalStateException("no row " + id));
    page.js("window.explorer.timings.item = null");
    row.click();
    page.waiting().until(d -> id.equals(d.findElement(By.id("item-title")).getText()) && page.js("return window.explorer.timings.item") != null);
    ExplorerPage.ItemTiming t = page.itemTiming();
    page.browser.findElement(By.id("back")).click();
    return t;
  }

  /** The WAV uploaded n times from the items view, the whole file explained; the page's time from the click to the last map. */
  static void upload(ExplorerPage page, String run, Path wav, int n) {
    page.open(run);
    page.waiting().until(d -> d.findElement(By.id("upload-box")).isDisplayed()); // shown once /api/live has answered
    double[] ms = new double[n];
    for (int k = 0; k < n; k++) {
      if (!page.browser.findElement(By.id("items-view")).isDisplayed()) page.browser.findElement(By.id("back")).click();
      page.browser.findElement(By.id("upload-file")).sendKeys(wav.toString());
      page.js("document.getElementById('upload-start').value = ''; document.getElementById('upload-end').value = ''");
      page.browser.findElement(By.id("upload-go")).click();
      new WebDriverWait(page.browser, java.time.Duration.ofSeconds(120)).until(d -> page.js("return window.explorer.timings.upload") != null
          || "error".equals(d.findElement(By.id("status")).getAttribute("class")));
      Object done = page.js("return window.explorer.timings.upload");
      if (done == null) throw new IllegalStateException("upload failed: " + page.js("return document.getElementById('status').textContent"));
      ms[k] = ExplorerPage.number(done);
      System.out.printf(Locale.ROOT, "  upload %d: %s, %.0f ms from the click%n", k + 1, page.js("return document.getElementById('upload-status').textContent"), ms[k]);
    }
    System.out.printf(Locale.ROOT, "upload of %s (%.2f s), 4 methods, %d times: %s%n", wav.getFileName(),
        org.spectrolens.audio.AudioFile.probe(wav).durationSeconds(), n, summary(ms));
  }

  /** The 10,000-row table filtered by each class, by each confusion cell with items, and sorted by each column. */
  static void table(ExplorerPage page, String run) {
    page.open(run);
    String count = page.browser.findElement(By.id("count")).getText();
    List<Double> byClass = new ArrayList<>(), byCell = new ArrayList<>(), bySort = new ArrayList<>();
    Select cls = new Select(page.browser.findElement(By.id("f-class")));
    for (WebElement o : cls.getOptions()) {
      if (o.getAttribute("value").isEmpty()) continue;
      cls.selectByValue(o.getAttribute("value"));
      byClass.add(ExplorerPage.number(page.js("return window.explorer.timings.filter")));
    }
    cls.selectByValue("");
    List<WebElement> cells = page.browser.findElements(By.cssSelector("#confusion td.cell"));
    for (WebElement td : cells) {
      if ("0".equals(td.getText())) continue;
      td.click();
      byCell.add(ExplorerPage.number(page.js("return window.explorer.timings.filter")));
      td.click(); // cleared
    }
    for (WebElement h : page.browser.findElements(By.cssSelector("#table-head span"))) {
      for (int k = 0; k < 2; k++) { // ascending, then descending
        h.click();
        bySort.add(ExplorerPage.number(page.js("return window.explorer.timings.filter")));
      }
    }
    System.out.printf(Locale.ROOT, "table %s (%s): filtered by class %s; by a confusion cell %s; sorted by a column %s%n", run, count,
        summary(byClass.stream().mapToDouble(Double::doubleValue).toArray()), summary(byCell.stream().mapToDouble(Double::doubleValue).toArray()),
        summary(bySort.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /** {@code /api/means} of each method of the large run: the first request (computed) and the second (kept), timed by the client. */
  static void means(ExplorerServer server, ExplorerRun run) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String method : run.methods()) {
      java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/means?run=" + ItemView.url(run.id()) + "&method="
          + ItemView.url(method));
      for (String which : List.of("first", "second")) {
        long t0 = System.nanoTime();
        java.net.http.HttpResponse<byte[]> r = http.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf(Locale.ROOT, "means %s %s of %d items, %s request: %d, %d KB in %.0f ms%n", run.id(), method, run.items().size(), which,
            r.statusCode(), Math.round(r.body().length / 1024.0), (System.nanoTime() - t0) / 1e6);
      }
    }
  }

  static String summary(double[] ms) {
    double[] s = ms.clone();
    java.util.Arrays.sort(s);
    DoubleSummaryStatistics st = java.util.Arrays.stream(s).summaryStatistics();
    return String.format(Locale.ROOT, "n %d, min %.1f, median %.1f, max %.1f ms", s.length, st.getMin(), s[s.length / 2], st.getMax());
  }

  /**
   * A run of {@link #BIG} items made from a demo run: its dataset's rows repeated with new ids
   * ({@code <id>~<copy>}), the items read from the demo's own folder (a link), and its
   * predictions repeated with them.
   */
  static void bigRun(Path from, Path to) throws IOException {
    Path ds = to.resolve("dataset");
    Files.createDirectories(ds);
    Files.copy(from.resolve("dataset/dataset.json"), ds.resolve("dataset.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (!Files.exists(ds.resolve("items"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(ds.resolve("items"), from.resolve("dataset/items"));
    }
    List<String> manifest = Files.readAllLines(from.resolve("dataset/manifest.csv"));
    List<String> predictions = Files.readAllLines(from.resolve("groups/predictions.csv"));
    java.util.Map<String, String> predicted = new java.util.HashMap<>();
    for (String p : predictions.subList(1, predictions.size())) predicted.put(p.substring(0, p.indexOf(',')), p.substring(p.indexOf(',')));
    List<String> rows = new ArrayList<>(List.of(manifest.get(0))), preds = new ArrayList<>(List.of(predictions.get(0)));
    for (int k = 0; rows.size() <= BIG; k++) {
      String line = manifest.get(1 + k % (manifest.size() - 1));
      String id = line.substring(0, line.indexOf(',')), copy = id + "~" + (k / (manifest.size() - 1));
      rows.add(copy + line.substring(id.length()));
      if (predicted.containsKey(id)) preds.add(copy + predicted.get(id));
    }
    Files.write(ds.resolve("manifest.csv"), rows);
    Files.createDirectories(to.resolve("groups"));
    Files.write(to.resolve("groups/predictions.csv"), preds);
  }
}
