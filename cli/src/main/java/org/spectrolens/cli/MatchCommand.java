package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Npy;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.match.MatchResult;
import org.spectrolens.match.Detection;
import org.spectrolens.match.TemplateMatcher;
import org.spectrolens.params.Param;
import org.spectrolens.render.ColorMap;
import org.spectrolens.render.Track;
import org.spectrolens.render.SpectrogramImage;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import org.spectrolens.spectrogram.SpectrogramSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectrolens match IN --template T --out DIR}: normalised cross-correlation of a
 * time-frequency template over a spectrogram ({@link TemplateMatcher}, equal to scikit-image's
 * match_template) and the detections above a threshold after non-maximum suppression. IN is audio
 * (through the front-end options) or an .npy spectrogram with axes; T is audio featurised exactly
 * as IN (IN's spec), an .npy spectrogram with axes, or a bare .npy grid, optionally cut to
 * [--template-start, --template-end] s and [--template-fmin, --template-fmax] Hz. DIR gets
 * {@code detections.csv} ({@code t0,t1,f0_hz,f1_hz,score}, best first; times are the centres of the
 * box's first and last frames, frequencies of its lowest and highest rows), {@code ncc.npy} with
 * its axes (each cell at the template's centre), {@code ncc.png}, {@code detections.png} (the
 * spectrogram with the boxes, on a frequency axis) and {@code match.json}.
 */
@Command(name = "match", description = {
    "Find a time-frequency template in a spectrogram by normalised cross-correlation (skimage.feature.match_template); "
        + "detections in s and Hz (docs/filters.md)."})
final class MatchCommand implements Callable<Integer>, Checked {
  static final String COMMAND = "match";

  @Parameters(arity = "1", paramLabel = "IN", description = "Audio file, or .npy spectrogram with .axes.json.")
  Path input;

  @Option(names = "--template", required = true, paramLabel = "T", description = "Audio file, .npy spectrogram (with axes) or bare .npy grid.")
  Path template;

  @Param(min = 0)
  @Option(names = "--template-start", paramLabel = "S", description = "Cut the template from this time, s (default: its start).")
  Double templateStart;

  @Param(min = 0)
  @Option(names = "--template-end", paramLabel = "S", description = "Cut the template up to this time, s (default: its end).")
  Double templateEnd;

  @Param(min = 0)
  @Option(names = "--template-fmin", paramLabel = "HZ", description = "Keep the template's rows from this frequency (default: all).")
  Double templateFmin;

  @Param(min = 0)
  @Option(names = "--template-fmax", paramLabel = "HZ", description = "Keep the template's rows up to this frequency (default: all).")
  Double templateFmax;

  @Param(min = -1, max = 1)
  @Option(names = "--threshold", defaultValue = "0.7", paramLabel = "R", description = "Smallest NCC of a detection (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Param(min = 0, max = 1)
  @Option(names = "--max-overlap", defaultValue = "0", paramLabel = "IOU",
      description = "Largest intersection over union of two detections' boxes (default: ${DEFAULT-VALUE}: no overlap).")
  double maxOverlap;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced only when complete).")
  Path out;

  @Option(names = "--force", description = "Replace a folder another command wrote, or write where an input lies.")
  boolean force;

  @Mixin FrontEndOptions frontEnd;

  @Override
  public void checkOptions() {
    if (templateStart != null && templateEnd != null && !(templateEnd > templateStart)) {
      throw new SpectrolensException("--template-end", "must be after --template-start (" + templateStart + " s), found " + templateEnd);
    }
    if (templateFmin != null && templateFmax != null && !(templateFmax > templateFmin)) {
      throw new SpectrolensException("--template-fmax", "must be above --template-fmin (" + templateFmin + " Hz), found " + templateFmax);
    }
    SpectrogramInputs.checkExists(List.of(input, template));
  }

  @Override
  public Integer call() {
    Spectrogram image = SpectrogramInputs.read(input, frontEnd);
    float[][] t = template(image.spec());
    float[][] ncc;
    try {
      ncc = TemplateMatcher.ncc(image.values(), t);
    } catch (SpectrolensException e) {
      throw new SpectrolensException(template.toString(), e.problem());
    }
    List<Detection> found = TemplateMatcher.detect(ncc, t.length, t[0].length, image, threshold, maxOverlap);
    Spectrogram map = TemplateMatcher.map(image, t);
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, input, template)) {
      StringBuilder csv = new StringBuilder("t0,t1,f0_hz,f1_hz,score\n");
      for (Detection d : found) {
        csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.3f,%.3f,%.6f%n", d.t0(), d.t1(), d.f0Hz(), d.f1Hz(), d.score()));
      }
      AtomicFiles.writeString(folder.dir().resolve("detections.csv"), csv.toString());
      SpectrogramFiles.write(folder.dir().resolve("ncc.npy"), map);
      SpectrogramImage.defaults().withColorMap(ColorMap.fromId("viridis")).withRange(-1, 1).withColorBarLabel("NCC")
          .withTitle("NCC of " + template.getFileName() + " over " + input.getFileName()).write(map, folder.dir().resolve("ncc.png"));
      if (image.frequencies().scale().isFrequency()) {
        List<Track> boxes = new java.util.ArrayList<>();
        for (Detection d : found) {
          boxes.add(new Track(String.format(Locale.ROOT, "%.2f", d.score()), new double[] {d.t0(), d.t0(), d.t1(), d.t1()},
              new double[] {d.f0Hz(), d.f1Hz(), d.f1Hz(), d.f0Hz()}, 0xFFFFFF, false));
          boxes.add(new Track("", new double[] {d.t0(), d.t1()}, new double[] {d.f0Hz(), d.f0Hz()}, 0xFFFFFF, false));
        }
        boolean db = image.spec() != null && image.spec().db();
        SpectrogramImage.defaults().withDynamicRange(db ? 80 : Double.NaN).withTracks(boxes)
            .withTitle(found.size() + " detections of " + template.getFileName()).write(image, folder.dir().resolve("detections.png"));
      }
      new MatchResult(input.toString(), template.toString(), List.of(t.length, t[0].length), threshold, maxOverlap, found.size())
          .write(folder.dir());
      folder.commit();
    }
    System.out.printf("%d detections -> %s%n", found.size(), out);
    return 0;
  }

  /** The template grid: featurised like IN, cut in time and frequency where asked. */
  private float[][] template(SpectrogramSpec spec) {
    boolean cut = templateStart != null || templateEnd != null || templateFmin != null || templateFmax != null;
    Spectrogram s;
    if (!SpectrogramInputs.isNpy(template)) {
      if (spec == null) throw new SpectrolensException(input.toString(), "has no spectrogram spec to featurise the audio template with");
      s = SpectrogramInputs.ofClip(AudioFile.read(template), spec);
    } else if (SpectrogramInputs.hasAxes(template)) {
      s = SpectrogramFiles.read(template);
    } else {
      if (cut) throw new SpectrolensException("--template-start", "cuts need a template with axes (audio, or .npy with .axes.json)");
      float[][] v = Npy.read(template).toMatrix();
      if (v.length == 0 || v[0].length == 0) throw new SpectrolensException(template.toString(), "an empty template");
      return v;
    }
    try {
      if (templateStart != null || templateEnd != null) {
        s = s.cropTime(templateStart == null ? s.times().seconds(0) : templateStart,
            templateEnd == null ? s.times().seconds(s.columns() - 1) : templateEnd);
      }
      if (templateFmin != null || templateFmax != null) {
        double top = s.frequencies().value(s.rows() - 1);
        if (templateFmin != null && templateFmin > top) {
          throw new SpectrolensException("--template-fmin", "above the template's highest row (" + top + " Hz), found " + templateFmin);
        }
        s = s.cropFrequency(templateFmin == null ? 0 : templateFmin, templateFmax == null ? s.frequencies().value(s.rows() - 1) : templateFmax);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SpectrolensException(template.toString(), e.getMessage());
    }
    return s.values();
  }
}
