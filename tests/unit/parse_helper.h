/*
 * parse_helper.h - parse a command given in wire form ("a LOGIN {3}\r\nabc
 * x\r\n"), splitting it at literals the way proto/cmdread.c does, for the
 * parser and printer tests.
 */
#ifndef TESTS_UNIT_PARSE_HELPER_H
#define TESTS_UNIT_PARSE_HELPER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto/ast_print.h"
#include "proto/parser.h"
#include "util/arena.h"
#include "util/sbuf.h"

struct parse_result {
	bool ok;
	const char *error;  /* BAD text on failure */
	const char *tag;    /* tag seen, or NULL */
	struct imap_cmd *cmd;
	char printed[8192]; /* ast_print() of cmd, on success */
};

/* Parse `wire` (len octets) with a fresh parser in arena a. */
static inline struct parse_result parse_wire(struct arena *a, const char *wire, size_t len)
{
	struct parse_result r;
	memset(&r, 0, sizeof(r));
	struct imap_parser *p = imap_parser_new();
	imap_parser_begin(p, a);
	size_t pos = 0;
	for (;;) {
		const char *nl = memchr(wire + pos, '\n', len - pos);
		size_t linelen = nl != NULL ? (size_t)(nl - (wire + pos)) + 1 : len - pos;
		/* The reader hands the parser a copy with a NUL sentinel, in
		 * its own buffer (not the command's arena). */
		char *line = malloc(linelen + 1);
		memcpy(line, wire + pos, linelen);
		line[linelen] = '\0';
		pos += linelen;
		struct imap_literal_req lit;
		enum imap_parse_status st = imap_parser_feed_line(p, line, linelen, &lit);
		free(line);
		while (st == IMAP_PARSE_LITERAL) {
			size_t n = lit.size <= len - pos ? (size_t)lit.size : len - pos;
			char *data = arena_strndup(a, wire + pos, n);
			pos += n;
			if (data == NULL) {
				st = IMAP_PARSE_ERROR;
				break;
			}
			st = imap_parser_feed_literal(p, data, n, -1);
			if (st == IMAP_PARSE_MORE)
				break;
		}
		if (st == IMAP_PARSE_MORE && pos < len)
			continue;
		r.tag = imap_parser_tag(p);
		if (st == IMAP_PARSE_DONE) {
			r.ok = true;
			r.cmd = imap_parser_command(p);
			struct sbuf b;
			sbuf_init(&b, NULL);
			ast_print(&b, r.cmd);
			snprintf(r.printed, sizeof(r.printed), "%s", sbuf_str(&b));
			sbuf_free(&b);
		} else if (st == IMAP_PARSE_ERROR) {
			r.error = arena_strdup(a, imap_parser_error(p));
		} else if (st == IMAP_PARSE_EMPTY) {
			r.error = "(empty)";
		} else {
			r.error = "(incomplete)";
		}
		break;
	}
	imap_parser_free(&p);
	return r;
}

static inline struct parse_result parse_str(struct arena *a, const char *wire)
{
	return parse_wire(a, wire, strlen(wire));
}

#endif
