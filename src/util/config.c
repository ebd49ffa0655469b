/*
 * config.c - imapd.conf reader (see config.h).
 */
#include "util/config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util/idlist.h"
#include "util/netlist.h"

enum opt_type { OPT_STRING, OPT_BOOL, OPT_UINT, OPT_SIZE, OPT_ENUM };

struct opt {
	const char *name;
	enum opt_type type;
	size_t offset;
	const char *def;       /* default, in config-file syntax */
	uint64_t min, max;     /* OPT_UINT / OPT_SIZE bounds */
	const char *help;
};

/* id_send: the list must parse (util/idlist.h). */
static const char *check_id_send(const char *value)
{
	static char why[160];
	return idlist_parse(value, NULL, NULL, why, sizeof(why)) ? NULL : why;
}

/* Strings with a syntax of their own, checked when read: NULL or why not. */
static const struct {
	const char *name;
	const char *(*check)(const char *value);
} string_checks[] = {
	{ "id_send", check_id_send },
	{ "proxy_trusted_networks", netlist_check },
};

static const char *check_string(const char *name, const char *value)
{
	for (size_t i = 0; i < sizeof(string_checks) / sizeof(string_checks[0]); i++)
		if (strcmp(string_checks[i].name, name) == 0)
			return string_checks[i].check(value);
	return NULL;
}

#define O(field) offsetof(struct imapd_config, field)

static const struct opt opts[] = {
	{ "configdirectory", OPT_STRING, O(configdirectory), "/var/lib/imapd", 0, 0,
	  "directory holding msg/shutdown, msg/motd and log/<user>/" },
	{ "servername", OPT_STRING, O(servername), "", 0, 0,
	  "name in the greeting; empty means the host name" },
	{ "mail_location", OPT_STRING, O(mail_location), "%h/Maildir", 0, 0,
	  "maildir root of a user: %u user, %n its local part, %d its domain, %h home directory" },
	{ "virtdomains", OPT_ENUM, O(virtdomains), "off", 0, 0,
	  "userid: a login user@domain is a user of that domain; off: only of defaultdomain" },
	{ "defaultdomain", OPT_STRING, O(defaultdomain), "", 0, 0,
	  "domain of users who log in without one (their SASL realm); empty: servername" },
	{ "mail_fsync", OPT_ENUM, O(mail_fsync), "always", 0, 0,
	  "always: every change is on disk before its OK; optimized: flag changes (STORE, "
	  "the \\Seen of FETCH) are not fsynced: a power loss may undo the last ones" },
	{ "mail_user", OPT_STRING, O(mail_user), "", 0, 0,
	  "Unix user that owns all mail (virtual users); empty: the login's own account" },
	{ "mail_group", OPT_STRING, O(mail_group), "", 0, 0,
	  "Unix group to run as with mail_user; empty: mail_user's primary group" },
	{ "allowplaintext", OPT_BOOL, O(allowplaintext), "no", 0, 0,
	  "allow LOGIN and plaintext SASL mechanisms without TLS" },
	{ "timeout", OPT_UINT, O(timeout), "30", 30, 100000,
	  "autologout timer in minutes (RFC 2060 5.4: at least 30)" },
	{ "login_timeout", OPT_UINT, O(login_timeout), "60", 1, 100000,
	  "seconds an unauthenticated client may stay idle" },
	{ "failed_login_delay", OPT_UINT, O(failed_login_delay), "3", 0, 60,
	  "seconds to wait before answering a failed login" },
	{ "debug_command", OPT_STRING, O(debug_command), "", 0, 0,
	  "command run by -D; %s is the program path, %d the process id" },
	{ "munge8bit", OPT_BOOL, O(munge8bit), "yes", 0, 0,
	  "send 8-bit octets of header data (HEADER, HEADER.FIELDS, MIME) as X (RFC 2060 6.4.5)" },
	{ "sandbox", OPT_BOOL, O(sandbox), "yes", 0, 0,
	  "after login, confine the process to the user's mail root (Linux Landlock)" },
	{ "login_user", OPT_STRING, O(login_user), "", 0, 0,
	  "Unix user of imapd-master's login processes; empty: imapd if it exists, else nobody" },
	{ "login_max_failures", OPT_UINT, O(login_max_failures), "3", 1, 1000,
	  "failed logins on one connection before it is closed with BYE" },
	{ "login_max_ip_connections", OPT_UINT, O(login_max_ip_connections), "20", 0, 1000000,
	  "imapd-master: connections not yet logged in from one address; 0 means no limit" },
	{ "login_max_ip_failures", OPT_UINT, O(login_max_ip_failures), "10", 0, 1000000,
	  "imapd-master: failed logins from one address within login_failure_window "
	  "before the address is refused; 0 means no limit" },
	{ "login_failure_window", OPT_UINT, O(login_failure_window), "300", 1, 86400,
	  "imapd-master: seconds over which failed logins are counted, and how long an address "
	  "that reached login_max_ip_failures is refused" },
	{ "maxlogins_per_host", OPT_UINT, O(maxlogins_per_host), "0", 0, 1000000,
	  "imapd-master: logged-in sessions from one address; 0 means no limit" },
	{ "maxlogins_per_user", OPT_UINT, O(maxlogins_per_user), "0", 0, 1000000,
	  "imapd-master: logged-in sessions of one user; 0 means no limit" },
	{ "mail_max_userip_connections", OPT_UINT, O(mail_max_userip_connections), "10", 0, 1000000,
	  "imapd-master: logged-in sessions of one user from one address; 0 means no limit" },
	{ "mail_namespace", OPT_BOOL, O(mail_namespace), "yes", 0, 0,
	  "with sandbox, as root: a mount namespace per session where its mail root is the only mail" },
	{ "tls_server_cert", OPT_STRING, O(tls_server_cert), "", 0, 0,
	  "PEM certificate chain for STARTTLS and imaps" },
	{ "tls_server_key", OPT_STRING, O(tls_server_key), "", 0, 0,
	  "PEM private key for tls_server_cert" },
	{ "tls_client_ca_file", OPT_STRING, O(tls_client_ca_file), "", 0, 0,
	  "CA certificates for client certificates" },
	{ "tls_versions", OPT_STRING, O(tls_versions), "tls1_2 tls1_3", 0, 0,
	  "TLS versions to allow: tls1_0 tls1_1 tls1_2 tls1_3" },
	{ "tls_ciphers", OPT_STRING, O(tls_ciphers), "", 0, 0,
	  "OpenSSL cipher list for TLS 1.2 and below; empty: OpenSSL's default" },
	{ "maxline", OPT_SIZE, O(maxline), "65536", 1024, 1u << 30,
	  "longest command line in octets (RFC 2683 asks for at least 8000)" },
	{ "maxliteral", OPT_SIZE, O(maxliteral), "65536", 1024, 1u << 30,
	  "largest literal outside APPEND, in octets" },
	{ "maxmessagesize", OPT_SIZE, O(maxmessagesize), "67108864", 0, UINT64_C(1) << 40,
	  "largest message APPEND accepts, in octets; 0 means no limit" },
	{ "specialuse_all", OPT_STRING, O(specialuse_all), "", 0, 0,
	  "mailboxes with the \\All special use (RFC 6154), separated by |" },
	{ "specialuse_archive", OPT_STRING, O(specialuse_archive), "Archive", 0, 0,
	  "mailboxes with the \\Archive special use" },
	{ "specialuse_drafts", OPT_STRING, O(specialuse_drafts), "Drafts", 0, 0,
	  "mailboxes with the \\Drafts special use" },
	{ "specialuse_flagged", OPT_STRING, O(specialuse_flagged), "", 0, 0,
	  "mailboxes with the \\Flagged special use" },
	{ "specialuse_junk", OPT_STRING, O(specialuse_junk), "Junk", 0, 0,
	  "mailboxes with the \\Junk special use" },
	{ "specialuse_sent", OPT_STRING, O(specialuse_sent), "Sent", 0, 0,
	  "mailboxes with the \\Sent special use" },
	{ "specialuse_trash", OPT_STRING, O(specialuse_trash), "Trash", 0, 0,
	  "mailboxes with the \\Trash special use" },
	{ "autocreate_inbox_folders", OPT_STRING, O(autocreate_inbox_folders), "", 0, 0,
	  "folders made at an account's first login, separated by |; \\Sent etc. name the special-use folder" },
	{ "autocreate_subscribe_folders", OPT_STRING, O(autocreate_subscribe_folders), "", 0, 0,
	  "of the autocreate_inbox_folders, those also subscribed" },
	/* ---- RFC 2971 ID, RFC 7888 LITERAL- ---- */
	{ "id_send", OPT_STRING, O(id_send), "name *", 0, 0,
	  "what ID (RFC 2971) tells clients about the server: field value pairs, * for the "
	  "built-in value; empty: NIL" },
	/* ---- RFC 9208: QUOTA (Cyrus's key names) ---- */
	{ "autocreate_quota", OPT_SIZE, O(autocreate_quota), "0", 0, UINT64_C(1) << 40,
	  "QUOTA: every user's STORAGE limit in KiB (units of 1024 octets, as Cyrus); 0 means no limit" },
	{ "autocreate_quota_messages", OPT_UINT, O(autocreate_quota_messages), "0", 0, 4000000000u,
	  "QUOTA: every user's MESSAGE limit (messages in all mailboxes); 0 means no limit" },
	{ "quota_overrides", OPT_STRING, O(quota_overrides), "", 0, 0,
	  "QUOTA: file of per-user limits, lines \"user storage-KiB messages\" (- for no limit)" },
	{ "literal_minus", OPT_BOOL, O(literal_minus), "no", 0, 0,
	  "advertise LITERAL- instead of LITERAL+ (RFC 7888): non-synchronising literals "
	  "over 4096 octets are refused" },
	/* ---- backend behind a proxy (nginx's mail module) ---- */
	{ "proxy_trusted_networks", OPT_STRING, O(proxy_trusted_networks), "", 0, 0,
	  "addresses or prefixes of proxies in front of us: they may log in over plaintext and "
	  "send a PROXY protocol header (with proxy_protocol); separated by spaces" },
	{ "proxy_protocol", OPT_BOOL, O(proxy_protocol), "no", 0, 0,
	  "connections from proxy_trusted_networks start with a PROXY protocol v1 or v2 header "
	  "naming the client" },
	{ "proxy_protocol_timeout", OPT_UINT, O(proxy_protocol_timeout), "5", 1, 600,
	  "seconds a trusted proxy may take to send its PROXY header" },
};

#define NOPTS (sizeof(opts) / sizeof(opts[0]))

/* The values of each OPT_ENUM key, NULL-ended; the field holds the index. */
static const char *const virtdomains_choices[] = { "off", "userid", NULL };
static const char *const mail_fsync_choices[] = { "always", "optimized", NULL };

static const char *const *enum_choices(const struct opt *o)
{
	static const char *const none[] = { NULL };
	if (o->offset == O(mail_fsync))
		return mail_fsync_choices;
	return o->offset == O(virtdomains) ? virtdomains_choices : none;
}

static void *field(struct imapd_config *cfg, const struct opt *o)
{
	return (char *)cfg + o->offset;
}

/* Parse value for o into cfg; returns NULL or a message. */
static const char *set_opt(struct imapd_config *cfg, const struct opt *o, const char *value)
{
	switch (o->type) {
	case OPT_STRING: {
		char **p = field(cfg, o);
		const char *why = check_string(o->name, value);
		if (why != NULL)
			return why;
		char *copy = strdup(value);
		if (copy == NULL)
			return "out of memory";
		free(*p);
		*p = copy;
		return NULL;
	}
	case OPT_BOOL: {
		bool *p = field(cfg, o);
		if (!strcasecmp(value, "yes") || !strcasecmp(value, "on")
		    || !strcasecmp(value, "true") || !strcmp(value, "1"))
			*p = true;
		else if (!strcasecmp(value, "no") || !strcasecmp(value, "off")
			 || !strcasecmp(value, "false") || !strcmp(value, "0"))
			*p = false;
		else
			return "expected yes or no";
		return NULL;
	}
	case OPT_ENUM: {
		const char *const *choices = enum_choices(o);
		for (unsigned i = 0; choices[i] != NULL; i++) {
			if (strcasecmp(value, choices[i]) == 0) {
				*(unsigned *)field(cfg, o) = i;
				return NULL;
			}
		}
		static char expect[128];
		snprintf(expect, sizeof(expect), "expected");
		for (unsigned i = 0; choices[i] != NULL; i++)
			snprintf(expect + strlen(expect), sizeof(expect) - strlen(expect), "%s %s",
				 i == 0 ? "" : choices[i + 1] == NULL ? " or" : ",", choices[i]);
		return expect;
	}
	case OPT_UINT:
	case OPT_SIZE: {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(value, &end, 10);
		if (errno != 0 || end == value)
			return "expected a number";
		/* sizes may carry a K, M or G suffix */
		if (o->type == OPT_SIZE && *end != '\0') {
			unsigned long long mul = *end == 'K' || *end == 'k' ? 1024ULL
				: *end == 'M' || *end == 'm' ? 1024ULL * 1024
				: *end == 'G' || *end == 'g' ? 1024ULL * 1024 * 1024 : 0;
			if (mul == 0 || end[1] != '\0')
				return "expected a number with an optional K, M or G suffix";
			v *= mul;
			end++;
		}
		if (*end != '\0')
			return "expected a number";
		if (v < o->min || (o->max != 0 && v > o->max))
			return "value out of range";
		if (o->type == OPT_UINT)
			*(unsigned *)field(cfg, o) = (unsigned)v;
		else
			*(uint64_t *)field(cfg, o) = v;
		return NULL;
	}
	}
	return "bad option type";
}

static void set_defaults(struct imapd_config *cfg)
{
	for (size_t i = 0; i < NOPTS; i++)
		(void)set_opt(cfg, &opts[i], opts[i].def);
}

static bool add_sasl(struct imapd_config *cfg, const char *key, const char *value)
{
	for (size_t i = 0; i < cfg->nsasl; i++) {
		if (strcmp(cfg->sasl[i].key, key) == 0) {
			char *v = strdup(value);
			if (v == NULL)
				return false;
			free(cfg->sasl[i].value);
			cfg->sasl[i].value = v;
			return true;
		}
	}
	struct config_sasl_opt *n = realloc(cfg->sasl, (cfg->nsasl + 1) * sizeof(*n));
	if (n == NULL)
		return false;
	cfg->sasl = n;
	n[cfg->nsasl].key = strdup(key);
	n[cfg->nsasl].value = strdup(value);
	if (n[cfg->nsasl].key == NULL || n[cfg->nsasl].value == NULL)
		return false;
	cfg->nsasl++;
	return true;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

int config_load(struct imapd_config *cfg, const char *path, bool must_exist,
		void (*report)(const char *msg))
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		int e = errno;
		memset(cfg, 0, sizeof(*cfg));
		set_defaults(cfg);
		cfg->path = strdup(path);
		char msg[512];
		snprintf(msg, sizeof(msg), "%s: %s%s", path, strerror(e),
			 must_exist ? "" : "; using built-in defaults");
		report(msg);
		return must_exist ? -1 : 0;
	}
	int errors = config_read(cfg, f, path, report);
	fclose(f);
	return errors;
}

int config_read(struct imapd_config *cfg, FILE *f, const char *path, void (*report)(const char *msg))
{
	memset(cfg, 0, sizeof(*cfg));
	set_defaults(cfg);
	cfg->path = strdup(path);
	cfg->loaded = true;
	int errors = 0;
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		char msg[512];
		/* A NUL would cut the line short without a word: say so. */
		if (memchr(line, '\0', (size_t)len) != NULL) {
			snprintf(msg, sizeof(msg), "%s:%u: NUL octet in the line", path, lineno);
			report(msg);
			errors++;
			continue;
		}
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *colon = strchr(s, ':');
		if (colon == NULL) {
			snprintf(msg, sizeof(msg), "%s:%u: expected \"key: value\"", path, lineno);
			report(msg);
			errors++;
			continue;
		}
		*colon = '\0';
		char *key = trim(s);
		char *value = trim(colon + 1);
		if (strncmp(key, "sasl_", 5) == 0 && key[5] != '\0') {
			if (!add_sasl(cfg, key + 5, value)) {
				snprintf(msg, sizeof(msg), "%s:%u: out of memory", path, lineno);
				report(msg);
				errors++;
			}
			continue;
		}
		const struct opt *o = NULL;
		for (size_t i = 0; i < NOPTS; i++)
			if (strcmp(opts[i].name, key) == 0)
				o = &opts[i];
		if (o == NULL) {
			snprintf(msg, sizeof(msg), "%s:%u: unknown key \"%s\"", path, lineno, key);
			report(msg);
			errors++;
			continue;
		}
		const char *err = set_opt(cfg, o, value);
		if (err != NULL) {
			snprintf(msg, sizeof(msg), "%s:%u: %s: %s (\"%s\")", path, lineno, key, err, value);
			report(msg);
			errors++;
		}
	}
	free(line);
	return errors;
}

void config_free(struct imapd_config *cfg)
{
	for (size_t i = 0; i < NOPTS; i++)
		if (opts[i].type == OPT_STRING) {
			char **p = field(cfg, &opts[i]);
			free(*p);
			*p = NULL;
		}
	for (size_t i = 0; i < cfg->nsasl; i++) {
		free(cfg->sasl[i].key);
		free(cfg->sasl[i].value);
	}
	free(cfg->sasl);
	free(cfg->path);
	memset(cfg, 0, sizeof(*cfg));
}

const char *config_sasl(const struct imapd_config *cfg, const char *key)
{
	for (size_t i = 0; i < cfg->nsasl; i++)
		if (strcmp(cfg->sasl[i].key, key) == 0)
			return cfg->sasl[i].value;
	return NULL;
}

bool config_msg_line(const struct imapd_config *cfg, const char *name, char *buf, size_t len)
{
	char path[4096];
	if (cfg->configdirectory == NULL || cfg->configdirectory[0] == '\0' || len == 0)
		return false;
	snprintf(path, sizeof(path), "%s/msg/%s", cfg->configdirectory, name);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return false;
	if (fgets(buf, (int)len, f) == NULL)
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return true;
}
