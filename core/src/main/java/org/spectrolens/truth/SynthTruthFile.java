package org.spectrolens.truth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;
import org.spectrolens.synth.Utterance;

/**
 * The synthesiser's {@code truth/<id>.csv} ({@link Utterance#TRUTH_HEADER}: time, f0 (empty where
 * unvoiced), f1-f4, b1-b4 every 10 ms from the start of {@code wavs/<id>.wav}).
 */
final class SynthTruthFile {
  private SynthTruthFile() {}

  /** {@code <corpus>/truth/<id>.csv} for a recording {@code <corpus>/wavs/<id>.wav}. */
  static Path of(Path recording) {
    Path abs = recording.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String id = dot > 0 ? name.substring(0, dot) : name;
    Path wavs = abs.getParent();
    Path corpus = wavs == null ? null : wavs.getParent();
    return (corpus == null ? Path.of("truth") : corpus.resolve("truth")).resolve(id + ".csv");
  }

  /** The whole file as a track over [0, last frame time]; F1-F3 and B1-B3 are kept. */
  static SegmentTruth read(Path csv, String source) {
    List<String> lines;
    try {
      lines = Csv.readLines(csv);
    } catch (IOException e) {
      throw new SpectrolensException(csv.toString(), Files.exists(csv) ? "cannot read: " + e.getMessage() : "no such file");
    }
    if (lines.isEmpty() || !lines.get(0).trim().equals(Utterance.TRUTH_HEADER)) {
      throw new SpectrolensException(csv.toString(), "line 1: expected header '" + Utterance.TRUTH_HEADER + "'");
    }
    int n = 0;
    for (int i = 1; i < lines.size(); i++) if (!lines.get(i).isBlank()) n++;
    double[] times = new double[n];
    double[] f0 = new double[n];
    double[][] f = new double[n][SegmentTruth.FORMANTS];
    double[][] b = new double[n][SegmentTruth.FORMANTS];
    int row = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      List<String> cells = Csv.split(lines.get(i));
      if (cells.size() != 10) {
        throw new SpectrolensException(csv.toString(), "line " + (i + 1) + ": expected 10 fields, found " + cells.size());
      }
      try {
        times[row] = Double.parseDouble(cells.get(0));
        f0[row] = number(cells.get(1));
        for (int k = 0; k < SegmentTruth.FORMANTS; k++) {
          f[row][k] = number(cells.get(2 + k));
          b[row][k] = number(cells.get(6 + k));
        }
      } catch (NumberFormatException e) {
        throw new SpectrolensException(csv.toString(), "line " + (i + 1) + ": bad number (" + e.getMessage() + ")");
      }
      if (row > 0 && !(times[row] > times[row - 1])) {
        throw new SpectrolensException(csv.toString(), "line " + (i + 1) + ": times must increase");
      }
      row++;
    }
    double end = n == 0 ? 0 : times[n - 1];
    return new SegmentTruth(source, TruthSource.SYNTH, 0, end, times, f0, f, b);
  }

  private static double number(String cell) {
    String s = cell.trim();
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
