package dev.precis.ingest;

/**
 * Input that Precis cannot use: a missing or unreadable file, invalid JSON, an over-large file. The
 * message is one line meant for the user; the CLI prints it without a stack trace.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
