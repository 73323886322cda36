package dev.precis.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes page furniture that sits inside a paragraph rather than on a line of its own, as happens
 * when a page is flattened into one line (Multi-News documents, many scrapers): site templates
 * (image-viewer controls, player notices, ad-slot labels) by the learned list of {@link
 * RecurringPhrases}, and by their shape parenthesised photo credits ("( photo: AP )"), agency
 * credits, embedded tweets, related-article links and truncated wire-photo captions ending in "...
 * ( associated press )".
 *
 * <p>Matching is case-insensitive (Multi-News is lower-cased) and works on fixed phrases and
 * bounded windows, never on backtracking regular expressions.
 */
final class InlineFurniture {
  private InlineFurniture() {}

  /** Third element of a cut made by furniture that sits right under a page's headline. */
  private static final int TOP_OF_PAGE = 1;

  /** The line without inline furniture; the same instance when there is none. */
  static String strip(String line) {
    List<int[]> cuts = new ArrayList<>();
    for (int[] span : RecurringPhrases.standard().spans(line)) {
      cuts.add(new int[] {span[0], span[1], TOP_OF_PAGE});
    }
    String lower = lowerSameLength(line);
    if (cuts.isEmpty() && !mayContainFurniture(lower)) {
      return line;
    }
    parenthesisedCredits(line, lower, cuts);
    agencyParentheses(line, lower, cuts);
    wirePhotoCaptions(lower, cuts);
    EmbeddedTweets.cut(lower, cuts);
    relatedLinks(lower, cuts);
    agencyCredits(line, lower, cuts);
    sentenceInitialAdvertisement(lower, cuts);
    if (cuts.isEmpty()) {
      return line;
    }
    headlineBeforeFurniture(lower, cuts);
    return applyCuts(line, cuts);
  }

  /**
   * A flattened page starts with its headline, which has no final stop: when the first piece of
   * furniture follows a short unpunctuated start ("Catholics should not try to convert jews,
   * vatican commission says enlarge this image ..."), that start is the headline and goes too.
   */
  private static void headlineBeforeFurniture(String lower, List<int[]> cuts) {
    int[] firstCut = null;
    for (int[] cut : cuts) {
      if (firstCut == null || cut[0] < firstCut[0]) {
        firstCut = cut;
      }
    }
    int first = firstCut[0];
    if (first == 0 || first > 200 || firstCut.length < 3) {
      return; // only image viewers, ad slots and caption labels mark the top of a page
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < first; i++) {
      char c = lower.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201d') {
        return; // a sentence (or a quote) before the furniture: not a bare headline
      }
      boolean letter = !Character.isWhitespace(c);
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    if (words >= 3 && words <= 25) {
      cuts.add(new int[] {0, first});
    }
  }

  private static boolean mayContainFurniture(String lower) {
    return lower.contains("( @")
        || lower.contains("read more")
        || lower.contains("advertisement")
        || lower.contains("photo")
        || lower.contains("image")
        || lower.contains("credit")
        || lower.contains("associated press");
  }

  /** "( photo: AP )", "(Photo by Jane Doe/Getty Images)", "( image: reuters )". */
  private static void parenthesisedCredits(String line, String lower, List<int[]> cuts) {
    for (int i = lower.indexOf('('); i >= 0; i = lower.indexOf('(', i + 1)) {
      int p = skipSpaces(lower, i + 1);
      if (!(startsWithWord(lower, p, "photo")
          || startsWithWord(lower, p, "photos")
          || startsWithWord(lower, p, "image")
          || startsWithWord(lower, p, "photograph")
          || startsWithWord(lower, p, "picture")
          || startsWithWord(lower, p, "credit")
          || startsWithWord(lower, p, "file photo"))) {
        continue;
      }
      int q = p;
      while (q < lower.length()
          && (Character.isLetter(lower.charAt(q))
              || lower.charAt(q) == ' '
                  && q + 1 < lower.length()
                  && Character.isLetter(lower.charAt(q + 1))
                  && lower.startsWith("photo", q + 1))) {
        q++;
      }
      if (q < lower.length() && (lower.charAt(q) == ':' || lower.charAt(q) == '/')
          || lower.startsWith(" by ", q)
          || lower.startsWith(" credit", q)
          || lower.startsWith(" courtesy", q)) {
        int close = indexWithin(lower, ')', q, i + 160);
        if (close > 0 && lower.lastIndexOf('(', close - 1) == i) {
          cuts.add(new int[] {captionBefore(line, i), close + 1});
        }
      }
    }
  }

  /** "( ap photo/j. scott applewhite )", "( kareem elgazzar/cincinnati enquirer via ap )". */
  private static void agencyParentheses(String line, String lower, List<int[]> cuts) {
    for (int i = lower.indexOf('('); i >= 0; i = lower.indexOf('(', i + 1)) {
      int close = indexWithin(lower, ')', i, i + 100);
      if (close < 0 || lower.lastIndexOf('(', close - 1) != i) {
        continue;
      }
      String inner = lower.substring(i + 1, close).strip();
      boolean credit =
          inner.startsWith("ap photo")
              || inner.startsWith("reuters/")
              || inner.startsWith("afp/")
              || inner.startsWith("getty images")
              || inner.contains("/")
                  && (inner.endsWith("/ap")
                      || inner.endsWith(" ap")
                      || inner.endsWith("getty images")
                      || inner.endsWith("/reuters")
                      || inner.endsWith("/afp")
                      || inner.endsWith("shutterstock")
                      || inner.endsWith("istock")
                      || inner.endsWith("istockphoto.com"))
              || inner.contains(" via ")
                  && (inner.endsWith("via ap")
                      || inner.endsWith("via twitter")
                      || inner.endsWith("via reuters")
                      || inner.endsWith("via getty images")
                      || inner.endsWith("via instagram")
                      || inner.endsWith("via facebook"));
      if (credit) {
        cuts.add(new int[] {captionBefore(line, i), close + 1});
      }
    }
  }

  private static final RuleBasedSentenceSplitter SPLITTER = new RuleBasedSentenceSplitter();

  /** Longest photo caption taken along with its credit. */
  private static final int MAX_CAPTION = 400;

  /**
   * A photo credit follows its caption: where the text before {@code credit} ends with a complete
   * sentence of at most {@link #MAX_CAPTION} characters, that sentence is the caption and its start
   * is returned; otherwise {@code credit} itself.
   */
  private static int captionBefore(String line, int credit) {
    int end = credit;
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    if (end == 0 || !LineRules.endsLikeSentence(line.substring(Math.max(0, end - 3), end))) {
      return credit;
    }
    int from = Math.max(0, end - MAX_CAPTION - 200);
    String window = line.substring(from, end);
    List<Span> sentences = SPLITTER.split(window);
    if (sentences.isEmpty()) {
      return credit;
    }
    Span last = sentences.get(sentences.size() - 1);
    if (last.start() == 0 && from > 0 || last.length() > MAX_CAPTION) {
      return credit; // no sentence start within reach
    }
    return from + last.start();
  }

  /**
   * AP photo captions survive scraping cut off with an ellipsis and credited: "People lay flowers
   * at the place where,... ( associated press )". The caption runs from the previous sentence end
   * to the credit.
   */
  private static void wirePhotoCaptions(String lower, List<int[]> cuts) {
    String credit = "( associated press )";
    int previousEnd = 0;
    for (int i = lower.indexOf(credit); i >= 0; i = lower.indexOf(credit, i + credit.length())) {
      int before = i;
      while (before > 0 && lower.charAt(before - 1) == ' ') {
        before--;
      }
      boolean truncated =
          before >= 3 && lower.startsWith("...", before - 3)
              || before >= 1 && lower.charAt(before - 1) == '\u2026';
      if (!truncated) {
        cuts.add(new int[] {i, i + credit.length()});
        previousEnd = i + credit.length();
        continue;
      }
      int start = captionStart(lower, before - 3, previousEnd);
      cuts.add(new int[] {start < 0 ? i : start, i + credit.length()});
      previousEnd = i + credit.length();
    }
  }

  /**
   * Where the caption starts: captions come in runs at the top of a page, so a caption that follows
   * the line start or the previous caption closely starts there; otherwise it starts after the last
   * sentence end before it.
   */
  private static int captionStart(String lower, int from, int floor) {
    if (from - floor <= 400) {
      return floor;
    }
    int limit = from - 400;
    for (int j = from - 1; j > limit; j--) {
      char c = lower.charAt(j);
      if ((c == '.' || c == '!' || c == '?') && lower.charAt(j + 1) == ' ' && j >= 3) {
        // not after an abbreviation or initial ("feb.", "u.s.", "j.")
        int w = j;
        while (w > 0 && Character.isLetter(lower.charAt(w - 1))) {
          w--;
        }
        if (j - w >= 4) {
          return j + 1;
        }
      }
    }
    return -1;
  }

  /**
   * Related-article links flattened into the text: "... surfing. Silicon valley billionaire demands
   * $ 30m to restore access read more when khosla took over". The headline runs from the last
   * sentence end to "read more" and has no punctuation of its own. "Read more: URL" goes too.
   */
  private static void relatedLinks(String lower, List<int[]> cuts) {
    String marker = "read more";
    for (int i = lower.indexOf(marker); i >= 0; i = lower.indexOf(marker, i + marker.length())) {
      int end = i + marker.length();
      if (!isWordStart(lower, i) || !isWordEnd(lower, end)) {
        continue;
      }
      if (end < lower.length() && lower.charAt(end) == ':') {
        end++;
        int next = skipSpaces(lower, end);
        if (lower.startsWith("http", next)) {
          end = wordEnd(lower, next);
        }
        cuts.add(new int[] {i, end});
        continue;
      }
      int start = -1;
      int tokens = 0;
      for (int j = i - 1; j >= 0 && j >= i - 200; j--) {
        char c = lower.charAt(j);
        if (c == ' ') {
          tokens++;
        }
        if ((c == '.' || c == '!' || c == '?' || c == '"' || c == ')')
            && j + 1 < i
            && lower.charAt(j + 1) == ' ') {
          start = j + 1;
          break;
        }
        if (c == ',' || c == ';' || j == 0) {
          start = j == 0 ? 0 : -1;
          break;
        }
      }
      if (start >= 0 && tokens <= 25) {
        cuts.add(new int[] {start, end});
      }
    }
  }

  /**
   * Photo credits flattened into the text: "Mauro Fermariello / Science Photo Library/Getty
   * Images", "/ jewel samad/afp/getty images": from the last sentence end (or at most a few words
   * back) to the agency name.
   */
  private static void agencyCredits(String line, String lower, List<int[]> cuts) {
    String agency = "getty images";
    for (int i = lower.indexOf(agency); i >= 0; i = lower.indexOf(agency, i + agency.length())) {
      int end = i + agency.length();
      boolean slash = i > 0 && lower.charAt(i - 1) == '/';
      if (!slash) {
        continue; // "Getty Images" as a company in a sentence is content
      }
      int start = i;
      int words = 0;
      for (int j = i - 1; j >= 0 && j >= i - 200 && words <= 6; j--) {
        char c = lower.charAt(j);
        if (c == ' ') {
          words++;
          if (j > 0 && ".!?)]\"".indexOf(lower.charAt(j - 1)) >= 0) {
            start = j + 1;
            break;
          }
        }
        if (j == 0) {
          start = 0;
        }
      }
      if (start == i) {
        // no sentence end close by: take the slash-joined credit only ("reuters/jane doe/getty")
        int j = i;
        while (j > 0 && j > i - 100 && lower.charAt(j - 1) != ' ') {
          j--;
        }
        start = j;
      }
      if (lower.startsWith(")", skipSpaces(lower, end))) {
        continue; // inside parentheses: handled as a parenthesised credit
      }
      cuts.add(new int[] {captionBefore(line, start), end});
    }
  }

  /**
   * "Advertisement" as an ad-slot label, seen where it starts a sentence and is followed by the
   * next one; mid-sentence uses ("an advertisement for") are content.
   */
  private static void sentenceInitialAdvertisement(String lower, List<int[]> cuts) {
    String word = "advertisement";
    for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + word.length())) {
      int end = i + word.length();
      if (!isWordStart(lower, i) || !isWordEnd(lower, end)) {
        continue;
      }
      int b = i;
      while (b > 0 && lower.charAt(b - 1) == ' ') {
        b--;
      }
      boolean atSentenceStart =
          b == 0 || ".!?\"\u201d')".indexOf(lower.charAt(b - 1)) >= 0 || lower.charAt(b - 1) == ':';
      if (!atSentenceStart) {
        continue;
      }
      if (end < lower.length() && lower.charAt(end) != ' ' && lower.charAt(end) != '.') {
        continue;
      }
      if (lower.startsWith("advertisement continue reading", i)) {
        continue; // removed as a phrase
      }
      cuts.add(new int[] {i, end});
    }
  }

  private static String applyCuts(String line, List<int[]> cuts) {
    cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder(line.length());
    int pos = 0;
    for (int[] cut : cuts) {
      if (cut[1] <= pos) {
        continue;
      }
      if (cut[0] > pos) {
        out.append(line, pos, cut[0]);
      }
      pos = Math.max(pos, cut[1]);
    }
    out.append(line, pos, line.length());
    return collapseSpaces(out);
  }

  /** Single spaces, no space before closing punctuation left behind by a cut, stripped. */
  static String collapseSpaces(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  static String lowerSameLength(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /** Index of {@code c} in {@code [from, limit]}, or -1: bounded so that scans stay linear. */
  static int indexWithin(String s, char c, int from, int limit) {
    int end = Math.min(s.length() - 1, limit);
    for (int i = from; i <= end; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWithWord(String lower, int at, String word) {
    return lower.startsWith(word, at) && isWordEnd(lower, at + word.length());
  }

  private static boolean isWordStart(String s, int i) {
    return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
  }

  private static boolean isWordEnd(String s, int i) {
    return i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
  }

  static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  static int wordEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) != ' ') {
      i++;
    }
    return i;
  }
}
