package dev.precis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule-based English sentence splitter: splits after '.', '!' or '?' (with closing quotes and
 * brackets) followed by whitespace and an upper-case letter, digit or opening quote, unless the
 * period ends a known abbreviation, an initial or a decimal; always splits at line breaks.
 */
public final class RuleBasedSentenceSplitter implements SentenceSplitter {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
          "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar",
          "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
          "a.m", "p.m", "d.c", "e.g", "i.e", "rev", "mt", "ft", "adm", "maj", "pres", "supt");

  @Override
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    int start = skipSpace(text, 0);
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        emit(text, start, i, out);
        start = skipSpace(text, i);
        i = start;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        int end = i + 1;
        while (end < n && isCloser(text.charAt(end))) {
          end++;
        }
        if (end < n && Character.isWhitespace(text.charAt(end)) && startsSentence(text, end)
            && !(c == '.' && isAbbreviation(text, i))) {
          emit(text, start, end, out);
          start = skipSpace(text, end);
          i = start;
          continue;
        }
      }
      i++;
    }
    emit(text, start, n, out);
    return out;
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
  }

  private static boolean startsSentence(String text, int from) {
    int j = from;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      if (text.charAt(j) == '\n') {
        return true;
      }
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    char c = text.charAt(j);
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c'
        || c == '\'' || c == '(' || c == '\u2018';
  }

  private static boolean isAbbreviation(String text, int dot) {
    int j = dot;
    while (j > 0 && (Character.isLetter(text.charAt(j - 1)) || text.charAt(j - 1) == '.')) {
      j--;
    }
    String word = text.substring(j, dot).toLowerCase(java.util.Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true; // an initial such as "J. Smith"
    }
    return ABBREVIATIONS.contains(word);
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
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
}
