package dev.precis.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTraitsTest {
  @Test
  void pronounsAndConnectivesAtTheStartDangle() {
    for (String s : new String[] {
        "He said the talks were productive.", "But the minister disagreed.",
        "This is the first visit since 2015.", "However, Russia vetoed the resolution.",
        "they 're expected to meet again .", "In addition, the ministry said it would respond.",
        "It was not clear when.", "\"But we are not there yet,\" he said.", "Meanwhile, talks went on."}) {
      assertThat(SentenceTraits.opensWithDanglingReference(s)).as(s).isTrue();
    }
    for (String s : new String[] {
        "Tillerson met Lavrov in Moscow on Wednesday.", "The statement made no reference to Syria.",
        "Hearing the news, officials left.", "There were 12 people in the room.",
        "Heavy rain fell in the city.", "Theresa May spoke first.", "In Moscow, the talks began."}) {
      assertThat(SentenceTraits.opensWithDanglingReference(s)).as(s).isFalse();
    }
  }

  @Test
  void headlinesFragmentsAndBareQuotesAreNotSummarySentences() {
    for (String s : new String[] {
        "Tillerson Pushes Russia To Pick A Side", "Follow us on Twitter and Facebook.",
        "Readers snapped up over one million hardcover copies across the united states, canada and",
        "\"We will not stand for this.\"", "What happens next?", "Photo: Getty Images / Getty Images.",
        "Click here to sign up for our email newsletter."}) {
      assertThat(SentenceTraits.isFragment(s)).as(s).isTrue();
    }
    for (String s : new String[] {
        "Tillerson met Lavrov in Moscow on Wednesday.",
        "\"We will not stand for this,\" the minister said.",
        "dan brown has topped oxfam 's ' most donated ' list again , his fourth consecutive year ."}) {
      assertThat(SentenceTraits.isFragment(s)).as(s).isFalse();
    }
  }
}
