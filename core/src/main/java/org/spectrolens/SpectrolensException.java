package org.spectrolens;

/**
 * A problem the user can act on: a bad file, a bad parameter, a wrong shape. The CLI prints it as
 * one line, {@code spectrolens: <subject>: <problem>}, and exits non-zero; the stack trace is
 * shown only with {@code --verbose}.
 *
 * <p>The library names its own parameters, never a command-line flag: a problem about a
 * parameter is made with {@link #ofParameter} (its subject is the parameter's snake_case name,
 * {@code grid: must be ...}), and a problem text that mentions a parameter writes its name in
 * backticks ({@code must be above `fmin`}). Both forms are recognisable, so the CLI can show its
 * own flag instead ({@code --grid}, {@code --fmin}) where the value came from one of its options,
 * without touching any other text.
 */
public class SpectrolensException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String subject;
  private final String parameter;

  /** @param subject the file or thing the problem is about (may be null); a parameter: {@link #ofParameter} */
  public SpectrolensException(String subject, String problem) {
    this(subject, problem, (Throwable) null);
  }

  public SpectrolensException(String subject, String problem, Throwable cause) {
    this(subject, null, problem, cause);
  }

  /**
   * The problem {@code inner} seen from {@code subject} (e.g. a file whose front end is out of
   * range): its message is {@code subject: inner's message}, and {@code inner} stays the cause,
   * so whoever prints it can still recognise the parameter {@code inner} names.
   */
  public SpectrolensException(String subject, SpectrolensException inner) {
    this(subject, null, inner.getMessage(), inner);
  }

  private SpectrolensException(String subject, String parameter, String problem, Throwable cause) {
    super(problem, cause);
    this.subject = subject;
    this.parameter = parameter;
  }

  /**
   * A problem with the value of a library parameter.
   *
   * @param parameter the parameter's name as the library documents it (snake_case, e.g. {@code n_fft})
   */
  public static SpectrolensException ofParameter(String parameter, String problem) {
    return new SpectrolensException(parameter, parameter, problem, null);
  }

  /**
   * A problem with one value of a parameter ({@code method nmf: needs a non-negative matrix}).
   *
   * @param value the value, shown after the parameter's name
   */
  public static SpectrolensException ofParameter(String parameter, String value, String problem) {
    return new SpectrolensException(parameter + " " + value, parameter, problem, null);
  }

  /** The same subject (and parameter) with another problem text, e.g. the problem with a hint added. */
  public SpectrolensException withProblem(String newProblem) {
    return new SpectrolensException(subject, parameter, newProblem, getCause());
  }

  public String subject() {
    return subject;
  }

  /** The library parameter this problem is about (the subject starts with it), or null if it is about something else. */
  public String parameter() {
    return parameter;
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
