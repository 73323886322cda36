package dev.precis.spark;

import dev.precis.story.NearDuplicates;
import dev.precis.story.StoryOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Exact and near-duplicate articles across the whole input, whatever partition they are in: MinHash
 * locality-sensitive hashing with the clusterer's own bands and copy test ({@link NearDuplicates}).
 * Articles sharing a band are candidates; each is checked against the earlier ones of its bucket,
 * and a copy points at its most similar earlier original (the earliest on a tie), followed through
 * copies of copies to a canonical article.
 */
final class CopyFinder {
  /** Earlier bucket members each article is checked against: bounds buckets of page furniture. */
  static final int MAX_CHECKS_PER_BUCKET = 16;

  /** Rounds of pointer jumping: chains of copies up to 2^3 long are followed to their root. */
  private static final int CHAIN_ROUNDS = 3;

  private CopyFinder() {}

  /** What an article's fingerprint is, without its text. */
  record Fingerprint(long seq, String id, int[] minHash, int shingles) implements Serializable {}

  /** The canonical article a copy copies. */
  record Original(long seq, String id, double jaccard) implements Serializable {}

  /** Copy seq → its canonical original. */
  static JavaPairRDD<Long, Original> find(
      JavaRDD<Fingerprint> prints, double threshold, long closeAfterHours, int partitions) {
    JavaPairRDD<Long, Fingerprint> bySeq = prints.mapToPair(p -> new Tuple2<>(p.seq(), p));
    JavaPairRDD<Long, Long> candidates =
        prints
            .flatMapToPair(
                p -> {
                  List<Tuple2<Long, Long>> out = new ArrayList<>();
                  for (long band : NearDuplicates.bands(p.minHash())) {
                    out.add(new Tuple2<>(band, p.seq()));
                  }
                  return out.iterator();
                })
            .groupByKey(partitions)
            .flatMapToPair(bucket -> pairs(bucket._2()).iterator())
            // the same pair comes from every band the two share: sorted by the later article and
            // deduplicated there, as a shuffle written straight to disk (a distinct would first
            // gather every pair in a hash map, the job's largest heap use at a million articles)
            .repartitionAndSortWithinPartitions(new HashPartitioner(partitions))
            .mapPartitionsToPair(CopyFinder::withoutRepeats, true);
    JavaPairRDD<Long, Original> best =
        candidates
            .join(bySeq, partitions) // later → (earlier, later's print)
            .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
            .join(bySeq, partitions) // earlier → (later's print, earlier's print)
            .flatMapToPair(
                t -> {
                  StoryOptions options = WindowClustering.options(threshold, closeAfterHours);
                  Fingerprint later = t._2()._1();
                  Fingerprint earlier = t._2()._2();
                  if (!NearDuplicates.isCopy(
                      later.minHash(),
                      later.shingles(),
                      earlier.minHash(),
                      earlier.shingles(),
                      options)) {
                    return List.<Tuple2<Long, Original>>of().iterator();
                  }
                  double j = NearDuplicates.jaccard(later.minHash(), earlier.minHash());
                  return List.of(
                          new Tuple2<>(later.seq(), new Original(earlier.seq(), earlier.id(), j)))
                      .iterator();
                })
            .reduceByKey(CopyFinder::better, partitions);
    // a copy of a copy copies the first one's original
    JavaPairRDD<Long, Original> resolved = best;
    for (int round = 0; round < CHAIN_ROUNDS; round++) {
      JavaPairRDD<Long, Original> current = resolved;
      resolved =
          current
              .mapToPair(t -> new Tuple2<>(t._2().seq(), t))
              .leftOuterJoin(current, partitions)
              .mapToPair(
                  t -> {
                    Tuple2<Long, Original> copy = t._2()._1();
                    return t._2()._2().isPresent()
                        ? new Tuple2<>(copy._1(), t._2()._2().get())
                        : copy;
                  });
    }
    return resolved;
  }

  /** Each bucket member (in input order) with up to {@link #MAX_CHECKS_PER_BUCKET} earlier ones. */
  static List<Tuple2<Long, Long>> pairs(Iterable<Long> bucket) {
    List<Long> seqs = new ArrayList<>();
    bucket.forEach(seqs::add);
    List<Tuple2<Long, Long>> out = new ArrayList<>();
    if (seqs.size() < 2) {
      return out;
    }
    seqs.sort(null);
    for (int i = 1; i < seqs.size(); i++) {
      for (int j = 0; j < Math.min(i, MAX_CHECKS_PER_BUCKET); j++) {
        out.add(new Tuple2<>(seqs.get(i), seqs.get(j)));
      }
    }
    return out;
  }

  /** The pairs of a partition sorted by their first article, each pair once. */
  static Iterator<Tuple2<Long, Long>> withoutRepeats(Iterator<Tuple2<Long, Long>> sorted) {
    return new Iterator<>() {
      private final Set<Long> seen = new HashSet<>();
      private long key;
      private Tuple2<Long, Long> next = advance();

      private Tuple2<Long, Long> advance() {
        while (sorted.hasNext()) {
          Tuple2<Long, Long> p = sorted.next();
          if (seen.isEmpty() || p._1() != key) {
            seen.clear();
            key = p._1();
          }
          if (seen.add(p._2())) {
            return p;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Tuple2<Long, Long> next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Tuple2<Long, Long> p = next;
        next = advance();
        return p;
      }
    };
  }

  private static Original better(Original a, Original b) {
    if (a.jaccard() != b.jaccard()) {
      return a.jaccard() > b.jaccard() ? a : b;
    }
    return a.seq() < b.seq() ? a : b;
  }
}
