package dev.precis.ingest;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * One GET through Jetty with the fetcher's limits: the read timeout is Jetty's idle timeout, the
 * total timeout bounds the whole exchange, the body is counted as it streams in (after gzip
 * decoding, so a small bomb is stopped at the limit) and the exchange is aborted as soon as a limit
 * or the content type refuses it. Every failure becomes a one-line {@link FetchException}.
 */
final class FetchExchange {
  static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final String ACCEPT =
      "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          + "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8";

  private final HttpClient client;
  private final FetchOptions options;
  private final HostDelays delays;

  FetchExchange(HttpClient client, FetchOptions options, HostDelays delays) {
    this.client = client;
    this.options = options;
    this.delays = delays;
  }

  /** A response head; the body is read only for a 2xx that is not a redirect. */
  record Answer(
      int status, String reason, String mediaType, String charset, String location, byte[] body) {
    boolean isRedirect() {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    boolean isSuccess() {
      return status >= 200 && status <= 299;
    }
  }

  /**
   * A failure that the host as a whole will repeat (refused, unresolvable, unreachable, too slow):
   * a page whose robots.txt failed so does not need asking.
   */
  static final class HostFailure extends FetchException {
    private static final long serialVersionUID = 1L;

    HostFailure(String message) {
      super(message);
    }
  }

  /**
   * GETs {@code uri}; {@code context} prefixes refusals ("redirect to URL: "), {@code limit} caps
   * the decoded body and {@code checkType} refuses media types that are not pages, feeds or text.
   */
  Answer get(URI uri, String context, long limit, boolean checkType) {
    Request request =
        client
            .newRequest(uri)
            .idleTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .headers(h -> h.put(HttpHeader.ACCEPT, ACCEPT));
    Collector collector = new Collector(uri, limit, checkType);
    String host = FetchUrls.hostOf(uri);
    request.onRequestCommit(
        r -> {
          collector.sent = true;
          delays.sent(host);
        });
    request.send(collector);
    try {
      return collector.answer.get(options.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      request.abort(e);
      throw new HostFailure(
          uri + ": timed out (over " + seconds(options.totalTimeout()) + " in total)");
    } catch (InterruptedException e) {
      request.abort(e);
      Thread.currentThread().interrupt();
      throw new FetchException(uri + ": interrupted");
    } catch (ExecutionException e) {
      throw explain(uri, context, e.getCause(), collector.sent);
    }
  }

  /** The one-line message for a failed exchange. */
  private FetchException explain(URI uri, String context, Throwable failure, boolean sent) {
    String hostPort = FetchUrls.hostOf(uri) + ":" + FetchUrls.portOf(uri);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FetchException f) {
        return f;
      } else if (t instanceof CheckedResolver.Refused r) {
        return new HostFailure(
            "refused: " + context + r.who + " is " + r.reason + " (use --allow-private)");
      } else if (t instanceof CheckedResolver.Unresolved u) {
        return new HostFailure(uri + ": cannot resolve host " + u.host);
      } else if (t instanceof SSLException) {
        return new FetchException(uri + ": TLS failed (" + describe(t) + ")");
      } else if (t instanceof SocketTimeoutException) {
        return new HostFailure(
            uri
                + ": timed out connecting to "
                + hostPort
                + " (after "
                + seconds(options.connectTimeout())
                + ")");
      } else if (t instanceof TimeoutException && !sent && uri.getScheme().equals("https")) {
        // the request is written once TLS is up: a silent server never answered the handshake
        return new HostFailure(
            uri
                + ": TLS failed (no handshake answer within "
                + seconds(options.readTimeout())
                + ")");
      } else if (t instanceof TimeoutException) {
        return new HostFailure(
            uri + ": timed out (no data for " + seconds(options.readTimeout()) + ")");
      } else if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new HostFailure(uri + ": cannot connect to " + hostPort + " (" + describe(t) + ")");
      } else if (t instanceof ZipException) {
        return new FetchException(uri + ": invalid compressed body");
      } else if (t instanceof HttpException) {
        // Jetty's parser: the header limit, or bytes that are not HTTP at all
        return new FetchException(
            String.valueOf(t.getMessage()).contains("Too Large")
                ? uri + ": response headers over " + MAX_HEADER_BYTES + " bytes"
                : uri + ": not an HTTP response (" + describe(t) + ")");
      }
    }
    return new FetchException(
        sent
            ? uri + ": " + describe(failure)
            : uri + ": cannot connect to " + hostPort + " (" + describe(failure) + ")");
  }

  /** "20 s", "1.5 s", "0.3 s": timeouts as people write them. */
  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().split("\n", 2)[0];
  }

  /** Collects one response, stopping it at the first limit it breaks. */
  private static final class Collector implements Response.Listener {
    final CompletableFuture<Answer> answer = new CompletableFuture<>();
    volatile boolean sent; // the request head went out (over TLS: the handshake succeeded)
    private final URI uri;
    private final long limit;
    private final boolean checkType;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long received;
    private String mediaType;
    private String charset;

    Collector(URI uri, long limit, boolean checkType) {
      this.uri = uri;
      this.limit = limit;
      this.checkType = checkType;
    }

    @Override
    public void onHeaders(Response response) {
      HttpFields headers = response.getHeaders();
      if (headers.size() > MAX_HEADERS) {
        stop(response, new FetchException(uri + ": too many response headers"));
        return;
      }
      parseContentType(headers.get(HttpHeader.CONTENT_TYPE));
      int status = response.getStatus();
      if (status < 200 || status > 299) {
        // the body of a redirect or an error is never used: stop reading it
        answer.complete(answer(response, new byte[0]));
        response.abort(new FetchException(uri + ": body not needed"));
        return;
      }
      if (checkType && !FetchResult.acceptable(mediaType)) {
        stop(
            response,
            new FetchException(
                "refused: " + uri + " is " + mediaType + ", not HTML, a feed or text"));
        return;
      }
      // Jetty removes Content-Encoding once it decodes a body; one still here is one it cannot
      String encoding = headers.get(HttpHeader.CONTENT_ENCODING);
      if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
        stop(response, new FetchException(uri + ": unsupported content encoding " + encoding));
        return;
      }
      long length = headers.getLongField(HttpHeader.CONTENT_LENGTH);
      if (length > limit) {
        stop(
            response,
            new FetchException(
                uri
                    + ": body is "
                    + length
                    + " bytes, over the limit of "
                    + limit
                    + " (raise it with --max-fetch-bytes)"));
      }
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
      if (answer.isDone()) {
        return; // already stopped
      }
      received += content.remaining();
      if (received > limit) {
        // counted after decoding, so a small gzip bomb is stopped too
        stop(
            response,
            new FetchException(
                uri
                    + ": body is over the limit of "
                    + limit
                    + " bytes (raise it with --max-fetch-bytes)"));
        return;
      }
      byte[] bytes = new byte[content.remaining()];
      content.get(bytes);
      body.writeBytes(bytes);
    }

    @Override
    public void onComplete(Result result) {
      if (result.isFailed()) {
        answer.completeExceptionally(result.getFailure());
      } else {
        answer.complete(answer(result.getResponse(), body.toByteArray()));
      }
    }

    private void stop(Response response, FetchException why) {
      answer.completeExceptionally(why);
      response.abort(why);
    }

    private Answer answer(Response response, byte[] bytes) {
      String reason = response.getReason() == null ? "" : response.getReason().strip();
      return new Answer(
          response.getStatus(),
          reason,
          mediaType,
          charset,
          response.getHeaders().get(HttpHeader.LOCATION),
          bytes);
    }

    /** A known charset by its canonical name (Jetty may lower-case the header), else as sent. */
    private static String canonical(String charset) {
      try {
        return Charset.isSupported(charset) ? Charset.forName(charset).name() : charset;
      } catch (IllegalArgumentException invalidName) {
        return charset;
      }
    }

    private void parseContentType(String type) {
      if (type == null) {
        return;
      }
      String[] params = type.split(";");
      mediaType = params[0].strip().toLowerCase(Locale.ROOT);
      if (mediaType.isEmpty()) {
        mediaType = null;
      }
      for (int i = 1; i < params.length; i++) {
        String p = params[i].strip();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          charset = canonical(p.substring(8).replace("\"", "").replace("'", "").strip());
        }
      }
    }
  }
}
