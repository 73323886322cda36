package dev.precis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule-based English sentence splitter for news text, linear in the text length.
 *
 * <p>A sentence ends at '.', '!', '?' or '…' (runs such as "?!" or "..." count once) followed by
 * whitespace, together with the quotes and brackets that close it, including quotes set off by
 * spaces as in tokenised corpora ({@code revenge. " the gop}): a straight quote closes when the
 * sentence has an odd number of them. It does not end
 *
 * <ul>
 *   <li>after titles and other abbreviations that precede a name ({@code Mr.}, {@code Gen.}, {@code
 *       Sen.}, {@code St.}), after initials ({@code J. Smith}) and list numbers;
 *   <li>after ambiguous abbreviations ({@code U.S.}, {@code a.m.}, {@code Jan.}, {@code Inc.},
 *       state abbreviations) unless the next word is a common sentence opener ({@code The}, {@code
 *       He}, {@code But}...);
 *   <li>inside numbers and glued tokens ({@code 3.5}, {@code U.S.to}): no whitespace follows;
 *   <li>before a lower-case word, except in caseless text (lower-cased corpora such as Multi-News),
 *       where '?' and '!' always end a sentence and '.' does after a plain word.
 * </ul>
 *
 * <p>Every line break ends a sentence, so headlines and list items without a final stop stay
 * sentences of their own.
 */
public final class RuleBasedSentenceSplitter implements SentenceSplitter {
  /** Abbreviations that are followed by a name or number, never by a new sentence. */
  private static final Set<String> BEFORE_NAME =
      words(
          "mr|mrs|ms|mx|dr|prof|gen|sen|rep|reps|gov|lt|col|sgt|capt|cpl|pvt|cmdr|adm|maj|"
              + "brig|pres|supt|insp|det|rev|fr|st|ste|mt|ft|hon|messrs|mme|mlle|sr|nos|vs|cf|"
              + "fig|figs|vol|art|sec|pp|atty|amb|ald|assn|dept|univ|e.g|i.e|approx|ca|nr|tel|"
              + "ext|rt|lieut|sens|govs|jan|feb|aug|sept|oct|nov|dec");

  /**
   * Abbreviations that can also end a sentence ("... in the U.S. The next day"): they end one only
   * before a common sentence opener.
   */
  private static final Set<String> AMBIGUOUS =
      words(
          "u.s|u.k|u.n|e.u|u.s.a|d.c|a.m|p.m|jr|inc|co|corp|ltd|llc|plc|bros|etc|al|mar|"
              + "apr|jun|jul|sep|ave|blvd|rd|ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|"
              + "kan|kans|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nev|n.h|n.j|n.m|n.y|n.c|n.d|"
              + "okla|ore|pa|penn|r.i|s.c|s.d|tenn|tex|vt|va|wash|w.va|wis|wyo|ph.d|m.d|b.a|m.a|"
              + "a.d|b.c|yr|yrs|mins|hrs|oz|lbs|lb");

  /** Words that commonly open a sentence after an ambiguous abbreviation. */
  private static final Set<String> OPENERS =
      words(
          "the|a|an|he|she|it|they|we|i|you|but|so|in|this|that|these|those|there|his|her|"
              + "their|its|our|as|after|when|while|according|however|meanwhile|if|what|who|why|"
              + "how|since|still|yet|then|now|also|one|some|many|most|both|officials|police|"
              + "authorities|earlier|later|last|next|today|yesterday");

  /** Mid-sentence capitalised words per word below which a text counts as lower-cased. */
  private static final double CASELESS_BELOW = 0.01;

  @Override
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    boolean caseless = isCaseless(text);
    int start = skipSpace(text, 0);
    int quotes = 0; // straight double quotes since the sentence start
    int parens = 0; // open round brackets since the sentence start
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        emit(text, start, i, out);
        start = skipSpace(text, i);
        i = start;
        quotes = 0;
        parens = 0;
        continue;
      }
      if (c == '"') {
        quotes++;
      } else if (c == '(') {
        parens++;
      } else if (c == ')' && parens > 0) {
        parens--;
      }
      if (c != '.' && c != '!' && c != '?' && c != '\u2026'
          || c == '?' && i > 0 && text.charAt(i - 1) == '\ufffd') {
        i++; // "\ufffd?" is a curly quote mangled by a wrong decoding, not a question mark
        continue;
      }
      int end = i + 1;
      while (end < n && isTerminal(text.charAt(end))) {
        end++;
      }
      while (end < n && (isCloser(text.charAt(end)) || isMangledQuote(text, end))) {
        if (isMangledQuote(text, end)) {
          end += 2;
          continue;
        }
        char k = text.charAt(end);
        if (k == '"') {
          quotes++;
        } else if (k == ')' && parens > 0) {
          parens--;
        }
        end++;
      }
      if (end < n && !Character.isWhitespace(text.charAt(end))) {
        i = end; // "3.5", "U.S.to", "Yahoo!News": not a boundary
        continue;
      }
      // closing quotes and brackets set off by spaces (tokenised text): 'revenge. " the gop'
      while (true) {
        int j = skipInlineSpace(text, end);
        if (j >= n || j + 1 < n && !Character.isWhitespace(text.charAt(j + 1))) {
          break;
        }
        char k = text.charAt(j);
        if (k == '"' && quotes % 2 == 1) {
          quotes++;
        } else if (k == ')' && parens > 0) {
          parens--;
        } else if (k != '\u201d' && k != '\u2019') {
          break;
        }
        end = j + 1;
      }
      if (endsSentence(text, start, i, c, end, caseless)) {
        emit(text, start, end, out);
        start = skipSpace(text, end);
        i = start;
        // quote parity runs on across the sentences of a paragraph: a quotation often spans
        // several sentences ('" we will not shut up. We will not obey! " thousands ...')
        parens = 0;
        continue;
      }
      i = end;
    }
    emit(text, start, n, out);
    return out;
  }

  /** Whether the terminal at {@code dot} (closers through {@code end}) ends the sentence. */
  private static boolean endsSentence(
      String text, int sentenceStart, int dot, char c, int end, boolean caseless) {
    int n = text.length();
    int next = skipSpace(text, end);
    if (next >= n) {
      return true;
    }
    if (text.charAt(next) == '\n' || text.substring(end, next).indexOf('\n') >= 0) {
      return true;
    }
    char first = text.charAt(next);
    String nextWord = word(text, next);
    boolean ellipsis = c == '\u2026' || c == '.' && dot + 1 < n && text.charAt(dot + 1) == '.';
    if (c == '.' && !ellipsis) {
      int w = dot;
      while (w > sentenceStart
          && (Character.isLetterOrDigit(text.charAt(w - 1))
              || text.charAt(w - 1) == '.'
              || text.charAt(w - 1) == '-'
                  && w - 1 > sentenceStart
                  && Character.isLetter(text.charAt(w - 2)))) {
        w--;
      }
      String prev = text.substring(w, dot).toLowerCase(Locale.ROOT);
      if (prev.isEmpty()) {
        // "." after a quote or bracket: an ordinary end
      } else if (prev.length() == 1 && Character.isLetter(prev.charAt(0))) {
        return false; // an initial: "J. Smith", "George W. Bush"
      } else if (w == sentenceStart && isNumber(prev)) {
        return false; // a list number: "1. One afternoon"
      } else if (prev.equals("no") && Character.isDigit(first)) {
        return false; // "No. 1"
      } else if (BEFORE_NAME.contains(prev) || BEFORE_NAME.contains(strip(prev))) {
        return false;
      } else if (AMBIGUOUS.contains(prev)
          || AMBIGUOUS.contains(strip(prev))
          || prev.indexOf('.') > 0 && hasLetter(prev)) {
        if (Character.isDigit(first) || Character.isLowerCase(first) || first == '(') {
          return false; // "5 p.m. and", "Madison, Wis. (AP)"
        }
        return isOpenerStart(first) || OPENERS.contains(nextWord);
      }
      if (Character.isLowerCase(first)) {
        return caseless && prev.length() >= 2 && prev.indexOf('.') < 0;
      }
    } else if (Character.isLowerCase(first)) {
      return caseless && !ellipsis;
    }
    if (ellipsis && !Character.isUpperCase(first) && !isOpenerStart(first)) {
      return false;
    }
    return Character.isUpperCase(first)
        || Character.isDigit(first)
        || isOpenerStart(first)
        || !Character.isLetterOrDigit(first)
            && first != '-'
            && first != '\u2014'
            && first != '\u2013'
            && first != ','
            && first != ';'
            && first != ':';
  }

  /** The word starting at {@code i}, lower-cased, letters only. */
  private static String word(String text, int i) {
    int j = i;
    while (j < text.length() && Character.isLetter(text.charAt(j))) {
      j++;
    }
    return text.substring(i, j).toLowerCase(Locale.ROOT);
  }

  private static String strip(String prev) {
    int dash = prev.lastIndexOf('-');
    return dash >= 0 ? prev.substring(dash + 1) : prev;
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty() && s.length() <= 2;
  }

  /**
   * Lower-cased corpora (Multi-News) capitalise at most the first word of a sentence: almost no
   * capitalised word follows a plain word inside a sentence.
   */
  static boolean isCaseless(String text) {
    int words = 0;
    int midCapitals = 0;
    char before = '.';
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        words++;
        if (Character.isUpperCase(c) && Character.isLetterOrDigit(before)) {
          midCapitals++;
        }
      }
      if (!Character.isWhitespace(c)) {
        before = c;
      }
    }
    return words >= 40 && midCapitals < CASELESS_BELOW * words;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMangledQuote(String text, int i) {
    return text.charAt(i) == '\ufffd' && i + 1 < text.length() && text.charAt(i + 1) == '?';
  }

  private static boolean isTerminal(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  private static boolean isCloser(char c) {
    return c == '"'
        || c == '\''
        || c == ')'
        || c == ']'
        || c == '\u201d'
        || c == '\u2019'
        || c == '\u00bb';
  }

  private static boolean isOpenerStart(char c) {
    return c == '"'
        || c == '\u201c'
        || c == '\''
        || c == '\u2018'
        || c == '('
        || c == '['
        || c == '\u00ab';
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipInlineSpace(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static void emit(String text, int start, int end, List<Span> out) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }

  /** A closed vocabulary written compactly: entries separated by '|'. */
  private static Set<String> words(String entries) {
    return Set.of(entries.split("\\|"));
  }
}
