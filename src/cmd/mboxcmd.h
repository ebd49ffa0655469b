/*
 * mboxcmd.h - what the mailbox and message executors (select.c ...
 * search.c) share: checking a mailbox name argument, turning a store
 * error into NO, system flag arguments, and the SELECT/EXAMINE reply.
 */
#ifndef IMAPD_CMD_MBOXCMD_H
#define IMAPD_CMD_MBOXCMD_H

#include <stdbool.h>

#include "proto/ast.h"
#include "proto/session.h"
#include "store/store.h"

/* The canonical name of a mailbox argument (store_name_check), in the
 * command's arena; NULL after answering NO. */
const char *mboxcmd_name(struct session *s, const struct imap_string *arg, bool for_create);

/* tag NO [code] text, from a store error. */
void mboxcmd_no(struct session *s, const struct store_err *err);

/* Check a flag list for STORE or APPEND: \Recent cannot be set by a
 * client and "\Foo" is no flag we know (RFC2060 §2.3.2): false after
 * answering BAD. */
bool mboxcmd_check_flags(struct session *s, const struct imap_flags *flags);

/* SELECT and EXAMINE (RFC2060 §6.3.1, §6.3.2). */
void mboxcmd_select(struct session *s, const struct imap_cmd *cmd, bool readonly);

/* Leave the selected state without expunging (before another SELECT). */
void mboxcmd_deselect(struct session *s);

/* STATUS of mailbox `name` for the items of order: SIZE, which costs a
 * pass over the messages, only when asked for. */
bool mboxcmd_status_get(struct session *s, const char *name, const enum imap_status_att *order,
			size_t n, struct store_status *st_r, struct store_err *err);

/* "* STATUS name (...)": the items of order (RFC2060 §7.2.4), also for
 * LIST's STATUS return option (RFC5819). */
void mboxcmd_status_write(struct session *s, const char *name, const enum imap_status_att *order,
			  size_t n, const struct store_status *st);

/* RFC9051 §6.3.2: the untagged LIST of one mailbox, for an IMAP4rev2
 * SELECT; false when the store could not list it. */
bool mboxcmd_list_selected(struct session *s, const char *name);

/* LIST and LSUB (RFC2060 §6.3.8, §6.3.9); the extended LIST of RFC5258. */
void mboxcmd_list(struct session *s, const struct imap_cmd *cmd, bool lsub);

#endif
