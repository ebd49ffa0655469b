/*
 * lctree.c - link-cut trees (see lctree.h).
 *
 * Each tree is split into preferred paths, each kept as a splay tree
 * ordered by depth; a splay tree's root points ("up") to the node above
 * its path.  access(x) makes the path from the root to x preferred and x
 * the root of its splay tree, after which the tree's root is x's leftmost
 * splay descendant.  Everything is iterative: depth is client data.
 */
#include "util/lctree.h"

#include <stdlib.h>

#define NIL UINT32_MAX

bool lctree_init(struct lctree *t, size_t n)
{
	t->n = n;
	size_t sz = (n > 0 ? n : 1) * sizeof(uint32_t);
	t->left = malloc(sz);
	t->right = malloc(sz);
	t->up = malloc(sz);
	if (t->left == NULL || t->right == NULL || t->up == NULL) {
		lctree_free(t);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		t->left[i] = t->right[i] = t->up[i] = NIL;
	return true;
}

void lctree_free(struct lctree *t)
{
	free(t->left);
	free(t->right);
	free(t->up);
	t->left = t->right = t->up = NULL;
	t->n = 0;
}

/* Whether x is the root of its splay tree (its "up" is a path-parent). */
static bool splay_root(const struct lctree *t, uint32_t x)
{
	uint32_t p = t->up[x];
	return p == NIL || (t->left[p] != x && t->right[p] != x);
}

static void rotate(struct lctree *t, uint32_t x)
{
	uint32_t p = t->up[x], g = t->up[p];
	bool p_root = splay_root(t, p);
	if (t->left[p] == x) {
		t->left[p] = t->right[x];
		if (t->right[x] != NIL)
			t->up[t->right[x]] = p;
		t->right[x] = p;
	} else {
		t->right[p] = t->left[x];
		if (t->left[x] != NIL)
			t->up[t->left[x]] = p;
		t->left[x] = p;
	}
	t->up[p] = x;
	t->up[x] = g;
	if (!p_root) {
		if (t->left[g] == p)
			t->left[g] = x;
		else
			t->right[g] = x;
	}
}

static void splay(struct lctree *t, uint32_t x)
{
	while (!splay_root(t, x)) {
		uint32_t p = t->up[x];
		if (!splay_root(t, p)) {
			uint32_t g = t->up[p];
			bool zigzig = (t->left[g] == p) == (t->left[p] == x);
			rotate(t, zigzig ? p : x);
		}
		rotate(t, x);
	}
}

static void access(struct lctree *t, uint32_t x)
{
	uint32_t last = NIL;
	for (uint32_t y = x; y != NIL; y = t->up[y]) {
		splay(t, y);
		t->right[y] = last;
		last = y;
	}
	splay(t, x);
}

uint32_t lctree_root(struct lctree *t, uint32_t x)
{
	access(t, x);
	uint32_t r = x;
	while (t->left[r] != NIL)
		r = t->left[r];
	splay(t, r);  /* keeps the next query on this path short */
	return r;
}

void lctree_link(struct lctree *t, uint32_t x, uint32_t v)
{
	access(t, x);
	t->up[x] = v;
}

void lctree_cut(struct lctree *t, uint32_t x)
{
	access(t, x);
	uint32_t l = t->left[x];
	if (l != NIL) {
		t->up[l] = NIL;
		t->left[x] = NIL;
	}
}
