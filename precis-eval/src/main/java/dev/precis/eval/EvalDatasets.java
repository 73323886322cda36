package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.InputException;
import dev.precis.ingest.JsonArticles;
import dev.precis.ingest.RawArticle;
import dev.precis.ingest.TextDecoder;
import dev.precis.text.RuleBasedSentenceSplitter;
import dev.precis.text.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Readers for summarization evaluation sets.
 *
 * <ul>
 *   <li><b>JSON Lines</b> (plain or {@code .gz}): one cluster a line, {@code {"id", "documents":
 *       [string | article object], "summary": string | [lines]}} or {@code "summaries": [string |
 *       [lines], ...]}. A reference given as one string is split into lines at line breaks, or into
 *       sentences when it has none (only ROUGE-L depends on the lines).
 *   <li><b>DUC/TAC-style directories</b>: a documents folder with one folder per topic (files are
 *       SGML with {@code <DOC>…<DOCNO>…<TEXT>…</TEXT></DOC>}, several per file allowed, or plain
 *       text), and a summaries folder with files named {@code TOPIC.*.NAME}. Topics are matched
 *       ignoring case and punctuation, and a folder may extend the topic ({@code d30001t} for
 *       {@code D30001}).
 *   <li><b>MultiLing 2011</b>: {@code docs/M00x/*} and {@code models/M00x.[A-C].250}: the same
 *       layout, read by the same code ({@code peers/} is ignored).
 * </ul>
 */
public final class EvalDatasets {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DOC_DIRS = List.of("docs", "documents", "test_docs");
  private static final List<String> SUMMARY_DIRS =
      List.of("models", "summaries", "references", "manual", "model");

  private EvalDatasets() {}

  /**
   * Reads a dataset, recognising its layout: a file is JSON Lines; a directory holds a documents
   * folder ({@code docs}, {@code documents}) and a summaries folder ({@code models}, {@code
   * summaries}, {@code references}, {@code manual}).
   */
  public static List<EvalCluster> read(Path path) {
    if (!Files.exists(path)) {
      throw new InputException(path + ": no such file or directory");
    }
    if (Files.isRegularFile(path)) {
      return readJsonLines(path, Integer.MAX_VALUE);
    }
    Path docs = firstDirectory(path, DOC_DIRS);
    Path summaries = firstDirectory(path, SUMMARY_DIRS);
    if (docs == null || summaries == null) {
      throw new InputException(
          path
              + ": a dataset directory needs a documents folder (docs/) with one folder per"
              + " topic and a summaries folder (models/) with files named TOPIC.*.NAME");
    }
    Path peers = path.resolve("peers");
    return readTopicDirectories(docs, summaries, Files.isDirectory(peers) ? peers : null);
  }

  private static Path firstDirectory(Path root, List<String> names) {
    for (String n : names) {
      Path p = root.resolve(n);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** Reads up to {@code limit} clusters from a JSON Lines file ({@code .gz} accepted). */
  public static List<EvalCluster> readJsonLines(Path file, int limit) {
    List<EvalCluster> out = new ArrayList<>();
    try (BufferedReader r = openText(file)) {
      String line;
      int lineNo = 0;
      while (out.size() < limit && (line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        out.add(parseCluster(line, file + ":" + lineNo, "line" + lineNo));
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    if (out.isEmpty()) {
      throw new InputException(file + ": no clusters");
    }
    return out;
  }

  /** A UTF-8 reader of a text file, gunzipped when its first bytes say gzip. */
  static BufferedReader openText(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (isGzip(file)) {
        in = new GZIPInputStream(in, 1 << 16);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  static EvalCluster parseCluster(String line, String origin, String fallbackId) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new InputException(origin + ": not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InputException(origin + ": a cluster must be a JSON object");
    }
    String id = node.hasNonNull("id") ? node.get("id").asText() : fallbackId;
    // "articles" is the story-roundups spelling (../shared/data/story-roundups/stories.jsonl)
    JsonNode docs = node.has("documents") ? node.get("documents") : node.get("articles");
    if (docs == null || !docs.isArray() || docs.isEmpty()) {
      throw new InputException(origin + ": \"documents\" must be a non-empty array");
    }
    List<RawArticle> documents = new ArrayList<>();
    int i = 0;
    for (JsonNode d : docs) {
      documents.add(JsonArticles.parse(d, id + "-" + i++, origin));
    }
    List<List<String>> references = new ArrayList<>();
    if (node.has("summaries") && node.get("summaries").isArray()) {
      for (JsonNode s : node.get("summaries")) {
        references.add(referenceLines(s, origin));
      }
    } else if (node.has("summary")) {
      references.add(referenceLines(node.get("summary"), origin));
    }
    references.removeIf(List::isEmpty);
    if (references.isEmpty()) {
      throw new InputException(origin + ": needs a \"summary\" or \"summaries\"");
    }
    return new EvalCluster(id, documents, references);
  }

  private static List<String> referenceLines(JsonNode s, String origin) {
    if (s.isTextual()) {
      return summaryLines(s.asText());
    }
    if (s.isArray()) {
      List<String> lines = new ArrayList<>();
      for (JsonNode l : s) {
        lines.addAll(summaryLines(l.asText()));
      }
      return lines;
    }
    throw new InputException(origin + ": a summary must be a string or an array of lines");
  }

  /** A reference as ROUGE lines: its own lines when it has line breaks, else its sentences. */
  public static List<String> summaryLines(String text) {
    List<String> lines = new ArrayList<>();
    if (text.indexOf('\n') >= 0) {
      for (String l : text.split("\r?\n")) {
        if (!l.isBlank()) {
          lines.add(l.strip());
        }
      }
      return lines;
    }
    for (Span span : new RuleBasedSentenceSplitter().split(text)) {
      String s = span.of(text).strip();
      if (!s.isEmpty()) {
        lines.add(s);
      }
    }
    if (lines.isEmpty() && !text.isBlank()) {
      lines.add(text.strip());
    }
    return lines;
  }

  /**
   * Reads DUC/TAC-style folders: {@code docs/TOPIC/...} and {@code summaries/TOPIC.*.NAME}. Topics
   * without a summary are left out; clusters come sorted by topic.
   */
  public static List<EvalCluster> readTopicDirectories(Path docs, Path summaries) {
    return readTopicDirectories(docs, summaries, null);
  }

  /**
   * As {@link #readTopicDirectories(Path, Path)}, also reading system summaries from {@code peers}
   * when not null: either {@code peers/SYSTEM/TOPIC} (MultiLing) or flat files {@code
   * peers/TOPIC.*.SYSTEM} (DUC).
   */
  public static List<EvalCluster> readTopicDirectories(Path docs, Path summaries, Path peers) {
    for (Path p : new Path[] {docs, summaries, peers}) {
      if (p != null && !Files.isDirectory(p)) {
        throw new InputException(p + ": not a directory");
      }
    }
    Map<String, Map<String, List<String>>> peerSummaries =
        peers == null ? Map.of() : readPeers(peers);
    Map<String, List<Path>> summaryFiles = new TreeMap<>();
    try (Stream<Path> files = Files.list(summaries)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot <= 0 || name.startsWith(".")) {
          continue;
        }
        summaryFiles.computeIfAbsent(key(name.substring(0, dot)), k -> new ArrayList<>()).add(f);
      }
    } catch (IOException e) {
      throw new InputException(summaries + ": cannot read (" + e.getMessage() + ")");
    }
    List<Path> topicDirs;
    try (Stream<Path> dirs = Files.list(docs)) {
      topicDirs = dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new InputException(docs + ": cannot read (" + e.getMessage() + ")");
    }
    Map<String, EvalCluster> clusters = new TreeMap<>();
    for (Path dir : topicDirs) {
      String folder = dir.getFileName().toString();
      String folderKey = key(folder);
      List<Path> refs = summaryFiles.get(folderKey);
      String topic = folder;
      if (refs == null) {
        // DUC 2004 names topic folders d30001t for summaries D30001.*: a folder may extend it
        for (Map.Entry<String, List<Path>> e : summaryFiles.entrySet()) {
          if (!e.getKey().isEmpty() && folderKey.startsWith(e.getKey())) {
            refs = e.getValue();
            break;
          }
        }
      }
      if (refs == null) {
        continue;
      }
      String firstName = refs.get(0).getFileName().toString();
      topic = firstName.substring(0, firstName.indexOf('.'));
      List<RawArticle> articles = readTopicDocuments(dir);
      if (articles.isEmpty()) {
        continue;
      }
      List<List<String>> references = new ArrayList<>();
      for (Path r : refs) {
        List<String> lines = readSummaryFile(r);
        if (!lines.isEmpty()) {
          references.add(lines);
        }
      }
      if (!references.isEmpty()) {
        Map<String, List<String>> mine = peerSummaries.get(key(topic));
        clusters.put(
            topic, new EvalCluster(topic, articles, references, mine == null ? Map.of() : mine));
      }
    }
    if (clusters.isEmpty()) {
      throw new InputException(
          docs + ": no topic folder matches a summary named TOPIC.*.NAME in " + summaries);
    }
    return new ArrayList<>(clusters.values());
  }

  /** topic key → system → summary lines. */
  private static Map<String, Map<String, List<String>>> readPeers(Path peers) {
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    try (Stream<Path> entries = Files.list(peers)) {
      for (Path e : entries.sorted().toList()) {
        String name = e.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(e)) {
          try (Stream<Path> files = Files.list(e)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
              String topic = f.getFileName().toString();
              int dot = topic.indexOf('.');
              String k = key(dot > 0 ? topic.substring(0, dot) : topic);
              out.computeIfAbsent(k, x -> new TreeMap<>()).put(name, readSummaryFile(f));
            }
          }
        } else {
          int first = name.indexOf('.');
          int last = name.lastIndexOf('.');
          if (first > 0 && last > first) {
            out.computeIfAbsent(key(name.substring(0, first)), x -> new TreeMap<>())
                .put(name.substring(last + 1), readSummaryFile(e));
          }
        }
      }
    } catch (IOException ex) {
      throw new InputException(peers + ": cannot read (" + ex.getMessage() + ")");
    }
    return out;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Every document under a topic folder (recursively), in file-name order. */
  static List<RawArticle> readTopicDocuments(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot read (" + e.getMessage() + ")");
    }
    List<RawArticle> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(readDocumentFile(f));
    }
    return out;
  }

  /** The documents of one file: every SGML {@code <DOC>}, or the whole file as plain text. */
  public static List<RawArticle> readDocumentFile(Path f) {
    String text = readText(f);
    String name = f.getFileName().toString();
    List<RawArticle> out = new ArrayList<>();
    // jsoup's XML parser reads the SGML: any tag case, unclosed tags, every HTML entity
    Document sgml = Jsoup.parse(text, "", Parser.xmlParser());
    for (Element doc : sgml.getElementsByTag("DOC")) {
      Element no = doc.getElementsByTag("DOCNO").first();
      String id = no != null && !no.text().isBlank() ? no.text().strip() : name + "-" + out.size();
      Element title = doc.select("HEADLINE, HL, TITLE, HEAD").first();
      String headline = title == null ? null : sgmlText(title).replaceAll("\\s+", " ").strip();
      StringBuilder content = new StringBuilder();
      for (Element t : doc.getElementsByTag("TEXT")) {
        content.append(sgmlText(t)).append("\n\n");
      }
      String articleText = content.toString().strip();
      if (!articleText.isEmpty()) {
        out.add(
            new RawArticle(
                id,
                articleText,
                RawArticle.Format.TEXT,
                headline == null || headline.isEmpty() ? null : headline,
                null,
                null,
                f.toString()));
      }
    }
    if (out.isEmpty() && !text.isBlank()) {
      out.add(new RawArticle(name, text, RawArticle.Format.TEXT, null, null, null, f.toString()));
    }
    return out;
  }

  /** A reference summary file: its non-empty lines, SGML tags removed, entities decoded. */
  public static List<String> readSummaryFile(Path f) {
    String text = sgmlText(Jsoup.parse(readText(f), "", Parser.xmlParser()));
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\r?\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return lines;
  }

  private static String readText(Path f) {
    try {
      return TextDecoder.decode(Files.readAllBytes(f));
    } catch (IOException e) {
      throw new InputException(f + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /**
   * The text inside an SGML element with its line breaks: a tag inside it reads as a space, a
   * {@code <P>} as a paragraph break; runs of spaces left by tags become one.
   */
  private static String sgmlText(Node root) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node n, int depth) {
            if (n instanceof TextNode t) {
              b.append(t.getWholeText().replace('\u00a0', ' '));
            } else if (depth > 0 && n instanceof Element e) {
              b.append(e.normalName().equals("p") ? "\n\n" : " ");
            }
          }

          @Override
          public void tail(Node n, int depth) {
            if (depth > 0 && n instanceof Element e) {
              b.append(e.normalName().equals("p") ? "\n\n" : " ");
            }
          }
        },
        root);
    return b.toString().replaceAll("[ \\t]{2,}", " ");
  }
}
