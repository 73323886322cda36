package dev.precis.spark;

import dev.precis.spark.WindowClustering.LocalEvent;
import dev.precis.spark.WindowClustering.Placement;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Joins events and stories that span a window edge. A window's event that holds lead-in articles
 * continues the previous window's event that holds most of them (the one that saw them with their
 * full history; the smaller event number on a tie), and their stories become one. Only such edge
 * events reach the driver (numbers, never texts): a few thousand per window edge at most.
 */
final class EdgeMerge {
  private EdgeMerge() {}

  /** An event of one window's clusterer. */
  record EventKey(long window, long event) implements Serializable {}

  /** A story (thread of events) of one window's clusterer. */
  record ThreadKey(long window, long thread) implements Serializable {}

  /**
   * Where every window's events and stories end up after merging across edges; keys absent from the
   * maps are their own root.
   */
  record Roots(Map<EventKey, EventKey> events, Map<ThreadKey, ThreadKey> threads)
      implements Serializable {
    EventKey event(EventKey k) {
      return events.getOrDefault(k, k);
    }

    ThreadKey thread(ThreadKey k) {
      return threads.getOrDefault(k, k);
    }
  }

  /**
   * A vote of one lead-in article: its event here, and its (owner's) event in the window before.
   */
  private record Edge(EventKey from, ThreadKey fromThread, EventKey to, ThreadKey toThread)
      implements Serializable {}

  static Roots roots(JavaRDD<Placement> placements, int partitions) {
    JavaPairRDD<Long, Placement> owned =
        placements.filter(p -> !p.leadIn()).mapToPair(p -> new Tuple2<>(p.seq(), p));
    JavaPairRDD<Long, Placement> lead =
        placements.filter(Placement::leadIn).mapToPair(p -> new Tuple2<>(p.seq(), p));
    List<Tuple2<Edge, Long>> votes =
        lead.join(owned, partitions)
            .mapToPair(
                t -> {
                  Placement here = t._2()._1();
                  Placement before = t._2()._2();
                  Edge e =
                      new Edge(
                          new EventKey(here.window(), here.event()),
                          new ThreadKey(here.window(), here.thread()),
                          new EventKey(before.window(), before.event()),
                          new ThreadKey(before.window(), before.thread()));
                  return new Tuple2<>(e, 1L);
                })
            .reduceByKey(Long::sum, partitions)
            .collect();
    // an event continues the previous window's event holding most of its lead-in articles, and
    // that event must be continued by it alone: when the lead-ins of one event are spread over
    // several here (this window lacks their history), only the one holding most continues it,
    // the others are new events, as the command line (which never splits an event) finds them
    Map<EventKey, Tuple2<Edge, Long>> bestTo = new HashMap<>();
    Map<EventKey, Tuple2<Edge, Long>> bestFrom = new HashMap<>();
    for (Tuple2<Edge, Long> v : votes) {
      bestTo.merge(v._1().from(), v, (a, b) -> stronger(a, b, true));
      bestFrom.merge(v._1().to(), v, (a, b) -> stronger(a, b, false));
    }
    List<Tuple2<Edge, Long>> best = new java.util.ArrayList<>();
    for (Tuple2<Edge, Long> v : bestTo.values()) {
      if (bestFrom.get(v._1().to()) == v) {
        best.add(v);
      }
    }
    Map<EventKey, EventKey> parent = new HashMap<>();
    UnionFind<ThreadKey> threads = new UnionFind<>();
    for (Tuple2<Edge, Long> v : best) {
      parent.put(v._1().from(), v._1().to());
      threads.union(v._1().toThread(), v._1().fromThread());
    }
    Map<EventKey, EventKey> roots = new HashMap<>();
    for (EventKey k : parent.keySet()) {
      EventKey r = k;
      while (parent.containsKey(r)) {
        r = parent.get(r); // edges point to earlier windows only: no cycle
      }
      roots.put(k, r);
    }
    return new Roots(roots, threads.roots());
  }

  /** The vote with more articles; on a tie the smaller event number on the other side. */
  private static Tuple2<Edge, Long> stronger(
      Tuple2<Edge, Long> a, Tuple2<Edge, Long> b, boolean byTarget) {
    if (!a._2().equals(b._2())) {
      return a._2() > b._2() ? a : b;
    }
    long ea = byTarget ? a._1().to().event() : a._1().from().event();
    long eb = byTarget ? b._1().to().event() : b._1().from().event();
    return ea <= eb ? a : b;
  }

  /** The metadata of merged events: day and headline of the part that owns most articles. */
  static JavaPairRDD<EventKey, LocalEvent> events(
      JavaRDD<LocalEvent> parts,
      org.apache.spark.broadcast.Broadcast<Roots> roots,
      int partitions) {
    return parts
        .mapToPair(e -> new Tuple2<>(roots.value().event(new EventKey(e.window(), e.event())), e))
        .reduceByKey(
            (a, b) -> {
              if (a.owned() != b.owned()) {
                return a.owned() > b.owned() ? a : b;
              }
              return a.window() < b.window() || (a.window() == b.window() && a.event() < b.event())
                  ? a
                  : b;
            },
            partitions);
  }

  /** Union-find over a few thousand keys, on the driver; the smallest-inserted root wins. */
  static final class UnionFind<K> {
    private final Map<K, K> parent = new HashMap<>();

    K find(K k) {
      K p = parent.getOrDefault(k, k);
      if (p.equals(k)) {
        return k;
      }
      K r = find(p);
      parent.put(k, r);
      return r;
    }

    /** Joins b's set into a's. */
    void union(K a, K b) {
      K ra = find(a);
      K rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(rb, ra);
      }
    }

    Map<K, K> roots() {
      Map<K, K> out = new HashMap<>();
      for (K k : parent.keySet()) {
        out.put(k, find(k));
      }
      return out;
    }
  }
}
