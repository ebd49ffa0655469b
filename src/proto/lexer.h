/*
 * lexer.h - the IMAP command lexer (generated from grammar/imap.re).
 *
 * The lexer works on one segment of a command at a time: a line up to and
 * including CRLF, where a line that ends in a literal header "{n}" CRLF
 * stops the segment.  The octets of a literal never pass through the
 * lexer; the parser glue (parser.c) reads them and hands them to the
 * grammar as one T_LITERAL token.  Lexing conditions (where we are inside
 * a command) persist across segments of the same command.
 */
#ifndef IMAPD_PROTO_LEXER_H
#define IMAPD_PROTO_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* Semantic value of a token (the grammar's %union member `tok`). */
struct imap_lexval {
	const char *s;   /* text in the arena (quoted: unescaped), NUL-terminated */
	size_t len;
	uint64_t num;    /* T_NUMBER value, T_LITHDR size */
	bool nonsync;    /* T_LITHDR: "{n+}" (LITERAL+, RFC7888) */
	bool toobig;     /* T_NUMBER or T_LITHDR: more than 2^32-1 / 2^63 */
	bool binary;     /* T_LITHDR: a literal8, "~{n}" (RFC3516) */
	bool spooled;    /* T_LITERAL kept in a file rather than in memory */
	int spool_fd;    /* that file, when spooled */
};

struct imap_lexer {
	int cond;                      /* re2c condition (yyc* enum) */
	int verb;                      /* token of the command verb, 0 if none yet */
	const char *verb_name;         /* the command name as written, NULL if none yet */
	bool uid;                      /* "UID" came before it */
	const unsigned char *cur;      /* YYCURSOR */
	const unsigned char *lim;      /* YYLIMIT: one past the segment; *lim == 0 */
	const unsigned char *mark;     /* YYMARKER */
	const unsigned char *tok;      /* start of the token being lexed */
	struct arena *arena;
	const char *error;             /* message when T_LEXERROR is returned */
	/* ---- RFC 9051: IMAP4rev2 ---- */
	bool utf8;                     /* quoted strings must be valid UTF-8 (§9 QUOTED-CHAR) */
};

/* Start a new command: the next token is the tag. */
void imap_lexer_reset(struct imap_lexer *lx, struct arena *arena);

/* Lex from `line`, `len` octets; line[len] must be NUL (the sentinel). */
void imap_lexer_input(struct imap_lexer *lx, const char *line, size_t len);

#endif
