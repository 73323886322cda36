package dev.precis.eval.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.ingest.InputException;
import dev.precis.ingest.RawArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The development texts under a shared data folder that word-vector training counts words in, in a
 * fixed order: Multi-News validation articles, story-roundup articles (title and excerpt),
 * MultiLing 2011 documents and the main texts of the extraction training pages. Never the
 * article-extraction benchmark (held out for the extractor).
 */
final class DevTexts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DevTexts() {}

  /** Calls {@code text} once per document; returns the number of documents. */
  static long forEach(Path data, Consumer<String> text) {
    long n = 0;
    n += multiNews(data.resolve("multinews-val.jsonl.gz"), text);
    n += storyRoundups(data.resolve("story-roundups/stream.jsonl"), text);
    n += multiLing(data.resolve("multiling2011-en/docs"), text);
    n += extractionTrain(data.resolve("extraction-train/ground-truth.json"), text);
    return n;
  }

  private static long multiNews(Path file, Consumer<String> text) {
    long n = 0;
    for (EvalCluster c : EvalDatasets.readJsonLines(required(file), Integer.MAX_VALUE)) {
      for (RawArticle a : c.documents()) {
        text.accept(a.content());
        n++;
      }
    }
    return n;
  }

  private static long storyRoundups(Path file, Consumer<String> text) {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(required(file))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          JsonNode a = JSON.readTree(line);
          text.accept(a.path("title").asText("") + "\n" + a.path("text").asText(""));
          n++;
        }
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return n;
  }

  private static long multiLing(Path docs, Consumer<String> text) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(required(docs))) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new InputException(docs + ": cannot read (" + e.getMessage() + ")");
    }
    long n = 0;
    for (Path f : files) {
      for (RawArticle a : EvalDatasets.readDocumentFile(f)) {
        text.accept(a.content());
        n++;
      }
    }
    return n;
  }

  private static long extractionTrain(Path file, Consumer<String> text) {
    JsonNode root;
    try {
      root = JSON.readTree(required(file).toFile());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    List<String> ids = new ArrayList<>();
    root.fieldNames().forEachRemaining(ids::add);
    ids.sort(null);
    long n = 0;
    for (String id : ids) {
      text.accept(root.get(id).path("articleBody").asText(""));
      n++;
    }
    return n;
  }

  private static Path required(Path p) {
    if (!Files.exists(p)) {
      throw new InputException(p + ": not found (expected the shared data folder)");
    }
    return p;
  }
}
