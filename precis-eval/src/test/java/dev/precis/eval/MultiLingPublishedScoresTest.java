package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.eval.rouge.Rouge;
import dev.precis.eval.rouge.RougeBootstrap;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.eval.rouge.RougeScore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * End to end against the official MultiLing 2011 evaluation: the participants' summaries in {@code
 * peers/} scored with the published options must give the published system averages and 95%
 * intervals ({@code published_eval/englishDetailed.txt}), bootstrap included.
 */
class MultiLingPublishedScoresTest {
  private static final Path ROOT = Shared.DATA.resolve("data/multiling2011-en");
  private static final Pattern AVERAGE =
      Pattern.compile(
          "^(ID\\d+) (ROUGE-\\S+) Average_([RPF]): ([0-9.]+) \\(95%-conf\\.int\\. ([0-9.]+) - ([0-9.]+)\\)");

  @Test
  void reproducesThePublishedAveragesAndIntervals() throws Exception {
    Rouge rouge = new Rouge(RougeOptions.parse("-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5"));
    List<String> lines =
        Files.readAllLines(
            ROOT.resolve("published_eval/englishDetailed.txt"), StandardCharsets.UTF_8);
    int checked = 0;
    String cachedPeer = null;
    Map<String, RougeBootstrap.Average> cached = null;
    for (String line : lines) {
      Matcher m = AVERAGE.matcher(line);
      if (!m.find()) {
        continue;
      }
      String peer = m.group(1);
      if (!peer.equals(cachedPeer)) {
        cached = averages(rouge, peer);
        cachedPeer = peer;
      }
      RougeBootstrap.Average avg = cached.get(m.group(2));
      RougeBootstrap.Interval got =
          switch (m.group(3)) {
            case "R" -> avg.recall();
            case "P" -> avg.precision();
            default -> avg.f1();
          };
      String what = peer + " " + m.group(2) + " " + m.group(3);
      assertThat(got.mean()).as(what).isEqualTo(Double.parseDouble(m.group(4)));
      assertThat(got.low()).as(what + " low").isEqualTo(Double.parseDouble(m.group(5)));
      assertThat(got.high()).as(what + " high").isEqualTo(Double.parseDouble(m.group(6)));
      checked++;
    }
    assertThat(checked).isEqualTo(10 * 3 * 3);
  }

  private static final Pattern PER_EVAL =
      Pattern.compile("^ID1 ROUGE-1 Eval (\\d+)\\.ID1 R:([0-9.]+) P:([0-9.]+) F:([0-9.]+)");
  private static Map<String, Integer> evalNumbers;

  /**
   * The evaluation number the official run gave a topic, found by matching our per-topic ROUGE-1 of
   * system ID1 (R, P and F) with the published per-evaluation lines: this also checks that every
   * per-topic score was reproduced.
   */
  private static synchronized int evalNumber(String topic) throws Exception {
    if (evalNumbers == null) {
      Map<String, Integer> byScore = new java.util.HashMap<>();
      for (String line : Files.readAllLines(ROOT.resolve("published_eval/englishDetailed.txt"))) {
        Matcher m = PER_EVAL.matcher(line);
        if (m.find()) {
          byScore.put(
              Double.parseDouble(m.group(2))
                  + "/"
                  + Double.parseDouble(m.group(3))
                  + "/"
                  + Double.parseDouble(m.group(4)),
              Integer.parseInt(m.group(1)));
        }
      }
      assertThat(byScore).hasSize(10);
      Rouge rouge = new Rouge(RougeOptions.parse("-n 1 -x"));
      evalNumbers = new java.util.HashMap<>();
      for (int t = 0; t < 10; t++) {
        String name = "M00" + t;
        RougeScore s = rouge.score(peer("ID1", name), references(name)).get("ROUGE-1");
        Integer n = byScore.get(s.recall() + "/" + s.precision() + "/" + s.f1());
        assertThat(n).as("published evaluation with the scores of " + name + ": " + s).isNotNull();
        evalNumbers.put(name, n);
      }
    }
    return evalNumbers.get(topic);
  }

  private static List<String> peer(String peer, String topic) throws Exception {
    return List.of(Files.readString(ROOT.resolve("peers/" + peer + "/" + topic)));
  }

  private static List<List<String>> references(String topic) throws Exception {
    List<List<String>> refs = new ArrayList<>();
    for (String a : new String[] {"A", "B", "C"}) {
      refs.add(List.of(Files.readString(ROOT.resolve("models/" + topic + "." + a + ".250"))));
    }
    return refs;
  }

  private static Map<String, RougeBootstrap.Average> averages(Rouge rouge, String peer)
      throws Exception {
    Map<String, List<RougeBootstrap.Instance>> byMetric = new java.util.LinkedHashMap<>();
    for (int topic = 0; topic < 10; topic++) {
      String name = "M00" + topic;
      List<List<String>> refs = references(name);
      List<String> candidate = peer(peer, name);
      // the official run numbered its evaluations 1..10 in its own order, and the bootstrap
      // draws from them sorted as strings ("1.ID1", "10.ID1", "2.ID1", ...)
      String id = evalNumber(name) + "." + peer;
      for (Map.Entry<String, RougeScore> e : rouge.score(candidate, refs).entrySet()) {
        byMetric
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(new RougeBootstrap.Instance(id, e.getValue()));
      }
    }
    Map<String, RougeBootstrap.Average> out = new java.util.LinkedHashMap<>();
    byMetric.forEach((k, v) -> out.put(k, RougeBootstrap.average(v, 95, 1000)));
    return out;
  }
}
