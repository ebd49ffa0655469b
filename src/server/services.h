/*
 * services.h - imapd-master's services file (man/imapd-master.8) and its
 * listening sockets.
 *
 *   NAME listen=[ADDR:]PORT [prefork=N] [maxchild=N] [client_limit=N] [args="OPTIONS"]
 *
 * prefork: login processes kept running; maxchild: logged-in sessions
 * (session processes) at once; client_limit: connections one login
 * process holds; args: imapd's -U -T -s -p.
 */
#ifndef IMAPD_SERVER_SERVICES_H
#define IMAPD_SERVER_SERVICES_H

#include <stdbool.h>
#include <time.h>

#include "server/serve.h"

#define SERVICES_MAX 32
#define SERVICES_MAX_ARGS 32
#define SERVICES_DEFAULT_MAXCHILD 100
#define SERVICES_DEFAULT_CLIENT_LIMIT 1000
/* Login processes of one service at most (prefork, plus those started
 * when every one is full). */
#define SERVICES_MAX_LOGIN_PROCESSES 16

struct service {
	char name[32];
	char listen[160];            /* [address:]port */
	char args[256];              /* imapd options: -U -T -s -p */
	unsigned prefork;            /* login processes kept running */
	unsigned maxchild;           /* logged-in sessions at once */
	unsigned client_limit;       /* connections per login process */
	struct serve_options opt;
	/* Run time, imapd-master's */
	int fd;                      /* the listening socket */
	bool in_use;
	time_t spawn_second;
	unsigned spawns;             /* login processes started in spawn_second */
};

/*
 * Read the services file into out[] (SERVICES_MAX entries); returns the
 * number of services, or -1.  Errors are logged as file:line.  A missing
 * file is an error when must_exist; otherwise the built-in services are
 * imap on 143 and imaps (-s) on 993.
 */
int services_read(const char *path, struct service *out, bool must_exist);

/* Bind and listen on "[addr:]port", "[v6addr]:port" or "port" (every
 * address); returns the non-blocking socket, or -1 (logged). */
int services_bind(const char *spec);

/* Split "key=value" words, with "double quotes" around values that hold
 * spaces: the next word of *p (NUL-terminated in place), or NULL. */
char *services_next_word(char **p);

#endif
