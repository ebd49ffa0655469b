/*
 * test_extensions.c - the tables behind ENABLE (RFC5161, cmd/enable.c)
 * and ID (RFC2971, util/idlist.c): what ENABLE turns on, with a table of
 * made-up extensions (ours has no row yet), and the id_send list of
 * imapd.conf with the limits of RFC2971 §3.3.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "cmd/cmd.h"
#include "util/idlist.h"

/* ---- ENABLE ----------------------------------------------------------------- */

enum { X_ONE = 1 << 0, X_TWO = 1 << 1, X_OFF = 1 << 2 };

static bool never(const struct session *s)
{
	(void)s;
	return false;
}

/* X-TWO implies X-ONE, as QRESYNC implies CONDSTORE (RFC7162 §3.2.3). */
static const struct cmd_ext fake_table[] = {
	{ "X-ONE", X_ONE, 0, NULL },
	{ "X-TWO", X_TWO, X_ONE, NULL },
	{ "X-OFF", X_OFF, 0, never },
	{ NULL, 0, 0, NULL },
};

static void test_enable_one(void **state)
{
	(void)state;
	struct session s;
	memset(&s, 0, sizeof(s));
	/* Unknown names and extensions not offered are ignored (RFC5161 §3.1). */
	assert_int_equal(cmd_enable_one(&s, fake_table, "X-UNKNOWN"), 0);
	assert_int_equal(cmd_enable_one(&s, fake_table, "X-OFF"), 0);
	assert_int_equal(s.enabled, 0);
	assert_false(session_enabled(&s, X_ONE));
	/* Any case; the second time it is not news. */
	assert_int_equal(cmd_enable_one(&s, fake_table, "x-one"), X_ONE);
	assert_true(session_enabled(&s, X_ONE));
	assert_int_equal(cmd_enable_one(&s, fake_table, "X-ONE"), 0);
	/* What it implies comes with it, once. */
	assert_int_equal(cmd_enable_one(&s, fake_table, "X-TWO"), X_TWO);
	assert_int_equal(s.enabled, X_ONE | X_TWO);
	assert_true(session_enabled(&s, X_ONE | X_TWO));
	assert_false(session_enabled(&s, X_OFF));
	assert_false(session_enabled(&s, 0));

	memset(&s, 0, sizeof(s));
	assert_int_equal(cmd_enable_one(&s, fake_table, "X-TWO"), X_TWO | X_ONE);
	/* Implied before, named now: already on. */
	assert_int_equal(cmd_enable_one(&s, fake_table, "X-ONE"), 0);
}

static void test_enable_table(void **state)
{
	(void)state;
	/* Every row of the real table has a name, one bit of its own, and
	 * implies no bit it does not have a row for. */
	unsigned all = 0;
	for (const struct cmd_ext *e = cmd_ext_table; e->name != NULL; e++) {
		assert_true(e->bit != 0 && (e->bit & (e->bit - 1)) == 0);
		assert_int_equal(all & e->bit, 0);
		all |= e->bit;
	}
	for (const struct cmd_ext *e = cmd_ext_table; e->name != NULL; e++)
		assert_int_equal(e->implies & ~all, 0);
}

/* ---- id_send ---------------------------------------------------------------- */

struct collected {
	char text[4096];
	int n;
};

static void collect(void *ctx, const char *field, const char *value)
{
	struct collected *c = ctx;
	size_t len = strlen(c->text);
	snprintf(c->text + len, sizeof(c->text) - len, "%s[%s]=%s", c->n++ ? " " : "", field,
		 value != NULL ? value : "(nil)");
}

static void test_idlist_good(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "" },
		{ "   ", "" },
		{ "name *", "[name]=imapd" },
		{ "NAME *", "[NAME]=imapd" },
		{ "name \"*\"", "[name]=*" },
		{ "vendor NIL", "[vendor]=(nil)" },
		{ "vendor \"NIL\"", "[vendor]=NIL" },
		{ "support-url \"https://example.org/a b\" name x",
		  "[support-url]=https://example.org/a b [name]=x" },
		{ "\"odd field\" \"a \\\"q\\\" \\\\ b\"", "[odd field]=a \"q\" \\ b" },
		{ "\tname\t*\t", "[name]=imapd" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct collected c = { "", 0 };
		char why[160] = "";
		if (!idlist_parse(cases[i].in, collect, &c, why, sizeof(why)))
			fail_msg("%s: %s", cases[i].in, why);
		assert_string_equal(c.text, cases[i].want);
	}
	/* os and os-version come from uname(2). */
	struct collected c = { "", 0 };
	char why[160];
	assert_true(idlist_parse("os * os-version *", collect, &c, why, sizeof(why)));
	assert_int_equal(c.n, 2);
	assert_non_null(strstr(c.text, "[os]="));
	assert_null(strstr(c.text, "[os]= "));
}

static void test_idlist_bad(void **state)
{
	(void)state;
	char thirty_one[64], many[2048], long_value[1100];
	memset(thirty_one, 'f', 31);
	strcpy(thirty_one + 31, " x");
	many[0] = '\0';
	for (int i = 0; i < 31; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many), "f%d v ", i);
	strcpy(long_value, "name \"");
	memset(long_value + 6, 'v', 1025);
	strcpy(long_value + 6 + 1025, "\"");
	static char thirty[64];
	memset(thirty, 'f', 30);
	strcpy(thirty + 30, " x");
	const struct {
		const char *in, *why;
	} cases[] = {
		{ "name", "no value" },
		{ "name * version", "no value" },
		{ "version *", "no built-in value" },
		{ "name \"abc", "unterminated" },
		{ "na\"me x", "quote inside" },
		{ "name x NAME y", "given twice" },
		{ thirty_one, "1 to 30 octets" },
		{ many, "more than 30" },
		{ long_value, "longer than 1024" },
		{ "name \"a\tb\"", "control character" },
		{ "\"\" x", "1 to 30 octets" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct collected c = { "", 0 };
		char why[160] = "";
		if (idlist_parse(cases[i].in, collect, &c, why, sizeof(why)))
			fail_msg("accepted: %.60s", cases[i].in);
		if (strstr(why, cases[i].why) == NULL)
			fail_msg("%.60s: %s (wanted %s)", cases[i].in, why, cases[i].why);
		/* Nothing is reported from a list that fails. */
		assert_int_equal(c.n, 0);
	}
	/* The limits themselves are fine. */
	char why[160];
	assert_true(idlist_parse(thirty, NULL, NULL, why, sizeof(why)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enable_one),
		cmocka_unit_test(test_enable_table),
		cmocka_unit_test(test_idlist_good),
		cmocka_unit_test(test_idlist_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
