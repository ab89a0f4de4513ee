/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-json"

#include "config.h"

#include "shtat-json.h"
#include "shtat-units.h"

struct _ShtatJson
{
  GString *out;
  GArray  *first;   /* per open container: nothing written in it yet */
  gboolean after_member;
};

ShtatJson *
shtat_json_new (void)
{
  ShtatJson *j = g_new0 (ShtatJson, 1);

  j->out = g_string_new (NULL);
  j->first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return j;
}

void
shtat_json_free (ShtatJson *j)
{
  g_string_free (j->out, TRUE);
  g_array_unref (j->first);
  g_free (j);
}

const char *
shtat_json_get (ShtatJson *j)
{
  return j->out->str;
}

/* Writes the comma and indentation that go before a value. */
static void
before_value (ShtatJson *j)
{
  if (j->after_member)
    {
      j->after_member = FALSE;
      return;
    }
  if (j->first->len > 0)
    {
      gboolean *first = &g_array_index (j->first, gboolean, j->first->len - 1);

      if (!*first)
        g_string_append_c (j->out, ',');
      *first = FALSE;
      g_string_append_c (j->out, '\n');
      for (guint i = 0; i < j->first->len; i++)
        g_string_append (j->out, "  ");
    }
}

static void
open_container (ShtatJson *j,
                char       c)
{
  gboolean first = TRUE;

  before_value (j);
  g_string_append_c (j->out, c);
  g_array_append_val (j->first, first);
}

static void
close_container (ShtatJson *j,
                 char       c)
{
  gboolean empty = g_array_index (j->first, gboolean, j->first->len - 1);

  g_array_set_size (j->first, j->first->len - 1);
  if (!empty)
    {
      g_string_append_c (j->out, '\n');
      for (guint i = 0; i < j->first->len; i++)
        g_string_append (j->out, "  ");
    }
  g_string_append_c (j->out, c);
}

void shtat_json_begin_object (ShtatJson *j) { open_container (j, '{'); }
void shtat_json_end_object (ShtatJson *j) { close_container (j, '}'); }
void shtat_json_begin_array (ShtatJson *j) { open_container (j, '['); }
void shtat_json_end_array (ShtatJson *j) { close_container (j, ']'); }

static void
append_escaped (GString    *out,
                const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
shtat_json_member (ShtatJson  *j,
                   const char *name)
{
  before_value (j);
  append_escaped (j->out, name);
  g_string_append (j->out, ": ");
  j->after_member = TRUE;
}

void
shtat_json_string (ShtatJson  *j,
                   const char *value)
{
  before_value (j);
  if (value == NULL)
    g_string_append (j->out, "null");
  else
    append_escaped (j->out, value);
}

void
shtat_json_null (ShtatJson *j)
{
  before_value (j);
  g_string_append (j->out, "null");
}

void
shtat_json_units (ShtatJson *j,
                  int        hundredths)
{
  g_autofree char *s = shtat_units_format (hundredths);

  before_value (j);
  g_string_append (j->out, s);
}

void
shtat_json_member_string (ShtatJson  *j,
                          const char *name,
                          const char *value)
{
  shtat_json_member (j, name);
  shtat_json_string (j, value);
}

void
shtat_json_member_int (ShtatJson  *j,
                       const char *name,
                       gint64      value)
{
  shtat_json_member (j, name);
  before_value (j);
  g_string_append_printf (j->out, "%" G_GINT64_FORMAT, value);
}

void
shtat_json_member_double (ShtatJson  *j,
                          const char *name,
                          double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  shtat_json_member (j, name);
  before_value (j);
  g_string_append (j->out, g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

void
shtat_json_member_bool (ShtatJson  *j,
                        const char *name,
                        gboolean    value)
{
  shtat_json_member (j, name);
  before_value (j);
  g_string_append (j->out, value ? "true" : "false");
}
