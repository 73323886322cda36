package dev.precis;

import dev.precis.model.Article;
import dev.precis.story.StoryEvent;
import java.util.List;

/**
 * One event found among a set of articles, with its canonical articles (copies left out: they would
 * only repeat them), in arrival order.
 *
 * @param event the event (id, day, headline, all member ids)
 * @param articles its articles to summarize
 */
public record EventGroup(StoryEvent event, List<Article> articles) {
  public EventGroup {
    articles = List.copyOf(articles);
  }
}
