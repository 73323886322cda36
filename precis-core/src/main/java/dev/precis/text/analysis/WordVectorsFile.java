package dev.precis.text.analysis;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The binary format of a {@link WordVectors} table, gzip-compressed: a header ({@code PRWV}, format
 * version, dimensions, words, documents counted), the common text vector (floats), then per word,
 * most frequent first, the word (modified UTF-8), its document frequency, the scale of its int8
 * components and the components, and last a CRC-32 of everything before it, so a truncated or
 * altered table fails to load instead of giving wrong similarities.
 */
public final class WordVectorsFile {
  static final int MAGIC = 0x50525756; // "PRWV"
  static final int VERSION = 2;

  /** Bounds that a table read from outside must respect (the shipped one is far inside). */
  static final int MAX_DIMENSIONS = 1024;

  static final int MAX_BYTES = 256 << 20;

  private WordVectorsFile() {}

  /**
   * One word of a table being written.
   *
   * @param word the lower-case surface word
   * @param documentFrequency how many training documents contain it
   * @param scale multiply each component by this to get the float value
   * @param components the quantized components, one per dimension
   */
  public record Entry(String word, int documentFrequency, float scale, byte[] components) {
    public Entry {
      components = components.clone();
    }

    @Override
    public byte[] components() {
      return components.clone();
    }
  }

  /** Writes a table; the same entries always give the same bytes (gzip without a timestamp). */
  public static void write(
      OutputStream out, int dimensions, long documents, float[] commonVector, List<Entry> entries)
      throws IOException {
    if (commonVector.length != dimensions) {
      throw new IllegalArgumentException("the common vector has the wrong dimensions");
    }
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    CheckedOutputStream checked = new CheckedOutputStream(gzip, new CRC32());
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
    data.writeInt(MAGIC);
    data.writeInt(VERSION);
    data.writeInt(dimensions);
    data.writeInt(entries.size());
    data.writeLong(documents);
    for (float c : commonVector) {
      data.writeFloat(c);
    }
    for (Entry e : entries) {
      if (e.components.length != dimensions) {
        throw new IllegalArgumentException("word '" + e.word() + "' has the wrong dimensions");
      }
      data.writeUTF(e.word());
      data.writeInt(e.documentFrequency());
      data.writeFloat(e.scale());
      data.write(e.components);
    }
    data.flush();
    long crc = checked.getChecksum().getValue();
    data.writeLong(crc);
    data.flush();
    gzip.finish();
  }

  /** Reads a table; throws {@link IOException} with a one-line reason for any damaged table. */
  static WordVectors read(InputStream in) throws IOException {
    byte[] bytes;
    try (InputStream gzip = new GZIPInputStream(in, 1 << 16)) {
      bytes = gzip.readNBytes(MAX_BYTES + 1);
    } catch (EOFException e) {
      throw new IOException("word-vector table is truncated");
    } catch (ZipException e) {
      throw new IOException("word-vector table is not valid gzip: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException("word-vector table is larger than " + MAX_BYTES + " bytes");
    }
    if (bytes.length < 32) {
      throw new IOException("word-vector table is truncated");
    }
    int body = bytes.length - Long.BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    if (ByteBuffer.wrap(bytes, body, Long.BYTES).getLong() != crc.getValue()) {
      throw new IOException("word-vector table checksum mismatch (damaged or truncated file)");
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
    try {
      if (data.readInt() != MAGIC) {
        throw new IOException("not a word-vector table (bad magic number)");
      }
      int version = data.readInt();
      if (version != VERSION) {
        throw new IOException("word-vector table version " + version + ", expected " + VERSION);
      }
      int dimensions = data.readInt();
      int count = data.readInt();
      long documents = data.readLong();
      if (dimensions < 1 || dimensions > MAX_DIMENSIONS || count < 0 || documents < 1) {
        throw new IOException(
            "word-vector table header out of range (" + dimensions + " dims, " + count + " words)");
      }
      if ((long) count * (dimensions + 10) > body) {
        throw new IOException("word-vector table is shorter than its header says");
      }
      float[] commonVector = new float[dimensions];
      for (int d = 0; d < dimensions; d++) {
        commonVector[d] = data.readFloat();
      }
      String[] words = new String[count];
      int[] frequencies = new int[count];
      float[] scales = new float[count];
      byte[] components = new byte[count * dimensions];
      for (int i = 0; i < count; i++) {
        words[i] = data.readUTF();
        frequencies[i] = data.readInt();
        scales[i] = data.readFloat();
        data.readFully(components, i * dimensions, dimensions);
      }
      if (data.available() != 0) {
        throw new IOException("word-vector table has trailing data");
      }
      return new WordVectors(
          dimensions, documents, commonVector, words, frequencies, scales, components);
    } catch (EOFException e) {
      throw new IOException("word-vector table is shorter than its header says");
    }
  }
}
