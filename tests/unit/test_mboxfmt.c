/*
 * test_mboxfmt.c - mailbox data as IMAP text (cmd/mboxfmt.c): the
 * date-time of INTERNALDATE against gmtime over many instants and zones.
 * Flag lists are checked with the store in test_store_index.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <cmocka.h>

#include "cmd/mboxfmt.h"

/* ---- INTERNALDATE ---------------------------------------------------------- */

/* The date-time of RFC2060 §9 the slow, obvious way. */
static void ref_date(time_t t, int zone, char out[64])
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t s = t + (time_t)zone * 60;
	struct tm tm;
	gmtime_r(&s, &tm);
	int z = zone < 0 ? -zone : zone;
	snprintf(out, 64, "\"%02d-%s-%04d %02d:%02d:%02d %c%02d%02d\"", tm.tm_mday, months[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, zone < 0 ? '-' : '+', z / 60,
		 z % 60);
}

static void test_dates(void **state)
{
	static const struct {
		time_t t;
		int zone;
		const char *want;
	} cases[] = {
		{ 0, 0, "\"01-Jan-1970 00:00:00 +0000\"" },
		{ 951782400, 0, "\"29-Feb-2000 00:00:00 +0000\"" },
		{ 1577865600, 120, "\"01-Jan-2020 10:00:00 +0200\"" },
		{ 1577865600, -330, "\"01-Jan-2020 02:30:00 -0530\"" },
		{ -1, 0, "\"31-Dec-1969 23:59:59 +0000\"" },
		{ 4102444799, 0, "\"31-Dec-2099 23:59:59 +0000\"" },
		{ 1709251199, 840, "\"01-Mar-2024 13:59:59 +1400\"" },
	};
	char got[32], ref[64];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(mboxfmt_date(cases[i].t, cases[i].zone, got), cases[i].want);
	/* Against gmtime over a wide spread of instants and zones. */
	uint64_t x = 88172645463325252ull;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		time_t t = (time_t)(x % 8000000000ull) - 1000000000;
		int zone = (int)(x >> 40) % 1440 - 720;
		mboxfmt_date(t, zone, got);
		ref_date(t, zone, ref);
		assert_string_equal(got, ref);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
