/*
 * parse_ctx.h - what the grammar actions (grammar/imap.y) and the parser
 * glue (parser.c) share.  Only the parser sees this header; the rest of
 * the server sees parser.h and ast.h.
 */
#ifndef IMAPD_PROTO_PARSE_CTX_H
#define IMAPD_PROTO_PARSE_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/ast.h"
#include "proto/lexer.h"
#include "util/arena.h"

/* A growable array in the arena, for lists the grammar accumulates. */
struct imap_vec {
	void *v;
	size_t n, cap;
};

struct imap_parse_ctx {
	struct arena *arena;
	struct imap_lexer lexer;
	struct imap_cmd *cmd;      /* the command being built */
	const char *tag;           /* the tag once lexed, for BAD responses */
	const char *error;         /* syntax error message, in the arena */
	/* Context for error messages: the most recent named construct that
	 * was completed (set by NOTE() in rule actions) and the number of the
	 * token it ended with, so "Missing SP after mailbox name" can be said
	 * when the error comes at the token after it. */
	const char *last_what;
	unsigned last_at;
	unsigned tokidx;           /* number of the token being pushed (from 1) */
	unsigned nonsp;            /* tokens other than SP pushed, this one included */
	const char *prev_desc;     /* description of the last non-SP token pushed */
	const char *seqset_text;   /* the sequence set being built, for messages */
	unsigned list_last_ret;    /* RFC5258: the return option just read (a value may follow) */
};

/* Append one element of size `size`; false when the arena is exhausted. */
bool imap_vec_push(struct imap_parse_ctx *ctx, struct imap_vec *vec,
		   const void *elem, size_t size);

/* Set a semantic error message (printf-style) for the BAD response. */
void imap_parse_fail(struct imap_parse_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Builders used by grammar actions; each returns false and sets an error
 * message when the text is not valid for the RFC rule named. */
bool imap_build_seqset(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		       struct imap_seq_set *set_r);
bool imap_build_date(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		     struct imap_date *date_r);
bool imap_build_datetime(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
			 struct imap_datetime *dt_r);
bool imap_build_number(struct imap_parse_ctx *ctx, const struct imap_lexval *tok,
		       bool nonzero, uint32_t *num_r);
bool imap_flags_add(struct imap_parse_ctx *ctx, struct imap_flags *flags,
		    const char *flag);
struct imap_string imap_str_from_tok(const struct imap_lexval *tok, enum imap_str_form form);
/* Add a status-att to the STATUS command being built, keeping the order
 * the client asked in (the reply follows it). */
bool imap_status_add(struct imap_parse_ctx *ctx, int att);
struct imap_search_key *imap_key_new(struct imap_parse_ctx *ctx, enum imap_search_key_type type);
/* ---- RFC 2971: ID, RFC 5161: ENABLE ---- */
/* True when the atom is NIL (any case); else an error "Expected ... or NIL". */
bool imap_build_nil(struct imap_parse_ctx *ctx, const struct imap_string *atom);
/* Add a field/value pair to the ID command being built (value.data NULL:
 * NIL); false past the limits of RFC2971 §3.3 (IMAP_ID_MAX_*). */
bool imap_id_add(struct imap_parse_ctx *ctx, const struct imap_string *field,
		 const struct imap_string *value);
/* Add a capability name to the ENABLE command being built. */
bool imap_enable_add(struct imap_parse_ctx *ctx, const struct imap_string *cap);

/* ---- RFC 5258 LIST-EXTENDED, RFC 5819, RFC 6154, RFC 7889, RFC 8438 ---- */

/* A status-att spelled as an atom: SIZE (RFC8438), APPENDLIMIT (RFC7889). */
bool imap_build_status_att(struct imap_parse_ctx *ctx, const struct imap_lexval *tok, int *att_r);
/* LIST selection options (RFC5258 §3.1, RFC6154 §2): one option; the
 * check of the whole list (RECURSIVEMATCH needs a base option). */
bool imap_list_select_add(struct imap_parse_ctx *ctx, const struct imap_lexval *tok);
bool imap_list_select_done(struct imap_parse_ctx *ctx);
/* "RETURN" before the return options; one return option (RFC5258 §3.2,
 * RFC5819, RFC6154); the "(" of an option's value (only STATUS has one);
 * the check of the whole list. */
bool imap_list_return_word(struct imap_parse_ctx *ctx, const struct imap_lexval *tok);
bool imap_list_return_add(struct imap_parse_ctx *ctx, const struct imap_lexval *tok);
bool imap_list_return_value(struct imap_parse_ctx *ctx);
bool imap_list_return_done(struct imap_parse_ctx *ctx);
/* One pattern of the extended LIST (RFC5258 §3 mbox-or-pat). */
bool imap_list_pattern_add(struct imap_parse_ctx *ctx, const struct imap_string *pat);
/* CREATE's create-param name (RFC4466 §2.2; only USE, RFC6154 §3) and
 * one use-attr. */
bool imap_create_param(struct imap_parse_ctx *ctx, const struct imap_lexval *tok);
bool imap_create_use_add(struct imap_parse_ctx *ctx, const struct imap_lexval *tok);

#endif
