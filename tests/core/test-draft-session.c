/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing a draft of the staffing schedule without a display: each edit saved
 * at once, undone and redone with the database following, a save that fails
 * leaving the version and its history as they were, submission refused with
 * the schedule's own reason, withdrawal, and an approved version refusing
 * every edit. Figures of 000 App worked out by hand: with no appeals counted
 * and no vehicle the minimum is 17 units, of which the psychologists' line has
 * 2 (row "Psychologist", bracket up to 50 appeals). */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "shtat-core.h"
#include "shtat-draft-session.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

typedef struct
{
  char          *path;
  ShtatStore    *store;
  ShtatSchedule *draft;     /* version 1, from the norms; the session edits it */
  GBytes        *original;  /* its XML as made */
  guint          n_changed;
  guint          n_can_undo;
  int            last_change;
} Fixture;

static int
line_of (const ShtatSchedule *s,
         const char          *position)
{
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    if (g_strcmp0 (shtat_schedule_get_line (s, i)->position, position) == 0)
      return (int) i;
  return -1;
}

/* The version as the database holds it now. */
static ShtatSchedule *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ShtatSchedule *s = shtat_store_load_schedule (f->store, "north", 1, &error);

  g_assert_no_error (error);
  return s;
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Any write to the schedules fails, as a constraint of the database would. */
static void
refuse_writes (Fixture *f)
{
  exec_sql (f, "CREATE TRIGGER refuse_insert BEFORE INSERT ON schedules BEGIN SELECT RAISE (ABORT, 'refused'); END;"
               "CREATE TRIGGER refuse_update BEFORE UPDATE ON schedules BEGIN SELECT RAISE (ABORT, 'refused'); END;");
}

static void
allow_writes (Fixture *f)
{
  exec_sql (f, "DROP TRIGGER refuse_insert; DROP TRIGGER refuse_update;");
}

static void
changed_cb (ShtatDraftSession *session,
            int                change,
            Fixture           *f)
{
  f->n_changed++;
  f->last_change = change;
}

static void
can_undo_cb (ShtatDraftSession *session,
             GParamSpec        *pspec,
             Fixture           *f)
{
  f->n_can_undo++;
}

static ShtatDraftSession *
session_new (Fixture *f)
{
  ShtatDraftSession *session = shtat_draft_session_new (f->store, library, f->draft);

  g_signal_connect (session, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (session, "notify::can-undo", G_CALLBACK (can_undo_cb), f);
  return session;
}

/* The store is closed before its folder is removed: the test's destroy queue runs
 * last in, first out, and before the tear-down. */
static void
close_store_cb (gpointer data)
{
  Fixture *f = data;

  g_clear_object (&f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) centre = shtat_centre_new ();

  f->path = g_build_filename (shtat_test_make_tmp_dir (), "shtat.db", NULL);
  f->store = shtat_store_open (f->path, &error);
  g_assert_no_error (error);
  g_test_queue_destroy (close_store_cb, f);
  centre->code = g_strdup ("north");
  centre->name_kk = g_strdup ("Солтүстік");
  shtat_test_ok (shtat_store_save_centre (f->store, centre, &error), error);
  f->draft = shtat_planning_new_draft (f->store, library, "north", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shtat_schedule_get_total_units (f->draft), ==, 1700);
  f->original = shtat_schedule_to_xml (f->draft);
}

/* Whether @s is the draft as it was made. */
static gboolean
is_original (Fixture       *f,
             ShtatSchedule *s)
{
  g_autoptr(GBytes) xml = shtat_schedule_to_xml (s);

  return g_bytes_equal (xml, f->original);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->draft, shtat_schedule_unref);
  g_clear_pointer (&f->original, g_bytes_unref);
  g_free (f->path);
}

/* An edit is saved at once; undo and redo write what they restore. */
static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatDraftSession) session = session_new (f);
  int psychologist = line_of (f->draft, "psychologist");

  g_assert_cmpint (psychologist, >=, 0);
  g_assert_cmpint (shtat_schedule_get_line (f->draft, psychologist)->units, ==, 200);
  g_assert_true (shtat_draft_session_get_editable (session));
  g_assert_false (shtat_draft_session_get_can_undo (session));
  g_assert_false (shtat_draft_session_get_can_redo (session));
  g_assert_null (shtat_draft_session_get_undo_description (session));

  /* one psychologist instead of two: 16 units, in the database at once */
  shtat_test_ok (shtat_draft_session_set_units (session, psychologist, 100, &error), error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_change, ==, SHTAT_DRAFT_CHANGE_VALUES);
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1600);
  {
    g_autoptr(ShtatSchedule) s = stored (f);
    g_assert_cmpint (shtat_schedule_get_line (s, psychologist)->units, ==, 100);
  }
  g_assert_true (shtat_draft_session_get_can_undo (session));
  g_assert_cmpuint (f->n_can_undo, >=, 1);
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Units of “Psychologist”");

  /* a salary of 150 000 ₸ on the same line: the next undo takes that back first */
  shtat_test_ok (shtat_draft_session_set_salary (session, psychologist, 15000000, &error), error);
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Salary of “Psychologist”");

  shtat_test_ok (shtat_draft_session_undo (session, &error), error);
  g_assert_cmpint (shtat_schedule_get_line (shtat_draft_session_get_schedule (session), psychologist)->salary, ==, 0);
  g_assert_cmpstr (shtat_draft_session_get_redo_description (session), ==, "Salary of “Psychologist”");
  shtat_test_ok (shtat_draft_session_undo (session, &error), error);
  g_assert_cmpint (f->last_change, ==, SHTAT_DRAFT_CHANGE_LINES);
  g_assert_false (shtat_draft_session_get_can_undo (session));
  g_assert_true (shtat_draft_session_get_can_redo (session));
  g_assert_cmpstr (shtat_draft_session_get_redo_description (session), ==, "Units of “Psychologist”");
  /* what was undone is what the database holds: two units, no salary */
  {
    g_autoptr(ShtatSchedule) s = stored (f);
    g_assert_cmpint (shtat_schedule_get_line (s, psychologist)->units, ==, 200);
    g_assert_cmpint (shtat_schedule_get_line (s, psychologist)->salary, ==, 0);
    g_assert_true (is_original (f, s));
  }
  /* nothing more to undo */
  g_assert_false (shtat_draft_session_undo (session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);

  /* redo makes the change again, in the database too */
  shtat_test_ok (shtat_draft_session_redo (session, &error), error);
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1600);
  {
    g_autoptr(ShtatSchedule) s = stored (f);
    g_assert_cmpint (shtat_schedule_get_line (s, psychologist)->units, ==, 100);
  }
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Units of “Psychologist”");
  g_assert_cmpstr (shtat_draft_session_get_redo_description (session), ==, "Salary of “Psychologist”");

  /* a new edit forgets what could be redone */
  shtat_test_ok (shtat_draft_session_set_grade (session, psychologist, "B2-1", &error), error);
  g_assert_false (shtat_draft_session_get_can_redo (session));
  g_assert_null (shtat_draft_session_get_redo_description (session));

  /* a line added and removed, each undone on its own: 17 − 1 + 1 − 1 = 16 units */
  shtat_test_ok (shtat_draft_session_add_line (session, "lawyer", &error), error);
  g_assert_cmpint (f->last_change, ==, SHTAT_DRAFT_CHANGE_LINES);
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Line “Lawyer” added");
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1700);
  shtat_test_ok (shtat_draft_session_remove_line (session, psychologist, &error), error);
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Line “Psychologist” removed");
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1600);
  shtat_test_ok (shtat_draft_session_undo (session, &error), error);
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1700);
  {
    g_autoptr(ShtatSchedule) s = stored (f);
    g_assert_cmpint (shtat_schedule_get_total_units (s), ==, 1700);
    g_assert_cmpint (line_of (s, "psychologist"), ==, psychologist);
  }
}

/* A value the schedule refuses changes nothing and stays out of the history. */
static void
test_refused_value (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatDraftSession) session = session_new (f);

  g_assert_false (shtat_draft_session_set_units (session, 0, -100, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shtat_draft_session_get_can_undo (session));
  g_assert_true (is_original (f, shtat_draft_session_get_schedule (session)));

  /* drivers equal to the draft's are no change */
  shtat_test_ok (shtat_draft_session_set_drivers (session, shtat_schedule_get_drivers (f->draft), &error), error);
  g_assert_false (shtat_draft_session_get_can_undo (session));
  g_assert_cmpuint (f->n_changed, ==, 1);  /* the refused units, taken back */
}

/* A save that fails: an edit is taken back whole, and an undo keeps its entry
 * to be tried again. */
static void
test_save_fails (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatDraftSession) session = session_new (f);
  int psychologist = line_of (f->draft, "psychologist");

  shtat_test_ok (shtat_draft_session_set_units (session, psychologist, 300, &error), error);
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1800);

  refuse_writes (f);
  /* the edit: refused with the database's reason, the version as it was */
  g_assert_false (shtat_draft_session_set_salary (session, psychologist, 15000000, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (shtat_schedule_get_line (shtat_draft_session_get_schedule (session), psychologist)->salary, ==, 0);
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Units of “Psychologist”");

  /* the undo: refused, and still there to be undone */
  g_assert_false (shtat_draft_session_undo (session, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (shtat_draft_session_get_can_undo (session));
  g_assert_false (shtat_draft_session_get_can_redo (session));
  g_assert_cmpstr (shtat_draft_session_get_undo_description (session), ==, "Units of “Psychologist”");
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1800);
  {
    g_autoptr(ShtatSchedule) s = stored (f);
    g_assert_cmpint (shtat_schedule_get_total_units (s), ==, 1800);
  }

  /* the database writable again, the same undo goes through */
  allow_writes (f);
  shtat_test_ok (shtat_draft_session_undo (session, &error), error);
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1700);
  {
    g_autoptr(ShtatSchedule) s = stored (f);
    g_assert_cmpint (shtat_schedule_get_total_units (s), ==, 1700);
  }

  /* a redo whose save fails keeps its entry too */
  refuse_writes (f);
  g_assert_false (shtat_draft_session_redo (session, &error));
  g_assert_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (shtat_draft_session_get_can_redo (session));
  allow_writes (f);
  shtat_test_ok (shtat_draft_session_redo (session, &error), error);
  g_assert_cmpint (shtat_schedule_get_total_units (shtat_draft_session_get_schedule (session)), ==, 1800);
}

/* Submission: refused with the schedule's own reason while a line lacks its
 * salary, then submitted; a submitted version cannot be edited or undone, and
 * withdrawn it is a draft again. */
static void
test_submit_withdraw (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatDraftSession) session = session_new (f);
  ShtatSchedule *s;
  g_autoptr(ShtatSchedule) in_store = NULL;

  g_assert_false (shtat_draft_session_submit (session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "salary"));
  g_clear_error (&error);
  g_assert_true (shtat_draft_session_get_editable (session));
  in_store = stored (f);
  g_assert_cmpint (shtat_schedule_get_status (in_store), ==, SHTAT_SCHEDULE_DRAFT);
  g_clear_pointer (&in_store, shtat_schedule_unref);

  /* 150 000 ₸ on every line with units, the typical norms named */
  s = shtat_draft_session_get_schedule (session);
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (shtat_draft_session_get_schedule (session), i);

      if (line->units > 0)
        shtat_test_ok (shtat_draft_session_set_salary (session, i, 15000000, &error), error);
      if (g_strcmp0 (line->position, "cleaner") == 0 || g_strcmp0 (line->position, "yard-keeper") == 0)
        shtat_test_ok (shtat_draft_session_set_reference (session, i, "Typical norms", &error), error);
    }
  g_assert_true (shtat_draft_session_get_can_undo (session));

  f->n_changed = 0;
  shtat_test_ok (shtat_draft_session_submit (session, &error), error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_change, ==, SHTAT_DRAFT_CHANGE_STATUS);
  g_assert_false (shtat_draft_session_get_editable (session));
  g_assert_false (shtat_draft_session_get_can_undo (session));
  in_store = stored (f);
  g_assert_cmpint (shtat_schedule_get_status (in_store), ==, SHTAT_SCHEDULE_SUBMITTED);
  g_clear_pointer (&in_store, shtat_schedule_unref);

  /* no edit, no undo of a submitted version */
  g_assert_false (shtat_draft_session_set_units (session, 0, 100, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_clear_error (&error);
  g_assert_false (shtat_draft_session_undo (session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_clear_error (&error);

  /* withdrawn, it is a draft in the database, and its history is back */
  shtat_test_ok (shtat_draft_session_withdraw (session, &error), error);
  g_assert_true (shtat_draft_session_get_editable (session));
  g_assert_true (shtat_draft_session_get_can_undo (session));
  in_store = stored (f);
  g_assert_cmpint (shtat_schedule_get_status (in_store), ==, SHTAT_SCHEDULE_DRAFT);

  /* a draft cannot be withdrawn */
  g_assert_false (shtat_draft_session_withdraw (session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);
}

/* An approved version refuses every edit, and the database keeps it as approved. */
static void
test_approved (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatDraftSession) session = session_new (f);
  g_autoptr(ShtatDraftSession) approved_session = NULL;
  g_autoptr(ShtatSchedule) approved = NULL;
  g_autoptr(ShtatSchedule) in_store = NULL;
  ShtatApproval approval = { 0 };
  ShtatDrivers drivers;
  ShtatSchedule *s = shtat_draft_session_get_schedule (session);

  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (shtat_draft_session_get_schedule (session), i);

      if (line->units > 0)
        shtat_test_ok (shtat_draft_session_set_salary (session, i, 15000000, &error), error);
      if (g_strcmp0 (line->position, "cleaner") == 0 || g_strcmp0 (line->position, "yard-keeper") == 0)
        shtat_test_ok (shtat_draft_session_set_reference (session, i, "Typical norms", &error), error);
    }
  shtat_test_ok (shtat_draft_session_submit (session, &error), error);
  approval.akimat = "Солтүстік ауданының әкімдігі";
  approval.order_number = "12-п";
  approval.order_date = shtat_test_date (2026, 2, 2);
  approval.signatory = "Ахметов А. А.";
  approval.effective = shtat_test_date (2026, 3, 1);
  approved = shtat_planning_approve (f->store, library, "north", 1, &approval, &error);
  g_assert_no_error (error);

  approved_session = shtat_draft_session_open (f->store, library, "north", 1, &error);
  g_assert_no_error (error);
  g_assert_false (shtat_draft_session_get_editable (approved_session));
  g_assert_false (shtat_draft_session_set_units (approved_session, 0, 100, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_assert_cmpstr (error->message, ==, "Only a draft can be changed: make a new draft from this version");
  g_clear_error (&error);
  g_assert_false (shtat_draft_session_add_line (approved_session, "lawyer", &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_clear_error (&error);
  shtat_drivers_init (&drivers);
  shtat_drivers_set (&drivers, SHTAT_DRIVER_APPEALS, 60);
  g_assert_false (shtat_draft_session_set_drivers (approved_session, &drivers, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_clear_error (&error);
  g_assert_false (shtat_draft_session_salaries_from_grid (approved_session, NULL, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_clear_error (&error);
  g_assert_false (shtat_draft_session_submit (approved_session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (shtat_draft_session_withdraw (approved_session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS);
  g_clear_error (&error);

  /* the session that submitted it, shown the approved version, cannot undo into it */
  shtat_draft_session_reload (session, approved);
  g_assert_false (shtat_draft_session_get_can_undo (session));
  g_assert_false (shtat_draft_session_undo (session, &error));
  g_assert_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT);
  g_clear_error (&error);

  in_store = stored (f);
  g_assert_cmpint (shtat_schedule_get_status (in_store), ==, SHTAT_SCHEDULE_APPROVED);
  g_assert_true (shtat_schedule_equal (in_store, approved));
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
  g_test_add ("/draft-session/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/draft-session/refused-value", Fixture, NULL, fixture_set_up, test_refused_value, fixture_tear_down);
  g_test_add ("/draft-session/save-fails", Fixture, NULL, fixture_set_up, test_save_fails, fixture_tear_down);
  g_test_add ("/draft-session/submit-withdraw", Fixture, NULL, fixture_set_up, test_submit_withdraw, fixture_tear_down);
  g_test_add ("/draft-session/approved", Fixture, NULL, fixture_set_up, test_approved, fixture_tear_down);
  rc = g_test_run ();
  g_clear_object (&library);
  return rc;
}
