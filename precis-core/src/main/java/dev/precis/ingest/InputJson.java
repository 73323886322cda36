package dev.precis.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON reader for outside input (article files, JSON Lines, request bodies), with bounds:
 * nesting at most {@value #MAX_DEPTH} levels (an article is 2 or 3 deep; 100,000 levels gave a
 * {@code NullPointerException} instead of an error), strings at most 20 M characters.
 */
public final class InputJson {
  /** Deepest nesting accepted in input JSON. */
  public static final int MAX_DEPTH = 200;

  /** A reader with the bounds above; thread-safe. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_DEPTH)
                      .maxStringLength(20_000_000)
                      .build())
              .build());

  private InputJson() {}

  /**
   * Where and why reading failed, in one line: {@code "at line 3, column 7 (reason)"}, or just
   * {@code "(reason)"} when the parser knows no position (a limit hit, for one).
   */
  public static String problem(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    reason = reason.replaceAll("\\s+", " ").strip();
    return at == null || at.getLineNr() < 1
        ? "(" + reason + ")"
        : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + " (" + reason + ")";
  }
}
