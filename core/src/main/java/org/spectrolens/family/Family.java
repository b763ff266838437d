package org.spectrolens.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;

/**
 * An open family of {@link Member}s by id: the one registry shape of spectrolens (methods, metrics,
 * filters, segmenters, features, channels, classifiers, decompositions). Built-in members come
 * first, in their order; {@link #register} adds one from outside the library. One rule for all: an
 * id is non-empty, free of ':' and ',' (they separate ids and parameters in text), and new
 * (registering the same object twice is harmless, a second object under a taken id is refused).
 * Thread-safe. Parsing and listing parameterised members is {@link Parameterised}'s.
 *
 * @param <M> the member type
 */
public final class Family<M extends Member> {
  private final String noun;
  private final String parameter;
  private final Map<String, M> members = new LinkedHashMap<>();

  /**
   * @param noun what a member is called in messages ({@code filter}, {@code explanation method})
   * @param parameter the library parameter (snake_case) whose values name members, named in errors when no other subject is given
   * @param builtIn the built-in members, in order
   */
  public Family(String noun, String parameter, List<? extends M> builtIn) {
    this.noun = noun;
    this.parameter = parameter;
    for (M m : builtIn) register(m);
  }

  /** Adds a member; refuses a bad id or a second member under a taken id. */
  public synchronized void register(M m) {
    String id = m.id();
    if (id == null || id.isEmpty() || id.contains(":") || id.contains(",")) throw new IllegalArgumentException("bad " + noun + " id '" + id + "'");
    M was = members.putIfAbsent(id, m);
    if (was != null && was != m) throw new IllegalArgumentException("a " + noun + " '" + id + "' is registered already");
  }

  /** Every member, built-in ones first. */
  public synchronized List<M> all() {
    return List.copyOf(members.values());
  }

  /** Every member's id, in order. */
  public synchronized List<String> ids() {
    return List.copyOf(members.keySet());
  }

  /** Whether {@code id} names a member. */
  public synchronized boolean contains(String id) {
    return members.containsKey(id);
  }

  /** The member {@code id}, or the one-line error naming the family's parameter and listing the ids. */
  public synchronized M get(String id) {
    M m = members.get(id);
    if (m == null) throw SpectrolensException.ofParameter(parameter, unknown(id));
    return m;
  }

  /** The member {@code id}, or the one-line error naming {@code subject} (a file or parameter) and listing the ids. */
  public synchronized M get(String id, String subject) {
    M m = members.get(id);
    if (m == null) throw new SpectrolensException(subject, unknown(id));
    return m;
  }

  private String unknown(String id) {
    return "unknown " + noun + " '" + id + "'; expected one of " + String.join(", ", members.keySet());
  }

  /**
   * A markdown table, one row per member: the header's columns, then each member's cells. Docs
   * pages hold these tables between markers, and a test keeps them equal to the code.
   */
  public String markdownTable(List<String> header, Function<M, List<String>> cells) {
    StringBuilder b = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) b.append(" --- |");
    b.append('\n');
    for (M m : all()) b.append("| ").append(String.join(" | ", cells.apply(m))).append(" |\n");
    return b.toString();
  }

  /** The plain table of {@code docs/}: id and what each member computes. */
  public String markdownTable() {
    return markdownTable(List.of("id", "what it computes"), m -> List.of("`" + m.id() + "`", m.description()));
  }
}
