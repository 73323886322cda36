package dev.precis.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTML tags the block segmenter tells apart, as small ids with flags: whether a tag is skipped
 * with its subtree, starts a block, or breaks a line, and which bit of an element's ancestor mask
 * it sets (so that "inside a nav", "inside a list item" cost one AND).
 */
final class Tags {
  static final int SKIP = 1;
  static final int BLOCK = 2;
  static final int BREAK = 4;

  /** Set in an element's mask when it or an ancestor is hidden by attribute or inline style. */
  static final int HIDDEN_BIT = 1 << 31;

  private static final Map<String, Integer> IDS = new HashMap<>();
  private static final String[] NAMES = new String[128];
  private static final int[] FLAGS = new int[128];
  private static final int[] MASK_BITS = new int[128];
  private static int count = 1; // 0: any tag not listed

  static final int A;
  static final int H1;

  static {
    for (String t :
        ("script style noscript template svg canvas iframe object embed button input select"
                + " textarea option audio video source track map dialog link meta head title math"
                + " frameset frame applet")
            .split(" ")) {
      define(t, SKIP, -1);
    }
    define("br", BREAK, -1);
    define("hr", BREAK, -1);
    // Block-level tags; the number is the ancestor-mask bit they set (-1: none).
    String[][] blocks = {
      {"p", "0"},
      {"div", "-1"},
      {"section", "1"},
      {"article", "2"},
      {"main", "3"},
      {"nav", "4"},
      {"header", "5"},
      {"footer", "6"},
      {"aside", "7"},
      {"form", "8"},
      {"li", "9"},
      {"ul", "10"},
      {"ol", "10"},
      {"table", "11"},
      {"td", "11"},
      {"th", "11"},
      {"tr", "11"},
      {"tbody", "11"},
      {"thead", "11"},
      {"tfoot", "11"},
      {"caption", "12"},
      {"blockquote", "13"},
      {"figure", "14"},
      {"figcaption", "15"},
      {"h1", "16"},
      {"h2", "17"},
      {"h3", "17"},
      {"h4", "18"},
      {"h5", "18"},
      {"h6", "18"},
      {"pre", "19"},
      {"dl", "20"},
      {"dt", "20"},
      {"dd", "20"},
      {"address", "21"},
      {"center", "-1"},
      {"details", "22"},
      {"summary", "22"},
      {"fieldset", "8"},
      {"menu", "4"},
      {"hgroup", "16"},
      {"picture", "14"},
      {"body", "-1"},
      {"html", "-1"},
      {"legend", "8"},
      {"label", "8"}
    };
    for (String[] b : blocks) {
      define(b[0], BLOCK, Integer.parseInt(b[1]));
    }
    // Inline tags with a mask bit of their own.
    String[][] inline = {
      {"a", "23"}, {"time", "24"}, {"span", "-1"}, {"strong", "25"}, {"b", "25"}, {"em", "26"},
      {"i", "26"}, {"small", "27"}, {"cite", "28"}, {"q", "28"}, {"sup", "29"}, {"sub", "29"},
      {"img", "30"}, {"font", "-1"}, {"abbr", "-1"}, {"code", "19"}, {"u", "-1"}, {"mark", "-1"}
    };
    for (String[] b : inline) {
      define(b[0], 0, Integer.parseInt(b[1]));
    }
    A = IDS.get("a");
    H1 = IDS.get("h1");
  }

  private Tags() {}

  private static void define(String name, int flags, int bit) {
    int id = count++;
    IDS.put(name, id);
    NAMES[id] = name;
    FLAGS[id] = flags;
    MASK_BITS[id] = bit < 0 ? 0 : 1 << bit;
  }

  /** The id of a lower-case tag name; 0 for tags not listed. */
  static int id(String normalName) {
    Integer id = IDS.get(normalName);
    return id == null ? 0 : id;
  }

  static int flags(int id) {
    return FLAGS[id];
  }

  static int maskBit(int id) {
    return MASK_BITS[id];
  }

  /** How many ids there are (0 included). */
  static int count() {
    return count;
  }

  static String name(int id) {
    return id == 0 ? "?" : NAMES[id];
  }
}
