/*
 * fuzz_parser.c - libFuzzer target for the lexer and parser.
 *
 * The input is split the way proto/cmdread.c splits the wire: lines end at
 * LF (normalised to CRLF), a line ending in a literal header is followed
 * by that many octets.  Whatever the input, parsing must not crash, leak
 * or read out of bounds (ASan/UBSan), and a command that parses must
 * print to text that parses again to the same print (the round trip the
 * unit tests check on known forms).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto/ast_print.h"
#include "proto/parser.h"

static void round_trip(const char *printed, size_t len);

/* Parse one command from data; returns octets consumed (0 = stop). */
static size_t parse_one(struct imap_parser *p, struct arena *a, const uint8_t *data, size_t len,
			bool check_print)
{
	imap_parser_begin(p, a);
	size_t pos = 0;
	while (pos < len) {
		const uint8_t *nl = memchr(data + pos, '\n', len - pos);
		size_t raw = nl != NULL ? (size_t)(nl - (data + pos)) + 1 : len - pos;
		size_t body = nl != NULL ? raw - 1 : raw;
		if (body > 0 && data[pos + body - 1] == '\r')
			body--;
		char *line = malloc(body + 3);
		if (line == NULL)
			return 0;
		memcpy(line, data + pos, body);
		memcpy(line + body, "\r\n", 3);
		pos += raw;
		struct imap_literal_req lit;
		enum imap_parse_status st = imap_parser_feed_line(p, line, body + 2, &lit);
		free(line);
		while (st == IMAP_PARSE_LITERAL) {
			if (lit.toobig || lit.size > len - pos)
				return 0;
			char *d = arena_strndup(a, (const char *)data + pos, (size_t)lit.size);
			if (d == NULL)
				return 0;
			pos += (size_t)lit.size;
			st = imap_parser_feed_literal(p, d, (size_t)lit.size, -1);
		}
		if (st == IMAP_PARSE_MORE)
			continue;
		/* x-command arguments are kept raw without their literals'
		 * octets (the server answers BAD to them), so they do not
		 * round-trip; every RFC command must. */
		if (st == IMAP_PARSE_DONE && check_print
		    && imap_parser_command(p)->type != IMAP_CMD_X) {
			struct sbuf b;
			sbuf_init(&b, NULL);
			ast_print(&b, imap_parser_command(p));
			if (!b.failed)
				round_trip(b.data, b.len);
			sbuf_free(&b);
		}
		return pos;
	}
	return 0;
}

static struct imap_parser *parser2;

static void round_trip(const char *printed, size_t len)
{
	struct arena a;
	arena_init(&a);
	size_t used = parse_one(parser2, &a, (const uint8_t *)printed, len, false);
	struct imap_cmd *cmd = imap_parser_command(parser2);
	if (used == 0 || cmd == NULL) {
		fprintf(stderr, "printed command does not parse: %.*s\n", (int)len, printed);
		abort();
	}
	struct sbuf b;
	sbuf_init(&b, NULL);
	ast_print(&b, cmd);
	if (b.len != len || memcmp(b.data, printed, len) != 0) {
		fprintf(stderr, "round trip differs:\n%.*s\n%.*s\n", (int)len, printed,
			(int)b.len, b.data);
		abort();
	}
	sbuf_free(&b);
	arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct imap_parser *p;
	if (p == NULL) {
		p = imap_parser_new();
		parser2 = imap_parser_new();
	}
	struct arena a;
	arena_init(&a);
	a.limit = 1 << 20;
	size_t pos = 0;
	while (pos < size) {
		size_t used = parse_one(p, &a, data + pos, size - pos, true);
		if (used == 0)
			break;
		pos += used;
		arena_reset(&a);
	}
	arena_free(&a);
	return 0;
}
