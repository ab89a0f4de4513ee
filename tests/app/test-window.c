/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-window"

/* The real window under Xvfb, driven through its widgets: choose a table, type
 * the figures, read the result as the user reads it. Expected figures are the
 * act's columns added up by hand (see tests/core/test-minimum.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "shtat-norms-page.h"
#include "shtat-personnel-page.h"
#include "shtat-positions-page.h"
#include "shtat-test-util.h"
#include "shtat-window.h"

static ShtatNormLibrary *library;

static ShtatWindow *
open_window (void)
{
  ShtatWindow *window = shtat_window_new (NULL, library, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  shtat_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_visible (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  shtat_test_iterate ();
}

/* The figure a table is computed from, found by the title of its row. */
static GtkWidget *
driver_entry (ShtatNormsPage *page,
              const char     *title)
{
  return shtat_test_find_control (GTK_WIDGET (page), title, GTK_TYPE_SPIN_BUTTON);
}

static GtkWidget *
flag_switch (ShtatNormsPage *page,
             const char     *title)
{
  return shtat_test_find_control (GTK_WIDGET (page), title, GTK_TYPE_SWITCH);
}

static void
choose_table (ShtatNormsPage *page,
              const char     *id)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (shtat_norms_page_get_table_dropdown (page));
  GPtrArray *tables = shtat_norm_library_get_tables (library);

  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((ShtatNormTable *) g_ptr_array_index (tables, i))->id, id))
      gtk_drop_down_set_selected (dropdown, i);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_norms_page_get_table_id (page), ==, id);
}

/* The centre table with one vehicle: 18, 25.5 and 32.5 units for the three
 * brackets, following every keystroke. */
static void
test_norms_centre (void)
{
  ShtatWindow *window = open_window ();
  ShtatNormsPage *page = SHTAT_NORMS_PAGE (shtat_window_get_norms_page (window));
  GtkWidget *appeals, *vehicles;

  choose_table (page, "fsc");
  appeals = driver_entry (page, "Appeals per working day");
  vehicles = driver_entry (page, "Vehicles");
  /* the centre table needs no beds or recipients */
  g_assert_null (driver_entry (page, "Beds"));
  g_assert_null (driver_entry (page, "Service recipients"));

  type_into (vehicles, "1");
  type_into (appeals, "50");
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "18");
  g_assert_cmpstr (shtat_norms_page_get_bracket_text (page), ==, "Bracket: up to 50");
  g_assert_cmpstr (shtat_norms_page_get_row_units_text (page, 2), ==, "0");

  type_into (appeals, "50.4");
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "25.5");
  g_assert_cmpstr (shtat_norms_page_get_bracket_text (page), ==, "Bracket: 51–100");
  g_assert_cmpstr (shtat_norms_page_get_row_units_text (page, 2), ==, "1");

  type_into (appeals, "101");
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "32.5");

  type_into (vehicles, "3");
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "34.5");
  g_assert_cmpstr (shtat_norms_page_get_row_units_text (page, 15), ==, "3");
  /* typical-norm rows show no figure */
  g_assert_cmpstr (shtat_norms_page_get_row_units_text (page, 17), ==, "—");

  /* the bracket reading is on screen, marked as an interpretation, with its citation */
  {
    GtkWidget *list = shtat_norms_page_get_remarks_list (page);
    gboolean found = FALSE;

    g_assert_true (gtk_widget_is_visible (list));
    /* one remark shows both the badge and the citation */
    for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
      if (shtat_test_find_by_text (row, GTK_TYPE_LABEL, "Interpretation") != NULL
          && shtat_test_find_by_text (row, GTK_TYPE_LABEL, "000 App") != NULL)
        found = TRUE;
    g_assert_true (found);
  }

  /* a typing mistake is explained and the last good result stays */
  type_into (appeals, "1o1");
  g_assert_nonnull (shtat_norms_page_get_error_text (page));
  g_assert_nonnull (strstr (shtat_norms_page_get_error_text (page), "Appeals per working day"));
  g_assert_true (gtk_widget_has_css_class (appeals, "error"));
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "34.5");
  /* another figure does not clear the mistake, nor compute from the old value */
  type_into (vehicles, "2");
  g_assert_nonnull (shtat_norms_page_get_error_text (page));
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "34.5");
  type_into (appeals, "60");
  g_assert_null (shtat_norms_page_get_error_text (page));
  g_assert_false (gtk_widget_has_css_class (appeals, "error"));
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "26.5");

  /* a decimal comma, and leaving the field, keep the figure as typed */
  type_into (appeals, "50,5");
  g_assert_cmpstr (shtat_norms_page_get_bracket_text (page), ==, "Bracket: 51–100");
  gtk_spin_button_update (GTK_SPIN_BUTTON (appeals));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_norms_page_get_bracket_text (page), ==, "Bracket: 51–100");
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "26.5");

  /* a mistake in a figure a table does not use does not block it */
  type_into (appeals, "x");
  g_assert_nonnull (shtat_norms_page_get_error_text (page));
  choose_table (page, "t2");
  g_assert_null (shtat_norms_page_get_error_text (page));
  /* 1 director + 2 housekeepers + 2 paramedics + 5.25 nurses (004 T2) */
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "10.25");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Order 391 table 1: its own figures and switches appear, and the total follows
 * them (column 101–150, see test-minimum.c: 52.25). */
static void
test_norms_temporary_stay (void)
{
  ShtatWindow *window = open_window ();
  ShtatNormsPage *page = SHTAT_NORMS_PAGE (shtat_window_get_norms_page (window));
  GtkWidget *sewerage, *library_switch;

  choose_table (page, "t1");
  g_assert_null (driver_entry (page, "Appeals per working day"));
  type_into (driver_entry (page, "Service recipients"), "120");
  type_into (driver_entry (page, "Vehicles"), "2");
  type_into (driver_entry (page, "Tractors"), "0");
  type_into (driver_entry (page, "Beds"), "120");
  sewerage = flag_switch (page, "The building is on sewerage");
  g_assert_nonnull (sewerage);
  gtk_switch_set_active (GTK_SWITCH (sewerage), TRUE);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "52.25");
  g_assert_cmpstr (shtat_norms_page_get_row_units_text (page, 35), ==, "15.75");

  library_switch = flag_switch (page, "There is a library");
  gtk_switch_set_active (GTK_SWITCH (library_switch), TRUE);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_norms_page_get_total_text (page), ==, "53.25");

  /* back to the centre table: the premises switches are gone, and the vehicles
   * typed for table 1 carry over */
  choose_table (page, "fsc");
  g_assert_null (flag_switch (page, "The building has a lift"));
  g_assert_cmpstr (shtat_norms_page_get_row_units_text (page, 15), ==, "2");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Positions: the ladder of the psychologist, the search, a position set by
 * another act. */
static void
test_positions (void)
{
  ShtatWindow *window = open_window ();
  ShtatPositionsPage *page = SHTAT_POSITIONS_PAGE (shtat_window_get_positions_page (window));
  g_autofree char *second = NULL;
  g_autofree char *first = NULL;

  /* Alt+2 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-positions", NULL));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_window_get_section (window), ==, "positions");
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (page)));

  g_assert_true (shtat_positions_page_select_position (page, "psychologist"));
  shtat_test_iterate ();
  g_assert_nonnull (strstr (shtat_positions_page_get_title (page), "sychologist"));
  /* 003 ¶21: category II after 3 years without category, I after 2 in II */
  second = shtat_positions_page_get_rung_text (page, SHTAT_LEVEL_SINGLE, SHTAT_CATEGORY_SECOND);
  g_assert_nonnull (second);
  g_assert_nonnull (strstr (second, "At least 3 years in the position"));
  first = shtat_positions_page_get_rung_text (page, SHTAT_LEVEL_SINGLE, SHTAT_CATEGORY_FIRST);
  g_assert_nonnull (strstr (first, "At least 2 years in the position"));
  g_assert_null (shtat_positions_page_get_rung_text (page, SHTAT_LEVEL_SINGLE, SHTAT_CATEGORY_HIGHEST));

  /* the social worker has two levels and the certificate route */
  g_assert_true (shtat_positions_page_select_position (page, "social-worker"));
  shtat_test_iterate ();
  {
    g_autofree char *medium_none = shtat_positions_page_get_rung_text (page, SHTAT_LEVEL_MEDIUM, SHTAT_CATEGORY_NONE);
    g_autofree char *higher_top = shtat_positions_page_get_rung_text (page, SHTAT_LEVEL_HIGHER, SHTAT_CATEGORY_HIGHEST);

    g_assert_nonnull (strstr (medium_none, "certificate"));
    g_assert_nonnull (strstr (higher_top, "At least 2 years as a first-category higher-level specialist"));
  }

  gtk_editable_set_text (GTK_EDITABLE (shtat_positions_page_get_search_entry (page)), "psycholog");
  /* search-changed is delayed; wait for it */
  for (guint i = 0; i < 100 && shtat_positions_page_count_visible (page) != 1; i++)
    {
      g_usleep (10000);
      shtat_test_iterate ();
    }
  g_assert_cmpuint (shtat_positions_page_count_visible (page), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (shtat_positions_page_get_search_entry (page)), "");
  for (guint i = 0; i < 100 && shtat_positions_page_count_visible (page) == 1; i++)
    {
      g_usleep (10000);
      shtat_test_iterate ();
    }
  g_assert_cmpuint (shtat_positions_page_count_visible (page), >, 12);

  g_assert_true (shtat_positions_page_select_position (page, "accountant"));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_positions_page_get_title (page), ==, "Accountant");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window comes back at the size it was left at, on the section and table
 * the user had open. */
static void
test_remembers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ShtatWindow *window;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 1024);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_string (settings, "last-section", "positions");
  g_settings_set_string (settings, "last-table", "t3");

  window = shtat_window_new (NULL, library, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1024);
  g_assert_cmpint (height, ==, 700);
  g_assert_cmpstr (shtat_window_get_section (window), ==, "positions");
  g_assert_cmpstr (shtat_norms_page_get_table_id (SHTAT_NORMS_PAGE (shtat_window_get_norms_page (window))), ==, "t3");

  /* what the user changes is kept */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  shtat_window_show_section (window, "norms");
  shtat_norms_page_select_table (SHTAT_NORMS_PAGE (shtat_window_get_norms_page (window)), "t4");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  {
    g_autofree char *section = g_settings_get_string (settings, "last-section");
    g_autofree char *table = g_settings_get_string (settings, "last-table");
    g_assert_cmpstr (section, ==, "norms");
    g_assert_cmpstr (table, ==, "t4");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "last-section");
  g_settings_reset (settings, "last-table");
}

/* Without a database, the Personnel section says so instead of waiting. */
static void
test_no_database (void)
{
  ShtatWindow *window = open_window ();
  ShtatPersonnelPage *page = SHTAT_PERSONNEL_PAGE (shtat_window_get_personnel_page (window));

  g_assert_cmpstr (shtat_personnel_page_get_state (page), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A screenshot can be taken of the window (the helper the README uses). */
static void
test_screenshot (void)
{
  ShtatWindow *window = open_window ();
  g_autofree char *dir = g_dir_make_tmp ("shtat-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "window.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (shtat_test_save_screenshot (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 600);
  /* a drawn window, not a blank image: many different colours */
  {
    gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
    g_autofree guchar *pixels = g_malloc (stride * (gsize) gdk_texture_get_height (texture));
    g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

    gdk_texture_download (texture, pixels, stride);
    for (gsize i = 0; i < stride * (gsize) gdk_texture_get_height (texture); i += 4 * 7)
      g_hash_table_add (colours, GUINT_TO_POINTER (*(guint32 *) (pixels + i)));
    g_assert_cmpuint (g_hash_table_size (colours), >, 50);
  }
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/window/norms/centre", test_norms_centre);
  g_test_add_func ("/window/norms/temporary-stay", test_norms_temporary_stay);
  g_test_add_func ("/window/positions", test_positions);
  g_test_add_func ("/window/remembers", test_remembers);
  g_test_add_func ("/window/no-database", test_no_database);
  g_test_add_func ("/window/screenshot", test_screenshot);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
