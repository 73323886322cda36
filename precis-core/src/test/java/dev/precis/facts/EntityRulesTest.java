package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per error class fixed in entity finding and merging (inputs quoted from real articles).
 */
class EntityRulesTest {
  private static List<String> names(FactSheet s) {
    return s.entities().stream().map(Entity::name).toList();
  }

  private static Entity named(FactSheet s, String name) {
    return s.entities().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + names(s)));
  }

  @Test
  void wordsAScraperGluedTogetherBelongToDifferentNames() {
    FactSheet s =
        Fixtures.sheet(
            "Secretary of State Rex TillersonRex Wayne TillersonHow the US could respond MORE spoke with"
                + " his Russian counterpart by phone on Wednesday.");
    assertThat(names(s)).noneMatch(n -> n.contains("TillersonRex"));
    assertThat(named(s, "Rex Tillerson").forms()).contains("Rex Wayne Tillerson");
  }

  @Test
  void adjectiveCompoundsAreNoNames() {
    FactSheet s =
        Fixtures.sheet(
            "Diplomatic pressure on Russia has been growing since April 4, when the alleged chemical air"
                + " strike by Russian-backed Syrian forces killed more than 80 people.");
    assertThat(names(s)).noneMatch(n -> n.contains("backed"));
  }

  @Test
  void aFirstNameSharedByTwoPeopleIsNeverGuessed() {
    FactSheet s =
        Fixtures.sheet(
            "Russian Deputy Permanent Representative to the United Nations Vladimir Safronkov attends a"
                + " meeting. Tillerson met Russian President Vladimir Putin at the Kremlin. \"Frankly,"
                + " (Russian President Vladimir) Putin is backing a person that's truly an evil person,\""
                + " he said.");
    assertThat(named(s, "Vladimir Putin").forms()).doesNotContain("Vladimir", "Vladimir Safronkov");
    assertThat(named(s, "Vladimir Safronkov").forms()).doesNotContain("Vladimir");
  }

  @Test
  void familyNameFirstMergesWithTheOnePersonItStarts() {
    FactSheet s =
        Fixtures.sheet(
            "UN General Secretary Ban Ki-moon said that US$10 million worth of emergency funds would be"
                + " used. Ban noted that 3,000 UN peacekeepers were in Haiti.");
    assertThat(named(s, "Ban Ki-moon").forms()).contains("Ban");
    assertThat(names(s)).doesNotContain("US");
  }

  @Test
  void eventsShipsAndTitlesAreNotPlacesOrPeople() {
    FactSheet s =
        Fixtures.sheet(
            "The State Department said Tillerson also pushed Russia to implement the Minsk Agreements."
                + " The sailors and marines, from the frigate HMS Cornwall, had been inspecting a ship.");
    assertThat(names(s)).doesNotContain("Minsk", "HMS Cornwall", "Cornwall");
  }

  @Test
  void theOrganisationBeforeATitleIsNamedToo() {
    FactSheet s =
        Fixtures.sheet(
            "\"We had decided to release the lady in the group,\" said Iranian National Security Council"
                + " Secretary Ali Larijani.");
    assertThat(named(s, "Ali Larijani").roles()).isNotEmpty();
    assertThat(names(s)).contains("Iranian National Security Council");
  }

  @Test
  void initialsAndRolesMakePeople() {
    FactSheet s =
        Fixtures.sheet(
            "US embassy personnel were \"literally in the dark\" due to power failures, said State"
                + " Department spokesman P. J. Crowley. According to USGS analyst Dale Grant, this tremor"
                + " was \"the largest quake recorded in this area\". The grant was approved.");
    assertThat(named(s, "P. J. Crowley").type()).isEqualTo(EntityType.PERSON);
    assertThat(named(s, "Dale Grant").type()).isEqualTo(EntityType.PERSON);
  }

  @Test
  void surnameSpellingVariantsMergeButDifferentFirstNamesDoNot() {
    assertThat(EntityMerger.compatibleFirstNames("sergey", "sergei")).isTrue();
    assertThat(EntityMerger.compatibleFirstNames("vladimir", "vladimir")).isTrue();
    assertThat(EntityMerger.compatibleFirstNames("donald", "ivanka")).isFalse();
    assertThat(EntityMerger.surnameKey("al-Assad")).isEqualTo(EntityMerger.surnameKey("Assad"));
  }

  @Test
  void newspapersBridgesAndTimeZonesAreTypedByTheirLastWord() {
    FactSheet s =
        Fixtures.sheet(
            "The relay began today at 1:00 p.m. PDT. The Vancouver Sun reported a number of arrests. On"
                + " Monday, protesters hung banners from the Golden Gate Bridge. Police leave was cancelled.");
    assertThat(named(s, "Vancouver Sun").type()).isEqualTo(EntityType.ORGANIZATION);
    assertThat(named(s, "Golden Gate Bridge").type()).isEqualTo(EntityType.PLACE);
    assertThat(names(s)).doesNotContain("PDT", "Police", "Vancouver");
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 30,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aLowerCaseCharacterThatIsNoLetterEndsTheScan() {
    // U+2170 is lower case but no letter; it used to stop the vocabulary scan forever.
    FactSheet s =
        Fixtures.sheet("Officials in \u2170 Kabul said Mr. Ahmad Shah met the \u2170 envoy.");
    assertThat(names(s)).contains("Ahmad Shah");
  }
}
