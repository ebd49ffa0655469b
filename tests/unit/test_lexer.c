/*
 * test_lexer.c - the re2c lexer (grammar/imap.re): token classes per
 * condition, the condition switches, and lexical errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "proto/lex.h"

/* Lex a whole segment and render the tokens as "NAME[text] NAME ...". */
static void lex_all(const char *in, char *out, size_t outlen)
{
	struct arena a;
	arena_init(&a);
	struct imap_lexer lx;
	imap_lexer_reset(&lx, &a);
	size_t len = strlen(in);
	imap_lexer_input(&lx, in, len);
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < 64; i++) {
		IMAP_YYSTYPE v;
		int t = imap_lex(&lx, &v);
		if (t == 0)
			break;
		char piece[256];
		if (t == T_LEXERROR)
			snprintf(piece, sizeof(piece), "ERROR(%s)", lx.error);
		else if (t == T_LITHDR)
			snprintf(piece, sizeof(piece), "LITHDR(%llu%s)", (unsigned long long)v.tok.num,
				 v.tok.nonsync ? "+" : "");
		else if (v.tok.s != NULL && v.tok.len > 0)
			snprintf(piece, sizeof(piece), "%s[%s]", imap_token_desc(t), v.tok.s);
		else
			snprintf(piece, sizeof(piece), "%s", imap_token_desc(t));
		used += (size_t)snprintf(out + used, outlen - used, "%s%s", used ? " " : "", piece);
		if (t == T_LEXERROR || used >= outlen - 1)
			break;
	}
	arena_free(&a);
}

struct lex_case {
	const char *in;
	const char *tokens;
};

static const struct lex_case cases[] = {
	{ "a1 NOOP\r\n", "tag[a1] SP NOOP[NOOP] end of line" },
	{ "a1 noop\r\n", "tag[a1] SP NOOP[noop] end of line" },
	/* UID keeps the lexer in the verb condition */
	{ "a UID fetch 1:* FLAGS\r\n",
	  "tag[a] SP UID[UID] SP FETCH[fetch] SP sequence set with *[1:*] SP FLAGS[FLAGS] end of line" },
	/* FETCH: BODY[ opens a section, ] then an optional partial */
	{ "a FETCH 1 BODY.PEEK[1.2.HEADER.FIELDS (From X-A)]<0.10>\r\n",
	  "tag[a] SP FETCH[FETCH] SP number[1] SP BODY.PEEK[ number[1] '.' number[2] '.' "
	  "HEADER.FIELDS[HEADER.FIELDS] SP '(' atom[From] SP atom[X-A] ')' ']' '<' number[0] '.' "
	  "number[10] '>' end of line" },
	{ "a FETCH 1 (BODY[] UID)\r\n",
	  "tag[a] SP FETCH[FETCH] SP number[1] SP '(' BODY[ ']' SP UID[UID] ')' end of line" },
	/* outside FETCH, BODY[ is an ordinary atom (e.g. a mailbox name) */
	{ "a SELECT BODY[x\r\n", "tag[a] SP SELECT[SELECT] SP atom[BODY[x] end of line" },
	/* word classes: number, date, sequence sets, atom, astring, pattern */
	{ "a SEARCH 12 1-Feb-1994 1:5 1,* x] a%b\r\n",
	  "tag[a] SP SEARCH[SEARCH] SP number[12] SP date[1-Feb-1994] SP sequence set[1:5] SP "
	  "sequence set with *[1,*] SP astring[x]] SP mailbox pattern[a%b] end of line" },
	{ "a LOGIN \"a\\\\b\\\"c\" {3}\r\n",
	  "tag[a] SP LOGIN[LOGIN] SP quoted string[a\\b\"c] SP LITHDR(3)" },
	{ "a LOGIN {3+}\r\n", "tag[a] SP LOGIN[LOGIN] SP LITHDR(3+)" },
	{ "a STORE 1 +FLAGS.SILENT (\\Seen $x)\r\n",
	  "tag[a] SP STORE[STORE] SP number[1] SP +FLAGS.SILENT[+FLAGS.SILENT] SP '(' flag[\\Seen] "
	  "SP atom[$x] ')' end of line" },
	/* x-command arguments stay raw, a trailing literal header is split off */
	{ "a XFOO (bar \"baz {2}\r\n", "tag[a] SP X-command[XFOO] X-command arguments[ (bar \"baz ] LITHDR(2)" },
	/* an 8-bit octet in a quoted string is accepted, in an atom it is not */
	{ "a LOGIN \"\xc3\xa9\" \xc3\xa9\r\n",
	  "tag[a] SP LOGIN[LOGIN] SP quoted string[\xc3\xa9] SP ERROR(8-bit character outside a quoted string or literal)" },
	{ "a LOGIN \"x\r\n", "tag[a] SP LOGIN[LOGIN] SP ERROR(Unterminated quoted string)" },
	{ "a LOGIN {5}x\r\n", "tag[a] SP LOGIN[LOGIN] SP ERROR(Invalid literal, expected {number})" },
	{ "+ a\r\n", "ERROR(Tag must not contain '+')" },
	{ "\r\n", "end of line" },
	{ "a SEARCH 99999999999\r\n", "tag[a] SP SEARCH[SEARCH] SP number[99999999999] end of line" },
};

static void test_tokens(void **state)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char got[2048];
		lex_all(cases[i].in, got, sizeof(got));
		if (strcmp(got, cases[i].tokens) != 0)
			fail_msg("case %zu\n  expected: %s\n  got:      %s", i, cases[i].tokens, got);
	}
}

/* A number past 2^32-1 is marked too big rather than wrapped. */
static void test_number_overflow(void **state)
{
	struct arena a;
	arena_init(&a);
	struct imap_lexer lx;
	imap_lexer_reset(&lx, &a);
	const char *in = "t SEARCH 4294967295 4294967296\r\n";
	imap_lexer_input(&lx, in, strlen(in));
	IMAP_YYSTYPE v;
	while (imap_lex(&lx, &v) != T_NUMBER)
		;
	assert_false(v.tok.toobig);
	assert_int_equal(v.tok.num, 4294967295u);
	while (imap_lex(&lx, &v) != T_NUMBER)
		;
	assert_true(v.tok.toobig);
	arena_free(&a);
}

/* An embedded NUL is an error, not the end of input (the sentinel check
 * compares against the limit). */
static void test_embedded_nul(void **state)
{
	struct arena a;
	arena_init(&a);
	struct imap_lexer lx;
	imap_lexer_reset(&lx, &a);
	static const char in[] = "t NOOP\0\r\n";
	imap_lexer_input(&lx, in, sizeof(in) - 1);
	IMAP_YYSTYPE v;
	assert_int_equal(imap_lex(&lx, &v), T_TAG);
	assert_int_equal(imap_lex(&lx, &v), SP);
	assert_int_equal(imap_lex(&lx, &v), K_NOOP);
	assert_int_equal(imap_lex(&lx, &v), T_LEXERROR);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_number_overflow),
		cmocka_unit_test(test_embedded_nul),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
