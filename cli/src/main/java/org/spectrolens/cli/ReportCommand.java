package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.OutputFile;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.report.HtmlReport;
import org.spectrolens.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens report}: one self-contained HTML page from what the other commands wrote. */
@Command(name = "report", sortOptions = false,
    description = {"Gathers what train/evaluate, explain, faithfulness, sanity, localisation, analyze, ablation and",
        "discriminativity wrote under the --in folders (whatever is present) into one self-contained HTML page",
        "(figures embedded: it opens from the disk with no server and prints), with sentences generated from the",
        "numbers; beside it REPORT.json (every number) and REPORT-figures/ (every figure as PNG). The page may be",
        "written beside the results it reads (--out DIR/report.html with --in DIR, the demo's layout)."})
public final class ReportCommand implements Callable<Integer>, Checked {
  @Option(names = "--in", required = true, paramLabel = "DIR", description = "A folder of results, searched 4 levels deep (repeatable).")
  List<Path> in;

  @Option(names = "--out", required = true, paramLabel = "REPORT.html", description = "The page to write.")
  Path out;

  @Option(names = "--title", defaultValue = "spectrolens report", paramLabel = "TEXT", description = "The page's title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(names = "--intro", paramLabel = "FILE",
      description = "Plain text shown under the title (paragraphs separated by blank lines): how the results were made.")
  Path intro;

  @Option(names = "--force", description = "Overwrite a file of another kind, or write inside an input folder.")
  boolean force;

  @Override
  public void checkOptions() {
    Path name = out.getFileName(); // null for a root such as /
    if (name == null || !name.toString().endsWith(".html")) throw new SpectrolensException("--out", "must name an .html file, got " + out);
  }

  /**
   * The inputs guarded against the report's outputs. A report written beside the results it reads
   * (the demo's layout, issue 25) lies inside an input folder; that folder is not guarded for the
   * report's own three outputs (the page, REPORT.json, REPORT-figures/), which the report never
   * reads back. An existing page there is replaced only when it is an earlier report's (its
   * REPORT.json beside it says so), so a user's page of that name is never lost.
   */
  private Path[] besideResults(Path[] inputs) {
    Path page = out.toAbsolutePath().normalize();
    List<Path> guarded = new ArrayList<>();
    for (Path i : inputs) if (page.equals(i.toAbsolutePath().normalize()) || !page.startsWith(i.toAbsolutePath().normalize())) guarded.add(i);
    if (guarded.size() == inputs.length || force || !Files.exists(page)) return guarded.toArray(Path[]::new);
    Path json = page.resolveSibling(page.getFileName().toString().replaceFirst("\\.html$", "") + ".json");
    if (!Files.isRegularFile(json) || !OutputFile.jsonWithFields(HtmlReport.JSON_FIELDS).test(json)) {
      throw new SpectrolensException(out.toString(), "lies inside an input of this run and is not a page an earlier report wrote (no "
          + json.getFileName() + " of its own beside it); refusing to overwrite it (choose another `out`, or `force`)");
    }
    return guarded.toArray(Path[]::new);
  }

  @Override
  public Integer call() {
    Path[] inputs = besideResults(in.toArray(Path[]::new));
    Path html = OutputFile.check(out, "html", force, inputs);
    String stem = html.getFileName().toString().replaceFirst("\\.html$", "");
    OutputFile.companion(out.resolveSibling(stem + ".json"), "json", "report", OutputFile.jsonWithFields(HtmlReport.JSON_FIELDS), force, inputs);
    List<String> paragraphs = new ArrayList<>();
    if (intro != null) {
      try {
        for (String p : java.nio.file.Files.readString(intro).split("\\R\\s*\\R")) if (!p.isBlank()) paragraphs.add(p.strip().replaceAll("\\s+", " "));
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        throw new SpectrolensException(intro.toString(), "cannot read the introduction: " + e.getMessage());
      }
    }
    Report report = Report.gather(title, new ArrayList<>(in)).withIntro(paragraphs);
    HtmlReport.Written w;
    try (OutputFolder figures = OutputFolder.create(html.resolveSibling(stem + "-figures"), "report", force, inputs)) {
      w = HtmlReport.write(report, html, figures.dir());
      figures.commit();
    }
    System.out.printf("%s: %d sections, %d figures, %.1f kB (numbers in %s, figures in %s)%n", w.html(), w.sections(), w.images(),
        w.bytes() / 1024.0, w.json().getFileName(), stem + "-figures/");
    return 0;
  }
}
