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

#include "imap_parse.h"   /* K_LIST */
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

bool imap_status_add(struct imap_parse_ctx *ctx, int att)
{
	/* STATUS's items, or those of LIST's STATUS return option (RFC5819). */
	bool list = ctx->lexer.verb == K_LIST;
	unsigned *atts = list ? &ctx->cmd->u.list.status_atts : &ctx->cmd->u.status.atts;
	size_t *n = list ? &ctx->cmd->u.list.nstatus : &ctx->cmd->u.status.natts;
	enum imap_status_att **order = list ? &ctx->cmd->u.list.status_order
		: &ctx->cmd->u.status.order;
	if (*atts & (unsigned)att)
		return true;  /* asked twice: answered once */
	struct imap_vec v = { *order, *n, *n };
	enum imap_status_att a = (enum imap_status_att)att;
	if (!imap_vec_push(ctx, &v, &a, sizeof(a))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	*order = v.v;
	*n = v.n;
	*atts |= (unsigned)att;
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

/* ---- RFC 5258 LIST-EXTENDED, RFC 5819, RFC 6154, RFC 7889, RFC 8438 ---- */

bool imap_build_status_att(struct imap_parse_ctx *ctx, const struct imap_lexval *tok, int *att_r)
{
	if (strcasecmp(tok->s, "SIZE") == 0)
		*att_r = IMAP_STATUS_SIZE;
	else if (strcasecmp(tok->s, "APPENDLIMIT") == 0)
		*att_r = IMAP_STATUS_APPENDLIMIT;
	else {
		imap_parse_fail(ctx, "Unknown status attribute %s", tok->s);
		return false;
	}
	return true;
}

static const struct {
	const char *name;
	unsigned bit;
} list_selects[] = {
	{ "SUBSCRIBED", IMAP_LIST_SEL_SUBSCRIBED },
	{ "REMOTE", IMAP_LIST_SEL_REMOTE },
	{ "RECURSIVEMATCH", IMAP_LIST_SEL_RECURSIVEMATCH },
	{ "SPECIAL-USE", IMAP_LIST_SEL_SPECIALUSE },
}, list_returns[] = {
	{ "SUBSCRIBED", IMAP_LIST_RET_SUBSCRIBED },
	{ "CHILDREN", IMAP_LIST_RET_CHILDREN },
	{ "SPECIAL-USE", IMAP_LIST_RET_SPECIALUSE },
	{ "STATUS", IMAP_LIST_RET_STATUS },
};

bool imap_list_select_add(struct imap_parse_ctx *ctx, const struct imap_lexval *tok)
{
	/* RFC5258 §3: "A server MUST respond to options it does not
	 * recognize with a BAD response"; a repeated one counts once. */
	for (size_t i = 0; i < sizeof(list_selects) / sizeof(list_selects[0]); i++) {
		if (strcasecmp(tok->s, list_selects[i].name) == 0) {
			ctx->cmd->u.list.select |= list_selects[i].bit;
			return true;
		}
	}
	imap_parse_fail(ctx, "Unknown LIST selection option %s", tok->s);
	return false;
}

bool imap_list_select_done(struct imap_parse_ctx *ctx)
{
	/* RFC5258 §6 list-select-opts: RECURSIVEMATCH (a list-select-mod-opt)
	 * needs a list-select-base-opt, and SUBSCRIBED is the only one
	 * (SPECIAL-USE is a list-select-independent-opt, RFC6154 §6). */
	unsigned sel = ctx->cmd->u.list.select;
	if ((sel & IMAP_LIST_SEL_RECURSIVEMATCH) && !(sel & IMAP_LIST_SEL_SUBSCRIBED)) {
		imap_parse_fail(ctx, "RECURSIVEMATCH needs the SUBSCRIBED selection option");
		return false;
	}
	return true;
}

bool imap_list_return_word(struct imap_parse_ctx *ctx, const struct imap_lexval *tok)
{
	if (strcasecmp(tok->s, "RETURN") != 0) {
		imap_parse_fail(ctx, "Expected RETURN after mailbox pattern, got %s", tok->s);
		return false;
	}
	ctx->cmd->u.list.has_return = true;
	return true;
}

bool imap_list_return_add(struct imap_parse_ctx *ctx, const struct imap_lexval *tok)
{
	if (!imap_list_return_done(ctx))
		return false;
	for (size_t i = 0; i < sizeof(list_returns) / sizeof(list_returns[0]); i++) {
		if (strcasecmp(tok->s, list_returns[i].name) == 0) {
			if (list_returns[i].bit == IMAP_LIST_RET_STATUS &&
			    (ctx->cmd->u.list.ret & IMAP_LIST_RET_STATUS)) {
				imap_parse_fail(ctx, "STATUS return option given twice");
				return false;
			}
			ctx->cmd->u.list.ret |= list_returns[i].bit;
			ctx->list_last_ret = list_returns[i].bit;
			return true;
		}
	}
	imap_parse_fail(ctx, "Unknown LIST return option %s", tok->s);
	return false;
}

bool imap_list_return_value(struct imap_parse_ctx *ctx)
{
	if (ctx->list_last_ret != IMAP_LIST_RET_STATUS) {
		imap_parse_fail(ctx, "Only the STATUS return option takes a value");
		return false;
	}
	ctx->list_last_ret = 0;
	return true;
}

bool imap_list_return_done(struct imap_parse_ctx *ctx)
{
	/* RFC5819 §4: status-option = "STATUS" SP "(" status-att *(SP status-att) ")" */
	if (ctx->list_last_ret == IMAP_LIST_RET_STATUS) {
		imap_parse_fail(ctx, "The STATUS return option needs a list of status attributes");
		return false;
	}
	return true;
}

bool imap_list_pattern_add(struct imap_parse_ctx *ctx, const struct imap_string *pat)
{
	struct imap_cmd_list *l = &ctx->cmd->u.list;
	struct imap_vec v = { l->patterns, l->npatterns, l->npatterns };
	if (!imap_vec_push(ctx, &v, pat, sizeof(*pat))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	l->patterns = v.v;
	l->npatterns = v.n;
	return true;
}

bool imap_create_param(struct imap_parse_ctx *ctx, const struct imap_lexval *tok)
{
	/* RFC4466 §2.2 leaves create-param to extensions; RFC6154 §3 defines USE. */
	if (strcasecmp(tok->s, "USE") != 0) {
		imap_parse_fail(ctx, "Unknown CREATE parameter %s", tok->s);
		return false;
	}
	if (ctx->cmd->u.mailbox.has_use) {
		imap_parse_fail(ctx, "USE given twice");
		return false;
	}
	ctx->cmd->u.mailbox.has_use = true;
	return true;
}

bool imap_create_use_add(struct imap_parse_ctx *ctx, const struct imap_lexval *tok)
{
	struct imap_cmd_mailbox *m = &ctx->cmd->u.mailbox;
	struct imap_vec v = { m->use, m->nuse, m->nuse };
	const char *flag = tok->s;
	if (!imap_vec_push(ctx, &v, &flag, sizeof(flag))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	m->use = v.v;
	m->nuse = v.n;
	return true;
}

/* ---- RFC 2971: ID, RFC 5161: ENABLE ---- */

bool imap_build_nil(struct imap_parse_ctx *ctx, const struct imap_string *atom)
{
	if (atom->len == 3 && strncasecmp(atom->data, "NIL", 3) == 0)
		return true;
	imap_parse_fail(ctx, "Expected a string or NIL");
	return false;
}

bool imap_id_add(struct imap_parse_ctx *ctx, const struct imap_string *field,
		 const struct imap_string *value)
{
	struct imap_cmd_id *id = &ctx->cmd->u.id;
	/* RFC2971 §3.3: "Field strings MUST NOT be longer than 30 octets.
	 * Value strings MUST NOT be longer than 1024 octets.  Implementations
	 * MUST NOT send more than 30 field-value pairs."  Cyrus answers BAD
	 * too; it also keeps what is logged bounded. */
	if (id->nparams >= IMAP_ID_MAX_PAIRS) {
		imap_parse_fail(ctx, "Too many ID parameters (at most %d)", IMAP_ID_MAX_PAIRS);
		return false;
	}
	if (field->len > IMAP_ID_MAX_FIELD) {
		imap_parse_fail(ctx, "ID field name longer than %d octets", IMAP_ID_MAX_FIELD);
		return false;
	}
	if (value->data != NULL && value->len > IMAP_ID_MAX_VALUE) {
		imap_parse_fail(ctx, "ID value longer than %d octets", IMAP_ID_MAX_VALUE);
		return false;
	}
	struct imap_id_param p = { *field, *value };
	struct imap_vec v = { id->params, id->nparams, id->nparams };
	if (!imap_vec_push(ctx, &v, &p, sizeof(p))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	id->params = v.v;
	id->nparams = v.n;
	return true;
}

bool imap_enable_add(struct imap_parse_ctx *ctx, const struct imap_string *cap)
{
	struct imap_cmd_enable *en = &ctx->cmd->u.enable;
	struct imap_vec v = { en->caps, en->ncaps, en->ncaps };
	const char *name = cap->data;
	if (!imap_vec_push(ctx, &v, &name, sizeof(name))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	en->caps = v.v;
	en->ncaps = v.n;
	return true;
}
