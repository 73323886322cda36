package dev.precis.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The items of an RSS (0.9x, 1.0, 2.0) or Atom feed, parsed with ROME, as articles. With link
 * fetching on (the default) each item's link is fetched and its HTML becomes the article, with the
 * item's title and date kept as metadata and the outlet taken from the page; when the fetch fails
 * the item's own content or description is used with a warning. With fetching off ({@code
 * --no-fetch}) the item's content (or description) is the article and the feed's title its outlet.
 * Items are fetched one at a time as the stream is read. DOCTYPEs are refused, so a feed cannot
 * pull in external entities.
 */
final class FeedArticles extends ArticleIterator {
  private final Iterator<Item> items;
  private final String feedTitle;
  private final boolean fetchLinks;
  private final HttpFetcher fetcher;
  private final Consumer<String> warnings;

  /** One feed entry, reduced to what Precis uses. */
  record Item(
      String id, String title, String link, Instant published, String content, String origin) {}

  private FeedArticles(
      List<Item> items,
      String feedTitle,
      boolean fetchLinks,
      HttpFetcher fetcher,
      Consumer<String> warnings) {
    this.items = items.iterator();
    this.feedTitle = feedTitle;
    this.fetchLinks = fetchLinks;
    this.fetcher = fetcher;
    this.warnings = warnings;
  }

  /** True when the start of {@code bytes} looks like an RSS, RDF or Atom document. */
  static boolean looksLikeFeed(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.contains("<rss")
        || head.contains("<feed")
        || head.contains("<rdf:rdf")
        || head.contains("<channel");
  }

  /**
   * Parses a feed.
   *
   * @param bytes the feed document
   * @param origin the file or URL, for messages and item ids
   * @param base the feed's URL, to resolve relative item links, or {@code null}
   */
  static FeedArticles parse(
      byte[] bytes,
      String origin,
      URI base,
      boolean fetchLinks,
      HttpFetcher fetcher,
      Consumer<String> warnings) {
    checkDepth(bytes, origin);
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(bytes)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new InputException(
          origin + ": not an RSS or Atom feed (" + oneLine(e.getMessage()) + ")");
    } catch (StackOverflowError e) {
      // the depth check above should make this unreachable; a file, not the run, fails
      throw new InputException(origin + ": feed nested too deeply to read");
    }
    URI linkBase = base;
    if (linkBase == null && feed.getLink() != null) {
      linkBase = tryUri(feed.getLink());
    }
    List<Item> items = new ArrayList<>();
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry e = entries.get(i);
      String link = resolve(linkBase, e.getLink());
      String itemOrigin = link != null ? link : origin + "#" + (i + 1);
      String id = firstNonBlank(e.getUri(), link, origin + "#" + (i + 1));
      Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      items.add(
          new Item(
              id,
              blankToNull(e.getTitle()),
              link,
              date == null ? null : date.toInstant(),
              content(e),
              itemOrigin));
    }
    String title = blankToNull(feed.getTitle());
    return new FeedArticles(items, title, fetchLinks, fetcher, warnings);
  }

  /** Deepest element nesting read in a feed (real feeds stay under 20; JDOM recurses per level). */
  static final int MAX_DEPTH = 256;

  /**
   * Refuses a feed whose elements nest deeper than {@link #MAX_DEPTH}: ROME serializes an item's
   * XML content recursively, and 3,000 nested elements in a 20 KB description overflowed the stack.
   * A streaming pass, no tree; documents it cannot parse are left for ROME to report.
   */
  private static void checkDepth(byte[] bytes, String origin) {
    javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
    factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      javax.xml.stream.XMLStreamReader r =
          factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      try {
        int depth = 0;
        while (r.hasNext()) {
          int event = r.next();
          if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
            throw new InputException(
                origin + ": feed nests elements deeper than " + MAX_DEPTH + " levels");
          } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
      } finally {
        r.close();
      }
    } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
      if (e instanceof InputException refused) {
        throw refused;
      }
      // not well-formed or not XML at all: ROME gives the message
    }
  }

  private static String content(SyndEntry e) {
    StringBuilder sb = new StringBuilder();
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        sb.append(c.getValue()).append('\n');
      }
    }
    if (sb.length() == 0 && e.getDescription() != null && e.getDescription().getValue() != null) {
      sb.append(e.getDescription().getValue());
    }
    return sb.toString().strip();
  }

  @Override
  protected RawArticle computeNext() {
    while (items.hasNext()) {
      Item item = items.next();
      if (fetchLinks && item.link() != null && isHttp(item.link())) {
        String fallback = item.content().isBlank() ? "" : "; used the feed's summary instead";
        try {
          FetchResult page = fetcher.fetch(item.link());
          if (page.isHtml() || "text/plain".equals(page.mediaType())) {
            return new RawArticle(
                item.link(),
                page.text(),
                page.isHtml() ? RawArticle.Format.HTML : RawArticle.Format.TEXT,
                // outlet: the page's own (site name, publisher, host), as for any fetched page;
                // a feed title often names a section ("Example News - World")
                item.title(),
                page.uri().toString(),
                item.published(),
                item.link(),
                null,
                page.fetched());
          }
          warnings.accept(
              "skipped " + item.link() + ": " + describe(page) + ", not a page" + fallback);
        } catch (InputException e) {
          warnings.accept("skipped " + e.getMessage() + fallback);
        }
        if (item.content().isBlank()) {
          continue;
        }
      }
      return new RawArticle(
          item.id(),
          item.content(),
          RawArticle.Format.HTML,
          item.title(),
          item.link(),
          item.published(),
          item.origin(),
          feedTitle,
          null);
    }
    return null;
  }

  private static String describe(FetchResult page) {
    return page.mediaType() == null ? "untyped content" : page.mediaType();
  }

  private static boolean isHttp(String link) {
    String l = link.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  private static String resolve(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String l = link.strip();
    if (base == null) {
      return l;
    }
    URI u = tryUri(l);
    return u == null ? l : base.resolve(u).toString();
  }

  private static URI tryUri(String s) {
    try {
      return new URI(s.strip().replace(" ", "%20"));
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.replaceAll("\\s+", " ").strip();
  }
}
