/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-store-private.h"

/* Imports: centres matched by code, personnel files matched by IIN, written
 * in one transaction, one file at a time. The files are a bulk load for the
 * engine (shtat-store-engine.h), told whether the database had none: into an
 * empty one it may leave work such as indexes to the commit, which a failure
 * anywhere rolls back with the rest. */

struct _ShtatStoreImport
{
  ShtatStore   *store;
  GHashTable   *codes;          /* centre code → ShtatCentre (with its id) */
  gint64        n_stored;       /* files in the database when the import began */
  /* With files stored, the IINs added so far (in @iins): a second file with
   * the same IIN would be compared with the first one, already written. Into
   * an empty database, the UNIQUE index on the IIN refuses it. */
  GHashTable   *seen;
  GStringChunk *iins;
  GPtrArray    *stored;         /* every stored file, when loaded at once */
  GHashTable   *stored_by_iin;  /* IIN (in @stored) → ShtatEmployee */
  guint         n_changed;
  gboolean      failed;
};

static void
import_free (ShtatStoreImport *import)
{
  import->store->importing = FALSE;
  shtat_store_tune (import->store, SHTAT_STORE_WORK_READ, NULL);
  g_clear_object (&import->store);
  g_clear_pointer (&import->codes, g_hash_table_unref);
  g_clear_pointer (&import->seen, g_hash_table_unref);
  g_clear_pointer (&import->iins, g_string_chunk_free);
  g_clear_pointer (&import->stored_by_iin, g_hash_table_unref);
  g_clear_pointer (&import->stored, g_ptr_array_unref);
  g_free (import);
}

static gboolean
centre_equal (const ShtatCentre *a,
              const ShtatCentre *b)
{
  return shtat_store_text_equal (a->code, b->code)
         && shtat_store_text_equal (a->name_kk, b->name_kk)
         && shtat_store_text_equal (a->name_ru, b->name_ru)
         && shtat_store_text_equal (a->district, b->district)
         && shtat_store_text_equal (a->akimat, b->akimat);
}

/* Inserts the new centres and updates the changed ones, leaving identical rows
 * alone so that importing the same data writes nothing. Returns every centre
 * by code (ShtatCentre, with its id). */
static GHashTable *
import_centres (ShtatStore  *self,
                GPtrArray   *centres,
                GError     **error)
{
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GPtrArray) stored = shtat_store_read_centres (self, error);

  if (stored == NULL)
    return NULL;
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify) shtat_centre_unref);
  for (guint i = 0; i < stored->len; i++)
    {
      ShtatCentre *centre = g_ptr_array_index (stored, i);

      if (centre->code != NULL)
        g_hash_table_replace (codes, centre->code, shtat_centre_ref (centre));
    }

  for (guint i = 0; centres != NULL && i < centres->len; i++)
    {
      const ShtatCentre *centre = g_ptr_array_index (centres, i);
      const ShtatCentre *existing = centre->code != NULL
                                      ? g_hash_table_lookup (codes, centre->code) : NULL;
      ShtatCentre *written;
      gint64 id;

      if (existing != NULL && centre_equal (existing, centre))
        continue;
      if (!shtat_store_write_centre (self, centre, existing != NULL ? existing->id : 0, &id, error))
        return NULL;

      written = shtat_centre_new ();
      written->id = id;
      written->code = g_strdup (centre->code);
      g_hash_table_replace (codes, written->code, written);
    }
  return g_steal_pointer (&codes);
}

/* Begins an import: takes the write lock (BEGIN IMMEDIATE), so that nobody
 * else writes until it is committed or aborted, and writes @centres (matched
 * by code: inserted, updated, or left alone when identical). Nothing is
 * visible to other connections before shtat_store_import_commit(). While an
 * import is open, the store is for it alone: call no other function of the
 * store until it is committed or aborted. */
ShtatStoreImport *
shtat_store_import_begin (ShtatStore  *self,
                          GPtrArray   *centres,
                          GError     **error)
{
  ShtatStoreImport *import;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (!self->importing, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shtat_store_tune (self, SHTAT_STORE_WORK_BULK_WRITE, error) || !shtat_store_begin_write (self, error))
    {
      shtat_store_tune (self, SHTAT_STORE_WORK_READ, NULL);
      return NULL;
    }
  import = g_new0 (ShtatStoreImport, 1);
  import->store = g_object_ref (self);
  self->importing = TRUE;

  import->codes = import_centres (self, centres, error);
  if (import->codes == NULL || !shtat_store_count_employees (self, &import->n_stored, error)
      || !shtat_store_bulk_load_begin (self, import->n_stored == 0, error))
    {
      shtat_store_import_abort (import);
      return NULL;
    }
  if (import->n_stored > 0)
    {
      import->seen = g_hash_table_new (g_str_hash, g_str_equal);
      import->iins = g_string_chunk_new (4096);
    }
  return import;
}

/* For imports about as large as the database: every stored file at once,
 * rather than one query per file added. */
static gboolean
import_load_stored (ShtatStoreImport  *import,
                    GError           **error)
{
  import->stored = shtat_store_load_all_unlocked (import->store, error);
  if (import->stored == NULL)
    return FALSE;
  import->stored_by_iin = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < import->stored->len; i++)
    {
      ShtatEmployee *e = g_ptr_array_index (import->stored, i);

      g_hash_table_insert (import->stored_by_iin, e->iin, e);
    }
  return TRUE;
}

/* The stored file with the IIN of @employee, or NULL in @out when there is none. */
static gboolean
import_find_stored (ShtatStoreImport     *import,
                    const ShtatEmployee  *employee,
                    ShtatEmployee       **out,
                    GError              **error)
{
  gint64 id;

  *out = NULL;
  if (import->stored_by_iin != NULL)
    {
      ShtatEmployee *e = g_hash_table_lookup (import->stored_by_iin, employee->iin);

      if (e != NULL)
        *out = shtat_employee_ref (e);
      return TRUE;
    }
  id = shtat_store_find_id_by_iin (import->store, employee->iin, error);
  if (id < 0)
    return FALSE;
  if (id > 0 && (*out = shtat_store_load_one_unlocked (import->store, id, error)) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
import_duplicate (const ShtatEmployee  *employee,
                  GError              **error)
{
  g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT,
               _("Employee %s: the IIN occurs twice in the data imported"), employee->iin);
  return FALSE;
}

static gboolean
import_add (ShtatStoreImport     *import,
            const ShtatEmployee  *employee,
            GError              **error)
{
  ShtatStore *self = import->store;
  g_autoptr(ShtatEmployee) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  if (import->n_stored > 0)
    {
      if (g_hash_table_contains (import->seen, employee->iin))
        return import_duplicate (employee, error);
      g_hash_table_add (import->seen, g_string_chunk_insert (import->iins, employee->iin));
      if (!import_find_stored (import, employee, &existing, error))
        return FALSE;
      if (existing != NULL && shtat_store_employee_equal (existing, employee, import->codes))
        return TRUE;
    }

  /* the flag is the engine's last error's: a failure of this write that
   * never reaches the engine (an unknown centre) must not read an earlier one */
  self->engine->unique_violation = FALSE;
  /* the caller's record is left as it is: no ids are handed back */
  if (!shtat_store_write_employee (self, (ShtatEmployee *) employee, existing != NULL ? existing->id : 0,
                       import->codes, NULL, &local_error))
    {
      /* the IIN is the only UNIQUE column that a file's rows have */
      if (existing == NULL && self->engine->unique_violation)
        return import_duplicate (employee, error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  import->n_changed++;
  return TRUE;
}

/* Writes @employee inside the open import: matched by IIN with the files
 * stored before, it replaces the stored file under its id, or is left out when
 * the two are identical; else it is a new file. @employee is left untouched
 * (its ids included): read the stored files back to work on them. Assignments
 * name their centre by centre_code. The same IIN twice in one import is an
 * error. On an error the import can only be aborted. */
gboolean
shtat_store_import_add (ShtatStoreImport     *import,
                        const ShtatEmployee  *employee,
                        GError              **error)
{
  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (!import->failed, FALSE);
  g_return_val_if_fail (employee != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (import_add (import, employee, error))
    return TRUE;
  import->failed = TRUE;
  return FALSE;
}

/* Commits the import and frees @import, whether or not the commit succeeds;
 * on failure nothing of it is written. @n_changed counts the files inserted or
 * replaced. An import after a failed shtat_store_import_add() cannot be
 * committed: abort it. */
gboolean
shtat_store_import_commit (ShtatStoreImport  *import,
                           guint             *n_changed,
                           GError           **error)
{
  ShtatStore *self;
  gboolean ok;

  if (n_changed != NULL)
    *n_changed = 0;
  g_return_val_if_fail (import != NULL, FALSE);
  if (import->failed)
    {
      g_critical ("%s: an employee could not be added; the import is rolled back", G_STRFUNC);
      shtat_store_import_abort (import);
      return FALSE;
    }
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = import->store;
  ok = shtat_store_finish (self, shtat_store_bulk_load_end (self, error), error);
  if (ok && n_changed != NULL)
    *n_changed = import->n_changed;
  import_free (import);
  return ok;
}

/* Rolls the import back, leaving the database as it was before
 * shtat_store_import_begin(), and frees @import. */
void
shtat_store_import_abort (ShtatStoreImport *import)
{
  if (import == NULL)
    return;
  shtat_store_rollback (import->store);
  import_free (import);
}

/* Centres and employees in one import (shtat_store_import_begin()): all or
 * nothing. Leaves @centres and @employees untouched (their ids included): read
 * the stored files back to work on them. */
gboolean
shtat_store_import (ShtatStore  *self,
                    GPtrArray   *centres,
                    GPtrArray   *employees,
                    guint       *n_changed,
                    GError     **error)
{
  g_autoptr(ShtatStoreImport) import = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (employees != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  import = shtat_store_import_begin (self, centres, error);
  if (import == NULL)
    return FALSE;

  /* A large import is compared against every stored file, loaded at once; a
   * small one looks its employees up one by one. */
  if (import->n_stored > 0 && (gint64) employees->len * 16 >= import->n_stored
      && !import_load_stored (import, error))
    return FALSE;

  for (guint i = 0; i < employees->len; i++)
    if (!shtat_store_import_add (import, g_ptr_array_index (employees, i), error))
      return FALSE;
  return shtat_store_import_commit (g_steal_pointer (&import), n_changed, error);
}
