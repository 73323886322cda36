package dev.precis.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A pass over the events still open at the end of undated input: undated articles come in no order,
 * so each was judged only against what came before it, and two parts of one happening may have
 * grown apart. Here every pair of open events whose articles are all undated and that share
 * heaviest terms (the inverted index, at most {@link StoryClusterer#MAX_CANDIDATES} per article) is
 * judged by the learned scorer over its member pairs: the mean probability that each article of one
 * joins the other (average linkage, both ways), each probability divided by the joining threshold
 * of the article's model (the titled and untitled models' probabilities are on other scales). Pairs
 * at {@code threshold} or more merge, most probable first, each event at most once per round, until
 * a round merges nothing. The same pair scorer that keeps two same-topic events apart while
 * streaming keeps them apart here: a look-alike event of another happening has low probabilities
 * for its members, however alike the centroids.
 *
 * <p>Memory: what the scorer reads of each undated article of an open event ({@link
 * StoryState#undatedMembers}), which goes when its event closes; during the pass, up to {@link
 * #MAX_KNOWN_PAIRS} pair probabilities and each undated article's title-word rarities.
 */
final class EventLinkage {
  /** Rounds at most: each merges disjoint pairs. */
  static final int MAX_ROUNDS = 4;

  /**
   * Pair probabilities kept between rounds at most (about 60 bytes each): past it, further pairs
   * are computed again in each round, which changes the time the pass takes, never its result.
   */
  static final int MAX_KNOWN_PAIRS = 1_000_000;

  private record Link(StoryState a, StoryState b, double probability) {}

  private final EventScorer scorer;
  private final EventIndex index;
  private final TimeDecay decay;
  private final DocumentFrequency df;
  private final double[] buffer = new double[EventScorer.FEATURES.size()];
  private final List<StoryState> candidates = new ArrayList<>();

  /** Each undated article's title-word rarities: the same against every event it is scored on. */
  private final Map<StoryState.Single, double[]> titleWeights = new IdentityHashMap<>();

  private long mark;

  EventLinkage(
      EventScorer scorer, EventIndex index, TimeDecay decay, DocumentFrequency df, long mark) {
    this.scorer = scorer;
    this.index = index;
    this.decay = decay;
    this.df = df;
    this.mark = mark;
  }

  /**
   * Merges the open events ({@code open}, in id order) by average linkage at {@code threshold};
   * {@code merge} moves its second argument into its first. Returns the mark it used last (marks
   * must not repeat in the index).
   */
  long run(
      List<StoryState> open, double threshold, long now, BiConsumer<StoryState, StoryState> merge) {
    // a pair's probability depends on its two events alone (the clock and the document
    // frequencies stand still here), so it is computed once and kept until a merge changes one
    Map<StoryState, Map<StoryState, Double>> known = new IdentityHashMap<>();
    int knownPairs = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Link> links = new ArrayList<>();
      for (StoryState a : open) {
        if (!undatedOnly(a)) {
          continue;
        }
        Map<StoryState, Double> knownOfA = known.computeIfAbsent(a, k -> new IdentityHashMap<>());
        for (StoryState b : neighbours(a)) {
          if (b.id > a.id && undatedOnly(b)) {
            Double cached = knownOfA.get(b);
            double p;
            if (cached != null) {
              p = cached;
            } else {
              p =
                  (sum(a, b, now) + sum(b, a, now))
                      / (a.undatedMembers.size() + b.undatedMembers.size());
              if (knownPairs < MAX_KNOWN_PAIRS) {
                knownOfA.put(b, p);
                knownPairs++;
              }
            }
            if (p >= threshold) {
              links.add(new Link(a, b, p));
            }
          }
        }
      }
      if (links.isEmpty()) {
        break;
      }
      links.sort(
          Comparator.comparingDouble(Link::probability)
              .reversed()
              .thenComparingLong(l -> l.a().id)
              .thenComparingLong(l -> l.b().id));
      int merged = 0;
      Set<StoryState> touched = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Link l : links) {
        if (touched.contains(l.a()) || touched.contains(l.b())) {
          continue;
        }
        // the older event keeps the id; each event takes part in one merge a round, as its
        // members' probabilities were computed before any merge
        merge.accept(l.a(), l.b());
        touched.add(l.a());
        touched.add(l.b());
        merged++;
      }
      known.keySet().removeAll(touched);
      knownPairs = 0;
      for (Map<StoryState, Double> knownOfA : known.values()) {
        knownOfA.keySet().removeAll(touched);
        knownPairs += knownOfA.size();
      }
      open = open.stream().filter(s -> !s.closed).toList();
      if (merged == 0) {
        break;
      }
    }
    return mark;
  }

  /** The open events other than {@code a} that share heaviest terms with its articles. */
  private List<StoryState> neighbours(StoryState a) {
    List<StoryState> out = new ArrayList<>();
    Set<StoryState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (StoryState.Single m : a.undatedMembers) {
      index.candidates(
          m.query(),
          m.vector().weightsOf(m.query()),
          --mark,
          a,
          StoryClusterer.MAX_CANDIDATES,
          candidates);
      for (StoryState c : candidates) {
        if (seen.add(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Sum over the articles of {@code from} of the probability that each joins {@code to}. */
  private double sum(StoryState from, StoryState to, long now) {
    double sum = 0;
    for (StoryState.Single m : from.undatedMembers) {
      TextFeatures f = m.features();
      boolean eventTimed = f.eventDay() != TextFeatures.NO_DAY;
      CandidateFeatures.of(
          buffer,
          decay,
          to.centroid.cosine(m.vector()),
          false,
          m.titled(),
          m.query(),
          now,
          eventTimed,
          f,
          to,
          titleWeights.computeIfAbsent(m, x -> df.idf(x.features().titleTerms())));
      if (!CandidateFeatures.vetoed(buffer, eventTimed)) {
        EventScorer.Model model = scorer.model(false, m.titled());
        sum += model.probability(buffer) / model.threshold();
      }
    }
    return sum;
  }

  /**
   * Whether the event's articles are all undated (its first {@link StoryState#CLOSEST_MEMBERS}
   * remembered).
   */
  private static boolean undatedOnly(StoryState s) {
    return !s.closed && s.timed == 0 && !s.undatedMembers.isEmpty();
  }
}
