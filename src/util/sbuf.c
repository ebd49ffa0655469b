/*
 * sbuf.c - growable byte buffer (see sbuf.h).
 */
#include "util/sbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sbuf_init(struct sbuf *b, struct arena *arena)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->arena = arena;
	b->failed = false;
}

void sbuf_free(struct sbuf *b)
{
	if (b->arena == NULL)
		free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
	b->failed = false;
}

bool sbuf_reserve(struct sbuf *b, size_t n)
{
	if (b->failed)
		return false;
	if (n > SIZE_MAX - b->len - 1) {
		b->failed = true;
		return false;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap == 0 ? 64 : b->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *nd;
	if (b->arena != NULL) {
		nd = arena_alloc(b->arena, cap);
		if (nd != NULL && b->len > 0)
			memcpy(nd, b->data, b->len);
	} else {
		nd = realloc(b->data, cap);
	}
	if (nd == NULL) {
		b->failed = true;
		return false;
	}
	b->data = nd;
	b->cap = cap;
	return true;
}

void sbuf_add_slow(struct sbuf *b, const void *data, size_t len)
{
	if (!sbuf_reserve(b, len))
		return;
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !sbuf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void sbuf_add_imap_string(struct sbuf *b, const char *data, size_t len)
{
	bool quotable = len <= 1024;
	for (size_t i = 0; quotable && i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == '\0' || c == '\r' || c == '\n' || c >= 0x80)
			quotable = false;
	}
	if (!quotable) {
		sbuf_printf(b, "{%zu}\r\n", len);
		sbuf_add(b, data, len);
		return;
	}
	sbuf_addc(b, '"');
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '"' || data[i] == '\\')
			sbuf_addc(b, '\\');
		sbuf_addc(b, data[i]);
	}
	sbuf_addc(b, '"');
}

void sbuf_add_imap_nstring(struct sbuf *b, const char *data, size_t len)
{
	if (data == NULL)
		sbuf_adds(b, "NIL");
	else
		sbuf_add_imap_string(b, data, len);
}
