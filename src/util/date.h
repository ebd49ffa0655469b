/*
 * date.h - calendar arithmetic shared by the parser (date-time), SEARCH
 * (BEFORE/ON/SINCE, SENT*) and the MIME Date: parser.
 */
#ifndef IMAPD_UTIL_DATE_H
#define IMAPD_UTIL_DATE_H

/* Days from 1970-01-01 to year-month-day in the proleptic Gregorian
 * calendar (negative before 1970).  Unlike timegm() it needs no struct
 * tm, no time zone state and works for any year (Howard Hinnant's
 * days_from_civil). */
long date_days_from_civil(long year, int month, int day);

#endif
