/*
 * mime.h - message structure for FETCH and SEARCH: the MIME parse tree,
 * ENVELOPE, BODY/BODYSTRUCTURE, section data, and search matching.
 *
 * Sizes and offsets: IMAP counts every message in its CRLF form
 * (RFC3501 §2.3.4: a maildir file with bare LF line ends is sent as if
 * each LF were CRLF).  We call that the "virtual" form.  The parse tree
 * keeps both: physical offsets into the caller's buffer (to read the
 * bytes) and virtual sizes (what RFC822.SIZE, BODYSTRUCTURE and partial
 * fetches count).  A bare CR not followed by LF counts as one octet, as
 * it is sent unchanged.
 *
 * Memory: everything this module returns lives in the `struct arena`
 * the caller passes (one per command), or is appended to the caller's
 * `struct sbuf`.  Strings in the tree point into the arena, never into
 * the message buffer, so the buffer may be unmapped after parsing except
 * where a function below takes it again (sections, search).
 *
 * Errors are values: functions return false / NULL only when the arena
 * or sbuf ran out of memory (its limit), never for malformed mail, which
 * is always given some structure (RFC2045 §5.2 defaults).
 */
#ifndef IMAPD_MIME_MIME_H
#define IMAPD_MIME_MIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/imap_types.h"
#include "util/arena.h"
#include "util/sbuf.h"

/* Nesting deeper than this (multipart inside multipart, or message/rfc822
 * inside message/rfc822) is not descended into: the part at the limit is
 * reported as application/octet-stream.  Real mail nests a handful of
 * levels; the cap keeps recursion bounded on hostile input. */
#define MIME_MAX_DEPTH 64
/* At most this many parts per message; later boundaries are not split. */
#define MIME_MAX_PARTS 10000

/* A byte string in the arena; data == NULL means "absent" (NIL). */
struct mime_str {
	const char *data;  /* NUL-terminated copy; may also hold NULs */
	size_t len;
};

/* One Content-Type or Content-Disposition parameter (RFC2045 §5.1).
 * RFC 2231 continuations (name*0, name*1, ...) are already joined; a
 * name ending in "*" marks an RFC 2231 extended value that is still in
 * its charset'language'%XX form, as Dovecot reports it. */
struct mime_param {
	struct mime_str name;   /* as written, case kept */
	struct mime_str value;  /* unquoted */
};

struct mime_params {
	size_t n;
	struct mime_param *v;
};

enum mime_kind {
	MIME_KIND_LEAF,       /* any non-multipart, non-message/rfc822 part */
	MIME_KIND_MULTIPART,  /* children in .child */
	MIME_KIND_MESSAGE,    /* message/rfc822: the encapsulated message in .child */
};

/*
 * One MIME entity.  The root is the message itself (its header is the
 * RFC 2822 header).  A message/rfc822 part has exactly one child: the
 * encapsulated message, whose range is the part's body.
 */
struct mime_part {
	/* Physical byte ranges in the message buffer. */
	size_t hdr_off;      /* start of the header block */
	size_t hdr_len;      /* header block incl. the blank line, if any */
	size_t body_off;     /* start of the body (= hdr_off + hdr_len) */
	size_t body_len;     /* body, excl. the line end before a boundary */
	/* The same in the CRLF ("virtual") form: offsets from the start of
	 * the message, and sizes. */
	size_t hdr_voff;
	size_t hdr_vsize;
	size_t body_voff;    /* = hdr_voff + hdr_vsize */
	size_t body_vsize;
	size_t body_lines;   /* LFs in the body (BODYSTRUCTURE body-fld-lines) */
	bool hdr_has_blank;  /* the header ended with an empty line */

	enum mime_kind kind;
	/* Content-Type (RFC2045 §5).  Missing or invalid: text/plain with
	 * no parameters (RFC2045 §5.2); case is kept as written. */
	struct mime_str type, subtype;
	struct mime_params params;
	bool ctype_defaulted;       /* no valid Content-Type header */
	struct mime_str id;          /* Content-ID, raw */
	struct mime_str description; /* Content-Description, raw */
	struct mime_str encoding;    /* Content-Transfer-Encoding token */
	struct mime_str md5;         /* Content-MD5 */
	struct mime_str disposition; /* Content-Disposition type (RFC2183) */
	struct mime_params disp_params;
	size_t nlanguages;           /* Content-Language (RFC3066) tags */
	struct mime_str *languages;
	struct mime_str location;    /* Content-Location (RFC2557) */

	struct mime_part *parent;
	struct mime_part *child;     /* first child / encapsulated message */
	struct mime_part *next;      /* next sibling */
	size_t nchildren;
	unsigned depth;              /* root is 0 */
};

/* ---- parsing ---------------------------------------------------------- */

/*
 * Parse a whole message (LF, CRLF or mixed line ends; any bytes, NULs
 * included) into a tree allocated in `a`.  Returns the root, or NULL
 * only when the arena is exhausted.  The tree records physical offsets
 * into `msg`; keep `msg` to fetch sections or search.
 */
struct mime_part *mime_parse(struct arena *a, const char *msg, size_t len);

/* Called every few megabytes of a long scan with the stored octets done,
 * so that the caller can let go of the pages behind. */
typedef void mime_progress_fn(void *ctx, const char *done_upto);

/*
 * mime_parse() reporting progress: the parse reads the message a few
 * times over (once per nesting level), and calls progress(ctx, p) every
 * few megabytes with the position p it has reached in the current pass,
 * so that a caller with the message mapped can let go of the pages
 * behind p (they are read again if a later pass comes back to them).
 */
struct mime_part *mime_parse_progress(struct arena *a, const char *msg, size_t len,
				      mime_progress_fn *progress, void *ctx);

/*
 * Parse only the header block at the start of `msg` (len may stop right
 * after the header: read a file's first pages and pass them).  Fills
 * the root's header range, Content-* fields and kind; body fields stay
 * zero and there are no children.  Returns NULL only on arena failure.
 */
struct mime_part *mime_parse_header(struct arena *a, const char *msg, size_t len);

/*
 * Length of the header block at the start of `data`, incl. the empty
 * line that ends it.  *complete_r tells whether that empty line was
 * found; when it is false the header may continue past `len` (read
 * more and call again) or the message has no body.
 */
size_t mime_header_len(const char *data, size_t len, bool *complete_r);

/* Size of `data` in the CRLF form, and its number of LFs (lines). */
void mime_crlf_size(const char *data, size_t len, size_t *vsize_r, size_t *lines_r);

/* ---- header fields ---------------------------------------------------- */

/* One header field as found in a header block. */
struct mime_field {
	const char *name;   /* points into the header; not NUL-terminated */
	size_t name_len;    /* without trailing WSP before ':' */
	const char *value;  /* after the colon, raw, folding kept */
	size_t value_len;   /* up to, excl., the final line end */
	const char *raw;    /* the whole field incl. its final line end */
	size_t raw_len;
	bool has_colon;     /* false for a malformed line without ':' */
};

struct mime_field_iter {
	const char *p, *end;
};

/* Iterate over the fields of a header block (stops at the blank line). */
void mime_field_iter_init(struct mime_field_iter *it, const char *hdr, size_t len);
/* Next field in *f_r; false at the end of the header. */
bool mime_field_next(struct mime_field_iter *it, struct mime_field *f_r);

/* Case-insensitive field-name match (RFC2822 §1.2.2). */
bool mime_field_is(const struct mime_field *f, const char *name, size_t name_len);

/*
 * The value of the last field called `name` (case-insensitive),
 * unfolded (CRLF before WSP removed, RFC2822 §2.2.3) and trimmed, NUL
 * bytes kept.  Returns false when there is no such field (or no memory:
 * then value_r->data is NULL too).
 */
bool mime_header_get(struct arena *a, const char *hdr, size_t hdr_len,
		     const char *name, struct mime_str *value_r);

/* ---- ENVELOPE, BODY, BODYSTRUCTURE (RFC3501 §7.4.2) -------------------- */

/*
 * Append the ENVELOPE of the header block `hdr` to `out` in IMAP syntax,
 * "(" date subject from sender reply-to to cc bcc in-reply-to
 * message-id ")".  Values are the raw header text, unfolded, not RFC 2047
 * decoded; sender and reply-to default to from; groups are written as
 * RFC3501 §7.4.2 says; a NUL in a value becomes U+FFFD (IMAP strings
 * cannot hold NUL).  Where a field repeats, the last one is used, except
 * that repeated address fields are concatenated (as Dovecot does).
 * Needs only the header bytes: this is the fast path for FETCH ENVELOPE.
 * Returns false when `out` or `a` ran out of memory.
 */
bool mime_envelope_write(struct sbuf *out, struct arena *a, const char *hdr, size_t hdr_len);

/*
 * Append BODYSTRUCTURE (extended = true) or BODY (false) of the parsed
 * message `root` to `out` (RFC3501 §7.4.2).  `msg` is the buffer that
 * was parsed (the envelopes of message/rfc822 parts are read from it).
 * Text parts without a charset get ("charset" "us-ascii"), as Dovecot
 * does (RFC2045 §5.2 default made explicit).  Returns false on no memory.
 */
bool mime_bodystructure_write(struct sbuf *out, struct arena *a, const char *msg,
			      const struct mime_part *root, bool extended);

/* ---- section data for FETCH (RFC3501 §6.4.5) --------------------------- */

/*
 * Append to `out` the CRLF-form octets that BODY[section]<partial>
 * returns for the message `msg` parsed as `root`: the whole message,
 * HEADER, TEXT, HEADER.FIELDS[.NOT], a part's body, its MIME header, and
 * the HEADER/TEXT of message/rfc822 parts.  A section that does not
 * exist gives no octets (the caller sends "", RFC3501 §6.4.5).  With
 * `partial`, octets [start, start + count) of that form are given (none
 * when start is past the end).  Header-field subsets keep each field's
 * original bytes (continuation lines included) and end with the blank
 * line, unless the header had none (RFC3501 §6.4.5).  RFC822,
 * RFC822.HEADER and RFC822.TEXT are BODY[], BODY[HEADER] and BODY[TEXT].
 * NUL octets are given as 0x80 (a literal cannot carry NUL; sizes stay).
 * Returns false only when `out` or `a` ran out of memory.
 */
bool mime_section_write(struct sbuf *out, struct arena *a, const char *msg, size_t len,
			const struct mime_part *root, const struct imap_section *sec,
			bool partial, uint32_t start, uint32_t count);

/*
 * Find the part a section's part numbers name (RFC3501 §6.4.5 numbering:
 * part 1 of a non-multipart message is its body; the numbers after a
 * message/rfc822 part count the encapsulated message's parts).  Returns
 * NULL when there is no such part; with nparts == 0, the root.
 */
const struct mime_part *mime_section_part(const struct mime_part *root,
					   const uint32_t *parts, size_t nparts);

/*
 * Append data[0..len) in the CRLF form, skipping the first `skip`
 * octets of that form and giving at most `count` (SIZE_MAX: all).
 */
void mime_crlf_copy(struct sbuf *out, const char *data, size_t len, size_t skip, size_t count);

/*
 * Sections too large to build in memory (a 500 MB attachment) are sent
 * piecewise: mime_section_span() says which stored octets a section is
 * the CRLF form of, and a struct mime_crlf_stream produces that form a
 * buffer at a time, exactly as mime_section_write() would have.
 */
struct mime_span {
	const char *data;    /* stored octets (within the message) */
	size_t len;
	uint64_t skip;       /* the window of their CRLF form: [skip, skip + count) */
	uint64_t count;      /* UINT64_MAX: to the end */
	/* Where a stream may start: a line start at or before the window
	 * (set by mime_span_size, so that streaming a window deep inside a
	 * large message does not walk it again). */
	size_t from_pos;
	uint64_t from_vpos;
};

/*
 * The span of BODY[section]<partial> when it is a plain range of the
 * message in CRLF form (every section but HEADER.FIELDS[.NOT], whose
 * fields are picked out); false for those, and for a part that does not
 * exist: use mime_section_write().
 */
bool mime_section_span(const char *msg, size_t len, const struct mime_part *root,
		       const struct imap_section *sec, bool partial, uint32_t start,
		       uint32_t count, struct mime_span *span_r);

/* The number of octets a span gives (scanning its stored octets up to
 * the end of its window); notes where a stream of it may start. */
uint64_t mime_span_size(struct mime_span *span, mime_progress_fn *progress, void *ctx);

struct mime_crlf_stream {
	struct mime_span span;
	size_t pos;          /* next stored octet */
	uint64_t vpos;       /* CRLF-form position of pos */
	bool lf_due;         /* the CR of a bare LF went out, the LF not yet */
};

void mime_crlf_stream_init(struct mime_crlf_stream *st, const struct mime_span *span);

/* Write up to cap octets of the span's CRLF form to buf (NUL given as
 * 0x80, as mime_section_write); returns how many, 0 at the end. */
size_t mime_crlf_stream_read(struct mime_crlf_stream *st, char *buf, size_t cap);

/* The stored octet the stream has reached (for releasing pages behind). */
static inline const char *mime_crlf_stream_at(const struct mime_crlf_stream *st)
{
	return st->span.data + st->pos;
}

/* ---- BINARY (RFC3516) ----------------------------------------------------- */

/* A part's Content-Transfer-Encoding as decoding sees it. */
enum mime_cte {
	MIME_CTE_IDENTITY,  /* 7bit, 8bit or none (RFC2045 §6.1): lines in CRLF form */
	MIME_CTE_BINARY,    /* binary: the octets as stored */
	MIME_CTE_BASE64,
	MIME_CTE_QP,        /* quoted-printable; line ends come out as CRLF */
	MIME_CTE_UNKNOWN,   /* anything else (x-uuencode ...): NO [UNKNOWN-CTE] */
};

enum mime_cte mime_part_cte(const struct mime_part *p);

/*
 * The decoded octets of a section, a buffer at a time: `prefix` as it is,
 * then data[0..len) with its encoding undone; of all that, the window
 * [skip, skip + count) (a partial fetch counts in decoded octets, RFC3516
 * §4.2).  NUL octets are kept.  The stored data is only read, so a
 * decoder can be copied to run ahead (mime_decoder_size).
 */
/* One piece of a decoder's output: prefix as it is, then data decoded. */
struct mime_segment {
	enum mime_cte cte;
	const char *prefix;
	size_t prefix_len;
	const char *data;
	size_t len;
	bool prev_cr;              /* the octet before data is a CR (CRLF form) */
};

struct mime_decoder {
	const struct mime_segment *next;  /* segments still to come, after this one */
	size_t nnext;
	bool prev_cr;
	enum mime_cte cte;
	const char *prefix;
	size_t prefix_len, ppos;
	const char *data;
	size_t len, pos;
	uint64_t skip, count, vpos;
	unsigned acc;              /* base64: bits not yet output */
	int bits;
	bool ended;                /* base64: "=" seen */
	size_t run_end;            /* QP: white space up to here is kept (a long run
				    * spans reads without being looked at again) */
	mime_progress_fn *progress;  /* called every megabyte of data read, */
	void *progress_ctx;        /* also while skipping to a window */
	size_t reported;
};

void mime_decoder_init(struct mime_decoder *d, enum mime_cte cte, const char *prefix,
		       size_t prefix_len, const char *data, size_t len, uint64_t skip, uint64_t count);

/* Up to cap (>= 2) decoded octets of the window into buf; 0 at the end. */
size_t mime_decoder_read(struct mime_decoder *d, char *buf, size_t cap);

/* The stored octet the decoder has reached (for releasing pages behind). */
static inline const char *mime_decoder_at(const struct mime_decoder *d)
{
	return d->data + d->pos;
}

/* A decoder of several segments in a row (in the caller's memory). */
void mime_decoder_init_segments(struct mime_decoder *d, const struct mime_segment *segs,
				size_t n, uint64_t skip, uint64_t count);

/* Have progress(ctx, p) called every megabyte of stored octets the
 * decoder reads (p: how far it got), so that the caller can let go of the
 * pages behind. */
void mime_decoder_set_progress(struct mime_decoder *d, mime_progress_fn *progress, void *ctx);

/* How many octets the decoder will give, and whether one of them is NUL
 * (then they must go in a literal8), found by decoding once without
 * keeping anything (progress reported as set). */
uint64_t mime_decoder_size(const struct mime_decoder *d, bool *has_nul_r);

enum mime_binary_result {
	MIME_BINARY_OK,
	MIME_BINARY_NONE,         /* no such part: empty */
	MIME_BINARY_UNKNOWN_CTE,  /* RFC3516 §4.3: NO [UNKNOWN-CTE] */
	MIME_BINARY_NOMEM,
};

/*
 * BINARY[section-part]<partial> (RFC3516 §4.2) of the message `msg` parsed
 * as `root`: a decoder of that part's body (part numbers as BODY[]); with
 * no part, the whole message with every part's body decoded under its
 * header, whose encoding now says "binary" (as Dovecot gives it; the
 * rewritten headers and the list of pieces are in `a`).
 */
enum mime_binary_result mime_binary_section(struct arena *a, const char *msg, size_t len,
					    const struct mime_part *root, const uint32_t *parts,
					    size_t nparts, bool partial, uint32_t start,
					    uint32_t count, struct mime_decoder *d_r);

typedef void mime_write_fn(void *ctx, const char *data, size_t len);

/*
 * APPEND with literal8 (RFC3516 §4.4): a message whose parts may hold
 * octets no literal can carry.  Every leaf part with a NUL, a CR or LF
 * outside a CRLF pair, or the binary encoding is written as base64 (its
 * header says so now), the rest as it was, through out(ctx, ...): the
 * encoding changes, no data is lost.  *changed_r false (and nothing
 * written) when no part needed it.  False on no memory.
 */
bool mime_binary_encode(struct arena *a, const char *msg, size_t len, mime_write_fn *out,
			void *ctx, bool *changed_r);

/* ---- decoding and charsets --------------------------------------------- */

enum mime_cs_result {
	MIME_CS_OK,
	MIME_CS_UNKNOWN,  /* iconv does not know the charset: NO [BADCHARSET] */
	MIME_CS_NOMEM,
};

/*
 * Convert `in` from `charset` to UTF-8 with iconv into the arena
 * (NUL-terminated).  Invalid input sequences become U+FFFD; UTF-8 and
 * US-ASCII input (and charset NULL) is copied unchecked.  Returns
 * MIME_CS_UNKNOWN for a charset iconv cannot open (SEARCH CHARSET answers
 * NO [BADCHARSET], RFC3501 §6.4.4).
 */
enum mime_cs_result mime_charset_to_utf8(struct arena *a, const char *charset,
					 const char *in, size_t len, struct mime_str *out_r);

/* Base64 (RFC2045 §6.8) and quoted-printable (§6.7) decoding, lenient
 * about garbage; the result is in the arena.  False on no memory. */
bool mime_base64_decode(struct arena *a, const char *in, size_t len, struct mime_str *out_r);
bool mime_qp_decode(struct arena *a, const char *in, size_t len, struct mime_str *out_r);

/*
 * Unfold a header value and decode RFC 2047 encoded-words into UTF-8
 * (white space between adjacent encoded-words dropped, §6.2; a word in
 * an unknown charset is kept as written).  Other bytes are kept.
 */
bool mime_header_decode(struct arena *a, const char *value, size_t len, struct mime_str *out_r);

/*
 * A parameter's value in UTF-8: an RFC 2231 extended value ("name*",
 * charset'language'%XX) is percent-decoded and converted from its
 * charset; a plain value has its RFC 2047 encoded-words decoded (mailers
 * write filename="=?UTF-8?Q?...?=").  False on no memory.
 */
bool mime_param_utf8(struct arena *a, const struct mime_param *p, struct mime_str *out_r);

/* The body of a leaf part, transfer-decoded and converted to UTF-8 from
 * its charset (unknown charsets: bytes kept).  False on no memory. */
bool mime_part_text_utf8(struct arena *a, const char *msg, const struct mime_part *part,
			 struct mime_str *out_r);

/* ---- SEARCH (RFC3501 §6.4.4) ------------------------------------------ */

/* A search string, case-folded, ready to match. */
struct mime_needle {
	char *folded;   /* UTF-8, simple case folding applied */
	size_t len;
};

/* Case-fold the UTF-8 string `utf8` (Unicode simple case folding via
 * the C.UTF-8 locale; ASCII/Latin-1 if that is missing) into the arena. */
bool mime_needle_init(struct mime_needle *n, struct arena *a, const char *utf8, size_t len);

/* True when `hay` (UTF-8) contains the needle, case-insensitively. */
bool mime_match_utf8(const struct mime_needle *n, struct arena *a, const char *hay, size_t len);

/*
 * SEARCH HEADER name string (and FROM/TO/CC/BCC/SUBJECT): true when a
 * field called `name` exists whose value, unfolded and RFC 2047-decoded,
 * contains the needle.  An empty needle matches any message having the
 * field.
 */
bool mime_search_header(const struct mime_needle *n, struct arena *a,
			const char *hdr, size_t hdr_len, const char *name);

/*
 * SEARCH FROM / TO / CC / BCC (RFC3501 §6.4.4: "the envelope structure's
 * FROM field"): true when a field called `name` contains the needle
 * either as written (unfolded, RFC 2047-decoded) or in the form ENVELOPE
 * gives its addresses, "Name <mailbox@host>, ..." with comments, quoting
 * and white space inside the address gone, so that a message whose
 * ENVELOPE shows joe@example.com is found by that string even when the
 * header says <joe(work)@example.com>.
 */
bool mime_search_address(const struct mime_needle *n, struct arena *a,
			 const char *hdr, size_t hdr_len, const char *name);

/* SEARCH BODY: the decoded text of the message's text parts (and the
 * headers of encapsulated messages). */
bool mime_search_body(const struct mime_needle *n, struct arena *a, const char *msg,
		      const struct mime_part *root);

/* SEARCH TEXT: the header (all fields, decoded) or the body. */
bool mime_search_text(const struct mime_needle *n, struct arena *a, const char *msg,
		      const struct mime_part *root);

/* ---- Date: (RFC2822 §3.3) ---------------------------------------------- */

struct mime_date {
	int year, month, day;    /* as written, in the message's own zone */
	int hour, min, sec;
	int zone_minutes;        /* east of UTC; 0 when absent or unknown */
	time_t t;                /* the instant, UTC */
};

/*
 * Parse an RFC 2822 date-time, tolerating the usual breakage: no day of
 * week, 2- or 3-digit years (RFC2822 §4.3), obsolete and unknown zone
 * names, a comment after the zone, no seconds, asctime() order
 * ("Mon Feb  7 21:52:25 1994"), ISO 8601 "1994-02-07 21:52:25".
 * Returns false when no date can be recognised.
 */
bool mime_date_parse(const char *s, size_t len, struct mime_date *d_r);

/* The Date: field of a header block, parsed (SENTBEFORE/SENTON/SENTSINCE
 * compare d_r's year/month/day: RFC3501 §6.4.4 ignores time and zone). */
bool mime_header_date(struct arena *a, const char *hdr, size_t hdr_len, struct mime_date *d_r);

#endif
