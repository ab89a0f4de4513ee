/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-remark-view.h"
#include "shtat-schedule-page-private.h"
#include "shtat-widgets.h"

/* The Schedule section: a centre's staffing schedule, version by version, with
 * each line against its minimum, the people who fill it, the totals and wage
 * fund, and the documents. What is shown comes from the core; the page
 * computes nothing itself. A draft is edited through a ShtatDraftSession
 * (shtat-schedule-actions.c), which saves every change at once and keeps the
 * history for undo (Ctrl+Z) and redo (Ctrl+Shift+Z) while the page shows that
 * version. Nothing is read or built until the page is first shown, and the
 * centre's staff is read on a connection of its own in a worker thread. */

G_DEFINE_FINAL_TYPE (ShtatSchedulePage, shtat_schedule_page, ADW_TYPE_BIN)

enum { SIGNAL_OPEN_EMPLOYEE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (ShtatSchedulePage *self);
static void update (ShtatSchedulePage *self);

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

void
shtat_schedule_page_toast (ShtatSchedulePage *self,
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
  return shtat_money_format_amount (tiyn, shtat_lang_current ());
}

gboolean
shtat_schedule_page_is_draft (ShtatSchedulePage *self)
{
  return self->session != NULL && shtat_draft_session_get_editable (self->session);
}

const ShtatNormTable *
shtat_schedule_page_get_table (ShtatSchedulePage *self)
{
  const char *id = self->shown ? shtat_schedule_get_table (self->shown) : NULL;

  return shtat_norm_library_get_table_or_centre (self->library, id);
}

ShtatCentre *
shtat_schedule_page_get_centre (ShtatSchedulePage *self)
{
  guint i = gtk_drop_down_get_selected (self->centre_dropdown);

  if (self->centres == NULL || i >= self->centres->len)
    return NULL;
  return g_ptr_array_index (self->centres, i);
}

/* The name of the shown version's centre in @lang, for its documents. */
const char *
shtat_schedule_page_get_centre_name (ShtatSchedulePage *self,
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

void
shtat_schedule_page_emit_open_employee (ShtatSchedulePage *self,
                                        const char        *iin)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_EMPLOYEE], 0, iin);
}

/* ------------------------------------------------------------------------ */
/* Showing                                                                  */

static GtkWidget *
entry_row (ShtatSchedulePage  *self,
           AdwExpanderRow     *parent,
           guint               index,
           ShtatScheduleField  field,
           const char         *title,
           const char         *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_editable_set_editable (GTK_EDITABLE (entry), shtat_schedule_page_is_draft (self));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data (G_OBJECT (entry), "line", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (field));
  g_signal_connect (entry, "apply", G_CALLBACK (shtat_schedule_entry_apply_cb), self);
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
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "schedule.open-employee");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", holder->employee->iin);
  return row;
}

/* The parts of a line that change with any edit: subtitle, badges, placement. */
static void
update_line (ShtatSchedulePage *self,
             guint              index)
{
  ShtatScheduleLineWidgets *w = &g_array_index (self->lines, ShtatScheduleLineWidgets, index);
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
  table = shtat_schedule_page_get_table (self);
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
  gboolean draft = shtat_schedule_page_is_draft (self);

  gtk_widget_set_visible (self->submit_button, self->shown != NULL && status == SHTAT_SCHEDULE_DRAFT);
  gtk_widget_set_visible (self->withdraw_button, self->shown != NULL && status == SHTAT_SCHEDULE_SUBMITTED);
  gtk_widget_set_visible (self->approve_button, self->shown != NULL && status == SHTAT_SCHEDULE_SUBMITTED);
  gtk_widget_set_visible (self->add_line_box, draft);
  gtk_widget_set_visible (self->from_profile_button, draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->appeals_spin), draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->vehicles_spin), draft);
  shtat_schedule_actions_update (self);
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
  gboolean draft = shtat_schedule_page_is_draft (self);
  g_autoptr(GArray) expanded = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = 0; i < self->lines->len; i++)
    {
      gboolean e = adw_expander_row_get_expanded (g_array_index (self->lines, ShtatScheduleLineWidgets, i).row);
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
      ShtatScheduleLineWidgets w = { 0 };
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
          g_signal_connect (w.units, "value-changed", G_CALLBACK (shtat_schedule_units_changed_cb), self);
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

      entry_row (self, w.row, i, SHTAT_SCHEDULE_FIELD_SALARY, _("Official salary per unit, ₸"), salary);
      entry_row (self, w.row, i, SHTAT_SCHEDULE_FIELD_ALLOWANCES, _("Allowances per unit, ₸"), allowances);
      entry_row (self, w.row, i, SHTAT_SCHEDULE_FIELD_GRADE, _("Category or pay grade"), line->grade);
      entry_row (self, w.row, i, SHTAT_SCHEDULE_FIELD_UNIT, _("Structural unit"),
                 line->unit ? shtat_document_get_unit_name (line->unit, shtat_lang_current ()) : NULL);
      entry_row (self, w.row, i, SHTAT_SCHEDULE_FIELD_JUSTIFICATION, _("Justification of a shortfall (interchange)"), line->justification);
      entry_row (self, w.row, i, SHTAT_SCHEDULE_FIELD_REFERENCE, _("Typical norm the units come from"), line->reference);

      w.placement = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w.placement), _("No personnel data"));
      w.holders = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (w.holders, GTK_SELECTION_NONE);
      gtk_widget_set_visible (GTK_WIDGET (w.holders), FALSE);
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.placement));
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.holders));

      if (draft)
        {
          GtkWidget *actions = adw_action_row_new ();

          remove = gtk_button_new_with_mnemonic (_("_Remove Line"));
          gtk_widget_add_css_class (remove, "destructive-action");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "schedule.remove-line");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
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

/* The session's version after a change: it replaces the one in the list of
 * versions, and the widgets follow. */
static void
session_changed_cb (ShtatDraftSession *session,
                    int                change,
                    ShtatSchedulePage *self)
{
  ShtatSchedule *now = shtat_draft_session_get_schedule (session);

  if (now != self->shown)
    {
      for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
        if (g_ptr_array_index (self->versions, i) == self->shown)
          {
            shtat_schedule_unref (g_ptr_array_index (self->versions, i));
            g_ptr_array_index (self->versions, i) = shtat_schedule_ref (now);
          }
      g_clear_pointer (&self->shown, shtat_schedule_unref);
      self->shown = shtat_schedule_ref (now);
    }
  switch ((ShtatDraftChange) change)
    {
    case SHTAT_DRAFT_CHANGE_STATUS:
      /* the version list says the new status too */
      shtat_schedule_page_load_versions (self, shtat_schedule_get_version (now));
      break;
    case SHTAT_DRAFT_CHANGE_LINES:
      rebuild (self);
      break;
    case SHTAT_DRAFT_CHANGE_VALUES:
    default:
      update (self);
      break;
    }
}

static void
session_state_cb (ShtatDraftSession *session,
                  GParamSpec        *pspec,
                  ShtatSchedulePage *self)
{
  shtat_schedule_actions_update (self);
}

static void
clear_session (ShtatSchedulePage *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
}

static void
show_version (ShtatSchedulePage *self,
              ShtatSchedule     *s)
{
  /* the same version read again (the section shown anew) keeps its history */
  gboolean same = self->shown != NULL && s != NULL && self->session != NULL
                  && g_strcmp0 (shtat_schedule_get_centre (s), shtat_schedule_get_centre (self->shown)) == 0
                  && shtat_schedule_get_version (s) == shtat_schedule_get_version (self->shown);

  g_clear_pointer (&self->shown, shtat_schedule_unref);
  if (same)
    shtat_draft_session_reload (self->session, s);
  else
    {
      clear_session (self);
      g_array_set_size (self->lines, 0);
      clear_box (self->lines_box);
      if (s != NULL)
        {
          self->session = shtat_draft_session_new (self->store, self->library, s);
          g_signal_connect (self->session, "changed", G_CALLBACK (session_changed_cb), self);
          g_signal_connect (self->session, "notify::can-undo", G_CALLBACK (session_state_cb), self);
          g_signal_connect (self->session, "notify::can-redo", G_CALLBACK (session_state_cb), self);
        }
    }
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

/* The staff of a centre, read in a worker thread on its own connection. */
typedef struct
{
  ShtatStore *store;
  char       *code;
  GDate       date;
} StaffJob;

static void
staff_job_free (StaffJob *job)
{
  g_object_unref (job->store);
  g_free (job->code);
  g_free (job);
}

static void
load_staff_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  StaffJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = shtat_store_open_another (job->store, &error);
  GPtrArray *staff = NULL;

  if (store != NULL)
    staff = shtat_store_load_centre_employees (store, job->code, &job->date, &error);
  if (staff == NULL)
    {
      g_prefix_error (&error, _("The staff of the centre cannot be read: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, staff, (GDestroyNotify) g_ptr_array_unref);
}

static void
staff_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (source);
  StaffJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GPtrArray *staff = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->staff_cancellable);
  if (staff == NULL)
    {
      shtat_schedule_page_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->staff = staff;
  g_free (self->staff_centre);
  self->staff_centre = g_strdup (job->code);
  update (self);
}

static void
load_staff (ShtatSchedulePage *self,
            const char        *code)
{
  StaffJob *job = g_new0 (StaffJob, 1);
  g_autoptr(GTask) task = NULL;

  /* another centre's staff is of no use meanwhile; the same centre's is
   * shown until the new reading arrives */
  if (g_strcmp0 (self->staff_centre, code) != 0)
    {
      g_clear_pointer (&self->staff, g_ptr_array_unref);
      g_clear_pointer (&self->staff_centre, g_free);
    }
  g_cancellable_cancel (self->staff_cancellable);
  g_clear_object (&self->staff_cancellable);
  self->staff_cancellable = g_cancellable_new ();

  job->store = g_object_ref (self->store);
  job->code = g_strdup (code);
  shtat_date_set_today (&job->date);
  task = g_task_new (self, self->staff_cancellable, staff_loaded_cb, NULL);
  g_task_set_source_tag (task, load_staff);
  g_task_set_task_data (task, job, (GDestroyNotify) staff_job_free);
  g_task_run_in_thread (task, load_staff_thread);
}

void
shtat_schedule_page_load_versions (ShtatSchedulePage *self,
                                   guint              select_version)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  ShtatCentre *centre = shtat_schedule_page_get_centre (self);
  guint selected;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  if (centre == NULL)
    return;
  load_staff (self, centre->code);
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
      adw_status_page_set_description (self->none_page,
                                       error != NULL ? error->message
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
  shtat_schedule_page_load_versions (self, 0);
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
  shtat_schedule_page_load_versions (self, version);
}

/* Reads the centres, unless the page has done so since the store was set. */
void
shtat_schedule_page_ensure_loaded (ShtatSchedulePage *self)
{
  if (self->store != NULL && !self->loaded)
    shtat_schedule_page_refresh (self);
}

void
shtat_schedule_page_show (ShtatSchedulePage *self,
                          const char        *centre_code,
                          guint              version)
{
  g_return_if_fail (SHTAT_IS_SCHEDULE_PAGE (self));

  shtat_schedule_page_ensure_loaded (self);
  select_centre (self, centre_code, version);
}

void
shtat_schedule_page_refresh (ShtatSchedulePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  guint version = self->shown ? shtat_schedule_get_version (self->shown) : 0;

  g_return_if_fail (SHTAT_IS_SCHEDULE_PAGE (self));

  if (self->store == NULL)
    return;
  self->loaded = TRUE;
  if (shtat_schedule_page_get_centre (self) != NULL)
    code = g_strdup (shtat_schedule_page_get_centre (self)->code);
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
      /* a database that cannot be read says so, rather than asking for a centre */
      adw_status_page_set_description (self->none_page,
                                       error != NULL ? error->message
                                                     : _("Add a centre first (main menu, “Add a Centre…”)."));
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
}

/* Nothing is read until the page is shown: the window sets the store at
 * start-up, when another section may be the one in view. */
void
shtat_schedule_page_set_store (ShtatSchedulePage *self,
                               ShtatStore        *store,
                               ShtatNormLibrary  *library)
{
  g_return_if_fail (SHTAT_IS_SCHEDULE_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->library, library);
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    shtat_schedule_page_refresh (self);
}

/* Whether the staff of the centre shown is still being read. */
gboolean
shtat_schedule_page_is_loading (ShtatSchedulePage *self)
{
  g_return_val_if_fail (SHTAT_IS_SCHEDULE_PAGE (self), FALSE);

  return self->staff_cancellable != NULL;
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
  return index < self->lines->len ? GTK_WIDGET (g_array_index (self->lines, ShtatScheduleLineWidgets, index).row) : NULL;
}

GtkWidget *
shtat_schedule_page_get_units_spin (ShtatSchedulePage *self,
                                    guint              index)
{
  return index < self->lines->len ? GTK_WIDGET (g_array_index (self->lines, ShtatScheduleLineWidgets, index).units) : NULL;
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
shtat_schedule_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shtat_schedule_page_parent_class)->map (widget);
  shtat_schedule_page_ensure_loaded (SHTAT_SCHEDULE_PAGE (widget));
}

static void
shtat_schedule_page_dispose (GObject *object)
{
  ShtatSchedulePage *self = SHTAT_SCHEDULE_PAGE (object);

  g_cancellable_cancel (self->staff_cancellable);
  clear_session (self);
  /* the toast overlay is both the bin's child and a template child: the bin
   * lets go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SHTAT_TYPE_SCHEDULE_PAGE);
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
  g_clear_pointer (&self->staff_centre, g_free);
  g_clear_object (&self->staff_cancellable);
  g_clear_pointer (&self->lines, g_array_unref);
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
  widget_class->map = shtat_schedule_page_map;

  /**
   * ShtatSchedulePage::open-employee:
   * @self: the page
   * @iin: the IIN of the person whose file is asked for
   */
  signals[SIGNAL_OPEN_EMPLOYEE] = g_signal_new ("open-employee", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, none_page);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, centre_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, new_button);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, compliance_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, placement_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, appeals_spin);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, vehicles_spin);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, drivers_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, lines_box);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, remarks_box);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, changes);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, add_line_box);
  gtk_widget_class_bind_template_child (widget_class, ShtatSchedulePage, from_profile_button);
  gtk_widget_class_bind_template_callback (widget_class, centre_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_selected_cb);

  shtat_schedule_actions_class_init (widget_class);
  shtat_schedule_print_class_init (widget_class);
}

static void
shtat_schedule_page_init (ShtatSchedulePage *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (ShtatScheduleLineWidgets));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "none");
  update_workflow (self);
}
