/*
 * build.c - builders the grammar actions call (see parse_ctx.h).
 *
 * The ABNF describes some tokens with character classes that the lexer
 * matches loosely on purpose (a sequence set may contain "0", a date any
 * three letters), so that the error message can say precisely what is
 * wrong instead of "unexpected atom".  The checks live here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "proto/parse_ctx.h"
#include "util/date.h"

bool imap_vec_push(struct imap_parse_ctx *ctx, struct imap_vec *vec,
		   const void *elem, size_t size)
{
	if (vec->n == vec->cap) {
		size_t cap = vec->cap == 0 ? 4 : vec->cap * 2;
		void *nv = arena_alloc(ctx->arena, cap * size);
		if (nv == NULL)
			return false;
		if (vec->n > 0)
			memcpy(nv, vec->v, vec->n * size);
		vec->v = nv;
		vec->cap = cap;
	}
	memcpy((char *)vec->v + vec->n * size, elem, size);
	vec->n++;
	return true;
}

void imap_parse_fail(struct imap_parse_ctx *ctx, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ctx->error == NULL) {
		ctx->error = arena_strdup(ctx->arena, buf);
		if (ctx->error == NULL)
			ctx->error = "Command too large";
	}
}

struct imap_string imap_str_from_tok(const struct imap_lexval *tok, enum imap_str_form form)
{
	return (struct imap_string){ .data = tok->s, .len = tok->len, .form = form,
				     .spool_fd = tok->spooled ? tok->spool_fd : -1 };
}

bool imap_str_is_inbox(const struct imap_string *s)
{
	/* RFC3501 §5.1: INBOX is case-insensitive, in every string form. */
	return s->len == 5 && strncasecmp(s->data, "INBOX", 5) == 0;
}

bool imap_status_add(struct imap_parse_ctx *ctx, int att)
{
	struct imap_cmd_status *st = &ctx->cmd->u.status;
	if (st->atts & (unsigned)att)
		return true;  /* asked twice: answered once */
	struct imap_vec v = { st->order, st->natts, st->natts };
	enum imap_status_att a = (enum imap_status_att)att;
	if (!imap_vec_push(ctx, &v, &a, sizeof(a))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	st->order = v.v;
	st->natts = v.n;
	st->atts |= (unsigned)att;
	return true;
}

struct imap_search_key *imap_key_new(struct imap_parse_ctx *ctx, enum imap_search_key_type type)
{
	struct imap_search_key *k = ARENA_NEW(ctx->arena, struct imap_search_key);
	if (k == NULL) {
		imap_parse_fail(ctx, "Command too large");
		return NULL;
	}
	k->type = type;
	return k;
}

bool imap_build_number(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		       bool nonzero, uint32_t *num_r)
{
	if (tok->toobig) {
		imap_parse_fail(ctx, "Number too large: %s", tok->s);
		return false;
	}
	if (nonzero && tok->num == 0) {
		imap_parse_fail(ctx, "Expected a non-zero number, got 0");
		return false;
	}
	*num_r = (uint32_t)tok->num;
	return true;
}

/* One sequence number: nz_number or "*" (0 stands for "*"). */
static bool seq_number(struct imap_parse_ctx *ctx, const char **pp, uint32_t *n_r)
{
	const char *p = *pp;
	if (*p == '*') {
		*n_r = IMAP_SEQ_STAR;
		*pp = p + 1;
		return true;
	}
	uint64_t n = 0;
	const char *start = p;
	while (*p >= '0' && *p <= '9') {
		n = n * 10 + (uint64_t)(*p - '0');
		if (n > UINT32_MAX) {
			imap_parse_fail(ctx, "Invalid sequence set: number too large");
			return false;
		}
		p++;
	}
	if (p == start) {
		imap_parse_fail(ctx, "Invalid sequence set %s", ctx->seqset_text);
		return false;
	}
	if (n == 0) {
		imap_parse_fail(ctx, "Invalid sequence set: message numbers start at 1");
		return false;
	}
	*n_r = (uint32_t)n;
	*pp = p;
	return true;
}

bool imap_build_seqset(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		       struct imap_seq_set *set_r)
{
	struct imap_vec v = {0};
	const char *p = tok->s;
	ctx->seqset_text = tok->s;
	for (;;) {
		struct imap_seq_range r;
		if (!seq_number(ctx, &p, &r.lo))
			return false;
		r.hi = r.lo;
		if (*p == ':') {
			p++;
			if (!seq_number(ctx, &p, &r.hi))
				return false;
		}
		if (!imap_vec_push(ctx, &v, &r, sizeof(r))) {
			imap_parse_fail(ctx, "Command too large");
			return false;
		}
		if (*p != ',')
			break;
		p++;
	}
	if (*p != '\0') {
		imap_parse_fail(ctx, "Invalid sequence set %s", tok->s);
		return false;
	}
	set_r->ranges = v.v;
	set_r->n = v.n;
	set_r->saved = false;
	return true;
}

static const char *const month_names[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return days[month - 1];
}

/* date_day "-" date_month "-" date_year at *pp; day_fixed demands the
 * two-character day of date-time (RFC2060 §9 date_day_fixed). */
static bool parse_date_text(const char **pp, bool day_fixed, struct imap_date *d)
{
	const char *p = *pp;
	int day = 0, ndig = 0;
	if (day_fixed && *p == ' ')
		p++, ndig++;
	while (*p >= '0' && *p <= '9' && ndig < 2)
		day = day * 10 + (*p++ - '0'), ndig++;
	if (ndig == 0 || (day_fixed && ndig != 2) || *p != '-')
		return false;
	p++;
	int month = 0;
	for (int i = 0; i < 12; i++) {
		if (strncasecmp(p, month_names[i], 3) == 0) {
			month = i + 1;
			break;
		}
	}
	if (month == 0 || p[3] != '-')
		return false;
	p += 4;
	int year = 0;
	for (int i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		year = year * 10 + (p[i] - '0');
	}
	p += 4;
	if (day < 1 || day > days_in_month(year, month))
		return false;
	d->year = year;
	d->month = month;
	d->day = day;
	*pp = p;
	return true;
}

bool imap_build_date(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		     struct imap_date *date_r)
{
	const char *p = tok->s;
	if (!parse_date_text(&p, false, date_r) || *p != '\0') {
		imap_parse_fail(ctx, "Invalid date, expected dd-Mon-yyyy");
		return false;
	}
	return true;
}


/* Two digits at p, or -1. */
static int two_digits(const char *p)
{
	if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
		return -1;
	return (p[0] - '0') * 10 + (p[1] - '0');
}

bool imap_build_datetime(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
			 struct imap_datetime *dt_r)
{
	/* RFC2060 §9: date_time = <"> date_day_fixed "-" date_month "-"
	 * date_year SPACE time SPACE zone <">; time = 2digit ":" 2digit ":"
	 * 2digit; zone = ("+" / "-") 4digit.  A one-digit day without the
	 * leading space is accepted too, as Dovecot and Cyrus do, because
	 * some clients send it. */
	const char *p = tok->s;
	struct imap_datetime dt = {0};
	bool ok = parse_date_text(&p, tok->s[0] == ' ', &dt.date);
	/* p now points at " hh:mm:ss +zzzz" */
	if (ok)
		ok = strlen(p) == 15 && p[0] == ' ' && p[3] == ':' && p[6] == ':'
			&& p[9] == ' ' && (p[10] == '+' || p[10] == '-');
	int hh = -1, mm = -1, ss = -1, zh = -1, zm = -1;
	if (ok) {
		hh = two_digits(p + 1);
		mm = two_digits(p + 4);
		ss = two_digits(p + 7);
		zh = two_digits(p + 11);
		zm = two_digits(p + 13);
		ok = hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 && ss < 61
			&& zh >= 0 && zm >= 0 && zm < 60;
	}
	if (!ok) {
		imap_parse_fail(ctx, "Invalid date-time, expected \"dd-Mon-yyyy hh:mm:ss +zzzz\"");
		return false;
	}
	dt.hour = hh;
	dt.min = mm;
	dt.sec = ss;
	dt.zone_minutes = (zh * 60 + zm) * (p[10] == '-' ? -1 : 1);
	long days = date_days_from_civil(dt.date.year, dt.date.month, dt.date.day);
	dt.t = (time_t)(days * 86400L + hh * 3600L + mm * 60L + ss) - (time_t)dt.zone_minutes * 60;
	*dt_r = dt;
	return true;
}

bool imap_flags_add(struct imap_parse_ctx *ctx, struct imap_flags *flags, const char *flag)
{
	static const struct { const char *name; unsigned bit; } sys[] = {
		{ "\\Answered", IMAP_FLAG_ANSWERED }, { "\\Flagged", IMAP_FLAG_FLAGGED },
		{ "\\Deleted", IMAP_FLAG_DELETED },   { "\\Seen", IMAP_FLAG_SEEN },
		{ "\\Draft", IMAP_FLAG_DRAFT },       { "\\Recent", IMAP_FLAG_RECENT },
	};
	if (flag[0] == '\\') {
		for (size_t i = 0; i < sizeof(sys) / sizeof(sys[0]); i++) {
			if (strcasecmp(flag, sys[i].name) == 0) {
				flags->sys |= sys[i].bit;
				return true;
			}
		}
		struct imap_vec v = { (void *)flags->extensions, flags->nextensions, flags->nextensions };
		if (!imap_vec_push(ctx, &v, &flag, sizeof(flag))) {
			imap_parse_fail(ctx, "Command too large");
			return false;
		}
		flags->extensions = v.v;
		flags->nextensions = v.n;
		return true;
	}
	struct imap_vec v = { (void *)flags->keywords, flags->nkeywords, flags->nkeywords };
	if (!imap_vec_push(ctx, &v, &flag, sizeof(flag))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	flags->keywords = v.v;
	flags->nkeywords = v.n;
	return true;
}
