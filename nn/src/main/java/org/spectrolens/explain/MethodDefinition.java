package org.spectrolens.explain;

import org.spectrolens.family.Parameterised;
import org.spectrolens.params.ParameterRecords;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.spectrolens.SpectrolensException;

/**
 * Everything known about a method before it runs: its id (DESIGN.md's method ids), a one-line
 * description, its cost in passes per map, and its parameter record's values in each
 * {@link Profile}. {@link org.spectrolens.explain.method.Explainers} lists the definitions; the command line's help, option
 * parsing ({@code --param id.name=value}), {@code explain --list} and the table in
 * {@code docs/explain.md} all come from them.
 *
 * @param id the method id
 * @param description one line
 * @param cost forward and backward passes per map (K = the layer's channels)
 * @param spectrolens parameters under spectrolens's defaults
 * @param pytorchGradCam parameters under the pytorch-grad-cam profile
 * @param tfKerasVis parameters under the tf-keras-vis profile
 * @param factory builds the method from parameters (null: the request profile's) and, for a
 *     wrapper, the method it wraps
 * @param wrapper whether the method wraps another ({@code smoothgrad:METHOD})
 */
public record MethodDefinition<P extends Record>(String id, String description, String cost, P spectrolens, P pytorchGradCam,
    P tfKerasVis, Factory<P> factory, boolean wrapper) implements Parameterised<P, Method> {

  /** Builds a configured method. */
  @FunctionalInterface
  public interface Factory<P extends Record> {
    Method create(P params, Method inner);
  }

  /** A method with parameters. */
  public static <P extends Record> MethodDefinition<P> of(String id, String description, String cost, P spectrolens,
      P pytorchGradCam, P tfKerasVis, Function<P, Method> factory) {
    return new MethodDefinition<>(id, description, cost, spectrolens, pytorchGradCam, tfKerasVis, (p, inner) -> factory.apply(p), false);
  }

  /** A method without parameters. */
  public static MethodDefinition<ParameterRecords.None> of(String id, String description, String cost, Supplier<Method> factory) {
    ParameterRecords.None none = new ParameterRecords.None();
    return new MethodDefinition<>(id, description, cost, none, none, none, (p, inner) -> factory.get(), false);
  }

  /** The parameters under spectrolens's profile. */
  @Override
  public P defaults() {
    return spectrolens;
  }

  /** The method configured with {@code params} (a wrapper around its default method). */
  @Override
  public Method create(P params) {
    return factory.create(params, null); // a wrapper given none wraps its default (SmoothGrad: saliency)
  }

  /** The parameters under a profile. */
  public P defaults(Profile profile) {
    return switch (profile) {
      case SPECTROLENS -> spectrolens;
      case PYTORCH_GRAD_CAM -> pytorchGradCam;
      case TF_KERAS_VIS -> tfKerasVis;
    };
  }

  /** The method with the profile's parameters, some set from text. */
  public Method create(Profile profile, Map<String, String> set, Method inner) {
    if (wrapper != (inner != null)) {
      throw new SpectrolensException(id, wrapper ? "wraps a method: write " + id + ":METHOD" : "wraps no method");
    }
    return factory.create(ParameterRecords.with(defaults(profile), set, id), inner);
  }
}
