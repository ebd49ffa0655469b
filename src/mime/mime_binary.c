/*
 * mime_binary.c - BINARY (RFC3516): the octets of a section with its
 * Content-Transfer-Encoding undone, produced a buffer at a time from the
 * stored message (a 500 MB attachment is never held decoded in memory),
 * and the other way round for APPEND with literal8: parts that a literal
 * could not carry are re-encoded as base64 before the message is stored.
 *
 * Decoding works on the stored octets, whose line ends may be LF: lines
 * of a text-like encoding (7bit, 8bit, quoted-printable) come out in CRLF
 * form (RFC3516 §6: textual sections are always sent with CRLF); base64
 * and binary give exactly their octets.  NUL octets are kept (the caller
 * then sends a literal8).
 */
#include "mime/mime_int.h"

#include <string.h>

#include "util/base64.h"

enum mime_cte mime_part_cte(const struct mime_part *p)
{
	/* RFC2045 §6.1: no Content-Transfer-Encoding is 7bit. */
	if (p->encoding.data == NULL || p->encoding.len == 0 || mime_str_is(&p->encoding, "7bit") ||
	    mime_str_is(&p->encoding, "8bit"))
		return MIME_CTE_IDENTITY;
	if (mime_str_is(&p->encoding, "binary"))
		return MIME_CTE_BINARY;
	if (mime_str_is(&p->encoding, "base64"))
		return MIME_CTE_BASE64;
	if (mime_str_is(&p->encoding, "quoted-printable"))
		return MIME_CTE_QP;
	return MIME_CTE_UNKNOWN;
}

/* ---- the decoder ------------------------------------------------------------ */

void mime_decoder_init(struct mime_decoder *d, enum mime_cte cte, const char *prefix,
		       size_t prefix_len, const char *data, size_t len, uint64_t skip, uint64_t count)
{
	memset(d, 0, sizeof(*d));
	d->cte = cte;
	d->prefix = prefix;
	d->prefix_len = prefix_len;
	d->data = data;
	d->len = len;
	d->skip = skip;
	d->count = count;
}

/* Make segment s the current one (output position and window kept). */
static void load_segment(struct mime_decoder *d, const struct mime_segment *s)
{
	d->cte = s->cte;
	d->prefix = s->prefix;
	d->prefix_len = s->prefix_len;
	d->ppos = 0;
	d->data = s->data;
	d->len = s->len;
	d->pos = 0;
	d->prev_cr = s->prev_cr;
	d->acc = 0;
	d->bits = 0;
	d->ended = false;
	d->run_end = 0;
	d->reported = 0;
}

void mime_decoder_init_segments(struct mime_decoder *d, const struct mime_segment *segs,
				size_t n, uint64_t skip, uint64_t count)
{
	mime_decoder_init(d, MIME_CTE_IDENTITY, NULL, 0, "", 0, skip, count);
	if (n == 0)
		return;
	load_segment(d, &segs[0]);
	d->next = segs + 1;
	d->nnext = n - 1;
}

/* One output octet through the window: into buf when inside it. */
static inline void put(struct mime_decoder *d, char c, char *buf, size_t *n)
{
	if (d->vpos >= d->skip && d->vpos - d->skip < d->count)
		buf[(*n)++] = c;
	d->vpos++;
}

static inline bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

static inline int hexval(char c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Length of the line end at data[i] (LF or CRLF), 0 if none. */
static inline size_t line_end(const struct mime_decoder *d, size_t i)
{
	if (i < d->len && d->data[i] == '\n')
		return 1;
	if (i + 1 < d->len && d->data[i] == '\r' && d->data[i + 1] == '\n')
		return 2;
	return 0;
}

/* Quoted-printable (RFC2045 §6.7), one step: an encoded octet, a soft
 * line break (dropped), white space at the end of a line (dropped: added
 * in transport, rule 3), a line end (CRLF), or a literal run. */
static void qp_step(struct mime_decoder *d, char *buf, size_t *n, size_t cap)
{
	const char *p = d->data;
	size_t i = d->pos;
	char c = p[i];
	if (c == '=') {
		if (i + 2 < d->len && is_hex(p[i + 1]) && is_hex(p[i + 2])) {
			put(d, (char)(hexval(p[i + 1]) * 16 + hexval(p[i + 2])), buf, n);
			d->pos = i + 3;
			return;
		}
		size_t j = i + 1;
		while (j < d->len && mime_is_wsp(p[j]))
			j++;
		size_t le = line_end(d, j);
		if (le > 0 || j == d->len) {
			d->pos = j + le;  /* soft line break */
			return;
		}
		put(d, '=', buf, n);  /* not an encoding: kept, leniently */
		d->pos = i + 1;
		return;
	}
	if (mime_is_wsp(c)) {
		size_t j = d->run_end > i ? d->run_end : i;
		if (j == i) {
			while (j < d->len && mime_is_wsp(p[j]))
				j++;
			if (j == d->len || line_end(d, j) > 0) {
				d->pos = j;  /* trailing: dropped */
				return;
			}
			d->run_end = j;
		}
		while (d->pos < j && *n < cap)
			put(d, p[d->pos++], buf, n);
		return;
	}
	size_t le = line_end(d, i);
	if (le > 0) {
		put(d, '\r', buf, n);
		put(d, '\n', buf, n);
		d->pos = i + le;
		return;
	}
	/* A run up to the next octet that needs a look. */
	while (d->pos < d->len && *n < cap) {
		c = p[d->pos];
		if (c == '=' || c == '\n' || c == ' ' || c == '\t' || (c == '\r' && line_end(d, d->pos)))
			break;
		put(d, c, buf, n);
		d->pos++;
	}
}

void mime_decoder_set_progress(struct mime_decoder *d, mime_progress_fn *progress, void *ctx)
{
	d->progress = progress;
	d->progress_ctx = ctx;
	d->reported = d->pos;
}

#define DECODER_REPORT_STEP (1u << 20)

size_t mime_decoder_read(struct mime_decoder *d, char *buf, size_t cap)
{
	size_t n = 0;
	uint64_t vend = d->count > UINT64_MAX - d->skip ? UINT64_MAX : d->skip + d->count;
	/* Every step below writes at most 2 octets, or checks the room. */
	while (n + 2 <= cap && d->vpos < vend) {
		if (d->progress != NULL && d->pos - d->reported >= DECODER_REPORT_STEP) {
			d->reported = d->pos;
			d->progress(d->progress_ctx, d->data + d->pos);
		}
		if (d->ppos < d->prefix_len) {
			put(d, d->prefix[d->ppos++], buf, &n);
			continue;
		}
		if (d->pos >= d->len || d->ended) {
			if (d->nnext == 0)
				break;
			load_segment(d, d->next);
			d->next++;
			d->nnext--;
			continue;
		}
		const char *p = d->data;
		switch (d->cte) {
		case MIME_CTE_BASE64: {
			char c = p[d->pos++];
			if (c == '=') {
				d->ended = true;  /* padding: the data is over */
				break;
			}
			int v = base64_value((unsigned char)c, '/');
			if (v < 0)
				break;  /* line ends and garbage are skipped */
			d->acc = (d->acc << 6) | (unsigned)v;
			d->bits += 6;
			if (d->bits >= 8) {
				d->bits -= 8;
				put(d, (char)((d->acc >> d->bits) & 0xff), buf, &n);
			}
			break;
		}
		case MIME_CTE_QP:
			qp_step(d, buf, &n, cap);
			break;
		case MIME_CTE_IDENTITY: {
			/* The CRLF form: a bare LF gets its CR. */
			char c = p[d->pos];
			if (c == '\n' && (d->pos == 0 ? !d->prev_cr : p[d->pos - 1] != '\r'))
				put(d, '\r', buf, &n);
			put(d, c, buf, &n);
			d->pos++;
			break;
		}
		case MIME_CTE_BINARY:
		case MIME_CTE_UNKNOWN: {
			/* As stored: straight runs. */
			size_t take = d->len - d->pos;
			uint64_t skipping = d->vpos < d->skip ? d->skip - d->vpos : 0;
			if (skipping > 0) {
				if (take > skipping)
					take = (size_t)skipping;
				if (take > DECODER_REPORT_STEP)
					take = DECODER_REPORT_STEP;
				d->pos += take;
				d->vpos += take;
				break;
			}
			if (take > cap - n)
				take = cap - n;
			if (take > vend - d->vpos)
				take = (size_t)(vend - d->vpos);
			memcpy(buf + n, p + d->pos, take);
			n += take;
			d->pos += take;
			d->vpos += take;
			break;
		}
		}
	}
	return n;
}

uint64_t mime_decoder_size(const struct mime_decoder *d, bool *has_nul_r)
{
	struct mime_decoder scan = *d;
	char buf[16384];
	uint64_t total = 0;
	bool nul = false;
	size_t n;
	while ((n = mime_decoder_read(&scan, buf, sizeof(buf))) > 0) {
		total += n;
		if (!nul && memchr(buf, '\0', n) != NULL)
			nul = true;
	}
	if (scan.progress != NULL)
		scan.progress(scan.progress_ctx, mime_decoder_at(&scan));
	if (has_nul_r != NULL)
		*has_nul_r = nul;
	return total;
}

/* ---- BINARY[section] ---------------------------------------------------------- */

/* The header of m in CRLF form with its Content-Transfer-Encoding said to
 * be "binary": what BINARY[] of a single-part message starts with, the
 * body after it being decoded (as Dovecot does). */
static bool header_as_binary(struct arena *a, const char *msg, const struct mime_part *m,
			     struct mime_str *out_r)
{
	struct sbuf b;
	sbuf_init(&b, a);
	struct mime_field_iter it;
	struct mime_field f;
	mime_field_iter_init(&it, msg + m->hdr_off, m->hdr_len);
	while (mime_field_next(&it, &f)) {
		if (mime_field_is(&f, "Content-Transfer-Encoding", 25))
			continue;
		mime_crlf_copy(&b, f.raw, f.raw_len, 0, SIZE_MAX);
		if (f.raw_len == 0 || f.raw[f.raw_len - 1] != '\n')
			sbuf_add(&b, "\r\n", 2);
	}
	sbuf_adds(&b, "Content-Transfer-Encoding: binary\r\n");
	if (m->hdr_has_blank)
		sbuf_add(&b, "\r\n", 2);
	if (b.failed)
		return false;
	out_r->data = b.data;
	out_r->len = b.len;
	return true;
}

/* The pieces of BINARY[]: the message as it is between the leaves whose
 * encoding is undone, and each of those as its rewritten header then its
 * decoded body. */
struct pieces {
	struct arena *a;
	const char *msg;
	size_t done;                 /* msg[0, done) is in the pieces */
	struct mime_segment *v;
	size_t n, cap;
	bool unknown, nomem;
};

static struct mime_segment *piece(struct pieces *ps)
{
	if (ps->n == ps->cap) {
		size_t cap = ps->cap == 0 ? 16 : ps->cap * 2;
		struct mime_segment *v = ARENA_NEWN(ps->a, struct mime_segment, cap);
		if (v == NULL) {
			ps->nomem = true;
			return NULL;
		}
		if (ps->n > 0)
			memcpy(v, ps->v, ps->n * sizeof(*v));
		ps->v = v;
		ps->cap = cap;
	}
	struct mime_segment *s = &ps->v[ps->n++];
	memset(s, 0, sizeof(*s));
	return s;
}

/* The message as it is (CRLF form) from ps->done up to `end`. */
static void as_is(struct pieces *ps, size_t end)
{
	if (end <= ps->done)
		return;
	struct mime_segment *s = piece(ps);
	if (s == NULL)
		return;
	s->cte = MIME_CTE_IDENTITY;
	s->data = ps->msg + ps->done;
	s->len = end - ps->done;
	s->prev_cr = ps->done > 0 && ps->msg[ps->done - 1] == '\r';
	ps->done = end;
}

static void walk(struct pieces *ps, const struct mime_part *p)
{
	if (ps->unknown || ps->nomem)
		return;
	if (p->kind != MIME_KIND_LEAF) {
		for (const struct mime_part *c = p->child; c != NULL; c = c->next)
			walk(ps, c);
		return;
	}
	enum mime_cte cte = mime_part_cte(p);
	if (cte == MIME_CTE_UNKNOWN) {
		ps->unknown = true;
		return;
	}
	if (cte == MIME_CTE_IDENTITY)
		return;  /* stays in the as-is pieces */
	as_is(ps, p->hdr_off);
	struct mime_str hdr;
	if (!header_as_binary(ps->a, ps->msg, p, &hdr)) {
		ps->nomem = true;
		return;
	}
	struct mime_segment *s = piece(ps);
	if (s == NULL)
		return;
	s->cte = cte;
	s->prefix = hdr.data;
	s->prefix_len = hdr.len;
	s->data = ps->msg + p->body_off;
	s->len = p->body_len;
	ps->done = p->body_off + p->body_len;
}

/* BINARY[]: every part decoded (see mime.h). */
static enum mime_binary_result whole_message(struct arena *a, const char *msg, size_t len,
					     const struct mime_part *root, uint64_t skip,
					     uint64_t cnt, struct mime_decoder *d_r)
{
	struct pieces ps = { .a = a, .msg = msg };
	walk(&ps, root);
	if (ps.unknown)
		return MIME_BINARY_UNKNOWN_CTE;
	as_is(&ps, len);
	if (ps.nomem)
		return MIME_BINARY_NOMEM;
	mime_decoder_init_segments(d_r, ps.v, ps.n, skip, cnt);
	return MIME_BINARY_OK;
}

enum mime_binary_result mime_binary_section(struct arena *a, const char *msg, size_t len,
					    const struct mime_part *root, const uint32_t *parts,
					    size_t nparts, bool partial, uint32_t start,
					    uint32_t count, struct mime_decoder *d_r)
{
	uint64_t skip = partial ? start : 0, cnt = partial ? count : UINT64_MAX;
	if (nparts == 0)
		return whole_message(a, msg, len, root, skip, cnt, d_r);
	const struct mime_part *p = mime_section_part(root, parts, nparts);
	if (p == NULL)
		return MIME_BINARY_NONE;
	enum mime_cte cte = mime_part_cte(p);
	if (cte == MIME_CTE_UNKNOWN)
		return MIME_BINARY_UNKNOWN_CTE;
	mime_decoder_init(d_r, cte, NULL, 0, msg + p->body_off, p->body_len, skip, cnt);
	return MIME_BINARY_OK;
}

/* ---- APPEND with literal8 ------------------------------------------------------ */

/* Whether a leaf's body cannot go through a literal unchanged: a NUL, a
 * CR or LF outside a CRLF pair, or the binary encoding said outright. */
static bool needs_base64(const char *msg, const struct mime_part *p)
{
	if (mime_part_cte(p) == MIME_CTE_BINARY)
		return true;
	const char *b = msg + p->body_off;
	size_t n = p->body_len;
	if (memchr(b, '\0', n) != NULL)
		return true;
	for (size_t i = 0; i < n; i++) {
		if (b[i] == '\r' && (i + 1 == n || b[i + 1] != '\n'))
			return true;
		if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r'))
			return true;
	}
	return false;
}

struct encoder {
	const char *msg;
	size_t len;
	size_t done;                 /* msg[0, done) is written */
	mime_write_fn *out;
	void *ctx;
	bool changed;
	unsigned depth;
};

static void emit_base64(struct encoder *e, const unsigned char *s, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char line[80];
	size_t ln = 0;
	bool first = true;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		size_t k = n - i;
		if (k > 1)
			v |= (unsigned)s[i + 1] << 8;
		if (k > 2)
			v |= s[i + 2];
		line[ln++] = digits[(v >> 18) & 63];
		line[ln++] = digits[(v >> 12) & 63];
		line[ln++] = k > 1 ? digits[(v >> 6) & 63] : '=';
		line[ln++] = k > 2 ? digits[v & 63] : '=';
		/* RFC2045 §6.8: lines of at most 76 characters. */
		if (ln == 76 || i + 3 >= n) {
			if (!first)
				e->out(e->ctx, "\r\n", 2);
			e->out(e->ctx, line, ln);
			first = false;
			ln = 0;
		}
	}
}

static void reencode(struct encoder *e, const struct mime_part *p, bool is_root)
{
	if (p->kind != MIME_KIND_LEAF) {
		if (e->depth++ < MIME_MAX_DEPTH)
			for (const struct mime_part *c = p->child; c != NULL; c = c->next)
				reencode(e, c, false);
		e->depth--;
		return;
	}
	if (!needs_base64(e->msg, p))
		return;
	/* Everything up to this part's header as it was; then the header
	 * with the new encoding; then the body in base64.  The line end
	 * before a boundary (not in body_len) stays as it was. */
	e->out(e->ctx, e->msg + e->done, p->hdr_off - e->done);
	struct mime_field_iter it;
	struct mime_field f;
	mime_field_iter_init(&it, e->msg + p->hdr_off, p->hdr_len);
	while (mime_field_next(&it, &f)) {
		if (mime_field_is(&f, "Content-Transfer-Encoding", 25))
			continue;
		e->out(e->ctx, f.raw, f.raw_len);
		if (f.raw_len == 0 || f.raw[f.raw_len - 1] != '\n')
			e->out(e->ctx, "\r\n", 2);
	}
	e->out(e->ctx, "Content-Transfer-Encoding: base64\r\n\r\n", 37);
	emit_base64(e, (const unsigned char *)e->msg + p->body_off, p->body_len);
	if (is_root)
		e->out(e->ctx, "\r\n", 2);
	e->done = p->body_off + p->body_len;
	/* The line end before the next boundary belongs to the boundary
	 * (RFC2046 §5.1.1); a bare LF there becomes CRLF like the rest. */
	if (!is_root && e->done < e->len && e->msg[e->done] == '\n') {
		e->out(e->ctx, "\r\n", 2);
		e->done++;
	}
	e->changed = true;
}

/* Whether some leaf under p needs re-encoding (depth bounded by the
 * parser). */
static bool any_needs(const char *msg, const struct mime_part *p)
{
	if (p->kind == MIME_KIND_LEAF)
		return needs_base64(msg, p);
	for (const struct mime_part *c = p->child; c != NULL; c = c->next)
		if (any_needs(msg, c))
			return true;
	return false;
}

bool mime_binary_encode(struct arena *a, const char *msg, size_t len, mime_write_fn *out,
			void *ctx, bool *changed_r)
{
	*changed_r = false;
	const struct mime_part *root = mime_parse(a, msg, len);
	if (root == NULL)
		return false;
	if (!any_needs(msg, root))
		return true;  /* any literal can carry it: keep it as it is */
	struct encoder e = { .msg = msg, .len = len, .out = out, .ctx = ctx };
	reencode(&e, root, true);
	out(ctx, msg + e.done, len - e.done);
	*changed_r = e.changed;
	return true;
}
