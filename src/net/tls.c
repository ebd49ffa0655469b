/*
 * tls.c - TLS with OpenSSL 3 (see tls.h).
 */
#include "net/tls.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "net/iocodes.h"
#include "net/ioloop.h"

struct conn_tls {
	SSL *ssl;
	bool handshaking;
	unsigned hs_want;           /* IO_* the handshake waits for */
	unsigned read_want;         /* IO_* the last read waited for, or 0 */
	unsigned write_want;        /* IO_* the last write waited for, or 0 */
	char desc[96];
};

static SSL_CTX *server_ctx;

static void tls_warm_up(SSL_CTX *ctx);

static void last_error(char *err, size_t errlen, const char *what)
{
	unsigned long e = ERR_get_error();
	char buf[256] = "";
	if (e != 0)
		ERR_error_string_n(e, buf, sizeof(buf));
	snprintf(err, errlen, "%s%s%s", what, buf[0] ? ": " : "", buf);
	ERR_clear_error();
}

/* "tls1_2 tls1_3" (Cyrus's tls_versions syntax): the lowest and highest
 * protocol versions named. */
static bool parse_versions(const char *s, int *min_r, int *max_r)
{
	static const struct { const char *name; int v; } names[] = {
		{ "tls1_0", TLS1_VERSION }, { "tls1_1", TLS1_1_VERSION },
		{ "tls1_2", TLS1_2_VERSION }, { "tls1_3", TLS1_3_VERSION },
	};
	int lo = 0, hi = 0;
	while (*s != '\0') {
		while (*s == ' ' || *s == ',' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		size_t len = strcspn(s, " ,\t");
		bool found = false;
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			if (strlen(names[i].name) == len && strncmp(s, names[i].name, len) == 0) {
				if (lo == 0 || names[i].v < lo)
					lo = names[i].v;
				if (names[i].v > hi)
					hi = names[i].v;
				found = true;
			}
		}
		if (!found)
			return false;
		s += len;
	}
	if (lo == 0)
		return false;
	*min_r = lo;
	*max_r = hi;
	return true;
}

bool tls_init(const struct tls_settings *set, char *err, size_t errlen)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
	if (ctx == NULL) {
		last_error(err, errlen, "cannot create TLS context");
		return false;
	}
	int lo = TLS1_2_VERSION, hi = 0;
	if (set->versions != NULL && set->versions[0] != '\0'
	    && !parse_versions(set->versions, &lo, &hi)) {
		snprintf(err, errlen, "tls_versions: unknown version in \"%s\"", set->versions);
		SSL_CTX_free(ctx);
		return false;
	}
	SSL_CTX_set_min_proto_version(ctx, lo);
	if (hi != 0)
		SSL_CTX_set_max_proto_version(ctx, hi);
	SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE
			    | SSL_OP_NO_RENEGOTIATION);
	/* One process per connection, so a session cache in this process
	 * would never be hit; TLS 1.2 tickets still let clients resume, and
	 * since the context (with its ticket keys) is made before
	 * imapd-master forks, a ticket from one child is good in another. */
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_session_id_context(ctx, (const unsigned char *)"imapd", 5);
	/* No TLS 1.3 session tickets.  They are sent after the handshake, as
	 * records of their own, and clients that read and write one TLS
	 * socket from two threads (imaplib2, under offlineimap) can hang
	 * when those records arrive while they write their first command
	 * after STARTTLS (seen here about once in 40 syncs).  IMAP
	 * connections are long-lived, so resumption buys little; TLS 1.2
	 * tickets, sent inside the handshake, stay. */
	SSL_CTX_set_num_tickets(ctx, 0);
	/* An idle connection keeps no TLS record buffers (about 34 kB each
	 * way): they are freed when empty and taken again on traffic. */
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	if (set->ciphers != NULL && set->ciphers[0] != '\0'
	    && SSL_CTX_set_cipher_list(ctx, set->ciphers) != 1) {
		last_error(err, errlen, "tls_ciphers");
		SSL_CTX_free(ctx);
		return false;
	}
	if (SSL_CTX_use_certificate_chain_file(ctx, set->cert_file) != 1) {
		last_error(err, errlen, set->cert_file);
		SSL_CTX_free(ctx);
		return false;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, set->key_file, SSL_FILETYPE_PEM) != 1) {
		last_error(err, errlen, set->key_file);
		SSL_CTX_free(ctx);
		return false;
	}
	if (SSL_CTX_check_private_key(ctx) != 1) {
		last_error(err, errlen, "tls_server_key does not match tls_server_cert");
		SSL_CTX_free(ctx);
		return false;
	}
	if (set->ca_file != NULL && set->ca_file[0] != '\0') {
		STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(set->ca_file);
		if (SSL_CTX_load_verify_locations(ctx, set->ca_file, NULL) != 1 || names == NULL) {
			last_error(err, errlen, set->ca_file);
			SSL_CTX_free(ctx);
			return false;
		}
		/* Ask for a client certificate signed by these CAs, but do not
		 * insist: most clients have none. */
		SSL_CTX_set_client_CA_list(ctx, names);
		SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	}
	if (server_ctx != NULL)
		SSL_CTX_free(server_ctx);
	server_ctx = ctx;
	if (set->warm_up)
		tls_warm_up(ctx);
	return true;
}

/*
 * Run one TLS handshake with ourselves over a socket pair.  OpenSSL
 * fetches and caches its algorithms (digests, ciphers, key exchange
 * groups, the signature scheme of our key) on first use; doing that here,
 * before imapd-master forks, leaves those caches in pages every child
 * shares instead of each child building its own on its first client.
 */
static void tls_warm_up(SSL_CTX *ctx)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) != 0)
		return;
	SSL_CTX *cctx = SSL_CTX_new(TLS_client_method());
	SSL *srv = SSL_new(ctx);
	SSL *cli = cctx != NULL ? SSL_new(cctx) : NULL;
	if (srv != NULL && cli != NULL && SSL_set_fd(srv, sv[0]) == 1 && SSL_set_fd(cli, sv[1]) == 1) {
		SSL_set_accept_state(srv);
		SSL_set_connect_state(cli);
		bool sdone = false, cdone = false;
		for (int i = 0; i < 50 && !(sdone && cdone); i++) {
			if (!cdone) {
				int r = SSL_do_handshake(cli);
				cdone = r == 1;
				if (r <= 0 && SSL_get_error(cli, r) != SSL_ERROR_WANT_READ
				    && SSL_get_error(cli, r) != SSL_ERROR_WANT_WRITE)
					break;
			}
			if (!sdone) {
				int r = SSL_do_handshake(srv);
				sdone = r == 1;
				if (r <= 0 && SSL_get_error(srv, r) != SSL_ERROR_WANT_READ
				    && SSL_get_error(srv, r) != SSL_ERROR_WANT_WRITE)
					break;
			}
		}
	}
	SSL_free(cli);
	SSL_free(srv);
	SSL_CTX_free(cctx);
	close(sv[0]);
	close(sv[1]);
	ERR_clear_error();
}

bool tls_available(void)
{
	return server_ctx != NULL;
}

/* Which way OpenSSL must wait after error e (IO_READ / IO_WRITE), or 0
 * when e is not a "try again". */
static unsigned want_of(int e)
{
	return e == SSL_ERROR_WANT_READ ? IO_READ : e == SSL_ERROR_WANT_WRITE ? IO_WRITE : 0;
}

struct conn_tls *tls_conn_new(int rfd, int wfd, char *err, size_t errlen)
{
	if (server_ctx == NULL) {
		snprintf(err, errlen, "TLS is not configured");
		return NULL;
	}
	struct conn_tls *t = calloc(1, sizeof(*t));
	if (t == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	t->ssl = SSL_new(server_ctx);
	if (t->ssl == NULL || SSL_set_rfd(t->ssl, rfd) != 1 || SSL_set_wfd(t->ssl, wfd) != 1) {
		last_error(err, errlen, "cannot set up TLS");
		tls_conn_free(&t);
		return NULL;
	}
	/* Our write buffer moves (it slides and grows) between a write that
	 * could not finish and its retry, and we take partial writes. */
	SSL_set_mode(t->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	SSL_set_accept_state(t->ssl);
	t->handshaking = true;
	t->hs_want = IO_READ;
	return t;
}

bool tls_conn_handshaking(const struct conn_tls *t)
{
	return t != NULL && t->handshaking;
}

unsigned tls_conn_handshake_events(const struct conn_tls *t)
{
	return t != NULL ? t->hs_want : 0;
}

int tls_conn_handshake(struct conn_tls *t, char *err, size_t errlen)
{
	int r = SSL_do_handshake(t->ssl);
	if (r == 1) {
		t->handshaking = false;
		t->hs_want = 0;
		snprintf(t->desc, sizeof(t->desc), "%s %s", SSL_get_version(t->ssl),
			 SSL_get_cipher_name(t->ssl));
		return 0;
	}
	int e = SSL_get_error(t->ssl, r);
	unsigned w = want_of(e);
	if (w != 0) {
		t->hs_want = w;
		return CONN_AGAIN;
	}
	if (e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)
		snprintf(err, errlen, "TLS handshake failed: the client closed the connection");
	else
		last_error(err, errlen, "TLS handshake failed");
	return CONN_ERROR;
}

unsigned tls_conn_ssf(const struct conn_tls *t)
{
	if (t == NULL)
		return 0;
	int bits = SSL_get_cipher_bits(t->ssl, NULL);
	return bits > 0 ? (unsigned)bits : 0;
}

const char *tls_conn_describe(const struct conn_tls *t)
{
	return t == NULL ? "" : t->desc;
}

bool tls_conn_pending(const struct conn_tls *t)
{
	return SSL_pending(t->ssl) > 0;
}

unsigned tls_conn_read_events(const struct conn_tls *t)
{
	return t->read_want != 0 ? t->read_want : IO_READ;
}

unsigned tls_conn_write_events(const struct conn_tls *t)
{
	return t->write_want != 0 ? t->write_want : IO_WRITE;
}

ssize_t tls_conn_read(struct conn_tls *t, void *buf, size_t len)
{
	size_t got = 0;
	t->read_want = 0;
	int r = SSL_read_ex(t->ssl, buf, len, &got);
	if (r == 1)
		return (ssize_t)got;
	int e = SSL_get_error(t->ssl, r);
	unsigned w = want_of(e);
	if (w != 0) {
		/* A TLS 1.3 key update can make a read wait for writing. */
		t->read_want = w;
		return CONN_AGAIN;
	}
	ERR_clear_error();
	return e == SSL_ERROR_ZERO_RETURN || e == SSL_ERROR_SYSCALL ? CONN_EOF : CONN_ERROR;
}

ssize_t tls_conn_write(struct conn_tls *t, const void *buf, size_t len)
{
	size_t done = 0;
	t->write_want = 0;
	int r = SSL_write_ex(t->ssl, buf, len, &done);
	if (r == 1)
		return (ssize_t)done;
	int e = SSL_get_error(t->ssl, r);
	unsigned w = want_of(e);
	if (w != 0) {
		t->write_want = w;
		return CONN_AGAIN;
	}
	ERR_clear_error();
	return CONN_ERROR;
}

void tls_conn_free(struct conn_tls **tp)
{
	struct conn_tls *t = *tp;
	if (t == NULL)
		return;
	if (t->ssl != NULL) {
		SSL_shutdown(t->ssl);
		SSL_free(t->ssl);
	}
	free(t);
	*tp = NULL;
}
