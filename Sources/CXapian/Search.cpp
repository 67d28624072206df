// Running one search: QueryParser, filters, Enquire, facets, collapsing.
// Snippets are cut in Swift from the stored text (SnippetMaker).
#include "FacetSpy.hpp"
#include "Guard.hpp"
#include "Handles.hpp"
#include <algorithm>
#include <map>
#include <memory>

using cxapian::guard;
using cxapian::guard_ptr;

namespace {

Xapian::Query parse(Xapian::QueryParser &parser, const char *text,
                    const char *prefix, unsigned flags) {
    return parser.parse_query(text, flags, prefix ? prefix : "");
}

} // namespace

extern "C" {

lc_mset *lc_search(lc_database *db, const lc_search_options *o, lc_error *err) {
    return guard_ptr<lc_mset>(err, [&] {
        std::unique_ptr<lc_mset> out(new lc_mset(db->db));

        Xapian::QueryParser parser;
        parser.set_database(db->db);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        for (size_t i = 0; i < o->field_count; ++i) {
            if (o->fields[i].boolean)
                parser.add_boolean_prefix(o->fields[i].name, o->fields[i].prefix);
            else
                parser.add_prefix(o->fields[i].name, o->fields[i].prefix);
        }
        if (o->range_slot >= 0)
            parser.add_rangeprocessor(
                (new Xapian::NumberRangeProcessor(o->range_slot))->release());
        std::unique_ptr<Xapian::SimpleStopper> stopper;
        if (o->stopword_count > 0) {
            stopper.reset(new Xapian::SimpleStopper);
            for (size_t i = 0; i < o->stopword_count; ++i) stopper->add(o->stopwords[i]);
            parser.set_stopper(stopper.get());
        }
        parser.set_max_expansion(o->wildcard_limit ? o->wildcard_limit : 64,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                                 Xapian::QueryParser::FLAG_WILDCARD |
                                     Xapian::QueryParser::FLAG_PARTIAL);
        unsigned flags = Xapian::QueryParser::FLAG_PHRASE |
                         Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE |
                         Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
        if (o->spelling) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        if (o->synonyms) flags |= Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                                  Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

        const bool has_text = o->query && o->query[0];
        std::string prefix = o->default_prefix ? o->default_prefix : "";

        const bool blend = has_text && o->coordination > 0;
        Xapian::Query all_words;  // blend: the AND query, filtered (for `relaxed`)

        // The filters and exclusions of the options, applied to `query`.
        auto restrict = [&](Xapian::Query main) -> Xapian::Query {
            std::map<std::string, std::vector<Xapian::Query>> groups;
            for (size_t i = 0; i < o->filter_count; ++i)
                groups[o->filter_prefixes[i]].emplace_back(
                    std::string(o->filter_prefixes[i]) + o->filter_values[i]);
            std::vector<Xapian::Query> ands;
            for (auto &g : groups)
                ands.emplace_back(Xapian::Query::OP_OR, g.second.begin(), g.second.end());
            if (!ands.empty())
                main = Xapian::Query(Xapian::Query::OP_FILTER, main,
                                     Xapian::Query(Xapian::Query::OP_AND, ands.begin(), ands.end()));
            if (o->exclude_count > 0) {
                std::vector<Xapian::Query> ex;
                for (size_t i = 0; i < o->exclude_count; ++i) ex.emplace_back(o->exclude_terms[i]);
                main = Xapian::Query(Xapian::Query::OP_AND_NOT, main,
                                     Xapian::Query(Xapian::Query::OP_OR, ex.begin(), ex.end()));
            }
            return main;
        };

        auto build = [&](bool use_and) -> Xapian::Query {
            parser.set_default_op(use_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
            Xapian::Query main;
            if (blend) {
                // Every word optional; documents with all of them gain a share
                // of their weight again (coordination).
                parser.set_default_op(Xapian::Query::OP_AND);
                Xapian::Query conjunction = parse(parser, o->query, prefix.c_str(), flags);
                parser.set_default_op(Xapian::Query::OP_OR);
                main = parse(parser, o->query, prefix.c_str(), flags);
                out->corrected = parser.get_corrected_query_string();
                if (!conjunction.empty()) all_words = restrict(conjunction);
                if (!conjunction.empty() && conjunction.serialise() != main.serialise())
                    main = Xapian::Query(Xapian::Query::OP_AND_MAYBE, main,
                                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, conjunction,
                                                       o->coordination));
            } else if (has_text) {
                main = parse(parser, o->query, prefix.c_str(), flags);
                out->corrected = parser.get_corrected_query_string();
            } else if (o->term_count > 0) {
                std::vector<Xapian::Query> parts;
                for (size_t i = 0; i < o->term_count; ++i)
                    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(o->terms[i].term), o->terms[i].weight);
                main = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
            }
            if (main.empty()) main = Xapian::Query::MatchAll;
            if (has_text && o->alternative_term_count > 0) {
                std::vector<Xapian::Query> parts;
                for (size_t i = 0; i < o->alternative_term_count; ++i) parts.emplace_back(o->alternative_terms[i]);
                main = Xapian::Query(Xapian::Query::OP_OR, main,
                                     Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                   Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                                                   o->alternative_weight));
            }
            if (has_text && o->boost_query && o->boost_query[0]) {
                parser.set_default_op(Xapian::Query::OP_OR);  // any exact word adds weight
                Xapian::Query boost = parse(parser, o->boost_query, "",
                                            flags & ~Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
                if (!boost.empty()) {
                    if (o->boost_scale > 0 && o->boost_scale != 1)
                        boost = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, o->boost_scale);
                    main = Xapian::Query(Xapian::Query::OP_AND_MAYBE, main, boost);
                }
            }
            if (has_text && o->tier_query && o->tier_query[0] && o->tier_weight > 0) {
                parser.set_default_op(Xapian::Query::OP_AND);  // all exact words
                Xapian::Query tier = parse(parser, o->tier_query, "",
                                           flags & ~Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
                // A constant weight for every document with all the exact
                // words: a tier of its own, ranked inside by the main query.
                if (!tier.empty()) {
                    Xapian::Query constant((new Xapian::FixedWeightPostingSource(o->tier_weight))->release());
                    main = Xapian::Query(Xapian::Query::OP_AND_MAYBE, main,
                                         Xapian::Query(Xapian::Query::OP_FILTER, constant, tier));
                }
            }
            if (has_text && o->boost_term_count > 0) {
                std::vector<Xapian::Query> parts;
                for (size_t i = 0; i < o->boost_term_count; ++i)
                    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(o->boost_terms[i].term), o->boost_terms[i].weight);
                main = Xapian::Query(Xapian::Query::OP_AND_MAYBE, main,
                                     Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
            }
            return restrict(main);
        };

        // Remote shards with a tie break: Xapian 1.4's matcher
        // (MultiMatch::get_mset) calls the match spies on the client for
        // remote documents that sort below the lowest item of a full
        // proto-MSet when sorting is not by relevance alone, although the
        // shard's server already counted them and sent its counts back; facet
        // counts came out a few too high (196 vs 192). A spy cannot tell
        // those calls apart (it sees sub-database docids), so the facets are
        // then counted by a second, relevance-only match over the same
        // documents. Reproduced without learncity in
        // scripts/repro/remote-matchspy.cpp.
        const bool any_remote =
            std::find(db->remote.begin(), db->remote.end(), true) != db->remote.end();
        const bool count_apart = any_remote && o->tie_break_slot >= 0 && o->facet_count > 0;

        std::vector<std::unique_ptr<cxapian::SplitValueCountMatchSpy>> spies;
        auto run = [&](const Xapian::Query &query) {
            out->query = query;
            out->enquire = Xapian::Enquire(db->db);
            out->enquire.set_query(query);
            if (o->bm25_set)
                out->enquire.set_weighting_scheme(Xapian::BM25Weight(o->bm25_k1, 0, 1, o->bm25_b, 0.5));
            if (o->collapse_slot >= 0) out->enquire.set_collapse_key(o->collapse_slot);
            if (o->tie_break_slot >= 0)
                out->enquire.set_sort_by_relevance_then_value(o->tie_break_slot, false);
            Xapian::Enquire counter = out->enquire;
            if (count_apart) {
                counter = Xapian::Enquire(db->db);
                counter.set_query(query);
                if (o->collapse_slot >= 0) counter.set_collapse_key(o->collapse_slot);
            }
            spies.clear();
            counter.clear_matchspies();
            for (size_t i = 0; i < o->facet_count; ++i) {
                spies.emplace_back(new cxapian::SplitValueCountMatchSpy(o->facet_slots[i]));
                counter.add_matchspy(spies.back().get());
            }
            out->mset = out->enquire.get_mset(o->offset, o->limit, o->check_at_least);
            if (count_apart) {
                counter.get_mset(0, 0, o->check_at_least);
                counter.clear_matchspies();
            }
        };

        const bool use_and = o->default_and != 0;
        run(build(use_and));
        if (blend && !out->mset.empty()) {
            // Relaxed when no document has every word.
            Xapian::Enquire check(db->db);
            check.set_query(all_words);
            out->relaxed = all_words.empty() || check.get_mset(0, 1).empty();
        } else if (!blend && use_and && o->relax_to_or && has_text && out->mset.empty()) {
            Xapian::Query relaxed = build(false);
            if (relaxed.serialise() != out->query.serialise()) {
                run(relaxed);
                out->relaxed = !out->mset.empty();
                if (!out->relaxed) run(build(true));
            }
        }

        if (!spies.empty()) out->facet_sample = spies.front()->get_total();
        for (auto &spy : spies) {
            const auto split = spy->counts();
            std::vector<std::pair<std::string, uint32_t>> counts(split.begin(), split.end());
            out->facets.push_back(std::move(counts));
        }
        out->enquire.clear_matchspies();  // the spies die with this scope
        for (auto it = out->mset.begin(); it != out->mset.end(); ++it) {
            Xapian::Document doc = it.get_document();
            out->data.push_back(doc.get_data());
            out->collapse_keys.push_back(it.get_collapse_key());
        }
        return out.release();
    });
}

void lc_mset_free(lc_mset *mset) { delete mset; }
size_t lc_mset_size(const lc_mset *m) { return m->mset.size(); }
uint32_t lc_mset_estimated(const lc_mset *m) { return m->mset.get_matches_estimated(); }
int lc_mset_relaxed(const lc_mset *m) { return m->relaxed ? 1 : 0; }
uint32_t lc_mset_docid(const lc_mset *m, size_t i) { return *m->mset[i]; }
double lc_mset_weight(const lc_mset *m, size_t i) { return m->mset[i].get_weight(); }
uint32_t lc_mset_collapse_count(const lc_mset *m, size_t i) {
    return m->mset[i].get_collapse_count();
}
const char *lc_mset_collapse_key(const lc_mset *m, size_t i, size_t *len) {
    *len = m->collapse_keys[i].size();
    return m->collapse_keys[i].data();
}
const char *lc_mset_data(const lc_mset *m, size_t i, size_t *len) {
    *len = m->data[i].size();
    return m->data[i].data();
}
const char *lc_mset_corrected(const lc_mset *m, size_t *len) {
    *len = m->corrected.size();
    return m->corrected.data();
}

lc_termlist *lc_mset_query_terms(const lc_mset *m, lc_error *err) {
    return guard_ptr<lc_termlist>(err, [&] {
        auto *list = new lc_termlist;
        for (auto it = m->query.get_unique_terms_begin(); it != m->query.get_unique_terms_end(); ++it)
            list->items.emplace_back(*it, 0);
        return list;
    });
}

size_t lc_mset_facet_size(const lc_mset *m, size_t facet) { return m->facets[facet].size(); }
uint32_t lc_mset_facet_sample(const lc_mset *m) { return m->facet_sample; }
const char *lc_mset_facet_value(const lc_mset *m, size_t facet, size_t i, size_t *len) {
    *len = m->facets[facet][i].first.size();
    return m->facets[facet][i].first.data();
}
uint32_t lc_mset_facet_count(const lc_mset *m, size_t facet, size_t i) {
    return m->facets[facet][i].second;
}

} // extern "C"
