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
 * A report gathered from what the commands wrote: each input folder is searched (to a depth of
 * {@link #DEPTH}) for the result files the {@link #READERS} know, and each file found becomes a
 * section, in the readers' order (accuracy, explanations, faithfulness, sanity, localisation,
 * acoustic readings, speaker groups, cut-off ablation, discriminativity). Whatever is absent is
 * left out. {@link HtmlReport} writes it as one self-contained page.
 *
 * @param title the page's title
 * @param sections the sections found
 */
public record Report(String title, List<Section> sections) {
  /** How deep below each input folder result files are looked for. */
  public static final int DEPTH = 4;

  /** The result kinds, in the order their sections appear. */
  static final List<ResultReader> READERS = List.of(
      new TrainingResult(),
      new GenericResult("explain.json", "explain", "Explanation maps",
          "The maps of every method for the inputs below, with the time each method took; the stacked maps are in the folder's .npy files."),
      new FaithfulnessResult(),
      new SanityResult(),
      new LocalisationResult(),
      new GenericResult("analysis.json", "analysis", "Acoustic reading",
          "Class-mean maps, band profiles, formant and F0 alignment (1 = chance, above 1: the maps go to the formants) and confusions against"
              + " the overlap of class-mean maps."),
      new GenericResult("metrics.by-group.json", "groups", "Speaker groups", "Accuracy per speaker group."),
      new GenericResult("ablation.json", "ablation", "Frequency cut-off ablation", "Accuracy and band profiles per frequency cut-off."),
      new DiscriminativityResult());

  /** Gathers every result under the folders. */
  public static Report gather(String title, List<Path> folders) {
    Map<ResultReader, List<Path>> found = new LinkedHashMap<>();
    Map<Path, String> labels = new LinkedHashMap<>();
    for (ResultReader r : READERS) found.put(r, new ArrayList<>());
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) throw new SpectrolensException(folder.toString(), "no such folder");
      try (Stream<Path> s = Files.walk(folder, DEPTH)) {
        for (Path p : s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
          for (ResultReader r : READERS) {
            if (!p.getFileName().toString().equals(r.file())) continue;
            found.get(r).add(p);
            Path rel = folder.relativize(p.getParent());
            labels.put(p, rel.toString().isEmpty() ? folder.getFileName().toString() : rel.toString());
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new SpectrolensException(folder.toString(), "cannot list: " + e.getMessage());
      }
    }
    List<Section> sections = new ArrayList<>();
    for (Map.Entry<ResultReader, List<Path>> e : found.entrySet()) {
      for (Path file : e.getValue()) {
        JsonNode j;
        try {
          j = Json.MAPPER.readTree(file.toFile());
        } catch (IOException ex) {
          throw new SpectrolensException(file.toString(), "not readable JSON: " + ex.getMessage().lines().findFirst().orElse(""));
        }
        sections.add(e.getKey().read(file.getParent(), labels.get(file), j));
      }
    }
    if (sections.isEmpty()) {
      throw new SpectrolensException(String.join(", ", folders.stream().map(Path::toString).toList()),
          "holds no results to report (looked for " + String.join(", ", READERS.stream().map(ResultReader::file).toList()) + ")");
    }
    return new Report(title, sections);
  }

  /** Every section's numbers, by section (kind and folder), for the JSON beside the page. */
  public Map<String, Object> numbers() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Section s : sections) out.put(s.kind() + ":" + s.source().getParent(), s.numbers());
    return out;
  }
}
