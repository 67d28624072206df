// Write side: the locked writer, transactions, document replacement,
// synonyms and spelling data.
#include "Guard.hpp"
#include "Handles.hpp"

using cxapian::guard;
using cxapian::guard_ptr;

extern "C" {

lc_writable *lc_writable_open(const char *path, int create, lc_error *err) {
    return guard_ptr<lc_writable>(err, [&] {
        auto *handle = new lc_writable;
        try {
            handle->db = Xapian::WritableDatabase(
                path, create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
        } catch (...) {
            delete handle;
            throw;
        }
        return handle;
    });
}

void lc_writable_free(lc_writable *db) {
    if (!db) return;
    try {
        // Never commit implicitly: an unfinished transaction is dropped.
        if (db->in_transaction) db->db.cancel_transaction();
        db->db.close();
    } catch (...) {
    }
    delete db;
}

int lc_writable_begin_transaction(lc_writable *db, lc_error *err) {
    return guard(err, [&] {
        db->db.begin_transaction(true);
        db->in_transaction = true;
    });
}

int lc_writable_commit_transaction(lc_writable *db, lc_error *err) {
    return guard(err, [&] {
        db->in_transaction = false;
        db->db.commit_transaction();
    });
}

int lc_writable_cancel_transaction(lc_writable *db, lc_error *err) {
    return guard(err, [&] {
        db->in_transaction = false;
        db->db.cancel_transaction();
    });
}

int lc_writable_commit(lc_writable *db, lc_error *err) {
    return guard(err, [&] { db->db.commit(); });
}

int lc_writable_replace(lc_writable *db, const char *idterm, size_t len,
                        lc_document *doc, lc_error *err) {
    return guard(err, [&] {
        db->db.replace_document(std::string(idterm, len), doc->doc);
    });
}

int lc_writable_add(lc_writable *db, lc_document *doc, uint32_t *docid,
                    lc_error *err) {
    return guard(err, [&] { *docid = db->db.add_document(doc->doc); });
}

int lc_writable_replace_docid(lc_writable *db, uint32_t docid,
                              lc_document *doc, lc_error *err) {
    return guard(err, [&] { db->db.replace_document(docid, doc->doc); });
}

int lc_writable_delete_docid(lc_writable *db, uint32_t docid, lc_error *err) {
    return guard(err, [&] { db->db.delete_document(docid); });
}

int lc_writable_delete(lc_writable *db, const char *idterm, size_t len,
                       lc_error *err) {
    return guard(err, [&] { db->db.delete_document(std::string(idterm, len)); });
}

int lc_writable_set_metadata(lc_writable *db, const char *key,
                             const char *value, size_t len, lc_error *err) {
    return guard(err, [&] { db->db.set_metadata(key, std::string(value, len)); });
}

int lc_writable_add_synonym(lc_writable *db, const char *key,
                            const char *term, lc_error *err) {
    return guard(err, [&] { db->db.add_synonym(key, term); });
}

int lc_writable_clear_synonyms(lc_writable *db, const char *key,
                               lc_error *err) {
    return guard(err, [&] { db->db.clear_synonyms(key); });
}

int lc_writable_add_spelling(lc_writable *db, const char *word, uint32_t inc,
                             lc_error *err) {
    return guard(err, [&] { db->db.add_spelling(word, inc); });
}

int lc_writable_remove_spelling(lc_writable *db, const char *word,
                                uint32_t dec, lc_error *err) {
    return guard(err, [&] { db->db.remove_spelling(word, dec); });
}

lc_database *lc_writable_reader(lc_writable *db, lc_error *err) {
    return guard_ptr<lc_database>(err, [&] {
        auto *handle = new lc_database;
        handle->db = db->db;  // shares the writer's internals
        return handle;
    });
}

int lc_writable_close(lc_writable *db, lc_error *err) {
    return guard(err, [&] {
        if (db->in_transaction) {
            db->in_transaction = false;
            db->db.cancel_transaction();
        }
        db->db.close();
    });
}

int lc_compact(const char *const *sources, size_t count,
               const char *destination, int single_file, lc_error *err) {
    return guard(err, [&] {
        Xapian::Database combined;
        for (size_t i = 0; i < count; ++i)
            combined.add_database(Xapian::Database(sources[i]));
        unsigned flags = 0;
        if (single_file) flags |= Xapian::DBCOMPACT_SINGLE_FILE;
        combined.compact(destination, flags);
    });
}

} // extern "C"
