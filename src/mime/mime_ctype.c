/*
 * mime_ctype.c - Content-Type, Content-Disposition, Content-Language and
 * Content-Transfer-Encoding values (RFC2045 §5.1, RFC2183, RFC2231),
 * and filling a part's Content-* fields from its header.
 *
 * Lenient by design: mail in real mailboxes has unquoted values holding
 * "=" or "/", stray semicolons, parameters without values.  What cannot
 * be read is skipped up to the next ";", never failed on.
 */
#include "mime/mime_int.h"

#include <stdlib.h>
#include <string.h>

/* RFC2045 §5.1 tspecials. */
static bool is_tspecial(char c)
{
	return mime_c_is(c, MIME_C_TSPECIAL);
}

static bool is_token_char(char c)
{
	unsigned char u = (unsigned char)c;
	/* 8-bit octets are let through: broken mailers write them. */
	return u > ' ' && u != 0x7f && !is_tspecial(c);
}

/* Skip white space and (nested) comments, RFC2822 §3.2.3 CFWS. */
static size_t skip_cfws(const char *v, size_t i, size_t len)
{
	while (i < len) {
		if (mime_is_wsp(v[i]) || v[i] == '\r' || v[i] == '\n') {
			i++;
		} else if (v[i] == '(') {
			int depth = 0;
			while (i < len) {
				if (v[i] == '\\' && i + 1 < len)
					i++;
				else if (v[i] == '(')
					depth++;
				else if (v[i] == ')' && --depth == 0) {
					i++;
					break;
				}
				i++;
			}
		} else {
			break;
		}
	}
	return i;
}

static bool dup_range(struct arena *a, const char *s, size_t n, struct mime_str *out)
{
	char *d = arena_strndup(a, s, n);
	out->data = d;
	out->len = d != NULL ? n : 0;
	return d != NULL;
}

static size_t scan_token(const char *v, size_t i, size_t len)
{
	while (i < len && is_token_char(v[i]))
		i++;
	return i;
}

/* A quoted-string at v[i] == '"'; unterminated ones run to the end. */
static bool scan_quoted(struct arena *a, const char *v, size_t *ip, size_t len, struct mime_str *out)
{
	size_t i = *ip + 1;
	char *o = arena_alloc(a, len - i + 1);
	if (o == NULL)
		return false;
	size_t n = 0;
	while (i < len && v[i] != '"') {
		if (v[i] == '\\' && i + 1 < len)
			i++;
		if (v[i] != '\r' && v[i] != '\n')
			o[n++] = v[i];
		i++;
	}
	if (i < len)
		i++;  /* closing quote */
	o[n] = '\0';
	out->data = o;
	out->len = n;
	*ip = i;
	return true;
}

/* A parameter value: quoted, or anything up to ";", WSP or a comment
 * (unquoted boundaries with "=" in them are common). */
static bool scan_value(struct arena *a, const char *v, size_t *ip, size_t len, struct mime_str *out)
{
	size_t i = *ip;
	if (i < len && v[i] == '"')
		return scan_quoted(a, v, ip, len, out);
	size_t s = i;
	while (i < len && v[i] != ';' && !mime_is_wsp(v[i]) && v[i] != '\r' && v[i] != '\n' &&
	       v[i] != '(' && v[i] != '"')
		i++;
	*ip = i;
	return dup_range(a, v + s, i - s, out);
}

/* A raw parameter before RFC 2231 joining. */
struct raw_param {
	struct mime_str name;   /* full name as written, "title*1*" */
	size_t base_len;        /* length of "title" */
	long section;           /* -1: no section number */
	bool extended;          /* ends in "*" */
	struct mime_str value;
	bool used;
};

/* Split "name*N*" into its RFC2231 §3/§4 pieces. */
static void split_2231(struct raw_param *r)
{
	const char *n = r->name.data;
	size_t len = r->name.len;
	r->section = -1;
	r->extended = false;
	r->base_len = len;
	if (len > 1 && n[len - 1] == '*') {
		r->extended = true;
		len--;
	}
	size_t star = len;
	while (star > 0 && n[star - 1] >= '0' && n[star - 1] <= '9')
		star--;
	if (star < len && star > 1 && n[star - 1] == '*' && len - star <= 6) {
		r->section = strtol(n + star, NULL, 10);
		r->base_len = star - 1;
	} else {
		r->base_len = len;
	}
}

static int cmp_section(const void *x, const void *y)
{
	const struct raw_param *a = *(const struct raw_param *const *)x;
	const struct raw_param *b = *(const struct raw_param *const *)y;
	return (a->section > b->section) - (a->section < b->section);
}

/* Join RFC2231 continuations and drop repeated names (last value wins,
 * kept at the first one's place, as Dovecot does). */
static bool join_params(struct arena *a, struct raw_param *raw, size_t n, struct mime_params *out)
{
	out->n = 0;
	out->v = n > 0 ? ARENA_NEWN(a, struct mime_param, n) : NULL;
	if (n > 0 && out->v == NULL)
		return false;
	struct raw_param **grp = n > 0 ? ARENA_NEWN(a, struct raw_param *, n) : NULL;
	if (n > 0 && grp == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (raw[i].used)
			continue;
		struct mime_param p;
		if (raw[i].section < 0) {
			raw[i].used = true;
			p.name = raw[i].name;
			p.value = raw[i].value;
		} else {
			size_t g = 0;
			for (size_t j = i; j < n; j++) {
				if (!raw[j].used && raw[j].section >= 0 &&
				    mime_ieq(raw[j].name.data, raw[j].base_len,
					     raw[i].name.data, raw[i].base_len)) {
					raw[j].used = true;
					grp[g++] = &raw[j];
				}
			}
			qsort(grp, g, sizeof(*grp), cmp_section);
			size_t total = 0;
			for (size_t k = 0; k < g; k++)
				total += grp[k]->value.len;
			char *v = arena_alloc(a, total + 1);
			char *nm = arena_alloc(a, raw[i].base_len + 2);
			if (v == NULL || nm == NULL)
				return false;
			size_t o = 0;
			for (size_t k = 0; k < g; k++) {
				memcpy(v + o, grp[k]->value.data, grp[k]->value.len);
				o += grp[k]->value.len;
			}
			v[o] = '\0';
			memcpy(nm, raw[i].name.data, raw[i].base_len);
			size_t nl = raw[i].base_len;
			if (grp[0]->extended)
				nm[nl++] = '*';
			nm[nl] = '\0';
			p.name.data = nm;
			p.name.len = nl;
			p.value.data = v;
			p.value.len = o;
		}
		size_t k;
		for (k = 0; k < out->n; k++)
			if (mime_ieq(out->v[k].name.data, out->v[k].name.len, p.name.data, p.name.len))
				break;
		if (k < out->n)
			out->v[k].value = p.value;
		else
			out->v[out->n++] = p;
	}
	return true;
}

bool mime_ctype_parse(struct arena *a, const char *v, size_t len, bool want_subtype,
		      struct mime_ctype *ct)
{
	memset(ct, 0, sizeof(*ct));
	size_t i = skip_cfws(v, 0, len);
	size_t s = i;
	i = scan_token(v, i, len);
	if (i == s)
		return true;  /* invalid: no type */
	if (!dup_range(a, v + s, i - s, &ct->type))
		return false;
	if (want_subtype) {
		i = skip_cfws(v, i, len);
		if (i >= len || v[i] != '/')
			return true;
		i = skip_cfws(v, i + 1, len);
		s = i;
		i = scan_token(v, i, len);
		if (i == s)
			return true;
		if (!dup_range(a, v + s, i - s, &ct->subtype))
			return false;
	}
	ct->valid = true;

	/* parameter *(";" parameter); at most one raw entry per ";". */
	size_t max = 1;
	for (size_t k = i; k < len; k++)
		if (v[k] == ';')
			max++;
	struct raw_param *raw = ARENA_NEWN(a, struct raw_param, max);
	if (raw == NULL)
		return false;
	size_t n = 0;
	while (i < len) {
		i = skip_cfws(v, i, len);
		if (i >= len)
			break;
		if (v[i] != ';') {
			/* Junk: skip to the next parameter. */
			while (i < len && v[i] != ';')
				i++;
			continue;
		}
		i = skip_cfws(v, i + 1, len);
		s = i;
		i = scan_token(v, i, len);
		if (i == s)
			continue;
		size_t ne = i;
		i = skip_cfws(v, i, len);
		if (i >= len || v[i] != '=')
			continue;  /* "noval": dropped */
		i = skip_cfws(v, i + 1, len);
		struct raw_param *r = &raw[n];
		if (!dup_range(a, v + s, ne - s, &r->name) || !scan_value(a, v, &i, len, &r->value))
			return false;
		split_2231(r);
		n++;
	}
	return join_params(a, raw, n, &ct->params);
}

bool mime_language_parse(struct arena *a, const char *v, size_t len,
			 struct mime_str **tags_r, size_t *n_r)
{
	size_t max = 1;
	for (size_t k = 0; k < len; k++)
		if (v[k] == ',')
			max++;
	struct mime_str *tags = ARENA_NEWN(a, struct mime_str, max);
	if (tags == NULL)
		return false;
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		i = skip_cfws(v, i, len);
		size_t s = i;
		i = scan_token(v, i, len);
		if (i > s && !dup_range(a, v + s, i - s, &tags[n++]))
			return false;
		i = skip_cfws(v, i, len);
		while (i < len && v[i] != ',')
			i++;
		if (i < len)
			i++;
	}
	*tags_r = n > 0 ? tags : NULL;
	*n_r = n;
	return true;
}

bool mime_token_parse(struct arena *a, const char *v, size_t len, struct mime_str *out_r)
{
	size_t i = skip_cfws(v, 0, len), s = i;
	i = scan_token(v, i, len);
	out_r->data = NULL;
	out_r->len = 0;
	if (i == s)
		return true;
	return dup_range(a, v + s, i - s, out_r);
}

const struct mime_str *mime_param_get(const struct mime_params *p, const char *name)
{
	size_t nl = strlen(name);
	for (size_t i = 0; i < p->n; i++)
		if (mime_ieq(p->v[i].name.data, p->v[i].name.len, name, nl))
			return &p->v[i].value;
	return NULL;
}

static bool set_str(struct arena *a, struct mime_str *dst, const char *s, size_t n)
{
	return dup_range(a, s, n, dst);
}

bool mime_part_read_header(struct arena *a, const char *msg, struct mime_part *part,
			   bool digest_child)
{
	struct mime_field_iter it;
	struct mime_field f;
	bool have_ct = false, have_cd = false, have_cte = false, have_cl = false;
	mime_field_iter_init(&it, msg + part->hdr_off, part->hdr_len);
	while (mime_field_next(&it, &f)) {
		/* Only Content-* fields matter here; the first of each is used. */
		if (!f.has_colon || f.name_len < 10 || !mime_ieq(f.name, 8, "content-", 8))
			continue;
		const char *n = f.name + 8;
		size_t nl = f.name_len - 8;
		struct mime_str val;
		if (mime_ieq(n, nl, "type", 4) && !have_ct) {
			struct mime_ctype ct;
			if (!mime_unfold(a, f.value, f.value_len, &val) ||
			    !mime_ctype_parse(a, val.data, val.len, true, &ct))
				return false;
			have_ct = true;
			if (ct.valid) {
				part->type = ct.type;
				part->subtype = ct.subtype;
				part->params = ct.params;
			}
		} else if (mime_ieq(n, nl, "disposition", 11) && !have_cd) {
			struct mime_ctype cd;
			if (!mime_unfold(a, f.value, f.value_len, &val) ||
			    !mime_ctype_parse(a, val.data, val.len, false, &cd))
				return false;
			have_cd = true;
			if (cd.valid) {
				part->disposition = cd.type;
				part->disp_params = cd.params;
			}
		} else if (mime_ieq(n, nl, "transfer-encoding", 17) && !have_cte) {
			have_cte = true;
			if (!mime_token_parse(a, f.value, f.value_len, &part->encoding))
				return false;
		} else if (mime_ieq(n, nl, "language", 8) && !have_cl) {
			have_cl = true;
			if (!mime_language_parse(a, f.value, f.value_len, &part->languages,
						 &part->nlanguages))
				return false;
		} else {
			struct mime_str *dst = NULL;
			if (mime_ieq(n, nl, "id", 2))
				dst = &part->id;
			else if (mime_ieq(n, nl, "description", 11))
				dst = &part->description;
			else if (mime_ieq(n, nl, "md5", 3))
				dst = &part->md5;
			else if (mime_ieq(n, nl, "location", 8))
				dst = &part->location;
			if (dst != NULL && dst->data == NULL) {
				if (!mime_unfold(a, f.value, f.value_len, &val) ||
				    !set_str(a, dst, val.data, val.len))
					return false;
			}
		}
	}
	if (part->type.data == NULL) {
		/* RFC2045 §5.2 (missing or invalid) and RFC2046 §5.1.5 (digest). */
		bool rfc822 = digest_child && !have_ct;
		part->ctype_defaulted = true;
		if (!set_str(a, &part->type, rfc822 ? "message" : "text", rfc822 ? 7 : 4) ||
		    !set_str(a, &part->subtype, rfc822 ? "rfc822" : "plain", rfc822 ? 6 : 5))
			return false;
		part->params.n = 0;
		part->params.v = NULL;
	}
	return true;
}
