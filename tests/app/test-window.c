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

/* Picks the table as a user does, in the drop-down whose tooltip offers it. */
static void
choose_table (ShtatNormsPage *page,
              const char     *id)
{
  GtkWidget *dropdown = shtat_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "Choose the norm table (Ctrl+T)");
  GPtrArray *tables = shtat_norm_library_get_tables (library);

  g_assert_nonnull (dropdown);
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((ShtatNormTable *) g_ptr_array_index (tables, i))->id, id))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_norms_page_get_table_id (page), ==, id);
}

/* The big figure above "staff units at least". */
static const char *
total_text (ShtatNormsPage *page)
{
  GtkWidget *total = shtat_test_find_beside (GTK_WIDGET (page), "staff units at least", GTK_TYPE_LABEL);

  g_assert_nonnull (total);
  return gtk_label_get_text (GTK_LABEL (total));
}

/* A line of the summary, shown as @text. */
static GtkWidget *
shown_label (ShtatNormsPage *page,
             const char     *text)
{
  GtkWidget *label = shtat_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_is_visible (label) ? label : NULL;
}

/* The message in red, if one is shown. */
static const char *
error_text (ShtatNormsPage *page)
{
  GtkWidget *label = shtat_test_find_styled (GTK_WIDGET (page), "error");

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The figure at the right end of the line numbered @n, read across the line
 * from its number: the last words of the line itself that are not a badge,
 * leaving out the notes an expanded line shows under it. */
static const char *
row_figure (ShtatNormsPage *page,
            guint           n)
{
  g_autoptr(GPtrArray) rows = shtat_test_find_all (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_ROW);
  g_autofree char *number = g_strdup_printf ("%u", n);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) labels = NULL;
      GtkWidget *line = row;

      /* an expandable line's own words are in its header */
      if (ADW_IS_EXPANDER_ROW (row))
        {
          g_autoptr(GPtrArray) headers = shtat_test_find_all (row, ADW_TYPE_ACTION_ROW);

          g_assert_cmpuint (headers->len, >, 0);
          line = g_ptr_array_index (headers, 0);
        }
      else if (gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_EXPANDER_ROW) != NULL)
        continue;
      labels = shtat_test_find_all (line, GTK_TYPE_LABEL);
      if (labels->len < 2 || !g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, 0)), number))
        continue;
      /* the kinds of note the line carries are badges beside the figure */
      for (guint l = labels->len - 1; l > 0; l--)
        if (!gtk_widget_has_css_class (g_ptr_array_index (labels, l), "shtat-badge"))
          return gtk_label_get_text (g_ptr_array_index (labels, l));
    }
  return NULL;
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
  g_assert_cmpstr (total_text (page), ==, "18");
  g_assert_nonnull (shown_label (page, "Bracket: up to 50"));
  g_assert_cmpstr (row_figure (page, 2), ==, "0");

  type_into (appeals, "50.4");
  g_assert_cmpstr (total_text (page), ==, "25.5");
  g_assert_nonnull (shown_label (page, "Bracket: 51–100"));
  g_assert_cmpstr (row_figure (page, 2), ==, "1");

  type_into (appeals, "101");
  g_assert_cmpstr (total_text (page), ==, "32.5");

  type_into (vehicles, "3");
  g_assert_cmpstr (total_text (page), ==, "34.5");
  g_assert_cmpstr (row_figure (page, 15), ==, "3");
  /* typical-norm rows show no figure */
  g_assert_cmpstr (row_figure (page, 17), ==, "—");

  /* the bracket reading is on screen, marked as an interpretation, with its citation */
  {
    GtkWidget *group = shtat_test_find_by_text (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Notes and Interpretations");
    g_autoptr(GPtrArray) remarks = NULL;
    gboolean found = FALSE;

    g_assert_true (group != NULL && gtk_widget_is_visible (group));
    /* one remark shows both the badge and the citation */
    remarks = shtat_test_find_all (group, GTK_TYPE_LIST_BOX_ROW);
    for (guint i = 0; i < remarks->len; i++)
      if (shtat_test_find_by_text (g_ptr_array_index (remarks, i), GTK_TYPE_LABEL, "Interpretation") != NULL
          && shtat_test_find_by_text (g_ptr_array_index (remarks, i), GTK_TYPE_LABEL, "000 App") != NULL)
        found = TRUE;
    g_assert_true (found);
  }

  /* a typing mistake is explained and the last good result stays */
  type_into (appeals, "1o1");
  g_assert_nonnull (error_text (page));
  g_assert_nonnull (strstr (error_text (page), "Appeals per working day"));
  g_assert_true (gtk_widget_has_css_class (appeals, "error"));
  g_assert_cmpstr (total_text (page), ==, "34.5");
  /* another figure does not clear the mistake, nor compute from the old value */
  type_into (vehicles, "2");
  g_assert_nonnull (error_text (page));
  g_assert_cmpstr (total_text (page), ==, "34.5");
  type_into (appeals, "60");
  g_assert_null (error_text (page));
  g_assert_false (gtk_widget_has_css_class (appeals, "error"));
  g_assert_cmpstr (total_text (page), ==, "26.5");

  /* a decimal comma, and leaving the field, keep the figure as typed */
  type_into (appeals, "50,5");
  g_assert_nonnull (shown_label (page, "Bracket: 51–100"));
  gtk_spin_button_update (GTK_SPIN_BUTTON (appeals));
  shtat_test_iterate ();
  g_assert_nonnull (shown_label (page, "Bracket: 51–100"));
  g_assert_cmpstr (total_text (page), ==, "26.5");

  /* a mistake in a figure a table does not use does not block it */
  type_into (appeals, "x");
  g_assert_nonnull (error_text (page));
  choose_table (page, "t2");
  g_assert_null (error_text (page));
  /* 1 director + 2 housekeepers + 2 paramedics + 5.25 nurses (004 T2) */
  g_assert_cmpstr (total_text (page), ==, "10.25");

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
  g_assert_cmpstr (total_text (page), ==, "52.25");
  g_assert_cmpstr (row_figure (page, 35), ==, "15.75");

  library_switch = flag_switch (page, "There is a library");
  gtk_switch_set_active (GTK_SWITCH (library_switch), TRUE);
  shtat_test_iterate ();
  g_assert_cmpstr (total_text (page), ==, "53.25");

  /* back to the centre table: the premises switches are gone, and the vehicles
   * typed for table 1 carry over */
  choose_table (page, "fsc");
  g_assert_null (flag_switch (page, "The building has a lift"));
  g_assert_cmpstr (row_figure (page, 15), ==, "2");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The big heading of the position shown. */
static const char *
position_title (ShtatPositionsPage *page)
{
  GtkWidget *title = shtat_test_find_styled (GTK_WIDGET (page), "title-1");

  return title != NULL ? gtk_label_get_text (GTK_LABEL (title)) : NULL;
}

/* One rung of a ladder as read on screen: the row titled @title in the group
 * titled @group, its title and then what it asks for. */
static char *
rung_text (ShtatPositionsPage *page,
           const char         *group,
           const char         *title)
{
  GtkWidget *row = shtat_test_find_row (GTK_WIDGET (page), group, -1, title);

  if (row == NULL || !gtk_widget_is_visible (row))
    return NULL;
  return g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

/* How many positions the list beside the search field shows. */
static guint
positions_shown (ShtatPositionsPage *page)
{
  GtkWidget *label = shtat_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "Social worker");
  GtkWidget *list = label != NULL ? gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX) : NULL;
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  return n;
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
  GtkWidget *search;

  /* Alt+2 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-positions", NULL));
  shtat_test_iterate ();
  g_assert_cmpstr (shtat_window_get_section (window), ==, "positions");
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (page)));

  g_assert_true (shtat_test_select_row (GTK_WIDGET (page), "Psychologist (social psychologist)"));
  shtat_test_iterate ();
  g_assert_nonnull (strstr (position_title (page), "sychologist"));
  /* 003 ¶21: category II after 3 years without category, I after 2 in II */
  second = rung_text (page, "Qualification requirements", "Category II");
  g_assert_nonnull (second);
  g_assert_nonnull (strstr (second, "At least 3 years in the position"));
  first = rung_text (page, "Qualification requirements", "Category I");
  g_assert_nonnull (strstr (first, "At least 2 years in the position"));
  g_assert_null (rung_text (page, "Qualification requirements", "Highest category"));
  /* the ladder has no highest rung: I, II and no category */
  {
    GtkWidget *group = shtat_test_find_by_text (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Qualification requirements");
    g_autoptr(GPtrArray) rungs = shtat_test_find_all (group, ADW_TYPE_ACTION_ROW);

    g_assert_cmpuint (rungs->len, ==, 3);
  }

  /* the social worker has two levels and the certificate route */
  g_assert_true (shtat_test_select_row (GTK_WIDGET (page), "Social worker"));
  shtat_test_iterate ();
  {
    g_autofree char *medium_none = rung_text (page, "Qualification requirements: Medium-level specialist",
                                              "Without category");
    g_autofree char *higher_top = rung_text (page, "Qualification requirements: Higher-level specialist",
                                             "Highest category");

    g_assert_nonnull (strstr (medium_none, "certificate"));
    g_assert_nonnull (strstr (higher_top, "At least 2 years as a first-category higher-level specialist"));
  }
  /* the duties are the social worker's alone, none left from the psychologist */
  {
    GtkWidget *duties = shtat_test_find_by_text (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Duties");
    g_autoptr(GPtrArray) rows = shtat_test_find_all (duties, ADW_TYPE_ACTION_ROW);

    g_assert_cmpuint (rows->len, ==, shtat_norm_library_get_position (library, "social-worker")->duties->len);
  }

  search = shtat_test_find_entry (GTK_WIDGET (page), "Find a position");
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "psycholog");
  /* search-changed is delayed; wait for it */
  for (guint i = 0; i < 100 && positions_shown (page) != 1; i++)
    {
      g_usleep (10000);
      shtat_test_iterate ();
    }
  g_assert_cmpuint (positions_shown (page), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  for (guint i = 0; i < 100 && positions_shown (page) == 1; i++)
    {
      g_usleep (10000);
      shtat_test_iterate ();
    }
  g_assert_cmpuint (positions_shown (page), >, 12);

  g_assert_true (shtat_test_select_row (GTK_WIDGET (page), "Accountant"));
  shtat_test_iterate ();
  g_assert_cmpstr (position_title (page), ==, "Accountant");
  /* another act sets its requirements: no ladder, no duties of 580-НҚ */
  {
    GtkWidget *says = shtat_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "Requirements set by another act");

    g_assert_true (says != NULL && gtk_widget_is_visible (says));
    g_assert_null (shtat_test_find_by_text (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Qualification requirements"));
    g_assert_nonnull (shtat_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "Positions defined in other acts"));
    g_assert_null (shtat_test_find_by_text (GTK_WIDGET (page), GTK_TYPE_LABEL, "Psychologist categories"));
  }
  g_assert_false (gtk_widget_is_visible (shtat_test_find_by_text (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Duties")));

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
