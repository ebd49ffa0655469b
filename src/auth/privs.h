/*
 * privs.h - becoming the user who logged in: the mail root from the
 * mail_location template, the switch (when started as root) to mail_user
 * or the login's own Unix account, and confinement to the mail root.
 */
#ifndef IMAPD_AUTH_PRIVS_H
#define IMAPD_AUTH_PRIVS_H

#include <stdbool.h>

#include "util/config.h"

/*
 * Resolve `user`'s mail root from cfg->mail_location (%u user, %h home,
 * %% a percent sign) into a malloc'd absolute path in *root_r.  Returns
 * false with a reason for the client in *why_r.
 */
bool privs_mail_root(const struct imapd_config *cfg, const char *user, char **root_r,
		     const char **why_r);

/*
 * Take on `user`'s identity for the rest of the process: the mail root
 * (*root_r, malloc'd, created if missing); when running as root, the
 * switch to mail_user/mail_group, or else to the user's own Unix account
 * (root itself only for `preauth`, rimapd run by root, or when mail_user
 * names it); then, with `sandbox: yes`, a Landlock ruleset that leaves
 * the process the mail root and nothing else writable, and nothing but
 * the mail root, <configdirectory>/msg and /usr readable.
 * Returns false with a reason in *why_r; the identity switch cannot be
 * undone, so a failure after it leaves the process unable to serve.
 */
bool privs_enter_user(const struct imapd_config *cfg, const char *user, bool preauth,
		      char **root_r, const char **why_r);

/* Confine the process to `root` with Landlock (see above); true when
 * done, or when the kernel has no Landlock (logged). */
bool privs_confine(const struct imapd_config *cfg, const char *root);

/* True once this process took on a user's identity or was confined: it
 * can serve no other user. */
bool privs_bound(void);

#endif
