package org.spectrolens.cli;

import java.util.ListResourceBundle;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.MetricRegistry;

/**
 * The metric lists of the judging commands' help, generated from {@link MetricRegistry} (picocli
 * reads a command's {@code usage.footer} from its resource bundle), so the help never lists an id
 * the registry does not have.
 */
public final class JudgeHelp {
  private JudgeHelp() {}

  static Object[][] footer(String heading, Metric.Category... categories) {
    return new Object[][] {{"usage.footerHeading", "%n" + heading + ":%n"}, {"usage.footer", MetricRegistry.help(categories).replace("%", "%%")}};
  }

  /** faithfulness: faithfulness and complexity metrics. */
  public static final class Faithfulness extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
      return footer("Metrics (--metrics)", Metric.Category.FAITHFULNESS, Metric.Category.COMPLEXITY);
    }
  }

  /** sanity: the randomisation checks. */
  public static final class Sanity extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
      return footer("Checks (all are run)", Metric.Category.RANDOMISATION);
    }
  }

  /** localisation: the metrics against truth masks. */
  public static final class Localisation extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
      return footer("Metrics (--metrics)", Metric.Category.LOCALISATION);
    }
  }
}
