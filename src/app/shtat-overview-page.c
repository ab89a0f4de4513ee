/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-columns.h"
#include "shtat-overview-page.h"

/* The page shows a ShtatOverview (the core computes it, in a worker thread,
 * and can be cancelled) through a district filter and the column sorter. */

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
  AdwBin              parent_instance;

  ShtatOverview      *overview;
  GCancellable       *cancellable;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *district_filter;
  GtkStringList      *districts;      /* "All districts", then each district */
  GtkSortListModel   *sorted;
  GtkFilterListModel *submitted;
  guint               n_awaiting;

  /* template */
  GtkStack           *stack;
  GtkLabel           *summary;
  GtkWidget          *awaiting_group;
  GtkListBox         *awaiting;
  GtkDropDown        *district_dropdown;
  GtkColumnView      *view;
  GtkLabel           *subtotal;
};

G_DEFINE_FINAL_TYPE (ShtatOverviewPage, shtat_overview_page, ADW_TYPE_BIN)

enum { SIGNAL_OPEN_SCHEDULE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const ShtatOverviewRow *
row_of (gpointer item)
{
  return shtat_overview_item_get_row (SHTAT_OVERVIEW_ITEM (item));
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
  const ShtatOverviewRow *row = row_of (item);

  switch ((Column) column)
    {
    case COLUMN_CENTRE:
      return g_strdup (shtat_centre_get_display_name (row->centre));
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
  if (column == COLUMN_CENTRE)
    {
      /* the overview lists the centres by name already */
      guint px = shtat_overview_item_get_position (a), py = shtat_overview_item_get_position (b);
      return px < py ? -1 : px > py;
    }
  if (column >= COLUMN_PLANNED)
    {
      int nx = number_of (row_of (a), column), ny = number_of (row_of (b), column);
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

  return district == NULL || g_strcmp0 (row_of (item)->centre->district, district) == 0;
}

static gboolean
submitted_match (gpointer item,
                 gpointer user_data)
{
  return shtat_overview_row_is_submitted (row_of (item));
}

/* The sums of the centres shown: what the district has against its norms. */
static void
update_subtotal (ShtatOverviewPage *self)
{
  ShtatOverviewTotals t;
  g_autofree char *p = NULL, *m = NULL, *f = NULL, *v = NULL, *centres = NULL, *text = NULL;

  shtat_overview_sum (G_LIST_MODEL (self->filtered), &t);
  p = shtat_units_format_locale (t.planned);
  m = shtat_units_format_locale (t.minimum);
  f = shtat_units_format_locale (t.filled);
  v = shtat_units_format_locale (t.vacant);
  centres = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u centre", "%u centres", t.n_centres), t.n_centres);
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

static void
fill_districts (ShtatOverviewPage *self)
{
  g_autofree char *kept = g_strdup (chosen_district (self));
  g_auto(GStrv) names = shtat_overview_dup_districts (self->overview);
  guint selected = 0, n = g_strv_length (names);

  g_signal_handlers_block_by_func (self->district_dropdown, district_selected_cb, self);
  gtk_string_list_splice (self->districts, 1, g_list_model_get_n_items (G_LIST_MODEL (self->districts)) - 1,
                          (const char * const *) names);
  for (guint k = 0; k < n; k++)
    if (g_strcmp0 (kept, names[k]) == 0)
      selected = k + 1;
  gtk_drop_down_set_selected (self->district_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->district_dropdown, district_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->district_dropdown), n > 1);
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
/* Awaiting approval                                                        */

static GtkWidget *
awaiting_row (gpointer item,
              gpointer user_data)
{
  const ShtatOverviewRow *row = row_of (item);
  GtkWidget *r = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *approve = gtk_button_new_with_mnemonic (_("_Approve…"));
  guint version = shtat_schedule_get_version (row->pending);
  g_autofree char *title = g_markup_escape_text (shtat_centre_get_display_name (row->centre), -1);
  g_autofree char *units = shtat_units_format_locale (row->planned);
  g_autofree char *minimum = row->minimum >= 0 ? shtat_units_format_locale (row->minimum) : g_strdup ("—");
  g_autofree char *subtitle = g_strdup_printf (_("Version %u · %s units, minimum %s · %u errors, %u warnings"),
                                               version, units, minimum, row->n_errors, row->n_warnings);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "overview.open");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (approve), "overview.approve");
  for (GtkWidget **b = (GtkWidget *[]) { open, approve, NULL }; *b; b++)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (*b), "(su)", row->centre->code, version);
      gtk_widget_set_valign (*b, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), *b);
    }
  if (row->n_errors == 0)
    gtk_widget_add_css_class (approve, "suggested-action");
  else
    gtk_widget_set_tooltip_text (approve, _("It has errors against the minimum norms and cannot be approved as it is"));
  return r;
}

static void
open_version (ShtatOverviewPage *self,
              GVariant          *parameter,
              gboolean           approve)
{
  const char *code;
  guint version;

  g_variant_get (parameter, "(&su)", &code, &version);
  g_signal_emit (self, signals[SIGNAL_OPEN_SCHEDULE], 0, code, version, approve);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_version (SHTAT_OVERVIEW_PAGE (widget), parameter, FALSE);
}

static void
approve_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_version (SHTAT_OVERVIEW_PAGE (widget), parameter, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ShtatOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *v = NULL;
  g_autofree char *centres = NULL;
  ShtatOverviewTotals t;

  if (!shtat_overview_load_finish (SHTAT_OVERVIEW (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary, error->message);
      return;
    }

  shtat_overview_sum (G_LIST_MODEL (self->overview), &t);
  self->n_awaiting = t.n_awaiting;
  gtk_widget_set_visible (self->awaiting_group, t.n_awaiting > 0);
  fill_districts (self);
  update_subtotal (self);
  v = shtat_units_format_locale (t.vacant);
  centres = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u centre", "%u centres", t.n_centres), t.n_centres);
  summary = g_strdup_printf (_("%s · %u awaiting approval · %u with errors against the norms · %s units vacant"),
                             centres, t.n_awaiting, t.n_with_errors, v);
  gtk_label_set_text (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack, t.n_centres > 0 ? "overview" : "none");
}

void
shtat_overview_page_refresh (ShtatOverviewPage *self)
{
  g_return_if_fail (SHTAT_IS_OVERVIEW_PAGE (self));

  if (self->overview == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  shtat_overview_load_async (self->overview, NULL, self->cancellable, loaded_cb, g_object_ref (self));
}

gboolean
shtat_overview_page_is_busy (ShtatOverviewPage *self)
{
  return self->overview != NULL && shtat_overview_is_loading (self->overview);
}

void
shtat_overview_page_set_store (ShtatOverviewPage *self,
                               ShtatStore        *store,
                               ShtatNormLibrary  *library)
{
  g_return_if_fail (SHTAT_IS_OVERVIEW_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->overview);
  self->overview = shtat_overview_new (store, library);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->overview));
  gtk_filter_list_model_set_model (self->submitted, G_LIST_MODEL (self->overview));
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
  const ShtatOverviewRow *row;
  ShtatSchedule *s;

  if (item == NULL)
    return;
  row = shtat_overview_item_get_row (item);
  s = row->pending ? row->pending : row->approved;
  g_signal_emit (self, signals[SIGNAL_OPEN_SCHEDULE], 0, row->centre->code,
                 s ? shtat_schedule_get_version (s) : 0, FALSE);
}

static void
shtat_overview_page_dispose (GObject *object)
{
  ShtatOverviewPage *self = SHTAT_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (shtat_overview_page_parent_class)->dispose (object);
}

static void
shtat_overview_page_finalize (GObject *object)
{
  ShtatOverviewPage *self = SHTAT_OVERVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->overview);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->submitted);
  g_clear_object (&self->district_filter);
  g_clear_object (&self->districts);
  G_OBJECT_CLASS (shtat_overview_page_parent_class)->finalize (object);
}

static void
shtat_overview_page_class_init (ShtatOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shtat_overview_page_dispose;
  object_class->finalize = shtat_overview_page_finalize;

  /**
   * ShtatOverviewPage::open-schedule:
   * @page: the page
   * @centre: the centre's code
   * @version: the version to show
   * @approve: whether to open its approval
   */
  signals[SIGNAL_OPEN_SCHEDULE] = g_signal_new ("open-schedule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT,
                                                G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatOverviewPage, summary);
  gtk_widget_class_bind_template_child (widget_class, ShtatOverviewPage, awaiting_group);
  gtk_widget_class_bind_template_child (widget_class, ShtatOverviewPage, awaiting);
  gtk_widget_class_bind_template_child (widget_class, ShtatOverviewPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShtatOverviewPage, view);
  gtk_widget_class_bind_template_child (widget_class, ShtatOverviewPage, subtotal);
  gtk_widget_class_bind_template_callback (widget_class, district_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  /* (centre code, version) */
  gtk_widget_class_install_action (widget_class, "overview.open", "(su)", open_action_cb);
  gtk_widget_class_install_action (widget_class, "overview.approve", "(su)", approve_action_cb);
}

static void
shtat_overview_page_init (ShtatOverviewPage *self)
{
  static const struct { const char *title; Column column; gboolean expand, numeric; } columns[] = {
    { NC_("column", "Centre"), COLUMN_CENTRE, TRUE, FALSE },
    { NC_("column", "District"), COLUMN_DISTRICT, FALSE, FALSE },
    { NC_("column", "In force"), COLUMN_IN_FORCE, FALSE, FALSE },
    { NC_("column", "Being prepared"), COLUMN_PREPARED, FALSE, FALSE },
    { NC_("column", "Units"), COLUMN_PLANNED, FALSE, TRUE },
    { NC_("column", "Minimum"), COLUMN_MINIMUM, FALSE, TRUE },
    { NC_("column", "Errors"), COLUMN_ERRORS, FALSE, TRUE },
    { NC_("column", "Staff"), COLUMN_STAFF, FALSE, TRUE },
    { NC_("column", "Vacant"), COLUMN_VACANT, FALSE, TRUE },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the bin's own child, not a bound one: the bin unparents it when disposed */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    shtat_column_view_add_text_column (self->view, g_dpgettext2 (NULL, "column", columns[i].title),
                                       columns[i].column, columns[i].expand, columns[i].numeric,
                                       cell_text, compare_cells, self);
  self->district_filter = gtk_custom_filter_new (district_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->district_filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)))));

  self->submitted = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (submitted_match, NULL, NULL)));
  gtk_list_box_bind_model (self->awaiting, G_LIST_MODEL (self->submitted), awaiting_row, self, NULL);

  self->districts = gtk_string_list_new ((const char *[]) { _("All districts"), NULL });
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (self->districts));
}
