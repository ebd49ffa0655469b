/*
 * store.h - the maildir store: a user's mail root and its mailboxes.
 */
#ifndef IMAPD_STORE_STORE_H
#define IMAPD_STORE_STORE_H

#include <stdbool.h>

struct session;

/* Open the store at s->mail_root for the session (creating the root
 * maildir if it does not exist); false with a reason in *why_r. */
bool store_session_open(struct session *s, const char **why_r);

/* Close the selected mailbox and the store. */
void store_session_close(struct session *s);

#endif
