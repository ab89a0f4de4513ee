/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shtat-approval-dialog.h"
#include "shtat-profile-dialog.h"
#include "shtat-remark-view.h"
#include "shtat-schedule-page.h"
#include "shtat-widgets.h"

/* The Schedule section: a centre's staffing schedule, version by version, with
 * each line against its minimum, the people who fill it, the totals and wage
 * fund, and the documents. A draft is edited in place: every change is saved at
 * once, in one transaction, and can be undone (Ctrl+Z) and redone
 * (Ctrl+Shift+Z) while the page shows that version. What is shown comes from
 * the core; the page computes nothing itself. */

#define MAX_UNDO 200

typedef struct
{
  AdwExpanderRow *row;
  GtkWidget      *badge_box;
  GtkSpinButton  *units;        /* drafts only */
  GtkLabel       *units_label;  /* other versions */
  AdwActionRow   *placement;
  GtkListBox     *holders;
} LineWidgets;

struct _ShtatSchedulePage
{
  AdwBin            parent_instance;

  ShtatStore       *store;
  ShtatNormLibrary *library;
  GPtrArray        *centres;     /* ShtatCentre */
  GPtrArray        *versions;    /* ShtatSchedule of the centre chosen */
  ShtatSchedule    *shown;       /* one of versions; edited in place when a draft */
  ShtatScheduleCheck *check;
  ShtatPlacement   *placement;
  GPtrArray        *staff;       /* ShtatEmployee working at the centre today */
  GArray           *lines;       /* LineWidgets */
  GPtrArray        *undo;        /* GBytes: the XML before each change */
  GPtrArray        *redo;
  gboolean          updating;    /* widgets are being filled from the model */

  AdwToastOverlay  *toasts;
  GtkStack         *stack;
  GtkDropDown      *centre_dropdown;
  GtkDropDown      *version_dropdown;
  GtkWidget        *new_button;
  GtkWidget        *submit_button;
  GtkWidget        *withdraw_button;
  GtkWidget        *approve_button;
  GtkLabel         *status_label;
  GtkLabel         *totals_label;
  GtkLabel         *compliance_label;
  GtkLabel         *placement_label;
  GtkLabel         *problems_label;
  GtkSpinButton    *appeals_spin;
  GtkSpinButton    *vehicles_spin;
  GtkLabel         *drivers_label;
  GtkBox           *lines_box;
  GtkBox           *remarks_box;
  GtkWidget        *changes_group;
  GtkDropDown      *compare_dropdown;
  GtkListBox       *changes;
  GtkWidget        *add_line_button;
  GtkWidget        *from_profile_button;
  GtkFileChooserNative *chooser;
  char             *export_format;
};

G_DEFINE_FINAL_TYPE (ShtatSchedulePage, shtat_schedule_page, ADW_TYPE_BIN)

static void rebuild (ShtatSchedulePage *self);
static void update (ShtatSchedulePage *self);
static void select_centre (ShtatSchedulePage *self, const char *code, guint version);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
toast (ShtatSchedulePage *self,
       const char        *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* "150 000,00" without the currency sign, as the entries take it back. */
static char *
money_entry_text (gint64 tiyn)
{
  char *text = shtat_money_format (tiyn);
  char *sign = strstr (text, "\u00a0₸");

  if (sign != NULL)
    *sign = '\0';
  return text;
}

static gboolean
is_draft (ShtatSchedulePage *self)
{
  return self->shown != NULL && shtat_schedule_get_status (self->shown) == SHTAT_SCHEDULE_DRAFT;
}

static const ShtatNormTable *
schedule_table (ShtatSchedulePage *self)
{
  const char *id = self->shown ? shtat_schedule_get_table (self->shown) : NULL;

  return shtat_norm_library_get_table (self->library, id ? id : "fsc");
}

static ShtatCentre *
current_centre (ShtatSchedulePage *self)
{
  guint i = gtk_drop_down_get_selected (self->centre_dropdown);

  if (self->centres == NULL || i >= self->centres->len)
    return NULL;
  return g_ptr_array_index (self->centres, i);
}

static const ShtatComplianceRow *
row_for (const ShtatScheduleCheck *check,
         const char               *position)
{
  for (guint i = 0; check != NULL && i < check->rows->len; i++)
    {
      const ShtatComplianceRow *row = g_ptr_array_index (check->rows, i);
      if (g_strcmp0 (row->position, position) == 0)
        return row;
    }
  return NULL;
}

static double
driver_value (const ShtatDrivers *drivers,
              ShtatDriver         driver)
{
  return drivers->set[driver] ? drivers->values[driver] : 0;
}

static void
clear_stack (GPtrArray *stack)
{
  g_ptr_array_set_size (stack, 0);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                  */

/* Saves the draft after a change: on success the state before it goes on the
 * undo stack; on failure the change is taken back and the reason shown. */
static gboolean
commit_change (ShtatSchedulePage *self,
               GBytes            *before,
               gboolean           ok,
               GError            *error,
               gboolean           structural)
{
  g_autoptr(GError) save_error = NULL;

  if (ok && !shtat_store_save_schedule (self->store, self->shown, &save_error))
    {
      ok = FALSE;
      error = save_error;
    }
  if (!ok)
    {
      g_autoptr(ShtatSchedule) back = shtat_schedule_from_xml (before, NULL);

      toast (self, error != NULL ? error->message : _("The change cannot be made"));
      if (back != NULL)
        {
          for (guint i = 0; i < self->versions->len; i++)
            if (g_ptr_array_index (self->versions, i) == self->shown)
              {
                g_ptr_array_index (self->versions, i) = shtat_schedule_ref (back);
                shtat_schedule_unref (self->shown);
                self->shown = shtat_schedule_ref (back);
              }
        }
      rebuild (self);
      return FALSE;
    }
  g_ptr_array_add (self->undo, g_bytes_ref (before));
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  clear_stack (self->redo);
  if (structural)
    rebuild (self);
  else
    update (self);
  return TRUE;
}

typedef gboolean (*LineEdit) (ShtatSchedule *s, guint index, gconstpointer value, GError **error);

static gboolean
edit_units (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_units (s, index, *(const int *) value, error);
}

static gboolean
edit_salary (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_salary (s, index, *(const gint64 *) value, error);
}

static gboolean
edit_allowances (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_allowances (s, index, *(const gint64 *) value, error);
}

static gboolean
edit_grade (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_grade (s, index, value, error);
}

static gboolean
edit_unit (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_unit (s, index, value, error);
}

static gboolean
edit_justification (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_justification (s, index, value, error);
}

static gboolean
edit_reference (ShtatSchedule *s, guint index, gconstpointer value, GError **error)
{
  return shtat_schedule_set_line_reference (s, index, value, error);
}

static gboolean
edit_line (ShtatSchedulePage *self,
           guint              index,
           LineEdit           edit,
           gconstpointer      value,
           gboolean           structural)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!is_draft (self) || self->updating || index >= shtat_schedule_get_n_lines (self->shown))
    return FALSE;
  before = shtat_schedule_to_xml (self->shown);
  ok = edit (self->shown, index, value, &error);
  return commit_change (self, before, ok, error, structural);
}

gboolean
shtat_schedule_page_set_line_units (ShtatSchedulePage *self,
                                    guint              index,
                                    int                units)
{
  return edit_line (self, index, edit_units, &units, FALSE);
}

static void
units_changed_cb (GtkSpinButton     *spin,
                  ShtatSchedulePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "line"));
  int units = (int) lround (gtk_spin_button_get_value (spin) * 100);

  if (self->updating || index >= shtat_schedule_get_n_lines (self->shown)
      || shtat_schedule_get_line (self->shown, index)->units == units)
    return;
  edit_line (self, index, edit_units, &units, FALSE);
}

/* Entries of a line: which field each one edits. */
typedef enum
{
  FIELD_SALARY,
  FIELD_ALLOWANCES,
  FIELD_GRADE,
  FIELD_UNIT,
  FIELD_JUSTIFICATION,
  FIELD_REFERENCE,
} LineField;

static void
entry_apply_cb (AdwEntryRow       *entry,
                ShtatSchedulePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "line"));
  LineField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 tiyn = 0;

  switch (field)
    {
    case FIELD_SALARY:
    case FIELD_ALLOWANCES:
      if (*text == '\0')
        tiyn = 0;
      else if (!shtat_money_parse (text, &tiyn))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an amount of tenge, such as 150 000 or 150 000,50"),
                                                      text);
          toast (self, message);
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      edit_line (self, index, field == FIELD_SALARY ? edit_salary : edit_allowances, &tiyn, FALSE);
      break;
    case FIELD_GRADE:
      edit_line (self, index, edit_grade, text, FALSE);
      break;
    case FIELD_UNIT:
      edit_line (self, index, edit_unit, text, TRUE);
      break;
    case FIELD_JUSTIFICATION:
      edit_line (self, index, edit_justification, text, FALSE);
      break;
    case FIELD_REFERENCE:
      edit_line (self, index, edit_reference, text, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
remove_line_cb (GtkButton         *button,
                ShtatSchedulePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "line"));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!is_draft (self))
    return;
  before = shtat_schedule_to_xml (self->shown);
  ok = shtat_schedule_remove_line (self->shown, index, &error);
  if (commit_change (self, before, ok, error, TRUE))
    toast (self, _("Line removed. Press Ctrl+Z to bring it back."));
}

/* Drivers of the norm table: the average appeals per working day and vehicles. */
static void
drivers_changed_cb (GtkSpinButton     *spin,
                    ShtatSchedulePage *self)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  ShtatDrivers drivers;
  gboolean ok;

  if (self->updating || !is_draft (self))
    return;
  drivers = *shtat_schedule_get_drivers (self->shown);
  if (fabs (driver_value (&drivers, SHTAT_DRIVER_APPEALS) - gtk_spin_button_get_value (self->appeals_spin)) < 1e-7
      && fabs (driver_value (&drivers, SHTAT_DRIVER_VEHICLES) - gtk_spin_button_get_value (self->vehicles_spin)) < 1e-7)
    return;
  shtat_drivers_set (&drivers, SHTAT_DRIVER_APPEALS, gtk_spin_button_get_value (self->appeals_spin));
  shtat_drivers_set (&drivers, SHTAT_DRIVER_VEHICLES, gtk_spin_button_get_value (self->vehicles_spin));
  before = shtat_schedule_to_xml (self->shown);
  ok = shtat_schedule_set_drivers (self->shown, &drivers, &error);
  commit_change (self, before, ok, error, FALSE);
}

/* The draft's drivers and appeals period from the centre profile: an edit
 * like any other, undone with Ctrl+Z. */
gboolean
shtat_schedule_page_drivers_from_profile (ShtatSchedulePage *self,
                                          GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *explanation = NULL;
  GError *local = NULL;
  gboolean ok;

  if (!is_draft (self))
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
                           _("Only a draft can be changed: make a new draft from this version"));
      return FALSE;
    }
  before = shtat_schedule_to_xml (self->shown);
  ok = shtat_planning_apply_profile (self->store, self->library, self->shown, &explanation, &local);
  /* a failure is shown by commit_change() and handed on */
  if (!commit_change (self, before, ok, local, FALSE))
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("The change cannot be made"));
      return FALSE;
    }
  toast (self, explanation);
  return TRUE;
}

static void
from_profile_cb (GtkButton         *button,
                 ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  /* what went wrong is already shown */
  shtat_schedule_page_drivers_from_profile (self, &error);
}

static void
profile_saved_cb (ShtatProfileDialog *dialog,
                  ShtatSchedulePage  *self)
{
  toast (self, _("Centre profile saved"));
}

ShtatProfileDialog *
shtat_schedule_page_open_profile (ShtatSchedulePage *self)
{
  ShtatCentre *centre = current_centre (self);
  ShtatProfileDialog *dialog;

  if (centre == NULL)
    return NULL;
  dialog = shtat_profile_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, self->library,
                                     centre);
  g_signal_connect (dialog, "saved", G_CALLBACK (profile_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
open_profile_cb (GtkButton         *button,
                 ShtatSchedulePage *self)
{
  shtat_schedule_page_open_profile (self);
}

gboolean
shtat_schedule_page_set_drivers (ShtatSchedulePage *self,
                                 double             appeals,
                                 double             vehicles)
{
  gtk_spin_button_set_value (self->appeals_spin, appeals);
  gtk_spin_button_set_value (self->vehicles_spin, vehicles);
  drivers_changed_cb (self->appeals_spin, self);
  return is_draft (self)
         && fabs (driver_value (shtat_schedule_get_drivers (self->shown), SHTAT_DRIVER_APPEALS) - appeals) < 1e-6;
}

static gboolean
restore (ShtatSchedulePage *self,
         GPtrArray         *from,
         GPtrArray         *to)
{
  g_autoptr(GBytes) state = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(ShtatSchedule) back = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_draft (self) || from->len == 0)
    return FALSE;
  state = g_ptr_array_steal_index (from, from->len - 1);
  back = shtat_schedule_from_xml (state, &error);
  if (back == NULL || !shtat_store_save_schedule (self->store, back, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  now = shtat_schedule_to_xml (self->shown);
  g_ptr_array_add (to, g_steal_pointer (&now));
  for (guint i = 0; i < self->versions->len; i++)
    if (g_ptr_array_index (self->versions, i) == self->shown)
      {
        shtat_schedule_unref (self->shown);
        g_ptr_array_index (self->versions, i) = shtat_schedule_ref (back);
        self->shown = shtat_schedule_ref (back);
      }
  rebuild (self);
  return TRUE;
}

gboolean
shtat_schedule_page_undo (ShtatSchedulePage *self)
{
  if (!restore (self, self->undo, self->redo))
    return FALSE;
  toast (self, _("The last change to the schedule was undone"));
  return TRUE;
}

gboolean
shtat_schedule_page_redo (ShtatSchedulePage *self)
{
  return restore (self, self->redo, self->undo);
}

/* ------------------------------------------------------------------------ */
/* Showing                                                                  */

static GtkWidget *
entry_row (ShtatSchedulePage *self,
           AdwExpanderRow    *parent,
           guint              index,
           LineField          field,
           const char        *title,
           const char        *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_editable_set_editable (GTK_EDITABLE (entry), is_draft (self));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data (G_OBJECT (entry), "line", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (field));
  g_signal_connect (entry, "apply", G_CALLBACK (entry_apply_cb), self);
  adw_expander_row_add_row (parent, entry);
  return entry;
}

static GtkWidget *
holder_row (const ShtatPlacementHolder *holder)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = shtat_employee_dup_full_name (holder->employee);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *rate = shtat_units_format_locale (holder->rate);
  g_autofree char *subtitle = g_strdup_printf (_("Rate %s · IIN %s"), rate, holder->employee->iin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (holder->verdict != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               shtat_badge_new (shtat_verdict_kind_get_label (holder->verdict->kind),
                                      shtat_verdict_style (holder->verdict->kind)));
  /* the person's file opens from here */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "iin", g_strdup (holder->employee->iin), g_free);
  return row;
}

enum { SIGNAL_OPEN_EMPLOYEE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
holder_activated_cb (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     ShtatSchedulePage *self)
{
  const char *iin = g_object_get_data (G_OBJECT (row), "iin");

  if (iin != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_EMPLOYEE], 0, iin);
}

/* The parts of a line that change with any edit: subtitle, badges, placement. */
static void
update_line (ShtatSchedulePage *self,
             guint              index)
{
  LineWidgets *w = &g_array_index (self->lines, LineWidgets, index);
  const ShtatScheduleLine *line = shtat_schedule_get_line (self->shown, index);
  const ShtatComplianceRow *row = row_for (self->check, line->position);
  ShtatPlacementLine *placed = self->placement ? g_ptr_array_index (self->placement->lines, index) : NULL;
  g_autofree char *salary = shtat_money_format (line->salary);
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  subtitle = row != NULL && row->message != NULL ? g_markup_printf_escaped ("%s · %s", salary, row->message)
                                                 : g_markup_escape_text (salary, -1);
  adw_expander_row_set_subtitle (w->row, subtitle);

  while ((child = gtk_widget_get_first_child (w->badge_box)) != NULL)
    gtk_box_remove (GTK_BOX (w->badge_box), child);
  if (row != NULL && row->severity == SHTAT_SEVERITY_ERROR)
    gtk_box_append (GTK_BOX (w->badge_box), shtat_badge_new (_("Below the minimum"), "error"));
  else if (row != NULL && row->severity == SHTAT_SEVERITY_WARNING)
    gtk_box_append (GTK_BOX (w->badge_box), shtat_badge_new (shtat_remark_kind_get_label (SHTAT_REMARK_WARNING), "warning"));
  if (placed != NULL && placed->vacant > 0)
    {
      g_autofree char *v = shtat_units_format_locale (placed->vacant);
      g_autofree char *text = g_strdup_printf (_("%s vacant"), v);
      gtk_box_append (GTK_BOX (w->badge_box), shtat_badge_new (text, "note"));
    }
  else if (placed != NULL && placed->over > 0)
    {
      g_autofree char *v = shtat_units_format_locale (placed->over);
      g_autofree char *text = g_strdup_printf (_("%s over"), v);
      gtk_box_append (GTK_BOX (w->badge_box), shtat_badge_new (text, "warning"));
    }

  if (w->units_label != NULL)
    {
      g_autofree char *u = shtat_units_format_locale (line->units);
      gtk_label_set_text (w->units_label, u);
    }

  if (placed != NULL)
    {
      g_autofree char *filled = shtat_units_format_locale (placed->filled);
      g_autofree char *planned = shtat_units_format_locale (placed->planned);
      g_autofree char *text = g_strdup_printf (_("Filled %s of %s units"), filled, planned);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->placement), text);
      clear_list (w->holders);
      for (guint h = 0; h < placed->holders->len; h++)
        gtk_list_box_append (w->holders, holder_row (g_ptr_array_index (placed->holders, h)));
      gtk_widget_set_visible (GTK_WIDGET (w->holders), placed->holders->len > 0);
    }
}

static void
recompute (ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;
  const ShtatNormTable *table;

  g_clear_pointer (&self->check, shtat_schedule_check_free);
  g_clear_pointer (&self->placement, shtat_placement_free);
  if (self->shown == NULL)
    return;
  table = schedule_table (self);
  if (table != NULL)
    self->check = shtat_schedule_check (self->shown, self->library, table, NULL, &error);
  if (self->check == NULL)
    gtk_label_set_text (self->compliance_label, error ? error->message : _("The norm table of this schedule is unknown"));
  if (self->staff != NULL)
    self->placement = shtat_placement_compute (self->shown, self->staff, self->library, NULL);
}

static void
update_remarks (ShtatSchedulePage *self)
{
  GtkWidget *list;

  clear_box (self->remarks_box);
  if (self->check == NULL
      || (self->check->n_errors == 0 && self->check->n_warnings == 0 && self->check->remarks->len == 0))
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < self->check->rows->len; i++)
    {
      const ShtatComplianceRow *row = g_ptr_array_index (self->check->rows, i);

      if (row->severity == SHTAT_SEVERITY_OK && row->status != SHTAT_COMPLIANCE_MISSING)
        continue;
      for (guint k = 0; k < row->remarks->len; k++)
        gtk_list_box_append (GTK_LIST_BOX (list), shtat_remark_view_new (g_ptr_array_index (row->remarks, k)));
    }
  for (guint k = 0; k < self->check->remarks->len; k++)
    gtk_list_box_append (GTK_LIST_BOX (list), shtat_remark_view_new (g_ptr_array_index (self->check->remarks, k)));
  gtk_box_append (self->remarks_box, list);
}

/* What changed from the version chosen for comparison to the one shown. */
static void
update_changes (ShtatSchedulePage *self)
{
  guint chosen = gtk_drop_down_get_selected (self->compare_dropdown);
  g_autoptr(GPtrArray) lines = NULL;
  ShtatSchedule *other = NULL;
  GtkWidget *child;
  guint k = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes))) != NULL)
    gtk_list_box_remove (self->changes, child);
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      ShtatSchedule *v = g_ptr_array_index (self->versions, i);

      if (v == self->shown)
        continue;
      if (k++ == chosen)
        other = v;
    }
  gtk_widget_set_visible (self->changes_group, other != NULL);
  if (other == NULL)
    return;
  lines = shtat_schedule_diff (other, self->shown, self->library);
  if (lines->len == 0)
    g_ptr_array_add (lines, g_strdup (_("No differences")));
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = g_markup_escape_text (g_ptr_array_index (lines, i), -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (self->changes, row);
    }
}

static void
compare_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     ShtatSchedulePage *self)
{
  update_changes (self);
}

/* The other versions to compare with, the one before the shown first. */
static void
fill_compare (ShtatSchedulePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint previous = 0, k = 0;

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      ShtatSchedule *v = g_ptr_array_index (self->versions, i);
      g_autofree char *label = NULL;

      if (v == self->shown)
        {
          previous = k > 0 ? k - 1 : 0;
          continue;
        }
      label = g_strdup_printf (_("Version %u — %s"), shtat_schedule_get_version (v),
                               shtat_schedule_status_get_label (shtat_schedule_get_status (v)));
      gtk_string_list_append (labels, label);
      k++;
    }
  g_signal_handlers_block_by_func (self->compare_dropdown, compare_selected_cb, self);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->compare_dropdown, previous);
  g_signal_handlers_unblock_by_func (self->compare_dropdown, compare_selected_cb, self);
}

static void
update_workflow (ShtatSchedulePage *self)
{
  ShtatScheduleStatus status = self->shown ? shtat_schedule_get_status (self->shown) : SHTAT_SCHEDULE_DRAFT;

  gtk_widget_set_visible (self->submit_button, self->shown != NULL && status == SHTAT_SCHEDULE_DRAFT);
  gtk_widget_set_visible (self->withdraw_button, self->shown != NULL && status == SHTAT_SCHEDULE_SUBMITTED);
  gtk_widget_set_visible (self->approve_button, self->shown != NULL && status == SHTAT_SCHEDULE_SUBMITTED);
  gtk_widget_set_visible (self->add_line_button, is_draft (self));
  gtk_widget_set_visible (self->from_profile_button, is_draft (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->appeals_spin), is_draft (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->vehicles_spin), is_draft (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.print", self->shown != NULL);
}

/* Everything that follows from the model, without touching the widgets being
 * edited. */
static void
update (ShtatSchedulePage *self)
{
  g_autofree char *units = NULL;
  g_autofree char *totals = NULL;
  gint64 monthly = 0, annual = 0;
  ShtatSchedule *s = self->shown;

  if (s == NULL)
    return;
  recompute (self);

  {
    const ShtatApproval *approval = shtat_schedule_get_approval (s);
    const char *label = shtat_schedule_status_get_label (shtat_schedule_get_status (s));

    if (approval != NULL && approval->order_number != NULL)
      {
        g_autofree char *date = shtat_format_gdate (&approval->order_date);
        g_autofree char *text = g_strdup_printf (_("%s — order № %s of %s"), label, approval->order_number, date);
        gtk_label_set_text (self->status_label, text);
      }
    else
      gtk_label_set_text (self->status_label, label);
  }

  units = shtat_units_format_locale (shtat_schedule_get_total_units (s));
  if (shtat_schedule_get_fund (s, &monthly, &annual, NULL))
    {
      g_autofree char *m = shtat_money_format (monthly);
      g_autofree char *a = shtat_money_format (annual);

      totals = g_strdup_printf (_("%s staff units · wage fund %s a month, %s a year"), units, m, a);
    }
  else
    totals = g_strdup_printf (_("%s staff units"), units);
  gtk_label_set_text (self->totals_label, totals);

  if (self->check != NULL)
    {
      g_autofree char *minimum = shtat_units_format_locale (self->check->minimum->total_units);
      g_autofree char *text = g_strdup_printf (_("Minimum %s units for these drivers · %u errors, %u warnings"),
                                               minimum, self->check->n_errors, self->check->n_warnings);
      gtk_label_set_text (self->compliance_label, text);
    }

  if (self->placement != NULL)
    {
      g_autofree char *filled = shtat_units_format_locale (self->placement->filled);
      g_autofree char *vacant = shtat_units_format_locale (self->placement->vacant);
      g_autofree char *over = shtat_units_format_locale (self->placement->over);
      g_autofree char *text = g_strdup_printf (_("Staff on %s units · %s vacant · %s over the plan · %u not meeting their post’s requirements"),
                                               filled, vacant, over, self->placement->n_not_meeting);
      gtk_label_set_text (self->placement_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->placement_label), self->placement != NULL);

  {
    const ShtatDrivers *d = shtat_schedule_get_drivers (s);
    const char *source = shtat_schedule_get_appeals_source (s);

    self->updating = TRUE;
    gtk_spin_button_set_value (self->appeals_spin, driver_value (d, SHTAT_DRIVER_APPEALS));
    gtk_spin_button_set_value (self->vehicles_spin, driver_value (d, SHTAT_DRIVER_VEHICLES));
    self->updating = FALSE;
    gtk_label_set_text (self->drivers_label, source ? source : "");
    gtk_widget_set_visible (GTK_WIDGET (self->drivers_label), source != NULL);
  }

  for (guint i = 0; i < self->lines->len && i < shtat_schedule_get_n_lines (s); i++)
    update_line (self, i);
  update_remarks (self);
  update_changes (self);
  update_workflow (self);
}

static void
rebuild (ShtatSchedulePage *self)
{
  ShtatSchedule *s = self->shown;
  const char *unit = NULL;
  AdwPreferencesGroup *group = NULL;
  gboolean draft = is_draft (self);
  g_autoptr(GArray) expanded = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = 0; i < self->lines->len; i++)
    {
      gboolean e = adw_expander_row_get_expanded (g_array_index (self->lines, LineWidgets, i).row);
      g_array_append_val (expanded, e);
    }
  g_array_set_size (self->lines, 0);
  clear_box (self->lines_box);
  if (s == NULL)
    {
      update_workflow (self);
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (s, i);
      g_autofree char *name = shtat_schedule_dup_position_label (self->library, shtat_schedule_get_table (s),
                                                                 line->position);
      g_autofree char *title = g_markup_escape_text (name, -1);
      g_autofree char *salary = money_entry_text (line->salary);
      g_autofree char *allowances = money_entry_text (line->allowances);
      LineWidgets w = { 0 };
      GtkWidget *remove;

      if (group == NULL || g_strcmp0 (line->unit, unit) != 0)
        {
          unit = line->unit;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* the default units of 000 §7 read in the user's language */
          adw_preferences_group_set_title (group, unit ? shtat_document_get_unit_name (unit, shtat_lang_current ()) : "—");
          gtk_box_append (self->lines_box, GTK_WIDGET (group));
        }

      w.row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w.row), title);
      if (draft)
        {
          w.units = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, SHTAT_SCHEDULE_MAX_LINE_UNITS / 100, 0.25));
          gtk_spin_button_set_digits (w.units, 2);
          gtk_spin_button_set_value (w.units, line->units / 100.0);
          gtk_widget_set_valign (GTK_WIDGET (w.units), GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (w.units), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data (G_OBJECT (w.units), "line", GUINT_TO_POINTER (i));
          g_signal_connect (w.units, "value-changed", G_CALLBACK (units_changed_cb), self);
          adw_expander_row_add_action (w.row, GTK_WIDGET (w.units));
        }
      else
        {
          w.units_label = GTK_LABEL (gtk_label_new (NULL));
          gtk_widget_add_css_class (GTK_WIDGET (w.units_label), "shtat-units");
          adw_expander_row_add_action (w.row, GTK_WIDGET (w.units_label));
        }

      /* actions are packed from the end: the badges go left of the units */
      w.badge_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (w.badge_box, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (w.row, w.badge_box);

      entry_row (self, w.row, i, FIELD_SALARY, _("Official salary per unit, ₸"), salary);
      entry_row (self, w.row, i, FIELD_ALLOWANCES, _("Allowances per unit, ₸"), allowances);
      entry_row (self, w.row, i, FIELD_GRADE, _("Category or pay grade"), line->grade);
      entry_row (self, w.row, i, FIELD_UNIT, _("Structural unit"),
                 line->unit ? shtat_document_get_unit_name (line->unit, shtat_lang_current ()) : NULL);
      entry_row (self, w.row, i, FIELD_JUSTIFICATION, _("Justification of a shortfall (interchange)"), line->justification);
      entry_row (self, w.row, i, FIELD_REFERENCE, _("Typical norm the units come from"), line->reference);

      w.placement = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w.placement), _("No personnel data"));
      w.holders = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (w.holders, GTK_SELECTION_NONE);
      g_signal_connect (w.holders, "row-activated", G_CALLBACK (holder_activated_cb), self);
      gtk_widget_set_visible (GTK_WIDGET (w.holders), FALSE);
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.placement));
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.holders));

      if (draft)
        {
          GtkWidget *actions = adw_action_row_new ();

          remove = gtk_button_new_with_mnemonic (_("_Remove Line"));
          gtk_widget_add_css_class (remove, "destructive-action");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (remove), "line", GUINT_TO_POINTER (i));
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_line_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (actions), remove);
          adw_expander_row_add_row (w.row, actions);
        }
      if (i < expanded->len && g_array_index (expanded, gboolean, i))
        adw_expander_row_set_expanded (w.row, TRUE);

      adw_preferences_group_add (group, GTK_WIDGET (w.row));
      g_array_append_val (self->lines, w);
    }
  self->updating = FALSE;
  fill_compare (self);
  update (self);
}

static void
show_version (ShtatSchedulePage *self,
              ShtatSchedule     *s)
{
  /* the same version read again (the section shown anew) keeps its history */
  gboolean same = self->shown != NULL && s != NULL
                  && g_strcmp0 (shtat_schedule_get_centre (s), shtat_schedule_get_centre (self->shown)) == 0
                  && shtat_schedule_get_version (s) == shtat_schedule_get_version (self->shown);

  if (!same)
    {
      clear_stack (self->undo);
      clear_stack (self->redo);
      g_array_set_size (self->lines, 0);
      clear_box (self->lines_box);
    }
  g_clear_pointer (&self->shown, shtat_schedule_unref);
  if (s != NULL)
    self->shown = shtat_schedule_ref (s);
  rebuild (self);
}

static void
version_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     ShtatSchedulePage *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->versions != NULL && i < self->versions->len)
    show_version (self, g_ptr_array_index (self->versions, i));
}

static void
load_versions (ShtatSchedulePage *self,
               guint              select_version)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  ShtatCentre *centre = current_centre (self);
  guint selected;
  GDate today;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  if (centre == NULL)
    return;
  shtat_date_set_today (&today);
  self->staff = shtat_store_load_centre_employees (self->store, centre->code, &today, NULL);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    self->versions = shtat_store_list_readable_schedules (self->store, centre->code, problems, &error);
    /* a version that no longer reads as stored is reported, the others shown */
    g_ptr_array_add (problems, NULL);
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) problems->pdata);
      shtat_form_error_show (self->problems_label, *text ? text : NULL);
    }
  }
  if (self->versions == NULL || self->versions->len == 0)
    {
      AdwStatusPage *none = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "none"));

      adw_status_page_set_description (none, error != NULL ? error->message
                                                           : _("Make a draft from the minimum norms for the centre’s appeal volume."));
      gtk_stack_set_visible_child_name (self->stack, "none");
      show_version (self, NULL);
      return;
    }

  selected = self->versions->len - 1;
  for (guint v = 0; v < self->versions->len; v++)
    {
      ShtatSchedule *s = g_ptr_array_index (self->versions, v);
      g_autofree char *label = g_strdup_printf (_("Version %u — %s"), shtat_schedule_get_version (s),
                                                shtat_schedule_status_get_label (shtat_schedule_get_status (s)));
      gtk_string_list_append (labels, label);
      if (shtat_schedule_get_version (s) == select_version)
        selected = v;
    }
  g_signal_handlers_block_by_func (self->version_dropdown, version_selected_cb, self);
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->version_dropdown, version_selected_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "schedule");
  show_version (self, g_ptr_array_index (self->versions, selected));
}

static void
centre_selected_cb (GtkDropDown       *dropdown,
                    GParamSpec        *pspec,
                    ShtatSchedulePage *self)
{
  load_versions (self, 0);
}

static void
select_centre (ShtatSchedulePage *self,
               const char        *code,
               guint              version)
{
  for (guint i = 0; self->centres != NULL && i < self->centres->len; i++)
    if (g_strcmp0 (((ShtatCentre *) g_ptr_array_index (self->centres, i))->code, code) == 0)
      {
        g_signal_handlers_block_by_func (self->centre_dropdown, centre_selected_cb, self);
        gtk_drop_down_set_selected (self->centre_dropdown, i);
        g_signal_handlers_unblock_by_func (self->centre_dropdown, centre_selected_cb, self);
      }
  load_versions (self, version);
}

void
shtat_schedule_page_show (ShtatSchedulePage *self,
                          const char        *centre_code,
                          guint              version)
{
  select_centre (self, centre_code, version);
}

void
shtat_schedule_page_refresh (ShtatSchedulePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  guint version = self->shown ? shtat_schedule_get_version (self->shown) : 0;

  if (self->store == NULL)
    return;
  if (current_centre (self) != NULL)
    code = g_strdup (current_centre (self)->code);
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  self->centres = shtat_store_list_centres (self->store, &error);
  for (guint i = 0; self->centres != NULL && i < self->centres->len; i++)
    gtk_string_list_append (names, shtat_centre_get_display_name (g_ptr_array_index (self->centres, i)));
  g_signal_handlers_block_by_func (self->centre_dropdown, centre_selected_cb, self);
  gtk_drop_down_set_model (self->centre_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->centre_dropdown, centre_selected_cb, self);
  gtk_widget_set_sensitive (self->new_button, self->centres != NULL && self->centres->len > 0);
  if (self->centres != NULL && self->centres->len > 0)
    select_centre (self, code ? code : ((ShtatCentre *) g_ptr_array_index (self->centres, 0))->code, version);
  else
    {
      AdwStatusPage *none = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "none"));

      adw_status_page_set_description (none, _("Add a centre first (main menu, “Add a Centre…”)."));
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
}

void
shtat_schedule_page_set_store (ShtatSchedulePage *self,
                               ShtatStore        *store,
                               ShtatNormLibrary  *library)
{
  g_set_object (&self->store, store);
  g_set_object (&self->library, library);
  shtat_schedule_page_refresh (self);
}

/* ------------------------------------------------------------------------ */
/* New versions and the workflow                                            */

gboolean
shtat_schedule_page_new_draft (ShtatSchedulePage *self,
                               gboolean           from_approved,
                               GError           **error)
{
  g_autoptr(ShtatSchedule) draft = NULL;
  ShtatCentre *centre = current_centre (self);

  if (centre == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("Add a centre first"));
      return FALSE;
    }
  draft = shtat_planning_new_draft (self->store, self->library, centre->code, NULL,
                                    from_approved ? SHTAT_DRAFT_FROM_APPROVED : SHTAT_DRAFT_FROM_NORMS, NULL, TRUE,
                                    error);
  if (draft == NULL)
    return FALSE;
  load_versions (self, shtat_schedule_get_version (draft));
  return TRUE;
}

static void
new_draft_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!shtat_schedule_page_new_draft (self, g_variant_get_boolean (parameter), &error))
    toast (self, error->message);
  else
    toast (self, _("A new draft is saved. Set the drivers and the lines, then submit it."));
}

gboolean
shtat_schedule_page_submit (ShtatSchedulePage *self,
                            GError           **error)
{
  g_autoptr(GBytes) before = NULL;

  if (!is_draft (self))
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS, _("Only a draft can be submitted"));
      return FALSE;
    }
  before = shtat_schedule_to_xml (self->shown);
  if (!shtat_schedule_submit (self->shown, self->library, schedule_table (self), error)
      || !shtat_store_save_schedule (self->store, self->shown, error))
    {
      g_autoptr(ShtatSchedule) back = shtat_schedule_from_xml (before, NULL);

      /* the version stays the draft it was */
      if (back != NULL && shtat_schedule_get_status (self->shown) != SHTAT_SCHEDULE_DRAFT)
        shtat_schedule_withdraw (self->shown, NULL);
      return FALSE;
    }
  load_versions (self, shtat_schedule_get_version (self->shown));
  return TRUE;
}

static void
submit_cb (GtkButton         *button,
           ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!shtat_schedule_page_submit (self, &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   _("The Schedule Cannot Be Submitted"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    toast (self, _("Submitted to the akimat for approval"));
}

static void
withdraw_cb (GtkButton         *button,
             ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->shown == NULL || !shtat_schedule_withdraw (self->shown, &error)
      || !shtat_store_save_schedule (self->store, self->shown, &error))
    {
      toast (self, error->message);
      return;
    }
  load_versions (self, shtat_schedule_get_version (self->shown));
}

static void
approved_cb (ShtatApprovalDialog *dialog,
             ShtatSchedulePage   *self)
{
  load_versions (self, shtat_schedule_get_version (self->shown));
  toast (self, _("The schedule is approved"));
}

void
shtat_schedule_page_open_approval (ShtatSchedulePage *self)
{
  ShtatCentre *centre = current_centre (self);
  ShtatApprovalDialog *dialog;

  if (self->shown == NULL || shtat_schedule_get_status (self->shown) != SHTAT_SCHEDULE_SUBMITTED || centre == NULL)
    return;
  dialog = shtat_approval_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                      self->library, centre, self->shown);
  g_signal_connect (dialog, "approved", G_CALLBACK (approved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_cb (GtkButton         *button,
            ShtatSchedulePage *self)
{
  shtat_schedule_page_open_approval (self);
}

/* ------------------------------------------------------------------------ */
/* Adding a line                                                            */

gboolean
shtat_schedule_page_add_line (ShtatSchedulePage *self,
                              const char        *position,
                              GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  const char *unit = "administration";
  gboolean ok;

  if (!is_draft (self))
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
                           _("Only a draft can be changed: make a new draft from this version"));
      return FALSE;
    }
  /* the structural unit of another line of the position, if there is one */
  for (guint i = 0; i < shtat_schedule_get_n_lines (self->shown); i++)
    if (g_strcmp0 (shtat_schedule_get_line (self->shown, i)->position, position) == 0)
      unit = shtat_schedule_get_line (self->shown, i)->unit;
  before = shtat_schedule_to_xml (self->shown);
  ok = shtat_schedule_add_line (self->shown, unit, position, NULL, 100, 0, 0, error);
  if (!ok)
    return FALSE;
  return commit_change (self, before, TRUE, NULL, TRUE);
}

/* Every line of a position the pay grid places gets the grid's salary and
 * grade for today: one change, undone with Ctrl+Z. */
gboolean
shtat_schedule_page_salaries_from_grid (ShtatSchedulePage *self,
                                        guint             *n_set,
                                        GError           **error)
{
  g_autoptr(GBytes) before = NULL;
  GError *local = NULL;
  gboolean ok;

  if (!is_draft (self))
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
                           _("Only a draft can be changed: make a new draft from this version"));
      return FALSE;
    }
  before = shtat_schedule_to_xml (self->shown);
  ok = shtat_planning_apply_pay_grid (self->store, self->shown, NULL, n_set, &local);
  /* a failure is shown by commit_change() and handed on */
  if (!commit_change (self, before, ok, local, TRUE))
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("The change cannot be made"));
      return FALSE;
    }
  return TRUE;
}

static void
salaries_cb (GtkButton         *button,
             ShtatSchedulePage *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* what went wrong is already shown */
  if (shtat_schedule_page_salaries_from_grid (self, &n, &error))
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The salary of %u line is set from the pay grid",
                                                            "The salaries of %u lines are set from the pay grid", n), n);
      toast (self, text);
    }
}

static void
add_line_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      ShtatSchedulePage *self)
{
  GtkDropDown *positions = g_object_get_data (G_OBJECT (dialog), "positions");
  const ShtatNormTable *table = schedule_table (self);
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
            toast (self, error->message);
          return;
        }
      i -= section->rows->len;
    }
}

static void
add_line_cb (GtkButton         *button,
             ShtatSchedulePage *self)
{
  const ShtatNormTable *table = schedule_table (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *positions;

  if (!is_draft (self) || table == NULL)
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
  g_object_set_data (G_OBJECT (dialog), "positions", positions);
  g_signal_connect (dialog, "response", G_CALLBACK (add_line_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

static const char *
current_centre_name (ShtatSchedulePage *self,
                     ShtatLang          lang)
{
  for (guint i = 0; self->shown != NULL && self->centres != NULL && i < self->centres->len; i++)
    {
      ShtatCentre *c = g_ptr_array_index (self->centres, i);
      if (g_strcmp0 (c->code, shtat_schedule_get_centre (self->shown)) == 0)
        return shtat_centre_get_name (c, lang);
    }
  return self->shown ? shtat_schedule_get_centre (self->shown) : NULL;
}

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
  const char *name = current_centre_name (self, lang);

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
        toast (self, _("Exported"));
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
  job->centre_name = g_strdup (current_centre_name (self, job->lang));
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

/* ------------------------------------------------------------------------ */
/* For tests: what the user reads                                           */

const char *
shtat_schedule_page_get_status_text (ShtatSchedulePage *self)
{
  return gtk_label_get_text (self->status_label);
}

const char *
shtat_schedule_page_get_totals_text (ShtatSchedulePage *self)
{
  return gtk_label_get_text (self->totals_label);
}

const char *
shtat_schedule_page_get_compliance_text (ShtatSchedulePage *self)
{
  return gtk_label_get_text (self->compliance_label);
}

const char *
shtat_schedule_page_get_problems_text (ShtatSchedulePage *self)
{
  return shtat_form_error_get_text (self->problems_label);
}

const char *
shtat_schedule_page_get_placement_text (ShtatSchedulePage *self)
{
  return gtk_label_get_text (self->placement_label);
}

GtkWidget *
shtat_schedule_page_get_line_row (ShtatSchedulePage *self,
                                  guint              index)
{
  return index < self->lines->len ? GTK_WIDGET (g_array_index (self->lines, LineWidgets, index).row) : NULL;
}

GtkWidget *
shtat_schedule_page_get_units_spin (ShtatSchedulePage *self,
                                    guint              index)
{
  return index < self->lines->len ? GTK_WIDGET (g_array_index (self->lines, LineWidgets, index).units) : NULL;
}

/* The changes listed against the version chosen for comparison, one a line. */
char *
shtat_schedule_page_dup_changes_text (ShtatSchedulePage *self)
{
  GString *text = g_string_new (NULL);

  if (!gtk_widget_get_visible (self->changes_group))
    return g_string_free (text, FALSE);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->changes)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (text, FALSE);
}

ShtatSchedule *
shtat_schedule_page_get_schedule (ShtatSchedulePage *self)
{
  return self->shown;
}

/* ------------------------------------------------------------------------ */

static void
shtat_schedule_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  G_OBJECT_CLASS (shtat_schedule_page_parent_class)->dispose (object);
}

static void
shtat_schedule_page_finalize (GObject *object)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->shown, shtat_schedule_unref);
  g_clear_pointer (&self->check, shtat_schedule_check_free);
  g_clear_pointer (&self->placement, shtat_placement_free);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->chooser);
  g_free (self->export_format);
  G_OBJECT_CLASS (shtat_schedule_page_parent_class)->finalize (object);
}

static void
shtat_schedule_page_class_init (ShtatSchedulePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shtat_schedule_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = shtat_schedule_page_finalize;

  signals[SIGNAL_OPEN_EMPLOYEE] = g_signal_new ("open-employee", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "schedule.new-draft", "b", new_draft_cb);
  gtk_widget_class_install_action (widget_class, "schedule.export", "s", export_cb);
  gtk_widget_class_install_action (widget_class, "schedule.print", NULL, print_cb);
}

static GtkWidget *
spin_row (const char     *title,
          GtkSpinButton **spin,
          double          max,
          double          step,
          guint           digits)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, step));
  gtk_spin_button_set_digits (*spin, digits);
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  return row;
}

static void
shtat_schedule_page_init (ShtatSchedulePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *workflow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *drivers = adw_preferences_group_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *none_button = gtk_button_new_with_mnemonic (_("_Draft from the Minimum Norms"));
  GtkWidget *export_button = gtk_menu_button_new ();
  g_autoptr(GMenu) new_menu = g_menu_new ();
  g_autoptr(GMenu) export_menu = g_menu_new ();

  self->lines = g_array_new (FALSE, TRUE, sizeof (LineWidgets));
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_menu_append (new_menu, _("From the _Minimum Norms"), "schedule.new-draft(false)");
  g_menu_append (new_menu, _("_Copy of the Approved Version"), "schedule.new-draft(true)");
  self->new_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->new_button), _("New Draft"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->new_button), G_MENU_MODEL (new_menu));

  g_menu_append (export_menu, _("_Print…"), "schedule.print");
  g_menu_append (export_menu, _("Export _PDF…"), "schedule.export('pdf')");
  g_menu_append (export_menu, _("Export _XLSX…"), "schedule.export('xlsx')");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export_button), "document-save-symbolic");
  gtk_widget_set_tooltip_text (export_button, _("Print or Export"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (export_menu));

  self->centre_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->version_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->centre_dropdown), _("Centre"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->version_dropdown), _("Version"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->centre_dropdown), TRUE);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->centre_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->version_dropdown));
  gtk_box_append (GTK_BOX (bar), self->new_button);
  gtk_box_append (GTK_BOX (bar), export_button);
  g_signal_connect (self->centre_dropdown, "notify::selected", G_CALLBACK (centre_selected_cb), self);
  g_signal_connect (self->version_dropdown, "notify::selected", G_CALLBACK (version_selected_cb), self);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  self->totals_label = GTK_LABEL (gtk_label_new (NULL));
  self->compliance_label = GTK_LABEL (gtk_label_new (NULL));
  self->placement_label = GTK_LABEL (gtk_label_new (NULL));
  self->problems_label = shtat_form_error_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "title-2");
  for (GtkLabel **l = (GtkLabel *[]) { self->status_label, self->totals_label, self->compliance_label,
                                       self->placement_label, NULL }; *l; l++)
    {
      gtk_label_set_xalign (*l, 0);
      gtk_label_set_wrap (*l, TRUE);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (*l));
    }
  self->submit_button = gtk_button_new_with_mnemonic (_("_Submit for Approval"));
  self->withdraw_button = gtk_button_new_with_mnemonic (_("_Withdraw"));
  self->approve_button = gtk_button_new_with_mnemonic (_("_Approve…"));
  gtk_widget_add_css_class (self->submit_button, "suggested-action");
  gtk_widget_add_css_class (self->approve_button, "suggested-action");
  g_signal_connect (self->submit_button, "clicked", G_CALLBACK (submit_cb), self);
  g_signal_connect (self->withdraw_button, "clicked", G_CALLBACK (withdraw_cb), self);
  g_signal_connect (self->approve_button, "clicked", G_CALLBACK (approve_cb), self);
  gtk_widget_set_halign (workflow, GTK_ALIGN_END);
  gtk_widget_set_margin_top (workflow, 6);
  gtk_box_append (GTK_BOX (workflow), self->withdraw_button);
  gtk_box_append (GTK_BOX (workflow), self->submit_button);
  gtk_box_append (GTK_BOX (workflow), self->approve_button);
  gtk_box_append (GTK_BOX (card), workflow);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "shtat-summary");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (drivers), _("Drivers of the Norms"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (drivers),
                                         _("The minimum staffing follows the centre’s average appeals per working day "
                                           "and its vehicles (256-НҚ, appendix)."));
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *profile = gtk_button_new_with_mnemonic (_("Centre _Profile…"));
    GtkWidget *from_profile = gtk_button_new_with_mnemonic (_("_Take from the Profile"));

    gtk_widget_set_tooltip_text (from_profile, _("The average appeals per working day and the vehicles of the centre profile"));
    gtk_widget_add_css_class (profile, "flat");
    gtk_widget_add_css_class (from_profile, "flat");
    g_signal_connect (profile, "clicked", G_CALLBACK (open_profile_cb), self);
    g_signal_connect (from_profile, "clicked", G_CALLBACK (from_profile_cb), self);
    gtk_box_append (GTK_BOX (buttons), from_profile);
    gtk_box_append (GTK_BOX (buttons), profile);
    self->from_profile_button = from_profile;
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (drivers), buttons);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (drivers),
                             spin_row (_("Appeals per working day"), &self->appeals_spin, 100000, 1, 2));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (drivers),
                             spin_row (_("Vehicles"), &self->vehicles_spin, 1000, 1, 0));
  self->drivers_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->drivers_label, 0);
  gtk_label_set_wrap (self->drivers_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->drivers_label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->drivers_label), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (drivers), GTK_WIDGET (self->drivers_label));
  g_object_set_data (G_OBJECT (self), "appeals-spin", self->appeals_spin);
  g_object_set_data (G_OBJECT (self), "vehicles-spin", self->vehicles_spin);
  g_signal_connect (self->appeals_spin, "value-changed", G_CALLBACK (drivers_changed_cb), self);
  g_signal_connect (self->vehicles_spin, "value-changed", G_CALLBACK (drivers_changed_cb), self);

  {
    GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a Line…"));
    GtkWidget *salaries = gtk_button_new_with_mnemonic (_("_Salaries from the Pay Grid"));

    self->add_line_button = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    g_signal_connect (add, "clicked", G_CALLBACK (add_line_cb), self);
    g_signal_connect (salaries, "clicked", G_CALLBACK (salaries_cb), self);
    gtk_box_append (GTK_BOX (self->add_line_button), add);
    gtk_box_append (GTK_BOX (self->add_line_button), salaries);
  }

  self->lines_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  self->remarks_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->problems_label));
  gtk_box_append (GTK_BOX (content), card);
  gtk_box_append (GTK_BOX (content), drivers);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->lines_box));
  gtk_box_append (GTK_BOX (content), self->add_line_button);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->remarks_box));
  self->changes_group = adw_preferences_group_new ();
  self->compare_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->compare_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_dropdown), _("Compare with"));
  g_signal_connect (self->compare_dropdown, "notify::selected", G_CALLBACK (compare_selected_cb), self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->changes_group), _("Changes"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->changes_group), GTK_WIDGET (self->compare_dropdown));
  self->changes = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->changes, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->changes), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->changes_group), GTK_WIDGET (self->changes));
  gtk_widget_set_visible (self->changes_group, FALSE);
  gtk_box_append (GTK_BOX (content), self->changes_group);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (none_button), "schedule.new-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (none_button), "b", FALSE);
  gtk_widget_set_halign (none_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (none_button, "pill");
  gtk_widget_add_css_class (none_button, "suggested-action");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Staffing Schedule Yet"));
  adw_status_page_set_child (ADW_STATUS_PAGE (none), none_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "schedule");
  gtk_stack_add_named (self->stack, none, "none");
  gtk_stack_set_visible_child_name (self->stack, "none");

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
  update_workflow (self);
}
