package dev.precis.story;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tolls an article reports: counts of people killed, dead, injured or affected ("killed 87
 * people", "nearly 20 civilians dead", "at least 12 wounded"). Two reports whose tolls are far
 * apart (one several times the other) are about two happenings, however alike their words: an
 * attack that killed 87 is not one that killed nearly 20. Tolls that grow as a story develops stay
 * within that factor far more often than not.
 */
final class ReportedFigures {
  /** Most figures kept per article. */
  static final int MAX = 4;

  /** Characters of the text read. */
  static final int MAX_CHARS = 2000;

  /** Figures this many times apart belong to different happenings. */
  static final double CONFLICT_RATIO = 3;

  private static final String COUNTED =
      "people|persons|civilians|children|soldiers|troops|residents|passengers|victims|workers"
          + "|dead|deaths|killed|died|injured|wounded|casualties|fatalities|hurt";
  private static final Pattern NUMBER_FIRST =
      Pattern.compile(
          "\\b(\\d{1,3}(?:,\\d{3})*|\\d+)\\s+(?:[A-Za-z-]+\\s+){0,2}?(?:" + COUNTED + ")\\b");
  private static final Pattern VERB_FIRST =
      Pattern.compile(
          "\\b(?:killed|killing|kills|injured|injuring|wounded|wounding)\\s+(?:at least\\s+|nearly\\s+|about\\s+|more than\\s+|some\\s+|over\\s+)?(\\d{1,3}(?:,\\d{3})*|\\d+)\\b");

  private ReportedFigures() {}

  /** Distinct tolls in the text, ascending, at most {@link #MAX}. */
  static int[] of(String text) {
    String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    int[] found = new int[MAX];
    int n = 0;
    if (!hasDigit(s)) {
      return new int[0];
    }
    for (Pattern p : new Pattern[] {VERB_FIRST, NUMBER_FIRST}) {
      if (p == VERB_FIRST && !mayReportHarm(s)) {
        continue;
      }
      Matcher m = p.matcher(s);
      while (m.find() && n < MAX) {
        int v = parse(m.group(1));
        if (v < 2 || isYear(v, m.group(1))) {
          continue;
        }
        boolean seen = false;
        for (int i = 0; i < n; i++) {
          seen |= found[i] == v;
        }
        if (!seen) {
          found[n++] = v;
        }
      }
    }
    int[] out = Arrays.copyOf(found, n);
    Arrays.sort(out);
    return out;
  }

  /**
   * Whether two sets of tolls conflict: both report some, and none of one is within {@link
   * #CONFLICT_RATIO} of any of the other.
   */
  static boolean conflict(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return false;
    }
    for (int x : a) {
      for (int y : b) {
        if (Math.max(x, y) < CONFLICT_RATIO * Math.min(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether both report a toll of exactly the same number. */
  static boolean agree(int[] a, int[] b) {
    for (int x : a) {
      if (Arrays.binarySearch(b, x) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A cheap test that spares the verb pattern on texts without its verbs. */
  private static boolean mayReportHarm(String s) {
    return s.contains("kill") || s.contains("injur") || s.contains("wound");
  }

  private static boolean isYear(int v, String digits) {
    return digits.length() == 4 && v >= 1900 && v <= 2100;
  }

  private static int parse(String digits) {
    String d = digits.replace(",", "");
    return d.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(d);
  }
}
