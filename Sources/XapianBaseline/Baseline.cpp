// Plain Xapian, defaults only: the floor learncity is measured against.
#include "XapianBaseline.h"

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

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

extern "C" int xb_search(const char *db_path, const char *const *queries, size_t count, unsigned limit,
                         double *latencies, unsigned long *matches, char *error, size_t error_size) {
    try {
        Xapian::Database db(db_path);
        Xapian::Enquire enquire(db);
        Xapian::QueryParser parser;
        parser.set_database(db);
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
