/*
 * mime_date.c - the Date: header (RFC2822 §3.3, obsolete forms §4.3) for
 * SENTBEFORE / SENTON / SENTSINCE.
 *
 * A token scanner rather than a fixed pattern: it takes the numbers and
 * names it finds and decides from their shape which is the day, month,
 * year, time and zone, so "Mon, 7 Feb 1994 21:52:25 -0800 (PST)",
 * "7 Feb 94 21:52 PST", "Mon Feb  7 21:52:25 1994" and
 * "1994-02-07T21:52:25+01:00" all parse.
 */
#include "mime/mime_int.h"

#include <string.h>
#include "util/date.h"

static const char months[12][4] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

/* RFC2822 §4.3 obs-zone; military letters mean nothing reliable (-0000). */
static const struct { const char *name; int minutes; } zones[] = {
	{ "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 },
	{ "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
	{ "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
	{ "cet", 60 }, { "cest", 120 }, { "met", 60 }, { "mest", 120 },
	{ "bst", 60 }, { "eet", 120 }, { "eest", 180 }, { "jst", 540 },
};


static int month_days(int y, int m)
{
	static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : md[m - 1];
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Read digits at s[*i]; returns the count (0: none). */
static int read_num(const char *s, size_t len, size_t *i, long *v)
{
	int n = 0;
	*v = 0;
	while (*i < len && is_digit(s[*i]) && n < 9) {
		*v = *v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	return n;
}

bool mime_date_parse(const char *s, size_t len, struct mime_date *d)
{
	memset(d, 0, sizeof(*d));
	int day = -1, month = -1, hour = -1, min = 0, sec = 0, zone = 0;
	long year = -1;
	int year_digits = 0;
	bool have_zone = false;
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (c == '(') {
			/* A comment, e.g. "(PST)": skipped. */
			int depth = 0;
			for (; i < len; i++) {
				if (s[i] == '(')
					depth++;
				else if (s[i] == ')' && --depth == 0)
					break;
			}
			i++;
			continue;
		}
		if ((c == '+' || c == '-') && i + 1 < len && is_digit(s[i + 1]) && hour >= 0 && !have_zone) {
			/* Numeric zone: +hhmm, +hh:mm or +hh. */
			size_t j = i + 1;
			long v;
			int n = read_num(s, len, &j, &v);
			if (n == 2 && j + 2 < len + 1 && j < len && s[j] == ':') {
				long mm;
				j++;
				if (read_num(s, len, &j, &mm) == 2)
					v = v * 100 + mm;
			} else if (n == 2) {
				v *= 100;
			} else if (n != 4) {
				i = j;
				continue;
			}
			int mins = (int)(v / 100) * 60 + (int)(v % 100);
			if (v % 100 < 60 && v / 100 < 24) {
				zone = c == '-' ? -mins : mins;
				have_zone = true;
			}
			i = j;
			continue;
		}
		if (is_digit(c)) {
			size_t j = i;
			long v;
			int n = read_num(s, len, &j, &v);
			if (j < len && s[j] == ':' && hour < 0) {
				/* hh:mm[:ss] */
				long mm = 0, ss = 0;
				j++;
				if (read_num(s, len, &j, &mm) == 0)
					return false;
				if (j < len && s[j] == ':') {
					j++;
					read_num(s, len, &j, &ss);
				}
				hour = (int)v;
				min = (int)mm;
				sec = (int)ss;
			} else if (j < len && s[j] == '-' && n == 4 && year < 0) {
				/* ISO 8601 yyyy-mm-dd */
				long mo, dd;
				j++;
				if (read_num(s, len, &j, &mo) == 0 || j >= len || s[j] != '-')
					return false;
				j++;
				if (read_num(s, len, &j, &dd) == 0)
					return false;
				year = v;
				year_digits = 4;
				month = (int)mo;
				day = (int)dd;
				if (j < len && (s[j] == 'T' || s[j] == 't'))
					j++;
			} else if (day < 0 && n <= 2 && v >= 1) {
				day = (int)v;
			} else if (year < 0) {
				year = v;
				year_digits = n;
			}
			i = j;
			continue;
		}
		if (is_alpha(c)) {
			size_t j = i;
			while (j < len && is_alpha(s[j]))
				j++;
			size_t wl = j - i;
			if (wl >= 3 && month < 0) {
				for (int m = 0; m < 12; m++)
					if (mime_ieq(s + i, 3, months[m], 3))
						month = m + 1;
			}
			if (hour >= 0 && !have_zone) {
				for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++)
					if (mime_ieq(s + i, wl, zones[z].name, strlen(zones[z].name))) {
						zone = zones[z].minutes;
						have_zone = true;
					}
			}
			i = j;
			continue;
		}
		i++;
	}
	if (day < 1 || month < 1 || month > 12 || year < 0)
		return false;
	/* RFC2822 §4.3: two-digit years below 50 are 20xx, others 19xx;
	 * three-digit years add 1900. */
	if (year_digits <= 2)
		year += year < 50 ? 2000 : 1900;
	else if (year_digits == 3)
		year += 1900;
	if (year > 9999 || day > month_days((int)year, month))
		return false;
	if (hour < 0)
		hour = 0;
	if (hour > 23 || min > 59 || sec > 60)
		return false;
	d->year = (int)year;
	d->month = month;
	d->day = day;
	d->hour = hour;
	d->min = min;
	d->sec = sec;
	d->zone_minutes = zone;
	d->t = (time_t)(date_days_from_civil(year, month, day) * 86400L + hour * 3600L + min * 60L + sec -
			zone * 60L);
	return true;
}

bool mime_header_date(struct arena *a, const char *hdr, size_t hdr_len, struct mime_date *d_r)
{
	struct mime_str v;
	memset(d_r, 0, sizeof(*d_r));
	if (!mime_header_get(a, hdr, hdr_len, "date", &v))
		return false;
	return mime_date_parse(v.data, v.len, d_r);
}
