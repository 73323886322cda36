package dev.precis.eval.baseline;

import dev.precis.eval.rouge.RougeOptions;
import dev.precis.eval.rouge.RougeText;
import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upper bound: greedily adds the fitting sentence that adds the most ROUGE-2 hits against the
 * references (ties: ROUGE-1 hits, then fewer words), with ROUGE's own tokens ({@code -m}), until no
 * sentence adds a bigram. It reads the references, so it is built per cluster by the evaluation
 * harness and is not in the {@link Summarizers} registry.
 */
public final class OracleSummarizer implements Summarizer {
  private static final RougeOptions TOKENS = RougeOptions.parse("-n 2 -m");

  private final List<int[]> refBigrams = new ArrayList<>();
  private final List<int[]> refUnigrams = new ArrayList<>();
  private final Map<String, Integer> bigramIds = new HashMap<>();
  private final Map<String, Integer> unigramIds = new HashMap<>();

  /**
   * @param references the cluster's reference summaries, each one sentence a line
   */
  public OracleSummarizer(List<List<String>> references) {
    List<List<String>> refTokens = new ArrayList<>();
    for (List<String> r : references) {
      refTokens.add(RougeText.of(r, TOKENS).tokens());
    }
    for (List<String> t : refTokens) {
      for (int i = 0; i < t.size(); i++) {
        unigramIds.putIfAbsent(t.get(i), unigramIds.size());
        if (i + 1 < t.size()) {
          bigramIds.putIfAbsent(t.get(i) + " " + t.get(i + 1), bigramIds.size());
        }
      }
    }
    for (List<String> t : refTokens) {
      int[] bi = new int[bigramIds.size()];
      int[] uni = new int[unigramIds.size()];
      for (int i = 0; i < t.size(); i++) {
        uni[unigramIds.get(t.get(i))]++;
        if (i + 1 < t.size()) {
          bi[bigramIds.get(t.get(i) + " " + t.get(i + 1))]++;
        }
      }
      refBigrams.add(bi);
      refUnigrams.add(uni);
    }
  }

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    int n = text.size();
    List<int[]> sentBigrams = new ArrayList<>(n);
    List<int[]> sentUnigrams = new ArrayList<>(n);
    for (Sentence s : text.sentences) {
      List<String> t = RougeText.tokenize(s.text(), TOKENS);
      List<Integer> bi = new ArrayList<>();
      List<Integer> uni = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        Integer u = unigramIds.get(t.get(i));
        if (u != null) {
          uni.add(u);
        }
        if (i + 1 < t.size()) {
          Integer b = bigramIds.get(t.get(i) + " " + t.get(i + 1));
          if (b != null) {
            bi.add(b);
          }
        }
      }
      sentBigrams.add(bi.stream().mapToInt(Integer::intValue).toArray());
      sentUnigrams.add(uni.stream().mapToInt(Integer::intValue).toArray());
    }
    int[] curBi = new int[bigramIds.size()];
    int[] curUni = new int[unigramIds.size()];
    boolean[] used = new boolean[n];
    List<Integer> chosen = new ArrayList<>();
    int words = 0;
    while (true) {
      int best = -1;
      long bestBi = 0;
      long bestUni = -1;
      int bestWords = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        int w = text.sentences.get(i).words();
        if (used[i] || words + w > maxWords) {
          continue;
        }
        long gBi = gain(sentBigrams.get(i), curBi, refBigrams);
        if (gBi <= 0 || gBi < bestBi) {
          continue;
        }
        long gUni = gain(sentUnigrams.get(i), curUni, refUnigrams);
        if (gBi > bestBi || gUni > bestUni || (gUni == bestUni && w < bestWords)) {
          best = i;
          bestBi = gBi;
          bestUni = gUni;
          bestWords = w;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      chosen.add(best);
      words += text.sentences.get(best).words();
      for (int g : sentBigrams.get(best)) {
        curBi[g]++;
      }
      for (int g : sentUnigrams.get(best)) {
        curUni[g]++;
      }
    }
    return text.inReadingOrder(chosen);
  }

  /** Extra clipped hits, summed over the references, from adding the grams of one sentence. */
  private static long gain(int[] grams, int[] current, List<int[]> refs) {
    long gain = 0;
    Map<Integer, Integer> added = new HashMap<>();
    for (int g : grams) {
      int before = current[g] + added.getOrDefault(g, 0);
      added.merge(g, 1, Integer::sum);
      for (int[] ref : refs) {
        if (before < ref[g]) {
          gain++;
        }
      }
    }
    return gain;
  }
}
