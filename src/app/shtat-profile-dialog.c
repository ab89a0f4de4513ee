/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-profile-dialog.h"
#include "shtat-remark-view.h"
#include "shtat-widgets.h"

struct _ShtatProfileDialog
{
  AdwWindow           parent_instance;

  ShtatStore         *store;
  ShtatNormLibrary   *library;
  ShtatCentre        *centre;
  ShtatCentreProfile *profile;
  ShtatCalendar      *calendar;
  gboolean            filling;
  /* what could not be read: the empty profile or calendar shown instead
   * would replace the stored one if saved, so it is not, and this stays said */
  char               *load_error;
  gboolean            profile_unread;
  gboolean            calendar_unread;

  GtkWidget          *from_entry;
  GtkWidget          *to_entry;
  GtkGrid            *grid;
  GtkLabel           *explanation;
  GtkLabel           *error_label;
  GtkSpinButton      *vehicles;
  GtkListBox         *days;
  GtkWidget          *day_date;
  GtkWidget          *day_working;
  GtkWidget          *day_note;
  AdwPreferencesGroup *average;
  GtkListBox         *remarks;
  GtkLabel           *legend;
};

G_DEFINE_FINAL_TYPE (ShtatProfileDialog, shtat_profile_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild_grid (ShtatProfileDialog *self);

static void
show_error (ShtatProfileDialog *self,
            const char         *message)
{
  shtat_form_error_show (self->error_label, message != NULL ? message : self->load_error);
}

/* The months of the period shown: the profile's, or the twelve before this month. */
static void
shown_period (ShtatProfileDialog *self,
              ShtatMonth         *from,
              ShtatMonth         *to)
{
  GDate today;

  if (self->profile->period_from.year != 0)
    {
      *from = self->profile->period_from;
      *to = self->profile->period_to;
      return;
    }
  shtat_date_set_today (&today);
  shtat_month_from_date (to, &today);
  shtat_month_add (to, -1);
  *from = *to;
  shtat_month_add (from, -11);
}

/* The average and its working, or why there is none. */
static void
update_average (ShtatProfileDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatAppealsAverage) average = NULL;
  ShtatMonth from, to;

  shown_period (self, &from, &to);
  average = shtat_appeals_average_compute (self->profile, self->calendar, self->library, SHTAT_NORM_TABLE_CENTRE, &from, &to, NULL, &error);
  gtk_label_set_text (self->explanation, average != NULL ? average->explanation : error->message);

  /* totals per month: appeals and working days */
  for (int row = 1;; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (self->grid, SHTAT_N_APPEAL_CHANNELS + 1, row);
      GtkWidget *days = gtk_grid_get_child_at (self->grid, SHTAT_N_APPEAL_CHANNELS + 2, row);
      ShtatMonth *month;
      gint64 total = 0;
      gboolean any = FALSE;
      g_autofree char *text = NULL;
      g_autofree char *days_text = NULL;

      if (label == NULL)
        break;
      month = g_object_get_data (G_OBJECT (label), "month");
      for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
        {
          gint64 n;
          if (shtat_centre_profile_get_appeals (self->profile, month, c, &n))
            {
              total += n;
              any = TRUE;
            }
        }
      text = any ? g_strdup_printf ("%" G_GINT64_FORMAT, total) : g_strdup ("—");
      days_text = g_strdup_printf ("%u", shtat_calendar_count_month (self->calendar, month));
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_label_set_text (GTK_LABEL (days), days_text);
    }
}

static void
cell_commit (ShtatProfileDialog *self,
             GtkEntry           *entry)
{
  ShtatMonth *month = g_object_get_data (G_OBJECT (entry), "month");
  guint channel = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "channel"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  gint64 count;

  if (self->filling)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    shtat_centre_profile_remove_appeals (self->profile, month, channel);
  else
    {
      count = g_ascii_strtoll (text, &end, 10);
      if (end == NULL || *end != '\0' || end == text
          || !shtat_centre_profile_set_appeals (self->profile, month, channel, count, &error))
        {
          g_autofree char *m = shtat_month_format (month);
          g_autofree char *message = error != NULL ? g_strdup (error->message)
                                                   : g_strdup_printf (_("Appeals of %s, %s: “%s” is not a whole number"), m,
                                                                      shtat_appeal_channel_get_label (channel), text);
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
          show_error (self, message);
          return;
        }
    }
  show_error (self, NULL);
  update_average (self);
}

static void
cell_activate_cb (GtkEntry           *entry,
                  ShtatProfileDialog *self)
{
  cell_commit (self, entry);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               ShtatProfileDialog      *self)
{
  cell_commit (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (heading)
    gtk_widget_add_css_class (label, "caption-heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
rebuild_grid (ShtatProfileDialog *self)
{
  ShtatMonth from, to, m;
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  gtk_grid_attach (self->grid, grid_label (_("Month"), TRUE), 0, 0, 1, 1);
  for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
    {
      /* the channel's number in §12; the legend under the table names it */
      g_autofree char *number = g_strdup_printf ("(%u)", c + 1);
      GtkWidget *label = grid_label (number, TRUE);

      gtk_widget_set_tooltip_text (label, shtat_appeal_channel_get_label (c));
      gtk_grid_attach (self->grid, label, (int) c + 1, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, grid_label (_("Total"), TRUE), SHTAT_N_APPEAL_CHANNELS + 1, 0, 1, 1);
  gtk_grid_attach (self->grid, grid_label (_("Working days"), TRUE), SHTAT_N_APPEAL_CHANNELS + 2, 0, 1, 1);

  self->filling = TRUE;
  shown_period (self, &from, &to);
  for (m = from; shtat_month_compare (&m, &to) <= 0 && row <= 120; shtat_month_add (&m, 1), row++)
    {
      g_autofree char *name = shtat_month_format (&m);
      ShtatMonth *key = g_new (ShtatMonth, 1);
      GtkWidget *total = grid_label (NULL, FALSE);
      GtkWidget *days = grid_label (NULL, FALSE);

      *key = m;
      gtk_grid_attach (self->grid, grid_label (name, FALSE), 0, row, 1, 1);
      for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
        {
          GtkWidget *entry = gtk_entry_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();
          gint64 count;
          g_autofree char *label = g_strdup_printf ("%s, %s", name, shtat_appeal_channel_get_label (c));

          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          if (shtat_centre_profile_get_appeals (self->profile, &m, c, &count))
            {
              g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
              gtk_editable_set_text (GTK_EDITABLE (entry), text);
            }
          g_object_set_data (G_OBJECT (entry), "month", key);
          g_object_set_data (G_OBJECT (entry), "channel", GUINT_TO_POINTER (c));
          g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), self);
          g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
          gtk_widget_add_controller (entry, focus);
          gtk_grid_attach (self->grid, entry, (int) c + 1, row, 1, 1);
        }
      g_object_set_data_full (G_OBJECT (total), "month", key, g_free);
      gtk_grid_attach (self->grid, total, SHTAT_N_APPEAL_CHANNELS + 1, row, 1, 1);
      gtk_grid_attach (self->grid, days, SHTAT_N_APPEAL_CHANNELS + 2, row, 1, 1);
    }
  self->filling = FALSE;
  update_average (self);
}

gboolean
shtat_profile_dialog_set_period (ShtatProfileDialog *self,
                                 const char         *from_text,
                                 const char         *to_text)
{
  ShtatMonth from, to;
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from_text);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to_text);
  if (!shtat_month_parse (from_text, &from) || !shtat_month_parse (to_text, &to))
    {
      g_autofree char *message = g_strdup_printf (_("Averaging period: write the months as mm.yyyy, not “%s” – “%s”"),
                                                  from_text, to_text);
      show_error (self, message);
      return FALSE;
    }
  if (!shtat_centre_profile_set_period (self->profile, &from, &to, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  rebuild_grid (self);
  return TRUE;
}

static void
period_apply_cb (AdwEntryRow        *row,
                 ShtatProfileDialog *self)
{
  shtat_profile_dialog_set_period (self, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
}

gboolean
shtat_profile_dialog_type_count (ShtatProfileDialog *self,
                                 const char         *month_text,
                                 guint               channel,
                                 const char         *text)
{
  ShtatMonth month;

  if (!shtat_month_parse (month_text, &month))
    return FALSE;
  for (int row = 1;; row++)
    {
      GtkWidget *entry = gtk_grid_get_child_at (self->grid, (int) channel + 1, row);
      ShtatMonth *m;

      if (entry == NULL)
        return FALSE;
      m = g_object_get_data (G_OBJECT (entry), "month");
      if (shtat_month_compare (m, &month) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          g_signal_emit_by_name (entry, "activate");
          return !gtk_widget_has_css_class (entry, "error");
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The calendar                                                             */

static void rebuild_days (ShtatProfileDialog *self);

static gboolean
save_calendar (ShtatProfileDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->calendar_unread)
    return FALSE;
  if (!shtat_store_save_calendar (self->store, self->calendar, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The day to remove comes as its Julian day number, the target of its button. */
static void
remove_day_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShtatProfileDialog *self = SHTAT_PROFILE_DIALOG (widget);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, g_variant_get_uint32 (parameter));
  shtat_calendar_remove_day (self->calendar, &date);
  if (save_calendar (self))
    {
      rebuild_days (self);
      update_average (self);
    }
}

static void
add_day_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShtatProfileDialog *self = SHTAT_PROFILE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GDate date;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->day_date));

  if (!shtat_parse_date (text, &date) || !g_date_valid (&date))
    {
      g_autofree char *message = g_strdup_printf (_("Calendar: “%s” is not a date; write it as dd.mm.yyyy"), text);
      show_error (self, message);
      return;
    }
  if (!shtat_calendar_set_day (self->calendar, &date, gtk_switch_get_active (GTK_SWITCH (self->day_working)),
                               gtk_editable_get_text (GTK_EDITABLE (self->day_note)), &error))
    {
      show_error (self, error->message);
      return;
    }
  if (save_calendar (self))
    {
      show_error (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->day_date), "");
      gtk_editable_set_text (GTK_EDITABLE (self->day_note), "");
      rebuild_days (self);
      update_average (self);
    }
}

static void
rebuild_days (ShtatProfileDialog *self)
{
  GtkWidget *child;
  GPtrArray *days = shtat_calendar_get_days (self->calendar);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days))) != NULL)
    gtk_list_box_remove (self->days, child);
  gtk_widget_set_visible (GTK_WIDGET (self->days), days != NULL && days->len > 0);
  for (guint i = 0; days != NULL && i < days->len; i++)
    {
      ShtatCalendarDay *day = g_ptr_array_index (days, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *date = shtat_format_gdate (&day->date);
      g_autofree char *title = g_strdup_printf ("%s — %s", date, day->working ? _("working day") : _("day off"));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *note = day->note ? g_markup_escape_text (day->note, -1) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (note != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", g_date_get_julian (&day->date));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "profile.remove-day");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->days, row);
    }
}

/* ------------------------------------------------------------------------ */

void
shtat_profile_dialog_set_vehicles (ShtatProfileDialog *self,
                                   double              vehicles)
{
  gtk_spin_button_set_value (self->vehicles, vehicles);
}

const char *
shtat_profile_dialog_get_explanation (ShtatProfileDialog *self)
{
  return gtk_label_get_text (self->explanation);
}

const char *
shtat_profile_dialog_get_error_text (ShtatProfileDialog *self)
{
  return shtat_form_error_get_text (self->error_label);
}

gboolean
shtat_profile_dialog_save (ShtatProfileDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->profile_unread)
    return FALSE;
  if (!shtat_centre_profile_set_driver (self->profile, SHTAT_DRIVER_VEHICLES,
                                        gtk_spin_button_get_value (self->vehicles), &error)
      || !shtat_store_save_centre_profile (self->store, self->profile, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  shtat_profile_dialog_save (SHTAT_PROFILE_DIALOG (widget));
}

static void
shtat_profile_dialog_finalize (GObject *object)
{
  ShtatProfileDialog *self = SHTAT_PROFILE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->centre, shtat_centre_unref);
  g_clear_pointer (&self->profile, shtat_centre_profile_unref);
  g_clear_pointer (&self->calendar, shtat_calendar_unref);
  g_free (self->load_error);
  G_OBJECT_CLASS (shtat_profile_dialog_parent_class)->finalize (object);
}

static void
shtat_profile_dialog_class_init (ShtatProfileDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = shtat_profile_dialog_finalize;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, average);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, remarks);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, legend);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, vehicles);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, days);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, day_date);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, day_working);
  gtk_widget_class_bind_template_child (widget_class, ShtatProfileDialog, day_note);
  gtk_widget_class_bind_template_callback (widget_class, period_apply_cb);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "profile.add-day", NULL, add_day_action_cb);
  gtk_widget_class_install_action (widget_class, "profile.remove-day", "u", remove_day_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shtat_profile_dialog_init (ShtatProfileDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ShtatProfileDialog *
shtat_profile_dialog_new (GtkWindow        *parent,
                          ShtatStore       *store,
                          ShtatNormLibrary *library,
                          ShtatCentre      *centre)
{
  ShtatProfileDialog *self = g_object_new (SHTAT_TYPE_PROFILE_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) legend = g_string_new (NULL);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const char *name = shtat_centre_get_display_name (centre);
  ShtatMonth from, to;

  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  self->centre = shtat_centre_ref (centre);
  self->profile = shtat_store_load_centre_profile (store, centre->code, &error);
  if (self->profile == NULL)
    {
      self->profile = shtat_centre_profile_new (centre->code);
      self->profile_unread = TRUE;
      self->load_error = g_strconcat (_("The centre profile cannot be read: "), error->message, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save", FALSE);
      g_clear_error (&error);
    }
  self->calendar = shtat_store_load_calendar (store, &error);
  if (self->calendar == NULL)
    {
      g_autofree char *before = g_steal_pointer (&self->load_error);

      self->calendar = shtat_calendar_new ();
      self->calendar_unread = TRUE;
      /* saving the calendar replaces all its days: no day is added or removed */
      self->load_error = g_strconcat (before != NULL ? before : "", before != NULL ? "\n" : "",
                                      _("The working-day calendar cannot be read: "), error->message, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-day", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.remove-day", FALSE);
      g_clear_error (&error);
    }

  adw_preferences_group_set_title (self->average, name);
  for (guint n = 1; n <= 2; n++)
    {
      const ShtatInterpretation *in = shtat_norm_library_get_interpretation (library, n);

      if (in != NULL)
        {
          ShtatRemark *remark = shtat_remark_new_interpretation (in);
          gtk_list_box_append (self->remarks, shtat_remark_view_new (remark));
          shtat_remark_free (remark);
        }
    }

  shown_period (self, &from, &to);
  from_text = shtat_month_format (&from);
  to_text = shtat_month_format (&to);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from_text);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to_text);

  for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
    g_string_append_printf (legend, "%s(%u) %s", c ? "\n" : "", c + 1, shtat_appeal_channel_get_label (c));
  gtk_label_set_text (self->legend, legend->str);

  gtk_spin_button_set_value (self->vehicles, self->profile->set[SHTAT_DRIVER_VEHICLES]
                                               ? self->profile->values[SHTAT_DRIVER_VEHICLES] : 0);

  rebuild_grid (self);
  rebuild_days (self);
  show_error (self, NULL);
  return self;
}
