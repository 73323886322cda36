package dev.precis.eval.rouge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-1.5.5, reimplemented exactly: ROUGE-N, ROUGE-L (summary-level union LCS with the script's
 * clipping), ROUGE-S/SU (including its quirk that {@code -u} adds the unigrams of all tokens but
 * the last), several references pooled ({@code -f A}) or best ({@code -f B}), and the script's
 * 5-decimal rounding. Tokenisation is described in {@link RougeText}. Thread-safe.
 *
 * <pre>{@code
 * Rouge rouge = new Rouge(RougeOptions.parse("-n 2 -m -2 4 -u -l 100"));
 * Map<String, RougeScore> s = rouge.score(candidateLines, List.of(ref1Lines, ref2Lines));
 * double r2 = s.get("ROUGE-2").recall();
 * }</pre>
 */
public final class Rouge {
  private final RougeOptions options;

  public Rouge(RougeOptions options) {
    this.options = options;
  }

  public RougeOptions options() {
    return options;
  }

  /**
   * Scores one candidate against its references.
   *
   * @param candidate the candidate summary, one sentence a line
   * @param references one or more references, each one sentence a line
   * @return metric name ("ROUGE-1", "ROUGE-L", "ROUGE-SU4", ...) → score, in ROUGE's order
   */
  public Map<String, RougeScore> score(List<String> candidate, List<List<String>> references) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("ROUGE needs at least one reference summary");
    }
    RougeText peer = RougeText.of(candidate, options);
    List<RougeText> models = new ArrayList<>(references.size());
    for (List<String> r : references) {
      models.add(RougeText.of(r, options));
    }
    return score(peer, models);
  }

  /** Scores texts already read with these options (lets callers reuse prepared references). */
  public Map<String, RougeScore> score(RougeText peer, List<RougeText> models) {
    Vocabulary vocab = new Vocabulary();
    int[] peerTokens = vocab.ids(peer.tokens());
    int[][] modelTokens = new int[models.size()][];
    for (int i = 0; i < models.size(); i++) {
      modelTokens[i] = vocab.ids(models.get(i).tokens());
    }
    Map<String, RougeScore> out = new LinkedHashMap<>();
    for (int n = 1; n <= options.maxN(); n++) {
      Pairs pairs = new Pairs();
      int[] p = grams(peerTokens, n, pairs);
      int[][] m = new int[modelTokens.length][];
      for (int i = 0; i < m.length; i++) {
        m[i] = grams(modelTokens[i], n, pairs);
      }
      out.put("ROUGE-" + n, gramScore(p, m));
    }
    if (options.lcs()) {
      out.put("ROUGE-L", lcsScore(peer, peerTokens, models, modelTokens, vocab));
    }
    if (options.skipDistance() != null) {
      Pairs pairs = new Pairs();
      int[] p = skipGrams(peerTokens, options.skipDistance(), options.skipUnigrams(), pairs);
      int[][] m = new int[modelTokens.length][];
      for (int i = 0; i < m.length; i++) {
        m[i] = skipGrams(modelTokens[i], options.skipDistance(), options.skipUnigrams(), pairs);
      }
      out.put(options.skipMetricName(), gramScore(p, m));
    }
    return out;
  }

  // ---- n-grams ---------------------------------------------------------------------------

  private static int[] grams(int[] tokens, int n, Pairs pairs) {
    int count = Math.max(0, tokens.length - n + 1);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      int g = tokens[i];
      for (int j = 1; j < n; j++) {
        g = pairs.id(g, tokens[i + j]);
      }
      out[i] = g;
    }
    return out;
  }

  private static int[] skipGrams(int[] tokens, int distance, boolean unigrams, Pairs pairs) {
    int last = tokens.length - 1;
    int count = 0;
    for (int i = 0; i < last; i++) {
      int end = distance < 0 ? last : Math.min(last, i + distance + 1);
      count += end - i + (unigrams ? 1 : 0);
    }
    int[] out = new int[Math.max(0, count)];
    int k = 0;
    // as in the script: i stops before the last token, so with -u the last unigram is not added
    for (int i = 0; i < last; i++) {
      if (unigrams) {
        out[k++] = pairs.id(-1, tokens[i]);
      }
      for (int j = i + 1; j <= last && (distance < 0 || j <= i + distance + 1); j++) {
        out[k++] = pairs.id(tokens[i], tokens[j]);
      }
    }
    return out;
  }

  private RougeScore gramScore(int[] peer, int[][] models) {
    int size = 0;
    for (int g : peer) {
      size = Math.max(size, g + 1);
    }
    for (int[] m : models) {
      for (int g : m) {
        size = Math.max(size, g + 1);
      }
    }
    int[] peerCounts = new int[size];
    for (int g : peer) {
      peerCounts[g]++;
    }
    long totalHit = 0;
    long totalModel = 0;
    long totalPeer = 0;
    double best = -1;
    int[] used = new int[size];
    for (int[] m : models) {
      long hit = 0;
      for (int g : m) {
        if (used[g] < peerCounts[g]) {
          used[g]++;
          hit++;
        }
      }
      for (int g : m) {
        used[g] = 0;
      }
      if (options.bestModel()) {
        double score = m.length != 0 ? round5((double) hit / m.length) : 0;
        if (score > best) {
          best = score;
          totalHit = hit;
          totalModel = m.length;
          totalPeer = peer.length;
        }
      } else {
        totalHit += hit;
        totalModel += m.length;
        totalPeer += peer.length;
      }
    }
    return RougeScore.of(totalHit, totalModel, totalPeer, options.alpha());
  }

  // ---- LCS --------------------------------------------------------------------------------

  private RougeScore lcsScore(
      RougeText peer,
      int[] peerTokens,
      List<RougeText> models,
      int[][] modelTokens,
      Vocabulary vocab) {
    int[][] peerSentences = new int[peer.sentences().size()][];
    for (int j = 0; j < peerSentences.length; j++) {
      peerSentences[j] = vocab.ids(peer.sentences().get(j));
    }
    int[] peerUnigrams = new int[vocab.size()];
    for (int t : peerTokens) {
      peerUnigrams[t]++;
    }
    long totalHit = 0;
    long totalModel = 0;
    long totalPeer = 0;
    double best = -1;
    int[] table = new int[1024];
    for (int k = 0; k < models.size(); k++) {
      RougeText model = models.get(k);
      int[] modelUnigrams = new int[vocab.size()];
      for (int t : modelTokens[k]) {
        modelUnigrams[t]++;
      }
      int[] peerLeft = peerUnigrams.clone();
      long hit = 0;
      long base = 0;
      for (List<String> sentence : model.sentences()) {
        int[] m = vocab.ids(sentence);
        base += m.length;
        boolean[] mask = new boolean[m.length];
        if (m.length > 0) {
          for (int[] p : peerSentences) {
            int cells = (m.length + 1) * (p.length + 1);
            if (table.length < cells) {
              table = new int[Math.max(cells, table.length * 2)];
            }
            markLcs(m, p, mask, table);
          }
        }
        for (int i = 0; i < m.length; i++) {
          int t = m[i];
          if (mask[i] && t < modelUnigrams.length && modelUnigrams[t] > 0 && peerLeft[t] > 0) {
            hit++;
            modelUnigrams[t]--;
            peerLeft[t]--;
          }
        }
      }
      if (options.bestModel()) {
        double score = base > 0 ? (double) hit / base : 0;
        if (score > best) {
          best = score;
          totalHit = hit;
          totalModel = base;
          totalPeer = peerTokens.length;
        }
      } else {
        totalHit += hit;
        totalModel += base;
        totalPeer += peerTokens.length;
      }
    }
    return RougeScore.of(totalHit, totalModel, totalPeer, options.alpha());
  }

  /**
   * One LCS of model and peer, traced back as the script does (diagonal on a match, else up when
   * the cell above is at least the cell to the left), marked in mask. The directions are recomputed
   * from the length table, which gives the same path as storing them.
   */
  private static void markLcs(int[] model, int[] peer, boolean[] mask, int[] table) {
    int m = model.length;
    int n = peer.length;
    if (n == 0) {
      return;
    }
    int w = n + 1;
    for (int j = 0; j <= n; j++) {
      table[j] = 0;
    }
    for (int i = 1; i <= m; i++) {
      int row = i * w;
      int up = row - w;
      table[row] = 0;
      int a = model[i - 1];
      for (int j = 1; j <= n; j++) {
        if (a == peer[j - 1]) {
          table[row + j] = table[up + j - 1] + 1;
        } else {
          int above = table[up + j];
          int left = table[row + j - 1];
          table[row + j] = above >= left ? above : left;
        }
      }
    }
    int i = m;
    int j = n;
    while (i != 0 && j != 0) {
      if (model[i - 1] == peer[j - 1]) {
        i--;
        j--;
        mask[i] = true;
      } else if (table[(i - 1) * w + j] >= table[i * w + j - 1]) {
        i--;
      } else {
        j--;
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Rounds like Perl's sprintf("%7.5f"): the exact binary value, ties to even. */
  public static double round5(double x) {
    return new BigDecimal(x).setScale(5, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Dense ids for tokens. */
  private static final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();

    int[] ids(List<String> tokens) {
      int[] out = new int[tokens.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ids.computeIfAbsent(tokens.get(i), k -> ids.size());
      }
      return out;
    }

    int size() {
      return ids.size();
    }
  }

  /**
   * Dense ids for (a, b) pairs: n-grams are built as pairs of (n-1)-gram id and token id. An
   * open-addressing table of packed longs, since this is the hot loop of ROUGE-N and ROUGE-S.
   */
  private static final class Pairs {
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    int id(int a, int b) {
      long key = ((long) a << 32) ^ (b & 0xFFFFFFFFL);
      int mask = keys.length - 1;
      int slot = mix(key) & mask;
      while (used[slot]) {
        if (keys[slot] == key) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      used[slot] = true;
      keys[slot] = key;
      values[slot] = size;
      if (++size * 2 > keys.length) {
        grow();
      }
      return size - 1;
    }

    private static int mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      values = new int[keys.length];
      used = new boolean[keys.length];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldUsed[i]) {
          int slot = mix(oldKeys[i]) & mask;
          while (used[slot]) {
            slot = (slot + 1) & mask;
          }
          used[slot] = true;
          keys[slot] = oldKeys[i];
          values[slot] = oldValues[i];
        }
      }
    }
  }
}
