/*
 * load.h - imapload, a load generator for IMAP servers (tools/load/README.md).
 *
 * One thread, one epoll loop, many clients.  Each client belongs to a
 * workload (login churn, mixed persistent sessions, idle sessions, and
 * the hostile ones: slow readers, tricklers, idle TLS); the workload
 * drives it through callbacks and checks every answer it gets.
 */
#ifndef IMAPLOAD_LOAD_H
#define IMAPLOAD_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include <openssl/ssl.h>

struct client;

/* ---- what the run was asked to do (imapload.c) ---------------------------- */

struct options {
	struct sockaddr_storage addr, tls_addr;
	socklen_t addrlen, tls_addrlen;
	bool have_tls;
	double seconds;           /* -t: how long the workloads run */
	double ramp;              /* -r: clients start spread over this many seconds */
	double think_ms;          /* -z: mean pause between a session's commands */
	double timeout;           /* -T: an answer later than this is an error */
	double keepalive;         /* -i: idle sessions send NOOP this often (0: never) */
	const char *user_fmt;     /* -u: "load%d", numbered by client modulo users */
	const char *pass_fmt;     /* -w */
	int users;                /* -U */
	const char *mailbox;      /* -m: the mailbox of login churn, idle and slowread */
	bool spread;              /* -S: each client from its own 127/8 address */
	int verbose;
};

extern struct options opt;

/* ---- workloads (work_*.c) ---------------------------------------------------- */

/* W_SELECT..W_EXPUNGE: the mixed session doing one command kind only
 * (work_mixed.c), for a rate per command. */
enum work_kind { W_LOGIN, W_MIXED, W_IDLE, W_SLOWREAD, W_TRICKLE, W_TLSIDLE, W_RAWIDLE,
		 W_SELECT, W_FETCH, W_STORE, W_APPEND, W_EXPUNGE, W_KINDS };

struct workload {
	const char *name;
	bool hostile;             /* its answers are not judged; it must not lock others out */
	size_t state_size;        /* per-client state the workload keeps (c->work_state) */
	/* The connection is up (greeting read, or for raw ones, connected). */
	void (*start)(struct client *c);
	/* An untagged response or a continuation ("+"), whole (literals in it). */
	void (*untagged)(struct client *c, const char *resp, size_t len);
	/* The tagged answer of the command in flight. */
	void (*done)(struct client *c, const char *status, const char *resp, size_t len);
	/* A timer the workload set (client_sleep) went off. */
	void (*timer)(struct client *c);
	/* The server closed the connection (not after LOGOUT). */
	void (*closed)(struct client *c);
	/* The run is over: say goodbye (or just close). */
	void (*stop)(struct client *c);
};

extern const struct workload *const workloads[W_KINDS];

/* ---- one client connection (client.c) ----------------------------------------- */

struct client {
	int id;                   /* 0.. over all clients */
	int slot;                 /* 0.. within its workload group */
	const struct workload *w;
	struct group *group;
	bool tls;
	int fd;
	SSL *ssl;
	bool connecting, handshaking, greeted, closing, dead;
	bool want_write;          /* output waits for room */
	bool reading_paused;      /* slow readers read on a timer only */
	/* input: responses are cut from here */
	char *in;
	size_t in_len, in_cap, in_scan;
	/* output not yet written */
	char *out;
	size_t out_len, out_cap;
	/* the command in flight */
	char tag[16];
	unsigned tagn;
	int cmd;                  /* enum cmd_kind of the command in flight, -1 none */
	double cmd_sent;          /* when it went out */
	const char *literal;      /* APPEND data waiting for "+" */
	size_t literal_len;
	bool literal_plus;        /* the server takes {n+} (LITERAL+) */
	double connected_at;
	/* timers */
	double wake_at;           /* 0: none */
	unsigned timer_gen;
	void *work_state;
};

/* Connect (to the TLS port if c->tls) and register with the loop. */
void client_connect(struct client *c);
/* Close the connection; the workload may connect again. */
void client_close(struct client *c);
/* Send a command: a fresh tag, `kind` for the latency figures.  With
 * literal, the command line ends in the literal's header and the literal
 * follows (after "+", or at once with LITERAL+). */
void client_cmd(struct client *c, int kind, const char *literal, size_t literal_len,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Raw octets (tricklers). */
void client_send(struct client *c, const char *data, size_t len);
/* Call w->timer after `seconds`. */
void client_sleep(struct client *c, double seconds);
/* Think time: an exponential pause of mean opt.think_ms. */
double client_think(void);
/* Read at most n octets now and throw them away (slow readers); returns
 * how many, -1 at the end of the stream. */
long client_drain(struct client *c, size_t n);
/* Stop / resume reading from the socket (slow readers). */
void client_pause_reading(struct client *c, bool paused);

/* Every client, for the timeout check. */
extern struct client *all_clients;
extern int nall_clients;

/* The event loop: run until `until` (monotonic seconds); loop_drain
 * returns earlier, once no client has a connection. */
void loop_run(double until);
void loop_drain(double until);
void loop_init(void);
double now(void);

/* ---- figures (stats.c) ------------------------------------------------------------ */

enum cmd_kind { K_CONNECT, K_GREETING, K_LOGIN, K_SELECT, K_FETCH, K_FETCHBODY, K_STORE,
		K_SEARCH, K_APPEND, K_EXPUNGE, K_NOOP, K_STATUS, K_CREATE, K_LOGOUT, K_ROUND,
		K_KINDS };

extern const char *const cmd_names[K_KINDS];

/* A workload group: one line of the command line ("mixed:500:tls"). */
struct group {
	enum work_kind kind;
	int count;
	bool tls;
	/* figures */
	uint64_t commands, errors, refused, timeouts, rounds;
	uint64_t closed_by_server, connects, bytes_read;
	double held_seconds;      /* hostile: how long connections were kept open */
};

void stats_latency(int kind, double seconds);
/* A protocol error of client c: counted, and the first ones printed. */
void stats_error(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void stats_report(struct group *groups, int ngroups, double elapsed, double cpu);
uint64_t stats_count(int kind);

/* ---- small helpers (client.c) --------------------------------------------------- */

/* The user name and password of client c. */
const char *client_user(const struct client *c);
const char *client_pass(const struct client *c);
/* Whether resp begins with text (case-sensitive). */
bool starts(const char *resp, size_t len, const char *text);
/* The number after "* " in an untagged response like "* 12 EXISTS", with
 * the word after it in *word_r; -1 if it is not of that form. */
long untagged_num(const char *resp, size_t len, const char **word_r);

#endif
