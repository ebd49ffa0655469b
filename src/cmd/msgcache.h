/*
 * msgcache.h - what FETCH and SEARCH keep in the store's message cache
 * (mailbox.h, mbox_cache_*), and answering from it.
 *
 * Per message, worked out the first time its file is read for them:
 *   - the ENVELOPE text, as mime_envelope_write() gives it;
 *   - BODYSTRUCTURE and BODY, as mime_bodystructure_write() gives them;
 *   - the header fields mail clients list messages by (Thunderbird,
 *     mutt, Apple Mail, K-9, Evolution, Roundcube; msgcache.c), their
 *     raw octets as a header block, from which HEADER.FIELDS of them,
 *     SENT* and SEARCH HEADER on them are answered exactly as from the
 *     message;
 *   - the search forms of Subject, From, To, Cc and Bcc
 *     (mime_search_form), and apart from them, when an address search
 *     first needs them, the address forms of the last four
 *     (mime_address_form), so that SEARCH on them is a substring test.
 * ENVELOPE and the kept fields come from the header alone, together; the
 * search forms when a SEARCH first needs them (from the kept fields, or
 * the header when nothing is cached yet); the structures from a full
 * parse, when asked for.  Each group is added as a record of its own,
 * chained to the message's others.  Everything here gives the octets the
 * message itself would (tests/unit/test_msgcache.c compares both over
 * the corpus of real mail).
 */
#ifndef IMAPD_CMD_MSGCACHE_H
#define IMAPD_CMD_MSGCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/msgread.h"
#include "mime/mime.h"
#include "util/imap_types.h"
#include "util/sbuf.h"

/* Field numbers in the cache. */
enum msgcache_field {
	MSGCACHE_ENVELOPE = 0,
	MSGCACHE_HEADERS = 1,
	MSGCACHE_SEARCH = 2,
	MSGCACHE_BODYSTRUCTURE = 3,
	MSGCACHE_BODY = 4,
	MSGCACHE_ADDRESS = 5,
};

/* The format of what is cached: MIME's output version and this file's. */
#define MSGCACHE_VERSION (((uint32_t)MIME_OUTPUT_VERSION << 8) | 3u)

/* Whether header field `name` is among the cached ones. */
bool msgcache_has_field(const char *name, size_t len);

/* Append the message's ENVELOPE (without "ENVELOPE ") to out; false
 * when its file is gone. */
bool msgcache_envelope(struct msgread *m, struct sbuf *out);

/* Append BODYSTRUCTURE (extended) or BODY; false when the file is gone. */
bool msgcache_bodystructure(struct msgread *m, bool extended, struct sbuf *out);

/* For HEADER.FIELDS of the top-level header whose fields are all cached
 * ones: the cached header block in *hdr_r / *len_r (true).  False when
 * the section is not one of those (read the message), and with *gone_r
 * when the file is gone. */
bool msgcache_header_block(struct msgread *m, const struct imap_section *sec,
			   const char **hdr_r, size_t *len_r, bool *gone_r);

/* SEARCH on header field `field` (FROM, TO, CC, BCC, SUBJECT, HEADER):
 * 1 when it matches, 0 when not, -1 when the file is gone.  With
 * address (FROM, TO, CC, BCC) as mime_search_address(), else as
 * mime_search_header(). */
int msgcache_search_header(struct msgread *m, const struct mime_needle *n, const char *field,
			   bool address);

/* The Date: field (SENTBEFORE/SENTON/SENTSINCE): 1 parsed into *d_r, 0
 * when there is none usable, -1 when the file is gone. */
int msgcache_sent_date(struct msgread *m, struct mime_date *d_r);

/* Queue what was worked out from the file into the cache (before
 * msgread_done). */
void msgcache_store(struct msgread *m);

#endif
