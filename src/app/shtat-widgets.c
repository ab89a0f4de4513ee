/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-widgets"

#include "config.h"

#include "shtat-widgets.h"

GtkWidget *
shtat_badge_new (const char *text,
                 const char *kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "shtat-badge");
  gtk_widget_add_css_class (label, kind);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

const char *
shtat_verdict_style (ShtatVerdictKind kind)
{
  switch (kind)
    {
    case SHTAT_VERDICT_MEETS:
      return "success";
    case SHTAT_VERDICT_DOES_NOT_MEET:
      return "error";
    case SHTAT_VERDICT_MISSING_DATA:
      return "warning";
    case SHTAT_VERDICT_OTHER_ACT:
    default:
      return "dim-label";
    }
}

GtkLabel *
shtat_form_error_new (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  return label;
}

void
shtat_form_error_show (GtkLabel   *label,
                       const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

const char *
shtat_form_error_get_text (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : "";
}
