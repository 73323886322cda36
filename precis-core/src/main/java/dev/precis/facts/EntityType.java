package dev.precis.facts;

/** The kinds of named entity a fact sheet lists. */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  PLACE
}
