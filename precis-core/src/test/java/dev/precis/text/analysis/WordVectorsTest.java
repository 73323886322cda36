package dev.precis.text.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WordVectorsTest {
  private final WordVectors vectors = WordVectors.shared();

  @Test
  void shippedTableLoadsWithItsVocabulary() {
    assertThat(vectors.dimensions()).isEqualTo(128);
    assertThat(vectors.size()).isGreaterThan(30_000);
    assertThat(vectors.contains("president")).isTrue();
    assertThat(vectors.contains("the")).as("stop words are not in the table").isFalse();
    assertThat(vectors.vector("president")).hasSize(128);
    assertThat(vectors.vector("qzxqzxqzx")).isNull();
    assertThat(vectors.idf("president")).isLessThan(vectors.idf("rainfall"));
  }

  @Test
  void relatedWordsAreCloserThanUnrelatedOnes() {
    assertCloser("killed", "dead", "banana");
    assertCloser("president", "leader", "rainfall");
    assertCloser("earthquake", "tremor", "election");
    assertCloser("car", "vehicle", "poetry");
    assertCloser("doctor", "hospital", "volcano");
    assertCloser("election", "vote", "recipe");
    assertCloser("police", "officers", "orchestra");
  }

  private void assertCloser(String word, String related, String unrelated) {
    assertThat(vectors.cosine(word, related))
        .as("%s/%s closer than %s/%s", word, related, word, unrelated)
        .isGreaterThan(vectors.cosine(word, unrelated));
  }

  @Test
  void paraphrasedSentencesAreCloserThanUnrelatedOnes() {
    TextVector blast =
        vectors.ofText("Three people were killed when a bomb exploded at the market");
    TextVector paraphrase = vectors.ofText("An explosion left three dead in a crowded bazaar");
    TextVector unrelated = vectors.ofText("The central bank raised interest rates on Tuesday");
    assertThat(blast.cosine(paraphrase)).isGreaterThan(blast.cosine(unrelated));

    TextVector storm = vectors.ofText("The hurricane flooded coastal towns and cut power");
    TextVector stormAgain = vectors.ofText("Heavy storm surge inundated seaside communities");
    TextVector football = vectors.ofText("The striker scored twice in the cup final");
    assertThat(storm.cosine(stormAgain)).isGreaterThan(storm.cosine(football));
  }

  @Test
  void unknownWordsAreSkipped() {
    TextVector known = vectors.of(List.of("killed", "soldiers"));
    TextVector withUnknown = vectors.of(List.of("qzxqzxqzx", "killed", "the", "soldiers"));
    assertThat(withUnknown).isEqualTo(known);
    assertThat(withUnknown.words()).isEqualTo(2);
    TextVector none = vectors.of(List.of("qzxqzxqzx", "the"));
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.cosine(known)).isZero();
    assertThat(known.cosine(known)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void callerWeightsApplyAndZeroWeightSkipsAWord() {
    TextVector onlyKilled =
        vectors.of(List.of("killed", "banana"), w -> w.equals("killed") ? 2.5 : 0);
    assertThat(onlyKilled.words()).isEqualTo(1);
    assertThat(onlyKilled.cosine(vectors.of(List.of("killed"))))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(vectors.of(List.of("killed", "banana"), w -> 1).words()).isEqualTo(2);
  }

  @Test
  void writtenTableReadsBackExactly() throws IOException {
    byte[] table = smallTable();
    WordVectors read = WordVectors.read(new ByteArrayInputStream(table));
    assertThat(read.size()).isEqualTo(2);
    assertThat(read.vector("beta")).containsExactly(0.5f * -3, 0.5f * 4, 0f);
    assertThat(read.commonVector()).containsExactly(0.1f, 0f, 0f);
    assertThat(read.cosine("alpha", "alpha"))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    WordVectorsFile.write(again, 3, 10, new float[] {0.1f, 0, 0}, entries());
    assertThat(again.toByteArray()).as("same entries, same bytes").isEqualTo(table);
  }

  @Test
  void damagedTablesAreRejectedWithAReason() throws IOException {
    byte[] raw = gunzip(smallTable());
    byte[] flipped = raw.clone();
    flipped[flipped.length / 2] ^= 0x10;
    assertRejected(gzip(flipped), "checksum mismatch");
    assertRejected(gzip(Arrays.copyOf(raw, raw.length - 5)), "checksum mismatch");
    byte[] table = smallTable();
    assertRejected(Arrays.copyOf(table, table.length / 2), "truncated");
    assertRejected("not a table at all".getBytes(), "not valid gzip");
    assertRejected(gzip(new byte[64]), "checksum mismatch");
  }

  private static void assertRejected(byte[] bytes, String reason) {
    assertThatThrownBy(() -> WordVectors.read(new ByteArrayInputStream(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(reason);
  }

  private static List<WordVectorsFile.Entry> entries() {
    return List.of(
        new WordVectorsFile.Entry("alpha", 7, 0.25f, new byte[] {1, 2, 3}),
        new WordVectorsFile.Entry("beta", 3, 0.5f, new byte[] {-3, 4, 0}));
  }

  private static byte[] smallTable() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WordVectorsFile.write(out, 3, 10, new float[] {0.1f, 0, 0}, entries());
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] b) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }
}
