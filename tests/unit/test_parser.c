/*
 * test_parser.c - the grammar (grammar/imap.y + imap.re) through the
 * parser glue: every command form of RFC 2060 §9 parses and prints back
 * canonically, printing round-trips, malformed input gets the exact BAD
 * text, and the AST fields carry the right values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parse_helper.h"
#include "parser_cases.h"

static void test_valid_commands(void **state)
{
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		struct parse_result r = parse_str(&a, valid_cases[i].in);
		if (!r.ok)
			fail_msg("case %zu %s: %s", i, valid_cases[i].in, r.error);
		assert_string_equal(r.printed, valid_cases[i].printed);
		arena_reset(&a);
	}
	arena_free(&a);
}

/* parse -> print -> parse -> print gives the same text (RFC2060 §9 forms
 * printed canonically are still valid and mean the same). */
static void test_round_trip(void **state)
{
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		struct parse_result r1 = parse_str(&a, valid_cases[i].in);
		assert_true(r1.ok);
		struct parse_result r2 = parse_str(&a, r1.printed);
		if (!r2.ok)
			fail_msg("reprint of case %zu does not parse: %s: %s", i, r1.printed, r2.error);
		assert_string_equal(r1.printed, r2.printed);
		arena_reset(&a);
	}
	arena_free(&a);
}

static void test_malformed_commands(void **state)
{
	struct arena a;
	arena_init(&a);
	size_t n = sizeof(bad_cases) / sizeof(bad_cases[0]);
	assert_true(n >= 150);
	for (size_t i = 0; i < n; i++) {
		struct parse_result r = parse_wire(&a, bad_cases[i].in, bad_cases[i].len);
		if (r.ok)
			fail_msg("case %zu parsed but must not: %s", i, bad_cases[i].in);
		if (strcmp(r.error, bad_cases[i].error) != 0)
			fail_msg("case %zu %s\n  expected: %s\n  got:      %s", i, bad_cases[i].in,
				 bad_cases[i].error, r.error);
		arena_reset(&a);
	}
	arena_free(&a);
}

/* The tag is known as soon as it is lexed, so a BAD can carry it; a line
 * with no valid tag has none (answered "* BAD"). */
static void test_error_tags(void **state)
{
	struct arena a;
	arena_init(&a);
	struct parse_result r = parse_str(&a, "x17 FETCH 0 FLAGS\r\n");
	assert_false(r.ok);
	assert_string_equal(r.tag, "x17");
	r = parse_str(&a, "(x FETCH\r\n");
	assert_false(r.ok);
	assert_null(r.tag);
	r = parse_str(&a, "* OK\r\n");
	assert_false(r.ok);
	assert_null(r.tag);
	arena_free(&a);
}

static void test_ast_values(void **state)
{
	struct arena a;
	arena_init(&a);

	struct parse_result r = parse_str(&a, "t UID FETCH 5:3,*,7 (UID BODY.PEEK[1.2.HEADER.FIELDS (From \"To\")]<10.20>)\r\n");
	assert_true(r.ok);
	const struct imap_cmd *c = r.cmd;
	assert_int_equal(c->type, IMAP_CMD_FETCH);
	assert_true(c->uid);
	assert_int_equal(c->u.fetch.set.n, 3);
	assert_int_equal(c->u.fetch.set.ranges[0].lo, 5);
	assert_int_equal(c->u.fetch.set.ranges[0].hi, 3);
	assert_int_equal(c->u.fetch.set.ranges[1].lo, IMAP_SEQ_STAR);
	assert_int_equal(c->u.fetch.natts, 2);
	const struct imap_fetch_att *att = &c->u.fetch.atts[1];
	assert_int_equal(att->type, IMAP_FETCH_BODY_SECTION);
	assert_true(att->peek);
	assert_int_equal(att->section.nparts, 2);
	assert_int_equal(att->section.parts[1], 2);
	assert_int_equal(att->section.text, IMAP_SECTION_HEADER_FIELDS);
	assert_int_equal(att->section.nfields, 2);
	assert_string_equal(att->section.fields[1].data, "To");
	assert_int_equal(att->section.fields[1].form, IMAP_STR_QUOTED);
	assert_true(att->partial);
	assert_int_equal(att->partial_start, 10);
	assert_int_equal(att->partial_len, 20);

	/* A literal may hold NUL: give the wire length explicitly. */
	static const char append[] =
		"t APPEND inbox (\\Seen $Junk \\X-Ext) \"17-Jul-1996 02:44:25 -0700\" {5}\r\nhe\0lo\r\n";
	r = parse_wire(&a, append, sizeof(append) - 1);
	assert_true(r.ok);
	c = r.cmd;
	assert_int_equal(c->type, IMAP_CMD_APPEND);
	assert_int_equal(c->u.append.flags.sys, IMAP_FLAG_SEEN);
	assert_int_equal(c->u.append.flags.nkeywords, 1);
	assert_string_equal(c->u.append.flags.keywords[0], "$Junk");
	assert_int_equal(c->u.append.flags.nextensions, 1);
	assert_string_equal(c->u.append.flags.extensions[0], "\\X-Ext");
	assert_true(c->u.append.has_date);
	assert_int_equal(c->u.append.date.zone_minutes, -420);
	/* 1996-07-17 02:44:25 -0700 is 09:44:25 UTC */
	assert_int_equal((long)c->u.append.date.t, 837596665L);
	assert_int_equal(c->u.append.message.len, 5);
	assert_memory_equal(c->u.append.message.data, "he\0lo", 5);
	assert_int_equal(c->u.append.message.form, IMAP_STR_LITERAL);

	r = parse_str(&a, "t STATUS \"INBOX\" (UIDNEXT MESSAGES UIDNEXT)\r\n");
	assert_true(r.ok);
	c = r.cmd;
	assert_int_equal(c->u.status.natts, 2);
	assert_int_equal(c->u.status.order[0], IMAP_STATUS_UIDNEXT);
	assert_int_equal(c->u.status.order[1], IMAP_STATUS_MESSAGES);

	r = parse_str(&a, "t SEARCH CHARSET UTF-8 OR NOT SEEN (FROM {3}\r\nbob SINCE 1-Feb-1994) UID 1:*\r\n");
	assert_true(r.ok);
	c = r.cmd;
	assert_true(c->u.search.has_charset);
	assert_string_equal(c->u.search.charset.data, "UTF-8");
	const struct imap_search_key *k = c->u.search.keys;
	assert_int_equal(k->type, IMAP_SK_LIST);
	assert_int_equal(k->nlist, 2);
	assert_int_equal(k->list[0]->type, IMAP_SK_OR);
	assert_int_equal(k->list[0]->sub[0]->type, IMAP_SK_NOT);
	assert_int_equal(k->list[0]->sub[0]->sub[0]->type, IMAP_SK_SEEN);
	assert_int_equal(k->list[0]->sub[1]->type, IMAP_SK_LIST);
	assert_string_equal(k->list[0]->sub[1]->list[0]->str.data, "bob");
	assert_int_equal(k->list[0]->sub[1]->list[1]->date.year, 1994);
	assert_int_equal(k->list[0]->sub[1]->list[1]->date.month, 2);
	assert_int_equal(k->list[1]->type, IMAP_SK_UID);

	r = parse_str(&a, "t STORE 1 -FLAGS.SILENT \\Seen foo\r\n");
	assert_true(r.ok);
	assert_int_equal(r.cmd->u.store.op, IMAP_STORE_REMOVE);
	assert_true(r.cmd->u.store.silent);
	assert_false(r.cmd->u.store.parenthesised);
	assert_int_equal(r.cmd->u.store.flags.sys, IMAP_FLAG_SEEN);

	r = parse_str(&a, "t RENAME Inbox \"Old Mail\"\r\n");
	assert_true(r.ok);
	assert_string_equal(r.cmd->u.rename.from.data, "Inbox");
	assert_string_equal(r.cmd->u.rename.to.data, "Old Mail");
	assert_int_equal(r.cmd->u.rename.to.form, IMAP_STR_QUOTED);

	r = parse_str(&a, "t XFOO  raw {2+}\r\nab tail\r\n");
	assert_true(r.ok);
	assert_int_equal(r.cmd->type, IMAP_CMD_X);
	assert_string_equal(r.cmd->u.x.name, "XFOO");

	arena_free(&a);
}

/* Every keyword is an atom where an atom is allowed (RFC2060 §9 atom):
 * mailboxes and passwords may be called like keywords. */
static void test_keywords_as_atoms(void **state)
{
	static const char *const words[] = {
		"ALL", "FAST", "FULL", "ENVELOPE", "FLAGS", "INTERNALDATE", "RFC822",
		"RFC822.HEADER", "RFC822.SIZE", "RFC822.TEXT", "BODY", "BODYSTRUCTURE",
		"UID", "ANSWERED", "BCC", "BEFORE", "CC", "DELETED", "DRAFT", "FLAGGED",
		"FROM", "HEADER", "KEYWORD", "LARGER", "NEW", "NOT", "OLD", "ON", "OR",
		"RECENT", "SEEN", "SENTBEFORE", "SENTON", "SENTSINCE", "SINCE", "SMALLER",
		"SUBJECT", "TEXT", "TO", "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED",
		"UNKEYWORD", "UNSEEN", "CHARSET", "MESSAGES", "UIDNEXT", "UIDVALIDITY",
		"+FLAGS", "-FLAGS", "FLAGS.SILENT", "+FLAGS.SILENT", "-FLAGS.SILENT",
		"SELECT", "LOGIN", "FETCH", "12", "1:5", "1-Jan-2000",
	};
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		char buf[128];
		snprintf(buf, sizeof(buf), "t SELECT %s\r\n", words[i]);
		struct parse_result r = parse_str(&a, buf);
		if (!r.ok)
			fail_msg("SELECT %s: %s", words[i], r.error);
		assert_string_equal(r.cmd->u.mailbox.mailbox.data, words[i]);
		snprintf(buf, sizeof(buf), "t LOGIN %s %s\r\n", words[i], words[i]);
		r = parse_str(&a, buf);
		if (!r.ok)
			fail_msg("LOGIN %s: %s", words[i], r.error);
		assert_string_equal(r.cmd->u.login.password.data, words[i]);
		arena_reset(&a);
	}
	arena_free(&a);
}

/* The arena limit turns a huge command into a clean error, not a crash. */
static void test_command_too_large(void **state)
{
	struct arena a;
	arena_init(&a);
	a.limit = 8192;
	struct sbuf b;
	sbuf_init(&b, NULL);
	sbuf_adds(&b, "t FETCH 1 (");
	for (int i = 0; i < 2000; i++)
		sbuf_adds(&b, i ? " FLAGS" : "FLAGS");
	sbuf_adds(&b, ")\r\n");
	struct parse_result r = parse_str(&a, sbuf_str(&b));
	assert_false(r.ok);
	assert_string_equal(r.error, "Command too large");
	sbuf_free(&b);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_commands),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_malformed_commands),
		cmocka_unit_test(test_error_tags),
		cmocka_unit_test(test_ast_values),
		cmocka_unit_test(test_keywords_as_atoms),
		cmocka_unit_test(test_command_too_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
