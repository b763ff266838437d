package org.spectrolens.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;

/** Minimal RFC 4180 fields: commas separate, double quotes enclose, "" escapes a quote. */
public final class Csv {
  private Csv() {}

  /**
   * The lines of a UTF-8 text file (a table, an annotation), as {@link Files#readAllLines} reads them.
   * Text in another encoding (a Latin-1 export) is one error naming the line and the byte, not the
   * JDK's "Input length = 1".
   *
   * @throws IOException when the file cannot be read at all (the caller names what it is)
   */
  public static List<String> readLines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
      throw new SpectrolensException(file.toString(), String.format(Locale.ROOT,
          "line %d: not UTF-8 text (byte 0x%02X at offset %d; Latin-1 or Windows-1252?); save the file as UTF-8", line, bytes[at] & 0xff, at));
    }
    return out.flip().toString().lines().toList();
  }

  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** Quotes a field when it holds a comma, quote or line break. */
  public static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
