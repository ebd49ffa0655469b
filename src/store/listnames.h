/*
 * listnames.h - the mailbox names of a root as LIST sees them: a sorted
 * set of names with what the directory says about each, and the special
 * uses.  Shared by list.c (RFC2060 LIST and LSUB) and listext.c (RFC5258
 * extended LIST).  Private to src/store/.
 */
#ifndef IMAPD_STORE_LISTNAMES_H
#define IMAPD_STORE_LISTNAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store_int.h"

/* Names are at most one directory entry; 4096 leaves room for a
 * subscriptions file written by hand. */
#define LIST_NAME_MAX 4096

struct wildmat;

/* A LIST pattern ("*" anything, "%" anything but the delimiter; INBOX's
 * first level in any case) compiled once (util/wildmat.h), or NULL when
 * out of memory; matching costs time linear in the name. */
struct wildmat *list_pattern_new(const char *pattern);
bool list_pattern_match(const struct wildmat *wm, const char *name);

struct list_name {
	char *name;
	unsigned attrs;   /* STORE_LIST_NOSELECT, STORE_LIST_NONEXISTENT */
};

/* INBOX first, then byte order (list_names_sort). */
struct list_names {
	struct list_name *e;
	size_t n, cap;
};

bool list_names_add(struct list_names *ns, const char *name, unsigned attrs);
void list_names_sort(struct list_names *ns);
void list_names_free(struct list_names *ns);

/* The entry of name in a sorted set, or NULL. */
const struct list_name *list_names_find(const struct list_names *ns, const char *name);

/* Whether a sorted set holds a name below `name` ("name." prefix). */
bool list_names_has_inferior(const struct list_names *ns, const char *name);

/*
 * Every name of the root, sorted: INBOX, the folders ".name" (a
 * directory without cur/ is STORE_LIST_NOSELECT), and the levels that
 * exist only through their inferiors (STORE_LIST_NOSELECT |
 * STORE_LIST_NONEXISTENT).
 */
bool list_collect(struct store *st, struct list_names *ns, struct store_err *err);

/* STORE_LIST_MARKED when new/ holds a message, else STORE_LIST_UNMARKED
 * (RFC2060 §7.2.2); 0 when it cannot be read. */
unsigned list_marked(struct store *st, const char *name);

/* The special uses of names: the administrator's names (store_set_uses)
 * and the root's imapd-specialuse file (specialuse.c). */
struct list_uses {
	struct list_names assigned;   /* attrs: enum store_use bits */
};
bool list_uses_load(struct store *st, struct list_uses *u);
unsigned list_uses_of(const struct store *st, const struct list_uses *u, const char *name);
void list_uses_free(struct list_uses *u);

#endif
