package org.spectrolens.spark;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.cli.Main;

/**
 * The main class for {@code spark-submit}: the {@code spectrolens} command line as given, run with
 * {@code --engine spark} on the master spark-submit was given.
 */
public final class Submit {
  private Submit() {}

  public static void main(String[] args) {
    List<String> a = new ArrayList<>(List.of(args));
    if (!a.contains("--engine")) {
      a.add("--engine");
      a.add("spark");
    }
    System.exit(Main.run(a.toArray(String[]::new)));
  }
}
