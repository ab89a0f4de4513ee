/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-personnel"

/* The Personnel section in a real window on a real database: add an employee
 * through the form, watch the verdict change as a post, a diploma and work
 * history are added, undo the last change, filter the list. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "shtat-approval-dialog.h"
#include "shtat-employee-page.h"
#include "shtat-pay-grid-dialog.h"
#include "shtat-personnel-page.h"
#include "shtat-profile-dialog.h"
#include "shtat-promotions-page.h"
#include "shtat-schedule-page.h"
#include "shtat-test-util.h"
#include "shtat-window.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

typedef struct
{
  char        *dir;
  char        *path;
  ShtatStore  *store;
  ShtatWindow *window;
  ShtatPersonnelPage *page;
  ShtatEmployeePage  *employee_page;
} Fixture;

static void
wait_until_state (ShtatPersonnelPage *page,
                  const char         *state)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (shtat_personnel_page_get_state (page), state) != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (g_strcmp0 (shtat_personnel_page_get_state (page), "error") == 0 && g_strcmp0 (state, "error") != 0)
    g_test_message ("the page says: %s", shtat_personnel_page_get_error_text (page));
  g_assert_cmpstr (shtat_personnel_page_get_state (page), ==, state);
}

/* Filtering runs in a worker thread: wait until the list shows `n` rows. */
static void
wait_for_rows (ShtatPersonnelPage *page,
               guint               n)
{
  GListModel *list = G_LIST_MODEL (shtat_personnel_page_get_list (page));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((g_list_model_get_n_items (list) != n || shtat_personnel_list_is_busy (shtat_personnel_page_get_list (page)))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatCentre) centre = shtat_centre_new ();

  f->dir = g_dir_make_tmp ("shtat-personnel-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "shtat.db", NULL);
  f->store = shtat_store_open (f->path, &error);
  g_assert_no_error (error);

  /* with a centre, the database is no longer a first start */
  if (data != NULL)
    {
      centre->code = g_strdup ("test-centre");
      centre->name_kk = g_strdup ("Сынақ орталығы");
      centre->name_ru = g_strdup ("Тестовый центр");
      g_assert_true (shtat_store_save_centre (f->store, centre, &error));
      g_assert_no_error (error);
    }

  f->window = shtat_window_new (NULL, library, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1180, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  shtat_test_wait_mapped (GTK_WIDGET (f->window));
  shtat_window_show_section (f->window, "personnel");
  f->page = SHTAT_PERSONNEL_PAGE (shtat_window_get_personnel_page (f->window));
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

/* Types into the row titled `title` of a group (of its `record`-th record
 * when record >= 0) and presses Enter (its "apply"). */
static void
type_field (Fixture    *f,
            const char *group,
            int         record,
            const char *title,
            const char *text)
{
  GtkWidget *row = shtat_test_find_row (GTK_WIDGET (f->employee_page), group, record, title);

  if (row == NULL)
    g_error ("no field %s of %s %d", title, group, record);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  shtat_test_iterate ();
}

/* Picks the item the combo row titled `title` shows as `label`. */
static void
choose (Fixture    *f,
        const char *group,
        int         record,
        const char *title,
        const char *label)
{
  GtkWidget *row = shtat_test_find_row (GTK_WIDGET (f->employee_page), group, record, title);

  if (row == NULL)
    g_error ("no field %s of %s %d", title, group, record);
  if (!shtat_test_choose (row, label))
    g_error ("%s has no item %s", title, label);
  shtat_test_iterate ();
}

/* Presses the + button of a group, found by its tooltip (its accessible name). */
static void
add_record (Fixture    *f,
            const char *tooltip)
{
  GtkWidget *button = shtat_test_find_by_text (GTK_WIDGET (f->employee_page), GTK_TYPE_BUTTON, tooltip);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "employee.add-record");
  /* a click (gtk_widget_activate would wait for the press to be drawn) */
  g_signal_emit_by_name (button, "clicked");
  shtat_test_iterate ();
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  /* an empty database offers the demo district or an empty start */
  wait_until_state (f->page, "empty");
  shtat_personnel_page_load_demo (f->page);
  wait_until_state (f->page, "list");
  /* the demo centre has about thirty employees */
  g_assert_cmpuint (shtat_personnel_list_get_n_total (shtat_personnel_page_get_list (f->page)), >=, 25);

  /* Promotions (Alt+4): the rows are sorted by date, and the report exported
   * to CSV holds one line per row after its header */
  {
    ShtatPromotionsPage *promotions = SHTAT_PROMOTIONS_PAGE (shtat_window_get_promotions_page (f->window));
    GListModel *rows;
    g_autofree char *csv = g_build_filename (f->dir, "promotions.csv", NULL);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GError) error = NULL;
    guint n;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-promotions", NULL));
    shtat_test_iterate ();
    shtat_promotions_page_refresh (promotions);
    rows = shtat_promotions_page_get_rows (promotions);
    n = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n, >, 0);
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(ShtatPromotion) a = g_list_model_get_item (rows, i - 1);
        g_autoptr(ShtatPromotion) b = g_list_model_get_item (rows, i);
        g_assert_cmpint (g_date_compare (shtat_promotion_get_date (a), shtat_promotion_get_date (b)), <=, 0);
      }

    /* the page's button exports through the page's action */
    {
      GtkWidget *export = shtat_test_find_by_action (GTK_WIDGET (promotions), "promotions.export");

      g_assert_nonnull (export);
      g_assert_cmpstr (shtat_test_widget_text (export), ==, "_Export to CSV…");
      g_assert_true (gtk_widget_is_sensitive (export));
    }
    g_assert_true (shtat_promotions_page_export (promotions, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF\"Report\";\"IIN\""));
    lines = g_strsplit (contents, "\r\n", -1);
    /* header + n rows + the empty string after the last line break */
    g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
    {
      g_autoptr(ShtatPromotion) first = g_list_model_get_item (rows, 0);
      g_assert_nonnull (strstr (lines[1], shtat_promotion_get_employee (first)->iin));
    }
    g_remove (csv);
  }
}

/* Starting empty asks for the centre first; posts are then held at it. */
static void
test_empty_start (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;

  wait_until_state (f->page, "empty");
  /* a centre needs a name */
  g_assert_false (shtat_personnel_page_create_centre (f->page, "", "", NULL, NULL, &error));
  g_assert_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_true (shtat_personnel_page_create_centre (f->page, "Есіл ауданының отбасын қолдау орталығы", "",
                                                     "Есіл ауданы", NULL, &error));
  g_assert_no_error (error);
  wait_until_state (f->page, "list");

  centres = shtat_store_list_centres (f->store, &error);
  g_assert_cmpuint (centres->len, ==, 1);
  /* the Russian name falls back to the Kazakh one until it is given */
  g_assert_cmpstr (((ShtatCentre *) g_ptr_array_index (centres, 0))->name_ru, ==,
                   "Есіл ауданының отбасын қолдау орталығы");

  shtat_personnel_page_new_employee (f->page);
  f->employee_page = SHTAT_EMPLOYEE_PAGE (shtat_personnel_page_get_employee_page (f->page));
  add_record (f, "Add a post");
  g_assert_nonnull (shtat_test_find_row (GTK_WIDGET (f->employee_page), "Posts Held", 0, "Centre"));
}

/* The same start through the window: the empty state's second button asks
 * for the centre in a dialog, whose fields are found by their titles. */
static void
test_new_centre_dialog (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  GtkWidget *button;
  AdwMessageDialog *dialog = NULL;

  wait_until_state (f->page, "empty");
  button = shtat_test_find_by_action (GTK_WIDGET (f->page), "personnel.start-empty");
  g_assert_nonnull (button);
  g_assert_cmpstr (shtat_test_widget_text (button), ==, "_Start With an Empty Database");
  g_signal_emit_by_name (button, "clicked");
  shtat_test_iterate ();

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (gtk_window_get_toplevels (), i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Centre");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  gtk_editable_set_text (GTK_EDITABLE (shtat_test_find_by_text (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name in Kazakh")),
                         "Есіл ауданының отбасын қолдау орталығы");
  gtk_editable_set_text (GTK_EDITABLE (shtat_test_find_by_text (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "District or city")),
                         "Есіл ауданы");
  gtk_editable_set_text (GTK_EDITABLE (shtat_test_find_by_text (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Akimat")),
                         "Есіл ауданының әкімдігі");
  adw_message_dialog_response (dialog, "create");
  wait_until_state (f->page, "list");

  centres = shtat_store_list_centres (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centres->len, ==, 1);
  {
    ShtatCentre *centre = g_ptr_array_index (centres, 0);

    g_assert_cmpstr (centre->name_kk, ==, "Есіл ауданының отбасын қолдау орталығы");
    /* no Russian name typed: the Kazakh one stands in for it */
    g_assert_cmpstr (centre->name_ru, ==, "Есіл ауданының отбасын қолдау орталығы");
    g_assert_cmpstr (centre->district, ==, "Есіл ауданы");
    g_assert_cmpstr (centre->akimat, ==, "Есіл ауданының әкімдігі");
  }
}

/* A dialog open over the window, of @type. */
static GtkWidget *
find_dialog (GType type)
{
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (gtk_window_get_toplevels (), i);
      if (g_type_is_a (G_OBJECT_TYPE (w), type))
        found = GTK_WIDGET (w);
    }
  return found;
}

/* Presses the button that shows @label and triggers @action. */
static void
press (GtkWidget  *root,
       const char *action,
       const char *label)
{
  GtkWidget *button = shtat_test_find_by_action (root, action);

  g_assert_nonnull (button);
  g_assert_cmpstr (shtat_test_widget_text (button), ==, label);
  /* an action the dialog does not have would leave the button insensitive */
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  shtat_test_iterate ();
}

/* The buttons of the pay grid and the centre profile do what they say: Add
 * with nothing typed explains what is missing, Cancel closes the dialog. */
static void
test_dialog_buttons (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *dialog;

  wait_until_state (f->page, "list");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.pay-grid", NULL));
  shtat_test_iterate ();
  dialog = find_dialog (SHTAT_TYPE_PAY_GRID_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Pay Grid");
  g_assert_nonnull (shtat_test_find_by_action (dialog, "pay-grid.save"));
  press (dialog, "pay-grid.add-base", "_Add");
  g_assert_true (g_str_has_prefix (shtat_pay_grid_dialog_get_error_text (SHTAT_PAY_GRID_DIALOG (dialog)),
                                   "Base official salary: “” is not a date"));
  press (dialog, "pay-grid.add-coefficient", "A_dd");
  g_assert_true (g_str_has_prefix (shtat_pay_grid_dialog_get_error_text (SHTAT_PAY_GRID_DIALOG (dialog)),
                                   "Coefficient: “” is not a date"));
  press (dialog, "window.close", "_Cancel");
  g_assert_null (find_dialog (SHTAT_TYPE_PAY_GRID_DIALOG));

  dialog = GTK_WIDGET (shtat_schedule_page_open_profile (SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (f->window))));
  g_assert_nonnull (dialog);
  shtat_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Centre Profile");
  g_assert_nonnull (shtat_test_find_by_action (dialog, "profile.save"));
  press (dialog, "profile.add-day", "_Add");
  g_assert_true (g_str_has_prefix (shtat_profile_dialog_get_error_text (SHTAT_PROFILE_DIALOG (dialog)),
                                   "Calendar: “” is not a date"));
  press (dialog, "window.close", "_Cancel");
  g_assert_null (find_dialog (SHTAT_TYPE_PROFILE_DIALOG));

  /* the approval of a draft made from the norms: Approve with the form as it
   * opens names the first field missing, the akimat (the test centre has none) */
  {
    ShtatSchedulePage *schedule_page = SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (f->window));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) centres = shtat_store_list_centres (f->store, &error);
    g_autoptr(GPtrArray) schedules = NULL;

    g_assert_no_error (error);
    g_assert_true (shtat_schedule_page_new_draft (schedule_page, FALSE, &error));
    g_assert_no_error (error);
    schedules = shtat_store_list_schedules (f->store, "test-centre", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (schedules->len, ==, 1);
    dialog = GTK_WIDGET (shtat_approval_dialog_new (GTK_WINDOW (f->window), f->store, library,
                                                    g_ptr_array_index (centres, 0), g_ptr_array_index (schedules, 0)));
    gtk_window_present (GTK_WINDOW (dialog));
    shtat_test_iterate ();
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Approve the Staffing Schedule");
    press (dialog, "approval.approve", "_Approve");
    g_assert_true (g_str_has_prefix (shtat_approval_dialog_get_error_text (SHTAT_APPROVAL_DIALOG (dialog)),
                                     "Akimat: required"));
    press (dialog, "window.close", "_Cancel");
    g_assert_null (find_dialog (SHTAT_TYPE_APPROVAL_DIALOG));
  }
}

static void
test_add_employee (Fixture       *f,
                   gconstpointer  data)
{
  GDate today;
  g_autofree char *post_from = NULL;
  g_autofree char *period_from = NULL;
  g_autofree char *period_to = NULL;

  wait_until_state (f->page, "list");
  wait_for_rows (f->page, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-employee", NULL));
  shtat_test_iterate ();
  f->employee_page = SHTAT_EMPLOYEE_PAGE (shtat_personnel_page_get_employee_page (f->page));

  /* an incomplete file is not saved, and the form says what is missing */
  type_field (f, "Personal Data", -1, "Surname", "Ахметов");
  g_assert_nonnull (shtat_employee_page_get_error_text (f->employee_page));
  g_assert_cmpuint (shtat_personnel_list_get_n_total (shtat_personnel_page_get_list (f->page)), ==, 0);

  type_field (f, "Personal Data", -1, "Name", "Ерлан");
  /* a wrong IIN is named as such: 900101300127 fails the check digit (6 is right) */
  type_field (f, "Personal Data", -1, "IIN", "900101300127");
  g_assert_nonnull (strstr (shtat_employee_page_get_error_text (f->employee_page), "IIN"));
  type_field (f, "Personal Data", -1, "IIN", "900101300126");
  type_field (f, "Personal Data", -1, "Date of birth", "01.01.1990");
  choose (f, "Personal Data", -1, "Sex", "Male");
  g_assert_null (shtat_employee_page_get_error_text (f->employee_page));
  wait_for_rows (f->page, 1);

  /* a post: social worker at the higher level, without category, since a
   * year ago; no education recorded yet → the verdict lacks data */
  g_date_clear (&today, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                    (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  }
  {
    GDate d = today;
    g_date_subtract_months (&d, 6);
    post_from = g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&d), g_date_get_month (&d), g_date_get_year (&d));
  }
  add_record (f, "Add a post");
  choose (f, "Posts Held", 0, "Position", "Social worker");
  choose (f, "Posts Held", 0, "Qualification level", "Higher level");
  choose (f, "Posts Held", 0, "Category held", "Without category");
  type_field (f, "Posts Held", 0, "From", post_from);
  g_assert_null (shtat_employee_page_get_error_text (f->employee_page));
  g_assert_cmpstr (shtat_employee_page_get_verdict_text (f->employee_page), ==, "Missing data");

  /* a higher education in a social field (003 ¶15): meets the rung without
   * category; six months in the post are short of the year the second
   * category needs, which comes 6 months later */
  add_record (f, "Add an education record");
  choose (f, "Education", 0, "Field", "social");
  g_assert_null (shtat_employee_page_get_error_text (f->employee_page));
  g_assert_cmpstr (shtat_employee_page_get_verdict_text (f->employee_page), ==, "Meets the requirements");
  g_assert_nonnull (strstr (shtat_employee_page_get_eligible_text (f->employee_page), "Next: Second category, eligible on"));

  /* two years of earlier work as a higher-level specialist without category in
   * a social worker post (same family, item 12) make the second category
   * attainable now and the employee eligible already */
  {
    GDate from = today, to = today;
    g_date_subtract_years (&from, 5);
    g_date_subtract_years (&to, 3);
    period_from = g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&from), g_date_get_month (&from), g_date_get_year (&from));
    period_to = g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&to), g_date_get_month (&to), g_date_get_year (&to));
  }
  add_record (f, "Add a work period");
  type_field (f, "Work History", 0, "Organisation", "Алматы қаласының жұмыспен қамту орталығы");
  choose (f, "Work History", 0, "Sector", "Education");
  choose (f, "Work History", 0, "Position", "Social worker");
  choose (f, "Work History", 0, "Qualification level", "Higher level");
  choose (f, "Work History", 0, "Category", "Without category");
  type_field (f, "Work History", 0, "From", period_from);
  type_field (f, "Work History", 0, "To (empty while it lasts)", period_to);
  g_assert_null (shtat_employee_page_get_error_text (f->employee_page));
  g_assert_nonnull (strstr (shtat_employee_page_get_eligible_text (f->employee_page), "Next: Second category, eligible since"));

  /* holding the second category is now justified */
  choose (f, "Posts Held", 0, "Category held", "Second category");
  g_assert_cmpstr (shtat_employee_page_get_verdict_text (f->employee_page), ==, "Meets the requirements");

  /* the toast that confirms the save offers to undo it */
  {
    GtkWidget *undo = shtat_test_find_by_action (GTK_WIDGET (f->page), "personnel.undo");

    g_assert_nonnull (undo);
    g_assert_cmpstr (shtat_test_widget_text (undo), ==, "_Undo");
  }

  /* Ctrl+Z: back to no category */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  shtat_test_iterate ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ShtatEmployee) stored = shtat_store_find_by_iin (f->store, "900101300126", &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (stored->assignments, ShtatAssignment, 0).category, ==, SHTAT_CATEGORY_NONE);
    g_assert_cmpuint (stored->education->len, ==, 1);
    g_assert_cmpuint (stored->periods->len, ==, 1);
  }

  /* the list filters by name and by IIN as one types */
  gtk_editable_set_text (GTK_EDITABLE (shtat_personnel_page_get_search_entry (f->page)), "ахмет");
  wait_for_rows (f->page, 1);
  gtk_editable_set_text (GTK_EDITABLE (shtat_personnel_page_get_search_entry (f->page)), "9001013");
  wait_for_rows (f->page, 1);
  gtk_editable_set_text (GTK_EDITABLE (shtat_personnel_page_get_search_entry (f->page)), "Иванова");
  wait_for_rows (f->page, 0);
}

/* A file asked for while the list is still loading is shown once it is
 * there; asking for another before then shows that one instead. */
static void
test_select_while_loading (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *second_name = NULL;
  ShtatEmployee *first, *second;
  GtkWidget *title;
  GDate today;

  f->employee_page = SHTAT_EMPLOYEE_PAGE (shtat_personnel_page_get_employee_page (f->page));
  wait_until_state (f->page, "list");
  shtat_date_set_today (&today);
  shtat_demo_build (&today, &centres, &employees);
  g_assert_cmpuint (employees->len, >=, 2);
  first = g_ptr_array_index (employees, 0);
  second = g_ptr_array_index (employees, 1);
  second_name = shtat_employee_dup_full_name (second);

  /* the demo files, loaded as the page offers them: the list reloads */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "personnel.load-demo", NULL));
  g_assert_cmpstr (shtat_personnel_page_get_state (f->page), ==, "loading");
  g_assert_true (shtat_personnel_page_select_iin (f->page, first->iin));
  g_assert_true (shtat_personnel_page_select_iin (f->page, second->iin));
  wait_until_state (f->page, "list");
  wait_for_rows (f->page, employees->len);
  shtat_test_iterate ();

  title = shtat_test_find_styled (GTK_WIDGET (f->employee_page), "title-1");
  g_assert_nonnull (title);
  g_assert_cmpstr (shtat_test_widget_text (title), ==, second_name);
  g_assert_cmpstr (shtat_employee_page_get_employee (f->employee_page)->iin, ==, second->iin);

  /* loading again, a file asked for, then a new one started: the new,
   * empty file stays once the list is there */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "personnel.load-demo", NULL));
  g_assert_cmpstr (shtat_personnel_page_get_state (f->page), ==, "loading");
  g_assert_true (shtat_personnel_page_select_iin (f->page, first->iin));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "personnel.new-employee", NULL));
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (shtat_personnel_page_is_busy (f->page) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_false (shtat_personnel_page_is_busy (f->page));
  wait_for_rows (f->page, employees->len);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_test_widget_text (shtat_test_find_styled (GTK_WIDGET (f->employee_page), "title-1")), ==, "New employee");
  g_assert_cmpint (shtat_employee_page_get_employee (f->employee_page)->id, ==, 0);
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

  g_test_add ("/personnel/first-run", Fixture, NULL, fixture_set_up, test_first_run, fixture_tear_down);
  g_test_add ("/personnel/empty-start", Fixture, NULL, fixture_set_up, test_empty_start, fixture_tear_down);
  g_test_add ("/personnel/new-centre-dialog", Fixture, NULL, fixture_set_up, test_new_centre_dialog, fixture_tear_down);
  g_test_add ("/personnel/dialog-buttons", Fixture, "centre", fixture_set_up, test_dialog_buttons, fixture_tear_down);
  g_test_add ("/personnel/add-employee", Fixture, "centre", fixture_set_up, test_add_employee, fixture_tear_down);
  g_test_add ("/personnel/select-while-loading", Fixture, "centre", fixture_set_up, test_select_while_loading, fixture_tear_down);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
