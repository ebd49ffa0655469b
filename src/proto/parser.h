/*
 * parser.h - turn the octets of one IMAP command into a struct imap_cmd.
 *
 * The caller (proto/cmdread.c, or a test) feeds the command one line at a
 * time.  A line that ends in a literal header returns IMAP_PARSE_LITERAL:
 * the caller decides whether to accept the literal (sending "+" for a
 * synchronising one), reads its octets and feeds them with
 * imap_parser_feed_literal(), then feeds the next line.  Because tokens
 * are pushed into the grammar as they are lexed, a syntax error before a
 * literal is reported before the client is told to send it.
 */
#ifndef IMAPD_PROTO_PARSER_H
#define IMAPD_PROTO_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/ast.h"
#include "util/arena.h"

enum imap_parse_status {
	IMAP_PARSE_DONE,     /* a whole command: imap_parser_command() */
	IMAP_PARSE_MORE,     /* a literal was taken: feed the next line */
	IMAP_PARSE_LITERAL,  /* the line ended in a literal header */
	IMAP_PARSE_EMPTY,    /* an empty line, not a command */
	IMAP_PARSE_ERROR,    /* syntax error: imap_parser_error() */
};

/* A literal header the parser stopped at. */
struct imap_literal_req {
	uint64_t size;
	bool nonsync;   /* "{n+}": the client sends it without waiting */
	bool toobig;    /* the size does not fit 63 bits */
	bool binary;    /* "~{n}": a literal8 (RFC3516), may hold NUL */
};

struct imap_parser;

/* Returns NULL when out of memory. */
struct imap_parser *imap_parser_new(void);
void imap_parser_free(struct imap_parser **p);

/* Start a command; the AST and every string go into `arena`. */
void imap_parser_begin(struct imap_parser *p, struct arena *arena);

/* Feed one line: `len` octets ending in CRLF, with line[len] == '\0'. */
/* RFC9051 §9 QUOTED-CHAR: from now until the next imap_parser_begin,
 * quoted strings must be valid UTF-8 (an IMAP4rev2 session). */
void imap_parser_utf8(struct imap_parser *p, bool on);

enum imap_parse_status imap_parser_feed_line(struct imap_parser *p, const char *line,
					     size_t len, struct imap_literal_req *lit_r);

/* Feed the octets of the literal the last line announced (`data` is in
 * the arena, NUL-terminated), or, with spool_fd >= 0, the file they were
 * written to.  Returns IMAP_PARSE_MORE or IMAP_PARSE_ERROR. */
enum imap_parse_status imap_parser_feed_literal(struct imap_parser *p, const char *data,
						size_t len, int spool_fd);

/* The command once IMAP_PARSE_DONE was returned. */
struct imap_cmd *imap_parser_command(struct imap_parser *p);

/* The error message once IMAP_PARSE_ERROR was returned. */
const char *imap_parser_error(const struct imap_parser *p);

/* The tag, once lexed (NULL before, or when the line had none): a syntax
 * error is answered with it, an untagged "* BAD" without. */
const char *imap_parser_tag(const struct imap_parser *p);

/* The command name seen so far, as the client wrote it ("append"), for
 * the reader to apply the command table's literal policy before the
 * command is complete; *uid_r tells whether "UID" came before it.  NULL
 * before the name, and for an x-command or a word that names none. */
const char *imap_parser_verb(const struct imap_parser *p, bool *uid_r);

#endif
