package dev.precis.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Reads the calendar date of a date line the cleaner drops ("Published: Fri, April 21, 2017",
 * "Tuesday, July 12, 2005", "Updated 21 April 2017 11:02", "2017-04-21"), so that it survives as
 * metadata. Tokens only, no regular expressions.
 */
final class DateLines {
  private DateLines() {}

  /** The date in the line, or {@code null} when it names no full date. */
  static LocalDate parse(String line) {
    String[] tokens = LineRules.key(line).split(" ");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      Integer month = TextDates.MONTH_NUMBERS.get(t.toLowerCase(Locale.ROOT));
      if (month != null) {
        // "April 21 2017" or "21 April 2017"
        if (i + 2 < tokens.length && isDay(tokens[i + 1]) && isYear(tokens[i + 2])) {
          return date(tokens[i + 2], month, tokens[i + 1]);
        }
        if (i >= 1 && i + 1 < tokens.length && isDay(tokens[i - 1]) && isYear(tokens[i + 1])) {
          return date(tokens[i + 1], month, tokens[i - 1]);
        }
      }
      // "2017 04 21" (from 2017-04-21)
      if (isYear(t) && i + 2 < tokens.length && isDay(tokens[i + 1]) && isDay(tokens[i + 2])) {
        return date(t, Integer.parseInt(tokens[i + 1]), tokens[i + 2]);
      }
    }
    return null;
  }

  private static LocalDate date(String year, int month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(strip(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static boolean isDay(String t) {
    String d = strip(t);
    return !d.isEmpty() && d.length() <= 2 && d.chars().allMatch(Character::isDigit);
  }

  private static String strip(String t) {
    return t.endsWith("st") || t.endsWith("nd") || t.endsWith("rd") || t.endsWith("th")
        ? t.substring(0, t.length() - 2)
        : t;
  }

  private static boolean isYear(String t) {
    return t.length() == 4
        && t.chars().allMatch(Character::isDigit)
        && (t.startsWith("19") || t.startsWith("20"));
  }
}
