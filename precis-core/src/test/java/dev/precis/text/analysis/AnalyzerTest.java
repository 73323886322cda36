package dev.precis.text.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
  @Test
  void conceptChainTokenizesLowerCasesDropsStopWordsAndStems() {
    assertThat(Analyzer.CONCEPTS.terms("The Ministers voted; talks continued in Moscow's suburbs"))
        .containsExactly("minister", "vot", "talk", "continu", "moscow", "suburb");
    assertThat(Analyzer.CONCEPTS.words("U.S. officials' 2,000 votes"))
        .containsExactly("u", "s", "officials", "2", "000", "votes");
  }

  @Test
  void wordsKeepStopWordsAndOffsetsStayValid() {
    String text = "Ärzte in İstanbul";
    List<Token> tokens = Tokenizer.LETTERS_AND_DIGITS.tokens(text);
    assertThat(tokens).extracting(Token::text).containsExactly("Ärzte", "in", "İstanbul");
    for (Token t : tokens) {
      assertThat(Analyzer.lowerCase(t.text())).hasSize(t.end() - t.start());
    }
    assertThat(Analyzer.CONCEPTS.words(text)).containsExactly("ärzte", "in", "istanbul");
  }

  @Test
  void variantsExtendTheEnglishList() {
    assertThat(StopWords.CONCEPTS.words()).containsAll(StopWords.ENGLISH.words());
    assertThat(StopWords.NEWS.words()).containsAll(StopWords.ENGLISH.words());
    // news adds reporting verbs and calendar words, concepts does not
    assertThat(StopWords.NEWS.contains("reported")).isTrue();
    assertThat(StopWords.NEWS.contains("wednesday")).isTrue();
    assertThat(StopWords.CONCEPTS.contains("wednesday")).isFalse();
    assertThat(StopWords.COUNTED_NOUN_ENDS.contains("killed")).isTrue();
    assertThat(StopWords.NOT_NAMES.contains("getty")).isTrue();
    assertThatThrownBy(() -> StopWords.named("klingon")).hasMessageContaining("known: english");
  }

  @Test
  void stemmerVariants() {
    assertThat(Stemmer.LIGHT.stem("voting")).isEqualTo("vot");
    assertThat(Stemmer.LIGHT.stem("stopped")).isEqualTo("stop");
    assertThat(Stemmer.LIGHT.stem("calls")).isEqualTo("call");
    assertThat(Stemmer.LIGHT.stem("status")).isEqualTo("status");
    assertThat(Stemmer.FINAL_S.stem("talks")).isEqualTo("talk");
    assertThat(Stemmer.FINAL_S.stem("glass")).isEqualTo("glass");
    assertThat(Stemmer.FINAL_S.stem("bus")).isEqualTo("bus");
    assertThat(Stemmer.SINGULAR.stem("children")).isEqualTo("child");
    assertThat(Stemmer.SINGULAR.stem("casualties")).isEqualTo("casualty");
    assertThat(Stemmer.NONE.stem("talks")).isEqualTo("talks");
  }

  @Test
  void factTokenizerKeepsAcronymsNumbersAndSplitsPossessivesAndGluedNames() {
    String text = "The U.S. said 1,250 people saw TillersonRex at Moscow's airport.";
    assertThat(Tokenizer.WORDS_AND_PUNCTUATION.tokens(text))
        .extracting(Token::text)
        .containsExactly(
            "The",
            "U.S.",
            "said",
            "1,250",
            "people",
            "saw",
            "Tillerson",
            "Rex",
            "at",
            "Moscow",
            "'s",
            "airport",
            ".");
  }
}
