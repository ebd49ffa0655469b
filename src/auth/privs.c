/*
 * privs.c - mail root and privileges of the logged-in user (see privs.h).
 */
#include "auth/privs.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/landlock.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

/* The passwd entry of `name`, copied (getpwnam's buffer is static). */
struct account {
	bool found;
	uid_t uid;
	gid_t gid;
	char home[4096];
};

static bool lookup(const char *name, struct account *a)
{
	memset(a, 0, sizeof(*a));
	errno = 0;
	struct passwd *pw = getpwnam(name);
	if (pw == NULL)
		return false;
	a->found = true;
	a->uid = pw->pw_uid;
	a->gid = pw->pw_gid;
	snprintf(a->home, sizeof(a->home), "%s", pw->pw_dir != NULL ? pw->pw_dir : "");
	return true;
}

/* The domain of users who name none: the realm Cyrus SASL looks them up
 * in (auth.c passes defaultdomain as the user realm, else SASL takes
 * the servername, which is the host name when empty), in lower case. */
static void default_domain(const struct imapd_config *cfg, char *out, size_t size)
{
	const char *d = cfg->defaultdomain != NULL && cfg->defaultdomain[0] != '\0' ? cfg->defaultdomain
		: cfg->servername != NULL && cfg->servername[0] != '\0' ? cfg->servername : NULL;
	if (d != NULL)
		snprintf(out, size, "%s", d);
	else if (gethostname(out, size) != 0)
		snprintf(out, size, "localhost");
	out[size - 1] = '\0';
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
}

/* A domain that can be a directory name: a host name (letters, digits,
 * "-", dot-separated non-empty labels). */
static bool safe_domain(const char *d, size_t len)
{
	if (len == 0 || len > 253 || d[0] == '.' || d[len - 1] == '.')
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)d[i];
		if (!isalnum(c) && c != '-' && c != '.')
			return false;
		if (c == '.' && d[i + 1] == '.')
			return false;
	}
	return true;
}

bool privs_canon_user(const struct imapd_config *cfg, const char *login, char *out, size_t outsz,
		      const char **why_r)
{
	*why_r = "This user name cannot be served";
	const char *at = strrchr(login, '@');
	size_t local_len = at != NULL ? (size_t)(at - login) : strlen(login);
	char local[256];
	if (local_len >= sizeof(local))
		return false;
	memcpy(local, login, local_len);
	local[local_len] = '\0';
	if (!safe_user(local) || strchr(local, '@') != NULL)
		return false;
	if (at == NULL) {
		if ((size_t)snprintf(out, outsz, "%s", local) >= outsz)
			return false;
		return true;
	}
	const char *dom = at + 1;
	if (!safe_domain(dom, strlen(dom)))
		return false;
	char domain[256], def[256];
	snprintf(domain, sizeof(domain), "%s", dom);
	for (char *p = domain; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	default_domain(cfg, def, sizeof(def));
	/* RFC 1035 §2.3.3: domains compare without regard to case. */
	if (strcmp(domain, def) == 0)
		return (size_t)snprintf(out, outsz, "%s", local) < outsz;
	if (cfg->virtdomains != CONFIG_VIRTDOMAINS_USERID) {
		log_notice("login %s names domain %s, not the default domain %s: "
			   "set virtdomains: userid to serve other domains", login, domain, def);
		return false;
	}
	return (size_t)snprintf(out, outsz, "%s@%s", local, domain) < outsz;
}

bool privs_mail_root(const struct imapd_config *cfg, const char *login, char **root_r,
		     const char **why_r)
{
	char user[600];
	if (!privs_canon_user(cfg, login, user, sizeof(user), why_r))
		return false;
	/* %n and %d: the parts of user@domain; a user without a domain is
	 * in the default domain. */
	char local[600], domain[256];
	const char *at = strrchr(user, '@');
	snprintf(local, sizeof(local), "%.*s", at != NULL ? (int)(at - user) : (int)strlen(user), user);
	if (at != NULL)
		snprintf(domain, sizeof(domain), "%s", at + 1);
	else
		default_domain(cfg, domain, sizeof(domain));
	struct account acct;
	bool looked_up = false;
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
		} else if (*p == 'n') {
			sbuf_adds(&b, local);
		} else if (*p == 'd') {
			if (!safe_domain(domain, strlen(domain))) {
				sbuf_free(&b);
				log_err("mail_location uses %%d but the default domain \"%s\" "
					"is no domain name", domain);
				*why_r = "No mail location for this user";
				return false;
			}
			sbuf_adds(&b, domain);
		} else if (*p == 'h') {
			if (!looked_up)
				lookup(user, &acct);
			looked_up = true;
			if (!acct.found || acct.home[0] != '/') {
				sbuf_free(&b);
				log_warn("mail_location uses %%h but %s has no home directory", user);
				*why_r = "No mail location for this user";
				return false;
			}
			sbuf_adds(&b, acct.home);
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

/* Which account a root process becomes for `user`: mail_user (and
 * mail_group) when set, else the user's own Unix account.  Root itself
 * only when asked for by name (mail_user: root) or when it is who ran us
 * (rimapd). */
static bool target_ids(const struct imapd_config *cfg, const char *user, bool preauth,
		       uid_t *uid_r, gid_t *gid_r, bool *own_account_r, const char **why_r)
{
	struct account a;
	*own_account_r = false;
	if (cfg->mail_user[0] != '\0') {
		if (!lookup(cfg->mail_user, &a)) {
			log_err("mail_user %s: no such Unix user", cfg->mail_user);
			*why_r = "Server configuration error";
			return false;
		}
		*uid_r = a.uid;
		*gid_r = a.gid;
		if (cfg->mail_group[0] != '\0') {
			struct group *gr = getgrnam(cfg->mail_group);
			if (gr == NULL) {
				log_err("mail_group %s: no such Unix group", cfg->mail_group);
				*why_r = "Server configuration error";
				return false;
			}
			*gid_r = gr->gr_gid;
		}
		return true;
	}
	if (!lookup(user, &a)) {
		log_warn("%s is not a Unix user and mail_user is not set; "
			 "set mail_user to serve virtual users", user);
		*why_r = "This account cannot be served";
		return false;
	}
	if (a.uid == 0 && !preauth) {
		log_warn("refusing to serve mail as root for login %s", user);
		*why_r = "This account cannot be served";
		return false;
	}
	*uid_r = a.uid;
	*gid_r = a.gid;
	*own_account_r = true;
	return true;
}

static bool become(const char *user, uid_t uid, gid_t gid, bool own_account)
{
	if (own_account ? initgroups(user, gid) != 0 : setgroups(1, &gid) != 0) {
		log_err("setting the groups of %s: %s", user, strerror(errno));
		return false;
	}
	if (setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0) {
		log_err("switching to uid %ld gid %ld: %s", (long)uid, (long)gid, strerror(errno));
		return false;
	}
	/* Make sure there is no way back. */
	if (uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
		log_err("could regain root after switching to uid %ld", (long)uid);
		return false;
	}
	return true;
}

/* mkdir -p with mode 0700, as the user we now are. */
static bool make_root(const char *root)
{
	char path[4096];
	size_t len = strlen(root);
	if (len >= sizeof(path))
		return false;
	memcpy(path, root, len + 1);
	for (char *p = path + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(path, 0700) != 0 && errno != EEXIST) {
				log_err("cannot create mail root %s: %s", path, strerror(errno));
				return false;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	struct stat st;
	return stat(root, &st) == 0 && S_ISDIR(st.st_mode);
}

bool privs_make_root_early(const struct imapd_config *cfg, const char *login, bool preauth,
			   const char *root, const char **why_r)
{
	struct stat st;
	if (geteuid() != 0 || stat(root, &st) == 0)
		return geteuid() != 0 || S_ISDIR(st.st_mode);
	char user[600];
	uid_t uid;
	gid_t gid;
	bool own;
	if (!privs_canon_user(cfg, login, user, sizeof(user), why_r) ||
	    !target_ids(cfg, user, preauth, &uid, &gid, &own, why_r))
		return false;
	int n = getgroups(0, NULL);
	gid_t *saved = calloc(n > 0 ? (size_t)n : 1, sizeof(*saved));
	if (n < 0 || saved == NULL || getgroups(n, saved) != n) {
		free(saved);
		*why_r = "Cannot open the mail store";
		return false;
	}
	gid_t egid = getegid();
	/* The effective ids only (and the groups): the real and saved uid
	 * stay root, so the way back is open until become() closes it. */
	bool ok = (own ? initgroups(user, gid) : setgroups(1, &gid)) == 0 && setegid(gid) == 0 &&
		  seteuid(uid) == 0;
	if (!ok)
		log_err("taking the ids of %s to create its mail root: %s", user, strerror(errno));
	else
		ok = make_root(root);
	if (seteuid(0) != 0 || setegid(egid) != 0 || setgroups((size_t)n, saved) != 0) {
		/* become() sets every id and group again or fails the login. */
		log_err("back to root after creating %s: %s", root, strerror(errno));
		ok = false;
	}
	free(saved);
	if (!ok)
		*why_r = "Cannot open the mail store";
	return ok;
}

/* ---- Landlock: confine the process to the mail root ------------------- */

#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15)
#endif

#if defined(__SANITIZE_ADDRESS__)
#define PRIVS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PRIVS_ASAN 1
#endif
#endif
#ifndef PRIVS_ASAN
#define PRIVS_ASAN 0
#endif

#define LL_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)

static int ll_add(int ruleset, const char *path, uint64_t access, uint64_t handled)
{
	int fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	struct stat st;
	if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
		access &= LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE
			| LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_TRUNCATE
			| LANDLOCK_ACCESS_FS_IOCTL_DEV;
	struct landlock_path_beneath_attr pb = {
		.allowed_access = access & handled,
		.parent_fd = fd,
	};
	int r = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	close(fd);
	return r;
}

bool privs_confine(const struct imapd_config *cfg, const char *root)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1) {
		log_notice("Landlock is not available (%s); the session is not confined to %s",
			   strerror(errno), root);
		return true;
	}
	uint64_t handled = (1ULL << 13) - 1;  /* ABI 1: EXECUTE .. MAKE_SYM */
	if (abi >= 2)
		handled |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
	if (abi >= 5)
		handled |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
	struct landlock_ruleset_attr attr = { .handled_access_fs = handled };
	int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
	if (rs < 0) {
		log_err("landlock_create_ruleset: %s", strerror(errno));
		return false;
	}
	char msgdir[4096];
	snprintf(msgdir, sizeof(msgdir), "%s/msg", cfg->configdirectory);
	bool ok = ll_add(rs, root, handled, handled) == 0
		/* msg/shutdown is read before every command. */
		&& ll_add(rs, msgdir, LL_READ, handled) == 0
		/* Shared libraries and data loaded late (iconv modules,
		 * time zones), read-only. */
		&& ll_add(rs, "/usr", LL_READ | LANDLOCK_ACCESS_FS_EXECUTE, handled) == 0
		&& ll_add(rs, "/dev/null", LANDLOCK_ACCESS_FS_READ_FILE
			  | LANDLOCK_ACCESS_FS_WRITE_FILE, handled) == 0
		&& ll_add(rs, "/dev/urandom", LANDLOCK_ACCESS_FS_READ_FILE, handled) == 0
#if PRIVS_ASAN
		/* Sanitizer builds only: LeakSanitizer reads /proc/<pid>/task
		 * and maps at exit. */
		&& ll_add(rs, "/proc", LL_READ, handled) == 0
#endif
		;
	if (!ok) {
		log_err("landlock_add_rule: %s", strerror(errno));
		close(rs);
		return false;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
	    || syscall(SYS_landlock_restrict_self, rs, 0) != 0) {
		log_err("landlock_restrict_self: %s", strerror(errno));
		close(rs);
		return false;
	}
	close(rs);
	return true;
}

static bool bound;

bool privs_bound(void)
{
	return bound;
}

bool privs_enter_user(const struct imapd_config *cfg, const char *login, bool preauth,
		      char **root_r, const char **why_r)
{
	char *root = NULL;
	char user[600];
	if (!privs_canon_user(cfg, login, user, sizeof(user), why_r)
	    || !privs_mail_root(cfg, user, &root, why_r))
		return false;
	if (geteuid() == 0) {
		uid_t uid;
		gid_t gid;
		bool own;
		if (!target_ids(cfg, user, preauth, &uid, &gid, &own, why_r)) {
			free(root);
			return false;
		}
		if (uid == 0 && !preauth)
			log_warn("serving %s as root, as mail_user says", user);
		if (uid != geteuid() || gid != getegid())
			bound = true;
		if (!become(own ? user : cfg->mail_user, uid, gid, own)) {
			free(root);
			*why_r = "Cannot switch to the mail account";
			return false;
		}
	}
	if (!make_root(root)) {
		free(root);
		*why_r = "Cannot open the mail store";
		return false;
	}
	if (cfg->sandbox)
		bound = true;
	if (cfg->sandbox && !privs_confine(cfg, root)) {
		free(root);
		*why_r = "Cannot confine the session";
		return false;
	}
	*root_r = root;
	return true;
}
