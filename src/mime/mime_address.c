/*
 * mime_address.c - RFC2822 §3.4 address lists as ENVELOPE writes them
 * (RFC3501 §7.4.2: name, adl, mailbox, host; groups as a start entry
 * with a NIL host and an all-NIL end entry).
 *
 * Tolerant: each comma-separated entry gives one address even when it is
 * broken, with "MISSING_MAILBOX" / "MISSING_DOMAIN" for what is absent
 * (Dovecot's placeholders, so clients see the same thing from both).
 * A display name comes from the phrase, or else from the last comment
 * ("a@b (Name)").  Encoded-words are left as written.
 */
#include "mime/mime_int.h"

#include <string.h>

#define MISSING_MAILBOX "MISSING_MAILBOX"
#define MISSING_DOMAIN "MISSING_DOMAIN"

enum tok_type { T_WORD, T_DLIT, T_SPECIAL };

struct tok {
	enum tok_type type;
	char c;              /* T_SPECIAL: one of < > @ , ; : . */
	const char *s;       /* T_WORD (quoted: unescaped copy) / T_DLIT */
	size_t len;
	bool space_before;   /* WSP or a comment came before it */
	const char *comment; /* last comment before this token, if any */
	size_t comment_len;
};

struct addr {
	struct mime_str name, adl, mailbox, host;
	bool no_mailbox, no_host;  /* the MISSING_* placeholders stand in */
};

struct addr_list {
	size_t n, cap;
	struct addr *v;
};

static bool is_special(char c)
{
	return mime_c_is(c, MIME_C_ADDR_SPECIAL);
}

/* Tokenise the unfolded value v into toks (at most len + 1 of them). */
/* Each token records the comment just before it (NULL if none); the
 * caller's sentinel token n gets the one after the last token. */
static size_t tokenize(struct arena *a, const char *v, size_t len, struct tok **toks_r)
{
	/* The array grows as needed; one spare slot for the sentinel. */
	size_t cap = 32;
	struct tok *toks = arena_alloc(a, sizeof(struct tok) * cap);
	*toks_r = toks;
	if (toks == NULL)
		return 0;
	size_t n = 0, i = 0;
	bool space = false;
	const char *cm = NULL;
	size_t cml = 0;
	while (i < len) {
		char c = v[i];
		if (mime_is_wsp(c) || c == '\r' || c == '\n') {
			space = true;
			i++;
			continue;
		}
		if (c == '(') {
			/* A comment: remember its text (unescaped) for the name. */
			size_t cs = i, ce = i;
			int depth = 0;
			while (ce < len) {
				if (v[ce] == '\\' && ce + 1 < len)
					ce++;
				else if (v[ce] == '(')
					depth++;
				else if (v[ce] == ')' && --depth == 0) {
					ce++;
					break;
				}
				ce++;
			}
			i = ce;
			char *o = arena_alloc(a, ce - cs + 1);
			size_t on = 0;
			depth = 0;
			for (size_t k = cs; o != NULL && k < ce; k++) {
				if (v[k] == '\\' && k + 1 < ce) {
					o[on++] = v[++k];
				} else if (v[k] == '(') {
					if (depth++ > 0)
						o[on++] = '(';
				} else if (v[k] == ')') {
					if (--depth > 0)
						o[on++] = ')';
				} else {
					o[on++] = v[k];
				}
			}
			if (o != NULL) {
				while (on > 0 && mime_is_wsp(o[on - 1]))
					on--;
				size_t st = 0;
				while (st < on && mime_is_wsp(o[st]))
					st++;
				o[on] = '\0';
				cm = o + st;
				cml = on - st;
			}
			space = true;
			continue;
		}
		if (n + 1 == cap) {
			struct tok *nt = arena_alloc(a, sizeof(struct tok) * cap * 2);
			if (nt == NULL) {
				*toks_r = NULL;
				return 0;
			}
			memcpy(nt, toks, sizeof(struct tok) * n);
			toks = nt;
			*toks_r = toks;
			cap *= 2;
		}
		struct tok *t = &toks[n++];
		t->space_before = space;
		t->comment = cm;
		t->comment_len = cml;
		cm = NULL;
		cml = 0;
		space = false;
		t->c = '\0';
		if (c == '"') {
			size_t qs = ++i, qe = i;
			while (qe < len && v[qe] != '"') {
				if (v[qe] == '\\' && qe + 1 < len)
					qe++;
				qe++;
			}
			char *o = arena_alloc(a, qe - qs + 1);
			size_t on = 0;
			for (size_t k = qs; o != NULL && k < qe; k++) {
				if (v[k] == '\\' && k + 1 < qe)
					k++;
				o[on++] = v[k];
			}
			i = qe < len ? qe + 1 : qe;
			if (o != NULL)
				o[on] = '\0';
			t->type = T_WORD;
			t->s = o != NULL ? o : "";
			t->len = on;
		} else if (c == '[') {
			size_t s = i;
			while (i < len && v[i] != ']') {
				if (v[i] == '\\' && i + 1 < len)
					i++;
				i++;
			}
			if (i < len)
				i++;
			t->type = T_DLIT;
			t->s = v + s;
			t->len = i - s;
		} else if (is_special(c)) {
			/* ")", "]" and "\" stray on their own: keep them as words. */
			if (c == ')' || c == ']' || c == '\\') {
				t->type = T_WORD;
				t->s = v + i;
				t->len = 1;
			} else {
				t->type = T_SPECIAL;
				t->c = c;
				t->s = NULL;
				t->len = 0;
			}
			i++;
		} else {
			size_t s = i;
			while (i < len && !is_special(v[i]) && !mime_is_wsp(v[i]) && v[i] != '\r' &&
			       v[i] != '\n')
				i++;
			t->type = T_WORD;
			t->s = v + s;
			t->len = i - s;
		}
	}
	toks[n].comment = cm;
	toks[n].comment_len = cml;
	return n;
}

static bool is_sp(const struct tok *t, char c)
{
	return t->type == T_SPECIAL && t->c == c;
}

/* Join tokens [s, e) into the arena; with `spaces`, one space where the
 * original had white space or a comment (display names). */
static struct mime_str join(struct arena *a, const struct tok *t, size_t s, size_t e, bool spaces)
{
	struct mime_str r = { NULL, 0 };
	size_t total = 0;
	for (size_t i = s; i < e; i++)
		total += (t[i].type == T_SPECIAL ? 1 : t[i].len) + 1;
	char *o = arena_alloc(a, total + 1);
	if (o == NULL)
		return r;
	size_t n = 0;
	for (size_t i = s; i < e; i++) {
		if (spaces && i > s && t[i].space_before)
			o[n++] = ' ';
		if (t[i].type == T_SPECIAL) {
			o[n++] = t[i].c;
		} else {
			memcpy(o + n, t[i].s, t[i].len);
			n += t[i].len;
		}
	}
	o[n] = '\0';
	r.data = o;
	r.len = n;
	return r;
}

static struct mime_str lit(const char *s)
{
	struct mime_str r = { s, strlen(s) };
	return r;
}

static bool add(struct arena *a, struct addr_list *l, const struct addr *ad)
{
	if (l->n == l->cap) {
		size_t cap = l->cap == 0 ? 8 : l->cap * 2;
		struct addr *nv = ARENA_NEWN(a, struct addr, cap);
		if (nv == NULL)
			return false;
		if (l->n > 0)
			memcpy(nv, l->v, l->n * sizeof(*nv));
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = *ad;
	return true;
}

static struct mime_str nonempty(struct mime_str s)
{
	if (s.data != NULL && s.len == 0)
		s.data = NULL;
	return s;
}

/* End of a bare addr-spec's domain starting at i: a new word after
 * white space (not joined by ".") starts another address, as in
 * "a@b c@d" with the comma forgotten. */
static size_t domain_end(const struct tok *t, size_t i, size_t e)
{
	for (size_t k = i + 1; k < e; k++)
		if (t[k].space_before && !is_sp(&t[k], '.') && !is_sp(&t[k - 1], '.'))
			return k;
	return e;
}

/* One mailbox from tokens [s, e) (no top-level "," inside); *stop_r is
 * where it ended (before e when another address follows without ","). */
static bool parse_mailbox(struct arena *a, const struct tok *t, size_t s, size_t e,
			  struct addr_list *l, size_t *stop_r)
{
	*stop_r = e;
	struct addr ad;
	memset(&ad, 0, sizeof(ad));
	size_t lt = e, at = e;
	for (size_t i = s; i < e; i++) {
		if (is_sp(&t[i], '<') && lt == e)
			lt = i;
		if (is_sp(&t[i], '@') && at == e)
			at = i;
	}
	if (lt == e && at < e) {
		size_t de = domain_end(t, at + 1, e);
		*stop_r = de;
		e = de;
	}
	/* The last comment inside or right after the entry (t[e] is the
	 * "," or the sentinel, whose comment follows the entry). */
	const char *cm = NULL;
	size_t cml = 0;
	for (size_t i = s; i <= e; i++)
		if (t[i].comment != NULL) {
			cm = t[i].comment;
			cml = t[i].comment_len;
		}

	if (lt < e) {
		/* name-addr: [phrase] "<" [route ":"] addr-spec ">" */
		ad.name = nonempty(join(a, t, s, lt, true));
		size_t gt = lt + 1;
		while (gt < e && !is_sp(&t[gt], '>'))
			gt++;
		size_t i = lt + 1;
		if (i < gt && is_sp(&t[i], '@')) {
			size_t colon = i;
			while (colon < gt && !is_sp(&t[colon], ':'))
				colon++;
			if (colon < gt) {
				ad.adl = nonempty(join(a, t, i, colon, false));
				i = colon + 1;
			}
		}
		size_t at2 = i;
		while (at2 < gt && !is_sp(&t[at2], '@'))
			at2++;
		ad.mailbox = nonempty(join(a, t, i, at2, false));
		if (at2 < gt)
			ad.host = nonempty(join(a, t, at2 + 1, gt, false));
	} else if (at < e) {
		/* addr-spec, maybe with a comment for a name */
		ad.mailbox = nonempty(join(a, t, s, at, false));
		ad.host = nonempty(join(a, t, at + 1, e, false));
	} else {
		/* No "@" and no "<": one word is a local part, several a name. */
		size_t words = 0;
		for (size_t i = s; i < e; i++)
			if (i == s || t[i].space_before)
				words++;
		if (words > 1)
			ad.name = nonempty(join(a, t, s, e, true));
		else
			ad.mailbox = nonempty(join(a, t, s, e, false));
	}
	if (ad.name.data == NULL && cm != NULL && cml > 0) {
		ad.name.data = cm;
		ad.name.len = cml;
	}
	ad.no_mailbox = ad.mailbox.data == NULL;
	ad.no_host = ad.host.data == NULL;
	if (ad.no_mailbox)
		ad.mailbox = lit(MISSING_MAILBOX);
	if (ad.no_host)
		ad.host = lit(MISSING_DOMAIN);
	return add(a, l, &ad);
}

/* End of the entry starting at i: the next "," (or ";" in a group) that
 * is not inside "<...>". */
static size_t entry_end(const struct tok *t, size_t i, size_t n, bool in_group)
{
	bool angle = false;
	for (; i < n; i++) {
		if (is_sp(&t[i], '<'))
			angle = true;
		else if (is_sp(&t[i], '>'))
			angle = false;
		else if (!angle && (is_sp(&t[i], ',') || (in_group && is_sp(&t[i], ';'))))
			return i;
	}
	return n;
}

/* Is the entry at i a group ("phrase :")?  Returns the ":" index or n. */
static size_t group_colon(const struct tok *t, size_t i, size_t n)
{
	for (; i < n; i++) {
		if (is_sp(&t[i], ':'))
			return i;
		if (t[i].type == T_SPECIAL && t[i].c != '.')
			return n;
	}
	return n;
}

static bool parse_list(struct arena *a, const char *v, size_t len, struct addr_list *l)
{
	struct tok *t;
	size_t n = tokenize(a, v, len, &t);
	if (t == NULL)
		return false;
	t[n].space_before = false;
	t[n].s = NULL;
	t[n].len = 0;
	t[n].type = T_SPECIAL;
	t[n].c = '\0';
	size_t i = 0;
	while (i < n) {
		size_t gc = group_colon(t, i, n);
		if (gc < n) {
			/* group: display-name ":" [mailbox-list] ";" */
			struct addr g;
			memset(&g, 0, sizeof(g));
			g.mailbox = nonempty(join(a, t, i, gc, true));
			if (g.mailbox.data == NULL)
				g.mailbox = lit("");
			if (!add(a, l, &g))
				return false;
			i = gc + 1;
			while (i < n && !is_sp(&t[i], ';')) {
				size_t ee = entry_end(t, i, n, true), stop = ee;
				if (ee > i && !parse_mailbox(a, t, i, ee, l, &stop))
					return false;
				i = stop;
				if (i < n && is_sp(&t[i], ','))
					i++;
			}
			memset(&g, 0, sizeof(g));
			if (!add(a, l, &g))
				return false;
			if (i < n)
				i++;  /* ";" */
			while (i < n && !is_sp(&t[i], ','))
				i++;
		} else {
			size_t ee = entry_end(t, i, n, false), stop;
			if (!parse_mailbox(a, t, i, ee, l, &stop))
				return false;
			i = stop;
		}
		if (i < n && is_sp(&t[i], ','))
			i++;  /* an empty entry after it gives MISSING; a final one nothing */
	}
	return true;
}

void mime_write_nstring(struct sbuf *out, struct arena *a, const char *s, size_t len)
{
	if (s == NULL) {
		sbuf_adds(out, "NIL");
		return;
	}
	/* Fast path: a plain quoted string (what sbuf_add_imap_string
	 * would write, without its per-byte appends). */
	bool plain = len <= 1024;
	for (size_t i = 0; plain && i < len; i++)
		plain = mime_c_is(s[i], MIME_C_QUOTABLE);
	if (plain) {
		if (sbuf_reserve(out, len + 2)) {
			out->data[out->len++] = '"';
			memcpy(out->data + out->len, s, len);
			out->len += len;
			out->data[out->len++] = '"';
			out->data[out->len] = '\0';
		}
		return;
	}
	if (memchr(s, '\0', len) == NULL) {
		sbuf_add_imap_string(out, s, len);
		return;
	}
	/* IMAP strings cannot hold NUL (RFC3501 §4.3): U+FFFD, as Dovecot. */
	size_t nul = 0;
	for (size_t i = 0; i < len; i++)
		nul += s[i] == '\0';
	char *o = arena_alloc(a, len + 2 * nul + 1);
	if (o == NULL) {
		out->failed = true;
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\0') {
			memcpy(o + n, "\xef\xbf\xbd", 3);
			n += 3;
		} else {
			o[n++] = s[i];
		}
	}
	sbuf_add_imap_string(out, o, n);
}

bool mime_address_write(struct sbuf *out, struct arena *a, const char *v, size_t len)
{
	struct addr_list l = { 0, 0, NULL };
	if (v != NULL && !parse_list(a, v, len, &l))
		return false;
	if (l.n == 0) {
		sbuf_adds(out, "NIL");
		return true;
	}
	sbuf_addc(out, '(');
	for (size_t i = 0; i < l.n; i++) {
		const struct addr *ad = &l.v[i];
		sbuf_add(out, "(", 1);
		mime_write_nstring(out, a, ad->name.data, ad->name.len);
		sbuf_add(out, " ", 1);
		mime_write_nstring(out, a, ad->adl.data, ad->adl.len);
		sbuf_add(out, " ", 1);
		mime_write_nstring(out, a, ad->mailbox.data, ad->mailbox.len);
		sbuf_add(out, " ", 1);
		mime_write_nstring(out, a, ad->host.data, ad->host.len);
		sbuf_add(out, ")", 1);
	}
	sbuf_addc(out, ')');
	return !out->failed;
}

bool mime_address_text(struct arena *a, const char *v, size_t len, struct mime_str *out_r)
{
	out_r->data = NULL;
	out_r->len = 0;
	struct addr_list l = { 0, 0, NULL };
	if (!parse_list(a, v, len, &l))
		return false;
	struct sbuf b;
	sbuf_init(&b, a);
	bool in_group = false;
	for (size_t i = 0; i < l.n; i++) {
		const struct addr *ad = &l.v[i];
		if (ad->host.data == NULL) {
			/* A group's start (name in .mailbox) or its end (all NIL). */
			if (ad->mailbox.data != NULL) {
				if (b.len > 0)
					sbuf_adds(&b, ", ");
				sbuf_add(&b, ad->mailbox.data, ad->mailbox.len);
				sbuf_adds(&b, ":");
				in_group = true;
			} else if (in_group) {
				sbuf_adds(&b, ";");
				in_group = false;
			}
			continue;
		}
		if (b.len > 0)
			sbuf_adds(&b, in_group && b.data[b.len - 1] == ':' ? " " : ", ");
		if (ad->name.data != NULL) {
			struct mime_str name;
			if (!mime_header_decode(a, ad->name.data, ad->name.len, &name))
				return false;
			sbuf_add(&b, name.data, name.len);
			sbuf_adds(&b, " <");
		}
		if (!ad->no_mailbox)
			sbuf_add(&b, ad->mailbox.data, ad->mailbox.len);
		if (!ad->no_mailbox && !ad->no_host)
			sbuf_addc(&b, '@');
		if (!ad->no_host)
			sbuf_add(&b, ad->host.data, ad->host.len);
		if (ad->name.data != NULL)
			sbuf_addc(&b, '>');
	}
	if (b.failed)
		return false;
	out_r->data = b.len > 0 ? b.data : "";
	out_r->len = b.len;
	return true;
}
