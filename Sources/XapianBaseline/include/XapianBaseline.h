// The plain-Xapian baseline of the benchmark: what any indexer or searcher
// built directly on Xapian's defaults costs. Bench-only; learncity never
// links it. Every function catches all exceptions and reports them in `error`.
#ifndef XAPIAN_BASELINE_H
#define XAPIAN_BASELINE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What one baseline indexing run did.
typedef struct {
    /// Documents indexed.
    unsigned long documents;
    /// Bytes of title + body text indexed (UTF-8).
    unsigned long long text_bytes;
    /// Wall-clock seconds from the first line read to the final commit.
    double seconds;
    /// Empty on success; otherwise what failed.
    char error[512];
} xb_index_result;

/// Indexes `jsonl_path` (one JSON object per line with string fields
/// `id`, `title`, `body`) into a new Xapian database at `db_path` with
/// `Xapian::TermGenerator` defaults: title, then body, each document under a
/// `Q` id term, its text as document data, one commit at the end.
/// Returns 0 on success.
int xb_index_jsonl(const char *jsonl_path, const char *db_path, xb_index_result *result);

/// Runs `count` queries (`queries[i]` UTF-8) on the database at `db_path`
/// with `Xapian::QueryParser` defaults (AND as the default operator when
/// `use_and` is non-zero) and `Xapian::Enquire` (BM25), reads the
/// data of the top `limit` hits, and writes each query's latency in seconds
/// to `latencies[i]` and its estimated match count to `matches[i]`
/// (`matches` may be NULL). The database is opened once. Returns 0 on success.
int xb_search(const char *db_path, const char *const *queries, size_t count, int use_and, unsigned limit,
              double *latencies, unsigned long *matches, char *error, size_t error_size);

/// Runs one query on the database at `db_path` with `Xapian::QueryParser`
/// defaults (no stemmer, `FLAG_DEFAULT`, database set for wildcards) and the
/// default operator OR, or AND when `use_and` is nonzero; BM25. Writes the
/// `Q` ids of the top `limit` hits, best first, one per line (each followed
/// by '\n'), NUL-terminated, into `ids` (`ids_size` bytes; ids that do not
/// fit are dropped). A query the parser rejects finds nothing.
/// Returns 0 on success.
int xb_search_ids(const char *db_path, const char *query, int use_and, unsigned limit,
                  char *ids, size_t ids_size, char *error, size_t error_size);

/// "More like this" in plain Xapian: the document with `Q` id `id` is the
/// relevance set; the top 40 terms of its ESet (skipping `Q` terms and
/// pure numbers) become an OP_OR query, each term weighted by its expand
/// weight (OP_SCALE_WEIGHT), with the document itself excluded (OP_AND_NOT).
/// Writes the `Q` ids of the top `limit` hits like `xb_search_ids`.
/// Returns 0 on success; 1 with `error` set when the id is unknown or Xapian fails.
int xb_more_like_this(const char *db_path, const char *id, unsigned limit,
                      char *ids, size_t ids_size, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
