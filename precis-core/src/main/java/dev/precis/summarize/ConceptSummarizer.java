package dev.precis.summarize;

import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default summarizer: unsupervised concept coverage for multi-document news.
 *
 * <p>Concepts are word bigrams (light-stemmed, not both stop words) and, with a smaller weight,
 * content words. A concept's weight sums, over the articles that contain it, a position weight of
 * its first mention there: what several articles say, and say early, is what the story is about
 * (Gillick and Favre 2009; Boudin et al. 2015). The summary is the set of sentences that covers the
 * most concept weight within the word budget ({@link BudgetedCoverage}); covering a concept twice
 * earns nothing, which is the redundancy control across sources.
 *
 * <p>Before selection, sentences that cannot stand alone are set aside: headlines and fragments,
 * bare quotes, page furniture, very short or very long sentences, and sentences that open with an
 * unresolved pronoun or connective ({@link SentenceTraits}). They come back only when the rest
 * cannot fill the budget. The result is put in reading order by {@link SummaryOrder}.
 */
public final class ConceptSummarizer implements Summarizer {

  /**
   * Tunable constants, chosen on the shared development data (Multi-News validation, MultiLing
   * 2011); see README "Summary quality" for the commands that measure them.
   *
   * @param minWords shortest sentence considered (words)
   * @param maxWords longest sentence considered (words)
   * @param positionBoost extra weight of a concept first mentioned in an article's first sentence
   * @param positionDecay sentences over which that extra weight falls by a factor e
   * @param unigramWeight weight of a content-word concept relative to a bigram concept
   * @param rareFactor weight factor of concepts found in one article only, in clusters of at least
   *     {@code rareMinDocs} articles
   * @param rareMinDocs cluster size from which single-article concepts are discounted
   * @param costExponent greedy start ranks sentences by gain / words^costExponent
   * @param minNovelty share of a sentence's concept weight that must be new for it to join
   * @param relaxFactor standalone sentences must offer this many times the budget, else others are
   *     admitted with penalties
   * @param danglingPenalty per-word penalty, in units of the cluster's mean concept weight per
   *     word, of a sentence opening with a pronoun or connective
   * @param fragmentPenalty the same for headlines, fragments and bare quotes
   * @param fillBonus per-word value of any word used, in units of the mean concept weight per word:
   *     ROUGE rewards a summary that uses its budget
   * @param offTopicRatio an article is off the story when fewer than this share of its content
   *     words occur in another article; its sentences are used only when nothing else fills
   */
  public record Params(
      int minWords,
      int maxWords,
      double positionBoost,
      double positionDecay,
      double unigramWeight,
      double rareFactor,
      int rareMinDocs,
      double costExponent,
      double minNovelty,
      double relaxFactor,
      double danglingPenalty,
      double fragmentPenalty,
      double fillBonus,
      double offTopicRatio) {

    public Params {
      if (minWords < 1 || maxWords < minWords) {
        throw new IllegalArgumentException(
            "sentence lengths need 1 <= minWords <= maxWords, got " + minWords + ", " + maxWords);
      }
      if (positionDecay <= 0 || rareMinDocs < 1 || relaxFactor < 0) {
        throw new IllegalArgumentException(
            "positionDecay must be positive, rareMinDocs at least 1, relaxFactor non-negative");
      }
      requireBetween("minNovelty", minNovelty, 0, 1);
      requireBetween("rareFactor", rareFactor, 0, 1);
      requireBetween("offTopicRatio", offTopicRatio, 0, 1);
      for (double v :
          new double[] {
            positionBoost, unigramWeight, costExponent, danglingPenalty, fragmentPenalty, fillBonus
          }) {
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException("weights and penalties must be finite and >= 0");
        }
      }
    }

    /** These constants with another fill value, single-article discount and lead weight. */
    public Params withFillRareBoost(double fill, double rare, double boost) {
      return new Params(
          minWords,
          maxWords,
          boost,
          positionDecay,
          unigramWeight,
          rare,
          rareMinDocs,
          costExponent,
          minNovelty,
          relaxFactor,
          danglingPenalty,
          fragmentPenalty,
          fill,
          offTopicRatio);
    }

    /** The values tuned on the development data. */
    public static Params defaults() {
      return new Params(
          /* minWords */ 8,
          /* maxWords */ 60,
          /* positionBoost */ 3.0,
          /* positionDecay */ 3.0,
          /* unigramWeight */ 0.2,
          /* rareFactor */ 0.3,
          /* rareMinDocs */ 2,
          /* costExponent */ 1.0,
          /* minNovelty */ 0.3,
          /* relaxFactor */ 1.5,
          /* danglingPenalty */ 0.8,
          /* fragmentPenalty */ 0.6,
          /* fillBonus */ 0.8,
          /* offTopicRatio */ 0.2);
    }

    private static void requireBetween(String name, double v, double min, double max) {
      if (!(v >= min && v <= max)) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ", got " + v);
      }
    }
  }

  private static final int MAX_PASSES = 40;

  /** Shortest sentence allowed even when nothing else is left to fill the budget. */
  static final int MIN_LAST_RESORT_WORDS = 4;

  /**
   * Fewest distinct content words an article needs before its share of words found in other
   * articles decides whether it is on the story: below that the share is noise.
   */
  static final int OFF_TOPIC_MIN_CONTENT_WORDS = 10;

  /** Per-word penalty of an unresolved dangling sentence while alternatives are plentiful. */
  private static final double STRICT_DANGLING_PENALTY = 3.0;

  private final Params params;

  public ConceptSummarizer() {
    this(Params.defaults());
  }

  public ConceptSummarizer(Params params) {
    this.params = params;
  }

  @Override
  public String name() {
    return "default";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    Cluster c = new Cluster(documents, params);
    if (c.size() == 0) {
      return List.of();
    }
    boolean[] candidate = c.candidates(maxWords);
    BudgetedCoverage solver =
        new BudgetedCoverage(
            c.concepts, c.weight, c.cost, c.bonus, params.minNovelty(), c.previous, c.linkBonus);
    int[] picked = solver.solve(candidate, maxWords, params.costExponent(), MAX_PASSES);
    List<Sentence> chosen = new ArrayList<>(picked.length);
    for (int i : picked) {
      chosen.add(c.sentences.get(i));
    }
    return SummaryOrder.order(chosen, documents);
  }

  /** The sentences of a cluster with their concepts, weights and standing-alone checks. */
  private static final class Cluster {
    final List<Sentence> sentences = new ArrayList<>();
    final int[] cost;
    final int[][] concepts;
    final double[] weight;
    final double[] bonus;
    final boolean[] fragment;
    final boolean[] dangling;
    final boolean[] duplicate;
    final boolean[] furniture;

    /** Sentences of an article that shares (almost) no content words with the others. */
    final boolean[] offTopic;

    final int[] previous;
    double[] linkBonus;
    private final Params params;

    Cluster(List<Document> documents, Params params) {
      this.params = params;
      for (Document d : documents) {
        for (Sentence s : d.sentences()) {
          // a leading dateline ("WASHINGTON (AP) — ") is left out: the sentence starts after it
          int cut = SentenceTraits.datelineLength(s.text());
          sentences.add(
              cut == 0
                  ? s
                  : new Sentence(
                      s.document(), s.index(), s.start() + cut, s.end(), s.text().substring(cut)));
        }
      }
      int n = sentences.size();
      cost = new int[n];
      concepts = new int[n][];
      bonus = new double[n];
      fragment = new boolean[n];
      dangling = new boolean[n];
      duplicate = new boolean[n];
      furniture = new boolean[n];
      previous = new int[n];

      Map<String, Integer> vocab = new HashMap<>();
      Map<Long, Integer> conceptIds = new HashMap<>();
      List<Concept> stats = new ArrayList<>();
      Set<String> seenText = new HashSet<>();
      List<String> tokens = new ArrayList<>();
      int nDocs = documents.size();
      int k = 0;
      for (Document d : documents) {
        for (int si = 0; si < d.sentences().size(); si++) {
          Sentence s = sentences.get(k);
          String text = s.text();
          cost[k] = s.words();
          previous[k] = si == 0 ? -1 : k - 1;
          fragment[k] = SentenceTraits.isFragment(text);
          furniture[k] = SentenceTraits.isFurniture(text);
          dangling[k] =
              SentenceTraits.opensWithDanglingReference(text)
                  || SentenceTraits.needsAntecedent(text);
          tokens.clear();
          Analyzer.CONCEPTS.words(text, tokens);
          duplicate[k] = !seenText.add(String.join(" ", tokens));
          double position =
              1 + params.positionBoost() * Math.exp(-s.index() / params.positionDecay());
          int[] ids = new int[tokens.size()];
          boolean[] stop = new boolean[tokens.size()];
          for (int t = 0; t < ids.length; t++) {
            String tok = tokens.get(t);
            stop[t] = Analyzer.CONCEPTS.isStopWord(tok) || tok.length() == 1;
            String stem = stop[t] ? tok : Analyzer.CONCEPTS.stem(tok);
            Integer id = vocab.get(stem);
            if (id == null) {
              id = vocab.size();
              vocab.put(stem, id);
            }
            ids[t] = id;
          }
          int[] mine = new int[ids.length * 2];
          int m = 0;
          for (int t = 0; t < ids.length; t++) {
            if (!stop[t]) {
              // content word: key with the high half -1 so it never meets a bigram key
              m =
                  note(
                      conceptIds,
                      stats,
                      -1,
                      ids[t],
                      params.unigramWeight(),
                      position,
                      d.index(),
                      mine,
                      m);
            }
            if (t + 1 < ids.length && !(stop[t] && stop[t + 1])) {
              m = note(conceptIds, stats, ids[t], ids[t + 1], 1.0, position, d.index(), mine, m);
            }
          }
          concepts[k] = distinct(mine, m);
          k++;
        }
      }
      this.stats = stats;
      offTopic = new boolean[n];
      markOffTopicArticles(documents);
      weight = new double[stats.size()];
      for (int c = 0; c < weight.length; c++) {
        Concept concept = stats.get(c);
        double w = concept.weight;
        if (nDocs >= params.rareMinDocs() && concept.articles < 2) {
          w *= params.rareFactor();
        }
        weight[c] = w;
      }
    }

    /** Every concept of the cluster, by id. */
    final List<Concept> stats;

    /** What the cluster knows of one concept. */
    static final class Concept {
      /** -1 for a content word, else the first token id of the bigram. */
      final int firstToken;

      /** Base weight × position weight of its first mention, summed over the articles. */
      double weight;

      /** Articles that mention it. */
      int articles;

      private int lastArticle = -1;

      Concept(int firstToken) {
        this.firstToken = firstToken;
      }
    }

    /**
     * Marks the sentences of articles that do not belong to the story: an article whose content
     * words almost never occur in any other article (an error page, an archive notice, a different
     * story). Only when some articles do share their words, so a cluster of unrelated articles
     * keeps them all.
     */
    private void markOffTopicArticles(List<Document> documents) {
      int nDocs = documents.size();
      if (nDocs < 2) {
        return;
      }
      double[] ratio = new double[nDocs];
      boolean[] judged = new boolean[nDocs];
      boolean anyOn = false;
      int k = 0;
      for (int d = 0; d < nDocs; d++) {
        java.util.BitSet own = new java.util.BitSet();
        int from = k;
        for (int i = 0; i < documents.get(d).sentences().size(); i++, k++) {
          for (int c : concepts[k]) {
            if (stats.get(c).firstToken < 0) {
              own.set(c);
            }
          }
        }
        int shared = 0;
        for (int c = own.nextSetBit(0); c >= 0; c = own.nextSetBit(c + 1)) {
          shared += stats.get(c).articles >= 2 ? 1 : 0;
        }
        ratio[d] = own.isEmpty() ? 0 : (double) shared / own.cardinality();
        // a stub ("Learn more", "Close") is too small for its share to say anything: it neither
        // vouches for the story nor is dropped from it
        judged[d] = own.cardinality() >= OFF_TOPIC_MIN_CONTENT_WORDS;
        anyOn |= judged[d] && ratio[d] >= params.offTopicRatio();
      }
      if (!anyOn) {
        return;
      }
      k = 0;
      for (int d = 0; d < nDocs; d++) {
        for (int i = 0; i < documents.get(d).sentences().size(); i++, k++) {
          offTopic[k] = judged[d] && ratio[d] < params.offTopicRatio();
        }
      }
    }

    /**
     * Records a concept occurrence: the first mention in each document adds the concept's base
     * weight times the position weight of the sentence. Returns the new count in {@code mine}.
     */
    private static int note(
        Map<Long, Integer> ids,
        List<Concept> stats,
        int a,
        int b,
        double base,
        double position,
        int doc,
        int[] mine,
        int m) {
      long key = ((long) a << 32) | b;
      Integer id = ids.get(key);
      if (id == null) {
        id = stats.size();
        ids.put(key, id);
        stats.add(new Concept(a));
      }
      Concept concept = stats.get(id);
      if (concept.lastArticle != doc) {
        concept.lastArticle = doc;
        concept.articles++;
        concept.weight += base * position;
      }
      mine[m] = id;
      return m + 1;
    }

    private static int[] distinct(int[] a, int m) {
      int[] copy = java.util.Arrays.copyOf(a, m);
      java.util.Arrays.sort(copy);
      int k = 0;
      for (int i = 0; i < m; i++) {
        if (k == 0 || copy[i] != copy[k - 1]) {
          copy[k++] = copy[i];
        }
      }
      return java.util.Arrays.copyOf(copy, k);
    }

    int size() {
      return sentences.size();
    }

    /**
     * Sentences allowed into the summary. Only sentences that stand alone are candidates while they
     * offer at least {@code relaxFactor} times the budget; below that, sentences opening with a
     * pronoun or connective join with a per-word penalty, then fragments with a larger one, then
     * sentences of any length, so a dangling sentence is chosen only when the alternatives are few
     * or poor.
     */
    boolean[] candidates(int budget) {
      int n = size();
      linkBonus = new double[n];
      boolean[] ok = new boolean[n];
      double mass = 0;
      long words = 0;
      for (int i = 0; i < n; i++) {
        words += cost[i];
        for (int c : concepts[i]) {
          mass += weight[c];
        }
      }
      double perWord = words == 0 ? 0 : mass / words;
      for (int i = 0; i < n; i++) {
        bonus[i] += params.fillBonus() * perWord * cost[i];
      }
      long pool = 0;
      for (int i = 0; i < n; i++) {
        ok[i] = !duplicate[i] && !offTopic[i] && !fragment[i] && !dangling[i] && lengthOk(i);
        pool += ok[i] ? cost[i] : 0;
      }
      // a sentence opening with a pronoun or connective is penalised unless the sentence
      // before it is chosen too (then it is resolved: the link refunds the penalty); the
      // penalty is prohibitive while standalone alternatives are plentiful
      double penalty =
          pool < params.relaxFactor() * budget ? params.danglingPenalty() : STRICT_DANGLING_PENALTY;
      for (int i = 0; i < n; i++) {
        if (!ok[i] && !duplicate[i] && !offTopic[i] && !fragment[i] && lengthOk(i)) {
          ok[i] = true;
          double p = penalty * perWord * cost[i];
          bonus[i] -= p;
          linkBonus[i] += p;
          pool += cost[i];
        }
      }
      if (pool < params.relaxFactor() * budget) {
        for (int i = 0; i < n; i++) {
          if (!ok[i] && !duplicate[i] && !offTopic[i] && !furniture[i] && lengthOk(i)) {
            ok[i] = true;
            bonus[i] -= params.fragmentPenalty() * perWord * cost[i];
            pool += cost[i];
          }
        }
      }
      if (pool < budget) {
        for (int i = 0; i < n; i++) {
          // last resort, but never a scrap such as "update" or "But this": it adds no meaning
          if (!ok[i] && !duplicate[i] && cost[i] >= MIN_LAST_RESORT_WORDS) {
            ok[i] = true;
            bonus[i] -= params.fragmentPenalty() * perWord * cost[i];
            if (dangling[i]) {
              // even as a last resort, a sentence that continues another reads best after it
              double p = penalty * perWord * cost[i];
              bonus[i] -= p;
              linkBonus[i] += p;
            }
          }
        }
      }
      return ok;
    }

    private boolean lengthOk(int i) {
      return cost[i] >= params.minWords() && cost[i] <= params.maxWords();
    }
  }
}
