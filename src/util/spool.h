/*
 * spool.h - files that hold large literals while a command is read (an
 * APPEND message bigger than what is worth keeping in memory), in a
 * directory given by whoever will use them: the store's, on the file
 * system of the mailboxes, so that APPEND renames the file into place.
 *
 * The command reader creates a file and writes the literal to it; the
 * executor hands its path to the store, which renames it away; files no
 * command used are removed by spool_cleanup() and at spool_free().
 */
#ifndef IMAPD_UTIL_SPOOL_H
#define IMAPD_UTIL_SPOOL_H

struct spool;

/* A spool creating its files in `dir`; NULL when out of memory. */
struct spool *spool_new(const char *dir);

/* Remove the files still there and free; *sp = NULL. */
void spool_free(struct spool **sp);

/* A new empty file open for reading and writing: its descriptor, or -1
 * (logged).  The caller closes the descriptor. */
int spool_create(struct spool *sp);

/* The path of the file created with descriptor fd, or NULL. */
const char *spool_path(const struct spool *sp, int fd);

/* Remove every file created so far (a file renamed away is gone already). */
void spool_cleanup(struct spool *sp);

#endif
