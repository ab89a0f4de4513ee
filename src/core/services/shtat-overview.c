/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-overview"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shtat-overview.h"
#include "shtat-text.h"

static void
row_free (ShtatOverviewRow *row)
{
  g_clear_pointer (&row->centre, shtat_centre_unref);
  g_clear_pointer (&row->approved, shtat_schedule_unref);
  g_clear_pointer (&row->pending, shtat_schedule_unref);
  g_free (row->problem);
  g_free (row);
}

gboolean
shtat_overview_row_is_submitted (const ShtatOverviewRow *row)
{
  return row->pending != NULL && shtat_schedule_get_status (row->pending) == SHTAT_SCHEDULE_SUBMITTED;
}

static void
fill_row (ShtatOverviewRow *row,
          GPtrArray        *versions,
          ShtatNormLibrary *library)
{
  ShtatSchedule *newer;

  for (guint v = 0; v < versions->len; v++)
    {
      ShtatSchedule *s = g_ptr_array_index (versions, v);

      switch (shtat_schedule_get_status (s))
        {
        case SHTAT_SCHEDULE_APPROVED:
          g_clear_pointer (&row->approved, shtat_schedule_unref);
          g_clear_pointer (&row->pending, shtat_schedule_unref);
          row->approved = shtat_schedule_ref (s);
          break;
        case SHTAT_SCHEDULE_DRAFT:
        case SHTAT_SCHEDULE_SUBMITTED:
          g_clear_pointer (&row->pending, shtat_schedule_unref);
          row->pending = shtat_schedule_ref (s);
          break;
        case SHTAT_SCHEDULE_SUPERSEDED:
        default:
          break;
        }
    }

  newer = row->pending != NULL ? row->pending : row->approved;
  row->minimum = -1;
  if (newer != NULL)
    {
      const char *table_id = shtat_schedule_get_table (newer);
      const ShtatNormTable *table = shtat_norm_library_get_table_or_centre (library, table_id);
      g_autoptr(ShtatScheduleCheck) check = NULL;

      row->planned = shtat_schedule_get_total_units (newer);
      if (table != NULL)
        check = shtat_schedule_check (newer, library, table, NULL, NULL);
      if (check != NULL)
        {
          row->minimum = check->minimum->total_units;
          row->n_errors = check->n_errors;
          row->n_warnings = check->n_warnings;
        }
    }
}

/**
 * shtat_overview_compute_full:
 * @store: the database
 * @library: the norm data
 * @date: (nullable): the date the staff are counted on; %NULL: today
 * @progress: (nullable) (scope call): called after each centre
 * @progress_data: data for @progress
 * @cancellable: (nullable): checked between centres
 * @error: a #GError, or %NULL
 *
 * Computes the overview row of every centre, by name.
 *
 * Returns: (transfer full) (element-type ShtatOverviewRow): the rows, or
 *   %NULL with @error when the database cannot be read or @cancellable was
 *   cancelled (%G_IO_ERROR_CANCELLED)
 */
GPtrArray *
shtat_overview_compute_full (ShtatStore                *store,
                             ShtatNormLibrary          *library,
                             const GDate               *date,
                             ShtatOverviewProgressFunc  progress,
                             gpointer                   progress_data,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GHashTable) rates = NULL;
  GDate today;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (date == NULL)
    {
      shtat_date_set_today (&today);
      date = &today;
    }
  centres = shtat_store_list_centres (store, error);
  if (centres == NULL)
    return NULL;
  rates = shtat_store_sum_rates_by_centre (store, date, error);
  if (rates == NULL)
    return NULL;

  for (guint i = 0; i < centres->len; i++)
    {
      ShtatCentre *centre = g_ptr_array_index (centres, i);
      ShtatOverviewRow *row;
      g_autoptr(GPtrArray) versions = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) local = NULL;

      /* a centre's versions are read and checked against the norms: the
       * slow part, so a cancelled overview stops here */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      row = g_new0 (ShtatOverviewRow, 1);
      row->centre = shtat_centre_ref (centre);
      row->minimum = -1;
      row->filled = GPOINTER_TO_INT (g_hash_table_lookup (rates, centre->code));
      versions = shtat_store_list_readable_schedules (store, centre->code, problems, &local);
      if (versions == NULL)
        row->problem = g_strdup (local->message);
      else
        {
          fill_row (row, versions, library);
          if (problems->len > 0)
            {
              g_ptr_array_add (problems, NULL);
              row->problem = g_strjoinv ("; ", (char **) problems->pdata);
            }
        }
      if (row->approved != NULL)
        {
          int units = shtat_schedule_get_total_units (row->approved);

          row->vacant = MAX (0, units - row->filled);
          row->over = MAX (0, row->filled - units);
        }
      g_ptr_array_add (rows, row);
      if (progress != NULL)
        progress (i + 1, centres->len, progress_data);
    }
  return g_steal_pointer (&rows);
}

/**
 * shtat_overview_compute:
 * @store: the database
 * @library: the norm data
 * @date: (nullable): the date the staff are counted on; %NULL: today
 * @error: a #GError, or %NULL
 *
 * shtat_overview_compute_full() without progress or cancellation.
 *
 * Returns: (transfer full) (element-type ShtatOverviewRow): the rows, or %NULL
 */
GPtrArray *
shtat_overview_compute (ShtatStore       *store,
                        ShtatNormLibrary *library,
                        const GDate      *date,
                        GError          **error)
{
  return shtat_overview_compute_full (store, library, date, NULL, NULL, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* Items                                                                    */

struct _ShtatOverviewItem
{
  GObject           parent_instance;
  GPtrArray        *rows;   /* keeps the row alive */
  ShtatOverviewRow *row;
  guint             position;
};

G_DEFINE_FINAL_TYPE (ShtatOverviewItem, shtat_overview_item, G_TYPE_OBJECT)

static void
shtat_overview_item_finalize (GObject *object)
{
  g_clear_pointer (&SHTAT_OVERVIEW_ITEM (object)->rows, g_ptr_array_unref);
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

static ShtatOverviewItem *
item_new (GPtrArray *rows,
          guint      index)
{
  ShtatOverviewItem *item = g_object_new (SHTAT_TYPE_OVERVIEW_ITEM, NULL);

  item->rows = g_ptr_array_ref (rows);
  item->row = g_ptr_array_index (rows, index);
  item->position = index;
  return item;
}

/**
 * shtat_overview_item_get_row:
 * @self: an item
 *
 * Returns: (transfer none): the centre's row, alive as long as @self
 */
const ShtatOverviewRow *
shtat_overview_item_get_row (ShtatOverviewItem *self)
{
  g_return_val_if_fail (SHTAT_IS_OVERVIEW_ITEM (self), NULL);

  return self->row;
}

/**
 * shtat_overview_item_get_position:
 * @self: an item
 *
 * Where the centre is in the overview, which lists the centres by name: views
 * sort by name by comparing positions, without collating the names again.
 *
 * Returns: the position of @self in its overview
 */
guint
shtat_overview_item_get_position (ShtatOverviewItem *self)
{
  g_return_val_if_fail (SHTAT_IS_OVERVIEW_ITEM (self), 0);

  return self->position;
}

/**
 * shtat_overview_sum:
 * @items: a #GListModel of #ShtatOverviewItem
 * @totals: (out caller-allocates): the sums
 *
 * Adds up the rows of @items.
 */
void
shtat_overview_sum (GListModel          *items,
                    ShtatOverviewTotals *totals)
{
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (items));
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  n = g_list_model_get_n_items (items);
  totals->n_centres = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShtatOverviewItem) item = g_list_model_get_item (items, i);
      const ShtatOverviewRow *row = item->row;

      totals->n_awaiting += shtat_overview_row_is_submitted (row);
      if (row->approved != NULL || row->pending != NULL)
        totals->n_with_errors += row->n_errors > 0 || row->problem != NULL;
      totals->planned += row->planned;
      totals->minimum += MAX (row->minimum, 0);
      totals->filled += row->filled;
      totals->vacant += row->vacant;
    }
}

/* ------------------------------------------------------------------------ */
/* The model                                                                */

struct _ShtatOverview
{
  GObject           parent_instance;
  ShtatStore       *store;
  ShtatNormLibrary *library;
  GPtrArray        *rows;
  GPtrArray        *items;        /* one per row, made once per load */
  guint             n_loading;
  guint             generation;   /* of the latest load: an older one changes nothing */
};

static void shtat_overview_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShtatOverview, shtat_overview, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shtat_overview_list_model_init))

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GType
shtat_overview_get_item_type (GListModel *model)
{
  return SHTAT_TYPE_OVERVIEW_ITEM;
}

static guint
shtat_overview_get_n_items (GListModel *model)
{
  return SHTAT_OVERVIEW (model)->items->len;
}

static gpointer
shtat_overview_get_item (GListModel *model,
                         guint       position)
{
  ShtatOverview *self = SHTAT_OVERVIEW (model);

  return position < self->items->len ? g_object_ref (g_ptr_array_index (self->items, position)) : NULL;
}

static void
shtat_overview_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shtat_overview_get_item_type;
  iface->get_n_items = shtat_overview_get_n_items;
  iface->get_item = shtat_overview_get_item;
}

static void
shtat_overview_finalize (GObject *object)
{
  ShtatOverview *self = SHTAT_OVERVIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (shtat_overview_parent_class)->finalize (object);
}

static void
shtat_overview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, shtat_overview_is_loading (SHTAT_OVERVIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shtat_overview_class_init (ShtatOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shtat_overview_finalize;
  object_class->get_property = shtat_overview_get_property;
  /**
   * ShtatOverview:loading:
   *
   * Whether a load is running.
   */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shtat_overview_init (ShtatOverview *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * shtat_overview_new:
 * @store: the database; each load reads it through a connection of its own
 * @library: the norm data the versions are checked against
 *
 * An empty overview: shtat_overview_load_async() fills it.
 *
 * Returns: (transfer full): a new #ShtatOverview
 */
ShtatOverview *
shtat_overview_new (ShtatStore       *store,
                    ShtatNormLibrary *library)
{
  ShtatOverview *self;

  g_return_val_if_fail (SHTAT_IS_STORE (store), NULL);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), NULL);

  self = g_object_new (SHTAT_TYPE_OVERVIEW, NULL);
  self->store = g_object_ref (store);
  self->library = g_object_ref (library);
  return self;
}

typedef struct
{
  ShtatStore       *store;
  ShtatNormLibrary *library;
  GDate             date;
  guint             generation;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->library);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  LoadJob *job = data;
  GError *error = NULL;
  /* this thread's own connection: the caller's stays on its thread */
  g_autoptr(ShtatStore) store = NULL;
  GPtrArray *rows = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    store = shtat_store_open_another (job->store, &error);
  if (store != NULL)
    rows = shtat_overview_compute_full (store, job->library, &job->date, NULL, NULL, cancellable, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static void
loading_changed (ShtatOverview *self,
                 int            delta)
{
  gboolean was = self->n_loading > 0;

  self->n_loading += delta;
  if (was != (self->n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * shtat_overview_load_async:
 * @self: the overview
 * @date: (nullable): the date the staff are counted on; %NULL: today
 * @cancellable: (nullable): stops the computation between two centres
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Computes the overview again in a worker thread. The model changes in one
 * step, in shtat_overview_load_finish(), and only if the load was neither
 * cancelled nor followed by another load.
 */
void
shtat_overview_load_async (ShtatOverview       *self,
                           const GDate         *date,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (SHTAT_IS_OVERVIEW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shtat_overview_load_async);
  job = g_new0 (LoadJob, 1);
  job->store = g_object_ref (self->store);
  job->library = g_object_ref (self->library);
  if (date != NULL)
    job->date = *date;
  else
    shtat_date_set_today (&job->date);
  job->generation = ++self->generation;
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  loading_changed (self, +1);
  g_task_run_in_thread (task, load_thread);
}

/**
 * shtat_overview_load_finish:
 * @self: the overview
 * @result: the result given to the callback
 * @error: a #GError, or %NULL
 *
 * Puts the rows computed in the model. A load cancelled, or followed by
 * another before it ended, leaves the model as it was and fails with
 * %G_IO_ERROR_CANCELLED.
 *
 * Returns: %TRUE when the model now shows the rows of this load
 */
gboolean
shtat_overview_load_finish (ShtatOverview  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  LoadJob *job;
  g_autoptr(GPtrArray) rows = NULL;
  guint removed;

  g_return_val_if_fail (SHTAT_IS_OVERVIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shtat_overview_load_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  loading_changed (self, -1);
  rows = g_task_propagate_pointer (G_TASK (result), error);
  if (rows == NULL)
    return FALSE;
  if (job->generation != self->generation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "A later load replaced this one");
      return FALSE;
    }
  removed = self->items->len;
  g_ptr_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_new_full (self->rows->len, g_object_unref);
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (self->items, item_new (self->rows, i));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  return TRUE;
}

/**
 * shtat_overview_is_loading:
 * @self: the overview
 *
 * Returns: whether a load is running (its callback not yet called)
 */
gboolean
shtat_overview_is_loading (ShtatOverview *self)
{
  g_return_val_if_fail (SHTAT_IS_OVERVIEW (self), FALSE);

  return self->n_loading > 0;
}

typedef struct
{
  char       *key;
  const char *name;
} NameKey;

static int
compare_name_keys (const void *a,
                   const void *b)
{
  return strcmp (((const NameKey *) a)->key, ((const NameKey *) b)->key);
}

/**
 * shtat_overview_dup_districts:
 * @self: the overview
 *
 * The districts of the centres, each once, in the order of the reader's
 * language; centres without a district are left out.
 *
 * Returns: (transfer full) (array zero-terminated=1): the districts
 */
char **
shtat_overview_dup_districts (ShtatOverview *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (NameKey));
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  g_return_val_if_fail (SHTAT_IS_OVERVIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const char *d = ((ShtatOverviewRow *) g_ptr_array_index (self->rows, i))->centre->district;
      NameKey k;

      if (d == NULL || *d == '\0' || !g_hash_table_add (seen, (gpointer) d))
        continue;
      k.name = d;
      k.key = g_utf8_collate_key (d, -1);
      g_array_append_val (keys, k);
    }
  qsort (keys->data, keys->len, sizeof (NameKey), compare_name_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      g_strv_builder_add (builder, g_array_index (keys, NameKey, i).name);
      g_free (g_array_index (keys, NameKey, i).key);
    }
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}
