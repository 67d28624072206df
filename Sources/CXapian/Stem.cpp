// Xapian's English (Porter2) stemmer.
#include "Guard.hpp"

using cxapian::guard;

extern "C" int lc_stem_english(const char *word, size_t len, const char **out,
                               size_t *out_len, lc_error *err) {
    // Per-thread state, on purpose: a Xapian::Stem is not safe to share
    // between threads, and building one per call would cost each word an
    // allocation. Each thread gets its own stemmer, and its own result
    // buffer, which stays valid until that thread's next call.
    static thread_local Xapian::Stem stemmer("english");
    static thread_local std::string result;
    return guard(err, [&] {
        result = stemmer(std::string(word, len));
        *out = result.data();
        *out_len = result.size();
    });
}
