/*
 * auth.c - Cyrus SASL glue (see auth.h).
 */
#include "auth/auth.h"

#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <sasl/sasl.h>

#include "util/base64.h"
#include "util/log.h"

struct auth_sasl {
	const struct imapd_config *cfg;
	sasl_conn_t *conn;
	/* The layer below us is weaker than sasl_minimum_layer, or the
	 * security properties could not be set: offer nothing. */
	bool too_weak;
};

static const struct imapd_config *auth_cfg;  /* for the option callback */
static bool auth_ready;

/* SASL_CB_GETOPT: every sasl_* key of imapd.conf, prefix removed
 * (sasl_pwcheck_method -> pwcheck_method).  Plugin-specific spellings
 * ("<plugin>_<option>") are looked up the same way. */
static int auth_getopt(void *context, const char *plugin_name, const char *option,
		       const char **result, unsigned *len)
{
	(void)context;
	if (auth_cfg == NULL || option == NULL)
		return SASL_FAIL;
	const char *v = NULL;
	if (plugin_name != NULL) {
		char key[256];
		snprintf(key, sizeof(key), "%s_%s", plugin_name, option);
		v = config_sasl(auth_cfg, key);
	}
	if (v == NULL)
		v = config_sasl(auth_cfg, option);
	if (v == NULL)
		return SASL_FAIL;
	*result = v;
	if (len != NULL)
		*len = (unsigned)strlen(v);
	return SASL_OK;
}

static int auth_log(void *context, int level, const char *message)
{
	(void)context;
	switch (level) {
	case SASL_LOG_ERR:
		log_err("sasl: %s", message);
		break;
	case SASL_LOG_FAIL:
	case SASL_LOG_WARN:
		log_notice("sasl: %s", message);
		break;
	case SASL_LOG_NOTE:
		log_info("sasl: %s", message);
		break;
	default:
		log_debug("sasl: %s", message);
		break;
	}
	return SASL_OK;
}

typedef int (*sasl_cb_fn)(void);

static sasl_callback_t auth_callbacks[] = {
	{ SASL_CB_GETOPT, (sasl_cb_fn)(void (*)(void))auth_getopt, NULL },
	{ SASL_CB_LOG, (sasl_cb_fn)(void (*)(void))auth_log, NULL },
	{ SASL_CB_LIST_END, NULL, NULL },
};

bool auth_init(const struct imapd_config *cfg, char *err, size_t errlen)
{
	auth_cfg = cfg;
	if (auth_ready)
		return true;
	int r = sasl_server_init(auth_callbacks, "imapd");
	if (r != SASL_OK) {
		snprintf(err, errlen, "sasl_server_init: %s", sasl_errstring(r, NULL, NULL));
		return false;
	}
	auth_ready = true;
	return true;
}

void auth_set_config(const struct imapd_config *cfg)
{
	auth_cfg = cfg;
}

/* "a.b.c.d;port" for sasl_server_new, from a socket address. */
static bool addr_string(const struct sockaddr_storage *ss, char *buf, size_t len)
{
	char host[INET6_ADDRSTRLEN];
	unsigned port;
	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
		inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
		port = ntohs(in->sin_port);
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
		port = ntohs(in6->sin6_port);
	} else {
		return false;
	}
	snprintf(buf, len, "%s;%u", host, port);
	return true;
}

struct auth_sasl *auth_sasl_new(const struct imapd_config *cfg, const char *servername, int fd)
{
	if (!auth_ready)
		return NULL;
	struct auth_sasl *a = calloc(1, sizeof(*a));
	if (a == NULL)
		return NULL;
	a->cfg = cfg;
	char local[80] = "", remote[80] = "";
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
		addr_string(&ss, local, sizeof(local));
	sl = sizeof(ss);
	if (getpeername(fd, (struct sockaddr *)&ss, &sl) == 0)
		addr_string(&ss, remote, sizeof(remote));
	/* serverFQDN is the servername, as Cyrus does: a user without a
	 * realm is looked up in that realm (saslpasswd2 -u servername), or
	 * in defaultdomain when set (auth/privs.h maps user@that to user). */
	const char *realm = cfg->defaultdomain != NULL && cfg->defaultdomain[0] != '\0'
		? cfg->defaultdomain : NULL;
	int r = sasl_server_new("imap", servername, realm, local[0] ? local : NULL,
				remote[0] ? remote : NULL, NULL, 0, &a->conn);
	if (r != SASL_OK) {
		log_err("sasl_server_new: %s", sasl_errstring(r, NULL, NULL));
		free(a);
		return NULL;
	}
	return a;
}

void auth_sasl_free(struct auth_sasl **ap)
{
	struct auth_sasl *a = *ap;
	if (a == NULL)
		return;
	sasl_dispose(&a->conn);
	free(a);
	*ap = NULL;
}

/* sasl_minimum_layer / sasl_maximum_layer: read by imapd itself, as
 * Cyrus imapd does, and also visible to the library. */
static unsigned layer_opt(const struct imapd_config *cfg, const char *key, unsigned def)
{
	const char *v = config_sasl(cfg, key);
	if (v == NULL || *v == '\0')
		return def;
	char *end;
	unsigned long n = strtoul(v, &end, 10);
	return *end == '\0' && n <= UINT_MAX ? (unsigned)n : def;
}

void auth_set_security(struct auth_sasl *a, unsigned ext_ssf, bool plaintext_ok)
{
	if (a == NULL)
		return;
	/* The external SSF is what TLS or `-p ssf` already protects. */
	sasl_ssf_t ext = ext_ssf;
	int r1 = sasl_setprop(a->conn, SASL_SSF_EXTERNAL, &ext);

	/* No SASL security layers (maxbufsize 0): TLS does that job, and a
	 * layer would need its own framing of every octet after
	 * AUTHENTICATE.  So sasl_minimum_layer can only be met by the layer
	 * below us; SASL refuses a min_ssf without layers, so we decide. */
	unsigned min_ssf = layer_opt(a->cfg, "minimum_layer", 0);
	sasl_security_properties_t sp;
	memset(&sp, 0, sizeof(sp));
	sp.min_ssf = 0;
	sp.max_ssf = layer_opt(a->cfg, "maximum_layer", 256);
	sp.maxbufsize = 0;
	sp.security_flags = SASL_SEC_NOANONYMOUS;
	if (!plaintext_ok)
		sp.security_flags |= SASL_SEC_NOPLAINTEXT;
	int r2 = sasl_setprop(a->conn, SASL_SEC_PROPS, &sp);
	a->too_weak = ext < min_ssf || r1 != SASL_OK || r2 != SASL_OK;
	if (r1 != SASL_OK || r2 != SASL_OK)
		log_err("sasl_setprop: %s", sasl_errdetail(a->conn));
}

bool auth_mechanisms(struct auth_sasl *a, const char **list_r, size_t *len_r)
{
	*list_r = "";
	*len_r = 0;
	if (a == NULL || a->too_weak)
		return false;
	const char *list = NULL;
	unsigned len = 0;
	int n = 0;
	if (sasl_listmech(a->conn, NULL, " AUTH=", " AUTH=", "", &list, &len, &n) == SASL_OK
	    && n > 0) {
		*list_r = list;
		*len_r = len;
	}
	return true;
}

static enum auth_result map_result(struct auth_sasl *a, int r)
{
	switch (r) {
	case SASL_OK:
		return AUTH_OK;
	case SASL_CONTINUE:
		return AUTH_CONTINUE;
	case SASL_NOMECH:
	case SASL_TOOWEAK:
	case SASL_ENCRYPT:
		return AUTH_NOMECH;
	case SASL_BADAUTH:
	case SASL_NOUSER:
	case SASL_NOAUTHZ:
	case SASL_BADPROT:
	case SASL_BADPARAM:
	case SASL_EXPIRED:
	case SASL_DISABLED:
	case SASL_NOVERIFY:
	case SASL_UNAVAIL:
	case SASL_WRONGMECH:
	case SASL_BADVERS:
	case SASL_BADSERV:
	case SASL_TRANS:
		return AUTH_FAIL;
	default:
		log_err("sasl: %s", sasl_errdetail(a->conn));
		return AUTH_ERROR;
	}
}

enum auth_result auth_checkpass(struct auth_sasl *a, const char *user, const char *pass)
{
	if (a == NULL)
		return AUTH_ERROR;
	if (a->too_weak)
		return AUTH_NOMECH;
	size_t ul = strlen(user), pl = strlen(pass);
	if (ul > UINT_MAX || pl > UINT_MAX)
		return AUTH_FAIL;
	int r = sasl_checkpass(a->conn, user, (unsigned)ul, pass, (unsigned)pl);
	return map_result(a, r);
}

enum auth_result auth_start(struct auth_sasl *a, const char *mech, const char *in, size_t inlen,
			    const char **out_r, size_t *outlen_r)
{
	if (a == NULL)
		return AUTH_ERROR;
	if (a->too_weak)
		return AUTH_NOMECH;
	unsigned olen = 0;
	*out_r = NULL;
	if (inlen > UINT_MAX)
		return AUTH_FAIL;
	int r = sasl_server_start(a->conn, mech, in, (unsigned)inlen, out_r, &olen);
	*outlen_r = olen;
	return map_result(a, r);
}

enum auth_result auth_step(struct auth_sasl *a, const char *in, size_t inlen, const char **out_r,
			   size_t *outlen_r)
{
	if (a == NULL)
		return AUTH_ERROR;
	unsigned olen = 0;
	*out_r = NULL;
	if (inlen > UINT_MAX)
		return AUTH_FAIL;
	int r = sasl_server_step(a->conn, in, (unsigned)inlen, out_r, &olen);
	*outlen_r = olen;
	return map_result(a, r);
}

const char *auth_user(struct auth_sasl *a)
{
	const void *v = NULL;
	if (a == NULL || sasl_getprop(a->conn, SASL_USERNAME, &v) != SASL_OK)
		return NULL;
	return v;
}

const char *auth_errdetail(struct auth_sasl *a)
{
	return a != NULL ? sasl_errdetail(a->conn) : "SASL is not available";
}
