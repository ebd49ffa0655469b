/*
 * fuzz_mutf7.c - libFuzzer target for mailbox names (src/store/mboxname.c):
 * modified UTF-7 (RFC3501 §5.1.3) and the names kept inside the mail root.
 * Whatever the input:
 *   - mutf7_check() accepts a name only if it is canonical: decoding it
 *     and encoding the characters again, the way RFC3501 §5.1.3 says,
 *     gives the same octets back (one spelling per name);
 *   - store_name_check() accepts only names that stay one directory
 *     entry ("." + name: no "/", no empty level, not too long) and gives
 *     the same answer when asked again about its own result;
 *   - the input read as UTF-16 characters (two octets each) and encoded by
 *     the rules is accepted when it holds no control character and no
 *     broken surrogate pair (nothing valid is refused);
 *   - IMAP4rev2's UTF-8 names (RFC9051 §5.1): store_name_from_utf8() takes
 *     exactly the valid UTF-8 inputs, and what it makes, when canonical,
 *     store_name_to_utf8() turns back into the same octets; a canonical
 *     modified UTF-7 input always converts to valid UTF-8.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/maildir.h"
#include "store/mboxname.h"
#include "store/store.h"
#include "util/base64.h"

/* The one function of the rest of the store that mboxname.c calls (the
 * real one is in ops.c, which would bring the whole store along). */
bool store_fail(struct store_err *err, enum store_errcode code, const char *fmt, ...)
{
	va_list ap;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return false;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

/* RFC3501 §5.1.3: printable US-ASCII but "&" stands for itself, "&" is
 * "&-", any other run of characters is "&", their UTF-16 in modified
 * BASE64 without padding, "-".  Returns the length written. */
static size_t encode(const uint16_t *u, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		if (u[i] >= 0x20 && u[i] <= 0x7e) {
			out[o++] = (char)u[i];
			if (u[i] == '&')
				out[o++] = '-';
			i++;
			continue;
		}
		out[o++] = '&';
		uint32_t bits = 0;
		unsigned nbits = 0;
		for (; i < n && !(u[i] >= 0x20 && u[i] <= 0x7e); i++) {
			bits = bits << 16 | u[i];
			nbits += 16;
			while (nbits >= 6) {
				nbits -= 6;
				out[o++] = b64[(bits >> nbits) & 63];
			}
			bits &= (1u << nbits) - 1;
		}
		if (nbits > 0)
			out[o++] = b64[(bits << (6 - nbits)) & 63];
		out[o++] = '-';
	}
	return o;
}

/* Decode without judging (the checker judges); false when the shape is
 * not even a sequence of direct characters and runs. */
static bool decode(const char *s, size_t len, uint16_t *u, size_t *n_r)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] != '&') {
			u[n++] = (unsigned char)s[i++];
			continue;
		}
		i++;
		if (i < len && s[i] == '-') {
			u[n++] = '&';
			i++;
			continue;
		}
		uint32_t bits = 0;
		unsigned nbits = 0;
		for (; i < len && s[i] != '-'; i++) {
			const char *p = memchr(b64, s[i], 64);
			if (p == NULL || s[i] == '\0')
				return false;
			bits = bits << 6 | (uint32_t)(p - b64);
			nbits += 6;
			if (nbits >= 16) {
				nbits -= 16;
				u[n++] = (uint16_t)(bits >> nbits);
				bits &= (1u << nbits) - 1;
			}
		}
		if (i == len)
			return false;
		i++;
	}
	*n_r = n;
	return true;
}

/* Characters a name may hold: no controls (C0, DEL, C1), surrogates only
 * in pairs. */
static bool valid_chars(const uint16_t *u, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (u[i] < 0x20 || (u[i] >= 0x7f && u[i] <= 0x9f))
			return false;
		if (u[i] >= 0xd800 && u[i] <= 0xdbff) {
			if (i + 1 == n || u[i + 1] < 0xdc00 || u[i + 1] > 0xdfff)
				return false;
			i++;
		} else if (u[i] >= 0xdc00 && u[i] <= 0xdfff) {
			return false;
		}
	}
	return true;
}

static void check_name(const char *name, size_t len, bool for_create)
{
	char *canon = NULL;
	struct store_err err;
	if (!store_name_check(name, len, for_create, &canon, &err)) {
		if (canon != NULL || err.text[0] == '\0')
			abort();
		return;
	}
	size_t cl = strlen(canon);
	if (cl == 0 || cl > len || cl + 1 > MDIR_NAME_MAX - 8 || strchr(canon, '/') != NULL
	    || canon[0] == '.' || canon[cl - 1] == '.' || strstr(canon, "..") != NULL)
		abort();
	char *again = NULL;
	if (!store_name_check(canon, cl, false, &again, &err) || strcmp(again, canon) != 0)
		abort();
	free(again);
	free(canon);
}

/* RFC9051 §5.1: UTF-8 in, modified UTF-7 in the store, the same UTF-8 out. */
static void check_utf8(const char *s, size_t len)
{
	char *m = NULL, *back = NULL;
	bool valid = store_utf8_valid(s, len);
	if (store_name_from_utf8(s, len, &m) != valid)
		abort();
	const char *why;
	/* A NUL passes through and ends the C string: such a name is
	 * refused before conversion (cmd/rev2.c), so no round trip. */
	if (valid && memchr(s, '\0', len) == NULL && mutf7_check(m, strlen(m), &why)) {
		if (!store_name_to_utf8(m, strlen(m), &back) || strlen(back) != len ||
		    memcmp(back, s, len) != 0) {
			fprintf(stderr, "UTF-8 round trip broke: %.*s -> %s\n", (int)len, s, m);
			abort();
		}
		free(back);
		back = NULL;
	}
	free(m);
	if (store_name_to_utf8(s, len, &back)) {
		if (!store_utf8_valid(back, strlen(back)) || memchr(s, '\0', len) != NULL)
			abort();
		free(back);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *why = NULL;
	static uint16_t u[4096];
	static char re[4096 * 4];
	size_t n;
	if (size > 1024)
		return 0;
	if (mutf7_check(s, size, &why)) {
		if (!decode(s, size, u, &n) || !valid_chars(u, n)) {
			fprintf(stderr, "accepted but not modified UTF-7: %.*s\n", (int)size, s);
			abort();
		}
		size_t rl = encode(u, n, re);
		if (rl != size || memcmp(re, s, size) != 0) {
			fprintf(stderr, "accepted but not canonical: %.*s (canonical: %.*s)\n",
				(int)size, s, (int)rl, re);
			abort();
		}
	} else if (why == NULL) {
		abort();
	}
	check_name(s, size, false);
	check_name(s, size, true);
	check_utf8(s, size);

	/* The other way: characters, encoded by the rules, are accepted. */
	n = size / 2;
	for (size_t i = 0; i < n; i++)
		u[i] = (uint16_t)(data[2 * i] << 8 | data[2 * i + 1]);
	if (valid_chars(u, n)) {
		size_t rl = encode(u, n, re);
		if (!mutf7_check(re, rl, &why)) {
			fprintf(stderr, "valid characters refused (%s): %.*s\n", why, (int)rl, re);
			abort();
		}
	}
	return 0;
}
