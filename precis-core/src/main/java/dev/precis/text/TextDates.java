package dev.precis.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When an article says its news happened: the first day its opening names ("on Wednesday",
 * "yesterday", "April 12", "12 April 2017"), resolved against its publication date. News leads
 * state the day of the happening they report, while a publication date may be days later (a
 * follow-up, a weekly roundup) and is absent from many inputs.
 *
 * <pre>{@code
 * LocalDate day = TextDates.eventDay(title, text, LocalDate.of(2017, 4, 14)); // "on Wednesday" -> 12 April
 * }</pre>
 *
 * <p>Stateless and thread-safe; reads at most {@link #LEAD_CHARS} characters of the text.
 */
public final class TextDates {
  /** Characters of the text read: the lead, where news says when. */
  public static final int LEAD_CHARS = 1500;

  /**
   * Lower-case month names and their common abbreviations ("sep", "sept") with the month's number:
   * the one table every token-based reader of dates uses.
   */
  public static final Map<String, Integer> MONTH_NUMBERS = monthNumbers();

  /** Lower-case full month names ("january" ... "december"). */
  public static final Set<String> MONTH_NAMES =
      Arrays.stream(Month.values())
          .map(m -> m.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  private static Map<String, Integer> monthNumbers() {
    Map<String, Integer> out = new HashMap<>();
    for (Month m : Month.values()) {
      String name = m.name().toLowerCase(Locale.ROOT);
      out.put(name, m.getValue());
      out.put(name.substring(0, 3), m.getValue());
    }
    out.put("sept", Month.SEPTEMBER.getValue());
    return Map.copyOf(out);
  }

  /** Month names and abbreviations, as a regular expression alternative. */
  public static final String MONTHS =
      "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?"
          + "|Sep(?:tember|t\\.|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";

  /** A date line ("Published: Fri, April 21, 2017") with groups {@code m}, {@code d}, {@code y}. */
  public static final Pattern PUBLISHED_LINE =
      Pattern.compile(
          "(?i)(?:published|updated|posted|date)\\s*:?\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
              + "(?<m>"
              + MONTHS
              + ")\\s+(?<d>\\d{1,2}),?\\s+(?<y>(?:19|20)\\d\\d)");

  private static final Pattern DAYS =
      Pattern.compile(
          "\\b(?<m1>"
              + MONTHS
              + ")\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<y1>(?:19|20)\\d\\d)\\b)?"
              + "|\\b(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m2>"
              + MONTHS
              + ")\\b(?:,?\\s+(?<y2>(?:19|20)\\d\\d)\\b)?"
              + "|\\b(?<y4>(?:19|20)\\d\\d)-(?<m4>\\d\\d)-(?<d4>\\d\\d)\\b"
              + "|\\b(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"
              + "|\\b(?<rel>[Yy]esterday|[Tt]oday|[Tt]onight)\\b");

  private TextDates() {}

  /** The date line near the top of an article, or {@code null}. */
  public static LocalDate publishedLine(String title, String text) {
    String head =
        (title == null ? "" : title) + "\n" + text.substring(0, Math.min(600, text.length()));
    Matcher m = PUBLISHED_LINE.matcher(head);
    if (!m.find()) {
      return null;
    }
    return date(
        Integer.parseInt(m.group("y")), month(m.group("m")), Integer.parseInt(m.group("d")));
  }

  /**
   * The day the article's news happened: the first day named in its title or lead that resolves
   * against {@code reference} (the publication day, else a date line in the text) and lies at most
   * two weeks before it; else the reference day itself; else, with no reference at all, the first
   * full date with a year; else {@code null}.
   */
  public static LocalDate eventDay(String title, String text, LocalDate reference) {
    EventDay d = eventDayOf(title, text, reference);
    return d == null ? null : d.day();
  }

  /**
   * A day and how it was found.
   *
   * @param day the day
   * @param weekday whether it comes from a weekday alone ("on Wednesday"): the article may be a
   *     late report of the same weekday a week earlier
   */
  public record EventDay(LocalDate day, boolean weekday) {}

  /** {@link #eventDay}, with how it was found; {@code null} when unknown. */
  public static EventDay eventDayOf(String title, String text, LocalDate reference) {
    String lead =
        (title == null ? "" : title + "\n")
            + text.substring(0, Math.min(LEAD_CHARS, text.length()));
    LocalDate ref = reference;
    int from = 0;
    Matcher line = PUBLISHED_LINE.matcher(lead);
    if (ref == null && line.find()) {
      // the date line is the reference, not a day the news names
      ref =
          date(
              Integer.parseInt(line.group("y")),
              month(line.group("m")),
              Integer.parseInt(line.group("d")));
      from = line.end();
    }
    // the pattern is tried only where a date can start (a digit, a capital, "yesterday",
    // "today", "tonight"): trying it at every character cost more than the rest of clustering
    Matcher m = DAYS.matcher(lead).useTransparentBounds(true).useAnchoringBounds(false);
    int n = lead.length();
    for (int i = from; i < n; i++) {
      char c = lead.charAt(i);
      if ((i > 0 && Character.isLetterOrDigit(lead.charAt(i - 1)))
          || !(Character.isDigit(c) || Character.isUpperCase(c) || c == 'y' || c == 't')) {
        continue;
      }
      m.region(i, n);
      if (!m.lookingAt()) {
        continue;
      }
      i = m.end() - 1;
      LocalDate d = resolve(m, ref, lead);
      if (d == null) {
        continue;
      }
      if (ref == null || (!d.isBefore(ref.minusDays(14)) && !d.isAfter(ref))) {
        return new EventDay(d, m.group("w") != null);
      }
    }
    return ref == null ? null : new EventDay(ref, false);
  }

  private static LocalDate resolve(Matcher m, LocalDate ref, String s) {
    if (m.group("m1") != null || m.group("m2") != null) {
      boolean first = m.group("m1") != null;
      String mon = first ? m.group("m1") : m.group("m2");
      int mo = month(mon);
      int day = Integer.parseInt(first ? m.group("d1") : m.group("d2"));
      String year = first ? m.group("y1") : m.group("y2");
      if (year != null) {
        return date(Integer.parseInt(year), mo, day);
      }
      if (ref == null) {
        return null;
      }
      LocalDate d = date(ref.getYear(), mo, day);
      return d != null && d.isAfter(ref.plusMonths(3)) ? date(ref.getYear() - 1, mo, day) : d;
    }
    if (m.group("y4") != null) {
      return date(
          Integer.parseInt(m.group("y4")),
          Integer.parseInt(m.group("m4")),
          Integer.parseInt(m.group("d4")));
    }
    if (ref == null) {
      return null;
    }
    if (m.group("w") != null) {
      String mod = previousWord(s, m.start());
      if (mod != null && (mod.equals("next") || mod.equals("coming") || mod.equals("until"))) {
        return null; // a plan, not the happening
      }
      DayOfWeek dow = DayOfWeek.valueOf(m.group("w").toUpperCase(Locale.ROOT));
      return "last".equals(mod)
          ? ref.with(TemporalAdjusters.previous(dow))
          : ref.with(TemporalAdjusters.previousOrSame(dow));
    }
    String rel = m.group("rel").toLowerCase(Locale.ROOT);
    return rel.equals("yesterday") ? ref.minusDays(1) : ref;
  }

  /** The lower-cased word just before {@code at}, or {@code null}. */
  private static String previousWord(String s, int at) {
    int end = at;
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
      start--;
    }
    return start == end ? null : s.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /** Month number of a month name or abbreviation (1-12). */
  public static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] prefixes = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  private static LocalDate date(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null; // "February 30": not a date
    }
  }
}
