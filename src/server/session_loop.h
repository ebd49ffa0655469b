/*
 * session_loop.h - serving one session on an event loop: greeting,
 * commands, commands that wait (IDLE, AUTHENTICATE, FETCH output the
 * client reads slowly), deadlines, BYE.
 */
#ifndef IMAPD_SERVER_SESSION_LOOP_H
#define IMAPD_SERVER_SESSION_LOOP_H

#include <stdbool.h>

#include "proto/session.h"

/* Serve s to the end: with implicit_tls, a TLS handshake comes first
 * (imaps).  Returns when the client logs out, disconnects, or a
 * deadline passes; the last output has been sent (or given up on). */
void session_loop_run(struct session *s, bool implicit_tls);

#endif
