// Plain Xapian, defaults only: the floor learncity is measured against.
#include "XapianBaseline.h"

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>
#include <vector>

namespace {

void set_error(char *error, size_t size, const std::string &message) {
    if (!error || size == 0) return;
    std::strncpy(error, message.c_str(), size - 1);
    error[size - 1] = '\0';
}

void append_utf8(std::string &out, unsigned code) {
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

unsigned hex4(const std::string &s, size_t at) {
    unsigned value = 0;
    for (size_t i = at; i < at + 4 && i < s.size(); ++i) {
        char c = s[i];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= unsigned(c - '0');
        else if (c >= 'a' && c <= 'f') value |= unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= unsigned(c - 'A' + 10);
    }
    return value;
}

/// The string value of top-level `"key":` in a flat JSON object line, decoded.
bool string_field(const std::string &line, const char *key, std::string &out) {
    out.clear();
    std::string needle = std::string("\"") + key + "\"";
    size_t at = 0;
    while ((at = line.find(needle, at)) != std::string::npos) {
        size_t p = at + needle.size();
        while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
        if (p < line.size() && line[p] == ':') {
            ++p;
            while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
            if (p >= line.size() || line[p] != '"') return false;
            ++p;
            while (p < line.size() && line[p] != '"') {
                char c = line[p++];
                if (c != '\\') { out += c; continue; }
                if (p >= line.size()) return false;
                char e = line[p++];
                switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    unsigned code = hex4(line, p);
                    p += 4;
                    if (code >= 0xD800 && code < 0xDC00 && p + 6 <= line.size() && line[p] == '\\' && line[p + 1] == 'u') {
                        unsigned low = hex4(line, p + 2);
                        p += 6;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, code);
                    break;
                }
                default: out += e;
                }
            }
            return true;
        }
        at = p;
    }
    return false;
}

/// The `Q` id of document `docid`, or "" when it has none.
std::string q_id(const Xapian::Database &db, Xapian::docid docid) {
    Xapian::TermIterator it = db.termlist_begin(docid);
    it.skip_to("Q");
    if (it != db.termlist_end(docid) && (*it).compare(0, 1, "Q") == 0) return (*it).substr(1);
    return std::string();
}

/// Writes the `Q` ids of `mset`, one per line, into `out` (NUL-terminated).
void write_ids(const Xapian::Database &db, const Xapian::MSet &mset, char *out, size_t size) {
    if (!out || size == 0) return;
    std::string text;
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        std::string line = q_id(db, *it) + "\n";
        if (text.size() + line.size() + 1 > size) break;
        text += line;
    }
    std::memcpy(out, text.c_str(), text.size() + 1);
}

/// Accepts terms that are neither `Q` id terms nor pure numbers.
class PlainTermDecider : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string &term) const override {
        if (term.empty() || term[0] == 'Q') return false;
        for (char c : term)
            if (c < '0' || c > '9') return true;
        return false;
    }
};

}  // namespace

extern "C" int xb_index_jsonl(const char *jsonl_path, const char *db_path, xb_index_result *result) {
    result->documents = 0;
    result->text_bytes = 0;
    result->seconds = 0;
    result->error[0] = '\0';
    try {
        auto started = std::chrono::steady_clock::now();
        std::ifstream input(jsonl_path);
        if (!input) {
            set_error(result->error, sizeof(result->error), std::string("cannot open ") + jsonl_path);
            return 1;
        }
        Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator generator;
        std::string line, id, title, body;
        while (std::getline(input, line)) {
            if (!string_field(line, "id", id)) continue;
            string_field(line, "title", title);
            string_field(line, "body", body);
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(title);
            generator.increase_termpos();
            generator.index_text(body);
            doc.set_data(title + "\n" + body);
            std::string idterm = "Q" + id;
            doc.add_boolean_term(idterm);
            db.replace_document(idterm, doc);
            result->documents += 1;
            result->text_bytes += title.size() + body.size();
        }
        db.commit();
        db.close();
        result->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return 0;
    } catch (const Xapian::Error &e) {
        set_error(result->error, sizeof(result->error), e.get_description());
    } catch (const std::exception &e) {
        set_error(result->error, sizeof(result->error), e.what());
    } catch (...) {
        set_error(result->error, sizeof(result->error), "unknown exception");
    }
    return 1;
}

extern "C" int xb_search(const char *db_path, const char *const *queries, size_t count, int use_and, unsigned limit,
                         double *latencies, unsigned long *matches, char *error, size_t error_size) {
    try {
        Xapian::Database db(db_path);
        Xapian::Enquire enquire(db);
        Xapian::QueryParser parser;
        parser.set_database(db);
        if (use_and) parser.set_default_op(Xapian::Query::OP_AND);
        for (size_t i = 0; i < count; ++i) {
            auto started = std::chrono::steady_clock::now();
            Xapian::Query query;
            try {
                query = parser.parse_query(queries[i]);
            } catch (const Xapian::QueryParserError &) {
                query = Xapian::Query();
            }
            enquire.set_query(query);
            Xapian::MSet mset = enquire.get_mset(0, limit);
            size_t bytes = 0;
            for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
                bytes += it.get_document().get_data().size();
            }
            latencies[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (matches) matches[i] = mset.get_matches_estimated();
            (void)bytes;
        }
        return 0;
    } catch (const Xapian::Error &e) {
        set_error(error, error_size, e.get_description());
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown exception");
    }
    return 1;
}

extern "C" int xb_search_ids(const char *db_path, const char *query, int use_and, unsigned limit,
                             char *ids, size_t ids_size, char *error, size_t error_size) {
    if (ids && ids_size > 0) ids[0] = '\0';
    try {
        Xapian::Database db(db_path);
        Xapian::Enquire enquire(db);
        Xapian::QueryParser parser;
        parser.set_database(db);
        if (use_and) parser.set_default_op(Xapian::Query::OP_AND);
        Xapian::Query parsed;
        try {
            parsed = parser.parse_query(query);
        } catch (const Xapian::QueryParserError &) {
            parsed = Xapian::Query();
        }
        enquire.set_query(parsed);
        write_ids(db, enquire.get_mset(0, limit), ids, ids_size);
        return 0;
    } catch (const Xapian::Error &e) {
        set_error(error, error_size, e.get_description());
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown exception");
    }
    return 1;
}

extern "C" int xb_more_like_this(const char *db_path, const char *id, unsigned limit,
                                 char *ids, size_t ids_size, char *error, size_t error_size) {
    if (ids && ids_size > 0) ids[0] = '\0';
    try {
        Xapian::Database db(db_path);
        std::string idterm = std::string("Q") + id;
        Xapian::PostingIterator posting = db.postlist_begin(idterm);
        if (posting == db.postlist_end(idterm)) {
            set_error(error, error_size, std::string("no document '") + id + "'");
            return 1;
        }
        Xapian::RSet rset;
        rset.add_document(*posting);
        Xapian::Enquire enquire(db);
        PlainTermDecider decider;
        Xapian::ESet eset = enquire.get_eset(40, rset, &decider);
        std::vector<Xapian::Query> parts;
        for (Xapian::ESetIterator it = eset.begin(); it != eset.end(); ++it)
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
        if (parts.empty()) return 0;
        Xapian::Query query(Xapian::Query::OP_AND_NOT,
                            Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                            Xapian::Query(idterm));
        enquire.set_query(query);
        write_ids(db, enquire.get_mset(0, limit), ids, ids_size);
        return 0;
    } catch (const Xapian::Error &e) {
        set_error(error, error_size, e.get_description());
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown exception");
    }
    return 1;
}
