/*
 * compress.c - COMPRESS (RFC4978): from the tagged OK on, both directions
 * of the connection are one raw DEFLATE stream each (net/compress.c).
 *
 * The OK itself goes out uncompressed; the session loop switches the
 * connection over once it has been sent (server/session_loop.c), and the
 * client starts compressing once it has read it, so nothing it sent
 * before can be misread.
 */
#include <strings.h>

#include "cmd/cmd.h"
#include "proto/response.h"

bool cmd_compress_offered(const struct session *s)
{
	return s->conn.z == NULL && !s->compress_pending;
}

void cmd_compress(struct session *s, const struct imap_cmd *cmd)
{
	if (s->conn.z != NULL || s->compress_pending) {
		/* RFC4978 §3: a second COMPRESS. */
		cmd_no(s, "[COMPRESSIONACTIVE] DEFLATE is already active");
		return;
	}
	if (strcasecmp(cmd->u.compress.algorithm, "DEFLATE") != 0) {
		resp_bad(s, "Unknown compression algorithm");
		return;
	}
	cmd_ok(s, "DEFLATE active");
	s->compress_pending = true;
}
