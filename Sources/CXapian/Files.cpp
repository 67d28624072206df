// File-system helpers the index needs around Xapian: the atomic swap of a
// freshly compacted database with the live one.
#include "Guard.hpp"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdio.h>
#include <string>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

using cxapian::guard;

extern "C" {

int lc_exchange_paths(const char *a, const char *b, lc_error *err) {
    return guard(err, [&] {
#ifdef SYS_renameat2
        if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0) return;
        throw Xapian::DatabaseError(std::string("cannot exchange ") + a + " and " + b,
                                    std::strerror(errno));
#else
        throw Xapian::UnimplementedError("atomic exchange of paths is not available on this system");
#endif
    });
}

} // extern "C"
