/*
 * build_sort.c - the builders of SORT's sort-criteria and THREAD's
 * thread-alg (RFC5256 §5; DISPLAYFROM and DISPLAYTO of RFC5957 §3).
 * The words arrive as atoms; "REVERSE" applies to the key after it.
 * Also SETQUOTA's setquota-list (RFC9208 §7), whose names are atoms too.
 */
#include <stdint.h>
#include <strings.h>

#include "proto/parse_ctx.h"

static const struct {
	const char *name;
	enum imap_sort_key key;
} sort_keys[] = {
	{ "ARRIVAL", IMAP_SORT_ARRIVAL }, { "CC", IMAP_SORT_CC }, { "DATE", IMAP_SORT_DATE },
	{ "FROM", IMAP_SORT_FROM }, { "SIZE", IMAP_SORT_SIZE }, { "SUBJECT", IMAP_SORT_SUBJECT },
	{ "TO", IMAP_SORT_TO }, { "DISPLAYFROM", IMAP_SORT_DISPLAYFROM },
	{ "DISPLAYTO", IMAP_SORT_DISPLAYTO },
};

/* More criteria than this is no sort anyone means (there are 9 keys). */
#define SORT_MAX_CRITERIA 32

bool imap_sort_word(struct imap_parse_ctx *ctx, const struct imap_string *word)
{
	struct imap_cmd_search *c = &ctx->cmd->u.search;
	bool pending = c->nsort > 0 && c->sort[c->nsort - 1].key == IMAP_SORT__PENDING;
	struct imap_sort_crit crit = { IMAP_SORT__PENDING, true };
	if (strcasecmp(word->data, "REVERSE") == 0) {
		if (pending) {
			imap_parse_fail(ctx, "REVERSE must be followed by a sort key");
			return false;
		}
	} else {
		size_t i = 0, n = sizeof(sort_keys) / sizeof(sort_keys[0]);
		while (i < n && strcasecmp(word->data, sort_keys[i].name) != 0)
			i++;
		if (i == n) {
			imap_parse_fail(ctx, "Unknown sort key %s", word->data);
			return false;
		}
		if (pending) {
			c->sort[c->nsort - 1].key = sort_keys[i].key;
			return true;
		}
		crit.key = sort_keys[i].key;
		crit.reverse = false;
	}
	if (c->nsort == SORT_MAX_CRITERIA) {
		imap_parse_fail(ctx, "Too many sort criteria");
		return false;
	}
	/* At most SORT_MAX_CRITERIA: copying on every push is cheap. */
	struct imap_vec v = { c->sort, c->nsort, c->nsort };
	if (!imap_vec_push(ctx, &v, &crit, sizeof(crit))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	c->sort = v.v;
	c->nsort = v.n;
	return true;
}

bool imap_sort_done(struct imap_parse_ctx *ctx)
{
	const struct imap_cmd_search *c = &ctx->cmd->u.search;
	if (c->nsort > 0 && c->sort[c->nsort - 1].key == IMAP_SORT__PENDING) {
		imap_parse_fail(ctx, "REVERSE must be followed by a sort key");
		return false;
	}
	return true;
}

bool imap_thread_alg(struct imap_parse_ctx *ctx, const struct imap_string *word)
{
	if (strcasecmp(word->data, "ORDEREDSUBJECT") == 0)
		ctx->cmd->u.search.thread = IMAP_THREAD_ORDEREDSUBJECT;
	else if (strcasecmp(word->data, "REFERENCES") == 0)
		ctx->cmd->u.search.thread = IMAP_THREAD_REFERENCES;
	else {
		imap_parse_fail(ctx, "Unknown threading algorithm %s", word->data);
		return false;
	}
	return true;
}

/* ---- RFC 9208: QUOTA ---- */

/* More limits than resources anyone defines is no SETQUOTA anyone means. */
#define QUOTA_MAX_LIMITS 16

bool imap_quota_limit_add(struct imap_parse_ctx *ctx, const struct imap_string *resource,
			  const struct imap_string *limit)
{
	struct imap_cmd_quota *q = &ctx->cmd->u.quota;
	uint64_t v = 0;
	bool digits = limit->len > 0 && limit->len <= 19;
	for (size_t i = 0; digits && i < limit->len; i++) {
		digits = limit->data[i] >= '0' && limit->data[i] <= '9';
		v = v * 10 + (uint64_t)(limit->data[i] - '0');
	}
	/* RFC9208 §7: resource-limit = number64, at most 2^63-1 (RFC9051 §9) */
	if (!digits || v > INT64_MAX) {
		imap_parse_fail(ctx, "Invalid resource limit %s", limit->data);
		return false;
	}
	if (q->nlimits == QUOTA_MAX_LIMITS) {
		imap_parse_fail(ctx, "Too many resource limits");
		return false;
	}
	char *name = arena_strndup(ctx->arena, resource->data, resource->len);
	if (name == NULL) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	for (char *c = name; *c != '\0'; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	struct imap_quota_limit l = { name, v };
	struct imap_vec vec = { q->limits, q->nlimits, q->nlimits };
	if (!imap_vec_push(ctx, &vec, &l, sizeof(l))) {
		imap_parse_fail(ctx, "Command too large");
		return false;
	}
	q->limits = vec.v;
	q->nlimits = vec.n;
	return true;
}
