/*
 * cmddef.c - reading rows of the command table (see cmddef.h).
 */
#include "proto/cmddef.h"

#include <stdio.h>
#include <strings.h>

const struct cmd_def *cmddef_find(const struct cmd_def *table, const char *name)
{
	for (size_t i = 0; i < IMAP_CMD__COUNT; i++)
		if (table[i].name != NULL && strcasecmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

bool cmddef_state_ok(const struct cmd_def *def, enum session_state state, bool uid, char *buf,
		     size_t size)
{
	if (def->states & state)
		return true;
	const char *u = uid ? "UID " : "";
	if (state == STATE_NOT_AUTH)
		snprintf(buf, size, "%s%s is not valid before authentication", u, def->name);
	else if (def->states == STATE_NOT_AUTH)
		snprintf(buf, size, "%s%s is not valid once authenticated", u, def->name);
	else
		snprintf(buf, size, "%s%s needs a selected mailbox", u, def->name);
	return false;
}
