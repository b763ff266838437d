package org.spectrolens.cli;

import org.spectrolens.judge.Metric;
import org.spectrolens.judge.metric.MetricRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The metric lists of the judging commands' help, generated from {@link MetricRegistry} each time
 * the command line is built, so the help lists exactly the registered metrics, those a program
 * registered before running the CLI too.
 */
final class JudgeHelp {
  private JudgeHelp() {}

  /** Sets the footers of {@code faithfulness}, {@code sanity} and {@code localisation}. */
  static void install(CommandLine cli) {
    footer(cli, "faithfulness", "Metrics (--metrics; parameters: --metric-param)", Metric.Category.FAITHFULNESS, Metric.Category.COMPLEXITY);
    footer(cli, "sanity", "Checks (all are run)", Metric.Category.RANDOMISATION);
    footer(cli, "localisation", "Metrics (--metrics; parameters: --metric-param)", Metric.Category.LOCALISATION);
  }

  private static void footer(CommandLine cli, String command, String heading, Metric.Category... categories) {
    UsageMessageSpec usage = cli.getSubcommands().get(command).getCommandSpec().usageMessage();
    usage.footerHeading("%n" + heading + ":%n");
    usage.footer(MetricRegistry.help(categories).replace("%", "%%"));
  }
}
