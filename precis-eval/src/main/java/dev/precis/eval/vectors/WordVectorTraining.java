package dev.precis.eval.vectors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.precis.ingest.InputException;
import dev.precis.text.analysis.Analyzer;
import dev.precis.text.analysis.StopWords;
import dev.precis.text.analysis.TextVector;
import dev.precis.text.analysis.WordVectors;
import dev.precis.text.analysis.WordVectorsFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code precis train-word-vectors}: distils static word vectors from all-MiniLM-L6-v2 (quantized)
 * into the table {@link dev.precis.text.analysis.WordVectors} ships. Steps: count the document
 * frequency of every lower-case word (letter-digit run with a letter, not an English stop word)
 * over the development texts ({@link DevTexts}); keep the most frequent; encode each word on its
 * own with the model; centre and reduce by PCA; scale each vector to unit length and quantize it to
 * int8 with its own scale. Deterministic: the vocabulary is ordered by frequency then spelling, PCA
 * has no random start, and gzip writes no timestamp.
 *
 * <p>Runs outside the CLI jar (the model and onnxruntime are ~130 MB and training-only): {@code
 * ./precis train-word-vectors} starts it with precis-eval's training class path.
 */
public final class WordVectorTraining {
  private static final int BATCH = 512;
  private static final int MAX_WORD_LENGTH = 24;

  /** Options of one run. */
  record Options(Path data, Path output, int maxWords, int minDocuments, int dimensions) {}

  private WordVectorTraining() {}

  public static void main(String[] args) {
    try {
      run(parse(args), System.err);
    } catch (InputException | IllegalArgumentException e) {
      System.err.println("precis train-word-vectors: " + e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("precis train-word-vectors: " + e.getMessage());
      System.exit(1);
    }
  }

  static Options parse(String[] args) {
    Path data = null;
    Path output = null;
    int maxWords = 40_000;
    int minDocuments = 3;
    int dimensions = 128;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        throw new IllegalArgumentException(
            "usage: precis train-word-vectors --dev DATA_DIR --output FILE.bin.gz"
                + " [--max-words 40000] [--min-documents 3] [--dimensions 128]");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + a + " (try --help)");
      }
      String v = args[++i];
      switch (a) {
        case "--dev" -> data = Path.of(v);
        case "--output" -> output = Path.of(v);
        case "--max-words" -> maxWords = positive(a, v);
        case "--min-documents" -> minDocuments = positive(a, v);
        case "--dimensions" -> dimensions = positive(a, v);
        default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
      }
    }
    if (data == null || output == null) {
      throw new IllegalArgumentException("--dev and --output are required (try --help)");
    }
    if (dimensions > 384) {
      throw new IllegalArgumentException("--dimensions must be at most 384 (the model's size)");
    }
    return new Options(data, output, maxWords, minDocuments, dimensions);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        option + " needs a positive whole number, got '" + value + "'");
  }

  static void run(Options o, PrintStream log) throws IOException {
    log.println("counting words in " + o.data() + " ...");
    Map<String, Integer> df = new HashMap<>();
    long documents = DevTexts.forEach(o.data(), text -> countDocument(text, df));
    List<String> vocabulary = vocabulary(df, o.maxWords(), o.minDocuments());
    log.printf(
        "%,d documents, %,d distinct words, keeping %,d (document frequency >= %d)%n",
        documents, df.size(), vocabulary.size(), o.minDocuments());
    float[][] embeddings = encode(vocabulary, log);
    log.println("PCA " + embeddings[0].length + " -> " + o.dimensions() + " dimensions ...");
    Pca pca = Pca.fit(embeddings, o.dimensions());
    double total = 0;
    for (double v : pca.variance()) {
      total += v;
    }
    log.printf("variance kept by the components: %.4f (sum of their eigenvalues)%n", total);
    List<WordVectorsFile.Entry> entries = new ArrayList<>(vocabulary.size());
    for (int i = 0; i < vocabulary.size(); i++) {
      String w = vocabulary.get(i);
      entries.add(quantize(w, df.get(w), pca.project(embeddings[i])));
    }
    float[] common = commonVector(o, documents, entries, log);
    Path parent = o.output().toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".word-vectors", ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      WordVectorsFile.write(out, o.dimensions(), documents, common, entries);
    }
    Files.move(
        tmp, o.output(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    log.printf("wrote %s (%,d bytes)%n", o.output(), Files.size(o.output()));
  }

  /**
   * The mean of the (uncentred) text vectors of the development documents, which text vectors are
   * centred on: the part every text shares.
   */
  private static float[] commonVector(
      Options o, long documents, List<WordVectorsFile.Entry> entries, PrintStream log)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WordVectorsFile.write(bytes, o.dimensions(), documents, new float[o.dimensions()], entries);
    WordVectors uncentred = WordVectors.read(new ByteArrayInputStream(bytes.toByteArray()));
    double[] sum = new double[o.dimensions()];
    long[] counted = {0};
    DevTexts.forEach(
        o.data(),
        text -> {
          TextVector v = uncentred.ofText(text);
          if (!v.isEmpty()) {
            float[] values = v.values();
            for (int d = 0; d < sum.length; d++) {
              sum[d] += values[d];
            }
            counted[0]++;
          }
        });
    float[] common = new float[sum.length];
    double norm = 0;
    for (int d = 0; d < sum.length; d++) {
      common[d] = (float) (sum[d] / Math.max(1, counted[0]));
      norm += (double) common[d] * common[d];
    }
    log.printf(
        "common vector: mean of %,d text vectors, length %.3f%n", counted[0], Math.sqrt(norm));
    return common;
  }

  private static void countDocument(String text, Map<String, Integer> df) {
    Set<String> seen = new HashSet<>();
    for (String w : Analyzer.CONCEPTS.words(text)) {
      if (isVocabularyWord(w) && seen.add(w)) {
        df.merge(w, 1, Integer::sum);
      }
    }
  }

  /**
   * A word worth a vector: 2 to 24 characters, at least one letter (numbers are left to exact
   * matching), not an English function word.
   */
  static boolean isVocabularyWord(String w) {
    if (w.length() < 2 || w.length() > MAX_WORD_LENGTH || StopWords.ENGLISH.contains(w)) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The most frequent words, by document frequency then spelling. */
  static List<String> vocabulary(Map<String, Integer> df, int maxWords, int minDocuments) {
    return df.entrySet().stream()
        .filter(e -> e.getValue() >= minDocuments)
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(maxWords)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static float[][] encode(List<String> words, PrintStream log) {
    EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    float[][] out = new float[words.size()][];
    long start = System.nanoTime();
    for (int from = 0; from < words.size(); from += BATCH) {
      int to = Math.min(words.size(), from + BATCH);
      List<TextSegment> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(TextSegment.from(words.get(i)));
      }
      List<Embedding> embedded = model.embedAll(batch).content();
      for (int i = from; i < to; i++) {
        out[i] = embedded.get(i - from).vector();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      log.printf("encoded %,d / %,d words (%.0f words/s)%n", to, words.size(), to / seconds);
    }
    return out;
  }

  /** The vector scaled to unit length, then to int8 with the scale that maps its largest to 127. */
  static WordVectorsFile.Entry quantize(String word, int documentFrequency, double[] v) {
    double norm = 0;
    double max = 0;
    for (double x : v) {
      norm += x * x;
      max = Math.max(max, Math.abs(x));
    }
    norm = Math.sqrt(norm);
    byte[] q = new byte[v.length];
    if (max == 0) {
      return new WordVectorsFile.Entry(word, documentFrequency, 0f, q);
    }
    double unitMax = max / norm;
    float scale = (float) (unitMax / 127);
    for (int i = 0; i < v.length; i++) {
      q[i] = (byte) Math.round(v[i] / norm / scale);
    }
    return new WordVectorsFile.Entry(word, documentFrequency, scale, q);
  }
}
