/*
 * parser.c - glue between the re2c lexer and the Bison push parser
 * (see parser.h).
 */
#include "proto/parser.h"

#include <stdlib.h>
#include <string.h>

#include "imap_parse.h"
#include "proto/lex.h"
#include "proto/parse_ctx.h"

struct imap_parser {
	struct imap_parse_ctx ctx;
	imap_yypstate *ps;
	bool midway;     /* tokens were pushed and the parse has not ended */
	bool done;
	bool lit8;       /* the literal announced last is a literal8 */
};

struct imap_parser *imap_parser_new(void)
{
	struct imap_parser *p = calloc(1, sizeof(*p));
	if (p == NULL)
		return NULL;
	p->ps = imap_yypstate_new();
	if (p->ps == NULL) {
		free(p);
		return NULL;
	}
	return p;
}

void imap_parser_free(struct imap_parser **pp)
{
	struct imap_parser *p = *pp;
	if (p == NULL)
		return;
	imap_yypstate_delete(p->ps);
	free(p);
	*pp = NULL;
}

void imap_parser_begin(struct imap_parser *p, struct arena *arena)
{
	if (p->midway) {
		/* The last command was abandoned mid-way (EOF, I/O error):
		 * start from a fresh parser state. */
		imap_yypstate_delete(p->ps);
		p->ps = imap_yypstate_new();
	}
	memset(&p->ctx, 0, sizeof(p->ctx));
	p->ctx.arena = arena;
	p->ctx.cmd = ARENA_NEW(arena, struct imap_cmd);
	imap_lexer_reset(&p->ctx.lexer, arena);
	p->midway = false;
	p->done = false;
	p->lit8 = false;
}

void imap_parser_utf8(struct imap_parser *p, bool on)
{
	p->ctx.lexer.utf8 = on;
}

/* Push one token; returns DONE/ERROR when the parse ended, MORE if not. */
static enum imap_parse_status push(struct imap_parser *p, int tok, IMAP_YYSTYPE *val)
{
	struct imap_parse_ctx *ctx = &p->ctx;
	ctx->tokidx++;
	if (tok != SP)
		ctx->nonsp++;
	p->midway = true;
	int r = imap_yypush_parse(p->ps, tok, val, ctx);
	if (r == YYPUSH_MORE) {
		if (tok != SP)
			ctx->prev_desc = imap_token_desc(tok);
		return IMAP_PARSE_MORE;
	}
	p->midway = false;
	if (r == 0) {
		p->done = true;
		ctx->cmd->verb = ctx->lexer.verb_name;
		return IMAP_PARSE_DONE;
	}
	if (r == 2 || ctx->error == NULL)
		ctx->error = r == 2 ? "Command too large" : "Syntax error";
	return IMAP_PARSE_ERROR;
}

enum imap_parse_status imap_parser_feed_line(struct imap_parser *p, const char *line,
					     size_t len, struct imap_literal_req *lit_r)
{
	struct imap_parse_ctx *ctx = &p->ctx;
	if (ctx->cmd == NULL) {
		ctx->error = "Command too large";
		return IMAP_PARSE_ERROR;
	}
	imap_lexer_input(&ctx->lexer, line, len);
	for (;;) {
		IMAP_YYSTYPE val;
		int tok = imap_lex(&ctx->lexer, &val);
		if (tok == T_LITHDR) {
			lit_r->size = val.tok.num;
			lit_r->nonsync = val.tok.nonsync;
			lit_r->toobig = val.tok.toobig;
			lit_r->binary = val.tok.binary;
			p->lit8 = val.tok.binary;
			return IMAP_PARSE_LITERAL;
		}
		if (tok == CRLF && ctx->tokidx == 0)
			return IMAP_PARSE_EMPTY;
		if (tok == 0) {
			/* A segment always ends in CRLF or a literal header;
			 * reaching its end means the caller fed a bare line. */
			ctx->error = "Missing CRLF at end of command";
			return IMAP_PARSE_ERROR;
		}
		enum imap_parse_status st = push(p, tok, &val);
		if (st == IMAP_PARSE_ERROR)
			return st;
		if (tok == CRLF) {
			/* CRLF ends the command: push the end of input. */
			if (st == IMAP_PARSE_DONE)
				return st;
			IMAP_YYSTYPE eof;
			memset(&eof, 0, sizeof(eof));
			st = push(p, 0, &eof);
			if (st == IMAP_PARSE_MORE) {
				ctx->error = "Syntax error";
				return IMAP_PARSE_ERROR;
			}
			return st;
		}
		if (ctx->tag == NULL && tok == T_TAG)
			ctx->tag = val.tok.s;
	}
}

enum imap_parse_status imap_parser_feed_literal(struct imap_parser *p, const char *data,
						size_t len, int spool_fd)
{
	IMAP_YYSTYPE val;
	memset(&val, 0, sizeof(val));
	val.tok.s = data != NULL ? data : "";
	val.tok.len = len;
	val.tok.spooled = spool_fd >= 0;
	val.tok.spool_fd = spool_fd;
	enum imap_parse_status st = push(p, p->lit8 ? T_LITERAL8 : T_LITERAL, &val);
	p->lit8 = false;
	return st == IMAP_PARSE_DONE ? IMAP_PARSE_ERROR : st;
}

struct imap_cmd *imap_parser_command(struct imap_parser *p)
{
	return p->done ? p->ctx.cmd : NULL;
}

const char *imap_parser_error(const struct imap_parser *p)
{
	return p->ctx.error != NULL ? p->ctx.error : "Syntax error";
}

const char *imap_parser_tag(const struct imap_parser *p)
{
	return p->ctx.tag;
}

const char *imap_parser_verb(const struct imap_parser *p, bool *uid_r)
{
	*uid_r = p->ctx.lexer.uid;
	return p->ctx.lexer.verb_name;
}
