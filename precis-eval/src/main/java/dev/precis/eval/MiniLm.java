package dev.precis.eval;

import dev.precis.Precis;
import dev.precis.summarize.CitationFinder;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (quantized) through langchain4j, reached by reflection: it is on the class path
 * only with the Maven profile {@code train-word-vectors} (target/training-classpath.txt), so no
 * ordinary build downloads it. Commands of the citation probe ({@link CitationEmbeddings}; run with
 * {@code java -cp precis-eval/target/precis-eval-0.1.0-SNAPSHOT.jar:$(cat
 * precis-eval/target/training-classpath.txt) dev.precis.eval.MiniLm ...} from the repository root):
 *
 * <pre>
 * MiniLm cache FILE   # embeds every labelled sentence and its candidates into FILE
 * MiniLm eval FILE    # cross-validation and the tune fit with and without the cosine features
 * MiniLm cost         # CPU per MultiLing cluster: single thread, thread CPU clock, after warm-up
 * </pre>
 */
public final class MiniLm {
  private static final String MODEL =
      "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
  private static final String EMBEDDING_MODEL = "dev.langchain4j.model.embedding.EmbeddingModel";
  private static final String TEXT_SEGMENT = "dev.langchain4j.data.segment.TextSegment";
  private static final Path LABELS = Path.of("datasets/citations/labels.jsonl");
  private static final Path SHARED = Path.of("../shared/data");

  private final Object model;
  private final Method embed;
  private final Method embedAll;
  private final Method from;

  /**
   * @param singleThread whether onnxruntime runs each text on the calling thread only (one intra-op
   *     and one inter-op thread), for timing on the thread's CPU clock
   */
  MiniLm(boolean singleThread) {
    try {
      model = Class.forName(MODEL).getConstructor().newInstance();
      embed = Class.forName(EMBEDDING_MODEL).getMethod("embed", String.class);
      embedAll = Class.forName(EMBEDDING_MODEL).getMethod("embedAll", List.class);
      from = Class.forName(TEXT_SEGMENT).getMethod("from", String.class);
      if (singleThread) {
        singleThreaded();
      }
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new IllegalStateException(
          "the embedding model is not on the class path (build with -Ptrain-word-vectors): " + e);
    }
  }

  /**
   * Replaces the encoder's onnxruntime session by one on the same model with one intra-op and one
   * inter-op thread.
   */
  private void singleThreaded() throws ReflectiveOperationException, java.io.IOException {
    Object encoder = fieldOfType(model, "OnnxBertBiEncoder");
    Class<?> envClass = Class.forName("ai.onnxruntime.OrtEnvironment");
    Class<?> optionsClass = Class.forName("ai.onnxruntime.OrtSession$SessionOptions");
    Object env = envClass.getMethod("getEnvironment").invoke(null);
    Object options = optionsClass.getConstructor().newInstance();
    optionsClass.getMethod("setIntraOpNumThreads", int.class).invoke(options, 1);
    optionsClass.getMethod("setInterOpNumThreads", int.class).invoke(options, 1);
    byte[] bytes;
    try (InputStream in = Class.forName(MODEL).getResourceAsStream(modelResource())) {
      bytes = in.readAllBytes();
    }
    Object session =
        envClass.getMethod("createSession", byte[].class, optionsClass).invoke(env, bytes, options);
    for (Field f : encoder.getClass().getDeclaredFields()) {
      if (f.getType().getName().equals("ai.onnxruntime.OrtSession")) {
        f.setAccessible(true);
        f.set(encoder, session);
      }
    }
  }

  /** The model file inside the langchain4j jar, beside the model class. */
  private static String modelResource() {
    return "/all-minilm-l6-v2-q.onnx";
  }

  private static Object fieldOfType(Object o, String simpleName)
      throws ReflectiveOperationException {
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType().getSimpleName().equals(simpleName)) {
          f.setAccessible(true);
          return f.get(o);
        }
      }
    }
    throw new NoSuchFieldException(simpleName + " in " + o.getClass());
  }

  /** One text's unit vector, on the calling thread. */
  float[] embed(String text) {
    try {
      Object response = embed.invoke(model, text);
      Object embedding = response.getClass().getMethod("content").invoke(response);
      return CitationEmbeddings.unit(
          (float[]) embedding.getClass().getMethod("vector").invoke(embedding));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the embedding model failed: " + e);
    }
  }

  /** Unit vectors of many texts (langchain4j spreads them over its threads). */
  Map<String, float[]> embedAll(List<String> texts) {
    Map<String, float[]> out = new LinkedHashMap<>();
    int batch = 256;
    long start = System.nanoTime();
    for (int i = 0; i < texts.size(); i += batch) {
      List<String> part = texts.subList(i, Math.min(texts.size(), i + batch));
      try {
        List<Object> segments = new ArrayList<>();
        for (String t : part) {
          segments.add(from.invoke(null, t));
        }
        Object response = embedAll.invoke(model, segments);
        List<?> embedded = (List<?>) response.getClass().getMethod("content").invoke(response);
        for (int k = 0; k < part.size(); k++) {
          Object e = embedded.get(k);
          out.put(
              part.get(k),
              CitationEmbeddings.unit((float[]) e.getClass().getMethod("vector").invoke(e)));
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the embedding model failed: " + e);
      }
      System.err.printf(
          "embedded %d / %d (%.0f s)%n",
          out.size(), texts.size(), (System.nanoTime() - start) / 1e9);
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: MiniLm cache FILE | eval FILE | cost");
      System.exit(2);
    }
    CitationEvaluation eval = new CitationEvaluation(SHARED);
    switch (args[0]) {
      case "cache" -> {
        List<CitationEvaluation.Item> items = CitationEvaluation.readLabels(LABELS);
        Set<String> texts = CitationEmbeddings.texts(eval, items);
        System.err.println(texts.size() + " texts");
        CitationEmbeddings.write(Path.of(args[1]), new MiniLm(false).embedAll(List.copyOf(texts)));
      }
      case "eval" -> {
        List<CitationEvaluation.Item> items = CitationEvaluation.readLabels(LABELS);
        new CitationEmbeddings(eval, CitationEmbeddings.read(Path.of(args[1])))
            .report(items, new java.io.PrintWriter(System.out, true));
      }
      case "cost" -> cost(args.length > 1 ? Integer.parseInt(args[1]) : 3);
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /**
   * Per 10-article MultiLing cluster and summary budget: the texts citing would embed (the chosen
   * sentences and every candidate of another article: sentences and joined pairs; or, with a pair's
   * vector the mean of its sentences', only the sentences), and the CPU of embedding them on one
   * thread (thread CPU clock, one warm-up round then {@code rounds}).
   */
  static void cost(int rounds) throws Exception {
    Path dataset = SHARED.resolve("multiling2011-en");
    Precis precis = Precis.defaults();
    List<List<Document>> clusters =
        EvalDatasets.read(dataset).stream()
            .map(c -> precis.split(c.documents().stream().map(precis::prepare).toList()))
            .toList();
    MiniLm m = new MiniLm(true);
    System.out.println(
        "| words | clusters | sentences per cluster | texts per cluster (sentences + pairs)"
            + " | sentences only | chars per text | ms per text | ms per cluster |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int words : new int[] {100, 250}) {
      List<List<String>> perCluster = new ArrayList<>();
      long sentencesOnly = 0;
      long allSentences = 0;
      for (List<Document> docs : clusters) {
        List<Sentence> chosen = precis.summarizers().create("default").select(docs, words);
        CitationFinder.Index index = new CitationFinder().index(docs);
        Set<String> texts = CitationEmbeddings.citingTexts(index, chosen);
        perCluster.add(List.copyOf(texts));
        Set<String> singles = new LinkedHashSet<>();
        for (Sentence s : chosen) {
          singles.add(s.text());
          for (List<CitationFinder.Candidate> cs : index.judgedCandidates(s)) {
            for (CitationFinder.Candidate c : cs) {
              singles.add(c.first().text());
              singles.add(c.last().text());
            }
          }
        }
        sentencesOnly += singles.size();
        for (Document d : docs) {
          allSentences += d.sentences().size();
        }
      }
      long cpu = 0;
      long texts = 0;
      long chars = 0;
      for (int round = 0; round <= rounds; round++) {
        for (List<String> texts0 : perCluster) {
          long t0 = CPU.getCurrentThreadCpuTime();
          for (String t : texts0) {
            m.embed(t);
          }
          long t1 = CPU.getCurrentThreadCpuTime();
          if (round > 0) {
            cpu += t1 - t0;
            texts += texts0.size();
            for (String t : texts0) {
              chars += t.length();
            }
          }
        }
      }
      int n = clusters.size();
      System.out.printf(
          java.util.Locale.ROOT,
          "| %d | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.0f |%n",
          words,
          n,
          (double) allSentences / n,
          (double) texts / rounds / n,
          (double) sentencesOnly / n,
          (double) chars / texts,
          cpu / 1e6 / texts,
          cpu / 1e6 / rounds / n);
    }
  }
}
