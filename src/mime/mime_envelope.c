/*
 * mime_envelope.c - FETCH ENVELOPE (RFC3501 §7.4.2).
 *
 * One pass over the header fields picks the ten envelope fields by name;
 * only those are unfolded and parsed.  This is the fast path: FETCH
 * ENVELOPE of a message needs only its header bytes.
 */
#include "mime/mime_int.h"

#include <string.h>

enum env_field {
	ENV_DATE, ENV_SUBJECT, ENV_FROM, ENV_SENDER, ENV_REPLY_TO, ENV_TO, ENV_CC, ENV_BCC,
	ENV_IN_REPLY_TO, ENV_MESSAGE_ID, ENV__COUNT
};

static const struct { const char *name; size_t len; } env_names[ENV__COUNT] = {
	{ "date", 4 }, { "subject", 7 }, { "from", 4 }, { "sender", 6 }, { "reply-to", 8 },
	{ "to", 2 }, { "cc", 2 }, { "bcc", 3 }, { "in-reply-to", 11 }, { "message-id", 10 },
};

static bool is_address(enum env_field f)
{
	return f >= ENV_FROM && f <= ENV_BCC;
}

/* Which envelope field a header field is, or ENV__COUNT. */
static enum env_field classify(const struct mime_field *f)
{
	if (!f->has_colon || f->name_len < 2 || f->name_len > 11)
		return ENV__COUNT;
	for (int i = 0; i < ENV__COUNT; i++)
		if (mime_ieq(f->name, f->name_len, env_names[i].name, env_names[i].len))
			return (enum env_field)i;
	return ENV__COUNT;
}

/* All occurrences of one field, in order (address fields concatenate). */
struct occ {
	const char *v;
	size_t len;
	struct occ *next;
};

static bool write_addresses(struct sbuf *out, struct arena *a, const struct occ *o)
{
	/* Join repeated fields with "," so they read as one list. */
	size_t total = 0, n = 0;
	for (const struct occ *p = o; p != NULL; p = p->next, n++)
		total += p->len + 1;
	if (n == 0) {
		sbuf_adds(out, "NIL");
		return true;
	}
	if (n == 1) {
		struct mime_str u;
		return mime_unfold(a, o->v, o->len, &u) && mime_address_write(out, a, u.data, u.len);
	}
	char *buf = arena_alloc(a, total + 1);
	if (buf == NULL)
		return false;
	size_t k = 0;
	for (const struct occ *p = o; p != NULL; p = p->next) {
		struct mime_str u;
		if (!mime_unfold(a, p->v, p->len, &u))
			return false;
		if (u.len == 0)
			continue;
		if (k > 0)
			buf[k++] = ',';
		memcpy(buf + k, u.data, u.len);
		k += u.len;
	}
	return mime_address_write(out, a, buf, k);
}

/* Does the field have at least one address (RFC3501 §7.4.2: an empty
 * Sender or Reply-To is replaced by From)? */
static bool has_content(const struct occ *o)
{
	for (; o != NULL; o = o->next)
		for (size_t i = 0; i < o->len; i++)
			if (!mime_is_wsp(o->v[i]) && o->v[i] != '\r' && o->v[i] != '\n')
				return true;
	return false;
}

bool mime_envelope_write(struct sbuf *out, struct arena *a, const char *hdr, size_t hdr_len)
{
	struct occ *first[ENV__COUNT] = { NULL }, *last[ENV__COUNT] = { NULL };
	struct mime_field_iter it;
	struct mime_field f;
	mime_field_iter_init(&it, hdr, hdr_len);
	while (mime_field_next(&it, &f)) {
		enum env_field ef = classify(&f);
		if (ef == ENV__COUNT)
			continue;
		struct occ *o = ARENA_NEW(a, struct occ);
		if (o == NULL)
			return false;
		o->v = f.value;
		o->len = f.value_len;
		if (!is_address(ef)) {
			first[ef] = last[ef] = o;  /* the last one wins, as in Dovecot */
		} else if (last[ef] == NULL) {
			first[ef] = last[ef] = o;
		} else {
			last[ef]->next = o;
			last[ef] = o;
		}
	}

	sbuf_addc(out, '(');
	for (int i = 0; i < ENV__COUNT; i++) {
		if (i > 0)
			sbuf_addc(out, ' ');
		if (is_address((enum env_field)i)) {
			const struct occ *o = first[i];
			if ((i == ENV_SENDER || i == ENV_REPLY_TO) && !has_content(o))
				o = first[ENV_FROM];
			if (!write_addresses(out, a, o))
				return false;
			continue;
		}
		if (first[i] == NULL) {
			sbuf_adds(out, "NIL");
			continue;
		}
		struct mime_str u;
		if (!mime_unfold(a, first[i]->v, first[i]->len, &u))
			return false;
		mime_write_nstring(out, a, u.data, u.len);
	}
	sbuf_addc(out, ')');
	return !out->failed;
}
