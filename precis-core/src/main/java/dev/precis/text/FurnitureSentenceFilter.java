package dev.precis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops page furniture that survives cleaning as whole sentences: a splitter stage that keeps every
 * span of the splitter it wraps except
 *
 * <ul>
 *   <li>sentences that recur across unrelated stories (sign-up prompts, widget notices, archive
 *       notes): their normalized form's hash is in a list learned from a corpus of story clusters
 *       by {@code precis eval-furniture --build} (a sentence found in documents of several distinct
 *       clusters is no story's news); the list ships as hashes, never as page text, and
 *   <li>timestamp and byline lines ("Nov. 29, 2018, 1:40 am GMT / Updated ... by ..."): a clock
 *       time beside a date or a time zone, with little else left.
 * </ul>
 *
 * <pre>{@code
 * SentenceSplitter splitter = FurnitureSentenceFilter.standard(new RuleBasedSentenceSplitter());
 * }</pre>
 */
public final class FurnitureSentenceFilter implements SentenceSplitter {
  /** The shipped list, learned from Multi-News validation clusters 1,001 onwards. */
  public static final String RESOURCE = "/dev/precis/text/recurring-sentences.txt";

  /** Fewest words a sentence needs before the list is asked: short lines recur innocently. */
  public static final int MIN_WORDS = 4;

  private static final Set<Long> STANDARD_LIST = load(RESOURCE);

  private static final Pattern CLOCK =
      Pattern.compile(
          "\\b\\d{1,2}\\s?[:.]\\s?\\d{2}\\s*(?:[ap]\\.?\\s?m\\b\\.?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_OR_ZONE =
      Pattern.compile(
          "\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b"
              + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"
              + "|\\b(?:gmt|utc|bst|cet|cest|[ecmp][sd]?t)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern STAMP_WORDS =
      Pattern.compile(
          "\\b(?:updated?|published|posted|last|modified|by|on|at|and|am|pm|a\\.m|p\\.m|gmt|utc|bst"
              + "|cet|cest|[ecmp][sd]?t|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
              + "|january|february|march|april|june|july|august|september|october|november"
              + "|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday"
              + "|saturday|sunday)\\b\\.?|\\d+",
          Pattern.CASE_INSENSITIVE);

  private static final String STAMP_DATE =
      "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
          + "(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}"
          + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})";
  private static final String STAMP_TIME =
      "(?:,?\\s*(?:at\\s+)?\\d{1,2}\\s?[:.]\\s?\\d{2}\\s*(?:[ap]\\.?\\s?m\\b\\.?)?"
          + "(?:\\s*(?:gmt|utc|bst|cet|cest|[ecmp][sd]?t)\\b)?)";

  /**
   * A dateline glued to the first sentence: "DATE, TIME ZONE / updated DATE, TIME ZONE by First
   * Last". The byline keeps two name words: the common case, and the sentence after it stays.
   */
  private static final Pattern LEADING_STAMP =
      Pattern.compile(
          "^\\s*(?:(?:updated|published|posted)\\s*:?\\s*)?"
              + STAMP_DATE
              + STAMP_TIME
              + "(?:\\s*[/|]?\\s*(?:updated|published|modified)\\s*:?\\s*"
              + STAMP_DATE
              + STAMP_TIME
              + "?)?"
              + "(?:\\s+by\\s+\\p{L}+\\s+\\p{L}+)?\\s*",
          Pattern.CASE_INSENSITIVE);

  private final SentenceSplitter splitter;
  private final Set<Long> recurring;

  /** Wraps {@code splitter}, dropping sentences whose normalized hash is in {@code recurring}. */
  public FurnitureSentenceFilter(SentenceSplitter splitter, Set<Long> recurring) {
    this.splitter = splitter;
    this.recurring = Set.copyOf(recurring);
  }

  /** Wraps {@code splitter} with the shipped list. */
  public static FurnitureSentenceFilter standard(SentenceSplitter splitter) {
    return new FurnitureSentenceFilter(splitter, STANDARD_LIST);
  }

  @Override
  public List<Span> split(String text) {
    List<Span> spans = splitter.split(text);
    List<Span> kept = new ArrayList<>(spans.size());
    boolean changed = false;
    for (Span s : spans) {
      String sentence = s.of(text);
      int stamp = leadingStamp(sentence);
      if (stamp > 0) {
        // keep the story's sentence behind a dateline, without the dateline
        s = new Span(s.start() + stamp, s.end());
        sentence = s.of(text);
        changed = true;
      }
      if (isFurniture(sentence) || sentence.isBlank()) {
        changed = true;
      } else {
        kept.add(s);
      }
    }
    return changed ? kept : spans;
  }

  /**
   * Length of a dateline ("Nov. 29, 2018, 1:40 am GMT / updated ... by First Last") that opens the
   * sentence and is followed by more text; 0 when there is none.
   */
  public static int leadingStamp(String sentence) {
    Matcher m = LEADING_STAMP.matcher(sentence);
    if (!m.lookingAt() || m.end() >= sentence.length() || !CLOCK.matcher(m.group()).find()) {
      return 0;
    }
    return m.end();
  }

  /** True for a sentence on the recurring list or shaped like a timestamp or byline line. */
  public boolean isFurniture(String sentence) {
    String key = key(sentence);
    if (words(key) >= MIN_WORDS && recurring.contains(hash(key))) {
      return true;
    }
    return isTimestampLine(sentence);
  }

  /**
   * A clock time next to a date or a time zone, with at most four other words (names of an author
   * or a desk): a dateline or byline, not a sentence of the story.
   */
  public static boolean isTimestampLine(String sentence) {
    if (sentence.length() > 200) {
      return false;
    }
    Matcher clock = CLOCK.matcher(sentence);
    if (!clock.find() || !DATE_OR_ZONE.matcher(sentence).find()) {
      return false;
    }
    String rest = STAMP_WORDS.matcher(sentence).replaceAll(" ");
    int words = 0;
    for (String w : rest.split("[^\\p{L}]+")) {
      if (!w.isEmpty()) {
        words++;
      }
    }
    return words <= 4;
  }

  /**
   * The form two copies of a sentence share: lower case, digits as 0, letters and digits only, one
   * space between runs.
   */
  public static String key(String sentence) {
    StringBuilder b = new StringBuilder(sentence.length());
    boolean space = false;
    for (int i = 0; i < sentence.length(); i++) {
      char c = Character.toLowerCase(sentence.charAt(i));
      if (c >= '0' && c <= '9') {
        c = '0';
      }
      if ((c >= 'a' && c <= 'z') || c == '0') {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        b.append(c);
        space = false;
      } else {
        space = true;
      }
    }
    return b.toString();
  }

  static int words(String key) {
    if (key.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  /** 64-bit FNV-1a of the key's characters: the list's entries. */
  public static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Reads a list: one hexadecimal hash a line, {@code #} comments. */
  public static Set<Long> load(String resource) {
    InputStream in = FurnitureSentenceFilter.class.getResourceAsStream(resource);
    if (in == null) {
      return Set.of();
    }
    Set<Long> out = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(Long.parseUnsignedLong(t.toLowerCase(Locale.ROOT), 16));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
