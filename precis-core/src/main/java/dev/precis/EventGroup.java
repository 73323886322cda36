package dev.precis;

import dev.precis.model.Article;
import dev.precis.story.StoryEvent;
import java.util.List;

/**
 * One event found among a set of articles, with its canonical articles (copies left out: they would
 * only repeat them), in arrival order.
 *
 * @param event the event (id, day, headline, all member ids)
 * @param storyId the story (thread of events) it belongs to
 * @param articles its articles to summarize
 */
public record EventGroup(StoryEvent event, long storyId, List<Article> articles) {
  public EventGroup {
    articles = List.copyOf(articles);
  }

  /**
   * Whether the groups clearly report several events: some story holds two or more of them (related
   * happenings told apart by day, toll or kind). Articles that merely share few words fall into
   * separate one-event stories and are summarized together, as before.
   */
  public static boolean severalEvents(List<EventGroup> groups) {
    java.util.Map<Long, Integer> perStory = new java.util.HashMap<>();
    for (EventGroup g : groups) {
      if (perStory.merge(g.storyId(), 1, Integer::sum) > 1) {
        return true;
      }
    }
    return false;
  }
}
