/*
 * rev2.c - IMAP4rev2's mailbox names (rev2.h).
 *
 * RFC9051 §5.1: "mailbox names are encoded in UTF-8"; the store keeps the
 * modified UTF-7 of RFC3501 §5.1.3 that every maildir++ tool reads, so a
 * rev2 name is converted at the edge, both ways, with the same code for
 * every command that takes or echoes a name.
 */
#include "cmd/rev2.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/log.h"

const char *rev2_name_in(struct session *s, const char *data, size_t len, size_t *len_r)
{
	/* A NUL is left for store_name_check to refuse (it would end the
	 * converted C string early). */
	if (!rev2_on(s) || memchr(data, '\0', len) != NULL) {
		*len_r = len;
		return data;
	}
	char *m = NULL;
	if (!store_name_from_utf8(data, len, &m))
		return NULL;
	*len_r = strlen(m);
	char *copy = arena_strdup(&s->arena, m);
	free(m);
	return copy;
}

const char *rev2_name_out(struct session *s, const char *name)
{
	if (!rev2_on(s))
		return name;
	char *u = NULL;
	if (!store_name_to_utf8(name, strlen(name), &u)) {
		log_warn("mailbox name %s is not modified UTF-7: not shown to an IMAP4rev2 client", name);
		return NULL;
	}
	char *copy = arena_strdup(&s->arena, u);
	free(u);
	return copy;
}
