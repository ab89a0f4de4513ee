/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-planning"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-appeals.h"
#include "shtat-schedule-profile.h"
#include "shtat-schedule-xml.h"
#include "shtat-planning.h"
#include "shtat-text.h"

/* The profile's average into @out_average, left NULL when the profile cannot
 * give one (no counts yet). FALSE only when the database cannot be read: a
 * draft made without what it holds would silently lack its figures. */
static gboolean
profile_average (ShtatStore           *store,
                 ShtatNormLibrary     *library,
                 const char           *centre_code,
                 const char           *table_id,
                 ShtatCentreProfile  **out_profile,
                 ShtatAppealsAverage **out_average,
                 GError              **error)
{
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(ShtatCalendar) calendar = NULL;
  GError *local = NULL;

  profile = shtat_store_load_centre_profile (store, centre_code, &local);
  /* a centre the database does not list has no profile to draw on */
  if (g_error_matches (local, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&local);
      return TRUE;
    }
  if (profile == NULL)
    {
      g_propagate_prefixed_error (error, local, _("The centre profile cannot be read: "));
      return FALSE;
    }
  if ((calendar = shtat_store_load_calendar (store, error)) == NULL)
    {
      g_prefix_error (error, _("The working-day calendar cannot be read: "));
      return FALSE;
    }
  *out_average = shtat_appeals_average_compute (profile, calendar, library, table_id, NULL, NULL, NULL, NULL);
  if (*out_average != NULL)
    *out_profile = g_steal_pointer (&profile);
  return TRUE;
}

/**
 * shtat_planning_new_draft:
 * @store: the database
 * @library: the norms
 * @centre_code: the centre
 * @table_id: (nullable): the norm table; %NULL: "fsc"
 * @source: where the lines come from
 * @given: (nullable): drivers the caller sets (the values set there)
 * @zero_unknown: whether a driver nothing gives starts at 0 rather than being an
 *   error
 * @error: return location for a #GError
 *
 * A new draft of the schedule of @centre_code, saved as its next version.
 *
 * From the norms of @table_id, each driver is taken from the first of: @given,
 * the centre profile (the average appeals per working day over its period, with
 * that period and its source recorded on the draft, and its other figures), the
 * newest version of the schedule; a driver none of them gives starts at 0 for the
 * user to correct on the draft when @zero_unknown, and is an error naming it
 * otherwise. Lines of positions the stored pay grid places get its salary and
 * grade for the date the draft is made.
 *
 * From the approved version: a copy of it, or %SHTAT_SCHEDULE_ERROR_STATUS when
 * there is none.
 *
 * A database that cannot be read (the profile, the calendar, the pay grid) is an
 * error in %SHTAT_STORE_ERROR, and nothing is saved: a draft is never made
 * without the figures the database holds for it.
 *
 * Returns: (transfer full) (nullable): the draft saved, or %NULL with @error set
 */
ShtatSchedule *
shtat_planning_new_draft (ShtatStore          *store,
                          ShtatNormLibrary    *library,
                          const char          *centre_code,
                          const char          *table_id,
                          ShtatDraftSource     source,
                          const ShtatDrivers  *given,
                          gboolean             zero_unknown,
                          GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(ShtatSchedule) draft = NULL;
  ShtatSchedule *latest = NULL, *approved = NULL;
  guint next = 1;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);
  g_return_val_if_fail (centre_code != NULL, NULL);

  /* versions that cannot be read still hold their numbers */
  versions = shtat_store_list_readable_schedules (store, centre_code, problems, error);
  if (versions == NULL)
    return NULL;
  for (guint i = 0; i < versions->len; i++)
    {
      ShtatSchedule *v = g_ptr_array_index (versions, i);

      next = MAX (next, shtat_schedule_get_version (v) + 1);
      latest = v;
      if (shtat_schedule_get_status (v) == SHTAT_SCHEDULE_APPROVED)
        approved = v;
    }
  if (problems->len > 0)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED, "%s",
                   (const char *) g_ptr_array_index (problems, 0));
      return NULL;
    }

  if (source == SHTAT_DRAFT_FROM_APPROVED)
    {
      if (approved == NULL)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                       _("The centre “%s” has no approved schedule to copy"), centre_code);
          return NULL;
        }
      draft = shtat_schedule_copy_as_draft (approved);
    }
  else
    {
      const ShtatNormTable *table = shtat_norm_library_get_table_or_centre (library, table_id);
      g_autoptr(ShtatCentreProfile) profile = NULL;
      g_autoptr(ShtatAppealsAverage) average = NULL;
      g_autoptr(ShtatPayGrid) grid = NULL;
      ShtatDrivers drivers;

      if (table == NULL)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("Unknown norm table “%s”"), table_id);
          return NULL;
        }
      if (!profile_average (store, library, centre_code, table->id, &profile, &average, error))
        return NULL;
      if ((grid = shtat_store_load_pay_grid (store, error)) == NULL)
        {
          g_prefix_error (error, _("The pay grid cannot be read: "));
          return NULL;
        }

      /* the newest version's figures, then the profile's over them, then those given */
      shtat_drivers_init (&drivers);
      if (latest != NULL && g_strcmp0 (shtat_schedule_get_table (latest) ? shtat_schedule_get_table (latest) : SHTAT_NORM_TABLE_CENTRE,
                                       table->id) == 0)
        drivers = *shtat_schedule_get_drivers (latest);
      if (average != NULL)
        {
          ShtatDrivers from_profile;

          shtat_centre_profile_get_drivers (profile, average, &from_profile);
          for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
            if (from_profile.set[d])
              shtat_drivers_set (&drivers, d, from_profile.values[d]);
          for (guint fl = 0; fl < SHTAT_N_FLAGS; fl++)
            drivers.flags[fl] = drivers.flags[fl] || from_profile.flags[fl];
        }
      if (given != NULL)
        {
          for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
            if (given->set[d])
              shtat_drivers_set (&drivers, d, given->values[d]);
          for (guint fl = 0; fl < SHTAT_N_FLAGS; fl++)
            drivers.flags[fl] = drivers.flags[fl] || given->flags[fl];
        }
      if (zero_unknown)
        for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
          if (!drivers.set[d] && shtat_norm_table_uses_driver (table, d))
            shtat_drivers_set (&drivers, d, 0);
      shtat_date_set_today (&drivers.as_of);

      draft = shtat_schedule_new_from_minimum (library, table, &drivers, grid, NULL, error);
      if (draft == NULL || !shtat_schedule_set_centre (draft, centre_code, error))
        return NULL;
      /* the period the average was taken over, when the profile gave it */
      if (average != NULL
          && (given == NULL || !given->set[SHTAT_DRIVER_APPEALS])
          && !shtat_schedule_set_appeals_period (draft, &average->period_from, &average->period_to, average->source,
                                                 error))
        return NULL;
    }

  if (!shtat_schedule_set_version (draft, next, error) || !shtat_store_save_schedule (store, draft, error))
    return NULL;
  return g_steal_pointer (&draft);
}

/**
 * shtat_planning_apply_profile:
 * @store: the database
 * @library: the norms
 * @schedule: a draft
 * @explanation: (out) (optional) (transfer full): how the average was found
 * @error: return location for a #GError
 *
 * A draft's drivers and appeals period from its centre's stored profile (the
 * average over the profile's period, and its other figures). Fails, changing
 * nothing, when the profile gives no average.
 *
 * Returns: %TRUE when applied
 */
gboolean
shtat_planning_apply_profile (ShtatStore        *store,
                              ShtatNormLibrary  *library,
                              ShtatSchedule     *schedule,
                              char             **explanation,
                              GError           **error)
{
  g_autoptr(ShtatCentreProfile) profile = shtat_store_load_centre_profile (store, shtat_schedule_get_centre (schedule), error);
  g_autoptr(ShtatCalendar) calendar = NULL;
  g_autoptr(ShtatAppealsAverage) average = NULL;
  const char *table_id = shtat_schedule_get_table (schedule);

  if (profile == NULL || (calendar = shtat_store_load_calendar (store, error)) == NULL)
    return FALSE;
  average = shtat_appeals_average_compute (profile, calendar, library, table_id, NULL, NULL, NULL, error);
  if (average == NULL || !shtat_centre_profile_apply_to_schedule (profile, average, schedule, error))
    return FALSE;
  if (explanation != NULL)
    *explanation = g_strdup (average->explanation);
  return TRUE;
}

/**
 * shtat_planning_apply_pay_grid:
 * @store: the database
 * @schedule: a draft
 * @date: (nullable): the date of the salaries; %NULL: today
 * @n_set: (out) (optional): how many lines got a salary
 * @error: return location for a #GError
 *
 * Every line of a draft whose position the stored pay grid places gets the
 * grid's salary and grade on @date. Fails with %SHTAT_PAY_ERROR_NOT_FOUND when
 * the grid places none of the draft's positions; on any failure the draft is left
 * as it was.
 *
 * Returns: %TRUE when applied
 */
gboolean
shtat_planning_apply_pay_grid (ShtatStore     *store,
                               ShtatSchedule  *schedule,
                               const GDate    *date,
                               guint          *n_set,
                               GError        **error)
{
  g_autoptr(ShtatPayGrid) grid = shtat_store_load_pay_grid (store, error);
  g_autoptr(GArray) salaries = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) grades = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  if (grid == NULL)
    return FALSE;
  /* every figure first, so that a failure changes nothing */
  for (guint i = 0; i < shtat_schedule_get_n_lines (schedule); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (schedule, i);
      char *grade = NULL;
      gint64 tiyn = -1;

      if (shtat_pay_grid_get_position (grid, line->position) != NULL)
        {
          if (!shtat_pay_grid_position_salary (grid, line->position, date, &tiyn, &grade, error))
            return FALSE;
          n++;
        }
      g_array_append_val (salaries, tiyn);
      g_ptr_array_add (grades, grade);
    }
  if (n == 0)
    {
      g_set_error_literal (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND,
                           _("The pay grid places none of these positions: open Pay Grid… in the main menu"));
      return FALSE;
    }
  for (guint i = 0; i < salaries->len; i++)
    if (g_array_index (salaries, gint64, i) >= 0
        && (!shtat_schedule_set_line_salary (schedule, i, g_array_index (salaries, gint64, i), error)
            || !shtat_schedule_set_line_grade (schedule, i, g_ptr_array_index (grades, i), error)))
      return FALSE;
  if (n_set != NULL)
    *n_set = n;
  return TRUE;
}

/**
 * shtat_planning_approve:
 * @store: the database
 * @library: the norms
 * @centre_code: the centre
 * @version: the stored version to approve
 * @approval: the akimat's order
 * @error: return location for a #GError
 *
 * Approves version @version of the schedule of @centre_code as stored, with
 * @approval, and saves it together with the approved version it supersedes, in
 * one transaction (see shtat_schedule_approve() for what is required). On
 * failure nothing is written.
 *
 * Returns: (transfer full) (nullable): the approved version, or %NULL with
 *   @error set
 */
ShtatSchedule *
shtat_planning_approve (ShtatStore          *store,
                        ShtatNormLibrary    *library,
                        const char          *centre_code,
                        guint                version,
                        const ShtatApproval *approval,
                        GError             **error)
{
  g_autoptr(ShtatSchedule) schedule = shtat_store_load_schedule (store, centre_code, version, error);
  g_autoptr(GPtrArray) versions = NULL;
  ShtatSchedule *previous = NULL;
  const char *table_id;

  if (schedule == NULL)
    return NULL;
  versions = shtat_store_list_schedules (store, centre_code, error);
  if (versions == NULL)
    return NULL;
  for (guint i = 0; i < versions->len; i++)
    if (shtat_schedule_get_status (g_ptr_array_index (versions, i)) == SHTAT_SCHEDULE_APPROVED
        && shtat_schedule_get_version (g_ptr_array_index (versions, i)) != version)
      previous = g_ptr_array_index (versions, i);
  table_id = shtat_schedule_get_table (schedule);
  if (!shtat_schedule_approve (schedule, library, shtat_norm_library_get_table_or_centre (library, table_id),
                               NULL, approval, previous, error)
      || !shtat_store_save_approval (store, schedule, previous, error))
    return NULL;
  return g_steal_pointer (&schedule);
}
