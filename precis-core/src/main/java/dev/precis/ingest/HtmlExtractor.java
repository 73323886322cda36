package dev.precis.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Extracts the main text and metadata of an HTML page with a real HTML parser (jsoup).
 *
 * <p>Metadata (title, canonical URL, outlet, author, publication time, language) comes from Open
 * Graph and other meta tags, schema.org JSON-LD, {@code <time>} and byline elements (the language,
 * when the page declares none, is guessed from the text's function words); the main text from
 * {@link MainTextExtractor}, a Readability-style scorer: see its documentation. The text holds the
 * article body only, one paragraph a line, without the title.
 *
 * <p>Thread-safe: every call works on its own parsed document.
 */
public final class HtmlExtractor {
  /**
   * Deepest element nesting kept by the parser; deeper elements become siblings (their text stays).
   * Real pages nest a few dozen levels; jsoup's default of 512 made a 1-million-deep post cost
   * about 512 stack scans per element (35 s).
   */
  public static final int MAX_DEPTH = 128;

  /**
   * Most tags in a page. Extraction costs a few microseconds per element in each of its passes
   * (parse, metadata, main text): a 1-million-deep post took 35 s. News pages hold a few thousand.
   */
  public static final int MAX_TAGS = 200_000;

  /** Extracts from {@code html}; {@code baseUrl} resolves relative links and may be null. */
  public ExtractedPage extract(String html, String baseUrl) {
    checkTags(html);
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl, parser());
    PageMetadata meta = PageMetadata.read(doc, baseUrl);
    String text = MainTextExtractor.extract(doc, baseUrl != null ? baseUrl : meta.url);
    // A page that declares no language gets a guess from its text's function words.
    String language = meta.language != null ? meta.language : LanguageGuess.guess(text);
    return new ExtractedPage(
        meta.title, text, meta.url, meta.outlet, meta.published, meta.author, language);
  }

  /** The main text only, one paragraph a line. */
  public String mainText(String html) {
    checkTags(html);
    return MainTextExtractor.extract(Jsoup.parse(html, "", parser()));
  }

  private static void checkTags(String html) {
    int tags = 0;
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      if (++tags > MAX_TAGS) {
        throw new InputException(
            "page has more than " + MAX_TAGS + " tags; not an article (limit of the extractor)");
      }
    }
  }

  private static Parser parser() {
    return Parser.htmlParser().setMaxDepth(MAX_DEPTH);
  }
}
