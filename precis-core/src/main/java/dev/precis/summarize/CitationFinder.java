package dev.precis.summarize;

import dev.precis.model.Citation;
import dev.precis.summarize.CitationTerms.Terms;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, for a summary sentence, every article that states the same content, also when it is
 * reported in other words: the same figures, the same actors, the same claim.
 *
 * <p>Each content word (light-stemmed, not a stop or reporting word) weighs its inverse sentence
 * frequency within the cluster, so shared names, places and figures count for much and the words
 * every article of the story repeats count for little. Per article, the sentence (or two adjacent
 * ones) sharing the most of that weight with the summary sentence is aligned with it, and a
 * logistic model judges the pair from the weight both share, shared word pairs and figures, names,
 * position, length, the whole article's coverage of the sentence and how much the two articles tell
 * the same story (trained on the tune half of datasets/citations). Figures must agree: a match that
 * leaves out one of the sentence's figures while stating a different one of the same kind ("80,000
 * killed" against "120,000 killed") is a disagreement and is never cited. Spelled-out numbers up to
 * ninety-nine meet their digits ("Fifty-two" = "52").
 *
 * <p>Each article that states it is cited with the offsets of its own sentence (or of the two
 * adjacent sentences that together state it).
 *
 * <pre>{@code
 * CitationFinder.Index idx = new CitationFinder().index(documents);
 * List<Citation> cites = idx.cite(sentence);
 * }</pre>
 */
public final class CitationFinder {

  /**
   * Matching constants, chosen on the {@code tune} half of datasets/citations (see README
   * "Citations").
   *
   * @param summaryShare weight of the summary sentence's side in the denominator of the score (the
   *     rest goes to the candidate's side): score = shared / (a·summary + (1-a)·candidate)
   * @param threshold lowest score cited (the model's probability when there is a model)
   * @param minShared fewest shared content words
   * @param bigramWeight extra evidence of a shared adjacent content-word pair, as a share of the
   *     lighter word's weight
   * @param numberWeight weight factor of a figure relative to a word of the same rarity
   * @param pairGain how much better than the best single sentence two adjacent sentences must score
   *     to be cited together
   */
  public record Params(
      double summaryShare,
      double threshold,
      int minShared,
      double bigramWeight,
      double numberWeight,
      double pairGain,
      double[] model) {
    public static Params defaults() {
      return new Params(0.5, 0.555, 2, 0.5, 2.0, 0.05, MODEL);
    }

    /** The lexical score alone, without the learned model. */
    public static Params lexical(
        double summaryShare, double threshold, int minShared, double bigramWeight) {
      return new Params(summaryShare, threshold, minShared, bigramWeight, 2.0, 0.1, null);
    }
  }

  /**
   * How much more of the summary sentence's weight two adjacent sentences must carry to be cited
   * together.
   */
  static final double PAIR_COVER = 0.2;

  /** Words in a shared run that make a verbatim match (a quoted clause, a copied statement). */
  static final int VERBATIM_RUN = 10;

  /**
   * Logistic weights over {@link Index#features}: bias, then one per feature. Trained on the tune
   * half of datasets/citations by {@code datasets/citations/train.py}, which also chose the
   * threshold (highest tune recall at tune precision 0.85 or more; README "Citations").
   */
  static final double[] MODEL = {
    -7.2088, 1.6730, 2.1388, -4.4322, 3.1049, -1.0675, -0.0948, 0.3685, 0.6389, -0.2238, -0.5460,
    0.4308, -1.7186, 1.2583, -7.3787, 3.3704, 0.4075, -0.7606, 2.3166, 14.3466
  };

  private final Params params;

  public CitationFinder() {
    this(Params.defaults());
  }

  public CitationFinder(Params params) {
    this.params = params;
  }

  /** Citations for {@code sentence}: its own position first, then the best match per document. */
  public List<Citation> cite(Sentence sentence, List<Document> documents) {
    return index(documents).cite(sentence);
  }

  /** Indexes the sentences of {@code documents} for repeated {@link Index#cite} calls. */
  public Index index(List<Document> documents) {
    return new Index(documents, params);
  }

  /** Content-word postings and weights over every sentence of a document set. */
  public static final class Index {
    private final Params params;
    private final List<Sentence> sentences = new ArrayList<>();
    private final Map<String, Integer> vocab = new HashMap<>();
    private final List<Terms> terms = new ArrayList<>();
    private final double[] idf;
    private final int[][] postings;
    private final double[] mass;
    private final int documents;

    /** Distinct content-word ids of each document, sorted. */
    private final int[][] documentWords;

    /** The number of sentences of each document. */
    private final int[] documentSentences;

    /** The weight of each document's distinct content words. */
    private final double[] articleMass;

    /** Each sentence lower-cased with a space either side, filled on first use. */
    private final String[] lowered;

    Index(List<Document> docs, Params params) {
      this.params = params;
      int maxDoc = -1;
      for (Document d : docs) {
        sentences.addAll(d.sentences());
        maxDoc = Math.max(maxDoc, d.index());
      }
      documents = maxDoc + 1;
      List<int[]> growing = new ArrayList<>();
      int[] df = new int[16];
      for (int i = 0; i < sentences.size(); i++) {
        Terms t = Terms.of(sentences.get(i).text(), vocab, true);
        terms.add(t);
        for (int w : t.words()) {
          if (w >= df.length) {
            df = Arrays.copyOf(df, Math.max(w + 1, df.length * 2));
          }
          df[w]++;
          while (growing.size() <= w) {
            growing.add(new int[] {0, 0, 0, 0});
          }
          int[] list = growing.get(w);
          if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            growing.set(w, list);
          }
          list[++list[0]] = i;
        }
      }
      int v = vocab.size();
      idf = new double[v];
      postings = new int[v][];
      double n = Math.max(1, sentences.size());
      for (int w = 0; w < v; w++) {
        idf[w] = Math.log(1 + n / Math.max(1, df[w]));
        postings[w] = w < growing.size() ? growing.get(w) : new int[] {0};
      }
      for (Map.Entry<String, Integer> e : vocab.entrySet()) {
        if (e.getKey().startsWith("#")) {
          idf[e.getValue()] *= params.numberWeight();
        }
      }
      mass = new double[sentences.size()];
      for (int i = 0; i < mass.length; i++) {
        mass[i] = weight(terms.get(i).words());
      }
      documentWords = new int[documents][];
      List<Map<Integer, Integer>> counts = new ArrayList<>();
      for (int d = 0; d < documents; d++) {
        counts.add(new java.util.TreeMap<>());
      }
      for (int i = 0; i < sentences.size(); i++) {
        for (int w : terms.get(i).words()) {
          counts.get(sentences.get(i).document()).merge(w, 1, Integer::sum);
        }
      }
      for (int d = 0; d < documents; d++) {
        documentWords[d] = counts.get(d).keySet().stream().mapToInt(Integer::intValue).toArray();
      }
      documentSentences = new int[documents];
      for (Sentence x : sentences) {
        documentSentences[x.document()]++;
      }
      articleMass = new double[documents];
      for (int d = 0; d < documents; d++) {
        for (int w : documentWords[d]) {
          articleMass[d] += idf[w];
        }
      }
      lowered = new String[sentences.size()];
    }

    /** Citations for {@code sentence}: its own position first, then the best match per document. */
    public List<Citation> cite(Sentence sentence) {
      List<Citation> out = new ArrayList<>();
      out.add(new Citation(sentence.document(), sentence.start(), sentence.end()));
      Match m = match(sentence, params.threshold());
      for (int d = 0; d < documents; d++) {
        if (m.from[d] >= 0) {
          out.add(new Citation(d, sentences.get(m.from[d]).start(), sentences.get(m.to[d]).end()));
        }
      }
      return out;
    }

    /**
     * The best match score of each document for {@code sentence} (0 where nothing qualifies, and
     * for the sentence's own document), whatever the threshold: for evaluation and tuning.
     */
    public double[] scores(Sentence sentence) {
      return match(sentence, 0).score;
    }

    private record Match(double[] score, int[] from, int[] to) {}

    /**
     * With the model: every sentence of another article that shares at least {@code minShared}
     * content words with the summary sentence, and every two adjacent sentences that do together,
     * is judged by the model; each article's best judged candidate is its match (the model was
     * trained the same way: on each labelled article's best candidate). Without the model: the
     * lexical score.
     */
    private Match match(Sentence sentence, double threshold) {
      if (params.model() == null) {
        return matchAll(sentence, threshold);
      }
      double[] bestScore = new double[documents];
      int[] bestFrom = new int[documents];
      int[] bestTo = new int[documents];
      Arrays.fill(bestFrom, -1);
      Match best = new Match(bestScore, bestFrom, bestTo);
      Probe probe = probe(sentence);
      double[] bestCover = new double[documents];
      List<int[]> pairs = new ArrayList<>();
      List<double[]> pairScores = new ArrayList<>();
      for (int[] c : candidates(sentence, probe.mine())) {
        int d = sentences.get(c[0]).document();
        Terms other = matchedTerms(c[0], c[1] != c[0]);
        if (!agree(probe.mine(), other)) {
          continue; // a different figure of the same kind: a disagreement, never support
        }
        double s = judge(probe, other, c[0], c[1] != c[0]);
        double cover = sharedWeight(probe.mine(), other) / Math.max(1e-9, probe.myMass());
        if (c[1] != c[0]) {
          pairs.add(c);
          pairScores.add(new double[] {s, cover});
        }
        if (s > bestScore[d]) {
          bestScore[d] = s;
          bestCover[d] = cover;
          bestFrom[d] = c[0];
          bestTo[d] = c[1];
        }
      }
      // the citation points at both sentences when the two together carry clearly more of it
      for (int k = 0; k < pairs.size(); k++) {
        int[] c = pairs.get(k);
        int d = sentences.get(c[0]).document();
        double[] sc = pairScores.get(k);
        boolean holdsBest =
            bestFrom[d] == bestTo[d] && (bestFrom[d] == c[0] || bestFrom[d] == c[1]);
        if (holdsBest && sc[0] >= threshold && sc[1] >= bestCover[d] + PAIR_COVER) {
          bestCover[d] = sc[1];
          bestFrom[d] = c[0];
          bestTo[d] = c[1];
        }
      }
      for (int d = 0; d < documents; d++) {
        if (bestScore[d] < threshold) {
          bestFrom[d] = -1;
        }
      }
      return best;
    }

    /**
     * The candidates of the other articles, {from, to} sentence indexes: single sentences sharing
     * at least {@code minShared} content words, and adjacent pairs that share as many together
     * while each shares at least one.
     */
    private List<int[]> candidates(Sentence sentence, Terms mine) {
      Map<Integer, Integer> count = new HashMap<>();
      for (int w : mine.words()) {
        if (w < 0) {
          continue; // a word no indexed sentence has
        }
        int[] list = postings[w];
        for (int j = 1; j <= list[0]; j++) {
          if (sentences.get(list[j]).document() != sentence.document()) {
            count.merge(list[j], 1, Integer::sum);
          }
        }
      }
      List<int[]> out = new ArrayList<>();
      List<Integer> keys = new ArrayList<>(count.keySet());
      keys.sort(null);
      for (int i : keys) {
        if (count.get(i) >= params.minShared()) {
          out.add(new int[] {i, i});
        }
        int j = i + 1;
        if (count.containsKey(j)
            && sentences.get(j).document() == sentences.get(i).document()
            && sharedCount(mine, matchedTerms(i, true)) >= params.minShared()) {
          out.add(new int[] {i, j});
        }
      }
      return out;
    }

    /** What is computed once per summary sentence for judging its candidates. */
    private record Probe(
        Sentence sentence,
        Terms mine,
        double myMass,
        List<String> names,
        List<String> words,
        double[] story) {}

    private Probe probe(Sentence sentence) {
      Terms mine = Terms.of(sentence.text(), vocab, false);
      double[] story = new double[documents];
      Arrays.fill(story, Double.NaN);
      return new Probe(
          sentence,
          mine,
          weight(mine.words()),
          CitationTerms.names(sentence.text()),
          Analyzer.CONCEPTS.words(sentence.text()),
          story);
    }

    private Match matchAll(Sentence sentence, double threshold) {
      double[] bestScore = new double[documents];
      int[] bestFrom = new int[documents];
      int[] bestTo = new int[documents];
      Arrays.fill(bestFrom, -1);
      Match result = new Match(bestScore, bestFrom, bestTo);
      Terms mine = Terms.of(sentence.text(), vocab, false);
      if (mine.words().length == 0) {
        return result;
      }
      double myMass = weight(mine.words());
      Map<Integer, Double> shared = new HashMap<>();
      Map<Integer, Integer> count = new HashMap<>();
      for (int w : mine.words()) {
        if (w < 0) {
          continue; // a word no indexed sentence has
        }
        int[] list = postings[w];
        for (int j = 1; j <= list[0]; j++) {
          int i = list[j];
          if (sentences.get(i).document() != sentence.document()) {
            shared.merge(i, idf[w], Double::sum);
            count.merge(i, 1, Integer::sum);
          }
        }
      }
      double[] bestCover = new double[documents];
      for (Map.Entry<Integer, Double> e : shared.entrySet()) {
        int i = e.getKey();
        if (count.get(i) < params.minShared()) {
          continue;
        }
        Terms other = terms.get(i);
        double s = lexical(mine, myMass, other, mass[i]);
        int d = sentences.get(i).document();
        if (s >= threshold && s > bestScore[d] && agree(mine, other)) {
          bestScore[d] = s;
          bestCover[d] = sharedWeight(mine, other) / Math.max(1e-9, myMass);
          bestFrom[d] = i;
          bestTo[d] = i;
        }
      }
      // an article may state it over two adjacent sentences where we have one
      for (int i : shared.keySet()) {
        int j = i + 1;
        if (j >= sentences.size()
            || !shared.containsKey(j)
            || sentences.get(j).document() != sentences.get(i).document()) {
          continue;
        }
        Terms pair = Terms.union(terms.get(i), terms.get(j));
        int d = sentences.get(i).document();
        double s = lexical(mine, myMass, pair, weight(pair.words()));
        double cover = sharedWeight(mine, pair) / Math.max(1e-9, myMass);
        // the pair must score clearly better, or as well while carrying clearly more of ours
        if (s >= threshold
            && (s >= bestScore[d] + params.pairGain()
                || (s >= bestScore[d] && cover >= bestCover[d] + 0.2))
            && sharedCount(mine, pair) >= params.minShared()
            && agree(mine, pair)) {
          bestScore[d] = s;
          bestCover[d] = cover;
          bestFrom[d] = i;
          bestTo[d] = j;
        }
      }
      return result;
    }

    /** The lexical score without the model: shared weight over both sides' weight. */
    private double lexical(Terms mine, double myMass, Terms other, double otherMass) {
      return score(
          mine, myMass, other, sharedWeight(mine, other) + bigramEvidence(mine, other), otherMass);
    }

    /**
     * The learned model's probability that {@code other} (sentence {@code at}, or it and the next)
     * states it.
     */
    private double judge(Probe probe, Terms other, int at, boolean pair) {
      // a run of ten identical words carries several shared content words: test those only
      if (sharedCount(probe.mine(), other) >= 4
          && CitationTerms.longestCommonRun(probe.words(), words(at, pair)) >= VERBATIM_RUN) {
        return 1; // the same words for a whole clause: a quote or a copied statement
      }
      double[] f = features(probe, other, at, pair);
      double z = params.model()[0];
      for (int k = 0; k < f.length; k++) {
        z += params.model()[k + 1] * f[k];
      }
      return 1 / (1 + Math.exp(-z));
    }

    /**
     * Evidence that {@code other} (sentence {@code at}, or it and the next) states the summary
     * sentence: shares of both sides' weight covered, adjacent pairs, shared count, figures, names,
     * lead position, pair, length ratio, figures with the same counted word, the share of the
     * sentence's weight anywhere in the other article, whether the sentence's rarest word is
     * shared, how much the two articles tell the same story, the quoted words shared, and the
     * shares of both sides' content words (unweighted).
     */
    double[] features(Probe probe, Terms other, int at, boolean pair) {
      Terms mine = probe.mine();
      double myMass = probe.myMass();
      double otherMass = weight(other.words());
      double common = sharedWeight(mine, other);
      int shared = sharedCount(mine, other);
      int figuresShared = 0;
      int figuresWithUnit = 0;
      for (Map.Entry<String, String> x : mine.numbers().entrySet()) {
        String unit = other.numbers().get(x.getKey());
        figuresShared += unit != null ? 1 : 0;
        figuresWithUnit += !x.getValue().isEmpty() && x.getValue().equals(unit) ? 1 : 0;
      }
      int myWords = Math.max(1, mine.words().length);
      int otherWords = Math.max(1, other.words().length);
      int document = sentences.get(at).document();
      int[] article = documentWords[document];
      double inArticle = 0;
      double rarestMine = 0;
      double rarestShared = 0;
      for (int w : mine.words()) {
        if (w < 0) {
          continue;
        }
        inArticle += Arrays.binarySearch(article, w) >= 0 ? idf[w] : 0;
        rarestMine = Math.max(rarestMine, idf[w]);
        if (Arrays.binarySearch(other.words(), w) >= 0) {
          rarestShared = Math.max(rarestShared, idf[w]);
        }
      }
      return new double[] {
        myMass <= 0 ? 0 : common / myMass,
        otherMass <= 0 ? 0 : common / otherMass,
        myMass <= 0 ? 0 : bigramEvidence(mine, other) / myMass,
        Math.min(10, shared) / 10.0,
        Math.min(3, figuresShared) / 3.0,
        figuresShared < mine.numbers().size() ? 1 : 0,
        nameOverlap(probe.names(), at, pair),
        sentences.get(at).index() <= 1 ? 1 : 0,
        pair ? 1 : 0,
        (double) Math.min(myWords, otherWords) / Math.max(myWords, otherWords),
        Math.min(2, figuresWithUnit) / 2.0,
        myMass <= 0 ? 0 : inArticle / myMass,
        rarestMine <= 0 ? 0 : rarestShared / rarestMine,
        sameStory(probe, document, otherMass),
        quotedShare(probe.sentence().text(), other),
        (double) shared / myWords,
        (double) shared / otherWords,
        myMass <= 0 || otherMass <= 0 ? 0 : 2 * common / (myMass + otherMass),
        storyBeyond(probe, at, pair)
      };
    }

    /** Share of the summary sentence's names (capitalised words after the first) in the other. */
    private double nameOverlap(List<String> names, int at, boolean pair) {
      if (names.isEmpty()) {
        return 0.5;
      }
      String lower = lowerText(at) + (pair ? " " + lowerText(at + 1) : "");
      int found = 0;
      for (String n : names) {
        found += lower.contains(n) ? 1 : 0;
      }
      return (double) found / names.size();
    }

    private String lowerText(int i) {
      String t = lowered[i];
      if (t == null) {
        t = " " + sentences.get(i).text().toLowerCase(Locale.ROOT) + " ";
        lowered[i] = t;
      }
      return t;
    }

    private List<String> words(int at, boolean pair) {
      List<String> w = new ArrayList<>(Analyzer.CONCEPTS.words(sentences.get(at).text()));
      if (pair) {
        w.addAll(Analyzer.CONCEPTS.words(sentences.get(at + 1).text()));
      }
      return w;
    }

    /**
     * How much two articles are about the same thing: the weight of the content words both use over
     * the weight of those either uses (weighted Jaccard), scaled by the share of the other
     * article's weight outside the sentences compared, so that an article that is little more than
     * the matched sentence gets no credit for agreeing with itself. Clusters that span months hold
     * articles on other events of the same topic, which share names but not the story.
     */
    private double sameStory(Probe probe, int b, double matchedMass) {
      int a = probe.sentence().document();
      if (a < 0 || b < 0 || a >= documents || b >= documents) {
        return 0;
      }
      if (Double.isNaN(probe.story()[b])) {
        probe.story()[b] = jaccard(documentWords[a], documentWords[b]);
      }
      double outside = articleMass[b] <= 0 ? 0 : Math.max(0, 1 - matchedMass / articleMass[b]);
      return outside * probe.story()[b];
    }

    /**
     * The weighted Jaccard of the two articles' content words (the compared sentences count too),
     * or 0 when the other article has fewer than two sentences besides the compared ones: then it
     * tells too little beyond the match to agree with ours.
     */
    private double storyBeyond(Probe probe, int at, boolean pair) {
      int b = sentences.get(at).document();
      int a = probe.sentence().document();
      if (a < 0 || a >= documents || documentSentences[b] < (pair ? 2 : 1) + 2) {
        return 0;
      }
      if (Double.isNaN(probe.story()[b])) {
        probe.story()[b] = jaccard(documentWords[a], documentWords[b]);
      }
      return probe.story()[b];
    }

    private double jaccard(int[] x, int[] y) {
      double both = 0;
      double either = 0;
      int i = 0;
      int j = 0;
      while (i < x.length || j < y.length) {
        int w = j == y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
        boolean inX = i < x.length && x[i] == w;
        boolean inY = j < y.length && y[j] == w;
        // the two sentences compared count too (leaving them out lost a third of the recall)
        either += idf[w];
        both += inX && inY ? idf[w] : 0;
        i += inX ? 1 : 0;
        j += inY ? 1 : 0;
      }
      return either <= 0 ? 0 : both / either;
    }

    private double quotedShare(String text, Terms other) {
      String quoted = CitationTerms.quoted(text);
      if (quoted.isEmpty()) {
        return 0.5;
      }
      Terms q = Terms.of(quoted, vocab, false);
      double all = 0;
      double shared = 0;
      for (int w : q.words()) {
        if (w >= 0) {
          all += idf[w];
          shared += Arrays.binarySearch(other.words(), w) >= 0 ? idf[w] : 0;
        }
      }
      return all <= 0 ? 0.5 : shared / all;
    }

    /** The terms of a matched sentence, or of it and the next one when the match is a pair. */
    private Terms matchedTerms(int sentence, boolean pair) {
      return pair ? Terms.union(terms.get(sentence), terms.get(sentence + 1)) : terms.get(sentence);
    }

    /**
     * Features of every candidate per document (an empty list where none), for training: the model
     * is fitted on each labelled article's best candidate (datasets/citations/train.py).
     */
    public List<List<double[]>> candidateFeatures(Sentence sentence) {
      List<List<double[]>> out = new ArrayList<>();
      for (int d = 0; d < documents; d++) {
        out.add(new ArrayList<>());
      }
      Probe probe = probe(sentence);
      for (int[] c : candidates(sentence, probe.mine())) {
        boolean pair = c[1] != c[0];
        Terms other = matchedTerms(c[0], pair);
        if (agree(probe.mine(), other)) {
          out.get(sentences.get(c[0]).document()).add(features(probe, other, c[0], pair));
        }
      }
      return out;
    }

    private double score(Terms mine, double myMass, Terms other, double common, double otherMass) {
      double a = params.summaryShare();
      double denominator = a * myMass + (1 - a) * otherMass;
      return denominator <= 0 ? 0 : Math.min(1, common / denominator);
    }

    /** Shared adjacent content-word pairs, each worth a share of its lighter word's weight. */
    private double bigramEvidence(Terms mine, Terms other) {
      if (params.bigramWeight() == 0) {
        return 0;
      }
      double v = 0;
      for (long k : mine.bigrams()) {
        if (Arrays.binarySearch(other.bigrams(), k) >= 0) {
          int a = (int) (k >>> 32);
          int b = (int) k;
          v += params.bigramWeight() * Math.min(idf[a], idf[b]);
        }
      }
      return v;
    }

    private double sharedWeight(Terms mine, Terms other) {
      double v = 0;
      for (int w : mine.words()) {
        if (w >= 0 && Arrays.binarySearch(other.words(), w) >= 0) {
          v += idf[w];
        }
      }
      return v;
    }

    private static int sharedCount(Terms mine, Terms other) {
      int c = 0;
      for (int w : mine.words()) {
        if (w >= 0 && Arrays.binarySearch(other.words(), w) >= 0) {
          c++;
        }
      }
      return c;
    }

    private double weight(int[] words) {
      double v = 0;
      for (int w : words) {
        v += w >= 0 && w < idf.length ? idf[w] : maxIdf();
      }
      return v;
    }

    private double maxIdf() {
      return Math.log(1 + Math.max(1, sentences.size()));
    }
  }

  /** True unless the two disagree on a figure (see {@link CitationFigures#agree}). */
  static boolean agree(Terms mine, Terms other) {
    return CitationFigures.agree(mine.numbers(), other.numbers());
  }

  /** Lower-cased word bigrams of a text (kept for callers comparing raw overlap). */
  static Set<String> bigrams(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> out = new HashSet<>();
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
