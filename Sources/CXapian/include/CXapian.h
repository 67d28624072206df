/* CXapian: the C ABI over Xapian 1.4 that learncity's Swift code calls.
 *
 * Every function that can fail takes an `lc_error *` and never lets a C++
 * exception escape: failures are reported as an error code, Xapian's class
 * name and its message. Handles are opaque; each has one `*_free` function.
 * Strings returned by accessors are owned by the handle they came from and
 * stay valid until the next call on that handle or until it is freed.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Errors ------------------------------------------------------------ */

typedef enum lc_error_code {
    LC_OK = 0,
    LC_ERR_DATABASE_NOT_FOUND = 1,
    LC_ERR_DATABASE_OPENING = 2,
    LC_ERR_DATABASE_LOCKED = 3,
    LC_ERR_DATABASE_MODIFIED = 4,
    LC_ERR_DATABASE_CORRUPT = 5,
    LC_ERR_DATABASE = 6,
    LC_ERR_QUERY_PARSER = 7,
    LC_ERR_NETWORK = 8,
    LC_ERR_NETWORK_TIMEOUT = 9,
    LC_ERR_DOC_NOT_FOUND = 10,
    LC_ERR_INVALID_ARGUMENT = 11,
    LC_ERR_INVALID_OPERATION = 12,
    LC_ERR_WILDCARD = 13,
    LC_ERR_XAPIAN = 14,     /* any other Xapian::Error */
    LC_ERR_STD = 15,        /* std::exception (e.g. bad_alloc) */
    LC_ERR_UNKNOWN = 16     /* anything else thrown */
} lc_error_code;

typedef struct lc_error {
    int code;            /* an lc_error_code */
    char type[64];       /* Xapian's class name, e.g. "DatabaseLockError" */
    char message[1024];  /* Xapian's message (truncated if longer) */
    int sys_errno;       /* the errno Xapian attached (e.g. ENOSPC), or 0 */
} lc_error;

/* ---- Read-only database (a directory, a stub file, or several shards) -- */

typedef struct lc_database lc_database;

/** Opens a database at `path` (a Xapian directory or stub file). */
lc_database *lc_database_open(const char *path, lc_error *err);
/** Opens a database served by xapian-tcpsrv at host:port. `timeout_ms`
 *  bounds every read, `connect_timeout_ms` the connection. */
lc_database *lc_database_open_remote(const char *host, unsigned port,
                                     unsigned timeout_ms,
                                     unsigned connect_timeout_ms,
                                     lc_error *err);
/** A new handle searching `parts` as one (Xapian add_database). */
lc_database *lc_database_combine(lc_database *const *parts, size_t count,
                                 lc_error *err);
void lc_database_free(lc_database *db);
/** Moves to the latest committed revision; sets *changed. */
int lc_database_reopen(lc_database *db, int *changed, lc_error *err);
int lc_database_doccount(lc_database *db, uint32_t *out, lc_error *err);
int lc_database_termfreq(lc_database *db, const char *term, size_t len,
                         uint32_t *out, lc_error *err);
/** First document indexed by `term` (0 when none). */
int lc_database_find(lc_database *db, const char *term, size_t len,
                     uint32_t *docid, lc_error *err);
/** Document data; *out points into the handle. */
int lc_database_data(lc_database *db, uint32_t docid, const char **out,
                     size_t *len, lc_error *err);
/** Value in `slot` of a document; *out points into the handle. */
int lc_database_value(lc_database *db, uint32_t docid, unsigned slot,
                      const char **out, size_t *len, lc_error *err);

/* ---- Term lists (materialised) ----------------------------------------- */

typedef struct lc_termlist lc_termlist;
/** All terms of the database that start with `prefix`, with frequencies. */
lc_termlist *lc_database_allterms(lc_database *db, const char *prefix,
                                  lc_error *err);
/** All terms that carry no prefix (do not start with an ASCII capital
 *  letter), with frequencies: prefixed terms are skipped, not read. */
lc_termlist *lc_database_unprefixed_terms(lc_database *db, lc_error *err);
/** The terms of one document that start with `prefix`. */
lc_termlist *lc_database_document_terms(lc_database *db, uint32_t docid,
                                        const char *prefix, lc_error *err);
/** How many documents contain both terms, counting at most `limit`. */
int lc_database_cooccurrence(lc_database *db, const char *first, const char *second,
                             uint32_t limit, uint32_t *out, lc_error *err);
/** The documents that `term` indexes (term list of docids). */
int lc_database_postings(lc_database *db, const char *term, size_t len,
                         uint32_t **docids, size_t *count, lc_error *err);
/** User metadata stored under `key` ("" when none). */
int lc_database_metadata(lc_database *db, const char *key, const char **out,
                         size_t *len, lc_error *err);
/** Synonyms recorded for `key`. */
lc_termlist *lc_database_synonyms(lc_database *db, const char *key,
                                  lc_error *err);
/** Every word of the spelling dictionary, with its frequency. */
lc_termlist *lc_database_spellings(lc_database *db, lc_error *err);
/** Every key of the synonym table starting with `prefix`. */
lc_termlist *lc_database_synonym_keys(lc_database *db, const char *prefix,
                                      lc_error *err);
/** The revision of a single database (an error for several combined). */
int lc_database_revision(lc_database *db, uint64_t *out, lc_error *err);
/** The UUID of the database ("" when the backend has none). */
int lc_database_uuid(lc_database *db, const char **out, size_t *len,
                     lc_error *err);
/** Xapian's spelling suggestion for one word ("" when none). */
int lc_database_spelling(lc_database *db, const char *word, unsigned max_edit,
                         const char **out, size_t *len, lc_error *err);
/** Every term starting with `prefix` that indexes exactly one document,
 *  read in one pass with the value in `slot` of that document (one value
 *  stream, no per-document look-up): term = the term without the prefix,
 *  freq = its document id, value = lc_termlist_value. */
lc_termlist *lc_database_unique_terms_with_value(lc_database *db,
                                                 const char *prefix,
                                                 unsigned slot, lc_error *err);
size_t lc_termlist_size(const lc_termlist *list);
/** The value read with the term (lc_database_unique_terms_with_value). */
const char *lc_termlist_value(const lc_termlist *list, size_t i, size_t *len);
const char *lc_termlist_term(const lc_termlist *list, size_t i, size_t *len);
uint32_t lc_termlist_freq(const lc_termlist *list, size_t i);
void lc_termlist_free(lc_termlist *list);
void lc_free_docids(uint32_t *docids);

/* ---- Documents --------------------------------------------------------- */

typedef struct lc_document lc_document;
lc_document *lc_document_new(void);
void lc_document_free(lc_document *doc);
/** Adds `count` terms at once; positions[i] == 0 means "no position". */
int lc_document_add_terms(lc_document *doc, const char *const *terms,
                          const size_t *lengths, const uint32_t *positions,
                          const uint32_t *wdf, size_t count, lc_error *err);
int lc_document_add_boolean_term(lc_document *doc, const char *term,
                                 size_t len, lc_error *err);
int lc_document_set_value(lc_document *doc, unsigned slot, const char *value,
                          size_t len, lc_error *err);
int lc_document_set_data(lc_document *doc, const char *data, size_t len,
                         lc_error *err);

/* ---- Writable database ------------------------------------------------- */

typedef struct lc_writable lc_writable;
/** Opens (creating if `create`) a writable database; takes the write lock. */
lc_writable *lc_writable_open(const char *path, int create, lc_error *err);
/** Commits nothing pending and releases the lock. */
void lc_writable_free(lc_writable *db);
int lc_writable_begin_transaction(lc_writable *db, lc_error *err);
int lc_writable_commit_transaction(lc_writable *db, lc_error *err);
int lc_writable_cancel_transaction(lc_writable *db, lc_error *err);
int lc_writable_commit(lc_writable *db, lc_error *err);
/** Replaces (or adds) the document indexed by the unique term `idterm`. */
int lc_writable_replace(lc_writable *db, const char *idterm, size_t len,
                        lc_document *doc, lc_error *err);
/** Adds a new document without looking for an existing one (a fresh
 *  build); sets *docid to the id Xapian gave it. */
int lc_writable_add(lc_writable *db, lc_document *doc, uint32_t *docid,
                    lc_error *err);
/** Replaces the document with Xapian id `docid` (no term look-up). */
int lc_writable_replace_docid(lc_writable *db, uint32_t docid,
                              lc_document *doc, lc_error *err);
/** Deletes the document with Xapian id `docid`. */
int lc_writable_delete_docid(lc_writable *db, uint32_t docid, lc_error *err);
/** Deletes every document indexed by `idterm`. */
int lc_writable_delete(lc_writable *db, const char *idterm, size_t len,
                       lc_error *err);
int lc_writable_set_metadata(lc_writable *db, const char *key,
                             const char *value, size_t len, lc_error *err);
int lc_writable_add_synonym(lc_writable *db, const char *key,
                            const char *term, lc_error *err);
int lc_writable_clear_synonyms(lc_writable *db, const char *key,
                               lc_error *err);
int lc_writable_add_spelling(lc_writable *db, const char *word, uint32_t inc,
                             lc_error *err);
int lc_writable_remove_spelling(lc_writable *db, const char *word,
                                uint32_t dec, lc_error *err);
/** A read view of the writer (sees its uncommitted changes). */
lc_database *lc_writable_reader(lc_writable *db, lc_error *err);
/** Closes the database, releasing the lock (pending changes are dropped). */
int lc_writable_close(lc_writable *db, lc_error *err);

/** Merges `sources` into a new compact database at `destination`. */
int lc_compact(const char *const *sources, size_t count,
               const char *destination, int single_file, lc_error *err);

/** Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE). */
int lc_exchange_paths(const char *a, const char *b, lc_error *err);

/** Xapian's sortable_serialise: a double encoded so that byte order is
 *  numeric order. Writes at most 18 bytes to `out`, returns the length. */
size_t lc_sortable_serialise(double value, char *out);

/* ---- Stemming ---------------------------------------------------------- */

/** English (Porter2) stem of a word; *out points into thread-local storage. */
int lc_stem_english(const char *word, size_t len, const char **out,
                    size_t *out_len, lc_error *err);

/* ---- Search ------------------------------------------------------------ */

/** A field accepted inside query text, e.g. `city:` -> prefix "XC". */
typedef struct lc_field {
    const char *name;
    const char *prefix;
    int boolean;  /* 1: a filter (add_boolean_prefix); 0: weighted (add_prefix) */
} lc_field;

/** A term with a weight, for weighted (relevance-feedback) queries. */
typedef struct lc_weighted_term {
    const char *term;
    double weight;
} lc_weighted_term;

typedef struct lc_search_options {
    /* Query text, parsed by Xapian's QueryParser with `default_prefix` for
     * free text. NULL or "" with no `terms` means "match all". */
    const char *query;
    const char *default_prefix;
    /* Optional second text parsed with no prefix, added with AND_MAYBE so it
     * only boosts (exact-form matches). */
    const char *boost_query;
    /* Extra weighted terms that only boost (AND_MAYBE), e.g. bigrams. */
    const lc_weighted_term *boost_terms;
    size_t boost_term_count;
    /* Weighted terms OR'ed together (used when `query` is NULL). */
    const lc_weighted_term *terms;
    size_t term_count;
    const lc_field *fields;
    size_t field_count;
    /* Boolean filter terms: the same prefix is OR'ed, prefixes are AND'ed. */
    const char *const *filter_prefixes;
    const char *const *filter_values;
    size_t filter_count;
    /* Documents indexed by any of these terms are excluded. */
    const char *const *exclude_terms;
    size_t exclude_count;
    /* Documents with these docids form the relevance set (for expand). */
    int range_slot;             /* numeric ranges "A..B" on this slot; -1 off */
    unsigned offset;
    unsigned limit;
    unsigned check_at_least;
    unsigned wildcard_limit;    /* max terms a wildcard expands to */
    int default_and;            /* 1: AND between words, 0: OR */
    int relax_to_or;            /* AND found nothing: run again with OR */
    int spelling;               /* ask Xapian for a corrected query */
    int synonyms;               /* expand with the synonym table */
    int collapse_slot;          /* -1: no collapsing */
    const unsigned *facet_slots;
    size_t facet_count;
    const char *const *stopwords;
    size_t stopword_count;
    /* Equal weights are ordered by this slot's value (ascending) instead of
     * by docid, so ranking does not depend on the shard layout; -1 off. */
    int tie_break_slot;
    /* Documents with all of these terms (programme concepts of the query)
     * also match, OR'ed with the text query, their weight scaled by
     * `alternative_weight`: a query finds documents in the other language. */
    const char *const *alternative_terms;
    size_t alternative_term_count;
    double alternative_weight;
    /* BM25 parameters when bm25_set is 1 (else Xapian's k1 1, b 0.5). */
    int bm25_set;
    double bm25_k1;
    double bm25_b;
    /* Weight factor of `boost_query` (0 means 1). */
    double boost_scale;
    /* Optional text parsed with no prefix and AND between words: documents
     * with all of its words (the exact forms) gain the constant `tier_weight`,
     * a tier above the others. */
    const char *tier_query;
    double tier_weight;
    /* 0: AND between words, relaxed to OR when AND finds nothing (see
     * default_and, relax_to_or). > 0: every word is optional (OR) and the
     * documents with all of them gain their AND weight times this factor
     * (coordination); `relaxed` then says whether none had all of them. */
    double coordination;
} lc_search_options;

typedef struct lc_mset lc_mset;

lc_mset *lc_search(lc_database *db, const lc_search_options *options,
                   lc_error *err);
void lc_mset_free(lc_mset *mset);
size_t lc_mset_size(const lc_mset *mset);
uint32_t lc_mset_estimated(const lc_mset *mset);
/** 1 when AND found nothing and the query was relaxed to OR. */
int lc_mset_relaxed(const lc_mset *mset);
uint32_t lc_mset_docid(const lc_mset *mset, size_t i);
double lc_mset_weight(const lc_mset *mset, size_t i);
uint32_t lc_mset_collapse_count(const lc_mset *mset, size_t i);
const char *lc_mset_collapse_key(const lc_mset *mset, size_t i, size_t *len);
const char *lc_mset_data(const lc_mset *mset, size_t i, size_t *len);
/** Xapian's spelling-corrected query string ("" when none). */
const char *lc_mset_corrected(const lc_mset *mset, size_t *len);
/** Terms of the query that ran (unique, in query order). */
lc_termlist *lc_mset_query_terms(const lc_mset *mset, lc_error *err);
size_t lc_mset_facet_size(const lc_mset *mset, size_t facet);
/** How many matching documents the facet counts were taken from (all
 *  matches when `check_at_least` covered them, otherwise a first sample). */
uint32_t lc_mset_facet_sample(const lc_mset *mset);
const char *lc_mset_facet_value(const lc_mset *mset, size_t facet, size_t i,
                                size_t *len);
uint32_t lc_mset_facet_count(const lc_mset *mset, size_t facet, size_t i);

/* ---- Relevance feedback ------------------------------------------------ */

typedef struct lc_expand_options {
    const uint32_t *rset;        /* relevant documents */
    size_t rset_count;
    unsigned max_terms;
    const char *prefix;          /* only terms with this prefix ("" any) */
    int unprefixed_only;         /* only terms with no prefix (not starting A-Z) */
    const char *const *stop_terms; /* never these terms */
    size_t stop_count;
    uint32_t min_termfreq;       /* skip terms rarer than this in the db */
    double max_df_share;         /* skip terms in more than this share of docs */
    int skip_numbers;            /* skip terms whose body is all digits */
} lc_expand_options;

/** Xapian's ESet for a relevance set: the terms that best describe it. */
lc_termlist *lc_expand(lc_database *db, const lc_expand_options *options,
                       double **weights, lc_error *err);
void lc_free_weights(double *weights);

#ifdef __cplusplus
}
#endif

#endif
