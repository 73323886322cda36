package dev.precis.eval;

import dev.precis.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * An endless-feeling, time-ordered stream of articles with known stories, scaled up from a small
 * set of real clusters (Multi-News): every synthetic story is a real cluster whose articles are
 * perturbed (each word dropped with probability 0.15, replaced by a word of another article with
 * probability 0.05), given new ids, outlets and times within a day of the story's start, and
 * sometimes syndicated (a near-exact copy under another outlet, an hour later). Clusters are reused
 * in rounds (reshuffled each round), so the same topic comes back every few days as a different
 * story, which only time tells apart.
 *
 * <p>Generated lazily with bounded memory: articles wait in a small time-ordered buffer only until
 * no earlier one can still come.
 */
public final class SyntheticStoryStream implements Iterator<SyntheticStoryStream.Labeled> {
  /** An article and the number of the synthetic story it belongs to. */
  public record Labeled(Article article, int story) {}

  private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final List<StoryStreamEvaluation.Cluster> clusters;
  private final long total;
  private final double storiesPerDay;
  private final SplittableRandom random;
  private final PriorityQueue<Labeled> buffer =
      new PriorityQueue<>(
          (a, b) -> {
            int c = a.article().published().compareTo(b.article().published());
            return c != 0 ? c : a.article().id().compareTo(b.article().id());
          });
  private final List<Integer> order = new ArrayList<>();
  private final String[] sampleWords;
  private int orderPos;
  private int nextStory;
  private long generated;
  private long emitted;
  private double storyClock;

  /**
   * @param clusters real clusters to scale up
   * @param articles how many articles to deliver (copies included)
   * @param days over how many days they are spread
   * @param seed random seed: the same seed gives the same stream
   */
  public SyntheticStoryStream(
      List<StoryStreamEvaluation.Cluster> clusters, long articles, int days, long seed) {
    if (clusters.isEmpty()) {
      throw new IllegalArgumentException("no clusters to scale up");
    }
    this.clusters = clusters;
    this.total = articles;
    this.random = new SplittableRandom(seed);
    double perStory = 0;
    for (StoryStreamEvaluation.Cluster c : clusters) {
      perStory += c.documents().size();
    }
    perStory = perStory / clusters.size() * 1.1; // + syndicated copies
    this.storiesPerDay = articles / perStory / Math.max(1, days);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < Math.min(clusters.size(), 200); i++) {
      for (String w : clusters.get(i).documents().get(0).split("\\s+")) {
        words.add(w);
      }
    }
    this.sampleWords = words.toArray(new String[0]);
  }

  @Override
  public boolean hasNext() {
    return emitted < total;
  }

  @Override
  public Labeled next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    // a story's articles fall within a day of its start: once stories start a day after the
    // earliest buffered article, nothing earlier can come any more
    while (generated < total
        && (buffer.isEmpty()
            || storyClock
                < buffer.peek().article().published().toEpochMilli()
                    - START.toEpochMilli()
                    + DAY_MILLIS)) {
      generateStory();
    }
    emitted++;
    return buffer.poll();
  }

  private void generateStory() {
    if (orderPos == order.size()) {
      order.clear();
      for (int i = 0; i < clusters.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new java.util.Random(random.nextLong()));
      orderPos = 0;
    }
    StoryStreamEvaluation.Cluster c = clusters.get(order.get(orderPos++));
    int story = nextStory++;
    storyClock += DAY_MILLIS / storiesPerDay;
    long start = START.toEpochMilli() + (long) storyClock;
    for (int d = 0; d < c.documents().size() && generated < total; d++) {
      long t = start + random.nextLong(DAY_MILLIS);
      String outlet = "outlet-" + random.nextInt(500);
      String text = perturb(c.documents().get(d), 0.15, 0.05);
      add(story, text, t, outlet);
      if (random.nextDouble() < 0.1 && generated < total) {
        add(story, perturb(text, 0.01, 0.01), t + 3_600_000, "outlet-" + random.nextInt(500));
      }
    }
  }

  private void add(int story, String text, long millis, String outlet) {
    String id = "syn-" + generated++;
    Article a = new Article(id, null, text, null, outlet, Instant.ofEpochMilli(millis), null, id);
    buffer.add(new Labeled(a, story));
  }

  private String perturb(String text, double drop, double replace) {
    StringBuilder b = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      int s = i;
      while (i < n && text.charAt(i) != ' ') {
        i++;
      }
      if (s == i) {
        break;
      }
      double r = random.nextDouble();
      if (r < drop) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      if (r < drop + replace) {
        b.append(sampleWords[random.nextInt(sampleWords.length)]);
      } else {
        b.append(text, s, i);
      }
    }
    return b.toString();
  }
}
