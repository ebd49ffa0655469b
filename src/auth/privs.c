/*
 * privs.c - mail root and privileges of the logged-in user (see privs.h).
 */
#include "auth/privs.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"
#include "util/sbuf.h"

/* A user name that can appear in a path: no "/", no leading ".", no
 * control characters.  Anything else could escape the mail root. */
static bool safe_user(const char *user)
{
	if (user[0] == '\0' || user[0] == '.' || strlen(user) > 255)
		return false;
	for (const unsigned char *p = (const unsigned char *)user; *p; p++)
		if (*p == '/' || *p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

bool privs_enter_user(const struct imapd_config *cfg, const char *user, char **root_r,
		      const char **why_r)
{
	if (!safe_user(user)) {
		*why_r = "This user name cannot be served";
		return false;
	}
	struct passwd *pw = NULL;
	struct sbuf b;
	sbuf_init(&b, NULL);
	for (const char *p = cfg->mail_location; *p; p++) {
		if (p[0] != '%' || p[1] == '\0') {
			sbuf_addc(&b, *p);
			continue;
		}
		p++;
		if (*p == 'u') {
			sbuf_adds(&b, user);
		} else if (*p == 'h') {
			if (pw == NULL)
				pw = getpwnam(user);
			if (pw == NULL || pw->pw_dir == NULL || pw->pw_dir[0] != '/') {
				sbuf_free(&b);
				log_warn("mail_location uses %%h but %s has no home directory", user);
				*why_r = "No mail location for this user";
				return false;
			}
			sbuf_adds(&b, pw->pw_dir);
		} else {
			sbuf_addc(&b, *p);
		}
	}
	if (b.failed || b.len == 0 || b.data[0] != '/') {
		sbuf_free(&b);
		log_err("mail_location \"%s\" does not give an absolute path for %s",
			cfg->mail_location, user);
		*why_r = "No mail location for this user";
		return false;
	}
	*root_r = b.data;
	return true;
}
