package org.spectrolens;

/**
 * A problem the user can act on: a bad file, a bad option, a wrong shape. The CLI prints it as
 * one line, {@code spectrolens: <subject>: <problem>}, and exits non-zero; the stack trace is
 * shown only with {@code --verbose}.
 */
public class SpectrolensException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String subject;

  /** @param subject the file or option the problem is about (may be null) */
  public SpectrolensException(String subject, String problem) {
    super(problem);
    this.subject = subject;
  }

  public SpectrolensException(String subject, String problem, Throwable cause) {
    super(problem, cause);
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }

  public String problem() {
    return super.getMessage();
  }

  /** The one-line message, without the program name. */
  @Override
  public String getMessage() {
    return subject == null ? problem() : subject + ": " + problem();
  }
}
