/*
 * config.h - imapd.conf: "key: value" lines, "#" comments.
 *
 * Key names follow Cyrus imapd where the meaning matches (configdirectory,
 * servername, tls_*, allowplaintext, timeout, debug_command, sasl_*), so
 * an administrator's habits carry over.  Every key, its default and its
 * meaning are in man/imapd.conf.5; the table in config.c is the source.
 */
#ifndef IMAPD_UTIL_CONFIG_H
#define IMAPD_UTIL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define IMAPD_DEFAULT_CONFIG "/etc/imapd.conf"

/* A sasl_* option, handed to Cyrus SASL unchanged (prefix removed). */
struct config_sasl_opt {
	char *key;    /* "pwcheck_method" */
	char *value;
};

/* virtdomains (Cyrus imapd's key): whether "user@domain" is a user of
 * that domain, or only of the default domain. */
enum config_virtdomains {
	CONFIG_VIRTDOMAINS_OFF,
	CONFIG_VIRTDOMAINS_USERID,
};

/* mail_fsync (Dovecot's key and values, less "never"): whether a flag
 * change waits for the disk.  New mail, expunges, copies and mailbox
 * changes are synced either way. */
enum config_mail_fsync {
	CONFIG_MAIL_FSYNC_ALWAYS,
	CONFIG_MAIL_FSYNC_OPTIMIZED,
};

struct imapd_config {
	char *path;                 /* the file read, or looked for */
	bool loaded;                /* false: built-in defaults only */

	char *configdirectory;      /* msg/shutdown, msg/motd, log/<user>/ */
	char *servername;           /* greeting; default: the host name */
	char *mail_location;        /* maildir root template: %u user, %n %d %h */
	unsigned virtdomains;       /* enum config_virtdomains */
	char *defaultdomain;        /* realm of users who name none; "" = servername */
	char *mail_user;            /* run as this user after login ("" = the login's own) */
	char *mail_group;
	bool allowplaintext;        /* LOGIN / PLAIN without TLS or -p ssf > 1 */
	unsigned timeout;           /* autologout, minutes (>= 30, RFC2060 §5.4) */
	unsigned login_timeout;     /* seconds a client may take to authenticate */
	unsigned failed_login_delay;/* seconds to wait after a failed login */
	char *debug_command;        /* -D: printf format with %s program, %d pid */
	bool sandbox;               /* confine a logged-in session to its mail root */
	bool mail_namespace;        /* a mount namespace + chroot of the mail root per session */
	bool munge8bit;             /* 8-bit octets in header sections sent as 'X' */
	unsigned mail_fsync;        /* enum config_mail_fsync */

	/* imapd-master's login processes and limits (man/imapd.conf.5) */
	char *login_user;           /* account of login processes; "" = imapd, else nobody */
	unsigned login_max_failures;        /* failed logins on a connection before BYE */
	unsigned login_max_ip_connections;  /* pre-login connections per address; 0 = no limit */
	unsigned login_max_ip_failures;     /* failed logins per address in the window */
	unsigned login_failure_window;      /* seconds: that window, and the refusal after it */
	unsigned maxlogins_per_host;        /* logged-in sessions per address; 0 = no limit */
	unsigned maxlogins_per_user;        /* logged-in sessions per user; 0 = no limit */
	unsigned mail_max_userip_connections; /* sessions per user and address; 0 = no limit */

	char *tls_server_cert;
	char *tls_server_key;
	char *tls_client_ca_file;
	char *tls_versions;
	char *tls_ciphers;

	uint64_t maxline;           /* longest command line, octets */
	uint64_t maxliteral;        /* largest literal outside APPEND */
	uint64_t maxmessagesize;    /* largest APPEND message; 0 = no limit */

	/* RFC6154 special-use folders: "|"-separated mailbox names per use */
	char *specialuse_all, *specialuse_archive, *specialuse_drafts, *specialuse_flagged,
		*specialuse_junk, *specialuse_sent, *specialuse_trash;
	char *autocreate_inbox_folders;     /* made at a new account's first login ("|") */
	char *autocreate_subscribe_folders; /* of those, the ones subscribed */
	/* ---- RFC 2971 ID, RFC 7888 LITERAL- ---- */
	char *id_send;              /* the ID list we send (util/idlist.h); "" = NIL */
	/* ---- RFC 9208: QUOTA ---- */
	uint64_t autocreate_quota;  /* STORAGE limit per user, KiB (Cyrus's name); 0 = none */
	unsigned autocreate_quota_messages; /* MESSAGE limit per user; 0 = none */
	char *quota_overrides;      /* file of per-user limits ("user KiB messages"); "" = none */
	bool literal_minus;         /* LITERAL- instead of LITERAL+ (RFC7888 §5) */
	/* ---- a backend behind a proxy (util/netlist.h, net/proxyproto.h) ---- */
	char *proxy_trusted_networks; /* proxies: plaintext logins, PROXY headers */
	bool proxy_protocol;        /* trusted proxies send a PROXY header first */
	unsigned proxy_protocol_timeout; /* seconds to wait for it */

	size_t nsasl;
	struct config_sasl_opt *sasl;
};

/*
 * Fill cfg with the built-in defaults, then read `path` over them.  A
 * missing file is fine when !must_exist (imapd runs on defaults and logs
 * that).  Unknown keys and bad values are reported as "file:line: ..."
 * through report() and counted; returns that count, or -1 when a file
 * that must exist cannot be read.
 */
int config_load(struct imapd_config *cfg, const char *path, bool must_exist,
		void (*report)(const char *msg));

/*
 * The same from an open stream f, reported under the name `path`: the
 * defaults, then every line of f, whatever octets it holds (a line with
 * a NUL is reported and skipped).  Returns the count of reports.
 */
int config_read(struct imapd_config *cfg, FILE *f, const char *path, void (*report)(const char *msg));

/* Free everything config_load() allocated. */
void config_free(struct imapd_config *cfg);

/* A sasl_* option's value, or NULL. */
const char *config_sasl(const struct imapd_config *cfg, const char *key);

/*
 * The first line of <configdirectory>/msg/<name> ("shutdown", "motd"),
 * without its line end, into buf (size len).  Returns false when the
 * file does not exist or cannot be read.  Control characters are
 * replaced by spaces, so the line is safe inside an IMAP response.
 */
bool config_msg_line(const struct imapd_config *cfg, const char *name, char *buf, size_t len);

#endif
