package org.spectrolens.corpus.textgrid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.IoErrors;

/**
 * Reads Praat TextGrids in the long and the short text format (Praat, MFA/praatio, WebMAUS).
 *
 * <p>Follows Praat's own reading rule: only free-standing numbers, double-quoted strings
 * ({@code ""} is a quote inside) and {@code <flags>} are data; everything else ({@code xmin =},
 * {@code item [2]:}) is comment, as is the rest of a line after {@code !}. So both formats are one
 * grammar. Text is UTF-16 (LE/BE) or UTF-8 when a byte-order mark says so, else UTF-8, else
 * Latin-1. Point tiers ({@code TextTier}) come back as zero-length intervals.
 *
 * <p>Errors are {@link SpectrolensException}s naming the file and the line:
 * {@code line 21: expected a number (xmax of interval 3 of tier "phones"), found the end of the file}.
 *
 * <p>Over 300 lines on purpose: one recursive-descent reader of Praat's grammar (long and short
 * text forms, both encodings) keeps each error's line number and context in one place.
 */
public final class TextGridReader {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  /** Tolerance for "ordered" and "within the tier": writers round to 6 decimals or fewer. */
  private static final double EPS = 1e-6;

  private TextGridReader() {}

  public static TextGrid read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpectrolensException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + IoErrors.reason(e));
    }
    return parse(decode(bytes), file.toString());
  }

  /** Parses TextGrid text; {@code source} names it in error messages. */
  public static TextGrid parse(String text, String source) {
    List<Token> tokens = tokenize(text, source);
    return new Parser(tokens, source, lineCount(text)).textGrid();
  }

  /** Decodes by byte-order mark; without one, UTF-16 by zero bytes, else strict UTF-8, else Latin-1. */
  static String decode(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && b[0] == 0 && b[1] != 0) return new String(b, StandardCharsets.UTF_16BE);
    if (b.length >= 2 && b[0] != 0 && b[1] == 0) return new String(b, StandardCharsets.UTF_16LE);
    try {
      return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }

  /** Line breaks + 1: the line on which the end of the text lies (Praat's number in "early end of text (line N)"). */
  static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) lines++;
    }
    return lines;
  }

  private static java.nio.charset.CharsetDecoder strict(Charset cs) {
    return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** WORD: a bare word right after '=' ({@code xmax = abc}); Praat would skip it as comment, but it is always a mistake. */
  enum Kind { NUMBER, STRING, FLAG, WORD }

  record Token(Kind kind, String text, int line) {
    String describe() {
      return switch (kind) {
        case NUMBER -> "the number " + text;
        case STRING -> "the string \"" + abbreviate(text) + "\"";
        case FLAG -> "the flag <" + text + ">";
        case WORD -> "'" + abbreviate(text) + "'";
      };
    }

    private static String abbreviate(String s) {
      return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
  }

  /** Splits text into Praat data tokens, each with its 1-based line; comments are dropped. */
  static List<Token> tokenize(String text, String source) {
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.contains("ooBinaryFile")) {
      throw new SpectrolensException(source, "line 1: a binary TextGrid; save it as a text file in Praat");
    }
    if (firstLine.contains("chronological")) {
      throw new SpectrolensException(source, "line 1: a chronological TextGrid is not supported; save it as a (short) text file in Praat");
    }
    if (!firstLine.contains("ooTextFile")) {
      throw new SpectrolensException(source, "line 1: expected a Praat text file header (File type = \"ooTextFile\"), found '"
          + (firstLine.length() > 40 ? firstLine.substring(0, 40) + "..." : firstLine) + "'");
    }
    List<Token> out = new ArrayList<>();
    int line = 1;
    int n = text.length();
    int i = 0;
    boolean afterEquals = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
        line++;
        i++;
        afterEquals = false;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '!') {
        afterEquals = false;
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
      } else if (c == '"') {
        afterEquals = false;
        int startLine = line;
        StringBuilder s = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) throw new SpectrolensException(source, "line " + startLine + ": string not closed before the end of the file");
          char d = text.charAt(i);
          if (d == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              s.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (d == '\n' || (d == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) line++;
          s.append(d);
          i++;
        }
        if (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '!') {
          throw new SpectrolensException(source, "line " + line + ": character '" + text.charAt(i)
              + "' after the closing quote (an undoubled quote inside a string?)");
        }
        out.add(new Token(Kind.STRING, s.toString().replace("\r\n", "\n"), startLine));
      } else if (c == '<') {
        afterEquals = false;
        int end = i + 1;
        while (end < n && text.charAt(end) != '>' && !Character.isWhitespace(text.charAt(end))) end++;
        if (end < n && text.charAt(end) == '>') {
          out.add(new Token(Kind.FLAG, text.substring(i + 1, end), line));
          i = end + 1;
        } else {
          i = end; // a lone '<' in a comment
        }
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"' && text.charAt(end) != '!') end++;
        String word = text.substring(i, end);
        if (NUMBER.matcher(word).matches()) out.add(new Token(Kind.NUMBER, word, line));
        else if (afterEquals) out.add(new Token(Kind.WORD, word, line));
        afterEquals = word.equals("=") || word.endsWith("=");
        i = end;
        continue;
      }
    }
    return out;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private final String source;
    private final int endLine;
    private int pos;

    Parser(List<Token> tokens, String source, int endLine) {
      this.tokens = tokens;
      this.source = source;
      this.endLine = endLine;
    }

    TextGrid textGrid() {
      Token type = expect(Kind.STRING, "the file type \"ooTextFile\"");
      if (!type.text().startsWith("ooTextFile")) throw error(type, "the file type \"ooTextFile\"");
      Token cls = expect(Kind.STRING, "the object class \"TextGrid\"");
      if (!cls.text().equals("TextGrid")) {
        throw new SpectrolensException(source, "line " + cls.line() + ": a Praat " + cls.text() + ", not a TextGrid");
      }
      double xmin = number("xmin of the TextGrid");
      double xmax = number("xmax of the TextGrid");
      if (!(xmax >= xmin)) throw new SpectrolensException(source, "line " + last().line() + ": TextGrid xmax " + xmax + " is below xmin " + xmin);
      Token exists = expect(Kind.FLAG, "<exists> or <absent>");
      List<TextGrid.Tier> tiers = new ArrayList<>();
      if (exists.text().equals("exists")) {
        int size = count("the number of tiers");
        for (int t = 1; t <= size; t++) tiers.add(tier(t));
      } else if (!exists.text().equals("absent")) {
        throw error(exists, "<exists> or <absent>");
      }
      if (pos < tokens.size()) {
        Token extra = tokens.get(pos);
        throw new SpectrolensException(source, "line " + extra.line() + ": expected the end of the file after "
            + tiers.size() + " tier(s), found " + extra.describe());
      }
      return new TextGrid(xmin, xmax, tiers);
    }

    private TextGrid.Tier tier(int t) {
      Token cls = expect(Kind.STRING, "the class of tier " + t + " (\"IntervalTier\" or \"TextTier\")");
      boolean points;
      if (cls.text().equals("IntervalTier")) {
        points = false;
      } else if (cls.text().equals("TextTier")) {
        points = true;
      } else {
        throw error(cls, "the class of tier " + t + " (\"IntervalTier\" or \"TextTier\")");
      }
      String name = expect(Kind.STRING, "the name of tier " + t).text();
      String where = "tier \"" + name + "\"";
      double xmin = number("xmin of " + where);
      double xmax = number("xmax of " + where);
      if (!(xmax >= xmin)) throw new SpectrolensException(source, "line " + last().line() + ": " + where + " ends (" + xmax + ") before it starts (" + xmin + ")");
      int size = count("the number of " + (points ? "points" : "intervals") + " of " + where);
      List<TextGrid.Interval> intervals = new ArrayList<>(Math.min(size, 4096)); // the size is a claim of the file
      double previousEnd = xmin;
      for (int k = 1; k <= size; k++) {
        if (points) {
          Token at = expect(Kind.NUMBER, "the time of point " + k + " of " + where);
          double time = parse(at);
          String mark = expect(Kind.STRING, "the mark of point " + k + " of " + where).text();
          if (time < xmin - EPS || time > xmax + EPS) {
            throw new SpectrolensException(source, "line " + at.line() + ": point " + k + " of " + where + " at " + time
                + " s lies outside the tier (" + xmin + " to " + xmax + " s)");
          }
          if (k > 1 && !(time > previousEnd)) {
            throw new SpectrolensException(source, "line " + at.line() + ": point " + k + " of " + where + " at " + time
                + " s is not after point " + (k - 1) + " (" + previousEnd + " s)");
          }
          previousEnd = time;
          intervals.add(new TextGrid.Interval(time, time, mark));
        } else {
          Token start = expect(Kind.NUMBER, "xmin of interval " + k + " of " + where);
          double a = parse(start);
          double b = number("xmax of interval " + k + " of " + where);
          String text = expect(Kind.STRING, "the text of interval " + k + " of " + where).text();
          String what = "interval " + k + " of " + where;
          if (!(b > a)) {
            throw new SpectrolensException(source, "line " + start.line() + ": " + what + " ends (" + b + " s) before it starts (" + a + " s)");
          }
          if (a < xmin - EPS || b > xmax + EPS) {
            throw new SpectrolensException(source, "line " + start.line() + ": " + what + " (" + a + " to " + b
                + " s) lies outside the tier (" + xmin + " to " + xmax + " s)");
          }
          if (k > 1 && a < previousEnd - EPS) {
            throw new SpectrolensException(source, "line " + start.line() + ": " + what + " starts at " + a
                + " s, before interval " + (k - 1) + " ends (" + previousEnd + " s): intervals out of order");
          }
          previousEnd = b;
          intervals.add(new TextGrid.Interval(a, b, text));
        }
      }
      return new TextGrid.Tier(name, xmin, xmax, intervals);
    }

    private double number(String what) {
      Token t = expect(Kind.NUMBER, what);
      double v = parse(t);
      if (!Double.isFinite(v)) {
        throw new SpectrolensException(source, "line " + t.line() + ": " + what + " " + t.text() + " is not a finite number");
      }
      return v;
    }

    private int count(String what) {
      Token t = expect(Kind.NUMBER, what);
      try {
        int v = Integer.parseInt(t.text().startsWith("+") ? t.text().substring(1) : t.text());
        if (v >= 0) return v;
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new SpectrolensException(source, "line " + t.line() + ": expected a non-negative whole number (" + what + "), found " + t.describe());
    }

    private static double parse(Token t) {
      return Double.parseDouble(t.text());
    }

    private Token expect(Kind kind, String what) {
      String article = switch (kind) {
        case NUMBER -> "a number";
        case STRING -> "a string";
        case FLAG -> "a flag";
        case WORD -> "a word";
      };
      if (pos >= tokens.size()) {
        throw new SpectrolensException(source, "line " + endLine + ": expected " + article + " (" + what + "), found the end of the file");
      }
      Token t = tokens.get(pos);
      if (t.kind() != kind) {
        throw new SpectrolensException(source, "line " + t.line() + ": expected " + article + " (" + what + "), found " + t.describe());
      }
      pos++;
      return t;
    }

    private Token last() {
      return tokens.get(pos - 1);
    }

    private SpectrolensException error(Token t, String expected) {
      return new SpectrolensException(source, String.format(Locale.ROOT, "line %d: expected %s, found %s", t.line(), expected, t.describe()));
    }
  }
}
