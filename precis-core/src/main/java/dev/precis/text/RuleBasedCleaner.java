package dev.precis.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rule-based removal of news-page furniture from extracted article text, one line (paragraph) at a
 * time, in stages:
 *
 * <ol>
 *   <li>normalise whitespace (non-breaking and zero-width spaces, runs of blanks);
 *   <li>repair inline damage: hover-cards glued into names ({@link HoverCards}) and furniture
 *       inside a paragraph ({@link InlineFurniture}), then drop sign-up/subscribe/cookie sentences
 *       inside longer paragraphs;
 *   <li>classify each line by general rules ({@link LineRules}): navigation and accessibility
 *       links, media-player residue, photo credits, share/follow prompts, cookie notices, bylines
 *       and credits, date lines, teasers;
 *   <li>take the first headline-like line as the title (unless one is given) and drop lines that
 *       repeat the title or any earlier line, short fragments and subheadings;
 *   <li>drop the page footer: everything after an end-of-article marker ("Read more", "Like this:",
 *       "With reporting by ...") in the last part of the page.
 * </ol>
 *
 * <p>Every stage is linear in the text length (no backtracking regular expressions). The output
 * text is the text every offset in Precis refers to; paragraphs are separated by blank lines.
 *
 * <pre>{@code
 * CleanText clean = new RuleBasedCleaner().clean(null, scrapedText);
 * String title = clean.title();   // first headline-like line, kept as metadata
 * String body = clean.text();     // what sentences and citations point into
 * }</pre>
 */
public final class RuleBasedCleaner implements BoilerplateCleaner {
  /** Share of the page (by line) after which an end-of-article marker ends the body. */
  private static final double FOOTER_FROM = 0.6;

  private static final SentenceSplitter SPLITTER = new RuleBasedSentenceSplitter();

  /**
   * The verdict on one non-blank input line.
   *
   * @param line the input line as given
   * @param cleaned the line after inline repairs (what is kept when {@code dropReason} is null)
   * @param dropReason why the line was dropped, or {@code null} when it is kept
   */
  public record LineVerdict(String line, String cleaned, String dropReason) {
    public boolean kept() {
      return dropReason == null;
    }
  }

  /**
   * The full account of one cleaning: the title found and a verdict for each non-blank line.
   *
   * @param title the title (given or found), or {@code null}
   * @param published the date of the first dropped date line, or {@code null}
   * @param lines one verdict per non-blank input line, in order
   */
  public record Explanation(String title, java.time.Instant published, List<LineVerdict> lines) {
    public Explanation {
      lines = List.copyOf(lines);
    }

    /** The kept lines joined as the cleaned text. */
    public CleanText toCleanText() {
      StringBuilder sb = new StringBuilder();
      for (LineVerdict v : lines) {
        if (v.kept()) {
          if (sb.length() > 0) {
            sb.append("\n\n");
          }
          sb.append(v.cleaned());
        }
      }
      return new CleanText(title, sb.toString(), published);
    }
  }

  @Override
  public CleanText clean(String knownTitle, String text) {
    return explain(knownTitle, text).toCleanText();
  }

  /** Cleans and says, for every line, whether it was kept and why not. */
  public Explanation explain(String knownTitle, String text) {
    List<String> raw = nonBlankLines(text);
    int n = raw.size();
    String[] cleaned = new String[n];
    String[] reason = new String[n];
    for (int i = 0; i < n; i++) {
      String line = normalizeSpaces(raw.get(i));
      line = HoverCards.strip(line);
      line = InlineFurniture.strip(line);
      String why = line.isEmpty() ? "inline furniture only" : LineRules.furniture(line);
      if (why == null) {
        String withoutPrompts = dropPromptSentences(line);
        if (withoutPrompts.isEmpty()) {
          why = "sign-up or subscribe prompt";
        } else if (!withoutPrompts.equals(line)) {
          line = withoutPrompts;
          why = LineRules.furniture(line); // what is left may be a label ("Learn more")
        }
      }
      cleaned[i] = line;
      reason[i] = why;
    }

    String title = knownTitle == null || knownTitle.isBlank() ? null : knownTitle.strip();
    String titleKey = title == null ? null : LineRules.key(title);
    Set<String> seen = new HashSet<>();
    int contentLines = 0;
    boolean inFooter = false;
    boolean first = true;
    for (int i = 0; i < n; i++) {
      if (inFooter) {
        if (reason[i] == null) {
          reason[i] = "page footer";
        }
        continue;
      }
      if (reason[i] != null) {
        if (contentLines >= 3 && i >= FOOTER_FROM * n && LineRules.isEndMarker(cleaned[i])) {
          inFooter = true;
        }
        continue;
      }
      String line = cleaned[i];
      String key = LineRules.key(line);
      if (first) {
        first = false;
        if (title == null && n > 1 && LineRules.isHeadlineLike(line)) {
          // a one-line text (a flattened page) is all body: no line of it is a headline
          title = line;
          titleKey = key;
          reason[i] = "title";
          continue;
        }
      }
      if (titleKey != null && LineRules.repeatsTitle(key, titleKey)) {
        reason[i] = "repeated title";
      } else if (!key.isEmpty() && !seen.add(key)) {
        reason[i] = "repeated line";
      } else if (contentLines >= 3 && i >= FOOTER_FROM * n && LineRules.isEndMarker(line)) {
        reason[i] = "end-of-article marker";
        inFooter = true;
      } else {
        String fragment = LineRules.fragment(line);
        if (fragment != null) {
          reason[i] = fragment;
        } else {
          contentLines++;
        }
      }
    }
    if (contentLines == 0) {
      // nothing reads as body text (a one-line note, a list of headings): keep what was dropped
      // only for its shape rather than return an empty article
      for (int i = 0; i < n; i++) {
        if ("heading".equals(reason[i]) || "short fragment".equals(reason[i])) {
          reason[i] = null;
        }
      }
    }
    List<LineVerdict> verdicts = new ArrayList<>(n);
    java.time.Instant published = null;
    for (int i = 0; i < n; i++) {
      verdicts.add(new LineVerdict(raw.get(i), cleaned[i], reason[i]));
      if (published == null && "date line".equals(reason[i])) {
        java.time.LocalDate date = DateLines.parse(cleaned[i]);
        if (date != null) {
          published = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
      }
    }
    return new Explanation(title, published, verdicts);
  }

  /** Sentences such as "Sign up for our newsletter." inside a longer paragraph. */
  private static String dropPromptSentences(String line) {
    if (!LineRules.mayHoldPrompt(line)) {
      return line;
    }
    List<Span> spans = SPLITTER.split(line);
    StringBuilder out = new StringBuilder(line.length());
    boolean dropped = false;
    for (Span s : spans) {
      String sentence = s.of(line);
      if (LineRules.isPromptSentence(sentence)) {
        dropped = true;
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(sentence);
    }
    return dropped ? out.toString() : line;
  }

  private static List<String> nonBlankLines(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        if (!isBlank(text, start, i)) {
          out.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200b'
        || c == '\u200c'
        || c == '\u200d'
        || c == '\u2060'
        || c == '\ufeff';
  }

  /** Non-breaking, zero-width and repeated blanks become one ordinary space; stripped. */
  static String normalizeSpaces(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean pendingSpace = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\u200b'
          || c == '\u200c'
          || c == '\u200d'
          || c == '\u2060'
          || c == '\ufeff'
          || c == '\u00ad') {
        continue; // zero-width: joins, not separates
      }
      if (isSpace(c) || Character.isISOControl(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
