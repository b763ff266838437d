package org.spectrolens.family;

/**
 * One member of an open {@link Family}: an explanation method, a metric, a filter, a segmentation
 * method, a feature, an input channel, a classifier, a decomposition. What every member tells
 * before it runs is its id and one line saying what it computes (with its unit).
 */
public interface Member {
  /** The id written in options and recorded in outputs; non-empty, without ':' or ','. */
  String id();

  /** One line: what the member computes, with its unit. */
  String description();
}
