package dev.precis.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTraitsTest {
  @Test
  void pronounsAndConnectivesAtTheStartDangle() {
    for (String s :
        new String[] {
          "He said the talks were productive.",
          "But the minister disagreed.",
          "This is the first visit since 2015.",
          "However, Russia vetoed the resolution.",
          "they 're expected to meet again .",
          "In addition, the ministry said it would respond.",
          "It was not clear when.",
          "\"But we are not there yet,\" he said.",
          "Meanwhile, talks went on."
        }) {
      assertThat(SentenceTraits.opensWithDanglingReference(s)).as(s).isTrue();
    }
    for (String s :
        new String[] {
          "Tillerson met Lavrov in Moscow on Wednesday.",
          "The statement made no reference to Syria.",
          "Hearing the news, officials left.",
          "There were 12 people in the room.",
          "Heavy rain fell in the city.",
          "Theresa May spoke first.",
          "In Moscow, the talks began."
        }) {
      assertThat(SentenceTraits.opensWithDanglingReference(s)).as(s).isFalse();
    }
  }

  @Test
  void definiteDescriptionsAndPronounSpeakersNeedTheirAntecedent() {
    assertThat(SentenceTraits.backReference("The statement made no reference to Syria."))
        .isEqualTo("statement");
    assertThat(SentenceTraits.backReference("Afterwards the two leaders agreed to meet again."))
        .isEqualTo("leaders");
    assertThat(SentenceTraits.backReference("The Russian minister opened the talks."))
        .isEqualTo("minister");
    assertThat(SentenceTraits.backReference("Officials said the attack killed 12 people."))
        .isEqualTo("attack");
    for (String s :
        new String[] {
          "The attack on the embassy killed 12 people.",
          "Leaders met at the G7 summit in Cornwall.",
          "The case, Mahanoy Area School District v. B.L., was heard in April.",
          "A judge ruled on Monday, and the judge set bail at $1 million.",
          "The official Republican response came from Tim Scott.",
          "Tillerson met Lavrov in Moscow on Wednesday."
        }) {
      assertThat(SentenceTraits.backReference(s)).as(s).isNull();
    }
    assertThat(SentenceTraits.hasPronounSpeaker("\"We will win this,\" he said on Monday."))
        .isTrue();
    assertThat(SentenceTraits.hasPronounSpeaker("\"We will win this,\" Tillerson said.")).isFalse();
    assertThat(SentenceTraits.needsAntecedent("He won.")).isFalse(); // the opener rules' case
  }

  @Test
  void headlinesFragmentsAndBareQuotesAreNotSummarySentences() {
    for (String s :
        new String[] {
          "Tillerson Pushes Russia To Pick A Side",
          "Follow us on Twitter and Facebook.",
          "Readers snapped up over one million hardcover copies across the united states, canada and",
          "\"We will not stand for this.\"",
          "What happens next?",
          "Photo: Getty Images / Getty Images.",
          "Click here to sign up for our email newsletter."
        }) {
      assertThat(SentenceTraits.isFragment(s)).as(s).isTrue();
    }
    for (String s :
        new String[] {
          "Tillerson met Lavrov in Moscow on Wednesday.",
          "\"We will not stand for this,\" the minister said.",
          "dan brown has topped oxfam 's ' most donated ' list again , his fourth consecutive year ."
        }) {
      assertThat(SentenceTraits.isFragment(s)).as(s).isFalse();
    }
  }

  @Test
  void datelinesAreRecognisedButClausesEndingInADashAreNot() {
    String[][] cases = {
      {"WASHINGTON (AP) \u2014 The Senate voted on Tuesday to end the shutdown.", "The Senate"},
      {
        "Dover, fla. \u2014 the f.b.i. agent who spurred the investigation is a veteran.",
        "the f.b.i."
      },
      {"( cnn ) -- A powerful storm hit the coast on Friday, officials said.", "A powerful"},
      {
        "MOSCOW, April 12 (Reuters) - Russia said it would reopen the hotline next week.",
        "Russia said"
      }
    };
    for (String[] c : cases) {
      int n = SentenceTraits.datelineLength(c[0]);
      assertThat(c[0].substring(n)).as(c[0]).startsWith(c[1]);
    }
    for (String s :
        new String[] {
          "The plan \u2014 which failed twice \u2014 was revived by the council last year.",
          "First, a prosecutor would need to appeal to \u2013 and win over \u2013 the judge.",
          "Tillerson met Lavrov in Moscow on Wednesday."
        }) {
      assertThat(SentenceTraits.datelineLength(s)).as(s).isZero();
    }
  }

  @Test
  void pageFurnitureIsRecognised() {
    for (String s :
        new String[] {
          "Related: woman texter's close encounter with accused movie theater gunman.",
          "By william r. levesque, times staff writer posted: nov 14, 2012 01: 30 pm.",
          "A friend wanted you to see this item from wral.com: http://wr.al/13gnp.",
          "Share this on Facebook and follow us on Twitter."
        }) {
      assertThat(SentenceTraits.isFurniture(s)).as(s).isTrue();
    }
    assertThat(SentenceTraits.isFurniture("The video was shown to the jury on Monday.")).isFalse();
  }
}
