/*
 * mboxfmt.c - mailbox data as IMAP text (see mboxfmt.h).
 */
#include "cmd/mboxfmt.h"

#include <string.h>

static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ IMAP_FLAG_ANSWERED, "\\Answered" },
	{ IMAP_FLAG_FLAGGED, "\\Flagged" },
	{ IMAP_FLAG_DELETED, "\\Deleted" },
	{ IMAP_FLAG_SEEN, "\\Seen" },
	{ IMAP_FLAG_DRAFT, "\\Draft" },
	{ IMAP_FLAG_RECENT, "\\Recent" },
};

/* "(\Flagged \Seen" for each combination of the six system flags,
 * made once: FETCH 1:* (FLAGS) on a big mailbox is mostly this. */
static struct {
	char text[64];
	uint8_t len;
} sysflag_text[64];

static void sysflag_text_init(void)
{
	for (unsigned f = 0; f < 64; f++) {
		size_t n = 0;
		sysflag_text[f].text[n++] = '(';
		for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
			if (!(f & flag_names[i].flag))
				continue;
			if (n > 1)
				sysflag_text[f].text[n++] = ' ';
			size_t l = strlen(flag_names[i].name);
			memcpy(sysflag_text[f].text + n, flag_names[i].name, l);
			n += l;
		}
		sysflag_text[f].len = (uint8_t)n;
	}
}

size_t mboxfmt_flags_write(struct mailbox *mb, uint32_t seq, bool recent, char *out, size_t cap)
{
	uint32_t kw;
	unsigned f = mbox_msg_flags_show(mb, seq, &kw);
	if (!recent)
		f &= ~(unsigned)IMAP_FLAG_RECENT;
	if (sysflag_text[0].len == 0)
		sysflag_text_init();
	size_t n = sysflag_text[f & 63].len;
	if (n + 1 > cap)
		return 0;
	memcpy(out, sysflag_text[f & 63].text, n);
	for (unsigned i = 0; kw != 0 && i < MBOX_KEYWORD_SLOTS; i++) {
		const char *name;
		if (!(kw & (UINT32_C(1) << i)) || (name = mbox_keyword_name(mb, i)) == NULL)
			continue;
		size_t l = strlen(name);
		if (n + l + 2 > cap)
			return 0;
		if (n > 1)
			out[n++] = ' ';
		memcpy(out + n, name, l);
		n += l;
	}
	out[n++] = ')';
	return n;
}

void mboxfmt_flags(struct mailbox *mb, uint32_t seq, bool recent, struct sbuf *out)
{
	/* 26 keywords of at most 200 octets (store/keywords.c) fit. */
	char buf[6 * 16 + MBOX_KEYWORD_SLOTS * 202];
	size_t n = mboxfmt_flags_write(mb, seq, recent, buf, sizeof(buf));
	sbuf_add(out, buf, n);
}

void mboxfmt_flag_names(const struct mailbox *mb, bool permanent, bool recent, struct sbuf *out)
{
	sbuf_addc(out, '(');
	/* RFC2060 §7.2.6: FLAGS lists \Recent too; it is not permanent. */
	size_t nsys = sizeof(flag_names) / sizeof(flag_names[0]) - (permanent || !recent ? 1 : 0);
	for (size_t i = 0; i < nsys; i++) {
		if (i > 0)
			sbuf_addc(out, ' ');
		sbuf_adds(out, flag_names[i].name);
	}
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++) {
		const char *name = mbox_keyword_name(mb, i);
		if (name != NULL) {
			sbuf_addc(out, ' ');
			sbuf_adds(out, name);
		}
	}
	if (permanent && mbox_keywords_can_create(mb))
		sbuf_adds(out, " \\*");
	sbuf_addc(out, ')');
}

/* Calendar date of a day count since 1970-01-01 (Howard Hinnant's
 * civil_from_days), without gmtime's locking and tm filling. */
static void civil_from_days(int64_t z, int *y_r, unsigned *m_r, unsigned *d_r)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d_r = doy - (153 * mp + 2) / 5 + 1;
	*m_r = mp < 10 ? mp + 3 : mp - 9;
	*y_r = (int)(yoe + era * 400) + (*m_r <= 2);
}

static char *two(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

char *mboxfmt_date(time_t t, int zone_minutes, char out[32])
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int64_t s = (int64_t)t + (int64_t)zone_minutes * 60;
	int64_t days = s >= 0 ? s / 86400 : (s - 86399) / 86400;
	unsigned secs = (unsigned)(s - days * 86400);
	int year;
	unsigned mon, mday;
	civil_from_days(days, &year, &mon, &mday);
	if (year < 0 || year > 9999)
		year = year < 0 ? 0 : 9999;
	unsigned z = (unsigned)(zone_minutes < 0 ? -zone_minutes : zone_minutes);
	/* "dd-Mon-yyyy hh:mm:ss +zzzz" (RFC2060 §9 date-time), quoted. */
	char *p = out;
	*p++ = '"';
	p = two(p, mday);
	*p++ = '-';
	memcpy(p, months[mon - 1], 3);
	p += 3;
	*p++ = '-';
	p = two(p, (unsigned)year / 100);
	p = two(p, (unsigned)year % 100);
	*p++ = ' ';
	p = two(p, secs / 3600);
	*p++ = ':';
	p = two(p, secs / 60 % 60);
	*p++ = ':';
	p = two(p, secs % 60);
	*p++ = ' ';
	*p++ = zone_minutes < 0 ? '-' : '+';
	p = two(p, z / 60 % 100);
	p = two(p, z % 60);
	*p++ = '"';
	*p = '\0';
	return out;
}

void mboxfmt_set(struct sbuf *out, const uint32_t *nums, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && nums[j + 1] == nums[j] + 1)
			j++;
		if (i > 0)
			sbuf_addc(out, ',');
		if (j == i)
			sbuf_printf(out, "%u", nums[i]);
		else
			sbuf_printf(out, "%u:%u", nums[i], nums[j]);
		i = j + 1;
	}
}
