package dev.precis.facts;

import dev.precis.facts.DateMention.Granularity;
import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A story's timeline: resolved dates with the sentences stating them, one entry per happening.
 * Sentences that date the same day (same precision) merge when they state the same happening: they
 * share most word pairs, or at least {@link #SHARED_TERMS} content terms (the analysis chain's
 * stemmed, stop-word-free terms, date words and numbers left out), such as the names of who met
 * ("Tillerson ... meet Lavrov on April 12" and "Lavrov ... welcoming to Tillerson on Wednesday").
 * Each entry keeps every citation. A fact sheet covers one event, so content terms shared on one
 * day rarely belong to two happenings.
 */
final class Timeline {
  /** Content terms two same-day sentences share to state one happening. */
  static final int SHARED_TERMS = 2;

  private static final Analyzer TERMS = Analyzer.CONCEPTS;
  private static final Set<String> DATE_TERMS =
      Set.copyOf(
          TERMS.terms(
              "January February March April May June July August September October November"
                  + " December Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday"
                  + " today tonight tomorrow day week month year last next earlier later"));

  private Timeline() {}

  /** Dated events: resolved dates with the sentences stating them, merged across articles. */
  static List<TimelineEvent> of(List<Document> docs, List<DateMention> dates) {
    record Item(DateMention date, Sentence sentence) {}
    List<Item> items = new ArrayList<>();
    for (DateMention dm : dates) {
      if (dm.date() == null) {
        continue;
      }
      Document d = docs.get(dm.mention().document());
      Sentence s = EntityMerger.sentenceAt(d, dm.mention().start());
      if (s == null || EntityExtractor.isHeadline(s.text()) || s.words() < 5) {
        continue;
      }
      items.add(new Item(dm, s));
    }
    List<TimelineEvent> out = new ArrayList<>();
    boolean[] used = new boolean[items.size()];
    List<Set<String>> grams = new ArrayList<>(items.size());
    List<Set<String>> terms = new ArrayList<>(items.size());
    for (Item it : items) {
      grams.add(bigrams(it.sentence().text()));
      terms.add(contentTerms(it.sentence().text()));
    }
    for (int i = 0; i < items.size(); i++) {
      if (used[i]) {
        continue;
      }
      Item a = items.get(i);
      Set<String> expressions = new LinkedHashSet<>();
      List<Citation> citations = new ArrayList<>();
      expressions.add(a.date().text());
      citations.add(
          new Citation(a.sentence().document(), a.sentence().start(), a.sentence().end()));
      Set<String> bigrams = grams.get(i);
      // the happening's terms grow as sentences join, so a third report joins through either
      Set<String> happening = new HashSet<>(terms.get(i));
      for (int j = i + 1; j < items.size(); j++) {
        Item b = items.get(j);
        if (used[j]
            || !b.date().date().equals(a.date().date())
            || b.date().granularity() != a.date().granularity()) {
          continue;
        }
        boolean sameSentence =
            b.sentence() == a.sentence()
                || (b.sentence().document() == a.sentence().document()
                    && b.sentence().index() == a.sentence().index());
        // a year or a month is one entry of the timeline; days merge when the sentences agree
        boolean coarse =
            a.date().granularity() == Granularity.YEAR
                || a.date().granularity() == Granularity.MONTH;
        if (sameSentence
            || coarse
            || containment(bigrams, grams.get(j)) >= 0.5
            || shared(happening, terms.get(j)) >= SHARED_TERMS) {
          used[j] = true;
          happening.addAll(terms.get(j));
          expressions.add(b.date().text());
          Citation c =
              new Citation(b.sentence().document(), b.sentence().start(), b.sentence().end());
          if (!citations.contains(c)) {
            citations.add(c);
          }
        }
      }
      out.add(
          new TimelineEvent(
              a.date().date(),
              a.date().granularity(),
              new ArrayList<>(expressions),
              a.sentence().text(),
              citations));
    }
    out.sort(Comparator.comparing(TimelineEvent::date).thenComparing(TimelineEvent::granularity));
    return out;
  }

  /** The sentence's content terms, without date words and numbers. */
  static Set<String> contentTerms(String text) {
    Set<String> out = new HashSet<>();
    for (String t : TERMS.terms(text)) {
      if (!DATE_TERMS.contains(t) && t.chars().noneMatch(Character::isDigit)) {
        out.add(t);
      }
    }
    return out;
  }

  private static int shared(Set<String> a, Set<String> b) {
    int hit = 0;
    for (String t : b) {
      if (a.contains(t)) {
        hit++;
      }
    }
    return hit;
  }

  private static Set<String> bigrams(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < w.length; i++) {
      if (!w[i].isEmpty() && !w[i + 1].isEmpty()) {
        out.add(w[i] + ' ' + w[i + 1]);
      }
    }
    return out;
  }

  private static double containment(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    if (small.isEmpty()) {
      return 0;
    }
    int hit = 0;
    for (String g : small) {
      if (large.contains(g)) {
        hit++;
      }
    }
    return (double) hit / small.size();
  }
}
