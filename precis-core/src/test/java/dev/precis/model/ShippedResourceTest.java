package dev.precis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShippedResourceTest {
  private static final String PRESENT = "/dev/precis/text/analysis/stopwords.txt";

  @Test
  void parsesAResourceOnTheClasspath() {
    String text =
        ShippedResource.load(
            ShippedResourceTest.class,
            PRESENT,
            in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(text.length() > 100, "the stop word file has content");
  }

  @Test
  void aMissingResourceNamesItself() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ShippedResource.load(ShippedResourceTest.class, "/no/such/model.bin", in -> 1));
    assertEquals("missing resource /no/such/model.bin", e.getMessage());
  }

  @Test
  void aDamagedResourceFailsWithItsNameAndTheParsersReason() {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                ShippedResource.load(
                    ShippedResourceTest.class,
                    PRESENT,
                    in -> {
                      throw new IOException("bad magic");
                    }));
    assertEquals(PRESENT + ": bad magic", e.getMessage());
  }
}
