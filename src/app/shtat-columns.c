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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Column *c = g_new0 (Column, 1);
  GtkColumnViewColumn *col;
  GtkCustomSorter *sorter;

  c->column = column;
  c->numeric = numeric;
  c->text = text;
  c->compare = compare;
  c->user_data = user_data;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), c);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), c);
  col = gtk_column_view_column_new (title, factory);
  g_object_set_data_full (G_OBJECT (col), "shtat-column", c, g_free);
  sorter = gtk_custom_sorter_new (compare_cb, c, NULL);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (sorter);
  g_object_unref (col);
}
