/*
 * arena.h - region allocator: one arena per IMAP command.
 *
 * Everything the parser builds for a command (AST nodes, unescaped
 * strings, sequence sets) and everything an executor needs while it runs
 * is allocated here and released at once by arena_reset() after the
 * tagged response.  Nothing allocated from an arena is freed one by one.
 */
#ifndef IMAPD_UTIL_ARENA_H
#define IMAPD_UTIL_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;   /* chunk being filled, newest first */
	struct arena_chunk *spare;  /* first chunk, kept across resets */
	size_t total;               /* bytes handed out since the last reset */
	size_t limit;               /* 0 = unlimited; else arena_alloc fails past it */
};

/* Initialise an empty arena; no memory is taken until the first alloc. */
void arena_init(struct arena *a);

/* Release every chunk.  The arena can be reused after arena_init(). */
void arena_free(struct arena *a);

/* Drop every allocation but keep the first chunk for the next command. */
void arena_reset(struct arena *a);

/*
 * Return n bytes aligned for any type, or NULL when the arena's limit is
 * reached or memory is exhausted.  Callers treat NULL as "command too
 * large" rather than aborting: client input never reaches abort().
 */
void *arena_alloc(struct arena *a, size_t n);

/* Like arena_alloc() but zero-filled. */
void *arena_zalloc(struct arena *a, size_t n);

/* Copy n bytes and append a NUL; returns NULL like arena_alloc(). */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Copy a NUL-terminated string. */
char *arena_strdup(struct arena *a, const char *s);

/* printf into the arena; returns NULL on failure. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define ARENA_NEW(a, type) ((type *)arena_zalloc((a), sizeof(type)))
#define ARENA_NEWN(a, type, n) ((type *)arena_zalloc((a), sizeof(type) * (n)))

#endif
