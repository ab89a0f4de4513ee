/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-store.h"

G_BEGIN_DECLS

/* Where SQL meets a database engine: the little the store's core and its
 * domain files (shtat-store-*.c) ask of one. Each engine is one file that fills
 * a ShtatStoreEngineClass: shtat-store-sqlite.c today; a PostgreSQL engine
 * (libpq) will be shtat-store-postgres.c, chosen by shtat_store_open() from
 * the location it is given, with no domain file changed.
 *
 * Domain SQL is written once, in what both engines understand: parameters as
 * $1, $2… (the SQLite engine rewrites them to ?1, ?2… when it prepares),
 * INSERT … ON CONFLICT, RETURNING, no engine-specific functions. What truly
 * differs lives in the engine: the DDL of the migrations and the schema
 * version, pragmas, bulk loading, locking, backups.
 *
 * Errors come back in SHTAT_STORE_ERROR with the engine's own message; the
 * store prefixes the record (or the database) they concern. */

typedef struct _ShtatStoreEngine ShtatStoreEngine;
typedef struct _ShtatStoreEngineClass ShtatStoreEngineClass;
typedef struct _ShtatStoreStmt ShtatStoreStmt;

typedef enum
{
  SHTAT_STORE_STEP_ERROR,
  SHTAT_STORE_STEP_ROW,
  SHTAT_STORE_STEP_DONE,
} ShtatStoreStep;

/* What the connection is about to do, for engines that tune themselves. */
typedef enum
{
  SHTAT_STORE_WORK_READ,       /* the default: reads, small writes */
  SHTAT_STORE_WORK_BULK_WRITE, /* an import, writing many files in one transaction */
} ShtatStoreWork;

/* A connection. An engine's own structure begins with this one. */
struct _ShtatStoreEngine
{
  const ShtatStoreEngineClass *klass;
  /* the last error broke a UNIQUE constraint (an import tells a repeated
   * IIN by it) */
  gboolean                     unique_violation;
};

/* A prepared statement. An engine's own structure begins with this one. */
struct _ShtatStoreStmt
{
  ShtatStoreEngine *engine;
  const char       *sql;       /* as the domain file wrote it; the key of the store's cache */
  gboolean          cached;    /* owned by the store's cache, else by its borrower */
  gboolean          busy;      /* lent out by the cache */
};

struct _ShtatStoreEngineClass
{
  const char *name;

  /* Schema: migrations[i] takes it from version i to i + 1. The store runs
   * them in order, each in a write transaction, after a backup. */
  const char * const *migrations;
  int                 n_migrations;

  void            (*close)               (ShtatStoreEngine  *engine);
  gboolean        (*read_schema_version) (ShtatStoreEngine  *engine,
                                          int               *out,
                                          GError           **error);
  gboolean        (*write_schema_version)(ShtatStoreEngine  *engine,
                                          int                version,
                                          GError           **error);
  /* Whether the database holds no objects at all (nothing to back up). */
  gboolean        (*is_blank)            (ShtatStoreEngine  *engine,
                                          gboolean          *out,
                                          GError           **error);
  /* A copy of the whole database before migrating it from @version. */
  gboolean        (*backup)              (ShtatStoreEngine  *engine,
                                          int                version,
                                          GError           **error);
  gboolean        (*tune)                (ShtatStoreEngine  *engine,
                                          ShtatStoreWork     work,
                                          GError           **error);
  /* A bulk load inside the open write transaction of an import, begun after
   * the centres are written and ended before the commit. @empty: the tables
   * of the personnel files hold no rows, so that what the engine sets aside
   * while loading (secondary indexes, say) it can build whole at the end, in
   * the same transaction: a rollback takes it back to the state before.
   * Either may be NULL, for an engine that loads as it writes. */
  gboolean        (*bulk_load_begin)     (ShtatStoreEngine  *engine,
                                          gboolean           empty,
                                          GError           **error);
  gboolean        (*bulk_load_end)       (ShtatStoreEngine  *engine,
                                          GError           **error);

  /* SQL without parameters, one or more statements. */
  gboolean        (*exec)                (ShtatStoreEngine  *engine,
                                          const char        *sql,
                                          GError           **error);
  gboolean        (*begin)               (ShtatStoreEngine  *engine,
                                          gboolean           write,
                                          GError           **error);
  gboolean        (*commit)              (ShtatStoreEngine  *engine,
                                          GError           **error);
  /* Read transactions on @engine and on @other, another connection to the
   * same database, that see the same state, for work shared between two
   * threads; FALSE (and neither begun) when the engine cannot promise it now. */
  gboolean        (*begin_read_pair)     (ShtatStoreEngine  *engine,
                                          ShtatStoreEngine  *other);
  /* Does nothing when no transaction is open (the engine may have rolled
   * back already, after a full disk for one). */
  void            (*rollback)            (ShtatStoreEngine  *engine);
  /* The id generated by the connection's last INSERT (PostgreSQL: lastval()),
   * and the rows the last INSERT, UPDATE or DELETE changed. */
  gint64          (*last_insert_id)      (ShtatStoreEngine  *engine);
  gint64          (*changes)             (ShtatStoreEngine  *engine);

  ShtatStoreStmt *(*prepare)             (ShtatStoreEngine  *engine,
                                          const char        *sql,
                                          GError           **error);
  void            (*finalize)            (ShtatStoreStmt    *stmt);
  /* Makes @stmt ready to run again, its parameters cleared. */
  void            (*reset)               (ShtatStoreStmt    *stmt);

  /* Parameters count from 1, as $1 does. Text (@len -1: up to the NUL) and
   * blobs must stay valid until the statement is stepped, unless @copy. */
  void            (*bind_int64)          (ShtatStoreStmt    *stmt,
                                          int                pos,
                                          gint64             value);
  void            (*bind_double)         (ShtatStoreStmt    *stmt,
                                          int                pos,
                                          double             value);
  void            (*bind_text)           (ShtatStoreStmt    *stmt,
                                          int                pos,
                                          const char        *text,
                                          int                len,
                                          gboolean           copy);
  void            (*bind_blob)           (ShtatStoreStmt    *stmt,
                                          int                pos,
                                          gconstpointer      data,
                                          gsize              len);
  void            (*bind_null)           (ShtatStoreStmt    *stmt,
                                          int                pos);

  ShtatStoreStep  (*step)                (ShtatStoreStmt    *stmt,
                                          GError           **error);

  /* Columns count from 0. A NULL reads as 0, and as NULL text. The text and
   * blob stay valid until the next step or reset. */
  gboolean        (*column_is_null)      (ShtatStoreStmt    *stmt,
                                          int                col);
  gint64          (*column_int64)        (ShtatStoreStmt    *stmt,
                                          int                col);
  double          (*column_double)       (ShtatStoreStmt    *stmt,
                                          int                col);
  const char     *(*column_text)         (ShtatStoreStmt    *stmt,
                                          int                col,
                                          gsize             *len);
  gconstpointer   (*column_blob)         (ShtatStoreStmt    *stmt,
                                          int                col,
                                          gsize             *len);
};

/* The SQLite engine (shtat-store-sqlite.c): opens the file at @path, creating
 * it and its folder (mode 0600), and refuses a file of another program. */
ShtatStoreEngine *shtat_store_sqlite_open (const char  *path,
                                           GError     **error);

/* Calls through the class, for the store and its domain files. */

static inline void
shtat_stmt_bind_int64 (ShtatStoreStmt *stmt,
                       int             pos,
                       gint64          value)
{
  stmt->engine->klass->bind_int64 (stmt, pos, value);
}

static inline void
shtat_stmt_bind_int (ShtatStoreStmt *stmt,
                     int             pos,
                     int             value)
{
  stmt->engine->klass->bind_int64 (stmt, pos, value);
}

static inline void
shtat_stmt_bind_double (ShtatStoreStmt *stmt,
                        int             pos,
                        double          value)
{
  stmt->engine->klass->bind_double (stmt, pos, value);
}

static inline void
shtat_stmt_bind_null (ShtatStoreStmt *stmt,
                      int             pos)
{
  stmt->engine->klass->bind_null (stmt, pos);
}

static inline void
shtat_stmt_bind_blob (ShtatStoreStmt *stmt,
                      int             pos,
                      gconstpointer   data,
                      gsize           len)
{
  stmt->engine->klass->bind_blob (stmt, pos, data, len);
}

/* Text as it is, NULL as NULL. */
static inline void
shtat_stmt_bind_string (ShtatStoreStmt *stmt,
                        int             pos,
                        const char     *text)
{
  if (text == NULL)
    stmt->engine->klass->bind_null (stmt, pos);
  else
    stmt->engine->klass->bind_text (stmt, pos, text, -1, FALSE);
}

/* An empty string is stored as NULL, as it reads back. */
static inline void
shtat_stmt_bind_text (ShtatStoreStmt *stmt,
                      int             pos,
                      const char     *text)
{
  if (text == NULL || *text == '\0')
    stmt->engine->klass->bind_null (stmt, pos);
  else
    stmt->engine->klass->bind_text (stmt, pos, text, -1, FALSE);
}

/* @text is copied: it may go before the statement is stepped. */
static inline void
shtat_stmt_bind_text_copy (ShtatStoreStmt *stmt,
                           int             pos,
                           const char     *text,
                           int             len)
{
  stmt->engine->klass->bind_text (stmt, pos, text, len, TRUE);
}

static inline void
shtat_stmt_bind_text_len (ShtatStoreStmt *stmt,
                          int             pos,
                          const char     *text,
                          int             len)
{
  stmt->engine->klass->bind_text (stmt, pos, text, len, FALSE);
}

static inline gboolean
shtat_stmt_column_is_null (ShtatStoreStmt *stmt,
                           int             col)
{
  return stmt->engine->klass->column_is_null (stmt, col);
}

static inline gint64
shtat_stmt_column_int64 (ShtatStoreStmt *stmt,
                         int             col)
{
  return stmt->engine->klass->column_int64 (stmt, col);
}

static inline int
shtat_stmt_column_int (ShtatStoreStmt *stmt,
                       int             col)
{
  return (int) CLAMP (stmt->engine->klass->column_int64 (stmt, col), G_MININT, G_MAXINT);
}

static inline double
shtat_stmt_column_double (ShtatStoreStmt *stmt,
                          int             col)
{
  return stmt->engine->klass->column_double (stmt, col);
}

static inline const char *
shtat_stmt_column_text (ShtatStoreStmt *stmt,
                        int             col)
{
  return stmt->engine->klass->column_text (stmt, col, NULL);
}

static inline const char *
shtat_stmt_column_text_len (ShtatStoreStmt *stmt,
                            int             col,
                            gsize          *len)
{
  return stmt->engine->klass->column_text (stmt, col, len);
}

static inline gconstpointer
shtat_stmt_column_blob (ShtatStoreStmt *stmt,
                        int             col,
                        gsize          *len)
{
  return stmt->engine->klass->column_blob (stmt, col, len);
}

G_END_DECLS
