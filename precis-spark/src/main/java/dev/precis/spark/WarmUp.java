package dev.precis.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * Which windows observe an article before their own (document frequencies only): those whose first
 * article (in input order) comes at most {@code articles} ranks after it. Held on the driver and
 * broadcast as two numbers a window.
 */
record WarmUp(long[] firstRanks, long[] windows, long articles) implements Serializable {
  /**
   * @param times seq → {window time, rank in input order}
   */
  static WarmUp of(
      JavaPairRDD<Long, long[]> times, long windowMs, long leadMs, long articles, int partitions) {
    List<Tuple2<Long, Long>> first =
        times
            .flatMapToPair(
                t -> {
                  List<Tuple2<Long, Long>> out = new ArrayList<>(2);
                  for (var w : WindowClustering.windows(t._1(), t._2()[0], windowMs, leadMs)) {
                    out.add(new Tuple2<>(w._1().window(), t._2()[1]));
                  }
                  return out.iterator();
                })
            .reduceByKey(Math::min, partitions)
            .collect();
    List<Tuple2<Long, Long>> sorted = new ArrayList<>(first);
    sorted.sort((a, b) -> Long.compare(a._2(), b._2()));
    long[] ranks = new long[sorted.size()];
    long[] windows = new long[sorted.size()];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = sorted.get(i)._2();
      windows[i] = sorted.get(i)._1();
    }
    return new WarmUp(ranks, windows, articles);
  }

  /** Windows that observe the article of this rank: first rank in (rank, rank + articles]. */
  List<Long> windowsObserving(long rank) {
    List<Long> out = new ArrayList<>();
    int i = Arrays.binarySearch(firstRanks, rank + 1);
    i = i < 0 ? -i - 1 : i;
    // equal first ranks cannot occur (an article opens at most its own window and the next)
    while (i > 0 && firstRanks[i - 1] > rank) {
      i--;
    }
    for (; i < firstRanks.length && firstRanks[i] <= rank + articles; i++) {
      out.add(windows[i]);
    }
    return out;
  }
}
