package dev.precis.ingest;

/**
 * A URL that could not or must not be fetched: refused address, timeout, over-large body, too many
 * redirects, unexpected content type, HTTP error. The message is one line for the user.
 */
public class FetchException extends InputException {
  private static final long serialVersionUID = 1L;

  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
