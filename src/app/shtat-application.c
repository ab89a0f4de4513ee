/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shtat-application.h"
#include "shtat-window.h"

struct _ShtatApplication
{
  AdwApplication    parent_instance;
  ShtatNormLibrary *library;
  GThread          *library_thread;   /* reading the norm data while GTK starts */
  ShtatStore       *store;
};

G_DEFINE_FINAL_TYPE (ShtatApplication, shtat_application, ADW_TYPE_APPLICATION)

ShtatNormLibrary *
shtat_application_get_library (ShtatApplication *self)
{
  return self->library;
}

static void
show_load_error (ShtatApplication *self,
                 const GError     *error)
{
  GtkWidget *dialog;

  /* Without norm data there is nothing to show: say why, and where. */
  dialog = adw_message_dialog_new (NULL, _("The norm data cannot be loaded"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* SHTAT_FIRST_FRAME_PROBE set: the start-up benchmark (tests/bench) reads the
 * monotonic time, the processor time and the resident memory at the first
 * painted frame and at the first one showing the section's page, and the
 * application quits. */
static void
print_frame (const char *what)
{
  g_autofree char *status = NULL;
  const char *rss;
  struct timespec cpu;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  printf ("%s %" G_GINT64_FORMAT " cpu-us %ld rss-kib %ld\n", what, g_get_monotonic_time (),
          (long) cpu.tv_sec * 1000000L + cpu.tv_nsec / 1000L,
          rss ? strtol (rss + strlen ("VmRSS:"), NULL, 10) : -1L);
  fflush (stdout);
}

static void
probe_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *app;

  if (g_object_get_data (G_OBJECT (clock), "shtat-first-frame") == NULL)
    {
      g_object_set_data (G_OBJECT (clock), "shtat-first-frame", GINT_TO_POINTER (TRUE));
      print_frame ("first-frame");
    }
  if (SHTAT_IS_WINDOW (window) && !shtat_window_has_section_page (SHTAT_WINDOW (window)))
    return;
  g_signal_handlers_disconnect_by_func (clock, probe_frame_cb, window);
  print_frame ("content-frame");
  app = G_APPLICATION (gtk_window_get_application (window));
  if (app != NULL)
    g_application_quit (app);
}

static void
probe_first_frame (GtkWindow *window)
{
  GdkFrameClock *clock;

  if (g_getenv ("SHTAT_FIRST_FRAME_PROBE") == NULL)
    return;
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (probe_frame_cb), window);
}

static void
open_store_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  ShtatStore *store = shtat_store_open (data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ShtatApplication *self = SHTAT_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  GList *windows;

  g_clear_object (&self->store);
  self->store = g_task_propagate_pointer (G_TASK (result), &error);
  /* Norms and positions work without personnel files: a database that
   * cannot be opened is reported in the Personnel section. */
  if (self->store == NULL)
    g_warning ("%s", error->message);
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    if (SHTAT_IS_WINDOW (l->data))
      shtat_window_set_store (l->data, self->store, error ? error->message : NULL);
  g_application_release (G_APPLICATION (self));
}

typedef struct
{
  ShtatNormLibrary *library;
  GError           *error;
} LibraryLoad;

static gpointer
load_library_thread (gpointer data)
{
  LibraryLoad *load = g_new0 (LibraryLoad, 1);

  load->library = shtat_norm_library_load_default (&load->error);
  return load;
}

/* The norm data, from the thread started with the application. */
static ShtatNormLibrary *
join_library (ShtatApplication  *self,
              GError           **error)
{
  LibraryLoad *load;
  ShtatNormLibrary *library;

  if (self->library_thread == NULL)
    return shtat_norm_library_load_default (error);
  load = g_thread_join (g_steal_pointer (&self->library_thread));
  library = load->library;
  if (load->error != NULL)
    g_propagate_error (error, load->error);
  g_free (load);
  return library;
}

static void
shtat_application_activate (GApplication *app)
{
  ShtatApplication *self = SHTAT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      if (self->library == NULL)
        self->library = join_library (self, &error);
      if (self->library == NULL)
        {
          show_load_error (self, error);
          return;
        }
      if (self->store == NULL)
        {
          const char *env = g_getenv ("SHTAT_DB");
          g_autoptr(GTask) task = g_task_new (self, NULL, store_opened_cb, NULL);

          /* the database is opened (and migrated) in a worker thread while the
           * window makes its first frame */
          window = g_object_new (SHTAT_TYPE_WINDOW, "application", self, "library", self->library,
                                 "store-pending", TRUE, NULL);
          g_task_set_task_data (task, env ? g_strdup (env) : shtat_store_default_path (), g_free);
          g_application_hold (app);
          g_task_run_in_thread (task, open_store_thread);
        }
      else
        window = GTK_WINDOW (shtat_window_new (self, self->library, self->store));
      probe_first_frame (window);
    }

  gtk_window_present (window);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Shtat team"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Shtat",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Shtat team"),
                         "developers", developers,
                         "comments", _("Staffing norms and qualification requirements of Family Support Centres"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
shtat_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action_cb },
    { "quit", quit_action_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *norms_accels[] = { "<Alt>1", NULL };
  static const char *positions_accels[] = { "<Alt>2", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *table_accels[] = { "<Control>t", NULL };
  static const char *personnel_accels[] = { "<Alt>3", NULL };
  static const char *promotions_accels[] = { "<Alt>4", NULL };
  static const char *schedule_accels[] = { "<Alt>5", NULL };
  static const char *district_accels[] = { "<Alt>6", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  /* the norm data are read while GTK and libadwaita start */
  SHTAT_APPLICATION (app)->library_thread = g_thread_new ("shtat-norms", load_library_thread, NULL);
  G_APPLICATION_CLASS (shtat_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-norms", norms_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-positions", positions_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.choose-table", table_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-personnel", personnel_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-promotions", promotions_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-schedule", schedule_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-district", district_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-employee", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
}

static void
shtat_application_finalize (GObject *object)
{
  ShtatApplication *self = SHTAT_APPLICATION (object);

  if (self->library_thread != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShtatNormLibrary) unused = join_library (self, &error);
    }
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (shtat_application_parent_class)->finalize (object);
}

static void
shtat_application_class_init (ShtatApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = shtat_application_activate;
  G_APPLICATION_CLASS (klass)->startup = shtat_application_startup;
}

static void
shtat_application_init (ShtatApplication *self)
{
}

ShtatApplication *
shtat_application_new (void)
{
  return g_object_new (SHTAT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/shtat/Shtat",
                       NULL);
}
