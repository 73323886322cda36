package dev.precis.eval.rouge;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Porter (1980) stemmer exactly as ROUGE-1.5.5 runs it: Porter's reference Perl version ({@code
 * bli}→{@code ble}, {@code logi}→{@code log} in step 2) with ROUGE's change to step 4, where {@code
 * ement}, {@code ment} and {@code ent} are tried one after another instead of as alternatives (so
 * {@code agreement} becomes {@code agreem}). The rules are written as the same regular expressions
 * as in the Perl source so that every edge case (initial {@code y}, digits counted as consonants)
 * behaves identically. Not Porter2/"English".
 */
public final class RougePorterStemmer {
  private static final String C1 = "[^aeiou]"; // consonant
  private static final String V1 = "[aeiouy]"; // vowel
  private static final String CS = C1 + "[^aeiouy]*"; // consonant sequence
  private static final String VS = V1 + "[aeiou]*"; // vowel sequence
  private static final Pattern MGR0 = Pattern.compile("^(" + CS + ")?" + VS + CS);
  private static final Pattern MEQ1 =
      Pattern.compile("^(" + CS + ")?" + VS + CS + "(" + VS + ")?$");
  private static final Pattern MGR1 = Pattern.compile("^(" + CS + ")?" + VS + CS + VS + CS);
  private static final Pattern HAS_VOWEL = Pattern.compile("^(" + CS + ")?" + V1);
  private static final Pattern CVC = Pattern.compile("^" + CS + V1 + "[^aeiouwxy]$");

  private static final Pattern STEP1A_1 = Pattern.compile("(ss|i)es$");
  private static final Pattern STEP1A_2 = Pattern.compile("([^s])s$");
  private static final Pattern EED = Pattern.compile("eed$");
  private static final Pattern ED_ING = Pattern.compile("(ed|ing)$");
  private static final Pattern AT_BL_IZ = Pattern.compile("(at|bl|iz)$");
  private static final Pattern DOUBLE = Pattern.compile("([^aeiouylsz])\\1$");
  private static final Pattern Y_END = Pattern.compile("y$");
  private static final Pattern STEP2 =
      Pattern.compile(
          "(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism"
              + "|iveness|fulness|ousness|aliti|iviti|biliti|logi)$");
  private static final Pattern STEP3 = Pattern.compile("(icate|ative|alize|iciti|ical|ful|ness)$");
  private static final Pattern STEP4 =
      Pattern.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$");
  private static final Pattern MENT = Pattern.compile("ment$");
  private static final Pattern ENT = Pattern.compile("ent$");
  private static final Pattern SION_TION = Pattern.compile("(s|t)(ion)$");
  private static final Pattern E_END = Pattern.compile("e$");
  private static final Pattern LL_END = Pattern.compile("ll$");

  private static final Map<String, String> STEP2_MAP =
      Map.ofEntries(
          Map.entry("ational", "ate"),
          Map.entry("tional", "tion"),
          Map.entry("enci", "ence"),
          Map.entry("anci", "ance"),
          Map.entry("izer", "ize"),
          Map.entry("bli", "ble"),
          Map.entry("alli", "al"),
          Map.entry("entli", "ent"),
          Map.entry("eli", "e"),
          Map.entry("ousli", "ous"),
          Map.entry("ization", "ize"),
          Map.entry("ation", "ate"),
          Map.entry("ator", "ate"),
          Map.entry("alism", "al"),
          Map.entry("iveness", "ive"),
          Map.entry("fulness", "ful"),
          Map.entry("ousness", "ous"),
          Map.entry("aliti", "al"),
          Map.entry("iviti", "ive"),
          Map.entry("biliti", "ble"),
          Map.entry("logi", "log"));
  private static final Map<String, String> STEP3_MAP =
      Map.of(
          "icate", "ic", "ative", "", "alize", "al", "iciti", "ic", "ical", "ic", "ful", "", "ness",
          "");

  private RougePorterStemmer() {}

  /** Stems a lower-case token; words shorter than three characters come back unchanged. */
  public static String stem(String word) {
    if (word.length() < 3) {
      return word;
    }
    String w = word;
    // an initial y is a consonant: upper-case it so that no pattern treats it as a vowel
    boolean initialY = w.charAt(0) == 'y';
    if (initialY) {
      w = 'Y' + w.substring(1);
    }
    Matcher m;
    // step 1a
    if ((m = STEP1A_1.matcher(w)).find()) {
      w = w.substring(0, m.start()) + m.group(1);
    } else if ((m = STEP1A_2.matcher(w)).find()) {
      w = w.substring(0, m.start()) + m.group(1);
    }
    // step 1b
    if ((m = EED.matcher(w)).find()) {
      if (MGR0.matcher(w.substring(0, m.start())).find()) {
        w = w.substring(0, w.length() - 1);
      }
    } else if ((m = ED_ING.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (HAS_VOWEL.matcher(stem).find()) {
        w = stem;
        if (AT_BL_IZ.matcher(w).find()) {
          w = w + "e";
        } else if (DOUBLE.matcher(w).find()) {
          w = w.substring(0, w.length() - 1);
        } else if (CVC.matcher(w).find()) {
          w = w + "e";
        }
      }
    }
    // step 1c
    if ((m = Y_END.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (HAS_VOWEL.matcher(stem).find()) {
        w = stem + "i";
      }
    }
    // step 2
    if ((m = STEP2.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (MGR0.matcher(stem).find()) {
        w = stem + STEP2_MAP.get(m.group(1));
      }
    }
    // step 3
    if ((m = STEP3.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (MGR0.matcher(stem).find()) {
        w = stem + STEP3_MAP.get(m.group(1));
      }
    }
    // step 4, with ROUGE's sequential -ment / -ent handling
    if ((m = STEP4.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (MGR1.matcher(stem).find()) {
        w = stem;
      }
    }
    if ((m = MENT.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (MGR1.matcher(stem).find()) {
        w = stem;
      }
    }
    if ((m = ENT.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (MGR1.matcher(stem).find()) {
        w = stem;
      }
    } else if ((m = SION_TION.matcher(w)).find()) {
      String stem = w.substring(0, m.start()) + m.group(1);
      if (MGR1.matcher(stem).find()) {
        w = stem;
      }
    }
    // step 5
    if ((m = E_END.matcher(w)).find()) {
      String stem = w.substring(0, m.start());
      if (MGR1.matcher(stem).find() || (MEQ1.matcher(stem).find() && !CVC.matcher(stem).find())) {
        w = stem;
      }
    }
    if (LL_END.matcher(w).find() && MGR1.matcher(w).find()) {
      w = w.substring(0, w.length() - 1);
    }
    if (initialY) {
      w = 'y' + w.substring(1);
    }
    return w;
  }
}
