/*
 * imapd.c - entry point of the IMAP server.
 *
 *   imapd [-C config-file] [-U uses] [-T timeout] [-D] [-s] [-p ssf]
 *
 * What it serves is decided by what it was handed: a listening socket on
 * fd 3 with LISTEN_PID/LISTEN_FDS (systemd), a listening socket on fd 0
 * (inetd "wait"), else one client on stdin/stdout (inetd "nowait", a
 * pipe).  Invoked as "rimapd", the client is the Unix user running us.
 * See man/imapd.8.
 */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "net/tls.h"
#include "server/serve.h"
#include "util/config.h"
#include "util/log.h"

static void usage(const char *msg)
{
	if (msg != NULL)
		fprintf(stderr, "imapd: %s\n", msg);
	fprintf(stderr, "usage: imapd [-C config-file] [-U uses] [-T timeout] [-D] [-s] [-p ssf]\n");
	exit(64);
}

static void report_config(const char *msg)
{
	log_warn("%s", msg);
}

/* The socket systemd passed as fd 3, or -1 (sd_listen_fds(3)): a
 * listening socket (Accept=no) or one connection (Accept=yes). */
static int systemd_listener(void)
{
	const char *pid = getenv("LISTEN_PID");
	const char *fds = getenv("LISTEN_FDS");
	if (pid == NULL || fds == NULL)
		return -1;
	if (strtol(pid, NULL, 10) != (long)getpid() || strtol(fds, NULL, 10) < 1)
		return -1;
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	return 3;
}

/* -D: run debug_command with the program path and our pid, then go on. */
static void run_debugger(const struct imapd_config *cfg, const char *argv0)
{
	const char *fmt = cfg->debug_command;
	if (fmt == NULL || fmt[0] == '\0') {
		log_warn("-D given but debug_command is not set in %s", cfg->path);
		return;
	}
	/* Expand %s (program) and %d (pid) by hand: the format comes from a
	 * file, and handing it to printf would trust it with the stack. */
	char prog[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", prog, sizeof(prog) - 1);
	if (n > 0)
		prog[n] = '\0';
	else
		snprintf(prog, sizeof(prog), "%s", argv0);
	char cmd[4096];
	size_t used = 0;
	for (const char *p = fmt; *p && used < sizeof(cmd) - 1; p++) {
		char piece[PATH_MAX + 32];
		if (p[0] == '%' && p[1] == 's')
			snprintf(piece, sizeof(piece), "%s", prog), p++;
		else if (p[0] == '%' && p[1] == 'd')
			snprintf(piece, sizeof(piece), "%ld", (long)getpid()), p++;
		else if (p[0] == '%' && p[1] == '%')
			snprintf(piece, sizeof(piece), "%%"), p++;
		else
			snprintf(piece, sizeof(piece), "%c", *p);
		size_t len = strlen(piece);
		if (used + len >= sizeof(cmd))
			break;
		memcpy(cmd + used, piece, len);
		used += len;
	}
	cmd[used] = '\0';
	log_notice("-D: running %s", cmd);
	int r = system(cmd);
	if (r != 0)
		log_warn("debug_command exited with status %d", r);
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	struct serve_options opt = { .uses = SERVE_DEFAULT_USES, .idle_timeout = SERVE_DEFAULT_IDLE };
	bool debug = false;
	char *preauth_user = NULL;
	char err[256];
	if (!serve_parse_args(argc, argv, &opt, &config_path, &debug, err, sizeof(err)))
		usage(err);

	const char *base = strrchr(argv[0], '/');
	base = base != NULL ? base + 1 : argv[0];
	bool rimapd = strcmp(base, "rimapd") == 0;
	log_open(rimapd ? "rimapd" : "imapd");
	signal(SIGPIPE, SIG_IGN);

	struct imapd_config cfg;
	int errors = config_load(&cfg, config_path != NULL ? config_path : IMAPD_DEFAULT_CONFIG,
				 config_path != NULL, report_config);
	if (errors < 0)
		log_fatal("cannot read configuration file %s", config_path);
	if (!cfg.loaded)
		log_notice("no configuration file at %s, running on built-in defaults", cfg.path);
	opt.cfg = &cfg;

	if (debug)
		run_debugger(&cfg, argv[0]);

	/* inetd modes: nobody initialised TLS and SASL for us. */
	serve_setup(&cfg, false);
	if (opt.implicit_tls && !tls_available())
		log_fatal("-s needs a working tls_server_cert and tls_server_key in %s", cfg.path);

	if (rimapd) {
		struct passwd *pw = getpwuid(getuid());
		if (pw == NULL)
			log_fatal("rimapd: no passwd entry for uid %ld", (long)getuid());
		opt.preauth = true;
		preauth_user = strdup(pw->pw_name);
		if (preauth_user == NULL)
			log_fatal("out of memory");
		opt.preauth_user = preauth_user;
	}

	int fd = systemd_listener();
	if (fd >= 0 && !serve_is_listener(fd))
		serve_connection(&opt, fd, fd);      /* systemd Accept=yes */
	else if (fd >= 0)
		serve_listener(&opt, fd);            /* systemd Accept=no */
	else if (serve_is_listener(0))
		serve_listener(&opt, 0);             /* inetd "wait" */
	else
		serve_connection(&opt, 0, 1);        /* inetd "nowait", a pipe */
	free(preauth_user);
	config_free(&cfg);
	return 0;
}
