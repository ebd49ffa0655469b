/*
 * kwfile.h - the folder's keywords file, Dovecot's "dovecot-keywords":
 * one "<slot> <name>" line per keyword, slot 0 being letter a.  Private
 * to src/store/.
 */
#ifndef IMAPD_STORE_KWFILE_H
#define IMAPD_STORE_KWFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store_int.h"

/* Whether name[0..len) can be a keyword: RFC3501 §9 flag-keyword = atom,
 * at most 200 octets. */
bool kw_name_ok(const char *name, size_t len);

/* (Re)read the folder's keywords file into mb->kw when it changed;
 * true when the names changed. */
bool kw_load(struct mailbox *mb);

/* Write mb->kw to the keywords file (lock held). */
bool kw_save(struct mailbox *mb);

#endif
