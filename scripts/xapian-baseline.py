#!/usr/bin/python3
"""Plain Xapian through its Python bindings (python3-xapian): the benchmark's
second baseline, next to the C++ one (Sources/XapianBaseline).

  xapian-baseline.py index FLAT.jsonl DB
      TermGenerator defaults with positions (title, gap, body), text as data,
      a unique Q id term, add_document, one commit. Prints JSON: documents,
      seconds, cpu_seconds, peak_rss_bytes.
  xapian-baseline.py search DB QUERIES.txt LIMIT
      QueryParser with AND as the default operator, top LIMIT with their data,
      every query once to warm, then once timed. Prints JSON: seconds (one
      per query line).
"""
import json
import resource
import sys
import time

import xapian


def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_maxrss * 1024


def index(flat, path):
    started = time.monotonic()
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    documents = 0
    with open(flat, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            title, body = record.get("title", ""), record.get("body", "")
            doc = xapian.Document()
            generator.set_document(doc)
            generator.index_text(title)
            generator.increase_termpos()
            generator.index_text(body)
            doc.set_data(title + "\n" + body)
            doc.add_boolean_term("Q" + record["id"])
            db.add_document(doc)
            documents += 1
    db.commit()
    db.close()
    cpu, rss = usage()
    print(json.dumps({"documents": documents, "seconds": time.monotonic() - started,
                      "cpu_seconds": cpu, "peak_rss_bytes": rss}))


def search(path, queries_file, limit):
    db = xapian.Database(path)
    enquire = xapian.Enquire(db)
    parser = xapian.QueryParser()
    parser.set_database(db)
    parser.set_default_op(xapian.Query.OP_AND)
    with open(queries_file, encoding="utf-8") as lines:
        queries = [line.rstrip("\n") for line in lines]
    seconds = []
    for timed in (False, True):
        seconds = []
        for text in queries:
            started = time.perf_counter()
            try:
                query = parser.parse_query(text)
            except xapian.QueryParserError:
                query = xapian.Query()
            enquire.set_query(query)
            for match in enquire.get_mset(0, limit):
                match.document.get_data()
            seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds}))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "search":
        search(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)
