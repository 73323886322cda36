package dev.precis.summarize;

import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link CitationFinder} compares of a sentence: its content words, word pairs and figures.
 */
final class CitationTerms {
  private CitationTerms() {}

  /** Words a match on says nothing about the claim: reporting verbs and titles. */
  private static final Set<String> WEAK =
      Set.of(
          "said",
          "say",
          "says",
          "saying",
          "told",
          "tell",
          "according",
          "report",
          "reported",
          "mr",
          "ms",
          "mrs",
          "also",
          "would",
          "will",
          "one",
          "new",
          "year",
          "time",
          "people");

  /**
   * General English words that state the same thing in news reports, each group read as one concept
   * (its first word): "killed" = "dead" = "died", "detained" = "arrested", demonyms = their
   * countries. A small general lexicon, not taken from any article; other words that say the same
   * thing meet through word vectors ({@link CitationAlignment}), which replaced the pair "unlawful"
   * = "illegal" (chosen while reading an example) with no change on the labelled set. Removing the
   * whole lexicon in favour of the vectors lost a little (README "Citations"), so it stays.
   */
  private static final Map<String, String> SAME =
      same(
          List.of(
              "kill killed kills killing dead death deaths die died dies dying slain fatal fatally",
              "injure injured injuring injures injury injuries wounded wounding wounds hurt",
              "detain detained detaining detention arrest arrested arresting arrests custody captured",
              "resign resigned resigns resigning resignation quit quits",
              "missing vanished disappeared disappear disappears disappearance",
              "approve approved approves approving passed adopted",
              "ban banned bans banning barred prohibit prohibited prohibits",
              "rise rose rises risen rising climbed jumped surged",
              "fall fell falls falling dropped drops declined declines plunged",
              "remove removed relieved ousted dismissed fired",
              "pledge pledged pledges promised promises vowed vows committed",
              "meet met meets meeting talks",
              "elect elected win won wins victory",
              "russia russian russians",
              "america american americans",
              "britain british briton britons uk",
              "china chinese",
              "iran iranian iranians",
              "iraq iraqi iraqis",
              "syria syrian syrians",
              "israel israeli israelis",
              "afghanistan afghan afghans",
              "france french",
              "germany german germans",
              "ukraine ukrainian ukrainians",
              "japan japanese",
              "india indian indians",
              "pakistan pakistani pakistanis",
              "mexico mexican mexicans",
              "canada canadian canadians",
              "korea korean koreans",
              "turkey turkish",
              "brazil brazilian brazilians"));

  private static Map<String, String> same(List<String> groups) {
    Map<String, String> m = new HashMap<>();
    for (String g : groups) {
      String[] w = g.split(" ");
      for (String x : w) {
        m.put(x, w[0]);
      }
    }
    return Map.copyOf(m);
  }

  /**
   * The vocabulary key of a token (lower case, as {@link Analyzer#words} gives it): its concept for
   * a word of the lexicon, else its stem; null for a figure, a stop word, a one-letter or a weak
   * word, which are not matched as words.
   */
  static String key(String t) {
    if (Character.isDigit(t.charAt(0)) || CitationFigures.isNumberWord(t)) {
      return null;
    }
    String concept = SAME.get(t);
    if (concept != null) {
      return "=" + concept;
    }
    if (Analyzer.CONCEPTS.isStopWord(t) || t.length() == 1 || WEAK.contains(t)) {
      return null;
    }
    return Analyzer.CONCEPTS.stem(t);
  }

  /**
   * The content of a sentence for matching: distinct content-word ids (sorted), adjacent
   * content-word pairs (sorted keys) and its figures.
   */
  record Terms(int[] words, long[] bigrams, Map<String, String> numbers) {

    static Terms of(String text, Map<String, Integer> vocab, boolean grow) {
      return of(text, Analyzer.CONCEPTS.words(text), vocab, grow);
    }

    /** The terms of {@code text}, whose words ({@link Analyzer#words}) are {@code tokens}. */
    static Terms of(String text, List<String> tokens, Map<String, Integer> vocab, boolean grow) {
      Map<String, String> numbers = CitationFigures.figures(text);
      int[] ids = new int[tokens.size() + numbers.size()];
      long[] pairs = new long[tokens.size()];
      int n = 0;
      int p = 0;
      int prev = Integer.MIN_VALUE;
      for (String t : tokens) {
        String key = key(t);
        if (key == null) {
          continue; // figures are matched whole, below; stop and weak words not at all
        }
        int id = id(key, vocab, grow);
        ids[n++] = id;
        if (prev != Integer.MIN_VALUE && prev >= 0 && id >= 0) {
          pairs[p++] = ((long) prev << 32) | (id & 0xffffffffL);
        }
        prev = id;
      }
      for (String x : numbers.keySet()) {
        ids[n++] = id("#" + x, vocab, grow);
      }
      return new Terms(distinct(ids, n), distinctSorted(pairs, p), numbers);
    }

    static Terms union(Terms a, Terms b) {
      int[] w = Arrays.copyOf(a.words, a.words.length + b.words.length);
      System.arraycopy(b.words, 0, w, a.words.length, b.words.length);
      long[] g = Arrays.copyOf(a.bigrams, a.bigrams.length + b.bigrams.length);
      System.arraycopy(b.bigrams, 0, g, a.bigrams.length, b.bigrams.length);
      Map<String, String> nums = new HashMap<>(a.numbers);
      b.numbers.forEach(nums::putIfAbsent);
      return new Terms(distinct(w, w.length), distinctSorted(g, g.length), nums);
    }

    private static int id(String key, Map<String, Integer> vocab, boolean grow) {
      Integer id = vocab.get(key);
      if (id == null) {
        if (!grow) {
          return -1;
        }
        id = vocab.size();
        vocab.put(key, id);
      }
      return id;
    }

    /** The first {@code n} values of {@code a}, sorted, each once (a new array). */
    private static int[] distinct(int[] a, int n) {
      int[] out = Arrays.copyOf(a, n);
      Arrays.sort(out);
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (k == 0 || out[i] != out[k - 1]) {
          out[k++] = out[i];
        }
      }
      return k == n ? out : Arrays.copyOf(out, k);
    }

    /** The first {@code n} values of {@code a}, sorted, each once (a new array). */
    private static long[] distinctSorted(long[] a, int n) {
      long[] out = Arrays.copyOf(a, n);
      Arrays.sort(out);
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (k == 0 || out[i] != out[k - 1]) {
          out[k++] = out[i];
        }
      }
      return k == n ? out : Arrays.copyOf(out, k);
    }
  }

  /** Length in words of the longest run of words the two word lists share, in order. */
  static int longestCommonRun(List<String> x, List<String> y) {
    int best = 0;
    String[] ys = y.toArray(new String[0]);
    int[] yHash = new int[ys.length];
    for (int j = 0; j < ys.length; j++) {
      yHash[j] = ys[j].hashCode(); // cached by String: most unequal words differ here
    }
    int[] prev = new int[ys.length + 1];
    int[] cur = new int[ys.length + 1];
    for (int i = 1; i <= x.size(); i++) {
      String a = x.get(i - 1);
      int h = a.hashCode();
      for (int j = 1; j <= ys.length; j++) {
        cur[j] = h == yHash[j - 1] && a.equals(ys[j - 1]) ? prev[j - 1] + 1 : 0;
        best = Math.max(best, cur[j]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
      Arrays.fill(cur, 0);
    }
    return best;
  }

  /** The capitalised words of a sentence after its first word, lower-cased, padded: its names. */
  static List<String> names(String text) {
    String[] words = text.split("[^\\p{L}\\p{N}]+");
    List<String> out = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      String w = words[i];
      if (w.length() > 1 && Character.isUpperCase(w.charAt(0))) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static final Pattern QUOTED =
      Pattern.compile("[\"\u201c\u2018']([^\"\u201d\u2019']{3,})[\"\u201d\u2019']");

  /** Share of the weight of the words the sentence quotes that the other has: 0.5 when none. */
  /** The words a sentence quotes ('...', "...", curly quotes), joined; empty when none. */
  static String quoted(String text) {
    Matcher m = QUOTED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      out.append(m.group(1)).append(' ');
    }
    return out.toString().strip();
  }
}
