/*
 * session_run.h - serving one session to its end.
 */
#ifndef IMAPD_SERVER_SESSION_RUN_H
#define IMAPD_SERVER_SESSION_RUN_H

#include "proto/session.h"

/* Serve the session to the end: greeting, commands, BYE.  Returns when
 * the client logs out, disconnects or times out. */
void session_run(struct session *s);

#endif
