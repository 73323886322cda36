package dev.precis.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What the class and id words of an element say about it, for the rule-based extractor: furniture
 * (strongly or weakly), article body, or a comment thread. The words are the generic vocabulary of
 * page templates and widget vendors, not text of any particular page.
 *
 * <p>One instance per extraction: it caches the verdict per class string.
 */
final class ClassWords {
  /** Class/id substrings that mark a block as not article text, whatever else it says. */
  private static final List<String> STRONG_NEGATIVE =
      wordList(
          "comment disqus related recommend share sharing social newsletter"
              + " subscri promo sponsor advert outbrain taboola recirc breadcrumb"
              + " sidebar cookie consent gdpr popup modal paywall signup sign-up"
              + " most-popular mostpopular trending read-more readmore more-stories"
              + " morestories also-read skip-link skiplink toolbar author-bio authorbio"
              + " about-author about-the-author author-box authorbox author-info"
              + " post-author jump-link print-only visually-hidden sr-only screen-reader"
              + " hidden-text ad-container ad-slot adslot adunit ad-unit dfp googlead"
              + " banner rail teaser footer masthead copyright pagination pager caption"
              + " rollover tooltip popover hovercard hover-card");

  private static final List<String> COMMENTS =
      List.of("comment", "disqus", "reply", "replies", "respond");

  /**
   * Class/id words (whole, between spaces, hyphens or underscores) that mark furniture unless a
   * positive word is present too.
   */
  private static final Set<String> WEAK_NEGATIVE =
      wordSet(
          "ad ads nav navbar navigation menu header meta tag tags widget extra"
              + " byline caption credit hidden combx remark rss shoutbox skyscraper"
              + " supplemental tools utility utils topics keywords timestamp dateline"
              + " date time print email follow login nocontent aside callout module"
              + " overlay video");

  /** Class/id substrings that mark the article body. */
  private static final List<String> POSITIVE =
      wordList(
          "article body content entry hentry main page post story text blog prose"
              + " column paragraph richtext rich-text h-entry");

  private static final int STRONG = 1;
  private static final int WEAK = 2;
  private static final int GOOD = 4;
  private static final int COMMENT = 8;

  private final Map<String, Integer> flagCache = new HashMap<>();

  boolean isNegative(Element e) {
    int f = flags(e);
    return (f & STRONG) != 0 || ((f & WEAK) != 0 && (f & GOOD) == 0);
  }

  /** -25 for a furniture word, +25 for an article word (both may apply). */
  int classWeight(Element e) {
    int f = flags(e);
    int w = 0;
    if ((f & (STRONG | WEAK)) != 0) {
      w -= 25;
    }
    if ((f & GOOD) != 0) {
      w += 25;
    }
    return w;
  }

  boolean isComment(Element e) {
    return (flags(e) & COMMENT) != 0;
  }

  /** What the class and id of an element say about it, as STRONG/WEAK/GOOD/COMMENT bits. */
  int flags(Element e) {
    return flagsOf(e.className()) | flagsOf(e.id());
  }

  private int flagsOf(String raw) {
    if (raw.isEmpty()) {
      return 0;
    }
    // Pages repeat the same few class names thousands of times.
    Integer cached = flagCache.get(raw);
    if (cached != null) {
      return cached;
    }
    // "Commentary" is a genre of article, not a comment thread.
    String s = raw.toLowerCase(Locale.ROOT).replace("commentary", "opinion");
    int f = 0;
    if (containsAny(s, STRONG_NEGATIVE)) {
      f |= STRONG;
    }
    if (containsAny(s, POSITIVE)) {
      f |= GOOD;
    }
    if (containsAny(s, COMMENTS)) {
      f |= COMMENT;
    }
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || isWordSeparator(s.charAt(i))) {
        if (i > start && WEAK_NEGATIVE.contains(s.substring(start, i))) {
          f |= WEAK;
          break;
        }
        start = i + 1;
      }
    }
    if (flagCache.size() < 10_000) {
      flagCache.put(raw, f);
    }
    return f;
  }

  private static boolean isWordSeparator(char c) {
    return c == '-' || c == '_' || Character.isWhitespace(c);
  }

  private static boolean containsAny(String s, List<String> words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> wordSet(String words) {
    return Set.of(words.split(" "));
  }

  private static List<String> wordList(String words) {
    return List.of(words.split(" "));
  }
}
