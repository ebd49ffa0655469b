/*
 * test_cmdtab.c - the command table (cmd/table.c) against the grammar:
 * fails when a command is in the grammar but not in the table, or the
 * other way round (grammar/EXTENDING.md says what a new command needs).
 *
 * The grammar's commands are read from its sources: the command names
 * the lexer knows (grammar/imap.re, `<VERB> 'NAME'`), the command types
 * the grammar actions build (grammar/imap.y, `IMAP_CMD_NAME`), and the
 * order of enum imap_cmd_type (src/proto/ast.h), which is the table's
 * index.  Run from the top of the tree (tests/run-all.sh does), or with
 * IMAPD_TOP set.
 */
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "cmd/cmd.h"
#include "proto/parser.h"
#include "util/arena.h"

#define MAX_NAMES 128

struct names {
	char *v[MAX_NAMES];
	size_t n;
};

static void names_add(struct names *ns, const char *s, size_t len)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strlen(ns->v[i]) == len && strncmp(ns->v[i], s, len) == 0)
			return;
	assert_true(ns->n < MAX_NAMES);
	ns->v[ns->n++] = strndup(s, len);
}

static bool names_has(const struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], s) == 0)
			return true;
	return false;
}

static void names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	ns->n = 0;
}

static char *read_source(const char *rel)
{
	const char *top = getenv("IMAPD_TOP");
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", top != NULL ? top : ".", rel);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot read %s (run from the top of the tree or set IMAPD_TOP)", path);
	static char buf[256 * 1024];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	assert_true(n < sizeof(buf) - 1);
	buf[n] = '\0';
	return strdup(buf);
}

/* Every first subexpression match of `re` in text, in order. */
static void collect(const char *text, const char *re, struct names *out)
{
	regex_t rx;
	assert_int_equal(regcomp(&rx, re, REG_EXTENDED | REG_NEWLINE), 0);
	regmatch_t m[2];
	const char *p = text;
	while (regexec(&rx, p, 2, m, 0) == 0) {
		names_add(out, p + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
		p += m[0].rm_eo;
	}
	regfree(&rx);
}

/* The table's names, each as "IMAP_CMD_" + name too. */
static void table_names(struct names *names, struct names *types)
{
	for (size_t i = 0; i < IMAP_CMD__COUNT; i++) {
		const char *n = cmd_table[i].name;
		if (n == NULL)
			fail_msg("row %zu of cmd/table.c is empty: every command type needs a row", i);
		names_add(names, n, strlen(n));
		char t[64];
		snprintf(t, sizeof(t), "IMAP_CMD_%s", n);
		names_add(types, t, strlen(t));
	}
}

static void same_sets(const struct names *a, const char *a_what, const struct names *b,
		      const char *b_what)
{
	for (size_t i = 0; i < a->n; i++)
		if (!names_has(b, a->v[i]))
			fail_msg("%s is in %s but not in %s", a->v[i], a_what, b_what);
	for (size_t i = 0; i < b->n; i++)
		if (!names_has(a, b->v[i]))
			fail_msg("%s is in %s but not in %s", b->v[i], b_what, a_what);
}

/* The command names the lexer knows (`<VERB> 'NAME'`; "UID" prefixes a
 * command, "X" atom is the x-command) are the table's names. */
static void test_lexer_names(void **state)
{
	char *re = read_source("grammar/imap.re");
	struct names lexed = { 0 }, names = { 0 }, types = { 0 };
	collect(re, "<VERB> '([A-Z]+)'", &lexed);
	assert_true(lexed.n > 10);
	assert_true(names_has(&lexed, "UID"));
	names_free(&lexed);
	collect(re, "<VERB> '([A-Z]+)' +\\{ *return lex_verb", &lexed);
	/* UID is not a command of its own. */
	struct names cmds = { 0 };
	for (size_t i = 0; i < lexed.n; i++)
		if (strcmp(lexed.v[i], "UID") != 0)
			names_add(&cmds, lexed.v[i], strlen(lexed.v[i]));
	if (strstr(re, "<VERB> 'X' ATOM_CHAR+") != NULL)
		names_add(&cmds, "X", 1);
	table_names(&names, &types);
	same_sets(&cmds, "grammar/imap.re", &names, "cmd/table.c");
	names_free(&lexed);
	names_free(&cmds);
	names_free(&names);
	names_free(&types);
	free(re);
}

/* The command types the grammar builds are the table's rows. */
static void test_grammar_types(void **state)
{
	char *y = read_source("grammar/imap.y");
	struct names built = { 0 }, names = { 0 }, types = { 0 };
	collect(y, "CMD->type = (IMAP_CMD_[A-Z_]+)", &built);
	table_names(&names, &types);
	same_sets(&built, "grammar/imap.y", &types, "cmd/table.c");
	names_free(&built);
	names_free(&names);
	names_free(&types);
	free(y);
}

/* Row i of the table is the command type whose value is i: the enum's
 * order in ast.h matches each row's name. */
static void test_rows_match_enum(void **state)
{
	char *ast = read_source("src/proto/ast.h");
	const char *start = strstr(ast, "enum imap_cmd_type {");
	assert_non_null(start);
	const char *end = strstr(start, "};");
	assert_non_null(end);
	char *body = strndup(start, (size_t)(end - start));
	struct names order = { 0 };
	collect(body, "^\t(IMAP_CMD_[A-Z_]+)", &order);
	assert_string_equal(order.v[order.n - 1], "IMAP_CMD__COUNT");
	assert_int_equal(order.n - 1, IMAP_CMD__COUNT);
	for (size_t i = 0; i < IMAP_CMD__COUNT; i++) {
		char want[64];
		snprintf(want, sizeof(want), "IMAP_CMD_%s", cmd_table[i].name);
		if (strcmp(order.v[i], want) != 0)
			fail_msg("cmd_table[%s] holds the row named %s", order.v[i], cmd_table[i].name);
	}
	names_free(&order);
	free(body);
	free(ast);
}

/* Every row can run: an executor, states, and a lookup by name that the
 * reader uses finds it in any case. */
static void test_rows_complete(void **state)
{
	for (size_t i = 0; i < IMAP_CMD__COUNT; i++) {
		const struct cmd_def *d = &cmd_table[i];
		assert_non_null(d->name);
		if (d->fn == NULL || d->states == 0)
			fail_msg("row %s has no executor or no state", d->name);
		assert_ptr_equal(cmd_lookup((enum imap_cmd_type)i), d);
		char lower[32];
		size_t k;
		for (k = 0; d->name[k] != '\0' && k < sizeof(lower) - 1; k++)
			lower[k] = (char)(d->name[k] | 0x20);
		lower[k] = '\0';
		assert_ptr_equal(cmddef_find(cmd_table, lower), d);
		assert_true(d->literal == CMD_LITERAL_SMALL || d->literal == CMD_LITERAL_MESSAGE);
	}
	assert_null(cmddef_find(cmd_table, "FROB"));
}

/* The reader's view of a command being read: the name the lexer saw
 * finds the row whose type the grammar then builds. */
static void test_verb_finds_row(void **state)
{
	static const struct {
		const char *line;
		bool uid;
	} cases[] = {
		{ "a append INBOX {3}\r\n", false },
		{ "a UID fetch 1 (BODY[HEADER.FIELDS ({4}\r\n", true },
		{ "a LOGIN {4}\r\n", false },
	};
	struct arena a;
	arena_init(&a);
	struct imap_parser *p = imap_parser_new();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		imap_parser_begin(p, &a);
		struct imap_literal_req lit;
		assert_int_equal(imap_parser_feed_line(p, cases[i].line, strlen(cases[i].line), &lit),
				 IMAP_PARSE_LITERAL);
		bool uid;
		const char *verb = imap_parser_verb(p, &uid);
		assert_non_null(verb);
		assert_int_equal(uid, cases[i].uid);
		assert_non_null(cmddef_find(cmd_table, verb));
		arena_reset(&a);
	}
	imap_parser_free(&p);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexer_names),
		cmocka_unit_test(test_grammar_types),
		cmocka_unit_test(test_rows_match_enum),
		cmocka_unit_test(test_rows_complete),
		cmocka_unit_test(test_verb_finds_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
