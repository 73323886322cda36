package dev.precis.spark;

import dev.precis.spark.StoryAssembly.EntryRow;
import dev.precis.spark.StoryAssembly.EventRow;
import dev.precis.spark.StoryAssembly.GroupRow;
import dev.precis.spark.StoryAssembly.Part;
import dev.precis.spark.StoryAssembly.StoryRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bytes of one story's {@link Part}s in the {@code story_parts} state table. Written field by
 * field: a Java serialization stream a story (as before) repeated every class description in every
 * row and cost about 2 % of a run's CPU in reflection. Rows an earlier version wrote (Java
 * serialization, which starts with its magic 0xACED) are still read.
 */
final class PartCodec {
  /** First byte of this format (a Java serialization stream starts with 0xAC). */
  private static final byte VERSION = 1;

  private static final byte GROUP = 0;
  private static final byte EVENT = 1;
  private static final byte STORY = 2;
  private static final byte ENTRY = 3;

  private PartCodec() {}

  static byte[] encode(List<Part> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * parts.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(parts.size());
      for (Part p : parts) {
        write(out, p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<Part> decode(byte[] bytes) {
    if (bytes.length >= 2 && bytes[0] == (byte) 0xAC && bytes[1] == (byte) 0xED) {
      return javaSerialized(bytes);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("story_parts: unknown format " + version);
      }
      int n = in.readInt();
      List<Part> parts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        parts.add(read(in));
      }
      return parts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, Part p) throws IOException {
    if (p.group() != null) {
      GroupRow g = p.group();
      out.writeByte(GROUP);
      out.writeLong(g.seq());
      string(out, g.id());
      out.writeLong(g.event());
      out.writeLong(g.story());
      string(out, g.duplicateOf());
    } else if (p.event() != null) {
      EventRow e = p.event();
      out.writeByte(EVENT);
      out.writeLong(e.event());
      out.writeLong(e.story());
      out.writeLong(e.day() == null ? Long.MIN_VALUE : e.day().toEpochDay());
      string(out, e.headline());
      strings(out, e.articleIds());
    } else if (p.story() != null) {
      StoryRow s = p.story();
      out.writeByte(STORY);
      out.writeLong(s.story());
      string(out, s.title());
      instant(out, s.firstSeen());
      instant(out, s.lastSeen());
      if (s.events() == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(s.events().size());
        for (Long e : s.events()) {
          out.writeLong(e);
        }
      }
      strings(out, s.articleIds());
    } else {
      EntryRow e = p.entry();
      out.writeByte(ENTRY);
      out.writeLong(e.story());
      out.writeInt(e.index());
      string(out, e.id());
      string(out, e.line());
      string(out, e.summary());
      string(out, e.citations());
      string(out, e.facts());
    }
  }

  private static Part read(DataInputStream in) throws IOException {
    byte kind = in.readByte();
    switch (kind) {
      case GROUP:
        return new Part(
            new GroupRow(in.readLong(), string(in), in.readLong(), in.readLong(), string(in)),
            null,
            null,
            null);
      case EVENT:
        {
          long event = in.readLong();
          long story = in.readLong();
          long day = in.readLong();
          LocalDate date = day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
          return new Part(
              null, new EventRow(event, story, date, string(in), strings(in)), null, null);
        }
      case STORY:
        {
          long story = in.readLong();
          String title = string(in);
          Instant first = instant(in);
          Instant last = instant(in);
          int n = in.readInt();
          List<Long> events = null;
          if (n >= 0) {
            List<Long> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              list.add(in.readLong());
            }
            events = Collections.unmodifiableList(list);
          }
          return new Part(
              null, null, new StoryRow(story, title, first, last, events, strings(in)), null);
        }
      case ENTRY:
        return new Part(
            null,
            null,
            null,
            new EntryRow(
                in.readLong(),
                in.readInt(),
                string(in),
                string(in),
                string(in),
                string(in),
                string(in)));
      default:
        throw new IllegalStateException("story_parts: unknown part " + kind);
    }
  }

  /** A string of any length (writeUTF stops at 64 KB), or null. */
  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    if (list == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(list.size());
    for (String s : list) {
      string(out, s);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(string(in));
    }
    return Collections.unmodifiableList(list);
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Part> javaSerialized(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (List<Part>) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
