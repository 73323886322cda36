package dev.precis.story;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Settings of {@link StoryClusterer}. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * StoryOptions o = StoryOptions.defaults().withThreshold(0.3);
 * }</pre>
 *
 * @param threshold with the hand rule ({@code scorer} null): an article joins the most similar
 *     event when its similarity (cosine of TF-IDF vectors, times the time decay) is at least this,
 *     else it starts a new event. Higher means smaller, purer events
 * @param undatedMargin an undated article needs this much more similarity: without a date, the text
 *     alone must tell same-topic stories apart (tuned on Multi-News with and without dates: 0.22
 *     without, 0.14 with)
 * @param mergeThreshold two stories merge when an article reaches both and their centroids are at
 *     least this similar
 * @param duplicateJaccard articles whose estimated word-3-shingle Jaccard similarity is at least
 *     this are copies of each other (syndication, light rewrites)
 * @param duplicateContainment also copies when this share of the shorter article's shingles appears
 *     in the longer one (a copy that was cut or extended)
 * @param entityBoost weight multiplier of capitalised words (names) in article vectors
 * @param grace articles this close in time to a story's mean time are not penalised
 * @param halfLife beyond the grace period the similarity halves every {@code halfLife}, so
 *     same-topic articles from different days form different stories
 * @param closeAfter a story that has not grown for this long (in article time) is closed and its
 *     state dropped: memory stays bounded on endless streams
 * @param maxActiveStories most open events kept; the least recently updated closes first
 * @param linkThreshold an article that starts a new event links it into the story (thread) of the
 *     open event it is most similar to, without time decay, when that similarity is at least this
 * @param linkageThreshold at the end of the input, two open events whose articles are all undated
 *     merge when the mean over their articles of the probability that each joins the other event,
 *     over its model's joining threshold, is at least this ({@link EventLinkage}; 1, the models'
 *     own joining probabilities, was best on the tune streams); only with {@code scorer}
 * @param scorer decides whether an article joins an event (a probability learned from the
 *     development streams, {@link EventScorer#learned()}); {@code null} uses the hand rule instead:
 *     similarity times time decay and conflict factors against {@code threshold} and {@code
 *     undatedMargin}
 */
public record StoryOptions(
    double threshold,
    double undatedMargin,
    double mergeThreshold,
    double duplicateJaccard,
    double duplicateContainment,
    double entityBoost,
    Duration grace,
    Duration halfLife,
    Duration closeAfter,
    int maxActiveStories,
    double linkThreshold,
    double linkageThreshold,
    EventScorer scorer) {

  /**
   * Default similarity threshold: the best on the tuning half of Multi-News validation as a dated
   * stream of about 90 stories a day ({@code eval-stories --times synthetic --days 30}).
   */
  public static final double DEFAULT_THRESHOLD = 0.14;

  /** Default {@link #linkThreshold}. */
  public static final double DEFAULT_LINK_THRESHOLD = 0.3;

  /** Default {@link #linkageThreshold}. */
  public static final double DEFAULT_LINKAGE_THRESHOLD = 1.0;

  public StoryOptions {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
    }
    if (!(duplicateJaccard > 0 && duplicateJaccard <= 1)) {
      throw new IllegalArgumentException("duplicate Jaccard threshold must be in (0, 1]");
    }
    if (!(undatedMargin >= 0)) {
      throw new IllegalArgumentException("undated margin must not be negative");
    }
    if (maxActiveStories < 1) {
      throw new IllegalArgumentException("maxActiveStories must be at least 1");
    }
    if (!(linkageThreshold > 0)) {
      throw new IllegalArgumentException(
          "linkage threshold must be above 0, got " + linkageThreshold);
    }
  }

  public static StoryOptions defaults() {
    return new StoryOptions(
        DEFAULT_THRESHOLD,
        0.08,
        0.5,
        0.5,
        0.8,
        1.5,
        Duration.ofHours(12),
        Duration.ofHours(12),
        Duration.ofDays(3),
        200_000,
        DEFAULT_LINK_THRESHOLD,
        DEFAULT_LINKAGE_THRESHOLD,
        EventScorer.learned());
  }

  public StoryOptions withThreshold(double t) {
    return edit(o -> o.threshold = t);
  }

  public StoryOptions withUndatedMargin(double m) {
    return edit(o -> o.undatedMargin = m);
  }

  public StoryOptions withMergeThreshold(double t) {
    return edit(o -> o.mergeThreshold = t);
  }

  public StoryOptions withEntityBoost(double b) {
    return edit(o -> o.entityBoost = b);
  }

  public StoryOptions withCloseAfter(Duration d) {
    return edit(o -> o.closeAfter = d);
  }

  public StoryOptions withMaxActiveStories(int n) {
    return edit(o -> o.maxActiveStories = n);
  }

  public StoryOptions withGrace(Duration d) {
    return edit(o -> o.grace = d);
  }

  public StoryOptions withHalfLife(Duration d) {
    return edit(o -> o.halfLife = d);
  }

  public StoryOptions withLinkThreshold(double t) {
    return edit(o -> o.linkThreshold = t);
  }

  public StoryOptions withLinkageThreshold(double t) {
    return edit(o -> o.linkageThreshold = t);
  }

  /** These options deciding with {@code s} ({@code null}: the hand rule on {@link #threshold}). */
  public StoryOptions withScorer(EventScorer s) {
    return edit(o -> o.scorer = s);
  }

  /** One copy-and-change for every wither, so a new field is added in two places, not ten. */
  private StoryOptions edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new StoryOptions(
        d.threshold,
        d.undatedMargin,
        d.mergeThreshold,
        d.duplicateJaccard,
        d.duplicateContainment,
        d.entityBoost,
        d.grace,
        d.halfLife,
        d.closeAfter,
        d.maxActiveStories,
        d.linkThreshold,
        d.linkageThreshold,
        d.scorer);
  }

  /** The fields of the options being changed; checked again by the canonical constructor. */
  private static final class Draft {
    double threshold;
    double undatedMargin;
    double mergeThreshold;
    double duplicateJaccard;
    double duplicateContainment;
    double entityBoost;
    Duration grace;
    Duration halfLife;
    Duration closeAfter;
    int maxActiveStories;
    double linkThreshold;
    double linkageThreshold;
    EventScorer scorer;

    Draft(StoryOptions o) {
      threshold = o.threshold;
      undatedMargin = o.undatedMargin;
      mergeThreshold = o.mergeThreshold;
      duplicateJaccard = o.duplicateJaccard;
      duplicateContainment = o.duplicateContainment;
      entityBoost = o.entityBoost;
      grace = o.grace;
      halfLife = o.halfLife;
      closeAfter = o.closeAfter;
      maxActiveStories = o.maxActiveStories;
      linkThreshold = o.linkThreshold;
      linkageThreshold = o.linkageThreshold;
      scorer = o.scorer;
    }
  }
}
