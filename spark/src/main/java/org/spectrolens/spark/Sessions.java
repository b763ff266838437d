package org.spectrolens.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context a command runs on: spark-submit's, or one made for {@code --master}. A plain
 * context, not a SQL session: the jobs are RDDs of item ranges and the Parquet tables are written
 * by the driver ({@link ItemTables}), and a session's start (Spark SQL's configuration and Scala
 * reflection) cost seconds per command.
 */
final class Sessions {
  private Sessions() {}

  static JavaSparkContext of(String master, String command) {
    SparkConf conf = new SparkConf(); // spark-submit's settings (spark.* system properties)
    conf.setAppName("spectrolens " + command);
    if (master != null) conf.setMaster(master);
    else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
    conf.setIfMissing("spark.ui.enabled", "false");
    // libtorch's OpenMP threads on a busy machine: see the ./spectrolens launcher
    conf.setIfMissing("spark.executorEnv.GOMP_SPINCOUNT", System.getenv().getOrDefault("GOMP_SPINCOUNT", "20000"));
    // a cluster on this machine (started from spark/target/lib) runs executors with this JVM's class path unless told otherwise
    conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    return JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
  }
}
