/*
 * tls.h - TLS for a connection (OpenSSL 3): STARTTLS (RFC3501 §6.2.1,
 * RFC2595) and implicit TLS (imaps, `imapd -s`).
 *
 * The SSL_CTX is built once, before any fork, by whoever starts serving
 * (the master or imapd itself), so that certificates and keys are loaded
 * once and the pages holding them are shared by every child process.
 */
#ifndef IMAPD_NET_TLS_H
#define IMAPD_NET_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct conn_tls;

struct tls_settings {
	const char *cert_file;      /* tls_server_cert */
	const char *key_file;       /* tls_server_key */
	const char *ca_file;        /* tls_client_ca_file, or NULL */
	const char *versions;       /* tls_versions: "tls1_2 tls1_3" */
	const char *ciphers;        /* tls_ciphers: OpenSSL cipher list, or NULL */
	bool warm_up;               /* run one handshake now, before forking */
};

/* Build the process-wide server context; returns false with a message in
 * err (size errlen) when the certificate or key cannot be used. */
bool tls_init(const struct tls_settings *set, char *err, size_t errlen);

/* True once tls_init() succeeded: STARTTLS may be offered. */
bool tls_available(void);

/*
 * A TLS connection over rfd/wfd, server side, or NULL with the reason in
 * err.  The handshake is then run by calling tls_conn_handshake()
 * whenever the socket is ready for the events tls_conn_handshake_events()
 * names, until it returns 0 (done) or CONN_ERROR (reason in err; close the
 * connection); CONN_AGAIN: wait.  The caller puts a deadline on the
 * whole handshake.
 */
struct conn_tls *tls_conn_new(int rfd, int wfd, char *err, size_t errlen);
int tls_conn_handshake(struct conn_tls *t, char *err, size_t errlen);
unsigned tls_conn_handshake_events(const struct conn_tls *t);

/* Whether t (NULL: no TLS) is still in its handshake. */
bool tls_conn_handshaking(const struct conn_tls *t);

/* The negotiated cipher's strength in bits (the SASL SSF), 0 without TLS. */
unsigned tls_conn_ssf(const struct conn_tls *t);

/* "TLSv1.3 TLS_AES_256_GCM_SHA384" for logs; "" without TLS. */
const char *tls_conn_describe(const struct conn_tls *t);

/* Non-blocking record I/O for conn.c: > 0, CONN_AGAIN (the events to
 * wait for are in tls_conn_read_events() / tls_conn_write_events()),
 * CONN_EOF, CONN_ERROR (net/iocodes.h). */
ssize_t tls_conn_read(struct conn_tls *t, void *buf, size_t len);
ssize_t tls_conn_write(struct conn_tls *t, const void *buf, size_t len);
unsigned tls_conn_read_events(const struct conn_tls *t);
unsigned tls_conn_write_events(const struct conn_tls *t);

/* Whether OpenSSL holds decrypted octets not yet read. */
bool tls_conn_pending(const struct conn_tls *t);
void tls_conn_free(struct conn_tls **t);

#endif
