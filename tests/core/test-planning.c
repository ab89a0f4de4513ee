/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-planning"

/* Where a new draft's figures come from: the drivers given, the centre
 * profile, the newest version, in that order; salaries from the pay grid; a
 * copy of the approved version. Figures of 000 App worked out by hand: with no
 * vehicle and up to 50 appeals the minimum is 17 units; with one vehicle,
 * 25.5 at 51–100 appeals and 32.5 above 100. 2025 has 261 weekdays, so
 * 1 305 appeals a month make 60 a working day. */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

static int
line_of (const ShtatSchedule *s,
         const char          *position)
{
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    if (g_strcmp0 (shtat_schedule_get_line (s, i)->position, position) == 0)
      return (int) i;
  return -1;
}

static void
test_sources (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);
  g_autoptr(ShtatCentre) centre = shtat_centre_new ();
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("north");
  g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_new ();
  g_autoptr(ShtatSchedule) v1 = NULL, v2 = NULL, v3 = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  ShtatDrivers given;
  GDate from = shtat_test_date (2020, 1, 1);
  int psychologist;

  g_assert_no_error (error);
  centre->code = g_strdup ("north");
  centre->name_kk = g_strdup ("Солтүстік");
  shtat_test_ok (shtat_store_save_centre (store, centre, &error), error);

  /* nothing known: the command line's draft is refused, naming the driver, and nothing is saved */
  g_assert_null (shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, FALSE, &error));
  g_assert_error (error, SHTAT_MINIMUM_ERROR, SHTAT_MINIMUM_ERROR_MISSING_DRIVER);
  g_clear_error (&error);
  versions = shtat_store_list_schedules (store, "north", &error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* the application's starts at 0 appeals and no vehicle: 17 units */
  v1 = shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_schedule_get_version (v1), ==, 1);
  g_assert_cmpint (shtat_schedule_get_total_units (v1), ==, 1700);

  /* a profile of 60 a day and one vehicle, and a pay grid placing the psychologist */
  for (int m = 1; m <= 12; m++)
    {
      ShtatMonth month = { 2025, m };
      shtat_test_ok (shtat_centre_profile_set_appeals (profile, &month, SHTAT_APPEAL_SELF, 1305, &error), error);
    }
  {
    ShtatMonth a = { 2025, 1 }, b = { 2025, 12 };
    shtat_test_ok (shtat_centre_profile_set_period (profile, &a, &b, &error), error);
  }
  shtat_test_ok (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 1, &error), error);
  shtat_test_ok (shtat_store_save_centre_profile (store, profile, &error), error);
  shtat_test_ok (shtat_pay_grid_add_base (grid, &from, 2000000, &error), error);
  shtat_test_ok (shtat_pay_grid_add_coefficient (grid, "B2", "1", 0, &from, 35000, &error), error);
  shtat_test_ok (shtat_pay_grid_set_position (grid, "psychologist", "B2", "1", 0, &error), error);
  shtat_test_ok (shtat_store_save_pay_grid (store, grid, &error), error);

  /* the profile's figures win over the newest version's: 25.5 units, with the
   * period it was averaged over; the psychologist at 20 000 × 3.5 = 70 000 ₸ */
  v2 = shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_schedule_get_version (v2), ==, 2);
  g_assert_cmpint (shtat_schedule_get_total_units (v2), ==, 2550);
  g_assert_cmpfloat_with_epsilon (shtat_schedule_get_drivers (v2)->values[SHTAT_DRIVER_APPEALS], 60.0, 1e-6);
  g_assert_nonnull (strstr (shtat_schedule_get_appeals_source (v2), "01.2025"));
  psychologist = line_of (v2, "psychologist");
  g_assert_cmpint (psychologist, >=, 0);
  g_assert_cmpint (shtat_schedule_get_line (v2, psychologist)->salary, ==, 7000000);
  g_assert_cmpstr (shtat_schedule_get_line (v2, psychologist)->grade, ==, "B2-1");

  /* figures given win over the profile's: 120 appeals, still one vehicle: 32.5 */
  shtat_drivers_init (&given);
  shtat_drivers_set (&given, SHTAT_DRIVER_APPEALS, 120);
  v3 = shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, &given, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shtat_schedule_get_total_units (v3), ==, 3250);
  g_assert_null (shtat_schedule_get_appeals_source (v3));

  /* nothing approved to copy */
  g_assert_null (shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_APPROVED, NULL, FALSE, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);

  /* an unknown table */
  g_assert_null (shtat_planning_new_draft (store, library, "north", "no-such-table", SHTAT_DRAFT_FROM_NORMS, NULL, TRUE,
                                           &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);

  /* the first draft, made before the profile and the grid, takes them on request */
  {
    g_autofree char *explanation = NULL;
    guint n = 0;

    shtat_test_ok (shtat_planning_apply_profile (store, library, v1, &explanation, &error), error);
    g_assert_cmpfloat_with_epsilon (shtat_schedule_get_drivers (v1)->values[SHTAT_DRIVER_APPEALS], 60.0, 1e-6);
    g_assert_cmpfloat_with_epsilon (shtat_schedule_get_drivers (v1)->values[SHTAT_DRIVER_VEHICLES], 1.0, 1e-6);
    g_assert_nonnull (strstr (explanation, "261"));
    shtat_test_ok (shtat_planning_apply_pay_grid (store, v1, NULL, &n, &error), error);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (shtat_schedule_get_line (v1, line_of (v1, "psychologist"))->salary, ==, 7000000);
  }

  /* a grid that places none of the positions: refused, nothing changed */
  shtat_test_ok (shtat_pay_grid_remove_position (grid, "psychologist"), NULL);
  shtat_test_ok (shtat_store_save_pay_grid (store, grid, &error), error);
  {
    g_autoptr(GBytes) before = shtat_schedule_to_xml (v3);
    g_autoptr(GBytes) after = NULL;

    g_assert_false (shtat_planning_apply_pay_grid (store, v3, NULL, NULL, &error));
    g_assert_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND);
    g_clear_error (&error);
    after = shtat_schedule_to_xml (v3);
    g_assert_true (g_bytes_equal (before, after));
  }

  versions = shtat_store_list_schedules (store, "north", &error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* approval: a draft is refused and stays as stored */
  {
    ShtatApproval approval = { 0 };
    g_autoptr(ShtatSchedule) approved = NULL;
    g_autoptr(ShtatSchedule) stored = NULL;

    approval.akimat = "Солтүстік ауданының әкімдігі";
    approval.order_number = "12-п";
    approval.order_date = shtat_test_date (2026, 2, 2);
    approval.signatory = "Ахметов А. А.";
    approval.effective = shtat_test_date (2026, 3, 1);
    g_assert_null (shtat_planning_approve (store, library, "north", 2, &approval, &error));
    g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
    g_clear_error (&error);
    stored = shtat_store_load_schedule (store, "north", 2, &error);
    g_assert_cmpint (shtat_schedule_get_status (stored), ==, SHTAT_SCHEDULE_DRAFT);

    /* complete it (a salary on every line with units, the typical norms named), submit, approve */
    for (guint i = 0; i < shtat_schedule_get_n_lines (stored); i++)
      {
        const ShtatScheduleLine *line = shtat_schedule_get_line (stored, i);

        if (line->units > 0 && line->salary == 0)
          shtat_test_ok (shtat_schedule_set_line_salary (stored, i, 15000000, &error), error);
        if (g_strcmp0 (line->position, "cleaner") == 0 || g_strcmp0 (line->position, "yard-keeper") == 0)
          shtat_test_ok (shtat_schedule_set_line_reference (stored, i, "Typical norms", &error), error);
      }
    shtat_test_ok (shtat_schedule_submit (stored, library, NULL, &error), error);
    shtat_test_ok (shtat_store_save_schedule (store, stored, &error), error);
    approved = shtat_planning_approve (store, library, "north", 2, &approval, &error);
    g_assert_no_error (error);
    g_assert_cmpint (shtat_schedule_get_status (approved), ==, SHTAT_SCHEDULE_APPROVED);
    g_assert_cmpuint (strlen (shtat_schedule_get_sha256 (approved)), ==, 64);
    g_clear_pointer (&stored, shtat_schedule_unref);
    stored = shtat_store_load_schedule (store, "north", 2, &error);
    g_assert_true (shtat_schedule_equal (stored, approved));

    /* approving it twice is refused */
    g_assert_null (shtat_planning_approve (store, library, "north", 2, &approval, &error));
    g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
    g_clear_error (&error);
  }
}

/* Runs @sql on the database at @path through a connection of its own, as
 * another program would. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A database that fails while a draft is made: the draft is refused with the
 * store's error instead of coming out without its salaries, and nothing is
 * saved. The pay grid here places the psychologist at 20 000 × 3.5 = 70 000 ₸. */
static void
test_failure (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open (path, &error);
  g_autoptr(ShtatCentre) centre = shtat_centre_new ();
  g_autoptr(ShtatPayGrid) grid = shtat_pay_grid_new ();
  g_autoptr(ShtatSchedule) draft = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GDate from = shtat_test_date (2020, 1, 1);

  g_assert_no_error (error);
  centre->code = g_strdup ("north");
  centre->name_kk = g_strdup ("Солтүстік");
  shtat_test_ok (shtat_store_save_centre (store, centre, &error), error);
  shtat_test_ok (shtat_pay_grid_add_base (grid, &from, 2000000, &error), error);
  shtat_test_ok (shtat_pay_grid_add_coefficient (grid, "B2", "1", 0, &from, 35000, &error), error);
  shtat_test_ok (shtat_pay_grid_set_position (grid, "psychologist", "B2", "1", 0, &error), error);
  shtat_test_ok (shtat_store_save_pay_grid (store, grid, &error), error);

  /* the placement of the positions on the grid cannot be read */
  exec_sql (path, "ALTER TABLE pay_positions RENAME TO pay_positions_away");
  g_assert_null (shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_SQL);
  /* the message names what failed */
  g_assert_true (g_str_has_prefix (error->message, "The pay grid cannot be read: "));
  g_clear_error (&error);
  /* the calendar cannot be read either */
  exec_sql (path, "ALTER TABLE calendar_days RENAME TO calendar_days_away");
  g_assert_null (shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_SQL);
  g_assert_true (g_str_has_prefix (error->message, "The working-day calendar cannot be read: "));
  g_clear_error (&error);
  versions = shtat_store_list_schedules (store, "north", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* put back, the same call gives the draft with the grid's salary */
  exec_sql (path, "ALTER TABLE calendar_days_away RENAME TO calendar_days;"
                  "ALTER TABLE pay_positions_away RENAME TO pay_positions");
  draft = shtat_planning_new_draft (store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_schedule_get_version (draft), ==, 1);
  g_assert_cmpint (shtat_schedule_get_line (draft, line_of (draft, "psychologist"))->salary, ==, 7000000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);
  g_test_add_func ("/planning/sources", test_sources);
  g_test_add_func ("/planning/failure", test_failure);
  rc = g_test_run ();
  g_clear_object (&library);
  return rc;
}
