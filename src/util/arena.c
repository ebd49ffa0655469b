/*
 * arena.c - region allocator (see arena.h).
 *
 * Chunks grow geometrically from 4 KiB so that a small command costs one
 * malloc for the whole session (the first chunk survives resets) and a
 * large one (a long SEARCH, a FETCH of many sections) a handful.
 */
#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_FIRST_CHUNK 4096
#define ARENA_ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;  /* usable bytes in data[] */
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->spare = NULL;
	a->total = 0;
	a->limit = 0;
}

static void arena_free_list(struct arena_chunk *c, struct arena_chunk *keep)
{
	while (c != NULL) {
		struct arena_chunk *next = c->next;
		if (c != keep)
			free(c);
		c = next;
	}
}

void arena_free(struct arena *a)
{
	arena_free_list(a->head, NULL);
	if (a->spare != NULL && a->head == NULL)
		free(a->spare);
	a->head = NULL;
	a->spare = NULL;
	a->total = 0;
}

void arena_reset(struct arena *a)
{
	/* The oldest chunk is the last in the list; it is the one we keep. */
	struct arena_chunk *first = a->head;
	while (first != NULL && first->next != NULL)
		first = first->next;
	arena_free_list(a->head, first);
	if (first != NULL) {
		first->used = 0;
		first->next = NULL;
		a->spare = first;
	}
	a->head = NULL;
	a->total = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < n)
		return NULL;
	if (a->limit != 0 && (a->total + need < a->total || a->total + need > a->limit))
		return NULL;

	struct arena_chunk *c = a->head;
	if (c == NULL && a->spare != NULL) {
		c = a->spare;
		a->spare = NULL;
		a->head = c;
	}
	if (c == NULL || c->size - c->used < need) {
		size_t size = c == NULL ? ARENA_FIRST_CHUNK : c->size * 2;
		while (size < need)
			size *= 2;
		if (size > SIZE_MAX - sizeof(struct arena_chunk))
			return NULL;
		struct arena_chunk *nc = malloc(sizeof(*nc) + size);
		if (nc == NULL)
			return NULL;
		nc->size = size;
		nc->used = 0;
		nc->next = a->head;
		a->head = nc;
		c = nc;
	}
	void *p = c->data + c->used;
	c->used += need;
	a->total += need;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n == 0 ? 1 : n);
	if (p != NULL)
		memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
