// Relevance feedback: the ESet of a set of relevant documents, filtered by an
// ExpandDecider (prefix, stop terms, numbers, too rare or too common terms).
#include "Guard.hpp"
#include "Handles.hpp"
#include <cstdlib>
#include <unordered_set>

using cxapian::guard_ptr;

namespace {

class TermDecider : public Xapian::ExpandDecider {
  public:
    TermDecider(const Xapian::Database &db, const lc_expand_options &o)
        : db_(db), prefix_(o.prefix ? o.prefix : ""), min_tf_(o.min_termfreq),
          unprefixed_only_(o.unprefixed_only != 0), skip_numbers_(o.skip_numbers != 0) {
        for (size_t i = 0; i < o.stop_count; ++i) stop_.insert(o.stop_terms[i]);
        Xapian::doccount n = db.get_doccount();
        max_tf_ = o.max_df_share > 0 ? Xapian::doccount(o.max_df_share * n) : n;
    }

    bool operator()(const std::string &term) const override {
        if (term.compare(0, prefix_.size(), prefix_) != 0) return false;
        if (term.size() == prefix_.size()) return false;
        if (unprefixed_only_ && term[0] >= 'A' && term[0] <= 'Z') return false;
        if (stop_.count(term)) return false;
        if (skip_numbers_) {
            bool digits = true;
            for (size_t i = prefix_.size(); i < term.size(); ++i)
                if (term[i] < '0' || term[i] > '9') { digits = false; break; }
            if (digits) return false;
        }
        if (min_tf_ > 1 || max_tf_ < db_.get_doccount()) {
            Xapian::doccount tf = db_.get_termfreq(term);
            if (tf < min_tf_ || tf > max_tf_) return false;
        }
        return true;
    }

  private:
    Xapian::Database db_;
    std::string prefix_;
    std::unordered_set<std::string> stop_;
    Xapian::doccount min_tf_;
    Xapian::doccount max_tf_;
    bool unprefixed_only_;
    bool skip_numbers_;
};

} // namespace

extern "C" {

lc_termlist *lc_expand(lc_database *db, const lc_expand_options *o,
                       double **weights, lc_error *err) {
    *weights = nullptr;
    return guard_ptr<lc_termlist>(err, [&] {
        Xapian::RSet rset;
        for (size_t i = 0; i < o->rset_count; ++i) rset.add_document(o->rset[i]);
        Xapian::Enquire enquire(db->db);
        TermDecider decider(db->db, *o);
        // Exact term frequencies: over several databases (shards) Xapian
        // otherwise approximates them, and the weights change with the layout.
        Xapian::ESet eset = enquire.get_eset(o->max_terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
        auto *list = new lc_termlist;
        auto *w = static_cast<double *>(std::malloc(sizeof(double) * (eset.size() + 1)));
        if (!w) {
            delete list;
            throw std::bad_alloc();
        }
        size_t i = 0;
        for (auto it = eset.begin(); it != eset.end(); ++it, ++i) {
            list->items.emplace_back(*it, 0);
            w[i] = it.get_weight();
        }
        *weights = w;
        return list;
    });
}

void lc_free_weights(double *weights) { std::free(weights); }

} // extern "C"
