package dev.precis.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bytes into text: a byte-order mark wins, then an HTML {@code <meta charset>}, then UTF-8;
 * bytes that are not valid UTF-8 fall back to Windows-1252, the usual culprit on news sites.
 */
public final class TextDecoder {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);

  private TextDecoder() {}

  /** True when the bytes look binary (NUL bytes in the first 8 KiB outside a UTF-16 BOM). */
  public static boolean looksBinary(byte[] bytes) {
    if (hasUtf16Bom(bytes)) {
      return false;
    }
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  public static String decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      try {
        Charset cs = Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
        return new String(bytes, cs);
      } catch (RuntimeException unknownCharset) {
        // fall through to UTF-8 detection
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static boolean hasUtf16Bom(byte[] b) {
    return b.length >= 2
        && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)
            || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE));
  }
}
