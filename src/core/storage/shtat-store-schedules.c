/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-schedule.h"
#include "shtat-schedule-xml.h"
#include "shtat-store-private.h"

/* Staffing schedules and their approvals: every version of every centre's
 * schedule, kept as its canonical XML (the form its SHA-256 is taken of) with
 * the keys and status beside it for queries. */

static const char sql_schedule_status[] =
  "SELECT status FROM schedules WHERE centre_code = $1 AND version = $2";
static const char sql_schedule_upsert[] =
  "INSERT INTO schedules (centre_code, version, status, sha256, xml) VALUES ($1, $2, $3, $4, $5)"
  " ON CONFLICT (centre_code, version) DO UPDATE SET status = excluded.status,"
  " sha256 = excluded.sha256, xml = excluded.xml";
static const char sql_schedules_of[] =
  "SELECT xml, centre_code, version FROM schedules WHERE centre_code = $1 ORDER BY version";
static const char sql_schedules_all[] =
  "SELECT xml, centre_code, version FROM schedules ORDER BY centre_code, version";
static const char sql_schedule_one[] =
  "SELECT xml FROM schedules WHERE centre_code = $1 AND version = $2";

/* Writes a version inside the caller's transaction. A stored approved version
 * is never changed, except to be marked superseded by a later approval. */
static gboolean
save_schedule_unlocked (ShtatStore     *self,
                        ShtatSchedule  *schedule,
                        GError        **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  const char *centre = shtat_schedule_get_centre (schedule);
  guint version = shtat_schedule_get_version (schedule);
  ShtatScheduleStatus status = shtat_schedule_get_status (schedule);
  g_autofree char *record = g_strdup_printf (_("Schedule of %s, version %u"), centre ? centre : "?", version);
  ShtatStoreStep rc;

  if (centre == NULL || *centre == '\0' || version == 0)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT,
                   _("%s: a schedule needs its centre and version number"), record);
      return FALSE;
    }

  xml = shtat_schedule_to_xml (schedule);

  stmt = shtat_store_stmt (self, sql_schedule_status, error);
  if (stmt == NULL)
    return FALSE;
  shtat_stmt_bind_string (stmt, 1, centre);
  shtat_stmt_bind_int (stmt, 2, (int) version);
  rc = shtat_store_step (self, stmt, record, error);
  if (rc == SHTAT_STORE_STEP_ERROR)
    return FALSE;
  if (rc == SHTAT_STORE_STEP_ROW)
    {
      ShtatScheduleStatus stored;

      if (shtat_schedule_status_from_string (shtat_stmt_column_text (stmt, 0), &stored)
          && (stored == SHTAT_SCHEDULE_APPROVED || stored == SHTAT_SCHEDULE_SUPERSEDED)
          && !(stored == SHTAT_SCHEDULE_APPROVED && status == SHTAT_SCHEDULE_SUPERSEDED))
        {
          g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT,
                       _("%s is approved and cannot be changed: make a new draft from it"), record);
          return FALSE;
        }
    }
  g_clear_pointer (&stmt, shtat_store_stmt_release);

  stmt = shtat_store_stmt (self, sql_schedule_upsert, error);
  if (stmt == NULL)
    return FALSE;
  shtat_stmt_bind_string (stmt, 1, centre);
  shtat_stmt_bind_int (stmt, 2, (int) version);
  shtat_stmt_bind_string (stmt, 3, shtat_schedule_status_to_string (status));
  shtat_stmt_bind_string (stmt, 4, shtat_schedule_get_sha256 (schedule));
  shtat_stmt_bind_blob (stmt, 5, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  return shtat_store_run (self, stmt, record, error);
}

/* Saves a version of a centre's schedule, in one transaction. */
gboolean
shtat_store_save_schedule (ShtatStore     *self,
                           ShtatSchedule  *schedule,
                           GError        **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!shtat_store_begin_write (self, error))
    return FALSE;
  return shtat_store_finish (self, save_schedule_unlocked (self, schedule, error), error);
}

/* An approval is one unit of work: the approved version and the one it
 * supersedes are written together or not at all. */
gboolean
shtat_store_save_approval (ShtatStore     *self,
                           ShtatSchedule  *approved,
                           ShtatSchedule  *superseded,
                           GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (approved != NULL, FALSE);

  if (!shtat_store_begin_write (self, error))
    return FALSE;
  ok = save_schedule_unlocked (self, approved, error)
       && (superseded == NULL || save_schedule_unlocked (self, superseded, error));
  return shtat_store_finish (self, ok, error);
}

static ShtatSchedule *
schedule_from_row (ShtatStoreStmt  *stmt,
                   GError         **error)
{
  gsize len;
  gconstpointer data = shtat_stmt_column_blob (stmt, 0, &len);
  g_autoptr(GBytes) xml = g_bytes_new (data, len);
  g_autoptr(ShtatSchedule) schedule = shtat_schedule_from_xml (xml, error);

  if (schedule == NULL)
    return NULL;
  /* an approved version is checked against its hash whenever it is opened */
  if (!shtat_schedule_verify (schedule, error))
    return NULL;
  return g_steal_pointer (&schedule);
}

/* The versions of a centre's schedule, oldest first. With @problems, a version
 * that cannot be read (damaged, or approved and no longer matching its SHA-256)
 * is left out and its reason added there, naming the version; without, it fails
 * the whole list. */
static GPtrArray *
list_schedules (ShtatStore  *self,
                const char  *centre_code,
                GPtrArray   *problems,
                GError     **error)
{
  g_autoptr(GPtrArray) schedules = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_schedule_unref);
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  ShtatStoreStep rc;

  stmt = shtat_store_stmt (self, centre_code != NULL ? sql_schedules_of : sql_schedules_all, error);
  if (stmt == NULL)
    return NULL;
  if (centre_code != NULL)
    shtat_stmt_bind_string (stmt, 1, centre_code);
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      g_autoptr(GError) local = NULL;
      ShtatSchedule *schedule = schedule_from_row (stmt, &local);

      if (schedule != NULL)
        g_ptr_array_add (schedules, schedule);
      else if (problems != NULL && local->domain == SHTAT_SCHEDULE_ERROR)
        g_ptr_array_add (problems, g_strdup_printf (_("Schedule of %s, version %d: %s"),
                                                    shtat_stmt_column_text (stmt, 1),
                                                    shtat_stmt_column_int (stmt, 2), local->message));
      else
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  if (rc != SHTAT_STORE_STEP_DONE)
    return NULL;
  return g_steal_pointer (&schedules);
}

GPtrArray *
shtat_store_list_schedules (ShtatStore  *self,
                            const char  *centre_code,
                            GError     **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);

  return list_schedules (self, centre_code, NULL, error);
}

GPtrArray *
shtat_store_list_readable_schedules (ShtatStore  *self,
                                     const char  *centre_code,
                                     GPtrArray   *problems,
                                     GError     **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return list_schedules (self, centre_code, problems, error);
}

ShtatSchedule *
shtat_store_load_schedule (ShtatStore  *self,
                           const char  *centre_code,
                           guint        version,
                           GError     **error)
{
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  ShtatStoreStep rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);

  stmt = shtat_store_stmt (self, sql_schedule_one, error);
  if (stmt == NULL)
    return NULL;
  shtat_stmt_bind_string (stmt, 1, centre_code);
  shtat_stmt_bind_int (stmt, 2, (int) version);
  rc = shtat_store_step (self, stmt, NULL, error);
  if (rc == SHTAT_STORE_STEP_ROW)
    return schedule_from_row (stmt, error);
  if (rc == SHTAT_STORE_STEP_DONE)
    g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                 _("There is no version %u of the schedule of %s"), version, centre_code);
  return NULL;
}
