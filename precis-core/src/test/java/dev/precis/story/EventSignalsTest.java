package dev.precis.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventSignalsTest {
  @Test
  void tollsFarApartConflictTollsThatGrowDoNot() {
    int[] april = ReportedFigures.of("A toxic-gas attack killed at least 87 people, 80 people...");
    int[] january = ReportedFigures.of("an attack that reportedly left nearly 20 civilians dead");
    assertThat(april).containsExactly(80, 87);
    assertThat(january).containsExactly(20);
    assertThat(ReportedFigures.conflict(april, january)).isTrue();
    assertThat(ReportedFigures.conflict(april, ReportedFigures.of("killed 58 people"))).isFalse();
    assertThat(ReportedFigures.conflict(april, new int[0])).isFalse();
    // years are not tolls
    assertThat(ReportedFigures.of("In 2017 people marched")).isEmpty();
  }

  @Test
  void theKindOfHappeningComesFromTitleAndLead() {
    assertThat(HappeningKind.of("Minister speaks with counterpart", "He spoke by phone on Monday."))
        .isEqualTo(HappeningKind.CALL);
    assertThat(HappeningKind.of("Tillerson flies to Moscow", "Talks began on Wednesday."))
        .isEqualTo(HappeningKind.MEETING);
    assertThat(HappeningKind.of("Markets rise", "Shares gained.")).isEqualTo(HappeningKind.NONE);
  }

  @Test
  void titleOverlapWeighsTheRareWordsOfAHeadline() {
    FeatureExtractor extractor = new FeatureExtractor();
    DocumentFrequency df = new DocumentFrequency(16);
    String[] titles = {
      "Fire destroys home in Springfield",
      "Fire destroys barn in Shelbyville",
      "Fire destroys shop in Ogdenville",
      "Fire destroys garage in Capital City"
    };
    StoryState springfield = new StoryState(1, 16);
    for (String title : titles) {
      TextFeatures f = extractor.extract(title, "Firefighters were called out.");
      df.add(f.terms());
      if (title.contains("Springfield")) {
        springfield.addTitleTerms(f.titleTerms());
      }
    }
    TextFeatures sameTown = extractor.extract("Springfield home fire", "No one was hurt.");
    TextFeatures otherTown =
        extractor.extract("Fire destroys home in Ogdenville", "No one was hurt.");
    assertThat(sameTown.titleTerms()).hasSize(3);
    // the other town's headline shares three of its four words, but the one it does not share,
    // the town, is the rarest: weighted by rarity its share drops
    assertThat(springfield.titleOverlap(otherTown.titleTerms(), null)).isEqualTo(0.75);
    assertThat(springfield.titleOverlap(otherTown.titleTerms(), df)).isLessThan(0.74);
    assertThat(springfield.titleOverlap(sameTown.titleTerms(), df)).isEqualTo(1.0);
    assertThat(springfield.titleOverlap(sameTown.titleTerms(), df))
        .isGreaterThan(springfield.titleOverlap(otherTown.titleTerms(), df));
    assertThat(springfield.titleOverlap(new long[0], df)).isZero();
    // without a title, the first sentence names the happening
    String lead = "Fire destroys an old barn at the edge of Shelbyville on Monday";
    assertThat(extractor.extract(null, lead + ". No one was hurt.").titleTerms())
        .containsExactly(extractor.extract(lead, "No one was hurt.").titleTerms());
  }

  @Test
  void aNameIsKnownByItsLastWordSoASurnameMeetsTheFullName() {
    FeatureExtractor extractor = new FeatureExtractor();
    long[] full =
        extractor
            .extract(null, "The talks with Rex Tillerson began in Moscow on Wednesday.")
            .entities();
    long[] surname =
        extractor.extract(null, "Officials said Tillerson would stay. Tillerson left.").entities();
    long tillerson = FeatureExtractor.hashWord("tillerson");
    assertThat(full).contains(tillerson, FeatureExtractor.hashWord("moscow"));
    // a first name is shared by many people: not a name on its own
    assertThat(full).doesNotContain(FeatureExtractor.hashWord("rex"));
    assertThat(surname).containsExactly(tillerson);
    StoryState event = new StoryState(1, 8);
    event.addNames(full);
    assertThat(event.nameOverlap(surname)).isEqualTo(1.0);
  }

  @Test
  void reportsOfOneHappeningShareItsFiguresAndQuotesInOtherWords() {
    long[] one =
        SharedDetails.numbers(
            "Storm leaves 1,200 homes without power", "Winds of 4.5 metres in 2021 hit 3 towns.");
    long[] other =
        SharedDetails.numbers(null, "In 2021, a storm cut power to 1200 homes; gusts of 4.5 m.");
    // "1,200" is 1200; years and one-digit numbers are no figures; "3D" is a word
    assertThat(one).hasSize(2);
    assertThat(SharedDetails.shared(one, other)).isEqualTo(2);
    assertThat(SharedDetails.numbers(null, "In 2021 a 3D film ran 9 days")).isEmpty();

    long[] quoted = SharedDetails.quotes("The mayor said: \u201cWe will rebuild every home.\u201d");
    long[] again =
        SharedDetails.quotes("\"We will rebuild every home,\" the mayor told reporters.");
    assertThat(quoted).hasSize(3);
    assertThat(SharedDetails.shared(quoted, again)).isEqualTo(3);
    assertThat(SharedDetails.quotes("We will rebuild every home, the mayor said.")).isEmpty();
  }

  @Test
  void anEventRemembersABoundedSampleOfDetails() {
    long[] many = new long[300];
    for (int i = 0; i < many.length; i++) {
      many[i] = 1000 - i;
    }
    java.util.Arrays.sort(many);
    long[] sample = SharedDetails.union(new long[] {5, 2000}, many, StoryState.MAX_DETAILS);
    assertThat(sample).hasSize(StoryState.MAX_DETAILS).startsWith(5, 701, 702);
  }
}
