package dev.precis.spark;

import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.InputException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The input files of a run, listed on the driver through Hadoop's file systems (local paths, HDFS,
 * S3, ...): a file as given, a directory walked recursively in name order keeping the files the
 * command line reads ({@link ArticleSources#isArticleFile}), in the order of the arguments. Only
 * names and sizes: the driver never reads an article.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * One input file.
   *
   * @param path fully qualified ({@code file:/...}, {@code hdfs://...})
   * @param size its length in bytes
   * @param modified its modification time (a file rewritten since a run is read again)
   */
  record InputFile(String path, long size, long modified) implements Serializable {
    /** Identity of the file's content as far as a listing tells. */
    String key() {
      return path + "|" + size + "|" + modified;
    }
  }

  /**
   * @throws InputException when an input does not exist or a directory holds no article file
   */
  static List<InputFile> list(List<String> inputs, Configuration conf) {
    List<InputFile> out = new ArrayList<>();
    for (String input : inputs) {
      try {
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
          throw new InputException(input + ": no such file or directory");
        }
        FileStatus status = fs.getFileStatus(p);
        int before = out.size();
        if (status.isDirectory()) {
          walk(fs, status.getPath(), out);
          if (out.size() == before) {
            throw new InputException(
                input + ": directory contains no .txt, .html, .json, .jsonl, WARC or feed files");
          }
        } else {
          out.add(of(fs.makeQualified(status.getPath()), status));
        }
      } catch (IOException e) {
        throw new InputException(input + ": cannot list (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private static void walk(FileSystem fs, Path dir, List<InputFile> out) throws IOException {
    FileStatus[] entries = fs.listStatus(dir);
    Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus s : entries) {
      if (s.isDirectory()) {
        walk(fs, s.getPath(), out);
      } else if (s.isFile()
          && ArticleSources.isArticleFile(java.nio.file.Path.of(s.getPath().getName()))) {
        out.add(of(fs.makeQualified(s.getPath()), s));
      }
    }
  }

  private static InputFile of(Path qualified, FileStatus s) {
    return new InputFile(qualified.toString(), s.getLen(), s.getModificationTime());
  }

  /**
   * A local path to read the file from: the file itself when it is local, else a copy in a
   * temporary directory (the readers need a seekable local file; the copy keeps the file's name,
   * which tells its format). {@link LocalCopy#close} removes a copy.
   */
  static LocalCopy local(String path, Configuration conf) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if ("file".equals(fs.getScheme())) {
        return new LocalCopy(java.nio.file.Path.of(p.toUri()), null);
      }
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("precis-input");
      java.nio.file.Path copy = dir.resolve(p.getName());
      fs.copyToLocalFile(false, p, new Path(copy.toUri()), true);
      return new LocalCopy(copy, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A local file to read, and the temporary directory to remove afterwards (or null). */
  record LocalCopy(java.nio.file.Path file, java.nio.file.Path tempDir) implements AutoCloseable {
    @Override
    public void close() {
      if (tempDir == null) {
        return;
      }
      try (var walk = java.nio.file.Files.walk(tempDir)) {
        for (java.nio.file.Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        // a leftover temporary copy is not worth failing a task over
      }
    }
  }
}
