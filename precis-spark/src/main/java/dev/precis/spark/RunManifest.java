package dev.precis.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The committed state of an output directory: which run is current, which input files its articles
 * came from, and where those articles are. A run writes everything under names of its own, then
 * commits by creating {@code _manifest-N.json} (never overwritten, so the commit is one atomic
 * create or rename on any Hadoop file system). A run killed before that leaves no manifest: the
 * directory still reads as the previous run, and a rerun redoes the same run number over the
 * leftovers, so nothing is counted twice and nothing is lost.
 *
 * @param run number of the last committed run (0 for a new directory)
 * @param files keys of the input files already read ({@link InputFiles.InputFile#key})
 * @param articleRuns runs whose {@code articles/run=N} tables hold the articles
 * @param options the options the run's state was computed with ({@link JobOptions#stateKey}); a run
 *     with other options reuses none of it
 */
record RunManifest(int run, Set<String> files, List<Integer> articleRuns, String options) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "_manifest-";

  /** The latest committed manifest of a directory, or an empty one. */
  static RunManifest load(String dir, Configuration conf) {
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return new RunManifest(0, Set.of(), List.of(), "");
      }
      int latest = 0;
      for (FileStatus s : fs.listStatus(root)) {
        String n = s.getPath().getName();
        if (n.startsWith(PREFIX) && n.endsWith(".json")) {
          latest = Math.max(latest, Integer.parseInt(n.substring(PREFIX.length(), n.length() - 5)));
        }
      }
      if (latest == 0) {
        return new RunManifest(0, Set.of(), List.of(), "");
      }
      try (InputStream in = fs.open(new Path(root, PREFIX + latest + ".json"))) {
        ObjectNode o = (ObjectNode) JSON.readTree(in);
        Set<String> files = new LinkedHashSet<>();
        o.withArray("files").forEach(f -> files.add(f.asText()));
        List<Integer> runs = new ArrayList<>();
        o.withArray("article_runs").forEach(r -> runs.add(r.asInt()));
        return new RunManifest(o.get("run").asInt(), files, runs, o.path("options").asText(""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commits this manifest: written aside, then renamed to its final name. */
  void commit(String dir, Configuration conf) {
    ObjectNode o = JSON.createObjectNode();
    o.put("run", run);
    ArrayNode f = o.putArray("files");
    files.forEach(f::add);
    ArrayNode r = o.putArray("article_runs");
    articleRuns.forEach(r::add);
    o.put("options", options);
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      Path tmp = new Path(root, "_tmp" + PREFIX + run + ".json");
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(o.toString().getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(tmp, new Path(root, PREFIX + run + ".json"))) {
        throw new IOException("cannot commit run " + run + " in " + dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where run {@code n} writes its tables. */
  static String runDir(String dir, int n) {
    return dir + "/run-" + n;
  }

  static String articlesDir(String dir, int n) {
    return dir + "/articles/run=" + n;
  }
}
