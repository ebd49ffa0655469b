/*
 * date.c - calendar arithmetic (see date.h).
 */
#include "util/date.h"

long date_days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int date_local_zone(time_t t)
{
	static time_t last_q = -1;
	static int last_zone;
	time_t q = t / 900;
	if (q == last_q)
		return last_zone;
	struct tm tm;
	localtime_r(&t, &tm);
	last_q = q;
	last_zone = (int)(tm.tm_gmtoff / 60);
	return last_zone;
}
