/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shtat-approval-dialog.h"
#include "shtat-profile-dialog.h"
#include "shtat-schedule-page-private.h"

/* What the Schedule section's buttons, menus and entries do. The page only
 * drives: every edit, undo, submission and withdrawal is the draft session's
 * (core), which saves and decides; the page shows what it says. */

/* Shows a failure of an edit; the session has already put the version back. */
static gboolean
shown_failure (ShtatSchedulePage *self,
               gboolean           ok,
               GError            *error)
{
  if (!ok)
    shtat_schedule_page_toast (self, error != NULL ? error->message : _("The change cannot be made"));
  return ok;
}

static gboolean
require_draft (ShtatSchedulePage *self,
               GError           **error)
{
  if (self->session != NULL)
    return TRUE;
  g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
                       _("Only a draft can be changed: make a new draft from this version"));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                  */

gboolean
shtat_schedule_page_set_line_units (ShtatSchedulePage *self,
                                    guint              index,
                                    int                units)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  if (!shtat_schedule_page_is_draft (self) || self->updating)
    return FALSE;
  return shown_failure (self, shtat_draft_session_set_units (self->session, index, units, &error), error);
}

void
shtat_schedule_units_changed_cb (GtkSpinButton     *spin,
                                 ShtatSchedulePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "line"));
  int units = (int) lround (gtk_spin_button_get_value (spin) * 100);

  if (self->updating || self->shown == NULL || index >= shtat_schedule_get_n_lines (self->shown)
      || shtat_schedule_get_line (self->shown, index)->units == units)
    return;
  shtat_schedule_page_set_line_units (self, index, units);
}

void
shtat_schedule_entry_apply_cb (AdwEntryRow       *entry,
                               ShtatSchedulePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "line"));
  ShtatScheduleField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gint64 tiyn = 0;
  gboolean ok;

  if (!shtat_schedule_page_is_draft (self) || self->updating)
    return;
  switch (field)
    {
    case SHTAT_SCHEDULE_FIELD_SALARY:
    case SHTAT_SCHEDULE_FIELD_ALLOWANCES:
      if (*text == '\0')
        tiyn = 0;
      else if (!shtat_money_parse (text, &tiyn))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an amount of tenge, such as 150 000 or 150 000,50"),
                                                      text);
          shtat_schedule_page_toast (self, message);
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      if (field == SHTAT_SCHEDULE_FIELD_SALARY)
        ok = shtat_draft_session_set_salary (self->session, index, tiyn, &error);
      else
        ok = shtat_draft_session_set_allowances (self->session, index, tiyn, &error);
      break;
    case SHTAT_SCHEDULE_FIELD_GRADE:
      ok = shtat_draft_session_set_grade (self->session, index, text, &error);
      break;
    case SHTAT_SCHEDULE_FIELD_UNIT:
      ok = shtat_draft_session_set_unit (self->session, index, text, &error);
      break;
    case SHTAT_SCHEDULE_FIELD_JUSTIFICATION:
      ok = shtat_draft_session_set_justification (self->session, index, text, &error);
      break;
    case SHTAT_SCHEDULE_FIELD_REFERENCE:
      ok = shtat_draft_session_set_reference (self->session, index, text, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  shown_failure (self, ok, error);
}

static void
remove_line_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (shown_failure (self, shtat_draft_session_remove_line (self->session, g_variant_get_uint32 (parameter), &error),
                     error))
    shtat_schedule_page_toast (self, _("Line removed. Press Ctrl+Z to bring it back."));
}

static double
driver_value (const ShtatDrivers *drivers,
              ShtatDriver         driver)
{
  return drivers->set[driver] ? drivers->values[driver] : 0;
}

/* Drivers of the norm table: the average appeals per working day and vehicles. */
static void
drivers_changed_cb (GtkSpinButton     *spin,
                    ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;
  ShtatDrivers drivers;

  if (self->updating || !shtat_schedule_page_is_draft (self))
    return;
  drivers = *shtat_schedule_get_drivers (self->shown);
  if (fabs (driver_value (&drivers, SHTAT_DRIVER_APPEALS) - gtk_spin_button_get_value (self->appeals_spin)) < 1e-7
      && fabs (driver_value (&drivers, SHTAT_DRIVER_VEHICLES) - gtk_spin_button_get_value (self->vehicles_spin)) < 1e-7)
    return;
  shtat_drivers_set (&drivers, SHTAT_DRIVER_APPEALS, gtk_spin_button_get_value (self->appeals_spin));
  shtat_drivers_set (&drivers, SHTAT_DRIVER_VEHICLES, gtk_spin_button_get_value (self->vehicles_spin));
  shown_failure (self, shtat_draft_session_set_drivers (self->session, &drivers, &error), error);
}

gboolean
shtat_schedule_page_set_drivers (ShtatSchedulePage *self,
                                 double             appeals,
                                 double             vehicles)
{
  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  gtk_spin_button_set_value (self->appeals_spin, appeals);
  gtk_spin_button_set_value (self->vehicles_spin, vehicles);
  drivers_changed_cb (self->appeals_spin, self);
  return shtat_schedule_page_is_draft (self)
         && fabs (driver_value (shtat_schedule_get_drivers (self->shown), SHTAT_DRIVER_APPEALS) - appeals) < 1e-6;
}

/* The draft's drivers and appeals period from the centre profile: an edit
 * like any other, undone with Ctrl+Z. A failure is shown and handed on. */
gboolean
shtat_schedule_page_drivers_from_profile (ShtatSchedulePage *self,
                                          GError           **error)
{
  g_autofree char *explanation = NULL;
  GError *local = NULL;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  if (!require_draft (self, error))
    return FALSE;
  if (!shtat_draft_session_take_from_profile (self->session, &explanation, &local))
    {
      shown_failure (self, FALSE, local);
      g_propagate_error (error, local);
      return FALSE;
    }
  shtat_schedule_page_toast (self, explanation);
  return TRUE;
}

static void
take_from_profile_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  /* what went wrong is already shown */
  shtat_schedule_page_drivers_from_profile (SHTAT_SCHEDULE_PAGE (widget), &error);
}

static void
profile_saved_cb (ShtatProfileDialog *dialog,
                  ShtatSchedulePage  *self)
{
  shtat_schedule_page_toast (self, _("Centre profile saved"));
}

ShtatProfileDialog *
shtat_schedule_page_open_profile (ShtatSchedulePage *self)
{
  ShtatCentre *centre;
  ShtatProfileDialog *dialog;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), NULL);

  shtat_schedule_page_ensure_loaded (self);
  if ((centre = shtat_schedule_page_get_centre (self)) == NULL)
    return NULL;
  dialog = shtat_profile_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, self->library,
                                     centre);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (profile_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
open_profile_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shtat_schedule_page_open_profile (SHTAT_SCHEDULE_PAGE (widget));
}

/* Every line of a position the pay grid places gets the grid's salary and
 * grade for today: one change, undone with Ctrl+Z. A failure is shown and
 * handed on. */
gboolean
shtat_schedule_page_salaries_from_grid (ShtatSchedulePage *self,
                                        guint             *n_set,
                                        GError           **error)
{
  GError *local = NULL;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  if (!require_draft (self, error))
    return FALSE;
  if (!shtat_draft_session_salaries_from_grid (self->session, n_set, &local))
    {
      shown_failure (self, FALSE, local);
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

static void
salaries_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* what went wrong is already shown */
  if (shtat_schedule_page_salaries_from_grid (self, &n, &error))
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The salary of %u line is set from the pay grid",
                                                            "The salaries of %u lines are set from the pay grid", n), n);
      shtat_schedule_page_toast (self, text);
    }
}

gboolean
shtat_schedule_page_add_line (ShtatSchedulePage *self,
                              const char        *position,
                              GError           **error)
{
  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  return require_draft (self, error) && shtat_draft_session_add_line (self->session, position, error);
}

static void
add_line_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      ShtatSchedulePage *self)
{
  GtkDropDown *positions = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  const ShtatNormTable *table = shtat_schedule_page_get_table (self);
  g_autoptr(GError) error = NULL;
  guint i;

  if (g_strcmp0 (response, "add") != 0 || table == NULL)
    return;
  i = gtk_drop_down_get_selected (positions);
  for (guint k = 0; k < table->sections->len; k++)
    {
      ShtatSection *section = g_ptr_array_index (table->sections, k);

      if (i < section->rows->len)
        {
          if (!shtat_schedule_page_add_line (self, ((ShtatNormRow *) g_ptr_array_index (section->rows, i))->position,
                                             &error))
            shtat_schedule_page_toast (self, error->message);
          return;
        }
      i -= section->rows->len;
    }
}

static void
add_line_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  const ShtatNormTable *table = shtat_schedule_page_get_table (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *positions;

  if (!shtat_schedule_page_is_draft (self) || table == NULL)
    return;
  for (guint k = 0; k < table->sections->len; k++)
    {
      ShtatSection *section = g_ptr_array_index (table->sections, k);

      for (guint i = 0; i < section->rows->len; i++)
        {
          ShtatNormRow *row = g_ptr_array_index (section->rows, i);
          g_autofree char *name = shtat_schedule_dup_position_label (self->library, table->id, row->position);
          gtk_string_list_append (names, name);
        }
    }
  positions = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (positions), TRUE);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Add a Line"),
                                   _("A line of one staff unit for the position; change its units and salary after."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), positions);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_line_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Undo and redo                                                            */

gboolean
shtat_schedule_page_undo (ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  /* nothing to undo, or not a draft: Ctrl+Z does nothing */
  if (self->session == NULL || !shtat_draft_session_get_can_undo (self->session))
    return FALSE;
  if (!shtat_draft_session_undo (self->session, &error))
    {
      /* the change stays undoable: the reason is shown */
      shtat_schedule_page_toast (self, error->message);
      return FALSE;
    }
  shtat_schedule_page_toast (self, _("The last change to the schedule was undone"));
  return TRUE;
}

gboolean
shtat_schedule_page_redo (ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  if (self->session == NULL || !shtat_draft_session_get_can_redo (self->session))
    return FALSE;
  return shown_failure (self, shtat_draft_session_redo (self->session, &error), error);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  shtat_schedule_page_undo (SHTAT_SCHEDULE_PAGE (widget));
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  shtat_schedule_page_redo (SHTAT_SCHEDULE_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* New versions and the workflow                                            */

gboolean
shtat_schedule_page_new_draft (ShtatSchedulePage *self,
                               gboolean           from_approved,
                               GError           **error)
{
  g_autoptr(ShtatSchedule) draft = NULL;
  ShtatCentre *centre;

  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  shtat_schedule_page_ensure_loaded (self);
  if ((centre = shtat_schedule_page_get_centre (self)) == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("Add a centre first"));
      return FALSE;
    }
  draft = shtat_planning_new_draft (self->store, self->library, centre->code, NULL,
                                    from_approved ? SHTAT_DRAFT_FROM_APPROVED : SHTAT_DRAFT_FROM_NORMS, NULL, TRUE,
                                    error);
  if (draft == NULL)
    return FALSE;
  shtat_schedule_page_load_versions (self, shtat_schedule_get_version (draft));
  return TRUE;
}

static void
new_draft_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  /* the reason names what failed: the pay grid, the profile… */
  if (!shtat_schedule_page_new_draft (self, g_variant_get_boolean (parameter), &error))
    shtat_schedule_page_toast (self, error->message);
  else
    shtat_schedule_page_toast (self, _("A new draft is saved. Set the drivers and the lines, then submit it."));
}

/* Submission as the core decides it: refused with its reason (a line without
 * a salary…), the version then staying the draft it was. */
gboolean
shtat_schedule_page_submit (ShtatSchedulePage *self,
                            GError           **error)
{
  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  if (self->session == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS, _("Only a draft can be submitted"));
      return FALSE;
    }
  return shtat_draft_session_submit (self->session, error);
}

static void
submit_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!shtat_schedule_page_submit (self, &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   _("The Schedule Cannot Be Submitted"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    shtat_schedule_page_toast (self, _("Submitted to the akimat for approval"));
}

static void
withdraw_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  shown_failure (self, shtat_draft_session_withdraw (self->session, &error), error);
}

static void
approved_cb (ShtatApprovalDialog *dialog,
             ShtatSchedulePage   *self)
{
  shtat_schedule_page_load_versions (self, self->shown ? shtat_schedule_get_version (self->shown) : 0);
  shtat_schedule_page_toast (self, _("The schedule is approved"));
}

void
shtat_schedule_page_open_approval (ShtatSchedulePage *self)
{
  ShtatCentre *centre = shtat_schedule_page_get_centre (self);
  ShtatApprovalDialog *dialog;

  g_return_if_fail (SHTAT_IS_SCHEDULE_PAGE (self));

  if (self->shown == NULL || shtat_schedule_get_status (self->shown) != SHTAT_SCHEDULE_SUBMITTED || centre == NULL)
    return;
  dialog = shtat_approval_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                      self->library, centre, self->shown);
  g_signal_connect_object (dialog, "approved", G_CALLBACK (approved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  shtat_schedule_page_open_approval (SHTAT_SCHEDULE_PAGE (widget));
}

static void
open_employee_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  shtat_schedule_page_emit_open_employee (SHTAT_SCHEDULE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------------ */

/* Which actions the version shown allows. */
void
shtat_schedule_actions_update (ShtatSchedulePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  ShtatScheduleStatus status = self->shown ? shtat_schedule_get_status (self->shown) : SHTAT_SCHEDULE_DRAFT;
  gboolean draft = shtat_schedule_page_is_draft (self);
  gboolean submitted = self->shown != NULL && status == SHTAT_SCHEDULE_SUBMITTED;

  gtk_widget_action_set_enabled (widget, "schedule.submit", draft);
  gtk_widget_action_set_enabled (widget, "schedule.withdraw", submitted);
  gtk_widget_action_set_enabled (widget, "schedule.approve", submitted);
  gtk_widget_action_set_enabled (widget, "schedule.add-line", draft);
  gtk_widget_action_set_enabled (widget, "schedule.remove-line", draft);
  gtk_widget_action_set_enabled (widget, "schedule.salaries-from-grid", draft);
  gtk_widget_action_set_enabled (widget, "schedule.take-from-profile", draft);
  gtk_widget_action_set_enabled (widget, "schedule.undo",
                                 self->session != NULL && shtat_draft_session_get_can_undo (self->session));
  gtk_widget_action_set_enabled (widget, "schedule.redo",
                                 self->session != NULL && shtat_draft_session_get_can_redo (self->session));
  gtk_widget_action_set_enabled (widget, "schedule.print", self->shown != NULL);
}

void
shtat_schedule_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "schedule.new-draft", "b", new_draft_cb);
  gtk_widget_class_install_action (widget_class, "schedule.submit", NULL, submit_cb);
  gtk_widget_class_install_action (widget_class, "schedule.withdraw", NULL, withdraw_cb);
  gtk_widget_class_install_action (widget_class, "schedule.approve", NULL, approve_cb);
  gtk_widget_class_install_action (widget_class, "schedule.add-line", NULL, add_line_cb);
  gtk_widget_class_install_action (widget_class, "schedule.remove-line", "u", remove_line_cb);
  gtk_widget_class_install_action (widget_class, "schedule.salaries-from-grid", NULL, salaries_cb);
  gtk_widget_class_install_action (widget_class, "schedule.take-from-profile", NULL, take_from_profile_cb);
  gtk_widget_class_install_action (widget_class, "schedule.open-profile", NULL, open_profile_cb);
  gtk_widget_class_install_action (widget_class, "schedule.open-employee", "s", open_employee_cb);
  gtk_widget_class_install_action (widget_class, "schedule.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "schedule.redo", NULL, redo_cb);
  gtk_widget_class_bind_template_callback (widget_class, drivers_changed_cb);
}
