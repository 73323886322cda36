package dev.precis.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text from its most frequent function words, for pages that do not
 * declare one. Covers the languages whose news Precis is most likely to meet; answers {@code null}
 * rather than guess when the evidence is thin or split.
 */
final class LanguageGuess {
  private static final Map<String, Set<String>> STOP_WORDS =
      Map.of(
          "en",
              wordSet(
                  "the and of to in is that for it was with on as he she are by this have"
                      + " from they be"),
          "de",
              wordSet(
                  "der die und das ist nicht ein eine zu den mit sich von auf für dem"
                      + " auch es im wird"),
          "fr",
              wordSet(
                  "le la les et des est une un du dans que pour qui pas sur au avec ce il"
                      + " elle sont"),
          "es",
              wordSet(
                  "el la los las y que de en un una por con para es del se su al como"
                      + " pero más"),
          "it",
              wordSet(
                  "il la di che e è per un una non con del della sono gli le nel anche"
                      + " più ma"),
          "pt",
              wordSet(
                  "o a os as de que e do da em um uma para com não por se mais dos das é" + " ao"),
          "nl",
              wordSet(
                  "de het een en van is dat op te zijn niet met voor ook maar wordt aan"
                      + " bij naar"),
          "id",
              wordSet(
                  "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke"
                      + " ada karena oleh bahwa"),
          "ru", wordSet("и в не на что с по как это он она но к из за от для его так же все был"));

  private LanguageGuess() {}

  /** ISO 639-1 code of the text's likely language, or {@code null}. */
  static String guess(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Map<String, Integer> hits = new HashMap<>();
    int words = 0;
    int start = -1;
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length() && words < 2000; i++) {
      boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String w = lower.substring(start, i);
        words++;
        for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
          if (e.getValue().contains(w)) {
            hits.merge(e.getKey(), 1, Integer::sum);
          }
        }
        start = -1;
      }
    }
    String best = null;
    int bestHits = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        second = bestHits;
        bestHits = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    // Function words are a fifth to a half of running text; demand a clear winner.
    if (words < 20 || bestHits < words / 10 || bestHits < second * 1.5) {
      return null;
    }
    return best;
  }

  private static Set<String> wordSet(String words) {
    return Set.of(words.split(" "));
  }
}
