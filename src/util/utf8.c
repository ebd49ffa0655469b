/*
 * utf8.c - strict UTF-8 decoding (utf8.h).
 */
#include "util/utf8.h"

bool utf8_next(const unsigned char *s, size_t len, size_t *ip, uint32_t *cp_r)
{
	size_t i = *ip;
	unsigned char c = s[i];
	uint32_t cp;
	unsigned more;
	if (c < 0x80) {
		*cp_r = c;
		*ip = i + 1;
		return true;
	}
	/* RFC3629 §4 UTF8-2 .. UTF8-4: C0, C1 and F5..FF never occur. */
	if (c >= 0xc2 && c <= 0xdf) {
		cp = c & 0x1f;
		more = 1;
	} else if (c >= 0xe0 && c <= 0xef) {
		cp = c & 0x0f;
		more = 2;
	} else if (c >= 0xf0 && c <= 0xf4) {
		cp = c & 0x07;
		more = 3;
	} else {
		return false;
	}
	if (len - i - 1 < more)
		return false;
	for (unsigned k = 1; k <= more; k++) {
		unsigned char d = s[i + k];
		if ((d & 0xc0) != 0x80)
			return false;
		cp = (cp << 6) | (d & 0x3f);
	}
	if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	*cp_r = cp;
	*ip = i + 1 + more;
	return true;
}

bool utf8_valid(const char *s, size_t len)
{
	uint32_t cp;
	for (size_t i = 0; i < len;)
		if (!utf8_next((const unsigned char *)s, len, &i, &cp))
			return false;
	return true;
}
