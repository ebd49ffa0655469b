/*
 * mailview.c - a mount namespace and chroot per session (see mailview.h).
 */
#include "auth/mailview.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/log.h"

#if defined(__SANITIZE_ADDRESS__)
#define MAILVIEW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MAILVIEW_ASAN 1
#endif
#endif
#ifndef MAILVIEW_ASAN
#define MAILVIEW_ASAN 0
#endif

static bool entered;

bool mailview_entered(void)
{
	return entered;
}

/* mkdir -p of the directories of `path` below `top` (top exists). */
static bool make_dirs(const char *path, bool last_too)
{
	char buf[PATH_MAX];
	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
		return false;
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return false;
		*p = '/';
	}
	return !last_too || mkdir(buf, 0755) == 0 || errno == EEXIST;
}

/* Bind `src` at the same path under `top`, read-only unless rw.  A
 * source that does not exist is left out. */
static bool keep(const char *top, const char *src, bool rw)
{
	struct stat st;
	if (stat(src, &st) != 0)
		return errno == ENOENT;
	char dst[PATH_MAX];
	if (snprintf(dst, sizeof(dst), "%s%s", top, src) >= (int)sizeof(dst))
		return false;
	if (S_ISDIR(st.st_mode)) {
		if (!make_dirs(dst, true))
			return false;
	} else {
		if (!make_dirs(dst, false))
			return false;
		int fd = open(dst, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0)
			return false;
		close(fd);
	}
	if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) != 0)
		return false;
	unsigned long ro = rw ? 0 : MS_RDONLY;
	return mount(NULL, dst, NULL, MS_BIND | MS_REMOUNT | MS_NOSUID | MS_NODEV | ro, NULL) == 0;
}

/* /lib, /bin ... : the same symlink into /usr (merged /usr), or the
 * directory itself read-only. */
static bool keep_top(const char *top, const char *name)
{
	struct stat st;
	if (lstat(name, &st) != 0)
		return true;
	if (!S_ISLNK(st.st_mode))
		return keep(top, name, false);
	char target[PATH_MAX], dst[PATH_MAX];
	ssize_t n = readlink(name, target, sizeof(target) - 1);
	if (n < 0 || snprintf(dst, sizeof(dst), "%s%s", top, name) >= (int)sizeof(dst))
		return false;
	target[n] = '\0';
	return symlink(target, dst) == 0 || errno == EEXIST;
}

bool mailview_enter(const struct imapd_config *cfg, const char *root)
{
	if (!cfg->sandbox || !cfg->mail_namespace || geteuid() != 0)
		return false;
	struct stat st;
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		log_info("%s does not exist yet: this first session has no view of its own", root);
		return false;
	}
	char top[PATH_MAX], msgdir[PATH_MAX];
	if (snprintf(top, sizeof(top), "%s/view", cfg->configdirectory) >= (int)sizeof(top)
	    || snprintf(msgdir, sizeof(msgdir), "%s/msg", cfg->configdirectory)
	       >= (int)sizeof(msgdir))
		return false;
	if (mkdir(top, 0700) != 0 && errno != EEXIST) {
		log_warn("mail_namespace: cannot create %s: %s", top, strerror(errno));
		return false;
	}
	if (unshare(CLONE_NEWNS) != 0) {
		log_notice("mail_namespace: no mount namespace here (%s); sessions rely on their "
			   "uid and Landlock", strerror(errno));
		return false;
	}
	/* Nothing done here may reach the host's mounts. */
	const char *step = "making the mounts private";
	bool ok = mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
	if (ok) {
		step = "mounting a tmpfs";
		ok = mount("imapd-view", top, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
			   "mode=0755,size=64k") == 0;
	}
	static const char *const tops[] = { "/lib", "/lib64", "/lib32", "/libx32", "/bin",
					    "/sbin" };
	for (size_t i = 0; ok && i < sizeof(tops) / sizeof(tops[0]); i++) {
		step = tops[i];
		ok = keep_top(top, tops[i]);
	}
	const struct {
		const char *path;
		bool rw;
	} binds[] = {
		{ "/usr", false },
		/* NSS, time zone, SASL and OpenSSL settings */
		{ "/etc", false },
		{ msgdir, false },
		{ "/dev/null", true },
		{ "/dev/urandom", false },
		/* syslog, if the connection has to be made again */
		{ "/dev/log", true },
#if MAILVIEW_ASAN
		/* LeakSanitizer reads /proc/self at exit */
		{ "/proc", false },
#endif
		{ root, true },
	};
	for (size_t i = 0; ok && i < sizeof(binds) / sizeof(binds[0]); i++) {
		step = binds[i].path;
		ok = keep(top, binds[i].path, binds[i].rw);
	}
	if (ok) {
		step = "chroot";
		ok = chroot(top) == 0 && chdir("/") == 0;
	}
	if (!ok && errno == EINVAL && strcmp(step, "making the mounts private") == 0) {
		/* A bare chroot directory is not a mount point, and "/" cannot
		 * be made private; say so rather than "Invalid argument". */
		log_warn("mail_namespace: \"/\" is not a mount point (a chroot?): bind the root "
			 "onto itself (mount --bind R R) before the chroot; this session has no view "
			 "of its own");
		return false;
	}
	if (!ok) {
		/* Half a view is still the whole host's: the namespace is
		 * ours alone, and nothing has moved yet. */
		log_warn("mail_namespace: %s: %s; this session has no view of its own", step,
			 strerror(errno));
		return false;
	}
	entered = true;
	return true;
}
