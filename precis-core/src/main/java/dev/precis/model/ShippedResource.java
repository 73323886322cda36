package dev.precis.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a model or table that ships inside the jar (the citation model, the event scorer, the block
 * classifier, the word vectors). One place for how a missing or damaged resource fails: at first
 * use, with the resource's name, as an unchecked exception, since a jar without its models cannot
 * work and no caller could recover.
 */
public final class ShippedResource {
  private ShippedResource() {}

  /** Parses one resource's bytes; the stream is closed by {@link #load}. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  /**
   * Parses the classpath resource {@code name} (absolute, or relative to {@code owner}'s package).
   *
   * @throws IllegalStateException when the resource is not on the classpath
   * @throws UncheckedIOException when it cannot be read or parsed
   */
  public static <T> T load(Class<?> owner, String name, Parser<T> parser) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }
}
