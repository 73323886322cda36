package dev.precis.text.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first stage of the analysis chain: text to tokens, as written (case is the next stage's
 * business). Named variants:
 *
 * <ul>
 *   <li>{@link #LETTERS_AND_DIGITS}: maximal runs of letters and digits; everything else separates.
 *       For term statistics (concepts, citations, story features).
 *   <li>{@link #WORDS_AND_PUNCTUATION}: words (dotted acronyms, inner apostrophes and hyphens,
 *       numbers with separators, web addresses) and single punctuation marks, possessive {@code 's}
 *       split off and words a scraper glued together ("TillersonRex") split. For the fact
 *       extractors, which read names and figures.
 * </ul>
 */
public enum Tokenizer {
  LETTERS_AND_DIGITS {
    @Override
    public List<Token> tokens(String text, int from, int to) {
      List<Token> out = new ArrayList<>();
      int i = from;
      while (i < to) {
        if (!isWordChar(text.charAt(i))) {
          i++;
          continue;
        }
        int start = i;
        while (i < to && isWordChar(text.charAt(i))) {
          i++;
        }
        out.add(new Token(start, i, text.substring(start, i)));
      }
      return out;
    }
  },

  WORDS_AND_PUNCTUATION {
    // dotted acronyms (U.S., D.C.), words with inner apostrophes/hyphens, numbers with , and .
    private static final Pattern WORD =
        Pattern.compile(
            "(?:\\p{L}\\.){2,}|\\p{Lu}\\.(?=\\s+\\p{Lu})|[\\p{L}\\d]+\\.(?:com|org|net)\\b|\\d+(?:[.,:]\\d+)*|[\\p{L}\\p{M}\\d]+(?:['’\\-][\\p{L}\\p{M}\\d]+)*|\\S");

    @Override
    public List<Token> tokens(String text, int from, int to) {
      List<Token> out = new ArrayList<>();
      Matcher m = WORD.matcher(text).region(from, to);
      while (m.find()) {
        int s = m.start();
        int e = m.end();
        String t = m.group();
        if (t.length() > 2 && (t.endsWith("'s") || t.endsWith("’s"))) {
          addSplit(out, text, s, e - 2);
          out.add(new Token(e - 2, e, text.substring(e - 2, e)));
        } else {
          addSplit(out, text, s, e);
        }
      }
      return out;
    }

    private static void addSplit(List<Token> out, String text, int s, int e) {
      // "TillersonRex" -> "Tillerson" "Rex"; keeps "McEnany", "DeVos", "iPhone"
      for (int i = s + 4; i < e - 1; i++) {
        if (Character.isLowerCase(text.charAt(i - 1))
            && Character.isUpperCase(text.charAt(i))
            && Character.isLowerCase(text.charAt(i + 1))
            && Character.isUpperCase(text.charAt(s))) {
          out.add(new Token(s, i, text.substring(s, i)));
          s = i;
          i = s + 3;
        }
      }
      out.add(new Token(s, e, text.substring(s, e)));
    }
  };

  /** The tokens of {@code text[from, to)}, in order. */
  public abstract List<Token> tokens(String text, int from, int to);

  /** The tokens of the whole of {@code text}. */
  public List<Token> tokens(String text) {
    return tokens(text, 0, text.length());
  }

  /** A character {@link #LETTERS_AND_DIGITS} keeps inside a token. */
  public static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }
}
