package dev.precis.story;

import dev.precis.model.Article;
import dev.precis.text.TextDates;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups a stream of articles into events, and events into stories, one article at a time
 * (single-pass, incremental clustering as in Topic Detection and Tracking). The steps below work on
 * events (the internal "story" states are events); an article that starts a new event links it into
 * the story of the open event most like it ({@link StoryOptions#linkThreshold()}), and a story is
 * handed to the listener when its last open event closes.
 *
 * <p>For each article, in arrival order:
 *
 * <ol>
 *   <li><b>Copies.</b> Its MinHash signature is looked up in a locality-sensitive hash index of the
 *       canonical articles of open stories; a copy joins the story of its original and is
 *       remembered as a copy (its text is not used again).
 *   <li><b>Candidates.</b> Its TF-IDF vector (document frequencies kept incrementally, names
 *       boosted) is reduced to its heaviest terms; an inverted index from term to open stories
 *       gives the only stories it is compared with, so the cost does not grow with the number of
 *       stories.
 *   <li><b>Similarity.</b> Cosine with each candidate's centroid, with what tells two events apart
 *       when their words are alike: time apart (publication times and days named in the text),
 *       tolls, kind of happening, names, the closest member ({@link CandidateFeatures}).
 *   <li><b>Decision.</b> With {@link StoryOptions#scorer()} (the default, {@link
 *       EventScorer#learned()}), it joins the most probable event when that probability reaches the
 *       model's threshold; without, the hand rule: cosine times a time decay (beyond {@code grace}
 *       it halves every {@code halfLife}) and conflict factors, at least {@code threshold}. Else it
 *       starts a new event. If it also reaches a second event whose centroid is at least {@code
 *       mergeThreshold} similar to the first, the two merge.
 *   <li><b>Closing.</b> Stories that have not grown for {@code closeAfter} of article time (or the
 *       least recently updated, beyond {@code maxActiveStories}) are closed: handed to the listener
 *       and forgotten, so memory stays bounded on an endless stream.
 * </ol>
 *
 * <p>The result depends only on the articles and their order: no randomness, no hash-order
 * iteration. Articles without a publication time are not decayed; for closing stories they count at
 * the latest time seen so far.
 *
 * <pre>{@code
 * List<Story> stories = new ArrayList<>();
 * StoryClusterer clusterer = new StoryClusterer(StoryOptions.defaults(), stories::add);
 * for (Article a : articles) clusterer.add(a);
 * clusterer.closeAll();
 * }</pre>
 *
 * <p>Not thread-safe. Feature extraction, the costly part, can run on other threads: pass its
 * result to {@link #add(Article, TextFeatures)}.
 */
public final class StoryClusterer {
  /** Terms kept in an article vector. */
  static final int VECTOR_TERMS = 64;

  /** Terms kept in a story centroid. */
  static final int CENTROID_TERMS = 160;

  /** Heaviest article terms used to look up candidate stories (and to index a story). */
  static final int QUERY_TERMS = 16;

  /** Stories scored exactly per article: those sharing the most query-term weight. */
  static final int MAX_CANDIDATES = 48;

  /**
   * How much below the model's threshold a second look at an article alone in its event may join
   * another event (chosen on the tune streams: 0.05 against 0 and 0.10, for undated and for dated
   * articles).
   */
  static final double SECOND_LOOK_SLACK = 0.05;

  /** Articles in a row dated far ahead of the clock that make it jump. */
  static final int JUMP_CONFIRMATIONS = 8;

  private static final long DAY_MILLIS = 86_400_000L;

  /** Similarity to an event whose tolls are far from the article's is multiplied by this. */
  static final double FIGURE_CONFLICT_FACTOR = 0.45;

  /** Similarity to an event of another kind of happening is multiplied by this. */
  static final double KIND_CONFLICT_FACTOR = 0.45;

  /**
   * What happened to one article.
   *
   * @param storyId the number of the event it joined (the unit of clustering; the story, a thread
   *     of events, is known when it closes: {@link Story#events()})
   * @param duplicateOf the canonical article it copies, or {@code null}
   * @param newStory whether it started a new event
   * @param threadId the story (thread of events) that event belongs to now; threads can merge
   *     later, so the story is final only when it closes ({@link Story#id()})
   */
  public record Assignment(long storyId, String duplicateOf, boolean newStory, long threadId) {}

  private final StoryOptions options;
  private final Consumer<Story> listener;

  /** What {@link EventScorer} looks at for the candidate being scored (reused). */
  private final double[] featureBuffer = new double[EventScorer.FEATURES.size()];

  /** When learning: receives every candidate's features and whether it is the gold event. */
  private ExampleSink examples;

  /** When learning: the gold event label of an article id. */
  private java.util.function.Function<String, String> goldOf;

  /** When learning: the open event made for each gold label. */
  private final Map<String, StoryState> goldEvents = new HashMap<>();

  /** Receives the training examples of {@link EventScorer}. */
  interface ExampleSink {
    void accept(double[] features, int model, boolean sameEvent);
  }

  /**
   * Turns this clusterer into a learner's teacher: every article joins the event of its gold label
   * (nothing merges), and each candidate it is compared with is handed to {@code sink}.
   */
  void learnFrom(java.util.function.Function<String, String> gold, ExampleSink sink) {
    this.goldOf = gold;
    this.examples = sink;
  }

  private final FeatureExtractor extractor = new FeatureExtractor();
  private final DocumentFrequency df = new DocumentFrequency(22);
  private final NearDuplicateIndex duplicates;
  private final EventIndex index = new EventIndex();

  /** Open stories, least recently updated first. */
  private final List<StoryState> candidates = new ArrayList<>();

  private final LinkedHashMap<Long, StoryState> open = new LinkedHashMap<>(1024, 0.75f, false);
  private final TimeDecay timeDecay;
  private final long closeAfterMillis;
  private long nextStoryId = 1;
  private long nextThreadId = 1;

  /** Marks candidates during second looks (negative: apart from the article numbers). */
  private long secondLooks = -1;

  private long seq;
  private long now = 0;
  private boolean clockStarted;
  private int aheadInARow;
  private long earliestAhead;

  /** While {@link #closeAll} runs: the stories completed, to hand out in time order. */
  private List<Story> closing;

  public StoryClusterer(StoryOptions options, Consumer<Story> listener) {
    this.options = options;
    this.listener = listener;
    this.duplicates =
        new NearDuplicateIndex(options.duplicateJaccard(), options.duplicateContainment());
    this.timeDecay = new TimeDecay(options);
    this.closeAfterMillis = options.closeAfter().toMillis();
  }

  /** Features of an article as this clusterer computes them (for use on other threads). */
  public static TextFeatures features(Article a, FeatureExtractor extractor) {
    TextFeatures f = extractor.extract(a.title(), a.text());
    LocalDate published =
        a.published() == null ? null : LocalDate.ofInstant(a.published(), ZoneOffset.UTC);
    TextDates.EventDay day = TextDates.eventDayOf(a.title(), a.text(), published);
    return f.withEvent(
            day == null ? TextFeatures.NO_DAY : day.day().toEpochDay(),
            day != null && day.weekday(),
            ReportedFigures.of(a.text()),
            HappeningKind.of(a.title(), a.text()).ordinal())
        .withDetails(SharedDetails.numbers(a.title(), a.text()), SharedDetails.quotes(a.text()));
  }

  /**
   * Counts an article in the document frequencies without clustering it: a clusterer that starts
   * mid-stream (one time window of a distributed run) first observes the articles before its
   * window, so that its term weights are those a clusterer that saw the whole stream would use.
   */
  public void observe(TextFeatures f) {
    df.add(f.terms());
  }

  /** Adds the next article of the stream. */
  public Assignment add(Article article) {
    return add(article, features(article, extractor));
  }

  /** Adds the next article, with features computed beforehand by {@link #features}. */
  public Assignment add(Article article, TextFeatures f) {
    // an article without a date says nothing about time: no decay, and the stream clock stays
    boolean timed = article.published() != null;
    long time = timed ? article.published().toEpochMilli() : now;
    if (timed && !clockStarted) {
      // stories opened by undated articles start their closing clock at the first date seen
      clockStarted = true;
      now = time;
      for (StoryState s : open.values()) {
        s.lastUpdate = time;
      }
    }
    if (timed) {
      advanceClock(time);
    }
    closeStale();
    // the day of the happening (named in the text, else the publication day) can only bring an
    // article closer to an event than its publication time does: a follow-up published days
    // later that names the day of the event is not decayed away from it
    long day = f.eventDay();
    boolean eventTimed = day != TextFeatures.NO_DAY || timed;
    long mySeq = seq++;
    StoryArticle member =
        new StoryArticle(
            article.id(),
            article.title(),
            outlet(article),
            article.url(),
            article.published(),
            null);

    NearDuplicateIndex.Entry original = duplicates.find(f.minHash(), f.shingles());
    if (original != null) {
      StoryState story = original.story.live();
      StoryArticle copy =
          new StoryArticle(
              member.id(),
              member.title(),
              member.outlet(),
              member.url(),
              member.published(),
              original.articleId);
      story.members.add(new StoryState.Member(mySeq, copy, null, f.eventDay()));
      if (timed) {
        story.addTime(time);
      }
      story.addDay(day);
      touch(story);
      return new Assignment(story.id, original.articleId, false, story.thread.live().id);
    }

    df.add(f.terms());
    TermVector v = TermVector.of(f, df, options.entityBoost(), VECTOR_TERMS);
    long[] query = v.topTerms(QUERY_TERMS);
    double[] queryWeights = v.weightsOf(query);

    index.candidates(query, queryWeights, mySeq, null, MAX_CANDIDATES, candidates);
    StoryState best = null;
    double bestScore = -1;
    StoryState second = null;
    double secondScore = -1;
    StoryState related = null;
    double relatedScore = -1;
    boolean titled = article.title() != null && !article.title().isBlank();
    EventScorer.Model model =
        options.scorer() == null ? null : options.scorer().model(timed, titled);
    boolean learned = model != null || examples != null;
    StoryState gold = examples == null ? null : goldEvents.get(goldOf.apply(article.id()));
    double[] titleWeights = learned ? df.idf(f.titleTerms()) : null;
    for (StoryState s : candidates) {
      double cosine = s.centroid.cosine(v);
      if (cosine > relatedScore || (cosine == relatedScore && s.id < related.id)) {
        related = s;
        relatedScore = cosine;
      }
      double score;
      if (learned) {
        CandidateFeatures.of(
            featureBuffer,
            timeDecay,
            cosine,
            timed,
            titled,
            query,
            time,
            eventTimed,
            f,
            s,
            titleWeights);
        boolean vetoed = CandidateFeatures.vetoed(featureBuffer, eventTimed);
        score = vetoed ? 0 : model != null ? model.probability(featureBuffer) : 0;
        if (examples != null && !vetoed) {
          examples.accept(featureBuffer.clone(), EventScorer.index(timed, titled), gold == s);
        }
      } else {
        score = cosine * timeDecay.of(timed, time, day, f.weekday(), s);
        if (ReportedFigures.conflict(f.figures(), s.figures)) {
          score *= FIGURE_CONFLICT_FACTOR;
        }
        if (f.kind() != 0 && s.kind() != 0 && f.kind() != s.kind()) {
          score *= KIND_CONFLICT_FACTOR;
        }
      }
      if (score > bestScore || (score == bestScore && s.id < best.id)) {
        second = best;
        secondScore = bestScore;
        best = s;
        bestScore = score;
      } else if (score > secondScore || (score == secondScore && s.id < second.id)) {
        second = s;
        secondScore = score;
      }
    }

    StoryState target;
    boolean created = false;
    double threshold =
        model != null
            ? model.threshold()
            : options.threshold() + (eventTimed ? 0 : options.undatedMargin());
    if (examples != null) {
      // learning from the gold events: the article goes where the gold says, nothing merges
      best = gold != null && !gold.closed ? gold : null;
      bestScore = best != null ? 1 : -1;
      second = null;
    }
    if (best != null && bestScore >= threshold) {
      target = best;
      if (second != null
          && secondScore >= threshold
          && best.centroid.cosine(second.centroid) * timeDecay.between(best, second)
              >= options.mergeThreshold()
          && !conflicting(best, second)) {
        target = merge(best, second);
      }
    } else {
      target = new StoryState(nextStoryId++, CENTROID_TERMS);
      open.put(target.id, target);
      created = true;
      if (examples != null) {
        goldEvents.put(goldOf.apply(article.id()), target);
      }
      // a new event continues the story of the open event most like it, whatever their times
      target.thread =
          related != null && relatedScore >= options.linkThreshold()
              ? related.thread.live()
              : new ThreadState(nextThreadId++);
      target.thread.openEvents++;
    }
    target.centroid.add(v);
    target.vectors++;
    // an article alone in its event may find its event later (second look); kept slim
    target.single =
        created && model != null
            ? StoryState.Single.of(titled, timed ? time : StoryState.Single.UNDATED, f, v, query)
            : null;
    if (!timed && model != null && target.undatedMembers.size() < StoryState.CLOSEST_MEMBERS) {
      target.undatedMembers.add(
          target.single != null
              ? target.single
              : StoryState.Single.of(titled, StoryState.Single.UNDATED, f, v, query));
    } else if (timed) {
      target.undatedMembers.clear();
    }
    target.members.add(new StoryState.Member(mySeq, member, query, f.eventDay()));
    if (timed) {
      target.addTime(time);
    }
    target.addDay(day);
    target.addFigures(f.figures());
    target.addKind(f.kind());
    target.addNames(f.entities());
    target.addTitleTerms(f.titleTerms());
    target.addDetails(f);
    NearDuplicateIndex.Entry entry =
        new NearDuplicateIndex.Entry(article.id(), f.minHash(), f.shingles(), target);
    target.canonicals.add(entry);
    duplicates.add(entry);
    index.add(query, target);
    touch(target);
    index.maybeSweep(seq);
    return new Assignment(target.id, null, created, target.thread.live().id);
  }

  /**
   * Closes every open event, e.g. at the end of the input; the stories they complete are handed to
   * the listener in time order (of their earliest event day, else publication; undated last), not
   * in the order their events happen to close.
   */
  public void closeAll() {
    List<StoryState> all = new ArrayList<>(open.values());
    all.sort((a, b) -> Long.compare(a.id, b.id));
    for (StoryState s : all) {
      secondLook(s);
    }
    if (options.scorer() != null) {
      all = new ArrayList<>(open.values());
      all.sort((a, b) -> Long.compare(a.id, b.id));
      secondLooks =
          new EventLinkage(options.scorer(), index, timeDecay, df, secondLooks)
              .run(all, options.linkageThreshold(), now, this::absorbInto);
    }
    all = new ArrayList<>(open.values());
    all.sort((a, b) -> Long.compare(a.id, b.id));
    List<Story> done = new ArrayList<>();
    closing = done;
    try {
      for (StoryState s : all) {
        close(s);
      }
    } finally {
      closing = null;
    }
    index.clear();
    done.sort(Story.IN_TIME_ORDER);
    done.forEach(listener);
  }

  /**
   * An article that starts an event was compared only with what was open when it came: undated
   * input comes in no particular order, and in a dated stream the rest of its event may start an
   * event of its own right after it (the two first reports of a happening, each alone when it
   * came). Before an event made of one article closes (stream clock, capacity, end of input), that
   * article is scored again against the open events as if it came last, with its own publication
   * time, and joins the most probable one when that reaches the model's threshold less {@link
   * #SECOND_LOOK_SLACK}. Returns whether it joined one.
   */
  private boolean secondLook(StoryState s) {
    StoryState.Single one = s.single;
    if (one == null || s.closed || s.vectors != 1 || options.scorer() == null) {
      return false;
    }
    index.candidates(
        one.query(),
        one.vector().weightsOf(one.query()),
        --secondLooks,
        s,
        MAX_CANDIDATES,
        candidates);
    TextFeatures f = one.features();
    boolean timed = one.time() != StoryState.Single.UNDATED;
    boolean eventTimed = timed || f.eventDay() != TextFeatures.NO_DAY;
    EventScorer.Model model = options.scorer().model(timed, one.titled());
    StoryState best = null;
    double bestScore = -1;
    double[] titleWeights = df.idf(f.titleTerms());
    for (StoryState c : candidates) {
      double cosine = c.centroid.cosine(one.vector());
      CandidateFeatures.of(
          featureBuffer,
          timeDecay,
          cosine,
          timed,
          one.titled(),
          one.query(),
          timed ? one.time() : now,
          eventTimed,
          f,
          c,
          titleWeights);
      double score =
          CandidateFeatures.vetoed(featureBuffer, eventTimed)
              ? 0
              : model.probability(featureBuffer);
      if (score > bestScore || (score == bestScore && c.id < best.id)) {
        best = c;
        bestScore = score;
      }
    }
    if (best == null || bestScore < model.threshold() - SECOND_LOOK_SLACK) {
      return false;
    }
    absorbInto(best, s);
    return true;
  }

  /** Number of stories currently open. */
  public int openStories() {
    return open.size();
  }

  /** Number of articles added so far. */
  public long articles() {
    return seq;
  }

  /**
   * Moves the stream clock forward. A date more than {@code closeAfter} ahead of the clock would
   * close every open story at once: one article with a wrong date (a parse error, a year typo) must
   * not do that. Such a jump is believed only when {@link #JUMP_CONFIRMATIONS} articles in a row
   * are that far ahead (the stream really resumed after a gap); the clock then moves to the
   * earliest of them.
   */
  private void advanceClock(long time) {
    if (time - now <= closeAfterMillis) {
      now = Math.max(now, time);
      aheadInARow = 0;
      return;
    }
    earliestAhead = aheadInARow == 0 ? time : Math.min(earliestAhead, time);
    if (++aheadInARow >= JUMP_CONFIRMATIONS) {
      now = earliestAhead;
      aheadInARow = 0;
    }
  }

  /** Whether two events report different tolls or different kinds of happening. */
  private static boolean conflicting(StoryState a, StoryState b) {
    int ka = a.kind();
    int kb = b.kind();
    return ReportedFigures.conflict(a.figures, b.figures) || (ka != 0 && kb != 0 && ka != kb);
  }

  private StoryState merge(StoryState a, StoryState b) {
    // the larger story absorbs the smaller one; on a tie the older one (smaller id) survives
    StoryState keep = a;
    StoryState gone = b;
    if (b.members.size() > a.members.size()
        || (b.members.size() == a.members.size() && b.id < a.id)) {
      keep = b;
      gone = a;
    }
    absorbInto(keep, gone);
    return keep;
  }

  /** Moves the event {@code gone} into {@code keep}, and its story into {@code keep}'s. */
  private void absorbInto(StoryState keep, StoryState gone) {
    ThreadState keepThread = keep.thread.live();
    ThreadState goneThread = gone.thread.live();
    goneThread.openEvents--;
    if (goneThread != keepThread) {
      keepThread.absorb(goneThread);
    }
    keep.absorb(gone);
    open.remove(gone.id);
  }

  private void touch(StoryState s) {
    s.lastUpdate = now;
    open.remove(s.id);
    open.put(s.id, s);
  }

  private void closeStale() {
    Iterator<StoryState> it = open.values().iterator();
    while (it.hasNext()) {
      StoryState s = it.next();
      boolean stale = now - s.lastUpdate > closeAfterMillis;
      if (!stale && open.size() <= options.maxActiveStories()) {
        break;
      }
      it.remove();
      if (!secondLook(s)) {
        finish(s);
      }
    }
  }

  private void close(StoryState s) {
    open.remove(s.id);
    finish(s);
  }

  private void finish(StoryState s) {
    s.closed = true;
    for (NearDuplicateIndex.Entry e : s.canonicals) {
      duplicates.remove(e);
    }
    ThreadState thread = s.thread.live();
    thread.events.add(s.snapshotEvent());
    thread.members.addAll(s.members);
    s.release();
    if (--thread.openEvents == 0) {
      Story story = thread.snapshot();
      thread.members.clear();
      thread.events.clear();
      if (closing != null) {
        closing.add(story);
      } else {
        listener.accept(story);
      }
    }
  }

  static String outlet(Article a) {
    if (a.outlet() != null && !a.outlet().isBlank()) {
      return a.outlet();
    }
    if (a.url() != null) {
      try {
        String host = URI.create(a.url().strip()).getHost();
        if (host != null) {
          return host.startsWith("www.") ? host.substring(4) : host;
        }
      } catch (IllegalArgumentException e) {
        return null; // not a URL we can read a host from: no outlet
      }
    }
    return null;
  }
}
