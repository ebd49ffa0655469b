/*
 * loginprivs.h - the identity and confinement of imapd-master's login
 * processes, which hold clients that have not logged in yet: they run
 * TLS, the IMAP parser and every SASL mechanism on network input, so they
 * must not be root.
 *
 * A login process runs as login_user (default: the system user "imapd"
 * when it exists, else "nobody"), with its supplementary groups (so that
 * an administrator can let it read the sasldb or reach saslauthd through
 * a group such as "sasl"), no capabilities (and an empty bounding set),
 * no_new_privs, and a Landlock ruleset that leaves it nothing writable
 * and nothing readable but what SASL and the greeting need: /usr, /etc,
 * the sasldb, <configdirectory>/msg, /dev/null and /dev/urandom.  Where
 * the kernel can (Landlock ABI 6), it may neither signal nor connect to
 * an abstract socket of a process outside its domain.
 */
#ifndef IMAPD_AUTH_LOGINPRIVS_H
#define IMAPD_AUTH_LOGINPRIVS_H

#include <stdbool.h>
#include <sys/types.h>

#include "util/config.h"

struct login_account {
	char name[64];
	uid_t uid;
	gid_t gid;
};

/*
 * Resolve cfg->login_user (or the default) into *a.  Returns false with
 * a reason in *why_r: no such user, or root (a login process is never
 * root).  A login user that is also mail_user is logged as a warning:
 * only Landlock then keeps a login process out of the mail.
 */
bool loginprivs_resolve(const struct imapd_config *cfg, struct login_account *a,
			const char **why_r);

/*
 * Become a: raise the descriptor limit to `nofile` while still able to,
 * switch to a's uid, gid and groups for good, drop every capability,
 * set no_new_privs and confine with Landlock (logged and skipped where
 * the kernel has none).  Returns false (logged) when any step fails: the
 * caller must then exit, not serve.
 */
bool loginprivs_drop(const struct imapd_config *cfg, const struct login_account *a,
		     unsigned nofile);

#endif
