/*
 * imap_types.h - the IMAP values that the parser hands to the store and
 * the MIME code: strings, sequence sets, flags, section specs, STORE
 * operations and dates (RFC2060 §9).  No dependencies, so that store/
 * and mime/ can use them without knowing the protocol layer; the AST of
 * a whole command (proto/ast.h) is built from them.
 */
#ifndef IMAPD_UTIL_IMAP_TYPES_H
#define IMAPD_UTIL_IMAP_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Which wire form a string arrived in (RFC2060 §4.3), kept so that the
 * printer can reproduce a literal as a literal.  ("INBOX" is
 * case-insensitive in every form, RFC3501 §5.1: store_name_check.) */
enum imap_str_form {
	IMAP_STR_ATOM,     /* atom, or astring made of ASTRING-CHARs */
	IMAP_STR_QUOTED,   /* quoted, escapes already removed */
	IMAP_STR_LITERAL,  /* literal, 8-bit clean, may contain NUL */
};

/* A binary-safe string: astring, string, nstring, atom (RFC2060 §4.3). */
struct imap_string {
	const char *data;  /* NUL-terminated copy in the arena; may hold NULs */
	size_t len;
	enum imap_str_form form;
	/* A literal spooled to a file instead of memory (large APPEND
	 * messages, RFC2060 §6.3.11): the file descriptor, or -1. */
	int spool_fd;
};

/* seq-range / seq-number (RFC3501 §9).  0 stands for "*". */
#define IMAP_SEQ_STAR 0u
struct imap_seq_range {
	uint32_t lo;  /* first number as written (may exceed hi: "5:1") */
	uint32_t hi;  /* second number, or the same as lo for a single one */
};

/* sequence-set (RFC2060 §9 `set`). */
struct imap_seq_set {
	size_t n;
	struct imap_seq_range *ranges;
	/* RFC5182 §3 seq-last-command: "$", the messages of the last saved
	 * SEARCH result (n is 0 then). */
	bool saved;
};

/* System flags that have an IMAP name (RFC2060 §2.3.2). */
enum imap_sysflag {
	IMAP_FLAG_ANSWERED = 1 << 0,
	IMAP_FLAG_FLAGGED  = 1 << 1,
	IMAP_FLAG_DELETED  = 1 << 2,
	IMAP_FLAG_SEEN     = 1 << 3,
	IMAP_FLAG_DRAFT    = 1 << 4,
	IMAP_FLAG_RECENT   = 1 << 5,  /* never storable; parsed to report it */
};

/* flag-list (RFC2060 §9): system flags as bits, the rest by name. */
struct imap_flags {
	unsigned sys;             /* enum imap_sysflag bits */
	size_t nkeywords;
	const char **keywords;    /* flag-keyword atoms, as written */
	size_t nextensions;
	const char **extensions;  /* "\" atom flags we do not know, with the "\" */
};

/* section-text / section-spec (RFC2060 §9 `section`). */
enum imap_section_text {
	IMAP_SECTION_NONE,           /* BODY[] or BODY[1.2] */
	IMAP_SECTION_HEADER,
	IMAP_SECTION_HEADER_FIELDS,
	IMAP_SECTION_HEADER_FIELDS_NOT,
	IMAP_SECTION_TEXT,
	IMAP_SECTION_MIME,           /* only after a part number */
};

struct imap_section {
	size_t nparts;
	uint32_t *parts;             /* section-part: nz-number *("." nz-number) */
	enum imap_section_text text;
	size_t nfields;
	struct imap_string *fields;  /* header-list for HEADER.FIELDS(.NOT) */
};

/* store-att-flags (RFC2060 §9). */
enum imap_store_op {
	IMAP_STORE_REPLACE,  /* FLAGS */
	IMAP_STORE_ADD,      /* +FLAGS */
	IMAP_STORE_REMOVE,   /* -FLAGS */
};

/* A calendar date without time or zone (RFC2060 §9 `date`). */
struct imap_date {
	int year;   /* 4 digits */
	int month;  /* 1..12 */
	int day;    /* 1..31, checked against the month */
};

/* date-time (RFC2060 §9), as written plus the instant it names. */
struct imap_datetime {
	struct imap_date date;
	int hour, min, sec;
	int zone_minutes;  /* east of UTC, e.g. -0800 is -480 */
	time_t t;          /* the instant in UTC */
};

#endif
