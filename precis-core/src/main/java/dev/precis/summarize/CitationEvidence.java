package dev.precis.summarize;

import dev.precis.summarize.CitationTerms.Terms;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The sentences of a document set as {@link CitationFinder} compares them: content-word postings
 * weighted by inverse sentence frequency, each article's words, and the features of a (summary
 * sentence, candidate) pair that {@link CitationModel} judges.
 */
final class CitationEvidence {

  /**
   * Features that also enter multiplied by {@code story_beyond}: how much a sentence pair's overlap
   * says depends on whether the two articles tell the same story (cross-validated on the tune half:
   * average precision 0.71 -> 0.73; README "Citations").
   */
  private static final List<String> GATED =
      List.of(
          "cover_mine",
          "cover_other",
          "shared_count",
          "names",
          "vector_cosine",
          "align_mine",
          "align_other");

  /**
   * Features of the sentence's place in its cluster rather than of the pair: a claim that many
   * articles echo, and short articles (each sentence a lead), are stated by more of them.
   */
  private static final List<String> CONTEXT =
      List.of(
          "echo", // share of the other articles with a candidate for the sentence
          "echo_count", // other articles with a candidate (up to ten), over ten
          "article_short"); // 1 / the candidate article's sentences

  /**
   * The features of a pair, in the order {@link #features} gives them and the model weighs them.
   */
  static final List<String> FEATURES =
      withAlignment(
          List.of(
              "cover_mine", // share of the summary sentence's weight the candidate has
              "cover_other", // share of the candidate's weight the summary sentence has
              "bigrams", // shared adjacent content-word pairs, over the sentence's weight
              "shared_count", // shared content words (up to ten), over ten
              "figures_shared", // shared figures (up to three), over three
              "figure_missing", // the candidate lacks one of the sentence's figures
              "names", // share of the sentence's names the candidate has
              "lead", // the candidate opens its article
              "pair", // the candidate is two adjacent sentences
              "length_ratio", // shorter over longer, in content words
              "figures_with_unit", // figures with the same counted word ("80 people")
              "in_article", // share of the sentence's weight anywhere in the candidate's article
              "rarest_shared", // rarity of the rarest shared word over the sentence's rarest
              "same_story", // the two articles' weighted Jaccard, beyond the matched sentence
              "quoted", // share of the weight of the sentence's quoted words the candidate has
              "share_mine_words", // shared over the sentence's content words, unweighted
              "share_other_words", // shared over the candidate's content words, unweighted
              "dice", // shared weight over both sides' mean weight
              "story_beyond", // the articles' weighted Jaccard, 0 for a short article
              "lexical")); // shared weight and word pairs over both sides' mean weight, at most 1

  private static List<String> withAlignment(List<String> own) {
    List<String> all = new ArrayList<>(own);
    all.addAll(CitationAlignment.FEATURES);
    for (String f : GATED) {
      all.add(f + "_x_story");
    }
    all.addAll(CONTEXT);
    return List.copyOf(all);
  }

  private static final int STORY_BEYOND = FEATURES.indexOf("story_beyond");

  /** Where the alignment features start. */
  private static final int ALIGNED = FEATURES.indexOf(CitationAlignment.FEATURES.get(0));

  /** Where the products with story_beyond start. */
  private static final int STORY = FEATURES.indexOf(GATED.get(0) + "_x_story");

  /** The feature each product with story_beyond multiplies. */
  private static final int[] GATED_FROM = GATED.stream().mapToInt(FEATURES::indexOf).toArray();

  /**
   * Per feature, which alignment feature it is or multiplies (0 the cosine, 1 and 2 the shares); -1
   * for the others.
   */
  private static final int[] ALIGNMENT_OF = new int[FEATURES.size()];

  static {
    Arrays.fill(ALIGNMENT_OF, -1);
    for (int a = 0; a < CitationAlignment.FEATURES.size(); a++) {
      ALIGNMENT_OF[ALIGNED + a] = a;
    }
    for (int g = 0; g < GATED.size(); g++) {
      int a = GATED_FROM[g] - ALIGNED;
      if (a >= 0 && a < CitationAlignment.FEATURES.size()) {
        ALIGNMENT_OF[STORY + g] = a;
      }
    }
  }

  final List<Sentence> sentences = new ArrayList<>();
  final List<Terms> terms = new ArrayList<>();

  /** The words of each sentence, as {@link Analyzer#words} gives them. */
  final List<List<String>> tokens = new ArrayList<>();

  final Map<String, Integer> vocab = new HashMap<>();
  final double[] idf;
  final int documents;
  private final double bigramWeight;
  private final int[][] postings;

  /** Distinct content-word ids of each document, sorted. */
  private final int[][] documentWords;

  /** The number of sentences of each document. */
  private final int[] documentSentences;

  /** The weight of each document's distinct content words. */
  private final double[] articleMass;

  /** Each sentence lower-cased with a space either side, filled on first use. */
  private final String[] lowered;

  /** The terms of each sentence and the next together, filled on first use. */
  private final Terms[] pairTerms;

  /** The words of each sentence and the next together, filled on first use. */
  private final List<String>[] pairWords;

  private final CitationAlignment alignment;

  /**
   * @param all the sentences of every document
   * @param documents how many documents (one more than the highest document index)
   * @param vectors a word's vector (null when unknown), or null: no vector features
   */
  CitationEvidence(
      List<Sentence> all,
      int documents,
      double numberWeight,
      double bigramWeight,
      Function<String, float[]> vectors) {
    this.bigramWeight = bigramWeight;
    this.documents = documents;
    sentences.addAll(all);
    List<int[]> growing = new ArrayList<>();
    int[] df = new int[16];
    for (int i = 0; i < sentences.size(); i++) {
      List<String> words = Analyzer.CONCEPTS.words(sentences.get(i).text());
      tokens.add(words);
      Terms t = Terms.of(sentences.get(i).text(), words, vocab, true);
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
        idf[e.getValue()] *= numberWeight;
      }
    }
    documentWords = new int[documents][];
    List<TreeMap<Integer, Integer>> counts = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      counts.add(new TreeMap<>());
    }
    documentSentences = new int[documents];
    for (int i = 0; i < sentences.size(); i++) {
      int d = sentences.get(i).document();
      documentSentences[d]++;
      for (int w : terms.get(i).words()) {
        counts.get(d).merge(w, 1, Integer::sum);
      }
    }
    articleMass = new double[documents];
    for (int d = 0; d < documents; d++) {
      documentWords[d] = counts.get(d).keySet().stream().mapToInt(Integer::intValue).toArray();
      for (int w : documentWords[d]) {
        articleMass[d] += idf[w];
      }
    }
    lowered = new String[sentences.size()];
    pairTerms = new Terms[sentences.size()];
    @SuppressWarnings("unchecked")
    List<String>[] words = new List[sentences.size()];
    pairWords = words;
    alignment = new CitationAlignment(this, vectors);
  }

  /** What is computed once per summary sentence for judging its candidates. */
  record Probe(
      Sentence sentence,
      Terms mine,
      double myMass,
      List<String> names,
      List<String> words,
      double[] story,
      CitationAlignment.Side side,
      Terms quoted,
      int echoes) {
    /** The same probe, knowing how many other articles have a candidate for the sentence. */
    Probe withEchoes(int n) {
      return new Probe(sentence, mine, myMass, names, words, story, side, quoted, n);
    }
  }

  Probe probe(Sentence sentence) {
    List<String> words = Analyzer.CONCEPTS.words(sentence.text());
    Terms mine = Terms.of(sentence.text(), words, vocab, false);
    double[] story = new double[documents];
    Arrays.fill(story, Double.NaN);
    String quoted = CitationTerms.quoted(sentence.text());
    return new Probe(
        sentence,
        mine,
        weight(mine.words()),
        CitationTerms.names(sentence.text()),
        words,
        story,
        alignment.side(words),
        quoted.isEmpty() ? null : Terms.of(quoted, vocab, false),
        0);
  }

  /**
   * The sentences of other articles than the probe's that share content words with it, in sentence
   * order, each with how many it shares: the one walk over the postings that finding candidates
   * needs.
   */
  Sharing sharing(Probe probe) {
    int[] count = new int[sentences.size()];
    int[] found = new int[16];
    int n = 0;
    for (int w : probe.mine().words()) {
      if (w < 0) {
        continue; // a word no indexed sentence has
      }
      int[] list = postings[w];
      for (int j = 1; j <= list[0]; j++) {
        int i = list[j];
        if (sentences.get(i).document() != probe.sentence().document() && count[i]++ == 0) {
          if (n == found.length) {
            found = Arrays.copyOf(found, 2 * n);
          }
          found[n++] = i;
        }
      }
    }
    int[] sorted = Arrays.copyOf(found, n);
    Arrays.sort(sorted);
    return new Sharing(count, sorted);
  }

  /**
   * The sentences sharing content words with a probe, in sentence order, and how many each shares
   * (indexed by sentence; 0 for the others).
   */
  record Sharing(int[] count, int[] sentences) {}

  /** The terms of a matched sentence, or of it and the next one when the match is a pair. */
  Terms matchedTerms(int sentence, boolean pair) {
    if (!pair) {
      return terms.get(sentence);
    }
    if (pairTerms[sentence] == null) {
      pairTerms[sentence] = Terms.union(terms.get(sentence), terms.get(sentence + 1));
    }
    return pairTerms[sentence];
  }

  /** The content words of sentence {@code at}, and of the next one too for a pair. */
  List<String> words(int at, boolean pair) {
    if (!pair) {
      return tokens.get(at);
    }
    if (pairWords[at] == null) {
      List<String> w = new ArrayList<>(tokens.get(at));
      w.addAll(tokens.get(at + 1));
      pairWords[at] = w;
    }
    return pairWords[at];
  }

  /**
   * The features of {@code other} (sentence {@code at}, or it and the next) against the summary
   * sentence, named by {@link #FEATURES}.
   */
  double[] features(Probe probe, Terms other, int at, boolean pair) {
    double[] out = withoutAlignment(probe, other, at, pair);
    addAlignment(out, probe, at, pair);
    return out;
  }

  /**
   * The features of {@link #features} with those of {@link CitationAlignment} (and their products
   * with {@code story_beyond}) left 0: all that is cheap to compute.
   */
  double[] withoutAlignment(Probe probe, Terms other, int at, boolean pair) {
    Terms mine = probe.mine();
    double myMass = probe.myMass();
    double otherMass = weight(other.words());
    double common = sharedWeight(mine, other);
    double bigrams = bigramEvidence(mine, other);
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
    double bothMass = myMass + otherMass;
    double[] own = {
      myMass <= 0 ? 0 : common / myMass,
      otherMass <= 0 ? 0 : common / otherMass,
      myMass <= 0 ? 0 : bigrams / myMass,
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
      quotedShare(probe.quoted(), other),
      (double) shared / myWords,
      (double) shared / otherWords,
      bothMass <= 0 ? 0 : 2 * common / bothMass,
      storyBeyond(probe, at, pair),
      bothMass <= 0 ? 0 : Math.min(1, 2 * (common + bigrams) / bothMass)
    };
    double[] out = Arrays.copyOf(own, FEATURES.size());
    for (int g = 0; g < GATED.size(); g++) {
      out[STORY + g] = out[GATED_FROM[g]] * own[STORY_BEYOND];
    }
    int context = STORY + GATED.size();
    int others = Math.max(1, documents - 1);
    out[context] = Math.min(1, (double) probe.echoes() / others);
    out[context + 1] = Math.min(10, probe.echoes()) / 10.0;
    out[context + 2] = 1.0 / Math.max(1, documentSentences[document]);
    return out;
  }

  /** Fills in the features of {@link CitationAlignment} and their products with story_beyond. */
  void addAlignment(double[] out, Probe probe, int at, boolean pair) {
    double[] aligned = alignment.features(probe.side(), at, pair);
    System.arraycopy(aligned, 0, out, ALIGNED, aligned.length);
    for (int g = 0; g < GATED.size(); g++) {
      if (GATED_FROM[g] >= ALIGNED && GATED_FROM[g] < ALIGNED + aligned.length) {
        out[STORY + g] = out[GATED_FROM[g]] * out[STORY_BEYOND];
      }
    }
  }

  /**
   * Whether {@code model} scores the candidate below {@code threshold} whatever its alignment
   * features: with features from {@link #withoutAlignment}, each alignment feature (and its product
   * with story_beyond) is given the end of its range that {@code model} weighs most (a cosine in
   * [-1, 1], an alignment share in [0, 1], widened against rounding), so the bound is never below
   * the model's score of the complete features.
   */
  static boolean cannotReach(CitationModel model, double[] partial, double threshold) {
    double[] w = model.weights();
    double z = model.bias();
    double beyond = partial[STORY_BEYOND];
    for (int k = 0; k < w.length; k++) {
      int a = ALIGNMENT_OF[k];
      if (a < 0) {
        z += w[k] * partial[k];
      } else {
        double scale = k >= STORY ? beyond : 1;
        double lo = (a == 0 ? -1.001 : 0) * scale;
        double hi = 1.001 * scale;
        z += Math.max(w[k] * lo, w[k] * hi);
      }
    }
    return 1 / (1 + Math.exp(-(z + 1e-6))) < threshold;
  }

  /** Share of the summary sentence's names (capitalised words after the first) in the other. */
  private double nameOverlap(List<String> names, int at, boolean pair) {
    if (names.isEmpty()) {
      return 0.5;
    }
    int found = 0;
    for (String n : names) {
      // a name is letters and digits: it cannot span the two sentences' padding
      found += lowerText(at).contains(n) || (pair && lowerText(at + 1).contains(n)) ? 1 : 0;
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

  /**
   * How much two articles are about the same thing: the weight of the content words both use over
   * the weight of those either uses (weighted Jaccard), scaled by the share of the other article's
   * weight outside the sentences compared, so that an article that is little more than the matched
   * sentence gets no credit for agreeing with itself. Clusters that span months hold articles on
   * other events of the same topic, which share names but not the story.
   */
  private double sameStory(Probe probe, int b, double matchedMass) {
    int a = probe.sentence().document();
    if (a < 0 || b < 0 || a >= documents || b >= documents) {
      return 0;
    }
    double outside = articleMass[b] <= 0 ? 0 : Math.max(0, 1 - matchedMass / articleMass[b]);
    return outside * storyJaccard(probe, b);
  }

  /**
   * The weighted Jaccard of the two articles' content words, or 0 when the other article has fewer
   * than two sentences besides the compared ones: then it tells too little beyond the match to
   * agree with ours.
   */
  private double storyBeyond(Probe probe, int at, boolean pair) {
    int b = sentences.get(at).document();
    int a = probe.sentence().document();
    if (a < 0 || a >= documents || documentSentences[b] < (pair ? 2 : 1) + 2) {
      return 0;
    }
    return storyJaccard(probe, b);
  }

  private double storyJaccard(Probe probe, int b) {
    if (Double.isNaN(probe.story()[b])) {
      probe.story()[b] = jaccard(documentWords[probe.sentence().document()], documentWords[b]);
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

  /** Share of the weight of the words the sentence quotes ({@code q}) the other has: 0.5 none. */
  private double quotedShare(Terms q, Terms other) {
    if (q == null) {
      return 0.5;
    }
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

  /** Shared adjacent content-word pairs, each worth a share of its lighter word's weight. */
  private double bigramEvidence(Terms mine, Terms other) {
    double v = 0;
    for (long k : mine.bigrams()) {
      if (Arrays.binarySearch(other.bigrams(), k) >= 0) {
        int a = (int) (k >>> 32);
        int b = (int) k;
        v += bigramWeight * Math.min(idf[a], idf[b]);
      }
    }
    return v;
  }

  double sharedWeight(Terms mine, Terms other) {
    double v = 0;
    for (int w : mine.words()) {
      if (w >= 0 && Arrays.binarySearch(other.words(), w) >= 0) {
        v += idf[w];
      }
    }
    return v;
  }

  static int sharedCount(Terms mine, Terms other) {
    int c = 0;
    for (int w : mine.words()) {
      if (w >= 0 && Arrays.binarySearch(other.words(), w) >= 0) {
        c++;
      }
    }
    return c;
  }

  /** The weight of some content words; a word no indexed sentence has weighs the most. */
  double weight(int[] words) {
    double v = 0;
    double unseen = Math.log(1 + Math.max(1, sentences.size()));
    for (int w : words) {
      v += w >= 0 && w < idf.length ? idf[w] : unseen;
    }
    return v;
  }
}
