/*
 * spool.c - spool files for large literals (see spool.h).
 */
#include "util/spool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/log.h"
#include "util/uniqname.h"

/* A command has at most a few spooled literals; past this many files,
 * the oldest are removed (their commands are long done). */
#define SPOOL_FILES 4

struct spool_file {
	int fd;
	char *path;
};

struct spool {
	char *dir;
	struct spool_file files[SPOOL_FILES];
	size_t n;
};

struct spool *spool_new(const char *dir)
{
	struct spool *sp = calloc(1, sizeof(*sp));
	if (sp == NULL || (sp->dir = strdup(dir)) == NULL) {
		free(sp);
		return NULL;
	}
	return sp;
}

void spool_cleanup(struct spool *sp)
{
	for (size_t i = 0; i < sp->n; i++) {
		unlink(sp->files[i].path);
		free(sp->files[i].path);
	}
	sp->n = 0;
}

void spool_free(struct spool **spp)
{
	struct spool *sp = *spp;
	if (sp == NULL)
		return;
	spool_cleanup(sp);
	free(sp->dir);
	free(sp);
	*spp = NULL;
}

int spool_create(struct spool *sp)
{
	if (sp->n == SPOOL_FILES)
		spool_cleanup(sp);
	/* A maildir-style unique name (host and pid in it, so that the
	 * store can tell a crashed writer's leftover from a live one); the
	 * ".spool" suffix tells an administrator what the file was. */
	char base[256], *path = NULL;
	if (uniq_name(base, sizeof(base)) == 0 || asprintf(&path, "%s/%s.spool", sp->dir, base) < 0)
		return -1;
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_err("spool %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	sp->files[sp->n++] = (struct spool_file){ fd, path };
	return fd;
}

const char *spool_path(const struct spool *sp, int fd)
{
	for (size_t i = 0; i < sp->n; i++)
		if (sp->files[i].fd == fd)
			return sp->files[i].path;
	return NULL;
}
