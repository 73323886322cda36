package dev.precis.text.analysis;

/**
 * The stemming stage of the analysis chain: maps a lower-case term to the form its variants share.
 * Named variants, each as conservative as its user needs; none is Porter's (ROUGE keeps its own
 * Porter stemmer inside {@code precis-eval}, reproducing ROUGE-1.5.5 exactly).
 */
public enum Stemmer {
  /** Terms unchanged. */
  NONE {
    @Override
    public String stem(String term) {
      return term;
    }
  },

  /**
   * A final {@code s} dropped from terms longer than three characters, not after another {@code s}:
   * plurals meet their singular. The cheapest rule, for story features over millions of articles.
   */
  FINAL_S {
    @Override
    public String stem(String term) {
      int n = term.length();
      return n > 0 && dropsFinalS(n, term.charAt(n - 1), n > 1 ? term.charAt(n - 2) : 0)
          ? term.substring(0, n - 1)
          : term;
    }
  },

  /** English plural nouns to singular: a few irregular forms, {@code -ies} and {@code -s}. */
  SINGULAR {
    @Override
    public String stem(String term) {
      switch (term) {
        case "feet":
          return "foot";
        case "men":
          return "man";
        case "women":
          return "woman";
        case "children":
          return "child";
        default:
          break;
      }
      if (term.endsWith("ies") && term.length() > 4) {
        return term.substring(0, term.length() - 3) + "y";
      }
      if (term.endsWith("s") && !term.endsWith("ss") && term.length() > 3) {
        return term.substring(0, term.length() - 1);
      }
      return term;
    }
  },

  /**
   * A light English stemmer (plural and verb endings, then a final {@code e}): "vote", "votes",
   * "voted" and "voting" all become "vot". Conservative, so it never merges unrelated words, and
   * cheap enough for every token of every cluster.
   */
  LIGHT {
    @Override
    public String stem(String term) {
      String s = LightStemmer.stripSuffix(term);
      int n = s.length();
      return n > 3 && s.charAt(n - 1) == 'e' ? s.substring(0, n - 1) : s;
    }
  };

  /** The stem of a lower-case term. */
  public abstract String stem(String term);

  /**
   * The rule of {@link #FINAL_S} for a term read one character at a time (story features hash terms
   * as they stream by): whether a term of {@code length} characters ending in {@code beforeLast},
   * {@code last} loses its last character.
   */
  public static boolean dropsFinalS(int length, char last, char beforeLast) {
    return length > 3 && last == 's' && beforeLast != 's';
  }
}
