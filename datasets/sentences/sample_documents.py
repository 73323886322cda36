import glob, gzip, json, os, random
rng = random.Random(4471)
out = []
for path in sorted(glob.glob("examples/tillerson-lavrov-2017/*.txt")):
    out.append({"doc": path, "source": "example", "text": open(path, encoding="utf-8").read()})
topics = sorted(glob.glob("../shared/data/multiling2011-en/docs/M*"))
for topic in topics:
    files = sorted(glob.glob(topic + "/*"))
    for path in rng.sample(files, 3):
        out.append({"doc": "multiling2011-en/docs/" + os.path.relpath(path, "../shared/data/multiling2011-en/docs"), "source": "multiling", "text": open(path, encoding="utf-8").read()})
docs = []
with gzip.open("../shared/data/multinews-val.jsonl.gz", "rt", encoding="utf-8") as f:
    for n, line in enumerate(f):
        if n < 1000: continue
        if n >= 2000: break
        c = json.loads(line)
        for i, d in enumerate(c["documents"]):
            if 300 < len(d) < 1800:
                docs.append(("multinews-val/%s/%d" % (c["id"], i), d))
for doc, text in rng.sample(docs, 60):
    out.append({"doc": doc, "source": "multinews", "text": text})
with open("/tmp/textdbg/sent_docs.jsonl", "w") as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + "\n")
