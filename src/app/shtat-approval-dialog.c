/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-approval"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-approval-dialog.h"
#include "shtat-widgets.h"

struct _ShtatApprovalDialog
{
  AdwWindow         parent_instance;

  ShtatStore       *store;
  ShtatNormLibrary *library;
  ShtatCentre      *centre;
  ShtatSchedule    *schedule;

  GtkWidget        *akimat;
  GtkWidget        *order_number;
  GtkWidget        *order_date;
  GtkWidget        *signatory;
  GtkWidget        *effective;
  GtkLabel         *error_label;
  AdwPreferencesGroup *summary;
  AdwActionRow     *version_row;
  AdwActionRow     *check_row;
};

G_DEFINE_FINAL_TYPE (ShtatApprovalDialog, shtat_approval_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_APPROVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (ShtatApprovalDialog *self,
            GtkWidget           *field,
            const char          *message)
{
  shtat_form_error_show (self->error_label, message);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
}

static const char *
text_of (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
read_date (ShtatApprovalDialog *self,
           GtkWidget           *entry,
           GDate               *out)
{
  if (!shtat_parse_date (text_of (entry), out) || !g_date_valid (out))
    {
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a date; write it as dd.mm.yyyy"),
                                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)),
                                                  text_of (entry));
      show_error (self, entry, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
shtat_approval_dialog_approve (ShtatApprovalDialog *self)
{
  g_autoptr(ShtatSchedule) approved = NULL;
  g_autoptr(GError) error = NULL;
  ShtatApproval approval = { 0 };

  for (GtkWidget **w = (GtkWidget *[]) { self->akimat, self->order_number, self->order_date, self->signatory,
                                         self->effective, NULL }; *w; w++)
    gtk_widget_remove_css_class (*w, "error");
  shtat_form_error_show (self->error_label, NULL);

  approval.akimat = text_of (self->akimat);
  approval.order_number = text_of (self->order_number);
  approval.signatory = text_of (self->signatory);
  for (GtkWidget **w = (GtkWidget *[]) { self->akimat, self->order_number, self->signatory, NULL }; *w; w++)
    if (is_blank (text_of (*w)))
      {
        g_autofree char *message = g_strdup_printf (_("%s: required"),
                                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (*w)));
        show_error (self, *w, message);
        return FALSE;
      }
  if (!read_date (self, self->order_date, &approval.order_date) || !read_date (self, self->effective, &approval.effective))
    return FALSE;

  /* what is stored is approved, with the version it supersedes, so that
   * nothing in memory changes unless the database does */
  approved = shtat_planning_approve (self->store, self->library, shtat_schedule_get_centre (self->schedule),
                                     shtat_schedule_get_version (self->schedule), &approval, &error);
  if (approved == NULL)
    {
      show_error (self, NULL, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_APPROVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
shtat_approval_dialog_fill (ShtatApprovalDialog *self,
                            const char          *order_number,
                            const char          *order_date,
                            const char          *signatory,
                            const char          *effective)
{
  gtk_editable_set_text (GTK_EDITABLE (self->order_number), order_number);
  gtk_editable_set_text (GTK_EDITABLE (self->order_date), order_date);
  gtk_editable_set_text (GTK_EDITABLE (self->signatory), signatory);
  gtk_editable_set_text (GTK_EDITABLE (self->effective), effective);
}

const char *
shtat_approval_dialog_get_error_text (ShtatApprovalDialog *self)
{
  return shtat_form_error_get_text (self->error_label);
}

static void
approve_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  shtat_approval_dialog_approve (SHTAT_APPROVAL_DIALOG (widget));
}

static void
shtat_approval_dialog_finalize (GObject *object)
{
  ShtatApprovalDialog *self = SHTAT_APPROVAL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->centre, shtat_centre_unref);
  g_clear_pointer (&self->schedule, shtat_schedule_unref);
  G_OBJECT_CLASS (shtat_approval_dialog_parent_class)->finalize (object);
}

static void
shtat_approval_dialog_class_init (ShtatApprovalDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = shtat_approval_dialog_finalize;
  signals[SIGNAL_APPROVED] = g_signal_new ("approved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                           NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-approval-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, check_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, akimat);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, order_number);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, order_date);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, signatory);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, effective);
  gtk_widget_class_bind_template_child (widget_class, ShtatApprovalDialog, error_label);

  gtk_widget_class_install_action (widget_class, "approval.approve", NULL, approve_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shtat_approval_dialog_init (ShtatApprovalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ShtatApprovalDialog *
shtat_approval_dialog_new (GtkWindow        *parent,
                           ShtatStore       *store,
                           ShtatNormLibrary *library,
                           ShtatCentre      *centre,
                           ShtatSchedule    *schedule)
{
  ShtatApprovalDialog *self = g_object_new (SHTAT_TYPE_APPROVAL_DIALOG, "transient-for", parent, NULL);
  g_autoptr(ShtatScheduleCheck) check = NULL;
  const char *table_id = shtat_schedule_get_table (schedule);
  const char *name = shtat_centre_get_display_name (centre);
  g_autofree char *units = shtat_units_format_locale (shtat_schedule_get_total_units (schedule));
  g_autofree char *title = g_strdup_printf (_("Version %u, %s staff units"), shtat_schedule_get_version (schedule), units);
  g_autofree char *today_text = NULL;
  g_autofree char *effective_text = NULL;
  GDate today, next;
  gint64 monthly = 0, annual = 0;

  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  self->centre = shtat_centre_ref (centre);
  self->schedule = shtat_schedule_ref (schedule);

  adw_preferences_group_set_title (self->summary, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->version_row), title);
  if (shtat_schedule_get_fund (schedule, &monthly, &annual, NULL))
    {
      g_autofree char *m = shtat_money_format (monthly);
      g_autofree char *a = shtat_money_format (annual);
      g_autofree char *subtitle = g_strdup_printf (_("Wage fund %s a month, %s a year"), m, a);
      adw_action_row_set_subtitle (self->version_row, subtitle);
    }
  check = shtat_schedule_check (schedule, library, shtat_norm_library_get_table_or_centre (library, table_id),
                                NULL, NULL);
  if (check != NULL)
    {
      g_autofree char *minimum = shtat_units_format_locale (check->minimum->total_units);
      g_autofree char *text = g_strdup_printf (_("Minimum %s units · %u errors, %u warnings"), minimum,
                                               check->n_errors, check->n_warnings);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), text);
      adw_action_row_set_subtitle (self->check_row,
                                   check->n_errors > 0 ? _("A schedule with errors against the minimum norms cannot be approved.")
                                                       : _("Meets the minimum norms."));
      gtk_widget_set_visible (GTK_WIDGET (self->check_row), TRUE);
    }

  shtat_date_set_today (&today);
  next = today;
  g_date_set_day (&next, 1);
  g_date_add_months (&next, 1);
  today_text = shtat_format_gdate (&today);
  effective_text = shtat_format_gdate (&next);
  gtk_editable_set_text (GTK_EDITABLE (self->akimat), centre->akimat ? centre->akimat : "");
  gtk_editable_set_text (GTK_EDITABLE (self->order_date), today_text);
  gtk_editable_set_text (GTK_EDITABLE (self->effective), effective_text);
  gtk_widget_grab_focus (self->order_number);
  return self;
}
