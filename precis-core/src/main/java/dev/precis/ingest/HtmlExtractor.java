package dev.precis.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Extracts the main text and metadata of an HTML page with a real HTML parser (jsoup). */
public final class HtmlExtractor {

  /** Extracts from {@code html}; {@code baseUrl} resolves relative links and may be null. */
  public ExtractedPage extract(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    doc.select("script, style, noscript, nav, header, footer, aside, form, iframe").remove();
    String title = doc.title().isBlank() ? null : doc.title().strip();
    StringBuilder text = new StringBuilder();
    for (Element e : doc.select("h1, h2, h3, p, li, blockquote")) {
      String t = e.text().strip();
      if (!t.isEmpty() && e.parents().stream().noneMatch(p -> p.is("p, li, blockquote"))) {
        text.append(t).append('\n');
      }
    }
    if (text.length() == 0) {
      text.append(doc.body() == null ? "" : doc.body().wholeText());
    }
    Element canonical = doc.selectFirst("link[rel=canonical]");
    String url = canonical != null ? canonical.absUrl("href") : baseUrl;
    return new ExtractedPage(title, text.toString(), url, null, null, null, null);
  }
}
