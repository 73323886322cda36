package dev.precis.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small, careful HTTP/1.1 client for pages and feeds. Built on plain sockets rather than {@code
 * java.net.http} so that every connection goes to an address that was checked: the host is resolved
 * once, each address is checked by {@link AddressPolicy}, and the socket connects to that very
 * address (pinned, so a second DNS answer cannot rebind it); TLS still verifies the certificate
 * against the host name. Redirects are followed by hand, each hop checked again.
 *
 * <p>Limits ({@link FetchOptions}): connect, read and total timeouts; a body size limit (a longer
 * body is an error, not silently cut); a redirect limit and loop detection; accepted content types
 * (HTML, XHTML, RSS/Atom/XML feeds, plain text); a minimum delay between requests to one host; and
 * {@code robots.txt} when asked. Thread-safe: one fetcher can serve many threads and keeps the
 * per-host delays and robots rules for all of them.
 *
 * <pre>{@code
 * HttpFetcher fetcher = new HttpFetcher(FetchOptions.defaults());
 * FetchResult page = fetcher.fetch("https://example.com/news/1");
 * String html = page.text();
 * }</pre>
 */
public final class HttpFetcher {
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final long MAX_ROBOTS_BYTES = 500L * 1024;
  private static final String ROBOT_NAME = "precis";
  private static final String ACCEPT =
      "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          + "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8";

  private final FetchOptions options;
  private final Map<String, Long> nextSlot = new HashMap<>();
  private static final long MAX_CRAWL_DELAY_MS = 10_000;
  private static final long ROBOTS_TTL_NANOS = 3_600_000_000_000L; // re-read robots.txt hourly
  private static final Map<FetchOptions, HttpFetcher> SHARED = new ConcurrentHashMap<>();
  private final Map<String, Robots> robots = new ConcurrentHashMap<>();
  private final Map<String, Long> crawlDelays = new ConcurrentHashMap<>();
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();

  private final SSLContext tls;

  public HttpFetcher(FetchOptions options) {
    this(options, null);
  }

  /** A fetcher with its own TLS context (trust store), or the JVM default when null. */
  HttpFetcher(FetchOptions options, SSLContext tls) {
    this.options = options;
    this.tls = tls;
  }

  /**
   * The process-wide fetcher for these options: every stream opened with equal options shares its
   * per-host delays and robots.txt rules, so politeness holds across separate inputs.
   */
  public static HttpFetcher shared(FetchOptions options) {
    return SHARED.computeIfAbsent(options, HttpFetcher::new);
  }

  public FetchOptions options() {
    return options;
  }

  /** Fetches a URL given as text; see {@link #fetch(URI)}. */
  public FetchResult fetch(String url) {
    return fetch(parseUrl(url));
  }

  /**
   * Fetches an http(s) URL, following redirects, and returns a 2xx response whose type is HTML, a
   * feed or text.
   *
   * @throws FetchException with a one-line message when the URL is refused or fails
   */
  public FetchResult fetch(URI start) {
    URI uri = normalize(start);
    Set<URI> seen = new HashSet<>();
    seen.add(uri);
    for (int hop = 0; ; hop++) {
      String context = hop == 0 ? "" : "redirect to " + uri + ": ";
      List<InetAddress> addresses = resolveChecked(uri, context);
      if (options.obeyRobots() && !robotsAllow(uri, addresses)) {
        throw new FetchException(
            "refused: " + context + uri + " is disallowed by robots.txt (use --ignore-robots)");
      }
      Response r = exchange(uri, addresses, true);
      if (r.isRedirect()) {
        String location = r.header("location");
        if (location == null) {
          throw new FetchException(uri + ": HTTP " + r.status + " redirect without a Location");
        }
        if (hop >= options.maxRedirects()) {
          throw new FetchException(
              start + ": too many redirects (more than " + options.maxRedirects() + ")");
        }
        URI next = resolveLocation(uri, location);
        if (!seen.add(next)) {
          throw new FetchException(start + ": redirect loop at " + next);
        }
        uri = next;
        continue;
      }
      if (r.status < 200 || r.status > 299) {
        throw new FetchException(
            uri + ": HTTP " + r.status + (r.reason.isEmpty() ? "" : " " + r.reason));
      }
      return new FetchResult(start, uri, r.status, r.mediaType, r.charset, r.body, Instant.now());
    }
  }

  /** Parses user input as an absolute http(s) URL. */
  public static URI parseUrl(String url) {
    String text = url.strip().replace(" ", "%20");
    URI uri;
    try {
      uri = new URI(text);
      if (uri.getHost() == null
          && uri.getRawAuthority() != null
          && uri.getRawUserInfo() == null
          && !uri.getRawAuthority().chars().allMatch(c -> c < 128)) {
        // an internationalized host name: its ASCII (punycode) form
        String authority = uri.getRawAuthority();
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        String port = colon > 0 ? authority.substring(colon) : "";
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port;
        int at = text.indexOf(authority);
        uri = new URI(text.substring(0, at) + ascii + text.substring(at + authority.length()));
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(url + ": not a valid URL (" + e.getMessage() + ")");
    }
    return normalize(uri);
  }

  private static URI normalize(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(uri + ": only http and https URLs can be fetched");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(uri + ": URL has no valid host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(uri + ": URLs with user names or passwords are not fetched");
    }
    // rebuilt from the raw parts so escapes stay as they are (the multi-argument URI
    // constructors would quote every '%' again); the fragment is dropped: it is never sent and
    // would defeat redirect-loop detection; non-ASCII characters are percent-encoded as UTF-8
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      URI clean = new URI(scheme + "://" + uri.getRawAuthority() + path + query).normalize();
      return new URI(clean.toASCIIString());
    } catch (URISyntaxException e) {
      throw new FetchException(uri + ": not a valid URL (" + e.getReason() + ")");
    }
  }

  private static URI resolveLocation(URI base, String location) {
    URI next;
    try {
      next = base.resolve(new URI(location.strip().replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(base + ": invalid redirect location " + location);
    }
    return normalize(next);
  }

  /** Resolves the host and checks every address it resolves to. */
  private List<InetAddress> resolveChecked(URI uri, String context) {
    String host = hostOf(uri);
    int port = portOf(uri);
    if (!options.allowPrivate() && !allowedHost(host, port)) {
      String nameReason = AddressPolicy.refusalReason(host);
      if (nameReason != null) {
        throw new FetchException(
            "refused: " + context + host + " is " + nameReason + " (use --allow-private)");
      }
    }
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(uri + ": cannot resolve host " + host);
    } catch (SecurityException e) {
      throw new FetchException(uri + ": cannot resolve host " + host + " (" + e.getMessage() + ")");
    }
    if (!options.allowPrivate()) {
      // one refused address refuses the host: a name that mixes public and private answers is
      // either misconfigured or an attack on this check
      for (InetAddress a : all) {
        if (allowedHost(host, port) || allowedHost(a.getHostAddress(), port)) {
          continue;
        }
        String reason = AddressPolicy.refusalReason(a);
        if (reason != null) {
          String ip = a.getHostAddress();
          String who =
              ip.equals(host) || ("[" + ip + "]").equals(uri.getHost()) || isLiteral(host)
                  ? ip
                  : host + " (" + ip + ")";
          throw new FetchException(
              "refused: " + context + who + " is " + reason + " (use --allow-private)");
        }
      }
    }
    return List.of(all);
  }

  /** True when {@code --allow-host} names this host (name or address), with or without port. */
  private boolean allowedHost(String host, int port) {
    Set<String> allowed = options.allowedHosts();
    if (allowed.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    String bracketed = h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    return allowed.contains(h)
        || allowed.contains(bracketed)
        || allowed.contains(bracketed + ":" + port);
  }

  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new FetchException(uri + ": invalid host name");
    }
  }

  private static int portOf(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return uri.getScheme().equals("https") ? 443 : 80;
  }

  // ---- robots.txt ----------------------------------------------------------------------------

  private boolean robotsAllow(URI uri, List<InetAddress> addresses) {
    String key = uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    Robots cached = robots.get(key);
    BaseRobotRules rules;
    if (cached != null && System.nanoTime() - cached.readAt < ROBOTS_TTL_NANOS) {
      rules = cached.rules;
    } else {
      // fetched outside any lock: two threads may both read it once, which is harmless
      rules = fetchRobots(URI.create(key + "/robots.txt"), addresses);
      robots.put(key, new Robots(rules, System.nanoTime()));
      long crawlDelayMs = rules.getCrawlDelay();
      if (crawlDelayMs > 0) {
        // a site's own Crawl-delay widens the per-host delay, within reason
        crawlDelays.put(hostOf(uri), Math.min(crawlDelayMs, MAX_CRAWL_DELAY_MS) * 1_000_000L);
      }
    }
    return rules.isAllowed(uri.toString());
  }

  private BaseRobotRules fetchRobots(URI robotsUri, List<InetAddress> addresses) {
    try {
      URI uri = robotsUri;
      List<InetAddress> addrs = addresses;
      for (int hop = 0; hop <= options.maxRedirects(); hop++) {
        Response r = exchange(uri, addrs, false);
        if (r.isRedirect() && r.header("location") != null) {
          uri = resolveLocation(uri, r.header("location"));
          addrs = resolveChecked(uri, "robots.txt redirect to " + uri + ": ");
          continue;
        }
        if (r.status >= 200 && r.status <= 299) {
          synchronized (robotsParser) {
            return robotsParser.parseContent(
                robotsUri.toString(),
                r.body,
                r.mediaType == null ? "text/plain" : r.mediaType,
                List.of(ROBOT_NAME));
          }
        }
        // 4xx: no rules; 5xx: the site is in trouble, but a missing robots.txt must not block
        // what the user asked for, so both allow all
        return robotsParser.failedFetch(r.status >= 500 ? 404 : r.status);
      }
    } catch (FetchException e) {
      if (e instanceof Unreachable) {
        // a host too slow or unreachable for robots.txt is so for the page too: fail now
        // rather than wait out the same timeout twice
        throw e;
      }
      // robots.txt refused, too large or malformed: no rules
    }
    return robotsParser.failedFetch(404);
  }

  // ---- one request ---------------------------------------------------------------------------

  private void waitForHost(String host) {
    long delay = Math.max(options.hostDelay().toNanos(), crawlDelays.getOrDefault(host, 0L));
    if (delay <= 0) {
      return;
    }
    long wait;
    synchronized (nextSlot) {
      long now = System.nanoTime();
      Long slot = nextSlot.get(host);
      long start = slot == null || slot - now < 0 ? now : slot;
      nextSlot.put(host, start + delay);
      wait = start - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException("interrupted while waiting to fetch from " + host);
      }
    }
  }

  private Response exchange(URI uri, List<InetAddress> addresses, boolean checkType) {
    String host = hostOf(uri);
    int port = portOf(uri);
    waitForHost(host);
    long deadline = System.nanoTime() + options.totalTimeout().toNanos();
    Socket socket = connect(uri, host, port, addresses);
    try (socket) {
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.readTimeout().toMillis()));
      OutputStream out = socket.getOutputStream();
      out.write(request(uri, host, port).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in =
          new DeadlineInputStream(socket.getInputStream(), socket, deadline, uri, options);
      Response r = readHead(in, uri);
      if (r.isRedirect() || (r.status < 200 || r.status > 299)) {
        r.body = new byte[0]; // the body of an error or redirect is never used
        return r;
      }
      if (checkType && !FetchResult.acceptable(r.mediaType)) {
        throw new FetchException(
            "refused: " + uri + " is " + r.mediaType + ", not HTML, a feed or text");
      }
      long limit = checkType ? options.maxBytes() : Math.min(options.maxBytes(), MAX_ROBOTS_BYTES);
      r.body = readBody(in, r, uri, limit);
      return r;
    } catch (SocketTimeoutException e) {
      throw new Unreachable(
          uri + ": timed out (no data for " + seconds(options.readTimeout()) + ")");
    } catch (SSLException e) {
      throw new FetchException(uri + ": TLS failed (" + e.getMessage() + ")");
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw new FetchException(uri + ": " + describe(e));
    }
  }

  private Socket connect(URI uri, String host, int port, List<InetAddress> addresses) {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket plain = new Socket();
      try {
        plain.connect(
            new InetSocketAddress(address, port),
            (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        // the TLS handshake is bounded too: a server that accepts and never answers must not hang
        // us
        plain.setSoTimeout(
            (int)
                Math.min(
                    Integer.MAX_VALUE,
                    Math.min(options.readTimeout().toMillis(), options.totalTimeout().toMillis())));
        if (!uri.getScheme().equals("https")) {
          return plain;
        }
        return tls(plain, host, port);
      } catch (IOException e) {
        last = e;
        try {
          plain.close();
        } catch (IOException ignored) {
          // already failing
        }
        if (e instanceof SSLException) {
          throw new FetchException(uri + ": TLS failed (" + e.getMessage() + ")");
        }
        if (e instanceof SocketTimeoutException && plain.isConnected()) {
          throw new Unreachable(
              uri
                  + ": TLS failed (no handshake answer within "
                  + seconds(options.readTimeout())
                  + ")");
        }
      }
    }
    if (last instanceof SocketTimeoutException) {
      throw new Unreachable(
          uri
              + ": timed out connecting to "
              + host
              + ":"
              + port
              + " (after "
              + seconds(options.connectTimeout())
              + ")");
    }
    throw new Unreachable(
        uri
            + ": cannot connect to "
            + host
            + ":"
            + port
            + (last == null ? "" : " (" + describe(last) + ")"));
  }

  private Socket tls(Socket plain, String host, int port) throws IOException {
    SSLSocketFactory factory;
    try {
      factory = (tls != null ? tls : SSLContext.getDefault()).getSocketFactory();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException("no TLS support", e);
    }
    // layered over the pinned connection: SNI and certificate checks use the host name
    SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
    SSLParameters params = ssl.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isLiteral(host)) {
      params.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(params);
    ssl.startHandshake();
    return ssl;
  }

  private String request(URI uri, String host, int port) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    String hostHeader = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    if (port != (uri.getScheme().equals("https") ? 443 : 80)) {
      hostHeader += ":" + port;
    }
    return "GET "
        + path
        + " HTTP/1.1\r\n"
        + "Host: "
        + hostHeader
        + "\r\n"
        + "User-Agent: "
        + options.userAgent()
        + "\r\n"
        + "Accept: "
        + ACCEPT
        + "\r\n"
        + "Accept-Encoding: gzip, deflate\r\n"
        + "Connection: close\r\n\r\n";
  }

  private static Response readHead(InputStream in, URI uri) throws IOException {
    int[] budget = {MAX_HEADER_BYTES};
    Response r;
    do {
      String statusLine = readLine(in, budget, uri);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new FetchException(uri + ": not an HTTP response");
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new FetchException(uri + ": invalid HTTP status " + parts[1]);
      }
      r = new Response(status, parts.length > 2 ? parts[2].strip() : "");
      for (String line; !(line = readLine(in, budget, uri)).isEmpty(); ) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        if (r.headers.size() >= MAX_HEADERS) {
          throw new FetchException(uri + ": too many response headers");
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        r.headers
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
    } while (r.status >= 100 && r.status < 200); // skip interim responses (100 Continue)
    String type = r.header("content-type");
    if (type != null) {
      String[] params = type.split(";");
      r.mediaType = params[0].strip().toLowerCase(Locale.ROOT);
      if (r.mediaType.isEmpty()) {
        r.mediaType = null;
      }
      for (int i = 1; i < params.length; i++) {
        String p = params[i].strip();
        if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
          r.charset = p.substring(8).replace("\"", "").replace("'", "").strip();
        }
      }
    }
    return r;
  }

  private static String readLine(InputStream in, int[] budget, URI uri) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new FetchException(uri + ": connection closed before the response headers ended");
      }
      if (--budget[0] < 0) {
        throw new FetchException(uri + ": response headers over " + MAX_HEADER_BYTES + " bytes");
      }
      if (c == '\n') {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
          sb.setLength(n - 1);
        }
        return sb.toString();
      }
      sb.append((char) c);
    }
  }

  private static byte[] readBody(InputStream in, Response r, URI uri, long limit)
      throws IOException {
    String te = r.header("transfer-encoding");
    String cl = r.header("content-length");
    InputStream body;
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = new ChunkedInputStream(in, uri);
    } else if (cl != null) {
      long length;
      try {
        length = Long.parseLong(cl.strip());
      } catch (NumberFormatException e) {
        throw new FetchException(uri + ": invalid Content-Length " + cl);
      }
      String enc = r.header("content-encoding");
      if (length > limit && (enc == null || enc.equalsIgnoreCase("identity"))) {
        throw new FetchException(
            uri
                + ": body is "
                + length
                + " bytes, over the limit of "
                + limit
                + " (raise it with --max-fetch-bytes)");
      }
      body = new LimitedInputStream(in, length);
    } else {
      body = in; // until the server closes the connection
    }
    String enc = r.header("content-encoding");
    if (enc != null) {
      String e = enc.strip().toLowerCase(Locale.ROOT);
      try {
        if (e.equals("gzip") || e.equals("x-gzip")) {
          body = new GZIPInputStream(body, 8192);
        } else if (e.equals("deflate")) {
          body = new InflaterInputStream(body);
        } else if (!e.equals("identity") && !e.isEmpty()) {
          throw new FetchException(uri + ": unsupported content encoding " + enc);
        }
      } catch (ZipException | EOFException ze) {
        throw new FetchException(uri + ": invalid compressed body");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    try {
      for (int n; (n = body.read(buf)) > 0; ) {
        total += n;
        if (total > limit) {
          // counted after decompression, so a small gzip bomb is stopped too
          throw new FetchException(
              uri
                  + ": body is over the limit of "
                  + limit
                  + " bytes (raise it with --max-fetch-bytes)");
        }
        out.write(buf, 0, n);
      }
    } catch (ZipException e) {
      throw new FetchException(uri + ": invalid compressed body");
    }
    return out.toByteArray();
  }

  /** "20 s", "1.5 s", "0.3 s": timeouts as people write them. */
  static String seconds(java.time.Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private record Robots(BaseRobotRules rules, long readAt) {}

  /** A host that did not answer in time or could not be connected to. */
  private static final class Unreachable extends FetchException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message) {
      super(message);
    }
  }

  private static final class Response {
    final int status;
    final String reason;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    String mediaType;
    String charset;
    byte[] body = new byte[0];

    Response(int status, String reason) {
      this.status = status;
      this.reason = reason;
    }

    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    boolean isRedirect() {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
  }

  /** Enforces the total timeout: each read may wait at most until the deadline. */
  private static final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private final long deadline;
    private final URI uri;
    private final FetchOptions options;
    // true when the socket timeout last armed was cut short by the deadline: a timeout then
    // means the total budget ran out (milliseconds round down, so the clock may not be past it)
    private boolean armedByDeadline;

    DeadlineInputStream(
        InputStream in, Socket socket, long deadline, URI uri, FetchOptions options) {
      super(in);
      this.socket = socket;
      this.deadline = deadline;
      this.uri = uri;
      this.options = options;
    }

    private void arm() throws IOException {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new Unreachable(
            uri + ": timed out (over " + seconds(options.totalTimeout()) + " in total)");
      }
      long ms = Math.max(1, Math.min(options.readTimeout().toMillis(), left / 1_000_000));
      armedByDeadline = ms < options.readTimeout().toMillis();
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ms));
    }

    private IOException timeout(SocketTimeoutException e) {
      if (armedByDeadline || deadline - System.nanoTime() <= 0) {
        throw new Unreachable(
            uri + ": timed out (over " + seconds(options.totalTimeout()) + " in total)");
      }
      return e;
    }

    @Override
    public int read() throws IOException {
      arm();
      try {
        return super.read();
      } catch (SocketTimeoutException e) {
        throw timeout(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      arm();
      try {
        return super.read(b, off, len);
      } catch (SocketTimeoutException e) {
        throw timeout(e);
      }
    }
  }

  /** Reads exactly {@code length} bytes, then reports end of stream. */
  private static final class LimitedInputStream extends FilterInputStream {
    private long left;

    LimitedInputStream(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int c = super.read();
      if (c >= 0) {
        left--;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** Decodes {@code Transfer-Encoding: chunked}. */
  private static final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private final URI uri;
    private long chunkLeft;
    private boolean done;

    ChunkedInputStream(InputStream in, URI uri) {
      this.in = in;
      this.uri = uri;
    }

    private boolean nextChunk() throws IOException {
      if (done) {
        return false;
      }
      if (chunkLeft == 0) {
        int[] budget = {4096};
        String line = readLine(in, budget, uri);
        if (line.isEmpty()) {
          line = readLine(in, budget, uri); // CRLF after the previous chunk's data
        }
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
        try {
          chunkLeft = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new FetchException(uri + ": invalid chunked encoding");
        }
        if (chunkLeft < 0) {
          throw new FetchException(uri + ": invalid chunked encoding");
        }
        if (chunkLeft == 0) {
          done = true;
          return false;
        }
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!nextChunk()) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, chunkLeft));
      if (n < 0) {
        throw new FetchException(uri + ": connection closed inside a chunk");
      }
      chunkLeft -= n;
      return n;
    }
  }
}
