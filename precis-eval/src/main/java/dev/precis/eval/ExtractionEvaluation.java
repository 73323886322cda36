package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.InputException;
import dev.precis.ingest.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;

/**
 * Runs a main-text extractor over a labelled article-extraction data set laid out like the
 * Scrapinghub benchmark: {@code ground-truth.json} ({@code {ID: {"articleBody", "url"}}}) and
 * {@code html/ID.html.gz} (or {@code html/ID.html}), and scores it with {@link ShingleMatch}.
 */
public final class ExtractionEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One labelled page.
   *
   * @param id page id (file name without extension)
   * @param url the page's URL as recorded in the data set
   * @param html the page, decoded
   * @param truth the human-marked article body
   */
  public record Page(String id, String url, String html, String truth) {}

  /**
   * The score of one page.
   *
   * @param page the page
   * @param prediction the extracted text
   * @param counts normalised shingle counts
   */
  public record PageResult(Page page, String prediction, ShingleMatch.Counts counts) {}

  /**
   * Scores of a whole run.
   *
   * @param scores averages over pages
   * @param pages per-page results in data-set order
   */
  public record Result(ShingleMatch.Scores scores, List<PageResult> pages) {}

  /**
   * Where the comments begin in a Dragnet gold text: Dragnet's annotators marked the article and
   * the reader comments below it, and its gold files hold both, the comments after this line. An
   * article's main text is the part above it (the benchmark's gold leaves comments out too).
   */
  static final String DRAGNET_COMMENTS = "!@#$%^&*() COMMENTS";

  private ExtractionEvaluation() {}

  /**
   * Loads every labelled page of the data set in {@code dir}, sorted by id, each gold text without
   * the reader comments a set marks after the article ({@link #DRAGNET_COMMENTS}).
   */
  public static List<Page> load(Path dir) {
    return load(dir, false);
  }

  /**
   * As {@link #load(Path)}; with {@code keepComments}, a gold text keeps the comments its set marks
   * after the article (as the earlier models were trained and scored).
   */
  public static List<Page> load(Path dir, boolean keepComments) {
    Path truthFile = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(truthFile)) {
      throw new InputException(dir + ": not an extraction data set (no ground-truth.json)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(truthFile.toFile());
    } catch (IOException e) {
      throw new InputException(truthFile + ": cannot read (" + e.getMessage() + ")");
    }
    List<String> ids = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      ids.add(it.next().getKey());
    }
    ids.sort(null);
    List<Page> pages = new ArrayList<>(ids.size());
    for (String id : ids) {
      JsonNode entry = root.get(id);
      String truth = entry.path("articleBody").asText("");
      int comments = truth.indexOf(DRAGNET_COMMENTS);
      if (comments >= 0 && !keepComments) {
        truth = truth.substring(0, comments).strip();
      }
      String url = entry.hasNonNull("url") ? entry.get("url").asText() : null;
      pages.add(new Page(id, url, readHtml(dir.resolve("html"), id), truth));
    }
    return pages;
  }

  /**
   * The {@code set} field of each page of the data set in {@code dir} (pages without one are left
   * out), for data sets that merge several sources.
   */
  public static Map<String, String> sets(Path dir) {
    Path truthFile = dir.resolve("ground-truth.json");
    Map<String, String> out = new java.util.TreeMap<>();
    try {
      JsonNode root = JSON.readTree(truthFile.toFile());
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().hasNonNull("set")) {
          out.put(e.getKey(), e.getValue().get("set").asText());
        }
      }
    } catch (IOException e) {
      throw new InputException(truthFile + ": cannot read (" + e.getMessage() + ")");
    }
    return out;
  }

  /** Extracts every page with {@code extractor} (html, url to text) and scores the result. */
  public static Result run(List<Page> pages, BiFunction<String, String, String> extractor) {
    List<PageResult> results = new ArrayList<>(pages.size());
    List<ShingleMatch.Counts> counts = new ArrayList<>(pages.size());
    for (Page p : pages) {
      String predicted = extractor.apply(p.html(), p.url());
      ShingleMatch.Counts c = ShingleMatch.compare(p.truth(), predicted);
      counts.add(c);
      results.add(new PageResult(p, predicted, c));
    }
    return new Result(ShingleMatch.average(counts), results);
  }

  private static String readHtml(Path htmlDir, String id) {
    Path gz = htmlDir.resolve(id + ".html.gz");
    Path plain = htmlDir.resolve(id + ".html");
    try {
      if (Files.isRegularFile(gz)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          return TextDecoder.decode(in.readAllBytes());
        }
      }
      if (Files.isRegularFile(plain)) {
        return TextDecoder.decode(Files.readAllBytes(plain));
      }
    } catch (IOException e) {
      throw new InputException(htmlDir.resolve(id) + ": cannot read page (" + e.getMessage() + ")");
    }
    throw new InputException(htmlDir + ": no page for id " + id);
  }
}
