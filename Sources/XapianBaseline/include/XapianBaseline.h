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
/// with `Xapian::QueryParser` defaults and `Xapian::Enquire` (BM25), reads the
/// data of the top `limit` hits, and writes each query's latency in seconds
/// to `latencies[i]` and its estimated match count to `matches[i]`
/// (`matches` may be NULL). The database is opened once. Returns 0 on success.
int xb_search(const char *db_path, const char *const *queries, size_t count, unsigned limit,
              double *latencies, unsigned long *matches, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
