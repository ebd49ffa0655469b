/*
 * mime_int.h - helpers shared by the files of src/mime/, not part of the
 * public API (see mime.h).
 */
#ifndef IMAPD_MIME_MIME_INT_H
#define IMAPD_MIME_MIME_INT_H

#include "mime/mime.h"

static inline bool mime_is_wsp(char c) { return c == ' ' || c == '\t'; }

/* Character classes, one lookup instead of strchr() per byte. */
enum {
	MIME_C_ADDR_SPECIAL = 1,  /* RFC2822 §3.2.1 specials: ()<>[]:;@\,." */
	MIME_C_TSPECIAL = 2,      /* RFC2045 §5.1 tspecials */
	MIME_C_QUOTABLE = 4,      /* goes in a quoted string as is: 0x20-0x7e but " \, TAB */
};
extern const unsigned char mime_ctab[256];
static inline bool mime_c_is(char c, unsigned cls) { return (mime_ctab[(unsigned char)c] & cls) != 0; }

/* ASCII case-insensitive comparison of two byte strings. */
bool mime_ieq(const char *a, size_t alen, const char *b, size_t blen);

/* A struct mime_str from a C string literal or range. */
static inline bool mime_str_is(const struct mime_str *s, const char *lit)
{
	size_t n = 0;
	while (lit[n] != '\0')
		n++;
	return s->data != NULL && mime_ieq(s->data, s->len, lit, n);
}

/* Unfold (drop CR and LF, RFC2822 §2.2.3) and trim WSP at both ends into
 * the arena; NUL bytes kept.  False on no memory. */
bool mime_unfold(struct arena *a, const char *v, size_t len, struct mime_str *out_r);

/* RFC2045 §5.1 parsing of Content-Type / Content-Disposition values. */
struct mime_ctype {
	struct mime_str type, subtype;  /* subtype absent for a disposition */
	struct mime_params params;
	bool valid;
};
bool mime_ctype_parse(struct arena *a, const char *v, size_t len, bool want_subtype,
		      struct mime_ctype *ct_r);
/* Content-Language: a list of tags with comments dropped. */
bool mime_language_parse(struct arena *a, const char *v, size_t len,
			 struct mime_str **tags_r, size_t *n_r);
/* The first token of a value (Content-Transfer-Encoding), comments skipped. */
bool mime_token_parse(struct arena *a, const char *v, size_t len, struct mime_str *out_r);
/* The value of parameter `name` (case-insensitive), or NULL. */
const struct mime_str *mime_param_get(const struct mime_params *p, const char *name);

/* Fill a part's Content-* fields from its header block. */
bool mime_part_read_header(struct arena *a, const char *msg, struct mime_part *part,
			   bool digest_child);

/* Address lists (RFC2822 §3.4) for ENVELOPE: write "((...)(...))" or NIL. */
bool mime_address_write(struct sbuf *out, struct arena *a, const char *v, size_t len);

/* An address list as text, the way ENVELOPE sees it: "Name <mbox@host>"
 * per address (name RFC 2047-decoded), ", " between them, groups as
 * "group: a, b;".  Empty for no addresses.  False on no memory. */
bool mime_address_text(struct arena *a, const char *v, size_t len, struct mime_str *out_r);

/* Append an envelope nstring: NULs become U+FFFD. */
void mime_write_nstring(struct sbuf *out, struct arena *a, const char *s, size_t len);

#endif
