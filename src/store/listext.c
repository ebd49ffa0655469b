/*
 * listext.c - the extended LIST of RFC5258 (LIST-EXTENDED): several
 * patterns, the selection options SUBSCRIBED, RECURSIVEMATCH and (RFC6154
 * §2) SPECIAL-USE, and for every name \NonExistent, \Subscribed, its
 * children (RFC5258 §4) and special uses.
 *
 * What RFC5258 §3 changes is for the extended syntax only; the RFC2060
 * LIST (list.c) keeps its \Noselect levels and its empty pattern.
 *
 * Which names come back (RFC5258 §3.3):
 *   - no selection option: every name that matches a pattern, a level that
 *     exists only through its inferiors as \NonExistent \HasChildren
 *     (RFC5258 §3.5 asks for that pair where CHILDINFO cannot be sent);
 *   - SUBSCRIBED: the subscribed names that match, existing or not;
 *   - SPECIAL-USE: the mailboxes that have a special use (with SUBSCRIBED:
 *     both must hold);
 *   - RECURSIVEMATCH: also a matching name that does not meet the
 *     selection but has a descendant that does and that matches no
 *     pattern, with CHILDINFO ("SUBSCRIBED"); a name that meets the
 *     selection gets CHILDINFO whenever a descendant meets it too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/listnames.h"
#include "store/store_int.h"
#include "store/subs.h"
#include "util/wildmat.h"

/* One name to answer with.  Ancestors are added once per descendant and
 * merged after sorting. */
struct hit {
	char *name;
	unsigned attrs;
	bool matched;         /* meets the selection criteria */
	bool childinfo;       /* a descendant meets them and matches no pattern */
	bool childinfo_weak;  /* a descendant meets them (and matches a pattern) */
};

struct hits {
	struct hit *e;
	size_t n, cap;
};

static bool hits_add(struct hits *h, const char *name, const struct hit *proto)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 32;
		struct hit *e = realloc(h->e, cap * sizeof(*e));
		if (e == NULL)
			return false;
		h->e = e;
		h->cap = cap;
	}
	struct hit x = *proto;
	if ((x.name = strdup(name)) == NULL)
		return false;
	h->e[h->n++] = x;
	return true;
}

static void hits_free(struct hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->e[i].name);
	free(h->e);
}

static int cmp_hits(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	bool xi = strcmp(x->name, "INBOX") == 0, yi = strcmp(y->name, "INBOX") == 0;
	if (xi != yi)
		return xi ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The canonical patterns (reference + pattern, RFC5258 §3), empty ones
 * left out, each compiled once. */
struct pats {
	char **full;
	struct wildmat **wm;
	size_t n;
};

static bool pats_match(const struct pats *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (list_pattern_match(p->wm[i], name))
			return true;
	return false;
}

/* What the directory says about a name, or \NonExistent. */
static unsigned base_attrs(const struct list_names *ns, const char *name)
{
	const struct list_name *e = list_names_find(ns, name);
	return e != NULL ? e->attrs : STORE_LIST_NOSELECT | STORE_LIST_NONEXISTENT;
}

/* The matching ancestors of a name that meets the selection, for
 * RECURSIVEMATCH (RFC5258 §3.5). */
static bool add_ancestors(struct hits *h, const struct pats *p, const struct list_names *ns,
			  const char *name)
{
	bool child_matches = pats_match(p, name);
	char buf[4096];
	for (size_t k = 0; name[k] != '\0' && k < sizeof(buf); k++) {
		if (name[k] != STORE_DELIM)
			continue;
		memcpy(buf, name, k);
		buf[k] = '\0';
		if (!pats_match(p, buf))
			continue;
		struct hit x = { .attrs = base_attrs(ns, buf), .childinfo = !child_matches,
				 .childinfo_weak = child_matches };
		if (!hits_add(h, buf, &x))
			return false;
	}
	return true;
}

/* The names that meet the selection (and their ancestors). */
static bool select_names(struct store *st, const struct store_list_query *q,
			 const struct pats *p, const struct list_names *ns,
			 const struct list_names *subs, const struct list_uses *uses,
			 struct hits *h)
{
	bool by_use = q->select & STORE_SELECT_SPECIALUSE;
	if (q->select & STORE_SELECT_SUBSCRIBED) {
		for (size_t i = 0; i < subs->n; i++) {
			const char *name = subs->e[i].name;
			unsigned attrs = base_attrs(ns, name);
			if (by_use && ((attrs & STORE_LIST_NOSELECT) ||
				       list_uses_of(st, uses, name) == 0))
				continue;
			if (pats_match(p, name)) {
				struct hit x = { .attrs = attrs, .matched = true };
				if (!hits_add(h, name, &x))
					return false;
			}
			if ((q->select & STORE_SELECT_RECURSIVE) && !add_ancestors(h, p, ns, name))
				return false;
		}
		return true;
	}
	for (size_t i = 0; i < ns->n; i++) {
		const struct list_name *e = &ns->e[i];
		if (by_use && ((e->attrs & STORE_LIST_NOSELECT) ||
			       list_uses_of(st, uses, e->name) == 0))
			continue;
		if (!pats_match(p, e->name))
			continue;
		struct hit x = { .attrs = e->attrs, .matched = true };
		if (!hits_add(h, e->name, &x))
			return false;
	}
	return true;
}

/* Merge the entries of one name (sorted: they are adjacent) and answer. */
static void answer(struct store *st, struct hits *h, const struct list_names *ns,
		   const struct list_names *subs, const struct list_uses *uses,
		   store_list_fn *fn, void *ctx)
{
	for (size_t i = 0; i < h->n;) {
		struct hit m = h->e[i];
		size_t j = i + 1;
		for (; j < h->n && strcmp(h->e[j].name, m.name) == 0; j++) {
			m.matched |= h->e[j].matched;
			m.childinfo |= h->e[j].childinfo;
			m.childinfo_weak |= h->e[j].childinfo_weak;
		}
		i = j;
		/* RFC5258 §3.5: a name that does not meet the selection comes
		 * back only for a descendant no pattern matched (SHOULD
		 * suppress the redundant CHILDINFO). */
		if (!m.matched && !m.childinfo)
			continue;
		struct store_list_item it = {
			.name = m.name, .attrs = m.attrs, .matched = m.matched,
			.childinfo = m.childinfo || (m.matched && m.childinfo_weak),
		};
		if (!(it.attrs & STORE_LIST_NOSELECT)) {
			it.attrs |= list_marked(st, m.name);
			it.uses = list_uses_of(st, uses, m.name);
		}
		if (list_names_find(subs, m.name) != NULL)
			it.attrs |= STORE_LIST_SUBSCRIBED;
		it.attrs |= list_names_has_inferior(ns, m.name) ? STORE_LIST_HASCHILDREN
			: STORE_LIST_HASNOCHILDREN;
		fn(ctx, &it);
	}
}

bool store_list_ext(struct store *st, const struct store_list_query *q, store_list_fn *fn,
		    void *ctx, struct store_err *err)
{
	struct pats p = { calloc(q->npatterns + 1, sizeof(char *)),
			  calloc(q->npatterns + 1, sizeof(struct wildmat *)), 0 };
	struct list_names ns = { 0 }, subs = { 0 };
	struct list_uses uses = { 0 };
	struct hits h = { 0 };
	bool ok = p.full != NULL && p.wm != NULL;
	for (size_t i = 0; ok && i < q->npatterns; i++) {
		/* RFC5258 §3: in the extended syntax an empty pattern is
		 * ignored; it has no special meaning. */
		if (q->patterns[i][0] == '\0')
			continue;
		ok = asprintf(&p.full[p.n], "%s%s", q->reference, q->patterns[i]) >= 0;
		if (ok && (p.wm[p.n] = list_pattern_new(p.full[p.n])) == NULL) {
			free(p.full[p.n]);
			ok = false;
		}
		if (ok)
			p.n++;
	}
	if (!ok) {
		store_fail(err, STORE_ERR_IO, "Out of memory");
	} else if (p.n > 0) {
		char **names = NULL;
		size_t nnames = 0;
		ok = list_collect(st, &ns, err);
		if (ok && !subs_read(st, &names, &nnames))
			ok = store_fail(err, STORE_ERR_IO, "Cannot read the subscriptions");
		for (size_t i = 0; ok && i < nnames; i++)
			ok = list_names_add(&subs, names[i], 0);
		subs_free(names, nnames);
		list_names_sort(&subs);
		if (ok && !list_uses_load(st, &uses))
			ok = store_fail(err, STORE_ERR_IO, "Cannot read the special uses");
		if (ok && !select_names(st, q, &p, &ns, &subs, &uses, &h))
			ok = store_fail(err, STORE_ERR_IO, "Out of memory");
		if (ok) {
			if (h.n > 1)
				qsort(h.e, h.n, sizeof(h.e[0]), cmp_hits);
			answer(st, &h, &ns, &subs, &uses, fn, ctx);
		}
	}
	hits_free(&h);
	list_uses_free(&uses);
	list_names_free(&subs);
	list_names_free(&ns);
	for (size_t i = 0; i < p.n; i++)
		free(p.full[i]);
	for (size_t i = 0; i < p.n; i++)
		wildmat_free(&p.wm[i]);
	free(p.wm);
	free(p.full);
	return ok;
}
