package dev.precis.ingest;

import java.util.List;
import org.jsoup.nodes.Document;

/**
 * Main text by the learned block classifier: the body is cut into blocks in one pass ({@link
 * PageBlocks}), each block is classified and smoothed over its neighbours ({@link BlockModel}), and
 * the blocks judged main text are written one a line. The page's headline ({@code <h1>}) is left
 * out: the title travels separately.
 */
final class BlockExtractor {
  private final BlockModel model;

  BlockExtractor(BlockModel model) {
    this.model = model;
  }

  String extract(Document doc) {
    PageBlocks page = PageBlocks.of(doc);
    return render(page, model.probabilities(page));
  }

  /** The text of the blocks judged main text, one a line. */
  static String render(PageBlocks page, double[] p) {
    return render(page, p, MainSpan.DEFAULT);
  }

  /** The text of the blocks that {@code span} keeps, one a line. */
  static String render(PageBlocks page, double[] p, MainSpan span) {
    return render(page, p, span, FurnitureCuts.NONE);
  }

  /** The text of the blocks that {@code span} keeps and {@code cuts} leave, one a line. */
  static String render(PageBlocks page, double[] p, MainSpan span, FurnitureCuts cuts) {
    List<PageBlocks.Block> blocks = page.blocks;
    boolean[] kept = span.keep(page, p);
    cuts.apply(page, kept);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < p.length; i++) {
      if (kept[i]) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(blocks.get(i).text());
      }
    }
    return out.toString();
  }

  static boolean isHeadline(PageBlocks page, int i) {
    int frame = page.blocks.get(i).frame();
    return frame >= 0 && (page.frames.mask[frame] & Tags.maskBit(Tags.H1)) != 0;
  }
}
