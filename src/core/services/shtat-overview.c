/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shtat-overview.h"
#include "shtat-text.h"

static void
row_free (ShtatOverviewRow *row)
{
  g_clear_pointer (&row->centre, shtat_centre_unref);
  g_clear_pointer (&row->approved, shtat_schedule_unref);
  g_clear_pointer (&row->pending, shtat_schedule_unref);
  g_free (row->problem);
  g_free (row);
}

gboolean
shtat_overview_row_is_submitted (const ShtatOverviewRow *row)
{
  return row->pending != NULL && shtat_schedule_get_status (row->pending) == SHTAT_SCHEDULE_SUBMITTED;
}

static void
fill_row (ShtatOverviewRow *row,
          GPtrArray        *versions,
          ShtatNormLibrary *library)
{
  ShtatSchedule *newer;

  for (guint v = 0; v < versions->len; v++)
    {
      ShtatSchedule *s = g_ptr_array_index (versions, v);

      switch (shtat_schedule_get_status (s))
        {
        case SHTAT_SCHEDULE_APPROVED:
          g_clear_pointer (&row->approved, shtat_schedule_unref);
          g_clear_pointer (&row->pending, shtat_schedule_unref);
          row->approved = shtat_schedule_ref (s);
          break;
        case SHTAT_SCHEDULE_DRAFT:
        case SHTAT_SCHEDULE_SUBMITTED:
          g_clear_pointer (&row->pending, shtat_schedule_unref);
          row->pending = shtat_schedule_ref (s);
          break;
        case SHTAT_SCHEDULE_SUPERSEDED:
        default:
          break;
        }
    }

  newer = row->pending != NULL ? row->pending : row->approved;
  row->minimum = -1;
  if (newer != NULL)
    {
      const char *table_id = shtat_schedule_get_table (newer);
      const ShtatNormTable *table = shtat_norm_library_get_table_or_centre (library, table_id);
      g_autoptr(ShtatScheduleCheck) check = NULL;

      row->planned = shtat_schedule_get_total_units (newer);
      if (table != NULL)
        check = shtat_schedule_check (newer, library, table, NULL, NULL);
      if (check != NULL)
        {
          row->minimum = check->minimum->total_units;
          row->n_errors = check->n_errors;
          row->n_warnings = check->n_warnings;
        }
    }
}

GPtrArray *
shtat_overview_compute (ShtatStore       *store,
                        ShtatNormLibrary *library,
                        const GDate      *date,
                        GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GHashTable) rates = NULL;
  GDate today;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);

  if (date == NULL)
    {
      shtat_date_set_today (&today);
      date = &today;
    }
  centres = shtat_store_list_centres (store, error);
  if (centres == NULL)
    return NULL;
  rates = shtat_store_sum_rates_by_centre (store, date, error);
  if (rates == NULL)
    return NULL;

  for (guint i = 0; i < centres->len; i++)
    {
      ShtatCentre *centre = g_ptr_array_index (centres, i);
      ShtatOverviewRow *row = g_new0 (ShtatOverviewRow, 1);
      g_autoptr(GPtrArray) versions = NULL;
      g_autoptr(GError) local = NULL;

      row->centre = shtat_centre_ref (centre);
      row->minimum = -1;
      row->filled = GPOINTER_TO_INT (g_hash_table_lookup (rates, centre->code));
      {
        g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

        versions = shtat_store_list_readable_schedules (store, centre->code, problems, &local);
        if (versions == NULL)
          row->problem = g_strdup (local->message);
        else
          {
            fill_row (row, versions, library);
            if (problems->len > 0)
              {
                g_ptr_array_add (problems, NULL);
                row->problem = g_strjoinv ("; ", (char **) problems->pdata);
              }
          }
      }
      if (row->approved != NULL)
        {
          int units = shtat_schedule_get_total_units (row->approved);

          row->vacant = MAX (0, units - row->filled);
          row->over = MAX (0, row->filled - units);
        }
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
