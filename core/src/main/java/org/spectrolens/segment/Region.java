package org.spectrolens.segment;

import java.util.Locale;

/**
 * One labelled time-frequency region, read in seconds and Hz through the grid's axes. The spans
 * are cell edges: a region of one cell spans one column (time step) and one row (its band), from
 * half a step before to half a step after the centres (see {@code TimeAxis}, {@code FrequencyAxis};
 * on a cepstral axis the "Hz" are coefficient numbers).
 *
 * @param id the region's label in the {@link LabelGrid} (1..n)
 * @param t0 start of its first column (s)
 * @param t1 end of its last column (s)
 * @param f0Hz lower edge of its lowest row (Hz)
 * @param f1Hz upper edge of its highest row (Hz)
 * @param area cells
 * @param energyDb 10 log10 of the mean energy of its cells (see {@link LabelGrid#regions})
 */
public record Region(int id, double t0, double t1, double f0Hz, double f1Hz, int area, double energyDb) {
  /** The header of {@code regions.csv}. */
  public static final String CSV_HEADER = "id,t0,t1,f0_hz,f1_hz,area,energy_db";

  /** One {@code regions.csv} row (energy empty when not finite). */
  public String csvRow() {
    return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.3f,%.3f,%d,%s", id, t0, t1, f0Hz, f1Hz, area,
        Double.isFinite(energyDb) ? String.format(Locale.ROOT, "%.3f", energyDb) : "");
  }

  /** Duration (s). */
  public double seconds() {
    return t1 - t0;
  }

  /** Bandwidth (Hz). */
  public double bandwidthHz() {
    return f1Hz - f0Hz;
  }
}
