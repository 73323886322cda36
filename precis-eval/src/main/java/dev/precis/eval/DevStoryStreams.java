package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.InputException;
import dev.precis.model.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The development streams of event and story grouping, each built by a seeded, repeatable recipe
 * from the shared development data and split into a tuning part and a report part (never tuned on):
 *
 * <ul>
 *   <li>{@code roundups}: the dated story roundups as published (real dates, three outlets a
 *       story); the gold event is the roundup. Stories are split at random (seeded) into halves.
 *   <li>{@code roundups-hard}: the same articles made hard on purpose: the stories of each topic
 *       are pulled close together in time (offsets within a topic divided by four, all topics
 *       starting the same week; shifts are whole weeks, so "on Thursday" still means the right
 *       day), and a third of the articles are follow-ups published one to three days after their
 *       story's date. Same kind of happening on nearby days, one event over several days.
 *   <li>{@code roundups-undated}: the roundups' articles undated, in shuffled order (titled,
 *       multi-source clusters judged on content alone).
 *   <li>{@code multinews-dated}: Multi-News validation clusters, tuning or test half (seed 1),
 *       given synthetic dates over 30 days (about 90 stories a day).
 *   <li>{@code multinews-undated}: the same halves, undated, in shuffled order.
 * </ul>
 */
public final class DevStoryStreams {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** Which half of a data set. */
  public enum Part {
    TUNE,
    REPORT
  }

  /** A named stream. */
  public record Named(String name, List<LabeledStream.Item> items) {}

  private DevStoryStreams() {}

  /**
   * Every development stream of one part.
   *
   * @param shared the shared data folder ({@code ../shared/data})
   */
  public static List<Named> all(Path shared, Part part, long seed) {
    List<Named> out = new ArrayList<>();
    List<Roundup> roundups = readRoundups(shared.resolve("story-roundups/stories.jsonl"));
    List<Roundup> half = half(roundups, part, seed);
    String suffix = "/" + part.name().toLowerCase(java.util.Locale.ROOT);
    out.add(new Named("roundups" + suffix, roundupStream(half)));
    out.add(new Named("roundups-hard" + suffix, hardRoundupStream(half, seed)));
    out.add(new Named("roundups-undated" + suffix, undatedRoundupStream(half, seed)));
    Path multiNews = shared.resolve("multinews-val.jsonl.gz");
    if (Files.isRegularFile(multiNews)) {
      List<StoryStreamEvaluation.Cluster> clusters =
          StoryStreamEvaluation.withoutSharedDocuments(StoryStreamEvaluation.read(multiNews));
      StoryStreamEvaluation.Split split = StoryStreamEvaluation.split(clusters, 1);
      List<StoryStreamEvaluation.Cluster> mine = part == Part.TUNE ? split.tune() : split.test();
      out.add(
          new Named(
              "multinews-dated" + suffix,
              labeled(
                  StoryStreamEvaluation.stream(
                      mine, 1, StoryStreamEvaluation.Times.SYNTHETIC, 30))));
      out.add(
          new Named(
              "multinews-undated" + suffix,
              labeled(StoryStreamEvaluation.stream(mine, 1, StoryStreamEvaluation.Times.SAME))));
    }
    return out;
  }

  /** One roundup story: its date, topic and articles. */
  record Roundup(String id, Instant date, String topic, List<Article> articles) {}

  static List<Roundup> readRoundups(Path file) {
    List<Roundup> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String id = n.get("id").asText();
        Instant date = OffsetDateTime.parse(n.get("date").asText()).toInstant();
        List<Article> arts = new ArrayList<>();
        for (JsonNode a : n.get("articles")) {
          String text = a.path("text").asText("");
          if (text.isBlank()) {
            continue;
          }
          arts.add(
              new Article(
                  a.get("id").asText(),
                  a.path("title").asText(null),
                  text,
                  a.path("url").asText(null),
                  a.path("outlet").asText(null),
                  date,
                  null,
                  a.get("id").asText()));
        }
        if (!arts.isEmpty()) {
          out.add(new Roundup(id, date, n.path("topic").asText(""), arts));
        }
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return out;
  }

  static List<Roundup> half(List<Roundup> all, Part part, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Roundup> out = new ArrayList<>();
    for (Roundup r : all) {
      boolean tune = random.nextBoolean();
      if (tune == (part == Part.TUNE)) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<LabeledStream.Item> roundupStream(List<Roundup> stories) {
    List<LabeledStream.Item> out = new ArrayList<>();
    for (Roundup r : stories) {
      for (Article a : r.articles()) {
        out.add(new LabeledStream.Item(a, r.id(), null));
      }
    }
    out.sort(Comparator.comparing(it -> it.article().published())); // stable
    return out;
  }

  private static List<LabeledStream.Item> hardRoundupStream(List<Roundup> stories, long seed) {
    Map<String, List<Roundup>> byTopic = new TreeMap<>();
    for (Roundup r : stories) {
      byTopic.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(r);
    }
    Instant origin =
        stories.stream().map(Roundup::date).min(Comparator.naturalOrder()).orElseThrow();
    SplittableRandom random = new SplittableRandom(seed * 31 + 7);
    List<LabeledStream.Item> out = new ArrayList<>();
    for (List<Roundup> topic : byTopic.values()) {
      topic.sort(Comparator.comparing(Roundup::date));
      Instant start = topic.get(0).date();
      long toOrigin = weeks(Duration.between(origin, start).toMillis());
      for (Roundup r : topic) {
        long offset = Duration.between(start, r.date()).toMillis();
        long shift = toOrigin + weeks(offset - offset / 4);
        Instant date = r.date().minusMillis(shift);
        for (int i = 0; i < r.articles().size(); i++) {
          Article a = r.articles().get(i);
          long late = i > 0 && random.nextDouble() < 0.33 ? (1 + random.nextInt(3)) * DAY : 0;
          Instant t = date.plusMillis(late + random.nextLong(6 * 3_600_000L));
          Article moved =
              new Article(a.id(), a.title(), a.text(), a.url(), a.outlet(), t, null, a.origin());
          out.add(new LabeledStream.Item(moved, r.id(), null));
        }
      }
    }
    out.sort(
        Comparator.comparing((LabeledStream.Item it) -> it.article().published())
            .thenComparing(it -> it.article().id()));
    return out;
  }

  /** The roundups' articles without their dates, in seeded random order. */
  private static List<LabeledStream.Item> undatedRoundupStream(List<Roundup> stories, long seed) {
    List<LabeledStream.Item> out = new ArrayList<>();
    for (Roundup r : stories) {
      for (Article a : r.articles()) {
        Article undated =
            new Article(a.id(), a.title(), a.text(), a.url(), a.outlet(), null, null, a.origin());
        out.add(new LabeledStream.Item(undated, r.id(), null));
      }
    }
    java.util.Collections.shuffle(out, new java.util.Random(seed * 17 + 3));
    return out;
  }

  /** Whole weeks in a duration, in millis (rounded down). */
  private static long weeks(long millis) {
    return millis / (7 * DAY) * 7 * DAY;
  }

  private static List<LabeledStream.Item> labeled(List<StoryStreamEvaluation.Item> items) {
    List<LabeledStream.Item> out = new ArrayList<>(items.size());
    for (StoryStreamEvaluation.Item it : items) {
      out.add(new LabeledStream.Item(it.article(), it.gold(), null));
    }
    return out;
  }

  /** Counts of a stream, for printing. */
  public static String describe(List<LabeledStream.Item> items) {
    Map<String, Integer> events = new LinkedHashMap<>();
    int dated = 0;
    for (LabeledStream.Item it : items) {
      events.merge(it.event(), 1, Integer::sum);
      if (it.article().published() != null) {
        dated++;
      }
    }
    return items.size() + " articles, " + events.size() + " events, " + dated + " dated";
  }
}
