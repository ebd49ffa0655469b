/*
 * beneath.h - opening a file so that its path cannot leave a directory.
 *
 * A mail root belongs to one user, but the directories and files in it
 * can be symlinks (made by that user's shell, a delivery agent, a
 * restore): a session must never follow one out of the root into another
 * user's mail, whatever else confines it (Landlock is off with
 * `sandbox: no`; all virtual users may share one uid).
 */
#ifndef IMAPD_UTIL_BENEATH_H
#define IMAPD_UTIL_BENEATH_H

#include <sys/types.h>

/*
 * Open `rel` (a relative path) under the directory dirfd with open(2)'s
 * flags and mode, refusing any resolution that leaves dirfd: absolute
 * symlinks, "..", symlinks whose target is outside, /proc magic links
 * (openat2 RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS).  Where the kernel
 * has no openat2 (before Linux 5.6), the path is walked one directory at
 * a time with O_NOFOLLOW, which refuses every symlink.  Returns the
 * descriptor, or -1 with errno set (EXDEV or ELOOP for an escape).
 */
int beneath_open(int dirfd, const char *rel, int flags, mode_t mode);

/*
 * The same for a path given whole: when `path` lies under `root`
 * (a prefix ending at a "/"), it is opened beneath rootfd (an O_PATH or
 * O_DIRECTORY descriptor of root); otherwise -1 with EXDEV.
 */
int beneath_open_path(int rootfd, const char *root, const char *path, int flags, mode_t mode);

#endif
