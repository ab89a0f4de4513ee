/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-schedule"

/* The Schedule section in a real window on a real database, as a director and
 * then the akimat use it: a draft from the minimum norms, the drivers typed in,
 * a line edited with the compliance following, undo and redo, salaries typed
 * into the lines, submission, approval with the order's details, and the
 * approved version read-only. Figures are those of 000 App worked out by hand:
 * 0 appeals and no vehicle give 17 units; 60 appeals and 1 vehicle, 25.5. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "shtat-approval-dialog.h"
#include "shtat-overview-page.h"
#include "shtat-pay-grid-dialog.h"
#include "shtat-employee-page.h"
#include "shtat-personnel-page.h"
#include "shtat-profile-dialog.h"
#include "shtat-schedule-page.h"
#include "shtat-test-util.h"
#include "shtat-window.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

typedef struct
{
  char              *dir;
  char              *path;
  ShtatStore        *store;
  ShtatWindow       *window;
  ShtatSchedulePage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) centre = shtat_centre_new ();

  f->dir = g_dir_make_tmp ("shtat-schedule-gui-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "shtat.db", NULL);
  f->store = shtat_store_open (f->path, &error);
  g_assert_no_error (error);
  centre->code = g_strdup ("test-centre");
  centre->name_kk = g_strdup ("Сынақ орталығы");
  centre->name_ru = g_strdup ("Тестовый центр");
  centre->akimat = g_strdup ("Сынақ ауданының әкімдігі");
  g_assert_true (shtat_store_save_centre (f->store, centre, &error));

  f->window = shtat_window_new (NULL, library, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1180, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  shtat_test_wait_mapped (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-schedule", NULL));
  f->page = SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (f->window));
  shtat_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  shtat_test_iterate ();
  g_clear_object (&f->store);
  shtat_test_remove_database (f->path, f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The errors count of "Minimum … units for these drivers · N errors, M warnings". */
static guint
errors_shown (Fixture *f)
{
  const char *text = shtat_schedule_page_get_compliance_text (f->page);
  const char *dot = strstr (text, "· ");

  g_assert_nonnull (dot);
  return (guint) g_ascii_strtoull (dot + strlen ("· "), NULL, 10);
}

static int
line_of (Fixture    *f,
         const char *position)
{
  ShtatSchedule *s = shtat_schedule_page_get_schedule (f->page);

  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    if (g_strcmp0 (shtat_schedule_get_line (s, i)->position, position) == 0)
      return (int) i;
  return -1;
}

/* Types into a line's entry and presses its apply button. */
static void
type_into_line (Fixture    *f,
                guint       index,
                const char *title,
                const char *text)
{
  GtkWidget *entry = shtat_test_find_by_text (shtat_schedule_page_get_line_row (f->page, index), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
  shtat_test_iterate ();
}

/* The spin button of the row titled @title, as a screen reader reaches it
 * through the row it activates. */
static GtkWidget *
find_spin (Fixture    *f,
           const char *title)
{
  GtkWidget *row = shtat_test_find_by_text (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

/* Lets the page finish reading the centre's staff in its worker thread. */
static void
wait_loaded (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (shtat_schedule_page_is_loading (f->page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  shtat_test_iterate ();
}

static void
set_spin (GtkWidget *spin,
          double     value)
{
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  shtat_test_iterate ();
}

static void
test_workflow (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  ShtatApprovalDialog *dialog = NULL;
  GtkWidget *appeals, *vehicles;
  guint before;
  int psychologist, driver;

  /* nothing yet: the first draft comes from the norms, with no appeals counted */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "schedule.new-draft", "b", FALSE));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_schedule_page_get_status_text (f->page), ==, "Draft");
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "17 staff units"));
  g_assert_cmpuint (errors_shown (f), ==, 0);

  /* the director types the centre's drivers: the minimum rises to 25.5 and the
   * 17-unit draft falls short of it */
  appeals = find_spin (f, "Appeals per working day");
  vehicles = find_spin (f, "Vehicles");
  set_spin (appeals, 60);
  set_spin (vehicles, 1);
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_compliance_text (f->page), "Minimum 25.5 units"));
  g_assert_cmpuint (errors_shown (f), >, 0);

  /* a new draft from the norms takes those drivers and meets them */
  g_assert_true (shtat_schedule_page_new_draft (f->page, FALSE, &error));
  g_assert_no_error (error);
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "25.5 staff units"));
  g_assert_cmpuint (errors_shown (f), ==, 0);
  g_assert_cmpuint (shtat_schedule_get_version (shtat_schedule_page_get_schedule (f->page)), ==, 2);

  /* against version 1 (17 units, 0 appeals, no vehicle) the changes are listed */
  {
    g_autofree char *changes = shtat_schedule_page_dup_changes_text (f->page);

    /* no vehicle then, one now (decisions.md item 3): the driver's line is new */
    g_assert_nonnull (strstr (changes, "Line added: Driver (Administration), units: 1"));
    g_assert_nonnull (strstr (changes, "Total units: 17 → 25.5\n"));
  }

  /* one psychologist fewer: that row is now below its minimum */
  psychologist = line_of (f, "psychologist");
  g_assert_cmpint (psychologist, >=, 0);
  before = shtat_schedule_get_line (shtat_schedule_page_get_schedule (f->page), psychologist)->units;
  set_spin (shtat_schedule_page_get_units_spin (f->page, psychologist), before / 100.0 - 1);
  g_assert_cmpuint (errors_shown (f), ==, 1);
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "24.5 staff units"));

  /* Ctrl+Z brings it back, Ctrl+Shift+Z takes it away again, Ctrl+Z once more */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  shtat_test_iterate ();
  g_assert_cmpuint (errors_shown (f), ==, 0);
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "25.5 staff units"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  shtat_test_iterate ();
  g_assert_cmpuint (errors_shown (f), ==, 1);
  /* going to another section and back keeps the history */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-norms", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-schedule", NULL));
  shtat_test_iterate ();
  g_assert_cmpuint (errors_shown (f), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  shtat_test_iterate ();
  g_assert_cmpuint (errors_shown (f), ==, 0);
  /* what was undone is what the database holds */
  {
    g_autoptr(ShtatSchedule) stored = shtat_store_load_schedule (f->store, "test-centre", 2, &error);
    g_assert_no_error (error);
    g_assert_cmpint (shtat_schedule_get_line (stored, psychologist)->units, ==, before);
  }

  /* without salaries it cannot be submitted, and says which line lacks one */
  g_assert_false (shtat_schedule_page_submit (f->page, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "salary"));
  g_clear_error (&error);
  g_assert_cmpstr (shtat_schedule_page_get_status_text (f->page), ==, "Draft");

  /* a wrong amount is refused with a message, and nothing changes */
  type_into_line (f, 0, "Official salary per unit, ₸", "двести");
  g_assert_cmpint (shtat_schedule_get_line (shtat_schedule_page_get_schedule (f->page), 0)->salary, ==, 0);

  /* 200 000 ₸ on every line with units: 25.5 × 200 000 = 5 100 000 ₸ a month */
  for (guint i = 0; i < shtat_schedule_get_n_lines (shtat_schedule_page_get_schedule (f->page)); i++)
    if (shtat_schedule_get_line (shtat_schedule_page_get_schedule (f->page), i)->units > 0)
      type_into_line (f, i, "Official salary per unit, ₸", "200 000");
  g_assert_nonnull (strstr (shtat_schedule_page_get_totals_text (f->page), "5\u00a0100\u00a0000.00"));

  /* the typical-norm lines need their reference; the drivers line is 1 (1 vehicle) */
  driver = line_of (f, "driver");
  g_assert_cmpint (shtat_schedule_get_line (shtat_schedule_page_get_schedule (f->page), driver)->units, ==, 100);
  for (const char * const *typical = (const char *[]) { "cleaner", "yard-keeper", NULL }; *typical; typical++)
    if (line_of (f, *typical) >= 0)
      type_into_line (f, line_of (f, *typical), "Typical norm the units come from", "Typical norms for cleaning");

  g_assert_true (shtat_schedule_page_submit (f->page, &error));
  g_assert_no_error (error);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_schedule_page_get_status_text (f->page), ==, "Submitted");
  /* a submitted version cannot be edited from the page */
  g_assert_null (shtat_schedule_page_get_units_spin (f->page, 0));

  /* the akimat's District section lists it as awaiting approval, with the
   * figures of the version: 25.5 units against a minimum of 25.5, no errors */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-district", NULL));
  {
    ShtatOverviewPage *overview = SHTAT_OVERVIEW_PAGE (shtat_window_get_overview_page (f->window));
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    GtkWidget *approve;

    while (shtat_overview_page_is_busy (overview) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    shtat_test_iterate ();
    g_assert_cmpuint (shtat_overview_page_get_n_awaiting (overview), ==, 1);
    g_assert_true (g_str_has_prefix (shtat_overview_page_get_summary_text (overview), "1 centre · 1 awaiting approval"));
    g_assert_cmpuint (g_list_model_get_n_items (shtat_overview_page_get_rows (overview)), ==, 1);
    for (guint column = 0; column < 9; column++)
      {
        g_autofree char *cell = shtat_overview_page_dup_cell (overview, 0, column);
        const char *expected[] = { "Сынақ орталығы", "", "—", "v2 · Submitted · 25.5", "25.5", "25.5", "0", "0", "—" };

        g_assert_cmpstr (cell, ==, expected[column]);
      }
    /* its Approve… button opens the schedule and the approval dialog */
    approve = shtat_test_find_by_text (GTK_WIDGET (overview), GTK_TYPE_BUTTON, "_Approve…");
    g_assert_nonnull (approve);
    g_signal_emit_by_name (approve, "clicked");
    shtat_test_iterate ();
    g_assert_cmpstr (shtat_window_get_section (f->window), ==, "schedule");
  }

  /* the akimat approves: a missing order number is refused in the dialog */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (SHTAT_IS_APPROVAL_DIALOG (w))
          dialog = SHTAT_APPROVAL_DIALOG (w);
      }
  }
  g_assert_nonnull (dialog);
  shtat_approval_dialog_fill (dialog, "", "20.01.2026", "Сейітқалиев Ә. Б.", "01.02.2026");
  g_assert_false (shtat_approval_dialog_approve (dialog));
  g_assert_true (g_str_has_prefix (shtat_approval_dialog_get_error_text (dialog), "Order number"));
  shtat_approval_dialog_fill (dialog, "214-п", "31.02.2026", "Сейітқалиев Ә. Б.", "01.02.2026");
  g_assert_false (shtat_approval_dialog_approve (dialog));
  g_assert_nonnull (strstr (shtat_approval_dialog_get_error_text (dialog), "31.02.2026"));
  shtat_approval_dialog_fill (dialog, "214-п", "20.01.2026", "Сейітқалиев Ә. Б.", "01.02.2026");
  g_assert_true (shtat_approval_dialog_approve (dialog));
  shtat_test_iterate ();

  g_assert_cmpstr (shtat_schedule_page_get_status_text (f->page), ==, "Approved — order № 214-п of 20.01.2026");
  g_assert_null (shtat_schedule_page_get_units_spin (f->page, 0));
  versions = shtat_store_list_schedules (f->store, "test-centre", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (shtat_schedule_get_status (g_ptr_array_index (versions, 1)), ==, SHTAT_SCHEDULE_APPROVED);
  g_assert_nonnull (shtat_schedule_get_sha256 (g_ptr_array_index (versions, 1)));

  /* the approved version as the PDF the akimat signs */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "schedule.pdf", NULL);
    g_autofree char *head = NULL;
    gsize len = 0;

    g_assert_true (shtat_schedule_page_export (f->page, "pdf", pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &head, &len, NULL));
    g_assert_true (g_str_has_prefix (head, "%PDF"));
    g_remove (pdf);
  }

  /* printed through the print operation (its export to a file: the pages a
   * printer gets), A4 landscape, with the approval block and the order */
  {
    g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
    g_autofree char *info = NULL;
    g_autofree char *text = NULL;
    g_autofree char *cmd = NULL;
    int status = 0;

    g_assert_true (shtat_schedule_page_print_to_file (f->page, printed, &error));
    g_assert_no_error (error);
    cmd = g_strdup_printf ("pdfinfo %s", printed);
    g_assert_true (g_spawn_command_line_sync (cmd, &info, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (info, "Pages:"));
    g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));
    g_clear_pointer (&cmd, g_free);
    cmd = g_strdup_printf ("pdftotext %s -", printed);
    g_assert_true (g_spawn_command_line_sync (cmd, &text, NULL, &status, &error));
    g_assert_nonnull (strstr (text, "БЕКІТЕМІН"));
    g_assert_nonnull (strstr (text, "214-п"));
    g_remove (printed);
  }

  /* undo does not reach into an approved version */
  g_assert_false (shtat_schedule_page_undo (f->page));

  /* the next draft copies the approved version */
  g_assert_true (shtat_schedule_page_new_draft (f->page, TRUE, &error));
  g_assert_no_error (error);
  shtat_test_iterate ();
  g_assert_cmpuint (shtat_schedule_get_version (shtat_schedule_page_get_schedule (f->page)), ==, 3);
  g_assert_nonnull (strstr (shtat_schedule_page_get_totals_text (f->page), "5\u00a0100\u00a0000.00"));
  g_assert_cmpstr (shtat_schedule_page_get_problems_text (f->page), ==, "");

  /* someone changes the approved version behind Shtat's back: it is reported
   * by number, and the other versions still open */
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE schedules SET xml = CAST(replace(CAST(xml AS TEXT), '214-п', '999-п') AS BLOB) "
                                       "WHERE version = 2", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  shtat_schedule_page_refresh (f->page);
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_problems_text (f->page), "Schedule of test-centre, version 2: "));
  g_assert_cmpuint (shtat_schedule_get_version (shtat_schedule_page_get_schedule (f->page)), ==, 3);
}

/* The centre profile: twelve months of appeals typed in, the average worked
 * out as they are typed, and a draft made from it. 2025 has 261 weekdays
 * (365 days from a Wednesday: 52 weeks and one Wednesday); 1 305 appeals a
 * month by the centre's own door make 15 660, that is 60 a working day: the
 * 51–100 bracket. With one vehicle the minimum is 25.5 units. */
static void
test_profile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShtatProfileDialog *dialog = shtat_schedule_page_open_profile (f->page);
  const char *explanation;

  g_assert_nonnull (dialog);
  g_assert_true (shtat_profile_dialog_set_period (dialog, "01.2025", "12.2025"));
  /* nothing typed yet: no average, and it says so */
  g_assert_nonnull (strstr (shtat_profile_dialog_get_explanation (dialog), "2025"));

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *month = g_strdup_printf ("%02d.2025", m);
      g_assert_true (shtat_profile_dialog_type_count (dialog, month, SHTAT_APPEAL_SELF, "1305"));
    }
  /* a negative count is refused, naming the month and the channel */
  g_assert_false (shtat_profile_dialog_type_count (dialog, "03.2025", SHTAT_APPEAL_MEDIA, "-4"));
  g_assert_nonnull (strstr (shtat_profile_dialog_get_error_text (dialog), "03.2025"));
  g_assert_true (shtat_profile_dialog_type_count (dialog, "03.2025", SHTAT_APPEAL_MEDIA, ""));

  explanation = shtat_profile_dialog_get_explanation (dialog);
  g_assert_nonnull (strstr (explanation, "over 261 working days (01.2025–12.2025) = 60.00 a day → bracket 51–100"));
  shtat_profile_dialog_set_vehicles (dialog, 1);
  g_assert_true (shtat_profile_dialog_save (dialog));
  shtat_test_iterate ();

  /* a draft from the norms takes the profile's figures */
  g_assert_true (shtat_schedule_page_new_draft (f->page, FALSE, &error));
  g_assert_no_error (error);
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "25.5 staff units"));
  g_assert_cmpstr (shtat_schedule_get_appeals_source (shtat_schedule_page_get_schedule (f->page)), !=, NULL);
  g_assert_nonnull (strstr (shtat_schedule_get_appeals_source (shtat_schedule_page_get_schedule (f->page)), "2025"));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* A label under @root whose text contains @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = shtat_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* The pay grid from the main menu: a base official salary of 20 000 ₸ from
 * 01.01.2026 and a coefficient of 3.5 for B2, category 1, from 0 years make
 * 70 000 ₸ for a psychologist placed in that cell; a draft takes it. */
static void
test_pay_grid (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShtatPayGridDialog *dialog;
  ShtatSchedule *s;
  int psychologist;
  guint n = 0;

  /* a draft made before there is a grid: no salaries */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "schedule.new-draft", "b", FALSE));
  shtat_test_iterate ();
  psychologist = line_of (f, "psychologist");
  g_assert_cmpint (psychologist, >=, 0);
  g_assert_cmpint (shtat_schedule_get_line (shtat_schedule_page_get_schedule (f->page), psychologist)->salary, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.pay-grid", NULL));
  shtat_test_iterate ();
  dialog = SHTAT_PAY_GRID_DIALOG (find_toplevel (SHTAT_TYPE_PAY_GRID_DIALOG));
  g_assert_nonnull (dialog);
  /* the reading of Decree 1193 it computes by, marked and cited */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Government Decree 1193 of 31.12.2015"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Interpretation"));

  g_assert_false (shtat_pay_grid_dialog_add_base (dialog, "31.02.2026", "20000"));
  g_assert_nonnull (strstr (shtat_pay_grid_dialog_get_error_text (dialog), "31.02.2026"));
  g_assert_true (shtat_pay_grid_dialog_add_base (dialog, "01.01.2026", "20 000"));
  g_assert_false (shtat_pay_grid_dialog_add_coefficient (dialog, "B2", "1", "0", "01.01.2026", "three"));
  g_assert_nonnull (strstr (shtat_pay_grid_dialog_get_error_text (dialog), "three"));
  g_assert_true (shtat_pay_grid_dialog_add_coefficient (dialog, "B2", "1", "0", "01.01.2026", "3.5"));
  g_assert_cmpstr (shtat_pay_grid_dialog_get_salary_text (dialog, "psychologist"), ==,
                   "Not placed: salaries are typed into the schedule");
  g_assert_true (shtat_pay_grid_dialog_place_position (dialog, "psychologist", "B2-1-0"));
  g_assert_cmpstr (shtat_pay_grid_dialog_get_salary_text (dialog, "psychologist"), ==, "70\u00a0000.00\u00a0₸ a month today");
  g_assert_true (shtat_pay_grid_dialog_save (dialog));
  shtat_test_iterate ();

  /* its salaries come from the grid on request */
  g_assert_true (shtat_schedule_page_salaries_from_grid (f->page, &n, &error));
  g_assert_no_error (error);
  s = shtat_schedule_page_get_schedule (f->page);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (shtat_schedule_get_line (s, psychologist)->salary, ==, 7000000);
  g_assert_cmpstr (shtat_schedule_get_line (s, psychologist)->grade, ==, "B2-1");
  /* and Ctrl+Z takes them back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  shtat_test_iterate ();
  g_assert_cmpint (shtat_schedule_get_line (shtat_schedule_page_get_schedule (f->page), psychologist)->salary, ==, 0);

  /* a draft made now has them from the start */
  g_assert_true (shtat_schedule_page_new_draft (f->page, FALSE, &error));
  g_assert_no_error (error);
  shtat_test_iterate ();
  s = shtat_schedule_page_get_schedule (f->page);
  g_assert_cmpint (shtat_schedule_get_line (s, line_of (f, "psychologist"))->salary, ==, 7000000);
}

/* The IIN of the person a holder's row opens, as its action carries it. */
static const char *
holder_iin (GtkWidget *row)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

  g_assert_nonnull (target);
  return g_variant_get_string (target, NULL);
}

/* The people who fill the lines: the demo centre's staff placed on a draft,
 * each with the engine's verdict, and a holder's row opens their file. */
static void
test_placement (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  ShtatPersonnelPage *personnel = SHTAT_PERSONNEL_PAGE (shtat_window_get_personnel_page (f->window));
  GtkWidget *row;
  GtkWidget *list = NULL;
  GtkListBoxRow *first;
  int psychologist, expected = 0;
  GDate today;
  char iin[13] = "";

  shtat_date_set_today (&today);
  /* the demo, loaded as the Personnel section offers it */
  shtat_personnel_page_load_demo (personnel);
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (g_strcmp0 (shtat_personnel_page_get_state (personnel), "loading") == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  shtat_schedule_page_refresh (f->page);
  shtat_schedule_page_show (f->page, "demo-centre", 0);
  g_assert_true (shtat_schedule_page_new_draft (f->page, FALSE, &error));
  g_assert_no_error (error);
  wait_loaded (f);
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_placement_text (f->page), "Staff on "));

  /* the psychologists of the demo files, counted from the records */
  shtat_demo_build (&today, &centres, &employees);
  for (guint i = 0; i < employees->len; i++)
    {
      ShtatEmployee *e = g_ptr_array_index (employees, i);

      for (guint k = 0; k < e->assignments->len; k++)
        {
          ShtatAssignment *a = &g_array_index (e->assignments, ShtatAssignment, k);

          if (g_strcmp0 (a->position, "psychologist") == 0 && !g_date_valid (&a->to)
              && (!g_date_valid (&a->from) || g_date_compare (&a->from, &today) <= 0))
            {
              expected++;
              if (iin[0] == '\0')
                g_strlcpy (iin, e->iin, sizeof iin);
            }
        }
    }
  g_assert_cmpint (expected, >, 0);

  psychologist = line_of (f, "psychologist");
  row = shtat_schedule_page_get_line_row (f->page, psychologist);
  first = GTK_LIST_BOX_ROW (shtat_test_find_by_action (row, "schedule.open-employee"));
  g_assert_nonnull (first);
  list = gtk_widget_get_parent (GTK_WIDGET (first));
  g_assert_nonnull (list);
  {
    g_autoptr(GPtrArray) rows = shtat_test_find_all (list, GTK_TYPE_LIST_BOX_ROW);
    int holders = 0;

    for (guint i = 0; i < rows->len; i++)
      holders += shtat_test_find_by_action (g_ptr_array_index (rows, i), "schedule.open-employee") != NULL;
    g_assert_cmpint (holders, ==, expected);
  }

  /* opening a holder (Enter or a click on the row) shows the Personnel
   * section on that person */
  gtk_widget_activate (GTK_WIDGET (first));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_window_get_section (f->window), ==, "personnel");
  {
    ShtatEmployee *shown = shtat_employee_page_get_employee (SHTAT_EMPLOYEE_PAGE (shtat_personnel_page_get_employee_page (personnel)));

    g_assert_nonnull (shown);
    g_assert_cmpstr (shown->iin, ==, holder_iin (GTK_WIDGET (first)));
  }
  (void) iin;
}

/* A holder's row opens their file even when the Personnel section has never
 * been shown: the section, made then, loads its list in the background and
 * shows that person once the list is there. */
static void
test_placement_first_visit (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  ShtatPersonnelPage *personnel;
  GtkWidget *row, *first, *file, *title, *iin_row;
  const char *iin;
  GDate today;

  /* the demo, written straight into the database, and a window opened on
   * it where the last one was left, the Schedule section: nothing in it has
   * shown the Personnel section */
  shtat_date_set_today (&today);
  g_assert_true (shtat_demo_save (f->store, &today, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (f->window));
  shtat_test_iterate ();
  f->window = shtat_window_new (NULL, library, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1180, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  shtat_test_wait_mapped (GTK_WIDGET (f->window));
  g_assert_cmpstr (shtat_window_get_section (f->window), ==, "schedule");
  f->page = SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (f->window));
  shtat_schedule_page_refresh (f->page);
  shtat_schedule_page_show (f->page, "demo-centre", 0);
  g_assert_true (shtat_schedule_page_new_draft (f->page, FALSE, &error));
  g_assert_no_error (error);
  wait_loaded (f);

  row = shtat_schedule_page_get_line_row (f->page, line_of (f, "psychologist"));
  first = shtat_test_find_by_action (row, "schedule.open-employee");
  g_assert_nonnull (first);
  iin = holder_iin (first);

  /* the holder's name and IIN, from the demo records */
  shtat_demo_build (&today, &centres, &employees);
  for (guint i = 0; i < employees->len && name == NULL; i++)
    {
      ShtatEmployee *e = g_ptr_array_index (employees, i);

      if (g_str_equal (e->iin, iin))
        name = shtat_employee_dup_full_name (e);
    }
  g_assert_nonnull (name);
  g_assert_cmpstr (name, !=, "");

  gtk_widget_activate (first);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_window_get_section (f->window), ==, "personnel");
  personnel = SHTAT_PERSONNEL_PAGE (shtat_window_get_personnel_page (f->window));
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (shtat_personnel_page_is_busy (personnel) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_personnel_page_get_state (personnel), ==, "list");

  /* the file shown is theirs: their name as its heading, their IIN under it
   * and in its field */
  file = shtat_personnel_page_get_employee_page (personnel);
  title = shtat_test_find_styled (file, "title-1");
  g_assert_nonnull (title);
  g_assert_cmpstr (shtat_test_widget_text (title), ==, name);
  subtitle = g_strdup_printf ("IIN %s · ", iin);
  g_assert_nonnull (shtat_test_widget_text (gtk_widget_get_next_sibling (title)));
  g_assert_true (g_str_has_prefix (shtat_test_widget_text (gtk_widget_get_next_sibling (title)), subtitle));
  iin_row = shtat_test_find_row (file, "Personal Data", -1, "IIN");
  g_assert_nonnull (iin_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iin_row)), ==, iin);
}

/* Runs @sql on the database through a connection of its own, as another
 * program would. */
static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A pay grid that cannot be read is not shown as an empty one to be saved
 * over it: the dialog says why, and offers no saving, even once the
 * database can be read again. */
static void
test_pay_grid_unreadable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatPayGrid) grid = shtat_demo_build_pay_grid ();
  g_autoptr(ShtatPayGrid) stored = NULL;
  GtkWindow *dialog;
  GtkWidget *message, *save;

  g_assert_cmpuint (shtat_pay_grid_get_positions (grid)->len, >, 0);
  g_assert_true (shtat_store_save_pay_grid (f->store, grid, &error));
  g_assert_no_error (error);

  exec_sql (f, "ALTER TABLE pay_positions RENAME TO pay_positions_away");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.pay-grid", NULL));
  shtat_test_iterate ();
  dialog = find_toplevel (SHTAT_TYPE_PAY_GRID_DIALOG);
  g_assert_nonnull (dialog);
  message = shtat_test_find_styled (GTK_WIDGET (dialog), "error");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (shtat_test_widget_text (message), "The pay grid cannot be read: "));
  save = shtat_test_find_by_action (GTK_WIDGET (dialog), "pay-grid.save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));

  /* the table back, Save tried all the same: the dialog stays, still
   * saying why, and the stored grid is the one saved above */
  exec_sql (f, "ALTER TABLE pay_positions_away RENAME TO pay_positions");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "pay-grid.save", NULL);
  shtat_test_iterate ();
  g_assert_true (find_toplevel (SHTAT_TYPE_PAY_GRID_DIALOG) == dialog);
  g_assert_true (g_str_has_prefix (shtat_test_widget_text (message), "The pay grid cannot be read: "));
  g_assert_false (shtat_pay_grid_dialog_save (SHTAT_PAY_GRID_DIALOG (dialog)));
  stored = shtat_store_load_pay_grid (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_pay_grid_equal (stored, grid));
  gtk_window_destroy (dialog);
  shtat_test_iterate ();
}

/* A centre profile or a working-day calendar that cannot be read is not
 * shown empty to be saved over the stored one: the dialog says which cannot
 * be read and offers no saving of it, even once the database can be read
 * again. */
static void
test_profile_unreadable (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentreProfile) profile = shtat_centre_profile_new ("test-centre");
  g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
  g_autoptr(ShtatCentreProfile) stored_profile = NULL;
  g_autoptr(ShtatCalendar) stored_calendar = NULL;
  GtkWindow *dialog;
  GtkWidget *message, *add_day, *save;
  ShtatCalendarDay *day;
  GDate holiday;

  /* one vehicle, and 16 December 2025 a day off */
  g_assert_true (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 1, &error));
  g_assert_true (shtat_store_save_centre_profile (f->store, profile, &error));
  g_assert_no_error (error);
  g_date_clear (&holiday, 1);
  g_date_set_dmy (&holiday, 16, G_DATE_DECEMBER, 2025);
  g_assert_true (shtat_calendar_set_day (calendar, &holiday, FALSE, "Independence Day", &error));
  g_assert_true (shtat_store_save_calendar (f->store, calendar, &error));
  g_assert_no_error (error);

  /* the calendar cannot be read: said, and no day can be added */
  exec_sql (f, "ALTER TABLE calendar_days RENAME TO calendar_days_away");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "schedule.open-profile", NULL));
  shtat_test_iterate ();
  dialog = find_toplevel (SHTAT_TYPE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  message = shtat_test_find_styled (GTK_WIDGET (dialog), "error");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (shtat_test_widget_text (message), "The working-day calendar cannot be read: "));
  add_day = shtat_test_find_by_action (GTK_WIDGET (dialog), "profile.add-day");
  g_assert_nonnull (add_day);
  g_assert_false (gtk_widget_is_sensitive (add_day));
  /* the profile itself was read: it can be saved */
  save = shtat_test_find_by_action (GTK_WIDGET (dialog), "profile.save");
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_is_sensitive (save));

  /* the table back, a day typed and added all the same: the stored
   * calendar keeps its one day */
  exec_sql (f, "ALTER TABLE calendar_days_away RENAME TO calendar_days");
  gtk_editable_set_text (GTK_EDITABLE (shtat_test_find_entry (GTK_WIDGET (dialog), "dd.mm.yyyy")), "17.12.2025");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.add-day", NULL);
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_test_widget_text (message), "The working-day calendar cannot be read: "));
  stored_calendar = shtat_store_load_calendar (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_calendar_get_days (stored_calendar)->len, ==, 1);
  day = g_ptr_array_index (shtat_calendar_get_days (stored_calendar), 0);
  g_assert_cmpint (g_date_compare (&day->date, &holiday), ==, 0);
  g_assert_false (day->working);
  g_assert_cmpstr (day->note, ==, "Independence Day");
  gtk_window_destroy (dialog);
  shtat_test_iterate ();

  /* the profile cannot be read: said, and Save is unavailable */
  exec_sql (f, "ALTER TABLE centre_profiles RENAME TO centre_profiles_away");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "schedule.open-profile", NULL));
  shtat_test_iterate ();
  dialog = find_toplevel (SHTAT_TYPE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  message = shtat_test_find_styled (GTK_WIDGET (dialog), "error");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (shtat_test_widget_text (message), "The centre profile cannot be read: "));
  save = shtat_test_find_by_action (GTK_WIDGET (dialog), "profile.save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));

  /* the table back, Save tried all the same: the dialog stays, and the
   * stored profile still has its vehicle */
  exec_sql (f, "ALTER TABLE centre_profiles_away RENAME TO centre_profiles");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.save", NULL);
  shtat_test_iterate ();
  g_assert_true (find_toplevel (SHTAT_TYPE_PROFILE_DIALOG) == dialog);
  g_assert_false (shtat_profile_dialog_save (SHTAT_PROFILE_DIALOG (dialog)));
  stored_profile = shtat_store_load_centre_profile (f->store, "test-centre", &error);
  g_assert_no_error (error);
  g_assert_true (shtat_centre_profile_equal (stored_profile, profile));
  g_assert_true (stored_profile->set[SHTAT_DRIVER_VEHICLES]);
  g_assert_cmpfloat (stored_profile->values[SHTAT_DRIVER_VEHICLES], ==, 1);
  gtk_window_destroy (dialog);
  shtat_test_iterate ();
}

/* Whether a toast (or any label of the page) says @text. */
static gboolean
page_says (Fixture    *f,
           const char *text)
{
  return find_label (GTK_WIDGET (f->page), text) != NULL;
}

/* What fails in the database is said, and nothing is lost: a draft that
 * cannot read the pay grid is not made, and an undo that cannot be saved
 * stays to be undone once the database takes writes again. */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  int psychologist;

  /* the pay grid cannot be read: the page says so, and makes no draft */
  exec_sql (f, "ALTER TABLE pay_positions RENAME TO pay_positions_away");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "schedule.new-draft", "b", FALSE));
  shtat_test_iterate ();
  g_assert_true (page_says (f, "The pay grid cannot be read: "));
  g_assert_null (shtat_schedule_page_get_schedule (f->page));
  versions = shtat_store_list_schedules (f->store, "test-centre", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
  exec_sql (f, "ALTER TABLE pay_positions_away RENAME TO pay_positions");

  /* a draft of 17 units; one psychologist fewer makes 16 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "schedule.new-draft", "b", FALSE));
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "17 staff units"));
  psychologist = line_of (f, "psychologist");
  g_assert_cmpint (psychologist, >=, 0);
  set_spin (shtat_schedule_page_get_units_spin (f->page, psychologist), 1);
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "16 staff units"));

  /* the database refuses writes: Ctrl+Z changes nothing (a toast says why,
   * queued behind the ones above) */
  exec_sql (f, "CREATE TRIGGER refuse BEFORE UPDATE ON schedules BEGIN SELECT RAISE (ABORT, 'writes refused'); END");
  g_assert_false (shtat_schedule_page_undo (f->page));
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "16 staff units"));

  /* writes allowed again, the same Ctrl+Z goes through, into the database */
  exec_sql (f, "DROP TRIGGER refuse");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  shtat_test_iterate ();
  g_assert_true (g_str_has_prefix (shtat_schedule_page_get_totals_text (f->page), "17 staff units"));
  {
    g_autoptr(ShtatSchedule) stored = shtat_store_load_schedule (f->store, "test-centre", 1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (shtat_schedule_get_total_units (stored), ==, 1700);
  }
}

/* Nothing is read or built for the Schedule section until it is shown: a
 * window opened on another section has an empty page, which fills in when
 * the section is chosen. */
static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatSchedule) draft = NULL;
  ShtatWindow *other;
  ShtatSchedulePage *page;

  draft = shtat_planning_new_draft (f->store, library, "test-centre", NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error);
  g_assert_no_error (error);
  /* the next window opens where this one was left: on the norms */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-norms", NULL));
  shtat_test_iterate ();

  other = shtat_window_new (NULL, library, f->store);
  gtk_window_present (GTK_WINDOW (other));
  shtat_test_wait_mapped (GTK_WIDGET (other));
  g_assert_cmpstr (shtat_window_get_section (other), ==, "norms");
  page = SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (other));
  g_assert_cmpstr (shtat_schedule_page_get_status_text (page), ==, "");
  g_assert_null (shtat_schedule_page_get_line_row (page, 0));
  g_assert_false (shtat_schedule_page_is_loading (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "win.show-schedule", NULL));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_schedule_page_get_status_text (page), ==, "Draft");
  g_assert_nonnull (shtat_schedule_page_get_line_row (page, 0));
  gtk_window_destroy (GTK_WINDOW (other));
  shtat_test_iterate ();
}

/* The District section compares the centres of one district: two districts,
 * a draft of 17 units each (no appeals counted, no vehicle: the minimum of
 * 000 App is 17 units), the choice of one of them and its sums. */
static void
test_district (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShtatOverviewPage *overview = SHTAT_OVERVIEW_PAGE (shtat_window_get_overview_page (f->window));
  const char *districts[] = { "Бостандық ауданы", "Алмалы ауданы" };
  gint64 deadline;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShtatCentre) centre = shtat_centre_new ();
      g_autoptr(ShtatSchedule) draft = NULL;

      centre->code = g_strdup_printf ("centre-%u", i);
      centre->name_kk = g_strdup_printf ("Орталық %u", i);
      centre->district = g_strdup (districts[i]);
      shtat_test_ok (shtat_store_save_centre (f->store, centre, &error), error);
      draft = shtat_planning_new_draft (f->store, library, centre->code, NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, &error);
      g_assert_no_error (error);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-district", NULL));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (shtat_overview_page_is_busy (overview) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  shtat_test_iterate ();

  /* the fixture's centre (no district, no schedule) and the two new ones */
  g_assert_cmpuint (g_list_model_get_n_items (shtat_overview_page_get_rows (overview)), ==, 3);
  g_assert_cmpstr (shtat_overview_page_get_subtotal_text (overview), ==,
                   "3 centres: 34 units planned against a minimum of 34; staff on 0; 0 vacant");
  shtat_overview_page_select_district (overview, "Алмалы ауданы");
  shtat_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shtat_overview_page_get_rows (overview)), ==, 1);
  {
    g_autofree char *name = shtat_overview_page_dup_cell (overview, 0, 0);
    g_assert_cmpstr (name, ==, "Орталық 1");
  }
  g_assert_cmpstr (shtat_overview_page_get_subtotal_text (overview), ==,
                   "1 centre: 17 units planned against a minimum of 17; staff on 0; 0 vacant");
  shtat_overview_page_select_district (overview, NULL);
  shtat_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shtat_overview_page_get_rows (overview)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

  g_test_add ("/schedule/workflow", Fixture, NULL, fixture_set_up, test_workflow, fixture_tear_down);
  g_test_add ("/schedule/profile", Fixture, NULL, fixture_set_up, test_profile, fixture_tear_down);
  g_test_add ("/schedule/pay-grid", Fixture, NULL, fixture_set_up, test_pay_grid, fixture_tear_down);
  g_test_add ("/schedule/profile-unreadable", Fixture, NULL, fixture_set_up, test_profile_unreadable, fixture_tear_down);
  g_test_add ("/schedule/pay-grid-unreadable", Fixture, NULL, fixture_set_up, test_pay_grid_unreadable, fixture_tear_down);
  g_test_add ("/schedule/placement", Fixture, NULL, fixture_set_up, test_placement, fixture_tear_down);
  g_test_add ("/schedule/placement-first-visit", Fixture, NULL, fixture_set_up, test_placement_first_visit, fixture_tear_down);
  g_test_add ("/schedule/district", Fixture, NULL, fixture_set_up, test_district, fixture_tear_down);
  g_test_add ("/schedule/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/schedule/lazy", Fixture, NULL, fixture_set_up, test_lazy, fixture_tear_down);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
