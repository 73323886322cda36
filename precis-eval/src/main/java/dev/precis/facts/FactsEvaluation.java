package dev.precis.facts;

import dev.precis.ingest.RawArticle;
import dev.precis.text.Document;
import dev.precis.text.analysis.Stemmer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the fact extractors against the labelled sets in {@code datasets/facts/}: entity
 * mentions (precision/recall, typed and untyped) and merging (pairwise precision/recall, false
 * merges listed), quotations (detection precision/recall, speaker accuracy) and figures (extraction
 * precision/recall/F1, range, kind and counted-noun accuracy). Files are grouped into stories by
 * their folder, as a story clusterer would deliver them.
 */
public final class FactsEvaluation {
  /** One line of the report. */
  public record Score(String component, String measure, double value, String detail) {}

  private final Function<List<RawArticle>, List<Document>> prepareAndSplit;
  private final Path root;
  private final Path data;
  private final Map<String, Document> docs = new LinkedHashMap<>();
  private final Map<String, List<String>> stories = new LinkedHashMap<>();
  private final Map<String, EntityExtractor.Result> entityResults = new HashMap<>();
  private final List<String> errors = new ArrayList<>();

  /**
   * @param prepareAndSplit cleans and splits the articles of one story (e.g. {@code raw ->
   *     precis.split(precis.prepareAll(raw))}), indexed in story order
   * @param root the repository root (files in the labels are relative to it)
   * @param data the folder holding {@code entity-forms.tsv}, {@code quotes.tsv}, {@code
   *     numbers.tsv}
   */
  public FactsEvaluation(
      Function<List<RawArticle>, List<Document>> prepareAndSplit, Path root, Path data) {
    this.prepareAndSplit = prepareAndSplit;
    this.root = root;
    this.data = data;
  }

  /** Errors seen while scoring (misses, false alarms, wrong speakers), for inspection. */
  public List<String> errors() {
    return errors;
  }

  /** Runs every component and returns the report lines. */
  public List<Score> run() {
    List<String[]> entityRows = rows("entity-forms.tsv");
    List<String[]> quoteRows = rows("quotes.tsv");
    List<String[]> numberRows = rows("numbers.tsv");
    for (List<String[]> rows : List.of(entityRows, quoteRows, numberRows)) {
      for (String[] r : rows) {
        register(r[0]);
      }
    }
    List<Score> out = new ArrayList<>();
    out.addAll(entities(entityRows));
    out.addAll(quotes(quoteRows));
    out.addAll(numbers(numberRows));
    return out;
  }

  /**
   * The headline scores per source of the labelled articles, e.g. the bundled example (looked at
   * while building the extractors) apart from held-out articles.
   *
   * @param sources source name → prefix of the labelled files' paths (as written in the labels)
   */
  public List<Score> bySource(Map<String, String> sources) {
    List<Score> out = new ArrayList<>();
    int errorCount = errors.size();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String name = e.getKey();
      String source = e.getValue();
      java.util.function.Predicate<String[]> in = r -> r[0].startsWith(source);
      for (Score sc : entities(rows("entity-forms.tsv").stream().filter(in).toList())) {
        if (sc.measure().equals("mention F1")
            || sc.measure().startsWith("false merges")
            || sc.measure().startsWith("merge recall")) {
          out.add(new Score("entities (" + name + ")", sc.measure(), sc.value(), sc.detail()));
        }
      }
      for (Score sc : quotes(rows("quotes.tsv").stream().filter(in).toList())) {
        if (sc.measure().startsWith("speaker accuracy")
            || sc.measure().equals("detection recall")) {
          out.add(new Score("quotes (" + name + ")", sc.measure(), sc.value(), sc.detail()));
        }
      }
      for (Score sc : numbers(rows("numbers.tsv").stream().filter(in).toList())) {
        if (sc.measure().equals("extraction F1") || sc.measure().startsWith("extraction recall")) {
          out.add(new Score("numbers (" + name + ")", sc.measure(), sc.value(), sc.detail()));
        }
      }
    }
    errors.subList(errorCount, errors.size()).clear();
    return out;
  }

  private void register(String file) {
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

  private EntityExtractor.Result entityResult(String file) {
    String story = Path.of(file).getParent().toString();
    return entityResults.computeIfAbsent(story, k -> new EntityExtractor().extract(story(file)));
  }

  private Document doc(String file) {
    story(file);
    return docs.get(file);
  }

  private List<String[]> rows(String name) {
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

  /**
   * CPU time of one fact extraction per cluster of {@code clusterDir} (one sub-folder of article
   * files each, e.g. the ten 10-article MultiLing clusters), after {@code warmup} extractions. CPU
   * time of the extracting thread, so other load on the machine does not inflate it.
   */
  public static double cpuMillisPerCluster(
      Function<List<RawArticle>, List<Document>> prepareAndSplit,
      Path clusterDir,
      int warmup,
      int runs)
      throws IOException {
    List<List<Document>> clusters = new ArrayList<>();
    try (var topics = Files.list(clusterDir)) {
      for (Path topic : topics.sorted().toList()) {
        if (!Files.isDirectory(topic)) {
          continue;
        }
        List<RawArticle> articles = new ArrayList<>();
        try (var files = Files.list(topic)) {
          for (Path f : files.sorted().toList()) {
            articles.add(
                RawArticle.ofText(
                    f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
          }
        }
        clusters.add(prepareAndSplit.apply(articles));
      }
    }
    FactExtractor extractor = FactExtractor.standard();
    for (int i = 0; i < warmup; i++) {
      extractor.extract(clusters.get(i % clusters.size()));
    }
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      extractor.extract(clusters.get(i % clusters.size()));
    }
    return (mx.getCurrentThreadCpuTime() - start) / 1e6 / runs;
  }

  // ------------------------------------------------------------------ entities

  /** How often a labelled form occurs as a name: whole words, not inside a longer labelled form. */
  static int[] occurrences(String text, String form, List<String> longer) {
    Pattern p =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}\\-.])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}]|-\\p{Ll})");
    Matcher m = p.matcher(text);
    List<Integer> starts = new ArrayList<>();
    while (m.find()) {
      boolean inside = false;
      for (String l : longer) {
        int from = Math.max(0, m.start() - l.length());
        int idx = text.indexOf(l, from);
        while (idx >= 0 && idx <= m.start()) {
          if (idx + l.length() >= m.end()) {
            inside = true;
            break;
          }
          idx = text.indexOf(l, idx + 1);
        }
        if (inside) {
          break;
        }
      }
      if (!inside) {
        starts.add(m.start());
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private List<Score> entities(List<String[]> rows) {
    Map<String, List<String[]>> byFile = byFile(rows);
    int gold = 0;
    int pred = 0;
    int tp = 0;
    int tpTyped = 0;
    // merging: per story, (file|form) -> gold entity and predicted entity
    Map<String, Map<String, String>> goldEntity = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> predEntity = new LinkedHashMap<>();
    for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
      String file = e.getKey();
      Document d = doc(file);
      String text = d.article().text();
      EntityExtractor.Result result = entityResult(file);
      Map<String, Integer> predCount = new HashMap<>();
      Map<String, Map<Integer, Integer>> predIds = new HashMap<>();
      for (EntityExtractor.ResolvedMention m : result.mentions().get(d.index())) {
        if (m.text().toLowerCase(Locale.ROOT).startsWith("the ")
            && !m.text().startsWith("The Hague")) {
          continue; // descriptions ("the Russian foreign minister") are not labelled
        }
        predCount.merge(m.text(), 1, Integer::sum);
        predIds.computeIfAbsent(m.text(), k -> new HashMap<>()).merge(m.entity(), 1, Integer::sum);
        pred++;
      }
      List<String> forms = e.getValue().stream().map(r -> r[1]).toList();
      String story = Path.of(file).getParent().toString();
      for (String[] r : e.getValue()) {
        String form = r[1];
        List<String> longer =
            forms.stream().filter(f -> f.length() > form.length() && f.contains(form)).toList();
        int g = occurrences(text, form, longer).length;
        gold += g;
        int p = predCount.getOrDefault(form, 0);
        int hit = Math.min(g, p);
        tp += hit;
        if (hit > 0) {
          int id = majority(predIds.get(form));
          EntityType type = result.entities().get(id).type();
          if (type.name().equals(r[2])) {
            tpTyped += hit;
          } else {
            errors.add(
                "entity type: " + form + " is " + r[2] + ", predicted " + type + " (" + file + ")");
          }
          goldEntity
              .computeIfAbsent(story, k -> new LinkedHashMap<>())
              .put(file + "|" + form, r[3]);
          predEntity.computeIfAbsent(story, k -> new LinkedHashMap<>()).put(file + "|" + form, id);
        }
        if (g > p) {
          errors.add("entity missed: " + form + " " + (g - p) + " of " + g + " (" + file + ")");
        }
        predCount.remove(form);
      }
      for (Map.Entry<String, Integer> extra : predCount.entrySet()) {
        errors.add(
            "entity false alarm: " + extra.getKey() + " x" + extra.getValue() + " (" + file + ")");
      }
    }
    // pairwise merging
    int samePred = 0;
    int sameGold = 0;
    int sameBoth = 0;
    List<String> falseMerges = new ArrayList<>();
    for (String story : goldEntity.keySet()) {
      List<String> keys = new ArrayList<>(goldEntity.get(story).keySet());
      for (int i = 0; i < keys.size(); i++) {
        for (int j = i + 1; j < keys.size(); j++) {
          String a = keys.get(i);
          String b = keys.get(j);
          boolean g = goldEntity.get(story).get(a).equals(goldEntity.get(story).get(b));
          boolean p = predEntity.get(story).get(a).equals(predEntity.get(story).get(b));
          if (g && p) {
            sameBoth++;
          }
          if (g) {
            sameGold++;
          }
          if (p) {
            samePred++;
            if (!g) {
              falseMerges.add(
                  a.substring(a.indexOf('|') + 1) + " = " + b.substring(b.indexOf('|') + 1));
            }
          }
          if (g && !p) {
            errors.add("entity not merged: " + a + " / " + b);
          }
        }
      }
    }
    for (String f : falseMerges) {
      errors.add("FALSE MERGE: " + f);
    }
    List<Score> out = new ArrayList<>();
    out.add(new Score("entities", "mention precision", ratio(tp, pred), tp + "/" + pred));
    out.add(new Score("entities", "mention recall", ratio(tp, gold), tp + "/" + gold));
    out.add(new Score("entities", "mention F1", f1(ratio(tp, pred), ratio(tp, gold)), ""));
    out.add(new Score("entities", "typed precision", ratio(tpTyped, pred), tpTyped + "/" + pred));
    out.add(new Score("entities", "typed recall", ratio(tpTyped, gold), tpTyped + "/" + gold));
    out.add(
        new Score(
            "entities",
            "merge precision (form pairs)",
            ratio(sameBoth, samePred),
            sameBoth + "/" + samePred));
    out.add(
        new Score(
            "entities",
            "merge recall (form pairs)",
            ratio(sameBoth, sameGold),
            sameBoth + "/" + sameGold));
    out.add(
        new Score("entities", "false merges", falseMerges.size(), String.join("; ", falseMerges)));
    return out;
  }

  /** Labelled rows grouped by their file (first column), in file order. */
  private static Map<String, List<String[]>> byFile(List<String[]> rows) {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    for (String[] r : rows) {
      out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static int majority(Map<Integer, Integer> ids) {
    return ids.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  // ------------------------------------------------------------------ quotes

  private List<Score> quotes(List<String[]> rows) {
    Map<String, List<String[]>> byFile = byFile(rows);
    int gold = 0;
    int pred = 0;
    int tp = 0;
    int named = 0;
    int correct = 0;
    int unnamed = 0;
    int unnamedGuessed = 0;
    int skippedQuotes = 0;
    QuoteExtractor extractor = new QuoteExtractor();
    for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
      String file = e.getKey();
      Document d = doc(file);
      EntityExtractor.Result result = entityResult(file);
      List<QuoteExtractor.Found> found = extractor.inDocument(d, result);
      pred += found.size();
      boolean[] used = new boolean[found.size()];
      List<String> cleanedWords = QuoteMerger.words(d.article().text());
      for (String[] r : e.getValue()) {
        List<String> want = QuoteMerger.words(r[1]);
        if (!containsRun(cleanedWords, want)) {
          skippedQuotes++;
          errors.add(
              "quote not in the cleaned text (cleaner removed it): " + r[1] + " (" + file + ")");
          continue;
        }
        gold++;
        int match = -1;
        for (int i = 0; i < found.size(); i++) {
          if (!used[i] && containsRun(QuoteMerger.words(found.get(i).text()), want)) {
            match = i;
            break;
          }
        }
        String speaker = r[2];
        boolean isNamed = !speaker.startsWith("~") && !speaker.equals("-");
        if (match < 0) {
          errors.add("quote missed: \"" + r[1] + "\" (" + file + ")");
          continue;
        }
        used[match] = true;
        tp++;
        Integer sp = found.get(match).speaker();
        String predicted = sp == null ? null : result.entities().get(sp).name();
        if (isNamed) {
          named++;
          if (predicted != null
              && sameSpeaker(
                  predicted, speaker, sp == null ? List.of() : result.entities().get(sp).forms())) {
            correct++;
          } else {
            errors.add(
                "speaker: \""
                    + r[1]
                    + "\" is "
                    + speaker
                    + ", predicted "
                    + predicted
                    + " ("
                    + file
                    + ")");
          }
        } else {
          unnamed++;
          if (predicted != null) {
            unnamedGuessed++;
            errors.add(
                "speaker (unnamed in text): \""
                    + r[1]
                    + "\" is "
                    + speaker
                    + ", predicted "
                    + predicted
                    + " ("
                    + file
                    + ")");
          }
        }
      }
      for (int i = 0; i < found.size(); i++) {
        if (!used[i]) {
          errors.add("quote false alarm: \"" + found.get(i).text() + "\" (" + file + ")");
        }
      }
    }
    List<Score> out = new ArrayList<>();
    if (skippedQuotes > 0) {
      out.add(
          new Score(
              "quotes",
              "labelled quotes the cleaner removed (not scored)",
              skippedQuotes,
              String.valueOf(skippedQuotes)));
    }
    out.add(new Score("quotes", "detection precision", ratio(tp, pred), tp + "/" + pred));
    out.add(new Score("quotes", "detection recall", ratio(tp, gold), tp + "/" + gold));
    out.add(
        new Score(
            "quotes",
            "speaker accuracy (named speakers)",
            ratio(correct, named),
            correct + "/" + named));
    out.add(
        new Score(
            "quotes",
            "named speaker given where the text names none",
            unnamedGuessed,
            unnamedGuessed + "/" + unnamed));
    return out;
  }

  private static boolean containsRun(List<String> hay, List<String> needle) {
    outer:
    for (int i = 0; i + needle.size() <= hay.size(); i++) {
      for (int j = 0; j < needle.size(); j++) {
        if (!hay.get(i + j).equals(needle.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Same speaker: equal names, equal surnames, or the gold name among the entity's forms. */
  static boolean sameSpeaker(String predicted, String gold, List<String> forms) {
    String p = Lexicon.norm(predicted).replaceAll("[^a-z]", "");
    String g = Lexicon.norm(gold).replaceAll("[^a-z]", "");
    if (p.equals(g)) {
      return true;
    }
    for (String f : forms) {
      if (Lexicon.norm(f).replaceAll("[^a-z]", "").equals(g)) {
        return true;
      }
    }
    String[] pw = Lexicon.norm(predicted).split(" ");
    String[] gw = Lexicon.norm(gold).split(" ");
    return pw.length > 1
        && gw.length > 1
        && EntityMerger.surnameKey(pw[pw.length - 1])
            .equals(EntityMerger.surnameKey(gw[gw.length - 1]));
  }

  // ------------------------------------------------------------------ numbers

  private List<Score> numbers(List<String[]> rows) {
    Map<String, List<String[]>> byFile = byFile(rows);
    NumberExtractor extractor = new NumberExtractor();
    int gold = 0;
    int pred = 0;
    int tp = 0;
    int ranged = 0;
    int rangeOk = 0;
    int catOk = 0;
    int counted = 0;
    int countsOk = 0;
    int skippedNumbers = 0;
    for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
      String file = e.getKey();
      List<Figure> found = extractor.find(doc(file));
      pred += found.size();
      boolean[] used = new boolean[found.size()];
      String cleaned = doc(file).article().text();
      for (String[] r : e.getValue()) {
        if (!cleaned.contains(r[1])) {
          skippedNumbers++;
          errors.add(
              "number not in the cleaned text (cleaner removed it): " + r[1] + " (" + file + ")");
          continue;
        }
        gold++;
        String number = r[1];
        // the figure as written starts with the modifier and the number (currency signs aside)
        String want = ((r[2].isEmpty() ? "" : r[2] + " ") + number).toLowerCase(Locale.ROOT);
        int match = -1;
        for (int i = 0; i < found.size(); i++) {
          String got = found.get(i).text().toLowerCase(Locale.ROOT).replaceAll("us\\$|\\$|€|£", "");
          if (!used[i]
              && got.startsWith(want)
              && (got.length() == want.length() || !Character.isDigit(got.charAt(want.length())))) {
            match = i;
            break;
          }
        }
        if (match < 0) {
          errors.add(
              "number missed: "
                  + (r[2].isEmpty() ? "" : r[2] + " ")
                  + number
                  + " "
                  + r[3]
                  + " ("
                  + file
                  + ")");
          continue;
        }
        used[match] = true;
        tp++;
        Figure f = found.get(match);
        double low = r[5].isEmpty() ? Double.NaN : parse(r[5]);
        double high = r[6].isEmpty() ? Double.NaN : parse(r[6]);
        ranged++;
        boolean ok;
        if (Double.isNaN(low)) {
          ok = f.range().low() == f.range().high();
        } else {
          ok = close(f.range().low(), low) && close(f.range().high(), high);
        }
        if (ok) {
          rangeOk++;
        } else {
          errors.add(
              "number range: "
                  + f.text()
                  + " gold ["
                  + r[5]
                  + ", "
                  + r[6]
                  + "], predicted "
                  + f.range()
                  + " ("
                  + file
                  + ")");
        }
        if (f.category().equals(r[4])) {
          catOk++;
        } else {
          errors.add(
              "number kind: "
                  + f.text()
                  + " is "
                  + r[4]
                  + ", predicted "
                  + f.category()
                  + " ("
                  + file
                  + ")");
        }
        if (!r[3].equals("-")) {
          counted++;
          String gHead = Stemmer.SINGULAR.stem(last(r[3]));
          String pHead = Stemmer.SINGULAR.stem(last(f.counts()));
          if (gHead.equals(pHead)) {
            countsOk++;
          } else {
            errors.add(
                "number counts: "
                    + f.text()
                    + " counts "
                    + r[3]
                    + ", predicted '"
                    + f.counts()
                    + "' ("
                    + file
                    + ")");
          }
        }
      }
      for (int i = 0; i < found.size(); i++) {
        if (!used[i]) {
          errors.add(
              "number false alarm: "
                  + found.get(i).text()
                  + " "
                  + found.get(i).counts()
                  + " ("
                  + file
                  + ")");
        }
      }
    }
    double precision = ratio(tp, pred);
    double recall = ratio(tp, gold);
    List<Score> out = new ArrayList<>();
    out.add(
        new Score(
            "numbers",
            "labelled figures the cleaner removed (not scored)",
            skippedNumbers,
            String.valueOf(skippedNumbers)));
    out.add(new Score("numbers", "extraction precision", precision, tp + "/" + pred));
    out.add(new Score("numbers", "extraction recall", recall, tp + "/" + gold));
    out.add(new Score("numbers", "extraction F1", f1(precision, recall), ""));
    out.add(new Score("numbers", "range accuracy", ratio(rangeOk, ranged), rangeOk + "/" + ranged));
    out.add(
        new Score(
            "numbers", "kind accuracy (deaths, money...)", ratio(catOk, tp), catOk + "/" + tp));
    out.add(
        new Score(
            "numbers",
            "counted noun accuracy",
            ratio(countsOk, counted),
            countsOk + "/" + counted));
    return out;
  }

  private static String last(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    int i = t.lastIndexOf(' ');
    return i < 0 ? t : t.substring(i + 1);
  }

  private static double parse(String s) {
    return s.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
  }

  private static boolean close(double a, double b) {
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return a == b;
    }
    return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.01);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
