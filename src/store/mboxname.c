/*
 * mboxname.c - mailbox names (see mboxname.h and store.h).
 */
#include "store/mboxname.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/maildir.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/base64.h"
#include "util/utf8.h"

/* cp as UTF-8 at out + *op. */
static void put_utf8(char *out, size_t *op, uint32_t cp)
{
	size_t o = *op;
	if (cp < 0x80) {
		out[o++] = (char)cp;
	} else if (cp < 0x800) {
		out[o++] = (char)(0xc0 | (cp >> 6));
		out[o++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		out[o++] = (char)(0xe0 | (cp >> 12));
		out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[o++] = (char)(0x80 | (cp & 0x3f));
	} else {
		out[o++] = (char)(0xf0 | (cp >> 18));
		out[o++] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[o++] = (char)(0x80 | (cp & 0x3f));
	}
	*op = o;
}

/* One shifted run after "&": the octets up to "-" at *ip.  Returns false
 * with *why_r on anything RFC3501 §5.1.3 does not allow; with out, each
 * character is also written there as UTF-8 (the check and the decoder
 * are one loop, so what is accepted is exactly what is decoded). */
static bool shifted_run(const char *s, size_t len, size_t *ip, const char **why_r, char *out,
			size_t *op)
{
	size_t i = *ip;
	uint32_t bits = 0;
	unsigned nbits = 0;
	unsigned units = 0;
	uint32_t high = 0;  /* a high surrogate waiting for its low half */
	for (;; i++) {
		if (i == len) {
			*why_r = "Modified UTF-7 run not ended by \"-\"";
			return false;
		}
		unsigned char c = (unsigned char)s[i];
		if (c == '-')
			break;
		int v = base64_value(c, ',');
		if (v < 0) {
			*why_r = "Invalid character in modified UTF-7";
			return false;
		}
		bits = (bits << 6) | (uint32_t)v;
		nbits += 6;
		if (nbits < 16)
			continue;
		nbits -= 16;
		uint32_t u = (bits >> nbits) & 0xffff;
		bits &= (UINT32_C(1) << nbits) - 1;
		units++;
		if (high != 0) {
			if (u < 0xdc00 || u > 0xdfff) {
				*why_r = "Broken surrogate pair in modified UTF-7";
				return false;
			}
			if (out != NULL)
				put_utf8(out, op, 0x10000 + ((high - 0xd800) << 10) + (u - 0xdc00));
			high = 0;
			continue;
		}
		if (u >= 0xd800 && u <= 0xdbff) {
			high = u;
			continue;
		}
		if (u >= 0xdc00 && u <= 0xdfff) {
			*why_r = "Broken surrogate pair in modified UTF-7";
			return false;
		}
		if (u >= 0x20 && u <= 0x7e) {
			*why_r = "Modified UTF-7 encodes a character that stands for itself";
			return false;
		}
		if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) {
			*why_r = "Control character in mailbox name";
			return false;
		}
		if (out != NULL)
			put_utf8(out, op, u);
	}
	if (high != 0) {
		*why_r = "Broken surrogate pair in modified UTF-7";
		return false;
	}
	if (units == 0 || nbits >= 6 || bits != 0) {
		*why_r = "Invalid modified UTF-7";
		return false;
	}
	*ip = i + 1;  /* past "-" */
	return true;
}

/* A whole name: checked, and with out decoded to UTF-8 there. */
static bool mutf7_walk(const char *name, size_t len, const char **why_r, char *out, size_t *op)
{
	bool after_run = false;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)name[i];
		if (c < 0x20 || c == 0x7f) {
			*why_r = "Control character in mailbox name";
			return false;
		}
		if (c >= 0x80) {
			*why_r = "8-bit character in mailbox name (use modified UTF-7)";
			return false;
		}
		if (c != '&') {
			after_run = false;
			if (out != NULL)
				out[(*op)++] = (char)c;
			i++;
			continue;
		}
		if (i + 1 < len && name[i + 1] == '-') {
			after_run = false;
			if (out != NULL)
				out[(*op)++] = '&';
			i += 2;
			continue;
		}
		if (after_run) {
			/* "&AOQ-&AOQ-" must be written as one run. */
			*why_r = "Adjacent modified UTF-7 runs";
			return false;
		}
		i++;
		if (!shifted_run(name, len, &i, why_r, out, op))
			return false;
		after_run = true;
	}
	return true;
}

bool mutf7_check(const char *name, size_t len, const char **why_r)
{
	return mutf7_walk(name, len, why_r, NULL, NULL);
}

bool store_name_check(const char *name, size_t len, bool for_create, char **name_r,
		      struct store_err *err)
{
	const char *why = NULL;
	*name_r = NULL;
	if (len == 0)
		return store_fail(err, STORE_ERR_BADNAME, "Empty mailbox name");
	if (memchr(name, '\0', len) != NULL)
		return store_fail(err, STORE_ERR_BADNAME, "NUL in mailbox name");
	if (!mutf7_check(name, len, &why))
		return store_fail(err, STORE_ERR_BADNAME, "%s", why);
	if (memchr(name, '/', len) != NULL)
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox names may not contain \"/\"");
	if (for_create && (memchr(name, '%', len) != NULL || memchr(name, '*', len) != NULL))
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox names may not contain \"%%\" or \"*\"");
	/* RFC2060 §6.3.3: a trailing delimiter declares that inferiors will
	 * be created; the mailbox is the name without it. */
	if (for_create && len > 1 && name[len - 1] == STORE_DELIM)
		len--;
	char *out = malloc(len + 1);
	if (out == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	memcpy(out, name, len);
	out[len] = '\0';
	/* RFC3501 §5.1: INBOX is case-insensitive; also as the first level. */
	if (len >= 5 && strncasecmp(out, "INBOX", 5) == 0 && (len == 5 || out[5] == STORE_DELIM))
		memcpy(out, "INBOX", 5);
	/* Every level non-empty: no leading, trailing or doubled delimiter,
	 * so no level starts with "." and none is ".." on disk. */
	const char *level = out;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && out[i] != STORE_DELIM)
			continue;
		if (out + i == level) {
			free(out);
			return store_fail(err, STORE_ERR_BADNAME, "Empty level in mailbox name");
		}
		level = out + i + 1;
	}
	/* The folder is "." + name, one directory entry. */
	if (len + 1 > MDIR_NAME_MAX - 8) {
		free(out);
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox name too long");
	}
	*name_r = out;
	return true;
}

char *store_name_path(const struct store *st, const char *name)
{
	char *path = NULL;
	int n = strcmp(name, "INBOX") == 0 ? asprintf(&path, "%s", st->root)
					   : asprintf(&path, "%s/.%s", st->root, name);
	return n < 0 ? NULL : path;
}

/* ---- RFC 9051: IMAP4rev2 ---- */

static const char mb64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

bool store_utf8_valid(const char *s, size_t len)
{
	return utf8_valid(s, len);
}

bool store_name_from_utf8(const char *name, size_t len, char **out_r)
{
	/* Worst case: every character 4 octets of UTF-8 becomes two UTF-16
	 * units, 6 octets of modified BASE64, plus "&" and "-" per run. */
	*out_r = NULL;
	char *out = malloc(len * 3 + 3);
	if (out == NULL)
		return false;
	const unsigned char *s = (const unsigned char *)name;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		if (!utf8_next(s, len, &i, &cp)) {
			free(out);
			return false;
		}
		/* RFC3501 §5.1.3: printable US-ASCII stands for itself, "&"
		 * as "&-". */
		if (cp >= 0x20 && cp <= 0x7e) {
			out[o++] = (char)cp;
			if (cp == '&')
				out[o++] = '-';
			continue;
		}
		if (cp < 0x80) {
			/* A control: left as it is for store_name_check to refuse. */
			out[o++] = (char)cp;
			continue;
		}
		/* Everything else up to the next printable US-ASCII is one
		 * run of UTF-16 in modified BASE64 between "&" and "-". */
		out[o++] = '&';
		uint32_t bits = 0;
		unsigned nbits = 0;
		for (;;) {
			uint16_t units[2];
			unsigned nu = 0;
			if (cp >= 0x10000) {
				units[nu++] = (uint16_t)(0xd800 + ((cp - 0x10000) >> 10));
				units[nu++] = (uint16_t)(0xdc00 + ((cp - 0x10000) & 0x3ff));
			} else {
				units[nu++] = (uint16_t)cp;
			}
			for (unsigned k = 0; k < nu; k++) {
				bits = (bits << 16) | units[k];
				nbits += 16;
				while (nbits >= 6) {
					nbits -= 6;
					out[o++] = mb64[(bits >> nbits) & 63];
				}
				bits &= (UINT32_C(1) << nbits) - 1;
			}
			size_t j = i;
			if (j >= len || s[j] < 0x80)
				break;
			if (!utf8_next(s, len, &j, &cp)) {
				free(out);
				return false;
			}
			i = j;
		}
		if (nbits > 0)
			out[o++] = mb64[(bits << (6 - nbits)) & 63];
		out[o++] = '-';
	}
	out[o] = '\0';
	*out_r = out;
	return true;
}

bool store_name_to_utf8(const char *name, size_t len, char **out_r)
{
	*out_r = NULL;
	/* A run of n base64 octets holds at most n*6/16 UTF-16 units, each
	 * at most 3 octets of UTF-8 (a pair: 4 for two units). */
	char *out = malloc(len * 2 + 1);
	if (out == NULL)
		return false;
	const char *why;
	size_t o = 0;
	if (!mutf7_walk(name, len, &why, out, &o)) {
		free(out);
		return false;
	}
	out[o] = '\0';
	*out_r = out;
	return true;
}
