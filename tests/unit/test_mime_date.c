/*
 * test_mime_date.c - Date: parsing (RFC2822 §3.3 and the broken forms
 * found in real mail) for SENTBEFORE / SENTON / SENTSINCE.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mime/mime.h"

static const struct {
	const char *in;
	bool ok;
	int y, mo, d, h, mi, s, zone;
	long long t;   /* expected time_t */
} cases[] = {
	{ "Mon, 7 Feb 1994 21:52:25 -0800 (PST)", true, 1994, 2, 7, 21, 52, 25, -480, 760686745 },
	{ "7 Feb 1994 21:52:25 -0800", true, 1994, 2, 7, 21, 52, 25, -480, 760686745 },
	{ "Tue, 01 Jan 2019 10:00:00 +0000", true, 2019, 1, 1, 10, 0, 0, 0, 1546336800 },
	{ "Tue, 1 Jan 2019 10:00 GMT", true, 2019, 1, 1, 10, 0, 0, 0, 1546336800 },
	{ "1 Jan 19 11:00:00 +0100", true, 2019, 1, 1, 11, 0, 0, 60, 1546336800 },
	{ "1 Jan 99 10:00:00 UT", true, 1999, 1, 1, 10, 0, 0, 0, 915184800 },
	{ "1 Jan 119 10:00:00 +0000", true, 2019, 1, 1, 10, 0, 0, 0, 1546336800 },  /* 3-digit */
	{ "Tue Jan  1 05:00:00 2019 EST", true, 2019, 1, 1, 5, 0, 0, -300, 1546336800 },  /* asctime */
	{ "Tue Jan  1 10:00:00 2019", true, 2019, 1, 1, 10, 0, 0, 0, 1546336800 },
	{ "2019-01-01T11:00:00+01:00", true, 2019, 1, 1, 11, 0, 0, 60, 1546336800 },
	{ "2019-01-01 10:00:00", true, 2019, 1, 1, 10, 0, 0, 0, 1546336800 },
	{ "Tuesday, 1 January 2019 10:00:00 +0000", true, 2019, 1, 1, 10, 0, 0, 0, 1546336800 },
	{ "1 jan 2019", true, 2019, 1, 1, 0, 0, 0, 0, 1546300800 },
	{ "29 Feb 2020 00:00:00 +0000", true, 2020, 2, 29, 0, 0, 0, 0, 1582934400 },
	{ "Mon, 7 Feb 1994 21:52:25 XYZ", true, 1994, 2, 7, 21, 52, 25, 0, 760657945 },  /* unknown zone */
	{ "29 Feb 2019 00:00:00 +0000", false, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "32 Jan 2019", false, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "yesterday", false, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "", false, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "1 Foo 2019", false, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "1 Jan 2019 25:00:00", false, 0, 0, 0, 0, 0, 0, 0, 0 },
};

static void test_dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct mime_date d;
		bool ok = mime_date_parse(cases[i].in, strlen(cases[i].in), &d);
		if (ok != cases[i].ok)
			fprintf(stderr, "case %zu [%s]: ok=%d\n", i, cases[i].in, ok);
		assert_int_equal(ok, cases[i].ok);
		if (!ok)
			continue;
		assert_int_equal(d.year, cases[i].y);
		assert_int_equal(d.month, cases[i].mo);
		assert_int_equal(d.day, cases[i].d);
		assert_int_equal(d.hour, cases[i].h);
		assert_int_equal(d.min, cases[i].mi);
		assert_int_equal(d.sec, cases[i].s);
		assert_int_equal(d.zone_minutes, cases[i].zone);
		if ((long long)d.t != cases[i].t)
			fprintf(stderr, "case %zu [%s]: t=%lld\n", i, cases[i].in, (long long)d.t);
		assert_true((long long)d.t == cases[i].t);
	}
}

static void test_header_date(void **state)
{
	(void)state;
	const char *h = "Subject: x\nDate: Mon, 7 Feb 1994\n 21:52:25 -0800\n\n";
	struct arena a;
	arena_init(&a);
	struct mime_date d;
	assert_true(mime_header_date(&a, h, strlen(h), &d));
	assert_int_equal(d.day, 7);
	assert_true((long long)d.t == 760686745);
	assert_false(mime_header_date(&a, "Subject: x\n\n", 12, &d));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_header_date),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
