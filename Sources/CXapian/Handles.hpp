// The structs behind the opaque handles of CXapian.h.
#ifndef CXAPIAN_HANDLES_HPP
#define CXAPIAN_HANDLES_HPP

#include "CXapian.h"
#include <xapian.h>
#include <string>
#include <utility>
#include <vector>

struct lc_database {
    Xapian::Database db;
    /// One flag per sub-database (db.size()): true when it is served by
    /// xapian-tcpsrv. The facet spies need it (see FacetSpy.hpp).
    std::vector<bool> remote;
    std::string scratch;  // backs strings returned to the caller
};

struct lc_writable {
    Xapian::WritableDatabase db;
    bool in_transaction = false;
};

struct lc_document {
    Xapian::Document doc;
};

struct lc_termlist {
    std::vector<std::pair<std::string, uint32_t>> items;
    std::vector<std::string> values;  // by item, when read with one
};

struct lc_mset {
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    Xapian::Query query;
    bool relaxed = false;
    std::vector<std::string> data;           // document data, by rank
    std::vector<std::string> collapse_keys;  // by rank
    std::vector<std::vector<std::pair<std::string, uint32_t>>> facets;
    uint32_t facet_sample = 0;
    std::string corrected;
    explicit lc_mset(const Xapian::Database &db) : enquire(db) {}
};

#endif
