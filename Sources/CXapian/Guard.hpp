// The one place where C++ exceptions stop: every entry point of the C API
// runs its body through `guard`, which turns anything thrown into an lc_error.
#ifndef CXAPIAN_GUARD_HPP
#define CXAPIAN_GUARD_HPP

#include "CXapian.h"
#include <xapian.h>
#include <cstring>
#include <exception>
#include <new>
#include <string>

namespace cxapian {

inline void set_error(lc_error *err, int code, const char *type,
                      const std::string &message) {
    if (!err) return;
    err->code = code;
    std::strncpy(err->type, type, sizeof(err->type) - 1);
    err->type[sizeof(err->type) - 1] = '\0';
    std::strncpy(err->message, message.c_str(), sizeof(err->message) - 1);
    err->message[sizeof(err->message) - 1] = '\0';
}

inline void clear_error(lc_error *err) {
    if (!err) return;
    err->code = LC_OK;
    err->sys_errno = 0;
    err->type[0] = '\0';
    err->message[0] = '\0';
}

/// Maps Xapian's class name (Error::get_type) to a stable code.
inline int code_for(const char *type) {
    struct Entry { const char *name; int code; };
    static const Entry table[] = {
        {"DatabaseNotFoundError", LC_ERR_DATABASE_NOT_FOUND},
        {"DatabaseOpeningError", LC_ERR_DATABASE_OPENING},
        {"DatabaseVersionError", LC_ERR_DATABASE_OPENING},
        {"DatabaseLockError", LC_ERR_DATABASE_LOCKED},
        {"DatabaseModifiedError", LC_ERR_DATABASE_MODIFIED},
        {"DatabaseCorruptError", LC_ERR_DATABASE_CORRUPT},
        {"DatabaseCreateError", LC_ERR_DATABASE},
        {"DatabaseClosedError", LC_ERR_DATABASE},
        {"DatabaseError", LC_ERR_DATABASE},
        {"QueryParserError", LC_ERR_QUERY_PARSER},
        {"NetworkTimeoutError", LC_ERR_NETWORK_TIMEOUT},
        {"NetworkError", LC_ERR_NETWORK},
        {"DocNotFoundError", LC_ERR_DOC_NOT_FOUND},
        {"InvalidArgumentError", LC_ERR_INVALID_ARGUMENT},
        {"InvalidOperationError", LC_ERR_INVALID_OPERATION},
        {"WildcardError", LC_ERR_WILDCARD},
    };
    for (const Entry &e : table)
        if (std::strcmp(e.name, type) == 0) return e.code;
    return LC_ERR_XAPIAN;
}

/// The errno behind Xapian's system error string, or 0. Xapian 1.4 keeps
/// the number private and hands out only `strerror(errno)`; the number is
/// recovered by asking strerror for the same text, so that callers match
/// the error by code (ENOSPC, EACCES…) rather than by message words.
inline int errno_for(const char *error_string) {
    if (!error_string) return 0;
    for (int candidate = 1; candidate < 256; ++candidate)
        if (std::strcmp(std::strerror(candidate), error_string) == 0) return candidate;
    return 0;
}

/// Runs `body`; returns 0 on success, the error code otherwise.
template <typename Body>
int guard(lc_error *err, Body &&body) noexcept {
    clear_error(err);
    try {
        body();
        return LC_OK;
    } catch (const Xapian::Error &e) {
        const char *type = e.get_type();
        std::string message = e.get_msg();
        if (!e.get_context().empty()) message += " (" + e.get_context() + ")";
        if (e.get_error_string()) {
            message += ": ";
            message += e.get_error_string();
        }
        set_error(err, code_for(type), type, message);
        if (err) err->sys_errno = errno_for(e.get_error_string());
    } catch (const std::bad_alloc &) {
        set_error(err, LC_ERR_STD, "bad_alloc", "out of memory");
    } catch (const std::exception &e) {
        set_error(err, LC_ERR_STD, "std::exception", e.what());
    } catch (...) {
        set_error(err, LC_ERR_UNKNOWN, "unknown", "unknown C++ exception");
    }
    return err ? err->code : LC_ERR_UNKNOWN;
}

/// Runs `body` that returns a pointer; NULL on failure.
template <typename T, typename Body>
T *guard_ptr(lc_error *err, Body &&body) noexcept {
    T *result = nullptr;
    if (guard(err, [&] { result = body(); }) != LC_OK) {
        delete result;
        return nullptr;
    }
    return result;
}

} // namespace cxapian

#endif
