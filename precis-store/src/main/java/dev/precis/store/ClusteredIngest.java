package dev.precis.store;

import dev.precis.StoryPipeline;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.story.Story;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryEvent;
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
 * <p>A stored story row is one event (the unit of clustering). Events are linked into stories
 * (threads of related events, {@link Store#storyEvents}) as articles arrive, under the key of the
 * story's first event; when the story closes every event of it is linked again with the day it
 * happened, so a late article or a merge of two threads updates the links, and re-running the same
 * input writes the same ones.
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

  /** Open story (thread) id to the key its events are linked under: its first event's key. */
  private final Map<Long, String> threadKeys = new HashMap<>();

  /** Open event id to the thread it was last linked to in the store. */
  private final Map<Long, Long> linkedThread = new HashMap<>();

  private long seq;
  private int moved;
  private int events;
  private int stories;

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
    // link the event into its story now (a server's events stay open long); the day follows when
    // the event closes
    String threadKey =
        threadKeys.computeIfAbsent(assignment.threadId(), t -> clusterKeys.get(cluster));
    Long before = linkedThread.put(cluster, assignment.threadId());
    if (before == null || before != assignment.threadId()) {
      ingestor.store().linkEvents(threadKey, List.of(StoryThreads.EventLink.open(key)));
    }
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
    String key = clusterKeys.get(cluster);
    if (key != null) {
      threadKeys.putIfAbsent(assignment.threadId(), key);
      linkedThread.putIfAbsent(cluster, assignment.threadId());
    }
    // not tracked: a replayed article stays where it is stored
  }

  /** Closes every cluster (moving the articles of merged ones); call once at the end. */
  public void finish() {
    pipeline.closeAll();
  }

  /** Events that received articles of this run, counted as they close. */
  public int events() {
    return events;
  }

  /** Stories (threads of events) that received articles of this run, counted as they close. */
  public int stories() {
    return stories;
  }

  /** Articles moved between stories because clusters merged. */
  public int moved() {
    return moved;
  }

  private void closed(Story story) {
    // the keys of the story's events first: an article may have joined under another event's id
    Map<Long, String> eventKeys = new HashMap<>();
    String named = threadKeys.remove(story.id());
    for (StoryEvent e : story.events()) {
      String key = clusterKeys.remove(e.id());
      if (key != null) {
        eventKeys.put(e.id(), key);
      }
      Long thread = linkedThread.remove(e.id());
      if (thread != null) {
        String absorbed = threadKeys.remove(thread);
        named = named != null ? named : absorbed;
      }
    }
    List<StoryThreads.EventLink> links = new ArrayList<>();
    String threadKey = null;
    long threadEvent = Long.MAX_VALUE;
    boolean storyFresh = false;
    for (StoryEvent e : story.events()) {
      String key = eventKeys.get(e.id());
      List<Long> strays = new ArrayList<>();
      boolean fresh = false;
      for (String id : e.articleIds()) {
        Tracked t = open.remove(id);
        if (t == null) {
          continue;
        }
        fresh = true;
        if (!eventKeys.containsKey(t.clusterId())) {
          clusterKeys.remove(t.clusterId()); // an absorbed cluster: nothing will close it
          linkedThread.remove(t.clusterId());
        }
        if (key != null && !key.equals(t.storedKey())) {
          // joined through a merge, or stored in another event by an earlier ingest: the
          // clustering of this run wins
          strays.add(t.articleId());
        }
      }
      if (key == null) {
        continue;
      }
      if (!strays.isEmpty()) {
        moved += ingestor.store().moveArticles(strays, key);
      }
      // only an event that received articles of this run is restamped: a server replays stored
      // articles in another order, and that replay must not redate or retitle what it only read
      links.add(
          fresh
              ? new StoryThreads.EventLink(key, e.day(), e.headline())
              : StoryThreads.EventLink.open(key));
      if (fresh) {
        events++;
        storyFresh = true;
      }
      // the key it was linked under while open, else that of its earliest created event
      if (e.id() < threadEvent) {
        threadEvent = e.id();
        threadKey = key;
      }
    }
    threadKey = named != null ? named : threadKey;
    if (!storyFresh) {
      return; // replayed articles only: the stored grouping stands
    }
    stories++;
    if (threadKey != null) {
      ingestor.store().linkEvents(threadKey, links);
    }
  }
}
