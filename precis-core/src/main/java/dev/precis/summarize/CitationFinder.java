package dev.precis.summarize;

import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds, for a summary sentence, every article that states the same content: identical or
 * near-identical sentences in the other documents.
 *
 * <p>Two sentences state the same content when they share most of their informative word bigrams
 * (bigrams not made of two stop words, light-stemmed, so "U.S." and tokenised "u.s ." meet): the
 * shared bigrams must be at least {@code threshold} of the shorter sentence's and at least half of
 * the summary sentence's (so a short sentence that only repeats a name is not a citation), and at
 * least three. Per document the best match is cited; an article that splits the statement over two
 * consecutive sentences is cited with a span covering both.
 *
 * <p>Use {@link #index(List)} once per document set and ask the index for each summary sentence:
 * matching then costs one pass over the sentence's bigram postings.
 *
 * <pre>{@code
 * CitationFinder.Index idx = new CitationFinder().index(documents);
 * List<Citation> cites = idx.cite(sentence);
 * }</pre>
 */
public final class CitationFinder {
  /** Share of the shorter sentence's bigrams that must occur in the other one. */
  private final double threshold;

  public CitationFinder() {
    this(0.5);
  }

  public CitationFinder(double threshold) {
    this.threshold = threshold;
  }

  /** Citations for {@code sentence}: its own position first, then the best match per document. */
  public List<Citation> cite(Sentence sentence, List<Document> documents) {
    return index(documents).cite(sentence);
  }

  /** Indexes the sentences of {@code documents} for repeated {@link Index#cite} calls. */
  public Index index(List<Document> documents) {
    return new Index(documents, threshold);
  }

  /** Bigram postings over every sentence of a document set. */
  public static final class Index {
    private final double threshold;
    private final List<Sentence> sentences = new ArrayList<>();
    private final int[] sizes;
    private final Map<Long, int[]> postings = new HashMap<>();
    private final Map<String, Integer> vocab = new HashMap<>();
    private final int documents;

    Index(List<Document> docs, double threshold) {
      this.threshold = threshold;
      int maxDoc = -1;
      for (Document d : docs) {
        sentences.addAll(d.sentences());
        maxDoc = Math.max(maxDoc, d.index());
      }
      documents = maxDoc + 1;
      sizes = new int[sentences.size()];
      Map<Long, int[]> growing = new HashMap<>();
      for (int i = 0; i < sentences.size(); i++) {
        long[] keys = keys(sentences.get(i).text(), true);
        sizes[i] = keys.length;
        for (long k : keys) {
          int[] list = growing.get(k);
          if (list == null) {
            list = new int[] {0, 0, 0, 0, 0};
            growing.put(k, list);
          } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            growing.put(k, list);
          }
          list[++list[0]] = i;
        }
      }
      postings.putAll(growing);
    }

    /** Citations for {@code sentence}: its own position first, then the best match per document. */
    public List<Citation> cite(Sentence sentence) {
      List<Citation> out = new ArrayList<>();
      out.add(new Citation(sentence.document(), sentence.start(), sentence.end()));
      long[] mine = keys(sentence.text(), false);
      if (mine.length == 0) {
        return out;
      }
      int[] shared = new int[sentences.size()];
      for (long k : mine) {
        int[] list = postings.get(k);
        if (list != null) {
          for (int j = 1; j <= list[0]; j++) {
            shared[list[j]]++;
          }
        }
      }
      java.util.Set<String> myNumbers = numbers(sentence.text());
      Sentence[] best = new Sentence[documents];
      double[] bestScore = new double[documents];
      double[] bestCover = new double[documents]; // share of our bigrams the match carries
      for (int i = 0; i < shared.length; i++) {
        int hit = shared[i];
        Sentence other = sentences.get(i);
        if (hit < 3 || other.document() == sentence.document()) {
          continue;
        }
        double score = (double) hit / Math.min(mine.length, sizes[i]);
        if (score >= threshold
            && hit * 2 >= mine.length
            && score > bestScore[other.document()]
            && numbers(other.text()).containsAll(myNumbers)) {
          bestScore[other.document()] = score;
          best[other.document()] = other;
          bestCover[other.document()] = (double) hit / mine.length;
        }
      }
      // an article may state it in two consecutive sentences where we have one
      Sentence[] pairStart = new Sentence[documents];
      Sentence[] pairEnd = new Sentence[documents];
      for (int i = 0; i + 1 < shared.length; i++) {
        Sentence a = sentences.get(i);
        Sentence b = sentences.get(i + 1);
        int d = a.document();
        if (d == sentence.document() || b.document() != d || shared[i] < 2 || shared[i + 1] < 2) {
          continue;
        }
        int hit = Math.min(mine.length, shared[i] + shared[i + 1]);
        double cover = (double) hit / mine.length;
        double ofPair = (double) hit / (sizes[i] + sizes[i + 1]);
        // the pair must carry most of our sentence, clearly more than one sentence alone does
        if (cover >= Math.max(threshold, 0.6)
            && ofPair >= 0.4
            && cover >= bestCover[d] + 0.2
            && numbers(a.text() + " " + b.text()).containsAll(myNumbers)) {
          bestCover[d] = cover;
          pairStart[d] = a;
          pairEnd[d] = b;
        }
      }
      for (int d = 0; d < documents; d++) {
        if (pairEnd[d] != null) {
          out.add(new Citation(d, pairStart[d].start(), pairEnd[d].end()));
        } else if (best[d] != null) {
          out.add(new Citation(d, best[d].start(), best[d].end()));
        }
      }
      return out;
    }

    /** Distinct informative bigram keys of a text; new words get ids only when indexing. */
    private long[] keys(String text, boolean grow) {
      List<String> tokens = new ArrayList<>();
      Analyzer.CONCEPTS.words(text, tokens);
      long[] out = new long[Math.max(0, tokens.size() - 1)];
      int n = 0;
      int prev = -1;
      boolean prevStop = true;
      for (String t : tokens) {
        boolean stop = Analyzer.CONCEPTS.isStopWord(t);
        String stem = stop ? t : Analyzer.CONCEPTS.stem(t);
        Integer id = vocab.get(stem);
        if (id == null) {
          if (grow) {
            id = vocab.size();
            vocab.put(stem, id);
          } else {
            id = -2 - (stem.hashCode() & 0x3fffffff); // unseen: can match nothing indexed
          }
        }
        if (prev != -1 && !(stop && prevStop)) {
          out[n++] = ((long) prev << 32) | (id & 0xffffffffL);
        }
        prev = id;
        prevStop = stop;
      }
      long[] keys = Arrays.copyOf(out, n);
      Arrays.sort(keys);
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (k == 0 || keys[i] != keys[k - 1]) {
          keys[k++] = keys[i];
        }
      }
      return Arrays.copyOf(keys, k);
    }
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("\\d+(?:[.,]\\d+)*");

  /**
   * The figures a sentence states ("300,000" = "300000"). A sentence that says "killed 87 people"
   * is not stated by one that says "killed 20 people", however many words they share: a match must
   * carry every figure of the cited sentence.
   */
  static java.util.Set<String> numbers(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.regex.Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group().replace(",", ""));
    }
    return out;
  }

  /** Lower-cased word bigrams of a text (kept for callers comparing raw overlap). */
  static java.util.Set<String> bigrams(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    java.util.Set<String> out = new java.util.HashSet<>();
    String prev = null;
    for (String t : w) {
      if (t.isEmpty()) {
        continue;
      }
      if (prev != null) {
        out.add(prev + ' ' + t);
      }
      prev = t;
    }
    return out;
  }
}
