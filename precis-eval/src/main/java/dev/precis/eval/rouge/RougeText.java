package dev.precis.eval.rouge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A summary read the way ROUGE-1.5.5 reads a one-sentence-per-line ("SPL") file, down to the tokens
 * it scores. The rules (all reproduced byte for byte):
 *
 * <ol>
 *   <li>the text is UTF-8 bytes; it is split into lines at {@code \n}; empty lines are dropped;
 *       only ASCII {@code A-Z} are lower-cased;
 *   <li>{@code -l N}: the first N words, a word being a piece between runs of ASCII whitespace (a
 *       line starting with whitespace counts one extra, empty word); {@code -b N}: the first N
 *       bytes of the lines, line breaks not counted; for ROUGE-L each line is checked against N on
 *       its own instead;
 *   <li>a token is a maximal run of {@code a-z0-9}: every other byte (punctuation, hyphens,
 *       apostrophes, each byte of a non-ASCII character) separates tokens;
 *   <li>{@code -s} drops tokens equal to a SMART stop word (before stemming);
 *   <li>{@code -m} maps tokens longer than three characters through the WordNet exception table, or
 *       else the Porter stemmer of {@link RougePorterStemmer}.
 * </ol>
 *
 * @param tokens all tokens of the (cut) summary, as ROUGE-N and ROUGE-S see them
 * @param sentences tokens line by line, as ROUGE-L sees them
 */
public record RougeText(List<String> tokens, List<List<String>> sentences) {
  private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
  private static final int STEM_CACHE_LIMIT = 200_000;

  /** Reads a summary given as lines (a line may itself contain {@code \n}). */
  public static RougeText of(List<String> lines, RougeOptions options) {
    List<byte[]> raw = lines(lines);
    byte[] whole = readText(raw, options.wordLimit(), options.byteLimit());
    List<String> tokens = whole == null ? List.of() : tokens(whole, options);
    List<List<String>> sentences = new ArrayList<>();
    for (byte[] s : readTextLcs(raw, options.wordLimit(), options.byteLimit())) {
      sentences.add(tokens(s, options));
    }
    return new RougeText(List.copyOf(tokens), List.copyOf(sentences));
  }

  /** The tokens of one piece of text (no length limit), e.g. for an oracle or a benchmark. */
  public static List<String> tokenize(String text, RougeOptions options) {
    return tokens(lower(text.getBytes(StandardCharsets.UTF_8)), options);
  }

  static List<byte[]> lines(List<String> input) {
    List<byte[]> out = new ArrayList<>();
    for (String line : input) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      int start = 0;
      for (int i = 0; i <= b.length; i++) {
        if (i == b.length || b[i] == '\n') {
          if (i > start) {
            byte[] piece = new byte[i - start];
            System.arraycopy(b, start, piece, 0, piece.length);
            out.add(lower(piece));
          }
          start = i + 1;
        }
      }
    }
    return out;
  }

  private static byte[] lower(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] >= 'A' && b[i] <= 'Z') {
        b[i] = (byte) (b[i] + 32);
      }
    }
    return b;
  }

  /** ROUGE's readText: the lines joined by spaces, cut by -l or -b; null when nothing is left. */
  static byte[] readText(List<byte[]> lines, int wordLimit, int byteLimit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (wordLimit == 0 && byteLimit == 0) {
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          out.write(' ');
        }
        out.writeBytes(lines.get(i));
      }
      return out.toByteArray();
    }
    int len = 0;
    if (wordLimit != 0) {
      for (byte[] s : lines) {
        List<byte[]> words = splitWhitespace(s);
        if (len + words.size() < wordLimit) {
          if (len != 0) {
            out.write(' ');
          }
          out.writeBytes(s);
          len += words.size();
        } else {
          if (len > 0) {
            out.write(' ');
          }
          out.writeBytes(join(words, wordLimit - len));
          break;
        }
      }
    } else {
      for (byte[] s : lines) {
        if (len + s.length < byteLimit) {
          if (len != 0) {
            out.write(' ');
          }
          out.writeBytes(s);
          len += s.length;
        } else {
          if (len > 0) {
            out.write(' ');
          }
          out.write(s, 0, Math.min(s.length, byteLimit - len));
          break;
        }
      }
    }
    return out.size() > 0 ? out.toByteArray() : null;
  }

  /** ROUGE's readText_LCS: the lines kept by -l or -b (where -b checks each line alone). */
  static List<byte[]> readTextLcs(List<byte[]> lines, int wordLimit, int byteLimit) {
    if (wordLimit == 0 && byteLimit == 0) {
      return lines;
    }
    List<byte[]> out = new ArrayList<>();
    if (wordLimit != 0) {
      int len = 0;
      for (byte[] s : lines) {
        List<byte[]> words = splitWhitespace(s);
        if (len + words.size() < wordLimit) {
          len += words.size();
          out.add(s);
        } else {
          out.add(join(words, wordLimit - len));
          break;
        }
      }
    } else {
      // the script never adds to its byte count here: each line is compared with the limit alone
      for (byte[] s : lines) {
        if (s.length < byteLimit) {
          out.add(s);
        } else {
          byte[] cut = new byte[Math.min(s.length, byteLimit)];
          System.arraycopy(s, 0, cut, 0, cut.length);
          out.add(cut);
          break;
        }
      }
    }
    return out;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
  }

  /**
   * Perl's split(/\s+/): a leading empty field when the line starts with space, none at the end.
   */
  static List<byte[]> splitWhitespace(byte[] s) {
    List<byte[]> out = new ArrayList<>();
    int i = 0;
    int n = s.length;
    boolean leading = n > 0 && isSpace(s[0]);
    while (i < n && isSpace(s[i])) {
      i++;
    }
    if (leading && i < n) {
      out.add(new byte[0]);
    }
    while (i < n) {
      int start = i;
      while (i < n && !isSpace(s[i])) {
        i++;
      }
      byte[] w = new byte[i - start];
      System.arraycopy(s, start, w, 0, w.length);
      out.add(w);
      while (i < n && isSpace(s[i])) {
        i++;
      }
    }
    return out;
  }

  private static byte[] join(List<byte[]> words, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count && i < words.size(); i++) {
      if (i > 0) {
        out.write(' ');
      }
      out.writeBytes(words.get(i));
    }
    return out.toByteArray();
  }

  private static boolean isTokenByte(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
  }

  static List<String> tokens(byte[] text, RougeOptions options) {
    Set<String> stop = options.removeStopWords() ? RougeWordLists.stopWords() : null;
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length;
    while (i < n) {
      if (!isTokenByte(text[i])) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isTokenByte(text[i])) {
        i++;
      }
      String token = new String(text, start, i - start, StandardCharsets.ISO_8859_1);
      if (stop != null && stop.contains(token)) {
        continue;
      }
      out.add(options.stem() && token.length() > 3 ? stem(token) : token);
    }
    return out;
  }

  /** ROUGE's MorphStem: the exception table's base form, or else the Porter stem. */
  public static String stem(String token) {
    String cached = STEMS.get(token);
    if (cached != null) {
      return cached;
    }
    String base = RougeWordLists.exceptions().get(token);
    String s = base != null ? base : RougePorterStemmer.stem(token);
    if (STEMS.size() < STEM_CACHE_LIMIT) {
      STEMS.put(token, s);
    }
    return s;
  }
}
