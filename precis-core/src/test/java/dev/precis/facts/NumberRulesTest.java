package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per error class fixed in figure extraction (inputs quoted from real articles). */
class NumberRulesTest {
  private static List<Figure> figures(String text) {
    return new NumberExtractor().find(Fixtures.docs(text).get(0));
  }

  private static Figure only(String text) {
    List<Figure> f = figures(text);
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  @Test
  void hedgedAndVagueFormsBecomeRanges() {
    assertThat(
            only("A recent chemical weapons attack reportedly left nearly 20 civilians dead.")
                .range())
        .hasToString("[17, 20)");
    assertThat(only("The attack killed more than 80 people.").range()).hasToString("(80, ∞)");
    assertThat(only("The gas attack killed at least 87 people.").range()).hasToString("[87, ∞)");
    assertThat(only("The toxic gas killed dozens of civilians.").range()).hasToString("[24, 144]");
    assertThat(only("A nerve gas attack killed scores.").category()).isEqualTo("deaths");
  }

  @Test
  void noBreakSpacesAreSpaces() {
    assertThat(only("Journalists report the news in 27\u00a0languages.").counts())
        .isEqualTo("languages");
  }

  @Test
  void agesPhoneNumbersAndYearsAreNotFigures() {
    assertThat(figures("At least one soldier, 26 year-old Faye Turney, would be released."))
        .hasSize(1);
    assertThat(figures("* 0800 800 812 for calls from within France")).isEmpty();
    assertThat(figures("The last time was in 1770.")).isEmpty();
  }

  @Test
  void thousandsSeparatorBeforeACommaKeepsTheWholeNumber() {
    assertThat(only("AP - confirmed death toll passed 121,000, and more.").range().low())
        .isEqualTo(121000);
  }

  @Test
  void unitsGluedRangesFractionsAndPostModifiers() {
    assertThat(only("We are about 300km from the epicentre.").counts()).isEqualTo("km");
    assertThat(only("I've seen seven to eight buildings collapsed.").range()).hasToString("[7, 8]");
    assertThat(only("A 5 1/2 foot wave made land fall.").range().low()).isEqualTo(5.5);
    assertThat(only("Waves of 20 centimeters or less were reported.").range())
        .hasToString("[0, 20]");
  }

  @Test
  void countedNounsSkipCapitalisedModifiersAndStopAtUnits() {
    assertThat(only("The 15 British sailors and marines were detained.").counts())
        .isEqualTo("sailors");
    assertThat(only("The 15 British sailors and marines were detained.").category())
        .isEqualTo("arrests");
    assertThat(only("A 7.0 magnitude earthquake struck.").counts()).isEqualTo("magnitude");
    assertThat(only("Sixty orphaned children were flown out.").counts())
        .isEqualTo("orphaned children");
    assertThat(only("UN dispatched approximately 37 search and rescue teams.").counts())
        .isEqualTo("search and rescue teams");
  }

  @Test
  void deathTollsAboutDifferentEventsAreSeparated() {
    FactSheet s =
        Fixtures.sheet(
            "The six-year-old war in Syria has killed more than 300,000 people. The gas attack killed"
                + " at least 87 people. A chemical weapons attack reportedly left nearly 20 civilians dead.");
    FigureGroup attack =
        s.figures().stream()
            .filter(g -> g.label().equals("deaths (attack)"))
            .findFirst()
            .orElseThrow();
    assertThat(attack.disagreement()).isTrue();
    assertThat(attack.figures())
        .extracting(Figure::text)
        .containsExactly("at least 87", "nearly 20");
    assertThat(s.figures()).anyMatch(g -> g.label().equals("deaths (war)") && !g.disagreement());
  }

  @Test
  void namesWithNumbersAndAgesBetweenCommasAreNotFigures() {
    assertThat(figures("A bomb threat was reported just days before Fight 447 went missing."))
        .isEmpty();
    assertThat(figures("Matt Helmenstine, 30, a California high school teacher, told Reuters."))
        .isEmpty();
    assertThat(
            only("The center was under the Pacific Ocean, 153 km northwest of the town.").counts())
        .isEqualTo("km");
  }

  @Test
  void boardWordFractionsAndCapitalisedModifiersAfterAdjectives() {
    assertThat(only("The Airbus A330 with 228 on board vanished from radar.").category())
        .isEqualTo("people");
    assertThat(only("The ceremony lasted a total of four and a half hours.").range().low())
        .isEqualTo(4.5);
    assertThat(
            figures(
                "Four suicide bombers blew themselves up on three separate London Underground trains."))
        .extracting(Figure::category)
        .containsExactly("people", "train");
    assertThat(
            figures("Bombers blew themselves up on three separate London Underground trains.")
                .get(0)
                .counts())
        .isEqualTo("separate trains");
    assertThat(only("At least one computer switched to an alternative power source.").counts())
        .isEqualTo("computer");
  }
}
