/*
 * usage.c - store_usage(): the user's usage for QUOTA (RFC9208), from the
 * quota file (quota.h) when it is whole, else recomputed from every
 * mailbox's index and written afresh.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/maildir.h"
#include "store/quota.h"
#include "store/store_int.h"
#include "util/log.h"

/* Every selectable mailbox's name, collected by store_list. */
struct names {
	char **v;
	size_t n, cap;
	bool failed;
};

static void collect(void *ctx, const struct store_list_item *it)
{
	struct names *l = ctx;
	if (it->attrs & (STORE_LIST_NOSELECT | STORE_LIST_NONEXISTENT))
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap == 0 ? 16 : l->cap * 2;
		char **v = realloc(l->v, cap * sizeof(*v));
		if (v == NULL) {
			l->failed = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	if ((l->v[l->n] = strdup(it->name)) == NULL)
		l->failed = true;
	else
		l->n++;
}

/* The totals from every mailbox's index (each brought up to date by
 * store_status), written as a fresh file. */
static bool usage_recompute(struct store *st, struct store_usage *u, struct store_err *err)
{
	struct names l = { 0 };
	bool ok = store_list(st, "", "*", false, collect, &l, err);
	if (ok && l.failed)
		ok = store_fail(err, STORE_ERR_IO, "Out of memory");
	u->octets = u->messages = 0;
	for (size_t i = 0; ok && i < l.n; i++) {
		struct store_status s;
		struct store_err e2;
		/* A mailbox removed meanwhile holds nothing. */
		if (store_status(st, l.v[i], true, &s, &e2)) {
			u->octets += s.size;
			u->messages += s.messages;
		} else if (e2.code != STORE_ERR_NOTFOUND) {
			*err = e2;
			ok = false;
		}
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	if (!ok)
		return false;
	char text[128];
	int n = snprintf(text, sizeof(text), QUOTA_MAGIC "%" PRIu64 " %" PRIu64 "\n", u->octets,
			 u->messages);
	if (!mdir_write_file(st->root, QUOTA_FILE, text, (size_t)n))
		log_warn("writing %s/%s: %s", st->root, QUOTA_FILE, strerror(errno));
	return true;
}

bool store_usage(struct store *st, struct store_usage *u_r, struct store_err *err)
{
	if (quota_read(st, u_r))
		return true;
	return usage_recompute(st, u_r, err);
}
