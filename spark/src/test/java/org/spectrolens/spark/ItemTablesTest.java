package org.spectrolens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet item table the driver writes from a CSV: column types, nulls and values as Spark reads them back. */
class ItemTablesTest {
  @TempDir Path dir;

  @Test
  void typesValuesAndNullsAsSparkReadsThem() throws Exception {
    Files.writeString(dir.resolve("items.csv"), String.join("\n",
        "row,id,score,kept,note,code",
        "0,a1,0.5,true,\"x, \"\"quoted\"\"\",0010",
        "1,b2,-1.25E-3,false,,7",
        "2,c3,NaN,true,plain,12",
        "3,d4,,,,") + "\n");
    ItemTables.parquet(dir, "items");
    try (Stream<Path> f = Files.list(dir.resolve("items.parquet"))) {
      assertEquals(List.of(ItemTables.PART), f.map(p -> p.getFileName().toString()).toList(), "one part, no side files");
    }
    SparkSession spark = SparkSession.builder().master(SparkEngineTest.SPARK_MASTER).getOrCreate();
    var table = spark.read().parquet(dir.resolve("items.parquet").toString());
    StructType schema = table.schema();
    assertEquals(DataTypes.LongType, schema.apply("row").dataType());
    assertEquals(DataTypes.StringType, schema.apply("id").dataType());
    assertEquals(DataTypes.DoubleType, schema.apply("score").dataType());
    assertEquals(DataTypes.BooleanType, schema.apply("kept").dataType());
    assertEquals(DataTypes.StringType, schema.apply("note").dataType());
    assertEquals(DataTypes.StringType, schema.apply("code").dataType(), "a leading zero keeps an id as text");
    List<Row> rows = table.orderBy("row").collectAsList();
    assertEquals(4, rows.size());
    assertEquals("x, \"quoted\"", rows.get(0).getString(4));
    assertEquals("0010", rows.get(0).getString(5));
    assertEquals(-1.25e-3, rows.get(1).getDouble(2));
    assertTrue(rows.get(1).isNullAt(4), "an empty field is null");
    assertTrue(Double.isNaN(rows.get(2).getDouble(2)));
    assertTrue(rows.get(3).isNullAt(2) && rows.get(3).isNullAt(3), "empty number and flag fields are null");
    assertEquals(false, rows.get(1).getBoolean(3));
  }
}
