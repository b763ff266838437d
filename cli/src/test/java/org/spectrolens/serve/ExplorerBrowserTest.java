package org.spectrolens.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spectrolens.cli.QuickDemo;

/**
 * The explorer end to end in a real browser (Debian's chromium driven by its chromedriver,
 * headless; skipped where either is absent) on the output of {@code demo --quick} ({@link QuickDemo},
 * the run {@code DemoCommandTest} checks, made once per test JVM), with {@code --model} its
 * vowels-4k model: filter by a confusion cell, open an item with maps, toggle two more methods, drag
 * a box and read its band and span against the page's axes, play the audio (the recording, then the
 * sound a map keeps) and see its time and the playhead advance; compare; upload a WAV and wait for its
 * maps; the items table at 10,000 rows (the demo's vowels-4k rows repeated, as {@link ServeTimings}
 * makes them: the demo has no run that large); a monitoring-scene clip with its event boxes and stems.
 * Each view is saved as a screenshot under {@code target/serve-screenshots/}; the page's own timings
 * (Performance API: item view ready, table filtered) are printed, not asserted.
 */
class ExplorerBrowserTest {
  static final Path SHOTS = Path.of("target/serve-screenshots");
  static Path dir;
  static Path work;
  static ExplorerServer server;
  static ExplorerPage page;
  static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(ExplorerPage.available(), "chromium or chromedriver is not installed: skipped");
    dir = QuickDemo.get();
    work = dir.resolveSibling("explorer-work");
    ServeTimings.bigRun(dir.resolve("vowels-4k"), work.resolve("big"));
    server = ExplorerServer.start(new ExplorerServer.Settings(List.of(dir, work), "127.0.0.1", 0, null, dir.resolve("vowels-4k/model")));
    page = ExplorerPage.start(server.port());
    browser = page.browser;
  }

  @AfterAll
  static void stop() {
    if (page != null) page.close();
    if (server != null) server.close();
  }

  static Object js(String script, Object... args) {
    return page.js(script, args);
  }

  static WebDriverWait waiting() {
    return page.waiting();
  }

  static void shot(String name) throws IOException {
    page.shot(SHOTS.resolve(name + ".png"));
  }

  static void open(String run) {
    page.open(run);
  }

  static double number(Object o) {
    return ExplorerPage.number(o);
  }

  @Test
  void filterOpenToggleMeasureAndListen() throws IOException {
    String run = dir.getFileName() + "/vowels-4k";
    open(run);
    shot("items");
    // the demo explains a few items a class: the fullest confusion cell holding one of them (off the diagonal where one does)
    Map<String, String[]> predicted = predictions(dir.resolve("vowels-4k/groups/predictions.csv"));
    java.util.Set<String> mapped = new java.util.HashSet<>();
    List<String> explained = Files.readAllLines(dir.resolve("vowels-4k/explain/items.csv"));
    for (String line : explained.subList(1, explained.size())) mapped.add(line.split(",")[1]);
    Map<List<String>, Integer> cellCount = new java.util.HashMap<>(), cellMapped = new java.util.HashMap<>();
    for (Map.Entry<String, String[]> p : predicted.entrySet()) {
      List<String> key = List.of(p.getValue()[0], p.getValue()[1]);
      cellCount.merge(key, 1, Integer::sum);
      if (mapped.contains(p.getKey())) cellMapped.merge(key, 1, Integer::sum);
    }
    List<String> chosen = cellMapped.keySet().stream().max(java.util.Comparator.<List<String>>comparingInt(k -> k.get(0).equals(k.get(1)) ? 0 : 1)
        .thenComparingInt(cellCount::get)).orElseThrow(() -> new AssertionError("no explained item has a prediction"));
    String label = chosen.get(0), predictedAs = chosen.get(1);
    int count = cellCount.get(chosen);
    WebElement cell = browser.findElement(By.cssSelector("#confusion td.cell[data-label='" + label + "'][data-predicted='" + predictedAs + "']"));
    assertEquals(String.valueOf(count), cell.getText(), "the confusion cell counts the run's predictions");
    cell.click();
    assertTrue(browser.findElement(By.id("count")).getText().startsWith(count + " of "), browser.findElement(By.id("count")).getText());
    List<WebElement> rows = browser.findElements(By.cssSelector("#table-rows .row"));
    assertEquals(Math.min(count, rows.size()), rows.size());
    for (WebElement r : rows) {
      List<WebElement> cells = r.findElements(By.tagName("span"));
      assertEquals(label, cells.get(1).getText());
      assertEquals(predictedAs, cells.get(2).getText());
    }
    shot("items-confusion-cell");
    // within the cell, the items with maps
    new Select(browser.findElement(By.id("f-maps"))).selectByValue("yes");
    rows = browser.findElements(By.cssSelector("#table-rows .row"));
    assertEquals((int) cellMapped.get(chosen), rows.size(), "the cell's items with maps");
    for (WebElement r : rows) {
      List<WebElement> cells = r.findElements(By.tagName("span"));
      assertEquals(List.of(label, predictedAs, "yes"), List.of(cells.get(1).getText(), cells.get(2).getText(), cells.get(7).getText()));
      assertTrue(mapped.contains(r.getAttribute("data-id")), r.getAttribute("data-id"));
    }

    String id = rows.get(0).getAttribute("data-id");
    rows.get(0).click();
    waiting().until(d -> id.equals(d.findElement(By.id("item-title")).getText()) && js("return window.explorer.timings.item") != null);
    List<String> itemTimes = new java.util.ArrayList<>(List.of(itemTiming()));
    // the item opens with its first method shown; two more are ticked (gradcam and layercam, or the next ones the demo made)
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) js("return Object.keys(window.explorer.state.item.maps)");
    String shownFirst = names.get(0);
    assertEquals(List.of(shownFirst), js("return window.explorer.state.methods"));
    List<String> ticked = java.util.stream.Stream.concat(java.util.stream.Stream.of("gradcam", "layercam"), names.stream())
        .filter(m -> names.contains(m) && !m.equals(shownFirst)).distinct().limit(2).toList();
    List<String> shown = names.stream().filter(m -> m.equals(shownFirst) || ticked.contains(m)).toList();
    long before = canvasSum("spec");
    for (String m : ticked) browser.findElement(By.cssSelector("#methods input[data-method='" + m + "']")).click();
    assertEquals(shown, js("return window.explorer.state.methods"));
    assertEquals(3, browser.findElements(By.cssSelector("#compare canvas")).size(), "the methods side by side");
    assertTrue(canvasSum("spec") != before, "the overlay changed with the methods shown");
    // the band and time profiles are each map's means over columns and over rows
    assertEquals(shown, js("return Object.keys(window.explorer.state.profiles)"));
    String m1 = ticked.get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> sal = (Map<String, Object>) js("return window.explorer.state.item.maps[arguments[0]].grid", m1);
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) sal.get("values"), band = (List<Object>) js("return window.explorer.state.profiles[arguments[0]].band", m1),
        time = (List<Object>) js("return window.explorer.state.profiles[arguments[0]].time", m1);
    int rowsN = ((Number) sal.get("rows")).intValue(), colsN = ((Number) sal.get("columns")).intValue();
    for (int r = 0; r < rowsN; r++) {
      double m = 0;
      for (int t = 0; t < colsN; t++) m += number(values.get(r * colsN + t)) / colsN;
      assertEquals(m, number(band.get(r)), 1e-9, "band profile row " + r);
    }
    double col0 = 0;
    for (int r = 0; r < rowsN; r++) col0 += number(values.get(r * colsN)) / rowsN;
    assertEquals(col0, number(time.get(0)), 1e-9, "time profile column 0");
    assertTrue(painted("wave") > 100 && painted("band-profile") > 100 && painted("time-profile") > 100, "the waveform strip and profiles are drawn");
    shot("item-three-methods");

    // drag a box from (200, 120) to (420, 260) canvas pixels (the canvas is drawn 1:1)
    WebElement overlay = browser.findElement(By.id("overlay"));
    int w = overlay.getSize().getWidth(), h = overlay.getSize().getHeight();
    new Actions(browser).moveToElement(overlay, 200 - w / 2, 120 - h / 2).clickAndHold().moveByOffset(220, 140).release().perform();
    WebElement box = browser.findElement(By.id("box"));
    @SuppressWarnings("unchecked")
    Map<String, Object> e = (Map<String, Object>) js("return window.explorer.state.extent");
    double t0 = number(e.get("t0")), t1 = number(e.get("t1")), f0 = number(e.get("f0")), f1 = number(e.get("f1"));
    int left = 62, top = 10, pw = 900 - 62 - 10, ph = 420 - 10 - 34; // the page's plot margins
    double sPerPx = (t1 - t0) / pw, hzPerPx = (f1 - f0) / ph;
    assertEquals(t0 + (200 - left) * sPerPx, Double.parseDouble(box.getAttribute("data-s-start")), 1.5 * sPerPx);
    assertEquals(t0 + (420 - left) * sPerPx, Double.parseDouble(box.getAttribute("data-s-end")), 1.5 * sPerPx);
    assertEquals(f0 + (ph - (260 - top)) * hzPerPx, Double.parseDouble(box.getAttribute("data-hz-low")), 1.5 * hzPerPx);
    assertEquals(f0 + (ph - (120 - top)) * hzPerPx, Double.parseDouble(box.getAttribute("data-hz-high")), 1.5 * hzPerPx);
    assertTrue(box.getText().startsWith("band ") && box.getText().contains(" Hz") && box.getText().contains(" s ("), box.getText());
    shot("item-box");

    // play (at a quarter speed: the span is under half a second): the audio element's clock and the playhead both advance
    js("const a = document.getElementById('audio'); a.playbackRate = 0.25; a.play();");
    waiting().until(d -> number(js("return document.getElementById('audio').currentTime")) > 0.01);
    @SuppressWarnings("unchecked")
    List<List<Object>> samples = (List<List<Object>>) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1], a = document.getElementById('audio'), out = [], t0 = performance.now();"
        + " (function tick() { out.push([a.currentTime, window.explorer.state.playhead]);"
        + " if (performance.now() - t0 < 600 && !a.ended) setTimeout(tick, 50); else done(out); })();");
    double audioStart = number(js("return window.explorer.state.item.audio.start"));
    List<Object> first = samples.get(0), last = samples.get(samples.size() - 1);
    assertTrue(number(last.get(0)) > number(first.get(0)), "the audio element's time advances: " + samples);
    assertTrue(number(last.get(1)) > number(first.get(1)), "the playhead advances: " + samples);
    assertEquals(audioStart + number(last.get(0)), number(last.get(1)), 0.1, "the playhead follows the audio's clock");
    js("document.getElementById('audio').pause()");
    shot("item-playing");

    // the sound the first method's map keeps (explain --audio's signal, over the item alone): its clock and the playhead advance
    new Select(browser.findElement(By.id("audio-kind"))).selectByValue(shownFirst + " kept");
    assertTrue(String.valueOf(js("return document.getElementById('audio').src")).contains("kind=kept&method=" + ItemView.url(shownFirst)));
    double keptStart = number(js("return window.explorer.state.item.audio.sounds[arguments[0]].start", shownFirst + " kept"));
    assertEquals(number(js("return window.explorer.state.item.start")), keptStart, 1e-9, "the kept sound covers the item");
    // sampled from the start (the item alone is short): every 30 ms while it plays at a quarter speed
    @SuppressWarnings("unchecked")
    List<List<Object>> kept = (List<List<Object>>) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1], a = document.getElementById('audio'), out = [], t0 = performance.now();"
        + " a.defaultPlaybackRate = 0.25; a.playbackRate = 0.25; a.play();"
        + " (function tick() { if (a.currentTime > 0 && window.explorer.state.playhead !== null) out.push([a.currentTime, window.explorer.state.playhead]);"
        + " if (performance.now() - t0 < 3000 && !a.ended && out.length < 12) setTimeout(tick, 30); else done(out); })();");
    assertTrue(kept.size() >= 2, "the kept sound plays: " + kept);
    List<Object> k0 = kept.get(0), k1 = kept.get(kept.size() - 1);
    assertTrue(number(k1.get(0)) > number(k0.get(0)) && number(k1.get(1)) > number(k0.get(1)), "the kept sound plays, the playhead moves: " + kept);
    assertEquals(keptStart + number(k1.get(0)), number(k1.get(1)), 0.1, "the playhead follows the kept sound from the item's start");
    js("document.getElementById('audio').pause()");

    compare(id);

    // more items opened from the whole table, each timed (the first click above included)
    browser.findElement(By.id("compare-back")).click();
    browser.findElement(By.id("f-clear")).click();
    for (int k = 1; k <= 3; k++) {
      WebElement row = browser.findElements(By.cssSelector("#table-rows .row")).get(k);
      String other = row.getAttribute("data-id");
      js("window.explorer.timings.item = null");
      row.click();
      waiting().until(d -> other.equals(d.findElement(By.id("item-title")).getText()) && js("return window.explorer.timings.item") != null);
      itemTimes.add(itemTiming());
      browser.findElement(By.id("back")).click();
    }

    // upload a WAV (a recording of the corpus) and watch its four maps arrive (the items view is shown)
    Path recording = Path.of(org.spectrolens.dataset.CachedDataset.open(dir.resolve("vowels-4k/dataset")).items().get(0).source());
    browser.findElement(By.id("upload-file")).sendKeys(recording.toAbsolutePath().toString());
    // pick the span by dragging over the recording's waveform, from 1/4 to 3/4 of its width
    waiting().until(d -> js("return window.explorer.state.uploadWave") != null);
    double duration = number(js("return window.explorer.state.uploadWave.duration"));
    assertEquals(org.spectrolens.audio.AudioFile.probe(recording).durationSeconds(), duration, 0.01, "the page decoded the file");
    WebElement picker = browser.findElement(By.id("upload-wave"));
    int pw2 = picker.getSize().getWidth();
    new Actions(browser).moveToElement(picker, -pw2 / 4, 0).clickAndHold().moveByOffset(pw2 / 2, 0).release().perform();
    double pickedStart = Double.parseDouble(browser.findElement(By.id("upload-start")).getAttribute("value"));
    double pickedEnd = Double.parseDouble(browser.findElement(By.id("upload-end")).getAttribute("value"));
    assertEquals(duration / 4, pickedStart, 2.0 * duration / pw2, "the span's start, read from the drag");
    assertEquals(3 * duration / 4, pickedEnd, 2.0 * duration / pw2, "the span's end");
    browser.findElement(By.id("upload-go")).click();
    new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> js("return window.explorer.timings.upload") != null
        || browser.findElement(By.id("status")).getAttribute("class").equals("error"));
    // the upload box is on the items view, hidden once the upload's view opens: read its text, not what is shown
    assertEquals("done: 4 of 4 methods", js("return document.getElementById('upload-status').textContent"),
        String.valueOf(js("return document.getElementById('status').textContent")));
    assertEquals(LiveExplainer.METHODS.size(), browser.findElements(By.cssSelector("#methods input")).size());
    assertEquals(pickedStart, number(js("return window.explorer.state.item.audio.start")), 1e-9, "explained from the span picked");
    assertTrue(!browser.findElement(By.id("item-compare")).isDisplayed(), "an upload has no run to compare in");
    assertTrue(String.valueOf(js("return [...document.getElementById('audio-kind').options].map(o => o.value)")).contains("gradcam kept"),
        "an upload's maps' sounds to play");
    double uploadMs = number(js("return window.explorer.timings.upload"));
    shot("upload");

    // 10,000 rows: filter by class, then by a confusion cell, timed by the page (Performance API)
    Path big = work.resolve("big");
    List<String> manifest = Files.readAllLines(big.resolve("dataset/manifest.csv"));
    int labelColumn = List.of(manifest.get(0).split(",")).indexOf("label");
    String cls = manifest.get(1).split(",")[labelColumn];
    long inClass = manifest.stream().skip(1).filter(l -> l.split(",")[labelColumn].equals(cls)).count();
    open(work.getFileName() + "/big");
    new Select(browser.findElement(By.id("f-class"))).selectByValue(cls);
    double classMs = number(js("return window.explorer.timings.filter"));
    assertTrue(browser.findElement(By.id("count")).getText().startsWith(inClass + " of " + ServeTimings.BIG),
        browser.findElement(By.id("count")).getText());
    // the fullest cell off the diagonal (or on it, for a model that makes no mistake)
    Map<List<String>, Integer> bigCells = new java.util.HashMap<>();
    for (String[] lp : predictions(big.resolve("groups/predictions.csv")).values()) bigCells.merge(List.of(lp[0], lp[1]), 1, Integer::sum);
    List<String> bigCell = bigCells.keySet().stream().max(java.util.Comparator.<List<String>>comparingInt(k -> k.get(0).equals(k.get(1)) ? 0 : 1)
        .thenComparingInt(bigCells::get)).orElseThrow();
    new Select(browser.findElement(By.id("f-class"))).selectByValue("");
    browser.findElement(By.cssSelector("#confusion td[data-label='" + bigCell.get(0) + "'][data-predicted='" + bigCell.get(1) + "']")).click();
    assertTrue(browser.findElement(By.id("count")).getText().startsWith(bigCells.get(bigCell) + " of " + ServeTimings.BIG),
        browser.findElement(By.id("count")).getText());
    double cellMs = number(js("return window.explorer.timings.filter"));
    assertTrue(browser.findElements(By.cssSelector("#table-rows .row")).size() < 60, "only the rows in sight are in the page");
    js("var w = document.getElementById('table-wrap'); w.scrollTop = w.scrollHeight;");
    shot("items-10000");
    System.out.printf("serve timings (chromium headless, this machine): item views ready after the click: %s;"
        + " 10,000-row table filtered by class in %.1f ms, by a confusion cell in %.1f ms; an uploaded recording's 4 maps in %.0f ms%n",
        String.join("; ", itemTimes), classMs, cellMs, uploadMs);
  }

  /** A clip of the demo's monitoring scene that holds events: their boxes drawn over the spectrogram (on, off), its event and rest stems to play. */
  @Test
  void aSceneClipShowsItsEventsAndOffersItsStems() throws IOException {
    org.spectrolens.dataset.CachedDataset ds = org.spectrolens.dataset.CachedDataset.open(dir.resolve("monitoring-scene/dataset"));
    org.spectrolens.scene.SceneIndex index = org.spectrolens.scene.SceneIndex.read(dir.resolve("scene-corpus"));
    // an item whose span overlaps an event, a patient sound's where one does
    java.util.function.ToIntFunction<org.spectrolens.dataset.DatasetItem> overlap = i -> index.of(i.source()).events().stream()
        .filter(e -> e.onset() < i.end() && e.offset() > i.start()).mapToInt(e -> e.kind().positive() ? 2 : 1).max().orElse(0);
    org.spectrolens.dataset.DatasetItem item = ds.items().stream().filter(i -> overlap.applyAsInt(i) > 0)
        .max(java.util.Comparator.comparingInt(overlap)).orElseThrow(() -> new AssertionError("no scene item overlaps an event"));
    int events = index.of(item.source()).events().size();
    open(dir.getFileName() + "/monitoring-scene");
    WebElement text = browser.findElement(By.id("f-text"));
    text.sendKeys(item.id());
    browser.findElements(By.cssSelector("#table-rows .row")).stream().filter(r -> item.id().equals(r.getAttribute("data-id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + item.id())).click();
    waiting().until(d -> item.id().equals(d.findElement(By.id("item-title")).getText()));
    assertEquals(events, ((Number) js("return window.explorer.state.item.events.length")).intValue(), "the clip's events, as events.csv lists them");
    assertTrue(browser.findElement(By.id("events-toggle")).isDisplayed(), "the events toggle");
    long on = canvasSum("spec");
    browser.findElement(By.id("events")).click();
    assertTrue(canvasSum("spec") != on, "the event boxes are drawn over the spectrogram (the drawing changes without them)");
    browser.findElement(By.id("events")).click();
    assertEquals(on, canvasSum("spec"), "and back with them");
    new Select(browser.findElement(By.id("audio-kind"))).selectByValue("event");
    assertTrue(String.valueOf(js("return document.getElementById('audio').src")).contains("kind=event"), "the event stem to play");
    assertTrue(String.valueOf(js("return [...document.getElementById('audio-kind').options].map(o => o.value)")).contains("rest"), "the rest stem");
    shot("scene-clip");
  }

  /** A predictions.csv ({@code id,label,predicted,...}): id to its label and predicted class. */
  static Map<String, String[]> predictions(Path csv) throws IOException {
    Map<String, String[]> out = new java.util.LinkedHashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      out.put(c[0], new String[] {c[1], c[2]});
    }
    return out;
  }

  static String itemTiming() {
    return page.itemTiming().toString();
  }

  /** The compare view from item {@code id}: its gradcam map beside a class's mean, and every class's mean with its median F1-F3 drawn at their Hz. */
  static void compare(String id) throws IOException {
    js("window.explorer.timings.compare = null");
    browser.findElement(By.id("item-compare")).click();
    waiting().until(d -> js("return window.explorer.timings.compare") != null || browser.findElement(By.id("status")).getAttribute("class").equals("error"));
    assertEquals(id, browser.findElement(By.id("cmp-a")).getAttribute("value"));
    assertEquals(List.of("item", "class"), js("return window.explorer.state.compare.sides.map(s => s.kind)"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> means = (List<Map<String, Object>>) js("return window.explorer.state.compare.means.classes");
    List<WebElement> panels = browser.findElements(By.cssSelector("#cmp-means canvas"));
    assertEquals(means.size(), panels.size(), "one panel per class");
    int lines = 0;
    for (int k = 0; k < means.size(); k++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> grid = (Map<String, Object>) means.get(k).get("grid"), truth = (Map<String, Object>) means.get(k).get("truth");
      @SuppressWarnings("unchecked")
      List<Object> hz = (List<Object>) ((Map<String, Object>) grid.get("axes")).get("frequencies_hz");
      int n = hz.size();
      double top = number(hz.get(n - 1)) + (number(hz.get(n - 1)) - number(hz.get(n - 2))) / 2; // the top row's upper edge
      int ph = 220 - 10 - 34; // the panel's plot height (the page's margins)
      for (String f : List.of("f1", "f2", "f3")) {
        if (truth == null || truth.get(f) == null || number(truth.get(f)) > top) continue;
        long y = Math.round(10 + (1 - number(truth.get(f)) / top) * ph);
        @SuppressWarnings("unchecked")
        List<Object> px = (List<Object>) js("const c = document.querySelectorAll('#cmp-means canvas')[arguments[0]];"
            + " return Array.from(c.getContext('2d').getImageData(150, arguments[1], 1, 1).data);", k, y);
        assertEquals(List.of(0L, 229L, 255L, 255L), px, means.get(k).get("class") + " " + f + " drawn at its Hz (y " + y + ")");
        lines++;
      }
    }
    assertTrue(lines >= means.size(), "formant lines drawn: " + lines);
    shot("compare");
  }

  /** How many of a canvas's pixels are painted in a colour (neither transparent nor grey). */
  static long painted(String id) {
    return ((Number) js("const c = document.getElementById(arguments[0]); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2])) n++; return n;", id)).longValue();
  }

  /** A checksum of a canvas's pixels, to see that a drawing changed. */
  static long canvasSum(String id) {
    return ((Number) js("const c = document.getElementById(arguments[0]); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " let s = 0; for (let i = 0; i < d.length; i += 7) s = (s * 31 + d[i]) % 1000000007; return s;", id)).longValue();
  }
}
