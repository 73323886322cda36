package dev.precis.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements {@link PageMetadata} reads, gathered in one pass over the document instead of one
 * CSS query each (a dozen queries cost more than the main-text pass itself): JSON-LD scripts, meta
 * tags, the canonical link, the first {@code <h1>}, byline candidates and time elements, in
 * document order.
 */
final class MetadataElements {
  private static final String[] BYLINE_CLASSES = {
    "byline-name", "author-name", "byline__name", "byline", "author"
  };

  final List<Element> jsonLd = new ArrayList<>();
  final List<Element> metas = new ArrayList<>();
  final List<Element> bylines = new ArrayList<>();
  final List<Element> markedTimes = new ArrayList<>();
  final List<Element> articleTimes = new ArrayList<>();
  final List<Element> times = new ArrayList<>();
  Element canonical;
  Element h1;
  Element html;
  Element contentLanguage;

  private MetadataElements() {}

  static MetadataElements of(Document doc) {
    MetadataElements m = new MetadataElements();
    NodeTraversor.traverse(m.new Visitor(), doc);
    return m;
  }

  private final class Visitor implements NodeVisitor {
    private int inAuthor;
    private int inArticle;

    @Override
    public void head(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      String tag = e.normalName();
      boolean attrs = e.attributesSize() > 0;
      switch (tag) {
        case "html" -> html = html == null ? e : html;
        case "h1" -> h1 = h1 == null ? e : h1;
        case "article" -> inArticle++;
        case "meta" -> {
          metas.add(e);
          if (contentLanguage == null
              && e.attr("http-equiv")
                  .toLowerCase(java.util.Locale.ROOT)
                  .contains("content-language")) {
            contentLanguage = e;
          }
        }
        case "link" -> {
          if (canonical == null && is(e, "rel", "canonical") && e.hasAttr("href")) {
            canonical = e;
          }
        }
        case "script" -> {
          if (is(e, "type", "application/ld+json")) {
            jsonLd.add(e);
          }
        }
        case "time" -> {
          if (e.hasAttr("datetime")) {
            if (inArticle > 0) {
              articleTimes.add(e);
            }
            times.add(e);
          }
        }
        default -> {}
      }
      if (!attrs) {
        return;
      }
      if ((is(e, "itemprop", "datePublished") && (e.hasAttr("datetime") || e.hasAttr("content")))
          || (tag.equals("time") && e.hasAttr("pubdate"))) {
        markedTimes.add(e);
      }
      boolean author = is(e, "itemprop", "author");
      if (author
          || (inAuthor > 0 && is(e, "itemprop", "name"))
          || is(e, "rel", "author")
          || hasBylineClass(e)) {
        bylines.add(e);
      }
      if (author) {
        inAuthor++;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        if (e.normalName().equals("article")) {
          inArticle--;
        }
        if (e.attributesSize() > 0 && is(e, "itemprop", "author")) {
          inAuthor--;
        }
      }
    }
  }

  /** Attribute equality as CSS selectors test it here: case-insensitive, outer spaces ignored. */
  private static boolean is(Element e, String attribute, String value) {
    String v = e.attr(attribute);
    return v.length() >= value.length() && v.strip().equalsIgnoreCase(value);
  }

  private static boolean hasBylineClass(Element e) {
    if (e.attr("class").isEmpty()) {
      return false;
    }
    for (String c : BYLINE_CLASSES) {
      if (e.hasClass(c)) {
        return true;
      }
    }
    return false;
  }
}
