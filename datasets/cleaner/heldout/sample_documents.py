"""Samples the held-out documents of the cleaner set (seeded), disjoint from the development set.

Run from the repository root with ../shared present:
  python3 datasets/cleaner/heldout/sample_documents.py
4 MultiLing 2011 English articles not in the development set; 10 Multi-News validation articles
from clusters 2000-2999 (6 among those containing common furniture words, 4 among all).
"""
import glob, gzip, json, os, random

rng = random.Random(90210)
used = {json.loads(l)["doc"] for l in open("datasets/cleaner/documents.jsonl", encoding="utf-8")}
out = []
files = [p for p in sorted(glob.glob("../shared/data/multiling2011-en/docs/M*/*"))
         if "multiling2011-en/docs/" + os.path.relpath(p, "../shared/data/multiling2011-en/docs") not in used]
for path in rng.sample(files, 4):
    out.append({"doc": "multiling2011-en/docs/" + os.path.relpath(path, "../shared/data/multiling2011-en/docs"),
                "source": "multiling", "text": open(path, encoding="utf-8").read()})
docs = []
with gzip.open("../shared/data/multinews-val.jsonl.gz", "rt", encoding="utf-8") as f:
    for n, line in enumerate(f):
        if n < 2000:
            continue
        if n >= 3000:
            break
        c = json.loads(line)
        for i, d in enumerate(c["documents"]):
            docs.append(("multinews-val/%s/%d" % (c["id"], i), d))
markers = ("enlarge this image", "advertisement", "getty images", "( photo", "associated press )",
           "image copyright", "sign up", "newsletter", "click here", "continue reading", "( @",
           "read more", "playback")
furnished = [d for d in docs if any(m in d[1].lower() for m in markers) and len(d[1]) < 1800]
for doc, text in rng.sample(furnished, 6) + rng.sample([d for d in docs if len(d[1]) < 1500], 4):
    out.append({"doc": doc, "source": "multinews", "text": text})
with open("datasets/cleaner/heldout/documents.jsonl", "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), "documents")
