/*
 * mime_bodystructure.c - FETCH BODY and BODYSTRUCTURE (RFC3501 §7.4.2,
 * RFC3501 §9 `body`).
 *
 * Recursion follows the parse tree, whose depth mime_parse() caps at
 * MIME_MAX_DEPTH (each message/rfc822 level adds two).
 */
#include "mime/mime_int.h"

#include <string.h>

static void write_str(struct sbuf *out, struct arena *a, const struct mime_str *s)
{
	mime_write_nstring(out, a, s->data, s->len);
}

/* body-fld-param: "(" string SP string *(SP string SP string) ")" / nil */
static void write_params(struct sbuf *out, struct arena *a, const struct mime_params *p,
			 bool add_charset)
{
	if (p->n == 0 && !add_charset) {
		sbuf_adds(out, "NIL");
		return;
	}
	sbuf_addc(out, '(');
	for (size_t i = 0; i < p->n; i++) {
		if (i > 0)
			sbuf_addc(out, ' ');
		write_str(out, a, &p->v[i].name);
		sbuf_addc(out, ' ');
		write_str(out, a, &p->v[i].value);
	}
	if (add_charset)
		sbuf_adds(out, p->n > 0 ? " \"charset\" \"us-ascii\"" : "\"charset\" \"us-ascii\"");
	sbuf_addc(out, ')');
}

/* body-ext-1part / body-ext-mpart after the MD5 or the params:
 * body-fld-dsp SP body-fld-lang SP body-fld-loc */
static void write_dsp_lang_loc(struct sbuf *out, struct arena *a, const struct mime_part *p)
{
	if (p->disposition.data == NULL) {
		sbuf_adds(out, "NIL");
	} else {
		sbuf_addc(out, '(');
		write_str(out, a, &p->disposition);
		sbuf_addc(out, ' ');
		write_params(out, a, &p->disp_params, false);
		sbuf_addc(out, ')');
	}
	sbuf_addc(out, ' ');
	if (p->nlanguages == 0) {
		sbuf_adds(out, "NIL");
	} else {
		sbuf_addc(out, '(');
		for (size_t i = 0; i < p->nlanguages; i++) {
			if (i > 0)
				sbuf_addc(out, ' ');
			write_str(out, a, &p->languages[i]);
		}
		sbuf_addc(out, ')');
	}
	sbuf_addc(out, ' ');
	write_str(out, a, &p->location);
}

static bool write_part(struct sbuf *out, struct arena *a, const char *msg,
		       const struct mime_part *p, bool ext)
{
	if (out->failed)
		return false;
	sbuf_addc(out, '(');
	if (p->kind == MIME_KIND_MULTIPART) {
		/* body-type-mpart: 1*body SP media-subtype [SP body-ext-mpart] */
		for (const struct mime_part *c = p->child; c != NULL; c = c->next)
			if (!write_part(out, a, msg, c, ext))
				return false;
		sbuf_addc(out, ' ');
		write_str(out, a, &p->subtype);
		if (ext) {
			sbuf_addc(out, ' ');
			write_params(out, a, &p->params, false);
			sbuf_addc(out, ' ');
			write_dsp_lang_loc(out, a, p);
		}
		sbuf_addc(out, ')');
		return !out->failed;
	}
	/* body-type-1part: media type, body-fields, then per type */
	bool text = mime_str_is(&p->type, "text");
	write_str(out, a, &p->type);
	sbuf_addc(out, ' ');
	write_str(out, a, &p->subtype);
	sbuf_addc(out, ' ');
	write_params(out, a, &p->params, text && mime_param_get(&p->params, "charset") == NULL);
	sbuf_addc(out, ' ');
	write_str(out, a, &p->id);
	sbuf_addc(out, ' ');
	write_str(out, a, &p->description);
	sbuf_addc(out, ' ');
	if (p->encoding.data != NULL)
		write_str(out, a, &p->encoding);
	else
		sbuf_adds(out, "\"7bit\"");  /* RFC2045 §6.1 default */
	sbuf_printf(out, " %zu", p->body_vsize);
	if (p->kind == MIME_KIND_MESSAGE && p->child != NULL) {
		/* body-type-msg: envelope SP body SP body-fld-lines */
		const struct mime_part *m = p->child;
		sbuf_addc(out, ' ');
		if (!mime_envelope_write(out, a, msg + m->hdr_off, m->hdr_len))
			return false;
		sbuf_addc(out, ' ');
		if (!write_part(out, a, msg, m, ext))
			return false;
		sbuf_printf(out, " %zu", p->body_lines);
	} else if (text) {
		sbuf_printf(out, " %zu", p->body_lines);
	}
	if (ext) {
		/* body-ext-1part: body-fld-md5 SP body-fld-dsp SP lang SP loc */
		sbuf_addc(out, ' ');
		write_str(out, a, &p->md5);
		sbuf_addc(out, ' ');
		write_dsp_lang_loc(out, a, p);
	}
	sbuf_addc(out, ')');
	return !out->failed;
}

bool mime_bodystructure_write(struct sbuf *out, struct arena *a, const char *msg,
			      const struct mime_part *root, bool extended)
{
	return write_part(out, a, msg, root, extended);
}
