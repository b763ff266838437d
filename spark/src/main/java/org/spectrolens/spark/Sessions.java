package org.spectrolens.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session a command runs on: spark-submit's, or one made for {@code --master}. */
final class Sessions {
  private Sessions() {}

  static SparkSession of(String master, String command) {
    SparkConf given = new SparkConf(); // spark-submit's settings (spark.* system properties)
    SparkSession.Builder b = SparkSession.builder().appName("spectrolens " + command);
    if (master != null) b.master(master);
    else if (!given.contains("spark.master")) b.master("local[*]");
    b.config("spark.ui.enabled", given.get("spark.ui.enabled", "false"));
    // Hadoop's _SUCCESS file is not part of a Parquet table spectrolens writes
    b.config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    // libtorch's OpenMP threads on a busy machine: see the ./spectrolens launcher
    b.config("spark.executorEnv.GOMP_SPINCOUNT", System.getenv().getOrDefault("GOMP_SPINCOUNT", "20000"));
    // a cluster on this machine (started from spark/target/lib) runs executors with this JVM's class path unless told otherwise
    if (!given.contains("spark.executor.extraClassPath")) b.config("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    return b.getOrCreate();
  }
}
