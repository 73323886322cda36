package dev.precis.facts;

import dev.precis.ingest.RawArticle;
import dev.precis.text.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The labelled rows of {@code datasets/facts/} and the documents they point to: files grouped into
 * stories by their folder, cleaned and split once per story, and the errors the scorers note while
 * comparing.
 */
final class LabelledFacts {
  private final Function<List<RawArticle>, List<Document>> prepareAndSplit;
  private final Path root;
  private final Path data;
  private final Map<String, Document> docs = new LinkedHashMap<>();
  private final Map<String, List<String>> stories = new LinkedHashMap<>();
  private final Map<String, EntityExtractor.Result> entityResults = new HashMap<>();
  private final List<String> errors = new ArrayList<>();

  LabelledFacts(Function<List<RawArticle>, List<Document>> prepareAndSplit, Path root, Path data) {
    this.prepareAndSplit = prepareAndSplit;
    this.root = root;
    this.data = data;
  }

  /** Notes an error seen in the labelled {@code file}. */
  void error(String message, String file) {
    errors.add(message + " (" + file + ")");
  }

  /** Errors seen while scoring, in the order noted. */
  List<String> errors() {
    return errors;
  }

  void register(String file) {
    if (docs.containsKey(file)) {
      return;
    }
    String story = Path.of(file).getParent().toString();
    List<String> members = stories.computeIfAbsent(story, k -> new ArrayList<>());
    members.add(file);
    docs.put(file, null);
  }

  /** The documents of a story, split, indexed in story order. */
  private List<Document> story(String file) {
    String story = Path.of(file).getParent().toString();
    List<String> members = stories.get(story);
    if (docs.get(members.get(0)) == null) {
      List<RawArticle> articles = new ArrayList<>();
      for (String f : members) {
        try {
          articles.add(
              RawArticle.ofText(f, Files.readString(root.resolve(f), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      List<Document> split = prepareAndSplit.apply(articles);
      for (int i = 0; i < members.size(); i++) {
        docs.put(members.get(i), split.get(i));
      }
    }
    List<Document> out = new ArrayList<>();
    for (String f : members) {
      out.add(docs.get(f));
    }
    return out;
  }

  EntityExtractor.Result entityResult(String file) {
    String story = Path.of(file).getParent().toString();
    return entityResults.computeIfAbsent(
        story, k -> new EntityExtractor().find(new FoundFacts(story(file))));
  }

  Document doc(String file) {
    story(file);
    return docs.get(file);
  }

  /** The rows of a labelled file, comments and blank lines skipped. */
  List<String[]> rows(String name) {
    try {
      List<String[]> out = new ArrayList<>();
      for (String line : Files.readAllLines(data.resolve(name), StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t", -1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Labelled rows grouped by their file (first column), in file order. */
  static Map<String, List<String[]>> byFile(List<String[]> rows) {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    for (String[] r : rows) {
      out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
