/*
 * date.h - calendar arithmetic shared by the parser (date-time), SEARCH
 * (BEFORE/ON/SINCE, SENT*) and the MIME Date: parser; the local zone of
 * internal dates.
 */
#ifndef IMAPD_UTIL_DATE_H
#define IMAPD_UTIL_DATE_H

#include <time.h>

/* Days from 1970-01-01 to year-month-day in the proleptic Gregorian
 * calendar (negative before 1970).  Unlike timegm() it needs no struct
 * tm, no time zone state and works for any year (Howard Hinnant's
 * days_from_civil). */
long date_days_from_civil(long year, int month, int day);

/* The local time zone's offset at instant t, in minutes east of UTC
 * (remembered per quarter-hour: zones change at most every few months). */
int date_local_zone(time_t t);

#endif
