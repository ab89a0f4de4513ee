/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     shtat_test_iterate          (void);
void     shtat_test_wait_mapped      (GtkWidget  *widget);
gboolean shtat_test_save_screenshot  (GtkWidget  *widget,
                                      const char *path,
                                      GError    **error);

/* Finding widgets as a user or assistive technology would: by what they say
 * (a button's or label's text, a row's title, an icon button's tooltip, which
 * is its accessible name), or by the action they trigger. Each walks @root's
 * whole widget tree, popovers included, and returns the first match in
 * document order, or NULL. */

/* What a person reads on @widget: a label's text, a button's label (or its
 * child label's), a check button's label, a preferences row's title, else its
 * tooltip. NULL when it shows no words. */
const char *shtat_test_widget_text     (GtkWidget  *widget);

/* A widget of @type (or a subtype; G_TYPE_NONE for any) whose text is @text. */
GtkWidget  *shtat_test_find_by_text    (GtkWidget  *root,
                                        GType       type,
                                        const char *text);
/* A GtkActionable whose action name is @action_name ("page.submit"). */
GtkWidget  *shtat_test_find_by_action  (GtkWidget  *root,
                                        const char *action_name);
/* The widget a label with @text points to (gtk_label_get_mnemonic_widget):
 * how a form's field is found by the words beside it. */
GtkWidget  *shtat_test_find_labelled   (GtkWidget  *root,
                                        const char *text);
/* Every widget of @type under @root, in document order. */
GPtrArray  *shtat_test_find_all        (GtkWidget  *root,
                                        GType       type);

G_END_DECLS

G_BEGIN_DECLS

/* A form's field as a person finds it: the row titled @title in the
 * preferences group titled @group under @root; with @record >= 0, inside that
 * group's @record-th expander row (one record of a list, such as a post held).
 * NULL when there is none. */
GtkWidget  *shtat_test_find_row        (GtkWidget  *root,
                                        const char *group,
                                        int         record,
                                        const char *title);
/* Picks in a combo row (or drop-down) the item it shows as @text; FALSE when
 * it offers no such item. */
gboolean    shtat_test_choose          (GtkWidget  *combo,
                                        const char *text);
/* The control of @type (a spin button, a switch…) in the row titled @title,
 * when that row is shown: NULL when there is no such row or it is hidden. */
GtkWidget  *shtat_test_find_control    (GtkWidget  *root,
                                        const char *title,
                                        GType       type);

G_END_DECLS

G_BEGIN_DECLS

/* An entry (a search field…) that shows @placeholder while it is empty. */
GtkWidget  *shtat_test_find_entry      (GtkWidget  *root,
                                        const char *placeholder);
/* Selects, as a click does, the row of a list box that reads @text (a label
 * in it says exactly that). FALSE when no list under @root has such a row. */
gboolean    shtat_test_select_row      (GtkWidget  *root,
                                        const char *text);
/* The first widget of @type beside the label reading @text (in the same box,
 * the label itself left out): the figure a caption stands under. */
GtkWidget  *shtat_test_find_beside     (GtkWidget  *root,
                                        const char *text,
                                        GType       type);
/* The first label under @root that is shown and styled @css_class ("error",
 * "title-1"): the red message, the page's big heading. */
GtkWidget  *shtat_test_find_styled     (GtkWidget  *root,
                                        const char *css_class);

G_END_DECLS
