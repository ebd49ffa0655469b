/*
 * list.c - LIST and LSUB (RFC2060 §6.3.8, §6.3.9): the mailbox names of
 * the root that match a reference and a pattern with "*" (anything) and
 * "%" (anything but the delimiter).
 *
 * The names are the folders ".name" of the root plus INBOX.  A level that
 * only exists as the parent of folders (".a.b" without ".a") is listed
 * as \Noselect.  \Marked means new/ holds messages no session has seen.
 * LIST also says which names have children (RFC3348 \HasChildren and
 * \HasNoChildren) and their special uses (RFC6154 §2 allows them in the
 * RFC2060 LIST); LSUB stays as RFC2060 has it.  The extended LIST of
 * RFC5258 is listext.c.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "store/listnames.h"
#include "store/mboxname.h"
#include "store/store_int.h"
#include "store/subs.h"
#include "util/log.h"
#include "util/wildmat.h"

/* ---- matching ------------------------------------------------------------- */

/* The first level of INBOX matches case-insensitively (RFC3501 §5.1). */
static size_t inbox_prefix(const char *name)
{
	return strncmp(name, "INBOX", 5) == 0 && (name[5] == '\0' || name[5] == STORE_DELIM) ? 5 : 0;
}

struct wildmat *list_pattern_new(const char *pattern)
{
	return wildmat_new(pattern, STORE_DELIM, LIST_NAME_MAX);
}

bool list_pattern_match(const struct wildmat *wm, const char *name)
{
	return wildmat_match(wm, name, inbox_prefix(name), NULL);
}

bool store_list_match(const char *pattern, const char *name)
{
	struct wildmat *wm = list_pattern_new(pattern);
	bool m = wm != NULL && list_pattern_match(wm, name);
	wildmat_free(&wm);
	return m;
}

/* ---- the names --------------------------------------------------------------- */

/* Add the \Noselect parents that exist only through their inferiors;
 * ns must be sorted, and is again afterwards. */
static bool add_parents(struct list_names *ns)
{
	size_t n0 = ns->n;
	for (size_t i = 0; i < n0; i++) {
		char buf[4096];
		const char *name = ns->e[i].name;
		for (size_t k = 0; name[k] != '\0' && k < sizeof(buf); k++) {
			if (name[k] != STORE_DELIM)
				continue;
			memcpy(buf, name, k);
			buf[k] = '\0';
			if (list_names_find(ns, buf) != NULL)
				continue;
			bool dup = false;
			for (size_t j = n0; j < ns->n && !dup; j++)
				dup = strcmp(ns->e[j].name, buf) == 0;
			if (!dup && !list_names_add(ns, buf,
						    STORE_LIST_NOSELECT | STORE_LIST_NONEXISTENT))
				return false;
		}
	}
	list_names_sort(ns);
	return true;
}

bool list_collect(struct store *st, struct list_names *ns, struct store_err *err)
{
	DIR *d = opendir(st->root);
	if (d == NULL)
		return store_fail(err, STORE_ERR_IO, "Cannot read the mail store");
	bool ok = list_names_add(ns, "INBOX", 0);
	struct dirent *de;
	while (ok && (de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] != '.' || n[1] == '\0' || n[1] == '.')
			continue;
		if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN && de->d_type != DT_LNK)
			continue;
		/* Only names a client could have created: anything else on
		 * disk (".INBOX", 8-bit, bad mUTF-7) is not shown. */
		char *canon = NULL;
		struct store_err e2;
		if (!store_name_check(n + 1, strlen(n + 1), false, &canon, &e2))
			continue;
		bool same = strcmp(canon, n + 1) == 0 && strcmp(canon, "INBOX") != 0;
		free(canon);
		if (!same)
			continue;
		char path[4096];
		struct stat sb;
		snprintf(path, sizeof(path), "%s/%s", st->root, n);
		if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		snprintf(path, sizeof(path), "%s/%s/cur", st->root, n);
		unsigned attrs = stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) ? 0 : STORE_LIST_NOSELECT;
		ok = list_names_add(ns, n + 1, attrs);
	}
	closedir(d);
	if (!ok)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	list_names_sort(ns);
	if (!add_parents(ns))
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	return true;
}

unsigned list_marked(struct store *st, const char *name)
{
	char *path = store_name_path(st, name);
	if (path == NULL)
		return 0;
	char newdir[4096];
	snprintf(newdir, sizeof(newdir), "%s/new", path);
	free(path);
	DIR *d = opendir(newdir);
	if (d == NULL)
		return 0;
	unsigned attr = STORE_LIST_UNMARKED;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.') {
			attr = STORE_LIST_MARKED;
			break;
		}
	}
	closedir(d);
	return attr;
}

/* ---- LIST and LSUB --------------------------------------------------------------- */

/* RFC2060 LIST: every name that matches, with \Noselect or \Marked /
 * \Unmarked, its children and its special uses. */
static bool list_plain(struct store *st, const struct wildmat *wm, store_list_fn *fn, void *ctx,
		       struct store_err *err)
{
	struct list_names ns = { 0 };
	struct list_uses uses = { 0 };
	bool ok = list_collect(st, &ns, err);
	if (ok && !list_uses_load(st, &uses))
		ok = store_fail(err, STORE_ERR_IO, "Cannot read the special uses");
	for (size_t i = 0; ok && i < ns.n; i++) {
		const struct list_name *e = &ns.e[i];
		if (!list_pattern_match(wm, e->name))
			continue;
		struct store_list_item it = { .name = e->name, .attrs = e->attrs, .matched = true };
		if (!(it.attrs & STORE_LIST_NOSELECT)) {
			it.attrs |= list_marked(st, e->name);
			it.uses = list_uses_of(st, &uses, e->name);
		}
		it.attrs |= list_names_has_inferior(&ns, e->name) ? STORE_LIST_HASCHILDREN
			: STORE_LIST_HASNOCHILDREN;
		fn(ctx, &it);
	}
	list_uses_free(&uses);
	list_names_free(&ns);
	return ok;
}

/* RFC2060 LSUB: the subscribed names that match; with "%", an
 * unsubscribed parent of a subscribed name is \Noselect (§6.3.9). */
static bool list_subscribed(struct store *st, const char *full, const struct wildmat *wm,
			    store_list_fn *fn, void *ctx, struct store_err *err)
{
	char **subs;
	size_t nsubs;
	if (!subs_read(st, &subs, &nsubs))
		return store_fail(err, STORE_ERR_IO, "Cannot read the subscriptions");
	struct list_names ns = { 0 };
	bool ok = true;
	for (size_t i = 0; ok && i < nsubs; i++)
		ok = list_names_add(&ns, subs[i], store_exists(st, subs[i]) ? 0 : STORE_LIST_NOSELECT);
	subs_free(subs, nsubs);
	list_names_sort(&ns);
	struct list_names parents = { 0 };
	bool pct = strchr(full, '%') != NULL;
	for (size_t i = 0; ok && i < ns.n; i++) {
		const char *name = ns.e[i].name;
		if (list_pattern_match(wm, name)) {
			fn(ctx, &(struct store_list_item){ .name = name, .attrs = ns.e[i].attrs,
							  .matched = true });
			continue;
		}
		if (!pct)
			continue;
		char buf[4096];
		for (size_t k = 0; name[k] != '\0' && k < sizeof(buf); k++) {
			if (name[k] != STORE_DELIM)
				continue;
			memcpy(buf, name, k);
			buf[k] = '\0';
			if (list_names_find(&ns, buf) != NULL || !list_pattern_match(wm, buf))
				continue;
			bool dup = false;
			for (size_t j = 0; j < parents.n && !dup; j++)
				dup = strcmp(parents.e[j].name, buf) == 0;
			if (dup)
				continue;
			ok = list_names_add(&parents, buf, STORE_LIST_NOSELECT);
			if (ok)
				fn(ctx, &(struct store_list_item){ .name = buf,
								  .attrs = STORE_LIST_NOSELECT,
								  .matched = true });
		}
	}
	list_names_free(&parents);
	list_names_free(&ns);
	if (!ok)
		store_fail(err, STORE_ERR_IO, "Out of memory");
	return ok;
}

bool store_list(struct store *st, const char *reference, const char *pattern, bool lsub,
		store_list_fn *fn, void *ctx, struct store_err *err)
{
	if (pattern[0] == '\0') {
		/* RFC2060 §6.3.8: an empty pattern asks for the delimiter and
		 * the root of the reference (its first level, with "."). */
		const char *dot = strchr(reference, STORE_DELIM);
		char root[4096];
		size_t len = dot != NULL ? (size_t)(dot - reference) + 1 : 0;
		if (len >= sizeof(root))
			len = 0;
		memcpy(root, reference, len);
		root[len] = '\0';
		if (!lsub)
			fn(ctx, &(struct store_list_item){ .name = root, .attrs = STORE_LIST_NOSELECT,
							  .matched = true });
		return true;
	}
	char *full = NULL;
	if (asprintf(&full, "%s%s", reference, pattern) < 0)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	/* The pattern is compiled once and matched in linear time against
	 * every name (util/wildmat.c): no pattern can make LIST slow. */
	struct wildmat *wm = list_pattern_new(full);
	bool ok = wm != NULL;
	if (!ok)
		store_fail(err, STORE_ERR_IO, "Out of memory");
	else
		ok = lsub ? list_subscribed(st, full, wm, fn, ctx, err)
			  : list_plain(st, wm, fn, ctx, err);
	wildmat_free(&wm);
	free(full);
	return ok;
}
