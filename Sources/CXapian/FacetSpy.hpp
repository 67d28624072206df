// A match spy that counts the values of one slot, where a slot may hold
// several values joined by the unit separator (0x1F): a news article about
// three cities counts once for each of their countries.
//
// It is Xapian's own ValueCountMatchSpy (which counts whole slot values) with
// the split done when the counts are read. Being the built-in class, it
// serialises to remote shards: `xapian-tcpsrv` knows it and sends its counts
// back, where a custom MatchSpy subclass would be rejected by the server.
#ifndef CXAPIAN_FACETSPY_HPP
#define CXAPIAN_FACETSPY_HPP

#include <xapian.h>
#include <map>
#include <string>

namespace cxapian {

class SplitValueCountMatchSpy : public Xapian::ValueCountMatchSpy {
  public:
    explicit SplitValueCountMatchSpy(Xapian::valueno slot) : Xapian::ValueCountMatchSpy(slot) {}

    /// Counts per single value (joined values split and summed).
    std::map<std::string, Xapian::doccount> counts() const {
        std::map<std::string, Xapian::doccount> split;
        for (auto it = values_begin(); it != values_end(); ++it) {
            const std::string value = *it;
            const Xapian::doccount count = it.get_termfreq();
            size_t start = 0;
            while (start <= value.size()) {
                size_t end = value.find('\x1f', start);
                if (end == std::string::npos) end = value.size();
                if (end > start) split[value.substr(start, end - start)] += count;
                start = end + 1;
            }
        }
        return split;
    }
};

} // namespace cxapian

#endif
