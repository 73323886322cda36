package dev.precis.ingest;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Extracts the main text and metadata of an HTML page with a real HTML parser (jsoup).
 *
 * <p>Metadata (title, canonical URL, outlet, author, publication time, language) comes from Open
 * Graph and other meta tags, schema.org JSON-LD, {@code <time>} and byline elements (the language,
 * when the page declares none, is guessed from the text's function words). The main text comes from
 * one of two methods ({@link Method}): a learned block classifier ({@link BlockModel}, the default)
 * or Readability-style rules ({@link RuleBasedExtractor}). The text holds the article body only,
 * one paragraph a line, without the title.
 *
 * <pre>{@code
 * ExtractedPage page = new HtmlExtractor(HtmlExtractor.Method.RULES).extract(html, url);
 * }</pre>
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

  /** How the main text is found. */
  public enum Method {
    /** Readability-style scoring and pruning rules. */
    RULES,
    /** The learned block classifier shipped in the jar. */
    LEARNED;

    /**
     * The method that scores better on pages neither was tuned on (the 1,554 training pages, the
     * learned model out of fold): see the README's "Main-text extraction".
     */
    public static final Method DEFAULT = LEARNED;

    /** The method named {@code name} ("rules" or "learned", any case). */
    public static Method named(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown extractor '" + name + "': use rules or learned", e);
      }
    }
  }

  /** Main text of a parsed page; the page's URL may be null. The document may be modified. */
  private interface MainText {
    String extract(Document doc, String pageUrl);
  }

  private final MainText mainText;

  /** An extractor with the default method ({@link Method#DEFAULT}). */
  public HtmlExtractor() {
    this(Method.DEFAULT);
  }

  /** An extractor with the given method (the learned one with the block model in the jar). */
  public HtmlExtractor(Method method) {
    this.mainText =
        method == Method.RULES ? RuleBasedExtractor::extract : learned(BlockModel.standard());
  }

  /** A learned extractor with another block model (one just trained, say). */
  public HtmlExtractor(BlockModel model) {
    this.mainText = learned(model);
  }

  private static MainText learned(BlockModel model) {
    BlockExtractor blocks = new BlockExtractor(model);
    return (doc, pageUrl) -> blocks.extract(doc);
  }

  /** Extracts from {@code html}; {@code baseUrl} resolves relative links and may be null. */
  public ExtractedPage extract(String html, String baseUrl) {
    checkTags(html);
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl, parser());
    PageMetadata meta = PageMetadata.read(doc, baseUrl);
    String text = mainText.extract(doc, baseUrl != null ? baseUrl : meta.url);
    // A page that declares no language gets a guess from its text's function words.
    String language = meta.language != null ? meta.language : LanguageGuess.guess(text);
    return new ExtractedPage(
        meta.title, text, meta.url, meta.outlet, meta.published, meta.author, language);
  }

  /** The main text only, one paragraph a line. */
  public String mainText(String html) {
    checkTags(html);
    return mainText.extract(Jsoup.parse(html, "", parser()), null);
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
