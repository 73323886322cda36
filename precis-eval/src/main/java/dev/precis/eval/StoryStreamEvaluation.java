package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.InputException;
import dev.precis.model.Article;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Evaluates story clustering on a stream built from multi-document summarization clusters
 * (Multi-News: one cluster = one story, all its articles): the articles of all clusters are
 * shuffled with a seed, fed to a {@link StoryClusterer}, and the stories it finds are scored with
 * {@link BCubed} against the clusters.
 *
 * <p>Multi-News has no dates. {@link Times#SAME} leaves the articles undated, so only the text
 * decides (the hard case: many clusters share a topic); {@link Times#SYNTHETIC} gives each cluster
 * a random day in one year and its articles random times within 24 hours of it, and sorts the
 * stream by time, like a real feed.
 */
public final class StoryStreamEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  private StoryStreamEvaluation() {}

  /** How articles get publication times. */
  public enum Times {
    SAME,
    SYNTHETIC
  }

  /** A gold cluster: its id and its articles' texts. */
  public record Cluster(String id, List<String> documents) {}

  /** An article of the stream and the id of the gold cluster it came from. */
  public record Item(Article article, String gold) {}

  /** Tuning and test halves of the clusters. */
  public record Split(List<Cluster> tune, List<Cluster> test) {}

  /** The outcome of one run. */
  public record Run(double threshold, BCubed score, int stories, int duplicates) {}

  /** Reads clusters from JSON Lines ({@code id}, {@code documents}), gzip accepted. */
  public static List<Cluster> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    List<Cluster> out = new ArrayList<>();
    try (BufferedReader r = EvalDatasets.openText(file)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        JsonNode docs = node.get("documents");
        if (docs == null || !docs.isArray()) {
          throw new InputException(file + ":" + lineNo + ": expected a \"documents\" array");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode d : docs) {
          String t = d.isTextual() ? d.asText() : d.path("text").asText("");
          if (!t.isBlank()) {
            texts.add(t);
          }
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : String.valueOf(lineNo);
        if (!texts.isEmpty()) {
          out.add(new Cluster(id, List.copyOf(texts)));
        }
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return out;
  }

  /**
   * Removes documents that are not news articles but page furniture shared by many clusters: any
   * document whose opening (first 100 letters and digits, lower-cased) occurs in more than one
   * cluster. In Multi-News validation these are 1,236 of 15,317 documents: Internet Archive crawl
   * notices, Twitter widgets, paywall and newsletter messages. Identical texts labelled with
   * different stories cannot be told apart by any clusterer.
   */
  public static List<Cluster> withoutSharedDocuments(List<Cluster> clusters) {
    Map<String, String> firstCluster = new HashMap<>();
    Map<String, Boolean> shared = new HashMap<>();
    for (Cluster c : clusters) {
      for (String d : c.documents()) {
        String k = opening(d);
        String prev = firstCluster.putIfAbsent(k, c.id());
        if (prev != null && !prev.equals(c.id())) {
          shared.put(k, true);
        }
      }
    }
    List<Cluster> out = new ArrayList<>();
    for (Cluster c : clusters) {
      List<String> kept = new ArrayList<>();
      for (String d : c.documents()) {
        if (!shared.containsKey(opening(d))) {
          kept.add(d);
        }
      }
      if (!kept.isEmpty()) {
        out.add(new Cluster(c.id(), List.copyOf(kept)));
      }
    }
    return out;
  }

  private static String opening(String text) {
    StringBuilder b = new StringBuilder(100);
    boolean space = false;
    for (int i = 0; i < text.length() && b.length() < 100; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        b.append(Character.toLowerCase(c));
        space = false;
      } else {
        space = true;
      }
    }
    return b.toString();
  }

  /** Splits clusters at random (seeded) into a tuning half and a test half. */
  public static Split split(List<Cluster> clusters, long seed) {
    List<Cluster> shuffled = new ArrayList<>(clusters);
    Collections.shuffle(shuffled, new Random(seed));
    int half = shuffled.size() / 2;
    return new Split(
        List.copyOf(shuffled.subList(0, half)),
        List.copyOf(shuffled.subList(half, shuffled.size())));
  }

  /** The articles of the clusters as one stream in seeded random (or time) order, one year. */
  public static List<Item> stream(List<Cluster> clusters, long seed, Times times) {
    return stream(clusters, seed, times, 365);
  }

  /**
   * The articles of the clusters as one stream in seeded random order; with {@link Times#SYNTHETIC}
   * each cluster starts on a random day of {@code days} and the stream is in time order.
   */
  public static List<Item> stream(List<Cluster> clusters, long seed, Times times, int days) {
    Random random = new Random(seed);
    List<Item> items = new ArrayList<>();
    Map<String, Instant> when = new HashMap<>();
    for (Cluster c : clusters) {
      Instant day = EPOCH.plus(Duration.ofDays(random.nextInt(days)));
      for (int i = 0; i < c.documents().size(); i++) {
        Instant t = times == Times.SAME ? null : day.plusSeconds(random.nextInt(24 * 3600));
        String id = c.id() + "#" + i;
        items.add(
            new Item(new Article(id, null, c.documents().get(i), null, null, t, null, id), c.id()));
        if (t != null) {
          when.put(id, t);
        }
      }
    }
    Collections.shuffle(items, random);
    if (times == Times.SYNTHETIC) {
      items.sort(
          Comparator.comparing(it -> when.get(it.article().id()))); // stable: ties keep the shuffle
    }
    return items;
  }

  /** Clusters the stream and scores the stories against the gold clusters. */
  public static Run run(List<Item> stream, StoryOptions options) {
    Map<String, Long> predicted = new HashMap<>();
    int[] duplicates = {0};
    int[] stories = {0};
    StoryClusterer clusterer =
        new StoryClusterer(
            options,
            story -> {
              stories[0]++;
              for (String id : story.articleIds()) {
                predicted.put(id, story.id());
              }
              duplicates[0] += story.articles().size() - story.canonicalIds().size();
            });
    for (Item it : stream) {
      clusterer.add(it.article());
    }
    clusterer.closeAll();
    List<String> gold = new ArrayList<>(stream.size());
    List<Long> pred = new ArrayList<>(stream.size());
    for (Item it : stream) {
      gold.add(it.gold());
      pred.add(predicted.get(it.article().id()));
    }
    return new Run(options.threshold(), BCubed.score(gold, pred), stories[0], duplicates[0]);
  }

  /** Runs every threshold on the stream; returns the runs in threshold order. */
  public static List<Run> sweep(List<Item> stream, StoryOptions base, List<Double> thresholds) {
    List<Run> runs = new ArrayList<>();
    for (double t : thresholds) {
      runs.add(run(stream, base.withThreshold(t)));
    }
    return runs;
  }

  /** The run with the best F1 (ties: the lower threshold). */
  public static Run best(List<Run> runs) {
    Run best = null;
    for (Run r : runs) {
      if (best == null || r.score().f1() > best.score().f1()) {
        best = r;
      }
    }
    return best;
  }

  /**
   * The outcome of grouping a labeled stream: B-cubed of the events against the gold events, and of
   * the stories against the gold stories ({@code null} when the stream has no story labels).
   */
  public record LabeledRun(BCubed events, BCubed stories, int eventCount, int storyCount) {}

  /** Groups a labeled stream into events and stories and scores both against the gold labels. */
  public static LabeledRun runLabeled(List<LabeledStream.Item> stream, StoryOptions options) {
    Map<String, Long> eventOf = new HashMap<>();
    Map<String, Long> storyOf = new HashMap<>();
    int[] counts = {0, 0};
    StoryClusterer clusterer =
        new StoryClusterer(
            options,
            story -> {
              counts[1]++;
              for (dev.precis.story.StoryEvent e : story.events()) {
                counts[0]++;
                for (String id : e.articleIds()) {
                  eventOf.put(id, e.id());
                  storyOf.put(id, story.id());
                }
              }
            });
    for (LabeledStream.Item it : stream) {
      clusterer.add(it.article());
    }
    clusterer.closeAll();
    List<String> goldEvents = new ArrayList<>();
    List<Long> events = new ArrayList<>();
    List<String> goldStories = new ArrayList<>();
    List<Long> stories = new ArrayList<>();
    for (LabeledStream.Item it : stream) {
      String id = it.article().id();
      if (it.event() != null) {
        goldEvents.add(it.event());
        events.add(eventOf.get(id));
      }
      // without story gold, stories are scored against the events: what linking costs a reader
      // who takes each story for one happening
      String goldStory = it.story() != null ? it.story() : it.event();
      if (goldStory != null) {
        goldStories.add(goldStory);
        stories.add(storyOf.get(id));
      }
    }
    return new LabeledRun(
        BCubed.score(goldEvents, events),
        goldStories.isEmpty() ? null : BCubed.score(goldStories, stories),
        counts[0],
        counts[1]);
  }
}
