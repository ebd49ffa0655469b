/*
 * lctree.h - a forest of rooted trees that answers "which tree is this
 * node in" in O(log n) amortised while edges are added and cut (a
 * link-cut tree, Sleator and Tarjan 1983, without re-rooting).
 *
 * THREAD=REFERENCES (RFC5256 §3) links messages as their References say
 * and must never link a message under its own descendant; walking up the
 * parents to check would be quadratic on a chain of 100,000 replies that a
 * sender can make, so the check asks this forest for the root instead.
 *
 * Nodes are the numbers 0..n-1; every node starts as a tree of its own.
 */
#ifndef IMAPD_UTIL_LCTREE_H
#define IMAPD_UTIL_LCTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lctree {
	uint32_t *left, *right, *up;  /* splay children; parent or path-parent */
	size_t n;
};

/* A forest of n single-node trees; false when out of memory. */
bool lctree_init(struct lctree *t, size_t n);
void lctree_free(struct lctree *t);

/* The root of the tree node x is in. */
uint32_t lctree_root(struct lctree *t, uint32_t x);

/* Make root x a child of v (x must be a root, and v not in x's tree:
 * check with lctree_root first). */
void lctree_link(struct lctree *t, uint32_t x, uint32_t v);

/* Cut x from its parent (nothing when x is a root): x's subtree becomes
 * a tree of its own. */
void lctree_cut(struct lctree *t, uint32_t x);

#endif
