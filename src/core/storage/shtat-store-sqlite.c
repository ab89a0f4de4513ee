/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "shtat-store-engine.h"

/* The SQLite engine: one file per installation, WAL, foreign keys on, the
 * schema version in PRAGMA user_version. Everything here is what SQLite does
 * its own way; the SQL of the domains is in shtat-store-*.c. */

/* "Shta": marks the file as Shtat's in PRAGMA application_id. */
#define SHTAT_APPLICATION_ID 0x53687461

#define BUSY_TIMEOUT_MS 5000

/* Pages are read into SQLite's own cache rather than mapped: a mapped page
 * that has been read stays in the process's memory for as long as the
 * connection lives, and loading every file would keep the whole database
 * there. The cache has room for the indexes of a large import, which
 * otherwise spills it to the log and reads it back again and again; other
 * work gets a smaller one.
 *
 * A commit that leaves the log longer than wal_autocheckpoint pages copies
 * it into the database before it returns: after an import into an empty
 * database, the whole database. A bulk write turns that off and has the copy
 * made after its commit by a connection of its own, in a thread
 * (checkpoint_thread()), so that the import ends when its data is committed;
 * closing the engine waits for the copy. */
#define PRAGMA_CACHE_SMALL "PRAGMA cache_size = -2048"
#define PRAGMA_CACHE_READ PRAGMA_CACHE_SMALL "; PRAGMA wal_autocheckpoint = 1000"
#define PRAGMA_CACHE_BULK "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0"

/* ------------------------------------------------------------------------ */
/* Schema                                                                   */

/* The DDL is SQLite's: the PostgreSQL engine (shtat-store-postgres.c) will
 * carry its own, with the same tables, columns and constraints in its types
 * (BIGINT GENERATED … AS IDENTITY for AUTOINCREMENT, BYTEA for BLOB, a CHECK
 * with a regular expression for GLOB), and a version table for user_version. */

/* Version 1: the personnel files and the centres they work in. Enumerations
 * are stored by their names, dates as ISO text; an empty string is NULL. The
 * ids of centres and employees are never reused (AUTOINCREMENT), as other
 * records and the user may refer to them; those of child records are. */
static const char schema_1[] =
  "CREATE TABLE centres ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name_kk TEXT,"
  "  name_ru TEXT,"
  "  district TEXT,"
  "  akimat TEXT);"
  "CREATE TABLE employees ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  iin TEXT NOT NULL UNIQUE,"
  "  surname TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  patronymic TEXT,"
  "  birth_date TEXT,"
  "  sex INTEGER NOT NULL);"
  "CREATE TABLE education ("
  "  id INTEGER PRIMARY KEY,"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,"
  "  level TEXT NOT NULL,"
  "  field TEXT,"
  "  relevant INTEGER NOT NULL DEFAULT 0,"
  "  specialty TEXT,"
  "  institution TEXT,"
  "  diploma TEXT,"
  "  year INTEGER);"
  "CREATE TABLE certificates ("
  "  id INTEGER PRIMARY KEY,"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  number TEXT,"
  "  issued TEXT,"
  "  expires TEXT);"
  "CREATE TABLE work_periods ("
  "  id INTEGER PRIMARY KEY,"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,"
  "  organisation TEXT,"
  "  sector TEXT NOT NULL,"
  "  position TEXT,"
  "  level TEXT,"
  "  category TEXT,"
  "  managerial INTEGER NOT NULL DEFAULT 0,"
  "  date_from TEXT,"
  "  date_to TEXT);"
  "CREATE TABLE assignments ("
  "  id INTEGER PRIMARY KEY,"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,"
  "  centre_id INTEGER NOT NULL REFERENCES centres (id),"
  "  position TEXT NOT NULL,"
  "  level TEXT,"
  "  category TEXT,"
  "  rate INTEGER NOT NULL,"
  "  date_from TEXT,"
  "  date_to TEXT);"
  "CREATE INDEX employees_by_name ON employees (surname, name);"
  "CREATE INDEX education_by_employee ON education (employee_id);"
  "CREATE INDEX certificates_by_employee ON certificates (employee_id);"
  "CREATE INDEX work_periods_by_employee ON work_periods (employee_id);"
  "CREATE INDEX assignments_by_employee ON assignments (employee_id);"
  "CREATE INDEX assignments_by_centre ON assignments (centre_id);"
  "PRAGMA application_id = 1399354465;"; /* SHTAT_APPLICATION_ID */

G_STATIC_ASSERT (SHTAT_APPLICATION_ID == 1399354465);

/* Version 2: staffing schedules, kept as their canonical XML (the form their
 * SHA-256 is taken of) with the keys and status beside it for queries. */
static const char schema_2[] =
  "CREATE TABLE schedules ("
  "  id INTEGER PRIMARY KEY,"
  "  centre_code TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  status TEXT NOT NULL,"
  "  sha256 TEXT,"
  "  xml BLOB NOT NULL,"
  "  UNIQUE (centre_code, version));";

/* Version 3: centre profiles and the pay grid.
 *
 * A centre's profile: its monthly appeal counts per channel of 256-НҚ §12
 * (month as "YYYY-MM", channel by its code), its chosen averaging period, and
 * its other figures and flags by their norm-data names ("vehicles", "beds",
 * "has-lift"; a flag is stored only when set, as 1). Rows name the centre by
 * code and go with it: renamed with it, deleted with it.
 *
 * The working-day calendar is one for the installation (holidays and
 * transferred working days are set for the whole country): each row is an
 * exception to Monday–Friday.
 *
 * The pay grid of Decree 1193: bases by date, coefficients by cell and date,
 * placements of positions. A coefficient without a category has the category
 * '' rather than NULL, so that the primary key holds it. The primary keys are
 * the indexes the queries use (by centre, then month). */
static const char schema_3[] =
  "CREATE TABLE centre_profiles ("
  "  centre_code TEXT PRIMARY KEY REFERENCES centres (code) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  period_from TEXT,"
  "  period_to TEXT);"
  "CREATE TABLE centre_appeals ("
  "  centre_code TEXT NOT NULL REFERENCES centres (code) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),"
  "  channel TEXT NOT NULL,"
  "  count INTEGER NOT NULL CHECK (count >= 0),"
  "  PRIMARY KEY (centre_code, month, channel)) WITHOUT ROWID;"
  "CREATE TABLE centre_drivers ("
  "  centre_code TEXT NOT NULL REFERENCES centres (code) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  value REAL NOT NULL CHECK (value >= 0),"
  "  PRIMARY KEY (centre_code, name)) WITHOUT ROWID;"
  "CREATE TABLE calendar_days ("
  "  day TEXT PRIMARY KEY,"
  "  working INTEGER NOT NULL CHECK (working IN (0, 1)),"
  "  note TEXT) WITHOUT ROWID;"
  "CREATE TABLE pay_bases ("
  "  date_from TEXT PRIMARY KEY,"
  "  tiyn INTEGER NOT NULL CHECK (tiyn > 0)) WITHOUT ROWID;"
  "CREATE TABLE pay_coefficients ("
  "  block TEXT NOT NULL,"
  "  category TEXT NOT NULL DEFAULT '',"
  "  years INTEGER NOT NULL CHECK (years >= 0),"
  "  date_from TEXT NOT NULL,"
  "  coefficient INTEGER NOT NULL CHECK (coefficient > 0),"
  "  PRIMARY KEY (block, category, years, date_from)) WITHOUT ROWID;"
  "CREATE TABLE pay_positions ("
  "  position TEXT PRIMARY KEY,"
  "  block TEXT NOT NULL,"
  "  category TEXT,"
  "  years INTEGER NOT NULL CHECK (years >= 0)) WITHOUT ROWID;";

static const char * const migrations[] = {
  schema_1,
  schema_2,
  schema_3,
};

/* ------------------------------------------------------------------------ */
/* Connections and statements                                               */

typedef struct
{
  ShtatStoreEngine  parent;
  sqlite3          *db;
  char             *path;
  GPtrArray        *set_aside;  /* CREATE INDEX statements to run at the end of a bulk load */
  gboolean          bulk;       /* tuned for SHTAT_STORE_WORK_BULK_WRITE */
  GThread          *checkpointer;
} SqliteEngine;

typedef struct
{
  ShtatStoreStmt  parent;
  sqlite3_stmt   *stmt;
} SqliteStmt;

#define DB(engine) (((SqliteEngine *) (engine))->db)
#define STMT(stmt) (((SqliteStmt *) (stmt))->stmt)

static ShtatStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return SHTAT_STORE_ERROR_CONSTRAINT;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SHTAT_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return SHTAT_STORE_ERROR_OPEN;
    default:
      return SHTAT_STORE_ERROR_SQL;
    }
}

/* The connection's last error, in SHTAT_STORE_ERROR; the store says which
 * record it concerns. */
static void
set_error (ShtatStoreEngine  *engine,
           int                rc,
           GError           **error)
{
  engine->unique_violation = sqlite3_extended_errcode (DB (engine)) == SQLITE_CONSTRAINT_UNIQUE;
  g_set_error_literal (error, SHTAT_STORE_ERROR, (int) error_code_for (rc), sqlite3_errmsg (DB (engine)));
}

static gboolean
sqlite_exec (ShtatStoreEngine  *engine,
             const char        *sql,
             GError           **error)
{
  int rc = sqlite3_exec (DB (engine), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (engine, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The first column of the first row of @sql, an integer. */
static gboolean
query_int (ShtatStoreEngine  *engine,
           const char        *sql,
           gint64            *out,
           GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (DB (engine), sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_error (engine, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* $1, $2… → ?1, ?2…, outside string literals, quoted names and comments:
 * SQLite reads "$1" as a parameter named "$1", numbered by where it first
 * appears rather than by its digits. */
static char *
rewrite_parameters (const char *sql)
{
  char *out = g_strdup (sql);

  for (char *p = out; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          /* a doubled quote inside reads as leaving and entering again */
          while (p[1] != '\0' && p[1] != quote)
            p++;
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (p[1] != '\0' && p[1] != '\n')
            p++;
        }
      else if (p[0] == '$' && g_ascii_isdigit (p[1]))
        *p = '?';
    }
  return out;
}

static ShtatStoreStmt *
sqlite_prepare (ShtatStoreEngine  *engine,
                const char        *sql,
                GError           **error)
{
  g_autofree char *rewritten = rewrite_parameters (sql);
  SqliteStmt *stmt = g_new0 (SqliteStmt, 1);
  int rc = sqlite3_prepare_v3 (DB (engine), rewritten, -1, SQLITE_PREPARE_PERSISTENT, &stmt->stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (engine, rc, error);
      g_free (stmt);
      return NULL;
    }
  stmt->parent.engine = engine;
  stmt->parent.sql = sql;
  return &stmt->parent;
}

static void
sqlite_finalize (ShtatStoreStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_reset (ShtatStoreStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_int64 (ShtatStoreStmt *stmt,
                   int             pos,
                   gint64          value)
{
  sqlite3_bind_int64 (STMT (stmt), pos, value);
}

static void
sqlite_bind_double (ShtatStoreStmt *stmt,
                    int             pos,
                    double          value)
{
  sqlite3_bind_double (STMT (stmt), pos, value);
}

static void
sqlite_bind_text (ShtatStoreStmt *stmt,
                  int             pos,
                  const char     *text,
                  int             len,
                  gboolean        copy)
{
  sqlite3_bind_text (STMT (stmt), pos, text, len, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
sqlite_bind_blob (ShtatStoreStmt *stmt,
                  int             pos,
                  gconstpointer   data,
                  gsize           len)
{
  sqlite3_bind_blob64 (STMT (stmt), pos, data, len, SQLITE_STATIC);
}

static void
sqlite_bind_null (ShtatStoreStmt *stmt,
                  int             pos)
{
  sqlite3_bind_null (STMT (stmt), pos);
}

static ShtatStoreStep
sqlite_step (ShtatStoreStmt  *stmt,
             GError         **error)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return SHTAT_STORE_STEP_ROW;
  if (rc == SQLITE_DONE)
    return SHTAT_STORE_STEP_DONE;
  set_error (stmt->engine, rc, error);
  return SHTAT_STORE_STEP_ERROR;
}

static gboolean
sqlite_column_is_null (ShtatStoreStmt *stmt,
                       int             col)
{
  return sqlite3_column_type (STMT (stmt), col) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (ShtatStoreStmt *stmt,
                     int             col)
{
  return sqlite3_column_int64 (STMT (stmt), col);
}

static double
sqlite_column_double (ShtatStoreStmt *stmt,
                      int             col)
{
  return sqlite3_column_double (STMT (stmt), col);
}

static const char *
sqlite_column_text (ShtatStoreStmt *stmt,
                    int             col,
                    gsize          *len)
{
  const char *text = (const char *) sqlite3_column_text (STMT (stmt), col);

  if (len != NULL)
    *len = (gsize) sqlite3_column_bytes (STMT (stmt), col);
  return text;
}

static gconstpointer
sqlite_column_blob (ShtatStoreStmt *stmt,
                    int             col,
                    gsize          *len)
{
  gconstpointer data = sqlite3_column_blob (STMT (stmt), col);

  *len = (gsize) sqlite3_column_bytes (STMT (stmt), col);
  return data;
}

static gboolean
sqlite_begin (ShtatStoreEngine  *engine,
              gboolean           write,
              GError           **error)
{
  /* IMMEDIATE takes the write lock now, so that a unit of work never fails
   * half-way for want of it */
  return sqlite_exec (engine, write ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

/* A read transaction begins at its first read, from the last commit then. */
static gboolean
begin_reading (ShtatStoreEngine *engine)
{
  gint64 n;

  if (!sqlite_exec (engine, "BEGIN", NULL))
    return FALSE;
  if (!query_int (engine, "SELECT count(*) FROM sqlite_schema", &n, NULL))
    {
      sqlite_exec (engine, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* SQLite cannot hand a snapshot from one connection to another; but while a
 * third one holds the write lock nobody can commit, so that two read
 * transactions begun meanwhile see the same state. The lock is held for the
 * moment that takes, and not waited for: a writer at work means no pair. */
static gboolean
sqlite_begin_read_pair (ShtatStoreEngine *engine,
                        ShtatStoreEngine *other)
{
  sqlite3 *lock = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (((SqliteEngine *) engine)->path, &lock,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK
      && sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
    {
      if (begin_reading (engine))
        {
          ok = begin_reading (other);
          if (!ok)
            sqlite_exec (engine, "ROLLBACK", NULL);
        }
      sqlite3_exec (lock, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_close (lock);
  return ok;
}

/* Copies the log of a bulk write into the database, as the commit would have
 * (a passive checkpoint: it waits for no reader and no writer). */
static gpointer
checkpoint_thread (gpointer data)
{
  g_autofree char *path = data;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      int rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

      if (rc != SQLITE_OK)
        g_debug ("Cannot checkpoint %s after an import: %s", path, sqlite3_errmsg (db));
    }
  sqlite3_close (db);
  return NULL;
}

static void
join_checkpointer (SqliteEngine *self)
{
  if (self->checkpointer != NULL)
    g_thread_join (g_steal_pointer (&self->checkpointer));
}

static gboolean
sqlite_commit (ShtatStoreEngine  *engine,
               GError           **error)
{
  SqliteEngine *self = (SqliteEngine *) engine;

  if (!sqlite_exec (engine, "COMMIT", error))
    return FALSE;
  if (self->bulk)
    {
      join_checkpointer (self);
      self->checkpointer = g_thread_new ("shtat-checkpoint", checkpoint_thread, g_strdup (self->path));
    }
  return TRUE;
}

static void
sqlite_rollback (ShtatStoreEngine *engine)
{
  /* the indexes dropped for a bulk load come back with the rollback */
  g_clear_pointer (&((SqliteEngine *) engine)->set_aside, g_ptr_array_unref);
  if (!sqlite3_get_autocommit (DB (engine)))
    sqlite_exec (engine, "ROLLBACK", NULL);
}

static gint64
sqlite_last_insert_id (ShtatStoreEngine *engine)
{
  return sqlite3_last_insert_rowid (DB (engine));
}

static gint64
sqlite_changes (ShtatStoreEngine *engine)
{
  return sqlite3_changes64 (DB (engine));
}

static gboolean
sqlite_read_schema_version (ShtatStoreEngine  *engine,
                            int               *out,
                            GError           **error)
{
  gint64 version;

  if (!query_int (engine, "PRAGMA user_version", &version, error))
    return FALSE;
  *out = (int) CLAMP (version, 0, G_MAXINT);
  return TRUE;
}

static gboolean
sqlite_write_schema_version (ShtatStoreEngine  *engine,
                             int                version,
                             GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return sqlite_exec (engine, sql, error);
}

static gboolean
sqlite_is_blank (ShtatStoreEngine  *engine,
                 gboolean          *out,
                 GError           **error)
{
  gint64 n_objects;

  if (!query_int (engine, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;
  *out = n_objects == 0;
  return TRUE;
}

/* PATH.bak-vN, made with SQLite's online backup so that the copy is whole even
 * with a write-ahead log beside the file. */
static gboolean
sqlite_backup (ShtatStoreEngine  *engine,
               int                version,
               GError           **error)
{
  const char *path = ((SqliteEngine *) engine)->path;
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", path, version);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_open (backup_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot back up the database to “%s” before upgrading it: %s"),
                   backup_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", DB (engine), "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot back up the database to “%s” before upgrading it: %s"),
                   backup_path, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

static gboolean
sqlite_tune (ShtatStoreEngine  *engine,
             ShtatStoreWork     work,
             GError           **error)
{
  SqliteEngine *self = (SqliteEngine *) engine;

  self->bulk = work == SHTAT_STORE_WORK_BULK_WRITE;
  return sqlite_exec (engine, self->bulk ? PRAGMA_CACHE_BULK : PRAGMA_CACHE_READ, error);
}

/* The tables of the personnel files, which an import fills. */
#define BULK_TABLES "'employees', 'education', 'certificates', 'work_periods', 'assignments'"

/* Into empty tables, each row inserted also goes into every index of its
 * table, at a place of its own in a tree that soon outgrows the cache; built
 * after loading, an index is one sort of its column and one pass of appends.
 * Unique indexes stay, those that SQLite makes for UNIQUE constraints as
 * well: the IIN's is what refuses a repeated IIN at the file that repeats
 * it, and a unique one built at the end would fail only then. DROP INDEX and
 * CREATE INDEX are part of the transaction, so that a rollback (a failed file,
 * a failed commit) brings the indexes back as they were. */
static gboolean
sqlite_bulk_load_begin (ShtatStoreEngine  *engine,
                        gboolean           empty,
                        GError           **error)
{
  SqliteEngine *self = (SqliteEngine *) engine;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) set_aside = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);
  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  if (!empty)
    return TRUE;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT s.name, s.sql FROM sqlite_schema AS s "
                           "JOIN pragma_index_list (s.tbl_name) AS l ON l.name = s.name "
                           "WHERE s.type = 'index' AND s.sql IS NOT NULL AND NOT l.\"unique\" "
                           "AND s.tbl_name IN (" BULK_TABLES ") ORDER BY s.name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (set_aside, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (engine, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) g_ptr_array_index (names, i));
      gboolean ok = sqlite_exec (engine, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  self->set_aside = g_steal_pointer (&set_aside);
  return TRUE;
}

static gboolean
sqlite_bulk_load_end (ShtatStoreEngine  *engine,
                      GError           **error)
{
  SqliteEngine *self = (SqliteEngine *) engine;
  g_autoptr(GPtrArray) set_aside = g_steal_pointer (&self->set_aside);

  /* The sorter that builds an index takes as much memory again as the cache
   * may: with the small cache, the peak of an import stays that of its
   * loading, and the indexes, written once and in order, take no longer. */
  if (set_aside != NULL && set_aside->len > 0 && !sqlite_exec (engine, PRAGMA_CACHE_SMALL, error))
    return FALSE;
  for (guint i = 0; set_aside != NULL && i < set_aside->len; i++)
    if (!sqlite_exec (engine, g_ptr_array_index (set_aside, i), error))
      return FALSE;
  return TRUE;
}

static void
sqlite_close (ShtatStoreEngine *engine)
{
  SqliteEngine *self = (SqliteEngine *) engine;

  join_checkpointer (self);
  if (self->db != NULL)
    {
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (self->db);
    }
  g_clear_pointer (&self->set_aside, g_ptr_array_unref);
  g_free (self->path);
  g_free (self);
}

static const ShtatStoreEngineClass sqlite_class = {
  .name = "sqlite",
  .migrations = migrations,
  .n_migrations = G_N_ELEMENTS (migrations),
  .close = sqlite_close,
  .read_schema_version = sqlite_read_schema_version,
  .write_schema_version = sqlite_write_schema_version,
  .is_blank = sqlite_is_blank,
  .backup = sqlite_backup,
  .tune = sqlite_tune,
  .bulk_load_begin = sqlite_bulk_load_begin,
  .bulk_load_end = sqlite_bulk_load_end,
  .exec = sqlite_exec,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .begin_read_pair = sqlite_begin_read_pair,
  .rollback = sqlite_rollback,
  .last_insert_id = sqlite_last_insert_id,
  .changes = sqlite_changes,
  .prepare = sqlite_prepare,
  .finalize = sqlite_finalize,
  .reset = sqlite_reset,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_blob = sqlite_bind_blob,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_blob = sqlite_column_blob,
};

ShtatStoreEngine *
shtat_store_sqlite_open (const char  *path,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;
  SqliteEngine *self;
  gint64 version;
  gint64 application_id;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  /* Created here rather than by SQLite so that it is never readable by others,
   * not even for a moment; SQLite gives its -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  if (g_chmod (path, 0600) != 0)
    g_debug ("Cannot restrict the permissions of %s: %s", path, g_strerror (errno));

  self = g_new0 (SqliteEngine, 1);
  self->parent.klass = &sqlite_class;
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      sqlite_close (&self->parent);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The first read finds out whether this is an SQLite file at all. */
  if (!query_int (&self->parent, "PRAGMA user_version", &version, &local_error)
      || !query_int (&self->parent, "PRAGMA application_id", &application_id, &local_error))
    {
      if (g_error_matches (local_error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT))
        g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
                     _("“%s” is not a Shtat database, or it is damaged"), path);
      else
        g_set_error (error, SHTAT_STORE_ERROR, local_error->code, "%s: %s", path, local_error->message);
      sqlite_close (&self->parent);
      return NULL;
    }
  if (application_id != 0 && application_id != SHTAT_APPLICATION_ID)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
                   _("“%s” is the database of another program, not of Shtat"), path);
      sqlite_close (&self->parent);
      return NULL;
    }

  if (!sqlite_exec (&self->parent, "PRAGMA journal_mode = WAL", &local_error)
      || !sqlite_exec (&self->parent, "PRAGMA foreign_keys = ON", &local_error)
      || !sqlite_exec (&self->parent, "PRAGMA synchronous = NORMAL", &local_error)
      || !sqlite_exec (&self->parent, "PRAGMA mmap_size = 0", &local_error)
      || !sqlite_exec (&self->parent, PRAGMA_CACHE_READ, &local_error))
    {
      g_set_error (error, SHTAT_STORE_ERROR, local_error->code, "%s: %s", path, local_error->message);
      sqlite_close (&self->parent);
      return NULL;
    }
  return &self->parent;
}
