/*
 * maildir.h - maildir file names, directories and crash-safe writes.
 *
 * A maildir message file is named <base>[:2,<info letters>] (the maildir
 * and Maildir++ specifications): the base is unique and never changes;
 * the letters are flags in ASCII order: D Draft, F Flagged, P Passed,
 * R Replied, S Seen, T Trashed, and a-z keywords (Dovecot's convention,
 * mapped to names by store/keywords.h).  A base may carry ",S=<size>"
 * (the file's size) and ",W=<size>" (the size in CRLF form) as Dovecot
 * and Courier write them; we read them to avoid opening the file.
 */
#ifndef IMAPD_STORE_MAILDIR_H
#define IMAPD_STORE_MAILDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* Longest file name we create or accept (NAME_MAX). */
#define MDIR_NAME_MAX 255

/* Bit of maildir letter c in an upper (A-Z) or lower (a-z) mask. */
#define MDIR_UPPER(c) (UINT32_C(1) << ((c) - 'A'))
#define MDIR_LOWER(c) (UINT32_C(1) << ((c) - 'a'))

/* Length of the base part of a file name (up to the ":" of the info). */
size_t mdir_base_len(const char *name);

/* The info letters of a file name: upper-case ones into *upper_r, lower-
 * case ones into *lower_r.  A name without ":2," has none. */
void mdir_parse_info(const char *name, uint32_t *upper_r, uint32_t *lower_r);

/* ",W=<n>" (CRLF size) in the base of name: true and *size_r if present. */
bool mdir_base_vsize(const char *name, uint64_t *size_r);

/* Write base + ":2," + the letters of the masks (ASCII order) into out;
 * returns the length, or 0 when it does not fit in outsz. */
size_t mdir_make_name(const char *base, size_t baselen, uint32_t upper, uint32_t lower,
		      char *out, size_t outsz);

/* IMAP system flags (enum imap_sysflag) <-> maildir upper-case letters. */
unsigned mdir_upper_to_sysflags(uint32_t upper);
uint32_t mdir_sysflags_to_upper(unsigned sysflags);
/* The letters that carry IMAP system flags (D F R S T). */
#define MDIR_SYSLETTERS (MDIR_UPPER('D') | MDIR_UPPER('F') | MDIR_UPPER('R') | \
			 MDIR_UPPER('S') | MDIR_UPPER('T'))

/* A new unique base: "<sec>.M<usec>P<pid>Q<n>.<host>,S=<size>,W=<vsize>"
 * (vsize 0 / size 0: left out).  Returns the length, 0 if it won't fit. */
size_t mdir_unique_base(uint64_t size, uint64_t vsize, char *out, size_t outsz);

/* Count a file's CRLF size by reading it (see store_crlf_size).
 * Returns false on a read error. */
bool mdir_fd_crlf_size(int fd, uint64_t *size_r);

/* Create a maildir at path (the directory itself, cur/ new/ tmp/); an
 * existing one is fine.  With `folder`, also the Maildir++ "maildirfolder"
 * marker file.  Returns false with errno set. */
bool mdir_create(const char *path, bool folder);

/* fsync a directory by path (after renames and creations in it). */
bool mdir_fsync_dir(const char *path);

/* Write data to dir/name crash-safely: a temporary file in dir, fsync,
 * rename over name, fsync dir.  Returns false with errno set. */
bool mdir_write_file(const char *dir, const char *name, const void *data, size_t len);

/*
 * Remove what crashed writers left in maildir/tmp: a file we named
 * (mdir_unique_base, APPEND spools) whose process on this host is gone,
 * and any file untouched (atime, mtime, ctime) for 36 hours before `now`,
 * the maildir convention.  A live writer's file, another host's, and
 * anything that is no regular file stay.  Returns how many were removed.
 */
unsigned mdir_clean_tmp(const char *maildir, time_t now);
/* Copy the file src to a new file dst (created, never replaced) by
 * content, fsynced, with mtime `mtime` (INTERNALDATE); when a hard link
 * cannot be made.  False with errno set, dst removed. */
bool mdir_copy_file(const char *src, const char *dst, int64_t mtime);

/*
 * Remove what a crashed mdir_write_file() left in dir: "<name>.tmp<pid>"
 * for each of the NULL-terminated names, written by a process of this
 * host that is gone.  Call it holding the lock under which those files
 * are written, so that no writer on another host is at work.  Returns
 * how many were removed.
 */
unsigned mdir_clean_writes(const char *dir, const char *const *names);

/* mkdir -p path with mode 0700; false with errno set. */
bool mdir_mkdirs(const char *path);

/* Remove a directory tree (no symlinks followed); false on error. */
bool mdir_remove_tree(const char *path);

#endif
