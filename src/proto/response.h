/*
 * response.h - writing IMAP responses (RFC2060 §7).
 *
 * Responses are queued on the connection and flushed at the end of each
 * command (and whenever the buffer fills), so a FETCH of many messages
 * costs few system calls.
 */
#ifndef IMAPD_PROTO_RESPONSE_H
#define IMAPD_PROTO_RESPONSE_H

#include <stdarg.h>
#include <stddef.h>

#include "proto/session.h"

/* "* " fmt CRLF */
void resp_untagged(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* tag SP status SP text CRLF, with the current command's tag.  A command
 * that ran ends with cmd_ok() or cmd_no() (cmd/cmd.h), which send the
 * mailbox updates first; these write just the line. */
void resp_tagged(struct session *s, const char *status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void resp_vtagged(struct session *s, const char *status, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* tag BAD text: a command that did not run (syntax, state, arguments). */
void resp_bad(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A tagged BAD for a tag that may be NULL (then "* BAD"). */
void resp_bad_tag(struct session *s, const char *tag, const char *text);

/* "* BYE" text CRLF, flushed. */
void resp_bye(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "+ " text CRLF, flushed: the client is waiting for it. */
void resp_continue(struct session *s, const char *text);

/* An IMAP string: quoted when that is possible, a literal otherwise
 * (8-bit octets, CR, LF, NUL, or long). */
void resp_string(struct session *s, const char *data, size_t len);

/* astring: an atom when the text is one, else resp_string(). */
void resp_astring(struct session *s, const char *data, size_t len);

/* Raw output. */
void resp_write(struct session *s, const void *data, size_t len);
void resp_puts(struct session *s, const char *str);
void resp_printf(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
