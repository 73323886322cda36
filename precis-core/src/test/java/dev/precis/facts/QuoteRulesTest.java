package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per error class fixed in quotation attribution (inputs quoted from real articles). */
class QuoteRulesTest {
  private static String speaker(FactSheet s, String start) {
    return s.quotes().stream()
        .filter(q -> q.text().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no quote " + start + " in " + s.quotes()))
        .speaker();
  }

  @Test
  void attributionNeverReachesIntoTheNextParagraph() {
    FactSheet s =
        Fixtures.sheet(
            "\"We also saw some very troubling things regarding the attack on Syria,\" said Lavrov. \"We"
                + " believe it fundamentally important not to let these actions happen again.\"\n\n"
                + "Tillerson responded by acknowledging how far apart they were.\n\n"
                + "Russian Foreign Minister Sergey Lavrov spoke first.");
    assertThat(speaker(s, "We believe it")).isEqualTo("Sergey Lavrov");
  }

  @Test
  void heResolvesToTheSubjectBeforeThePronounNotToNamesAfterIt() {
    FactSheet s =
        Fixtures.sheet(
            "German Foreign Minister Sigmar Gabriel said Russia must be involved. Gabriel also said that"
                + " Tillerson had focused on diplomatic initiatives during the talks in Lucca. \"Tillerson"
                + " explicitly said they are seeking a nonviolent, nonmilitary way,\" he said, praising"
                + " Tillerson for taking \"a very realistic and clear stance.\"");
    assertThat(speaker(s, "Tillerson explicitly")).isEqualTo("Sigmar Gabriel");
  }

  @Test
  void aQuoteInterruptedMidSentenceTakesTheAttributionThatEndsIt() {
    FactSheet s =
        Fixtures.sheet(
            "\"British leaders have miscalculated this issue. This case may face a legal path\" if we are"
                + " faced with \"fuss, and wrong behavior from Britain,\" added Larijani. Iranian National"
                + " Security Council Secretary Ali Larijani spoke on Wednesday.");
    assertThat(speaker(s, "British leaders")).isEqualTo("Ali Larijani");
  }

  @Test
  void aDescribedSpeakerIsNotTheNameInsideTheDescription() {
    FactSheet s =
        Fixtures.sheet(
            "Tony Blair spoke on Monday. \"We are not seeking to put Iran in a corner. We are simply"
                + " saying release the personnel,\" said a spokesperson for British Prime Minister Tony Blair.");
    assertThat(speaker(s, "We are not seeking")).isNull();
  }

  @Test
  void aNameInAppositionAfterTheVerbSpeaks() {
    FactSheet s =
        Fixtures.sheet(
            "\"At night, people take things. But I don't have a problem.\" said one local resident, Omen"
                + " Cola, to AFP.");
    assertThat(speaker(s, "At night")).isEqualTo("Omen Cola");
  }

  @Test
  void aQuotationOpeningASentenceAfterAnIntroductionBelongsToThePersonIntroduced() {
    FactSheet s =
        Fixtures.sheet(
            "Joseph Guyler Delva, a reporter for Reuters, was in the area when the tremors struck."
                + " \"Everything started shaking, people were screaming, houses started collapsing.\"");
    assertThat(speaker(s, "Everything started")).isEqualTo("Joseph Guyler Delva");
  }

  @Test
  void aQuoteCharacterBetweenLettersIsAnApostrophe() {
    FactSheet s =
        Fixtures.sheet(
            "\"We hope that the Russian government concludes that they have aligned themselves with an"
                + " unreliable partner,\" Tillerson added, calling last week\"s alleged chemical attack an"
                + " act of \"barbarism.\" Secretary of State Rex Tillerson flew to Moscow.");
    assertThat(speaker(s, "We hope")).isEqualTo("Rex Tillerson");
    assertThat(s.quotes()).noneMatch(q -> q.text().contains("alleged chemical attack"));
  }

  @Test
  void versionsOfOneQuoteAcrossArticlesMerge() {
    FactSheet s =
        Fixtures.sheet(
            "\"It is clear to us the reign of the Assad family is coming to an end\", he told reporters.",
            "But Tillerson repeated the administration's new belief that \"the reign of the Assad family"
                + " is coming to an end\".");
    Quote q =
        s.quotes().stream()
            .filter(x -> x.text().contains("reign of the Assad"))
            .findFirst()
            .orElseThrow();
    assertThat(q.outlets()).isEqualTo(2);
    assertThat(q.variants()).hasSize(1);
  }

  @Test
  void aParagraphEndingWithAColonIntroducesTheQuotationBelowIt() {
    FactSheet s =
        Fixtures.sheet(
            "Some survivors, such as Rachel North, have been angered by the proposal. Writing on her"
                + " weblog, Ms North says:\n\n\"Even if you don't like the questions, don't like the answers,"
                + " it is us who are paying the cost for this.\"");
    assertThat(speaker(s, "Even if you")).isEqualTo("Rachel North");
  }

  @Test
  void whoIsToldIsNotWhoSpeaks() {
    FactSheet s =
        Fixtures.sheet(
            "Marie Fatayi-Williams, whose son Anthony was killed in the attack, told the BBC: \"I ask"
                + " myself - if there is really nothing to hide then why shy away from a public inquiry?\"");
    assertThat(speaker(s, "I ask myself")).isEqualTo("Marie Fatayi-Williams");
  }

  @Test
  void heCanBeAPersonJustIntroducedInApposition() {
    FactSheet s =
        Fixtures.sheet(
            "\"This is a once-in-a-lifetime thing for us to see the torch,\" said Nancy Chan, a local"
                + " resident. At least one protester was arrested, Xiao Tan, 32, of Chinese origin, who"
                + " tried to unfurl a Tibetan flag. \"I'm proud to be Chinese, but I don't like what's"
                + " happening in Tibet,\" he told AFP.");
    assertThat(speaker(s, "I'm proud")).isEqualTo("Xiao Tan");
  }

  @Test
  void aQuotationAloneInItsParagraphBorrowsNoSpeakerFromTheNextParagraph() {
    FactSheet s =
        Fixtures.sheet(
            "\"Russia is open to this, open to dialogue with the USA in all different areas\".\n\n"
                + "Lavrov replied by criticizing the strike. \"It is clear to us the reign is coming to an"
                + " end\", he told reporters in Italy. Russian Foreign Minister Sergey Lavrov left.");
    assertThat(speaker(s, "Russia is open")).isNull();
  }

  @Test
  void aReportedSubjectIsNoAntecedentAndAnIntroductoryWordDoesNotHideOne() {
    FactSheet s =
        Fixtures.sheet(
            "Edmond Mulet, the acting head of the UN mission for Haiti, told the BBC that it could take"
                + " decades. Mulet, who is also the assistant secretary-general, said that Rene Preval was"
                + " tired. However, he said he believed the capacity to provide help was improving, saying:"
                + " \"All this is coming together right now.\"");
    assertThat(speaker(s, "All this")).isEqualTo("Edmond Mulet");
  }

  @Test
  void aPersonIntroducedWithTwoAppositivesIsTheAntecedent() {
    FactSheet s =
        Fixtures.sheet(
            "Edmond Mulet said aid was coming. Lieutenant Colonel Bruce Ewing, commander of Canada's"
                + " Disaster Assistance Response Team, meanwhile, was concerned whether there was enough"
                + " management. \"Everyone is trying to help, but it's not as coordinated as it should"
                + " be,\" he told AFP.");
    assertThat(speaker(s, "Everyone is trying")).isEqualTo("Bruce Ewing");
  }
}
