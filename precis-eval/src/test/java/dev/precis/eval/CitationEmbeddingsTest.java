package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitationEmbeddingsTest {

  @Test
  void cacheReadsBackWhatWasWritten(@TempDir Path dir) throws Exception {
    Map<String, float[]> v = new LinkedHashMap<>();
    v.put("The minister resigned.", CitationEmbeddings.unit(new float[] {3, 4, 0}));
    v.put("Ünïcode — “quoted”", CitationEmbeddings.unit(new float[] {0, 0, 2}));
    Path file = dir.resolve("e.bin");
    CitationEmbeddings.write(file, v);
    Map<String, float[]> back = CitationEmbeddings.read(file);
    assertThat(back).containsOnlyKeys(v.keySet());
    assertThat(back.get("The minister resigned.")).containsExactly(0.6f, 0.8f, 0f);
    assertThat(CitationEmbeddings.dot(back.get("Ünïcode — “quoted”"), v.get("Ünïcode — “quoted”")))
        .isCloseTo(1, within(1e-6));
  }
}
