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
}
