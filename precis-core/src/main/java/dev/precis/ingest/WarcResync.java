package dev.precis.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finding the next record of a WARC file after a broken one, and telling a page from binary data
 * declared as a page.
 */
final class WarcResync {
  private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_LINE = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

  private WarcResync() {}

  /**
   * Offset of the first record start at or after {@code from}: a gzip member header in a compressed
   * file, a {@code WARC/1.} version line at the start of a line otherwise; -1 when none.
   */
  static long nextStart(Path file, long from, boolean gzip) {
    byte[] magic = gzip ? GZIP_MEMBER : WARC_LINE;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      long base = from;
      int carry = 0;
      byte prev = '\n';
      while (base < ch.size()) {
        buf.clear();
        buf.position(carry);
        int n = ch.read(buf, base + carry);
        if (n <= 0) {
          return -1;
        }
        int len = carry + n;
        byte[] a = buf.array();
        for (int i = 0; i + magic.length <= len; i++) {
          byte before = i == 0 ? prev : a[i - 1];
          if ((gzip || before == '\n') && matches(a, i, magic)) {
            return base + i;
          }
        }
        // keep the last few bytes: a header may straddle two reads
        int keep = Math.min(len, magic.length - 1);
        prev = len - keep - 1 >= 0 ? a[len - keep - 1] : prev;
        System.arraycopy(a, len - keep, a, 0, keep);
        base += len - keep;
        carry = keep;
        if (n < magic.length && base + carry >= ch.size()) {
          return -1;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static boolean matches(byte[] a, int at, byte[] magic) {
    for (int j = 0; j < magic.length; j++) {
      if (a[at + j] != magic[j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * True for content that is not text: a NUL byte, or more than 1% control characters (other than
   * tab, line breaks and form feed) in the first 8 KB. An image declared {@code text/html} became a
   * garbage article.
   */
  static boolean looksBinary(byte[] bytes) {
    if (TextDecoder.looksBinary(bytes)) {
      return true;
    }
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return n > 0 && control * 100 > n;
  }
}
