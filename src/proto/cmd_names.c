/*
 * cmd_names.c - the IMAP name of each command type (RFC2060 §6), for the
 * printer, the dispatcher's messages and logs.
 */
#include "proto/ast.h"

static const char *const names[IMAP_CMD__COUNT] = {
	[IMAP_CMD_CAPABILITY] = "CAPABILITY", [IMAP_CMD_NOOP] = "NOOP",
	[IMAP_CMD_LOGOUT] = "LOGOUT", [IMAP_CMD_STARTTLS] = "STARTTLS",
	[IMAP_CMD_AUTHENTICATE] = "AUTHENTICATE", [IMAP_CMD_LOGIN] = "LOGIN",
	[IMAP_CMD_SELECT] = "SELECT", [IMAP_CMD_EXAMINE] = "EXAMINE",
	[IMAP_CMD_CREATE] = "CREATE", [IMAP_CMD_DELETE] = "DELETE",
	[IMAP_CMD_RENAME] = "RENAME", [IMAP_CMD_SUBSCRIBE] = "SUBSCRIBE",
	[IMAP_CMD_UNSUBSCRIBE] = "UNSUBSCRIBE", [IMAP_CMD_LIST] = "LIST",
	[IMAP_CMD_LSUB] = "LSUB", [IMAP_CMD_STATUS] = "STATUS",
	[IMAP_CMD_APPEND] = "APPEND", [IMAP_CMD_CHECK] = "CHECK",
	[IMAP_CMD_CLOSE] = "CLOSE", [IMAP_CMD_EXPUNGE] = "EXPUNGE",
	[IMAP_CMD_SEARCH] = "SEARCH", [IMAP_CMD_FETCH] = "FETCH",
	[IMAP_CMD_STORE] = "STORE", [IMAP_CMD_COPY] = "COPY",
	[IMAP_CMD_IDLE] = "IDLE", [IMAP_CMD_COMPRESS] = "COMPRESS", [IMAP_CMD_X] = "X",
};

const char *imap_cmd_name(enum imap_cmd_type type)
{
	return (unsigned)type < IMAP_CMD__COUNT && names[type] != NULL ? names[type] : "?";
}
