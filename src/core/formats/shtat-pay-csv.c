/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-pay-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-csv-private.h"
#include "shtat-pay-csv.h"
#include "shtat-text.h"

/* NULL for an absent or empty code: the grid keeps "" and NULL as one key. */
static const char *
code_or_null (const char *code)
{
  return code != NULL && *code != '\0' ? code : NULL;
}

static const char * const csv_header[] = {
  "kind", "from", "position", "block", "category", "years", "value", NULL
};

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
append_row (GString     *out,
            const char  *kind,
            const char  *from,
            const char  *position,
            const char  *block,
            const char  *category,
            const char  *years,
            const char  *value)
{
  shtat_csv_append (out, kind, TRUE);
  shtat_csv_append (out, from, FALSE);
  shtat_csv_append (out, position, FALSE);
  shtat_csv_append (out, block, FALSE);
  shtat_csv_append (out, category, FALSE);
  shtat_csv_append (out, years, FALSE);
  shtat_csv_append (out, value, FALSE);
  g_string_append_c (out, '\n');
}

/**
 * shtat_pay_grid_to_csv:
 * @grid: a pay grid
 *
 * Returns: (transfer full): the grid as CSV, every entry of it.
 */
char *
shtat_pay_grid_to_csv (ShtatPayGrid *grid)
{
  GString *out;
  GPtrArray *bases, *coefficients, *positions;

  g_return_val_if_fail (grid != NULL, NULL);

  out = g_string_new (NULL);
  bases = shtat_pay_grid_get_bases (grid);
  coefficients = shtat_pay_grid_get_coefficients (grid);
  positions = shtat_pay_grid_get_positions (grid);

  for (guint i = 0; csv_header[i] != NULL; i++)
    shtat_csv_append (out, csv_header[i], i == 0);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < bases->len; i++)
    {
      const ShtatPayBase *b = g_ptr_array_index (bases, i);
      g_autofree char *from = iso_date (&b->from);
      g_autofree char *value = shtat_money_to_decimal (b->tiyn);

      append_row (out, "base", from, NULL, NULL, NULL, NULL, value);
    }
  for (guint i = 0; i < coefficients->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (coefficients, i);
      g_autofree char *from = iso_date (&c->from);
      g_autofree char *years = g_strdup_printf ("%u", c->years);
      g_autofree char *value = shtat_coefficient_format (c->coefficient);

      append_row (out, "coefficient", from, NULL, c->block, c->category, years, value);
    }
  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPayPosition *p = g_ptr_array_index (positions, i);
      g_autofree char *years = g_strdup_printf ("%u", p->years);

      append_row (out, "position", NULL, p->position, p->block, p->category, years, NULL);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_iso_date (const char *text,
                GDate      *out)
{
  guint y = 0, m = 0, d = 0;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static gboolean
parse_years (const char *text,
             guint      *out)
{
  guint64 v = 0;

  if (text == NULL || *text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, SHTAT_PAY_YEARS_MAX, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
csv_error (GError     **error,
           const char  *name,
           guint        line,
           const char  *message)
{
  g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID, "%s:%u: %s", name, line, message);
  return FALSE;
}

static gboolean
read_csv_row (ShtatPayGrid       *grid,
              const char         *name,
              const ShtatCsvRow  *row,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *bases = shtat_pay_grid_get_bases (grid);
  GPtrArray *coefficients = shtat_pay_grid_get_coefficients (grid);
  char **f = row->fields;
  GDate from;
  guint years = 0;

  if (g_strv_length (f) != 7)
    return csv_error (error, name, row->line,
                      _("give seven columns: kind, from, position, block, category, years, value"));

  if (g_str_equal (f[0], "base"))
    {
      gint64 tiyn;

      if (!parse_iso_date (f[1], &from))
        return csv_error (error, name, row->line, _("give the date the figure applies from as YYYY-MM-DD"));
      if (!shtat_money_parse (f[6], &tiyn))
        return csv_error (error, name, row->line, _("the base official salary is an amount in tenge, e.g. 17697.00"));
      for (guint i = 0; i < bases->len; i++)
        if (shtat_date_equal (&((ShtatPayBase *) g_ptr_array_index (bases, i))->from, &from))
          return csv_error (error, name, row->line, _("a base official salary from this date is given twice"));
      if (!shtat_pay_grid_add_base (grid, &from, tiyn, &local_error))
        return csv_error (error, name, row->line, local_error->message);
    }
  else if (g_str_equal (f[0], "coefficient"))
    {
      int coefficient;

      if (!parse_iso_date (f[1], &from))
        return csv_error (error, name, row->line, _("give the date the figure applies from as YYYY-MM-DD"));
      if (!parse_years (f[5], &years))
        return csv_error (error, name, row->line, _("years of service are a whole number from 0 to 100"));
      if (!shtat_coefficient_parse (f[6], &coefficient))
        return csv_error (error, name, row->line, _("a coefficient is written like 3.79, with up to four decimals"));
      for (guint i = 0; i < coefficients->len; i++)
        {
          const ShtatPayCoefficient *c = g_ptr_array_index (coefficients, i);

          if (g_strcmp0 (c->block, f[3]) == 0 && g_strcmp0 (c->category, code_or_null (f[4])) == 0
              && c->years == years && shtat_date_equal (&c->from, &from))
            return csv_error (error, name, row->line, _("this coefficient is given twice"));
        }
      if (!shtat_pay_grid_add_coefficient (grid, f[3], f[4], years, &from, coefficient, &local_error))
        return csv_error (error, name, row->line, local_error->message);
    }
  else if (g_str_equal (f[0], "position"))
    {
      if (!parse_years (f[5], &years))
        return csv_error (error, name, row->line, _("years of service are a whole number from 0 to 100"));
      if (shtat_pay_grid_get_position (grid, f[2]) != NULL)
        return csv_error (error, name, row->line, _("the position is placed twice"));
      if (!shtat_pay_grid_set_position (grid, f[2], f[3], f[4], years, &local_error))
        return csv_error (error, name, row->line, local_error->message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("unknown kind “%s”: use base, coefficient or position"), f[0]);

      return csv_error (error, name, row->line, message);
    }
  return TRUE;
}

/**
 * shtat_pay_grid_from_csv:
 * @name: the file's name, for the messages
 * @text: the content
 * @len: its length in bytes
 * @error: return location for a #GError (SHTAT_PAY_ERROR_INVALID)
 *
 * Returns: (transfer full) (nullable): the grid, or NULL with @error naming
 *   the line.
 */
ShtatPayGrid *
shtat_pay_grid_from_csv (const char  *name,
                         const char  *text,
                         gsize        len,
                         GError     **error)
{
  g_autoptr(ShtatPayGrid) grid = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (name != NULL && text != NULL, NULL);

  rows = shtat_csv_parse (name, text, len, &local_error);
  if (rows == NULL)
    {
      g_set_error_literal (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID, local_error->message);
      return NULL;
    }
  grid = shtat_pay_grid_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      const ShtatCsvRow *row = g_ptr_array_index (rows, i);

      if (i == 0 && shtat_csv_row_is_header (row, csv_header))
        continue;
      if (!read_csv_row (grid, name, row, error))
        return NULL;
    }
  return g_steal_pointer (&grid);
}
