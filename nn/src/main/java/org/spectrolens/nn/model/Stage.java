package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;

/**
 * One named step of a network's forward pass (a layer or a block of layers). Explainers address
 * stages by name: they run a network up to a stage, keep its activation, and continue from it.
 *
 * @param name the stage's name, also the prefix of its parameters (torchvision style)
 * @param fn the computation
 */
public record Stage(String name, Fn fn) {
  /** The computation of a stage; {@code training} selects batch statistics and running-stat updates. */
  @FunctionalInterface
  public interface Fn {
    NDArray apply(NDArray x, boolean training);
  }
}
