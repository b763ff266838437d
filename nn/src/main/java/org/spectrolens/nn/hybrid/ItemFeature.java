package org.spectrolens.nn.hybrid;

import java.util.List;
import org.spectrolens.audio.Clip;

/**
 * A fixed-length description of one stretch of audio (a dataset item's segment) for a classic
 * classifier, e.g. the mean and standard deviation over frames of a frame-wise feature. One class
 * per member, registered in {@link ItemFeatures}.
 */
public interface ItemFeature {
  /** The id used in {@code --features}. */
  String id();

  /** One name per value, in order (e.g. {@code mfcc3_mean}). */
  List<String> columns();

  /** The values for {@code clip}, as many as {@link #columns}. */
  double[] of(Clip clip);
}
