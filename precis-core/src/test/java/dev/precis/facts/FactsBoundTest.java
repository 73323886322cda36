package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.format.FactSheetFormat;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fact sheet reads at most {@link FactExtractor#MAX_CHARS_PER_ARTICLE} characters of an article:
 * quotation attribution grew faster than the text (a 9.4 MB article took 53 s and 2.2 GB).
 */
class FactsBoundTest {
  private static final Precis PRECIS = Precis.defaults();

  @Test
  void longArticleIsCutAtASentenceEndWithinTheLimit() {
    String sentence = "\"We will not give up,\" Mayor Ann Lee said on Monday, April 3, 2017. ";
    String text = sentence.repeat(2 * FactExtractor.MAX_CHARS_PER_ARTICLE / sentence.length());
    Document doc =
        PRECIS.split(List.of(new Article("long", null, text, null, null, null, null, "t"))).get(0);
    Document cut = FactExtractor.bounded(doc);
    assertThat(cut.article().text().length())
        .isLessThanOrEqualTo(FactExtractor.MAX_CHARS_PER_ARTICLE);
    assertThat(cut.sentences())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(cut.article().text().length()));
    assertThat(cut.sentences().size()).isLessThan(doc.sentences().size());
    FactSheet sheet = FactExtractor.standard().extract(List.of(doc));
    assertThat(sheet.quotes()).isNotEmpty();
    // the cut is said, not silent
    assertThat(FactSheetFormat.TEXT.render(sheet, List.of(doc.article())))
        .contains("(facts from its first 200,000 of " + String.format("%,d", text.length()));
    assertThat(FactSheetFormat.JSON.render(sheet, List.of(doc.article())))
        .contains("\"factsReadChars\" : 200000");
  }
}
