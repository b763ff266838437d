package org.spectrolens.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.spectrolens.SpectrolensException;

/**
 * The model folder of a command line ({@code --model}), shipped to the executors with Spark's file
 * distribution, so a cluster needs no shared storage for the model: the driver zips the folder
 * under a name of its content ({@code model-<sha256>.zip}, so a name always means the same bytes),
 * adds it to the job ({@code SparkContext.addFile}) and puts {@link #SHIPPED} and that name in the
 * command line the tasks receive; an executor fetches the zip, unpacks it once beside it and opens
 * the model from there.
 */
final class ShippedModel {
  private ShippedModel() {}

  /** The prefix of a {@code --model} value naming a shipped zip instead of a folder. */
  static final String SHIPPED = "spark-files:";

  /** The driver's zips, kept for the JVM's life: Spark serves an added file from its path until the context stops. */
  private static Path zips;

  /** {@code args} with its model folder shipped ({@code args} themselves when they name no model). */
  static List<String> ship(JavaSparkContext sc, List<String> args) {
    int at = valueIndex(args);
    if (at < 0) return args;
    String given = value(args.get(at));
    Path folder = Path.of(given).toAbsolutePath();
    if (!Files.isDirectory(folder)) return args; // the command's own check reports it
    Path zip = zip(folder);
    sc.addFile(zip.toString());
    return withValue(args, at, SHIPPED + zip.getFileName());
  }

  /** On an executor: {@code args} with a shipped model's value replaced by the folder it unpacks to. */
  static List<String> local(List<String> args) {
    int at = valueIndex(args);
    if (at < 0 || !value(args.get(at)).startsWith(SHIPPED)) return args;
    String name = value(args.get(at)).substring(SHIPPED.length());
    Path zip = Path.of(SparkFiles.get(name)).toAbsolutePath().normalize(); // a standalone executor's root is "."
    return withValue(args, at, unpacked(zip).toString());
  }

  /** The index of {@code --model}'s value in {@code args} ({@code --model X} or {@code --model=X}); -1 when absent. */
  private static int valueIndex(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--model") && i + 1 < args.size()) return i + 1;
      if (args.get(i).startsWith("--model=")) return i;
    }
    return -1;
  }

  private static String value(String arg) {
    return arg.startsWith("--model=") ? arg.substring("--model=".length()) : arg;
  }

  private static List<String> withValue(List<String> args, int at, String value) {
    List<String> out = new ArrayList<>(args);
    out.set(at, args.get(at).startsWith("--model=") ? "--model=" + value : value);
    return List.copyOf(out);
  }

  /** The folder's files (the folder's own level and below, in name order) in {@code model-<sha256 of the zip>.zip}. */
  private static synchronized Path zip(Path folder) {
    try {
      if (zips == null) {
        zips = Files.createTempDirectory("spectrolens-models");
        zips.toFile().deleteOnExit();
      }
      Path tmp = zips.resolve(UUID.randomUUID() + ".tmp");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Path> files;
      try (Stream<Path> all = Files.walk(folder)) {
        files = all.filter(Files::isRegularFile).sorted().toList();
      }
      try (ZipOutputStream out = new ZipOutputStream(new DigestOutputStream(Files.newOutputStream(tmp), sha))) {
        out.setLevel(Deflater.NO_COMPRESSION); // weights barely compress; deflating them cost seconds per job
        for (Path f : files) {
          ZipEntry e = new ZipEntry(folder.relativize(f).toString().replace('\\', '/'));
          e.setTime(0); // the same files give the same bytes, hence the same name
          out.putNextEntry(e);
          Files.copy(f, out);
          out.closeEntry();
        }
      }
      Path zip = zips.resolve("model-" + HexFormat.of().formatHex(sha.digest(), 0, 16) + ".zip");
      Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
      zip.toFile().deleteOnExit();
      return zip;
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new SpectrolensException(folder.toString(), "cannot pack the model for the executors: " + e.getMessage(), e);
    }
  }

  /** The folder {@code zip} unpacks to, beside it; unpacked once per JVM (under another name, then renamed into place). */
  static synchronized Path unpacked(Path zip) {
    String name = zip.getFileName().toString();
    Path dir = zip.resolveSibling(name.substring(0, name.length() - ".zip".length()));
    if (Files.isDirectory(dir)) return dir;
    Path tmp = zip.resolveSibling(dir.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path f = tmp.resolve(e.getName()).normalize();
        if (!f.startsWith(tmp)) throw new IOException("entry outside the folder: " + e.getName());
        Files.createDirectories(f.getParent());
        Files.copy(in, f);
      }
      Files.createDirectories(tmp);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      return dir;
    } catch (IOException e) {
      throw new SpectrolensException(zip.toString(), "cannot unpack the shipped model: " + e.getMessage(), e);
    }
  }
}
