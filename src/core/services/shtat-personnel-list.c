/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-personnel-list"

#include "config.h"

#include <string.h>

#include "shtat-personnel-list.h"

/* ------------------------------------------------------------------------ */
/* Entries: one per employee, immutable once made, shared by reference between
 * the model and the worker threads that filter snapshots of it.            */

typedef struct
{
  gatomicrefcount  ref_count;
  ShtatEmployee   *employee;
  int              assignment;  /* index of the current post, or -1 */
  gboolean         checked;     /* verdict holds the post's verdict (there is a post) */
  ShtatVerdict     verdict;     /* without reasons: the list needs the outcome only */
  char            *name;
  char            *key;         /* casefolded name and IIN, for search */
} Entry;

static Entry *
entry_ref (Entry *e)
{
  g_atomic_ref_count_inc (&e->ref_count);
  return e;
}

static void
entry_unref (Entry *e)
{
  if (!g_atomic_ref_count_dec (&e->ref_count))
    return;
  shtat_employee_unref (e->employee);
  if (e->checked)
    shtat_verdict_clear (&e->verdict);
  g_free (e->name);
  g_free (e->key);
  g_free (e);
}

/* The text of @string in a block of its size: a GString grows by powers of
 * two, and 100 000 rows keep theirs. */
static char *
exact_copy (GString *string)
{
  char *copy = g_strndup (string->str, string->len);

  g_string_free (string, TRUE);
  return copy;
}

/* The search key: @name and @iin, normalised (NFKC) and casefolded. Names in
 * Latin (ASCII) and Cyrillic letters, Kazakh ones included, are already
 * normalised and fold to their lower case: they are folded here a character
 * at a time, which at 100 000 names is most of the time of loading the list;
 * anything else takes GLib's way. */
static char *
make_key (const char *name,
          const char *iin)
{
  g_autofree char *joined = g_strconcat (name, " ", iin, NULL);
  GString *key = g_string_sized_new (strlen (joined) + 8);
  g_autofree char *normal = NULL;

  for (const char *p = joined; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (key, g_ascii_tolower ((char) c));
      else if (c >= 0x400 && c <= 0x4ff)
        g_string_append_unichar (key, g_unichar_tolower (c));
      else
        {
          g_string_free (key, TRUE);
          normal = g_utf8_normalize (joined, -1, G_NORMALIZE_ALL);
          return g_utf8_casefold (normal ? normal : joined, -1);
        }
    }
  return exact_copy (key);
}

/* A new entry; its verdict is for the caller to compute (see entries_check). */
static Entry *
entry_new (ShtatEmployee *employee,
           const GDate   *as_of)
{
  Entry *e = g_new0 (Entry, 1);
  g_autofree char *name = NULL;

  g_atomic_ref_count_init (&e->ref_count);
  e->employee = shtat_employee_ref (employee);
  e->assignment = -1;
  for (guint a = 0; a < employee->assignments->len && e->assignment < 0; a++)
    if (shtat_assignment_is_open_on (&g_array_index (employee->assignments, ShtatAssignment, a), as_of))
      e->assignment = (int) a;
  name = shtat_employee_dup_full_name (employee);
  e->name = g_strdup (name);
  e->key = make_key (e->name, employee->iin);
  return e;
}

static const ShtatAssignment *
entry_post (const Entry *e)
{
  if (e->assignment < 0)
    return NULL;
  return &g_array_index (e->employee->assignments, ShtatAssignment, e->assignment);
}

/* The verdicts of @entries on their current posts, a batch at a time (the
 * fast path of the verdict engine), without reasons: the employee page asks
 * for those. */
#define CHECK_BATCH 4096

static void
entries_check (ShtatNormLibrary *library,
               Entry           **entries,
               guint             n,
               const GDate      *as_of)
{
  g_autofree const ShtatEmployee **people = g_new (const ShtatEmployee *, CHECK_BATCH);
  g_autofree const ShtatAssignment **posts = g_new (const ShtatAssignment *, CHECK_BATCH);
  g_autofree Entry **checked = g_new (Entry *, CHECK_BATCH);
  g_autofree ShtatVerdict *verdicts = g_new (ShtatVerdict, CHECK_BATCH);

  for (guint i = 0; i < n;)
    {
      guint m = 0;

      for (; i < n && m < CHECK_BATCH; i++)
        if (entries[i]->assignment >= 0)
          {
            people[m] = entries[i]->employee;
            posts[m] = entry_post (entries[i]);
            checked[m++] = entries[i];
          }
      shtat_verdict_compute_many (library, people, posts, m, as_of, verdicts);
      for (guint k = 0; k < m; k++)
        {
          checked[k]->verdict = verdicts[k];
          checked[k]->checked = TRUE;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Items                                                                    */

struct _ShtatPersonnelItem
{
  GObject           parent_instance;
  Entry            *entry;
  ShtatNormLibrary *library;
};

G_DEFINE_FINAL_TYPE (ShtatPersonnelItem, shtat_personnel_item, G_TYPE_OBJECT)

static void
shtat_personnel_item_finalize (GObject *object)
{
  ShtatPersonnelItem *self = SHTAT_PERSONNEL_ITEM (object);

  entry_unref (self->entry);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (shtat_personnel_item_parent_class)->finalize (object);
}

static void
shtat_personnel_item_class_init (ShtatPersonnelItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_personnel_item_finalize;
}

static void
shtat_personnel_item_init (ShtatPersonnelItem *self)
{
}

ShtatEmployee *
shtat_personnel_item_get_employee (ShtatPersonnelItem *self)
{
  return self->entry->employee;
}

const ShtatAssignment *
shtat_personnel_item_get_assignment (ShtatPersonnelItem *self)
{
  if (self->entry->assignment < 0)
    return NULL;
  return &g_array_index (self->entry->employee->assignments, ShtatAssignment, self->entry->assignment);
}

const ShtatVerdict *
shtat_personnel_item_get_verdict (ShtatPersonnelItem *self)
{
  return self->entry->checked ? &self->entry->verdict : NULL;
}

const char *
shtat_personnel_item_get_name (ShtatPersonnelItem *self)
{
  return self->entry->name;
}

const char *
shtat_personnel_item_get_position_name (ShtatPersonnelItem *self)
{
  const ShtatAssignment *a = shtat_personnel_item_get_assignment (self);
  const ShtatPosition *p;
  const ShtatExternalPosition *e;

  if (a == NULL)
    return NULL;
  if ((p = shtat_norm_library_get_position (self->library, a->position)) != NULL)
    return shtat_text_get (&p->name);
  if ((e = shtat_norm_library_get_external_position (self->library, a->position)) != NULL)
    return shtat_text_get (&e->name);
  return a->position;
}

/* ------------------------------------------------------------------------ */
/* The list                                                                 */

struct _ShtatPersonnelList
{
  GObject           parent_instance;

  ShtatNormLibrary *library;
  GPtrArray        *entries;    /* Entry, in the store's order */
  GArray           *visible;    /* guint indexes into entries */
  GDate             as_of;

  /* the filter in force, and the one being computed */
  char             *text;
  gint64            centre_id;
  char             *position;
  int               verdict;
  GCancellable     *filtering;
  guint             serial;
};

static void shtat_personnel_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShtatPersonnelList, shtat_personnel_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shtat_personnel_list_model_init))

static GType
list_get_item_type (GListModel *model)
{
  return SHTAT_TYPE_PERSONNEL_ITEM;
}

static guint
list_get_n_items (GListModel *model)
{
  return SHTAT_PERSONNEL_LIST (model)->visible->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ShtatPersonnelList *self = SHTAT_PERSONNEL_LIST (model);
  ShtatPersonnelItem *item;

  if (position >= self->visible->len)
    return NULL;
  item = g_object_new (SHTAT_TYPE_PERSONNEL_ITEM, NULL);
  item->entry = entry_ref (g_ptr_array_index (self->entries, g_array_index (self->visible, guint, position)));
  item->library = g_object_ref (self->library);
  return item;
}

static void
shtat_personnel_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
shtat_personnel_list_finalize (GObject *object)
{
  ShtatPersonnelList *self = SHTAT_PERSONNEL_LIST (object);

  if (self->filtering != NULL)
    g_cancellable_cancel (self->filtering);
  g_clear_object (&self->filtering);
  g_clear_object (&self->library);
  g_ptr_array_unref (self->entries);
  g_array_unref (self->visible);
  g_free (self->text);
  g_free (self->position);
  G_OBJECT_CLASS (shtat_personnel_list_parent_class)->finalize (object);
}

static void
shtat_personnel_list_class_init (ShtatPersonnelListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_personnel_list_finalize;
}

static void
shtat_personnel_list_init (ShtatPersonnelList *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_unref);
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->verdict = -1;
  g_date_clear (&self->as_of, 1);
}

ShtatPersonnelList *
shtat_personnel_list_new (ShtatNormLibrary *library)
{
  ShtatPersonnelList *self = g_object_new (SHTAT_TYPE_PERSONNEL_LIST, NULL);

  self->library = g_object_ref (library);
  return self;
}

guint
shtat_personnel_list_get_n_total (ShtatPersonnelList *self)
{
  return self->entries->len;
}

gboolean
shtat_personnel_list_is_busy (ShtatPersonnelList *self)
{
  return self->filtering != NULL;
}

/* ---- filtering ---------------------------------------------------------- */

typedef struct
{
  GPtrArray *snapshot;   /* Entry, referenced */
  char     **tokens;     /* casefolded words of the query */
  gint64     centre_id;
  char      *position;
  int        verdict;
  guint      serial;
} FilterJob;

static void
filter_job_free (FilterJob *job)
{
  g_ptr_array_unref (job->snapshot);
  g_strfreev (job->tokens);
  g_free (job->position);
  g_free (job);
}

static gboolean
entry_matches (const Entry     *e,
               const FilterJob *job)
{
  const ShtatAssignment *a = e->assignment >= 0
                               ? &g_array_index (e->employee->assignments, ShtatAssignment, e->assignment)
                               : NULL;

  for (guint t = 0; job->tokens[t] != NULL; t++)
    if (strstr (e->key, job->tokens[t]) == NULL)
      return FALSE;
  if (job->centre_id != 0 && (a == NULL || a->centre_id != job->centre_id))
    return FALSE;
  if (job->position != NULL && (a == NULL || g_strcmp0 (a->position, job->position) != 0))
    return FALSE;
  if (job->verdict >= 0 && (!e->checked || (int) e->verdict.kind != job->verdict))
    return FALSE;
  return TRUE;
}

static void
filter_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FilterJob *job = task_data;
  GArray *visible = g_array_sized_new (FALSE, FALSE, sizeof (guint), job->snapshot->len);

  for (guint i = 0; i < job->snapshot->len; i++)
    {
      if ((i & 0x3fff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_array_unref (visible);
          g_task_return_error_if_cancelled (task);
          return;
        }
      if (entry_matches (g_ptr_array_index (job->snapshot, i), job))
        g_array_append_val (visible, i);
    }

  g_task_return_pointer (task, visible, (GDestroyNotify) g_array_unref);
}

static void
filter_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ShtatPersonnelList *self = SHTAT_PERSONNEL_LIST (object);
  FilterJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) visible = g_task_propagate_pointer (G_TASK (result), NULL);
  guint removed;

  /* a newer filter or load has replaced this one */
  if (visible == NULL || job->serial != self->serial)
    return;

  removed = self->visible->len;
  g_array_unref (self->visible);
  self->visible = g_steal_pointer (&visible);
  g_clear_object (&self->filtering);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->visible->len);
}

static void
refilter (ShtatPersonnelList *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *folded = NULL;
  FilterJob *job = g_new0 (FilterJob, 1);

  if (self->filtering != NULL)
    g_cancellable_cancel (self->filtering);
  g_clear_object (&self->filtering);
  self->filtering = g_cancellable_new ();

  /* The entries array is never changed in place (see copy_entries), so the
   * worker can read it while the model goes on. */
  job->snapshot = g_ptr_array_ref (self->entries);
  folded = g_utf8_casefold (self->text ? self->text : "", -1);
  job->tokens = g_strsplit_set (g_strstrip (folded), " \t", -1);
  /* drop the empty words that repeated spaces leave */
  {
    guint w = 0;
    for (guint r = 0; job->tokens[r] != NULL; r++)
      {
        if (*job->tokens[r] != '\0')
          job->tokens[w++] = job->tokens[r];
        else
          g_free (job->tokens[r]);
      }
    job->tokens[w] = NULL;
  }
  job->centre_id = self->centre_id;
  job->position = g_strdup (self->position);
  job->verdict = self->verdict;
  job->serial = ++self->serial;

  task = g_task_new (self, self->filtering, filter_done_cb, NULL);
  g_task_set_source_tag (task, refilter);
  g_task_set_task_data (task, job, (GDestroyNotify) filter_job_free);
  g_task_run_in_thread (task, filter_thread);
}

void
shtat_personnel_list_set_filter (ShtatPersonnelList *self,
                                 const char         *text,
                                 gint64              centre_id,
                                 const char         *position,
                                 int                 verdict)
{
  g_return_if_fail (SHTAT_IS_PERSONNEL_LIST (self));

  g_free (self->text);
  self->text = g_strdup (text);
  self->centre_id = centre_id;
  g_free (self->position);
  self->position = g_strdup (position);
  self->verdict = verdict;
  refilter (self);
}

/* ---- loading ------------------------------------------------------------ */

typedef struct
{
  ShtatStore       *store;
  ShtatNormLibrary *library;
  GDate             as_of;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->store);
  g_object_unref (job->library);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  /* this thread's own connection: the caller's stays with the caller */
  g_autoptr(ShtatStore) store = shtat_store_open_another (job->store, &error);
  g_autoptr(GPtrArray) employees = store ? shtat_store_load_employees (store, &error) : NULL;
  GPtrArray *entries;

  if (employees == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  entries = g_ptr_array_new_full (employees->len, (GDestroyNotify) entry_unref);
  for (guint i = 0; i < employees->len; i++)
    {
      if ((i & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_unref (entries);
          g_task_return_error_if_cancelled (task);
          return;
        }
      g_ptr_array_add (entries, entry_new (g_ptr_array_index (employees, i), &job->as_of));
    }
  entries_check (job->library, (Entry **) entries->pdata, entries->len, &job->as_of);

  g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
shtat_personnel_list_load_async (ShtatPersonnelList  *self,
                                 ShtatStore          *store,
                                 const GDate         *as_of,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->store = g_object_ref (store);
  job->library = g_object_ref (self->library);
  job->as_of = *as_of;
  self->as_of = *as_of;
  g_task_set_source_tag (task, shtat_personnel_list_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/* Empties the model at once, so that it never points into entries it no
 * longer holds. */
static void
clear_visible (ShtatPersonnelList *self)
{
  guint removed = self->visible->len;

  if (removed == 0)
    return;
  g_array_set_size (self->visible, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}

gboolean
shtat_personnel_list_load_finish (ShtatPersonnelList  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  GPtrArray *entries = g_task_propagate_pointer (G_TASK (result), error);

  if (entries == NULL)
    return FALSE;

  /* The rows shown are positions in the old entries, of another database
   * perhaps: none is left until the filter has run on the new ones. */
  g_ptr_array_unref (self->entries);
  self->entries = entries;
  clear_visible (self);
  refilter (self);
  return TRUE;
}

/* ---- single changes ----------------------------------------------------- */

/* Copy on write: a worker may be filtering the current array. Saves are rare
 * next to keystrokes, so they pay for the copy. */
static void
copy_entries (ShtatPersonnelList *self)
{
  GPtrArray *copy = g_ptr_array_new_full (self->entries->len + 1, (GDestroyNotify) entry_unref);

  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (copy, entry_ref (g_ptr_array_index (self->entries, i)));
  g_ptr_array_unref (self->entries);
  self->entries = copy;
}

void
shtat_personnel_list_update_employee (ShtatPersonnelList *self,
                                      ShtatEmployee      *employee)
{
  Entry *fresh;

  if (!g_date_valid (&self->as_of))
    shtat_date_set_today (&self->as_of);

  fresh = entry_new (employee, &self->as_of);
  entries_check (self->library, &fresh, 1, &self->as_of);
  copy_entries (self);
  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *) g_ptr_array_index (self->entries, i))->employee->id == employee->id)
      {
        entry_unref (g_ptr_array_index (self->entries, i));
        self->entries->pdata[i] = fresh;
        refilter (self);
        return;
      }

  g_ptr_array_add (self->entries, fresh);
  refilter (self);
}

/* Entry @index is gone: its row goes now, and the rows after it point one
 * entry lower, so that the model agrees with the entries until the filter
 * has run again. */
static void
drop_visible (ShtatPersonnelList *self,
              guint               index)
{
  guint *rows = (guint *) (gpointer) self->visible->data;
  guint n = self->visible->len;
  guint row = n;

  for (guint p = 0; p < n; p++)
    if (rows[p] == index)
      row = p;
    else if (rows[p] > index)
      rows[p]--;
  if (row == n)
    return;
  g_array_remove_index (self->visible, row);
  g_list_model_items_changed (G_LIST_MODEL (self), row, 1, 0);
}

void
shtat_personnel_list_remove_employee (ShtatPersonnelList *self,
                                      gint64              id)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *) g_ptr_array_index (self->entries, i))->employee->id == id)
      {
        copy_entries (self);
        g_ptr_array_remove_index (self->entries, i);
        drop_visible (self, i);
        refilter (self);
        return;
      }
}

void
shtat_personnel_list_foreach (ShtatPersonnelList *self,
                              ShtatPersonnelFunc  func,
                              gpointer            user_data)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      const ShtatAssignment *a = e->assignment >= 0
                                   ? &g_array_index (e->employee->assignments, ShtatAssignment, e->assignment)
                                   : NULL;

      func (e->employee, a, e->checked ? &e->verdict : NULL, user_data);
    }
}

const GDate *
shtat_personnel_list_get_as_of (ShtatPersonnelList *self)
{
  return &self->as_of;
}
