package dev.precis.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a publication date written in the first lines of a plain-text article ("Published: Fri,
 * April 21, 2017", "Updated April 3, 2019"), for articles that arrive without metadata. The
 * cleaner removes such lines from the text, so this reads the raw content.
 */
public final class PublishedLine {
  private static final String MONTHS =
      "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?"
          + "|Sep(?:tember|t\\.|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";
  private static final Pattern LINE =
      Pattern.compile(
          "(?im)^\\W{0,3}(?:published|updated|posted|date)\\s*(?:on)?\\s*:?\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
              + "(?<m>" + MONTHS + ")\\s+(?<d>\\d{1,2}),?\\s+(?<y>(?:19|20)\\d\\d)");
  /** How far into the content the line may stand. */
  private static final int HEAD = 1500;

  private PublishedLine() {}

  /** The date of the first date line in the head of {@code content}, at 00:00 UTC, or null. */
  public static Instant find(String content) {
    if (content == null) {
      return null;
    }
    Matcher m = LINE.matcher(content.substring(0, Math.min(HEAD, content.length())));
    if (!m.find()) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(Integer.parseInt(m.group("y")), month(m.group("m")), Integer.parseInt(m.group("d")));
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < months.length; i++) {
      if (n.startsWith(months[i])) {
        return i + 1;
      }
    }
    throw new java.time.DateTimeException(name);
  }
}
