/*
 * pending.c - commands whose executor is not written yet.  Each answers
 * NO [UNAVAILABLE] saying so, never a fake success; a command moves out
 * of this file into its own when it is built.
 */
#include "cmd/cmd.h"
#include "proto/response.h"

static void not_built(struct session *s, const struct imap_cmd *cmd)
{
	resp_no(s, "[UNAVAILABLE] %s%s is not implemented in this server yet",
		cmd->uid ? "UID " : "", imap_cmd_name(cmd->type));
}

void cmd_starttls(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_authenticate(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_login(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_select(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_examine(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_create(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_delete(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_rename(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_subscribe(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_unsubscribe(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_list(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_lsub(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_status(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_append(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_check(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_close(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_expunge(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_search(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_fetch(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_store(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
void cmd_copy(struct session *s, const struct imap_cmd *cmd) { not_built(s, cmd); }
