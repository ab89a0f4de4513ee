/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-shtat-screenshot"

/* Takes screenshots of the real window, for the README and for checking by eye:
 *   shtat-screenshot [--lang kk|ru|en] [--section norms|positions] [--table ID]
 *                    [--appeals N] [--vehicles N] [--position CODE] OUT.png */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "shtat-norms-page.h"
#include "shtat-overview-page.h"
#include "shtat-pay-grid-dialog.h"
#include "shtat-personnel-page.h"
#include "shtat-schedule-page.h"
#include "shtat-employee-page.h"
#include "shtat-positions-page.h"
#include "shtat-test-util.h"
#include "shtat-window.h"

static void
type_figure (ShtatNormsPage *page,
             ShtatDriver     driver,
             const char     *text)
{
  GtkWidget *spin = shtat_test_find_control (GTK_WIDGET (page), shtat_driver_get_label (driver), GTK_TYPE_SPIN_BUTTON);

  if (spin == NULL)
    {
      g_printerr ("the table shown does not use “%s”\n", shtat_driver_get_label (driver));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *lang = NULL;
  g_autofree char *section = NULL;
  g_autofree char *table = NULL;
  g_autofree char *appeals = NULL;
  g_autofree char *vehicles = NULL;
  g_autofree char *position = NULL;
  g_autofree char *db = NULL;
  g_autofree char *iin = NULL;
  g_autofree char *dialog = NULL;
  gboolean new_draft = FALSE;
  int expand = -1;
  gboolean demo = FALSE;
  g_autoptr(ShtatStore) store = NULL;
  GtkWidget *shot;
  int width = 1180, height = 760;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "kk, ru or en", "LANG" },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section, "norms or positions", "NAME" },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table, "norm table", "ID" },
    { "appeals", 0, 0, G_OPTION_ARG_STRING, &appeals, "appeals per working day", "N" },
    { "vehicles", 0, 0, G_OPTION_ARG_STRING, &vehicles, "vehicles", "N" },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, "position code", "CODE" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "personnel database", "PATH" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "load the demo district into an empty database", NULL },
    { "iin", 0, 0, G_OPTION_ARG_STRING, &iin, "employee to show", "IIN" },
    { "new-draft", 0, 0, G_OPTION_ARG_NONE, &new_draft, "schedule section: make a draft from the norms first", NULL },
    { "expand", 0, 0, G_OPTION_ARG_INT, &expand, "schedule section: expand this line", "N" },
    { "dialog", 0, 0, G_OPTION_ARG_STRING, &dialog, "open a dialog", "profile|pay-grid" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "window width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "window height", "PX" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  ShtatWindow *window;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: shtat-screenshot [OPTION…] OUT.png");
      return 2;
    }

  if (lang != NULL)
    {
      ShtatLang l;
      if (shtat_lang_from_string (lang, &l))
        shtat_lang_set_override (l);
      g_setenv ("LANGUAGE", lang, TRUE);
    }
  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/shtat/Shtat/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  library = shtat_norm_library_load_default (&error);
  if (library == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (db != NULL)
    {
      store = shtat_store_open (db, &error);
      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  window = shtat_window_new (NULL, library, store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  shtat_test_wait_mapped (GTK_WIDGET (window));

  if (g_strcmp0 (section, "personnel") == 0 || g_strcmp0 (section, "promotions") == 0)
    {
      ShtatPersonnelPage *page = SHTAT_PERSONNEL_PAGE (shtat_window_get_personnel_page (window));
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      shtat_window_show_section (window, "personnel");
      if (demo && g_strcmp0 (shtat_personnel_page_get_state (page), "empty") == 0)
        shtat_personnel_page_load_demo (page);
      while (g_strcmp0 (shtat_personnel_page_get_state (page), "loading") == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      shtat_test_wait_mapped (GTK_WIDGET (window));
      if (iin != NULL)
        shtat_personnel_page_select_iin (page, iin);
      if (g_strcmp0 (section, "promotions") == 0)
        shtat_window_show_section (window, "promotions");
    }
  else if (g_strcmp0 (section, "schedule") == 0)
    {
      ShtatSchedulePage *page = SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (window));

      shtat_window_show_section (window, "schedule");
      if (new_draft && !shtat_schedule_page_new_draft (page, FALSE, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (expand >= 0 && shtat_schedule_page_get_line_row (page, (guint) expand) != NULL)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (shtat_schedule_page_get_line_row (page, (guint) expand)), TRUE);
    }
  else if (g_strcmp0 (section, "district") == 0)
    {
      ShtatOverviewPage *page = SHTAT_OVERVIEW_PAGE (shtat_window_get_overview_page (window));
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      shtat_window_show_section (window, "district");
      while (shtat_overview_page_is_busy (page) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  else if (g_strcmp0 (section, "positions") == 0)
    {
      shtat_window_show_section (window, "positions");
      if (position != NULL)
        shtat_positions_page_select_position (SHTAT_POSITIONS_PAGE (shtat_window_get_positions_page (window)), position);
    }
  else
    {
      ShtatNormsPage *page = SHTAT_NORMS_PAGE (shtat_window_get_norms_page (window));

      shtat_window_show_section (window, "norms");
      if (table != NULL)
        shtat_norms_page_select_table (page, table);
      /* the figures are typed into the rows that name them */
      if (appeals != NULL)
        type_figure (page, SHTAT_DRIVER_APPEALS, appeals);
      if (vehicles != NULL)
        type_figure (page, SHTAT_DRIVER_VEHICLES, vehicles);
    }

  shtat_test_wait_mapped (GTK_WIDGET (window));
  shot = GTK_WIDGET (window);
  if (g_strcmp0 (dialog, "pay-grid") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.pay-grid", NULL);
      shtat_test_iterate ();
      for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (gtk_window_get_toplevels (), i);
          if (SHTAT_IS_PAY_GRID_DIALOG (w))
            shot = GTK_WIDGET (w);
        }
      shtat_test_wait_mapped (shot);
    }
  else if (g_strcmp0 (dialog, "profile") == 0)
    {
      shot = GTK_WIDGET (shtat_schedule_page_open_profile (SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (window))));
      gtk_window_set_default_size (GTK_WINDOW (shot), 860, height);
      shtat_test_wait_mapped (shot);
    }
  if (!shtat_test_save_screenshot (shot, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
