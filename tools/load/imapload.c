/*
 * imapload.c - a load generator for IMAP servers: the command line, the
 * start of every client (spread over the ramp), the run, the stop (every
 * session says LOGOUT and waits for its answer) and the report.
 *
 *   imapload [-h host] [-p port] [-P tls-port] [-t seconds] [-r ramp]
 *            [-z think-ms] [-T timeout] [-i keepalive] [-u user-format]
 *            [-w password-format] [-U users] [-m mailbox] [-s seed] [-S] [-v]
 *            WORKLOAD:COUNT[:tls] ...
 *
 * tools/load/README.md describes the workloads and the output.  Exit
 * status: 0 when no answer was wrong and no connection was refused, 1
 * otherwise, 2 on a usage or set-up error.
 */
#include "load.h"

#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

struct options opt = {
	.seconds = 10, .ramp = 1, .think_ms = 0, .timeout = 30, .user_fmt = "load%d",
	.pass_fmt = "load%d", .users = 1, .mailbox = "INBOX",
};

static void usage(void)
{
	fprintf(stderr,
		"usage: imapload [-h host] [-p port] [-P tls-port] [-t seconds] [-r ramp-seconds]\n"
		"                [-z think-ms] [-T timeout] [-i keepalive-seconds] [-u user-format]\n"
		"                [-w password-format] [-U users] [-m mailbox] [-s seed] [-S] [-v]\n"
		"                WORKLOAD:COUNT[:tls] ...\n"
		"workloads: login mixed idle slowread trickle tlsidle rawidle\n"
		"          select fetch store append expunge (mixed, one command kind)\n");
	exit(2);
}

static void resolve(const char *host, const char *port, struct sockaddr_storage *a, socklen_t *len)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
	int r = getaddrinfo(host, port, &hints, &res);
	if (r != 0) {
		fprintf(stderr, "imapload: %s:%s: %s\n", host, port, gai_strerror(r));
		exit(2);
	}
	memcpy(a, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
}

static double cpu_seconds(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       ru.ru_stime.tv_usec / 1e6;
}

static bool parse_group(const char *arg, struct group *g)
{
	char name[32];
	int count = 0;
	char extra[16] = "";
	if (sscanf(arg, "%31[a-z]:%d:%15s", name, &count, extra) < 2 || count < 1)
		return false;
	memset(g, 0, sizeof(*g));
	for (int k = 0; k < W_KINDS; k++)
		if (strcmp(workloads[k]->name, name) == 0)
			g->kind = (enum work_kind)k;
	if (strcmp(workloads[g->kind]->name, name) != 0)
		return false;
	g->count = count;
	g->tls = strcmp(extra, "tls") == 0 || g->kind == W_TLSIDLE;
	return extra[0] == '\0' || strcmp(extra, "tls") == 0;
}

int main(int argc, char **argv)
{
	const char *host = "127.0.0.1", *port = "143", *tls_port = NULL;
	unsigned seed = 1;
	int o;
	while ((o = getopt(argc, argv, "h:p:P:t:r:z:T:i:u:w:U:m:s:Sv")) != -1) {
		switch (o) {
		case 'h': host = optarg; break;
		case 'p': port = optarg; break;
		case 'P': tls_port = optarg; break;
		case 't': opt.seconds = atof(optarg); break;
		case 'r': opt.ramp = atof(optarg); break;
		case 'z': opt.think_ms = atof(optarg); break;
		case 'T': opt.timeout = atof(optarg); break;
		case 'i': opt.keepalive = atof(optarg); break;
		case 'u': opt.user_fmt = optarg; break;
		case 'w': opt.pass_fmt = optarg; break;
		case 'U': opt.users = atoi(optarg); break;
		case 'm': opt.mailbox = optarg; break;
		case 's': seed = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'S': opt.spread = true; break;
		case 'v': opt.verbose++; break;
		default: usage();
		}
	}
	if (optind >= argc || opt.seconds <= 0 || opt.users < 1)
		usage();
	int ngroups = argc - optind;
	struct group *groups = calloc((size_t)ngroups, sizeof(*groups));
	int total = 0;
	for (int i = 0; i < ngroups; i++) {
		if (!parse_group(argv[optind + i], &groups[i])) {
			fprintf(stderr, "imapload: bad workload %s\n", argv[optind + i]);
			usage();
		}
		if (groups[i].tls && tls_port == NULL && groups[i].kind != W_RAWIDLE) {
			fprintf(stderr, "imapload: %s needs -P tls-port\n", argv[optind + i]);
			return 2;
		}
		total += groups[i].count;
	}
	resolve(host, port, &opt.addr, &opt.addrlen);
	if (tls_port != NULL) {
		resolve(host, tls_port, &opt.tls_addr, &opt.tls_addrlen);
		opt.have_tls = true;
	}
	srand(seed);
	signal(SIGPIPE, SIG_IGN);
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)total + 64) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		if (rl.rlim_cur < (rlim_t)total + 64) {
			fprintf(stderr, "imapload: %d clients but only %llu file descriptors\n", total,
				(unsigned long long)rl.rlim_cur);
			return 2;
		}
	}
	loop_init();
	all_clients = calloc((size_t)total, sizeof(*all_clients));
	nall_clients = total;
	int id = 0;
	for (int g = 0; g < ngroups; g++) {
		for (int i = 0; i < groups[g].count; i++, id++) {
			struct client *c = &all_clients[id];
			c->id = id;
			c->slot = i;
			c->group = &groups[g];
			c->w = workloads[groups[g].kind];
			c->fd = -1;
			c->cmd = -1;
			c->tls = groups[g].tls && opt.have_tls && groups[g].kind != W_RAWIDLE;
			c->work_state = calloc(1, c->w->state_size);
		}
	}
	/* The start, spread over the ramp in client order, interleaving
	 * the groups so that hostile clients arrive among the others. */
	double t0 = now(), cpu0 = cpu_seconds();
	int *order = calloc((size_t)total, sizeof(*order));
	for (int i = 0; i < total; i++)
		order[i] = i;
	for (int i = total - 1; i > 0; i--) {
		int j = rand() % (i + 1), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (int k = 0; k < total; k++) {
		struct client *c = &all_clients[order[k]];
		double at = t0 + opt.ramp * k / total;
		loop_run(at);
		client_connect(c);
	}
	loop_run(t0 + opt.ramp + opt.seconds);
	double elapsed = now() - t0;
	/* The end: every session logs out and waits for its answers. */
	for (int i = 0; i < total; i++)
		all_clients[i].w->stop(&all_clients[i]);
	loop_drain(now() + opt.timeout);
	uint64_t bad = 0;
	for (int g = 0; g < ngroups; g++)
		if (!workloads[groups[g].kind]->hostile)
			bad += groups[g].errors + groups[g].refused + groups[g].timeouts;
	for (int i = 0; i < total; i++) {
		struct client *c = &all_clients[i];
		if (c->fd >= 0 && !c->w->hostile) {
			stats_error(c, "still connected %.0f s after the end", opt.timeout);
			bad++;
		}
		if (c->fd >= 0)
			client_close(c);
	}
	stats_report(groups, ngroups, elapsed, (cpu_seconds() - cpu0) / elapsed);
	return bad > 0 ? 1 : 0;
}
