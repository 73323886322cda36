package dev.precis.text;

import java.util.Set;

/**
 * The line rules for who made and when: photo credits, bylines, credit lines, date lines and
 * copyright notices. Part of {@link LineRules}; like it, tied to no site.
 */
final class CreditLines {
  private CreditLines() {}

  /** Prefixes of credit lines. */
  private static final String[] CREDITS =
      LineRules.words(
              "with reporting by|reporting by|additional reporting by|editing by|edited by|"
                  + "writing by|written by|compiled by|reported by|story by|words by|produced by|"
                  + "research by|graphics by|contributing:|contributing reporters|contributors:|"
                  + "associated press writers|associated press writer")
          .toArray(new String[0]);

  /** Prefixes of date lines. */
  private static final String[] DATE_PREFIXES =
      LineRules.words(
              "published|updated|posted|last updated|first published|last modified|modified|"
                  + "date:|created")
          .toArray(new String[0]);

  private static final Set<String> DATE_WORDS =
      LineRules.words(
          "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|"
              + "thur|thurs|fri|sat|sun|january|february|march|april|may|june|july|august|"
              + "september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|"
              + "nov|dec|am|pm|a|m|p|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|cet|cest|et|pt|ist|at|"
              + "on|updated|published|posted|st|nd|rd|th|of|today|yesterday|ago|hours|hour|"
              + "minutes|minute|mins|days|day|last");

  static boolean isPhotoCredit(String line, String lower, String key, int words) {
    if (words > 15) {
      return false;
    }
    char first = line.charAt(0);
    if (first == '\u00a9' || lower.startsWith("(c) ") || lower.startsWith("copyright ")) {
      return true;
    }
    if (line.contains("\u00a9") && !LineRules.endsLikeSentence(line)) {
      return true;
    }
    for (String label : CREDIT_LABELS) {
      if (lower.startsWith(label)) {
        int after = label.length();
        if (after < lower.length()
            && (lower.charAt(after) == ':'
                || lower.startsWith(" by ", after)
                || lower.startsWith(" courtesy", after)
                || lower.startsWith(" credit", after))) {
          return true;
        }
        if (label.equals("image copyright")
            || label.equals("getty images")
            || label.equals("media caption")) {
          return true;
        }
      }
    }
    // "Jane Doe/Getty Images", "AFP/Getty", "Reuters/Jane Doe" credit lines
    if (words <= 8
        && !LineRules.endsLikeSentence(line)
        && (key.endsWith("getty images")
            || key.endsWith("getty")
            || key.endsWith(" ap")
            || key.endsWith("reuters")
            || key.endsWith("afp")
            || key.endsWith("istock")
            || key.endsWith("shutterstock")
            || key.endsWith("epa"))
        && (line.contains("/") || words <= 3)) {
      return true;
    }
    return false;
  }

  private static final String[] CREDIT_LABELS =
      LineRules.words(
              "photo|photos|photograph|image|images|picture|pictures|credit|photo credit|"
                  + "image credit|image source|source|pic|file photo|image copyright|image caption|"
                  + "getty images|media caption")
          .toArray(new String[0]);

  /** "By Paul Elliott", "BY JANE DOE AND JOHN ROE", "World | By Paul Elliott". */
  static boolean isByline(String line, String key, int words) {
    if (words > 14) {
      return false;
    }
    String[] segments = line.split("\\|");
    for (String segment : segments) {
      String s = segment.strip();
      if ((s.startsWith("By ") || s.startsWith("BY ") || s.startsWith("by "))
          && isNameList(s.substring(3))) {
        return true;
      }
    }
    return false;
  }

  /** Capitalised words, initials and "and"/commas, at most 8 words: a list of names. */
  private static boolean isNameList(String s) {
    String[] tokens = s.strip().split("[ ,]+");
    if (tokens.length == 0 || tokens.length > 8 || tokens[0].isEmpty()) {
      return false;
    }
    int names = 0;
    for (String t : tokens) {
      if (t.isEmpty() || t.equals("and") || t.equals("&") || t.equals("AND")) {
        continue;
      }
      char c = t.charAt(0);
      if (!Character.isUpperCase(c)) {
        return false;
      }
      names++;
    }
    return names >= 1 && !s.strip().endsWith(".") || names >= 1 && tokens.length <= 4;
  }

  static boolean isDateLine(String lower, String key, int words) {
    if (words <= 15 && LineRules.startsWithAny(lower, DATE_PREFIXES) && LineRules.hasDigit(key)) {
      // "Published: Fri, April 21, 2017", "Updated 11:02 AM ET": the rest is a date
      int space = key.indexOf(' ');
      return space > 0 && onlyDateTokens(key.substring(space + 1), true);
    }
    if (words > 12 || key.isEmpty()) {
      return false;
    }
    return onlyDateTokens(key, false);
  }

  private static boolean onlyDateTokens(String key, boolean numberIsEnough) {
    boolean dateWord = false;
    for (String token : key.split(" ")) {
      if (DATE_WORDS.contains(token)) {
        if (!token.equals("at") && !token.equals("on") && !token.equals("a")) {
          dateWord = true;
        }
        continue;
      }
      if (!isNumber(token)) {
        return false;
      }
      dateWord |= numberIsEnough;
    }
    return dateWord;
  }

  static boolean isCopyright(String lower, int words) {
    if (words > 30) {
      return false;
    }
    return lower.contains("all rights reserved")
        || (lower.startsWith("\u00a9") || lower.startsWith("copyright") || lower.startsWith("(c)"))
            && LineRules.hasDigit(lower);
  }

  private static boolean isNumber(String token) {
    if (token.isEmpty()) {
      return false;
    }
    int i = 0;
    while (i < token.length() && Character.isDigit(token.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    String rest = token.substring(i);
    return rest.isEmpty()
        || rest.equals("st")
        || rest.equals("nd")
        || rest.equals("rd")
        || rest.equals("th")
        || rest.equals("am")
        || rest.equals("pm");
  }

  /** "Reporting by ...", "Edited by ...": a credit line of at most 30 words. */
  static boolean isCreditLine(String lower, int words) {
    return words <= 30 && LineRules.startsWithAny(lower, CREDITS);
  }
}
