package org.spectrolens.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Names of per-input outputs in one output folder that never collide: each input keeps its path
 * relative to the common folder of all inputs (sub-folders mirrored), its extension is replaced by
 * the output's, and where two inputs would then share a name ({@code x.wav} and {@code x.flac})
 * both keep their extension ({@code x.wav.npy}, {@code x.flac.npy}).
 */
public final class OutputNames {
  private OutputNames() {}

  /**
   * @param files the input files (duplicates, after normalising, count once)
   * @param suffix what replaces the extension, with its dot ({@code .npy})
   * @return input file (absolute, normalised) to relative output path, in input order
   */
  public static Map<Path, String> of(List<Path> files, String suffix) {
    List<Path> abs = new ArrayList<>(new LinkedHashSet<>(files.stream().map(p -> p.toAbsolutePath().normalize()).toList()));
    Map<Path, String> names = new LinkedHashMap<>();
    if (abs.isEmpty()) return names;
    Path root = abs.get(0).getParent();
    for (Path p : abs) while (!p.startsWith(root)) root = root.getParent();
    Map<String, Integer> uses = new HashMap<>();
    for (Path p : abs) uses.merge(stem(root.relativize(p).toString()) + suffix, 1, Integer::sum);
    for (Path p : abs) {
      String rel = root.relativize(p).toString();
      String plain = stem(rel) + suffix;
      names.put(p, uses.get(plain) > 1 ? rel + suffix : plain);
    }
    return names;
  }

  /** {@code a/b.c.wav} -> {@code a/b.c}; names without an extension (or hidden ones) stay whole. */
  static String stem(String rel) {
    int slash = rel.lastIndexOf('/');
    int dot = rel.lastIndexOf('.');
    return dot > slash + 1 ? rel.substring(0, dot) : rel;
  }
}
