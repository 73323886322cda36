package dev.precis.store;

/** A database failure: unreachable server, failed migration, broken connection. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
