/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-schedule-page-private.h"

/* The Schedule section's documents: the version shown exported as PDF or
 * XLSX, and printed. The pages come from the core's document engine; this
 * file only asks where to put them and hands them to the printer. */

static ShtatLang
document_lang (void)
{
  return shtat_lang_current () == SHTAT_LANG_RU ? SHTAT_LANG_RU : SHTAT_LANG_KK;
}

gboolean
shtat_schedule_page_export (ShtatSchedulePage *self,
                            const char        *format,
                            const char        *path,
                            GError           **error)
{
  ShtatLang lang = document_lang ();
  const char *name = shtat_schedule_page_get_centre_name (self, lang);

  if (self->shown == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("There is no schedule to export"));
      return FALSE;
    }
  if (g_str_equal (format, "xlsx"))
    return shtat_schedule_write_xlsx (self->shown, self->library, name, lang, path, error);
  return shtat_schedule_write_pdf (self->shown, self->library, name, lang, path, error);
}

static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     ShtatSchedulePage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL || !shtat_schedule_page_export (self, self->export_format, path, &error))
        {
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("The schedule cannot be saved"),
                                                       error ? error->message : _("Choose a file on this computer."));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
      else
        shtat_schedule_page_toast (self, _("Exported"));
    }
  g_clear_object (&self->chooser);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (self->shown == NULL)
    return;
  g_free (self->export_format);
  self->export_format = g_strdup (format);
  name = g_strdup_printf ("%s-%u.%s", shtat_schedule_get_centre (self->shown), shtat_schedule_get_version (self->shown), format);
  self->chooser = gtk_file_chooser_native_new (_("Export the Staffing Schedule"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Printing: the same pages as the PDF, laid out for the paper the print
 * dialog chooses (A4 landscape unless the user picks otherwise). */
typedef struct
{
  ShtatSchedule         *schedule;
  ShtatNormLibrary      *library;
  char                  *centre_name;
  ShtatLang              lang;
  ShtatScheduleDocument *document;
  GError                *error;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  shtat_schedule_unref (job->schedule);
  g_object_unref (job->library);
  g_free (job->centre_name);
  g_clear_pointer (&job->document, shtat_schedule_document_free);
  g_clear_error (&job->error);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_pointer (&job->document, shtat_schedule_document_free);
  job->document = shtat_schedule_document_new (job->schedule, job->library, job->centre_name, job->lang,
                                               gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context), &job->error);
  if (job->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) shtat_schedule_document_get_n_pages (job->document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (job->document != NULL)
    shtat_schedule_document_render_page (job->document, gtk_print_context_get_cairo_context (context), (guint) page);
}

static GtkPrintOperation *
print_operation_new (ShtatSchedulePage *self,
                     PrintJob         **out_job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autofree char *name = NULL;

  job->schedule = shtat_schedule_ref (self->shown);
  job->library = g_object_ref (self->library);
  job->lang = document_lang ();
  job->centre_name = g_strdup (shtat_schedule_page_get_centre_name (self, job->lang));
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  name = g_strdup_printf ("%s-%u", shtat_schedule_get_centre (self->shown), shtat_schedule_get_version (self->shown));
  gtk_print_operation_set_job_name (operation, name);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "shtat-job", job, (GDestroyNotify) print_job_free);
  *out_job = job;
  return operation;
}

/* The print path without the dialog: the pages the printer would get, as a
 * PDF at @path. */
gboolean
shtat_schedule_page_print_to_file (ShtatSchedulePage *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  PrintJob *job;
  GtkPrintOperationResult result;

  if (self->shown == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("There is no schedule to print"));
      return FALSE;
    }
  operation = print_operation_new (self, &job);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               ShtatSchedulePage       *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "shtat-job");
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (error == NULL && job->error != NULL)
    error = g_error_copy (job->error);
  if (error != NULL)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   _("The Schedule Cannot Be Printed"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  g_object_unref (operation);
}

void
shtat_schedule_page_print (ShtatSchedulePage *self)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  g_autoptr(GError) error = NULL;

  if (self->shown == NULL)
    return;
  operation = print_operation_new (self, &job);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error)
      != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    print_done_cb (operation, error ? GTK_PRINT_OPERATION_RESULT_ERROR : GTK_PRINT_OPERATION_RESULT_CANCEL, self);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  shtat_schedule_page_print (SHTAT_SCHEDULE_PAGE (widget));
}

void
shtat_schedule_print_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "schedule.export", "s", export_cb);
  gtk_widget_class_install_action (widget_class, "schedule.print", NULL, print_cb);
}
