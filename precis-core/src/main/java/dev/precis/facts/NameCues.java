package dev.precis.facts;

import java.util.Set;

/** Words around a capitalised sequence that tell what kind of name it is. */
final class NameCues {
  private NameCues() {}

  static final Set<String> MISC_WORDS =
      Set.of(
          "war",
          "agreement",
          "agreements",
          "accord",
          "accords",
          "treaty",
          "summit",
          "conference",
          "games",
          "cup",
          "act",
          "law",
          "prize",
          "award",
          "awards",
          "festival",
          "day",
          "week",
          "program",
          "programme",
          "project",
          "operation",
          "revolution",
          "crisis",
          "election",
          "elections",
          "championship",
          "olympics",
          "protocol",
          "convention",
          "declaration",
          "doctrine",
          "plan",
          "initiative",
          "campaign",
          "tour",
          "show",
          "series",
          "album",
          "film",
          "book",
          "bill",
          "image",
          "links");

  static final Set<String> SPEECH_VERBS =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "tells",
          "added",
          "adds",
          "stated",
          "declared",
          "noted",
          "explained",
          "asked",
          "replied",
          "responded",
          "insisted",
          "claimed",
          "claims",
          "warned",
          "argued",
          "wrote",
          "writes",
          "tweeted",
          "announced",
          "continued",
          "remarked",
          "recalled",
          "conceded",
          "acknowledged",
          "urged",
          "emphasized",
          "emphasised",
          "stressed",
          "suggested",
          "admitted",
          "complained",
          "denied",
          "reported",
          "reports",
          "confirmed",
          "blasted",
          "criticized",
          "criticised",
          "disputed",
          "reaffirmed");

  static final Set<String> PLACE_PREPOSITIONS =
      Set.of(
          "in", "at", "near", "from", "across", "outside", "inside", "into", "towards", "toward");

  static final Set<String> PLACE_NOUNS =
      Set.of("town", "city", "village", "province", "region", "capital", "district", "county");
}
