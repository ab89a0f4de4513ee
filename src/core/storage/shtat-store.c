/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-store-private.h"

/* The core of the store: opening a database through its engine, migrations,
 * transactions, the statement cache, and the values every domain binds and
 * reads. The SQL of each domain is in its own file (shtat-store-personnel.c,
 * -import.c, -centres.c, -schedules.c, -pay.c); what belongs to one engine is
 * in that engine's file (shtat-store-sqlite.c). */

G_DEFINE_QUARK (shtat-store-error-quark, shtat_store_error)

G_DEFINE_FINAL_TYPE (ShtatStore, shtat_store, G_TYPE_OBJECT)

/* The schema version this Shtat writes: one migration per version. */
#define SCHEMA_VERSION 3

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

void
shtat_store_name_error (ShtatStore  *self,
                        const char  *record,
                        GError     **error)
{
  g_prefix_error (error, "%s: ", record != NULL ? record : self->path);
}

ShtatIdText
shtat_store_id_text (gint64 id)
{
  ShtatIdText t;

  g_snprintf (t.text, sizeof t.text, "%" G_GINT64_FORMAT, id);
  return t;
}

gboolean
shtat_store_corrupt_row (ShtatStore  *self,
                         const char  *table,
                         GError     **error)
{
  g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
               _("“%s”: the table %s holds a row Shtat cannot read"), self->path, table);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Statements                                                               */

ShtatStoreStmt *
shtat_store_stmt (ShtatStore  *self,
                  const char  *sql,
                  GError     **error)
{
  ShtatStoreStmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL && !stmt->busy)
    {
      stmt->busy = TRUE;
      return stmt;
    }
  stmt = self->engine->klass->prepare (self->engine, sql, error);
  if (stmt == NULL)
    {
      shtat_store_name_error (self, NULL, error);
      return NULL;
    }
  if (!g_hash_table_contains (self->stmts, sql))
    {
      stmt->cached = TRUE;
      g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
    }
  stmt->busy = TRUE;
  return stmt;
}

void
shtat_store_stmt_release (ShtatStoreStmt *stmt)
{
  stmt->engine->klass->reset (stmt);
  stmt->busy = FALSE;
  if (!stmt->cached)
    stmt->engine->klass->finalize (stmt);
}

ShtatStoreStep
shtat_store_step (ShtatStore      *self,
                  ShtatStoreStmt  *stmt,
                  const char      *record,
                  GError         **error)
{
  ShtatStoreStep step = self->engine->klass->step (stmt, error);

  if (step == SHTAT_STORE_STEP_ERROR)
    shtat_store_name_error (self, record, error);
  return step;
}

gboolean
shtat_store_run (ShtatStore      *self,
                 ShtatStoreStmt  *stmt,
                 const char      *record,
                 GError         **error)
{
  ShtatStoreStep step = shtat_store_step (self, stmt, record, error);

  self->engine->klass->reset (stmt);
  return step != SHTAT_STORE_STEP_ERROR;
}

gboolean
shtat_store_exec (ShtatStore  *self,
                  const char  *sql,
                  GError     **error)
{
  if (self->engine->klass->exec (self->engine, sql, error))
    return TRUE;
  shtat_store_name_error (self, NULL, error);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Transactions                                                             */

static gboolean
begin (ShtatStore  *self,
       gboolean     write,
       GError     **error)
{
  if (self->engine->klass->begin (self->engine, write, error))
    return TRUE;
  shtat_store_name_error (self, NULL, error);
  return FALSE;
}

gboolean
shtat_store_begin_read (ShtatStore  *self,
                        GError     **error)
{
  return begin (self, FALSE, error);
}

/* Takes the write lock at once, so that a unit of work never fails half-way
 * for want of it. */
gboolean
shtat_store_begin_write (ShtatStore  *self,
                         GError     **error)
{
  return begin (self, TRUE, error);
}

void
shtat_store_rollback (ShtatStore *self)
{
  self->engine->klass->rollback (self->engine);
}

gboolean
shtat_store_finish (ShtatStore  *self,
                    gboolean     ok,
                    GError     **error)
{
  if (ok)
    {
      if (self->engine->klass->commit (self->engine, error))
        return TRUE;
      shtat_store_name_error (self, NULL, error);
    }
  shtat_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Values                                                                   */

static void
put_digits (char  *out,
            guint  value,
            guint  n)
{
  for (guint i = n; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* Written out by hand: an import binds a million of them. */
void
shtat_store_iso_date (const GDate *date,
                      char         out[11])
{
  put_digits (out, g_date_get_year (date), 4);
  out[4] = '-';
  put_digits (out + 5, g_date_get_month (date), 2);
  out[7] = '-';
  put_digits (out + 8, g_date_get_day (date), 2);
  out[10] = '\0';
}

void
shtat_stmt_bind_date (ShtatStoreStmt *stmt,
                      int             pos,
                      const GDate    *date)
{
  char iso[11];

  if (!g_date_valid (date))
    {
      shtat_stmt_bind_null (stmt, pos);
      return;
    }
  shtat_store_iso_date (date, iso);
  shtat_stmt_bind_text_copy (stmt, pos, iso, 10);
}

/* NULL for an empty string too, the common case for optional fields: it saves
 * the allocation. */
char *
shtat_stmt_column_dup (ShtatStoreStmt *stmt,
                       int             col)
{
  gsize n;
  const char *text = shtat_stmt_column_text_len (stmt, col, &n);
  char *copy;

  if (text == NULL || n == 0)
    return NULL;
  copy = g_malloc (n + 1);
  memcpy (copy, text, n + 1);
  return copy;
}

static inline guint
digits (const char *s,
        guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return G_MAXUINT;
      value = value * 10 + (guint) (s[i] - '0');
    }
  return value;
}

/* GDate's day number (1 = 01.01.0001) of a valid date, computed directly
 * (H. Hinnant's days_from_civil): reading 700 000 dates through
 * g_date_set_dmy() is a tenth of the time of loading every file. */
static guint32
julian_from_dmy (guint day,
                 guint month,
                 guint year)
{
  guint y = month <= 2 ? year - 1 : year;
  guint era = y / 400;
  guint yoe = y - era * 400;
  guint doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  guint doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 305;
}

void
shtat_stmt_column_date (ShtatStoreStmt *stmt,
                        int             col,
                        GDate          *out)
{
  static const guint8 month_days[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gsize n;
  const char *iso = shtat_stmt_column_text_len (stmt, col, &n);
  guint y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || n != 10 || iso[4] != '-' || iso[7] != '-')
    return;
  y = digits (iso, 4);
  m = digits (iso + 5, 2);
  d = digits (iso + 8, 2);
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > month_days[m])
    return;
  if (m == 2 && d == 29 && !g_date_is_leap_year ((GDateYear) y))
    return;
  g_date_set_julian (out, julian_from_dmy (d, m, y));
}

/* Loading every file asks for the shared copy of half a million organisation
 * names: a small table of the texts met last, looked up by their length and
 * ends and checked in full, answers most of them without hashing a whole
 * text or taking the shared table's lock. */
#define N_SHARED_SLOTS 4096

typedef struct _SharedSlot
{
  const char *text;
  gsize       len;
} SharedSlot;

char *
shtat_store_column_shared (ShtatStore     *self,
                           ShtatStoreStmt *stmt,
                           int             col)
{
  gsize len;
  const char *text = shtat_stmt_column_text_len (stmt, col, &len);
  guint64 head = 0;
  guint64 tail = 0;
  SharedSlot *slot;

  if (text == NULL || len == 0)
    return NULL;
  if (self->shared == NULL)
    self->shared = g_new0 (SharedSlot, N_SHARED_SLOTS);
  memcpy (&head, text, MIN (len, sizeof head));
  memcpy (&tail, text + len - MIN (len, sizeof tail), MIN (len, sizeof tail));
  slot = &self->shared[(((head ^ (tail * 0x9e3779b97f4a7c15u)) + len) * 0xc2b2ae3d27d4eb4fu) >> 52];
  if (slot->len != len || memcmp (slot->text, text, len) != 0)
    {
      slot->text = shtat_personnel_share_text (text);
      slot->len = len;
    }
  return (char *) slot->text;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static void
shtat_store_finalize (GObject *object)
{
  ShtatStore *self = SHTAT_STORE (object);

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->shared, g_free);
  if (self->engine != NULL)
    self->engine->klass->close (self->engine);
  self->engine = NULL;
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (shtat_store_parent_class)->finalize (object);
}

static void
shtat_store_class_init (ShtatStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shtat_store_finalize;
  shtat_store_personnel_init ();
}

static void
cached_stmt_free (gpointer data)
{
  ShtatStoreStmt *stmt = data;

  stmt->engine->klass->finalize (stmt);
}

static void
shtat_store_init (ShtatStore *self)
{
  self->stmts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, cached_stmt_free);
}

/* $XDG_DATA_HOME/shtat/shtat.db */
char *
shtat_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "shtat", "shtat.db", NULL);
}

/* The migrations of the engine, in order, each in its own write transaction,
 * after a backup copy of anything there is to keep. */
static gboolean
migrate (ShtatStore  *self,
         int          from_version,
         GError     **error)
{
  const ShtatStoreEngineClass *klass = self->engine->klass;
  gboolean blank;

  if (!klass->is_blank (self->engine, &blank, error))
    {
      shtat_store_name_error (self, NULL, error);
      return FALSE;
    }
  /* a new, empty database has nothing to keep */
  if (!blank && !klass->backup (self->engine, from_version, error))
    return FALSE;

  for (int v = from_version; v < SCHEMA_VERSION; v++)
    {
      g_autoptr(GError) local_error = NULL;
      int current;

      if (!shtat_store_begin_write (self, error))
        return FALSE;
      /* another process may have migrated it while we waited for the lock */
      if (!klass->read_schema_version (self->engine, &current, error))
        {
          shtat_store_name_error (self, NULL, error);
          return shtat_store_finish (self, FALSE, error);
        }
      if (current > v)
        {
          if (!shtat_store_finish (self, TRUE, error))
            return FALSE;
          continue;
        }
      if (!klass->exec (self->engine, klass->migrations[v], &local_error))
        {
          g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_SQL,
                       _("Cannot upgrade the database “%s” to version %d: %s"),
                       self->path, v + 1, local_error->message);
          return shtat_store_finish (self, FALSE, error);
        }
      if (!klass->write_schema_version (self->engine, v + 1, error))
        {
          shtat_store_name_error (self, NULL, error);
          return shtat_store_finish (self, FALSE, error);
        }
      if (!shtat_store_finish (self, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
open_database (ShtatStore  *self,
               GError     **error)
{
  int version;

  /* A PostgreSQL engine will be chosen here, by a postgresql:// location. */
  self->engine = shtat_store_sqlite_open (self->path, error);
  if (self->engine == NULL)
    return FALSE;
  g_assert (self->engine->klass->n_migrations == SCHEMA_VERSION);

  if (!self->engine->klass->read_schema_version (self->engine, &version, error))
    {
      shtat_store_name_error (self, NULL, error);
      return FALSE;
    }
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_VERSION,
                   _("The database “%s” was written by a newer version of Shtat (schema %d; "
                     "this version reads up to %d): update Shtat to open it"),
                   self->path, version, SCHEMA_VERSION);
      return FALSE;
    }
  if (version < SCHEMA_VERSION && !migrate (self, version, error))
    return FALSE;
  self->schema_version = SCHEMA_VERSION;
  return TRUE;
}

/**
 * shtat_store_open:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens the database at @path, creating it (and its folder) when missing and
 * bringing an older schema up to date after a backup copy PATH.bak-vN.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ShtatStore *
shtat_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(ShtatStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SHTAT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_database (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * shtat_store_open_another:
 * @self: a store
 * @error: return location for a #GError
 *
 * A second connection to the same database, for work in another thread: a
 * connection is never shared between threads, and readers on one see a
 * consistent state while the other writes.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ShtatStore *
shtat_store_open_another (ShtatStore  *self,
                          GError     **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);

  return shtat_store_open (self->path, error);
}

const char *
shtat_store_get_path (ShtatStore *self)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);

  return self->path;
}

int
shtat_store_get_schema_version (ShtatStore *self)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), 0);

  return self->schema_version;
}

/* No centre and no employee. */
gboolean
shtat_store_is_empty (ShtatStore *self)
{
  g_autoptr(ShtatStoreStmt) stmt = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), TRUE);

  /* a database that cannot be read is not reported as empty, lest it be
   * taken for a first start */
  stmt = shtat_store_stmt (self,
                           "SELECT CASE WHEN EXISTS (SELECT 1 FROM employees)"
                           " OR EXISTS (SELECT 1 FROM centres) THEN 1 ELSE 0 END", NULL);
  if (stmt == NULL || shtat_store_step (self, stmt, NULL, NULL) != SHTAT_STORE_STEP_ROW)
    return FALSE;
  return shtat_stmt_column_int64 (stmt, 0) == 0;
}
