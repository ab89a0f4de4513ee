/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-remark-view"

#include "config.h"

#include "shtat-remark-view.h"

/* A remark as the user sees it: a badge that says what it is ("Interpretation"
 * for Shtat's readings of the law), the citation, and the text. */
GtkWidget *
shtat_remark_view_new (const ShtatRemark *remark)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = gtk_label_new (shtat_remark_kind_get_label (remark->kind));
  GtkWidget *text = gtk_label_new (remark->text);

  gtk_widget_add_css_class (box, "shtat-remark");
  gtk_widget_add_css_class (badge, "shtat-badge");
  gtk_widget_add_css_class (badge, shtat_remark_kind_to_string (remark->kind));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (head), badge);

  if (remark->title != NULL)
    {
      GtkWidget *title = gtk_label_new (remark->title);

      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_box_append (GTK_BOX (head), title);
    }

  if (remark->cite != NULL)
    {
      GtkWidget *cite = gtk_label_new (remark->cite);

      gtk_widget_add_css_class (cite, "dim-label");
      gtk_widget_add_css_class (cite, "caption");
      gtk_label_set_xalign (GTK_LABEL (cite), 1);
      gtk_label_set_wrap (GTK_LABEL (cite), TRUE);
      gtk_label_set_selectable (GTK_LABEL (cite), TRUE);
      gtk_widget_set_hexpand (cite, TRUE);
      gtk_box_append (GTK_BOX (head), cite);
    }

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);

  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), text);

  return box;
}
