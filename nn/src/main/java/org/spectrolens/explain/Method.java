package org.spectrolens.explain;

/** One explanation method; every call explains a whole batch. Get instances from {@link Explainers#of}. */
public interface Method {
  /** The method id ({@code gradcam}, {@code scorecam}, ...). */
  String id();

  Explanation explain(Request request);
}
