/*
 * enable.c - ENABLE (RFC5161): the client turns on extensions that change
 * what the server sends, for the rest of the connection.
 *
 *   C: a ENABLE CONDSTORE X-UNKNOWN
 *   S: * ENABLED CONDSTORE
 *   S: a OK ENABLE completed
 *
 * The names come from cmd_ext_table below; names it does not
 * have, or that are not offered now, are ignored (RFC5161 §3.1).  The
 * untagged ENABLED lists what this command turned on, nothing already on
 * (§3.1: "each corresponding ENABLED response SHOULD only contain
 * extensions enabled by the corresponding ENABLE command"), and comes
 * even when that is nothing (§3.2).  CAPABILITY does not change (§3.1).
 */
#include <strings.h>

#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "proto/response.h"

/*
 * ---- RFC 5161: ENABLE ----
 * The extensions ENABLE turns on (struct cmd_ext in cmd/cmd.h), one row
 * each: its capability name, its bit in s->enabled (enum session_ext),
 * the bits it implies, and whether it is offered now.  Empty until an
 * extension that needs enabling is built, for example
 *
 *   { "CONDSTORE",   SESSION_EXT_CONDSTORE, 0,                     NULL },
 *   { "QRESYNC",     SESSION_EXT_QRESYNC,   SESSION_EXT_CONDSTORE, NULL },
 *   { "UTF8=ACCEPT", SESSION_EXT_UTF8,      0,                     NULL },
 *   { "IMAP4rev2",   SESSION_EXT_REV2,      0,                     cmd_rev2_offered },
 */
const struct cmd_ext cmd_ext_table[] = {
	/* ---- RFC 7162 §3.2.3: QRESYNC implies CONDSTORE ---- */
	{ "CONDSTORE",   SESSION_EXT_CONDSTORE, 0,                     NULL },
	{ "QRESYNC",     SESSION_EXT_QRESYNC,   SESSION_EXT_CONDSTORE, NULL },
	/* ---- RFC 9051 §6.3.1, §7.2.2: IMAP4rev2 ---- */
	{ "IMAP4rev2",   SESSION_EXT_REV2,      0,                     NULL },
	{ NULL, 0, 0, NULL },
};

unsigned cmd_enable_one(struct session *s, const struct cmd_ext *table, const char *name)
{
	for (const struct cmd_ext *e = table; e->name != NULL; e++) {
		if (strcasecmp(e->name, name) != 0)
			continue;
		if (e->offered != NULL && !e->offered(s))
			return 0;
		unsigned want = e->bit | e->implies;
		unsigned fresh = want & ~s->enabled;
		s->enabled |= want;
		/* Named but already on (or only implied before): not news. */
		return (fresh & e->bit) != 0 ? fresh : 0;
	}
	return 0;
}

void cmd_enable(struct session *s, const struct imap_cmd *cmd)
{
	resp_puts(s, "* ENABLED");
	for (size_t i = 0; i < cmd->u.enable.ncaps; i++) {
		const char *name = cmd->u.enable.caps[i];
		if (cmd_enable_one(s, cmd_ext_table, name) == 0)
			continue;
		/* As the table spells it, once. */
		for (const struct cmd_ext *e = cmd_ext_table; e->name != NULL; e++) {
			if (strcasecmp(e->name, name) == 0) {
				resp_puts(s, " ");
				resp_puts(s, e->name);
				break;
			}
		}
	}
	resp_puts(s, "\r\n");
	/* RFC7162 §3.1: ENABLE CONDSTORE (or QRESYNC) is an enabling
	 * command; the first with a mailbox selected says HIGHESTMODSEQ. */
	if (session_enabled(s, SESSION_EXT_CONDSTORE))
		modseq_enable(s);
	cmd_ok(s, "ENABLE completed");
}
