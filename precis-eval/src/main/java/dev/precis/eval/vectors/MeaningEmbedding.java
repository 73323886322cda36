package dev.precis.eval.vectors;

import dev.precis.eval.LabeledStream;
import dev.precis.model.Article;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Probe (branch {@code events-minilm}): embeds the title and lead of every article of labeled
 * streams with all-MiniLM-L6-v2 (quantized) and writes the vectors by id ({@link MeaningCache}),
 * with the CPU time it took. Run with the class path of precis-eval's Maven profile {@code
 * train-word-vectors} (the model is reached by reflection, as in {@link WordVectorTraining}):
 *
 * <pre>
 * java -cp precis-eval/target/precis-eval-0.1.0-SNAPSHOT.jar:$(cat precis-eval/target/training-classpath.txt) \
 *   dev.precis.eval.vectors.MeaningEmbedding --output minilm.bin --max-words 100 a.jsonl b.jsonl
 * </pre>
 */
public final class MeaningEmbedding {
  private static final String MODEL =
      "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
  private static final String EMBEDDING_MODEL = "dev.langchain4j.model.embedding.EmbeddingModel";
  private static final String TEXT_SEGMENT = "dev.langchain4j.data.segment.TextSegment";

  private MeaningEmbedding() {}

  public static void main(String[] args) throws Exception {
    Path output = null;
    int maxTokens = 128;
    int batch = 1;
    int limit = Integer.MAX_VALUE;
    List<Path> streams = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--output" -> output = Path.of(args[++i]);
        case "--max-tokens" -> maxTokens = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        default -> streams.add(Path.of(args[i]));
      }
    }
    Object model = Class.forName(MODEL).getConstructor().newInstance();
    Method from = Class.forName(TEXT_SEGMENT).getMethod("from", String.class);
    Method embedAll = Class.forName(EMBEDDING_MODEL).getMethod("embedAll", List.class);
    // the tokenizer's own count (package-private in langchain4j: a probe may reach it)
    Method encoderOf =
        Class.forName("dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel")
            .getDeclaredMethod("model");
    encoderOf.setAccessible(true);
    Object encoder = encoderOf.invoke(model);
    Method count = encoder.getClass().getDeclaredMethod("countTokens", String.class);
    count.setAccessible(true);
    ToIntFunction<String> tokens =
        t -> {
          try {
            return (Integer) count.invoke(encoder, t);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        };
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Integer> rawHash = new java.util.HashMap<>();
    int conflicts = 0;
    long tokenSum = 0;
    for (Path p : streams) {
      for (LabeledStream.Item it : LabeledStream.read(p)) {
        Article a = it.article();
        int raw = (a.title() + "\n" + a.text()).hashCode();
        Integer before = rawHash.putIfAbsent(a.id(), raw);
        if (before != null) {
          conflicts += before != raw ? 1 : 0;
          continue;
        }
        String t = input(a, maxTokens, tokens);
        tokenSum += tokens.applyAsInt(t);
        texts.put(a.id(), t);
      }
    }
    System.err.printf(
        Locale.ROOT,
        "%,d articles (%d ids with two different texts), %.1f wordpieces each on average%n",
        texts.size(),
        conflicts,
        (double) tokenSum / Math.max(1, texts.size()));
    List<String> ids = new ArrayList<>(texts.keySet());
    if (ids.size() > limit) {
      ids = ids.subList(0, limit);
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    int warm = Math.min(64, ids.size());
    long cpu0 = 0;
    long wall0 = 0;
    for (int from0 = 0; from0 < ids.size(); from0 += batch) {
      if (from0 >= warm && cpu0 == 0) {
        cpu0 = cpu();
        wall0 = System.nanoTime();
      }
      int to = Math.min(ids.size(), from0 + batch);
      List<Object> segments = new ArrayList<>();
      for (int i = from0; i < to; i++) {
        segments.add(from.invoke(null, texts.get(ids.get(i))));
      }
      Object response = embedAll.invoke(model, segments);
      List<?> embedded = (List<?>) response.getClass().getMethod("content").invoke(response);
      for (int i = from0; i < to; i++) {
        Object e = embedded.get(i - from0);
        out.put(ids.get(i), (float[]) e.getClass().getMethod("vector").invoke(e));
      }
      if ((to / batch) % 1000 == 0) {
        System.err.printf(Locale.ROOT, "  %,d embedded%n", to);
      }
    }
    long cpu = cpu() - cpu0;
    double wall = (System.nanoTime() - wall0) / 1e9;
    int timed = ids.size() - warm;
    System.err.printf(
        Locale.ROOT,
        "after %d warm-up: %,d articles, wall %.1f s (%.2f ms/article), process CPU %.1f s"
            + " (%.2f ms/article, %.0f articles/s per core), %d processors visible%n",
        warm,
        timed,
        wall,
        1000 * wall / Math.max(1, timed),
        cpu / 1e9,
        cpu / 1e6 / Math.max(1, timed),
        timed / Math.max(1e-9, cpu / 1e9),
        Runtime.getRuntime().availableProcessors());
    if (output != null) {
      MeaningCache.write(output, out);
      System.err.println("wrote " + output);
    }
  }

  /**
   * The title and as many of the first words of the text (white-space separated) as keep it within
   * {@code maxTokens} wordpieces of the model's tokenizer.
   */
  static String input(Article a, int maxTokens, ToIntFunction<String> tokens) {
    String[] words = a.text().strip().split("\\s+", 4 * maxTokens + 1);
    String title = a.title() == null || a.title().isBlank() ? "" : a.title().strip() + "\n";
    int lo = 0;
    int hi = Math.min(words.length, 4 * maxTokens);
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (tokens.applyAsInt(join(title, words, mid)) <= maxTokens) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    String out = join(title, words, lo);
    // a first "word" longer than the budget (a run of symbols): some of its characters
    return out.isBlank() ? words[0].substring(0, Math.min(words[0].length(), maxTokens)) : out;
  }

  private static String join(String title, String[] words, int n) {
    StringBuilder b = new StringBuilder(title);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(words[i]);
    }
    return b.toString();
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
