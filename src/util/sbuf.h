/*
 * sbuf.h - a growable, binary-safe byte buffer (after Redis's sds, without
 * the header tricks).  Used to build response fragments (ENVELOPE,
 * BODYSTRUCTURE), index records and file contents.
 *
 * An sbuf either lives on the heap (arena == NULL; free with sbuf_free)
 * or grows inside an arena (freed with it).  Allocation failure sets
 * `failed` and turns later appends into no-ops, so callers check once at
 * the end instead of after every append.
 */
#ifndef IMAPD_UTIL_SBUF_H
#define IMAPD_UTIL_SBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

struct sbuf {
	char *data;        /* always NUL-terminated when len > 0 or cap > 0 */
	size_t len, cap;
	struct arena *arena;
	bool failed;
};

/* An empty buffer on the heap (arena NULL) or in an arena. */
void sbuf_init(struct sbuf *b, struct arena *arena);
void sbuf_free(struct sbuf *b);
void sbuf_reset(struct sbuf *b);  /* len = 0, keep memory */

/* Make room for n more octets; false (and failed set) when impossible. */
bool sbuf_reserve(struct sbuf *b, size_t n);

void sbuf_add_slow(struct sbuf *b, const void *data, size_t len);
void sbuf_adds(struct sbuf *b, const char *s);

/* Appends with the room already there inline: header decoding and the
 * search forms add octet by octet (a first SEARCH SUBJECT of 100,000
 * messages spent a sixth of its instructions in the call otherwise). */
static inline void sbuf_add(struct sbuf *b, const void *data, size_t len)
{
	if (!b->failed && len < b->cap - b->len && b->cap != 0) {
		if (len > 0)
			__builtin_memcpy(b->data + b->len, data, len);
		b->len += len;
		b->data[b->len] = '\0';
		return;
	}
	sbuf_add_slow(b, data, len);
}

static inline void sbuf_addc(struct sbuf *b, char c)
{
	if (!b->failed && b->cap - b->len > 1) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	sbuf_add_slow(b, &c, 1);
}
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* IMAP string forms (RFC2060 §4.3): quoted when possible, else a literal;
 * nstring writes NIL for NULL. */
void sbuf_add_imap_string(struct sbuf *b, const char *data, size_t len);
void sbuf_add_imap_nstring(struct sbuf *b, const char *data, size_t len);

/* The contents as a C string ("" when empty). */
static inline const char *sbuf_str(const struct sbuf *b) { return b->data != NULL ? b->data : ""; }

#endif
