/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-norms-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shtat-norms-page.h"
#include "shtat-remark-view.h"

/* The Norms section: choose a table, enter the institution's figures, and read
 * the minimum staffing with every reading of the law that it rests on. The page
 * only displays what the core computes. */
struct _ShtatNormsPage
{
  AdwBin                parent_instance;

  ShtatNormLibrary     *library;
  const ShtatNormTable *table;

  /* the figures typed so far, kept across tables */
  double                values[SHTAT_N_DRIVERS];
  gboolean              flags[SHTAT_N_FLAGS];

  GtkSpinButton        *driver_spins[SHTAT_N_DRIVERS];
  GtkWidget            *driver_rows[SHTAT_N_DRIVERS];
  GtkSwitch            *flag_switches[SHTAT_N_FLAGS];
  GtkWidget            *flag_rows[SHTAT_N_FLAGS];
  char                 *driver_errors[SHTAT_N_DRIVERS]; /* what is wrong with the text typed */

  GtkDropDown          *table_dropdown;
  GtkLabel             *table_title;
  GtkLabel             *table_act;
  AdwPreferencesGroup  *drivers_group;
  AdwPreferencesGroup  *flags_group;
  GtkLabel             *total_label;
  GtkLabel             *total_caption;
  GtkLabel             *bracket_label;
  GtkLabel             *typical_label;
  GtkLabel             *error_label;
  GtkListBox           *remarks_list;
  GtkWidget            *remarks_group;
  GtkBox               *sections_box;
};

G_DEFINE_FINAL_TYPE (ShtatNormsPage, shtat_norms_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TABLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void recompute (ShtatNormsPage *self);

/* ------------------------------------------------------------------------ */
/* Results                                                                  */

static void
remove_all_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GtkWidget *
make_units_label (const ShtatMinimumLine *line)
{
  g_autofree char *text = shtat_units_format_locale (line->units);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "shtat-units");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (line->units < 0)
    gtk_widget_set_tooltip_text (label, _("Set by typical norms: not computed"));
  if (!line->applies || line->units == 0)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
make_line_row (const ShtatMinimumLine *line)
{
  g_autofree char *number = g_strdup_printf ("%u", line->row->n);
  g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s", line->explanation, line->row->cite);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *units_label = make_units_label (line);
  GtkWidget *row;

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "shtat-row-number");
  gtk_widget_add_css_class (number_label, "numeric");

  if (line->remarks->len == 0)
    {
      row = adw_action_row_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), units_label);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
    }
  else
    {
      gboolean kinds[SHTAT_REMARK_NOTE + 1] = { FALSE, };

      row = adw_expander_row_new ();
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), number_label);
      /* The kinds of remark show on the row itself, so an amendment or a warning
       * is seen without opening it. */
      for (guint r = 0; r < line->remarks->len; r++)
        kinds[((ShtatRemark *) g_ptr_array_index (line->remarks, r))->kind] = TRUE;
      for (guint k = 0; k <= SHTAT_REMARK_NOTE; k++)
        if (kinds[k])
          {
            GtkWidget *badge = gtk_label_new (shtat_remark_kind_get_label (k));

            gtk_widget_add_css_class (badge, "shtat-badge");
            gtk_widget_add_css_class (badge, shtat_remark_kind_to_string (k));
            gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
            adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
          }
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), units_label);
      /* amendments and warnings are opened from the start */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     kinds[SHTAT_REMARK_AMENDMENT] || kinds[SHTAT_REMARK_WARNING]);
      for (guint r = 0; r < line->remarks->len; r++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  shtat_remark_view_new (g_ptr_array_index (line->remarks, r)));
    }

  {
    g_autofree char *name = shtat_capitalize_first (shtat_text_get (&line->row->name));
    g_autofree char *title = g_markup_escape_text (name, -1);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  }
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (!line->applies)
    gtk_widget_add_css_class (row, "dim-label");

  return row;
}

static void
show_result (ShtatNormsPage     *self,
             const ShtatMinimum *m)
{
  g_autofree char *total = shtat_units_format_locale (m->total_units);
  const ShtatSection *section = NULL;
  AdwPreferencesGroup *group = NULL;

  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->total_caption, _("staff units at least"));

  if (m->bracket >= 0)
    {
      const ShtatBracket *b = g_ptr_array_index (m->table->brackets, m->bracket);
      g_autofree char *text = NULL;

      text = g_strdup_printf (m->outside_table ? _("Bracket: %s (outside the table)") : _("Bracket: %s"),
                              shtat_text_get (&b->label));
      gtk_label_set_text (self->bracket_label, text);
    }
  else
    gtk_label_set_text (self->bracket_label, _("The same norms for every institution"));

  if (m->n_typical > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u position set by typical norms is not counted",
                                      "%u positions set by typical norms are not counted",
                                      m->n_typical), m->n_typical);
      gtk_label_set_text (self->typical_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->typical_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->typical_label), FALSE);

  remove_all_children (GTK_WIDGET (self->remarks_list));
  for (guint r = 0; r < m->remarks->len; r++)
    gtk_list_box_append (self->remarks_list, shtat_remark_view_new (g_ptr_array_index (m->remarks, r)));
  gtk_widget_set_visible (self->remarks_group, m->remarks->len > 0);

  remove_all_children (GTK_WIDGET (self->sections_box));
  for (guint i = 0; i < m->lines->len; i++)
    {
      const ShtatMinimumLine *line = g_ptr_array_index (m->lines, i);

      if (line->row->section != section)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
          GtkWidget *heading;

          section = line->row->section;
          /* Section names are long sentences: a wrapping label instead of the
           * group title, which would cut them short. */
          heading = gtk_label_new (shtat_text_is_set (&section->name) ? shtat_text_get (&section->name) : _("Staff"));

          gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          gtk_box_append (GTK_BOX (box), heading);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
          gtk_box_append (self->sections_box, box);
        }
      adw_preferences_group_add (group, make_line_row (line));
    }
}

static void
show_error (ShtatNormsPage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
recompute (ShtatNormsPage *self)
{
  g_autoptr(ShtatMinimum) m = NULL;
  g_autoptr(GError) error = NULL;
  ShtatDrivers drivers;

  if (self->table == NULL)
    return;

  /* Only the figures this table uses can block it. */
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (self->driver_errors[d] != NULL && shtat_norm_table_uses_driver (self->table, d))
      {
        show_error (self, self->driver_errors[d]);
        return;
      }

  shtat_drivers_init (&drivers);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (shtat_norm_table_uses_driver (self->table, d))
      shtat_drivers_set (&drivers, d, self->values[d]);
  memcpy (drivers.flags, self->flags, sizeof drivers.flags);

  m = shtat_minimum_compute (self->library, self->table, &drivers, SHTAT_RATIO_ROUNDING_DEFAULT, &error);
  if (m == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  show_result (self, m);
}

/* ------------------------------------------------------------------------ */
/* Figures                                                                  */

/* Figures are typed as people write them: "50.4" or "50,4". */
static gboolean
parse_figure (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0' || !(g_ascii_isdigit (*copy) || *copy == '.'))
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || value < 0)
    return FALSE;
  *out = value;
  return TRUE;
}

/* The spin buttons parse and show figures the same way as the page, so that
 * leaving a field never changes what was typed. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  return parse_figure (gtk_editable_get_text (GTK_EDITABLE (spin)), new_value) ? TRUE : GTK_INPUT_ERROR;
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  int hundredths = (int) llround (value * 100);
  g_autofree char *text = shtat_units_format_locale (hundredths);

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    {
      double typed;

      /* keep what the user typed while it means the same number */
      if (parse_figure (gtk_editable_get_text (GTK_EDITABLE (spin)), &typed) && typed == value)
        return TRUE;
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
  return TRUE;
}

/* Reads the figure as it is being typed, so the result follows every keystroke
 * without the spin button reformatting the text under the cursor. */
static void
driver_text_changed_cb (GtkEditable    *editable,
                        ShtatNormsPage *self)
{
  ShtatDriver driver = 0;
  double value;

  while (driver < SHTAT_N_DRIVERS - 1 && GTK_EDITABLE (self->driver_spins[driver]) != editable)
    driver++;

  g_clear_pointer (&self->driver_errors[driver], g_free);
  if (!parse_figure (gtk_editable_get_text (editable), &value))
    self->driver_errors[driver] = g_strdup_printf (_("“%s” must be a number of 0 or more"),
                                                   shtat_driver_get_label (driver));
  else if (shtat_driver_is_count (driver) && value != floor (value))
    self->driver_errors[driver] = g_strdup_printf (_("“%s” is a count: enter a whole number"),
                                                   shtat_driver_get_label (driver));
  else
    self->values[driver] = value;

  if (self->driver_errors[driver] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");

  recompute (self);
}

static void
flag_changed_cb (GtkSwitch      *sw,
                 GParamSpec     *pspec,
                 ShtatNormsPage *self)
{
  ShtatFlag flag = 0;

  while (flag < SHTAT_N_FLAGS - 1 && self->flag_switches[flag] != sw)
    flag++;

  self->flags[flag] = gtk_switch_get_active (sw);
  recompute (self);
}

static void
build_inputs (ShtatNormsPage *self)
{
  gboolean any_flag = FALSE;

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      gboolean used = self->table != NULL && shtat_norm_table_uses_driver (self->table, d);

      gtk_widget_set_visible (self->driver_rows[d], used);
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    {
      gboolean used = self->table != NULL && shtat_norm_table_uses_flag (self->table, f);

      gtk_widget_set_visible (self->flag_rows[f], used);
      any_flag |= used;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flags_group), any_flag);
}

/* The rows of the figures and premises are in the template; their titles are
 * the core's, which its messages quote too. */
static void
init_inputs (ShtatNormsPage *self)
{
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      GtkSpinButton *spin = self->driver_spins[d];

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->driver_rows[d]), shtat_driver_get_label (d));
      /* the starting figures are shown as the spin button formats them, and
       * read back only once the user types */
      g_signal_handlers_block_matched (spin, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, spin_output_cb, NULL);
      g_signal_handlers_block_matched (spin, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, driver_text_changed_cb, NULL);
      gtk_spin_button_set_value (spin, self->values[d]);
      g_signal_handlers_unblock_matched (spin, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, driver_text_changed_cb, NULL);
      g_signal_handlers_unblock_matched (spin, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, spin_output_cb, NULL);
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->flag_rows[f]), shtat_flag_get_label (f));
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */

static void
show_table (ShtatNormsPage       *self,
            const ShtatNormTable *table)
{
  g_autofree char *act = NULL;

  if (table == self->table)
    return;
  self->table = table;

  gtk_label_set_text (self->table_title, shtat_text_get (&table->name));
  if (table->act != NULL)
    {
      g_autofree char *date = shtat_format_iso_date (table->act->date);

      act = g_strdup_printf (_("Order %s of %s, %s"), table->act->number, date, table->cite);
    }
  else
    act = g_strdup (table->cite);
  gtk_label_set_text (self->table_act, act);

  build_inputs (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE_ID]);
}

static void
table_selected_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   ShtatNormsPage *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  GPtrArray *tables;

  if (self->library == NULL)
    return;
  tables = shtat_norm_library_get_tables (self->library);
  if (i < tables->len)
    show_table (self, g_ptr_array_index (tables, i));
}

void
shtat_norms_page_set_library (ShtatNormsPage   *self,
                              ShtatNormLibrary *library)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *tables;

  g_return_if_fail (SHTAT_IS_NORMS_PAGE (self));

  g_set_object (&self->library, library);
  tables = shtat_norm_library_get_tables (library);
  for (guint i = 0; i < tables->len; i++)
    {
      const ShtatNormTable *t = g_ptr_array_index (tables, i);
      gtk_string_list_append (names, shtat_text_is_set (&t->institution)
                                       ? shtat_text_get (&t->institution)
                                       : shtat_text_get (&t->name));
    }

  self->table = NULL;
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->table_dropdown, 0);
  table_selected_cb (self->table_dropdown, NULL, self);
}

gboolean
shtat_norms_page_select_table (ShtatNormsPage *self,
                               const char     *id)
{
  GPtrArray *tables = shtat_norm_library_get_tables (self->library);

  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (((ShtatNormTable *) g_ptr_array_index (tables, i))->id, id) == 0)
      {
        gtk_drop_down_set_selected (self->table_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

const char *
shtat_norms_page_get_table_id (ShtatNormsPage *self)
{
  return self->table != NULL ? self->table->id : NULL;
}

void
shtat_norms_page_focus_table (ShtatNormsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->table_dropdown));
}

/* ------------------------------------------------------------------------ */

static void
shtat_norms_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShtatNormsPage *self = SHTAT_NORMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TABLE_ID:
      g_value_set_string (value, shtat_norms_page_get_table_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shtat_norms_page_dispose (GObject *object)
{
  ShtatNormsPage *self = SHTAT_NORMS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_NORMS_PAGE);
  G_OBJECT_CLASS (shtat_norms_page_parent_class)->dispose (object);
}

static void
shtat_norms_page_finalize (GObject *object)
{
  ShtatNormsPage *self = SHTAT_NORMS_PAGE (object);

  g_clear_object (&self->library);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    g_clear_pointer (&self->driver_errors[d], g_free);
  G_OBJECT_CLASS (shtat_norms_page_parent_class)->finalize (object);
}

static void
shtat_norms_page_class_init (ShtatNormsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shtat_norms_page_dispose;
  object_class->finalize = shtat_norms_page_finalize;
  object_class->get_property = shtat_norms_page_get_property;

  properties[PROP_TABLE_ID] =
    g_param_spec_string ("table-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-norms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, table_title);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, table_act);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, drivers_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, total_caption);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, bracket_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, typical_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, remarks_list);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, remarks_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatNormsPage, sections_box);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      g_autofree char *id = g_strdelimit (g_strdup (shtat_driver_to_string (d)), "-", '_');
      g_autofree char *row = g_strconcat (id, "_row", NULL);
      g_autofree char *spin = g_strconcat (id, "_spin", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                 G_STRUCT_OFFSET (ShtatNormsPage, driver_rows) + d * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, spin, FALSE,
                                                 G_STRUCT_OFFSET (ShtatNormsPage, driver_spins) + d * sizeof (gpointer));
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    {
      g_autofree char *id = g_strdelimit (g_strdup (shtat_flag_to_string (f)), "-", '_');
      g_autofree char *row = g_strconcat (id, "_row", NULL);
      g_autofree char *sw = g_strconcat (id, "_switch", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                 G_STRUCT_OFFSET (ShtatNormsPage, flag_rows) + f * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, sw, FALSE,
                                                 G_STRUCT_OFFSET (ShtatNormsPage, flag_switches) + f * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, spin_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, driver_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flag_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_selected_cb);
}

static void
shtat_norms_page_init (ShtatNormsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A centre with one service car is the common case. */
  self->values[SHTAT_DRIVER_VEHICLES] = 1;
  self->values[SHTAT_DRIVER_APPEALS] = 40;
  self->values[SHTAT_DRIVER_RECIPIENTS] = 50;
  init_inputs (self);

}
