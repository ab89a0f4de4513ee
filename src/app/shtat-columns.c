/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-columns"

#include "config.h"

#include "shtat-columns.h"

typedef struct
{
  guint            column;
  gboolean         numeric;
  ShtatCellText    text;
  ShtatCellCompare compare;
  gpointer         user_data;
} Column;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Column                   *c)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), c->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (c->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Column                   *c)
{
  g_autofree char *text = c->text (gtk_list_item_get_item (item), c->column, c->user_data);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  Column *c = user_data;

  if (c->compare != NULL)
    return c->compare ((gpointer) a, (gpointer) b, c->column, c->user_data);
  {
    g_autofree char *x = c->text ((gpointer) a, c->column, c->user_data);
    g_autofree char *y = c->text ((gpointer) b, c->column, c->user_data);
    return g_utf8_collate (x, y);
  }
}

static void
column_closure_free (gpointer  data,
                     GClosure *closure)
{
  g_rc_box_release (data);
}

void
shtat_column_view_column_set_text (GtkColumnViewColumn *col,
                                   guint                column,
                                   gboolean             numeric,
                                   ShtatCellText        text,
                                   ShtatCellCompare     compare,
                                   gpointer             user_data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  Column *c = g_rc_box_new0 (Column);

  c->column = column;
  c->numeric = numeric;
  c->text = text;
  c->compare = compare;
  c->user_data = user_data;
  /* the factory and the sorter share the description, each holding a reference */
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), g_rc_box_acquire (c), column_closure_free, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cb), g_rc_box_acquire (c), column_closure_free, 0);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, c, g_rc_box_release));
  gtk_column_view_column_set_factory (col, factory);
  gtk_column_view_column_set_sorter (col, sorter);
}

void
shtat_column_view_add_text_column (GtkColumnView    *view,
                                   const char       *title,
                                   guint             column,
                                   gboolean          expand,
                                   gboolean          numeric,
                                   ShtatCellText     text,
                                   ShtatCellCompare  compare,
                                   gpointer          user_data)
{
  g_autoptr(GtkColumnViewColumn) col = gtk_column_view_column_new (title, NULL);

  shtat_column_view_column_set_text (col, column, numeric, text, compare, user_data);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  /* A column of figures is sized by its cells, which are narrower than a
   * Russian or Kazakh title ("Вакантно"): the title would be cut. Give it
   * at least the title's width, with room for the sort arrow. */
  if (numeric && !expand)
    {
      g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_label_new (title));
      int width = 0;

      gtk_widget_add_css_class (probe, "heading");
      gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_column_view_column_set_fixed_width (col, width + 16);
    }
  gtk_column_view_append_column (view, col);
}
