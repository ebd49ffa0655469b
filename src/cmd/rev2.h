/*
 * rev2.h - ---- RFC 9051: IMAP4rev2 ----
 *
 * What a session that said ENABLE IMAP4rev2 (RFC9051 §6.3.1) gets that an
 * IMAP4rev1 session does not; every rule is switched on by
 * SESSION_EXT_REV2 for that session only.  The places that differ ask
 * rev2_on(): SEARCH answers ESEARCH (cmd/search.c), SELECT says LIST
 * and no RECENT/UNSEEN (cmd/mboxcmd.c), \Recent and RECENT go unsaid and
 * every unsolicited FETCH has its UID (cmd/updates.c, cmd/fetch.c), and
 * mailbox names travel as UTF-8 (below).
 */
#ifndef IMAPD_CMD_REV2_H
#define IMAPD_CMD_REV2_H

#include <stdbool.h>
#include <stddef.h>

#include "proto/session.h"

/* Whether the session enabled IMAP4rev2. */
static inline bool rev2_on(const struct session *s)
{
	return session_enabled(s, SESSION_EXT_REV2);
}

/*
 * RFC9051 §5.1: a mailbox name (or LIST reference/pattern) the client
 * sent, as the store spells it: for IMAP4rev2 the UTF-8 becomes modified
 * UTF-7 ("&" is an ordinary character, stored "&-"); for IMAP4rev1 it is
 * the client's text.  In the command's arena; NULL when a rev2 client's
 * text is not valid UTF-8 (or out of memory).  *len_r gets the length.
 */
const char *rev2_name_in(struct session *s, const char *data, size_t len, size_t *len_r);

/*
 * A store name as the client reads it: UTF-8 for IMAP4rev2, the store's
 * modified UTF-7 for IMAP4rev1.  NULL when it cannot be converted (a name
 * that is not canonical modified UTF-7 is never sent raw to a UTF-8
 * client: the caller leaves it out).
 */
const char *rev2_name_out(struct session *s, const char *name);

#endif
