// Read side: opening databases (directories, stub files, several at once),
// statistics, documents, terms, synonyms and spelling.
#include "Guard.hpp"
#include "Handles.hpp"
#include <memory>
#include <unordered_map>
#include <cstdlib>
#include <cstring>

using cxapian::guard;
using cxapian::guard_ptr;

extern "C" {

lc_database *lc_database_open(const char *path, lc_error *err) {
    return guard_ptr<lc_database>(err, [&] {
        auto *handle = new lc_database;
        try {
            handle->db = Xapian::Database(path);
            handle->remote.assign(handle->db.size(), false);
        } catch (...) {
            delete handle;
            throw;
        }
        return handle;
    });
}

lc_database *lc_database_open_remote(const char *host, unsigned port,
                                     unsigned timeout_ms,
                                     unsigned connect_timeout_ms,
                                     lc_error *err) {
    return guard_ptr<lc_database>(err, [&] {
        auto *handle = new lc_database;
        try {
            handle->db = Xapian::Remote::open(host, port, timeout_ms,
                                              connect_timeout_ms);
            handle->remote.assign(handle->db.size(), true);
        } catch (...) {
            delete handle;
            throw;
        }
        return handle;
    });
}

lc_database *lc_database_combine(lc_database *const *parts, size_t count,
                                 lc_error *err) {
    return guard_ptr<lc_database>(err, [&] {
        auto *handle = new lc_database;
        for (size_t i = 0; i < count; ++i) {
            handle->db.add_database(parts[i]->db);
            handle->remote.insert(handle->remote.end(), parts[i]->remote.begin(), parts[i]->remote.end());
        }
        return handle;
    });
}

void lc_database_free(lc_database *db) { delete db; }

int lc_database_reopen(lc_database *db, int *changed, lc_error *err) {
    return guard(err, [&] { *changed = db->db.reopen() ? 1 : 0; });
}

int lc_database_doccount(lc_database *db, uint32_t *out, lc_error *err) {
    return guard(err, [&] { *out = db->db.get_doccount(); });
}

int lc_database_termfreq(lc_database *db, const char *term, size_t len,
                         uint32_t *out, lc_error *err) {
    return guard(err, [&] { *out = db->db.get_termfreq(std::string(term, len)); });
}

int lc_database_find(lc_database *db, const char *term, size_t len,
                     uint32_t *docid, lc_error *err) {
    return guard(err, [&] {
        std::string t(term, len);
        Xapian::PostingIterator it = db->db.postlist_begin(t);
        *docid = (it == db->db.postlist_end(t)) ? 0 : *it;
    });
}

int lc_database_data(lc_database *db, uint32_t docid, const char **out,
                     size_t *len, lc_error *err) {
    return guard(err, [&] {
        db->scratch = db->db.get_document(docid).get_data();
        *out = db->scratch.data();
        *len = db->scratch.size();
    });
}

int lc_database_value(lc_database *db, uint32_t docid, unsigned slot,
                      const char **out, size_t *len, lc_error *err) {
    return guard(err, [&] {
        db->scratch = db->db.get_document(docid).get_value(slot);
        *out = db->scratch.data();
        *len = db->scratch.size();
    });
}

lc_termlist *lc_database_allterms(lc_database *db, const char *prefix,
                                  lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        std::string p(prefix ? prefix : "");
        for (auto it = db->db.allterms_begin(p); it != db->db.allterms_end(p); ++it)
            list->items.emplace_back(*it, it.get_termfreq());
        return list;
    });
}

lc_termlist *lc_database_unprefixed_terms(lc_database *db, lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        auto it = db->db.allterms_begin();
        auto end = db->db.allterms_end();
        while (it != end) {
            const std::string term = *it;
            if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
                it.skip_to("[");  // the byte after 'Z': jumps over every prefixed term
                continue;
            }
            list->items.emplace_back(term, it.get_termfreq());
            ++it;
        }
        return list;
    });
}

lc_termlist *lc_database_document_terms(lc_database *db, uint32_t docid,
                                        const char *prefix, lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        std::string p(prefix ? prefix : "");
        auto end = db->db.termlist_end(docid);
        auto it = db->db.termlist_begin(docid);
        if (!p.empty()) it.skip_to(p);
        for (; it != end; ++it) {
            std::string term = *it;
            if (term.compare(0, p.size(), p) != 0) break;
            list->items.emplace_back(term, it.get_wdf());
        }
        return list;
    });
}

int lc_database_cooccurrence(lc_database *db, const char *first, const char *second,
                             uint32_t limit, uint32_t *out, lc_error *err) {
    return guard(err, [&] {
        // Walk the shorter posting list and skip through the longer one.
        std::string a(first), b(second);
        if (db->db.get_termfreq(a) > db->db.get_termfreq(b)) std::swap(a, b);
        uint32_t count = 0;
        auto other = db->db.postlist_begin(b);
        const auto other_end = db->db.postlist_end(b);
        for (auto it = db->db.postlist_begin(a); it != db->db.postlist_end(a) && count < limit; ++it) {
            other.skip_to(*it);
            if (other == other_end) break;
            if (*other == *it) ++count;
        }
        *out = count;
    });
}

int lc_database_postings(lc_database *db, const char *term, size_t len,
                         uint32_t **docids, size_t *count, lc_error *err) {
    *docids = nullptr;
    *count = 0;
    return guard(err, [&] {
        std::string t(term, len);
        std::vector<uint32_t> ids;
        for (auto it = db->db.postlist_begin(t); it != db->db.postlist_end(t); ++it)
            ids.push_back(*it);
        auto *out = static_cast<uint32_t *>(std::malloc(sizeof(uint32_t) * (ids.size() + 1)));
        if (!out) throw std::bad_alloc();
        std::memcpy(out, ids.data(), sizeof(uint32_t) * ids.size());
        *docids = out;
        *count = ids.size();
    });
}

int lc_database_metadata(lc_database *db, const char *key, const char **out,
                         size_t *len, lc_error *err) {
    return guard(err, [&] {
        db->scratch = db->db.get_metadata(key);
        *out = db->scratch.data();
        *len = db->scratch.size();
    });
}

size_t lc_sortable_serialise(double value, char *out) {
    std::string s = Xapian::sortable_serialise(value);
    std::memcpy(out, s.data(), s.size());
    return s.size();
}

lc_termlist *lc_database_synonyms(lc_database *db, const char *key,
                                  lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        for (auto it = db->db.synonyms_begin(key); it != db->db.synonyms_end(key); ++it)
            list->items.emplace_back(*it, 0);
        return list;
    });
}

lc_termlist *lc_database_synonym_keys(lc_database *db, const char *prefix,
                                      lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        for (auto it = db->db.synonym_keys_begin(prefix); it != db->db.synonym_keys_end(prefix); ++it)
            list->items.emplace_back(*it, 0);
        return list;
    });
}

int lc_database_revision(lc_database *db, uint64_t *out, lc_error *err) {
    return guard(err, [&] { *out = db->db.get_revision(); });
}

int lc_database_uuid(lc_database *db, const char **out, size_t *len, lc_error *err) {
    return guard(err, [&] {
        db->scratch = db->db.get_uuid();
        *out = db->scratch.data();
        *len = db->scratch.size();
    });
}

lc_termlist *lc_database_spellings(lc_database *db, lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        for (auto it = db->db.spellings_begin(); it != db->db.spellings_end(); ++it)
            list->items.emplace_back(*it, it.get_termfreq());
        return list;
    });
}

int lc_database_spelling(lc_database *db, const char *word, unsigned max_edit,
                         const char **out, size_t *len, lc_error *err) {
    return guard(err, [&] {
        db->scratch = db->db.get_spelling_suggestion(word, max_edit);
        *out = db->scratch.data();
        *len = db->scratch.size();
    });
}

lc_termlist *lc_database_unique_terms_with_value(lc_database *db,
                                                 const char *prefix,
                                                 unsigned slot, lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        std::unique_ptr<lc_termlist> list(new lc_termlist);
        const std::string p(prefix ? prefix : "");
        std::unordered_map<Xapian::docid, size_t> item_of;
        for (auto it = db->db.allterms_begin(p); it != db->db.allterms_end(p); ++it) {
            if (it.get_termfreq() != 1) continue;
            const std::string term = *it;
            Xapian::PostingIterator posting = db->db.postlist_begin(term);
            if (posting == db->db.postlist_end(term)) continue;
            item_of.emplace(*posting, list->items.size());
            list->items.emplace_back(term.substr(p.size()), *posting);
        }
        list->values.resize(list->items.size());
        for (auto it = db->db.valuestream_begin(slot); it != db->db.valuestream_end(slot); ++it) {
            auto found = item_of.find(it.get_docid());
            if (found != item_of.end()) list->values[found->second] = *it;
        }
        return list.release();
    });
}

size_t lc_termlist_size(const lc_termlist *list) { return list->items.size(); }

const char *lc_termlist_value(const lc_termlist *list, size_t i, size_t *len) {
    if (i >= list->values.size()) {
        *len = 0;
        return "";
    }
    *len = list->values[i].size();
    return list->values[i].data();
}

const char *lc_termlist_term(const lc_termlist *list, size_t i, size_t *len) {
    *len = list->items[i].first.size();
    return list->items[i].first.data();
}

uint32_t lc_termlist_freq(const lc_termlist *list, size_t i) {
    return list->items[i].second;
}

void lc_termlist_free(lc_termlist *list) { delete list; }

void lc_free_docids(uint32_t *docids) { std::free(docids); }

} // extern "C"
