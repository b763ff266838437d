package org.spectrolens.explain;

import org.spectrolens.spectrogram.Spectrogram;

/**
 * Inputs explained at scale, loaded a batch at a time so memory stays bounded: the items of a
 * dataset cache ({@link DatasetInputs}) or files ({@link FileInputs}).
 */
public interface InputSet {
  /** What one input is, for {@code items.csv}. */
  record Item(String id, String source, double start, double end, String label) {}

  /** How many inputs. */
  int size();

  /** Input {@code i}'s description. */
  Item item(int i);

  /** The model tensors of inputs {@code [from, to)}, flat [to - from, C, H, W]. */
  float[] tensors(int from, int to);

  /** Input {@code i}'s grid axes (Hz of rows, s of columns when known). */
  MapAxes axes(int i);

  /** Input {@code i}'s grid before normalisation, drawn under its maps. */
  Spectrogram display(int i);
}
