"""Samples the held-out sentence documents (seeded), disjoint from the development set:
5 MultiLing 2011 English articles not in the development set and 30 Multi-News validation
articles from clusters 3000-3999. Run from the repository root with ../shared present; the
paragraphs are then cleaned with RuleBasedCleaner and labelled as described in ../README.md."""
import glob, gzip, json, os, random
rng = random.Random(5150)
used = {json.loads(l)["doc"] for l in open("datasets/sentences/gold.jsonl", encoding="utf-8")}
out = []
files = [p for p in sorted(glob.glob("../shared/data/multiling2011-en/docs/M*/*"))
         if "multiling2011-en/docs/" + os.path.relpath(p, "../shared/data/multiling2011-en/docs") not in used]
for path in rng.sample(files, 5):
    out.append({"doc": "multiling2011-en/docs/" + os.path.relpath(path, "../shared/data/multiling2011-en/docs"),
                "source": "multiling", "text": open(path, encoding="utf-8").read()})
docs = []
with gzip.open("../shared/data/multinews-val.jsonl.gz", "rt", encoding="utf-8") as f:
    for n, line in enumerate(f):
        if n < 3000:
            continue
        if n >= 4000:
            break
        c = json.loads(line)
        for i, d in enumerate(c["documents"]):
            if 300 < len(d) < 1800:
                docs.append(("multinews-val/%s/%d" % (c["id"], i), d))
for doc, text in rng.sample(docs, 30):
    out.append({"doc": doc, "source": "multinews", "text": text})
with open("/tmp/textdbg/heldout_sent_docs.jsonl", "w") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out))
