package org.spectrolens.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrolens.SpectrolensException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one table from the library's parameter names (snake_case, as its errors and files name
 * them) to the flags that set them, and the rewrite of a library message into the CLI's words.
 *
 * <p>The library marks parameters in two recognisable ways ({@link SpectrolensException}): an
 * error about a parameter carries its name ({@link SpectrolensException#parameter()}, the start
 * of its subject), and a problem text writes a parameter it mentions in backticks. The subject
 * becomes the flag only when the running command has that flag, i.e. when the value came from
 * the user's option (a dataset file's {@code fmax} stays {@code fmax}); a backticked mention
 * always becomes its flag, as it tells the user what to give. Nothing else in a message is
 * touched: a subject that is a file, or a word that merely equals a parameter's name, stays as
 * it is.
 */
final class ParameterFlags {
  private ParameterFlags() {}

  /** Parameter -> flag (with its value where one flag value stands for the parameter). */
  static final Map<String, String> FLAGS = Map.ofEntries(
      // front end (SpectrogramSpec)
      Map.entry("sample_rate", "--sr"), Map.entry("n_fft", "--n-fft"), Map.entry("win_length", "--win-length"),
      Map.entry("hop", "--hop"), Map.entry("power", "--power"), Map.entry("n_mels", "--n-mels"),
      Map.entry("fmin", "--fmin"), Map.entry("fmax", "--fmax"), Map.entry("top_db", "--top-db"),
      Map.entry("n_mfcc", "--n-mfcc"), Map.entry("lifter", "--lifter"), Map.entry("bins_per_octave", "--bins-per-octave"),
      Map.entry("n_bins", "--n-bins"),
      // corpora, datasets and splits
      Map.entry("task", "--task"), Map.entry("alignments", "--alignments"), Map.entry("tier", "--tier"),
      Map.entry("speakers", "--speakers"), Map.entry("by_speaker", "--group-by speaker"), Map.entry("by_recording", "--group-by recording"), Map.entry("fold", "--fold"), Map.entry("folds", "--folds"),
      Map.entry("test_fraction", "--test-fraction"), Map.entry("stress", "--stress"), Map.entry("strict", "--strict"), Map.entry("events", "--events"),
      Map.entry("channels", "--channels"), Map.entry("frontend_from", "--frontend-from"), Map.entry("data", "--data"),
      Map.entry("utterances", "--utterances"), Map.entry("clips", "--clips"), Map.entry("snr_range", "--snr-range"),
      Map.entry("chunk", "--chunk"), Map.entry("chunk_hop", "--chunk-hop"),
      // training (TrainConfig)
      Map.entry("model", "--model"), Map.entry("epochs", "--epochs"), Map.entry("batch", "--batch"), Map.entry("lr", "--lr"),
      Map.entry("seed", "--seed"), Map.entry("weight_decay", "--weight-decay"), Map.entry("schedule", "--lr-schedule"),
      Map.entry("step_epochs", "--lr-step"), Map.entry("gamma", "--lr-gamma"), Map.entry("augment", "--augment"), Map.entry("vtlp", "--vtlp"), Map.entry("eq", "--eq"), Map.entry("gain", "--gain"), Map.entry("noise_snr", "--noise"),
      Map.entry("patience", "--patience"), Map.entry("validation_fraction", "--validation"), Map.entry("freeze", "--freeze"),
      Map.entry("pretrained", "--pretrained"), Map.entry("resume", "--resume"),
      // explaining, judging and reading
      Map.entry("grid", "--grid"), Map.entry("unit", "--unit"), Map.entry("step", "--step"), Map.entry("batch_size", "--batch-size"),
      Map.entry("metrics", "--metrics"), Map.entry("truth", "--truth"), Map.entry("audio", "--audio"),
      Map.entry("time_step", "--time-step"), Map.entry("methods", "--methods"), Map.entry("band_hz", "--band-hz"),
      Map.entry("per_class", "--per-class"), Map.entry("pairs", "--pairs"), Map.entry("figures", "--figures"), Map.entry("snr_db", "--snr"),
      Map.entry("tolerance_hz", "--tolerance-hz"), Map.entry("tolerance_ms", "--tolerance-ms"), Map.entry("permutations", "--permutations"),
      Map.entry("span_seconds", "--span-s"),
      Map.entry("split", "--split"), Map.entry("by", "--by"),
      Map.entry("ceiling", "--ceiling"), Map.entry("max_formants", "--max-formants"),
      // features, decompositions, segmentation
      Map.entry("features", "--features"), Map.entry("method", "--method"), Map.entry("components", "--components"),
      Map.entry("perplexity", "--perplexity"), Map.entry("floor_quantile", "--floor-quantile"),
      // imported models
      Map.entry("classes", "--classes"), Map.entry("input_channels", "--input-channels"), Map.entry("expect", "--expect"),
      Map.entry("std", "--std"), Map.entry("layer", "--layer"),
      // outputs
      Map.entry("out", "--out"), Map.entry("force", "--force"));

  /** The parameter an option's flag sets (the table read backwards), or null. */
  static String parameterOf(String flag) {
    for (Map.Entry<String, String> e : FLAGS.entrySet()) if (e.getValue().equals(flag)) return e.getKey();
    return null;
  }

  private static final Pattern MENTION = Pattern.compile("`([a-z][a-z0-9_]*)`");

  /** The command running on this thread, for reports printed while it runs (set by {@link Main}). */
  private static final ThreadLocal<CommandSpec> RUNNING = new ThreadLocal<>();

  static void running(CommandSpec command) {
    if (command == null) RUNNING.remove();
    else RUNNING.set(command);
  }

  /** {@link #message(SpectrolensException, CommandSpec)} for the command now running, if any. */
  static String message(SpectrolensException e) {
    return message(e, RUNNING.get());
  }

  /**
   * The one-line message of {@code e} in the CLI's words.
   *
   * @param command the command whose options the values came from (null: none known)
   */
  static String message(SpectrolensException e, CommandSpec command) {
    String problem = e.getCause() instanceof SpectrolensException inner && e.problem().equals(inner.getMessage())
        ? message(inner, command) // a problem seen from a file: the inner one keeps its parameter
        : mentions(e.problem());
    String subject = e.subject();
    String parameter = e.parameter();
    if (parameter != null && subject != null && subject.startsWith(parameter)) {
      String flag = FLAGS.get(parameter);
      if (flag != null && command != null && command.findOption(flag.split(" ")[0]) != null) {
        subject = flag + subject.substring(parameter.length());
      }
    }
    return subject == null ? problem : subject + ": " + problem;
  }

  /** Each backticked parameter of the table replaced by its flag. */
  static String mentions(String text) {
    if (text == null || text.indexOf('`') < 0) return text;
    Matcher m = MENTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String flag = FLAGS.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(flag != null ? flag : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
