"""Hand labels of the held-out cleaner set, written before the cleaner was run on these documents.
Run from the repository root: python3 datasets/cleaner/heldout/label_lines.py"""
import json, collections
D = 'datasets/cleaner/heldout/'
docs = [json.loads(l) for l in open(D + 'documents.jsonl', encoding='utf-8')]
rows = []
ML_DROP = {'multiling2011-en/docs/M002/M0027.english': ['Margaret Beckett']}
for d in docs:
    if d['source'] != 'multiling':
        continue
    lines = [l.strip() for l in d['text'].split('\n') if l.strip()]
    extra = {i for i, l in enumerate(lines) for s in ML_DROP.get(d['doc'], []) if l.startswith(s)}
    for i, l in enumerate(lines):
        rows.append(('multiling', d['doc'], 'drop' if i in {0, 1} | extra else 'keep', l))
MN = {
'multinews-val/mn-val-47488/0': [('K', 'British-born actress'), ('K', '" i became an american'), ('K', 'Last week on'),
  ('K', "\" i ' m not sure"), ('K', '" people ask me'), ('K', 'the reaction on twitter'), ('D', 'Bet #emilyblunt'),
  ('D', '— angiesenseiofsarcasm'), ('D', 'so #emilyblunt'), ('D', '— wayne dupree'), ('D', '#emilyblunt makes')],
'multinews-val/mn-val-47631/2': [('D', 'Need for fillings'), ('K', 'dentists have devised'), ('K', 'The therapy works'),
  ('K', 'Normally, this mechanism'), ('K', 'Now scientists have shown'), ('D', 'No more fillings as dentists'),
  ('K', 'prof paul sharpe')],
'multinews-val/mn-val-47277/0': [('D', 'Advertisement continue reading'), ('K', 'an american scientist'),
  ('K', 'An investigative panel'), ('K', 'Dr. Mann said he was'), ('K', 'An earlier report'), ('K', 'The new report did'),
  ('K', 'The allegations arose'), ('K', 'In one, a british'), ('K', 'the e-mail messages led')],
'multinews-val/mn-val-47147/0': [('D', 'File - this 1990'), ('D', 'Italian media reported'), ('K', 'milan ( ap )'),
  ('K', 'He was 87.'), ('K', 'Riina died hours'), ('K', 'The justice ministry confirmed'), ('K', "Riina, one of sicily's"),
  ('K', 'He was captured'), ('K', 'During the height')],
'multinews-val/mn-val-46976/1': [('D', 'One of the lowest apartments'), ('D', 'British officials have ordered...'),
  ('K', 'london ( ap )'), ('K', 'May said friday'), ('K', 'she says she asked'), ('K', 'the northwest london borough')],
'multinews-val/mn-val-47097/1': [('D', 'Photo by franco'), ('K', 'pope benedict xvi stunned'), ('K', 'He will be the first pope'),
  ('K', 'His resignation raises'), ('D', 'L.v. Anderson l.v.'), ('K', 'Should i still call him'), ('K', "we don't know yet"),
  ('K', 'Pope gregory xii'), ('K', "We also don't know"), ('K', "He won't automatically")],
'multinews-val/mn-val-47645/0': [('K', 'Salem, ore.'), ('K', 'District officials say'), ('K', 'Oregon law says'),
  ('K', 'It also requires'), ('K', '"i spoke to a legislator'), ('K', 'Govus said a recent')],
'multinews-val/mn-val-47040/1': [('D', 'Emergency responders in hazmat'), ('K', 'a joke by an american'),
  ('K', 'An unidentified passenger'), ('K', 'Initial reports by'), ('K', 'the shout caused'), ('K', 'Once the plane landed')],
'multinews-val/mn-val-47416/0': [('D', 'File -- in this june 30'), ('D', 'Portland is bracing'), ('D', 'file -- in this june 30'),
  ('D', 'Portland is bracing'), ('K', 'portland, ore. ( ap )'), ('K', 'A reporter for the oregonian'),
  ('K', 'Eder campuzano'), ('K', 'Police deployed'), ('K', 'Authorities say demonstrators'), ('K', 'The rally was organized')],
'multinews-val/mn-val-47926/0': [('K', "Prime minister justin trudeau's"), ('K', 'The two leaders appeared'),
  ('K', 'Obama casually joked'), ('K', "\" don't get me started"), ('K', "\" where's the stanley cup"),
  ('K', "\" i ' m sorry"), ('K', 'when his turn came')],
}
for d in docs:
    if d['source'] != 'multinews':
        continue
    t = d['text']; units = MN[d['doc']]; pos = 0; starts = []
    for lab, s in units:
        i = t.find(s, pos)
        assert i >= 0, (d['doc'], s)
        starts.append(i); pos = i + len(s)
    assert starts[0] == 0, d['doc']
    for k, (lab, s) in enumerate(units):
        end = starts[k + 1] if k + 1 < len(units) else len(t)
        rows.append(('multinews', d['doc'], 'drop' if lab == 'D' else 'keep', t[starts[k]:end].strip()))
with open(D + 'lines.tsv', 'w', encoding='utf-8') as f:
    f.write('source\tdoc\tlabel\tline\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')
print(len(rows), collections.Counter((r[0], r[2]) for r in rows))
