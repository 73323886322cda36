package dev.precis.format;

import dev.precis.story.StoryEvent;
import dev.precis.summarize.Summary;

/**
 * The summary of one event of a story: its sentences cite only that event's articles ({@code
 * summary.articles()}).
 */
public record EventSummary(StoryEvent event, Summary summary) {}
