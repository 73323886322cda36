package dev.precis.text;

import java.util.Locale;
import java.util.Set;

/**
 * Page furniture in a sentence that survived cleaning: markers glued into text (links, credits,
 * prompts, teasers) and sentences dense in furniture words. The summarizer asks this so that its
 * furniture rules live in the text stage beside the cleaner's line rules ({@code LineRules}, {@code
 * InlineFurniture}) and the recurring-sentence filter ({@link FurnitureSentenceFilter}).
 */
public final class PageFurniture {
  private PageFurniture() {}

  /** Words and signs of page furniture rather than reporting. */
  private static final Set<String> FURNITURE_WORDS =
      Set.of(
          "click",
          "subscribe",
          "newsletter",
          "cookies",
          "cookie",
          "javascript",
          "browser",
          "advertisement",
          "sign-up",
          "signup",
          "login",
          "log-in",
          "copyright",
          "reserved",
          "e-mail",
          "email",
          "emails",
          "download",
          "app",
          "follow",
          "twitter",
          "facebook",
          "instagram",
          "newsletters",
          "inbox",
          "unsubscribe",
          "getty",
          "caption",
          "photo",
          "image",
          "video",
          "playback",
          "media",
          "loading",
          "updated",
          "posted");

  /** Markers of page furniture glued into text: links, credits, prompts, teasers. */
  private static final String[] FURNITURE_MARKERS = {
    "http:",
    "https:",
    "www.",
    ".com/",
    "@",
    "posted:",
    "updated:",
    "photo:",
    "photos:",
    "image:",
    "click here",
    "sign up",
    "all rights reserved",
    "copyright",
    "\u00a9",
    "advertisement",
    "continue reading",
    "read more",
    "related:",
    "more:",
    "watch:",
    "listen:",
    "caption",
    "enter the characters",
    "javascript",
    "your browser",
    "story can end here",
    "end optional",
    "optional trim",
    "&ur;",
    "&lr;",
    "&amp;"
  };

  /**
   * True for page furniture rather than reporting: share prompts, photo credits, links, bylines
   * with timestamps, "Related:" teasers. Never a summary sentence while others exist.
   */
  public static boolean inSentence(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (String m : FURNITURE_MARKERS) {
      if (lower.contains(m)) {
        return true;
      }
    }
    int furniture = 0;
    int words = 0;
    for (String w : lower.split("[^\\p{L}\\p{N}'-]+")) {
      if (w.isEmpty()) {
        continue;
      }
      words++;
      if (FURNITURE_WORDS.contains(w)) {
        furniture++;
      }
    }
    // share prompts and credits are short and dense in these words; reporting sentences are not
    return furniture >= 2 && furniture * 6 >= words;
  }
}
