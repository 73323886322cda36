package dev.precis.server;

/** A request that ends with an HTTP error status and a one-line message for the client. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }
}
