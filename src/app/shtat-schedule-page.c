/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-remark-view.h"
#include "shtat-schedule-page.h"

/* The Schedule section: a centre's staffing schedule, version by version, with
 * each line against its minimum, the totals and wage fund, and the documents.
 * What is shown comes from the core; the page computes nothing itself. */
struct _ShtatSchedulePage
{
  AdwBin            parent_instance;

  ShtatStore       *store;
  ShtatNormLibrary *library;
  GPtrArray        *centres;     /* ShtatCentre */
  GPtrArray        *versions;    /* ShtatSchedule of the centre chosen */
  ShtatSchedule    *shown;

  GtkStack         *stack;
  GtkDropDown      *centre_dropdown;
  GtkDropDown      *version_dropdown;
  GtkLabel         *status_label;
  GtkLabel         *totals_label;
  GtkLabel         *compliance_label;
  GtkBox           *lines_box;
  GtkFileChooserNative *chooser;
  char             *export_format;
};

G_DEFINE_FINAL_TYPE (ShtatSchedulePage, shtat_schedule_page, ADW_TYPE_BIN)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
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

static GtkWidget *
badge (const char *text,
       const char *kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "shtat-badge");
  gtk_widget_add_css_class (label, kind);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
show_schedule (ShtatSchedulePage *self,
               ShtatSchedule     *s)
{
  g_autoptr(ShtatScheduleCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  const ShtatNormTable *table;
  g_autofree char *units = NULL;
  g_autofree char *totals = NULL;
  gint64 monthly = 0, annual = 0;
  const char *unit = NULL;
  AdwPreferencesGroup *group = NULL;

  g_clear_pointer (&self->shown, shtat_schedule_unref);
  clear_box (self->lines_box);
  if (s == NULL)
    return;
  self->shown = shtat_schedule_ref (s);

  table = shtat_norm_library_get_table (self->library, shtat_schedule_get_table (s) ? shtat_schedule_get_table (s) : "fsc");
  check = shtat_schedule_check (s, self->library, table, NULL, &error);

  gtk_label_set_text (self->status_label, shtat_schedule_status_get_label (shtat_schedule_get_status (s)));
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

  if (check != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Against the minimum norms: %u errors, %u warnings"),
                                               check->n_errors, check->n_warnings);
      gtk_label_set_text (self->compliance_label, text);
    }
  else
    gtk_label_set_text (self->compliance_label, error->message);

  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (s, i);
      const ShtatComplianceRow *row = row_for (check, line->position);
      g_autofree char *name = shtat_schedule_dup_position_label (self->library, shtat_schedule_get_table (s),
                                                                 line->position);
      g_autofree char *title = g_markup_escape_text (name, -1);
      g_autofree char *u = shtat_units_format_locale (line->units);
      g_autofree char *salary = shtat_money_format (line->salary);
      g_autofree char *subtitle = NULL;
      GtkWidget *r = adw_action_row_new ();
      GtkWidget *units_label = gtk_label_new (u);

      if (g_strcmp0 (line->unit, unit) != 0)
        {
          unit = line->unit;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* the default units of 000 §7 read in the user's language */
          adw_preferences_group_set_title (group, unit ? shtat_document_get_unit_name (unit, shtat_lang_current ()) : "");
          gtk_box_append (self->lines_box, GTK_WIDGET (group));
        }

      subtitle = row != NULL && row->message != NULL
                   ? g_markup_printf_escaped ("%s · %s", salary, row->message)
                   : g_markup_escape_text (salary, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r), 0);
      if (row != NULL && row->severity == SHTAT_SEVERITY_ERROR)
        adw_action_row_add_suffix (ADW_ACTION_ROW (r), badge (_("Error"), "warning"));
      else if (row != NULL && row->severity == SHTAT_SEVERITY_WARNING)
        adw_action_row_add_suffix (ADW_ACTION_ROW (r), badge (shtat_remark_kind_get_label (SHTAT_REMARK_WARNING), "amendment"));
      gtk_widget_add_css_class (units_label, "shtat-units");
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), units_label);
      adw_preferences_group_add (group, r);
    }

  /* what the check found, with the readings of the law it rests on */
  if (check != NULL && (check->n_errors > 0 || check->n_warnings > 0 || check->remarks->len > 0))
    {
      GtkWidget *g = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), _("Against the Minimum Norms"));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < check->rows->len; i++)
        {
          const ShtatComplianceRow *row = g_ptr_array_index (check->rows, i);

          if (row->severity == SHTAT_SEVERITY_OK)
            continue;
          for (guint k = 0; k < row->remarks->len; k++)
            gtk_list_box_append (GTK_LIST_BOX (list), shtat_remark_view_new (g_ptr_array_index (row->remarks, k)));
        }
      for (guint k = 0; k < check->remarks->len; k++)
        gtk_list_box_append (GTK_LIST_BOX (list), shtat_remark_view_new (g_ptr_array_index (check->remarks, k)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), list);
      gtk_box_append (self->lines_box, g);
    }
}

static void
version_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     ShtatSchedulePage *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->versions != NULL && i < self->versions->len)
    show_schedule (self, g_ptr_array_index (self->versions, i));
}

static void
centre_selected_cb (GtkDropDown       *dropdown,
                    GParamSpec        *pspec,
                    ShtatSchedulePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (dropdown);
  ShtatCentre *centre;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  if (self->centres == NULL || i >= self->centres->len)
    return;
  centre = g_ptr_array_index (self->centres, i);
  self->versions = shtat_store_list_schedules (self->store, centre->code, &error);
  if (self->versions == NULL || self->versions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      show_schedule (self, NULL);
      return;
    }

  for (guint v = 0; v < self->versions->len; v++)
    {
      ShtatSchedule *s = g_ptr_array_index (self->versions, v);
      g_autofree char *label = g_strdup_printf (_("Version %u — %s"), shtat_schedule_get_version (s),
                                                shtat_schedule_status_get_label (shtat_schedule_get_status (s)));
      gtk_string_list_append (labels, label);
    }
  g_signal_handlers_block_by_func (self->version_dropdown, version_selected_cb, self);
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->version_dropdown, self->versions->len - 1);
  g_signal_handlers_unblock_by_func (self->version_dropdown, version_selected_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "schedule");
  show_schedule (self, g_ptr_array_index (self->versions, self->versions->len - 1));
}

void
shtat_schedule_page_refresh (ShtatSchedulePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  self->centres = shtat_store_list_centres (self->store, &error);
  for (guint i = 0; self->centres != NULL && i < self->centres->len; i++)
    {
      ShtatCentre *c = g_ptr_array_index (self->centres, i);
      gtk_string_list_append (names, shtat_lang_current () == SHTAT_LANG_RU ? c->name_ru : c->name_kk);
    }
  gtk_drop_down_set_model (self->centre_dropdown, G_LIST_MODEL (names));
  if (self->centres != NULL && self->centres->len > 0)
    centre_selected_cb (self->centre_dropdown, NULL, self);
  else
    gtk_stack_set_visible_child_name (self->stack, "none");
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

gboolean
shtat_schedule_page_export (ShtatSchedulePage *self,
                            const char        *format,
                            const char        *path,
                            GError           **error)
{
  const char *centre_name = shtat_schedule_get_centre (self->shown);
  ShtatLang lang = shtat_lang_current () == SHTAT_LANG_RU ? SHTAT_LANG_RU : SHTAT_LANG_KK;

  for (guint i = 0; self->centres != NULL && i < self->centres->len; i++)
    {
      ShtatCentre *c = g_ptr_array_index (self->centres, i);
      if (g_strcmp0 (c->code, shtat_schedule_get_centre (self->shown)) == 0)
        centre_name = lang == SHTAT_LANG_RU ? c->name_ru : c->name_kk;
    }
  if (g_str_equal (format, "xlsx"))
    return shtat_schedule_write_xlsx (self->shown, self->library, centre_name, lang, path, error);
  return shtat_schedule_write_pdf (self->shown, self->library, centre_name, lang, path, error);
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
    }
  g_clear_object (&self->chooser);
}

static void
export_clicked (ShtatSchedulePage *self,
                const char        *format)
{
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

static void
pdf_cb (GtkButton         *button,
        ShtatSchedulePage *self)
{
  export_clicked (self, "pdf");
}

static void
xlsx_cb (GtkButton         *button,
         ShtatSchedulePage *self)
{
  export_clicked (self, "xlsx");
}

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
  g_clear_object (&self->chooser);
  g_free (self->export_format);
  G_OBJECT_CLASS (shtat_schedule_page_parent_class)->finalize (object);
}

static void
shtat_schedule_page_class_init (ShtatSchedulePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shtat_schedule_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = shtat_schedule_page_finalize;
}

static void
shtat_schedule_page_init (ShtatSchedulePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *pdf = gtk_button_new_with_mnemonic (_("Export _PDF…"));
  GtkWidget *xlsx = gtk_button_new_with_mnemonic (_("Export _XLSX…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *none = adw_status_page_new ();

  self->centre_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->version_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->centre_dropdown), TRUE);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 12);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->centre_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->version_dropdown));
  gtk_box_append (GTK_BOX (bar), pdf);
  gtk_box_append (GTK_BOX (bar), xlsx);
  g_signal_connect (pdf, "clicked", G_CALLBACK (pdf_cb), self);
  g_signal_connect (xlsx, "clicked", G_CALLBACK (xlsx_cb), self);
  g_signal_connect (self->centre_dropdown, "notify::selected", G_CALLBACK (centre_selected_cb), self);
  g_signal_connect (self->version_dropdown, "notify::selected", G_CALLBACK (version_selected_cb), self);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  self->totals_label = GTK_LABEL (gtk_label_new (NULL));
  self->compliance_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "title-2");
  for (GtkLabel **l = (GtkLabel *[]) { self->status_label, self->totals_label, self->compliance_label, NULL }; *l; l++)
    {
      gtk_label_set_xalign (*l, 0);
      gtk_label_set_wrap (*l, TRUE);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (*l));
    }
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "shtat-summary");

  self->lines_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (GTK_BOX (content), card);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->lines_box));
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Staffing Schedule Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                   _("Make a draft from the minimum norms with “shtat-cli schedule new”."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "schedule");
  gtk_stack_add_named (self->stack, none, "none");
  gtk_stack_set_visible_child_name (self->stack, "none");

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
}
