/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-employee-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-employee-page.h"
#include "shtat-widgets.h"
#include "shtat-remark-view.h"

/* One personnel file: the verdict for the employee's post at the top (status,
 * ladder, next category and when, reasons with citations), then every record,
 * editable in place. A change is applied to a working copy, validated by the
 * core, and handed on with the "save" signal only when it is valid. */
struct _ShtatEmployeePage
{
  AdwBin             parent_instance;

  ShtatNormLibrary  *library;
  GPtrArray         *centres;     /* ShtatCentre */
  ShtatEmployee     *employee;    /* as saved */
  ShtatEmployee     *working;     /* being edited */
  GDate              as_of;

  GtkWidget         *scroller;
  GtkWidget         *empty_status;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkBox            *verdict_box;
  GtkLabel          *verdict_label;
  GtkLabel          *eligible_label;
  GtkLabel          *error_label;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *assignments_group;
  AdwPreferencesGroup *education_group;
  AdwPreferencesGroup *periods_group;
  AdwPreferencesGroup *certificates_group;
  GtkWidget         *surname_row;
  GtkWidget         *name_row;
  GtkWidget         *patronymic_row;
  GtkWidget         *iin_row;
  GtkWidget         *birth_date_row;
  AdwComboRow       *sex_row;
  GPtrArray         *record_rows;   /* the expander rows of the records shown */
  gboolean           filling;       /* the form is being filled from the file */
  guint              commit_source;
  gboolean           rebuild_after_commit;
};

G_DEFINE_FINAL_TYPE (ShtatEmployeePage, shtat_employee_page, ADW_TYPE_BIN)

enum {
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (ShtatEmployeePage *self);
static void refresh_verdict (ShtatEmployeePage *self);

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static GtkWidget *
make_label (const char *text,
            const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static const char *
position_name (ShtatEmployeePage *self,
               const char        *code)
{
  const ShtatPosition *p = shtat_norm_library_get_position (self->library, code);
  const ShtatExternalPosition *e = shtat_norm_library_get_external_position (self->library, code);

  if (p != NULL)
    return shtat_text_get (&p->name);
  if (e != NULL)
    return shtat_text_get (&e->name);
  return code != NULL ? code : "";
}

/* ------------------------------------------------------------------------ */
/* Committing a change                                                      */

void
shtat_employee_page_show_error (ShtatEmployeePage *self,
                                const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
commit (ShtatEmployeePage *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  shtat_date_set_today (&today);

  if (!shtat_employee_validate (self->working, self->library, &today, &error))
    {
      shtat_employee_page_show_error (self, error->message);
      return;
    }

  shtat_employee_page_show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVE], 0, self->working);
}

/* Saving may rebuild the form, which must not happen inside the signal of
 * the widget being edited: commit from the main loop instead. */
static gboolean
commit_idle_cb (gpointer user_data)
{
  ShtatEmployeePage *self = user_data;

  self->commit_source = 0;
  commit (self);
  if (self->rebuild_after_commit)
    {
      self->rebuild_after_commit = FALSE;
      rebuild (self);
    }
  return G_SOURCE_REMOVE;
}

static void
commit_later (ShtatEmployeePage *self)
{
  if (self->commit_source == 0)
    self->commit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_idle_cb, self, NULL);
}

/* Every editable field is named "kind-index-field" ("period-1-from") or
 * "field" for the person's own data: the name says what an edit changes. */
static gboolean
split_field (const char  *name,
             char       **kind,
             guint       *index,
             char       **field)
{
  g_auto(GStrv) parts = g_strsplit (name, "-", 3);

  if (g_strv_length (parts) == 1)
    {
      *kind = g_strdup ("person");
      *index = 0;
      *field = g_strdup (parts[0]);
      return TRUE;
    }
  if (g_strv_length (parts) != 3)
    return FALSE;
  *kind = g_strdup (parts[0]);
  *index = (guint) g_ascii_strtoull (parts[1], NULL, 10);
  *field = g_strdup (parts[2]);
  return TRUE;
}

static void
set_string (char       **slot,
            const char  *text)
{
  g_free (*slot);
  *slot = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

/* Applies typed text to the working copy; FALSE with a message if it cannot be
 * read at all (the core judges everything else). */
static gboolean
apply_text (ShtatEmployeePage *self,
            const char        *name,
            const char        *text,
            char             **message)
{
  g_autofree char *kind = NULL;
  g_autofree char *field = NULL;
  ShtatEmployee *w = self->working;
  GDate date;
  guint index;

  if (!split_field (name, &kind, &index, &field))
    return FALSE;

  if (g_str_has_suffix (field, "date") || g_str_equal (field, "from") || g_str_equal (field, "to")
      || g_str_equal (field, "issued") || g_str_equal (field, "expires"))
    {
      if (!shtat_parse_date (text, &date))
        {
          *message = g_strdup_printf (_("“%s” is not a date: write it as dd.mm.yyyy"), text);
          return FALSE;
        }
    }

  if (g_str_equal (kind, "person"))
    {
      if (g_str_equal (field, "surname"))
        set_string (&w->surname, text);
      else if (g_str_equal (field, "name"))
        set_string (&w->name, text);
      else if (g_str_equal (field, "patronymic"))
        set_string (&w->patronymic, text);
      else if (g_str_equal (field, "iin"))
        {
          g_autofree char *digits = g_strstrip (g_strdup (text));
          g_strlcpy (w->iin, digits, sizeof w->iin);
          if (strlen (digits) > 12)
            {
              *message = g_strdup_printf (_("The IIN must have 12 digits, not %u"), (guint) strlen (digits));
              return FALSE;
            }
        }
      else if (g_str_equal (field, "birth_date"))
        w->birth_date = date;
    }
  else if (g_str_equal (kind, "education") && index < w->education->len)
    {
      ShtatEducation *e = &g_array_index (w->education, ShtatEducation, index);

      if (g_str_equal (field, "specialty"))
        set_string (&e->specialty, text);
      else if (g_str_equal (field, "institution"))
        set_string (&e->institution, text);
      else if (g_str_equal (field, "diploma"))
        set_string (&e->diploma, text);
      else if (g_str_equal (field, "year"))
        {
          char *end = NULL;
          guint64 year = g_ascii_strtoull (text, &end, 10);

          if (*text != '\0' && (end == NULL || *end != '\0' || year > 9999))
            {
              *message = g_strdup_printf (_("“%s” is not a year"), text);
              return FALSE;
            }
          e->year = (guint) year;
        }
    }
  else if (g_str_equal (kind, "certificate") && index < w->certificates->len)
    {
      ShtatCertificate *c = &g_array_index (w->certificates, ShtatCertificate, index);

      if (g_str_equal (field, "number"))
        set_string (&c->number, text);
      else if (g_str_equal (field, "issued"))
        c->issued = date;
      else if (g_str_equal (field, "expires"))
        c->expires = date;
    }
  else if (g_str_equal (kind, "period") && index < w->periods->len)
    {
      ShtatWorkPeriod *p = &g_array_index (w->periods, ShtatWorkPeriod, index);

      if (g_str_equal (field, "organisation"))
        set_string (&p->organisation, text);
      else if (g_str_equal (field, "from"))
        p->from = date;
      else if (g_str_equal (field, "to"))
        p->to = date;
    }
  else if (g_str_equal (kind, "assignment") && index < w->assignments->len)
    {
      ShtatAssignment *a = &g_array_index (w->assignments, ShtatAssignment, index);

      if (g_str_equal (field, "rate"))
        {
          int hundredths;

          if (!shtat_units_parse (text, &hundredths))
            {
              *message = g_strdup_printf (_("“%s” is not a rate: write 1, 0.5 or 0.25"), text);
              return FALSE;
            }
          a->rate = hundredths;
        }
      else if (g_str_equal (field, "from"))
        a->from = date;
      else if (g_str_equal (field, "to"))
        a->to = date;
    }

  return TRUE;
}

static void
entry_apply_cb (AdwEntryRow       *row,
                ShtatEmployeePage *self)
{
  g_autofree char *message = NULL;
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (!apply_text (self, name, gtk_editable_get_text (GTK_EDITABLE (row)), &message))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      shtat_employee_page_show_error (self, message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  commit_later (self);
}

/* Choice lists: each combo row keeps the values behind its items. */
static void
combo_selected_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   ShtatEmployeePage *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *field = NULL;
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "shtat-values");
  guint selected = adw_combo_row_get_selected (row);
  const char *value;
  ShtatEmployee *w = self->working;
  guint index;
  int number;

  if (self->filling || self->working == NULL)
    return;
  if (row == self->sex_row)
    {
      /* the items of the template: not given, male, female */
      w->sex = (ShtatSex) selected;
      commit_later (self);
      return;
    }
  if (values == NULL || selected >= values->len)
    return;
  value = g_ptr_array_index (values, selected);
  number = (int) g_ascii_strtoll (value, NULL, 10);
  if (!split_field (gtk_widget_get_name (GTK_WIDGET (row)), &kind, &index, &field))
    return;

  if (g_str_equal (kind, "person") && g_str_equal (field, "sex"))
    w->sex = (ShtatSex) number;
  else if (g_str_equal (kind, "education") && index < w->education->len)
    {
      ShtatEducation *e = &g_array_index (w->education, ShtatEducation, index);

      if (g_str_equal (field, "level"))
        e->level = (ShtatEducationLevel) number;
      else if (g_str_equal (field, "field"))
        e->field = number;
    }
  else if (g_str_equal (kind, "period") && index < w->periods->len)
    {
      ShtatWorkPeriod *p = &g_array_index (w->periods, ShtatWorkPeriod, index);

      if (g_str_equal (field, "sector"))
        p->sector = (ShtatSector) number;
      else if (g_str_equal (field, "position"))
        set_string (&p->position, value);
      else if (g_str_equal (field, "level"))
        p->level = number;
      else if (g_str_equal (field, "category"))
        p->category = number;
    }
  else if (g_str_equal (kind, "assignment") && index < w->assignments->len)
    {
      ShtatAssignment *a = &g_array_index (w->assignments, ShtatAssignment, index);

      if (g_str_equal (field, "position"))
        set_string (&a->position, value);
      else if (g_str_equal (field, "centre"))
        a->centre_id = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_equal (field, "level"))
        a->level = number;
      else if (g_str_equal (field, "category"))
        a->category = number;
    }
  else if (g_str_equal (kind, "certificate") && index < w->certificates->len)
    {
      if (g_str_equal (field, "kind"))
        set_string (&g_array_index (w->certificates, ShtatCertificate, index).kind, value);
    }

  commit_later (self);
}

static void
switch_cb (GtkSwitch         *sw,
           GParamSpec        *pspec,
           ShtatEmployeePage *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *field = NULL;
  guint index;

  if (self->filling || !split_field (gtk_widget_get_name (GTK_WIDGET (sw)), &kind, &index, &field))
    return;

  if (g_str_equal (kind, "education") && index < self->working->education->len)
    g_array_index (self->working->education, ShtatEducation, index).relevant = gtk_switch_get_active (sw);
  else if (g_str_equal (kind, "period") && index < self->working->periods->len)
    g_array_index (self->working->periods, ShtatWorkPeriod, index).managerial = gtk_switch_get_active (sw);
  commit_later (self);
}

/* The target names the record as its fields are named: "period-1-remove". */
static void
remove_record_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ShtatEmployeePage *self = SHTAT_EMPLOYEE_PAGE (widget);
  g_autofree char *kind = NULL;
  g_autofree char *field = NULL;
  guint index;
  GArray *array = NULL;

  if (self->working == NULL || !split_field (g_variant_get_string (parameter, NULL), &kind, &index, &field))
    return;
  if (g_str_equal (kind, "education"))
    array = self->working->education;
  else if (g_str_equal (kind, "certificate"))
    array = self->working->certificates;
  else if (g_str_equal (kind, "period"))
    array = self->working->periods;
  else if (g_str_equal (kind, "assignment"))
    array = self->working->assignments;
  if (array == NULL || index >= array->len)
    return;

  g_array_remove_index (array, index);
  self->rebuild_after_commit = TRUE;
  commit_later (self);
}

/* ------------------------------------------------------------------------ */
/* Building the form                                                        */

static GtkWidget *
entry_row (ShtatEmployeePage *self,
           const char        *name,
           const char        *title,
           const char        *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
  return row;
}

static GtkWidget *
date_row (ShtatEmployeePage *self,
          const char        *name,
          const char        *title,
          const GDate       *date)
{
  g_autofree char *text = shtat_format_gdate (date);
  GtkWidget *row = entry_row (self, name, title, text);

  gtk_widget_set_tooltip_text (row, _("Write dates as dd.mm.yyyy"));
  return row;
}

/* A combo row over (label, value) pairs; `current` is the value selected. */
static GtkWidget *
combo_row (ShtatEmployeePage *self,
           const char        *name,
           const char        *title,
           GPtrArray         *labels,
           GPtrArray         *values,
           const char        *current)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
        selected = i;
    }

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "shtat-values", g_ptr_array_ref (values), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  return row;
}

static GtkWidget *
switch_row (ShtatEmployeePage *self,
            const char        *name,
            const char        *title,
            gboolean           active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_name (sw, name);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_cb), self);
  return row;
}

static GtkWidget *
remove_row (ShtatEmployeePage *self,
            const char        *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove This Record"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "employee.remove-record");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
choices_add (GPtrArray  *labels,
             GPtrArray  *values,
             const char *label,
             char       *value)
{
  g_ptr_array_add (labels, g_strdup (label));
  g_ptr_array_add (values, value);
}

static void
int_choices (GPtrArray  **labels,
             GPtrArray  **values)
{
  *labels = g_ptr_array_new_with_free_func (g_free);
  *values = g_ptr_array_new_with_free_func (g_free);
}

/* A combo row over an enumeration, with "Not given" (-1) first. */
static GtkWidget *
enum_combo (ShtatEmployeePage *self,
            const char        *name,
            const char        *title,
            int                n_values,
            const char      *(*label) (int value),
            int                current)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *cur = g_strdup_printf ("%d", current);

  int_choices (&labels, &values);
  choices_add (labels, values, _("Not given"), g_strdup ("-1"));
  for (int v = 0; v < n_values; v++)
    choices_add (labels, values, label (v), g_strdup_printf ("%d", v));
  return combo_row (self, name, title, labels, values, cur);
}

static const char *
level_label (int level)
{
  return shtat_level_get_label ((ShtatLevel) level);
}

static const char *
category_label (int category)
{
  return shtat_category_get_label ((ShtatCategory) category);
}

static GtkWidget *
level_combo (ShtatEmployeePage *self,
             const char        *name,
             const char        *title,
             int                current)
{
  return enum_combo (self, name, title, SHTAT_N_LEVELS, level_label, current);
}

static GtkWidget *
category_combo (ShtatEmployeePage *self,
                const char        *name,
                const char        *title,
                int                current)
{
  return enum_combo (self, name, title, SHTAT_N_CATEGORIES, category_label, current);
}

static GtkWidget *
position_combo (ShtatEmployeePage *self,
                const char        *name,
                const char        *current,
                gboolean           allow_other)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *positions = shtat_norm_library_get_positions (self->library);
  GPtrArray *external = shtat_norm_library_get_external_positions (self->library);

  if (allow_other)
    choices_add (labels, values, _("Another position"), g_strdup ("other"));
  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPosition *p = g_ptr_array_index (positions, i);
      choices_add (labels, values, shtat_text_get (&p->name), g_strdup (p->code));
    }
  for (guint i = 0; i < external->len; i++)
    {
      const ShtatExternalPosition *e = g_ptr_array_index (external, i);
      choices_add (labels, values, shtat_text_get (&e->name), g_strdup (e->code));
    }
  return combo_row (self, name, _("Position"), labels, values, current);
}

/* A record's row joins its group's list; the next rebuild takes it out again. */
static void
record_add (ShtatEmployeePage   *self,
            AdwPreferencesGroup *group,
            GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->record_rows, row);
}

static GtkWidget *
expander (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *s = g_markup_escape_text (subtitle ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), s);
  return row;
}

static void
fill_person (ShtatEmployeePage *self)
{
  ShtatEmployee *w = self->working;
  g_autofree char *birth = shtat_format_gdate (&w->birth_date);

  gtk_editable_set_text (GTK_EDITABLE (self->surname_row), w->surname ? w->surname : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), w->name ? w->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->patronymic_row), w->patronymic ? w->patronymic : "");
  gtk_editable_set_text (GTK_EDITABLE (self->iin_row), w->iin);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), birth ? birth : "");
  for (GtkWidget **row = (GtkWidget *[]) { self->surname_row, self->name_row, self->patronymic_row, self->iin_row,
                                           self->birth_date_row, NULL }; *row; row++)
    gtk_widget_remove_css_class (*row, "error");
  adw_combo_row_set_selected (self->sex_row, w->sex == SHTAT_SEX_MALE || w->sex == SHTAT_SEX_FEMALE ? (guint) w->sex : 0);
}

static void
build_education (ShtatEmployeePage *self)
{
  AdwPreferencesGroup *group = self->education_group;

  adw_preferences_group_set_description (group, self->working->education->len == 0 ? _("No education recorded") : NULL);

  for (guint i = 0; i < self->working->education->len; i++)
    {
      ShtatEducation *e = &g_array_index (self->working->education, ShtatEducation, i);
      g_autofree char *prefix = g_strdup_printf ("education-%u-", i);
      g_autofree char *n_level = g_strconcat (prefix, "level", NULL);
      g_autofree char *n_field = g_strconcat (prefix, "field", NULL);
      g_autofree char *n_relevant = g_strconcat (prefix, "relevant", NULL);
      g_autofree char *n_specialty = g_strconcat (prefix, "specialty", NULL);
      g_autofree char *n_institution = g_strconcat (prefix, "institution", NULL);
      g_autofree char *n_diploma = g_strconcat (prefix, "diploma", NULL);
      g_autofree char *n_year = g_strconcat (prefix, "year", NULL);
      g_autofree char *n_remove = g_strconcat (prefix, "remove", NULL);
      g_autofree char *year = e->year ? g_strdup_printf ("%u", e->year) : g_strdup ("");
      g_autofree char *level = g_strdup_printf ("%d", e->level);
      g_autofree char *field = g_strdup_printf ("%d", e->field);
      g_autoptr(GPtrArray) labels = NULL;
      g_autoptr(GPtrArray) values = NULL;
      g_autoptr(GPtrArray) flabels = NULL;
      g_autoptr(GPtrArray) fvalues = NULL;
      g_autofree char *level_title = shtat_capitalize_first (shtat_education_level_get_label (e->level));
      GtkWidget *row = expander (level_title, e->specialty);

      int_choices (&labels, &values);
      for (int l = 0; l < SHTAT_N_EDUCATION_LEVELS; l++)
        choices_add (labels, values, shtat_education_level_get_label (l), g_strdup_printf ("%d", l));
      int_choices (&flabels, &fvalues);
      choices_add (flabels, fvalues, _("Not classified"), g_strdup ("-1"));
      for (int f = 0; f < SHTAT_N_FIELDS - 1; f++)
        choices_add (flabels, fvalues, shtat_field_get_label (f), g_strdup_printf ("%d", f));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, n_level, _("Level"), labels, values, level));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, n_field, _("Field"), flabels, fvalues, field));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                switch_row (self, n_relevant, _("Confirmed as the relevant specialty for the post"), e->relevant));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_specialty, _("Specialty"), e->specialty));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_institution, _("Institution"), e->institution));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_diploma, _("Diploma number"), e->diploma));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_year, _("Year of graduation"), year));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (self, n_remove));
      record_add (self, group, row);
    }
}

static void
build_certificates (ShtatEmployeePage *self)
{
  AdwPreferencesGroup *group = self->certificates_group;

  for (guint i = 0; i < self->working->certificates->len; i++)
    {
      ShtatCertificate *c = &g_array_index (self->working->certificates, ShtatCertificate, i);
      g_autofree char *prefix = g_strdup_printf ("certificate-%u-", i);
      g_autofree char *n_kind = g_strconcat (prefix, "kind", NULL);
      g_autofree char *n_number = g_strconcat (prefix, "number", NULL);
      g_autofree char *n_issued = g_strconcat (prefix, "issued", NULL);
      g_autofree char *n_expires = g_strconcat (prefix, "expires", NULL);
      g_autofree char *n_remove = g_strconcat (prefix, "remove", NULL);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *row = expander (_("Certificate of social training"), c->number);

      choices_add (labels, values, _("Certificate of social training"), g_strdup ("social-training"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, n_kind, _("Kind"), labels, values, c->kind));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_number, _("Number"), c->number));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, n_issued, _("Issued"), &c->issued));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, n_expires, _("Expires"), &c->expires));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (self, n_remove));
      record_add (self, group, row);
    }
}

static void
build_periods (ShtatEmployeePage *self)
{
  AdwPreferencesGroup *group = self->periods_group;

  for (guint i = 0; i < self->working->periods->len; i++)
    {
      ShtatWorkPeriod *p = &g_array_index (self->working->periods, ShtatWorkPeriod, i);
      g_autofree char *prefix = g_strdup_printf ("period-%u-", i);
      g_autofree char *n_org = g_strconcat (prefix, "organisation", NULL);
      g_autofree char *n_sector = g_strconcat (prefix, "sector", NULL);
      g_autofree char *n_position = g_strconcat (prefix, "position", NULL);
      g_autofree char *n_level = g_strconcat (prefix, "level", NULL);
      g_autofree char *n_category = g_strconcat (prefix, "category", NULL);
      g_autofree char *n_managerial = g_strconcat (prefix, "managerial", NULL);
      g_autofree char *n_from = g_strconcat (prefix, "from", NULL);
      g_autofree char *n_to = g_strconcat (prefix, "to", NULL);
      g_autofree char *n_remove = g_strconcat (prefix, "remove", NULL);
      g_autofree char *from = shtat_format_gdate (&p->from);
      g_autofree char *to = g_date_valid (&p->to) ? shtat_format_gdate (&p->to) : g_strdup (_("now"));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s – %s", p->organisation ? p->organisation : "", from, to);
      g_autofree char *sector = g_strdup_printf ("%d", p->sector);
      g_autoptr(GPtrArray) labels = NULL;
      g_autoptr(GPtrArray) values = NULL;
      GtkWidget *row = expander (position_name (self, p->position), subtitle);

      int_choices (&labels, &values);
      for (int s = 0; s < SHTAT_N_SECTORS; s++)
        choices_add (labels, values, shtat_sector_get_label (s), g_strdup_printf ("%d", s));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_org, _("Organisation"), p->organisation));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, n_sector, _("Sector"), labels, values, sector));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), position_combo (self, n_position, p->position, TRUE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), level_combo (self, n_level, _("Qualification level"), p->level));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), category_combo (self, n_category, _("Category"), p->category));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), switch_row (self, n_managerial, _("Leadership post"), p->managerial));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, n_from, _("From"), &p->from));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, n_to, _("To (empty while it lasts)"), &p->to));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (self, n_remove));
      record_add (self, group, row);
    }
}

static void
build_assignments (ShtatEmployeePage *self)
{
  AdwPreferencesGroup *group = self->assignments_group;

  for (guint i = 0; i < self->working->assignments->len; i++)
    {
      ShtatAssignment *a = &g_array_index (self->working->assignments, ShtatAssignment, i);
      g_autofree char *prefix = g_strdup_printf ("assignment-%u-", i);
      g_autofree char *n_centre = g_strconcat (prefix, "centre", NULL);
      g_autofree char *n_position = g_strconcat (prefix, "position", NULL);
      g_autofree char *n_level = g_strconcat (prefix, "level", NULL);
      g_autofree char *n_category = g_strconcat (prefix, "category", NULL);
      g_autofree char *n_rate = g_strconcat (prefix, "rate", NULL);
      g_autofree char *n_from = g_strconcat (prefix, "from", NULL);
      g_autofree char *n_to = g_strconcat (prefix, "to", NULL);
      g_autofree char *n_remove = g_strconcat (prefix, "remove", NULL);
      g_autofree char *rate = shtat_units_format (a->rate);
      g_autofree char *centre = g_strdup_printf ("%" G_GINT64_FORMAT, a->centre_id);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *since = shtat_format_gdate (&a->from);
      g_autofree char *subtitle = g_strdup_printf (_("Rate %s · since %s"), rate, since);
      GtkWidget *row = expander (position_name (self, a->position), subtitle);

      for (guint c = 0; self->centres != NULL && c < self->centres->len; c++)
        {
          ShtatCentre *ce = g_ptr_array_index (self->centres, c);
          choices_add (labels, values, shtat_centre_get_display_name (ce),
                       g_strdup_printf ("%" G_GINT64_FORMAT, ce->id));
        }
      if (labels->len > 0)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo_row (self, n_centre, _("Centre"), labels, values, centre));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), position_combo (self, n_position, a->position, FALSE));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), level_combo (self, n_level, _("Qualification level"), a->level));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), category_combo (self, n_category, _("Category held"), a->category));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, n_rate, _("Rate (staff units)"), rate));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, n_from, _("From"), &a->from));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (self, n_to, _("To (empty while it lasts)"), &a->to));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row (self, n_remove));
      record_add (self, group, row);
    }
}

/* ------------------------------------------------------------------------ */
/* The verdict                                                              */

static const ShtatAssignment *
current_assignment (ShtatEmployeePage *self)
{
  for (guint a = 0; a < self->employee->assignments->len; a++)
    {
      const ShtatAssignment *as = &g_array_index (self->employee->assignments, ShtatAssignment, a);

      if (shtat_assignment_is_open_on (as, &self->as_of))
        return as;
    }
  return NULL;
}

static void
refresh_verdict (ShtatEmployeePage *self)
{
  const ShtatAssignment *assignment;
  g_autoptr(ShtatVerdict) v = NULL;
  const ShtatPosition *position;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->verdict_box))) != NULL)
    gtk_box_remove (self->verdict_box, child);
  self->verdict_label = NULL;
  self->eligible_label = NULL;

  if (self->employee == NULL)
    return;

  assignment = current_assignment (self);
  if (assignment == NULL)
    {
      self->verdict_label = GTK_LABEL (make_label (_("No current post: add one under “Posts Held” to see the verdict"),
                                                   "dim-label"));
      gtk_box_append (self->verdict_box, GTK_WIDGET (self->verdict_label));
      return;
    }

  v = shtat_verdict_compute (self->library, self->employee, assignment, &self->as_of);
  position = shtat_norm_library_get_position (self->library, assignment->position);

  {
    GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    g_autofree char *post = NULL;
    g_autofree char *next = NULL;

    gtk_widget_add_css_class (card, "card");
    gtk_widget_add_css_class (card, "shtat-summary");
    self->verdict_label = GTK_LABEL (make_label (shtat_verdict_kind_get_label (v->kind), "title-2"));
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), shtat_verdict_style (v->kind));
    gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->verdict_label));

    post = g_strdup_printf (_("%s · category held: %s · attainable now: %s"),
                            position_name (self, assignment->position),
                            v->held_category >= 0 ? shtat_category_get_label (v->held_category) : _("none"),
                            v->attainable_category >= 0 ? shtat_category_get_label (v->attainable_category) : _("none"));
    gtk_box_append (GTK_BOX (card), make_label (post, NULL));

    if (v->next_category >= 0 && v->next_reachable && g_date_valid (&v->eligible_on))
      {
        g_autofree char *when = shtat_format_gdate (&v->eligible_on);
        next = g_strdup_printf (g_date_compare (&v->eligible_on, &self->as_of) <= 0
                                  ? _("Next: %s, eligible since %s")
                                  : _("Next: %s, eligible on %s"),
                                shtat_category_get_label (v->next_category), when);
      }
    else if (v->next_category >= 0)
      next = g_strdup_printf (_("Next: %s, which experience alone cannot bring"),
                              shtat_category_get_label (v->next_category));
    else if (v->kind != SHTAT_VERDICT_OTHER_ACT)
      next = g_strdup (_("The top of the ladder: no higher category"));
    if (next != NULL)
      {
        self->eligible_label = GTK_LABEL (make_label (next, "heading"));
        gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->eligible_label));
      }
    gtk_box_append (self->verdict_box, card);
  }

  /* the ladder, with the rung held and the rung attainable marked */
  if (position != NULL)
    for (guint l = 0; l < position->levels->len; l++)
      {
        const ShtatLevelRequirement *level = g_ptr_array_index (position->levels, l);
        GtkWidget *group;

        if (position->levels->len > 1 && v->level >= 0 && (int) level->id != v->level)
          continue;
        group = adw_preferences_group_new ();
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Requirement Ladder"));
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), position->requirements_cite);
        for (guint c = 0; c < level->categories->len; c++)
          {
            const ShtatCategoryRequirement *cat = g_ptr_array_index (level->categories, c);
            GtkWidget *row = adw_action_row_new ();
            g_autoptr(GString) text = g_string_new (NULL);
            int held = v->held_category >= 0 ? v->held_category : SHTAT_CATEGORY_NONE;

            for (guint a = 0; a < cat->alternatives->len; a++)
              {
                g_autofree char *d = shtat_alternative_describe (g_ptr_array_index (cat->alternatives, a), position);
                if (a > 0)
                  g_string_append_printf (text, "\n%s\n", _("or"));
                g_string_append (text, d);
              }
            adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shtat_category_requirement_get_label (cat));
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
            adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
            if ((int) cat->id == held)
              {
                adw_action_row_add_suffix (ADW_ACTION_ROW (row), shtat_badge_new (_("Held"), "note"));
                gtk_widget_add_css_class (row, "shtat-rung-current");
              }
            if ((int) cat->id == v->attainable_category)
              {
                adw_action_row_add_suffix (ADW_ACTION_ROW (row), shtat_badge_new (_("Attainable"), "interpretation"));
              }
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          }
        gtk_box_append (self->verdict_box, group);
      }

  if (v->reasons->len > 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Why"));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint r = 0; r < v->reasons->len; r++)
        gtk_list_box_append (GTK_LIST_BOX (list), shtat_remark_view_new (g_ptr_array_index (v->reasons, r)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (self->verdict_box, group);
    }
}

static void
rebuild (ShtatEmployeePage *self)
{
  GtkWidget *shown[] = { GTK_WIDGET (self->title_label), GTK_WIDGET (self->subtitle_label),
                         GTK_WIDGET (self->verdict_box), GTK_WIDGET (self->person_group),
                         GTK_WIDGET (self->assignments_group), GTK_WIDGET (self->education_group),
                         GTK_WIDGET (self->periods_group), GTK_WIDGET (self->certificates_group) };
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *birth = NULL;

  for (guint i = 0; i < self->record_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->record_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->record_rows, 0);
  shtat_employee_page_show_error (self, NULL);
  refresh_verdict (self);

  gtk_widget_set_visible (self->empty_status, self->working == NULL);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    gtk_widget_set_visible (shown[i], self->working != NULL);
  if (self->working == NULL)
    return;

  name = shtat_employee_dup_full_name (self->working);
  birth = shtat_format_gdate (&self->working->birth_date);
  subtitle = g_strdup_printf (_("IIN %s · born %s"), self->working->iin, birth);
  gtk_label_set_text (self->title_label, *name ? name : _("New employee"));
  gtk_label_set_text (self->subtitle_label, subtitle);

  self->filling = TRUE;
  fill_person (self);
  self->filling = FALSE;
  build_assignments (self);
  build_education (self);
  build_periods (self);
  build_certificates (self);
}

/* ------------------------------------------------------------------------ */

static void
add_record (ShtatEmployeePage *self,
            const char        *kind)
{
  if (self->working == NULL)
    return;

  if (g_str_equal (kind, "education"))
    {
      ShtatEducation e = { 0, SHTAT_EDUCATION_HIGHER, -1, FALSE, NULL, NULL, NULL, 0 };
      shtat_employee_add_education (self->working, &e);
    }
  else if (g_str_equal (kind, "certificate"))
    {
      ShtatCertificate c = { 0, };
      c.kind = (char *) "social-training";
      g_date_clear (&c.issued, 1);
      g_date_clear (&c.expires, 1);
      shtat_employee_add_certificate (self->working, &c);
    }
  else if (g_str_equal (kind, "period"))
    {
      ShtatWorkPeriod p = { 0, };
      p.position = (char *) "other";
      p.level = -1;
      p.category = -1;
      g_date_clear (&p.from, 1);
      g_date_clear (&p.to, 1);
      shtat_employee_add_period (self->working, &p);
    }
  else if (g_str_equal (kind, "assignment"))
    {
      ShtatAssignment a = { 0, };
      const ShtatPosition *first = g_ptr_array_index (shtat_norm_library_get_positions (self->library), 0);

      a.position = first->code;
      a.level = -1;
      a.category = -1;
      a.rate = 100;
      if (self->centres != NULL && self->centres->len > 0)
        a.centre_id = ((ShtatCentre *) g_ptr_array_index (self->centres, 0))->id;
      g_date_clear (&a.from, 1);
      g_date_clear (&a.to, 1);
      shtat_employee_add_assignment (self->working, &a);
    }

  /* New records start incomplete: they are saved once their fields are valid. */
  rebuild (self);
}

static void
add_record_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_record (SHTAT_EMPLOYEE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

void
shtat_employee_page_set_employee (ShtatEmployeePage *self,
                                  ShtatEmployee     *employee)
{
  gboolean same = self->employee != NULL && employee != NULL && self->employee->id == employee->id
                  && self->employee->id != 0;

  g_clear_pointer (&self->employee, shtat_employee_unref);
  g_clear_pointer (&self->working, shtat_employee_unref);
  if (employee != NULL)
    {
      self->employee = shtat_employee_ref (employee);
      self->working = shtat_employee_copy (employee);
    }

  /* the same file saved again: keep the form (and the focus), refresh the verdict */
  if (same)
    {
      shtat_employee_page_show_error (self, NULL);
      refresh_verdict (self);
      return;
    }
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

ShtatEmployee *
shtat_employee_page_get_employee (ShtatEmployeePage *self)
{
  return self->employee;
}

void
shtat_employee_page_set_centres (ShtatEmployeePage *self,
                                 GPtrArray         *centres)
{
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  self->centres = centres ? g_ptr_array_ref (centres) : NULL;
}

void
shtat_employee_page_set_as_of (ShtatEmployeePage *self,
                               const GDate       *as_of)
{
  self->as_of = *as_of;
}

const char *
shtat_employee_page_get_verdict_text (ShtatEmployeePage *self)
{
  return self->verdict_label ? gtk_label_get_text (self->verdict_label) : NULL;
}

const char *
shtat_employee_page_get_eligible_text (ShtatEmployeePage *self)
{
  return self->eligible_label ? gtk_label_get_text (self->eligible_label) : NULL;
}

const char *
shtat_employee_page_get_error_text (ShtatEmployeePage *self)
{
  return self->error_label && gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
}

/* ------------------------------------------------------------------------ */

static void
shtat_employee_page_dispose (GObject *object)
{
  ShtatEmployeePage *self = SHTAT_EMPLOYEE_PAGE (object);

  /* the bin lets go of its child first: it is a bound template child too */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_EMPLOYEE_PAGE);
  G_OBJECT_CLASS (shtat_employee_page_parent_class)->dispose (object);
}

static void
shtat_employee_page_finalize (GObject *object)
{
  ShtatEmployeePage *self = SHTAT_EMPLOYEE_PAGE (object);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_object (&self->library);
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  g_clear_pointer (&self->employee, shtat_employee_unref);
  g_clear_pointer (&self->working, shtat_employee_unref);
  g_clear_pointer (&self->record_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (shtat_employee_page_parent_class)->finalize (object);
}

static void
shtat_employee_page_class_init (ShtatEmployeePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shtat_employee_page_dispose;
  object_class->finalize = shtat_employee_page_finalize;

  /* A valid change to the file: the handler saves it. */
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, SHTAT_TYPE_EMPLOYEE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-employee-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, person_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, surname_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, patronymic_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, iin_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, sex_row);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, assignments_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, education_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, periods_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatEmployeePage, certificates_group);
  gtk_widget_class_bind_template_callback (widget_class, entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);

  gtk_widget_class_install_action (widget_class, "employee.add-record", "s", add_record_action_cb);
  gtk_widget_class_install_action (widget_class, "employee.remove-record", "s", remove_record_action_cb);
}

static void
shtat_employee_page_init (ShtatEmployeePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  shtat_date_set_today (&self->as_of);
  self->record_rows = g_ptr_array_new ();
  rebuild (self);
}

GtkWidget *
shtat_employee_page_new (ShtatNormLibrary *library)
{
  ShtatEmployeePage *self = g_object_new (SHTAT_TYPE_EMPLOYEE_PAGE, NULL);

  shtat_employee_page_set_library (self, library);
  return GTK_WIDGET (self);
}

/* The norms a file is judged by; set before the first employee is shown. */
void
shtat_employee_page_set_library (ShtatEmployeePage *self,
                                 ShtatNormLibrary  *library)
{
  g_set_object (&self->library, library);
}
