import json, re
paras=[json.loads(l) for l in open('/tmp/textdbg/hparas.jsonl')]
cands=json.load(open('/tmp/textdbg/hcands.json'))
ABBR=set('mr mrs ms dr prof gen sen rep gov lt col sgt capt st jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m d.c e.g i.e rev mt ft adm maj pres supt fla calif ariz tenn n.y ave blvd'.split())
Y={146,159,174,177,214,215}
N={104,152,172,175,178}
Q={50,76,95,116,145,147,150,155,161,187,188,206,222}
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
with open('datasets/sentences/heldout/gold.jsonl','w') as f:
  for pi,o in enumerate(paras):
    t=o['text']; b=sorted(bounds.get(pi,()))
    cuts=[0]+b+[len(t)]
    sents=[t[cuts[i]:cuts[i+1]].strip() for i in range(len(cuts)-1)]
    assert all(sents), (pi, sents)
    n+=len(sents)-1
    f.write(json.dumps({'source':o['source'],'doc':o['doc'],'sentences':sents}, ensure_ascii=False)+'\n')
print('paragraphs',len(paras),'boundaries',n)
