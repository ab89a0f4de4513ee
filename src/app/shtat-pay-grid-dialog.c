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

  GtkListBox       *bases;
  GtkListBox       *coefficients;
  GHashTable       *position_rows;   /* code → AdwEntryRow */
  GtkLabel         *error_label;
  GtkWidget        *base_from;
  GtkWidget        *base_amount;
  GtkWidget        *coef_entries[5];
};

G_DEFINE_FINAL_TYPE (ShtatPayGridDialog, shtat_pay_grid_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (ShtatPayGridDialog *self);

static void
show_error (ShtatPayGridDialog *self,
            const char         *message)
{
  shtat_form_error_show (self->error_label, message);
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

  return row ? g_object_get_data (G_OBJECT (row), "salary-text") : NULL;
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

static void
remove_base_cb (GtkButton          *button,
                ShtatPayGridDialog *self)
{
  shtat_pay_grid_remove_base (self->grid, g_object_get_data (G_OBJECT (button), "date"));
  rebuild (self);
}

static void
remove_coefficient_cb (GtkButton          *button,
                       ShtatPayGridDialog *self)
{
  const ShtatPayCoefficient *c = g_object_get_data (G_OBJECT (button), "coefficient");

  shtat_pay_grid_remove_coefficient (self->grid, c->block, c->category, c->years, &c->from);
  rebuild (self);
}

static GtkWidget *
entry_row (const char *title,
           const char *subtitle,
           GtkWidget  *button)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
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
  g_object_set_data_full (G_OBJECT (row), "salary-text", g_strdup (text), g_free);
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
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *money = shtat_money_format (b->tiyn);
      g_autofree char *date = shtat_format_gdate (&b->from);
      g_autofree char *subtitle = g_strdup_printf (_("from %s"), date);

      g_object_set_data (G_OBJECT (remove), "date", (gpointer) &b->from);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_base_cb), self);
      gtk_list_box_append (self->bases, entry_row (money, subtitle, remove));
    }
  clear_list (self->coefficients);
  for (guint i = 0; i < coefficients->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (coefficients, i);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *value = shtat_coefficient_format (c->coefficient);
      g_autofree char *date = shtat_format_gdate (&c->from);
      g_autofree char *title = g_strdup_printf (_("%s, category %s, %u years and more: %s"), c->block,
                                                c->category ? c->category : "—", c->years, value);
      g_autofree char *subtitle = g_strdup_printf (_("from %s"), date);

      g_object_set_data (G_OBJECT (remove), "coefficient", (gpointer) c);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_coefficient_cb), self);
      gtk_list_box_append (self->coefficients, entry_row (title, subtitle, remove));
    }
  g_hash_table_iter_init (&iter, self->position_rows);
  while (g_hash_table_iter_next (&iter, &code, &row))
    update_position_row (self, code, row);
}

static void
add_base_cb (GtkButton          *button,
             ShtatPayGridDialog *self)
{
  if (shtat_pay_grid_dialog_add_base (self, gtk_editable_get_text (GTK_EDITABLE (self->base_from)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->base_amount))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->base_from), "");
      gtk_editable_set_text (GTK_EDITABLE (self->base_amount), "");
    }
}

static void
add_coefficient_cb (GtkButton          *button,
                    ShtatPayGridDialog *self)
{
  const char *t[5];

  for (guint i = 0; i < 5; i++)
    t[i] = gtk_editable_get_text (GTK_EDITABLE (self->coef_entries[i]));
  if (shtat_pay_grid_dialog_add_coefficient (self, t[0], t[1], t[2], t[3], t[4]))
    for (guint i = 0; i < 5; i++)
      if (i != 3)
        gtk_editable_set_text (GTK_EDITABLE (self->coef_entries[i]), "");
}

static void
cell_apply_cb (GtkEntry           *entry,
               ShtatPayGridDialog *self)
{
  shtat_pay_grid_dialog_place_position (self, g_object_get_data (G_OBJECT (entry), "position"),
                                        gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
save_clicked_cb (GtkButton          *button,
                 ShtatPayGridDialog *self)
{
  shtat_pay_grid_dialog_save (self);
}

static void
shtat_pay_grid_dialog_finalize (GObject *object)
{
  ShtatPayGridDialog *self = SHTAT_PAY_GRID_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->grid, shtat_pay_grid_unref);
  g_clear_pointer (&self->position_rows, g_hash_table_unref);
  G_OBJECT_CLASS (shtat_pay_grid_dialog_parent_class)->finalize (object);
}

static void
shtat_pay_grid_dialog_class_init (ShtatPayGridDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_pay_grid_dialog_finalize;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}

static void
shtat_pay_grid_dialog_init (ShtatPayGridDialog *self)
{
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

static GtkListBox *
boxed_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

ShtatPayGridDialog *
shtat_pay_grid_dialog_new (GtkWindow        *parent,
                           ShtatStore       *store,
                           ShtatNormLibrary *library)
{
  ShtatPayGridDialog *self = g_object_new (SHTAT_TYPE_PAY_GRID_DIALOG, "modal", TRUE, "transient-for", parent,
                                           "title", _("Pay Grid"), NULL);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *intro = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *bases = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *coefficients = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *positions = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *base_add = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *coef_add = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_base = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *add_coef = gtk_button_new_with_mnemonic (_("A_dd"));
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, SHTAT_NORM_TABLE_CENTRE);
  const char *placeholders[5] = { N_("Block"), N_("Category"), N_("Years"), N_("From"), N_("Coefficient") };
  const int widths[5] = { 6, 8, 5, 10, 8 };
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  self->grid = shtat_store_load_pay_grid (store, &error);
  if (self->grid == NULL)
    self->grid = shtat_pay_grid_new ();
  self->position_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  shtat_form_window_set_content (ADW_WINDOW (self), page, _("_Save"), G_CALLBACK (save_clicked_cb), self);

  /* the reading of Decree 1193 the salaries are computed by, with its citation:
   * it also says where the figures come from */
  if (shtat_norm_library_get_interpretation (library, 21) != NULL)
    {
      GtkWidget *remarks = gtk_list_box_new ();
      ShtatRemark *remark = shtat_remark_new_interpretation (shtat_norm_library_get_interpretation (library, 21));

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (remarks), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (remarks, "boxed-list");
      gtk_list_box_append (GTK_LIST_BOX (remarks), shtat_remark_view_new (remark));
      shtat_remark_free (remark);
      adw_preferences_group_add (intro, remarks);
    }
  self->error_label = shtat_form_error_new ();
  adw_preferences_group_add (intro, GTK_WIDGET (self->error_label));

  adw_preferences_group_set_title (bases, _("Base Official Salary"));
  self->bases = boxed_list (bases);
  self->base_from = small_entry (_("From dd.mm.yyyy"), 14);
  self->base_amount = small_entry (_("Tenge"), 12);
  g_signal_connect (add_base, "clicked", G_CALLBACK (add_base_cb), self);
  gtk_box_append (GTK_BOX (base_add), self->base_from);
  gtk_box_append (GTK_BOX (base_add), self->base_amount);
  gtk_box_append (GTK_BOX (base_add), add_base);
  gtk_widget_set_margin_top (base_add, 6);
  adw_preferences_group_add (bases, base_add);

  adw_preferences_group_set_title (coefficients, _("Coefficients"));
  self->coefficients = boxed_list (coefficients);
  for (guint i = 0; i < 5; i++)
    {
      self->coef_entries[i] = small_entry (_(placeholders[i]), widths[i]);
      gtk_box_append (GTK_BOX (coef_add), self->coef_entries[i]);
    }
  g_signal_connect (add_coef, "clicked", G_CALLBACK (add_coefficient_cb), self);
  gtk_box_append (GTK_BOX (coef_add), add_coef);
  gtk_widget_set_margin_top (coef_add, 6);
  adw_preferences_group_add (coefficients, coef_add);

  adw_preferences_group_set_title (positions, _("Positions"));
  adw_preferences_group_set_description (positions, _("The cell of each position as block-category-years, such as B2-1-5; "
                                                       "press Enter to apply, leave empty to type salaries by hand."));
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
          row = entry_row (name, NULL, NULL);
          gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (cell), "position", g_strdup (norm->position), g_free);
          g_signal_connect (cell, "activate", G_CALLBACK (cell_apply_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), cell);
          g_object_set_data (G_OBJECT (row), "cell", cell);
          g_hash_table_insert (self->position_rows, g_strdup (norm->position), row);
          adw_preferences_group_add (positions, row);
        }
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), intro);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), bases);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), coefficients);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), positions);
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 760);
  rebuild (self);
  return self;
}
