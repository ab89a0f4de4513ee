/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-csv"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-csv-private.h"

static void
row_free (ShtatCsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

static char **
split_line (const char  *line,
            gsize        len,
            char         delimiter,
            gboolean    *ok)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize i = 0;

  *ok = TRUE;
  for (;;)
    {
      g_string_truncate (field, 0);
      if (i < len && line[i] == '"')
        {
          gboolean closed = FALSE;

          for (i++; i < len; i++)
            {
              if (line[i] == '"')
                {
                  if (i + 1 < len && line[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                      continue;
                    }
                  closed = TRUE;
                  i++;
                  break;
                }
              g_string_append_c (field, line[i]);
            }
          if (!closed || (i < len && line[i] != delimiter))
            {
              *ok = FALSE;
              return NULL;
            }
        }
      else
        while (i < len && line[i] != delimiter)
          g_string_append_c (field, line[i++]);

      g_ptr_array_add (fields, g_strstrip (g_strdup (field->str)));
      if (i >= len)
        break;
      i++;    /* the delimiter */
    }
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

GPtrArray *
shtat_csv_parse (const char  *name,
                 const char  *text,
                 gsize        len,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  const char *p = text;
  const char *end = text + len;
  char delimiter = 0;
  guint line = 0;

  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a text in UTF-8"), name);
      return NULL;
    }
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *stop = eol != NULL ? eol : end;
      gsize n = (gsize) (stop - p);
      gboolean blank = TRUE;

      line++;
      if (n > 0 && p[n - 1] == '\r')
        n--;
      for (gsize i = 0; i < n && blank; i++)
        blank = g_ascii_isspace (p[i]);

      if (!blank)
        {
          ShtatCsvRow *row;
          gboolean ok;

          if (delimiter == 0)
            delimiter = memchr (p, ';', n) != NULL && memchr (p, ',', n) == NULL ? ';' : ',';
          row = g_new0 (ShtatCsvRow, 1);
          row->line = line;
          row->fields = split_line (p, n, delimiter, &ok);
          if (!ok)
            {
              g_free (row);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s:%u: a quoted field must be closed on its line and followed by a separator"),
                           name, line);
              return NULL;
            }
          g_ptr_array_add (rows, row);
        }
      p = eol != NULL ? eol + 1 : end;
    }
  return g_steal_pointer (&rows);
}

gboolean
shtat_csv_row_is_header (const ShtatCsvRow  *row,
                         const char * const *names)
{
  guint n = g_strv_length (row->fields);

  if (n != g_strv_length ((char **) names))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (row->fields[i], names[i]) != 0)
      return FALSE;
  return TRUE;
}

void
shtat_csv_append (GString    *out,
                  const char *field,
                  gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (field == NULL)
    return;
  if (strpbrk (field, ",;\"\r\n") == NULL && field[0] != ' ')
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
