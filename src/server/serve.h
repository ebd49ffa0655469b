/*
 * serve.h - serving connections: one on stdin/stdout, or many accepted
 * one after another from a listening socket we were handed (inetd "wait",
 * systemd socket activation, imapd-master's preforked children).
 */
#ifndef IMAPD_SERVER_SERVE_H
#define IMAPD_SERVER_SERVE_H

#include <stdbool.h>

#include "util/config.h"

struct serve_options {
	const struct imapd_config *cfg;
	unsigned uses;          /* -U: connections to serve before exiting */
	unsigned idle_timeout;  /* -T: seconds without a connection; 0 = never */
	bool implicit_tls;      /* -s */
	unsigned external_ssf;  /* -p */
	bool preauth;           /* invoked as rimapd */
	const char *preauth_user;
	int status_fd;          /* imapd-master's status pipe, or -1 */
};

/* Serve the client on rfd/wfd until it leaves. */
void serve_connection(const struct serve_options *opt, int rfd, int wfd);

/* Accept and serve connections on listen_fd (see serve_options); returns
 * when -U uses are spent, -T seconds pass idle, or on SIGTERM. */
void serve_listener(const struct serve_options *opt, int listen_fd);

/* True if fd is a listening socket. */
bool serve_is_listener(int fd);

#endif
