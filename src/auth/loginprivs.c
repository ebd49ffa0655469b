/*
 * loginprivs.c - identity and confinement of login processes (see
 * loginprivs.h).
 */
#include "auth/loginprivs.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/landlock.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util/log.h"

#define LOGIN_USER_DEFAULT "imapd"
#define LOGIN_USER_FALLBACK "nobody"

static bool lookup(const char *name, struct login_account *a)
{
	struct passwd *pw = getpwnam(name);
	if (pw == NULL || strlen(name) >= sizeof(a->name))
		return false;
	snprintf(a->name, sizeof(a->name), "%s", name);
	a->uid = pw->pw_uid;
	a->gid = pw->pw_gid;
	return true;
}

bool loginprivs_resolve(const struct imapd_config *cfg, struct login_account *a,
			const char **why_r)
{
	memset(a, 0, sizeof(*a));
	const char *name = cfg->login_user;
	if (name != NULL && name[0] != '\0') {
		if (!lookup(name, a)) {
			*why_r = "login_user: no such Unix user";
			return false;
		}
	} else if (!lookup(LOGIN_USER_DEFAULT, a) && !lookup(LOGIN_USER_FALLBACK, a)) {
		*why_r = "neither the user " LOGIN_USER_DEFAULT " nor " LOGIN_USER_FALLBACK
			 " exists; set login_user";
		return false;
	}
	if (a->uid == 0) {
		*why_r = "login_user must not be root: login processes parse network input";
		return false;
	}
	if (cfg->mail_user != NULL && cfg->mail_user[0] != '\0') {
		struct passwd *pw = getpwnam(cfg->mail_user);
		if (pw != NULL && pw->pw_uid == a->uid)
			log_warn("login_user %s is also mail_user: only Landlock keeps login processes "
				 "out of the mail; create a user of its own (e.g. %s) for login_user",
				 a->name, LOGIN_USER_DEFAULT);
	}
	return true;
}

/* ---- Landlock -------------------------------------------------------------- */

#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15)
#endif
#define LL_NET_BIND_TCP (1ULL << 0)
#define LL_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define LL_SCOPE_SIGNAL (1ULL << 1)
#define LL_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)

#if defined(__SANITIZE_ADDRESS__)
#define LOGINPRIVS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOGINPRIVS_ASAN 1
#endif
#endif
#ifndef LOGINPRIVS_ASAN
#define LOGINPRIVS_ASAN 0
#endif

/* The ruleset attributes of Landlock ABI 6 (older headers lack the
 * last two fields; the kernel takes the size we pass). */
struct ll_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net;
	uint64_t scoped;
};

static int ll_allow(int rs, const char *path, uint64_t access, uint64_t handled)
{
	int fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	struct stat st;
	if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
		access &= LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE
			| LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_TRUNCATE;
	struct landlock_path_beneath_attr pb = { .allowed_access = access & handled, .parent_fd = fd };
	int r = (int)syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	close(fd);
	return r;
}

/* Nothing writable, little readable (see loginprivs.h); true when done
 * or when the kernel has no Landlock (logged). */
static bool confine(const struct imapd_config *cfg)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1) {
		log_notice("Landlock is not available (%s); login processes rely on their uid alone",
			   strerror(errno));
		return true;
	}
	struct ll_attr attr = { .handled_access_fs = (1ULL << 13) - 1 };
	size_t size = sizeof(attr.handled_access_fs);
	if (abi >= 2)
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
	if (abi >= 5)
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
	if (abi >= 4) {
		/* No listening sockets of its own; connecting stays allowed
		 * (SASL may reach an LDAP server). */
		attr.handled_access_net = LL_NET_BIND_TCP;
		size = offsetof(struct ll_attr, scoped);
	}
	if (abi >= 6) {
		attr.scoped = LL_SCOPE_ABSTRACT_UNIX_SOCKET | LL_SCOPE_SIGNAL;
		size = sizeof(attr);
	}
	uint64_t h = attr.handled_access_fs;
	int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
	if (rs < 0) {
		log_err("landlock_create_ruleset: %s", strerror(errno));
		return false;
	}
	char msgdir[4096];
	snprintf(msgdir, sizeof(msgdir), "%s/msg", cfg->configdirectory);
	const char *sasldb = config_sasl(cfg, "sasldb_path");
	bool ok = ll_allow(rs, "/usr", LL_READ | LANDLOCK_ACCESS_FS_EXECUTE, h) == 0
		/* NSS, SASL's and OpenSSL's configuration. */
		&& ll_allow(rs, "/etc", LL_READ, h) == 0
		&& (sasldb == NULL || sasldb[0] == '\0' || ll_allow(rs, sasldb, LL_READ, h) == 0)
		/* msg/motd and msg/shutdown, read before login. */
		&& ll_allow(rs, msgdir, LL_READ, h) == 0
		&& ll_allow(rs, "/dev/null", LANDLOCK_ACCESS_FS_READ_FILE
			    | LANDLOCK_ACCESS_FS_WRITE_FILE, h) == 0
		&& ll_allow(rs, "/dev/urandom", LANDLOCK_ACCESS_FS_READ_FILE, h) == 0
#if LOGINPRIVS_ASAN
		&& ll_allow(rs, "/proc", LL_READ, h) == 0
#endif
		;
	if (!ok) {
		log_err("landlock_add_rule: %s", strerror(errno));
		close(rs);
		return false;
	}
	if (syscall(SYS_landlock_restrict_self, rs, 0) != 0) {
		log_err("landlock_restrict_self: %s", strerror(errno));
		close(rs);
		return false;
	}
	close(rs);
	return true;
}

bool loginprivs_drop(const struct imapd_config *cfg, const struct login_account *a,
		     unsigned nofile)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < nofile) {
		rl.rlim_cur = nofile;
		if (rl.rlim_max < nofile)
			rl.rlim_max = nofile;  /* root may raise the hard limit */
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			log_warn("cannot raise the descriptor limit to %u: %s", nofile, strerror(errno));
	}
	if (geteuid() == 0) {
		/* An empty bounding set: no capability can come back, even
		 * through a program run later. */
		for (int cap = 0; cap <= 63; cap++)
			if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) {
				log_err("dropping capability %d from the bounding set: %s", cap,
					strerror(errno));
				return false;
			}
		if (initgroups(a->name, a->gid) != 0) {
			log_err("setting the groups of %s: %s", a->name, strerror(errno));
			return false;
		}
		if (setresgid(a->gid, a->gid, a->gid) != 0 || setresuid(a->uid, a->uid, a->uid) != 0) {
			log_err("switching to %s: %s", a->name, strerror(errno));
			return false;
		}
		if (setuid(0) == 0 || seteuid(0) == 0) {
			log_err("could regain root after switching to %s", a->name);
			return false;
		}
	} else if (geteuid() != a->uid) {
		log_warn("not started as root: login processes run as uid %ld, not %s",
			 (long)geteuid(), a->name);
	}
	/* Switching away from root cleared the permitted and effective
	 * sets; make sure, and keep no ambient ones. */
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];
	memset(data, 0, sizeof(data));
	if (syscall(SYS_capset, &hdr, data) != 0) {
		log_err("capset: %s", strerror(errno));
		return false;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		log_err("no_new_privs: %s", strerror(errno));
		return false;
	}
	return confine(cfg);
}
