/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-positions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-positions-page.h"
#include "shtat-remark-view.h"

/* The Positions section: the qualification characteristics of 580-НҚ, with the
 * requirement ladder of each position readable at a glance. */
struct _ShtatPositionsPage
{
  AdwBin               parent_instance;

  ShtatNormLibrary    *library;
  GPtrArray           *summary_rows;  /* (element-type AdwActionRow) the duties' and knowledge's rows */

  GtkSearchEntry      *search_entry;
  GtkListBox          *position_list;
  GtkScrolledWindow   *content_scroller;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkBox              *levels_box;
  AdwStatusPage       *external_status;
  GtkWidget           *interpretations_group;
  GtkListBox          *interpretations_list;
  AdwPreferencesGroup *duties_group;
  AdwPreferencesGroup *knowledge_group;
};

G_DEFINE_FINAL_TYPE (ShtatPositionsPage, shtat_positions_page, ADW_TYPE_BIN)

/* Empties what the template holds for one position and hides the parts only
 * some positions have. */
static void
clear_content (ShtatPositionsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->levels_box))) != NULL)
    gtk_box_remove (self->levels_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->interpretations_list))) != NULL)
    gtk_list_box_remove (self->interpretations_list, child);
  for (guint i = 0; i < self->summary_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->summary_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->summary_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->levels_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->external_status), FALSE);
  gtk_widget_set_visible (self->interpretations_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->duties_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->knowledge_group), FALSE);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
show_header (ShtatPositionsPage *self,
             const ShtatText    *name,
             const char         *subtitle)
{
  gtk_label_set_text (self->title_label, shtat_text_get (name));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
add_interpretation_ids (GArray *into,
                        GArray *from)
{
  for (guint i = 0; from != NULL && i < from->len; i++)
    {
      guint id = g_array_index (from, guint, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < into->len && !seen; j++)
        seen = g_array_index (into, guint, j) == id;
      if (!seen)
        g_array_append_val (into, id);
    }
}

static void
show_interpretations (ShtatPositionsPage *self,
                      GArray             *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const ShtatInterpretation *in =
        shtat_norm_library_get_interpretation (self->library, g_array_index (ids, guint, i));
      ShtatRemark *remark;

      if (in == NULL)
        continue;
      remark = shtat_remark_new_interpretation (in);
      gtk_list_box_append (self->interpretations_list, shtat_remark_view_new (remark));
      shtat_remark_free (remark);
    }
  gtk_widget_set_visible (self->interpretations_group, ids != NULL && ids->len > 0);
}

/* The education every rung of a level asks for, when it is the same for all of
 * them: then it is said once above the ladder, and the rungs show only what
 * changes from one to the next. */
static char *
common_education (const ShtatLevelRequirement *level)
{
  g_autofree char *common = NULL;

  for (guint c = 0; c < level->categories->len; c++)
    {
      const ShtatCategoryRequirement *cat = g_ptr_array_index (level->categories, c);
      g_autofree char *education = NULL;

      if (cat->alternatives->len != 1)
        return NULL;
      education = shtat_alternative_describe_education (g_ptr_array_index (cat->alternatives, 0));
      if (common == NULL)
        common = g_steal_pointer (&education);
      else if (!g_str_equal (common, education))
        return NULL;
    }

  return g_steal_pointer (&common);
}

/* One rung of the ladder: the category, and the ways of reaching it. */
static GtkWidget *
make_rung_row (const ShtatPosition            *position,
               const ShtatCategoryRequirement *cat,
               gboolean                        show_education,
               gboolean                        only_rung)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (shtat_category_requirement_get_label (cat), -1);

  for (guint a = 0; a < cat->alternatives->len; a++)
    {
      const ShtatAlternative *alt = g_ptr_array_index (cat->alternatives, a);
      g_autofree char *education_text = shtat_alternative_describe_education (alt);
      g_autofree char *experience_text = shtat_alternative_describe_experience (alt, position);
      g_autofree char *education = g_markup_escape_text (education_text, -1);
      g_autofree char *experience = g_markup_escape_text (experience_text, -1);

      if (a > 0)
        /* TRANSLATORS: between two ways of meeting a requirement */
        g_string_append_printf (text, "\n<b>%s</b>\n", _("or"));
      if (show_education)
        g_string_append_printf (text, "%s\n", education);
      g_string_append (text, experience);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), only_rung ? _("Every employee in the position") : title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
show_summary (ShtatPositionsPage  *self,
              AdwPreferencesGroup *group,
              const char          *cite,
              GPtrArray           *items)
{
  adw_preferences_group_set_description (group, cite);

  for (guint i = 0; i < items->len; i++)
    {
      const ShtatSummaryItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Summaries are plain text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shtat_text_get (&item->text));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (g_strcmp0 (item->cite, cite) != 0)
        g_string_append (subtitle, item->cite);
      for (guint a = 0; a < item->amendments->len; a++)
        {
          const ShtatAmendment *am = g_ptr_array_index (item->amendments, a);

          if (subtitle->len > 0)
            g_string_append (subtitle, "\n");
          g_string_append_printf (subtitle, "%s: %s", shtat_remark_kind_get_label (SHTAT_REMARK_AMENDMENT),
                                  shtat_text_get (&am->note));
        }
      if (subtitle->len > 0)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        }
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->summary_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}

static void
show_position (ShtatPositionsPage  *self,
               const ShtatPosition *p)
{
  g_autoptr(GArray) interpretations = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *subtitle = NULL;

  clear_content (self);

  if (p->act != NULL)
    {
      g_autofree char *date = shtat_format_iso_date (p->act->date);
      subtitle = g_strdup_printf (_("Order %s of %s, %s"), p->act->number, date, p->cite);
    }
  else
    subtitle = g_strdup (p->cite);
  show_header (self, &p->name, subtitle);

  add_interpretation_ids (interpretations, p->interpretations);
  for (guint l = 0; l < p->levels->len; l++)
    {
      const ShtatLevelRequirement *level = g_ptr_array_index (p->levels, l);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = NULL;
      g_autofree char *education = common_education (level);

      if (level->id == SHTAT_LEVEL_SINGLE)
        title = g_strdup (_("Qualification requirements"));
      else
        title = g_strdup_printf (_("Qualification requirements: %s"), shtat_level_requirement_get_label (level));
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (education != NULL)
        {
          g_autofree char *description = g_strdup_printf ("%s (%s)", education, p->requirements_cite);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
        }
      else
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), p->requirements_cite);

      for (guint c = 0; c < level->categories->len; c++)
        {
          const ShtatCategoryRequirement *cat = g_ptr_array_index (level->categories, c);
          GtkWidget *row = make_rung_row (p, cat, education == NULL, level->categories->len == 1);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          add_interpretation_ids (interpretations, cat->interpretations);
        }
      gtk_box_append (self->levels_box, group);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->levels_box), p->levels->len > 0);

  show_interpretations (self, interpretations);
  show_summary (self, self->duties_group, p->duties_cite, p->duties);
  show_summary (self, self->knowledge_group, p->knowledge_cite, p->knowledge);
}

static void
show_external (ShtatPositionsPage          *self,
               const ShtatExternalPosition *e)
{
  const ShtatAct *act = e->act_id ? shtat_norm_library_get_act (self->library, e->act_id) : NULL;
  g_autofree char *description = NULL;

  clear_content (self);
  show_header (self, &e->name, e->cite);

  if (act != NULL)
    {
      g_autofree char *date = shtat_format_iso_date (act->date);
      description = g_markup_printf_escaped (_("Order %s of %s: “%s”. Shtat does not bundle this act; "
                                               "you can add its requirements as local norm data."),
                                             act->number, date, shtat_text_get (&act->title));
      adw_status_page_set_title (self->external_status, _("Requirements set by another act"));
    }
  else
    {
      description = g_strdup (_("None of the bundled acts sets qualification requirements for this position. "
                                "You can add them as local norm data."));
      adw_status_page_set_title (self->external_status, _("No requirements in the bundled acts"));
    }
  adw_status_page_set_description (self->external_status, description);
  gtk_widget_set_visible (GTK_WIDGET (self->external_status), TRUE);

  show_interpretations (self, e->interpretations);
}

static void
row_selected_cb (GtkListBox         *list,
                 GtkListBoxRow      *row,
                 ShtatPositionsPage *self)
{
  const char *code;
  const ShtatPosition *p;

  if (row == NULL || self->library == NULL)
    return;

  code = g_object_get_data (G_OBJECT (row), "shtat-code");
  p = shtat_norm_library_get_position (self->library, code);
  if (p != NULL)
    show_position (self, p);
  else
    show_external (self, shtat_norm_library_get_external_position (self->library, code));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroller), 0);
}

static GtkWidget *
make_list_row (const char      *code,
               const ShtatText *name,
               gboolean         external)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = make_label (shtat_text_get (name), NULL);

  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "shtat-code", g_strdup (code), g_free);
  g_object_set_data_full (G_OBJECT (row), "shtat-name", g_utf8_casefold (shtat_text_get (name), -1), g_free);
  g_object_set_data (G_OBJECT (row), "shtat-external", GINT_TO_POINTER (external));
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  gboolean external = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "shtat-external"));
  gboolean before_external = before ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "shtat-external")) : -1;

  if (before == NULL || external != before_external)
    {
      const char *code = g_object_get_data (G_OBJECT (row), "shtat-act");
      g_autofree char *title = external ? g_strdup (_("Set by other acts"))
                                        : g_strdup_printf (_("Order %s"), code ? code : "");
      GtkWidget *header = make_label (title, "heading");

      gtk_widget_set_margin_top (header, before ? 18 : 6);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  ShtatPositionsPage *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  const char *name;

  if (query == NULL || *query == '\0')
    return TRUE;
  folded = g_utf8_casefold (query, -1);
  name = g_object_get_data (G_OBJECT (row), "shtat-name");
  return strstr (name, folded) != NULL || strstr (g_object_get_data (G_OBJECT (row), "shtat-code"), folded) != NULL;
}

static void
search_changed_cb (GtkSearchEntry     *entry,
                   ShtatPositionsPage *self)
{
  gtk_list_box_invalidate_filter (self->position_list);
}

static void
search_activate_cb (GtkSearchEntry     *entry,
                    ShtatPositionsPage *self)
{
  /* Enter opens the first position that matches. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->position_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      {
        gtk_list_box_select_row (self->position_list, GTK_LIST_BOX_ROW (row));
        gtk_widget_grab_focus (row);
        return;
      }
}

void
shtat_positions_page_set_library (ShtatPositionsPage *self,
                                  ShtatNormLibrary   *library)
{
  GPtrArray *positions, *external;
  GtkWidget *child;

  g_set_object (&self->library, library);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->position_list))) != NULL)
    gtk_list_box_remove (self->position_list, child);

  positions = shtat_norm_library_get_positions (library);
  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPosition *p = g_ptr_array_index (positions, i);
      GtkWidget *row = make_list_row (p->code, &p->name, FALSE);

      if (p->act != NULL)
        g_object_set_data_full (G_OBJECT (row), "shtat-act", g_strdup (p->act->number), g_free);
      gtk_list_box_append (self->position_list, row);
    }
  external = shtat_norm_library_get_external_positions (library);
  for (guint i = 0; i < external->len; i++)
    {
      const ShtatExternalPosition *e = g_ptr_array_index (external, i);
      gtk_list_box_append (self->position_list, make_list_row (e->code, &e->name, TRUE));
    }

  gtk_list_box_select_row (self->position_list, gtk_list_box_get_row_at_index (self->position_list, 0));
}

gboolean
shtat_positions_page_select_position (ShtatPositionsPage *self,
                                      const char         *code)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->position_list, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "shtat-code"), code) == 0)
        {
          gtk_list_box_select_row (self->position_list, row);
          return TRUE;
        }
    }
}

void
shtat_positions_page_focus_search (ShtatPositionsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
shtat_positions_page_dispose (GObject *object)
{
  ShtatPositionsPage *self = SHTAT_POSITIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_POSITIONS_PAGE);
  G_OBJECT_CLASS (shtat_positions_page_parent_class)->dispose (object);
}

static void
shtat_positions_page_finalize (GObject *object)
{
  ShtatPositionsPage *self = SHTAT_POSITIONS_PAGE (object);

  g_clear_object (&self->library);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (shtat_positions_page_parent_class)->finalize (object);
}

static void
shtat_positions_page_class_init (ShtatPositionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shtat_positions_page_dispose;
  object_class->finalize = shtat_positions_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-positions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, position_list);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, levels_box);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, external_status);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, interpretations_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, interpretations_list);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, duties_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatPositionsPage, knowledge_group);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static void
shtat_positions_page_init (ShtatPositionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->summary_rows = g_ptr_array_new ();
  clear_content (self);
  gtk_list_box_set_header_func (self->position_list, header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->position_list, filter_func, self, NULL);
}
