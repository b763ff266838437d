package org.spectrolens.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;
import org.spectrolens.io.OutputFolder;

/**
 * Item tables as Parquet beside the CSVs, so Spark, pandas and DuckDB read them directly. The
 * driver writes the table itself with Parquet's own writer, from the CSV's rows and a schema
 * fixed by one pass over them: no Spark job (reading the CSV with Spark's schema inference cost
 * three jobs, a few seconds per command).
 */
final class ItemTables {
  private ItemTables() {}

  /** The one part file of a table. */
  static final String PART = "part-00000.snappy.parquet";

  /** A column's type: the narrowest that holds every non-empty value (an empty field is null). */
  enum Kind {
    LONG, DOUBLE, BOOLEAN, STRING;

    /** Whole numbers without leading zeros (an id such as 0010 stays text, as written). */
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern REAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|-?Infinity");

    static Kind of(List<String[]> rows, int col) {
      boolean isLong = true, isDouble = true, isBoolean = true;
      for (String[] r : rows) {
        String v = r[col];
        if (v.isEmpty()) continue;
        isLong &= WHOLE.matcher(v).matches() && fitsLong(v);
        isDouble &= REAL.matcher(v).matches();
        isBoolean &= v.equals("true") || v.equals("false");
      }
      return isLong ? LONG : isDouble ? DOUBLE : isBoolean ? BOOLEAN : STRING;
    }

    private static boolean fitsLong(String v) {
      try {
        Long.parseLong(v);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  /** {@code <name>.parquet} (a folder with one part file) from {@code <name>.csv} of {@code dir}. */
  static void parquet(Path dir, String name) {
    Path csv = dir.resolve(name + ".csv");
    Path out = dir.resolve(name + ".parquet");
    OutputFolder.recordWrite(out.resolve("part"));
    try {
      List<String> lines = Csv.readLines(csv);
      if (lines.isEmpty()) throw new SpectrolensException(csv.toString(), "has no header line");
      List<String> header = Csv.split(lines.get(0));
      List<String[]> rows = new ArrayList<>();
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).isEmpty()) continue;
        List<String> f = Csv.split(lines.get(i));
        if (f.size() != header.size()) {
          throw new SpectrolensException(csv.toString(), "line " + (i + 1) + ": " + f.size() + " fields, the header names " + header.size());
        }
        rows.add(f.toArray(String[]::new));
      }
      Kind[] kinds = new Kind[header.size()];
      Types.MessageTypeBuilder schema = Types.buildMessage();
      for (int c = 0; c < kinds.length; c++) {
        kinds[c] = Kind.of(rows, c);
        switch (kinds[c]) {
          case LONG -> schema.optional(PrimitiveTypeName.INT64).named(header.get(c));
          case DOUBLE -> schema.optional(PrimitiveTypeName.DOUBLE).named(header.get(c));
          case BOOLEAN -> schema.optional(PrimitiveTypeName.BOOLEAN).named(header.get(c));
          case STRING -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(header.get(c));
        }
      }
      MessageType type = schema.named("spark_schema");
      Files.createDirectories(out);
      Path tmp = out.resolve("." + PART + ".tmp");
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      try (var w = ExampleParquetWriter.builder(new LocalOutputFile(tmp)).withType(type)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
        for (String[] r : rows) {
          Group g = groups.newGroup();
          for (int c = 0; c < kinds.length; c++) {
            String v = r[c];
            if (v.isEmpty()) continue; // null
            switch (kinds[c]) {
              case LONG -> g.add(c, Long.parseLong(v));
              case DOUBLE -> g.add(c, Double.parseDouble(v));
              case BOOLEAN -> g.add(c, Boolean.parseBoolean(v));
              case STRING -> g.add(c, Binary.fromString(v));
            }
          }
          w.write(g);
        }
      }
      Files.move(tmp, out.resolve(PART), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SpectrolensException(out.toString(), "cannot write: " + e.getMessage(), e);
    }
  }
}
