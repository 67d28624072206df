// Xapian's English (Porter2) stemmer.
#include "Guard.hpp"

using cxapian::guard;

extern "C" int lc_stem_english(const char *word, size_t len, const char **out,
                               size_t *out_len, lc_error *err) {
    static thread_local Xapian::Stem stemmer("english");
    static thread_local std::string result;
    return guard(err, [&] {
        result = stemmer(std::string(word, len));
        *out = result.data();
        *out_len = result.size();
    });
}
