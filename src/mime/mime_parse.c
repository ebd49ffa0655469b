/*
 * mime_parse.c - the MIME parse tree of a message (RFC2045, RFC2046).
 *
 * Written by hand rather than generated: IMAP needs the exact octet
 * offsets of every header and body (BODY[1.2], partial fetches, sizes in
 * the CRLF form), and real mail breaks every grammar, so the parser must
 * decide per line what a broken message most likely meant.
 *
 * Top-down: a multipart first finds its own delimiter lines inside its
 * range and then parses each child inside the child's range, so an
 * enclosing boundary always ends the parts inside it (RFC2046 §5.1.2)
 * and a missing close delimiter ends the part at the end of its parent.
 * Recursion is bounded by MIME_MAX_DEPTH.
 */
#include "mime/mime_int.h"

#include <string.h>

struct pctx {
	struct arena *a;
	const char *msg;
	size_t nparts;
	/* Progress over a large message (mime_parse_progress): reported
	 * every PROGRESS_STEP octets scanned, wherever the scan is. */
	mime_progress_fn *progress;
	void *pctx;
	size_t scanned;
};

#define PROGRESS_STEP (1u << 20)

/* The scan reached `at` after `n` more octets. */
static void advance(struct pctx *c, const char *at, size_t n)
{
	if (c->progress == NULL)
		return;
	c->scanned += n;
	if (c->scanned >= PROGRESS_STEP) {
		c->scanned = 0;
		c->progress(c->pctx, at);
	}
}

/* mime_crlf_size() of a long range a step at a time, reporting progress
 * between steps (a LF that starts a step after a CR is no bare LF). */
static void crlf_size(struct pctx *c, const char *data, size_t len, size_t *vsize_r,
		      size_t *lines_r)
{
	if (c->progress == NULL || len <= PROGRESS_STEP) {
		mime_crlf_size(data, len, vsize_r, lines_r);
		advance(c, data + len, len);
		return;
	}
	size_t vsize = 0, lines = 0;
	for (size_t off = 0; off < len; off += PROGRESS_STEP) {
		size_t n = len - off < PROGRESS_STEP ? len - off : PROGRESS_STEP;
		size_t v, l;
		mime_crlf_size(data + off, n, &v, &l);
		if (off > 0 && data[off] == '\n' && data[off - 1] == '\r')
			v--;
		vsize += v;
		lines += l;
		advance(c, data + off + n, n);
	}
	*vsize_r = vsize;
	if (lines_r != NULL)
		*lines_r = lines;
}

static struct mime_part *new_part(struct pctx *c, struct mime_part *parent, size_t off)
{
	struct mime_part *p = ARENA_NEW(c->a, struct mime_part);
	if (p == NULL)
		return NULL;
	p->parent = parent;
	p->depth = parent != NULL ? parent->depth + 1 : 0;
	p->hdr_off = p->body_off = off;
	c->nparts++;
	return p;
}

/* Append after `tail` (the current last child, or NULL for the first):
 * callers keep the tail so a 10,000-part multipart stays linear. */
static void append_child(struct mime_part *parent, struct mime_part *tail, struct mime_part *child)
{
	if (tail == NULL)
		parent->child = child;
	else
		tail->next = child;
	parent->nchildren++;
}

/* Fill header/body ranges and sizes of a part spanning [off, off+len)
 * whose CRLF-form offset is voff. */
static void set_ranges(struct pctx *c, struct mime_part *p, size_t off, size_t len, size_t voff)
{
	bool complete;
	size_t h = mime_header_len(c->msg + off, len, &complete);
	p->hdr_off = off;
	p->hdr_len = h;
	p->hdr_has_blank = complete;
	p->body_off = off + h;
	p->body_len = len - h;
	crlf_size(c, c->msg + off, h, &p->hdr_vsize, NULL);
	crlf_size(c, c->msg + p->body_off, p->body_len, &p->body_vsize, &p->body_lines);
	p->hdr_voff = voff;
	p->body_voff = voff + p->hdr_vsize;
}

static bool set_octet_stream(struct arena *a, struct mime_part *p)
{
	p->kind = MIME_KIND_LEAF;
	p->type.data = arena_strdup(a, "application");
	p->type.len = 11;
	p->subtype.data = arena_strdup(a, "octet-stream");
	p->subtype.len = 12;
	return p->type.data != NULL && p->subtype.data != NULL;
}

static void classify(struct mime_part *p)
{
	if (mime_str_is(&p->type, "multipart"))
		p->kind = MIME_KIND_MULTIPART;
	else if (mime_str_is(&p->type, "message") && mime_str_is(&p->subtype, "rfc822"))
		p->kind = MIME_KIND_MESSAGE;
	else
		p->kind = MIME_KIND_LEAF;
}

static bool parse_entity(struct pctx *c, struct mime_part *p, size_t off, size_t len,
			 size_t voff, bool digest_child);

/*
 * Is there a delimiter line for `b` at line start `ls`?  RFC2046 §5.1.1:
 * "--" boundary ["--"] transport-padding CRLF, padding being WSP.  On
 * success *next_r is the start of the following line, *close_r tells a
 * close delimiter.
 */
static bool is_delimiter(const char *ls, const char *e, const char *b, size_t blen,
			 const char **next_r, bool *close_r)
{
	if ((size_t)(e - ls) < blen + 2 || ls[0] != '-' || ls[1] != '-' ||
	    memcmp(ls + 2, b, blen) != 0)
		return false;
	const char *q = ls + 2 + blen;
	bool close = e - q >= 2 && q[0] == '-' && q[1] == '-';
	if (close)
		q += 2;
	while (q < e && mime_is_wsp(*q))
		q++;
	if (q < e && *q == '\r' && q + 1 < e && q[1] == '\n')
		q += 2;
	else if (q < e && *q == '\n')
		q++;
	else if (q != e)
		return false;
	*next_r = q;
	*close_r = close;
	return true;
}

/* Children come in order; ppos and vpos track the CRLF-form offset of a
 * physical position so each byte is measured once per level. */
struct child_pos {
	size_t ppos, vpos;
	struct mime_part *tail;  /* last child so far */
};

static bool add_child(struct pctx *c, struct mime_part *p, size_t off, size_t len, bool digest,
		      struct child_pos *cp)
{
	struct mime_part *ch = new_part(c, p, off);
	if (ch == NULL)
		return false;
	append_child(p, cp->tail, ch);
	cp->tail = ch;
	size_t gap;
	crlf_size(c, c->msg + cp->ppos, off - cp->ppos, &gap, NULL);
	cp->vpos += gap;
	cp->ppos = off;
	return parse_entity(c, ch, off, len, cp->vpos, digest);
}

static bool parse_multipart(struct pctx *c, struct mime_part *p)
{
	const struct mime_str *bnd = mime_param_get(&p->params, "boundary");
	bool digest = mime_str_is(&p->subtype, "digest");
	const char *s = c->msg + p->body_off, *e = s + p->body_len;
	const char *cs = NULL;  /* start of the open child */
	struct mime_part *last = NULL;
	struct child_pos cp = { p->body_off, p->body_voff, NULL };

	if (bnd != NULL && bnd->len > 0) {
		const char *ls = s;
		while (ls < e) {
			const char *next;
			bool close;
			if (ls[0] == '-' && c->nparts < MIME_MAX_PARTS &&
			    is_delimiter(ls, e, bnd->data, bnd->len, &next, &close)) {
				if (cs != NULL) {
					/* The line end before the delimiter is part of it
					 * (RFC2046 §5.1.1), not of the child's body. */
					const char *ce = ls;
					if (ce > cs) {
						ce--;
						if (ce > cs && ce[-1] == '\r')
							ce--;
					}
					if (!add_child(c, p, (size_t)(cs - c->msg), (size_t)(ce - cs), digest, &cp))
						return false;
				}
				if (close) {
					cs = NULL;
					break;
				}
				cs = next;
				ls = next;
				continue;
			}
			const char *nl = memchr(ls, '\n', (size_t)(e - ls));
			const char *was = ls;
			ls = nl != NULL ? nl + 1 : e;
			advance(c, ls, (size_t)(ls - was));
		}
		if (cs != NULL &&
		    !add_child(c, p, (size_t)(cs - c->msg), (size_t)(e - cs), digest, &cp))
			return false;
	}
	if (p->child == NULL) {
		/* No boundary, or it never appears: IMAP needs at least one
		 * body part (RFC3501 §9 body-type-mpart), so report an empty
		 * text/plain one at the end of the body, as Dovecot does. */
		last = new_part(c, p, p->body_off + p->body_len);
		if (last == NULL)
			return false;
		append_child(p, NULL, last);
		last->hdr_voff = last->body_voff = p->body_voff + p->body_vsize;
		return mime_part_read_header(c->a, c->msg, last, false);
	}
	return true;
}

static bool parse_entity(struct pctx *c, struct mime_part *p, size_t off, size_t len,
			 size_t voff, bool digest_child)
{
	set_ranges(c, p, off, len, voff);
	if (!mime_part_read_header(c->a, c->msg, p, digest_child))
		return false;
	classify(p);
	if (p->kind != MIME_KIND_LEAF &&
	    (p->depth >= MIME_MAX_DEPTH || c->nparts >= MIME_MAX_PARTS))
		return set_octet_stream(c->a, p);
	if (p->kind == MIME_KIND_MULTIPART)
		return parse_multipart(c, p);
	if (p->kind == MIME_KIND_MESSAGE) {
		struct mime_part *m = new_part(c, p, p->body_off);
		if (m == NULL)
			return false;
		append_child(p, NULL, m);
		return parse_entity(c, m, p->body_off, p->body_len, p->body_voff, false);
	}
	return true;
}

struct mime_part *mime_parse(struct arena *a, const char *msg, size_t len)
{
	return mime_parse_progress(a, msg, len, NULL, NULL);
}

struct mime_part *mime_parse_progress(struct arena *a, const char *msg, size_t len,
				      mime_progress_fn *progress, void *ctx)
{
	struct pctx c = { .a = a, .msg = msg, .nparts = 0, .progress = progress, .pctx = ctx };
	struct mime_part *root = new_part(&c, NULL, 0);
	if (root == NULL || !parse_entity(&c, root, 0, len, 0, false))
		return NULL;
	return root;
}

struct mime_part *mime_parse_header(struct arena *a, const char *msg, size_t len)
{
	struct pctx c = { .a = a, .msg = msg, .nparts = 0 };
	struct mime_part *root = new_part(&c, NULL, 0);
	if (root == NULL)
		return NULL;
	bool complete;
	root->hdr_len = mime_header_len(msg, len, &complete);
	root->hdr_has_blank = complete;
	root->body_off = root->hdr_len;
	mime_crlf_size(msg, root->hdr_len, &root->hdr_vsize, NULL);
	root->body_voff = root->hdr_vsize;
	if (!mime_part_read_header(a, msg, root, false))
		return NULL;
	classify(root);
	return root;
}
