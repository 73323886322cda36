package dev.precis.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drops the lines of extracted texts that repeat across pages of one site in one input: a site's
 * furniture ("Advertisement", a newsletter plea, the author's bio box, "Comments") recurs from page
 * to page, its articles do not. Pages are grouped by the host of their canonical URL (pages without
 * one are left alone); a line found in the text of two or more pages of a host is dropped from all
 * of them. A page that would lose more than {@value #MAX_DROPPED_SHARE} of its characters keeps its
 * text: it is most likely a copy or an update of another page of the input, not a page of
 * furniture.
 *
 * <p>Example: {@code List<ExtractedPage> pages = SiteRepeats.drop(extracted);}
 */
public final class SiteRepeats {
  /** Most of a page's characters that the filter may drop. */
  public static final double MAX_DROPPED_SHARE = 0.5;

  private SiteRepeats() {}

  /** The pages, in the same order, each without the lines repeated on other pages of its site. */
  public static List<ExtractedPage> drop(List<ExtractedPage> pages) {
    List<String> texts = new ArrayList<>(pages.size());
    List<String> hosts = new ArrayList<>(pages.size());
    for (ExtractedPage p : pages) {
      texts.add(p.text());
      hosts.add(host(p.url()));
    }
    List<String> kept = dropLines(texts, hosts);
    List<ExtractedPage> out = new ArrayList<>(pages.size());
    for (int i = 0; i < pages.size(); i++) {
      ExtractedPage p = pages.get(i);
      out.add(
          kept.get(i).equals(p.text())
              ? p
              : new ExtractedPage(
                  p.title(),
                  kept.get(i),
                  p.url(),
                  p.outlet(),
                  p.published(),
                  p.author(),
                  p.language()));
    }
    return out;
  }

  /**
   * The texts (one paragraph a line), each without the lines that occur in another text of the same
   * host; {@code hosts} holds each text's host or {@code null}.
   */
  public static List<String> dropLines(List<String> texts, List<String> hosts) {
    Map<String, Map<String, Integer>> pagesPerLine = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String host = hosts.get(i);
      if (host == null) {
        continue;
      }
      Map<String, Integer> counts = pagesPerLine.computeIfAbsent(host, h -> new HashMap<>());
      Set<String> seen = new HashSet<>();
      for (String line : texts.get(i).split("\n")) {
        String key = line.strip();
        if (!key.isEmpty() && seen.add(key)) {
          counts.merge(key, 1, Integer::sum);
        }
      }
    }
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String host = hosts.get(i);
      Map<String, Integer> counts = host == null ? null : pagesPerLine.get(host);
      out.add(counts == null ? texts.get(i) : without(texts.get(i), counts));
    }
    return out;
  }

  private static String without(String text, Map<String, Integer> counts) {
    StringBuilder kept = new StringBuilder(text.length());
    int dropped = 0;
    for (String line : text.split("\n")) {
      if (counts.getOrDefault(line.strip(), 0) > 1) {
        dropped += line.length();
        continue;
      }
      if (kept.length() > 0) {
        kept.append('\n');
      }
      kept.append(line);
    }
    return dropped > MAX_DROPPED_SHARE * text.length() ? text : kept.toString();
  }

  /** The host of {@code url}, lower case, without a leading "www."; null when there is none. */
  public static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
