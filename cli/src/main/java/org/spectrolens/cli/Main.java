package org.spectrolens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code spectrolens} command: parses options and calls the Java API, nothing more. */
@Command(
    name = "spectrolens",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Train neural networks on audio spectrograms and explain, in hertz and seconds, what they hear.",
    subcommands = {
      DemoCommand.class,
      SpectrogramCommand.class,
      DatasetCommand.class,
      ExplainCommand.class,
      BenchCommand.class,
      SynthCommand.class,
      SynthSceneCommand.class,
      DiscriminativityCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ExportCommand.class,
    })
public final class Main implements Callable<Integer> {
  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces with errors.")
  boolean verbose;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, line, parse) -> {
      boolean verbose = parse.originalArgs().contains("--verbose");
      PrintWriter err = line.getErr();
      err.println("spectrolens: " + oneLine(ex));
      if (verbose) ex.printStackTrace(err);
      err.flush();
      return ex instanceof SpectrolensException ? 2 : 1;
    });
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("spectrolens: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
      err.flush();
      return 2;
    });
    return cli;
  }

  /** The message of an error on one line; unexpected errors name their type. */
  static String oneLine(Throwable ex) {
    String msg = ex instanceof SpectrolensException ? ex.getMessage()
        : ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    return msg.replace('\n', ' ').replace('\r', ' ');
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"spectrolens " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
