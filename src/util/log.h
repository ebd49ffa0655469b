/*
 * log.h - logging to syslog (facility mail), or to a file for tests.
 *
 * inetd hands imapd the client socket as stderr too, so nothing is ever
 * written to stderr once serving: messages go to syslog (facility mail,
 * through /dev/log or the socket named by $IMAPD_SYSLOG_SOCKET), or to
 * the file named by $IMAPD_LOG_FILE (tests and `make run` read it).
 * log_* report and return; only start-up code may call log_fatal().
 * Every message is escaped on its way out (log_escape below), so callers
 * may pass client-supplied text as it came.
 */
#ifndef IMAPD_UTIL_LOG_H
#define IMAPD_UTIL_LOG_H

#include <stdbool.h>
#include <stddef.h>

/* Open the log under `ident` ("imapd", "imapd-master"). */
void log_open(const char *ident);

/* Also copy every message to stderr (before serving, for -D and tools). */
void log_to_stderr(bool on);

void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Copy s into out (size octets, NUL included) as the log writes every
 * message: printable US-ASCII stays, "\" becomes "\\", any other octet
 * (controls, DEL, 8-bit) becomes "\xHH".  Cut before an escape that
 * does not fit.  Returns the length written.  For text that reaches an
 * administrator other than through log_*() (telemetry headers).
 */
size_t log_escape(const char *s, char *out, size_t size);

/* Log and exit(75) (EX_TEMPFAIL): start-up failures only, never client input. */
void log_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
