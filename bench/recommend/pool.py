#!/usr/bin/env python3
"""Pools the partner candidates that several rankers propose for the judged set
bench/recommend/judged-partners.jsonl, and writes a blind grading sheet.

Rankers (each proposes its top --depth partners for every source city):
  learncity  `learncity recommend --json --limit 10 CITY` (a built binary and an index of the
             shipped corpus, given with --learncity and --index);
  tfidf      a plain TF-IDF ranker: each city is the bag of words of all its documents
             (profile, initiatives, news naming it), sublinear tf x idf over cities, cosine;
  themes     theme overlap: each city's set of theme ids from its initiative documents'
             `themes` field, idf-weighted cosine;
  concepts   concept overlap: the engine's programme concepts
             (Sources/LearningCities/Resources/vocabulary/concepts.jsonl) found in each city's
             initiative documents (whole-phrase match, any language), idf-weighted cosine.

    bench/recommend/pool.py --learncity PATH --index DIR \
        --pool OUT.jsonl --sheet SHEET.txt [--depth 5] [--seed 11]

OUT.jsonl: one line per pooled pair {"source", "partner", "rankers": {name: rank}}.
SHEET.txt: the same pairs, shuffled per source and without rankers, then the initiative
titles and texts of every city involved: what the grader reads. Grades are written separately (judged-partners.jsonl).

Also usable as a library: `tfidf_rankings(corpus)` is the plain TF-IDF baseline.
"""
import argparse
import glob
import json
import math
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")
VOCAB = os.path.join(ROOT, "Sources", "LearningCities", "Resources", "vocabulary")
VI_STOPWORDS = os.path.join(ROOT, "..", "shared", "data", "vi-stopwords", "vietnamese-stopwords.txt")

SOURCES = [
    # Viet Nam (all six members)
    "vn-sa-dec", "vn-vinh", "vn-cao-lanh", "vn-ho-chi-minh-city", "vn-son-la", "vn-ha-noi",
    # Africa
    "ng-ibadan", "cm-mayo-baleo",
    # Arab States
    "tn-tunis", "jo-amman", "eg-giza",
    # Asia and the Pacific
    "jp-okayama", "cn-shanghai",
    # Europe and North America
    "ie-cork", "gb-glasgow", "de-gelsenkirchen", "fi-espoo",
    # Latin America and the Caribbean
    "co-medellin", "ar-villa-maria", "py-ybycui",
]

EN_STOPWORDS = set("""a an and are as at be been by for from has have in into is it its of on or
that the their this to was were which with who will its also city city's cities learning lifelong
unesco network global gnlc""".split())

_TONE_PAIRS = {}
for _pair, _tones in (("oa", "òóỏõọ"), ("oe", "òóỏõọ"), ("uy", "ùúủũụ")):
    for _i, _toned in enumerate(_tones):
        _TONE_PAIRS[_toned + _pair[1]] = _pair[0] + unicodedata.normalize(
            "NFC", _pair[1] + "\u0300\u0301\u0309\u0303\u0323"[_i])


def normalise(text):
    text = unicodedata.normalize("NFC", text).lower()
    for old, new in _TONE_PAIRS.items():
        text = text.replace(old, new)
    return text


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_corpus(corpus=CORPUS):
    """cities {id: record}; documents [record] (jsonl documents only)."""
    cities = {c["id"]: c for c in read_jsonl(os.path.join(corpus, "cities.jsonl"))}
    docs = []
    for path in sorted(glob.glob(os.path.join(corpus, "documents", "**", "*.jsonl"), recursive=True)):
        docs.extend(read_jsonl(path))
    return cities, docs


def cosine_rank(vectors, source, depth):
    src = vectors.get(source, {})
    norm_s = math.sqrt(sum(v * v for v in src.values()))
    scores = []
    for city, vec in vectors.items():
        if city == source or not vec or not norm_s:
            continue
        dot = sum(w * vec.get(t, 0.0) for t, w in src.items())
        if dot > 0:
            scores.append((dot / (norm_s * math.sqrt(sum(v * v for v in vec.values()))), city))
    scores.sort(key=lambda x: (-x[0], x[1]))
    return [c for _, c in scores[:depth]]


def idf_vectors(bags):
    """bags {city: Counter(term)} -> {city: {term: (1+log tf) * idf}}."""
    df = Counter()
    for bag in bags.values():
        df.update(set(bag))
    n = len(bags)
    return {city: {t: (1 + math.log(tf)) * math.log(n / df[t]) for t, tf in bag.items() if df[t] < n}
            for city, bag in bags.items()}


def tfidf_rankings(cities, docs, sources, depth):
    stop = set(EN_STOPWORDS)
    if os.path.exists(VI_STOPWORDS):
        stop |= {normalise(w.strip()) for w in open(VI_STOPWORDS, encoding="utf-8") if w.strip() and " " not in w.strip()}
    bags = defaultdict(Counter)
    for d in docs:
        words = [w for w in re.findall(r"\w+", normalise(d.get("title", "") + " " + d.get("body", "")))
                 if w not in stop and not w.isdigit() and len(w) > 1]
        for city in d.get("cities", []):
            if city in cities:
                bags[city].update(words)
    vectors = idf_vectors(bags)
    return {s: cosine_rank(vectors, s, depth) for s in sources}


def theme_rankings(cities, docs, sources, depth):
    bags = defaultdict(Counter)
    for d in docs:
        if d.get("type") != "initiative":
            continue
        for city in d.get("cities", []):
            for theme in d.get("themes", []):
                bags[city][theme] = 1
    vectors = idf_vectors(bags)
    return {s: cosine_rank(vectors, s, depth) for s in sources}


def concept_rankings(cities, docs, sources, depth, vocabulary=VOCAB):
    forms = []
    for c in read_jsonl(os.path.join(vocabulary, "concepts.jsonl")):
        for lang in ("en", "vi"):
            for f in c["forms"].get(lang, []):
                forms.append((re.compile(r"(?<!\w)" + re.escape(normalise(f)) + r"(?!\w)"), c["id"]))
    bags = defaultdict(Counter)
    for d in docs:
        if d.get("type") != "initiative":
            continue
        text = normalise(d.get("title", "") + "\n" + d.get("body", ""))
        found = {cid for rx, cid in forms if rx.search(text)}
        for city in d.get("cities", []):
            for cid in found:
                bags[city][cid] = 1
    vectors = idf_vectors(bags)
    return {s: cosine_rank(vectors, s, depth) for s in sources}


def learncity_rankings(binary, index, sources, depth):
    out = {}
    for s in sources:
        result = subprocess.run([binary, "recommend", "--index", index, "--json", "--limit", "10", s],
                                capture_output=True, text=True, check=True)
        out[s] = [p["id"] for p in json.loads(result.stdout)["partners"]][:depth]
    return out


def programme_text(city, cities, docs):
    """The city's initiatives (English where both languages exist) for the grader."""
    name = cities[city]["name"]
    own = [d for d in docs if d.get("type") == "initiative" and city in d.get("cities", [])]
    english_ids = {d["id"][:-3] for d in own if d["id"].endswith("-en")}
    lines = []
    for d in own:
        if d["lang"] == "vi" and d["id"][:-3] in english_ids:
            continue
        lines.append(f"  - {d['title']}: {d['body']}")
    if not lines:
        lines.append(f"  (no initiative documents; profile only: {cities[city].get('summary', '')})")
    return f"{name} ({city}, {cities[city].get('country')}, {cities[city].get('region')})\n" + "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learncity", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--pool", required=True)
    parser.add_argument("--sheet", required=True)
    parser.add_argument("--depth", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    cities, docs = load_corpus()
    missing = [s for s in SOURCES if s not in cities]
    if missing:
        sys.exit(f"pool.py: source cities not in corpus/cities.jsonl: {missing}")
    rankings = {
        "learncity": learncity_rankings(args.learncity, args.index, SOURCES, args.depth),
        "tfidf": tfidf_rankings(cities, docs, SOURCES, args.depth),
        "themes": theme_rankings(cities, docs, SOURCES, args.depth),
        "concepts": concept_rankings(cities, docs, SOURCES, args.depth),
    }
    pairs = {}
    for name, by_source in rankings.items():
        for s, partners in by_source.items():
            for rank, p in enumerate(partners, 1):
                pairs.setdefault((s, p), {})[name] = rank
    with open(args.pool, "w", encoding="utf-8") as f:
        for (s, p), rankers in sorted(pairs.items()):
            f.write(json.dumps({"source": s, "partner": p, "rankers": rankers}, ensure_ascii=False) + "\n")
    order = sorted(pairs)
    random.Random(args.seed).shuffle(order)
    # Per source, its candidates in shuffled order (the ranker is never shown), then every
    # city's programmes once.
    by_source = defaultdict(list)
    for s, p in order:
        by_source[s].append(p)
    with open(args.sheet, "w", encoding="utf-8") as f:
        f.write("CANDIDATES (source: partners, shuffled)\n")
        for s in SOURCES:
            f.write(f"{s}: {' '.join(by_source[s])}\n")
        f.write("\nPROGRAMMES\n")
        for city in sorted({c for pair in pairs for c in pair}):
            f.write(programme_text(city, cities, docs) + "\n\n")
    print(f"{len(pairs)} pairs for {len(by_source)} source cities; "
          + ", ".join(f"{name}: {sum(len(v) for v in r.values())}" for name, r in rankings.items()))


if __name__ == "__main__":
    main()
