/*
 * privs.h - becoming the user who logged in: the mail root from the
 * mail_location template, and (when started as root) the switch to the
 * mail_user or the login's own Unix account.
 */
#ifndef IMAPD_AUTH_PRIVS_H
#define IMAPD_AUTH_PRIVS_H

#include <stdbool.h>

#include "util/config.h"

/*
 * Resolve `user`'s mail root from cfg->mail_location (%u user, %h home,
 * %% a percent sign) into a malloc'd path in *root_r, and, when running
 * as root, switch to the account that owns the mail.  Returns false with
 * a reason (for the client's NO and the log) in *why_r.
 */
bool privs_enter_user(const struct imapd_config *cfg, const char *user, char **root_r,
		      const char **why_r);

#endif
