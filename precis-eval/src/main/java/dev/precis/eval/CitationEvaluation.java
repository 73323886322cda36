package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.ingest.InputException;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.summarize.CitationFinder;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of citations against {@code datasets/citations/labels.jsonl}: summary
 * sentences of development clusters, each with every other article of its cluster labelled as
 * stating the sentence or not (see datasets/citations/README.md for how the labels were made).
 *
 * <p>A citation is counted per (sentence, other article): cited and labelled = true positive, cited
 * and not labelled = false positive, labelled and not cited = miss. The sentence's own article is
 * not counted.
 */
public final class CitationEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The development sets and where they lie under the shared data folder. */
  static final Map<String, String> SETS =
      Map.of(
          "multiling2011", "multiling2011-en",
          "multinews-val", "multinews-val.jsonl.gz",
          "story-roundups", "story-roundups/stories.jsonl");

  /**
   * A labelled summary sentence.
   *
   * @param split "tune" (constants were chosen on it) or "report"
   * @param supports the other articles that state the sentence
   * @param others every other article of the cluster (labelled either way)
   */
  public record Item(
      String set,
      String cluster,
      String split,
      int document,
      String sentence,
      Set<Integer> supports,
      Set<Integer> others) {}

  /** Counts of one slice. */
  public record Score(
      String slice, int sentences, int truePositives, int falsePositives, int misses) {
    public double precision() {
      int cited = truePositives + falsePositives;
      return cited == 0 ? 1 : (double) truePositives / cited;
    }

    public double recall() {
      int labelled = truePositives + misses;
      return labelled == 0 ? 1 : (double) truePositives / labelled;
    }
  }

  private final Path shared;
  private final Map<String, List<Document>> clusterCache = new HashMap<>();

  /**
   * @param shared the shared data folder ({@code ../shared/data} from a repository root)
   */
  public CitationEvaluation(Path shared) {
    this.shared = shared;
  }

  /** Reads the labels file. */
  public static List<Item> readLabels(Path labels) throws IOException {
    List<Item> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      Set<Integer> supports = new HashSet<>();
      Set<Integer> others = new HashSet<>();
      for (JsonNode c : n.get("candidates")) {
        JsonNode label = c.get("supports");
        if (label == null || !label.isBoolean()) {
          throw new InputException(labels + ":" + lineNo + ": a candidate is not labelled");
        }
        others.add(c.get("document").asInt());
        if (label.asBoolean()) {
          supports.add(c.get("document").asInt());
        }
      }
      out.add(
          new Item(
              n.get("set").asText(),
              n.get("cluster").asText(),
              n.get("split").asText(),
              n.get("document").asInt(),
              n.get("sentence").asText(),
              supports,
              others));
    }
    return out;
  }

  /** Scores {@code finder} on the items: per split, per set, and overall. */
  public List<Score> evaluate(List<Item> items, CitationFinder finder, List<String> errors) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, CitationFinder.Index> indexes = new HashMap<>();
    for (Item item : items) {
      List<Document> docs = documents(item.set(), item.cluster());
      Sentence s = locate(docs, item);
      CitationFinder.Index index =
          indexes.computeIfAbsent(item.set() + "/" + item.cluster(), k -> finder.index(docs));
      Map<Integer, Citation> cited = new HashMap<>();
      for (Citation c : index.cite(s)) {
        if (c.document() != item.document()) {
          cited.put(c.document(), c);
        }
      }
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int d : item.others()) {
        boolean label = item.supports().contains(d);
        boolean cite = cited.containsKey(d);
        tp += label && cite ? 1 : 0;
        fp += !label && cite ? 1 : 0;
        fn += label && !cite ? 1 : 0;
        if (label != cite && errors != null) {
          errors.add(
              (cite ? "false citation " : "missed ")
                  + item.set()
                  + "/"
                  + item.cluster()
                  + " ["
                  + item.document()
                  + " -> "
                  + d
                  + "] "
                  + item.sentence()
                  + "\n    "
                  + evidence(docs.get(d), item.sentence(), cited.get(d)));
        }
      }
      for (String slice :
          List.of(
              item.split() + " all", item.split() + " " + item.set(), "all", "all " + item.set())) {
        int[] c = counts.computeIfAbsent(slice, k -> new int[4]);
        c[0]++;
        c[1] += tp;
        c[2] += fp;
        c[3] += fn;
      }
    }
    List<Score> out = new ArrayList<>();
    counts.keySet().stream()
        .sorted()
        .forEach(
            k -> {
              int[] c = counts.get(k);
              out.add(new Score(k, c[0], c[1], c[2], c[3]));
            });
    return out;
  }

  /** What a reader checks an error against: the cited words, else the article's nearest two. */
  private static String evidence(Document d, String sentence, Citation cited) {
    if (cited != null) {
      return "cited: " + d.article().text().substring(cited.start(), cited.end());
    }
    List<String> near = new ArrayList<>();
    for (Sentence t : nearest(sentence, d.sentences(), 2)) {
      near.add(t.text());
    }
    return "nearest: " + String.join(" || ", near);
  }

  /**
   * One line per candidate of every labelled pair: label, split, set, the pair's number, then the
   * candidate's features (a pair without candidates: one line without features), for analysis.
   */
  public List<String> features(List<Item> items, CitationFinder finder) {
    List<String> out = new ArrayList<>();
    int bag = 0;
    for (Item item : items) {
      List<Document> docs = documents(item.set(), item.cluster());
      List<List<double[]>> f = finder.index(docs).candidateFeatures(locate(docs, item));
      for (int d : item.others()) {
        String head =
            (item.supports().contains(d) ? 1 : 0)
                + "\t"
                + item.split()
                + "\t"
                + item.set()
                + "\t"
                + bag++;
        List<double[]> cands = d < f.size() ? f.get(d) : List.of();
        if (cands.isEmpty()) {
          out.add(head);
        }
        for (double[] c : cands) {
          StringBuilder b = new StringBuilder(head);
          for (double x : c) {
            b.append('\t').append(String.format(Locale.ROOT, "%.4f", x));
          }
          out.add(b.toString());
        }
      }
    }
    return out;
  }

  /** One line per labelled pair: label, best score, set, split, sentence. For analysis. */
  public List<String> scores(List<Item> items, CitationFinder finder) {
    List<String> out = new ArrayList<>();
    for (Item item : items) {
      List<Document> docs = documents(item.set(), item.cluster());
      double[] sc = finder.index(docs).scores(locate(docs, item));
      for (int d : item.others()) {
        out.add(
            String.format(
                Locale.ROOT,
                "%d\t%.3f\t%s\t%s\t%s/%d->%d\t%s",
                item.supports().contains(d) ? 1 : 0,
                d < sc.length ? sc[d] : 0,
                item.set(),
                item.split(),
                item.cluster(),
                item.document(),
                d,
                item.sentence()));
      }
    }
    return out;
  }

  /** The labelled sentence in its article: by its offsets' text, else searched for. */
  static Sentence locate(List<Document> docs, Item item) {
    if (item.document() >= docs.size()) {
      throw new InputException(item.cluster() + ": no article " + item.document());
    }
    Document d = docs.get(item.document());
    String text = d.article().text();
    int at = text.indexOf(item.sentence());
    if (at < 0) {
      throw new InputException(
          item.set() + "/" + item.cluster() + ": sentence not found: " + item.sentence());
    }
    int index = 0;
    for (Sentence s : d.sentences()) {
      if (s.start() <= at) {
        index = s.index();
      }
    }
    return new Sentence(d.index(), index, at, at + item.sentence().length(), item.sentence());
  }

  /** The prepared, split articles of a cluster (cached). */
  List<Document> documents(String set, String cluster) {
    String key = set + "/" + cluster;
    List<Document> docs = clusterCache.get(key);
    if (docs == null) {
      for (EvalCluster c : clusters(set, Integer.MAX_VALUE, 1)) {
        List<Article> articles = new ArrayList<>();
        for (RawArticle r : c.documents()) {
          articles.add(Precis.defaults().prepare(r));
        }
        clusterCache.put(set + "/" + c.id(), Precis.defaults().split(articles));
      }
      docs = clusterCache.get(key);
      if (docs == null) {
        throw new InputException(key + ": no such cluster");
      }
    }
    return docs;
  }

  /** Every {@code step}-th cluster of a set, at most {@code limit}. */
  List<EvalCluster> clusters(String set, int limit, int step) {
    String where = SETS.get(set);
    if (where == null) {
      throw new InputException(set + ": unknown set (one of " + SETS.keySet() + ")");
    }
    List<EvalCluster> all = EvalDatasets.read(shared.resolve(where));
    List<EvalCluster> out = new ArrayList<>();
    for (int i = 0; i < all.size() && out.size() < limit; i += step) {
      out.add(all.get(i));
    }
    return out;
  }

  /**
   * Writes the unlabelled candidates for labelling: for each summary sentence of the chosen
   * clusters, every other article with its sentences ranked by shared words of four letters or more
   * (a reading aid only; the label is decided by reading, see the README).
   */
  public void dump(String set, int limit, int step, int[] budgets, PrintWriter out)
      throws IOException {
    int n = 0;
    for (EvalCluster c : clusters(set, limit, step)) {
      List<Article> articles = new ArrayList<>();
      for (RawArticle r : c.documents()) {
        articles.add(Precis.defaults().prepare(r));
      }
      List<Document> docs = Precis.defaults().split(articles);
      Set<String> seen = new HashSet<>();
      for (int words : budgets) {
        for (Sentence s : Precis.defaults().summarizers().create("default").select(docs, words)) {
          if (!seen.add(s.text())) {
            continue;
          }
          ObjectNode o = JSON.createObjectNode();
          o.put("set", set);
          o.put("cluster", c.id());
          o.put("split", n++ % 2 == 0 ? "tune" : "report");
          o.put("document", s.document());
          o.put("sentence", s.text());
          ArrayNode cands = o.putArray("candidates");
          for (Document d : docs) {
            if (d.index() == s.document()) {
              continue;
            }
            ObjectNode cand = cands.addObject();
            cand.put("document", d.index());
            cand.putNull("supports");
            ArrayNode near = cand.putArray("nearest");
            for (Sentence t : nearest(s.text(), d.sentences(), 3)) {
              near.add(t.text());
            }
          }
          out.println(JSON.writeValueAsString(o));
        }
      }
    }
  }

  private static List<Sentence> nearest(String text, List<Sentence> pool, int k) {
    Set<String> mine = longWords(text);
    List<Sentence> ranked = new ArrayList<>(pool);
    Map<Sentence, Integer> shared = new HashMap<>();
    for (Sentence t : pool) {
      Set<String> w = longWords(t.text());
      w.retainAll(mine);
      shared.put(t, w.size());
    }
    ranked.sort((a, b) -> Integer.compare(shared.get(b), shared.get(a)));
    List<Sentence> out = new ArrayList<>();
    for (Sentence t : ranked) {
      if (out.size() == k || shared.get(t) == 0) {
        break;
      }
      out.add(t);
    }
    return out;
  }

  private static Set<String> longWords(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4 || (!w.isEmpty() && Character.isDigit(w.charAt(0)))) {
        out.add(w);
      }
    }
    return out;
  }
}
