/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Text columns of a GtkColumnView whose cells are computed from the row's item:
 * @text gives the cell of @column for an item (newly allocated); @compare (may
 * be NULL: the texts in collation order) sorts by it. */
typedef char *(*ShtatCellText)    (gpointer item,
                                   guint    column,
                                   gpointer user_data);
typedef int   (*ShtatCellCompare) (gpointer a,
                                   gpointer b,
                                   guint    column,
                                   gpointer user_data);

/* Gives @col, a column already in a view (from a template), the cells and the
 * sorting of text column @column. */
void shtat_column_view_column_set_text (GtkColumnViewColumn *col,
                                        guint                column,
                                        gboolean             numeric,
                                        ShtatCellText        text,
                                        ShtatCellCompare     compare,
                                        gpointer             user_data);

void shtat_column_view_add_text_column (GtkColumnView    *view,
                                        const char       *title,
                                        guint             column,
                                        gboolean          expand,
                                        gboolean          numeric,
                                        ShtatCellText     text,
                                        ShtatCellCompare  compare,
                                        gpointer          user_data);

G_END_DECLS
