/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test"

#include "config.h"

#include <adwaita.h>

#include "shtat-test-util.h"

/* Lets GTK lay out and draw what the last change queued. */
void
shtat_test_iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

void
shtat_test_wait_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  /* a few more frames so that sizes settle */
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (20000);
      shtat_test_iterate ();
    }
}

/* The screenshot helper: the widget as it is drawn, saved as a PNG. */
gboolean
shtat_test_save_screenshot (GtkWidget  *widget,
                            const char *path,
                            GError    **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "nothing was drawn");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

const char *
shtat_test_widget_text (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      text = gtk_button_get_label (GTK_BUTTON (widget));
      if (text == NULL && GTK_IS_LABEL (child))
        text = gtk_label_get_text (GTK_LABEL (child));
      else if (text == NULL && ADW_IS_BUTTON_CONTENT (child))
        text = adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    text = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    text = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

  if (text == NULL || *text == '\0')
    text = gtk_widget_get_tooltip_text (widget);
  return text;
}

typedef gboolean (*MatchFunc) (GtkWidget *widget, gconstpointer data);

static void
collect (GtkWidget *widget, MatchFunc match, gconstpointer data, GPtrArray *found, gboolean first)
{
  if (first && found->len > 0)
    return;
  if (match (widget, data))
    {
      g_ptr_array_add (found, widget);
      if (first)
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, found, first);
  /* a menu button's popover is not among its children until it is shown */
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (popover != NULL && gtk_widget_get_parent (GTK_WIDGET (popover)) != widget)
        collect (GTK_WIDGET (popover), match, data, found, first);
    }
}

static GtkWidget *
find_first (GtkWidget *root, MatchFunc match, gconstpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  collect (root, match, data, found, TRUE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

typedef struct
{
  GType type;
  const char *text;
} TextQuery;

static gboolean
match_text (GtkWidget *widget, gconstpointer data)
{
  const TextQuery *q = data;

  if (q->type != G_TYPE_NONE && !g_type_is_a (G_OBJECT_TYPE (widget), q->type))
    return FALSE;
  return g_strcmp0 (shtat_test_widget_text (widget), q->text) == 0;
}

GtkWidget *
shtat_test_find_by_text (GtkWidget  *root,
                         GType       type,
                         const char *text)
{
  TextQuery q = { type, text };

  return find_first (root, match_text, &q);
}

static gboolean
match_action (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

GtkWidget *
shtat_test_find_by_action (GtkWidget  *root,
                           const char *action_name)
{
  return find_first (root, match_action, action_name);
}

static gboolean
match_labelling (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

GtkWidget *
shtat_test_find_labelled (GtkWidget  *root,
                          const char *text)
{
  GtkWidget *label = find_first (root, match_labelling, text);

  return label != NULL ? gtk_label_get_mnemonic_widget (GTK_LABEL (label)) : NULL;
}

static gboolean
match_type (GtkWidget *widget, gconstpointer data)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (data));
}

GPtrArray *
shtat_test_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), found);
  collect (root, match_type, GSIZE_TO_POINTER (type), found, FALSE);
  return found;
}

GtkWidget *
shtat_test_find_row (GtkWidget  *root,
                     const char *group,
                     int         record,
                     const char *title)
{
  GtkWidget *found = shtat_test_find_by_text (root, ADW_TYPE_PREFERENCES_GROUP, group);
  g_autoptr(GPtrArray) records = NULL;

  if (found == NULL)
    return NULL;
  if (record >= 0)
    {
      records = shtat_test_find_all (found, ADW_TYPE_EXPANDER_ROW);
      if ((guint) record >= records->len)
        return NULL;
      found = g_ptr_array_index (records, record);
    }
  return shtat_test_find_by_text (found, ADW_TYPE_PREFERENCES_ROW, title);
}

gboolean
shtat_test_choose (GtkWidget  *combo,
                   const char *text)
{
  GListModel *model = NULL;

  if (ADW_IS_COMBO_ROW (combo))
    model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  else if (GTK_IS_DROP_DOWN (combo))
    model = gtk_drop_down_get_model (GTK_DROP_DOWN (combo));
  if (!GTK_IS_STRING_LIST (model))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        if (ADW_IS_COMBO_ROW (combo))
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
        else
          gtk_drop_down_set_selected (GTK_DROP_DOWN (combo), i);
        return TRUE;
      }
  return FALSE;
}

GtkWidget *
shtat_test_find_control (GtkWidget  *root,
                         const char *title,
                         GType       type)
{
  g_autoptr(GPtrArray) rows = shtat_test_find_all (root, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) controls = NULL;

      if (g_strcmp0 (shtat_test_widget_text (row), title) != 0 || !gtk_widget_is_visible (row))
        continue;
      controls = shtat_test_find_all (row, type);
      return controls->len > 0 ? g_ptr_array_index (controls, 0) : NULL;
    }
  return NULL;
}

static gboolean
match_placeholder (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *placeholder = NULL;

  if (!GTK_IS_SEARCH_ENTRY (widget) && !GTK_IS_ENTRY (widget) && !GTK_IS_TEXT (widget))
    return FALSE;
  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, data) == 0;
}

GtkWidget *
shtat_test_find_entry (GtkWidget  *root,
                       const char *placeholder)
{
  return find_first (root, match_placeholder, placeholder);
}

static gboolean
match_list_row_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0
         && gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW) != NULL;
}

gboolean
shtat_test_select_row (GtkWidget  *root,
                       const char *text)
{
  GtkWidget *label = find_first (root, match_list_row_label, text);
  GtkWidget *row, *list;

  if (label == NULL)
    return FALSE;
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  list = gtk_widget_get_parent (row);
  if (!GTK_IS_LIST_BOX (list))
    return FALSE;
  gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
  return TRUE;
}

GtkWidget *
shtat_test_find_beside (GtkWidget  *root,
                        const char *text,
                        GType       type)
{
  GtkWidget *label = shtat_test_find_by_text (root, GTK_TYPE_LABEL, text);
  GtkWidget *parent;

  if (label == NULL || (parent = gtk_widget_get_parent (label)) == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != label && g_type_is_a (G_OBJECT_TYPE (child), type))
      return child;
  return NULL;
}

static gboolean
match_styled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, data) && gtk_widget_is_visible (widget);
}

GtkWidget *
shtat_test_find_styled (GtkWidget  *root,
                        const char *css_class)
{
  return find_first (root, match_styled, css_class);
}
