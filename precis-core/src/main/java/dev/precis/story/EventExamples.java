package dev.precis.story;

import dev.precis.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Training examples for {@link EventScorer}: a stream with gold event labels is grouped as the gold
 * says (each article joins the event of its label), and every candidate event the clusterer would
 * have scored for an article becomes one example, positive when it is the article's gold event. The
 * features are those the clusterer computes at that point of the stream, so a scorer learned on
 * them sees at run time what it saw in training.
 *
 * <pre>{@code
 * List<EventExamples.Example> examples =
 *     EventExamples.collect(articles, id -> goldEventOf.get(id), StoryOptions.defaults());
 * }</pre>
 */
public final class EventExamples {
  private EventExamples() {}

  /**
   * One candidate event of one article.
   *
   * @param features as {@link EventScorer#FEATURES} names them
   * @param model which model it trains: its index in {@link EventScorer#MODELS} (whether the
   *     article has a publication time and a title)
   * @param sameEvent whether the candidate is the article's gold event
   */
  public record Example(double[] features, int model, boolean sameEvent) {}

  /**
   * Collects the examples of a labeled stream.
   *
   * @param articles the stream in order
   * @param goldEvent the gold event label of an article id (articles of one label form one event)
   */
  public static List<Example> collect(
      Iterable<Article> articles, Function<String, String> goldEvent, StoryOptions options) {
    List<Example> out = new ArrayList<>();
    StoryClusterer teacher = new StoryClusterer(options.withScorer(null), story -> {});
    teacher.learnFrom(goldEvent, (f, model, same) -> out.add(new Example(f, model, same)));
    for (Article a : articles) {
      teacher.add(a);
    }
    teacher.closeAll();
    return out;
  }
}
