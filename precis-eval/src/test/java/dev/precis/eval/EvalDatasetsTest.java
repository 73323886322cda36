package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precis.Precis;
import dev.precis.eval.baseline.Baselines;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.ingest.InputException;
import dev.precis.ingest.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDatasetsTest {
  private static final Precis PRECIS = Precis.builder().summarizers(Baselines.all()).build();

  private static final Path SHARED = Shared.DATA;

  @Test
  void readsTheMultiLingLayout() {
    List<EvalCluster> clusters = EvalDatasets.read(SHARED.resolve("data/multiling2011-en"));
    assertThat(clusters).hasSize(10);
    EvalCluster first = clusters.get(0);
    assertThat(first.id()).isEqualTo("M000");
    assertThat(first.documents()).hasSize(10);
    assertThat(first.documents().get(0).id()).isEqualTo("M0000.english");
    assertThat(first.references()).hasSize(3);
    assertThat(first.referenceWords()).isBetween(200, 280);
    // documents go through the normal pipeline
    assertThat(Evaluation.prepare(PRECIS, first))
        .hasSize(10)
        .allSatisfy(d -> assertThat(d.sentences()).isNotEmpty());
  }

  @Test
  void readsThePeerSummariesShippedWithMultiLingAndScoresThemAsPublished() {
    List<EvalCluster> clusters = EvalDatasets.read(SHARED.resolve("data/multiling2011-en"));
    assertThat(clusters.get(0).peers()).hasSize(10).containsKey("ID3");
    assertThat(Evaluation.peerNames(clusters))
        .startsWith("peer:ID1", "peer:ID2")
        .endsWith("peer:ID10");
    Evaluation.Result r =
        Evaluation.run(
            PRECIS,
            clusters,
            List.of("peer:ID2"),
            Evaluation.Budget.fixed(250),
            RougeOptions.parse("-n 2 -2 4 -u"),
            1,
            null);
    // published (ENGLISH_ROUGE-2.csv): 0.17052; the bootstrap mean moves slightly with the
    // order of the cluster ids (the official run numbered them 1..10)
    assertThat(r.systems().get(0).scores().get("ROUGE-2").recall().mean())
        .isCloseTo(0.17052, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void readsDucStyleDirectories() throws Exception {
    Path root = Path.of(getClass().getResource("/duc-style").toURI());
    List<EvalCluster> clusters = EvalDatasets.read(root);
    assertThat(clusters).extracting(EvalCluster::id).containsExactly("D30001", "D30002");
    EvalCluster bridge = clusters.get(0);
    assertThat(bridge.documents())
        .extracting(RawArticle::id)
        .containsExactly("APW19981016.0240", "NYT19981017.0101", "NYT19981017.0102");
    RawArticle a = bridge.documents().get(0);
    assertThat(a.title()).isEqualTo("Harbour bridge closed after storm damage");
    assertThat(a.content())
        .startsWith("The harbour bridge in the northern port city")
        .contains("regional government & the port authority")
        .doesNotContain("<P>", "DATE_TIME", "NEWS STORY");
    assertThat(bridge.references()).hasSize(2);
    assertThat(bridge.references().get(0))
        .containsExactly(
            "A storm damaged the harbour bridge, which was closed on Friday.",
            "Ferries carry commuters while repairs take three weeks.");
    assertThat(Evaluation.prepare(PRECIS, bridge).get(0).sentences()).hasSize(3);
  }

  @Test
  void readsJsonLinesPlainAndGzip(@TempDir Path dir) throws Exception {
    String lines =
        "{\"id\": \"c1\", \"documents\": [\"First article. It has two sentences.\","
            + " {\"text\": \"Second article.\", \"title\": \"T\"}], \"summary\": \"One. Two.\"}\n"
            + "\n"
            + "{\"id\": \"c2\", \"documents\": [\"Text.\"], \"summaries\": [\"A\\nB\", [\"x\", \"y\"]]}\n";
    Path plain = dir.resolve("c.jsonl");
    Files.writeString(plain, lines);
    Path gz = dir.resolve("c.jsonl.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    for (Path p : List.of(plain, gz)) {
      List<EvalCluster> c = EvalDatasets.read(p);
      assertThat(c).extracting(EvalCluster::id).containsExactly("c1", "c2");
      assertThat(c.get(0).documents()).hasSize(2);
      assertThat(c.get(0).documents().get(1).title()).isEqualTo("T");
      assertThat(c.get(0).references()).containsExactly(List.of("One.", "Two."));
      assertThat(c.get(1).references()).containsExactly(List.of("A", "B"), List.of("x", "y"));
    }
  }

  @Test
  void readsMultiNewsValidation() {
    List<EvalCluster> c =
        EvalDatasets.readJsonLines(SHARED.resolve("data/multinews-val.jsonl.gz"), 20);
    assertThat(c).hasSize(20);
    assertThat(c).allSatisfy(x -> assertThat(x.references()).hasSize(1));
    assertThat(c.get(0).referenceWords()).isGreaterThan(50);
  }

  @Test
  void sgmlEntitiesUnclosedParagraphsAndStrayBracketsAreRead(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("doc");
    Files.writeString(
        doc,
        "<DOC>\n<DOCNO> X1 </DOCNO>\n<HEAD>Rates &amp; bonds&nbsp;rise</HEAD>\n<TEXT>\n"
            + "<P>\nYields rose &quot;sharply&quot; (&#65;&#x42; said).\n<P>\n"
            + "Spreads 3 < 4 > 2 held.\n</TEXT>\n</DOC>\n"
            + "<doc><docno>x2</docno><text>lower-case tags</text></doc>\n");
    List<RawArticle> docs = EvalDatasets.readDocumentFile(doc);
    assertThat(docs).extracting(RawArticle::id).containsExactly("X1", "x2");
    assertThat(docs.get(0).title()).isEqualTo("Rates & bonds rise");
    assertThat(docs.get(0).content())
        .isEqualTo("Yields rose \"sharply\" (AB said).\n\n\n\nSpreads 3 < 4 > 2 held.");
    assertThat(docs.get(1).content()).isEqualTo("lower-case tags");
    // a '<' that opens no tag is text: the regex reader cut everything up to the next '>'
    Path summary = dir.resolve("summary");
    Files.writeString(summary, "Inflation fell below 3% (< 4%).\nAT&T &amp; <s>others</s> rose.\n");
    assertThat(EvalDatasets.readSummaryFile(summary))
        .containsExactly("Inflation fell below 3% (< 4%).", "AT&T & others rose.");
  }

  @Test
  void explainsBadInput(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"id\": \"x\", \"documents\": [\"a\"]}\n");
    assertThatThrownBy(() -> EvalDatasets.read(bad))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("summary");
    assertThatThrownBy(() -> EvalDatasets.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("docs/");
  }

  @Test
  void sgmlInAnyCaseWithHtmlEntitiesAndUnclosedParagraphs(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path f = dir.resolve("doc.sgml");
    java.nio.file.Files.writeString(
        f,
        "<doc><docno>X1</docno><headline>Caf&eacute; &#8211; news</headline>"
            + "<text><p>First paragraph, AT&amp;T said.<p>Second&nbsp;one.</text></doc>");
    var docs = EvalDatasets.readDocumentFile(f);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).id()).isEqualTo("X1");
    assertThat(docs.get(0).title()).isEqualTo("Caf\u00e9 \u2013 news");
    assertThat(docs.get(0).content()).isEqualTo("First paragraph, AT&T said.\n\nSecond one.");
  }
}
