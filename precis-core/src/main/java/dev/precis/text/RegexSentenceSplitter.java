package dev.precis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The textbook baseline: a sentence ends at '.', '!' or '?' (with closing quotes) followed by
 * whitespace, and at every line break. Kept for comparison in {@code precis eval-text}; Precis uses
 * {@link RuleBasedSentenceSplitter}.
 */
public final class RegexSentenceSplitter implements SentenceSplitter {
  private static final Pattern BREAK =
      Pattern.compile("(?<=[.!?][\"'\u201d\u2019)]{0,2})\\s+|\\n+");

  @Override
  public List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = BREAK.matcher(text);
    int start = 0;
    while (m.find()) {
      add(text, start, m.start(), out);
      start = m.end();
    }
    add(text, start, text.length(), out);
    return out;
  }

  private static void add(String text, int start, int end, List<Span> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }
}
