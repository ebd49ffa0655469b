/*
 * mailview.h - a session's own view of the file system: a second wall
 * between users, beside the uid and Landlock.
 *
 * A session that is about to take on a user (still root) enters a mount
 * namespace of its own and chroots into a small tree on a tmpfs that
 * holds, at their usual paths, the user's mail root (read-write) and what
 * a session reads besides: /usr and /etc read-only, <configdirectory>/msg
 * read-only, /dev/null, /dev/urandom, /dev/log.  Other users' mail is not
 * there to be reached, whatever a bug, a symlink or a shared uid would
 * allow.  It is part of `sandbox: yes`; `mail_namespace: no` turns it
 * off alone; where the kernel refuses
 * (no CAP_SYS_ADMIN, as in some containers) it is skipped and logged.
 */
#ifndef IMAPD_AUTH_MAILVIEW_H
#define IMAPD_AUTH_MAILVIEW_H

#include <stdbool.h>

#include "util/config.h"

/*
 * Enter the view for the mail root `root` (it must exist: at a user's
 * very first login it does not, and the view is skipped that once).
 * Returns true when the process now lives in the view; false when it was
 * skipped (the reason logged); the process is then as before.
 */
bool mailview_enter(const struct imapd_config *cfg, const char *root);

/* True once this process entered a view: it can serve no one else. */
bool mailview_entered(void);

#endif
