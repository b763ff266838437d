package org.spectrolens.judge;

import java.util.Set;

/** The metadata half of a {@link Metric}, so each metric class states it in its constructor. */
public abstract class Described implements Metric {
  private final String id;
  private final Category category;
  private final Direction direction;
  private final Set<Need> needs;
  private final String summary;

  protected Described(String id, Category category, Direction direction, Set<Need> needs, String summary) {
    this.id = id;
    this.category = category;
    this.direction = direction;
    this.needs = Set.copyOf(needs);
    this.summary = summary;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Category category() {
    return category;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public Set<Need> needs() {
    return needs;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return id;
  }
}
