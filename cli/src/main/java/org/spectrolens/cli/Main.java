package org.spectrolens.cli;

import java.io.PrintWriter;
import java.util.List;
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
      FaithfulnessCommand.class,
      SanityCommand.class,
      LocalisationCommand.class,
      BenchCommand.class,
      SynthCommand.class,
      SynthSceneCommand.class,
      DiscriminativityCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      FormantsCommand.class,
      PitchCommand.class,
      AnalyzeCommand.class,
      AblationCommand.class,
      FilterCommand.class,
      MatchCommand.class,
      FeaturesCommand.class,
      SegmentCommand.class,
      EmbedCommand.class,
      DecomposeCommand.class,
      ServeCommand.class,
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
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) { // picocli passes Errors through; the heap size is what the user can change
      System.err.printf(java.util.Locale.ROOT, "spectrolens: out of memory: the Java heap (%.1f GiB) is too small for this run;"
          + " raise it with SPECTROLENS_JAVA_OPTS=-Xmx..., or use smaller inputs%n", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
      return 1;
    }
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    OptionChecks.install(cli);
    JudgeHelp.install(cli);
    cli.setExecutionStrategy(parsed -> {
      OptionChecks.check(parsed); // every option checked before any work
      List<CommandLine> chain = parsed.asCommandLineList();
      ParameterFlags.running(chain.get(chain.size() - 1).getCommandSpec()); // for reports printed while it runs
      try {
        return new CommandLine.RunLast().execute(parsed);
      } finally {
        ParameterFlags.running(null);
      }
    });
    cli.setExecutionExceptionHandler((ex, line, parse) -> {
      boolean verbose = parse.originalArgs().contains("--verbose");
      PrintWriter err = line.getErr();
      err.println("spectrolens: " + (ex instanceof SpectrolensException s ? oneLine(ParameterFlags.message(s, line.getCommandSpec())) : oneLine(ex)));
      if (verbose) ex.printStackTrace(err);
      err.flush();
      return ex instanceof SpectrolensException ? 2 : 1;
    });
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("spectrolens: " + parameterProblem(ex));
      err.flush();
      return 2;
    });
    return cli;
  }

  /**
   * The command object of a whole command line, parsed as {@link #run} parses it but not run: a
   * {@link ScaleOut} worker rebuilds the command it runs a part of from the driver's command line.
   */
  static <T> T parse(List<String> args, Class<T> type) {
    CommandLine.ParseResult p = commandLine().parseArgs(args.toArray(String[]::new));
    while (p.hasSubcommand()) p = p.subcommand();
    return type.cast(p.commandSpec().userObject());
  }

  /** A parse error as {@code <option>: <problem>} (picocli's own wording otherwise). */
  static String parameterProblem(CommandLine.ParameterException ex) {
    String help = " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
    String msg;
    if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
      var a = m.getMissing().get(0);
      msg = (a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel()) + ": required" + help;
    } else if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      msg = arg + ": " + (arg.startsWith("-") ? "unknown option" : "unexpected argument") + help;
    } else if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof CommandLine.Model.OptionSpec os) {
      msg = os.longestName() + ": given more than once";
    } else if (ex.getCause() instanceof CommandLine.TypeConversionException t && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
      msg = o.longestName() + ": " + t.getMessage();
    } else if (ex.getCause() instanceof SpectrolensException s) {
      msg = ParameterFlags.message(s, ex.getCommandLine().getCommandSpec());
    } else {
      msg = ex.getMessage();
    }
    return msg.replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * The message of an error on one line; unexpected errors name their type. A library error names
   * the flags of the command now running ({@link ParameterFlags}).
   */
  static String oneLine(Throwable ex) {
    return oneLine(ex instanceof SpectrolensException s ? ParameterFlags.message(s)
        : ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
  }

  private static String oneLine(String msg) {
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
