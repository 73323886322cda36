"""Builds gold.jsonl from the candidate boundaries of the cleaned paragraphs: each candidate
is a boundary when the splitter-independent rule below says so, unless listed by hand in Y (is a
boundary), N (is not) or Q (boundary after the closing quote or bracket). The held-out set calls
build() with its own inputs and overrides (heldout/build_gold.py)."""
import json, re
ABBR=set('mr mrs ms dr prof gen sen rep gov lt col sgt capt st jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m d.c e.g i.e rev mt ft adm maj pres supt fla calif ariz tenn n.y ave blvd'.split())


def build(paras_path, cands_path, out, Y, N, Q):
  paras=[json.loads(l) for l in open(paras_path)]
  cands=json.load(open(cands_path))
  bounds={}
  for k,(pi,j,prev,punct,nxt) in enumerate(cands):
    p=prev.lower().strip('(').rstrip('.')
    prop = (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in '"“\'(') and p not in ABBR and not (len(p)==1 and p.isalpha())
    if k in Y: d='Y'
    elif k in N: d='N'
    elif k in Q: d='Q'
    else: d='Y' if prop else 'N'
    t=paras[pi]['text']
    if d=='N': continue
    if d=='Q':
      # the closing quote (one) and closing brackets set off by spaces join the sentence before
      quote=False
      while True:
        m=re.match(r'([\"”’]|[)\]]) +', t[j:])
        if not m or (m.group(1) in '"”’' and quote): break
        quote |= m.group(1) in '"”’'
        j+=m.end()
      if j>=len(t): continue
    bounds.setdefault(pi,set()).add(j)
  n=0
  with open(out,'w') as f:
    for pi,o in enumerate(paras):
      t=o['text']; b=sorted(bounds.get(pi,()))
      cuts=[0]+b+[len(t)]
      sents=[t[cuts[i]:cuts[i+1]].strip() for i in range(len(cuts)-1)]
      assert all(sents), (pi, sents)
      n+=len(sents)-1
      f.write(json.dumps({'source':o['source'],'doc':o['doc'],'sentences':sents}, ensure_ascii=False)+'\n')
  print('paragraphs',len(paras),'boundaries',n)



if __name__ == '__main__':
  Y={276,313,321,322,324,343,349,356,366,369,447,453,454,455,489,490,512,529,553,590,591,600,609}
  N={297,301,314,372,427,496,503,601,629}
  Q={285,320,327,329,336,350,351,352,357,362,367,371,373,398,428,477,479,538,540,543,545,547,548,577,589,593,594,627,644,646}
  build('/tmp/textdbg/paras.jsonl', '/tmp/textdbg/cands.json', 'datasets/sentences/gold.jsonl', Y, N, Q)
