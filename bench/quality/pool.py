#!/usr/bin/python3
"""Pools the documents that learncity and plain Xapian return for the judged queries of
bench/quality/judged-queries.jsonl and writes a blind judging sheet of the unjudged ones.

For every judged query (Vietnamese ones also typed without accents, as the benchmark runs them):
  learncity    `learncity search --json --limit DEPTH` on a learncity index of the corpus;
  plain Xapian QueryParser defaults (OR, no stemmer), BM25, on the benchmark's baseline index
               (the `baseline` folder that `learncity-bench quality --work-folder DIR` keeps).

    bench/quality/pool.py --learncity PATH --index DIR --baseline DIR \
        --pool OUT.jsonl --sheet SHEET.txt [--depth 20] [--seed 13]

OUT.jsonl: one line per query with its pooled unjudged documents and which system and form
proposed each at which rank (for the record, never shown to the judge).
A document counts as judged when judged-queries.jsonl lists it or a judging-round file beside it
(judgements-*.jsonl) has it, with any grade: a new round judges only what is new.
SHEET.txt: per query, its intent and its unjudged pooled documents in a shuffled order, with
their full text and no system or rank: what the judge reads. Grades are written separately
(bench/quality/judgements-DATE.jsonl, every grade including 0); the relevant ones are
added to the `relevant` field of judged-queries.jsonl.

Needs python3-xapian (Debian), hence /usr/bin/python3.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import unicodedata

import xapian

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JUDGED = os.path.join(ROOT, "bench", "quality", "judged-queries.jsonl")
CORPUS = os.path.join(ROOT, "corpus")


def fold(text):
    """Accents removed (đ -> d), case kept: what a user typing without accents writes."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_documents(corpus=CORPUS):
    docs = {}
    for path in sorted(glob.glob(os.path.join(corpus, "documents", "**", "*.jsonl"), recursive=True)):
        for d in read_jsonl(path):
            docs[d["id"]] = d
    for path in sorted(glob.glob(os.path.join(corpus, "documents", "**", "*.txt"), recursive=True)):
        rel = os.path.relpath(path, os.path.join(corpus, "documents"))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        title, _, body = text.partition("\n")
        docs[rel[:-4]] = {"id": rel[:-4], "title": title, "body": body, "lang": "vi", "type": "news"}
    return docs


def learncity_top(binary, index, text, depth):
    result = subprocess.run([binary, "search", "--index", index, "--json", "--no-facets", "--no-snippets",
                             "--limit", str(depth), "--", text], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"pool.py: learncity search '{text}' failed: {result.stderr.strip()}", file=sys.stderr)
        return []
    return [r["id"] for r in json.loads(result.stdout)["results"]]


def baseline_top(db, text, depth):
    enquire = xapian.Enquire(db)
    parser = xapian.QueryParser()
    parser.set_database(db)
    try:
        query = parser.parse_query(text)
    except xapian.QueryParserError:
        query = xapian.Query()
    enquire.set_query(query)
    ids = []
    for match in enquire.get_mset(0, depth):
        ids.append(next((t.term.decode()[1:] for t in match.document.termlist() if t.term.startswith(b"Q")), ""))
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learncity", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--pool", required=True)
    parser.add_argument("--sheet", required=True)
    parser.add_argument("--depth", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--judged", default=JUDGED)
    args = parser.parse_args()

    docs = load_documents()
    db = xapian.Database(args.baseline)
    queries = read_jsonl(args.judged)
    # Documents judged not relevant in an earlier round count as judged too.
    judged_zero = {}
    for path in sorted(glob.glob(os.path.join(os.path.dirname(args.judged), "judgements-*.jsonl"))):
        for row in read_jsonl(path):
            judged_zero.setdefault(row["query"], set()).add(row["document"])
    rng = random.Random(args.seed)
    total = 0
    with open(args.pool, "w", encoding="utf-8") as pool, open(args.sheet, "w", encoding="utf-8") as sheet:
        for q in queries:
            forms = [("accented", q["query"])]
            if q["lang"] == "vi":
                forms.append(("unaccented", fold(q["query"])))
            proposed = {}
            for form, text in forms:
                for system, top in (("learncity", learncity_top(args.learncity, args.index, text, args.depth)),
                                    ("plain Xapian (OR)", baseline_top(db, text, args.depth))):
                    for rank, doc in enumerate(top, 1):
                        proposed.setdefault(doc, []).append({"system": system, "form": form, "rank": rank})
            unjudged = sorted(d for d in proposed
                              if d not in q["relevant"] and d not in judged_zero.get(q["id"], set()))
            total += len(unjudged)
            pool.write(json.dumps({"query": q["id"], "pooled": len(proposed),
                                   "unjudged": {d: proposed[d] for d in unjudged}}, ensure_ascii=False) + "\n")
            rng.shuffle(unjudged)
            sheet.write(f"=== {q['id']} [{q['lang']}] {q['query']}\n    need: {q['intent']}\n")
            sheet.write("    already judged: " + ", ".join(f"{d} {g}" for d, g in
                                                          sorted(q["relevant"].items(), key=lambda x: -x[1])) + "\n")
            for n, d in enumerate(unjudged, 1):
                doc = docs.get(d, {"title": "(not in corpus)", "body": "", "lang": "?"})
                sheet.write(f"  [{n}] {d} ({doc.get('lang')})\n      {doc['title']}\n      {doc['body']}\n")
            sheet.write("\n")
    print(f"{len(queries)} queries, {total} unjudged pooled documents")


if __name__ == "__main__":
    main()
