package dev.precis.text;

/**
 * Removes page furniture (navigation, media-player residue, credits, share prompts, cookie notices,
 * bylines, repeated titles, glued hover-cards) from extracted article text.
 */
public interface BoilerplateCleaner {
  /**
   * @param knownTitle the title from metadata, or {@code null}; lines repeating it are dropped
   * @param text article text, one paragraph or line per line
   */
  CleanText clean(String knownTitle, String text);
}
