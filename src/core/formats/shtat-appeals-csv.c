/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-appeals-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-appeals-csv.h"
#include "shtat-appeals-private.h"
#include "shtat-csv-private.h"

/**
 * shtat_centre_profile_read_appeals_csv:
 * @profile: the profile the counts go to
 * @name: the file's name, for the messages
 * @text: the content
 * @len: its length in bytes
 * @today: (nullable): the date no month may be after; NULL: today
 * @n_rows: (out) (optional): the number of counts read
 * @error: return location for a #GError (SHTAT_APPEALS_ERROR)
 *
 * Adds the counts of the file to @profile, each replacing the count of the
 * same month and channel, all or nothing: @profile changes only when every
 * row is valid.
 *
 * Returns: TRUE when read.
 */
gboolean
shtat_centre_profile_read_appeals_csv (ShtatCentreProfile  *profile,
                                       const char          *name,
                                       const char          *text,
                                       gsize                len,
                                       const GDate         *today,
                                       guint               *n_rows,
                                       GError             **error)
{
  static const char * const header[] = { "month", "channel", "count", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(ShtatCentreProfile) copy = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ShtatMonth current;
  guint n = 0;

  g_return_val_if_fail (profile != NULL && name != NULL && text != NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;
  rows = shtat_csv_parse (name, text, len, error);
  if (rows == NULL)
    return FALSE;

  shtat_appeals_current_month (today, &current);
  copy = shtat_centre_profile_copy (profile);
  for (guint r = 0; r < rows->len; r++)
    {
      const ShtatCsvRow *row = g_ptr_array_index (rows, r);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;
      ShtatAppealChannel channel;
      ShtatMonth month;
      gint64 count;
      char *end = NULL;
      gpointer first_line;

      if (r == 0 && shtat_csv_row_is_header (row, header))
        continue;
      if (g_strv_length (row->fields) != 3)
        {
          g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                       _("%s:%u: give three columns: month, channel, count"), name, row->line);
          return FALSE;
        }
      if (!shtat_month_parse (row->fields[0], &month))
        {
          g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                       _("%s:%u: “%s” is not a month: write it as YYYY-MM"), name, row->line, row->fields[0]);
          return FALSE;
        }
      if (!shtat_appeal_channel_parse (row->fields[1], &channel, &local_error))
        {
          g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                       "%s:%u: %s", name, row->line, local_error->message);
          return FALSE;
        }
      count = g_ascii_strtoll (row->fields[2], &end, 10);
      if (row->fields[2][0] == '\0' || end == NULL || *end != '\0')
        {
          g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                       _("%s:%u: “%s” is not a whole number of appeals"), name, row->line, row->fields[2]);
          return FALSE;
        }
      if (!shtat_appeals_check_count (&month, channel, count, &current, &local_error)
          || !shtat_centre_profile_set_appeals (copy, &month, channel, count, &local_error))
        {
          g_set_error (error, SHTAT_APPEALS_ERROR, local_error->code, "%s:%u: %s", name, row->line,
                       local_error->message);
          return FALSE;
        }
      key = g_strdup_printf ("%04d-%02d %d", month.year, month.month, channel);
      first_line = g_hash_table_lookup (seen, key);
      if (first_line != NULL)
        {
          g_autofree char *record = shtat_appeals_count_record (&month, channel);

          g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                       _("%s:%u: %s is already given on line %u"), name, row->line, record,
                       GPOINTER_TO_UINT (first_line));
          return FALSE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
      n++;
    }

  /* all or nothing: the caller's profile changes only now */
  g_array_set_size (profile->appeals, 0);
  g_array_append_vals (profile->appeals, copy->appeals->data, copy->appeals->len);
  if (n_rows != NULL)
    *n_rows = n;
  return TRUE;
}
