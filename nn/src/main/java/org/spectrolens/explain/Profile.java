package org.spectrolens.explain;

import org.spectrolens.params.ParameterRecords;

/**
 * Whose conventions the maps follow where the published definitions and the reference libraries
 * differ: spectrolens's own defaults, or pytorch-grad-cam's or tf-keras-vis's behaviour. Every
 * method declares its parameter values for each profile ({@link MethodDefinition}); the shared
 * settings (post-processing, baseline, batch size) follow it too ({@link Options#of(Profile)}).
 */
public enum Profile {
  SPECTROLENS, PYTORCH_GRAD_CAM, TF_KERAS_VIS;

  /** {@code spectrolens}, {@code pytorch-grad-cam}, {@code tf-keras-vis}. */
  public String id() {
    return ParameterRecords.id(this);
  }

}
