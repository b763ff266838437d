package org.spectrolens.explain;

import java.util.List;
import java.util.function.IntConsumer;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

/**
 * The explain run as one library call: every input explained by every method of an engine, batch
 * by batch, streamed into one output folder that is published whole or not at all:
 * {@code <method>.npy} and {@code <method>.raw.npy} ({@link MapStack}), {@code items.csv},
 * {@code profiles.csv}, {@code explain.json} ({@link ExplainResult}) and, when asked, figures and
 * audio. Memory holds one batch whatever the number of inputs. {@code spectrolens explain} parses
 * its options into these arguments and prints the outcome.
 */
public final class ExplainWorkflow {
  private ExplainWorkflow() {}

  /**
   * What is written beside the maps.
   *
   * @param figures whether to write {@code figures/<row>-<id>/} (each method's overlay and {@code methods.png})
   * @param audio whether to write {@code audio/<row>-<id>/} (the input, and per method the sound its map keeps and the rest)
   * @param bandHz width of the frequency profile's bands, Hz (&gt; 0)
   * @param spanSeconds width of the time profile's spans, s (&gt; 0)
   */
  public record Outputs(boolean figures, boolean audio,
      @Param(value = "width of the frequency profile's bands (Hz)", min = 1, max = 1_000_000) double bandHz,
      @Param(value = "width of the time profile's spans (s)", min = 0, max = 3600, minOpen = true) double spanSeconds) {
    /** A band below 1 Hz is finer than any grid row and multiplies the profile's lines without bound: the one range of band_hz. */
    public Outputs {
      Params.check(Outputs.class, "bandHz", bandHz);
      Params.check(Outputs.class, "spanSeconds", spanSeconds);
    }
  }

  /**
   * Explains {@code inputs} with {@code engine} into {@code folder} and commits it.
   *
   * @param model the model the engine explains (its classes and dataset name the items and the audio)
   * @param run what is explained, recorded at the head of {@code explain.json}
   * @param folder the open output folder; committed when everything is written
   * @param progress called with the number of inputs done after each batch; null for none
   * @return the engine's counts and times
   */
  public static BatchExplainer.Run run(TrainedModel model, InputSet inputs, ExplainSource engine, ExplainResult.Run run, Outputs outputs,
      OutputFolder folder, IntConsumer progress) {
    List<String> classes = model.config().classes();
    try (MapStack.Writer writer = new MapStack.Writer(folder.dir(), inputs, classes, !engine.writesMaps());
        MapStack.ProfileWriter profiles = new MapStack.ProfileWriter(folder.dir(), outputs.bandHz(), outputs.spanSeconds())) {
      ExplanationFigures pictures = new ExplanationFigures(folder.dir().resolve("figures"), inputs, classes);
      AudioSink sounds = outputs.audio() ? new AudioSink(folder.dir().resolve("audio"), inputs, model.config().dataset()) : null;
      BatchExplainer.Run r = engine.run(inputs, (from, byMethod) -> {
        writer.accept(from, byMethod);
        profiles.accept(from, byMethod);
        if (outputs.figures()) pictures.accept(from, byMethod);
        if (sounds != null) sounds.accept(from, byMethod);
      }, progress);
      writer.finish(run, r);
      profiles.close();
      engine.finish(folder.dir());
      folder.commit();
      return r;
    }
  }
}
