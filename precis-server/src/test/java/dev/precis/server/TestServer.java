package dev.precis.server;

import dev.precis.ingest.ArticleReader;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.store.DatabaseUrl;
import dev.precis.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A running server on a free port over a fresh database, for tests. */
final class TestServer implements AutoCloseable {
  static final Path EXAMPLE =
      Path.of(System.getProperty("precis.root", "."), "examples", "tillerson-lavrov-2017");

  final Store store;
  final PrecisServer server;
  final HttpClient http = HttpClient.newHttpClient();

  TestServer(DatabaseUrl db, ServerConfig config) {
    store = Store.open(db);
    server = new PrecisServer(store, config.withPort(0)).start();
  }

  static List<RawArticle> example() {
    return new ArticleReader(Limits.defaults(), w -> {})
        .read(List.of(EXAMPLE.toString()), InputStream.nullInputStream());
  }

  String url(String path) {
    return server.url() + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path)))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
