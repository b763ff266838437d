package org.spectrolens.corpus.textgrid;

import java.nio.file.Path;
import java.util.Locale;
import org.spectrolens.io.AtomicFiles;

/** Writes TextGrids in Praat's long text format (UTF-8), as Praat and MFA write them. */
public final class TextGridWriter {
  private TextGridWriter() {}

  public static void write(Path file, TextGrid grid) {
    AtomicFiles.writeString(file, toLongFormat(grid));
  }

  public static String toLongFormat(TextGrid g) {
    StringBuilder s = new StringBuilder();
    s.append("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n");
    s.append("xmin = ").append(num(g.xmin())).append(" \nxmax = ").append(num(g.xmax())).append(" \n");
    s.append("tiers? <exists> \nsize = ").append(g.tiers().size()).append(" \nitem []: \n");
    for (int t = 0; t < g.tiers().size(); t++) {
      TextGrid.Tier tier = g.tiers().get(t);
      s.append("    item [").append(t + 1).append("]:\n");
      s.append("        class = \"IntervalTier\" \n");
      s.append("        name = ").append(quote(tier.name())).append(" \n");
      s.append("        xmin = ").append(num(tier.xmin())).append(" \n");
      s.append("        xmax = ").append(num(tier.xmax())).append(" \n");
      s.append("        intervals: size = ").append(tier.intervals().size()).append(" \n");
      for (int i = 0; i < tier.intervals().size(); i++) {
        TextGrid.Interval iv = tier.intervals().get(i);
        s.append("        intervals [").append(i + 1).append("]:\n");
        s.append("            xmin = ").append(num(iv.xmin())).append(" \n");
        s.append("            xmax = ").append(num(iv.xmax())).append(" \n");
        s.append("            text = ").append(quote(iv.text())).append(" \n");
      }
    }
    return s.toString();
  }

  private static String num(double v) {
    String t = String.format(Locale.ROOT, "%.6f", v);
    t = t.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
