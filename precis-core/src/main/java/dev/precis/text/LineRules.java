package dev.precis.text;

import java.util.Set;

/**
 * The general rules that tell page furniture from article text, one line at a time. Rules look at
 * the shape of a line (length, final punctuation, capitalisation, tokens) and at small closed
 * vocabularies of furniture words that recur across outlets; none is tied to one site.
 */
final class LineRules {
  private LineRules() {}

  /** Whole lines that are navigation, controls or labels (compared by {@link #key}). */
  private static final Set<String> LABELS =
      words(
          "accessibility links|skip to main content|skip to content|skip navigation|"
              + "skip to navigation|jump to navigation|jump to content|main menu|menu|"
              + "navigation|search|home|breaking news|sections|log in|login|sign in|register|"
              + "subscribe|subscribe now|back to top|top|print|email|e mail|close|advertisement|"
              + "ad|ads|sponsored|share|share this|share this article|share this story|"
              + "share on facebook|share on twitter|tweet|pin|comments|comment|show comments|"
              + "view comments|leave a comment|next article|previous article|next|previous|"
              + "related|related articles|related stories|related content|related coverage|"
              + "related topics|related news|more|more stories|more news|most popular|most read|"
              + "trending|trending now|top stories|you may also like|recommended|"
              + "recommended for you|read more|read next|continue reading|load more|see more|"
              + "view more|show more|image|images|video|videos|photo|photos|gallery|play|"
              + "play video|watch|watch video|watch live|listen|audio|loading|please wait|"
              + "embed|copy link|link copied|autoplay|"
              + "cookie settings|manage settings|accept|accept all|reject all|got it|like this|"
              + "like|follow|follow us|facebook|twitter|instagram|linkedin|youtube|reddit|"
              + "whatsapp|caption|"
              + "fullscreen|full screen|replay|tags|topics|filed under|newsletter|sign up|live|"
              + "advertise|privacy policy|terms of use|terms of service|contact us|about us|"
              + "loading video|this video is not available|"
              + "your browser does not support the video tag|skip ad|close ad|ad feedback|"
              + "scroll to continue|story continues below|story continues below advertisement|"
              + "article continues below|continue reading below|click to expand|expand|collapse|"
              + "show caption|hide|open|view gallery|view image|image 1 of|"
              + "listen to this article|save|saved|bookmark|send|feedback|more on this story|"
              + "more from|latest|latest news|you might also like|around the web|"
              + "from our partners|promoted stories|learn more|find out more");

  /** End-of-article markers: in the last part of a page, what follows is footer. */
  private static final Set<String> END_MARKERS =
      words(
          "read more|like this|share this|related|related articles|related stories|"
              + "related coverage|related content|related news|related topics|more from|"
              + "comments|show comments|view comments|leave a comment|recommended|"
              + "recommended for you|you may also like|you might also like|most popular|"
              + "most read|trending|trending now|sponsored content|have your say|more stories|"
              + "more news|top stories|around the web|from our partners|promoted stories|"
              + "more on this story|tags|topics|filed under");

  /** Prefixes of teaser lines ("WATCH: ...", "READ MORE: ..."), compared lower-cased. */
  private static final String[] TEASERS =
      words(
              "watch:|watch -|read more:|read more about|read more at|read:|more:|related:|"
                  + "see also:|listen:|video:|photos:|photo gallery:|gallery:|also read:|also:|"
                  + "don't miss:|must read:|must see:|recommended:|sponsored:|read next:|trending:|"
                  + "more on this:|latest:|click here|read the full|full story:|continue reading|"
                  + "read the original|watch now|listen now|follow live|live updates:|"
                  + "related coverage:|related video:|related stories:|read also:|see more:|"
                  + "more from")
          .toArray(new String[0]);

  private static final Set<String> SOCIAL =
      words(
          "facebook|twitter|instagram|linkedin|whatsapp|pinterest|reddit|youtube|tiktok|"
              + "email|telegram|snapchat|flipboard|tumblr|rss|messenger|threads|bluesky|"
              + "mastodon|print");

  private static final Set<String> MINOR_WORDS =
      words(
          "a|an|the|of|in|on|to|for|and|or|but|with|at|by|from|as|is|vs|over|into|after|"
              + "about|up|via|its|are");

  /** Words that hint that a paragraph holds a sign-up or subscription prompt. */
  private static final String[] PROMPT_HINTS =
      words(
              "sign up|signing up|subscribe|newsletter|click here|rights reserved|follow us|"
                  + "like us on|download our|the app|inbox|never miss|cookie|javascript|"
                  + "your browser|delivered daily|may not be published|"
                  + "rewritten or redistributed|get the latest|tap here|terms of service|"
                  + "privacy policy")
          .toArray(new String[0]);

  /** Phrases that make a sentence a prompt when found (lower-cased). */
  private static final String[] PROMPT_PHRASES = {
    "sign up for",
    "sign up to",
    "sign up now",
    "sign up here",
    "signing up",
    "subscribe to our",
    "subscribe now",
    "subscribe for",
    "subscribe today",
    "to subscribe",
    "newsletters here",
    "our newsletter",
    "free newsletter",
    "our free",
    "newsletter to",
    "delivered daily",
    "delivered to your inbox",
    "to your inbox",
    "in your inbox",
    "click here",
    "tap here",
    "all rights reserved",
    "may not be published, broadcast",
    "rewritten or redistributed",
    "follow us on",
    "like us on facebook",
    "download our app",
    "download the app",
    "get the app",
    "never miss",
    "we use cookies",
    "uses cookies",
    "use cookies",
    "cookie policy",
    "use of cookies",
    "by continuing to use",
    "javascript is disabled",
    "enable javascript",
    "javascript enabled",
    "your browser does not support",
    "update your browser",
    "get the latest news",
    "privacy policy",
    "terms of service",
    "terms of use",
  };

  /**
   * Why a line is page furniture by its own content, or {@code null} if these rules keep it.
   * Context rules (titles, repeats, fragments, footers) are applied by the caller.
   */
  static String furniture(String line) {
    int words = Words.count(line);
    if (words > 30) {
      // long lines are text unless they are a cookie notice: skip the short-line rules
      return words <= 150 && isCookieNotice(InlineFurniture.lowerSameLength(line), words)
          ? "cookie notice"
          : null;
    }
    String lower = InlineFurniture.lowerSameLength(line);
    String key = key(line);
    if (key.isEmpty()) {
      return "no words";
    }
    if (LABELS.contains(key)) {
      return "navigation or label";
    }
    if (isTimecodes(line)) {
      return "media player";
    }
    if (key.startsWith("no media source")
        || key.startsWith("please wait")
        || key.startsWith("your browser does not support")
        || key.startsWith("this video") && words <= 12) {
      return "media player";
    }
    if (CreditLines.isPhotoCredit(line, lower, key, words)) {
      return "photo credit";
    }
    if (isShareOrFollow(lower, key, words)) {
      return "share or follow prompt";
    }
    if (isCookieNotice(lower, words)) {
      return "cookie notice";
    }
    if (CreditLines.isByline(line, key, words)) {
      return "byline";
    }
    if (CreditLines.isCreditLine(lower, words)) {
      return "credit line";
    }
    if (CreditLines.isDateLine(lower, key, words)) {
      return "date line";
    }
    if (words <= 30 && startsWithAny(lower, TEASERS)) {
      return "teaser";
    }
    if (words <= 30 && lower.contains("click here")) {
      return "teaser";
    }
    if (words <= 25 && isPromptSentence(line) && !endsLikeSentence(line)
        || words <= 12 && isPromptSentence(line)) {
      return "sign-up or subscribe prompt";
    }
    if (CreditLines.isCopyright(lower, words)) {
      return "copyright notice";
    }
    return null;
  }

  /**
   * Why a kept-so-far line is still not article text by its shape: a very short fragment or a
   * subheading without a final stop. {@code null} when it reads as text.
   */
  static String fragment(String line) {
    int words = Words.count(line);
    boolean sentence = endsLikeSentence(line);
    char first = line.charAt(0);
    if ((first == '\u2022' || first == '\u00b7' || first == '|') && words <= 6) {
      return "short fragment";
    }
    if (sentence) {
      return words <= 1 ? "short fragment" : null;
    }
    if (words <= 3) {
      return "short fragment";
    }
    if (isListItem(line)) {
      return null;
    }
    if (words <= 8 || words <= 16 && titleCaseShare(line) >= 0.6) {
      return "heading";
    }
    return null;
  }

  /** A title candidate: a short line that does not end as a sentence with a full stop. */
  static boolean isHeadlineLike(String line) {
    int words = Words.count(line);
    if (words < 2 || words > 25) {
      return false;
    }
    char last = lastNonSpace(line);
    return last != '.' && last != ';' && last != ',' && last != ':';
  }

  /** Whether a line (by key) repeats the title, allowing a site name around it. */
  static boolean repeatsTitle(String key, String titleKey) {
    if (key.equals(titleKey)) {
      return true;
    }
    if (key.length() < 20 || titleKey.length() < 20) {
      return false;
    }
    return titleKey.startsWith(key) || key.startsWith(titleKey);
  }

  /** "Read more", "Like this:", "Related stories", credits and copyright at the page end. */
  static boolean isEndMarker(String line) {
    if (line.length() > 300) {
      return false; // markers and credit lines are short
    }
    String key = key(line);
    if (END_MARKERS.contains(key)) {
      return true;
    }
    String lower = InlineFurniture.lowerSameLength(line);
    int words = Words.count(line);
    return CreditLines.isCreditLine(lower, words) || CreditLines.isCopyright(lower, words);
  }

  static boolean mayHoldPrompt(String line) {
    String lower = InlineFurniture.lowerSameLength(line);
    for (String hint : PROMPT_HINTS) {
      if (lower.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPromptSentence(String sentence) {
    String lower = InlineFurniture.lowerSameLength(sentence);
    if (lower.startsWith("interested in ") && lower.endsWith("?") && Words.count(lower) <= 8) {
      return true; // "Interested in Airlines?": the opener of a follow-this-topic widget
    }
    for (String p : PROMPT_PHRASES) {
      if (lower.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-cased letters and digits, other runs as single spaces: for comparing lines. */
  static String key(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    boolean gap = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (gap && sb.length() > 0) {
          sb.append(' ');
        }
        gap = false;
        sb.append(Character.toLowerCase(c));
      } else if (c != '\'' && c != '\u2019') {
        gap = true;
      }
    }
    return sb.toString();
  }

  /** Ends with . ! ? … : ; possibly followed by closing quotes or brackets. */
  static boolean endsLikeSentence(String line) {
    int i = line.length() - 1;
    while (i >= 0 && line.charAt(i) == ' ') {
      i--;
    }
    int closers = 0;
    while (i >= 0 && closers < 3 && isCloser(line.charAt(i))) {
      i--;
      closers++;
    }
    if (i < 0) {
      return false;
    }
    char c = line.charAt(i);
    return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == ':' || c == ';';
  }

  private static boolean isCloser(char c) {
    return c == '"'
        || c == '\''
        || c == ')'
        || c == ']'
        || c == '\u201d'
        || c == '\u2019'
        || c == '\u00bb';
  }

  private static char lastNonSpace(String line) {
    for (int i = line.length() - 1; i >= 0; i--) {
      if (line.charAt(i) != ' ') {
        return line.charAt(i);
      }
    }
    return ' ';
  }

  /** "0:00 0:01:59 0:00": a line of player timecodes only. */
  private static boolean isTimecodes(String line) {
    if (!Character.isDigit(line.charAt(0)) || line.indexOf(':') < 0) {
      return false;
    }
    boolean any = false;
    for (String token : line.split(" ")) {
      if (token.isEmpty() || token.equals("/") || token.equals("|")) {
        continue;
      }
      boolean colon = false;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c == ':') {
          colon = true;
        } else if (!Character.isDigit(c)) {
          return false;
        }
      }
      if (!colon) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean isShareOrFollow(String lower, String key, int words) {
    if (words > 16) {
      return false;
    }
    int social = 0;
    for (String token : key.split(" ")) {
      if (SOCIAL.contains(token)) {
        social++;
      }
    }
    if (social >= 2 && (!endsLikeSentence(lower) || words <= 6)) {
      return true;
    }
    if ((key.startsWith("follow ") || key.startsWith("share ") || key.startsWith("like us"))
        && words <= 10
        && (social >= 1
            || lower.indexOf(':') > 0
            || lower.indexOf('@') >= 0
            || key.startsWith("share this")
            || key.startsWith("follow us"))) {
      return true;
    }
    return key.startsWith("like this")
        || key.startsWith("share this")
        || key.startsWith("tweet this")
        || key.startsWith("email this");
  }

  private static boolean isCookieNotice(String lower, int words) {
    if (words > 150 || !lower.contains("cookie")) {
      return false;
    }
    return lower.contains("we use")
        || lower.contains("our site")
        || lower.contains("this site")
        || lower.contains("website")
        || lower.contains("accept")
        || lower.contains("consent")
        || lower.contains("policy")
        || lower.contains("settings")
        || lower.contains("continuing")
        || lower.contains("personali")
        || lower.contains("partners");
  }

  /** "* item", "- item", "1. item", "(a) item". */
  private static boolean isListItem(String line) {
    char c = line.charAt(0);
    if (c == '*' || c == '-' || c == '\u2013' || c == '\u2014') {
      return true;
    }
    int i = 0;
    while (i < line.length() && Character.isDigit(line.charAt(i))) {
      i++;
    }
    return i > 0 && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')');
  }

  /** Share of content words that start with a capital letter. */
  private static double titleCaseShare(String line) {
    int content = 0;
    int capital = 0;
    for (String token : line.split(" ")) {
      String t = stripPunctuation(token);
      if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
        continue;
      }
      if (MINOR_WORDS.contains(t.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      content++;
      if (Character.isUpperCase(t.charAt(0))) {
        capital++;
      }
    }
    return content == 0 ? 0 : (double) capital / content;
  }

  private static String stripPunctuation(String token) {
    int a = 0;
    int b = token.length();
    while (a < b && !Character.isLetterOrDigit(token.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(token.charAt(b - 1))) {
      b--;
    }
    return token.substring(a, b);
  }

  static boolean startsWithAny(String lower, String[] prefixes) {
    for (String p : prefixes) {
      if (lower.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A closed vocabulary written compactly: entries separated by '|'. */
  static Set<String> words(String entries) {
    return Set.of(entries.split("\\|"));
  }
}
