package dev.precis.eval;

import dev.precis.ingest.RawArticle;
import dev.precis.text.RecurringPhrases;
import java.util.Arrays;
import java.util.List;

/**
 * Learns {@link RecurringPhrases}' list: the word 4-grams found in the source documents of at least
 * {@code minClusters} distinct clusters and nowhere in clean prose (the clusters' reference
 * summaries and any further furniture-free texts). A cluster is one story, so a phrase in many of
 * them is either common English or a site's template; common English also turns up in clean prose,
 * which people wrote or marked without any page furniture.
 *
 * <p>Counting runs on sorted arrays of 64-bit keys, one array per cluster, merged once.
 */
public final class RecurringPhraseSurvey {
  private RecurringPhraseSurvey() {}

  /** The sorted keys of the recurring template phrases of {@code clusters}. */
  public static long[] learn(List<EvalCluster> clusters, List<String> cleanProse, int minClusters) {
    long[][] perCluster = new long[clusters.size()][];
    long[][] inSummaries = new long[clusters.size()][];
    long total = 0;
    long summaryTotal = 0;
    for (int c = 0; c < clusters.size(); c++) {
      EvalCluster cluster = clusters.get(c);
      long[] keys = new long[0];
      for (RawArticle doc : cluster.documents()) {
        keys = concat(keys, RecurringPhrases.keys(doc.content()));
      }
      perCluster[c] = distinct(keys);
      total += perCluster[c].length;
      long[] summary = new long[0];
      for (List<String> reference : cluster.references()) {
        summary = concat(summary, RecurringPhrases.keys(String.join("\n", reference)));
      }
      inSummaries[c] = distinct(summary);
      summaryTotal += inSummaries[c].length;
    }
    long[] all = flatten(perCluster, total);
    long[] summaries = distinct(flatten(inSummaries, summaryTotal));
    long[] prose = new long[0];
    for (String text : cleanProse) {
      prose = concat(prose, distinct(RecurringPhrases.keys(text)));
    }
    summaries = distinct(concat(summaries, prose));
    Arrays.sort(all);
    long[] out = new long[1024];
    int n = 0;
    for (int i = 0; i < all.length; ) {
      int j = i;
      while (j < all.length && all[j] == all[i]) {
        j++;
      }
      if (all[i] != 0 && j - i >= minClusters && Arrays.binarySearch(summaries, all[i]) < 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = all[i];
      }
      i = j;
    }
    return Arrays.copyOf(out, n);
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static long[] flatten(long[][] parts, long total) {
    long[] out = new long[Math.toIntExact(total)];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static long[] distinct(long[] keys) {
    long[] s = keys.clone();
    Arrays.sort(s);
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (n == 0 || s[i] != s[n - 1]) {
        s[n++] = s[i];
      }
    }
    return Arrays.copyOf(s, n);
  }
}
