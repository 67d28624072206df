#!/usr/bin/env python3
"""Scores partner rankers against the judged set bench/recommend/judged-partners.jsonl.

For each judged source city: nDCG@5 (gain = grade 0/1/2, ideal = the source's best judged
grades), the share of strong matches (grade 2) among the top 5, and how many of the top 5 were
judged (an unjudged partner counts as grade 0 and is reported, so that a new ranker's unjudged
proposals are visible rather than hidden).

    bench/recommend/score.py --learncity PATH --index DIR     # learncity next to plain TF-IDF
    bench/recommend/score.py --rankings FILE.jsonl            # any ranker: {"source", "partners": [...]}
"""
import argparse
import importlib.util
import json
import math
import os
import subprocess
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
JUDGED = os.path.join(HERE, "judged-partners.jsonl")


def load_pool_module():
    spec = importlib.util.spec_from_file_location("pool", os.path.join(HERE, "pool.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_judged(path=JUDGED):
    grades = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                grades[row["source"]][row["partner"]] = row["grade"]
    return grades


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def score(rankings, grades, k=5):
    """rankings {source: [partner, ...]} -> summary dict and per-source rows."""
    rows = []
    for source, judged in grades.items():
        top = rankings.get(source, [])[:k]
        gains = [judged.get(p, 0) for p in top]
        ideal = dcg(sorted(judged.values(), reverse=True)[:k])
        rows.append({
            "source": source,
            "ndcg": dcg(gains) / ideal if ideal else 0.0,
            "strong": sum(g == 2 for g in gains) / k,
            "judged": sum(p in judged for p in top),
            "vietnamese_share": (sum(p.startswith("vn-") for p in top) / k) if source.startswith("vn-") else None,
        })
    n = len(rows)
    vn = [r for r in rows if r["vietnamese_share"] is not None]
    return {
        "sources": n,
        "ndcg@5": sum(r["ndcg"] for r in rows) / n,
        "strong@5": sum(r["strong"] for r in rows) / n,
        "judged@5": sum(r["judged"] for r in rows) / (n * k),
        "ndcg@5 vietnamese sources": sum(r["ndcg"] for r in vn) / len(vn) if vn else None,
        "vietnamese partners in top 5 of vietnamese sources": sum(r["vietnamese_share"] for r in vn) / len(vn) if vn else None,
    }, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learncity")
    parser.add_argument("--index")
    parser.add_argument("--rankings")
    parser.add_argument("--judged", default=JUDGED)
    args = parser.parse_args()
    grades = read_judged(args.judged)
    sources = list(grades)
    rankers = {}
    if args.rankings:
        with open(args.rankings, encoding="utf-8") as f:
            rankers["rankings"] = {r["source"]: r["partners"] for r in map(json.loads, f) if r}
    if args.learncity:
        pool = load_pool_module()
        rankers["learncity"] = pool.learncity_rankings(args.learncity, args.index, sources, 5)
        cities, docs = pool.load_corpus()
        rankers["tfidf"] = pool.tfidf_rankings(cities, docs, sources, 5)
    for name, rankings in rankers.items():
        summary, _ = score(rankings, grades)
        print(name + ": " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                     for k, v in summary.items()))


if __name__ == "__main__":
    main()
