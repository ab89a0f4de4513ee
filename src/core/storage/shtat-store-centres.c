/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-appeals.h"
#include "shtat-store-private.h"
#include "shtat-text.h"

/* Centres, their profiles (shtat-appeals.h) and the working-day calendar. */

static const char sql_centre_list[] = "SELECT id, code, name_kk, name_ru, district, akimat FROM centres";
static const char sql_centre_by_code[] = "SELECT id FROM centres WHERE code = $1";
static const char sql_centre_insert[] =
  "INSERT INTO centres (code, name_kk, name_ru, district, akimat) VALUES ($1, $2, $3, $4, $5)";
static const char sql_centre_update[] =
  "UPDATE centres SET code = $1, name_kk = $2, name_ru = $3, district = $4, akimat = $5 WHERE id = $6";

/* Every centre, as stored; shtat_store_list_centres() sorts them. */
GPtrArray *
shtat_store_read_centres (ShtatStore  *self,
                          GError     **error)
{
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(ShtatStoreStmt) stmt = shtat_store_stmt (self, sql_centre_list, error);
  ShtatStoreStep rc;

  if (stmt == NULL)
    return NULL;
  centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      ShtatCentre *centre = shtat_centre_new ();

      centre->id = shtat_stmt_column_int64 (stmt, 0);
      centre->code = shtat_stmt_column_dup (stmt, 1);
      centre->name_kk = shtat_stmt_column_dup (stmt, 2);
      centre->name_ru = shtat_stmt_column_dup (stmt, 3);
      centre->district = shtat_stmt_column_dup (stmt, 4);
      centre->akimat = shtat_stmt_column_dup (stmt, 5);
      g_ptr_array_add (centres, centre);
    }
  if (rc != SHTAT_STORE_STEP_DONE)
    return NULL;
  return g_steal_pointer (&centres);
}

GPtrArray *
shtat_store_list_centres (ShtatStore  *self,
                          GError     **error)
{
  GPtrArray *centres;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  centres = shtat_store_read_centres (self, error);
  if (centres != NULL)
    shtat_centres_sort_by_name (centres);
  return centres;
}

static void
bind_centre (ShtatStoreStmt    *stmt,
             const ShtatCentre *centre)
{
  shtat_stmt_bind_text (stmt, 1, centre->code);
  shtat_stmt_bind_text (stmt, 2, centre->name_kk);
  shtat_stmt_bind_text (stmt, 3, centre->name_ru);
  shtat_stmt_bind_text (stmt, 4, centre->district);
  shtat_stmt_bind_text (stmt, 5, centre->akimat);
}

/* A new row when @target_id is 0, else over the row @target_id. */
gboolean
shtat_store_write_centre (ShtatStore         *self,
              const ShtatCentre  *centre,
              gint64              target_id,
              gint64             *out_id,
              GError            **error)
{
  g_autofree char *record = g_strdup_printf (_("Centre %s"), centre->code != NULL ? centre->code : "");
  g_autoptr(ShtatStoreStmt) stmt = shtat_store_stmt (self, target_id == 0 ? sql_centre_insert
                                                                                   : sql_centre_update, error);

  if (stmt == NULL)
    return FALSE;
  bind_centre (stmt, centre);
  if (target_id != 0)
    shtat_stmt_bind_int64 (stmt, 6, target_id);
  if (!shtat_store_run (self, stmt, record, error))
    return FALSE;
  if (target_id == 0)
    *out_id = shtat_store_last_insert_id (self);
  else if (shtat_store_changes (self) == 0)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                   _("There is no centre with the id %s"), shtat_store_id_text (target_id).text);
      return FALSE;
    }
  else
    *out_id = target_id;
  return TRUE;
}

gboolean
shtat_store_save_centre (ShtatStore   *self,
                         ShtatCentre  *centre,
                         GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (centre != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_store_begin_write (self, error))
    return FALSE;
  if (!shtat_store_finish (self, shtat_store_write_centre (self, centre, centre->id, &id, error), error))
    return FALSE;
  centre->id = id;
  return TRUE;
}

/* Whether the centre @centre_code exists: SHTAT_STORE_ERROR_NOT_FOUND when not.
 * @out_id (may be NULL) receives its id. */
gboolean
shtat_store_find_centre (ShtatStore  *self,
                         const char  *centre_code,
                         gint64      *out_id,
                         const char  *record,
                         GError     **error)
{
  g_autoptr(ShtatStoreStmt) stmt = shtat_store_stmt (self, sql_centre_by_code, error);
  ShtatStoreStep rc;

  if (stmt == NULL)
    return FALSE;
  shtat_stmt_bind_text (stmt, 1, centre_code);
  rc = shtat_store_step (self, stmt, record, error);
  if (rc == SHTAT_STORE_STEP_ROW)
    {
      if (out_id != NULL)
        *out_id = shtat_stmt_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SHTAT_STORE_STEP_DONE)
    {
      if (record != NULL)
        g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                     _("%s: there is no centre with the code “%s”"), record, centre_code);
      else
        g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                     _("There is no centre “%s”"), centre_code != NULL ? centre_code : "");
    }
  return FALSE;
}

static gboolean
column_month (ShtatStoreStmt *stmt,
              int             col,
              ShtatMonth     *out)
{
  return shtat_month_parse (shtat_stmt_column_text (stmt, col), out);
}

/* ------------------------------------------------------------------------ */
/* Centre profiles                                                          */

static int
compare_appeal_counts (gconstpointer a,
                       gconstpointer b)
{
  const ShtatAppealCount *x = a;
  const ShtatAppealCount *y = b;
  int c = shtat_month_compare (&x->month, &y->month);

  if (c != 0)
    return c;
  return x->channel < y->channel ? -1 : x->channel > y->channel;
}

static gboolean
read_profile (ShtatStore          *self,
              ShtatCentreProfile  *profile,
              GError             **error)
{
  g_autoptr(ShtatStoreStmt) period = NULL;
  g_autoptr(ShtatStoreStmt) appeals = NULL;
  g_autoptr(ShtatStoreStmt) drivers = NULL;
  ShtatStoreStep rc;

  if (!shtat_store_find_centre (self, profile->centre_code, NULL, NULL, error))
    return FALSE;

  period = shtat_store_stmt (self, "SELECT period_from, period_to FROM centre_profiles WHERE centre_code = $1", error);
  if (period == NULL)
    return FALSE;
  shtat_stmt_bind_string (period, 1, profile->centre_code);
  rc = shtat_store_step (self, period, NULL, error);
  if (rc == SHTAT_STORE_STEP_ROW)
    {
      if (!shtat_stmt_column_is_null (period, 0)
          && (!column_month (period, 0, &profile->period_from) || !column_month (period, 1, &profile->period_to)))
        return shtat_store_corrupt_row (self, "centre_profiles", error);
    }
  else if (!(rc == SHTAT_STORE_STEP_DONE))
    return FALSE;

  appeals = shtat_store_stmt (self, "SELECT month, channel, count FROM centre_appeals WHERE centre_code = $1", error);
  if (appeals == NULL)
    return FALSE;
  shtat_stmt_bind_string (appeals, 1, profile->centre_code);
  while ((rc = shtat_store_step (self, appeals, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      ShtatAppealCount c;

      if (!column_month (appeals, 0, &c.month)
          || !shtat_appeal_channel_from_string (shtat_stmt_column_text (appeals, 1), &c.channel))
        return shtat_store_corrupt_row (self, "centre_appeals", error);
      c.count = shtat_stmt_column_int64 (appeals, 2);
      g_array_append_val (profile->appeals, c);
    }
  if (!(rc == SHTAT_STORE_STEP_DONE))
    return FALSE;
  /* the key sorts channels by their codes; the profile keeps the act's order */
  g_array_sort (profile->appeals, compare_appeal_counts);

  drivers = shtat_store_stmt (self, "SELECT name, value FROM centre_drivers WHERE centre_code = $1", error);
  if (drivers == NULL)
    return FALSE;
  shtat_stmt_bind_string (drivers, 1, profile->centre_code);
  while ((rc = shtat_store_step (self, drivers, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      const char *name = shtat_stmt_column_text (drivers, 0);
      double value = shtat_stmt_column_double (drivers, 1);
      ShtatDriver driver;
      ShtatFlag flag;

      if (shtat_driver_from_string (name, &driver) && driver != SHTAT_DRIVER_APPEALS)
        {
          profile->values[driver] = value;
          profile->set[driver] = TRUE;
        }
      else if (shtat_flag_from_string (name, &flag))
        profile->flags[flag] = value != 0;
      else
        return shtat_store_corrupt_row (self, "centre_drivers", error);
    }
  return (rc == SHTAT_STORE_STEP_DONE);
}

/* The profile of a centre: empty when nothing is stored for it. */
ShtatCentreProfile *
shtat_store_load_centre_profile (ShtatStore  *self,
                                 const char  *centre_code,
                                 GError     **error)
{
  g_autoptr(ShtatCentreProfile) profile = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (centre_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  profile = shtat_centre_profile_new (centre_code);
  if (!shtat_store_begin_read (self, error))
    return NULL;
  if (!shtat_store_finish (self, read_profile (self, profile, error), error))
    return NULL;
  return g_steal_pointer (&profile);
}

static gboolean
write_profile (ShtatStore                *self,
               const ShtatCentreProfile  *profile,
               GError                   **error)
{
  g_autofree char *record = g_strdup_printf (_("Profile of the centre %s"), profile->centre_code);
  const char *code = profile->centre_code;
  g_autoptr(ShtatStoreStmt) stmt = NULL;

  if (!shtat_store_find_centre (self, code, NULL, NULL, error))
    return FALSE;

  for (const char * const *sql = (const char * const[]) {
         "DELETE FROM centre_appeals WHERE centre_code = $1",
         "DELETE FROM centre_drivers WHERE centre_code = $1",
         "DELETE FROM centre_profiles WHERE centre_code = $1",
         NULL };
       *sql != NULL; sql++)
    {
      g_autoptr(ShtatStoreStmt) del = shtat_store_stmt (self, *sql, error);

      if (del == NULL)
        return FALSE;
      shtat_stmt_bind_string (del, 1, code);
      if (!shtat_store_run (self, del, record, error))
        return FALSE;
    }

  stmt = shtat_store_stmt (self, "INSERT INTO centre_profiles (centre_code, period_from, period_to) VALUES ($1, $2, $3)",
                  error);
  if (stmt == NULL)
    return FALSE;
  shtat_stmt_bind_string (stmt, 1, code);
  if (profile->period_from.year != 0)
    {
      g_autofree char *from = shtat_month_to_iso (&profile->period_from);
      g_autofree char *to = shtat_month_to_iso (&profile->period_to);

      shtat_stmt_bind_text_copy (stmt, 2, from, -1);
      shtat_stmt_bind_text_copy (stmt, 3, to, -1);
    }
  if (!shtat_store_run (self, stmt, record, error))
    return FALSE;
  g_clear_pointer (&stmt, shtat_store_stmt_release);

  stmt = shtat_store_stmt (self, "INSERT INTO centre_appeals (centre_code, month, channel, count) VALUES ($1, $2, $3, $4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < profile->appeals->len; i++)
    {
      const ShtatAppealCount *c = &g_array_index (profile->appeals, ShtatAppealCount, i);

      g_autofree char *month = shtat_month_to_iso (&c->month);

      shtat_stmt_bind_string (stmt, 1, code);
      shtat_stmt_bind_text_copy (stmt, 2, month, -1);
      shtat_stmt_bind_string (stmt, 3, shtat_appeal_channel_to_string (c->channel));
      shtat_stmt_bind_int64 (stmt, 4, c->count);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, shtat_store_stmt_release);

  stmt = shtat_store_stmt (self, "INSERT INTO centre_drivers (centre_code, name, value) VALUES ($1, $2, $3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      if (!profile->set[d] || d == SHTAT_DRIVER_APPEALS)
        continue;
      shtat_stmt_bind_string (stmt, 1, code);
      shtat_stmt_bind_string (stmt, 2, shtat_driver_to_string (d));
      shtat_stmt_bind_double (stmt, 3, profile->values[d]);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    {
      if (!profile->flags[f])
        continue;
      shtat_stmt_bind_string (stmt, 1, code);
      shtat_stmt_bind_string (stmt, 2, shtat_flag_to_string (f));
      shtat_stmt_bind_double (stmt, 3, 1);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces the whole stored profile of the centre with @profile, after
 * checking it (no count in a month that has not begun, none negative…). */
gboolean
shtat_store_save_centre_profile (ShtatStore                *self,
                                 const ShtatCentreProfile  *profile,
                                 GError                   **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_centre_profile_validate (profile, NULL, error))
    return FALSE;
  if (!shtat_store_begin_write (self, error))
    return FALSE;
  return shtat_store_finish (self, write_profile (self, profile, error), error);
}

/* ------------------------------------------------------------------------ */
/* The working-day calendar                                                 */

ShtatCalendar *
shtat_store_load_calendar (ShtatStore  *self,
                           GError     **error)
{
  g_autoptr(ShtatCalendar) calendar = NULL;
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  ShtatStoreStep rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  calendar = shtat_calendar_new ();
  stmt = shtat_store_stmt (self, "SELECT day, working, note FROM calendar_days ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      GDate day;

      shtat_stmt_column_date (stmt, 0, &day);
      if (!g_date_valid (&day)
          || !shtat_calendar_set_day (calendar, &day, shtat_stmt_column_int (stmt, 1) != 0,
                                      shtat_stmt_column_text (stmt, 2), NULL))
        {
          shtat_store_corrupt_row (self, "calendar_days", error);
          return NULL;
        }
    }
  if (!(rc == SHTAT_STORE_STEP_DONE))
    return NULL;
  return g_steal_pointer (&calendar);
}

static gboolean
write_calendar (ShtatStore     *self,
                ShtatCalendar  *calendar,
                GError        **error)
{
  GPtrArray *days = shtat_calendar_get_days (calendar);
  g_autoptr(ShtatStoreStmt) stmt = NULL;

  if (!shtat_store_exec (self, "DELETE FROM calendar_days", error))
    return FALSE;
  stmt = shtat_store_stmt (self, "INSERT INTO calendar_days (day, working, note) VALUES ($1, $2, $3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      const ShtatCalendarDay *day = g_ptr_array_index (days, i);
      g_autofree char *when = shtat_format_gdate (&day->date);
      g_autofree char *record = g_strdup_printf (_("Calendar, %s"), when);

      shtat_stmt_bind_date (stmt, 1, &day->date);
      shtat_stmt_bind_int (stmt, 2, day->working ? 1 : 0);
      shtat_stmt_bind_text (stmt, 3, day->note);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces every stored exception with those of @calendar. */
gboolean
shtat_store_save_calendar (ShtatStore     *self,
                           ShtatCalendar  *calendar,
                           GError        **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_store_begin_write (self, error))
    return FALSE;
  return shtat_store_finish (self, write_calendar (self, calendar, error), error);
}

