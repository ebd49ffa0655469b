/*
 * idlist.c - the id_send list (see idlist.h).
 */
#include "util/idlist.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>

/* One word of the list: its text (unescaped), and whether it was quoted
 * (a quoted "*" or "NIL" is that text, not the built-in or NIL). */
struct idword {
	char text[IDLIST_MAX_VALUE + 1];
	size_t len;
	bool quoted;
};

/* Read the word at *p into w; returns false with why on an error. */
static bool idlist_word(const char **p, struct idword *w, char *why, size_t whylen)
{
	const char *s = *p;
	w->len = 0;
	w->quoted = *s == '"';
	if (w->quoted) {
		for (s++; *s != '"'; s++) {
			if (*s == '\0') {
				snprintf(why, whylen, "unterminated quoted string");
				return false;
			}
			if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
				s++;
			if (w->len == IDLIST_MAX_VALUE) {
				snprintf(why, whylen, "a string longer than %d octets", IDLIST_MAX_VALUE);
				return false;
			}
			w->text[w->len++] = *s;
		}
		s++;
	} else {
		for (; *s != '\0' && *s != ' ' && *s != '\t'; s++) {
			if (*s == '"') {
				snprintf(why, whylen, "a quote inside a word");
				return false;
			}
			if (w->len == IDLIST_MAX_VALUE) {
				snprintf(why, whylen, "a word longer than %d octets", IDLIST_MAX_VALUE);
				return false;
			}
			w->text[w->len++] = *s;
		}
	}
	w->text[w->len] = '\0';
	for (size_t i = 0; i < w->len; i++) {
		unsigned char c = (unsigned char)w->text[i];
		if (c < 0x20 || c == 0x7f) {
			snprintf(why, whylen, "a control character");
			return false;
		}
	}
	*p = s;
	return true;
}

/* The built-in value of field into buf, or NULL when it has none. */
static const char *idlist_builtin(const char *field, char *buf, size_t len)
{
	if (strcasecmp(field, "name") == 0)
		return "imapd";
	if (strcasecmp(field, "os") != 0 && strcasecmp(field, "os-version") != 0)
		return NULL;
	struct utsname u;
	if (uname(&u) != 0)
		return NULL;
	snprintf(buf, len, "%s", strcasecmp(field, "os") == 0 ? u.sysname : u.release);
	return buf;
}

static void skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* One pass over the list: with fn NULL it only checks. */
static bool idlist_pass(const char *text, idlist_fn *fn, void *ctx, char *why, size_t whylen)
{
	char seen[IDLIST_MAX_PAIRS][IDLIST_MAX_FIELD + 1];
	size_t n = 0;
	struct idword field, value;
	const char *p = text;
	for (skip_space(&p); *p != '\0'; skip_space(&p)) {
		if (!idlist_word(&p, &field, why, whylen))
			return false;
		skip_space(&p);
		if (*p == '\0') {
			snprintf(why, whylen, "field \"%s\" has no value", field.text);
			return false;
		}
		if (!idlist_word(&p, &value, why, whylen))
			return false;
		if (field.len == 0 || field.len > IDLIST_MAX_FIELD) {
			snprintf(why, whylen, "a field name must be 1 to %d octets", IDLIST_MAX_FIELD);
			return false;
		}
		if (n == IDLIST_MAX_PAIRS) {
			snprintf(why, whylen, "more than %d fields", IDLIST_MAX_PAIRS);
			return false;
		}
		for (size_t i = 0; i < n; i++) {
			if (strcasecmp(seen[i], field.text) == 0) {
				snprintf(why, whylen, "field \"%s\" given twice", field.text);
				return false;
			}
		}
		memcpy(seen[n++], field.text, field.len + 1);
		const char *v = value.text;
		char builtin[IDLIST_MAX_VALUE + 1];
		if (!value.quoted && strcmp(v, "*") == 0) {
			v = idlist_builtin(field.text, builtin, sizeof(builtin));
			if (v == NULL) {
				snprintf(why, whylen, "field \"%s\" has no built-in value for *", field.text);
				return false;
			}
		} else if (!value.quoted && strcasecmp(v, "NIL") == 0) {
			v = NULL;
		}
		if (fn != NULL)
			fn(ctx, field.text, v);
	}
	return true;
}

bool idlist_parse(const char *text, idlist_fn *fn, void *ctx, char *why, size_t whylen)
{
	/* Check the whole list first, so fn sees all of it or nothing. */
	if (!idlist_pass(text, NULL, NULL, why, whylen))
		return false;
	return fn == NULL || idlist_pass(text, fn, ctx, why, whylen);
}
