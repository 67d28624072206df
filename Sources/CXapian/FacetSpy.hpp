// A match spy that counts the values of one slot, where a slot may hold
// several values joined by the unit separator (0x1F): a news article about
// three cities counts once for each of their countries.
#ifndef CXAPIAN_FACETSPY_HPP
#define CXAPIAN_FACETSPY_HPP

#include <xapian.h>
#include <map>
#include <string>

namespace cxapian {

class SplitValueCountMatchSpy : public Xapian::MatchSpy {
  public:
    explicit SplitValueCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document &doc, double) override {
        const std::string value = doc.get_value(slot_);
        if (value.empty()) return;
        size_t start = 0;
        while (start <= value.size()) {
            size_t end = value.find('\x1f', start);
            if (end == std::string::npos) end = value.size();
            if (end > start) ++counts_[value.substr(start, end - start)];
            start = end + 1;
        }
    }

    const std::map<std::string, Xapian::doccount> &counts() const { return counts_; }

  private:
    Xapian::valueno slot_;
    std::map<std::string, Xapian::doccount> counts_;
};

} // namespace cxapian

#endif
