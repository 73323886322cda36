package dev.precis.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Cuts after smoothing: blocks the classifier keeps that page structure marks as furniture. Each
 * cut is one general mechanism with at most one threshold; none reads a particular page's words.
 *
 * <ul>
 *   <li>{@code recordGroup}: a block inside a record repeated at least this many times side by side
 *       ({@link RecordGroups}: comments, teasers, search hits) is dropped (0: off).
 *   <li>{@code linkShare}: a short block that does not read as a sentence and whose link characters
 *       reach this share of its text ("Read more", a related headline) is dropped (above 1: off).
 *   <li>{@code afterHeading}: once half of the kept text has passed, a section heading the
 *       classifier rejects ends the article; the kept blocks after it (a comment thread, a list of
 *       related stories under their heading) are dropped.
 *   <li>{@code repeatedLines}: a short block whose exact text occurs again elsewhere on the page is
 *       dropped (furniture repeats, "Advertisement" between paragraphs; sentences of an article do
 *       not).
 * </ul>
 *
 * <p>The cuts never take every sentence: a page they would leave without one keeps its text, since
 * then the records or lines they matched most likely are the article. None is in the shipped
 * extractor (see the README's "Tried in issue 16's third round"); {@code precis train-extractor
 * --cuts} scores them.
 *
 * <p>Example: {@code BlockExtractor.render(page, p, MainSpan.DEFAULT, new FurnitureCuts(3, 2,
 * false, false))} drops the blocks of records repeated three times or more.
 *
 * @param recordGroup smallest group of repeated records whose blocks are dropped (0: off)
 * @param linkShare smallest link share of a dropped short line (above 1: off)
 * @param afterHeading whether a rejected heading after half of the text ends it
 * @param repeatedLines whether short lines repeated on the page are dropped
 */
public record FurnitureCuts(
    int recordGroup, double linkShare, boolean afterHeading, boolean repeatedLines) {

  /** No cut. */
  public static final FurnitureCuts NONE = new FurnitureCuts(0, 2, false, false);

  private static final int HEADINGS = (1 << 17) | (1 << 18);

  /** Drops from {@code kept} the blocks the cuts mark as furniture. */
  void apply(PageBlocks page, boolean[] kept) {
    if (equals(NONE)) {
      return;
    }
    int n = kept.length;
    long keptChars = 0;
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        keptChars += page.blocks.get(i).chars();
      }
    }
    if (keptChars == 0) {
      return;
    }
    boolean[] cut = new boolean[n];
    BlockFeatures.Shape[] shapes = page.shapes();
    if (recordGroup > 0) {
      int[] group = page.records().groupSize;
      for (int i = 0; i < n; i++) {
        cut[i] |= kept[i] && group[i] >= recordGroup;
      }
    }
    if (linkShare <= 1) {
      for (int i = 0; i < n; i++) {
        PageBlocks.Block b = page.blocks.get(i);
        cut[i] |=
            kept[i]
                && !readsAsSentence(shapes[i])
                && b.linkChars() > 0
                && b.linkChars() >= linkShare * b.chars();
      }
    }
    if (afterHeading) {
      cutAfterRejectedHeading(page, kept, keptChars, cut);
    }
    if (repeatedLines) {
      cutRepeatedLines(page, shapes, kept, cut);
    }
    if (!leavesASentence(shapes, kept, cut)) {
      return;
    }
    for (int i = 0; i < n; i++) {
      kept[i] &= !cut[i];
    }
  }

  private static boolean leavesASentence(
      BlockFeatures.Shape[] shapes, boolean[] kept, boolean[] cut) {
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] && !cut[i] && readsAsSentence(shapes[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean readsAsSentence(BlockFeatures.Shape s) {
    return s.words() >= BlockFeatures.PROSE_WORDS && s.closes();
  }

  private static void cutAfterRejectedHeading(
      PageBlocks page, boolean[] kept, long keptChars, boolean[] cut) {
    long seen = 0;
    boolean ended = false;
    for (int i = 0; i < kept.length; i++) {
      if (ended) {
        cut[i] |= kept[i];
        continue;
      }
      if (kept[i]) {
        seen += page.blocks.get(i).chars();
      } else if (2 * seen >= keptChars && isHeading(page, i)) {
        ended = true;
      }
    }
  }

  private static boolean isHeading(PageBlocks page, int i) {
    int frame = page.blocks.get(i).frame();
    return frame >= 0 && (Tags.maskBit(page.frames.tag[frame]) & HEADINGS) != 0;
  }

  private static void cutRepeatedLines(
      PageBlocks page, BlockFeatures.Shape[] shapes, boolean[] kept, boolean[] cut) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < kept.length; i++) {
      if (shapes[i].words() < BlockFeatures.PROSE_WORDS) {
        counts.merge(page.blocks.get(i).text(), 1, Integer::sum);
      }
    }
    for (int i = 0; i < kept.length; i++) {
      cut[i] |=
          kept[i]
              && shapes[i].words() < BlockFeatures.PROSE_WORDS
              && counts.get(page.blocks.get(i).text()) > 1;
    }
  }
}
