package dev.precis.facts;

import dev.precis.model.Citation;

/**
 * A number stated in an article, with what it counts.
 *
 * @param text the figure as written ("more than 80")
 * @param range the values it allows
 * @param counts what it counts, as written ("people", "civilians", "cruise missiles")
 * @param category what kind of quantity it is: deaths, injuries, money, percent, votes, people, or
 *     the counted noun itself
 * @param topic the event or thing the figure is about ("attack", "war"), or {@code ""}
 * @param mention where the figure itself stands
 * @param citation the sentence that states it
 */
public record Figure(
    String text,
    Range range,
    String counts,
    String category,
    String topic,
    Mention mention,
    Citation citation) {}
