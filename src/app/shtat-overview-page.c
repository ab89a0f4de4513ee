/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-columns.h"
#include "shtat-overview-page.h"

/* Rows of the overview handed to GTK as list items: each item holds one row
 * the core computed. */
#define SHTAT_TYPE_OVERVIEW_ITEM (shtat_overview_item_get_type ())
G_DECLARE_FINAL_TYPE (ShtatOverviewItem, shtat_overview_item, SHTAT, OVERVIEW_ITEM, GObject)

struct _ShtatOverviewItem
{
  GObject           parent_instance;
  GPtrArray        *rows;   /* keeps the row alive */
  ShtatOverviewRow *row;
};

G_DEFINE_FINAL_TYPE (ShtatOverviewItem, shtat_overview_item, G_TYPE_OBJECT)

static void
shtat_overview_item_finalize (GObject *object)
{
  g_ptr_array_unref (SHTAT_OVERVIEW_ITEM (object)->rows);
  G_OBJECT_CLASS (shtat_overview_item_parent_class)->finalize (object);
}

static void
shtat_overview_item_class_init (ShtatOverviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_overview_item_finalize;
}

static void
shtat_overview_item_init (ShtatOverviewItem *self)
{
}

typedef enum
{
  COLUMN_CENTRE,
  COLUMN_DISTRICT,
  COLUMN_IN_FORCE,
  COLUMN_PREPARED,
  COLUMN_PLANNED,
  COLUMN_MINIMUM,
  COLUMN_ERRORS,
  COLUMN_STAFF,
  COLUMN_VACANT,
  N_COLUMNS,
} Column;

struct _ShtatOverviewPage
{
  AdwBin            parent_instance;

  ShtatStore       *store;
  ShtatNormLibrary *library;
  GCancellable     *cancellable;
  gboolean          busy;
  GListStore       *rows;
  GtkFilterListModel *filtered;
  GtkCustomFilter  *district_filter;
  GtkDropDown      *district_dropdown;
  GtkStringList    *districts;      /* "All districts", then each district */
  GtkLabel         *subtotal;
  GtkSortListModel *sorted;
  GtkColumnView    *view;
  GtkLabel         *summary;
  GtkListBox       *awaiting;
  GtkWidget        *awaiting_group;
  guint             n_awaiting;
  GtkStack         *stack;
};

G_DEFINE_FINAL_TYPE (ShtatOverviewPage, shtat_overview_page, ADW_TYPE_BIN)

enum { SIGNAL_OPEN_SCHEDULE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
centre_name (const ShtatCentre *centre)
{
  const char *name = shtat_lang_current () == SHTAT_LANG_RU ? centre->name_ru : centre->name_kk;

  if (name == NULL || *name == '\0')
    name = shtat_lang_current () == SHTAT_LANG_RU ? centre->name_kk : centre->name_ru;
  return name ? name : centre->code;
}

static char *
version_text (ShtatSchedule *s)
{
  g_autofree char *units = NULL;

  if (s == NULL)
    return g_strdup ("—");
  units = shtat_units_format_locale (shtat_schedule_get_total_units (s));
  /* "v3 · Submitted · 25.5" */
  return g_strdup_printf (_("v%u · %s · %s"), shtat_schedule_get_version (s),
                          shtat_schedule_status_get_label (shtat_schedule_get_status (s)), units);
}

static char *
cell_text (gpointer item,
           guint    column,
           gpointer user_data)
{
  const ShtatOverviewRow *row = SHTAT_OVERVIEW_ITEM (item)->row;

  switch ((Column) column)
    {
    case COLUMN_CENTRE:
      return g_strdup (centre_name (row->centre));
    case COLUMN_DISTRICT:
      return g_strdup (row->centre->district ? row->centre->district : "");
    case COLUMN_IN_FORCE:
      return version_text (row->approved);
    case COLUMN_PREPARED:
      return version_text (row->pending);
    case COLUMN_PLANNED:
      return row->approved || row->pending ? shtat_units_format_locale (row->planned) : g_strdup ("—");
    case COLUMN_MINIMUM:
      return row->minimum >= 0 ? shtat_units_format_locale (row->minimum) : g_strdup ("—");
    case COLUMN_ERRORS:
      if (row->problem != NULL)
        return g_strdup (row->problem);
      return row->approved || row->pending ? g_strdup_printf ("%u", row->n_errors) : g_strdup ("—");
    case COLUMN_STAFF:
      return shtat_units_format_locale (row->filled);
    case COLUMN_VACANT:
      return row->approved ? shtat_units_format_locale (row->vacant) : g_strdup ("—");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static int
number_of (const ShtatOverviewRow *row,
           Column                  column)
{
  switch (column)
    {
    case COLUMN_PLANNED:
      return row->approved || row->pending ? row->planned : -1;
    case COLUMN_MINIMUM:
      return row->minimum;
    case COLUMN_ERRORS:
      return row->problem ? G_MAXINT : row->approved || row->pending ? (int) row->n_errors : -1;
    case COLUMN_STAFF:
      return row->filled;
    case COLUMN_VACANT:
      return row->approved ? row->vacant : -1;
    case COLUMN_CENTRE:
    case COLUMN_DISTRICT:
    case COLUMN_IN_FORCE:
    case COLUMN_PREPARED:
    case N_COLUMNS:
    default:
      return 0;
    }
}

static int
compare_cells (gpointer a,
               gpointer b,
               guint    column,
               gpointer user_data)
{
  const ShtatOverviewRow *x = SHTAT_OVERVIEW_ITEM (a)->row;
  const ShtatOverviewRow *y = SHTAT_OVERVIEW_ITEM (b)->row;

  if (column >= COLUMN_PLANNED)
    {
      int nx = number_of (x, column), ny = number_of (y, column);
      return nx < ny ? -1 : nx > ny;
    }
  {
    g_autofree char *tx = cell_text (a, column, user_data);
    g_autofree char *ty = cell_text (b, column, user_data);
    return g_utf8_collate (tx, ty);
  }
}

/* ------------------------------------------------------------------------ */
/* Comparing within a district                                              */

static const char *
chosen_district (ShtatOverviewPage *self)
{
  guint i = gtk_drop_down_get_selected (self->district_dropdown);

  return i == 0 || i == GTK_INVALID_LIST_POSITION ? NULL : gtk_string_list_get_string (self->districts, i);
}

static gboolean
district_match (gpointer item,
                gpointer user_data)
{
  ShtatOverviewPage *self = user_data;
  const char *district = chosen_district (self);

  return district == NULL || g_strcmp0 (SHTAT_OVERVIEW_ITEM (item)->row->centre->district, district) == 0;
}

/* The sums of the centres shown: what the district has against its norms. */
static void
update_subtotal (ShtatOverviewPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (shown);
  int planned = 0, minimum = 0, filled = 0, vacant = 0;
  g_autofree char *p = NULL, *m = NULL, *f = NULL, *v = NULL, *centres = NULL, *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShtatOverviewItem) item = g_list_model_get_item (shown, i);

      planned += item->row->planned;
      minimum += MAX (item->row->minimum, 0);
      filled += item->row->filled;
      vacant += item->row->vacant;
    }
  p = shtat_units_format_locale (planned);
  m = shtat_units_format_locale (minimum);
  f = shtat_units_format_locale (filled);
  v = shtat_units_format_locale (vacant);
  centres = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u centre", "%u centres", n), n);
  text = g_strdup_printf (_("%s: %s units planned against a minimum of %s; staff on %s; %s vacant"), centres, p, m, f, v);
  gtk_label_set_text (self->subtotal, text);
}

static void
district_selected_cb (GtkDropDown       *dropdown,
                      GParamSpec        *pspec,
                      ShtatOverviewPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->district_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_subtotal (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_districts (ShtatOverviewPage *self,
                GPtrArray         *rows)
{
  g_autofree char *kept = g_strdup (chosen_district (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const char *d = ((ShtatOverviewRow *) g_ptr_array_index (rows, i))->centre->district;
      gboolean seen = FALSE;

      for (guint k = 0; d != NULL && *d != '\0' && k < names->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (names, k), d);
      if (d != NULL && *d != '\0' && !seen)
        g_ptr_array_add (names, (gpointer) d);
    }
  g_ptr_array_sort (names, compare_names);
  g_signal_handlers_block_by_func (self->district_dropdown, district_selected_cb, self);
  gtk_string_list_splice (self->districts, 1, g_list_model_get_n_items (G_LIST_MODEL (self->districts)) - 1, NULL);
  for (guint k = 0; k < names->len; k++)
    {
      gtk_string_list_append (self->districts, g_ptr_array_index (names, k));
      if (g_strcmp0 (kept, g_ptr_array_index (names, k)) == 0)
        selected = k + 1;
    }
  gtk_drop_down_set_selected (self->district_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->district_dropdown, district_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->district_dropdown), names->len > 1);
  gtk_filter_changed (GTK_FILTER (self->district_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
shtat_overview_page_select_district (ShtatOverviewPage *self,
                                     const char        *district)
{
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->districts)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->districts, i), district) == 0)
      gtk_drop_down_set_selected (self->district_dropdown, i);
  if (district == NULL)
    gtk_drop_down_set_selected (self->district_dropdown, 0);
}

const char *
shtat_overview_page_get_subtotal_text (ShtatOverviewPage *self)
{
  return gtk_label_get_text (self->subtotal);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  ShtatStore       *store;
  ShtatNormLibrary *library;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->store);
  g_object_unref (job->library);
  g_free (job);
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  /* this thread's own connection: the window's stays on the main thread */
  g_autoptr(ShtatStore) store = shtat_store_open_another (job->store, &error);
  GPtrArray *rows = store ? shtat_overview_compute (store, job->library, NULL, &error) : NULL;

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
open_cb (GtkButton         *button,
         ShtatOverviewPage *self)
{
  ShtatOverviewRow *row = g_object_get_data (G_OBJECT (button), "row");
  gboolean approve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "approve"));

  g_signal_emit (self, signals[SIGNAL_OPEN_SCHEDULE], 0, row->centre->code,
                 shtat_schedule_get_version (row->pending), approve);
}

static GtkWidget *
awaiting_row (ShtatOverviewPage *self,
              ShtatOverviewRow  *row,
              GPtrArray         *rows)
{
  GtkWidget *r = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *approve = gtk_button_new_with_mnemonic (_("_Approve…"));
  g_autofree char *title = g_markup_escape_text (centre_name (row->centre), -1);
  g_autofree char *units = shtat_units_format_locale (row->planned);
  g_autofree char *minimum = row->minimum >= 0 ? shtat_units_format_locale (row->minimum) : g_strdup ("—");
  g_autofree char *subtitle = g_strdup_printf (_("Version %u · %s units, minimum %s · %u errors, %u warnings"),
                                               shtat_schedule_get_version (row->pending), units, minimum,
                                               row->n_errors, row->n_warnings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
  for (GtkWidget **b = (GtkWidget *[]) { open, approve, NULL }; *b; b++)
    {
      gtk_widget_set_valign (*b, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (*b), "rows", g_ptr_array_ref (rows), (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data (G_OBJECT (*b), "row", row);
      g_signal_connect (*b, "clicked", G_CALLBACK (open_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), *b);
    }
  g_object_set_data (G_OBJECT (approve), "approve", GINT_TO_POINTER (TRUE));
  if (row->n_errors == 0)
    gtk_widget_add_css_class (approve, "suggested-action");
  else
    gtk_widget_set_tooltip_text (approve, _("It has errors against the minimum norms and cannot be approved as it is"));
  return r;
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ShtatOverviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_errors = 0;
  int vacant = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (rows == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }

  g_list_store_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->awaiting))) != NULL)
    gtk_list_box_remove (self->awaiting, child);
  self->n_awaiting = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      ShtatOverviewRow *row = g_ptr_array_index (rows, i);
      ShtatOverviewItem *item = g_object_new (SHTAT_TYPE_OVERVIEW_ITEM, NULL);

      item->rows = g_ptr_array_ref (rows);
      item->row = row;
      g_list_store_append (self->rows, item);
      g_object_unref (item);
      if (shtat_overview_row_is_submitted (row))
        {
          gtk_list_box_append (self->awaiting, awaiting_row (self, row, rows));
          self->n_awaiting++;
        }
      if (row->approved || row->pending)
        n_errors += row->n_errors > 0 || row->problem != NULL;
      vacant += row->vacant;
    }
  gtk_widget_set_visible (self->awaiting_group, self->n_awaiting > 0);
  fill_districts (self, rows);
  update_subtotal (self);
  {
    g_autofree char *v = shtat_units_format_locale (vacant);
    g_autofree char *centres = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u centre", "%u centres", rows->len),
                                                rows->len);
    summary = g_strdup_printf (_("%s · %u awaiting approval · %u with errors against the norms · %s units vacant"),
                               centres, self->n_awaiting, n_errors, v);
  }
  gtk_label_set_text (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "overview" : "none");
}

void
shtat_overview_page_refresh (ShtatOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  job = g_new0 (Job, 1);
  job->store = g_object_ref (self->store);
  job->library = g_object_ref (self->library);
  task = g_task_new (NULL, self->cancellable, computed_cb, self);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, compute_thread);
}

gboolean
shtat_overview_page_is_busy (ShtatOverviewPage *self)
{
  return self->busy;
}

void
shtat_overview_page_set_store (ShtatOverviewPage *self,
                               ShtatStore        *store,
                               ShtatNormLibrary  *library)
{
  g_set_object (&self->store, store);
  g_set_object (&self->library, library);
}

const char *
shtat_overview_page_get_summary_text (ShtatOverviewPage *self)
{
  return gtk_label_get_text (self->summary);
}

GListModel *
shtat_overview_page_get_rows (ShtatOverviewPage *self)
{
  return G_LIST_MODEL (self->sorted);
}

char *
shtat_overview_page_dup_cell (ShtatOverviewPage *self,
                              guint              row,
                              guint              column)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);

  return item != NULL && column < N_COLUMNS ? cell_text (item, column, self) : NULL;
}

guint
shtat_overview_page_get_n_awaiting (ShtatOverviewPage *self)
{
  return self->n_awaiting;
}

static void
activate_cb (GtkColumnView     *view,
             guint              position,
             ShtatOverviewPage *self)
{
  g_autoptr(ShtatOverviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  ShtatSchedule *s;

  if (item == NULL)
    return;
  s = item->row->pending ? item->row->pending : item->row->approved;
  g_signal_emit (self, signals[SIGNAL_OPEN_SCHEDULE], 0, item->row->centre->code,
                 s ? shtat_schedule_get_version (s) : 0, FALSE);
}

static void
shtat_overview_page_dispose (GObject *object)
{
  ShtatOverviewPage *self = SHTAT_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (object), NULL);
  G_OBJECT_CLASS (shtat_overview_page_parent_class)->dispose (object);
}

static void
shtat_overview_page_finalize (GObject *object)
{
  ShtatOverviewPage *self = SHTAT_OVERVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->district_filter);
  g_clear_object (&self->districts);
  G_OBJECT_CLASS (shtat_overview_page_parent_class)->finalize (object);
}

static void
shtat_overview_page_class_init (ShtatOverviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shtat_overview_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = shtat_overview_page_finalize;
  signals[SIGNAL_OPEN_SCHEDULE] = g_signal_new ("open-schedule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT,
                                                G_TYPE_BOOLEAN);
}

static void
shtat_overview_page_init (ShtatOverviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("All Centres"));
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *content;

  self->rows = g_list_store_new (SHTAT_TYPE_OVERVIEW_ITEM);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  shtat_column_view_add_text_column (self->view, C_("column", "Centre"), COLUMN_CENTRE, TRUE, FALSE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "District"), COLUMN_DISTRICT, FALSE, FALSE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "In force"), COLUMN_IN_FORCE, FALSE, FALSE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "Being prepared"), COLUMN_PREPARED, FALSE, FALSE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "Units"), COLUMN_PLANNED, FALSE, TRUE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "Minimum"), COLUMN_MINIMUM, FALSE, TRUE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "Errors"), COLUMN_ERRORS, FALSE, TRUE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "Staff"), COLUMN_STAFF, FALSE, TRUE, cell_text, compare_cells, self);
  shtat_column_view_add_text_column (self->view, C_("column", "Vacant"), COLUMN_VACANT, FALSE, TRUE, cell_text, compare_cells, self);
  self->district_filter = gtk_custom_filter_new (district_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (g_object_ref (self->district_filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)))));
  gtk_column_view_set_single_click_activate (self->view, FALSE);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "title-4");

  self->awaiting = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->awaiting, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->awaiting), "boxed-list");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Awaiting Approval"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->awaiting));
  self->awaiting_group = group;
  gtk_widget_set_visible (group, FALSE);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  self->districts = gtk_string_list_new ((const char *[]) { _("All districts"), NULL });
  self->district_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->districts)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->district_dropdown), _("District"));
  gtk_widget_set_visible (GTK_WIDGET (self->district_dropdown), FALSE);
  g_signal_connect (self->district_dropdown, "notify::selected", G_CALLBACK (district_selected_cb), self);
  self->subtotal = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtotal, 0);
  gtk_label_set_wrap (self->subtotal, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtotal), "dim-label");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), group);
  {
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_box_append (GTK_BOX (bar), heading);
    gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->district_dropdown));
    gtk_box_append (GTK_BOX (box), bar);
  }
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subtotal));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Centres Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Add a centre from the main menu, or load the demo."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, box, "overview");
  gtk_stack_add_named (self->stack, none, "none");
  gtk_stack_set_visible_child_name (self->stack, "none");
  content = GTK_WIDGET (self->stack);
  adw_bin_set_child (ADW_BIN (self), content);
}
