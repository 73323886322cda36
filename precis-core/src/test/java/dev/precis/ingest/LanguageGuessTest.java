package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Language guesses from function words, and refusals when the evidence is thin. */
class LanguageGuessTest {

  @Test
  void commonNewsLanguages() {
    assertThat(
            LanguageGuess.guess(
                "The minister said on Monday that the talks with the unions were over and that"
                    + " the government would not change its plan for the railways in the spring."))
        .isEqualTo("en");
    assertThat(
            LanguageGuess.guess(
                "Der Minister sagte am Montag, dass die Gespräche mit den Gewerkschaften beendet"
                    + " seien und die Regierung ihren Plan für die Bahn nicht ändern wird."))
        .isEqualTo("de");
    assertThat(
            LanguageGuess.guess(
                "Le ministre a déclaré lundi que les discussions avec les syndicats sont terminées"
                    + " et que le gouvernement ne changera pas son plan pour le rail."))
        .isEqualTo("fr");
    assertThat(
            LanguageGuess.guess(
                "Министр заявил в понедельник, что переговоры с профсоюзами закончены и что"
                    + " правительство не изменит свой план, как и было сказано, для железных"
                    + " дорог."))
        .isEqualTo("ru");
  }

  @Test
  void thinOrMissingEvidenceGivesNoGuess() {
    assertThat(LanguageGuess.guess(null)).isNull();
    assertThat(LanguageGuess.guess("Tokyo 2020")).isNull();
    assertThat(LanguageGuess.guess("엘제이 류화영 진흙탕 싸움 공적인 사안으로 봐야하는 이유 ".repeat(5))).isNull();
  }

  @Test
  void pagesWithoutADeclaredLanguageGetTheGuess() {
    ExtractedPage p =
        new HtmlExtractor()
            .extract(
                "<html><body><p>El ministro dijo el lunes que las conversaciones con los"
                    + " sindicatos han terminado y que el gobierno no cambiará su plan para el"
                    + " tren, como se esperaba por la mañana.</p></body></html>",
                null);
    assertThat(p.language()).isEqualTo("es");
  }
}
