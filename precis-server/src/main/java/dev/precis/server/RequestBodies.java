package dev.precis.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads request bodies without holding a thread while the client sends: the bytes are gathered as
 * they arrive and the handler runs once the body is complete. A body over the limit is refused
 * (413) from its declared length before a byte is read, so {@code Expect: 100-continue} gets the
 * 413 instead of {@code 100 Continue}; a body that does not arrive within the deadline is refused
 * (408) and its connection closed.
 */
final class RequestBodies {
  private RequestBodies() {}

  /** Refuses (413) a body whose declared length is over {@code max}. */
  static void checkDeclaredLength(Request request, long max) {
    long declared = request.getLength();
    if (declared > max) {
      throw new HttpError(
          413, "request body of " + declared + " bytes is over the limit of " + max);
    }
  }

  /**
   * The whole body, completed exceptionally with an {@link HttpError}: 413 over {@code max}, 408
   * past the deadline, 400 when the client breaks off.
   */
  static CompletableFuture<byte[]> read(Request request, long max, long timeoutMillis) {
    int limit = (int) Math.min(max, Integer.MAX_VALUE - 8);
    return Content.Source.asByteArrayAsync(request, limit)
        .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .exceptionallyCompose(
            failure -> CompletableFuture.failedFuture(refusal(failure, max, timeoutMillis)));
  }

  /** The {@link HttpError} a failed {@link #read} completed with. */
  static HttpError refusal(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof HttpError e ? e : new HttpError(400, "cannot read request body");
  }

  /**
   * Reads and drops a body that will not be used, so that a refusal sent afterwards reaches a
   * client that sends without waiting (answering while it still sends makes the kernel reset the
   * connection). At most {@code 4 * max} bytes and {@code timeoutMillis}: a client that waits for
   * {@code 100 Continue}, or declares more, is answered at once. Never fails: the answer follows.
   */
  static CompletableFuture<Void> discard(Request request, long max, long timeoutMillis) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long declared = request.getLength();
    long cap = Math.min(4 * max, 64L << 20);
    if (declared == 0 || declared > cap || expectsContinue(request)) {
      done.complete(null);
      return done;
    }
    new Runnable() {
      private long read;

      @Override
      public void run() {
        while (!done.isDone()) {
          Content.Chunk chunk = request.read();
          if (chunk == null) {
            request.demand(this);
            return;
          }
          read += chunk.remaining();
          boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk) || read >= cap;
          chunk.release();
          if (end) {
            done.complete(null);
          }
        }
      }
    }.run();
    return done.completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static boolean expectsContinue(Request request) {
    String expect = request.getHeaders().get(HttpHeader.EXPECT);
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }

  private static HttpError refusal(Throwable failure, long max, long timeoutMillis) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpError e) {
      return e;
    }
    if (cause instanceof TimeoutException) {
      return new HttpError(408, "request body not received within " + timeoutMillis / 1000 + " s");
    }
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof IllegalArgumentException || message.toLowerCase().contains("max")) {
      return new HttpError(413, "request body is over the limit of " + max + " bytes");
    }
    return new HttpError(400, "cannot read request body (" + message + ")");
  }
}
