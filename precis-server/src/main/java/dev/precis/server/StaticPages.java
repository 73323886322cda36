package dev.precis.server;

import static dev.precis.server.JsonAnswers.send;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The web reader's files ({@code index.html}, {@code app.js}, {@code app.css}) and the OpenAPI
 * description, read once from the classpath and served from memory.
 */
final class StaticPages {
  private static final HttpField CSP =
      new PreEncodedHttpField(
          "Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
              + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");

  private static final byte[] NOT_FOUND_PAGE =
      ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found · Precis"
              + "</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main>"
              + "<h1>Page not found</h1><p class=\"muted\">There is no such page here.</p>"
              + "<p><a href=\"/\">← All stories</a></p></main></body></html>")
          .getBytes(StandardCharsets.UTF_8);

  private final Map<String, byte[]> files = new HashMap<>();

  StaticPages() {
    load("/", "index.html");
    load("/app.js", "app.js");
    load("/app.css", "app.css");
    load("/api/openapi.json", "openapi.json");
  }

  private void load(String path, String name) {
    try (InputStream in = PrecisServer.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource web/" + name);
      }
      files.put(path, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OpenAPI description of the JSON API. */
  void openApi(Response response, Callback callback) {
    send(response, callback, 200, JsonAnswers.JSON, files.get("/api/openapi.json"));
  }

  /** A page of the web reader; a browser asking for anything else gets a page with a way back. */
  void page(String method, String path, Response response, Callback callback) {
    byte[] body = files.get(path);
    if (body == null && !path.startsWith("/api/") && "GET".equals(method)) {
      // a browser gets a page with a way back, not a line of JSON
      response.getHeaders().add(CSP);
      send(response, callback, 404, "text/html; charset=utf-8", NOT_FOUND_PAGE);
      return;
    }
    if (body == null || path.startsWith("/api/")) {
      throw new HttpError(404, "no such page: " + path);
    }
    Routes.requireMethod(method, "GET");
    String type =
        path.endsWith(".js")
            ? "text/javascript; charset=utf-8"
            : path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    response.getHeaders().add(CSP);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    send(response, callback, 200, type, body);
  }
}
