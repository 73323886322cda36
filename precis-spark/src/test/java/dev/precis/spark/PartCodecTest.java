package dev.precis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precis.spark.StoryAssembly.EntryRow;
import dev.precis.spark.StoryAssembly.EventRow;
import dev.precis.spark.StoryAssembly.GroupRow;
import dev.precis.spark.StoryAssembly.Part;
import dev.precis.spark.StoryAssembly.StoryRow;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartCodecTest {
  /** One story's parts of every kind, with the nulls and sizes the real ones can have. */
  private static List<Part> parts() {
    char[] big = new char[70_000]; // beyond writeUTF's 64 KB
    Arrays.fill(big, 'é');
    return List.of(
        new Part(new GroupRow(7L, "a-7", 1, 3, null), null, null, null),
        new Part(new GroupRow(9L, "a-9", 1, 3, "a-7"), null, null, null),
        new Part(
            null,
            new EventRow(1, 3, LocalDate.of(2024, 5, 1), "Héadline", List.of("a-7")),
            null,
            null),
        new Part(null, new EventRow(2, 3, null, null, List.of()), null, null),
        new Part(
            null,
            null,
            new StoryRow(
                3,
                "Title",
                Instant.ofEpochSecond(1_714_521_600L, 123_456_789),
                null,
                List.of(1L, 2L),
                List.of("a-7", "a-9")),
            null),
        new Part(
            null,
            null,
            null,
            new EntryRow(3, 0, "e1", "{\"id\":\"e1\"}", new String(big), "[]", null)));
  }

  @Test
  void partsComeBackEqual() {
    List<Part> parts = parts();
    assertEquals(parts, PartCodec.decode(PartCodec.encode(parts)));
  }

  @Test
  void rowsOfTheEarlierJavaSerializedFormatAreStillRead() throws Exception {
    List<Part> parts = parts();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(parts));
    }
    assertEquals(parts, PartCodec.decode(bytes.toByteArray()));
  }
}
