/*
 * redact.c - dropping secrets from the protocol log (see redact.h).
 */
#include "proto/redact.h"

#include <string.h>
#include <strings.h>

/* Client octets held while a synchronising literal waits for the
 * server's answer: a client that sends them early breaks RFC2060 §4.3;
 * past this much, the rest is dropped rather than buffered. */
#define REDACT_HOLD_MAX 65536

/* A user name or mechanism longer than this is not written out. */
#define REDACT_NAME_MAX 256

void redact_init(struct redact *r)
{
	memset(r, 0, sizeof(*r));
	r->st = REDACT_TAG;
	r->server_bol = true;
	sbuf_init(&r->held, NULL);
}

void redact_free(struct redact *r)
{
	sbuf_free(&r->held);
}

static void tail_add(struct redact *r, const unsigned char *p, size_t n)
{
	size_t cap = sizeof(r->tail);
	if (n >= cap) {
		memcpy(r->tail, p + n - cap, cap);
		r->tail_len = cap;
		return;
	}
	if (r->tail_len + n > cap) {
		size_t drop = r->tail_len + n - cap;
		memmove(r->tail, r->tail + drop, r->tail_len - drop);
		r->tail_len -= drop;
	}
	memcpy(r->tail + r->tail_len, p, n);
	r->tail_len += n;
}

/* Whether the line in tail ends with a literal header "{n}" or "{n+}"
 * (RFC2060 §4.3, RFC2088), and its size. */
static bool tail_literal(const struct redact *r, uint64_t *size_r, bool *plus_r)
{
	const char *t = r->tail;
	size_t e = r->tail_len;
	if (e == 0 || t[e - 1] != '\n')
		return false;
	e--;
	if (e > 0 && t[e - 1] == '\r')
		e--;
	if (e == 0 || t[e - 1] != '}')
		return false;
	e--;
	*plus_r = e > 0 && t[e - 1] == '+';
	if (*plus_r)
		e--;
	size_t d = e;
	while (d > 0 && t[d - 1] >= '0' && t[d - 1] <= '9')
		d--;
	if (d == e || d == 0 || t[d - 1] != '{')
		return false;
	uint64_t n = 0;
	for (size_t i = d; i < e; i++) {
		unsigned v = (unsigned)(t[i] - '0');
		n = n > (UINT64_MAX - v) / 10 ? UINT64_MAX : n * 10 + v;
	}
	*size_r = n;
	return true;
}

/* A line of the client's has ended (its LF passed or dropped). */
static void line_end(struct redact *r)
{
	uint64_t size;
	bool plus;
	r->masked = false;
	if (tail_literal(r, &size, &plus)) {
		r->literal = size;
		r->st = plus ? REDACT_LITERAL : REDACT_WAIT;
		if (plus && size == 0)
			r->st = r->secret ? REDACT_SECRET : REDACT_LINE;
	} else {
		r->st = REDACT_TAG;
		r->secret = false;
	}
	r->tail_len = 0;
}

/* Write "***" once per line of the log. */
static void mask(struct redact *r, const char *lead, redact_out_fn *out, void *ctx)
{
	if (r->masked)
		return;
	out(ctx, true, lead, strlen(lead));
	out(ctx, true, "***", 3);
	r->masked = true;
}

/* Handle one octet of the short states (tag, command name, user name,
 * mechanism); false when the octet belongs to REDACT_LINE instead. */
static bool short_state(struct redact *r, unsigned char c, redact_out_fn *out, void *ctx)
{
	char ch = (char)c;
	switch (r->st) {
	case REDACT_TAG:
		if (c == '\n')
			return false;
		out(ctx, true, &ch, 1);
		if (c == ' ') {
			r->st = REDACT_VERB;
			r->verb_len = 0;
		}
		return true;
	case REDACT_VERB:
		if (c == ' ') {
			out(ctx, true, r->verb, r->verb_len);
			out(ctx, true, " ", 1);
			bool login = r->verb_len == 5 && strncasecmp(r->verb, "LOGIN", 5) == 0;
			bool auth = r->verb_len == 12 && strncasecmp(r->verb, "AUTHENTICATE", 12) == 0;
			r->st = login ? REDACT_USER : auth ? REDACT_MECH : REDACT_LINE;
			r->secret = login;
			r->user_len = 0;
			r->user_quoted = r->user_escape = false;
			return true;
		}
		if (c != '\r' && c != '\n' && r->verb_len < sizeof(r->verb)) {
			r->verb[r->verb_len++] = ch;
			return true;
		}
		/* Not a command name we look for: the rest is a plain line. */
		out(ctx, true, r->verb, r->verb_len);
		r->st = REDACT_LINE;
		return false;
	case REDACT_USER:
		/* RFC2060 §9: userid = astring.  A literal is dropped whole. */
		if (c == '\r' || c == '\n') {
			r->st = REDACT_LINE;
			return false;
		}
		if (r->user_len == 0 && c == '{') {
			mask(r, "", out, ctx);
			r->st = REDACT_SECRET;
			return true;
		}
		if (r->user_len == 0 && c == '"')
			r->user_quoted = true;
		bool end = r->user_quoted ? c == '"' && r->user_len > 0 && !r->user_escape : c == ' ';
		if (r->user_quoted)
			r->user_escape = !r->user_escape && c == '\\';
		if (r->user_len >= REDACT_NAME_MAX) {
			mask(r, " ", out, ctx);
			r->st = REDACT_SECRET;
			return true;
		}
		r->user_len++;
		if (r->user_quoted || c != ' ')
			out(ctx, true, &ch, 1);
		if (end) {
			mask(r, " ", out, ctx);
			r->st = REDACT_SECRET;
		}
		return true;
	case REDACT_MECH:
		/* RFC4959: an initial response after the mechanism name. */
		if (c == '\r' || c == '\n') {
			r->st = REDACT_LINE;
			return false;
		}
		if (c == ' ' || r->user_len >= REDACT_NAME_MAX) {
			r->secret = true;
			mask(r, " ", out, ctx);
			r->st = REDACT_SECRET;
			return true;
		}
		r->user_len++;
		out(ctx, true, &ch, 1);
		return true;
	default:
		return false;
	}
}

static void feed_client(struct redact *r, const unsigned char *p, size_t len,
			redact_out_fn *out, void *ctx)
{
	while (len > 0) {
		if (r->st == REDACT_WAIT) {
			size_t room = r->held.len < REDACT_HOLD_MAX ? REDACT_HOLD_MAX - r->held.len : 0;
			sbuf_add(&r->held, p, len < room ? len : room);
			return;
		}
		if (r->st == REDACT_LITERAL) {
			size_t k = r->literal < len ? (size_t)r->literal : len;
			if (r->secret)
				mask(r, "", out, ctx);
			else
				out(ctx, true, (const char *)p, k);
			p += k;
			len -= k;
			r->literal -= k;
			if (r->literal == 0) {
				r->st = r->secret ? REDACT_SECRET : REDACT_LINE;
				r->tail_len = 0;
			}
			continue;
		}
		if (r->st != REDACT_LINE && r->st != REDACT_SECRET) {
			tail_add(r, p, 1);
			if (short_state(r, *p, out, ctx)) {
				p++;
				len--;
				continue;
			}
			/* The octet falls through to REDACT_LINE, not yet
			 * passed: count it in the tail once only. */
			r->tail_len--;
			if (r->st != REDACT_SECRET)
				r->st = REDACT_LINE;
		}
		/* A run up to the end of the line. */
		const unsigned char *lf = memchr(p, '\n', len);
		size_t k = lf != NULL ? (size_t)(lf - p) + 1 : len;
		tail_add(r, p, k);
		if (r->st == REDACT_LINE) {
			out(ctx, true, (const char *)p, k);
		} else {
			size_t body = k;  /* the octets before CR LF */
			if (lf != NULL) {
				body--;
				if (body > 0 && p[body - 1] == '\r')
					body--;
			}
			if (body > 0)
				mask(r, "", out, ctx);
			if (lf != NULL)
				out(ctx, true, "\r\n", 2);
		}
		p += k;
		len -= k;
		if (lf != NULL)
			line_end(r);
	}
}

/* The server answered a synchronising literal: "+" lets it come, any
 * tagged answer refuses it (and ends the command). */
static void server_answer(struct redact *r, unsigned char first, redact_out_fn *out, void *ctx)
{
	if (r->st != REDACT_WAIT || first == '*')
		return;
	if (first == '+') {
		r->st = REDACT_LITERAL;
		if (r->literal == 0)
			r->st = r->secret ? REDACT_SECRET : REDACT_LINE;
	} else {
		r->st = REDACT_TAG;
		r->secret = false;
		r->masked = false;
	}
	struct sbuf held = r->held;
	sbuf_init(&r->held, NULL);
	if (held.len > 0)
		feed_client(r, (const unsigned char *)held.data, held.len, out, ctx);
	sbuf_free(&held);
}

void redact_feed(struct redact *r, bool incoming, const unsigned char *data, size_t len,
		 redact_out_fn *out, void *ctx)
{
	if (incoming) {
		feed_client(r, data, len, out, ctx);
		return;
	}
	out(ctx, false, (const char *)data, len);
	for (size_t i = 0; i < len; i++) {
		if (r->server_bol)
			server_answer(r, data[i], out, ctx);
		r->server_bol = data[i] == '\n';
	}
}
