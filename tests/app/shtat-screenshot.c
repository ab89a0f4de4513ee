/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-shtat-screenshot"

/* Takes screenshots of the real window, for the README and for checking by eye:
 *   shtat-screenshot [--lang kk|ru|en] [--section norms|positions] [--table ID]
 *                    [--appeals N] [--vehicles N] [--position CODE]
 *                    [--db PATH] [--dialog profile|pay-grid|approval|centre] OUT.png */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "shtat-approval-dialog.h"
#include "shtat-norms-page.h"
#include "shtat-overview-page.h"
#include "shtat-pay-grid-dialog.h"
#include "shtat-personnel-page.h"
#include "shtat-schedule-page.h"
#include "shtat-employee-page.h"
#include "shtat-positions-page.h"
#include "shtat-test-util.h"
#include "shtat-window.h"

/* The toplevel of @type that the last action opened, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (w), type))
        found = GTK_WIDGET (w);
    }
  return found;
}

/* A submitted version of the first centre to approve: the newest one when it
 * is submitted, else a new draft from the norms, made and submitted through
 * the core as a centre would (a salary of 200 000 ₸ where the pay grid gave
 * none, a reference on the lines set by typical norms). Returns its centre. */
static char *
ensure_submitted (ShtatStore       *store,
                  ShtatNormLibrary *library,
                  GError          **error)
{
  g_autoptr(GPtrArray) centres = shtat_store_list_centres (store, error);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(ShtatSchedule) draft = NULL;
  g_autoptr(ShtatDraftSession) session = NULL;
  const ShtatNormTable *table;
  const char *code;

  if (centres == NULL)
    return NULL;
  if (centres->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the database has no centre (try --demo)");
      return NULL;
    }
  code = ((ShtatCentre *) g_ptr_array_index (centres, 0))->code;
  versions = shtat_store_list_schedules (store, code, error);
  if (versions == NULL)
    return NULL;
  if (versions->len > 0
      && shtat_schedule_get_status (g_ptr_array_index (versions, versions->len - 1)) == SHTAT_SCHEDULE_SUBMITTED)
    return g_strdup (code);

  draft = shtat_planning_new_draft (store, library, code, NULL, SHTAT_DRAFT_FROM_NORMS, NULL, TRUE, error);
  if (draft == NULL)
    return NULL;
  table = shtat_norm_library_get_table (library, shtat_schedule_get_table (draft));
  session = shtat_draft_session_new (store, library, draft);
  for (guint i = 0; i < shtat_schedule_get_n_lines (shtat_draft_session_get_schedule (session)); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (shtat_draft_session_get_schedule (session), i);
      const ShtatNormRow *row = shtat_norm_table_find_row (table, line->position);

      if (line->units > 0 && line->salary == 0
          && !shtat_draft_session_set_salary (session, i, 200000 * 100, error))
        return NULL;
      if (row != NULL && row->kind == SHTAT_RULE_TYPICAL && (line->reference == NULL || *line->reference == '\0')
          && !shtat_draft_session_set_reference (session, i, "Typical norms for cleaning", error))
        return NULL;
    }
  if (!shtat_draft_session_submit (session, error))
    return NULL;
  return g_strdup (code);
}

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
    { "dialog", 0, 0, G_OPTION_ARG_STRING, &dialog, "open a dialog", "profile|pay-grid|approval|centre" },
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

  if (g_strcmp0 (dialog, "approval") == 0)
    {
      ShtatSchedulePage *page = SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (window));
      g_autofree char *code = NULL;

      if (store == NULL)
        {
          g_printerr ("--dialog approval needs --db\n");
          return 2;
        }
      code = ensure_submitted (store, library, &error);
      if (code == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      shtat_window_show_section (window, "schedule");
      shtat_schedule_page_show (page, code, 0);
      shtat_test_wait_mapped (GTK_WIDGET (window));
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
  else if (g_strcmp0 (dialog, "approval") == 0)
    {
      shtat_schedule_page_open_approval (SHTAT_SCHEDULE_PAGE (shtat_window_get_schedule_page (window)));
      shtat_test_iterate ();
      shot = find_toplevel (SHTAT_TYPE_APPROVAL_DIALOG);
    }
  else if (g_strcmp0 (dialog, "centre") == 0)
    {
      /* the New Centre dialog of the Personnel section (its menu's Add Centre…) */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.add-centre", NULL);
      shtat_test_iterate ();
      shot = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  if (shot == NULL)
    {
      g_printerr ("the dialog “%s” did not open%s\n", dialog, store == NULL ? " (try --db)" : "");
      return 1;
    }
  if (shot != GTK_WIDGET (window))
    shtat_test_wait_mapped (shot);
  if (!shtat_test_save_screenshot (shot, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
