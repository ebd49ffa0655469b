/*
 * search_mime.h - the SEARCH keys that need the message text (RFC2060
 * §6.4.4): BCC BODY CC FROM HEADER SUBJECT TEXT TO and SENTBEFORE SENTON
 * SENTSINCE.  search.c answers the index keys itself and calls these.
 */
#ifndef IMAPD_CMD_SEARCH_MIME_H
#define IMAPD_CMD_SEARCH_MIME_H

#include <stdbool.h>

#include "cmd/msgread.h"
#include "mime/mime.h"
#include "proto/ast.h"
#include "store/mailbox.h"
#include "util/arena.h"

/* Whether the key needs the message text. */
bool search_key_is_text(enum imap_search_key_type type);

enum search_prep {
	SEARCH_PREP_OK,
	SEARCH_PREP_BADCHARSET,  /* NO [BADCHARSET] (RFC3501 §6.4.4) */
	SEARCH_PREP_NOMEM,
};

/* A text key made ready: its string converted from the SEARCH CHARSET
 * to UTF-8 and case-folded, its date as a day number. */
struct search_text {
	const struct imap_search_key *key;
	struct mime_needle needle;
	long day;                    /* SENT*: days since 1970-01-01 */
};

/* Prepare key k (charset NULL: US-ASCII/UTF-8) in arena a. */
enum search_prep search_text_prepare(struct arena *a, const char *charset,
				     const struct imap_search_key *k, struct search_text *t_r);

/* One message being searched. */
struct search_msg {
	struct msgread r;
	bool date_tried, has_date;
	long date_day;               /* the Date: header's calendar day */
};

void search_msg_init(struct search_msg *m, struct mailbox *mb, uint32_t seq, struct arena *scratch);
void search_msg_done(struct search_msg *m);

/* Whether message m matches the text key.  A message whose file is gone
 * (expunged by another session) matches nothing. */
bool search_text_match(const struct search_text *t, struct search_msg *m);

#endif
