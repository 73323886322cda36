package dev.precis.server;

import dev.precis.Precis;
import dev.precis.ingest.InputException;
import dev.precis.store.Ingestor;
import dev.precis.store.Store;
import java.io.IOException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Precis HTTP server: the JSON API under {@code /api} and the web reader at {@code /}, on Jetty
 * 12 core handlers. This class wires and runs it; {@link Routes} maps requests to the endpoints
 * ({@link StoryEndpoints}, {@link ArticleEndpoint}, {@link SummarizeEndpoint}, {@link
 * StaticPages}), which are thin: parsing and status codes there, the work in {@link Ingestor},
 * {@link Store} and {@link Precis}.
 *
 * <p>Stopping is graceful: new requests are refused with 503 while requests in flight finish (up to
 * 10 seconds); a JVM shutdown (Ctrl-C, SIGTERM) stops the server the same way.
 */
public final class PrecisServer implements AutoCloseable {
  /** A connection with nothing sent or received for this long is closed. */
  static final long IDLE_TIMEOUT_MILLIS = 30_000;

  /** Slowest request body accepted (after the first second), in bytes per second. */
  static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;

  /** Most open connections; beyond it Jetty stops accepting until one closes. */
  static final int MAX_CONNECTIONS = 2048;

  private final ServerConfig config;
  private final Server server;
  private final ServerConnector connector;
  private final ArticleEndpoint articles;
  private final Thread replay;
  private final HealthCheck health;

  /** A server with the standard {@link Precis#defaults()} stages. */
  public PrecisServer(Store store, ServerConfig config) {
    this(store, config, Precis.defaults());
  }

  /** A server whose articles and summaries go through {@code precis}'s stages. */
  public PrecisServer(Store store, ServerConfig config, Precis precis) {
    this.config = config;
    Ingestor ingestor = new Ingestor(store, precis, config.options());
    this.health = new HealthCheck(store);
    StoryEndpoints stories = new StoryEndpoints(store, ingestor, health);
    this.articles = new ArticleEndpoint(config, precis, ingestor, stories);
    this.replay = new Thread(() -> articles.replayRecent(store), "precis-replay");
    this.replay.setDaemon(true);

    QueuedThreadPool threads = new QueuedThreadPool(config.threads(), 4);
    threads.setName("precis-http");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // a client that sends its body slower than this is cut off (408) instead of holding the
    // connection until the body deadline
    http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
    http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    server.addConnector(connector);
    // each open connection costs a file descriptor and a little memory, never a thread
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
    Routes routes =
        new Routes(
            config,
            threads,
            new StaticPages(),
            stories,
            articles,
            new SummarizeEndpoint(config, precis));
    GracefulHandler graceful = new GracefulHandler(routes);
    server.setHandler(graceful);
    server.setErrorHandler(new JsonAnswers.JsonErrorHandler());
    server.setStopTimeout(10_000);
    server.setStopAtShutdown(true);
  }

  /** Starts listening; throws when the port is taken. */
  public PrecisServer start() {
    try {
      server.start();
      replay.start();
    } catch (IOException e) {
      throw new InputException(
          "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + ")");
    } catch (Exception e) {
      throw new IllegalStateException("server failed to start: " + e.getMessage(), e);
    }
    return this;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port();
  }

  /** The address really bound, e.g. {@code http://0.0.0.0:8080} when listening everywhere. */
  public String boundUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port();
  }

  /** True unless the bound address is a loopback one (other machines may connect). */
  public boolean listensBeyondLoopback() {
    try {
      return !java.net.InetAddress.getByName(config.host()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return true;
    }
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops gracefully: refuses new requests, lets those in flight finish. */
  @Override
  public void close() {
    try {
      server.stop();
      health.close();
      articles.finish();
    } catch (java.util.concurrent.TimeoutException e) {
      // requests still running after the stop timeout were cut off: the server is down anyway
      System.err.println("precis: requests still running after 10 s were cut off");
    } catch (Exception e) {
      throw new IllegalStateException("server failed to stop: " + e.getMessage(), e);
    }
  }
}
