/*
 * login.h - a login process of imapd-master.
 *
 * It runs unprivileged (auth/loginprivs.h) and holds many connections at
 * once on one event loop, each a session in the not-authenticated state:
 * greeting, CAPABILITY, STARTTLS or implicit TLS, LOGIN, AUTHENTICATE,
 * under login_timeout.  The master hands it each client it accepts; when
 * a client logs in, the login process hands it back (server/handoff.h)
 * and imapd-master starts a session process for that user.  For a TLS
 * client the login process keeps the TLS state and relays (server/relay.h)
 * until the session ends.  A silent or slow client costs a few kilobytes
 * here, not a process.
 */
#ifndef IMAPD_SERVER_LOGIN_H
#define IMAPD_SERVER_LOGIN_H

#include "server/serve.h"

/*
 * Serve the connections the master sends on `master_fd` (its end of the
 * SOCK_SEQPACKET pair) until told to retire or stop and every connection
 * is over, or until the master goes away.  Privileges must already be
 * dropped.  Returns the process's exit status.
 */
int login_run(const struct serve_options *opt, int master_fd);

#endif
