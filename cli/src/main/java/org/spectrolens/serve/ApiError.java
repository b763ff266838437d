package org.spectrolens.serve;

/** A request the explorer refuses: its HTTP status and the one line the page shows. */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ApiError notFound(String what) {
    return new ApiError(404, what);
  }

  static ApiError badRequest(String what) {
    return new ApiError(400, what);
  }
}
