#!/usr/bin/env python3
"""Soak test: a bounded mixed load against `precis serve`, with a kill -9 and restart in the middle.

    scripts/soak.py --db h2 --minutes 10          # embedded H2 file
    scripts/soak.py --db pg --minutes 10          # embedded PostgreSQL (zonky, from ~/.m2)
    scripts/soak.py --db h2 --minutes 2 --kill-at 0.5 --out /tmp/soak   # a short run

Loopback only; every loop ends at the deadline. Load: readers (story list, story pages, health),
writers (POST /api/articles, 1-3 new Multi-News articles each), summaries and fact sheets (POST
/api/summarize of one Multi-News cluster, facts on or off), slow clients (a body at 1 byte/s,
cut off by the server with 408) and a health probe every 0.5 s. At --kill-at of the run the
server gets kill -9 and is restarted on the same database; writes that failed meanwhile are
sent again. At the end the database is dumped (articles: URL, content hash, sentence count) and
compared with a clean run that stores the same acknowledged articles without a kill.

Prints requests, errors, p50/p99/max per kind, health latency, heap after a full GC (after the
warm-up, before the kill, after the restart and at the end) and whether the databases are equal;
writes the same as JSON to OUT/soak.json. Exit 1 when an error, lost article or slow health showed.
Needs Java 17+ (java, jcmd), Maven's offline repository for the PostgreSQL jars, Python 3.8+.
"""
import argparse
import gzip
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "multinews-val.jsonl.gz")
DELIBERATE = {408, 413, 503}  # slow clients cut off, overload refused


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stats:
    """Latencies and statuses per request kind, shared by the load threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.kinds = {}
        self.errors = []
        self.down = False  # between the kill and the restarted server's first answer
        self.generation = 0  # servers killed so far

    def add(self, kind, status, seconds, detail="", generation=None):
        with self.lock:
            k = self.kinds.setdefault(kind, {"latencies": [], "statuses": {}, "outage": 0})
            # a request cut by the kill (started before it, failed after) belongs to the outage
            in_outage = self.down or (generation is not None and generation != self.generation)
            if in_outage and (status is None or status >= 500):
                k["outage"] += 1
                return
            k["latencies"].append(seconds)
            key = str(status) if status is not None else "conn"
            k["statuses"][key] = k["statuses"].get(key, 0) + 1
            if status is None or (status >= 400 and status not in DELIBERATE):
                self.errors.append("%s %s %s" % (kind, key, detail[:160]))

    def summary(self):
        out = {}
        for kind, k in sorted(self.kinds.items()):
            lat = sorted(k["latencies"])
            n = len(lat)
            pick = lambda q: round(lat[min(n - 1, int(q * n))] * 1000, 1) if n else None
            out[kind] = {"requests": n, "statuses": k["statuses"], "during_outage": k["outage"],
                         "p50_ms": pick(0.5), "p99_ms": pick(0.99), "max_ms": round(lat[-1] * 1000, 1) if n else None}
        return out


class Server:
    def __init__(self, jar, db, log, heap):
        self.jar, self.db, self.log, self.heap = jar, db, log, heap
        self.port = free_port()
        self.proc = None

    def start(self):
        out = open(self.log, "ab")
        self.proc = subprocess.Popen(
            # the heap figures' GC.run is a concurrent G1 cycle, not a stop-the-world full GC that
            # would stall every request (health included) for up to a second on a loaded machine
            ["java", "-Xmx" + self.heap, "-XX:+UseG1GC", "-XX:+ExplicitGCInvokesConcurrent", "-jar",
             self.jar, "serve", "--db", self.db,
             "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=out, stderr=subprocess.STDOUT, preexec_fn=lambda: os.umask(0o077))
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited with %d (see %s)" % (self.proc.returncode, self.log))
            try:
                if request(self.port, "GET", "/api/health", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError("server did not answer within 120 s")

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def heap_mb(self):
        """Heap in use after a concurrent G1 cycle, in MiB (jcmd), or None."""
        try:
            subprocess.run(["jcmd", str(self.proc.pid), "GC.run"], capture_output=True, timeout=60)
            info = subprocess.run(["jcmd", str(self.proc.pid), "GC.heap_info"], capture_output=True,
                                  timeout=60).stdout.decode()
            m = re.search(r"used (\d+)K", info)
            return round(int(m.group(1)) / 1024, 1) if m else None
        except (OSError, subprocess.TimeoutExpired):
            return None


def request(port, method, path, body=None, headers=None, timeout=60):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


class Load:
    def __init__(self, server, stats, clusters, deadline, seed):
        self.server, self.stats, self.clusters = server, stats, clusters
        self.deadline = deadline
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.next_doc = 0
        self.docs = [(c["id"], i, d) for c in clusters for i, d in enumerate(c["documents"])]
        self.acknowledged = []  # article batches the server stored (201/200), in order
        self.pending = []  # batches whose write failed during the outage
        self.story_ids = []

    def timed(self, kind, method, path, body=None, headers=None, timeout=60):
        t0 = time.time()
        generation = self.stats.generation
        try:
            status, data = request(self.server.port, method, path, body, headers, timeout)
        except (OSError, http.client.HTTPException) as e:
            self.stats.add(kind, None, time.time() - t0, repr(e), generation)
            time.sleep(0.2)  # the server is down: retry, but do not spin
            return None, None
        self.stats.add(kind, status, time.time() - t0, data[:160].decode("utf-8", "replace"), generation)
        return status, data

    def batch(self):
        with self.lock:
            n = self.rng.randint(1, 3)
            picked = self.docs[self.next_doc:self.next_doc + n]
            self.next_doc += n
        return [{"id": "%s-%d" % (cid, i), "url": "https://soak.example/%s/%d" % (cid, i), "text": d}
                for cid, i, d in picked]

    def write(self, articles):
        status, data = self.timed("write", "POST", "/api/articles", json.dumps(articles).encode(),
                                  {"Content-Type": "application/json"}, timeout=120)
        if status in (200, 201):
            with self.lock:
                self.acknowledged.append(articles)
                for a in json.loads(data)["articles"]:
                    if a.get("storyId"):
                        self.story_ids.append(a["storyId"])
        else:
            with self.lock:
                self.pending.append(articles)

    def writer(self):
        while time.time() < self.deadline:
            articles = self.batch()
            if not articles:
                return
            self.write(articles)
            time.sleep(0.2)

    def reader(self):
        while time.time() < self.deadline:
            r = self.rng.random()
            if r < 0.3 or not self.story_ids:
                self.timed("list", "GET", "/api/stories?page=%d&size=20" % self.rng.randint(1, 3))
            else:
                with self.lock:
                    sid = self.rng.choice(self.story_ids)
                self.timed("story", "GET", "/api/stories/%d" % sid)

    def summarizer(self, facts_share, kind):
        while time.time() < self.deadline:
            c = self.rng.choice(self.clusters)
            body = {"articles": [{"text": d} for d in c["documents"][:10]], "words": 100,
                    "facts": self.rng.random() < facts_share}
            self.timed(kind, "POST", "/api/summarize", json.dumps(body).encode(),
                       {"Content-Type": "application/json"}, timeout=120)

    def slow_client(self):
        while time.time() < self.deadline:
            t0 = time.time()
            generation = self.stats.generation
            status = None
            try:
                s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
                s.sendall(b"POST /api/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          b"Content-Length: 100000\r\n\r\n{")
                s.settimeout(1)
                answer = b""
                while time.time() < min(self.deadline + 5, t0 + 60) and not answer:
                    try:
                        s.sendall(b" ")
                        answer = s.recv(100)
                    except socket.timeout:
                        continue
                    except OSError:
                        break
                s.close()
                m = re.match(rb"HTTP/1\.1 (\d+)", answer)
                status = int(m.group(1)) if m else None
            except OSError:
                time.sleep(1)
            if time.time() < self.deadline:
                self.stats.add("slow", status, time.time() - t0, "no answer", generation)

    def health(self, latencies):
        while time.time() < self.deadline:
            t0 = time.time()
            generation, was_down = self.stats.generation, self.stats.down
            try:
                status, _ = request(self.server.port, "GET", "/api/health", timeout=10)
            except OSError:
                status = None
            took = time.time() - t0
            # a probe sent while the server was down or starting again (it waits for the new
            # server's first answer) belongs to the outage, as the other kinds' requests do
            if not was_down and not self.stats.down and generation == self.stats.generation:
                latencies.append((t0, took, status))
            time.sleep(max(0, 0.5 - took))


def load_clusters(limit):
    clusters = []
    with gzip.open(DATA, "rt", encoding="utf-8") as h:
        for line in h:
            c = json.loads(line)
            # articles the cleaner keeps whole: a Multi-News document under 200 characters is
            # mostly a notice and may leave nothing, which the server rightly refuses (400)
            c["documents"] = [d for d in c["documents"] if len(d) > 200]
            if len(c["documents"]) >= 2:
                clusters.append(c)
            if len(clusters) >= limit:
                break
    return clusters


def start_postgres(work):
    cpfile = os.path.join(work, "pg-classpath.txt")
    # the store module's test classpath holds zonky and its PostgreSQL binaries (offline, ~/.m2);
    # compile (a no-op when built) lets the reactor resolve precis-core without installing it
    subprocess.run(["mvn", "-B", "-o", "-q", "compile", "dependency:build-classpath", "-pl", "precis-store",
                    "-am", "-Dspotless.apply.skip=true", "-Dspotless.check.skip=true",
                    "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + cpfile], cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    cp = open(cpfile).read().strip()
    port = free_port()
    proc = subprocess.Popen(["java", "-cp", cp, os.path.join(ROOT, "scripts", "soak", "EmbeddedPg.java"),
                             os.path.join(work, "pgdata"), str(port), "soak", "clean"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(os.path.join(work, "pg.log"), "wb"))
    line = proc.stdout.readline().decode().strip()
    if line != "ready":
        raise RuntimeError("embedded PostgreSQL did not start (see pg.log)")
    return proc, port


def dump(jar, url, out):
    args = ["java", "-cp", jar, os.path.join(ROOT, "scripts", "soak", "DbDump.java"), url]
    if url.startswith("jdbc:postgresql"):
        args += ["postgres", "postgres"]
    p = subprocess.run(args, capture_output=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("dump failed: " + p.stderr.decode()[-300:])
    with open(out, "wb") as h:
        h.write(p.stdout)
    lines = p.stdout.decode().splitlines()
    return [l for l in lines if not l.startswith("#")], {l.split(" ", 1)[1].rsplit(" ", 1)[0]: int(l.rsplit(" ", 1)[1]) for l in lines if l.startswith("#")}


def main():
    ap = argparse.ArgumentParser(description="bounded soak with kill -9 (see the module doc)")
    ap.add_argument("--db", choices=["h2", "pg"], default="h2")
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--kill-at", type=float, default=0.5, help="share of the run at which to kill -9")
    ap.add_argument("--jar", default=os.path.join(ROOT, "precis-cli", "target", "precis.jar"))
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--out", default=None)
    ap.add_argument("--readers", type=int, default=3)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--slow", type=int, default=4)
    a = ap.parse_args()
    work = a.out or tempfile.mkdtemp(prefix="precis-soak-")
    os.makedirs(work, exist_ok=True)
    jar = os.path.join(work, "precis.jar")
    shutil.copy(a.jar, jar)  # a rebuild during the run must not change the server under test
    clusters = load_clusters(2000)
    pg = None
    if a.db == "pg":
        pg, pg_port = start_postgres(work)
        url = "jdbc:postgresql://127.0.0.1:%d/soak?user=postgres&password=postgres" % pg_port
        clean_url = "jdbc:postgresql://127.0.0.1:%d/clean?user=postgres&password=postgres" % pg_port
        db, clean_db = url, clean_url
    else:
        shutil.rmtree(os.path.join(work, "h2"), ignore_errors=True)
        db = os.path.join(work, "h2", "soak")
        clean_db = os.path.join(work, "h2", "clean")
        url, clean_url = "jdbc:h2:file:" + db, "jdbc:h2:file:" + clean_db
    result = {"db": a.db, "minutes": a.minutes}
    try:
        server = Server(jar, db, os.path.join(work, "server.log"), a.heap)
        server.start()
        stats = Stats()
        start = time.time()
        deadline = start + a.minutes * 60
        load = Load(server, stats, clusters, deadline, 7)
        health = []
        threads = [threading.Thread(target=load.reader) for _ in range(a.readers)]
        threads += [threading.Thread(target=load.writer) for _ in range(a.writers)]
        threads += [threading.Thread(target=load.summarizer, args=(0.0, "summarize")),
                    threading.Thread(target=load.summarizer, args=(1.0, "facts"))]
        threads += [threading.Thread(target=load.slow_client) for _ in range(a.slow)]
        threads += [threading.Thread(target=load.health, args=(health,))]
        for t in threads:
            t.daemon = True
            t.start()
        heap = {}
        kill_time = start + a.kill_at * a.minutes * 60
        time.sleep(max(0, min(60, (kill_time - start) / 2)))
        heap["after warm-up"] = server.heap_mb()
        time.sleep(max(0, kill_time - time.time() - 5))
        heap["before kill"] = server.heap_mb()
        time.sleep(max(0, kill_time - time.time()))
        stats.down = True
        stats.generation += 1
        t_kill = time.time()
        server.kill9()
        server.start()
        restart_s = time.time() - t_kill
        stats.down = False
        result["restart_s"] = round(restart_s, 1)
        time.sleep(max(0, min(60, (deadline - time.time()) / 2)))
        heap["after restart"] = server.heap_mb()
        for t in threads:
            t.join(max(1, deadline - time.time() + 130))
        heap["end"] = server.heap_mb()
        for articles in list(load.pending):  # the writes the outage refused, sent again
            load.pending.remove(articles)
            load.write(articles)
        _, answer = request(server.port, "GET", "/api/health")
        result["health_at_end"] = json.loads(answer)
        server.stop()
        result["elapsed_s"] = round(time.time() - start)
        result["kinds"] = stats.summary()
        result["errors"] = stats.errors[:50]
        result["error_count"] = len(stats.errors)
        lat = [t for _, t, s in health]
        result["health"] = {"probes": len(lat), "max_ms": round(max(lat) * 1000, 1) if lat else None,
                            "over_1s": sum(1 for t in lat if t > 1.0),
                            "failed": sum(1 for _, _, s in health if s != 200),
                            # when the slow ones came, in seconds from the start (kill at kill_s)
                            "over_1s_at_s": [round(t0 - start) for t0, t, _ in health if t > 1.0],
                            "kill_s": round(t_kill - start)}
        result["heap_mb_after_full_gc"] = heap
        result["acknowledged_writes"] = len(load.acknowledged)
        result["acknowledged_articles"] = sum(len(b) for b in load.acknowledged)
        result["unsent_writes"] = len(load.pending)
        soak_rows, soak_counts = dump(jar, url, os.path.join(work, "soak-dump.txt"))
        # the clean run: the same articles, stored without a kill, 50 a request
        clean = Server(jar, clean_db, os.path.join(work, "clean.log"), a.heap)
        clean.start()
        flat = [x for b in load.acknowledged for x in b]
        for i in range(0, len(flat), 50):
            status, _ = request(clean.port, "POST", "/api/articles", json.dumps(flat[i:i + 50]).encode(),
                                {"Content-Type": "application/json"}, timeout=600)
            if status not in (200, 201):
                raise RuntimeError("clean run: status %d" % status)
        clean.stop()
        clean_rows, clean_counts = dump(jar, clean_url, os.path.join(work, "clean-dump.txt"))
        result["database"] = {"soak": soak_counts, "clean": clean_counts,
                              "articles_equal": soak_rows == clean_rows,
                              "only_in_soak": len(set(soak_rows) - set(clean_rows)),
                              "only_in_clean": len(set(clean_rows) - set(soak_rows))}
    finally:
        if pg:
            pg.stdin.close()
            pg.wait(60)
    with open(os.path.join(work, "soak.json"), "w") as h:
        json.dump(result, h, indent=1)
    print(json.dumps(result, indent=1))
    bad = (result["error_count"] > 0 or not result["database"]["articles_equal"]
           or result["health"]["over_1s"] > 0 or result["health"]["failed"] > 0)
    print("soak %s: %s (details in %s)" % (a.db, "FAILED" if bad else "passed", work))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
