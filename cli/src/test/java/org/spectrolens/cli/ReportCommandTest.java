package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report over a trained model, its explanations and judged results: every section present, its
 * sentences generated from the numbers, and the page rendered by headless Chromium (Debian's
 * {@code chromium}; that part skips without it) with every image loaded and a screenshot saved to
 * {@code cli/target/report-screenshot.png}.
 */
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void reportGathersEverySectionAndRendersInChromium() throws Exception {
    Path ds = dir.resolve("results/ds");
    TwoBandDataset.write(ds, s -> "s" + s + ".wav");
    Path model = dir.resolve("results/model");
    assertEquals(0, CliRun.of("train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "1",
        "--batch", "8", "--quiet", "--seed", "2").exit());
    CliRun ex = CliRun.of("explain", "--model", model.toString(), "--data", ds.toString(), "--per-class", "2", "--methods", "gradcam,saliency",
        "--quiet", "--out", dir.resolve("results/explain").toString());
    assertEquals(0, ex.exit(), ex.err());
    // judged results in the commands' documented layout (issue contract); their numbers are test data
    Files.createDirectories(dir.resolve("results/judged"));
    Files.writeString(dir.resolve("results/judged/faithfulness.json"), """
        {"methods": {"gradcam": {"mean_top50_weight": 0.71, "average_drop": 0.12, "average_increase": 0.30, "prediction_change": 0.05,
          "deletion_auc_prob": 0.21, "insertion_auc_prob": 0.66, "deletion_auc_acc": 0.3, "insertion_auc_acc": 0.8, "road_morf_auc": 0.2,
          "road_lerf_auc": 0.6, "faithfulness_correlation": 0.4, "sparseness": 0.5, "seconds": 3.2},
          "saliency": {"deletion_auc_prob": 0.52, "insertion_auc_prob": 0.40}},
         "baselines": {"random": {"deletion_auc_prob": 0.48, "insertion_auc_prob": 0.45}, "energy": {"deletion_auc_prob": 0.30, "insertion_auc_prob": 0.55}},
         "options": {"samples": 200, "grid": "32x32", "unit": "cell", "baseline": "floor"}}""");
    Files.writeString(dir.resolve("results/judged/sanity.json"), """
        {"methods": {"gradcam": {"cascading": [{"layer": "fc", "spearman": 0.9, "ssim": 0.8}, {"layer": "conv1", "spearman": 0.1, "ssim": 0.05}],
          "independent": [], "random_logit_ssim": 0.3, "passes": true},
          "saliency": {"cascading": [{"layer": "conv1", "spearman": 0.95, "ssim": 0.9}], "independent": [], "random_logit_ssim": 0.97, "passes": false},
          "layercam": {"cascading": [{"layer": "conv1", "spearman": -0.464, "ssim": 0.2, "items": 10, "spearman_items": 2}], "independent": [],
            "random_logit_ssim": 0.3, "passes": true}}}""");
    Files.writeString(dir.resolve("results/judged/localisation.json"), """
        {"methods": {"gradcam": {"relevance_mass": 0.42, "relevance_rank": 0.5, "pointing_game": 0.8},
           "layercam": {"relevance_mass": 0.2, "relevance_rank": 0.2, "pointing_game": 0.4, "pointing_game_any": 0.9, "max_tied_cells": 256,
             "items": 100, "items_with_tied_maximum": 40, "largest_tied_maximum": 1024}},
         "baselines": {"random": {"relevance_mass": 0.14, "relevance_rank": 0.13, "pointing_game": 0.15, "max_tied_cells": 1},
           "energy": {"relevance_mass": 0.31, "relevance_rank": 0.6, "pointing_game": 0.98, "max_tied_cells": 1}},
         "chance": {"relevance_mass": 0.14, "relevance_rank": 0.14, "pointing_game": 0.14, "pointing_game_any": 0.14}}""");
    Path html = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "--in", dir.resolve("results").toString(), "--out", html.toString(), "--title", "two bands");
    assertEquals(0, run.exit(), run.err());
    String page = Files.readString(html);
    for (String kind : List.of("training", "explain", "faithfulness", "sanity", "localisation")) {
      assertTrue(page.contains("class=\"" + kind + "\""), "section " + kind);
    }
    assertTrue(page.contains("gradcam&#x27;s deletion AUC, 0.210, is below the random map&#x27;s 0.480 and below the energy map&#x27;s 0.300 on 200 samples")
        || page.contains("gradcam's deletion AUC, 0.210, is below the random map's 0.480 and below the energy map's 0.300 on 200 samples"), page);
    assertTrue(page.contains("saliency's deletion AUC, 0.520, is not below the random map's 0.480"));
    assertTrue(page.contains("saliency fails the randomisation test"));
    assertTrue(page.contains("gradcam puts 42.0% of its mass on the truth region, which covers 14.0% of the grid: 3.0 times chance"));
    String text = page.replace("&#x27;", "'");
    // the localisation table carries the random and energy rows; the energy map is the bar a method must clear
    assertTrue(text.contains("layercam puts 20.0% of its mass on the truth region, which covers 14.0% of the grid: 1.4 times chance; no more"
        + " than the energy map's 31.0%"), text);
    assertTrue(text.contains("<td>energy map</td>") && text.contains("<td>random map</td>"), "reference rows");
    assertTrue(text.contains("<td>chance (the truth region's share)</td>"), "chance row");
    // the denominator: the region's share of the grid, said once; 14% is small enough to discriminate
    assertTrue(text.contains("The truth region covers 14.0% of the grid on average: a map that knows nothing puts that much of its mass on it"
        + " (the random map 14.0%, the energy map 31.0%)."), text);
    assertFalse(text.contains("localisation cannot discriminate"), "a 14% region discriminates");
    // a plateau of tied maxima is said, with what the pointing game then counts under both rules
    assertTrue(text.contains("layercam's maximum is a plateau of tied cells on 40 of 100 items (up to 1024 cells; 256.0 on average over all items), not one"
        + " point: its pointing game, 0.400,"), text);
    assertTrue(text.contains("a hit whenever any of them is within it, it is 0.900"), text);
    assertFalse(text.contains("gradcam's maximum is a plateau"), "no plateau sentence for a map without max_tied_cells");
    // a Spearman mean that rests on 2 of 10 items says so
    assertTrue(text.contains("-0.464 (2 of 10 items)"), text);
    assertTrue(text.contains("layercam's Spearman rests on 2 of 10 items (the other 8 maps are constant"), text);
    assertTrue(Files.isRegularFile(dir.resolve("report.json")));
    int images = count(page, "<img ");
    assertTrue(images >= 4, "figures: " + images);
    try (var s = Files.list(dir.resolve("report-figures"))) {
      assertEquals(images, s.filter(p -> p.toString().endsWith(".png")).count(), "every figure also as a PNG");
    }
    assertTrue(!page.contains("src=\"http") && !page.contains("src=\"file"), "self-contained");
    // a second run into the same page is fine; a folder without results is one clear line
    assertEquals(0, CliRun.of("report", "--in", dir.resolve("results").toString(), "--out", html.toString()).exit());
    Files.createDirectories(dir.resolve("empty"));
    CliRun none = CliRun.of("report", "--in", dir.resolve("empty").toString(), "--out", dir.resolve("r2.html").toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("holds no results"), none.err());
    assertTrue(Files.notExists(dir.resolve("r2.html")));

    String chromium = chromium();
    Assumptions.assumeTrue(chromium != null, "chromium is not installed: the rendering check skips");
    String dom = run(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", html.toUri().toString());
    Matcher loaded = Pattern.compile("data-images-loaded=\"(\\d+)\"").matcher(dom);
    Matcher broken = Pattern.compile("data-images-broken=\"(\\d+)\"").matcher(dom);
    assertTrue(loaded.find() && broken.find(), "the page's load handler ran");
    assertEquals(images, Integer.parseInt(loaded.group(1)), "every image loaded");
    assertEquals(0, Integer.parseInt(broken.group(1)), "no broken image");
    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    run(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,2400", "--screenshot=" + shot,
        html.toUri().toString());
    assertTrue(Files.size(shot) > 10_000, "screenshot at " + shot);
  }

  /** Markup in every user-controlled text (title, intro, folder names, class and method names) reaches the page as text. */
  @Test
  void markupInLabelsTitlesAndFileNamesIsEscaped() throws Exception {
    String tag = "<script>alert(1)</script>";
    String img = "<img src=x onerror=alert(2)>";
    Path exp = Files.createDirectories(dir.resolve("res").resolve("run\"" + img.replace("/", "")));
    Files.writeString(exp.resolve("metrics.json"), """
        {"classes": ["%1$s", "b&c"], "n": 4, "accuracy": 0.5, "balanced_accuracy": 0.5, "model": "%1$s", "split": "%2$s",
         "per_class": {"%1$s": {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}},
         "confusion_matrix": [[1, 1], [1, 1]]}""".formatted(tag.replace("/", "\\/"), img));
    Files.writeString(exp.resolve("localisation.json"), """
        {"methods": {"%s": {"relevance_mass": 0.42, "relevance_rank": 0.5, "pointing_game": 0.8}}}""".formatted(img));
    Path intro = dir.resolve("intro.txt");
    Files.writeString(intro, "How: " + tag + "\n\n" + img);
    Path html = dir.resolve("m.html");
    CliRun r = CliRun.of("report", "--in", dir.resolve("res").toString(), "--out", html.toString(), "--title", tag, "--intro", intro.toString());
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html);
    assertFalse(page.contains("<script>alert"), "a script from the inputs");
    assertFalse(page.contains("<img src=x"), "an element from the inputs");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title and labels as text");
    assertTrue(page.contains("&lt;img src=x onerror=alert(2)&gt;"), "names as text");
    assertTrue(page.contains("b&amp;c"), "an ampersand");
    assertEquals(1, count(page, "<script"), "only the page's own load handler");

    // REPORT.json is named after the page, not by the user: a user's file of that name is kept
    Path mine = dir.resolve("user.json");
    Files.writeString(mine, "{\"mine\": true}");
    CliRun kept = CliRun.of("report", "--in", dir.resolve("res").toString(), "--out", dir.resolve("user.html").toString());
    assertEquals(2, kept.exit());
    assertEquals("spectrolens: " + mine + ": exists and was not written by 'spectrolens report' (which writes a file of this name beside"
        + " its output); refusing to overwrite it (move it, or --force)", kept.err().strip());
    assertEquals("{\"mine\": true}", Files.readString(mine));
    assertTrue(Files.notExists(dir.resolve("user.html")));
    // its own earlier REPORT.json is replaced
    assertEquals(0, CliRun.of("report", "--in", dir.resolve("res").toString(), "--out", html.toString()).exit());
  }

  @Test
  void theReportIsWrittenBesideTheResultsItReads() throws Exception {
    // The demo's layout (issue 25): report --in DIR --out DIR/report.html.
    Path res = Files.createDirectories(dir.resolve("beside"));
    Files.writeString(res.resolve("metrics.json"), """
        {"classes": ["a", "b"], "n": 4, "accuracy": 0.5, "balanced_accuracy": 0.5, "model": "m", "split": "test",
         "per_class": {"a": {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}}, "confusion_matrix": [[1, 1], [1, 1]]}""");
    for (int run = 0; run < 2; run++) { // the second run replaces its own page, numbers and figures
      CliRun r = CliRun.of("report", "--in", res.toString(), "--out", res.resolve("report.html").toString());
      assertEquals(0, r.exit(), r.err());
      assertTrue(Files.readString(res.resolve("report.html")).contains("accuracy"), "the page");
      assertTrue(Files.isRegularFile(res.resolve("report.json")));
      assertTrue(Files.isDirectory(res.resolve("report-figures")));
    }
    // A page of the user's inside the results is not a report's own: kept, one line.
    Files.writeString(res.resolve("notes.html"), "<p>mine</p>");
    CliRun mine = CliRun.of("report", "--in", res.toString(), "--out", res.resolve("notes.html").toString());
    assertEquals(2, mine.exit());
    assertEquals("spectrolens: " + res.resolve("notes.html") + ": lies inside an input of this run and is not a page an earlier "
        + "report wrote (no notes.json of its own beside it); refusing to overwrite it (choose another --out, or --force)", mine.err().strip());
    assertEquals("<p>mine</p>", Files.readString(res.resolve("notes.html")));
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
    return n;
  }

  static String chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) if (Files.isExecutable(Path.of(c))) return c;
    return null;
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    return new String(out, java.nio.charset.StandardCharsets.UTF_8);
  }
}
