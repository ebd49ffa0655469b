/*
 * serve.h - serving connections: one on stdin/stdout, or many accepted
 * one after another from a listening socket we were handed (inetd "wait",
 * systemd socket activation, imapd-master's preforked children).
 */
#ifndef IMAPD_SERVER_SERVE_H
#define IMAPD_SERVER_SERVE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/config.h"

struct serve_options {
	const struct imapd_config *cfg;
	unsigned uses;          /* -U: connections to serve before exiting */
	unsigned idle_timeout;  /* -T: seconds without a connection; 0 = never */
	bool implicit_tls;      /* -s */
	unsigned external_ssf;  /* -p */
	bool preauth;           /* invoked as rimapd */
	const char *preauth_user;
};

/* Defaults of imapd's options: -U 250, -T 60. */
#define SERVE_DEFAULT_USES 250
#define SERVE_DEFAULT_IDLE 60

/*
 * Parse imapd's options "-U uses -T timeout -s -p ssf" (and, when the
 * pointers are not NULL, "-C file" and "-D") from argv into opt.
 * Returns false with a message in err; argv[0] is skipped.  Used by imapd
 * and by imapd-master for a service's arguments.
 */
bool serve_parse_args(int argc, char **argv, struct serve_options *opt, const char **config_r,
		      bool *debug_r, char *err, size_t errlen);

/*
 * Process-wide set-up shared by every connection and, in imapd-master,
 * done once before forking so children share it: the TLS context from
 * tls_server_cert/tls_server_key and Cyrus SASL; before_fork also warms
 * OpenSSL's caches so that children share them.  Problems are logged;
 * returns false if TLS was asked for (cert configured) but cannot work.
 */
bool serve_setup(const struct imapd_config *cfg, bool before_fork);

/* Serve the client on rfd/wfd until it leaves. */
void serve_connection(const struct serve_options *opt, int rfd, int wfd);

/* Serve a client that logged in through a login process of
 * imapd-master (server/login.h): fd is the client's socket, or the
 * session's end of the socketpair its login process relays TLS over;
 * h says who logged in, how, the tag of the login command and the input
 * read after it; peer is "addr:port" for the log.  Opens the account
 * (privileges, store), sends the tagged OK and serves the session to its
 * end, as serve_connection() does. */
struct handoff;
void serve_handed(const struct serve_options *opt, int fd, const struct handoff *h,
		  const char *peer);

/* "192.0.2.1:5000", "[2001:db8::1]:5000", or "a local socket" / "a pipe". */
void serve_describe_peer(int fd, char *buf, size_t len);

/* Accept and serve connections on listen_fd (see serve_options); returns
 * when -U uses are spent, -T seconds pass idle, or on SIGTERM/SIGINT.  A
 * connection being served when SIGTERM arrives gets "* BYE" and ends. */
void serve_listener(const struct serve_options *opt, int listen_fd);

/* True if fd is a listening socket. */
bool serve_is_listener(int fd);

/* True if fd is a socket (connected or not). */
bool serve_is_socket(int fd);


#endif
