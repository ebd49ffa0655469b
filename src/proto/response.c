/*
 * response.c - IMAP response writers (see response.h).
 */
#include "proto/response.h"

#include "util/sbuf.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void vline(struct session *s, const char *prefix, const char *status,
		  const char *fmt, va_list ap)
{
	char buf[1024];
	vsnprintf(buf, sizeof(buf), fmt, ap);
	conn_puts(&s->conn, prefix);
	conn_puts(&s->conn, " ");
	if (status != NULL) {
		conn_puts(&s->conn, status);
		conn_puts(&s->conn, " ");
	}
	conn_puts(&s->conn, buf);
	conn_write(&s->conn, "\r\n", 2);
}

void resp_untagged(struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vline(s, "*", NULL, fmt, ap);
	va_end(ap);
}

void resp_vtagged(struct session *s, const char *status, const char *fmt, va_list ap)
{
	vline(s, s->tag != NULL ? s->tag : "*", status, fmt, ap);
}

void resp_tagged(struct session *s, const char *status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	resp_vtagged(s, status, fmt, ap);
	va_end(ap);
}

void resp_bad(struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	resp_vtagged(s, "BAD", fmt, ap);
	va_end(ap);
}

void resp_bad_tag(struct session *s, const char *tag, const char *text)
{
	conn_printf(&s->conn, "%s BAD %s\r\n", tag != NULL ? tag : "*", text);
}

void resp_bye(struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vline(s, "*", "BYE", fmt, ap);
	va_end(ap);
	conn_flush(&s->conn);
}

void resp_continue(struct session *s, const char *text)
{
	conn_printf(&s->conn, "+ %s\r\n", text);
	conn_flush(&s->conn);
}

/* The quoted-or-literal choice is sbuf_add_imap_string()'s; the string
 * is built there and queued in one piece. */
void resp_string(struct session *s, const char *data, size_t len)
{
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	/* ---- RFC 9051 §9 QUOTED-CHAR: UTF8-2 / UTF8-3 / UTF8-4 may be
	 * quoted for an IMAP4rev2 session (a UTF-8 mailbox name is a quoted
	 * string there, as other servers send it, not a literal). */
	if (session_enabled(s, SESSION_EXT_REV2) && len <= 1024 && utf8_valid(data, len) &&
	    memchr(data, '\0', len) == NULL && memchr(data, '\r', len) == NULL &&
	    memchr(data, '\n', len) == NULL) {
		sbuf_addc(&b, '"');
		for (size_t i = 0; i < len; i++) {
			if (data[i] == '"' || data[i] == '\\')
				sbuf_addc(&b, '\\');
			sbuf_addc(&b, data[i]);
		}
		sbuf_addc(&b, '"');
		conn_write(&s->conn, sbuf_str(&b), b.len);
		return;
	}
	sbuf_add_imap_string(&b, data, len);
	conn_write(&s->conn, sbuf_str(&b), b.len);
}

/* RFC3501 §9 ASTRING-CHAR: ATOM-CHAR / resp-specials. */
static bool is_astring_atom(const char *data, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c <= 0x20 || c >= 0x7f || strchr("(){%*\"\\", c) != NULL)
			return false;
	}
	/* "NIL" as an atom would read as nil in an nstring context. */
	return !(len == 3 && strncasecmp(data, "NIL", 3) == 0);
}

void resp_astring(struct session *s, const char *data, size_t len)
{
	if (is_astring_atom(data, len))
		conn_write(&s->conn, data, len);
	else
		resp_string(s, data, len);
}

void resp_write(struct session *s, const void *data, size_t len)
{
	conn_write(&s->conn, data, len);
}

void resp_puts(struct session *s, const char *str)
{
	conn_puts(&s->conn, str);
}

void resp_printf(struct session *s, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(buf)) {
		conn_write(&s->conn, buf, (size_t)n);
		return;
	}
	va_start(ap, fmt);
	char *big = NULL;
	if (vasprintf(&big, fmt, ap) >= 0) {
		conn_write(&s->conn, big, strlen(big));
		free(big);
	}
	va_end(ap);
}
