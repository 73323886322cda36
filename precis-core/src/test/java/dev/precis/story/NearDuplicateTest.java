package dev.precis.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NearDuplicateTest {
  private static final Path EXAMPLES =
      Path.of(System.getProperty("precis.root", ".")).resolve("examples/tillerson-lavrov-2017");

  private static String example(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return Files.readString(
          files
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow());
    }
  }

  /** Exact Jaccard of word 3-shingles, the way FeatureExtractor reads words (without stemming). */
  private static double exactJaccard(String a, String b) {
    Set<String> x = shingles(a);
    Set<String> y = shingles(b);
    Set<String> both = new HashSet<>(x);
    both.retainAll(y);
    Set<String> any = new HashSet<>(x);
    any.addAll(y);
    return (double) both.size() / any.size();
  }

  private static Set<String> shingles(String s) {
    List<String> w =
        Stream.of(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+"))
            .filter(t -> t.length() > 1 || (!t.isEmpty() && Character.isDigit(t.charAt(0))))
            .toList();
    Set<String> out = new HashSet<>();
    for (int i = 2; i < w.size(); i++) {
      out.add(w.get(i - 2) + " " + w.get(i - 1) + " " + w.get(i));
    }
    return out;
  }

  private static double estimated(String a, String b) {
    FeatureExtractor fx = new FeatureExtractor();
    return NearDuplicateIndex.jaccard(fx.extract(null, a).minHash(), fx.extract(null, b).minHash());
  }

  @Test
  void minHashEstimatesJaccardOfRealCopies() throws IOException {
    String a = example("003");
    // a light rewrite: the second half of the paragraphs replaced by another article's
    String[] paras = a.split("\n\n");
    String[] other = example("001").split("\n\n");
    StringBuilder rewrite = new StringBuilder();
    for (int i = 0; i < paras.length; i++) {
      rewrite.append(i % 3 == 2 && i < other.length ? other[i] : paras[i]).append("\n\n");
    }
    double exact = exactJaccard(a, rewrite.toString());
    assertThat(exact).isBetween(0.3, 0.8);
    // 63 values: standard error sqrt(J(1-J)/63) is at most 0.063
    assertThat(estimated(a, rewrite.toString())).isCloseTo(exact, within(0.15));
  }

  @Test
  void unrelatedArticlesOfOneStoryAreFarFromCopies() throws IOException {
    assertThat(estimated(example("003"), example("004"))).isLessThan(0.1);
    assertThat(estimated(example("000"), example("001"))).isLessThan(0.1);
  }

  @Test
  void aCutCopyIsFoundByContainment() throws IOException {
    String full = example("001");
    String cut = full.substring(0, full.length() / 3); // the first third: Jaccard about 1/3
    FeatureExtractor fx = new FeatureExtractor();
    TextFeatures f = fx.extract(null, full);
    TextFeatures c = fx.extract(null, cut);
    NearDuplicateIndex index = new NearDuplicateIndex(0.5, 0.8);
    index.add(new NearDuplicateIndex.Entry("full", f.minHash(), f.shingles(), null));
    NearDuplicateIndex.Entry found = index.find(c.minHash(), c.shingles());
    assertThat(found).isNotNull();
    assertThat(found.articleId).isEqualTo("full");
  }

  @Test
  void removedEntriesAreNotFound() throws IOException {
    FeatureExtractor fx = new FeatureExtractor();
    TextFeatures f = fx.extract(null, example("002"));
    NearDuplicateIndex index = new NearDuplicateIndex(0.5, 0.8);
    NearDuplicateIndex.Entry e = new NearDuplicateIndex.Entry("a", f.minHash(), f.shingles(), null);
    index.add(e);
    assertThat(index.find(f.minHash(), f.shingles())).isSameAs(e);
    index.remove(e);
    assertThat(index.find(f.minHash(), f.shingles())).isNull();
    assertThat(index.size()).isZero();
  }

  @Test
  void namesAreCapitalisedWordsInsideSentences() {
    TextFeatures f =
        new FeatureExtractor()
            .extract(null, "Officials said Lavrov met Tillerson in Moscow. The talks ended.");
    assertThat(f.entities())
        .contains(
            FeatureExtractor.hashWord("lavrov"),
            FeatureExtractor.hashWord("tillerson"),
            FeatureExtractor.hashWord("moscow"));
    // "Officials" and "The" start sentences: not names
    assertThat(f.entities()).doesNotContain(FeatureExtractor.hashWord("officials"));
    assertThat(f.entities()).hasSize(3);
  }
}
