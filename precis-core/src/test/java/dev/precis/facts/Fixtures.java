package dev.precis.facts;

import dev.precis.Precis;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.util.ArrayList;
import java.util.List;

/** Documents from text passages quoted from the example and MultiLing articles. */
final class Fixtures {
  private Fixtures() {}

  static List<Document> docs(String... texts) {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      // no cleaning: these tests are about the extractors, fed the text as it stands
      articles.add(Article.of("t" + i, texts[i]));
    }
    return Precis.defaults().split(articles);
  }

  static FactSheet sheet(String... texts) {
    return Precis.defaults().facts(docs(texts));
  }
}
