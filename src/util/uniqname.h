/*
 * uniqname.h - names unique across hosts, processes and time, as the
 * maildir convention makes them: "<sec>.M<usec>P<pid>Q<n>.<host>".
 * Message files (store/maildir.c) and APPEND spool files (util/spool.c)
 * use them, so that whatever a crashed process leaves in tmp/ says which
 * host and process wrote it (store/maildir.c: mdir_clean_tmp).
 */
#ifndef IMAPD_UTIL_UNIQNAME_H
#define IMAPD_UTIL_UNIQNAME_H

#include <stddef.h>

/* Write a new unique name into out (NUL-terminated); returns its length,
 * or 0 when it does not fit outsz. */
size_t uniq_name(char *out, size_t outsz);

/* This host's name as the names carry it: "/", ":" and "," (which would
 * end a maildir name's base) written as \ooo. */
const char *uniq_host(void);

#endif
