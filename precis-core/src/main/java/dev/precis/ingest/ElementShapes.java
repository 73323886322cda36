package dev.precis.ingest;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Shapes of elements and URLs the rule-based extractor reads: paragraph-like blocks, their own
 * text, commas, link density, labels, link lists, icon sizes and a URL's site.
 */
final class ElementShapes {
  static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");

  private ElementShapes() {}

  /** Paragraphs, and divs that hold text directly rather than through block children. */
  static boolean isParagraphLike(Element e) {
    String tag = e.normalName();
    if (PARAGRAPH_TAGS.contains(tag)) {
      return true;
    }
    if (tag.equals("div") || tag.equals("section") || tag.equals("span")) {
      for (Node child : e.childNodes()) {
        if (child instanceof TextNode t && t.text().strip().length() > 20) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean hasBlockChildren(Element e) {
    for (Element c : e.children()) {
      if (RuleRendering.BLOCK_TAGS.contains(c.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** Text of the element's own inline content, not of nested blocks. */
  static String ownBlockText(Element e) {
    if (PARAGRAPH_TAGS.contains(e.normalName())) {
      return e.text();
    }
    StringBuilder sb = new StringBuilder();
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.text());
      } else if (child instanceof Element c && !RuleRendering.BLOCK_TAGS.contains(c.normalName())) {
        sb.append(c.text());
      }
    }
    return sb.toString().strip();
  }

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        n++;
      }
    }
    return n;
  }

  static double directLinkDensity(Element e) {
    int len = e.text().length();
    if (len == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      String href = a.attr("href");
      // In-page anchors (footnotes, "#section") read as text, not as navigation.
      double weight = href.startsWith("#") ? 0.3 : 1;
      links += (int) (a.text().length() * weight);
    }
    return Math.min(1, (double) links / len);
  }

  /** A short line without sentence punctuation: a heading or the label of what follows. */
  static boolean isLabel(Element e) {
    String text = e.text();
    if (text.isEmpty() || text.length() > 60 || e.childrenSize() > 2) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    return last != '.' && last != '!' && last != '?' && last != '"' && last != '”';
  }

  static boolean everyItemLinks(Element list) {
    int items = 0;
    for (Element li : list.children()) {
      if (li.normalName().equals("li")) {
        items++;
        if (li.getElementsByTag("a").isEmpty()) {
          return false;
        }
      }
    }
    return items >= 2;
  }

  static boolean isSmall(String dimension) {
    String d = dimension.strip().replace("px", "");
    if (d.isEmpty() || !d.chars().allMatch(Character::isDigit) || d.length() > 5) {
      return false;
    }
    return Integer.parseInt(d) < 64;
  }

  /** The registrable part of a URL's host ("nj.com", "bbc.co.uk"), or {@code null}. */
  static String siteOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String host;
    try {
      host = java.net.URI.create(url.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (host == null) {
      return null;
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    int n = labels.length;
    if (n < 2) {
      return host;
    }
    // "co.uk", "com.br": a short second-level label under a country code takes one more label.
    boolean countrySecondLevel =
        n >= 3 && labels[n - 1].length() == 2 && labels[n - 2].length() <= 3;
    int keep = countrySecondLevel ? 3 : 2;
    return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
  }
}
