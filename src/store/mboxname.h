/*
 * mboxname.h - mailbox names: modified UTF-7 (RFC3501 §5.1.3) and the
 * checks that keep a name inside the user's mail root.  The public entry
 * points are store_name_check() and store_name_path() in store.h.
 */
#ifndef IMAPD_STORE_MBOXNAME_H
#define IMAPD_STORE_MBOXNAME_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Check that name[0..len) is canonical modified UTF-7: printable US-ASCII
 * except "&" stands for itself; "&-" is "&"; "&" modified-BASE64 "-" holds
 * UTF-16 that must not encode printable US-ASCII, controls, or broken
 * surrogate pairs, with zero padding bits; two shifted runs must not
 * touch.  Returns false with the reason in *why_r.
 */
bool mutf7_check(const char *name, size_t len, const char **why_r);

#endif
