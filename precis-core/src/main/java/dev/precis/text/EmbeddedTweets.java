package dev.precis.text;

import java.util.List;

/**
 * Inline furniture of one kind: tweets embedded in a flattened page. Part of {@link
 * InlineFurniture}.
 */
final class EmbeddedTweets {
  private EmbeddedTweets() {}

  /**
   * Embedded tweets: "... my button works! pic.twitter.com/x — donald j. Trump ( @realdonaldtrump )
   * january 3, 2018". The signature marks the embed; the tweet's last sentence and its links go
   * with it (the article usually quotes the tweet in its own words).
   */
  static void cut(String lower, List<int[]> cuts) {
    for (int i = lower.indexOf("( @"); i >= 0; i = lower.indexOf("( @", i + 3)) {
      int close = InlineFurniture.indexWithin(lower, ')', i, i + 40);
      if (close < 0) {
        continue;
      }
      int dash = -1;
      for (int j = i - 1; j >= Math.max(0, i - 60); j--) {
        char c = lower.charAt(j);
        if (c == '\u2014' || c == '\u2013' || c == '-' && j > 0 && lower.charAt(j - 1) == ' ') {
          dash = j;
          break;
        }
        if (c == '!' || c == '?' || c == '"') {
          break;
        }
      }
      if (dash < 0) {
        continue;
      }
      int end = datedEnd(lower, InlineFurniture.skipSpaces(lower, close + 1));
      if (end < 0) {
        continue;
      }
      int start = dash;
      int limit = Math.max(0, dash - 300);
      for (int j = dash - 1; j > limit; j--) {
        char c = lower.charAt(j);
        if ((c == '.' || c == '!' || c == '?')
            && lower.charAt(j + 1) == ' '
            && j < dash - 2
            && !lower.startsWith("pic.twitter", Math.max(0, j - 3))) {
          start = j + 1;
          break;
        }
        if (j == limit + 1) {
          start = dash;
        }
      }
      cuts.add(new int[] {start, end});
    }
  }

  /** End of "january 3, 2018" starting at {@code at}, or -1. */
  private static int datedEnd(String lower, int at) {
    int monthEnd = InlineFurniture.wordEnd(lower, at);
    String month = lower.substring(at, monthEnd);
    if (!TextDates.MONTH_NAMES.contains(month)) {
      return -1;
    }
    int day = InlineFurniture.skipSpaces(lower, monthEnd);
    int dayEnd = day;
    while (dayEnd < lower.length() && Character.isDigit(lower.charAt(dayEnd))) {
      dayEnd++;
    }
    if (dayEnd == day || dayEnd >= lower.length() || lower.charAt(dayEnd) != ',') {
      return -1;
    }
    int year = InlineFurniture.skipSpaces(lower, dayEnd + 1);
    int yearEnd = year;
    while (yearEnd < lower.length() && Character.isDigit(lower.charAt(yearEnd))) {
      yearEnd++;
    }
    return yearEnd - year == 4 ? yearEnd : -1;
  }
}
