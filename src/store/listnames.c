/*
 * listnames.c - a sorted set of mailbox names (listnames.h): INBOX first,
 * then byte order, so that the inferiors of a name sort together.
 */
#include "store/listnames.h"

#include <stdlib.h>
#include <string.h>

bool list_names_add(struct list_names *ns, const char *name, unsigned attrs)
{
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 32;
		struct list_name *e = realloc(ns->e, cap * sizeof(*e));
		if (e == NULL)
			return false;
		ns->e = e;
		ns->cap = cap;
	}
	char *copy = strdup(name);
	if (copy == NULL)
		return false;
	ns->e[ns->n++] = (struct list_name){ copy, attrs };
	return true;
}

void list_names_free(struct list_names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->e[i].name);
	free(ns->e);
	memset(ns, 0, sizeof(*ns));
}

/* INBOX first, then byte order. */
static int cmp_name(const char *x, const char *y)
{
	bool xi = strcmp(x, "INBOX") == 0, yi = strcmp(y, "INBOX") == 0;
	if (xi != yi)
		return xi ? -1 : 1;
	return strcmp(x, y);
}

static int cmp_names(const void *a, const void *b)
{
	const struct list_name *x = a, *y = b;
	return cmp_name(x->name, y->name);
}

/* qsort() must not see a NULL array, even an empty one. */
void list_names_sort(struct list_names *ns)
{
	if (ns->n > 1)
		qsort(ns->e, ns->n, sizeof(ns->e[0]), cmp_names);
}

/* The first entry not before key. */
static size_t lower_bound(const struct list_names *ns, const char *key)
{
	size_t lo = 0, hi = ns->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_name(ns->e[mid].name, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct list_name *list_names_find(const struct list_names *ns, const char *name)
{
	size_t i = lower_bound(ns, name);
	return i < ns->n && strcmp(ns->e[i].name, name) == 0 ? &ns->e[i] : NULL;
}

bool list_names_has_inferior(const struct list_names *ns, const char *name)
{
	/* Every name with the prefix "name." sorts together, from the
	 * prefix itself on (INBOX, first of all, is no such name). */
	char key[4096];
	size_t len = strlen(name);
	if (len + 2 > sizeof(key))
		return false;
	memcpy(key, name, len);
	key[len] = STORE_DELIM;
	key[len + 1] = '\0';
	size_t i = lower_bound(ns, key);
	return i < ns->n && strncmp(ns->e[i].name, key, len + 1) == 0;
}

