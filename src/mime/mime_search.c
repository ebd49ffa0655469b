/*
 * mime_search.c - SEARCH string matching (RFC3501 §6.4.4): substring,
 * case-insensitive, over UTF-8 after decoding.
 *
 * Case-insensitive means Unicode simple case folding: each code point is
 * mapped with towlower(towupper(c)) in the C.UTF-8 locale (glibc's full
 * Unicode tables; final sigma and the like fold together).  Without that
 * locale, ASCII and Latin-1 are folded by hand.  Both sides are folded
 * and compared with memmem().
 */
#include "mime/mime_int.h"

#include <locale.h>
#include <string.h>
#include <wctype.h>

static locale_t fold_locale(void)
{
	static locale_t loc;
	static bool tried;
	if (!tried) {
		tried = true;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

static uint32_t fold_cp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	locale_t loc = fold_locale();
	if (loc != (locale_t)0)
		return (uint32_t)towlower_l(towupper_l((wint_t)c, loc), loc);
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	return c;
}

/* Decode one UTF-8 sequence at s (n >= 1 bytes left); 0 length on an
 * invalid byte, which the caller copies as it is. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t need;
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((need == 3 && v < 0x800) || (need == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return need;
}

static size_t utf8_put(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Fold s into the arena; NULL on no memory. */
static char *fold(struct arena *a, const char *s, size_t len, size_t *len_r)
{
	/* A folded code point never needs more than 4 bytes, and folding
	 * maps within the same UTF-8 length except for a few; 2x is safe. */
	char *o = arena_alloc(a, len * 2 + 4);
	if (o == NULL)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, i = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			unsigned char c = p[i++];
			o[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		uint32_t cp;
		size_t k = utf8_next(p + i, len - i, &cp);
		if (k == 0) {
			o[n++] = (char)p[i++];
			continue;
		}
		n += utf8_put(o + n, fold_cp(cp));
		i += k;
	}
	o[n] = '\0';
	*len_r = n;
	return o;
}

bool mime_needle_init(struct mime_needle *nd, struct arena *a, const char *utf8, size_t len)
{
	nd->folded = fold(a, utf8, len, &nd->len);
	return nd->folded != NULL;
}

bool mime_match_utf8(const struct mime_needle *nd, struct arena *a, const char *hay, size_t len)
{
	if (nd->len == 0)
		return true;
	size_t fl;
	char *f = fold(a, hay, len, &fl);
	return f != NULL && memmem(f, fl, nd->folded, nd->len) != NULL;
}

bool mime_search_header(const struct mime_needle *nd, struct arena *a,
			const char *hdr, size_t hdr_len, const char *name)
{
	struct mime_field_iter it;
	struct mime_field f;
	size_t nl = strlen(name);
	mime_field_iter_init(&it, hdr, hdr_len);
	while (mime_field_next(&it, &f)) {
		if (!mime_field_is(&f, name, nl))
			continue;
		if (nd->len == 0)
			return true;  /* HEADER name "": the field exists */
		struct mime_str v;
		if (mime_header_decode(a, f.value, f.value_len, &v) &&
		    mime_match_utf8(nd, a, v.data, v.len))
			return true;
	}
	return false;
}

bool mime_search_address(const struct mime_needle *nd, struct arena *a,
			 const char *hdr, size_t hdr_len, const char *name)
{
	struct mime_field_iter it;
	struct mime_field f;
	size_t nl = strlen(name);
	mime_field_iter_init(&it, hdr, hdr_len);
	while (mime_field_next(&it, &f)) {
		if (!mime_field_is(&f, name, nl))
			continue;
		if (nd->len == 0)
			return true;
		struct mime_str v, addrs;
		if (mime_header_decode(a, f.value, f.value_len, &v) &&
		    mime_match_utf8(nd, a, v.data, v.len))
			return true;
		/* The addresses as ENVELOPE shows them (comments and quoting
		 * inside "<...>" dropped): unfold first, as ENVELOPE does. */
		if (mime_unfold(a, f.value, f.value_len, &v) &&
		    mime_address_text(a, v.data, v.len, &addrs) &&
		    mime_match_utf8(nd, a, addrs.data, addrs.len))
			return true;
	}
	return false;
}

/* Every field of a header as "Name: decoded value" lines. */
static bool header_matches(const struct mime_needle *nd, struct arena *a,
			   const char *hdr, size_t hdr_len)
{
	struct mime_field_iter it;
	struct mime_field f;
	struct sbuf b;
	sbuf_init(&b, a);
	mime_field_iter_init(&it, hdr, hdr_len);
	while (mime_field_next(&it, &f)) {
		struct mime_str v;
		if (!mime_header_decode(a, f.value, f.value_len, &v))
			return false;
		sbuf_add(&b, f.name, f.name_len);
		sbuf_add(&b, ": ", 2);
		sbuf_add(&b, v.data, v.len);
		sbuf_addc(&b, '\n');
	}
	return !b.failed && mime_match_utf8(nd, a, sbuf_str(&b), b.len);
}

/* The parts whose text SEARCH BODY reads: text leaves, and the header and
 * body of encapsulated messages.  Depth is bounded by the parser. */
static bool body_matches(const struct mime_needle *nd, struct arena *a, const char *msg,
			 const struct mime_part *p)
{
	switch (p->kind) {
	case MIME_KIND_MULTIPART:
		for (const struct mime_part *c = p->child; c != NULL; c = c->next)
			if (body_matches(nd, a, msg, c))
				return true;
		return false;
	case MIME_KIND_MESSAGE:
		if (p->child == NULL)
			return false;
		return header_matches(nd, a, msg + p->child->hdr_off, p->child->hdr_len) ||
		       body_matches(nd, a, msg, p->child);
	case MIME_KIND_LEAF:
		if (!mime_str_is(&p->type, "text"))
			return false;
		struct mime_str t;
		return mime_part_text_utf8(a, msg, p, &t) && mime_match_utf8(nd, a, t.data, t.len);
	}
	return false;
}

bool mime_search_body(const struct mime_needle *nd, struct arena *a, const char *msg,
		      const struct mime_part *root)
{
	return body_matches(nd, a, msg, root);
}

bool mime_search_text(const struct mime_needle *nd, struct arena *a, const char *msg,
		      const struct mime_part *root)
{
	return header_matches(nd, a, msg + root->hdr_off, root->hdr_len) ||
	       body_matches(nd, a, msg, root);
}
