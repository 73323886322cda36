package dev.precis.story;

import java.util.List;

/**
 * Words that say nothing about which story an article tells: English function words, plus the
 * reporting verbs and calendar words that every news article uses.
 */
final class StopWords {
  private StopWords() {}

  static final List<String> ENGLISH = List.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
      "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
      "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
      "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now",
      "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
      "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
      "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through",
      "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
      "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
      "yourself", "yourselves", "may", "might", "must", "shall", "one", "two", "us", "get", "got",
      "like", "many", "much", "even", "back", "well", "still", "way", "since", "around", "another",
      "according", "said", "says", "say", "told", "tell", "reported", "report", "reports", "news",
      "according", "via", "per", "yet", "though", "although", "within", "without", "among",
      "made", "make", "time", "year", "years", "day", "days", "week", "weeks", "last", "first",
      "new", "people", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "don", "didn", "doesn",
      "isn", "wasn", "aren", "won", "can't", "re", "ve", "ll");
}
