// Building a Xapian::Document from terms, postings, values and data that the
// Swift analysis has already produced.
#include "Guard.hpp"
#include "Handles.hpp"

using cxapian::guard;

extern "C" {

lc_document *lc_document_new(void) {
    try {
        return new lc_document;
    } catch (...) {
        return nullptr;
    }
}

void lc_document_free(lc_document *doc) { delete doc; }

int lc_document_add_terms(lc_document *doc, const char *const *terms,
                          const size_t *lengths, const uint32_t *positions,
                          const uint32_t *wdf, size_t count, lc_error *err) {
    return guard(err, [&] {
        std::string term;
        for (size_t i = 0; i < count; ++i) {
            term.assign(terms[i], lengths[i]);
            if (positions && positions[i] != 0)
                doc->doc.add_posting(term, positions[i], wdf ? wdf[i] : 1);
            else
                doc->doc.add_term(term, wdf ? wdf[i] : 1);
        }
    });
}

int lc_document_add_boolean_term(lc_document *doc, const char *term,
                                 size_t len, lc_error *err) {
    return guard(err, [&] { doc->doc.add_boolean_term(std::string(term, len)); });
}

int lc_document_set_value(lc_document *doc, unsigned slot, const char *value,
                          size_t len, lc_error *err) {
    return guard(err, [&] { doc->doc.add_value(slot, std::string(value, len)); });
}

int lc_document_set_data(lc_document *doc, const char *data, size_t len,
                         lc_error *err) {
    return guard(err, [&] { doc->doc.set_data(std::string(data, len)); });
}

} // extern "C"
