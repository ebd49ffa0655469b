/*
 * list.c - LIST and LSUB (RFC2060 §6.3.8, §6.3.9): the mailbox names of
 * the root that match a reference and a pattern with "*" (anything) and
 * "%" (anything but the delimiter).
 *
 * The names are the folders ".name" of the root plus INBOX.  A level that
 * only exists as the parent of folders (".a.b" without ".a") is listed
 * as \Noselect.  \Marked means new/ holds messages no session has seen.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

/* Names are at most one directory entry; 4096 leaves room for a
 * subscriptions file written by hand. */
#define LIST_NAME_MAX 4096

static bool list_match(const struct wildmat *wm, const char *name)
{
	return wildmat_match(wm, name, inbox_prefix(name), NULL);
}

bool store_list_match(const char *pattern, const char *name)
{
	struct wildmat *wm = wildmat_new(pattern, STORE_DELIM, LIST_NAME_MAX);
	bool m = wm != NULL && list_match(wm, name);
	wildmat_free(&wm);
	return m;
}

/* ---- the names --------------------------------------------------------------- */

struct name_ent {
	char *name;
	unsigned attrs;
};

struct names {
	struct name_ent *e;
	size_t n, cap;
};

static bool names_add(struct names *ns, const char *name, unsigned attrs)
{
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 32;
		struct name_ent *e = realloc(ns->e, cap * sizeof(*e));
		if (e == NULL)
			return false;
		ns->e = e;
		ns->cap = cap;
	}
	char *copy = strdup(name);
	if (copy == NULL)
		return false;
	ns->e[ns->n++] = (struct name_ent){ copy, attrs };
	return true;
}

static void names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->e[i].name);
	free(ns->e);
	memset(ns, 0, sizeof(*ns));
}

/* INBOX first, then byte order. */
static int cmp_names(const void *a, const void *b);

/* qsort() must not see a NULL array, even an empty one. */
static void names_sort(struct names *ns)
{
	if (ns->n > 1)
		qsort(ns->e, ns->n, sizeof(ns->e[0]), cmp_names);
}

static int cmp_names(const void *a, const void *b)
{
	const struct name_ent *x = a, *y = b;
	bool xi = strcmp(x->name, "INBOX") == 0, yi = strcmp(y->name, "INBOX") == 0;
	if (xi != yi)
		return xi ? -1 : 1;
	return strcmp(x->name, y->name);
}

static bool names_has(const struct names *ns, const char *name)
{
	size_t lo = 0, hi = ns->n;
	struct name_ent key = { (char *)name, 0 };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_names(&ns->e[mid], &key);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Add the \Noselect parents that exist only through their inferiors;
 * ns must be sorted, and is again afterwards. */
static bool add_parents(struct names *ns)
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
			if (names_has(ns, buf))
				continue;
			bool dup = false;
			for (size_t j = n0; j < ns->n && !dup; j++)
				dup = strcmp(ns->e[j].name, buf) == 0;
			if (!dup && !names_add(ns, buf, STORE_LIST_NOSELECT))
				return false;
		}
	}
	names_sort(ns);
	return true;
}

/* Every mailbox of the root, with \Noselect for folders that are no maildir. */
static bool collect(struct store *st, struct names *ns, struct store_err *err)
{
	DIR *d = opendir(st->root);
	if (d == NULL)
		return store_fail(err, STORE_ERR_IO, "Cannot read the mail store");
	bool ok = names_add(ns, "INBOX", 0);
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
		ok = names_add(ns, n + 1, attrs);
	}
	closedir(d);
	if (!ok)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	names_sort(ns);
	if (!add_parents(ns))
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	return true;
}

/* \Marked when new/ holds a message (RFC2060 §7.2.2). */
static unsigned marked(struct store *st, const char *name)
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
			fn(ctx, root, STORE_LIST_NOSELECT);
		return true;
	}
	char *full = NULL;
	if (asprintf(&full, "%s%s", reference, pattern) < 0)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	struct wildmat *wm = wildmat_new(full, STORE_DELIM, LIST_NAME_MAX);
	if (wm == NULL) {
		free(full);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	struct names ns = { 0 };
	bool ok = true;
	if (!lsub) {
		ok = collect(st, &ns, err);
		for (size_t i = 0; ok && i < ns.n; i++) {
			const struct name_ent *e = &ns.e[i];
			if (!list_match(wm, e->name))
				continue;
			unsigned attrs = e->attrs;
			if (!(attrs & STORE_LIST_NOSELECT))
				attrs |= marked(st, e->name);
			fn(ctx, e->name, attrs);
		}
	} else {
		char **subs;
		size_t nsubs;
		if (!subs_read(st, &subs, &nsubs)) {
			wildmat_free(&wm);
			free(full);
			return store_fail(err, STORE_ERR_IO, "Cannot read the subscriptions");
		}
		for (size_t i = 0; ok && i < nsubs; i++)
			ok = names_add(&ns, subs[i], store_exists(st, subs[i]) ? 0 : STORE_LIST_NOSELECT);
		subs_free(subs, nsubs);
		names_sort(&ns);
		/* RFC2060 §6.3.9: with "%", a subscribed "a.b" under an
		 * unsubscribed "a" makes LSUB return "a" as \Noselect. */
		struct names parents = { 0 };
		bool pct = strchr(full, '%') != NULL;
		for (size_t i = 0; ok && i < ns.n; i++) {
			const char *name = ns.e[i].name;
			if (list_match(wm, name)) {
				fn(ctx, name, ns.e[i].attrs);
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
				if (names_has(&ns, buf) || !list_match(wm, buf))
					continue;
				bool dup = false;
				for (size_t j = 0; j < parents.n && !dup; j++)
					dup = strcmp(parents.e[j].name, buf) == 0;
				if (dup)
					continue;
				ok = names_add(&parents, buf, STORE_LIST_NOSELECT);
				if (ok)
					fn(ctx, buf, STORE_LIST_NOSELECT);
			}
		}
		names_free(&parents);
		if (!ok)
			store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	names_free(&ns);
	wildmat_free(&wm);
	free(full);
	return ok;
}
