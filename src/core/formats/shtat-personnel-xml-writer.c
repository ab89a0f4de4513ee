/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-personnel-xml"

#include "config.h"

#include "shtat-xml-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "shtat-personnel-exchange-private.h"
#include "shtat-personnel-xml.h"
#include "shtat-units.h"

/* Writing the personnel XML: the whole file as a stream, to PATH.tmp renamed
 * over the file when complete. */

/* ------------------------------------------------------------------------ */
/* XML: writing                                                             */

typedef struct
{
  int fd;
  int error;    /* errno of the first failed write */
} Sink;

static int
sink_write_cb (void       *context,
               const char *buffer,
               int         len)
{
  Sink *sink = context;
  int done = 0;

  while (done < len)
    {
      ssize_t n = write (sink->fd, buffer + done, (size_t) (len - done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : EIO;
          return -1;
        }
      done += (int) n;
    }
  return len;
}

static int
sink_close_cb (void *context)
{
  return 0;
}

/* Text the XML file can carry: UTF-8 without the control characters XML 1.0
 * forbids. */
static gboolean
text_ok (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

typedef struct
{
  xmlTextWriterPtr writer;
  const char      *bad;      /* the first text that cannot be written */
} Out;

static gboolean
out_attr (Out        *out,
          const char *name,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  if (!text_ok (value))
    {
      out->bad = value;
      return FALSE;
    }
  return xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST value) >= 0;
}

static gboolean
out_date (Out         *out,
          const char  *name,
          const GDate *date)
{
  char buf[16];

  if (date == NULL || !g_date_valid (date))
    return TRUE;
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
  return out_attr (out, name, buf);
}

static gboolean
out_enum (Out        *out,
          const char *name,
          ShtatExchangeEnum    kind,
          int         value)
{
  if (value < 0 || value >= shtat_exchange_enum_count (kind))
    return TRUE;
  return out_attr (out, name, shtat_exchange_enum_name (kind, value));
}

static gboolean
out_start (Out        *out,
           const char *name)
{
  return xmlTextWriterStartElement (out->writer, BAD_CAST name) >= 0;
}

static gboolean
out_end (Out *out)
{
  return xmlTextWriterEndElement (out->writer) >= 0;
}

static gboolean
out_centre (Out               *out,
            const ShtatCentre *c)
{
  return out_start (out, "centre")
         && out_attr (out, "code", c->code)
         && out_attr (out, "name-kk", c->name_kk)
         && out_attr (out, "name-ru", c->name_ru)
         && out_attr (out, "district", c->district)
         && out_attr (out, "akimat", c->akimat)
         && out_end (out);
}

static gboolean
out_employee (Out                 *out,
              const ShtatEmployee *e)
{
  if (!out_start (out, "employee")
      || !out_attr (out, "iin", e->iin)
      || !out_attr (out, "surname", e->surname)
      || !out_attr (out, "name", e->name)
      || !out_attr (out, "patronymic", e->patronymic)
      || !out_date (out, "birth-date", &e->birth_date)
      || !out_attr (out, "sex", shtat_exchange_sex_to_string (e->sex)))
    return FALSE;

  for (guint i = 0; i < e->education->len; i++)
    {
      const ShtatEducation *ed = &g_array_index (e->education, ShtatEducation, i);
      char year[8];

      g_snprintf (year, sizeof year, "%u", ed->year);
      if (!out_start (out, "education")
          || !out_enum (out, "level", SHTAT_EXCHANGE_ENUM_EDUCATION_LEVEL, (int) ed->level)
          || !out_enum (out, "field", SHTAT_EXCHANGE_ENUM_FIELD, ed->field)
          || !out_attr (out, "relevant", ed->relevant ? "true" : NULL)
          || !out_attr (out, "specialty", ed->specialty)
          || !out_attr (out, "institution", ed->institution)
          || !out_attr (out, "diploma", ed->diploma)
          || !out_attr (out, "year", ed->year != 0 ? year : NULL)
          || !out_end (out))
        return FALSE;
    }

  for (guint i = 0; i < e->certificates->len; i++)
    {
      const ShtatCertificate *c = &g_array_index (e->certificates, ShtatCertificate, i);

      if (!out_start (out, "certificate")
          || !out_attr (out, "kind", c->kind)
          || !out_attr (out, "number", c->number)
          || !out_date (out, "issued", &c->issued)
          || !out_date (out, "expires", &c->expires)
          || !out_end (out))
        return FALSE;
    }

  for (guint i = 0; i < e->periods->len; i++)
    {
      const ShtatWorkPeriod *p = &g_array_index (e->periods, ShtatWorkPeriod, i);

      if (!out_start (out, "period")
          || !out_attr (out, "organisation", p->organisation)
          || !out_enum (out, "sector", SHTAT_EXCHANGE_ENUM_SECTOR, (int) p->sector)
          || !out_attr (out, "position", p->position)
          || !out_enum (out, "level", SHTAT_EXCHANGE_ENUM_LEVEL, p->level)
          || !out_enum (out, "category", SHTAT_EXCHANGE_ENUM_CATEGORY, p->category)
          || !out_attr (out, "managerial", p->managerial ? "true" : NULL)
          || !out_date (out, "from", &p->from)
          || !out_date (out, "to", &p->to)
          || !out_end (out))
        return FALSE;
    }

  for (guint i = 0; i < e->assignments->len; i++)
    {
      const ShtatAssignment *a = &g_array_index (e->assignments, ShtatAssignment, i);
      g_autofree char *rate = shtat_units_format (a->rate);

      if (!out_start (out, "assignment")
          || !out_attr (out, "centre", a->centre_code)
          || !out_attr (out, "position", a->position)
          || !out_enum (out, "level", SHTAT_EXCHANGE_ENUM_LEVEL, a->level)
          || !out_enum (out, "category", SHTAT_EXCHANGE_ENUM_CATEGORY, a->category)
          || !out_attr (out, "rate", rate)
          || !out_date (out, "from", &a->from)
          || !out_date (out, "to", &a->to)
          || !out_end (out))
        return FALSE;
    }

  return out_end (out);
}

gboolean
shtat_personnel_xml_write (const char *path,
                           GPtrArray  *centres,
                           GPtrArray  *employees,
                           GError    **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *file = NULL;
  xmlOutputBufferPtr buffer;
  Sink sink = { -1, 0 };
  Out out = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_path_get_basename (path);
  tmp = g_strconcat (path, ".tmp", NULL);
  sink.fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   g_strerror (saved));
      return FALSE;
    }

  buffer = xmlOutputBufferCreateIO (sink_write_cb, sink_close_cb, &sink, NULL);
  out.writer = buffer != NULL ? xmlNewTextWriter (buffer) : NULL;
  ok = out.writer != NULL
       && xmlTextWriterSetIndent (out.writer, 1) >= 0
       && xmlTextWriterSetIndentString (out.writer, BAD_CAST "  ") >= 0
       && xmlTextWriterStartDocument (out.writer, "1.0", "UTF-8", NULL) >= 0
       && out_start (&out, "personnel")
       && out_attr (&out, "format", SHTAT_PERSONNEL_XML_FORMAT);

  for (guint i = 0; ok && centres != NULL && i < centres->len; i++)
    ok = out_centre (&out, g_ptr_array_index (centres, i));
  for (guint i = 0; ok && employees != NULL && i < employees->len; i++)
    ok = out_employee (&out, g_ptr_array_index (employees, i));

  ok = ok && xmlTextWriterEndDocument (out.writer) >= 0;
  /* Freeing the writer flushes and closes its buffer. */
  if (out.writer != NULL)
    xmlFreeTextWriter (out.writer);
  else if (buffer != NULL)
    xmlOutputBufferClose (buffer);

  if (ok && sink.error == 0 && fsync (sink.fd) != 0)
    sink.error = errno;
  if (close (sink.fd) != 0 && ok && sink.error == 0)
    sink.error = errno;

  if (!ok || sink.error != 0)
    {
      if (out.bad != NULL)
        g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, "%s: %s", file,
                     _("a text is not valid UTF-8 or holds control characters"));
      else
        g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                     g_strerror (sink.error != 0 ? sink.error : EIO));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

