/*
 * authhttp.c - imapd-auth-http (see man/imapd-auth-http.8 and
 * server/authsvc.h): the auth_http service of nginx's mail proxy in
 * front of several imapd backends.
 *
 *   imapd-auth-http [-C imapd.conf] [-m shard-map] [-l [addr:]port] [-p pidfile]
 *                   [-t probe-ms] [-f fresh-ms] [-c max-clients]
 *
 * Started as root, it binds its listener, initialises Cyrus SASL and
 * reads the map, then becomes login_user (as imapd-master's login
 * processes: no capabilities, no_new_privs, Landlock leaving /usr, /etc,
 * the sasldb and the map's directory readable, nothing writable) before
 * it reads a single request.  It never serves as root.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "auth/loginprivs.h"
#include "server/authsvc.h"
#include "server/services.h"
#include "util/config.h"
#include "util/log.h"

#define DEFAULT_MAP "/etc/imapd/shardmap"
#define DEFAULT_LISTEN "127.0.0.1:9143"

static void usage(void)
{
	fprintf(stderr, "usage: imapd-auth-http [-C imapd.conf] [-m shard-map] [-l [addr:]port] "
		"[-p pidfile] [-t probe-ms] [-f fresh-ms] [-c max-clients]\n");
	exit(64);
}

static void report(const char *msg)
{
	log_warn("%s", msg);
}

static unsigned number(const char *s, unsigned min, unsigned max)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || *s == '-' || v < min || v > max)
		usage();
	return (unsigned)v;
}

int main(int argc, char **argv)
{
	const char *config_path = IMAPD_DEFAULT_CONFIG, *pidfile = NULL;
	const char *listen_at = DEFAULT_LISTEN;
	bool config_given = false;
	struct authsvc_options opt = { .map_path = DEFAULT_MAP, .probe_ms = 1000, .fresh_ms = 1000,
				       .max_clients = 1024 };
	int c;
	while ((c = getopt(argc, argv, "C:m:l:p:t:f:c:")) != -1) {
		switch (c) {
		case 'C': config_path = optarg; config_given = true; break;
		case 'm': opt.map_path = optarg; break;
		case 'l': listen_at = optarg; break;
		case 'p': pidfile = optarg; break;
		case 't': opt.probe_ms = number(optarg, 10, 60000); break;
		case 'f': opt.fresh_ms = number(optarg, 0, 3600000); break;
		case 'c': opt.max_clients = number(optarg, 1, 100000); break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	log_open("imapd-auth-http");
	log_to_stderr(true);
	signal(SIGPIPE, SIG_IGN);

	struct imapd_config cfg;
	if (config_load(&cfg, config_path, config_given, report) < 0)
		log_fatal("cannot read configuration file %s", config_path);
	opt.cfg = &cfg;
	struct login_account acct;
	const char *why = NULL;
	if (!loginprivs_resolve(&cfg, &acct, &why))
		log_fatal("%s: %s", config_path, why);
	/* SASL's serverFQDN, its default realm: as imapd's sessions use. */
	static char host[256];
	if (cfg.servername[0] == '\0') {
		if (gethostname(host, sizeof(host) - 1) != 0)
			snprintf(host, sizeof(host), "localhost");
		free(cfg.servername);
		cfg.servername = strdup(host);
		if (cfg.servername == NULL)
			log_fatal("out of memory");
	}
	char err[512];
	if (!auth_init(&cfg, err, sizeof(err)))
		log_fatal("Cyrus SASL: %s", err);
	int lfd = services_bind(listen_at);
	if (lfd < 0)
		log_fatal("cannot listen on %s", listen_at);
	/* The map's directory stays readable for SIGHUP's re-read (an
	 * editor replaces the file). */
	char mapdir[PATH_MAX];
	snprintf(mapdir, sizeof(mapdir), "%s", opt.map_path);
	char *slash = strrchr(mapdir, '/');
	if (slash == NULL)
		snprintf(mapdir, sizeof(mapdir), ".");
	else if (slash == mapdir)
		mapdir[1] = '\0';
	else
		*slash = '\0';
	if (pidfile != NULL) {
		FILE *pf = fopen(pidfile, "we");
		if (pf == NULL)
			log_fatal("%s: %s", pidfile, strerror(errno));
		fprintf(pf, "%ld\n", (long)getpid());
		fclose(pf);
	}
	if (!loginprivs_drop_reading(&cfg, &acct, opt.max_clients * 2 + 64, mapdir))
		log_fatal("cannot drop privileges to %s", acct.name);
	if (geteuid() == 0 || getuid() == 0)
		log_fatal("refusing to serve as root");
	log_notice("listening on %s as %s (uid %ld); shard map %s", listen_at, acct.name,
		   (long)geteuid(), opt.map_path);
	log_to_stderr(false);
	int status = authsvc_run(&opt, lfd);
	close(lfd);
	config_free(&cfg);
	return status;
}
