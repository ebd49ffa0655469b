/*
 * mime_decode.c - Content-Transfer-Encoding (RFC2045 §6.7, §6.8), RFC 2047
 * encoded-words, and charset conversion to UTF-8 with libc iconv.
 *
 * Decoders are lenient: they are used for SEARCH, where a broken message
 * should still be found by the words it visibly contains.
 */
#include "mime/mime_int.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include "util/base64.h"

static bool out_alloc(struct arena *a, size_t cap, struct mime_str *out_r, char **buf_r)
{
	*buf_r = arena_alloc(a, cap + 1);
	out_r->data = *buf_r;
	out_r->len = 0;
	return *buf_r != NULL;
}

bool mime_base64_decode(struct arena *a, const char *in, size_t len, struct mime_str *out_r)
{
	char *o;
	if (!out_alloc(a, len / 4 * 3 + 3, out_r, &o))
		return false;
	size_t n = 0;
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < len; i++) {
		if (in[i] == '=')
			break;
		int v = base64_value((unsigned char)in[i], '/');
		if (v < 0)
			continue;  /* line ends and garbage are skipped */
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			o[n++] = (char)((acc >> bits) & 0xff);
		}
	}
	o[n] = '\0';
	out_r->len = n;
	return true;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Quoted-printable body (RFC2045 §6.7); with `q_word`, the "Q" encoding
 * of RFC2047 §4.2 ("_" is a space, no soft line breaks). */
static bool qp_decode(struct arena *a, const char *in, size_t len, bool q_word,
		      struct mime_str *out_r)
{
	char *o;
	if (!out_alloc(a, len, out_r, &o))
		return false;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c == '=' && !q_word) {
			/* Soft line break: "=" then optional WSP then a line end. */
			size_t j = i + 1;
			while (j < len && mime_is_wsp(in[j]))
				j++;
			if (j == len || in[j] == '\n' || (in[j] == '\r' && j + 1 < len && in[j + 1] == '\n')) {
				i = j < len && in[j] == '\r' ? j + 1 : j;
				continue;
			}
		}
		if (c == '=' && i + 2 < len && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
			o[n++] = (char)(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
			i += 2;
		} else if (c == '_' && q_word) {
			o[n++] = ' ';
		} else if (!q_word && mime_is_wsp(c)) {
			/* Trailing white space of a line was added in transport
			 * (RFC2045 §6.7 rule 3): drop it. */
			size_t j = i;
			while (j < len && mime_is_wsp(in[j]))
				j++;
			if (j == len || in[j] == '\n' || in[j] == '\r')
				i = j - 1;
			else
				o[n++] = c;
		} else {
			o[n++] = c;
		}
	}
	o[n] = '\0';
	out_r->len = n;
	return true;
}

bool mime_qp_decode(struct arena *a, const char *in, size_t len, struct mime_str *out_r)
{
	return qp_decode(a, in, len, false, out_r);
}

/* Charsets whose bytes we pass through unconverted. */
static bool is_passthrough(const char *cs)
{
	size_t l = strlen(cs);
	return mime_ieq(cs, l, "utf-8", 5) || mime_ieq(cs, l, "utf8", 4) ||
	       mime_ieq(cs, l, "us-ascii", 8) || mime_ieq(cs, l, "ascii", 5);
}

/* One iconv descriptor kept open: SEARCH converts message after message
 * from the same few charsets, and iconv_open is not cheap. */
static struct {
	char name[64];
	iconv_t cd;
	bool open;
} cs_cache;

static iconv_t cs_open(const char *charset)
{
	if (cs_cache.open && strcmp(cs_cache.name, charset) == 0) {
		iconv(cs_cache.cd, NULL, NULL, NULL, NULL);  /* reset the state */
		return cs_cache.cd;
	}
	if (strlen(charset) >= sizeof(cs_cache.name))
		return (iconv_t)-1;
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return cd;
	if (cs_cache.open)
		iconv_close(cs_cache.cd);
	strcpy(cs_cache.name, charset);
	cs_cache.cd = cd;
	cs_cache.open = true;
	return cd;
}

enum mime_cs_result mime_charset_to_utf8(struct arena *a, const char *charset,
					 const char *in, size_t len, struct mime_str *out_r)
{
	out_r->data = NULL;
	out_r->len = 0;
	if (charset == NULL || is_passthrough(charset)) {
		char *d = arena_strndup(a, in, len);
		if (d == NULL)
			return MIME_CS_NOMEM;
		out_r->data = d;
		out_r->len = len;
		return MIME_CS_OK;
	}
	iconv_t cd = cs_open(charset);
	if (cd == (iconv_t)-1)
		return MIME_CS_UNKNOWN;
	size_t cap = len * 4 + 16;
	char *buf = arena_alloc(a, cap);
	if (buf == NULL)
		return MIME_CS_NOMEM;
	char *ip = (char *)in, *op = buf;
	size_t il = len, ol = cap - 1;
	for (;;) {
		size_t r = iconv(cd, il > 0 ? &ip : NULL, il > 0 ? &il : NULL, &op, &ol);
		if (r != (size_t)-1 && il == 0)
			break;
		bool bad = r == (size_t)-1 && errno != E2BIG;  /* EILSEQ, EINVAL */
		if (r == (size_t)-1 && (errno == E2BIG || ol < 4)) {
			/* Grow: copy what we have into a buffer twice the size. */
			size_t used = (size_t)(op - buf);
			char *nb = arena_alloc(a, cap * 2);
			if (nb == NULL)
				return MIME_CS_NOMEM;
			memcpy(nb, buf, used);
			buf = nb;
			cap *= 2;
			op = buf + used;
			ol = cap - 1 - used;
		}
		if (bad) {
			/* An invalid or truncated sequence: U+FFFD, skip a byte. */
			memcpy(op, "\xef\xbf\xbd", 3);
			op += 3;
			ol -= 3;
			ip++;
			il--;
			iconv(cd, NULL, NULL, NULL, NULL);
			if (il == 0)
				break;
		}
	}
	*op = '\0';
	out_r->data = buf;
	out_r->len = (size_t)(op - buf);
	return MIME_CS_OK;
}

/* Convert, keeping the bytes when the charset is unknown. */
static bool to_utf8_lenient(struct arena *a, const char *cs, const char *in, size_t len,
			    struct mime_str *out_r)
{
	enum mime_cs_result r = mime_charset_to_utf8(a, cs, in, len, out_r);
	if (r == MIME_CS_UNKNOWN)
		r = mime_charset_to_utf8(a, NULL, in, len, out_r);
	return r == MIME_CS_OK;
}

/* An encoded-word at v[i] (RFC2047 §2): =?charset?B|Q?text?= */
static bool encoded_word(struct arena *a, const char *v, size_t i, size_t len, size_t *end_r,
			 struct mime_str *dec_r)
{
	if (i + 8 > len || v[i] != '=' || v[i + 1] != '?')
		return false;
	size_t cs = i + 2, q1 = cs;
	while (q1 < len && v[q1] != '?' && !mime_is_wsp(v[q1]) && q1 - cs < 60)
		q1++;
	if (q1 + 3 >= len || v[q1] != '?' || q1 == cs || v[q1 + 2] != '?')
		return false;
	char enc = v[q1 + 1];
	if (enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q')
		return false;
	size_t ts = q1 + 3, te = ts;
	while (te + 1 < len && !(v[te] == '?' && v[te + 1] == '=') && !mime_is_wsp(v[te]))
		te++;
	if (te + 1 >= len || v[te] != '?' || v[te + 1] != '=')
		return false;
	char charset[64];
	size_t cl = q1 - cs;
	memcpy(charset, v + cs, cl);
	charset[cl] = '\0';
	char *star = strchr(charset, '*');  /* RFC2231 §5 language suffix */
	if (star != NULL)
		*star = '\0';
	struct mime_str raw;
	bool ok = (enc == 'B' || enc == 'b') ? mime_base64_decode(a, v + ts, te - ts, &raw)
					     : qp_decode(a, v + ts, te - ts, true, &raw);
	if (!ok)
		return false;
	enum mime_cs_result r = mime_charset_to_utf8(a, charset, raw.data, raw.len, dec_r);
	if (r != MIME_CS_OK)
		return false;  /* unknown charset: keep the word as written */
	*end_r = te + 2;
	return true;
}

bool mime_header_decode(struct arena *a, const char *value, size_t len, struct mime_str *out_r)
{
	struct mime_str u;
	if (!mime_unfold(a, value, len, &u))
		return false;
	/* Most fields have no encoded-word, and without one the text is
	 * the unfolded value octet for octet. */
	if (u.len < 2 || memmem(u.data, u.len, "=?", 2) == NULL) {
		*out_r = u;
		return true;
	}
	struct sbuf b;
	sbuf_init(&b, a);
	if (!sbuf_reserve(&b, u.len))
		return false;
	size_t i = 0;
	size_t pending_ws = 0, ws_start = 0;
	bool last_was_word = false;
	while (i < u.len) {
		struct mime_str dec;
		size_t end;
		if (u.data[i] == '=' && encoded_word(a, u.data, i, u.len, &end, &dec)) {
			/* White space between two encoded-words is dropped. */
			if (pending_ws > 0 && !last_was_word)
				sbuf_add(&b, u.data + ws_start, pending_ws);
			pending_ws = 0;
			sbuf_add(&b, dec.data, dec.len);
			last_was_word = true;
			i = end;
			continue;
		}
		if (mime_is_wsp(u.data[i])) {
			if (pending_ws == 0)
				ws_start = i;
			pending_ws++;
			i++;
			continue;
		}
		if (pending_ws > 0)
			sbuf_add(&b, u.data + ws_start, pending_ws);
		pending_ws = 0;
		last_was_word = false;
		sbuf_addc(&b, u.data[i++]);
	}
	if (pending_ws > 0)
		sbuf_add(&b, u.data + ws_start, pending_ws);
	if (b.failed)
		return false;
	out_r->data = b.data != NULL ? b.data : "";
	out_r->len = b.len;
	return true;
}

bool mime_part_text_utf8(struct arena *a, const char *msg, const struct mime_part *part,
			 struct mime_str *out_r)
{
	const char *body = msg + part->body_off;
	size_t len = part->body_len;
	struct mime_str dec = { body, len };
	if (mime_str_is(&part->encoding, "base64")) {
		if (!mime_base64_decode(a, body, len, &dec))
			return false;
	} else if (mime_str_is(&part->encoding, "quoted-printable")) {
		if (!mime_qp_decode(a, body, len, &dec))
			return false;
	}
	const struct mime_str *cs = mime_param_get(&part->params, "charset");
	char csname[64];
	const char *csp = NULL;
	if (cs != NULL && cs->len > 0 && cs->len < sizeof(csname) && memchr(cs->data, '\0', cs->len) == NULL) {
		memcpy(csname, cs->data, cs->len);
		csname[cs->len] = '\0';
		csp = csname;
	}
	return to_utf8_lenient(a, csp, dec.data, dec.len, out_r);
}

bool mime_param_utf8(struct arena *a, const struct mime_param *p, struct mime_str *out_r)
{
	const char *v = p->value.data;
	size_t len = p->value.len;
	if (p->name.len == 0 || p->name.data[p->name.len - 1] != '*')
		return mime_header_decode(a, v, len, out_r);
	/* RFC2231 §4: charset'language'%XX-encoded-octets */
	const char *q1 = memchr(v, '\'', len);
	const char *q2 = q1 != NULL ? memchr(q1 + 1, '\'', len - (size_t)(q1 + 1 - v)) : NULL;
	char charset[64] = "";
	const char *text = v;
	if (q2 != NULL && (size_t)(q1 - v) < sizeof(charset)) {
		memcpy(charset, v, (size_t)(q1 - v));
		charset[q1 - v] = '\0';
		text = q2 + 1;
	}
	size_t tl = len - (size_t)(text - v);
	char *raw = arena_alloc(a, tl + 1);
	if (raw == NULL)
		return false;
	size_t n = 0;
	for (size_t i = 0; i < tl; i++) {
		if (text[i] == '%' && i + 2 < tl && hex_value(text[i + 1]) >= 0 &&
		    hex_value(text[i + 2]) >= 0) {
			raw[n++] = (char)(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
			i += 2;
		} else {
			raw[n++] = text[i];
		}
	}
	raw[n] = '\0';
	return to_utf8_lenient(a, charset[0] != '\0' ? charset : NULL, raw, n, out_r);
}
