/*
 * capability.c - CAPABILITY (RFC2060 §6.1.1): list what the server
 * supports in the current state.  The list also goes into the greeting
 * and into the OK of a login (RFC3501 §7.1 CAPABILITY response code).
 */
#include <string.h>

#include "auth/auth.h"
#include "cmd/cmd.h"
#include "proto/response.h"

void cmd_capability_list(struct session *s)
{
	/* RFC2060 §7.2.1: IMAP4rev1 first.  LITERAL+ or, if configured,
	 * LITERAL- (RFC7888 §5: never both): the reader takes "{n+}"
	 * literals in every state (LITERAL-: up to 4096 octets). */
	resp_puts(s, s->cfg->literal_minus ? "IMAP4rev1 LITERAL-" : "IMAP4rev1 LITERAL+");
	/* ---- RFC 9051 §7.2.2: IMAP4rev2 beside IMAP4rev1 (after the
	 * LITERAL word, which clients look for second); a client that
	 * wants its rules says ENABLE IMAP4rev2 (§6.3.1), until then the
	 * session is IMAP4rev1's (cmd/rev2.c) ---- */
	resp_puts(s, " IMAP4rev2");
	/* The commands' own capabilities, while the command is valid now or
	 * can become valid (STARTTLS only before login, UIDPLUS always). */
	unsigned reachable = s->state == STATE_NOT_AUTH
		? STATE_NOT_AUTH | STATE_AUTH | STATE_SELECTED : STATE_AUTH | STATE_SELECTED;
	for (size_t i = 0; i < IMAP_CMD__COUNT; i++) {
		const struct cmd_def *d = &s->cmds[i];
		if (d->capability == NULL || !(d->states & reachable) ||
		    (d->offered != NULL && !d->offered(s)))
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = s->cmds[j].capability != NULL &&
			       strcmp(s->cmds[j].capability, d->capability) == 0;
		if (!seen) {
			resp_puts(s, " ");
			resp_puts(s, d->capability);
		}
	}
	/* ---- RFC 3348, 5258, 5819, 6154, 7889, 8438: what LIST, STATUS and
	 * APPEND answer (the commands themselves are RFC2060's).  CHILDREN:
	 * \HasChildren in every LIST; LIST-STATUS: RETURN (STATUS ...);
	 * SPECIAL-USE: the use attributes and options; STATUS=SIZE; and
	 * APPENDLIMIT=<maxmessagesize> (RFC7889 §2: one limit for every
	 * mailbox), or APPENDLIMIT alone without a limit (STATUS says NIL). */
	resp_puts(s, " CHILDREN LIST-STATUS SPECIAL-USE STATUS=SIZE");
	if (s->cfg->maxmessagesize > 0)
		resp_printf(s, " APPENDLIMIT=%llu", (unsigned long long)s->cfg->maxmessagesize);
	else
		resp_puts(s, " APPENDLIMIT");
	/* ---- RFC 7162: CONDSTORE and QRESYNC (FETCH, STORE, SEARCH,
	 * STATUS, SELECT and EXAMINE take their syntax; ENABLE turns them
	 * on: cmd/modseq.c, cmd/condstore.c, cmd/qresync.c) ---- */
	resp_puts(s, " CONDSTORE QRESYNC");
	/* The authentication state: what only the session knows. */
	if (s->state == STATE_NOT_AUTH) {
		/* RFC3501 §6.2.3: LOGINDISABLED while plaintext is refused. */
		if (!session_plaintext_ok(s))
			resp_puts(s, " LOGINDISABLED");
		/* AUTH=<mechanism> (RFC3501 §6.2.2), and SASL-IR (RFC4959):
		 * the initial response may ride on the command. */
		const char *mechs;
		size_t len;
		if (auth_mechanisms(s->auth, &mechs, &len)) {
			resp_write(s, mechs, len);
			resp_puts(s, " SASL-IR");
		}
	}
}


void cmd_capability(struct session *s, const struct imap_cmd *cmd)
{
	resp_puts(s, "* CAPABILITY ");
	cmd_capability_list(s);
	resp_puts(s, "\r\n");
	cmd_ok(s, "CAPABILITY completed");
}
