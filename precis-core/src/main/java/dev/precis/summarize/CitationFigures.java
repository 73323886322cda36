package dev.precis.summarize;

import dev.precis.text.analysis.Analyzer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The figures a sentence states, for {@link CitationFinder}: digits and spelled numbers below a
 * hundred, normalised, each with the word that follows it, and whether two sentences disagree on
 * one.
 */
final class CitationFigures {
  private CitationFigures() {}

  private static final String[] UNITS = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen"
  };
  private static final String[] TENS = {
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
  };

  private static final Map<String, Integer> NUMBER_WORDS = numberWords();

  private static Map<String, Integer> numberWords() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 2; i < UNITS.length; i++) {
      m.put(UNITS[i], i); // "one" and "zero" are too often not figures
    }
    for (int t = 0; t < TENS.length; t++) {
      m.put(TENS[t], 20 + 10 * t);
      for (int u = 1; u <= 9; u++) {
        m.put(TENS[t] + "-" + UNITS[u], 20 + 10 * t + u);
      }
    }
    return m;
  }

  /**
   * Every spelled number the figures read contains one of these (lower case): the units from two
   * and the tens, of which the compounds are made.
   */
  private static final List<String> NUMBER_STEMS =
      Stream.concat(Arrays.stream(UNITS, 2, UNITS.length), Arrays.stream(TENS)).toList();

  /** False only when {@code text} has no digit and no spelled number {@link #figures} reads. */
  private static boolean mayHaveFigure(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String n : NUMBER_STEMS) {
      if (lower.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** A spelled number the figures read ("twelve", "fifty-two"; not "one" or "zero"). */
  static boolean isNumberWord(String lowerWord) {
    return NUMBER_WORDS.containsKey(lowerWord);
  }

  /**
   * True unless the two disagree on a figure: the summary sentence states a figure the other does
   * not, while the other states a different figure of the same kind (both years, or both followed
   * by the same word: "80,000 people" against "120,000 people", "5.4%" against "0.9%").
   */
  static boolean agree(Map<String, String> mine, Map<String, String> other) {
    for (Map.Entry<String, String> x : mine.entrySet()) {
      if (other.containsKey(x.getKey())) {
        continue;
      }
      boolean year = isYear(x.getKey());
      for (Map.Entry<String, String> y : other.entrySet()) {
        if (mine.containsKey(y.getKey())) {
          continue;
        }
        if (year
            ? isYear(y.getKey())
            : !x.getValue().isEmpty() && x.getValue().equals(y.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isYear(String n) {
    return n.length() == 4 && (n.startsWith("19") || n.startsWith("20"));
  }

  /**
   * The figures a sentence states, normalised ("300,000" = "300000", "Fifty-two" = "52"). A
   * sentence that says "killed 87 people" is not stated by one that says "killed 20 people".
   */
  static Set<String> numbers(String text) {
    return figures(text).keySet();
  }

  /** Figure → the word that follows it, lower-cased ("%" for "percent"), or "" (see agree). */
  static Map<String, String> figures(String text) {
    Map<String, String> out = new HashMap<>();
    if (!mayHaveFigure(text)) {
      return out; // most sentences: the pattern below would try every word in vain
    }
    java.util.regex.Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      String x = m.group(1);
      Integer spelled = NUMBER_WORDS.get(x.toLowerCase(Locale.ROOT));
      if (Character.isLetter(x.charAt(0))) {
        if (spelled == null) {
          continue;
        }
        x = String.valueOf(spelled);
      } else {
        x = x.replace(",", "");
        x = x.contains(".") ? x.replaceAll("\\.?0+$", "") : x;
      }
      String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      unit = unit.equals("percent") || unit.equals("per") ? "%" : Analyzer.CONCEPTS.stem(unit);
      out.putIfAbsent(x, unit);
    }
    return out;
  }

  /** A figure (digits, or a spelled number below a hundred) and the word after it. */
  private static final java.util.regex.Pattern FIGURE =
      java.util.regex.Pattern.compile(
          "(\\d+(?:[.,]\\d+)*|\\b[A-Za-z]+(?:-[A-Za-z]+)?\\b)(?=(?:[\\s-]*(%|[A-Za-z]+))?)");
}
