/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-promotions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-columns.h"
#include "shtat-promotions-page.h"

#define WINDOW_DAYS 90

/* Promotions: who may be promoted now, who becomes eligible within 90 days,
 * whose certificate runs out; sortable by any column, exportable to CSV. */
struct _ShtatPromotionsPage
{
  AdwBin              parent_instance;

  ShtatPersonnelList *list;
  ShtatNormLibrary   *library;
  GListStore         *rows;
  GtkSortListModel   *sorted;
  GtkColumnView      *view;
  GtkStack           *stack;
  GtkLabel           *summary;
  GtkFileChooserNative *chooser;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *iin_column;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *date_column;
};

G_DEFINE_FINAL_TYPE (ShtatPromotionsPage, shtat_promotions_page, ADW_TYPE_BIN)

typedef enum
{
  COLUMN_KIND,
  COLUMN_NAME,
  COLUMN_IIN,
  COLUMN_POSITION,
  COLUMN_CATEGORY,
  COLUMN_DATE,
} Column;

static char *
cell_text (gpointer item,
           guint    column,
           gpointer user_data)
{
  ShtatPromotionsPage *self = user_data;
  ShtatPromotion *p = item;
  const GDate *d = shtat_promotion_get_date (p);

  switch (column)
    {
    case COLUMN_KIND:
      return g_strdup (shtat_promotion_kind_get_label (shtat_promotion_get_kind (p)));
    case COLUMN_NAME:
      return g_strdup (shtat_promotion_get_name (p));
    case COLUMN_IIN:
      return g_strdup (shtat_promotion_get_employee (p)->iin);
    case COLUMN_POSITION:
      {
        const char *code = shtat_promotion_get_position (p);
        const ShtatPosition *pos = shtat_norm_library_get_position (self->library, code);
        const ShtatExternalPosition *ext = shtat_norm_library_get_external_position (self->library, code);

        return g_strdup (pos ? shtat_text_get (&pos->name) : ext ? shtat_text_get (&ext->name) : code ? code : "");
      }
    case COLUMN_CATEGORY:
      return g_strdup (shtat_promotion_get_category (p) >= 0 ? shtat_category_get_label (shtat_promotion_get_category (p)) : "");
    case COLUMN_DATE:
    default:
      return shtat_format_gdate (d);
    }
}

static int
compare_cells (gpointer a,
               gpointer b,
               guint    which,
               gpointer user_data)
{
  ShtatPromotion *x = a;
  ShtatPromotion *y = b;

  if (which == COLUMN_DATE)
    return g_date_compare (shtat_promotion_get_date (x), shtat_promotion_get_date (y));
  if (which == COLUMN_KIND)
    return (int) shtat_promotion_get_kind (x) - (int) shtat_promotion_get_kind (y);
  {
    g_autofree char *tx = cell_text (x, which, user_data);
    g_autofree char *ty = cell_text (y, which, user_data);
    return g_utf8_collate (tx, ty);
  }
}


void
shtat_promotions_page_refresh (ShtatPromotionsPage *self)
{
  g_autoptr(GListStore) rows = NULL;
  g_autofree char *summary = NULL;
  const GDate *as_of;
  guint counts[3] = { 0, };

  if (self->list == NULL)
    return;
  as_of = shtat_personnel_list_get_as_of (self->list);
  if (!g_date_valid (as_of))
    return;

  rows = shtat_promotions_build (self->list, as_of, WINDOW_DAYS);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(ShtatPromotion) p = g_list_model_get_item (G_LIST_MODEL (rows), i);
      counts[shtat_promotion_get_kind (p)]++;
    }

  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(GObject) p = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_list_store_append (self->rows, p);
    }

  {
    g_autofree char *now = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u may be promoted now",
                                                         "%u may be promoted now", counts[SHTAT_PROMOTION_NOW]),
                                            counts[SHTAT_PROMOTION_NOW]);
    g_autofree char *soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u eligible within 90 days",
                                                          "%u eligible within 90 days", counts[SHTAT_PROMOTION_SOON]),
                                             counts[SHTAT_PROMOTION_SOON]);
    g_autofree char *certs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate runs out",
                                                           "%u certificates run out",
                                                           counts[SHTAT_PROMOTION_CERTIFICATE]),
                                              counts[SHTAT_PROMOTION_CERTIFICATE]);

    summary = g_strjoin (" · ", now, soon, certs, NULL);
  }
  gtk_label_set_text (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0 ? "table" : "none");
}

void
shtat_promotions_page_set_list (ShtatPromotionsPage *self,
                                ShtatPersonnelList  *list,
                                ShtatNormLibrary    *library)
{
  g_set_object (&self->list, list);
  g_set_object (&self->library, library);
  shtat_promotions_page_refresh (self);
}

GListModel *
shtat_promotions_page_get_rows (ShtatPromotionsPage *self)
{
  return G_LIST_MODEL (self->sorted);
}

gboolean
shtat_promotions_page_export (ShtatPromotionsPage *self,
                              const char          *path,
                              GError             **error)
{
  return shtat_promotions_write_csv (G_LIST_MODEL (self->sorted), self->library, path, error);
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     ShtatPromotionsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *message;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path != NULL && shtat_promotions_page_export (self, path, &error))
    goto out;

  message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    _("The report cannot be saved"),
                                    error ? error->message : _("Choose a file on this computer."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));

out:
  g_clear_object (&self->chooser);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShtatPromotionsPage *self = SHTAT_PROMOTIONS_PAGE (widget);

  self->chooser = gtk_file_chooser_native_new (_("Export the Promotions Report"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("promotions.csv"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
map_cb (GtkWidget           *widget,
        ShtatPromotionsPage *self)
{
  /* verdicts change as files are edited: the report is made when it is shown */
  shtat_promotions_page_refresh (self);
}

static void
shtat_promotions_page_dispose (GObject *object)
{
  ShtatPromotionsPage *self = SHTAT_PROMOTIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_PROMOTIONS_PAGE);
  G_OBJECT_CLASS (shtat_promotions_page_parent_class)->dispose (object);
}

static void
shtat_promotions_page_finalize (GObject *object)
{
  ShtatPromotionsPage *self = SHTAT_PROMOTIONS_PAGE (object);

  g_clear_object (&self->list);
  g_clear_object (&self->library);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (shtat_promotions_page_parent_class)->finalize (object);
}

static void
shtat_promotions_page_class_init (ShtatPromotionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shtat_promotions_page_dispose;
  object_class->finalize = shtat_promotions_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-promotions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, view);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, iin_column);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, ShtatPromotionsPage, date_column);
  gtk_widget_class_bind_template_callback (widget_class, map_cb);

  gtk_widget_class_install_action (widget_class, "promotions.export", NULL, export_action_cb);
}

static void
shtat_promotions_page_init (ShtatPromotionsPage *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (SHTAT_TYPE_PROMOTION);
  {
    const struct { GtkColumnViewColumn *column; Column which; } columns[] = {
      { self->kind_column, COLUMN_KIND },         { self->name_column, COLUMN_NAME },
      { self->iin_column, COLUMN_IIN },           { self->position_column, COLUMN_POSITION },
      { self->category_column, COLUMN_CATEGORY }, { self->date_column, COLUMN_DATE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      shtat_column_view_column_set_text (columns[i].column, columns[i].which, FALSE, cell_text, compare_cells, self);
  }
  sorter = gtk_column_view_get_sorter (self->view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), g_object_ref (sorter));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)))));
  gtk_stack_set_visible_child_name (self->stack, "none");
}
