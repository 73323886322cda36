import json
docs = [json.loads(l) for l in open('datasets/cleaner/documents.jsonl')]
by = {d['doc']: d for d in docs}
rows = []
def lines(doc):
    return [l.strip() for l in by[doc]['text'].replace('\r', '\n').split('\n') if l.strip()]
def find_idx(doc, starts):
    ls = lines(doc); out = set()
    for s in starts:
        m = [i for i, l in enumerate(ls) if l.replace('\u00a0', ' ').startswith(s)]
        assert m, (doc, s)
        out.update(m)
    return out
ex = 'examples/tillerson-lavrov-2017/'
drops = {
 ex+'000_515ca8f868a92c0a.txt': ['Tillerson speaks with Russian', '\u00a9 Getty'],
 ex+'001_ca37071262df76cd.txt': ['Accessibility links', 'Breaking News', 'West-Russia Tensions', 'Tillerson Says Russia Should',
     'please wait', 'No media source', '0:00', 'WATCH:', "Putin Claims Chemical 'Provocation' Is", 'Putin Lashes Out',
     'Western Condemnation', 'With reporting by', '\u2022 16x9', 'RFE/RL', 'If you are in Russia', 'To find out more'],
 ex+'002_b43aeb62289b5789.txt': ['Tillerson Pushes Russia', 'Follow CBSMIAMI', 'Read more', 'f', 'We and our partners use cookies'],
 ex+'003_360affecd95d8f15.txt': ['Tillerson: Relations Between', 'Russian Deputy Permanent Representative', '\u2022 Leroy Wright'],
 ex+'004_21521fe50acf361f.txt': ['Published:', 'World | By', 'Russian Federation to reopen', 'Like this:'],
}
for d in docs:
    if d['source'] == 'multinews':
        continue
    doc = d['doc']
    if d['source'] == 'example':
        ds = find_idx(doc, drops[doc])
    else:
        ds = {0, 1}
        extra = {'multiling2011-en/docs/M002/M0023.english': ['An inflatable British patrol boat'],
                 'multiling2011-en/docs/M006/M0060.english': ['A map indicating', 'Aid appeals and']}.get(doc, [])
        ds |= find_idx(doc, extra)
    for i, l in enumerate(lines(doc)):
        rows.append((d['source'], doc, 'drop' if i in ds else 'keep', l))

# lines of the example with furniture inside: cut into units at the furniture boundaries
SPLIT = {
 ('examples/tillerson-lavrov-2017/000_515ca8f868a92c0a.txt', 'Secretary of State Rex TillersonRex'):
   [('keep', 'Secretary of State Rex Tillerson'), ('drop', 'Rex Wayne TillersonHow the US'), ('keep', 'spoke with his Russian')],
}
out = []
for r in rows:
    key = next((k for k in SPLIT if k[0] == r[1] and r[3].startswith(k[1])), None)
    if key is None:
        out.append(r)
        continue
    t = r[3]; units = SPLIT[key]; starts = [t.index(u[1]) for u in units]
    for k, (lab, _) in enumerate(units):
        end = starts[k + 1] if k + 1 < len(units) else len(t)
        out.append((r[0], r[1], lab, t[starts[k]:end].strip()))
rows = out

MN = {
'multinews-val/mn-val-45388/1': [
 ('D', "Close skip in skip"), ('D', "' new york times'reporter"), ('D', "usa today network"), ('D', "president trump and first lady"),
 ('D', "( photo: susan walsh"), ('K', "the new york times features reporter"), ('K', '" i want to take ownership'),
 ('K', "Bernstein, 38,"), ('D', "This is a four part tweet."), ('D', "— jacob bernstein"), ('K', "bernstein said he was at a party"),
 ('K', "he was speaking to actress"), ('D', "2. Speaking at a party"), ('D', "— jacob bernstein"), ('K', "he said his editors made"),
 ('K', "he concluded by"), ('D', "3. My editors"), ('D', "— jacob bernstein"), ('D', "4. My mistake"), ('D', "— jacob bernstein"),
 ('K', "after ratajkowski"), ('K', '" at a party last night'), ('K', "The comment was not"), ('K', "Editors have talked")],
'multinews-val/mn-val-45452/2': [
 ('D', "Breaking news emails"), ('D', "The news and stories that matter"), ('D', "/ updated by maggie fox"), ('K', "breast implants can cause"),
 ('K', "The cancer is called"), ('D', "Surgeon holding"), ('D', "Mauro fermariello"), ('K', '"all of the information'),
 ('K', "Breast augmentation is"), ('K', "More than 300,000"), ('K', "So the cancer would be")],
'multinews-val/mn-val-45235/0': [
 ('D', "National archives"), ('K', "yes, it's that time again"), ('K', "It's the first friday"), ('K', "A fresh update"),
 ('K', "Nonfarm employment"), ('K', "The jobless rate"), ('K', "Street consensus"), ('K', "Here at moneybeat"),
 ('D', "Feel free to weigh-in"), ('D', "And while you're here"), ('D', "Enjoy the show.")],
'multinews-val/mn-val-45950/0': [
 ('D', "Afghanistan's national army"), ('D', "An explosion at the u.s. Airfield..."), ('K', "kabul, afghanistan ( ap )"),
 ('K', "U.s. Army gen."), ('K', "He said the blast"), ('K', "The incident was being"), ('K', "An earlier statement"),
 ('K', "the taliban claimed"), ('K', "Zabihullah mujahid"), ('K', "The taliban regularly"), ('K', "Abdul wahid sediqqi")],
'multinews-val/mn-val-45259/0': [
 ('D', "Ride with a pro!"), ('D', "Buckle up"), ('D', "customer service center hours"), ('D', "Saturday - 8"), ('D', "Sunday - 8"),
 ('D', "Drive your vegas fantasy")],
'multinews-val/mn-val-45598/2': [
 ('D', "Sorry, this zipcode"), ('D', "Re-enter zip code"), ('D', "Get digital access")],
'multinews-val/mn-val-45423/3': [
 ('D', "Sen. Jeff flake"), ('D', "sen. Jeff flake"), ('D', "( ap photo/j."), ('K', "washington ( ap )"), ('K', "In a 50-49 vote")],
'multinews-val/mn-val-45096/0': [
 ('D', "Luckiest man on earth?"), ('K', "new york -- on the day"), ('K', "Earth... Earth."), ('K', "It is also clear"),
 ('D', "[ + ] enlarge"), ('D', "a new book says mlb"), ('D', "A-rod's big year"), ('K', "In some ways")],
'multinews-val/mn-val-45219/1': [
 ('K', "The department of fisheries"), ('K', "The endangered orca"), ('K', "The area is located"), ('K', "Officials with the department"),
 ('K', "By morning, several teeth"), ('K', '" her jaw and teeth')],
'multinews-val/mn-val-45519/0': [
 ('D', "President obama waves"), ('D', "/ jewel samad"), ('D', "obama sworn in for second"), ('K', "this afternoon, amid the pomp"),
 ('K', "But in crafting a speech"), ('K', '" sometimes you have')],
'multinews-val/mn-val-45369/0': [
 ('K', "President trump escalated"), ('K', "trump was responding"), ('K', "trump said in his tuesday tweet"),
 ('D', 'north korean leader kim jong un just stated that the "nuclear'), ('D', "will someone from his depleted"),
 ('D', "— donald j. Trump"), ('K', "the exchange represents"), ('K', "Earlier tuesday, however"), ('K', "South korea agreed"),
 ('K', "Kim said")],
'multinews-val/mn-val-44994/3': [
 ('K', "Dover, fla."), ('K', "The agent, frederick"), ('K', "Suspecting that the case"), ('K', '"fred is a passionate'), ('K', "\"he '")],
}
for d in docs:
    if d['source'] != 'multinews':
        continue
    t = d['text']; units = MN[d['doc']]
    pos = 0; starts = []
    for lab, s in units:
        i = t.find(s, pos)
        assert i >= 0, (d['doc'], s)
        starts.append(i); pos = i + len(s)
    assert starts[0] == 0, d['doc']
    for k, (lab, s) in enumerate(units):
        end = starts[k+1] if k + 1 < len(units) else len(t)
        rows.append(('multinews', d['doc'], 'drop' if lab == 'D' else 'keep', t[starts[k]:end].strip()))
with open('datasets/cleaner/lines.tsv', 'w', encoding='utf-8') as f:
    f.write('source\tdoc\tlabel\tline\n')
    for r in rows:
        assert '\t' not in r[3]
        f.write('\t'.join(r) + '\n')
import collections
print(len(rows), collections.Counter((r[0], r[2]) for r in rows))
