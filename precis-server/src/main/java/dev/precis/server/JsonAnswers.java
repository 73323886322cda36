package dev.precis.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Writes the server's answers: JSON bodies and the one JSON shape of every error. */
final class JsonAnswers {
  static final String JSON = "application/json; charset=utf-8";

  private JsonAnswers() {}

  static byte[] bytes(ObjectNode json) {
    try {
      return StoryJson.MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sendJson(Response response, Callback callback, int status, ObjectNode json) {
    send(response, callback, status, JSON, bytes(json));
  }

  static void error(Response response, Callback callback, int status, String message) {
    ObjectNode o = StoryJson.MAPPER.createObjectNode();
    ObjectNode e = o.putObject("error");
    e.put("status", status);
    e.put("message", message == null ? "error" : message);
    if (status == 405) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
    }
    if (status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    send(response, callback, status, JSON, bytes(o));
  }

  static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Errors that Jetty itself answers (malformed requests, shutdown) in the same JSON shape. */
  static final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      Object message = request.getAttribute(ERROR_MESSAGE);
      String text =
          message != null
              ? message.toString()
              : org.eclipse.jetty.http.HttpStatus.getMessage(status);
      error(response, callback, status, text);
      return true;
    }
  }
}
