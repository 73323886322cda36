package dev.precis.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of every block of a page, for the block classifier: binary features hashed into
 * {@link #DIMENSION} slots. Numbers (lengths, densities, ratios) enter as bins, so that a linear
 * model can still bend around them; the main ones are also crossed with each other.
 *
 * <ul>
 *   <li>the block: words, link density, function-word ratio, closing punctuation, commas, capitals,
 *       digits, its first word, and its words when it is short ("Advertisement", "Share");
 *   <li>where it sits: its tag and its parents' tags, the kinds of ancestors around it (inside a
 *       nav, a list item, a figure caption, a hidden element), the class/id/itemprop/role words of
 *       its element, parent, grandparent and further ancestors, its position in the page;
 *   <li>its surroundings: the size, link density and text per element of its parent's and
 *       grandparent's subtrees, the shape of the two blocks before and after it, and how often the
 *       same text recurs on the page.
 * </ul>
 */
final class BlockFeatures {
  static final int DIMENSION = 1 << 18;
  private static final int MASK = DIMENSION - 1;
  private static final int[] FUNCTION_WORDS = functionWords();

  /** Blocks up to this many words contribute their words as features. */
  static final int SHORT_WORDS = 12;

  /** Words from which a block that closes like a sentence reads as a paragraph. */
  static final int PROSE_WORDS = 15;

  private BlockFeatures() {}

  /** Shape of a block's text, measured in one scan. */
  record Shape(
      int words, int functionWords, int capitalised, int digits, int commas, boolean closes) {

    int wordsBin() {
      return Math.min(10, 32 - Integer.numberOfLeadingZeros(words));
    }

    /** Function-word ratio in six bins; short blocks get bins of their own by length. */
    int functionBin() {
      if (words < 4) {
        return 10 + words;
      }
      return Math.min(5, functionWords * 12 / words);
    }
  }

  /** The features of each block of {@code page}, one array of slot indices per block. */
  static int[][] of(PageBlocks page) {
    List<PageBlocks.Block> blocks = page.blocks;
    int n = blocks.size();
    Shape[] shapes = page.shapes();
    int[] linkBins = page.linkBins();
    int[][] shortWords = new int[n][];
    int[] firstWord = new int[n];
    Map<String, Integer> repeats = new HashMap<>();
    long totalChars = 0;
    int[][] leading = page.leadingWords();
    for (int i = 0; i < n; i++) {
      PageBlocks.Block b = blocks.get(i);
      firstWord[i] = leading[i].length == 0 ? 0 : leading[i][0];
      shortWords[i] = shapes[i].words <= SHORT_WORDS ? leading[i] : null;
      totalChars += b.chars();
      if (b.text().length() < 200) {
        repeats.merge(b.text(), 1, Integer::sum);
      }
    }
    int firstProse = firstProse(shapes, linkBins);
    int lastProse = lastProse(shapes, linkBins);
    PageBlocks.Frames f = page.frames;
    ProseShare prose = ProseShare.of(page, shapes, linkBins);
    TemplateRepeats repeated = page.templates();
    int[][] out = new int[n][];
    FeatureBuffer fb = new FeatureBuffer();
    long charsBefore = 0;
    for (int i = 0; i < n; i++) {
      PageBlocks.Block b = blocks.get(i);
      Shape s = shapes[i];
      fb.clear();
      int wb = s.wordsBin();
      int lb = linkBins[i];
      fb.add(1, 0);
      fb.add(2, wb);
      fb.add(3, lb);
      fb.add(4, lb * 16 + wb);
      fb.add(5, s.functionBin());
      fb.add(6, (s.closes ? 16 : 0) + wb);
      fb.add(7, s.words == 0 ? 0 : Math.min(6, 1 + s.commas * 30 / s.words));
      fb.add(8, s.words == 0 ? 0 : Math.min(5, s.capitalised * 5 / s.words));
      fb.add(9, Math.min(5, s.digits * 10 / Math.max(1, b.chars())));
      fb.add(35, s.functionBin() * 16 + wb);
      int frame = b.frame();
      int tag = frame < 0 ? 0 : f.tag[frame];
      fb.add(10, tag);
      fb.add(11, tag * 16 + wb);
      int parent = frame < 0 ? -1 : f.parent[frame];
      int grand = parent < 0 ? -1 : f.parent[parent];
      fb.add(12, parent < 0 ? -1 : f.tag[parent]);
      fb.add(13, grand < 0 ? -1 : f.tag[grand]);
      int mask = frame < 0 ? 0 : f.mask[frame];
      for (int bit = 0; bit < 32; bit++) {
        if ((mask & (1 << bit)) != 0) {
          fb.add(14, bit);
          fb.add(36, bit * 16 + wb);
        }
      }
      int ptag = parent < 0 ? 0 : f.tag[parent];
      int gtag = grand < 0 ? 0 : f.tag[grand];
      fb.add(37, (tag * 128 + ptag) * 128 + gtag);
      fb.add(38, tag * 16 + lb);
      int size = wb < 4 ? 0 : wb < 6 ? 1 : 2;
      addTokens(fb, 15, f, frame);
      addTokens(fb, 45 + size, f, frame);
      addTokens(fb, 48 + size, f, parent);
      addTokens(fb, 16, f, parent);
      addTokens(fb, 17, f, grand);
      int a = grand < 0 ? -1 : f.parent[grand];
      for (int level = 3; a >= 0 && level < 12; level++, a = f.parent[a]) {
        addTokens(fb, 18, f, a);
      }
      fb.add(19, (int) (10L * i / n));
      if (i < 3) {
        fb.add(20, i);
      }
      if (n - 1 - i < 3) {
        fb.add(20, 3 + n - 1 - i);
      }
      fb.add(34, totalChars == 0 ? 0 : (int) (10 * charsBefore / totalChars));
      charsBefore += b.chars();
      container(fb, 21, f, parent);
      container(fb, 24, f, grand);
      int rep = b.text().length() < 200 ? repeats.getOrDefault(b.text(), 1) : 1;
      fb.add(27, Math.min(3, rep));
      for (int off = -2; off <= 2; off++) {
        int j = i + off;
        if (off == 0) {
          continue;
        }
        if (j < 0 || j >= n) {
          fb.add(28, off * 1000 + 999);
          continue;
        }
        Shape t = shapes[j];
        fb.add(28, off * 1000 + t.wordsBin() * 10 + linkBins[j]);
        fb.add(29, off * 1000 + t.functionBin() * 10 + (t.closes ? 1 : 0));
        int other = blocks.get(j).frame();
        fb.add(30, off * 1000 + (other < 0 ? 0 : f.tag[other]));
      }
      if (shortWords[i] != null) {
        for (int w : shortWords[i]) {
          fb.add(31, w);
        }
      }
      fb.add(32, firstWord[i]);
      prose.addFeatures(fb, i, wb);
      // Above the first paragraph sit headline, kicker, byline and date: metadata, not text.
      int gap = firstProse - i;
      fb.add(43, gap <= 0 ? 0 : Math.min(8, gap) * 16 + wb);
      int after = i - lastProse;
      fb.add(44, after <= 0 ? 0 : Math.min(8, after) * 16 + wb);
      int units = TemplateRepeats.bin(repeated.parents[i]);
      fb.add(51, units);
      fb.add(52, units * 16 + wb);
      fb.add(53, units * 8 + TemplateRepeats.bin(repeated.blocks[i]));
      out[i] = fb.toArray();
    }
    return out;
  }

  /** Index of the first block that reads as a paragraph (n when none does). */
  static int firstProse(Shape[] shapes, int[] linkBins) {
    for (int i = 0; i < shapes.length; i++) {
      if (isProse(shapes[i], linkBins[i])) {
        return i;
      }
    }
    return shapes.length;
  }

  /** Index of the last block that reads as a paragraph (-1 when none does). */
  static int lastProse(Shape[] shapes, int[] linkBins) {
    int last = shapes.length - 1;
    while (last >= 0 && !isProse(shapes[last], linkBins[last])) {
      last--;
    }
    return last;
  }

  private static boolean isProse(Shape shape, int linkBin) {
    return shape.words >= PROSE_WORDS && shape.closes && linkBin <= 1;
  }

  private static void addTokens(FeatureBuffer fb, int kind, PageBlocks.Frames f, int frame) {
    if (frame < 0) {
      return;
    }
    for (int t : f.tokens[frame]) {
      fb.add(kind, t);
    }
  }

  /** Size, link density and text per element of the subtree of {@code frame}. */
  private static void container(FeatureBuffer fb, int kind, PageBlocks.Frames f, int frame) {
    if (frame < 0) {
      fb.add(kind, -1);
      return;
    }
    int chars = f.chars[frame];
    fb.add(kind, Math.min(20, 32 - Integer.numberOfLeadingZeros(chars)));
    fb.add(kind + 1, densityBin(f.linkChars[frame], chars));
    int perElement = chars / (1 + f.elements[frame]);
    fb.add(kind + 2, Math.min(12, 32 - Integer.numberOfLeadingZeros(perElement)));
  }

  /** A share in 0..1 as one of six bins (0 exactly, then fifths). */
  static int densityBin(int part, int whole) {
    if (whole == 0 || part == 0) {
      return 0;
    }
    return 1 + Math.min(4, part * 5 / whole);
  }

  /**
   * Scans the text once: words (runs of letters and digits), function words, capitalised words,
   * digits, commas, whether it closes like a sentence; the hashes of the first words go to {@code
   * firstWords}.
   */
  static Shape shape(String text, int[] firstWords) {
    int words = 0;
    int function = 0;
    int caps = 0;
    int digits = 0;
    int commas = 0;
    int h = Hashing.SEED;
    int len = 0;
    boolean capital = false;
    char last = ' ';
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        if (len == 0) {
          capital = Character.isUpperCase(c);
        }
        if (c >= '0' && c <= '9') {
          digits++;
        }
        h = Hashing.step(h, Character.toLowerCase(c));
        len++;
        continue;
      }
      if (len > 0) {
        int hash = Hashing.finish(h);
        if (words < firstWords.length) {
          firstWords[words] = hash;
        }
        words++;
        if (Arrays.binarySearch(FUNCTION_WORDS, hash) >= 0) {
          function++;
        }
        if (capital) {
          caps++;
        }
        h = Hashing.SEED;
        len = 0;
      }
      if (c == ',' || c == '，' || c == '、') {
        commas++;
      }
      if (i < n && c != ' ') {
        last = c;
      }
    }
    boolean closes =
        last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == '。';
    return new Shape(words, function, caps, digits, commas, closes);
  }

  static int wordHash(String word) {
    int h = Hashing.SEED;
    for (int i = 0; i < word.length(); i++) {
      h = Hashing.step(h, word.charAt(i));
    }
    return Hashing.finish(h);
  }

  private static int[] functionWords() {
    String words =
        "the a an and or but of to in on at by for with from as is are was were be been has have"
            + " had it its this that these those he she they we you i his her their our not no"
            + " will would can could should may might do does did which who whom what when where"
            + " why how than then there if so about into over after before more most also just"
            + " der die und das ist nicht ein eine zu den mit sich von auf für dem auch es im wird"
            + " le la les et des est une un du dans que pour qui pas sur au avec ce il elle sont"
            + " el los las y que de en una por con para es del se su al como pero más"
            + " il di che è per non della sono gli nel anche più ma"
            + " o os as de e do da em um uma não dos das é ao"
            + " het een van dat op te zijn niet met voor ook maar wordt aan bij naar"
            + " yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada karena oleh"
            + " и в не на что с по как это он она но к из за от для его так же все был";
    return Arrays.stream(words.split(" "))
        .mapToInt(BlockFeatures::wordHash)
        .distinct()
        .sorted()
        .toArray();
  }

  /** A growable list of slot indices, reused across blocks. */
  static final class FeatureBuffer {
    private int[] slots = new int[128];
    private int size;

    void clear() {
      size = 0;
    }

    void add(int kind, int value) {
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2);
      }
      slots[size++] = Hashing.feature(kind, value) & MASK;
    }

    int[] toArray() {
      return Arrays.copyOf(slots, size);
    }
  }
}
