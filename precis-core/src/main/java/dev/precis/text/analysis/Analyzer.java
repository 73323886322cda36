package dev.precis.text.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysis chain: {@link Tokenizer} → lower case → {@link StopWords} → {@link Stemmer}, each
 * stage a named variant, as in Lucene's analyzers. One instance per purpose; instances are
 * immutable and thread-safe.
 *
 * <pre>{@code
 * Analyzer.CONCEPTS.terms("Tillerson met Lavrov in Moscow")   // [tillerson, met, lavrov, moscow]
 * }</pre>
 */
public final class Analyzer {
  /** Summary concepts and citations: letter-digit runs, concept stop words, light stemming. */
  public static final Analyzer CONCEPTS =
      new Analyzer(Tokenizer.LETTERS_AND_DIGITS, StopWords.CONCEPTS, Stemmer.LIGHT);

  /** Story features: letter-digit runs, news stop words, final-s stemming. */
  public static final Analyzer NEWS =
      new Analyzer(Tokenizer.LETTERS_AND_DIGITS, StopWords.NEWS, Stemmer.FINAL_S);

  private final Tokenizer tokenizer;
  private final StopWords stopWords;
  private final Stemmer stemmer;

  public Analyzer(Tokenizer tokenizer, StopWords stopWords, Stemmer stemmer) {
    this.tokenizer = tokenizer;
    this.stopWords = stopWords;
    this.stemmer = stemmer;
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  public StopWords stopWords() {
    return stopWords;
  }

  public Stemmer stemmer() {
    return stemmer;
  }

  /** Every token of {@code text}, lower-cased, stop words kept (for n-grams and phrases). */
  public List<String> words(String text) {
    List<String> out = new ArrayList<>();
    words(text, out);
    return out;
  }

  /** Appends every token of {@code text}, lower-cased, stop words kept, to {@code out}. */
  public void words(String text, List<String> out) {
    if (tokenizer != Tokenizer.LETTERS_AND_DIGITS) {
      for (Token t : tokenizer.tokens(text)) {
        out.add(lowerCase(t.text()));
      }
      return;
    }
    // the hot path of summaries and citations: one string per token, no Token objects
    int n = text.length();
    int i = 0;
    StringBuilder b = new StringBuilder();
    while (i < n) {
      if (!Tokenizer.isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      b.setLength(0);
      while (i < n && Tokenizer.isWordChar(text.charAt(i))) {
        b.append(Character.toLowerCase(text.charAt(i)));
        i++;
      }
      out.add(b.toString());
    }
  }

  /** The content terms of {@code text}: lower-cased, stop words removed, stemmed. */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : tokenizer.tokens(text)) {
      String w = lowerCase(t.text());
      if (!stopWords.contains(w)) {
        out.add(stemmer.stem(w));
      }
    }
    return out;
  }

  /** Whether a lower-case word is a stop word of this chain. */
  public boolean isStopWord(String word) {
    return stopWords.contains(word);
  }

  /** The stem of a lower-case word. */
  public String stem(String word) {
    return stemmer.stem(word);
  }

  /**
   * The lower-case stage: {@link Character#toLowerCase(char)} per character, so a term keeps its
   * length and offsets stay valid (unlike locale rules that turn one character into two).
   */
  public static String lowerCase(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.toLowerCase(c) != c) {
        char[] out = token.toCharArray();
        for (int j = i; j < out.length; j++) {
          out[j] = Character.toLowerCase(out[j]);
        }
        return new String(out);
      }
    }
    return token;
  }
}
