package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --master}: where a heavy command runs (this process by default, or a {@link ScaleOut} engine). */
final class EngineOptions implements Checked {
  @Option(names = "--engine", defaultValue = "local", paramLabel = "ENGINE",
      description = "local (this process) or spark (Apache Spark; needs the spark module, see docs/spark.md; default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "--engine spark: local[N], local[*] or spark://HOST:PORT (default: spark-submit's, else local[*]).")
  String master;

  @Override
  public void checkOptions() {
    if (master != null && local()) throw new SpectrolensException("--master", "applies to --engine spark only");
  }

  boolean local() {
    return engine.equals("local");
  }

  /** The engine (null for this process) and the job it runs. */
  ScaleOut scaleOut() {
    return local() ? null : ScaleOut.find(engine);
  }

  /** On an engine, the item tables {@code names} of {@code dir} also as Parquet ({@link ScaleOut#tables}). */
  void tables(String command, Path dir, String... names) {
    ScaleOut s = scaleOut();
    if (s != null) s.tables(job(command, List.of(), null), dir, List.of(names));
  }

  ScaleOut.Job job(String command, List<String> args, Path staging) {
    return new ScaleOut.Job(command, List.copyOf(args), master, staging, null);
  }
}
