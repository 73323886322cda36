package dev.precis.server;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Query parameters of a request, read into plain values with their bounds checked. */
final class QueryParams {
  private QueryParams() {}

  /** Every query parameter by name (the last value of a repeated one). */
  static Map<String, String> asMap(Request request) {
    Map<String, String> out = new HashMap<>();
    Request.extractQueryParameters(request).forEach(f -> out.put(f.getName(), f.getValue()));
    return out;
  }

  /** An integer parameter between {@code min} and {@code max}; 400 otherwise. */
  static int intParam(Fields query, String name, int fallback, int min, int max) {
    String v = query.getValue(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new HttpError(400, name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpError(400, name + " must be a number, got '" + v + "'");
    }
  }
}
