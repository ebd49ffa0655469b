/*
 * build_modseq.c - builders for the syntax of RFC 7162 (CONDSTORE and
 * QRESYNC): mod-sequence values, the sets of QRESYNC that must not hold
 * "*", and the entry of SEARCH MODSEQ.  Declared in parse_ctx.h.
 */
#include <string.h>
#include <strings.h>

#include "proto/parse_ctx.h"

/* RFC7162 §7: mod-sequence-value = 1*DIGIT, a positive 63-bit integer
 * (1 <= n <= 9,223,372,036,854,775,807); mod-sequence-valzer adds "0". */
bool imap_build_modseq(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		       bool zero_ok, uint64_t *modseq_r)
{
	const uint64_t max = UINT64_C(9223372036854775807);
	uint64_t n = 0;
	for (size_t i = 0; i < tok->len; i++) {
		unsigned d = (unsigned)(tok->s[i] - '0');
		if (d > 9 || n > (max - d) / 10) {
			imap_parse_fail(ctx, "Mod-sequence out of range: %s", tok->s);
			return false;
		}
		n = n * 10 + d;
	}
	if (n == 0 && !zero_ok) {
		imap_parse_fail(ctx, "Expected a non-zero mod-sequence, got 0");
		return false;
	}
	*modseq_r = n;
	return true;
}

bool imap_build_nostar(struct imap_parse_ctx *ctx, const struct imap_seq_set *set,
		       const char *what)
{
	if (set->saved) {
		imap_parse_fail(ctx, "\"$\" is not allowed in the %s", what);
		return false;
	}
	for (size_t i = 0; i < set->n; i++) {
		if (set->ranges[i].lo == IMAP_SEQ_STAR || set->ranges[i].hi == IMAP_SEQ_STAR) {
			imap_parse_fail(ctx, "\"*\" is not allowed in the %s", what);
			return false;
		}
	}
	return true;
}

/* RFC7162 §7: entry-name = entry-flag-name = DQUOTE "/flags/" attr-flag
 * DQUOTE; entry-type-req = entry-type-resp / "all"; entry-type-resp =
 * "priv" / "shared". */
bool imap_build_modseq_entry(struct imap_parse_ctx *ctx, const struct imap_lexval *name,
			     const struct imap_string *type)
{
	static const char prefix[] = "/flags/";
	if (name->len <= sizeof(prefix) - 1 || strncasecmp(name->s, prefix, sizeof(prefix) - 1) != 0) {
		imap_parse_fail(ctx, "Expected a MODSEQ entry name \"/flags/<flag>\"");
		return false;
	}
	if (strcasecmp(type->data, "priv") != 0 && strcasecmp(type->data, "shared") != 0 &&
	    strcasecmp(type->data, "all") != 0) {
		imap_parse_fail(ctx, "Expected priv, shared or all after the MODSEQ entry name");
		return false;
	}
	return true;
}
