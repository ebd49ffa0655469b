/*
 * idlist.h - the ID list the server sends about itself (RFC2971 §3.2),
 * as the administrator writes it in imapd.conf's id_send key:
 *
 *     id_send: name * os * support-url "https://mail.example.org/help"
 *
 * field/value pairs separated by spaces; a value is a word, a quoted
 * string ("\"" and "\\" escaped inside), NIL, or "*" for the built-in
 * value of a field that has one (name: "imapd"; os and os-version: the
 * kernel's name and release, from uname(2) at run time, as RFC2971 §3.3
 * prefers).  Empty: the server answers "* ID NIL".
 */
#ifndef IMAPD_UTIL_IDLIST_H
#define IMAPD_UTIL_IDLIST_H

#include <stdbool.h>
#include <stddef.h>

/* RFC2971 §3.3: "Field strings MUST NOT be longer than 30 octets.  Value
 * strings MUST NOT be longer than 1024 octets.  Implementations MUST NOT
 * send more than 30 field-value pairs." */
#define IDLIST_MAX_PAIRS 30
#define IDLIST_MAX_FIELD 30
#define IDLIST_MAX_VALUE 1024

/* Called for each pair, in order: value is the text, or NULL for NIL.
 * "*" is already replaced by the built-in value. */
typedef void idlist_fn(void *ctx, const char *field, const char *value);

/*
 * Parse `text` and call fn for every pair.  Returns false, with the
 * reason in why (size whylen), for a syntax error, a field without a
 * value, a limit of RFC2971 §3.3 passed, a field given twice (§3.3: "MUST
 * NOT send the same field name more than once", in any case), or "*" for
 * a field without a built-in value; fn is then called for no pair.
 * fn may be NULL (just check).
 */
bool idlist_parse(const char *text, idlist_fn *fn, void *ctx, char *why, size_t whylen);

#endif
