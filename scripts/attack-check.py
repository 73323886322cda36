#!/usr/bin/env python3
"""Repeats the attacks of the hardening review (issue 15, points 1-7) against a fresh build.

    scripts/attack-check.py [--jar precis-cli/target/precis.jar] [--only NAME]

Loopback only: every server it starts binds 127.0.0.1 on a free port; every step has a timeout.
Prints one line per check, PASS or FAIL with what was seen, and exits 1 when any check fails.
Needs Python 3.8+ and Java 17+; no other packages.
"""
import argparse
import glob
import gzip
import http.client
import io
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "tillerson-lavrov-2017")
RESULTS = []


def report(name, ok, detail):
    RESULTS.append((name, ok))
    print(("PASS " if ok else "FAIL ") + name + ": " + detail, flush=True)


def example_texts():
    texts = []
    for f in sorted(glob.glob(os.path.join(EXAMPLE, "*.txt"))):
        with open(f, encoding="utf-8") as h:
            texts.append(h.read())
    return texts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(jar, args, timeout=120, stdin=None):
    t0 = time.time()
    p = subprocess.run(
        ["java", "-Xmx1g", "-jar", jar] + args,
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), time.time() - t0


def one_line_error(err):
    lines = [l for l in err.splitlines() if l.strip()]
    return not any(l.lstrip().startswith("at ") for l in lines) and "Exception" not in err.replace("precis: error", "")


class Server:
    """A `precis serve` child on 127.0.0.1 and a free port."""

    def __init__(self, jar, db, extra=(), heap="1g"):
        self.port = free_port()
        self.db = db
        umask = os.umask(0o077)
        try:
            self.proc = subprocess.Popen(
                ["java", "-Xmx" + heap, "-jar", jar, "serve", "--db", db, "--host", "127.0.0.1",
                 "--port", str(self.port)] + list(extra),
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        finally:
            os.umask(umask)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if self.request("GET", "/api/health", timeout=2)[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.close()
        raise RuntimeError("server did not start")

    def request(self, method, path, body=None, headers=None, timeout=60):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            h = {"Host": "127.0.0.1:%d" % self.port}
            h.update(headers or {})
            if isinstance(body, str):
                body = body.encode("utf-8")
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            return r.status, r.read().decode("utf-8", "replace")
        finally:
            c.close()

    def post_json(self, path, obj, headers=None, timeout=120):
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        return self.request("POST", path, json.dumps(obj), h, timeout)

    def raw(self, data, read_timeout=5):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout)
        try:
            s.sendall(data)
            try:
                return s.recv(4096).decode("latin-1")
            except socket.timeout:
                return ""
        finally:
            s.close()

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.stdout.read().decode("utf-8", "replace")


def listening_ports(pid):
    """TCP ports in LISTEN state held by the sockets of process pid (from /proc)."""
    inodes = set()
    for fd in glob.glob("/proc/%d/fd/*" % pid):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as h:
            for line in h.readlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and cols[9] in inodes:
                    ports.add((cols[1].split(":")[0], int(cols[1].split(":")[1], 16)))
    return ports


def point1(jar, work):
    db = os.path.join(work, "p1", "data", "db")
    s = Server(jar, db)
    try:
        ports = listening_ports(s.proc.pid)
        report("1 only the HTTP port listens", {p for _, p in ports} == {s.port},
               "listening %s, HTTP %d" % (sorted(ports), s.port))
        loose = []
        for path in [os.path.dirname(db)] + glob.glob(db + "*"):
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode & 0o077:
                loose.append("%s %o" % (os.path.basename(path), mode))
        report("1 database files private", not loose, "loose: %s" % loose if loose else "dir 0700, files 0600")
    finally:
        s.close()
    code, _, err, _ = run_cli(jar, ["ingest", "--db", "jdbc:h2:" + db + ";AUTO_SERVER=TRUE", EXAMPLE])
    report("1 AUTO_SERVER URL refused", code != 0 and one_line_error(err), "exit %d %s" % (code, err.strip()[:120]))


def point2(jar, work):
    s = Server(jar, os.path.join(work, "p2", "db"), ["--api-key", "k3y"])
    slow = []
    try:
        for _ in range(80):
            c = socket.create_connection(("127.0.0.1", s.port), timeout=5)
            c.sendall(("POST /api/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k3y\r\n"
                       "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").encode())
            slow.append(c)
        worst = 0.0
        for _ in range(10):
            for c in slow:
                try:
                    c.sendall(b" ")
                except OSError:
                    pass
            t0 = time.time()
            code, _ = s.request("GET", "/api/health", timeout=10)
            worst = max(worst, time.time() - t0)
            time.sleep(1)
        report("2 health under 80 slow bodies", code == 200 and worst < 1.0, "worst %.3f s" % worst)
    finally:
        for c in slow:
            c.close()
    t0 = time.time()
    answer = s.raw(b"POST /api/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k3y\r\n"
                   b"Content-Type: application/json\r\nContent-Length: 9000000000000000000\r\n\r\n{")
    report("2 9e18-byte body refused at once", answer.startswith("HTTP/1.1 413") and time.time() - t0 < 2,
           "%s in %.2f s" % (answer.split("\r\n")[0], time.time() - t0))
    t0 = time.time()
    answer = s.raw(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   b"Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n[")
    report("2 write without key refused before body", answer.startswith("HTTP/1.1 401") and time.time() - t0 < 2,
           answer.split("\r\n")[0])
    code, _ = s.post_json("/api/summarize", {"articles": [{"text": t} for t in example_texts()]})
    report("5 /api/summarize needs the key", code == 401, "status %d" % code)
    s.close()


def point3(jar, work):
    texts = example_texts()
    s = Server(jar, os.path.join(work, "p3", "db"))
    try:
        code, body = s.post_json("/api/articles", [
            {"title": "Far future", "text": texts[0], "published": "+999999999-12-31T23:59:59Z"},
            {"title": "Year 2099", "text": texts[1], "published": "2099-01-01T00:00:00Z"}])
        report("3 extreme dates stored undated, with a warning", code in (200, 201) and "ignored publication date" in body,
               "status %d %s" % (code, body[:160]))
        code, listing = s.request("GET", "/api/stories")
        stories = json.loads(listing)
        items = stories.get("stories", stories.get("items", stories)) if isinstance(stories, dict) else stories
        bad = [st for st in items if st.get("lastSeen") and st["lastSeen"][:4] > "2030"]
        report("3 no story pinned to the future", code == 200 and not bad, "%d stories, %d future" % (len(items), len(bad)))
        pages = [s.request("GET", "/api/stories/%s" % st["id"])[0] for st in items]
        report("3 story pages answer", all(p == 200 for p in pages), str(pages))
    finally:
        s.close()
    s = Server(jar, os.path.join(work, "p3", "db"))
    out = s.close()
    report("3 restart replays", "could not replay" not in out, out.strip().splitlines()[-1][:100] if out.strip() else "")
    jl = os.path.join(work, "p3", "far.jsonl")
    with open(jl, "w") as h:
        h.write(json.dumps({"text": texts[0], "published": "+999999999-12-31T23:59:59Z"}) + "\n")
        h.write(json.dumps({"text": texts[1]}) + "\n")
    code, _, err, _ = run_cli(jar, ["stories", jl])
    report("3 stories with extreme date", code == 0 and one_line_error(err), "exit %d %s" % (code, err.strip()[:120]))
    page = os.path.join(work, "p3", "far.html")
    with open(page, "w") as h:
        h.write('<html><head><meta property="article:published_time" content="+300000000-01-01T00:00:00Z">'
                "<title>t</title></head><body><article><p>%s</p></article></body></html>" % texts[2].replace("\n", "</p><p>"))
    code, _, err, _ = run_cli(jar, ["ingest", "--db", os.path.join(work, "p3", "db2"), page])
    report("3 ingest page with extreme date", code == 0 and one_line_error(err), "exit %d %s" % (code, err.strip()[:120]))


def point4(jar, work):
    texts = example_texts()
    s = Server(jar, os.path.join(work, "p4", "db"))
    try:
        form = "text=" + texts[0][:2000]
        code, _ = s.request("POST", "/api/articles", '{"text": "%s", "x": "' % texts[0][:1000].replace('"', "") + '"}',
                            {"Content-Type": "text/plain", "Origin": "http://evil.example"})
        code2, _ = s.request("POST", "/api/articles", '{"text": "%s"}' % texts[0][:1000].replace('"', "").replace("\n", " "),
                             {"Content-Type": "text/plain;charset=UTF-8", "Sec-Fetch-Site": "cross-site"})
        code3, _ = s.request("POST", "/api/articles", form, {"Content-Type": "application/x-www-form-urlencoded"})
        report("4 cross-site writes refused", code == 403 and code2 == 403 and code3 in (403, 415),
               "Origin %d, Sec-Fetch-Site %d, form %d" % (code, code2, code3))
        # what a no-cors fetch with a Blob body sends: text/plain, and (as browsers always do on
        # a POST) the page's Origin
        code, _ = s.request("POST", "/api/articles", json.dumps({"title": "Injected", "text": texts[0]}),
                            {"Content-Type": "text/plain", "Origin": "https://evil.example"})
        n = json.loads(s.request("GET", "/api/health")[1])["articles"]
        report("4 no-cors Blob post creates nothing", code == 403 and n == 0, "status %d, articles %d" % (code, n))
        code, _ = s.request("GET", "/api/health", headers={"Host": "attacker.example:%d" % s.port})
        report("4 rebinding Host refused", code == 403, "status %d" % code)
    finally:
        s.close()


def point5(jar, work):
    s = Server(jar, os.path.join(work, "p5", "db"), heap="2g")
    try:
        deep = "<html><body>" + "<div>" * 1000000 + "text" + "</div>" * 1000000 + "</body></html>"
        t0 = time.time()
        code, body = s.request("POST", "/api/articles?title=deep", deep, {"Content-Type": "text/html"}, timeout=60)
        report("5 million-deep HTML post bounded", code in (200, 201, 400, 413) and time.time() - t0 < 5,
               "status %d in %.2f s" % (code, time.time() - t0))
    finally:
        s.close()


def point6(jar, work):
    d = os.path.join(work, "p6")
    os.makedirs(d, exist_ok=True)
    texts = example_texts()
    feed = os.path.join(d, "deep.rss")
    with open(feed, "w") as h:
        h.write('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
                "<description>" + "<b>" * 3000 + "deep" + "</b>" * 3000 + "</description></item></channel></rss>")
    folder = os.path.join(d, "folder")
    os.makedirs(folder, exist_ok=True)
    shutil.copy(feed, folder)
    shutil.copy(os.path.join(EXAMPLE, sorted(os.listdir(EXAMPLE))[0]), folder)
    code, _, err, _ = run_cli(jar, ["summarize", "--no-fetch", folder] if False else ["summarize", folder])
    report("6 deep feed in a folder skipped", code == 0 and one_line_error(err) and len(err.splitlines()) < 5,
           "exit %d, %d stderr lines" % (code, len(err.splitlines())))
    deep_json = os.path.join(d, "deep.json")
    with open(deep_json, "w") as h:
        h.write("[" * 100000 + "]" * 100000)
    code, _, err, _ = run_cli(jar, ["summarize", deep_json])
    report("6 100k-deep JSON one-line error (CLI)", code == 2 and one_line_error(err) and len(err.splitlines()) == 1,
           "exit %d %s" % (code, err.strip()[:100]))
    s = Server(jar, os.path.join(d, "db"))
    try:
        code, _ = s.request("POST", "/api/articles", "[" * 100000 + "]" * 100000, {"Content-Type": "application/json"})
        report("6 100k-deep JSON 400 (server)", code == 400, "status %d" % code)
    finally:
        s.close()
    warc = os.path.join(d, "damaged.warc.gz")
    with open(warc, "wb") as h:
        for i, t in enumerate(texts[:3]):
            h.write(gzip.compress(warc_record(i, t)))
            if i == 0:
                h.write(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ngarbage"))
        h.write(gzip.compress(warc_record(9, texts[3]))[:-40])
    code, out, err, _ = run_cli(jar, ["summarize", "--one-summary", "--format", "json", warc])
    docs = len(json.loads(out)["documents"]) if code == 0 else 0
    report("6 damaged WARC keeps good records", code == 0 and docs == 3 and "at byte 0" not in err,
           "exit %d, %d documents, %s" % (code, docs, err.strip().replace("\n", " | ")[:200]))


def warc_record(i, text, ctype=b"text/html", rtype=b"response"):
    body = ("<html><head><title>Story %d</title></head><body><article><p>" % i).encode() + \
        text.replace("\n", "</p><p>").encode() + b"</p></article></body></html>"
    if rtype == b"response":
        body = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        ct = b"application/http; msgtype=response"
    else:
        ct = ctype
    return (b"WARC/1.0\r\nWARC-Type: " + rtype + b"\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n" % i +
            b"WARC-Date: 2017-04-12T10:00:00Z\r\nWARC-Target-URI: https://news.example/%d\r\nContent-Type: " % i + ct +
            b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body + b"\r\n\r\n")


def point7(jar, work):
    d = os.path.join(work, "p7")
    os.makedirs(d, exist_ok=True)
    texts = example_texts()
    jl = os.path.join(d, "outlet.jsonl")
    with open(jl, "w") as h:
        h.write(json.dumps({"text": texts[0], "source": "<svg onload=alert(1)>", "title": "a\u202egnp.exe"}) + "\n")
    code, out, err, _ = run_cli(jar, ["stories", "--format", "markdown", jl])
    raw_tag = "<svg" in out.replace("\\<svg", "")
    report("7 markdown escapes outlets", code == 0 and not raw_tag, "exit %d, unescaped <svg: %s" % (code, raw_tag))
    code, out, err, _ = run_cli(jar, ["stories", "--format", "jsonl", jl])
    report("7 bidi overrides removed from titles", code == 0 and "\u202e" not in out and "\\u202e" not in out.lower(),
           "exit %d" % code)
    for key in ("", "   "):
        code, _, err, _ = run_cli(jar, ["serve", "--db", os.path.join(d, "db"), "--port", "0", "--api-key", key], timeout=60)
        report("7 blank --api-key %r refused" % key, code == 2 and one_line_error(err), "exit %d %s" % (code, err.strip()[:80]))
    s = Server(jar, os.path.join(d, "db"))
    try:
        code, body = s.request("POST", "/api/articles?story=" + "x" * 300, texts[0], {"Content-Type": "text/plain"})
        report("7 long ?story= is 400", code == 400 and "varchar" not in body.lower() and "column" not in body.lower(),
               "status %d %s" % (code, body[:100]))
        answer = s.raw(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Expect: 100-continue\r\nContent-Length: 999999999\r\n\r\n")
        report("7 Expect: 100-continue oversized gets 413", answer.startswith("HTTP/1.1 413"), answer.split("\r\n")[0])
    finally:
        s.close()
    warc = os.path.join(d, "binary.warc")
    with open(warc, "wb") as h:
        h.write(warc_record(1, texts[1]))
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
        h.write(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:b>\r\nWARC-Date: 2017-04-12T10:00:00Z\r\n"
                b"WARC-Target-URI: https://news.example/img\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(png)
                + png + b"\r\n\r\n")
    code, out, err, _ = run_cli(jar, ["summarize", "--one-summary", "--format", "json", warc])
    docs = len(json.loads(out)["documents"]) if code == 0 else -1
    report("7 binary resource declared text/html skipped", code == 0 and docs == 1, "exit %d, %d documents, %s" % (code, docs, err.strip()[:100]))


CHECKS = {"1": point1, "2": point2, "3": point3, "4": point4, "5": point5, "6": point6, "7": point7}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=os.path.join(ROOT, "precis-cli", "target", "precis.jar"))
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="precis-attacks-")
    try:
        for name, check in CHECKS.items():
            if a.only and name not in a.only.split(","):
                continue
            try:
                check(a.jar, work)
            except Exception as e:  # one broken check must not hide the others
                report(name + " (check itself)", False, "%s: %s" % (type(e).__name__, e))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = [n for n, ok in RESULTS if not ok]
    print("%d checks, %d failed" % (len(RESULTS), len(failed)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
