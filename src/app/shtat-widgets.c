/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-widgets"

#include "config.h"

#include <glib/gi18n.h>

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

static void
cancel_cb (GtkButton *button,
           GtkWindow *window)
{
  gtk_window_destroy (window);
}

GtkWidget *
shtat_form_window_set_content (AdwWindow  *window,
                               GtkWidget  *content,
                               const char *action,
                               GCallback   action_cb,
                               gpointer    data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *button = gtk_button_new_with_mnemonic (action);
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", action_cb, data);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_cb), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (window, box);

  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (shortcuts));
  return button;
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
