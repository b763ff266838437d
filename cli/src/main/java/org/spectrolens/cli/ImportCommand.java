package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.Fit;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.imported.DeclaredFrontEnd;
import org.spectrolens.nn.imported.ModelImport;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code spectrolens import}: a TorchScript or ONNX classifier trained elsewhere, as a model folder. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Make a model folder of a network trained elsewhere, so that every command taking --model opens it.",
        "The front end is what your Python code did to audio before the network: --front-end FRONT.json, or the",
        "spectrogram options below with --sr and --size. The network runs once on a probe and must take the declared",
        "input, give one logit per class and no NaN; --check/--expect compare its logits on a recording. docs/import.md."})
public final class ImportCommand implements Callable<Integer>, Checked {
  static final class Source {
    @Option(names = "--torchscript", required = true, paramLabel = "F.pt", description = "A TorchScript file (torch.jit.script/trace, .save).")
    Path torchscript;

    @Option(names = "--onnx", required = true, paramLabel = "F.onnx", description = "An ONNX file (torch.onnx.export): gradient-free methods only.")
    Path onnx;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--front-end", paramLabel = "FRONT.json", description = "The front end as a dataset records it, plus normalization {mean, std} (docs/import.md).")
  Path frontEndFile;

  @Option(names = "--size", paramLabel = "HxW", description = "With the spectrogram options: the network input's rows x columns (the grid is resized to it).")
  String size;

  @Option(names = "--mean", defaultValue = "0", split = ",", paramLabel = "X[,X,X]",
      description = "With the spectrogram options: subtracted from every cell, or one value per input channel (default: ${DEFAULT-VALUE}).")
  List<Double> mean;

  @Option(names = "--std", defaultValue = "1", split = ",", paramLabel = "X[,X,X]",
      description = "With the spectrogram options: then divided by this, or one value per input channel (default: ${DEFAULT-VALUE}).")
  List<Double> std;

  @Option(names = "--fit", defaultValue = "resize", paramLabel = "resize|crop|pad",
      description = "With the spectrogram options: how the frames reach the width: resize (bilinear), crop (the centred frames, torchvision's"
          + " center_crop) or pad (the first frames, filled after the last) (default: ${DEFAULT-VALUE}).")
  String fit;

  @Option(names = "--fill", defaultValue = "0", paramLabel = "X",
      description = "With --fit crop or pad: the value of the frames added to a shorter grid, before normalisation (default: ${DEFAULT-VALUE}).")
  double fill;

  @Option(names = "--waveform", paramLabel = "SAMPLES",
      description = "The network takes the raw waveform, SAMPLES samples at --sr ([N, 1, SAMPLES]); the spectrogram options then name"
          + " the STFT its maps are read on (docs/import.md).")
  Integer waveform;

  @Option(names = "--no-channel-axis", description = "With --waveform: the network takes [N, SAMPLES] rather than [N, 1, SAMPLES].")
  boolean noChannelAxis;

  @Option(names = "--classes", required = true, split = ",", paramLabel = "A,B,...", description = "Class names in the network's output order.")
  List<String> classes;

  @Option(names = "--layer", paramLabel = "NAME", description = "The layer the module exposes for CAM methods (methods to_NAME and from_NAME; TorchScript).")
  String layer;

  @Option(names = "--input-channels", defaultValue = "1", paramLabel = "C", description = "Channels of the network input: 1, or 3 (the grid repeated) (default: ${DEFAULT-VALUE}).")
  int inputChannels;

  @Option(names = "--check", paramLabel = "PROBE.wav", description = "A recording whose logits through the declared front end are compared with --expect.")
  Path check;

  @Option(names = "--expect", paramLabel = "LOGITS.npy", description = "The logits your Python code gives for --check (float32, one per class).")
  Path expect;

  @Param(min = 0, max = 1e6)
  @Option(names = "--tolerance", defaultValue = "1e-4", paramLabel = "X", description = "Largest logit difference --check accepts (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model folder to write.")
  Path out;

  @Option(names = "--force", description = "Replace a folder another spectrolens command wrote.")
  boolean force;

  @Mixin
  FrontEndOptions frontEnd;

  @CommandLine.Spec
  CommandSpec spec;

  @Override
  public void checkOptions() {
    if ((check == null) != (expect == null)) throw new SpectrolensException(check == null ? "--expect" : "--check", "needs --check and --expect together");
    if (noChannelAxis && waveform == null) throw new SpectrolensException("--no-channel-axis", "goes with --waveform");
    if (frontEndFile != null) {
      List<String> own = List.of("--size", "--mean", "--std", "--fit", "--fill", "--waveform");
      List<String> clash = java.util.stream.Stream.concat(spec.mixins().get("frontEnd").options().stream().map(o -> o.longestName()),
          own.stream()).filter(n -> spec.commandLine().getParseResult().hasMatchedOption(n)).toList();
      if (!clash.isEmpty()) throw new SpectrolensException("--front-end", "fixes the front end and its normalization; drop " + String.join(", ", clash));
    } else if (waveform != null) {
      if (frontEnd.sampleRate <= 0) throw new SpectrolensException("--sr", "the waveform's rate is needed (Hz)");
      if (waveform < 1) throw new SpectrolensException("--waveform", "must be a positive number of samples, found " + waveform);
      List<String> clash = java.util.stream.Stream.of("--size", "--mean", "--std", "--fit", "--fill", "--input-channels", "--fmax", "--n-mels")
          .filter(n -> spec.commandLine().getParseResult().hasMatchedOption(n)).toList();
      if (!clash.isEmpty()) {
        throw new SpectrolensException("--waveform", "the input is the complex STFT of the waveform, every bin and frame; drop " + String.join(", ", clash));
      }
      if (frontEnd.kind != SpectrogramSpec.Kind.STFT) throw new SpectrolensException("--kind", "with --waveform the maps are read on an STFT: give --kind stft");
      frontEnd.checkOptions();
    } else {
      if (frontEnd.sampleRate <= 0) throw new SpectrolensException("--sr", "the front end needs the rate your model's audio was analysed at (Hz)");
      if (size == null) throw new SpectrolensException("--size", "the front end needs the network input's HxW (or give --front-end)");
      DatasetCommand.parseSize(size);
      frontEnd.checkOptions();
      if (!List.of("resize", Fit.CROP, Fit.PAD).contains(fit)) throw new SpectrolensException("--fit", "expected resize, crop or pad, found '" + fit + "'");
      if (fit.equals("resize") && spec.commandLine().getParseResult().hasMatchedOption("--fill")) {
        throw new SpectrolensException("--fill", "fills the frames a crop or pad adds; give --fit crop or --fit pad");
      }
      if (mean.size() != std.size()) throw new SpectrolensException("--std", "give as many values as --mean (" + mean.size() + "), found " + std.size());
      if (mean.size() != 1 && mean.size() != inputChannels) {
        throw new SpectrolensException("--mean", "give one value, or one per input channel (" + inputChannels + "), found " + mean.size());
      }
    }
  }

  @Override
  public Integer call() {
    Engines.init(0);
    boolean ts = source.torchscript != null;
    Path file = ts ? source.torchscript : source.onnx;
    DeclaredFrontEnd declared = frontEndFile != null ? DeclaredFrontEnd.read(frontEndFile) : fromOptions();
    Clip probe = check == null ? null : AudioFile.read(check);
    float[] expected = expect == null ? null : Npy.read(expect).data();
    ModelImport imp = new ModelImport(file, ts ? "torchscript" : "onnx", declared, inputChannels, classes, layer);
    ModelImport.Result r = imp.write(out, force, probe, expected, tolerance);
    System.out.println("imported " + file + " (sha256 " + r.sha256() + ") as " + r.folder() + ": input " + Arrays.toString(r.inputShape())
        + ", " + classes.size() + " classes" + (layer == null ? "" : ", layer " + layer)
        + (declared.waveform() == null ? "" : " (the complex STFT [real, imaginary] of " + declared.waveform().samples() + " samples)"));
    if (r.parity() != null) {
      System.out.println(String.format(Locale.ROOT, "parity on %s: largest logit difference %.3g (tolerance %.3g)", check,
          r.parity().maxAbsDifference(), r.parity().tolerance()));
    }
    return 0;
  }

  private DeclaredFrontEnd fromOptions() {
    SpectrogramSpec s = frontEnd.toSpec(frontEnd.sampleRate);
    if (waveform != null) return DeclaredFrontEnd.waveform(s, waveform, !noChannelAxis);
    int[] hw = DatasetCommand.parseSize(size);
    double cropMin = s.kind() == SpectrogramSpec.Kind.STFT ? s.fmin() : 0;
    double cropMax = frontEnd.fmax == null ? Double.NaN : frontEnd.fmax;
    InputFormat format = new InputFormat(s, cropMin, cropMax, hw[0], hw[1]).withFit(fit.equals("resize") ? null : new Fit(fit, fill));
    ModelConfig.Normalization n = mean.size() == 1 ? new ModelConfig.Normalization(mean.get(0), std.get(0))
        : new ModelConfig.Normalization(mean.get(0), std.get(0), mean.stream().mapToDouble(Double::doubleValue).toArray(),
            std.stream().mapToDouble(Double::doubleValue).toArray());
    return new DeclaredFrontEnd(format, n);
  }
}
