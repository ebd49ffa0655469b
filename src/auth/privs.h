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
 * The account a login name stands for, as the mail location, the logs
 * and the protocol log know it, into out (outsz octets).  "user@domain"
 * in the default domain (defaultdomain, else servername, else the host
 * name: the realm Cyrus SASL gives a user who names none, so that
 * "bob@<that realm>" is bob) is "user".  Another domain is refused unless
 * virtdomains is userid (Cyrus imapd's keys), and is then "user@domain"
 * with the domain in lower case.  Refused too: what could leave the
 * mail root or the domain's directory (empty, "/", a leading ".",
 * control characters, two "@", a domain that is no host name).  Returns
 * false with a reason for the client in *why_r.
 */
bool privs_canon_user(const struct imapd_config *cfg, const char *login, char *out, size_t outsz,
		      const char **why_r);

/*
 * Resolve the mail root of the account `login` stands for (above) from
 * cfg->mail_location (%u the account, %n its local part, %d its domain or
 * the default domain, %h the home directory of the Unix account of that
 * name, %% a percent sign) into a malloc'd absolute path in *root_r.
 * Returns false with a reason for the client in *why_r.
 */
bool privs_mail_root(const struct imapd_config *cfg, const char *login, char **root_r,
		     const char **why_r);

/*
 * Take on the identity of the account `login` stands for (above) for the
 * rest of the process: the mail root
 * (*root_r, malloc'd, created if missing); when running as root, the
 * switch to mail_user/mail_group, or else to the user's own Unix account
 * (root itself only for `preauth`, rimapd run by root, or when mail_user
 * names it); then, with `sandbox: yes`, a Landlock ruleset that leaves
 * the process the mail root and nothing else writable, and nothing but
 * the mail root, <configdirectory>/msg and /usr readable.
 * Returns false with a reason in *why_r; the identity switch cannot be
 * undone, so a failure after it leaves the process unable to serve.
 */
bool privs_enter_user(const struct imapd_config *cfg, const char *login, bool preauth,
		      char **root_r, const char **why_r);

/*
 * The mail root of an account that has never logged in, made while still
 * root and before the session's mount namespace is built around it
 * (auth/mailview.h needs it to exist): created with the ids and groups
 * the session will take (the same as privs_enter_user's own mkdir after
 * the switch), never as root for someone else; then back to root.  True
 * when the root exists afterwards or there was nothing to do (not root).
 */
bool privs_make_root_early(const struct imapd_config *cfg, const char *login, bool preauth,
			   const char *root, const char **why_r);

/* Confine the process to `root` with Landlock (see above); true when
 * done, or when the kernel has no Landlock (logged). */
bool privs_confine(const struct imapd_config *cfg, const char *root);

/* True once this process took on a user's identity or was confined: it
 * can serve no other user. */
bool privs_bound(void);

#endif
