package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Json;

/**
 * A report gathered from what the commands wrote, one chapter per experiment. Each input folder is
 * searched (to a depth of {@link #DEPTH}) for the result files the {@link #READERS} know, and each
 * file found becomes a section. With one input folder, each of its first-level subfolders is an
 * experiment (a result lying directly in it belongs to an experiment named after the folder); with
 * several, each input folder is one. Experiments appear in the order they were run (their oldest
 * result file first); within one, sections follow the readers' order (accuracy, explanations,
 * faithfulness, sanity, localisation, acoustic readings, speaker groups, cut-off ablation,
 * discriminativity). Whatever is absent is left out, and so are the intermediate results below a
 * folder holding an {@code ablation.json} (which sums them up) and an accuracy equal to one already
 * shown in the same experiment. {@link HtmlReport} writes it as one
 * self-contained page.
 *
 * @param title the page's title
 * @param intro paragraphs shown under the title (how the results were made; may be empty)
 * @param experiments the experiments found, each with its sections
 */
public record Report(String title, List<String> intro, List<Experiment> experiments) {
  /** How deep below each input folder result files are looked for. */
  public static final int DEPTH = 5;

  /**
   * One experiment: the results under one folder.
   *
   * @param name the folder's name
   * @param sections its sections, in the readers' order
   */
  public record Experiment(String name, List<Section> sections) {
    /** The sections of one kind ({@code "training"}, {@code "localisation"}, ...). */
    public List<Section> of(String kind) {
      return sections.stream().filter(s -> s.kind().equals(kind)).toList();
    }
  }

  /** The result kinds, in the order their sections appear. */
  static final List<ResultReader> READERS = List.of(
      new TrainingResult(),
      new ExplainSection(),
      new FaithfulnessSection(),
      new SanitySection(),
      new LocalisationSection(),
      new AnalysisResult(),
      new GroupsResult(),
      new AblationResult(),
      new DiscriminativityResult());

  /** A result file found: its experiment, its label (its folder below the experiment) and when it was written. */
  private record Found(String experiment, String label, Path file, ResultReader reader, long modified) {}

  /** Gathers every result under the folders. */
  public static Report gather(String title, List<Path> folders) {
    List<Found> found = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) throw new SpectrolensException(folder.toString(), "no such folder");
      try (Stream<Path> s = Files.walk(folder, DEPTH)) {
        List<Path> files = s.filter(Files::isRegularFile).sorted(Report::byFolders).toList();
        // an ablation's own datasets, models and analyses are summed up in its ablation.json
        List<Path> ablations = files.stream().filter(p -> p.getFileName().toString().equals("ablation.json")).map(Path::getParent).toList();
        for (Path p : files) {
          if (ablations.stream().anyMatch(a -> p.getParent().startsWith(a) && !p.getParent().equals(a))) continue;
          for (ResultReader r : READERS) {
            if (!p.getFileName().toString().equals(r.file())) continue;
            Path rel = folder.relativize(p.getParent());
            String experiment = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            if (folders.size() == 1 && rel.getNameCount() > 0 && !rel.toString().isEmpty()) {
              experiment = rel.getName(0).toString();
              rel = rel.getNameCount() > 1 ? rel.subpath(1, rel.getNameCount()) : Path.of("");
            }
            String label = rel.toString().isEmpty() ? experiment : rel.toString();
            found.add(new Found(experiment, label, p, r, Files.getLastModifiedTime(p).toMillis()));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new SpectrolensException(folder.toString(), "cannot list: " + e.getMessage());
      }
    }
    if (found.isEmpty()) {
      throw new SpectrolensException(String.join(", ", folders.stream().map(Path::toString).toList()),
          "holds no results to report (looked for " + String.join(", ", READERS.stream().map(ResultReader::file).toList()) + ")");
    }
    Map<String, Long> firstWritten = new LinkedHashMap<>();
    for (Found f : found) firstWritten.merge(f.experiment(), f.modified(), Math::min);
    List<String> order = new ArrayList<>(firstWritten.keySet());
    order.sort(Comparator.comparing((String e) -> firstWritten.get(e)).thenComparing(e -> e));
    List<Experiment> experiments = new ArrayList<>();
    for (String name : order) {
      List<Section> sections = new ArrayList<>();
      for (ResultReader r : READERS) {
        // a model's own metrics before an evaluation's copy of them, so that the copy is the one left out
        List<Found> mine = found.stream().filter(f -> f.reader() == r && f.experiment().equals(name))
            .sorted(Comparator.comparing(f -> Files.isRegularFile(f.file().resolveSibling("model.safetensors")) ? 0 : 1)).toList();
        for (Found f : mine) {
          JsonNode j;
          try {
            j = Json.MAPPER.readTree(f.file().toFile());
          } catch (IOException ex) {
            throw new SpectrolensException(f.file().toString(), "not readable JSON: " + ex.getMessage().lines().findFirst().orElse(""));
          }
          Section section = r.read(f.file().getParent(), f.label(), j);
          // evaluate re-run on the model's own split repeats train's figures: shown once
          boolean repeated = section.kind().equals("training")
              && sections.stream().anyMatch(o -> o.kind().equals("training") && o.numbers().equals(section.numbers()));
          if (!repeated) sections.add(section);
        }
      }
      experiments.add(new Experiment(name, sections));
    }
    return new Report(title, List.of(), experiments);
  }

  /** This report with {@code paragraphs} under its title. */
  public Report withIntro(List<String> paragraphs) {
    return new Report(title, List.copyOf(paragraphs), experiments);
  }

  /**
   * Paths by folder names, one level at a time ({@code localisation/} before
   * {@code localisation-conv4/}, which a comparison of whole strings reverses).
   */
  private static int byFolders(Path a, Path b) {
    int n = Math.min(a.getNameCount(), b.getNameCount());
    for (int i = 0; i < n; i++) {
      int c = a.getName(i).toString().compareTo(b.getName(i).toString());
      if (c != 0) return c;
    }
    return Integer.compare(a.getNameCount(), b.getNameCount());
  }

  /** Every section, experiment by experiment. */
  public List<Section> sections() {
    return experiments.stream().flatMap(e -> e.sections().stream()).toList();
  }

  /** Every section's numbers, by experiment and section (kind and folder), for the JSON beside the page. */
  public Map<String, Object> numbers() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Experiment e : experiments) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Section s : e.sections()) m.put(s.kind() + ":" + s.source().getParent(), s.numbers());
      out.put(e.name(), m);
    }
    return out;
  }
}
