package dev.precis.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The mutable state of an open story inside {@link StoryClusterer}. */
final class StoryState {
  /**
   * One member: its arrival number, what the story keeps of it, its heaviest terms ({@code null}
   * for a copy) and the epoch day its news happened ({@link TextFeatures#NO_DAY} when unknown).
   */
  record Member(long seq, StoryArticle article, long[] query, long day) {}

  final long id;
  final Centroid centroid;

  /** Members with their arrival sequence numbers (merges interleave them again). */
  final ArrayList<Member> members = new ArrayList<>();

  final ArrayList<NearDuplicateIndex.Entry> canonicals = new ArrayList<>();
  long minTime = Long.MAX_VALUE;
  long maxTime = Long.MIN_VALUE;
  double timeSum;
  int timed;

  /** Stream time (millis) of the last article added: what eviction looks at. */
  long lastUpdate;

  int vectors;

  /** The story (thread of events) this event belongs to; follow {@link ThreadState#live()}. */
  ThreadState thread;

  /** Set when closed or merged: index entries pointing here are stale. */
  boolean closed;

  /** The story this one was merged into, or {@code null}. */
  StoryState mergedInto;

  /** Article sequence number that last saw this story as a candidate (dedupes candidates). */
  long mark = -1;

  /** Sum of the query-term weights that reached this story for the current article. */
  double overlap;

  StoryState(long id, int centroidCapacity) {
    this.id = id;
    this.centroid = new Centroid(centroidCapacity);
  }

  /** Follows merges to the story that holds this one's articles now. */
  StoryState live() {
    StoryState s = this;
    while (s.mergedInto != null) {
      s = s.mergedInto;
    }
    return s;
  }

  void addTime(long millis) {
    minTime = Math.min(minTime, millis);
    maxTime = Math.max(maxTime, millis);
    timeSum += millis;
    timed++;
  }

  double daySum;
  int days;

  /** Counts an article's event day (epoch day, or {@link TextFeatures#NO_DAY}: ignored). */
  void addDay(long day) {
    if (day != TextFeatures.NO_DAY) {
      daySum += day;
      days++;
    }
  }

  /** Tolls its members report (at most {@link #MAX_FIGURES}, ascending). */
  int[] figures = new int[0];

  static final int MAX_FIGURES = 16;

  void addFigures(int[] more) {
    for (int v : more) {
      if (figures.length < MAX_FIGURES && Arrays.binarySearch(figures, v) < 0) {
        int[] f = Arrays.copyOf(figures, figures.length + 1);
        f[figures.length] = v;
        Arrays.sort(f);
        figures = f;
      }
    }
  }

  /** Most names (capitalised words) an event remembers. */
  static final int MAX_NAMES = 64;

  /** Names its members mention (the first {@link #MAX_NAMES} distinct ones), ascending. */
  long[] names = new long[0];

  void addNames(long[] more) {
    if (names.length >= MAX_NAMES || more.length == 0) {
      return;
    }
    names = SharedDetails.union(names, more, MAX_NAMES);
  }

  /** Most figures, and most quoted shingles, an event remembers (bottom-k samples by hash). */
  static final int MAX_DETAILS = 128;

  /** Figures its members give ({@link SharedDetails#numbers}), ascending. */
  long[] numbers = new long[0];

  /** Word 3-shingles its members quote ({@link SharedDetails#quotes}), ascending. */
  long[] quotes = new long[0];

  void addDetails(TextFeatures f) {
    numbers = SharedDetails.union(numbers, f.numbers(), MAX_DETAILS);
    quotes = SharedDetails.union(quotes, f.quotes(), MAX_DETAILS);
  }

  /** Share of the given names (ascending) that this event's members mention; 0 when none given. */
  double nameOverlap(long[] given) {
    if (given.length == 0 || names.length == 0) {
      return 0;
    }
    // a full list is a bottom-k sample of the names by hash: only names below its largest count
    long limit = names.length < MAX_NAMES ? Long.MAX_VALUE : names[names.length - 1];
    int counted = 0;
    for (long g : given) {
      if (g <= limit) {
        counted++;
      }
    }
    if (counted == 0) {
      return 0;
    }
    int shared = SharedDetails.shared(names, given);
    return (double) shared / counted;
  }

  /** Most distinct title words an event remembers. */
  static final int MAX_TITLE_TERMS = 96;

  /** Distinct title words of its members (the first {@link #MAX_TITLE_TERMS}), ascending. */
  long[] titleTerms = new long[0];

  /** 64-bit words of {@link #titleFilter}: 512 bits for at most 96 words, few false "maybe"s. */
  static final int TITLE_FILTER_WORDS = 8;

  /**
   * {@link #titleTerms} as a filter: most words of an article's title are in no candidate's titles,
   * and the filter says so without a search.
   */
  HashFilter titleFilter = new HashFilter(TITLE_FILTER_WORDS);

  void addTitleTerms(long[] more) {
    if (titleTerms.length >= MAX_TITLE_TERMS || more.length == 0) {
      return;
    }
    long[] merged = SharedDetails.union(titleTerms, more, MAX_TITLE_TERMS);
    if (merged != titleTerms) {
      titleTerms = merged;
      titleFilter = HashFilter.of(titleTerms, TITLE_FILTER_WORDS);
    }
  }

  /**
   * Share of the given title words (ascending) that its members' titles use, each word weighted by
   * its rarity in the stream ({@code df}; plain share when {@code null}); 0 when none given.
   * Headlines name the happening in few words: two events of one kind on one day share the kind's
   * words, not the town's or the person's.
   */
  double titleOverlap(long[] given, DocumentFrequency df) {
    return weightedTitleOverlap(given, df == null ? null : df.idf(given));
  }

  /**
   * {@link #titleOverlap(long[], DocumentFrequency)} with the words' weights given ({@code
   * weights[i]} of {@code given[i]}; all 1 when {@code null}): an article computes them once for
   * all its candidates.
   */
  double weightedTitleOverlap(long[] given, double[] weights) {
    double all = 0;
    double shared = 0;
    for (int i = 0; i < given.length; i++) {
      long g = given[i];
      double w = weights == null ? 1 : weights[i];
      all += w;
      if (titleFilter.mightContain(g) && Arrays.binarySearch(titleTerms, g) >= 0) {
        shared += w;
      }
    }
    return all == 0 ? 0 : shared / all;
  }

  /** Most recent members {@link #closestMember} compares with: bounds its cost. */
  static final int CLOSEST_MEMBERS = 24;

  /**
   * Share of the given heaviest terms (ascending) that the closest of its latest canonical members
   * shares: a best-link similarity beside the centroid's average one.
   */
  double closestMember(long[] query) {
    if (query.length == 0) {
      return 0;
    }
    // the query's terms as 64 bits (a term sets bit term mod 64): a member's terms with their bit
    // set bound what it can share, and most members cannot beat the best one so far
    long bits = 0;
    for (long t : query) {
      bits |= 1L << t;
    }
    int best = 0;
    int seen = 0;
    for (int k = members.size() - 1; k >= 0 && seen < CLOSEST_MEMBERS; k--) {
      long[] other = members.get(k).query();
      if (other == null) {
        continue;
      }
      seen++;
      int bound = 0;
      for (long t : other) {
        bound += (int) (bits >>> t) & 1;
      }
      if (bound <= best) {
        continue;
      }
      int shared = 0;
      int i = 0;
      int j = 0;
      while (i < other.length && j < query.length) {
        if (other[i] == query[j]) {
          shared++;
          i++;
          j++;
        } else if (other[i] < query[j]) {
          i++;
        } else {
          j++;
        }
      }
      best = Math.max(best, shared);
    }
    return (double) best / query.length;
  }

  /** Votes of its members for each kind of happening. */
  final int[] kinds = new int[HappeningKind.values().length];

  void addKind(int kind) {
    if (kind != 0) {
      kinds[kind]++;
    }
  }

  /** The kind most of its members report (0 when none, or on a tie). */
  int kind() {
    int best = 0;
    int top = 0;
    boolean tie = false;
    for (int k = 1; k < kinds.length; k++) {
      if (kinds[k] > top) {
        best = k;
        top = kinds[k];
        tie = false;
      } else if (top > 0 && kinds[k] == top) {
        tie = true;
      }
    }
    return tie ? 0 : best;
  }

  double meanDay() {
    return days == 0 ? 0 : daySum / days;
  }

  double meanTime() {
    return timed == 0 ? 0 : timeSum / timed;
  }

  /** While this event holds one article: what it was grouped by, for a second look. */
  Single single;

  /**
   * What the scorer reads of each undated article of this event, for {@link EventLinkage} at the
   * end of the input (empty once a dated article joins: the pass is for undated events only).
   */
  final ArrayList<Single> undatedMembers = new ArrayList<>();

  /**
   * An article alone in its event, kept so that it can be scored again before the event closes:
   * only what the scorer reads (no text, no shingles, no term counts); {@code time} is its
   * publication time in epoch millis, or {@link #UNDATED}.
   */
  record Single(boolean titled, long time, TextFeatures features, TermVector vector, long[] query) {
    static final long UNDATED = Long.MIN_VALUE;

    static Single of(boolean titled, long time, TextFeatures f, TermVector v, long[] query) {
      TextFeatures slim =
          new TextFeatures(
              new int[0],
              0,
              new long[0],
              new int[0],
              f.entities(),
              f.eventDay(),
              f.weekday(),
              f.figures(),
              f.kind(),
              f.titleTerms(),
              f.numbers(),
              f.quotes());
      return new Single(titled, time, slim, v, query);
    }
  }

  void absorb(StoryState other) {
    single = null;
    undatedMembers.addAll(other.undatedMembers);
    centroid.add(other.centroid);
    members.addAll(other.members);
    canonicals.addAll(other.canonicals);
    for (NearDuplicateIndex.Entry e : other.canonicals) {
      e.story = this;
    }
    minTime = Math.min(minTime, other.minTime);
    maxTime = Math.max(maxTime, other.maxTime);
    timeSum += other.timeSum;
    timed += other.timed;
    daySum += other.daySum;
    addFigures(other.figures);
    addNames(other.names);
    addTitleTerms(other.titleTerms);
    numbers = SharedDetails.union(numbers, other.numbers, MAX_DETAILS);
    quotes = SharedDetails.union(quotes, other.quotes, MAX_DETAILS);
    for (int k = 0; k < kinds.length; k++) {
      kinds[k] += other.kinds[k];
    }
    days += other.days;
    vectors += other.vectors;
    lastUpdate = Math.max(lastUpdate, other.lastUpdate);
    other.closed = true;
    other.mergedInto = this;
    other.release();
  }

  /**
   * Drops everything but the id once the story is closed or merged: stale entries in the inverted
   * index then hold only this small shell until the next sweep.
   */
  void release() {
    single = null;
    undatedMembers.clear();
    undatedMembers.trimToSize();
    members.clear();
    members.trimToSize();
    canonicals.clear();
    canonicals.trimToSize();
    centroid.release();
    numbers = new long[0];
    quotes = new long[0];
  }

  /**
   * This event as closed: members in arrival order, its day (the median of its members' days) and
   * its headline (the title of its most central member: the one whose heaviest terms weigh most in
   * the event's centroid).
   */
  StoryEvent snapshotEvent() {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(java.util.Comparator.comparingLong(Member::seq));
    List<String> ids = new ArrayList<>(sorted.size());
    List<Long> days = new ArrayList<>();
    String headline = null;
    double best = -1;
    for (Member m : sorted) {
      ids.add(m.article().id());
      if (m.day() != TextFeatures.NO_DAY) {
        days.add(m.day());
      }
      String title = m.article().title();
      if (title == null || title.isBlank()) {
        continue;
      }
      double centrality = m.query() == null ? 0 : centroid.weightOf(m.query());
      if (centrality > best) {
        best = centrality;
        headline = title;
      }
    }
    days.sort(null);
    java.time.LocalDate day =
        days.isEmpty() ? null : java.time.LocalDate.ofEpochDay(days.get((days.size() - 1) / 2));
    return new StoryEvent(id, ids, day, headline);
  }
}
