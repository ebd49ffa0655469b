/*
 * session_store.c - attach a user's store to a session (see store.h).
 */
#include "store/store.h"

#include "proto/session.h"

bool store_session_open(struct session *s, const char **why_r)
{
	(void)why_r;
	return s->mail_root != NULL;
}

void store_session_close(struct session *s)
{
	(void)s;
}
