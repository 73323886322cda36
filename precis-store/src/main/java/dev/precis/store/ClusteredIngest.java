package dev.precis.store;

import dev.precis.StoryPipeline;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.story.Story;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a stream of articles grouped into stories by the {@link StoryPipeline} (incremental
 * clustering with near-duplicate detection, time decay and merges); {@link Ingestor} keeps each
 * stored story's summary current.
 *
 * <p>Each cluster maps to one stored story. A cluster whose first article was already stored (by an
 * earlier ingest) continues that article's story, so ingesting more articles later grows the
 * existing stories; otherwise the story key is {@code runKey:clusterId}, which is the same when the
 * same input is ingested again: an interrupted run, re-run, completes the same stories. When a
 * cluster closes (at the latest in {@link #finish()}), every member stored in another story (it
 * joined through a merge, or an earlier ingest had placed it elsewhere) moves to the cluster's
 * story: the latest clustering of an article wins.
 *
 * <p>Not thread-safe, like the clusterer.
 */
public final class ClusteredIngest {
  /** An article of an open cluster: its id, its cluster, the key of the story it is stored in. */
  private record Tracked(long articleId, long clusterId, String storedKey) {}

  private final Ingestor ingestor;
  private final String runKey;
  private final StoryPipeline pipeline;
  private final Map<Long, String> clusterKeys = new HashMap<>();
  private final Map<String, Tracked> open = new HashMap<>();
  private long seq;
  private int moved;

  /**
   * @param ingestor where articles are stored
   * @param options clustering settings
   * @param runKey a key stable for the same input (e.g. a hash of the input names)
   */
  public ClusteredIngest(Ingestor ingestor, StoryOptions options, String runKey) {
    this.ingestor = ingestor;
    this.runKey = runKey;
    this.pipeline =
        new StoryPipeline(ingestor.precis(), options, false, closed -> closed(closed.story()));
  }

  /** Prepares, clusters and stores one article. */
  public Store.AddResult add(RawArticle raw) {
    return addPrepared(pipeline.precis().prepare(raw));
  }

  /** Clusters and stores one cleaned article (a stored one changes nothing but the clusters). */
  public Store.AddResult addPrepared(Article article) {
    // the clusterer identifies articles by id: give it one that is unique in this run
    String uid = "#" + seq++;
    Article keyed =
        new Article(
            uid,
            article.title(),
            article.text(),
            article.url(),
            article.outlet(),
            article.published(),
            article.author(),
            article.origin());
    StoryClusterer.Assignment assignment = pipeline.add(keyed);
    long cluster = assignment.storyId();
    String existing = ingestor.store().storyKeyOf(article).orElse(null);
    String key = clusterKeys.get(cluster);
    if (key == null) {
      key = existing != null ? existing : runKey + ":" + cluster;
      clusterKeys.put(cluster, key);
    }
    Store.AddResult result = ingestor.addPrepared(article, key);
    open.put(uid, new Tracked(result.articleId(), cluster, existing != null ? existing : key));
    return result;
  }

  /**
   * Feeds an already stored article to the clusterer without storing or moving anything, so that
   * new articles can join the stories it belongs to (a server replays recent articles on start).
   */
  public void replay(Article stored) {
    String uid = "#" + seq++;
    StoryClusterer.Assignment assignment =
        pipeline.add(
            new Article(
                uid,
                stored.title(),
                stored.text(),
                stored.url(),
                stored.outlet(),
                stored.published(),
                stored.author(),
                stored.origin()));
    long cluster = assignment.storyId();
    if (!clusterKeys.containsKey(cluster)) {
      ingestor.store().storyKeyOf(stored).ifPresent(k -> clusterKeys.put(cluster, k));
    }
    // not tracked: a replayed article stays where it is stored
  }

  /** Closes every cluster (moving the articles of merged ones); call once at the end. */
  public void finish() {
    pipeline.closeAll();
  }

  /** Articles moved between stories because clusters merged. */
  public int moved() {
    return moved;
  }

  private void closed(Story story) {
    String key = clusterKeys.remove(story.id());
    List<Long> strays = new ArrayList<>();
    for (String id : story.articleIds()) {
      Tracked t = open.remove(id);
      if (t == null) {
        continue;
      }
      if (t.clusterId() != story.id()) {
        clusterKeys.remove(t.clusterId()); // an absorbed cluster: nothing will close it
      }
      if (key != null && !key.equals(t.storedKey())) {
        // joined through a merge, or stored in another story by an earlier ingest: the
        // clustering of this run wins
        strays.add(t.articleId());
      }
    }
    if (key != null && !strays.isEmpty()) {
      moved += ingestor.store().moveArticles(strays, key);
    }
  }
}
