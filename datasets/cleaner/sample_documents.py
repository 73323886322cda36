"""Samples the documents of the cleaner's labelled set (seeded) into documents.jsonl.

Run from the repository root with ../shared present:  python3 datasets/cleaner/sample_documents.py
Sources: the bundled example (all 5 articles), MultiLing 2011 English (one article from each of
the 10 topics, seeded), Multi-News validation (12 articles: 8 seeded among those that contain
common page-furniture words, 4 seeded among all).
"""
import glob, gzip, json, os, random

rng = random.Random(20171204)
out = []
for path in sorted(glob.glob("examples/tillerson-lavrov-2017/*.txt")):
    out.append({"doc": path, "source": "example", "text": open(path, encoding="utf-8").read()})
for topic in sorted(glob.glob("../shared/data/multiling2011-en/docs/M*")):
    files = sorted(glob.glob(topic + "/*"))
    path = rng.choice(files)
    out.append({"doc": "multiling2011-en/docs/" + os.path.relpath(path, "../shared/data/multiling2011-en/docs"),
                "source": "multiling", "text": open(path, encoding="utf-8").read()})
docs = []
with gzip.open("../shared/data/multinews-val.jsonl.gz", "rt", encoding="utf-8") as f:
    for n, line in enumerate(f):
        if n >= 1000:
            break
        c = json.loads(line)
        for i, d in enumerate(c["documents"]):
            docs.append(("multinews-val/%s/%d" % (c["id"], i), d))
markers = ("enlarge this image", "advertisement", "getty images", "( photo", "associated press )",
           "image copyright", "sign up", "newsletter", "click here", "continue reading")
furnished = [d for d in docs if any(m in d[1].lower() for m in markers) and len(d[1]) < 2500]
for doc, text in rng.sample(furnished, 8) + rng.sample([d for d in docs if len(d[1]) < 2000], 4):
    out.append({"doc": doc, "source": "multinews", "text": text})
with open("datasets/cleaner/documents.jsonl", "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), "documents")
