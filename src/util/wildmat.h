/*
 * wildmat.h - the mailbox patterns of LIST and LSUB (RFC2060 §6.3.8):
 * "*" matches zero or more octets, "%" zero or more octets other than
 * the hierarchy delimiter, every other octet itself.
 *
 * A pattern is compiled once into the bit sets of its automaton (one bit
 * per pattern position); matching a name moves the set of live positions
 * along the name one octet at a time.  So a match costs about
 * len(name) x len(pattern) / 64 word operations whatever the pattern:
 * nothing backtracks, and "*a*a*a*a*a*a*a*a*a*a*b" is as cheap as "*".
 */
#ifndef IMAPD_UTIL_WILDMAT_H
#define IMAPD_UTIL_WILDMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wildmat;

/*
 * Compile `pattern` for names whose hierarchy delimiter is `delim`.
 * Names longer than `max_name` octets never match; it bounds the memory
 * a long pattern can take (a pattern needing more octets than that is
 * not compiled further).  Returns NULL when out of memory.
 */
struct wildmat *wildmat_new(const char *pattern, char delim, size_t max_name);

/* Free a compiled pattern and NULL the pointer. */
void wildmat_free(struct wildmat **wm);

/*
 * Whether `name` matches.  Its first `fold` octets compare without
 * regard to ASCII case (the INBOX level of a mailbox name, RFC3501 §5.1).
 * When steps_r is not NULL, the word operations spent are added to it
 * (tests check the bound with it).  The bit sets live in wm: one match
 * at a time per compiled pattern.
 */
bool wildmat_match(const struct wildmat *wm, const char *name, size_t fold, uint64_t *steps_r);

#endif
