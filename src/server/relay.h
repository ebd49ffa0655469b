/*
 * relay.h - after a TLS client logged in, its login process keeps the
 * TLS state (a session process cannot take it over) and relays: octets
 * the client sends, decrypted, go to a socketpair whose other end the
 * session process serves, and what the session process writes goes out
 * encrypted, as Dovecot's imap-login does.
 *
 * No IMAP is read here.  Each direction holds at most one buffer
 * (CONN_OUTPUT_HIGH_WATER towards the client): a side that does not read
 * stops the other side being read.  The relay ends when the session
 * process closes its end (its output sent first, FINAL_FLUSH_MS at most)
 * or the client goes away (the session process then reads EOF).
 */
#ifndef IMAPD_SERVER_RELAY_H
#define IMAPD_SERVER_RELAY_H

#include "net/conn.h"
#include "net/ioloop.h"

struct relay;

/* Called once from the loop when the relay is over; may relay_free(). */
typedef void relay_end_fn(void *ctx);

/*
 * Relay between the TLS connection *client (moved into the relay: *client
 * is left empty; octets it had buffered go first) and `fd`, one end of a
 * socketpair (made non-blocking; the relay closes it).  NULL when the
 * descriptors cannot be watched.
 */
struct relay *relay_start(struct ioloop *loop, struct conn *client, int fd, relay_end_fn *fn,
			  void *ctx);

/* Close both sides, free; *r = NULL (no-op for NULL).  The client's
 * descriptor is not closed (its owner closes it). */
void relay_free(struct relay **r);

#endif
