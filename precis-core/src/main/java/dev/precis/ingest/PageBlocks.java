package dev.precis.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A page cut into text blocks, in one pass over its parsed body: a block is a run of inline text
 * between two block-level boundaries (a paragraph, a list item, a heading, the text between two
 * {@code <br>}s). Besides the blocks, the pass records for every element it enters (a "frame") its
 * tag, its class/id/itemprop/role tokens (hashed, never copied) and the text and link characters of
 * its subtree, which the classifier's features read.
 *
 * <p>Skipped outright: scripts, styles, forms' controls, media and other elements that never render
 * article text.
 */
final class PageBlocks {

  /**
   * One block of text.
   *
   * @param text the block's text, whitespace collapsed
   * @param chars non-space characters
   * @param linkChars non-space characters inside links
   * @param frame the frame of the innermost block-level element holding the block
   */
  record Block(String text, int chars, int linkChars, int frame) {}

  final List<Block> blocks;
  final Frames frames;

  // Measured once per page, read by both stages of the classifier.
  private BlockFeatures.Shape[] shapes;
  private int[] linkBins;
  private int[][] leadingWords;
  private TemplateRepeats templates;
  private RecordGroups records;

  private PageBlocks(List<Block> blocks, Frames frames) {
    this.blocks = blocks;
    this.frames = frames;
  }

  /** The shape of each block's text. */
  BlockFeatures.Shape[] shapes() {
    if (shapes == null) {
      int n = blocks.size();
      BlockFeatures.Shape[] out = new BlockFeatures.Shape[n];
      int[] bins = new int[n];
      int[][] leading = new int[n][];
      int[] words = new int[BlockFeatures.SHORT_WORDS];
      for (int i = 0; i < n; i++) {
        Block b = blocks.get(i);
        out[i] = BlockFeatures.shape(b.text(), words);
        leading[i] = Arrays.copyOf(words, Math.min(words.length, out[i].words()));
        bins[i] = BlockFeatures.densityBin(b.linkChars(), b.chars());
      }
      linkBins = bins;
      leadingWords = leading;
      shapes = out;
    }
    return shapes;
  }

  /** Each block's link density as a bin ({@link BlockFeatures#densityBin}). */
  int[] linkBins() {
    shapes();
    return linkBins;
  }

  /** Hashes of each block's first words (up to {@link BlockFeatures#SHORT_WORDS}). */
  int[][] leadingWords() {
    shapes();
    return leadingWords;
  }

  /** How often each block's template recurs. */
  TemplateRepeats templates() {
    if (templates == null) {
      templates = TemplateRepeats.of(this);
    }
    return templates;
  }

  /** The repeated records around each block. */
  RecordGroups records() {
    if (records == null) {
      records = RecordGroups.of(this);
    }
    return records;
  }

  /** Cuts the body of {@code doc} into blocks. */
  static PageBlocks of(org.jsoup.nodes.Document doc) {
    Element body = doc.body();
    Segmenter s = new Segmenter();
    if (body != null) {
      NodeTraversor.filter(s, body);
      s.flush();
    }
    return new PageBlocks(s.blocks, s.frames);
  }

  /** Per-element facts, indexed by frame id (document order). */
  static final class Frames {
    int size;
    int[] tag = new int[256];
    int[] parent = new int[256];
    int[] mask = new int[256];
    int[] chars = new int[256];
    int[] linkChars = new int[256];
    int[] elements = new int[256];
    int[][] tokens = new int[256][];

    int add(int tagId, int parentId, int maskBits, int[] tokenHashes) {
      if (size == tag.length) {
        int n = size * 2;
        tag = Arrays.copyOf(tag, n);
        parent = Arrays.copyOf(parent, n);
        mask = Arrays.copyOf(mask, n);
        chars = Arrays.copyOf(chars, n);
        linkChars = Arrays.copyOf(linkChars, n);
        elements = Arrays.copyOf(elements, n);
        tokens = Arrays.copyOf(tokens, n);
      }
      int id = size++;
      tag[id] = tagId;
      parent[id] = parentId;
      mask[id] = maskBits;
      tokens[id] = tokenHashes;
      return id;
    }
  }

  /** The single pass: a jsoup node filter that builds blocks and frames as it goes. */
  private static final class Segmenter implements NodeFilter {
    private static final int[] NO_TOKENS = new int[0];

    final List<Block> blocks = new ArrayList<>();
    final Frames frames = new Frames();
    private final Map<String, int[]> tokenCache = new HashMap<>();
    private final StringBuilder buf = new StringBuilder(256);
    private int[] stack = new int[64];
    private int depth;
    private int linkDepth;
    private int bufChars;
    private int bufLinkChars;
    private boolean pendingSpace;

    @Override
    public FilterResult head(Node node, int d) {
      if (node instanceof TextNode t) {
        appendText(t.getWholeText());
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      int tagId = Tags.id(e.normalName());
      int flags = Tags.flags(tagId);
      if ((flags & Tags.SKIP) != 0) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if ((flags & (Tags.BLOCK | Tags.BREAK)) != 0) {
        flush();
      }
      int parent = depth == 0 ? -1 : stack[depth - 1];
      int mask = (parent < 0 ? 0 : frames.mask[parent]) | Tags.maskBit(tagId);
      int[] tokens = NO_TOKENS;
      if (e.attributesSize() > 0) {
        tokens = tokens(e);
        if (e.hasAttr("hidden") || isStyledHidden(e.attr("style"))) {
          mask |= Tags.HIDDEN_BIT;
        }
      }
      int id = frames.add(tagId, parent, mask, tokens);
      if (depth == stack.length) {
        stack = Arrays.copyOf(stack, depth * 2);
      }
      stack[depth++] = id;
      if (tagId == Tags.A && e.hasAttr("href")) {
        linkDepth++;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int d) {
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      int id = stack[depth - 1];
      int tagId = frames.tag[id];
      if ((Tags.flags(tagId) & Tags.BLOCK) != 0) {
        flush();
      }
      if (tagId == Tags.A && linkDepth > 0 && e.hasAttr("href")) {
        linkDepth--;
      }
      depth--;
      int parent = frames.parent[id];
      if (parent >= 0) {
        frames.chars[parent] += frames.chars[id];
        frames.linkChars[parent] += frames.linkChars[id];
        frames.elements[parent] += frames.elements[id] + 1;
      }
      return FilterResult.CONTINUE;
    }

    private void appendText(String s) {
      int chars = 0;
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c <= ' ' || c == '\u00a0' || Character.isWhitespace(c)) {
          pendingSpace = true;
        } else {
          if (pendingSpace && buf.length() > 0) {
            buf.append(' ');
          }
          pendingSpace = false;
          buf.append(c);
          chars++;
        }
      }
      if (chars == 0 || depth == 0) {
        bufChars += chars;
        return;
      }
      bufChars += chars;
      int top = stack[depth - 1];
      frames.chars[top] += chars;
      if (linkDepth > 0) {
        bufLinkChars += chars;
        frames.linkChars[top] += chars;
      }
    }

    /** Ends the current block, if it holds any text. */
    void flush() {
      if (bufChars > 0) {
        blocks.add(new Block(buf.toString(), bufChars, bufLinkChars, blockFrame()));
      }
      buf.setLength(0);
      bufChars = 0;
      bufLinkChars = 0;
      pendingSpace = false;
    }

    /** The innermost open block-level element (or the outermost open one when none is). */
    private int blockFrame() {
      for (int i = depth - 1; i >= 0; i--) {
        int id = stack[i];
        if ((Tags.flags(frames.tag[id]) & Tags.BLOCK) != 0) {
          return id;
        }
      }
      return depth > 0 ? stack[0] : -1;
    }

    private int[] tokens(Element e) {
      int[] cls = cached(e.attr("class"));
      int[] id = cached(e.attr("id"));
      int[] prop = cached(e.attr("itemprop"));
      int[] role = cached(e.attr("role"));
      int n = cls.length + id.length + prop.length + role.length;
      if (n == 0) {
        return NO_TOKENS;
      }
      if (n == cls.length) {
        return cls;
      }
      int[] out = new int[n];
      System.arraycopy(cls, 0, out, 0, cls.length);
      System.arraycopy(id, 0, out, cls.length, id.length);
      System.arraycopy(prop, 0, out, cls.length + id.length, prop.length);
      System.arraycopy(role, 0, out, n - role.length, role.length);
      return out;
    }

    /** Pages repeat a few class names thousands of times: tokenize each distinct value once. */
    private int[] cached(String value) {
      if (value.isEmpty()) {
        return NO_TOKENS;
      }
      int[] t = tokenCache.get(value);
      if (t == null) {
        t = AttributeTokens.hashes(value);
        tokenCache.put(value, t);
      }
      return t;
    }

    /** True for an inline style holding display:none or visibility:hidden (spaces ignored). */
    private static boolean isStyledHidden(String style) {
      if (style.length() < 11) {
        return false;
      }
      return containsSquashed(style, "display:none")
          || containsSquashed(style, "visibility:hidden");
    }

    /** Case-insensitive containment ignoring spaces, without copying the attribute. */
    private static boolean containsSquashed(String s, String needle) {
      int n = s.length();
      for (int start = 0; start < n; start++) {
        int j = 0;
        for (int i = start; i < n && j < needle.length(); i++) {
          char c = s.charAt(i);
          if (c == ' ') {
            continue;
          }
          if (Character.toLowerCase(c) != needle.charAt(j)) {
            break;
          }
          j++;
        }
        if (j == needle.length()) {
          return true;
        }
      }
      return false;
    }
  }
}
