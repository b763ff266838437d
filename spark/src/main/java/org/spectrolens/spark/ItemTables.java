package org.spectrolens.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.OutputFolder;

/** Item tables as Parquet beside the CSVs, so Spark, pandas and DuckDB read them directly. */
final class ItemTables {
  private ItemTables() {}

  /** The one part file of a table. */
  static final String PART = "part-00000.snappy.parquet";

  /** {@code <name>.parquet} (a folder with one part file) from {@code <name>.csv} of {@code dir}, column types inferred. */
  static void parquet(SparkSession spark, Path dir, String name) {
    Path csv = dir.resolve(name + ".csv");
    Path out = dir.resolve(name + ".parquet");
    OutputFolder.recordWrite(out.resolve("part"));
    spark.read().option("header", "true").option("inferSchema", "true").option("escape", "\"")
        .csv(csv.toUri().toString()).coalesce(1).write().parquet(out.toUri().toString());
    try (Stream<Path> files = Files.list(out)) { // Hadoop's checksum files are not part of the table
      for (Path f : files.toList()) {
        String file = f.getFileName().toString();
        if (file.endsWith(".crc")) Files.delete(f);
        else if (file.endsWith(".parquet")) Files.move(f, out.resolve(PART)); // one part: a name that does not change between runs
      }
    } catch (IOException e) {
      throw new SpectrolensException(out.toString(), "cannot write: " + e.getMessage(), e);
    }
  }
}
