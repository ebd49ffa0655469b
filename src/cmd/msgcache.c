/*
 * msgcache.c - the message cache's contents (see msgcache.h).
 */
#include "cmd/msgcache.h"

#include <string.h>

/*
 * The header fields kept: the union of what mail clients fetch to list
 * messages (BODY.PEEK[HEADER.FIELDS (...)]): Thunderbird (From To Cc
 * Bcc Subject Date Message-ID Priority X-Priority References Newsgroups
 * In-Reply-To Content-Type Reply-To), mutt/neomutt (Date From Sender
 * Subject To Cc Message-ID References Content-Type Content-Description
 * In-Reply-To Reply-To Lines List-Post List-Subscribe List-Unsubscribe
 * X-Label X-Original-To), Apple Mail (Date Subject From To Cc Message-ID
 * In-Reply-To References X-Priority X-Uniform-Type-Identifier
 * X-Universally-Unique-Identifier List-Id List-Unsubscribe), K-9
 * (Chat-Version X-K9mail-Identity), Evolution and Roundcube (MIME-Version
 * Importance Disposition-Notification-To).  Long trace fields
 * (Received, DKIM-Signature, Authentication-Results) are left out: a
 * request naming them reads the message.
 */
static const char *const fields[] = {
	"Date", "Subject", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID",
	"In-Reply-To", "References", "Content-Type", "Content-Description", "MIME-Version",
	"Priority", "X-Priority", "Importance", "Newsgroups", "Lines", "List-Id", "List-Post",
	"List-Subscribe", "List-Unsubscribe", "X-Label", "X-Original-To",
	"X-Uniform-Type-Identifier", "X-Universally-Unique-Identifier",
	"Disposition-Notification-To", "Chat-Version", "X-K9mail-Identity",
};

/* The fields whose search forms are kept (MSGCACHE_SEARCH), by their
 * number in a form entry.  The address fields (all but Subject) also
 * have an address form (mime_address_form), numbered ADDRESS_FORM + their
 * number, kept apart (MSGCACHE_ADDRESS) and worked out only when a FROM,
 * TO, CC or BCC search first needs it: parsing the address lists was two
 * fifths of a first SEARCH SUBJECT's instructions. */
static const char *const searched[] = { "Subject", "From", "To", "Cc", "Bcc" };
#define ADDRESS_FORM 0x40

static inline unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Index of `name` in list, or -1.  `bylen` lists, for each length
 * below 32, the names of that length (indexes + 1, 0-terminated): only
 * those are compared (this runs for every field of every message a
 * first FETCH or SEARCH reads, most of which are not kept). */
#define BYLEN_MAX 8
static int find_name(const char *const *list, const unsigned char (*bylen)[BYLEN_MAX + 1],
		     const char *name, size_t len)
{
	if (len >= 32)
		return -1;
	unsigned char c0 = lower((unsigned char)name[0]);
	for (const unsigned char *ix = bylen[len]; *ix != 0; ix++) {
		const char *cand = list[*ix - 1];
		if (lower((unsigned char)cand[0]) != c0)
			continue;
		size_t k = 1;
		while (k < len && lower((unsigned char)name[k]) == lower((unsigned char)cand[k]))
			k++;
		if (k == len)
			return *ix - 1;
	}
	return -1;
}

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
#define NSEARCHED (sizeof(searched) / sizeof(searched[0]))
static unsigned char field_bylen[32][BYLEN_MAX + 1], searched_bylen[32][BYLEN_MAX + 1];
static bool lens_ready;

static void index_by_length(const char *const *list, size_t n, unsigned char (*bylen)[BYLEN_MAX + 1])
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list[i]), k = 0;
		if (len >= 32)
			continue;  /* never asked for: find_name says -1 */
		while (k < BYLEN_MAX && bylen[len][k] != 0)
			k++;
		if (k < BYLEN_MAX)  /* the lists above have at most 5 of one length */
			bylen[len][k] = (unsigned char)(i + 1);
	}
}

static void init_lens(void)
{
	if (lens_ready)
		return;
	index_by_length(fields, NFIELDS, field_bylen);
	index_by_length(searched, NSEARCHED, searched_bylen);
	lens_ready = true;
}

bool msgcache_has_field(const char *name, size_t len)
{
	/* Most fields of a message are not kept: a quick no first. */
	if (len < 2 || len > 31)
		return false;
	init_lens();
	return find_name(fields, field_bylen, name, len) >= 0;
}

static int searched_index(const char *name, size_t len)
{
	if (len < 2 || len > 7)
		return -1;
	init_lens();
	return find_name(searched, searched_bylen, name, len);
}

/* What the cache has of the message (looked up once). */
static void lookup(struct msgread *m)
{
	if (m->cache_tried)
		return;
	m->cache_tried = true;
	mbox_cache_get(m->mb, m->seq, MSGCACHE_VERSION, &m->cache);
}

static void set(struct msgread *m, enum msgcache_field f, const struct sbuf *b)
{
	if (b->failed)
		return;
	m->cache.data[f] = b->data != NULL ? b->data : "";
	m->cache.len[f] = (uint32_t)b->len;
	m->added |= 1u << f;
}

static void add_form(struct sbuf *forms, int k, const struct mime_str *v)
{
	uint32_t len = (uint32_t)v->len;
	sbuf_addc(forms, (char)k);
	sbuf_add(forms, &len, sizeof(len));
	sbuf_add(forms, v->data, v->len);
}

/* Append the search forms (or, with address, the address forms of the
 * address fields) of the searched fields of a header block. */
static void add_forms(struct msgread *m, const char *hdr, size_t hlen, struct sbuf *forms,
		      bool address)
{
	struct mime_field_iter it;
	struct mime_field f;
	mime_field_iter_init(&it, hdr, hlen);
	while (mime_field_next(&it, &f)) {
		int k = f.has_colon ? searched_index(f.name, f.name_len) : -1;
		struct mime_str v;
		if (k < 0 || (address && k == 0))
			continue;
		if (!address && mime_search_form(m->scratch, f.value, f.value_len, &v))
			add_form(forms, k, &v);
		else if (address && mime_address_form(m->scratch, f.value, f.value_len, &v))
			add_form(forms, ADDRESS_FORM + k, &v);
	}
}

enum { WANT_ENV = 1, WANT_HDR = 2, WANT_FORMS = 4, WANT_ADDRESS = 8 };

/* From the header block: the ENVELOPE, the kept header fields, their
 * search forms, as `want` says and the cache lacks.  False when the file
 * is gone. */
static bool from_header(struct msgread *m, unsigned want)
{
	if (m->cache.data[MSGCACHE_ENVELOPE] != NULL)
		want &= ~(unsigned)WANT_ENV;
	if (m->cache.data[MSGCACHE_HEADERS] != NULL)
		want &= ~(unsigned)WANT_HDR;
	if (m->cache.data[MSGCACHE_SEARCH] != NULL)
		want &= ~(unsigned)WANT_FORMS;
	if (m->cache.data[MSGCACHE_ADDRESS] != NULL)
		want &= ~(unsigned)WANT_ADDRESS;
	if (want == 0)
		return true;
	/* Forms alone come from the kept fields: no file to read. */
	const char *hdr = NULL;
	size_t hlen = 0;
	if ((want & (WANT_ENV | WANT_HDR)) || m->cache.data[MSGCACHE_HEADERS] == NULL) {
		if (!msgread_header(m))
			return false;
		hdr = m->body.data;
		hlen = m->hdr_len;
	}
	if (want & WANT_ENV) {
		struct sbuf env;
		sbuf_init(&env, m->scratch);
		mime_envelope_write(&env, m->scratch, hdr, hlen);
		set(m, MSGCACHE_ENVELOPE, &env);
	}
	if (want & WANT_HDR) {
		struct sbuf block;
		sbuf_init(&block, m->scratch);
		struct mime_field_iter it;
		struct mime_field f;
		mime_field_iter_init(&it, hdr, hlen);
		while (mime_field_next(&it, &f)) {
			if (!f.has_colon || !msgcache_has_field(f.name, f.name_len))
				continue;
			/* Its own octets; a last line without its line end gets
			 * the CRLF HEADER.FIELDS gives it (after a bare CR too). */
			sbuf_add(&block, f.raw, f.raw_len);
			if (f.raw_len == 0 || f.raw[f.raw_len - 1] != '\n')
				sbuf_adds(&block, f.raw_len > 0 && f.raw[f.raw_len - 1] == '\r' ? "\r\n"
											: "\n");
		}
		if (m->hdr_complete)
			sbuf_addc(&block, '\n');
		set(m, MSGCACHE_HEADERS, &block);
	}
	/* The searched fields are among the kept ones: from the kept block
	 * when there is one, not again over the whole header with its
	 * Received and DKIM-Signature lines. */
	if (m->cache.data[MSGCACHE_HEADERS] != NULL) {
		hdr = m->cache.data[MSGCACHE_HEADERS];
		hlen = m->cache.len[MSGCACHE_HEADERS];
	}
	for (unsigned w = WANT_FORMS; w <= WANT_ADDRESS; w <<= 1) {
		if (!(want & w))
			continue;
		struct sbuf b;
		sbuf_init(&b, m->scratch);
		add_forms(m, hdr, hlen, &b, w == WANT_ADDRESS);
		set(m, w == WANT_ADDRESS ? MSGCACHE_ADDRESS : MSGCACHE_SEARCH, &b);
	}
	return true;
}

/* The search forms (want: WANT_FORMS, WANT_ADDRESS or both), from the
 * cached header fields if there, else from the file (keeping the fields
 * too).  False when the file is gone. */
static bool search_forms(struct msgread *m, unsigned want)
{
	lookup(m);
	return from_header(m, WANT_HDR | want);
}

/* Whether a form record (number, length, octets; one after the other)
 * has a form numbered k that contains the needle. */
static bool forms_match(const char *p, size_t left, int k, const struct mime_needle *n)
{
	while (left >= 5) {
		uint32_t len;
		memcpy(&len, p + 1, sizeof(len));
		if (len > left - 5)
			break;  /* damaged: the record's hash would have caught it */
		if (p[0] == k && mime_needle_in(n, p + 5, len))
			return true;
		p += 5 + len;
		left -= 5 + len;
	}
	return false;
}

bool msgcache_envelope(struct msgread *m, struct sbuf *out)
{
	lookup(m);
	if (m->cache.data[MSGCACHE_ENVELOPE] == NULL && m->cache.data[MSGCACHE_HEADERS] != NULL) {
		/* The kept fields hold every field ENVELOPE reads, in their
		 * order: the same ENVELOPE without reading the file. */
		struct sbuf env;
		sbuf_init(&env, m->scratch);
		mime_envelope_write(&env, m->scratch, m->cache.data[MSGCACHE_HEADERS],
				    m->cache.len[MSGCACHE_HEADERS]);
		set(m, MSGCACHE_ENVELOPE, &env);
	}
	if (m->cache.data[MSGCACHE_ENVELOPE] == NULL && !from_header(m, WANT_ENV | WANT_HDR))
		return false;
	if (m->cache.data[MSGCACHE_ENVELOPE] != NULL)
		sbuf_add(out, m->cache.data[MSGCACHE_ENVELOPE], m->cache.len[MSGCACHE_ENVELOPE]);
	else  /* out of memory working it out: as without the cache */
		mime_envelope_write(out, m->scratch, m->body.data, m->hdr_len);
	return true;
}

bool msgcache_bodystructure(struct msgread *m, bool extended, struct sbuf *out)
{
	enum msgcache_field f = extended ? MSGCACHE_BODYSTRUCTURE : MSGCACHE_BODY;
	lookup(m);
	if (m->cache.data[f] == NULL) {
		const struct mime_part *root = msgread_tree(m);
		if (!m->opened)
			return false;
		if (root == NULL)
			return true;  /* out of memory: no structure */
		struct sbuf b;
		sbuf_init(&b, m->scratch);
		mime_bodystructure_write(&b, m->scratch, m->body.data, root, extended);
		set(m, f, &b);
		if (m->cache.data[f] == NULL)
			return true;
	}
	sbuf_add(out, m->cache.data[f], m->cache.len[f]);
	return true;
}

bool msgcache_header_block(struct msgread *m, const struct imap_section *sec,
			   const char **hdr_r, size_t *len_r, bool *gone_r)
{
	*gone_r = false;
	if (sec->nparts != 0 || sec->text != IMAP_SECTION_HEADER_FIELDS)
		return false;
	for (size_t i = 0; i < sec->nfields; i++)
		if (!msgcache_has_field(sec->fields[i].data, sec->fields[i].len))
			return false;
	lookup(m);
	if (m->cache.data[MSGCACHE_HEADERS] == NULL && !from_header(m, WANT_HDR)) {
		*gone_r = true;
		return false;
	}
	if (m->cache.data[MSGCACHE_HEADERS] == NULL)
		return false;
	*hdr_r = m->cache.data[MSGCACHE_HEADERS];
	*len_r = m->cache.len[MSGCACHE_HEADERS];
	return true;
}

/* The search without the forms: over the header block given. */
static int search_block(const struct mime_needle *n, struct arena *a, const char *hdr,
			size_t len, const char *field, bool address)
{
	return address ? mime_search_address(n, a, hdr, len, field)
		       : mime_search_header(n, a, hdr, len, field);
}

int msgcache_search_header(struct msgread *m, const struct mime_needle *n, const char *field,
			   bool address)
{
	size_t flen = strlen(field);
	int k = searched_index(field, flen);
	if (address && k == 0)
		k = -1;  /* Subject has no address form kept: its kept octets */
	if (k < 0 && !msgcache_has_field(field, flen)) {
		/* Not kept: the message's own header. */
		if (!msgread_header(m))
			return -1;
		return search_block(n, m->scratch, m->body.data, m->hdr_len, field, address);
	}
	if (k < 0) {
		/* A kept field that has no search form: the kept octets. */
		lookup(m);
		if (m->cache.data[MSGCACHE_HEADERS] == NULL && !from_header(m, WANT_HDR))
			return -1;
		if (m->cache.data[MSGCACHE_HEADERS] == NULL) {
			if (!msgread_header(m))
				return -1;
			return search_block(n, m->scratch, m->body.data, m->hdr_len, field, address);
		}
		return search_block(n, m->scratch, m->cache.data[MSGCACHE_HEADERS],
				    m->cache.len[MSGCACHE_HEADERS], field, address);
	}
	/* An address field matches in its text or in its addresses
	 * (mime_search_address). */
	unsigned want = WANT_FORMS | (address ? WANT_ADDRESS : 0);
	if (!search_forms(m, want))
		return -1;
	if (m->cache.data[MSGCACHE_SEARCH] == NULL ||
	    (address && m->cache.data[MSGCACHE_ADDRESS] == NULL)) {  /* out of memory */
		if (!msgread_header(m))
			return -1;
		return search_block(n, m->scratch, m->body.data, m->hdr_len, field, address);
	}
	if (forms_match(m->cache.data[MSGCACHE_SEARCH], m->cache.len[MSGCACHE_SEARCH], k, n))
		return 1;
	return address && forms_match(m->cache.data[MSGCACHE_ADDRESS],
				      m->cache.len[MSGCACHE_ADDRESS], ADDRESS_FORM + k, n);
}

int msgcache_sent_date(struct msgread *m, struct mime_date *d_r)
{
	lookup(m);
	if (m->cache.data[MSGCACHE_HEADERS] == NULL && !from_header(m, WANT_HDR))
		return -1;
	if (m->cache.data[MSGCACHE_HEADERS] != NULL)
		return mime_header_date(m->scratch, m->cache.data[MSGCACHE_HEADERS],
					m->cache.len[MSGCACHE_HEADERS], d_r);
	if (!msgread_header(m))
		return -1;
	return mime_header_date(m->scratch, m->body.data, m->hdr_len, d_r);
}

void msgcache_store(struct msgread *m)
{
	if (m->added == 0)
		return;
	/* Only what is new: the record chains to the message's others. */
	struct mbox_cached add = { 0 };
	for (unsigned f = 0; f < MBOX_CACHE_FIELDS; f++) {
		if (!(m->added & (1u << f)))
			continue;
		add.data[f] = m->cache.data[f];
		add.len[f] = m->cache.len[f];
	}
	mbox_cache_put(m->mb, m->seq, MSGCACHE_VERSION, &add);
}
