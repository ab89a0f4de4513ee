/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-pay-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-pay-grid-dialog.h"
#include "shtat-remark-view.h"
#include "shtat-widgets.h"

struct _ShtatPayGridDialog
{
  AdwWindow         parent_instance;

  ShtatStore       *store;
  ShtatNormLibrary *library;
  ShtatPayGrid     *grid;      /* the copy being edited */
  /* why the stored grid could not be read: saving the empty grid shown
   * instead would replace it, so there is no saving, and this stays said */
  char             *load_error;

  GHashTable       *position_rows;   /* code → AdwActionRow */

  GtkListBox       *remarks;
  GtkListBox       *bases;
  GtkListBox       *coefficients;
  AdwPreferencesGroup *positions;
  GtkLabel         *error_label;
  GtkWidget        *base_from;
  GtkWidget        *base_amount;
  GtkWidget        *coef_block;
  GtkWidget        *coef_category;
  GtkWidget        *coef_years;
  GtkWidget        *coef_from;
  GtkWidget        *coef_value;
};

G_DEFINE_FINAL_TYPE (ShtatPayGridDialog, shtat_pay_grid_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (ShtatPayGridDialog *self);

static void
show_error (ShtatPayGridDialog *self,
            const char         *message)
{
  shtat_form_error_show (self->error_label, message != NULL ? message : self->load_error);
}

static gboolean
read_date (ShtatPayGridDialog *self,
           const char         *what,
           const char         *text,
           GDate              *out)
{
  if (!shtat_parse_date (text, out) || !g_date_valid (out))
    {
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a date; write it as dd.mm.yyyy"), what, text);
      show_error (self, message);
      return FALSE;
    }
  return TRUE;
}

gboolean
shtat_pay_grid_dialog_add_base (ShtatPayGridDialog *self,
                                const char         *from_text,
                                const char         *amount_text)
{
  g_autoptr(GError) error = NULL;
  GDate from;
  gint64 tiyn;

  if (!read_date (self, _("Base official salary"), from_text, &from))
    return FALSE;
  if (!shtat_money_parse (amount_text, &tiyn))
    {
      g_autofree char *message = g_strdup_printf (_("Base official salary: “%s” is not an amount of tenge"), amount_text);
      show_error (self, message);
      return FALSE;
    }
  if (!shtat_pay_grid_add_base (self->grid, &from, tiyn, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  rebuild (self);
  return TRUE;
}

gboolean
shtat_pay_grid_dialog_add_coefficient (ShtatPayGridDialog *self,
                                       const char         *block,
                                       const char         *category,
                                       const char         *years_text,
                                       const char         *from_text,
                                       const char         *coefficient_text)
{
  g_autoptr(GError) error = NULL;
  GDate from;
  guint64 years = 0;
  int coefficient;

  if (!g_ascii_string_to_unsigned (*years_text ? years_text : "0", 10, 0, SHTAT_PAY_YEARS_MAX, &years, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("Coefficient: years of service “%s” must be a whole number from 0 to %d"),
                                                  years_text, SHTAT_PAY_YEARS_MAX);
      show_error (self, message);
      return FALSE;
    }
  if (!read_date (self, _("Coefficient"), from_text, &from))
    return FALSE;
  if (!shtat_coefficient_parse (coefficient_text, &coefficient))
    {
      g_autofree char *message = g_strdup_printf (_("Coefficient: “%s” is not a coefficient such as 3.79"), coefficient_text);
      show_error (self, message);
      return FALSE;
    }
  if (!shtat_pay_grid_add_coefficient (self->grid, block, *category ? category : NULL, (guint) years, &from,
                                       coefficient, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  rebuild (self);
  return TRUE;
}

/* "B2-1-5": block, category (may be empty) and years; "" removes the position. */
gboolean
shtat_pay_grid_dialog_place_position (ShtatPayGridDialog *self,
                                      const char         *position,
                                      const char         *cell)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 years = 0;

  if (cell == NULL || *cell == '\0')
    {
      shtat_pay_grid_remove_position (self->grid, position);
      show_error (self, NULL);
      rebuild (self);
      return TRUE;
    }
  parts = g_strsplit (cell, "-", 3);
  if (parts[0] == NULL || *parts[0] == '\0'
      || (parts[1] != NULL && parts[2] != NULL
          && !g_ascii_string_to_unsigned (parts[2], 10, 0, SHTAT_PAY_YEARS_MAX, &years, NULL)))
    {
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a cell of the grid; write block-category-years, such as B2-1-5"),
                                                  position, cell);
      show_error (self, message);
      return FALSE;
    }
  if (!shtat_pay_grid_set_position (self->grid, position, parts[0], parts[1] && *parts[1] ? parts[1] : NULL,
                                    (guint) years, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  rebuild (self);
  return TRUE;
}

const char *
shtat_pay_grid_dialog_get_salary_text (ShtatPayGridDialog *self,
                                       const char         *position)
{
  GtkWidget *row = g_hash_table_lookup (self->position_rows, position);

  return row ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

const char *
shtat_pay_grid_dialog_get_error_text (ShtatPayGridDialog *self)
{
  return shtat_form_error_get_text (self->error_label);
}

gboolean
shtat_pay_grid_dialog_save (ShtatPayGridDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->load_error != NULL)
    return FALSE;
  if (!shtat_store_save_pay_grid (self->store, self->grid, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* ------------------------------------------------------------------------ */

/* The rows of bases and coefficients are rebuilt after every change, so the
 * index a remove button carries is the one of the list shown. */
static void
remove_base_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShtatPayGridDialog *self = SHTAT_PAY_GRID_DIALOG (widget);
  GPtrArray *bases = shtat_pay_grid_get_bases (self->grid);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= bases->len)
    return;
  shtat_pay_grid_remove_base (self->grid, &((const ShtatPayBase *) g_ptr_array_index (bases, index))->from);
  rebuild (self);
}

static void
remove_coefficient_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ShtatPayGridDialog *self = SHTAT_PAY_GRID_DIALOG (widget);
  GPtrArray *coefficients = shtat_pay_grid_get_coefficients (self->grid);
  guint index = g_variant_get_uint32 (parameter);
  const ShtatPayCoefficient *c;

  if (index >= coefficients->len)
    return;
  c = g_ptr_array_index (coefficients, index);
  shtat_pay_grid_remove_coefficient (self->grid, c->block, c->category, c->years, &c->from);
  rebuild (self);
}

static GtkWidget *
entry_row (const char *title,
           const char *subtitle,
           const char *remove_action,
           guint       index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (remove_action != NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), remove_action);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The salary a position's cell gives today, or why there is none. */
static void
update_position_row (ShtatPayGridDialog *self,
                     const char         *code,
                     GtkWidget          *row)
{
  const ShtatPayPosition *placed = shtat_pay_grid_get_position (self->grid, code);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cell = NULL;
  gint64 tiyn;

  if (placed == NULL)
    text = g_strdup (_("Not placed: salaries are typed into the schedule"));
  else if (shtat_pay_grid_position_salary (self->grid, code, NULL, &tiyn, NULL, &error))
    {
      g_autofree char *money = shtat_money_format (tiyn);
      text = g_strdup_printf (_("%s a month today"), money);
    }
  else
    text = g_strdup (error->message);
  if (placed != NULL)
    cell = g_strdup_printf ("%s-%s-%u", placed->block, placed->category ? placed->category : "", placed->years);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "cell")), cell ? cell : "");
}

static void
rebuild (ShtatPayGridDialog *self)
{
  GPtrArray *bases = shtat_pay_grid_get_bases (self->grid);
  GPtrArray *coefficients = shtat_pay_grid_get_coefficients (self->grid);
  GHashTableIter iter;
  gpointer code, row;

  clear_list (self->bases);
  for (guint i = 0; i < bases->len; i++)
    {
      const ShtatPayBase *b = g_ptr_array_index (bases, i);
      g_autofree char *money = shtat_money_format (b->tiyn);
      g_autofree char *date = shtat_format_gdate (&b->from);
      g_autofree char *subtitle = g_strdup_printf (_("from %s"), date);

      gtk_list_box_append (self->bases, entry_row (money, subtitle, "pay-grid.remove-base", i));
    }
  clear_list (self->coefficients);
  for (guint i = 0; i < coefficients->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (coefficients, i);
      g_autofree char *value = shtat_coefficient_format (c->coefficient);
      g_autofree char *date = shtat_format_gdate (&c->from);
      g_autofree char *title = g_strdup_printf (_("%s, category %s, %u years and more: %s"), c->block,
                                                c->category ? c->category : "—", c->years, value);
      g_autofree char *subtitle = g_strdup_printf (_("from %s"), date);

      gtk_list_box_append (self->coefficients, entry_row (title, subtitle, "pay-grid.remove-coefficient", i));
    }
  g_hash_table_iter_init (&iter, self->position_rows);
  while (g_hash_table_iter_next (&iter, &code, &row))
    update_position_row (self, code, row);
}

static void
add_base_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShtatPayGridDialog *self = SHTAT_PAY_GRID_DIALOG (widget);

  if (shtat_pay_grid_dialog_add_base (self, gtk_editable_get_text (GTK_EDITABLE (self->base_from)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->base_amount))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->base_from), "");
      gtk_editable_set_text (GTK_EDITABLE (self->base_amount), "");
    }
}

static void
add_coefficient_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ShtatPayGridDialog *self = SHTAT_PAY_GRID_DIALOG (widget);
  GtkWidget *cleared[] = { self->coef_block, self->coef_category, self->coef_years, self->coef_value };

  if (shtat_pay_grid_dialog_add_coefficient (self, gtk_editable_get_text (GTK_EDITABLE (self->coef_block)),
                                             gtk_editable_get_text (GTK_EDITABLE (self->coef_category)),
                                             gtk_editable_get_text (GTK_EDITABLE (self->coef_years)),
                                             gtk_editable_get_text (GTK_EDITABLE (self->coef_from)),
                                             gtk_editable_get_text (GTK_EDITABLE (self->coef_value))))
    /* the date stays: the next coefficient is usually of the same decree */
    for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
      gtk_editable_set_text (GTK_EDITABLE (cleared[i]), "");
}

static void
cell_apply_cb (GtkEntry           *entry,
               ShtatPayGridDialog *self)
{
  shtat_pay_grid_dialog_place_position (self, g_object_get_data (G_OBJECT (entry), "position"),
                                        gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  shtat_pay_grid_dialog_save (SHTAT_PAY_GRID_DIALOG (widget));
}

static void
shtat_pay_grid_dialog_finalize (GObject *object)
{
  ShtatPayGridDialog *self = SHTAT_PAY_GRID_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->grid, shtat_pay_grid_unref);
  g_clear_pointer (&self->position_rows, g_hash_table_unref);
  g_free (self->load_error);
  G_OBJECT_CLASS (shtat_pay_grid_dialog_parent_class)->finalize (object);
}

static void
shtat_pay_grid_dialog_class_init (ShtatPayGridDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = shtat_pay_grid_dialog_finalize;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-pay-grid-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, remarks);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, bases);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, base_from);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, base_amount);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, coefficients);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, coef_block);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, coef_category);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, coef_years);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, coef_from);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, coef_value);
  gtk_widget_class_bind_template_child (widget_class, ShtatPayGridDialog, positions);

  gtk_widget_class_install_action (widget_class, "pay-grid.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "pay-grid.add-base", NULL, add_base_action_cb);
  gtk_widget_class_install_action (widget_class, "pay-grid.add-coefficient", NULL, add_coefficient_action_cb);
  gtk_widget_class_install_action (widget_class, "pay-grid.remove-base", "u", remove_base_action_cb);
  gtk_widget_class_install_action (widget_class, "pay-grid.remove-coefficient", "u", remove_coefficient_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shtat_pay_grid_dialog_init (ShtatPayGridDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
small_entry (const char *placeholder,
             int         chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return entry;
}

ShtatPayGridDialog *
shtat_pay_grid_dialog_new (GtkWindow        *parent,
                           ShtatStore       *store,
                           ShtatNormLibrary *library)
{
  ShtatPayGridDialog *self = g_object_new (SHTAT_TYPE_PAY_GRID_DIALOG, "transient-for", parent, NULL);
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, SHTAT_NORM_TABLE_CENTRE);
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  self->grid = shtat_store_load_pay_grid (store, &error);
  if (self->grid == NULL)
    {
      self->grid = shtat_pay_grid_new ();
      self->load_error = g_strconcat (_("The pay grid cannot be read: "), error->message, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pay-grid.save", FALSE);
    }
  self->position_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (shtat_norm_library_get_interpretation (library, 21) != NULL)
    {
      ShtatRemark *remark = shtat_remark_new_interpretation (shtat_norm_library_get_interpretation (library, 21));

      gtk_list_box_append (self->remarks, shtat_remark_view_new (remark));
      shtat_remark_free (remark);
      gtk_widget_set_visible (GTK_WIDGET (self->remarks), TRUE);
    }

  for (guint k = 0; fsc != NULL && k < fsc->sections->len; k++)
    {
      ShtatSection *section = g_ptr_array_index (fsc->sections, k);

      for (guint i = 0; i < section->rows->len; i++)
        {
          ShtatNormRow *norm = g_ptr_array_index (section->rows, i);
          g_autofree char *name = shtat_schedule_dup_position_label (library, fsc->id, norm->position);
          GtkWidget *row;
          GtkWidget *cell = small_entry (_("Cell"), 10);

          if (g_hash_table_contains (self->position_rows, norm->position))
            continue;
          row = entry_row (name, NULL, NULL, 0);
          gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (cell), "position", g_strdup (norm->position), g_free);
          g_signal_connect (cell, "activate", G_CALLBACK (cell_apply_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), cell);
          g_object_set_data (G_OBJECT (row), "cell", cell);
          g_hash_table_insert (self->position_rows, g_strdup (norm->position), row);
          adw_preferences_group_add (self->positions, row);
        }
    }

  rebuild (self);
  show_error (self, NULL);
  return self;
}
