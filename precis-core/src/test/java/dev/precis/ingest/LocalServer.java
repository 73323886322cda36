package dev.precis.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A throw-away HTTP server on 127.0.0.1 for fetcher and source tests; never the internet. */
final class LocalServer implements AutoCloseable {
  final HttpServer server;
  final List<String> userAgents = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final Map<String, Long> times = new ConcurrentHashMap<>();

  LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-server");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  LocalServer on(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
          paths.add(exchange.getRequestURI().toString());
          times.put(exchange.getRequestURI().getPath(), System.nanoTime());
          try {
            handler.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  LocalServer page(String path, String type, String body) {
    return on(path, ex -> send(ex, 200, type, body));
  }

  LocalServer redirect(String path, String location) {
    return on(
        path,
        ex -> {
          ex.getResponseHeaders().add("Location", location);
          ex.sendResponseHeaders(302, -1);
        });
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().add("Content-Type", type);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
