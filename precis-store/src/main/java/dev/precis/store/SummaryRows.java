package dev.precis.store;

import static dev.precis.store.Sql.cut;

import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.store.Store.StoryDocuments;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummarySentence;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code summaries}, {@code summary_sentences} and {@code citations} tables: each story's
 * latest cited summary, tagged with the story revision it was computed from.
 */
final class SummaryRows {
  private SummaryRows() {}

  /** Ids of stories whose stored summary is missing or older than their articles. */
  static List<Long> storiesNeedingSummary(Connection c) throws SQLException {
    return Sql.list(
        c,
        "SELECT s.id FROM stories s LEFT JOIN summaries m ON m.story_id = s.id"
            + " WHERE s.article_count > 0 AND (m.id IS NULL OR m.story_revision <> s.revision)"
            + " ORDER BY s.id",
        rs -> rs.getLong(1));
  }

  private record Span(long articleId, int start, int end) {}

  /** The documents of a story from the stored sentence offsets, or empty when there is none. */
  static Optional<StoryDocuments> storyDocuments(Connection c, long storyId) throws SQLException {
    long revision = StoryRows.revision(c, storyId);
    if (revision < 0) {
      return Optional.empty();
    }
    List<StoredArticle> articles = ArticleRows.ofStory(c, storyId);
    Map<Long, List<Span>> spans = new HashMap<>();
    for (Span span :
        Sql.list(
            c,
            "SELECT t.article_id, t.start_offset, t.end_offset FROM sentences t"
                + " JOIN articles a ON a.id = t.article_id WHERE a.story_id = ?"
                + " ORDER BY t.article_id, t.idx",
            rs -> new Span(rs.getLong(1), rs.getInt(2), rs.getInt(3)),
            storyId)) {
      spans.computeIfAbsent(span.articleId(), k -> new ArrayList<>()).add(span);
    }
    List<Document> docs = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i).article();
      List<Span> list = spans.getOrDefault(articles.get(i).id(), List.of());
      List<Sentence> sentences = new ArrayList<>(list.size());
      for (int k = 0; k < list.size(); k++) {
        Span s = list.get(k);
        sentences.add(
            new Sentence(i, k, s.start(), s.end(), a.text().substring(s.start(), s.end())));
      }
      docs.add(new Document(i, a, sentences));
    }
    return Optional.of(new StoryDocuments(revision, articles, docs));
  }

  /** Replaces the story's summary unless the story changed since {@code docs} were read. */
  static boolean save(
      Connection c,
      long storyId,
      StoryDocuments docs,
      Summary summary,
      String summarizer,
      int words)
      throws SQLException {
    Long current =
        Sql.first(
            c,
            "SELECT revision FROM stories WHERE id = ? FOR UPDATE",
            rs -> rs.getLong(1),
            storyId);
    if (current == null || current != docs.revision()) {
      return false;
    }
    Sql.update(
        c,
        "UPDATE stories SET headline = ? WHERE id = ?",
        summary.sentences().isEmpty() ? null : headline(summary.sentences().get(0).text()),
        storyId);
    Sql.update(c, "DELETE FROM summaries WHERE story_id = ?", storyId);
    long summaryId =
        Sql.insert(
            c,
            "INSERT INTO summaries (story_id, story_revision, summarizer, word_budget, created_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            storyId,
            docs.revision(),
            cut(summarizer, 100),
            words,
            Sql.time(Instant.now()));
    List<StoredArticle> articles = docs.articles();
    try (Sql.Batch sent =
            new Sql.Batch(
                c,
                "INSERT INTO summary_sentences (summary_id, idx, sentence_text, article_id,"
                    + " start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)");
        Sql.Batch cite =
            new Sql.Batch(
                c,
                "INSERT INTO citations (summary_id, sentence_idx, ord, article_id, start_offset,"
                    + " end_offset) VALUES (?, ?, ?, ?, ?, ?)")) {
      List<SummarySentence> sentences = summary.sentences();
      for (int i = 0; i < sentences.size(); i++) {
        SummarySentence s = sentences.get(i);
        Sentence o = s.origin();
        sent.add(
            summaryId,
            i,
            cut(s.text(), 100_000),
            articles.get(o.document()).id(),
            o.start(),
            o.end());
        List<Citation> cs = s.citations();
        for (int k = 0; k < cs.size(); k++) {
          Citation ct = cs.get(k);
          cite.add(summaryId, i, k, articles.get(ct.document()).id(), ct.start(), ct.end());
        }
      }
      sent.run();
      cite.run();
    }
    return true;
  }

  /** The first words of a sentence, at most about 100 characters, cut at a word boundary. */
  static String headline(String sentence) {
    String s = sentence.strip().replaceAll("\\s+", " ");
    if (s.length() <= 100) {
      return s;
    }
    int cut = s.lastIndexOf(' ', 100);
    return s.substring(0, cut > 40 ? cut : 100) + "…";
  }

  private record Stored(long id, long revision) {}

  private record CitationRow(int sentence, long articleId, int start, int end) {}

  private record SentenceRow(int index, String text, long articleId, int start, int end) {}

  /**
   * A story's stored summary with the revision it reflects ({@code null} summary and -1 when none),
   * citations pointing into {@code articles} by position.
   */
  static StoryDetail detail(Connection c, StoryInfo info, List<StoredArticle> articles)
      throws SQLException {
    Stored stored =
        Sql.first(
            c,
            "SELECT id, story_revision FROM summaries WHERE story_id = ?",
            rs -> new Stored(rs.getLong(1), rs.getLong(2)),
            info.id());
    if (stored == null) {
      return new StoryDetail(info, articles, null, -1);
    }
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      index.put(articles.get(i).id(), i);
    }
    Map<Integer, List<Citation>> citations = new HashMap<>();
    for (CitationRow row :
        Sql.list(
            c,
            "SELECT sentence_idx, article_id, start_offset, end_offset FROM citations"
                + " WHERE summary_id = ? ORDER BY sentence_idx, ord",
            rs -> new CitationRow(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)),
            stored.id())) {
      Integer doc = index.get(row.articleId());
      if (doc != null) {
        citations
            .computeIfAbsent(row.sentence(), k -> new ArrayList<>())
            .add(new Citation(doc, row.start(), row.end()));
      }
    }
    List<SummarySentence> sentences = new ArrayList<>();
    for (SentenceRow row :
        Sql.list(
            c,
            "SELECT idx, sentence_text, article_id, start_offset, end_offset FROM summary_sentences"
                + " WHERE summary_id = ? ORDER BY idx",
            rs ->
                new SentenceRow(
                    rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5)),
            stored.id())) {
      Integer doc = index.get(row.articleId());
      if (doc == null) {
        continue;
      }
      String body = articles.get(doc).article().text();
      // the sentence's index in its article is not kept: -1 marks it unknown
      Sentence origin =
          new Sentence(doc, -1, row.start(), row.end(), body.substring(row.start(), row.end()));
      sentences.add(
          new SummarySentence(row.text(), origin, citations.getOrDefault(row.index(), List.of())));
    }
    Summary summary =
        new Summary(sentences, articles.stream().map(StoredArticle::article).toList());
    return new StoryDetail(info, articles, summary, stored.revision());
  }
}
