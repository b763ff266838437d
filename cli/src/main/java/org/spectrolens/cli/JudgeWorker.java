package org.spectrolens.cli;

import java.util.List;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.judge.Judging;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.MethodMaps;
import org.spectrolens.judge.Samples;
import org.spectrolens.judge.Study;
import org.spectrolens.judge.StudyPart;
import org.spectrolens.nn.model.TrainedModel;

/**
 * A judging command's work on a worker of a {@link ScaleOut} engine: the study of items
 * {@code [from, to)} of its sample, with the model, items, methods, metrics and settings the same
 * command line gives in one process ({@link Study#merge} joins the parts into the whole study).
 */
public final class JudgeWorker implements AutoCloseable {
  /** A judging command ({@code faithfulness}, {@code localisation}): what it judges a sample, or a part of one, with. */
  interface Judges {
    JudgeOptions common();

    /** Items drawn from the split. */
    int samples();

    /** The metrics, settings and truth masks for {@code s} (the whole sample or a part of it). */
    Setup setup(TrainedModel m, Samples s);
  }

  /** Everything {@link Study#run} takes besides the network, the sample and the maps. */
  record Setup(List<MapMetric> metrics, Judging judging, boolean[][] truth) {}

  private final Judges command;
  private final TrainedModel model;
  private final DatasetInputs set;
  private final BatchExplainer engine;

  /** Whether {@link #close} closes the model (not when it is the opening process's own). */
  private final boolean owns;

  private JudgeWorker(Judges command, TrainedModel model, DatasetInputs set, boolean owns) {
    this.command = command;
    this.model = model;
    this.set = set;
    this.owns = owns;
    engine = command.common().engine(model);
  }

  /** The worker of a judging command line (the whole line, as given); the engine must be initialised. */
  public static JudgeWorker open(List<String> args) {
    Judges c = Main.parse(args, Judges.class);
    TrainedModel m = TrainedModel.open(c.common().model);
    try {
      return new JudgeWorker(c, m, c.common().inputs(m, c.samples()), true);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** The worker of this process's own judging command, on the model and items it has open (and closes itself). */
  static JudgeWorker of(Judges command, TrainedModel model, DatasetInputs set) {
    return new JudgeWorker(command, model, set, false);
  }

  /** The study of items {@code [from, to)} of the sample ({@code from} a multiple of {@link JudgeOptions#BATCH}). */
  public StudyPart part(int from, int to) {
    Samples s = Samples.of(set, model.config().classes(), model.config().inputShape(), from, to);
    Setup u = command.setup(model, s);
    return Study.run(model.network(), s, MethodMaps.of(engine, set, from, to), u.metrics(), u.judging(), u.truth()).part(from);
  }

  @Override
  public void close() {
    if (owns) model.close();
  }
}
