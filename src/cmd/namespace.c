/*
 * namespace.c - NAMESPACE (RFC2342): where the user's mailboxes are.
 *
 * A maildir++ root holds the user's own folders and nothing else, named
 * as LIST shows them ("INBOX", "Sent", "Work.2024"): one personal
 * namespace with no prefix and the store's hierarchy delimiter.  There
 * are no other users' or shared mailboxes to offer, so those classes are
 * NIL (RFC2342 §5: "a NIL for any namespace class that is not
 * available").  INBOX is in the personal namespace, as §2 requires.
 *
 *   C: a NAMESPACE
 *   S: * NAMESPACE (("" ".")) NIL NIL
 *   S: a OK NAMESPACE completed
 */
#include "cmd/cmd.h"
#include "proto/response.h"
#include "store/store.h"

/* The delimiter goes out as a quoted character (RFC2342 §6:
 * <"> QUOTED_CHAR <">), which cannot be a quoted_special bare. */
_Static_assert(STORE_DELIM != '"' && STORE_DELIM != '\\', "delimiter needs quoting");

void cmd_namespace(struct session *s, const struct imap_cmd *cmd)
{
	(void)cmd;
	resp_printf(s, "* NAMESPACE ((\"\" \"%c\")) NIL NIL\r\n", STORE_DELIM);
	cmd_ok(s, "NAMESPACE completed");
}
