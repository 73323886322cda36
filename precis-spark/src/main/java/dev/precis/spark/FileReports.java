package dev.precis.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * The {@link FileReport}s of one reading pass, summed per file as the tasks that write the articles
 * come across them. An accumulator rather than a second pass over the cleaned articles: that pass
 * needed them kept (serialized) between the two, which cost more than the cleaning's writing.
 * Updated only in the result stage of the write (never a shuffle's map side), where Spark merges
 * each partition's updates once, so retried tasks do not count twice.
 */
final class FileReports extends AccumulatorV2<FileReport, List<FileReport>> {
  private final Map<String, FileReport> byFile = new TreeMap<>();

  @Override
  public boolean isZero() {
    synchronized (byFile) {
      return byFile.isEmpty();
    }
  }

  @Override
  public FileReports copy() {
    FileReports c = new FileReports();
    c.merge(this);
    return c;
  }

  @Override
  public void reset() {
    synchronized (byFile) {
      byFile.clear();
    }
  }

  @Override
  public void add(FileReport r) {
    synchronized (byFile) {
      byFile.merge(r.file(), r, FileReport::plus);
    }
  }

  @Override
  public void merge(AccumulatorV2<FileReport, List<FileReport>> other) {
    for (FileReport r : other.value()) {
      add(r);
    }
  }

  @Override
  public List<FileReport> value() {
    synchronized (byFile) {
      return new ArrayList<>(byFile.values());
    }
  }
}
