package org.spectrolens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Json;
import org.spectrolens.render.Png;

/**
 * Writes a {@link Report} as one self-contained HTML page (figures embedded as data URIs: it opens
 * from the disk with no server and no network, and prints), with every figure also copied as a PNG
 * into a folder beside it and every number in a JSON file beside it.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The top-level fields of {@code <stem>.json}, by which a rerun knows the file as its own. */
  public static final String[] JSON_FIELDS = {"title", "experiments"};

  /** What was written. */
  public record Written(Path html, Path json, Path figures, int sections, int images, long bytes) {}

  /** Figures wider than the page (1100 px) are embedded scaled down to it (as JPEG); the PNG beside the page keeps full size. */
  public static final int EMBEDDED_WIDTH = 1100;

  /**
   * Writes {@code html}, {@code <stem>.json} and the PNGs into {@code figures} (a folder the caller
   * owns and publishes); the page and the JSON are written atomically. The page opens with an
   * overview (one row per experiment) and has one chapter per experiment.
   */
  public static Written write(Report report, Path html, Path figures) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(report.title())).append("</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}")
        .append("h1{font-size:1.7em}h2{border-bottom:2px solid #888;padding-bottom:.2em;margin-top:2.5em}h3{border-bottom:1px solid #ddd;margin-top:1.6em}")
        .append("table{border-collapse:collapse;margin:1em 0;")
        .append("font-size:.85em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:right}td:first-child,th:first-child{text-align:left}")
        .append("caption{text-align:left;font-weight:bold;padding:.3em 0}figure{margin:1em 0;page-break-inside:avoid}img{max-width:100%;")
        .append("border:1px solid #eee}figcaption{font-size:.8em;color:#555}nav li{margin:.1em 0}.src{font-size:.8em;color:#777}")
        .append("@media print{nav{display:none}h2{page-break-before:always}}</style></head><body>\n");
    b.append("<h1>").append(esc(report.title())).append("</h1>\n");
    for (String p : report.intro()) b.append("<p>").append(esc(p)).append("</p>\n");
    overview(b, report);
    b.append("<nav><ul>\n");
    int k = 0;
    for (Report.Experiment e : report.experiments()) {
      b.append("<li><a href=\"#e-").append(esc(anchor(e.name()))).append("\">").append(esc(e.name())).append("</a><ul>\n");
      for (Section s : e.sections()) b.append("<li><a href=\"#s").append(k++).append("\">").append(esc(s.title())).append("</a></li>\n");
      b.append("</ul></li>\n");
    }
    b.append("</ul></nav>\n");
    int images = 0;
    try {
      Files.createDirectories(figures);
      k = 0;
      for (Report.Experiment e : report.experiments()) {
        b.append("<article id=\"e-").append(esc(anchor(e.name()))).append("\" class=\"experiment\"><h2>").append(esc(e.name())).append("</h2>\n");
        for (String sentence : Comparisons.of(e)) b.append("<p>").append(esc(sentence)).append("</p>\n");
        for (Section s : e.sections()) {
          b.append("<section id=\"s").append(k).append("\" class=\"").append(esc(s.kind())).append("\"><h3>").append(esc(s.title()))
              .append("</h3>\n<p class=\"src\">from ").append(esc(s.source().toString())).append("</p>\n");
          for (Block block : s.blocks()) {
            if (block instanceof Block.Text t) {
              b.append("<p>").append(esc(t.text())).append("</p>\n");
            } else if (block instanceof Block.Table t) {
              table(b, t);
            } else if (block instanceof Block.Figure f) {
              byte[] png = Files.readAllBytes(f.png());
              org.spectrolens.io.AtomicFiles.writeBytes(figures.resolve(String.format("%02d-%03d-%s-%s", k, images, s.kind(), f.png().getFileName())), png);
              Png.Embedded shown = Png.forPage(png, EMBEDDED_WIDTH);
              b.append("<figure><img alt=\"").append(esc(f.caption())).append("\" src=\"data:").append(shown.mediaType()).append(";base64,")
                  .append(Base64.getEncoder().encodeToString(shown.bytes())).append("\"><figcaption>")
                  .append(esc(f.caption())).append("</figcaption></figure>\n");
              images++;
            }
          }
          b.append("</section>\n");
          k++;
        }
        b.append("</article>\n");
      }
    } catch (IOException e) {
      throw new SpectrolensException(figures.toString(), "cannot write the figures: " + e.getMessage());
    }
    // marks, once the page has loaded, how many images decoded: what a headless browser check reads back
    b.append("<script>addEventListener('load',function(){var ok=0,bad=0;for(var i of document.images){if(i.complete&&i.naturalWidth>0)ok++;else bad++;}")
        .append("document.body.setAttribute('data-images-loaded',ok);document.body.setAttribute('data-images-broken',bad);});</script>\n");
    b.append("</body></html>\n");
    AtomicFiles.writeString(html, b.toString());
    String name = html.getFileName().toString();
    Path json = html.resolveSibling((name.endsWith(".html") ? name.substring(0, name.length() - 5) : name) + ".json");
    Map<String, Object> all = new LinkedHashMap<>();
    all.put(JSON_FIELDS[0], report.title());
    all.put(JSON_FIELDS[1], report.numbers());
    Json.write(json, all);
    return new Written(html, json, figures, report.sections().size(), images, b.length());
  }

  /** One row per experiment: its test accuracy where a model's metrics are present, and what else it holds. */
  private static void overview(StringBuilder b, Report report) {
    List<List<String>> rows = new ArrayList<>();
    for (Report.Experiment e : report.experiments()) {
      List<Section> trained = e.of("training");
      String acc = "";
      String bal = "";
      String n = "";
      if (!trained.isEmpty()) {
        Map<String, Object> m = trained.get(0).numbers();
        acc = Numbers.percent(((Number) m.get("accuracy")).doubleValue());
        bal = Numbers.percent(((Number) m.get("balanced_accuracy")).doubleValue());
        n = String.valueOf(m.get("n"));
      }
      List<String> kinds = new ArrayList<>();
      for (Section s : e.sections()) if (!kinds.contains(s.kind())) kinds.add(s.kind());
      rows.add(List.of(e.name(), acc, bal, n, String.join(", ", kinds)));
    }
    table(b, new Block.Table("Overview: one row per experiment (details in its chapter below)",
        List.of("experiment", "test accuracy", "balanced", "test items", "results"), rows));
  }

  /** An HTML id from an experiment's name. */
  private static String anchor(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static void table(StringBuilder b, Block.Table t) {
    b.append("<table><caption>").append(esc(t.caption())).append("</caption><tr>");
    for (String h : t.header()) b.append("<th>").append(esc(h)).append("</th>");
    b.append("</tr>\n");
    for (var row : t.rows()) {
      b.append("<tr>");
      for (String c : row) b.append("<td>").append(esc(c)).append("</td>");
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
