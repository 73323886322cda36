package dev.precis.facts;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The values of figures as written: digits with separators, number words ("twenty-three", "2.5
 * million"), and the ranges that hedged and vague forms allow ("nearly 20", "dozens").
 */
final class NumberValues {
  private NumberValues() {}

  static final Set<String> NUMBER_WORDS = new java.util.HashSet<>();

  static {
    NUMBER_WORDS.addAll(List.of(NumberExtractor.UNITS.split("\\|")));
    NUMBER_WORDS.addAll(List.of(NumberExtractor.TENS.split("\\|")));
    NUMBER_WORDS.addAll(
        List.of(
            "dozen",
            "dozens",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "millions",
            "billion",
            "billions",
            "scores",
            "handful"));
  }

  /** A cheap test that spares the full pattern on sentences without digits or number words. */
  static boolean mayHoldFigure(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        return true;
      }
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(s.charAt(j))) {
          j++;
        }
        if (j - i >= 3
            && j - i <= 9
            && NUMBER_WORDS.contains(s.substring(i, j).toLowerCase(Locale.ROOT))) {
          return true;
        }
        i = j;
      } else {
        i++;
      }
    }
    return false;
  }

  static Range vagueRange(String vague) {
    return switch (vague) {
      case "dozens", "several dozen" -> new Range(24, true, 144, true, true);
      case "a few dozen" -> new Range(24, true, 72, true, true);
      case "scores" -> new Range(40, true, 200, true, true);
      case "hundreds", "several hundred" -> new Range(200, true, 2000, true, true);
      case "a few hundred" -> new Range(200, true, 600, true, true);
      case "thousands", "several thousand" -> new Range(2000, true, 20000, true, true);
      case "a few thousand" -> new Range(2000, true, 6000, true, true);
      case "tens of thousands" -> new Range(20000, true, 200000, true, true);
      case "hundreds of thousands" -> new Range(200000, true, 2000000, true, true);
      case "millions" -> new Range(2e6, true, 2e7, true, true);
      case "tens of millions" -> new Range(2e7, true, 2e8, true, true);
      case "hundreds of millions" -> new Range(2e8, true, 2e9, true, true);
      case "billions" -> new Range(2e9, true, 2e10, true, true);
      case "a handful" -> new Range(2, true, 9, true, true);
      default -> null;
    };
  }

  /** The range a hedged figure allows: "nearly 20" → [17, 20), "at least 87" → [87, ∞). */
  static Range rangeOf(String modifier, double v) {
    double inf = Double.POSITIVE_INFINITY;
    return switch (modifier) {
      case "more than", "over", "just over", "well over", "upwards of", "in excess of", "above" ->
          new Range(v, false, inf, false, false);
      case "at least", "no fewer than", "a minimum of" -> new Range(v, true, inf, false, false);
      case "nearly", "almost", "close to", "just under" ->
          new Range(Math.floor(v * 0.85), true, v, false, true);
      case "about", "around", "approximately", "roughly", "some", "an estimated", "estimated" ->
          new Range(Math.floor(v * 0.9 + 1e-9), true, Math.ceil(v * 1.1 - 1e-9), true, true);
      case "up to", "as many as", "at most", "no more than", "a maximum of" ->
          new Range(0, true, v, true, false);
      case "fewer than", "less than", "under", "below" -> new Range(0, true, v, false, false);
      default -> Range.exactly(v);
    };
  }

  static Double parseNumber(String num) {
    String n = num.toLowerCase(Locale.ROOT).trim();
    if (Character.isDigit(n.charAt(0))) {
      try {
        return Double.parseDouble(n.replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    switch (n) {
      case "a dozen":
        return 12.0;
      case "a hundred":
        return 100.0;
      case "a thousand":
        return 1000.0;
      case "half a million":
        return 500000.0;
      case "a million":
        return 1e6;
      case "a billion":
        return 1e9;
      default:
        break;
    }
    String[] parts = n.split("[- ]");
    double total = 0;
    for (String p : parts) {
      int v = wordValue(p);
      if (v < 0) {
        return null;
      }
      total += v;
    }
    return total;
  }

  static int wordValue(String w) {
    List<String> units = List.of(NumberExtractor.UNITS.split("\\|"));
    int i = units.indexOf(w);
    if (i >= 0) {
      return i + 1;
    }
    List<String> tens = List.of(NumberExtractor.TENS.split("\\|"));
    int t = tens.indexOf(w);
    return t >= 0 ? (t + 2) * 10 : -1;
  }

  static double scaleOf(String scale) {
    return switch (scale) {
      case "hundred" -> 100;
      case "thousand", "k" -> 1e3;
      case "million", "m" -> 1e6;
      case "billion", "bn" -> 1e9;
      case "trillion" -> 1e12;
      default -> 1;
    };
  }
}
