/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-store-engine.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* The store's core (shtat-store.c) as its domain files see it: the connection,
 * transactions, the statement cache, and how values are bound and read. */

struct _ShtatStore
{
  GObject           parent_instance;

  char             *path;
  ShtatStoreEngine *engine;
  int               schema_version;
  GHashTable       *stmts;          /* SQL text (by address) → ShtatStoreStmt */
  gboolean          importing;      /* a ShtatStoreImport is open */
  struct _SharedSlot *shared;       /* recently shared texts, by a hash of their ends */
  guint             load_threads;   /* how many the last shtat_store_load_employees() used */
};

/* How many threads (connections) the last shtat_store_load_employees() read
 * with: 2 when a second one shared a large load, 1 otherwise, 0 before any. */
guint           shtat_store_get_load_threads (ShtatStore *self);

/* Statements: one idiom. shtat_store_stmt() lends the store's prepared
 * statement for @sql (a string literal: the cache knows it by its address),
 * preparing it the first time; g_autoptr(ShtatStoreStmt) gives it back reset,
 * its parameters cleared, so that it never holds a read open. A statement
 * asked for while it is lent out is prepared afresh for that use. */
ShtatStoreStmt *shtat_store_stmt         (ShtatStore      *self,
                                          const char      *sql,
                                          GError         **error);
void            shtat_store_stmt_release (ShtatStoreStmt  *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatStoreStmt, shtat_store_stmt_release)

/* One step; an error names @record (or, without one, the database). */
ShtatStoreStep  shtat_store_step         (ShtatStore      *self,
                                          ShtatStoreStmt  *stmt,
                                          const char      *record,
                                          GError         **error);
/* Runs a statement that returns no rows (or whose rows are not read) and
 * makes it ready for the next run; an error names @record. */
gboolean        shtat_store_run          (ShtatStore      *self,
                                          ShtatStoreStmt  *stmt,
                                          const char      *record,
                                          GError         **error);
gboolean        shtat_store_exec         (ShtatStore      *self,
                                          const char      *sql,
                                          GError         **error);
/* Prefixes @error with @record, or without one with the database. */
void            shtat_store_name_error   (ShtatStore      *self,
                                          const char      *record,
                                          GError         **error);

gboolean        shtat_store_begin_read   (ShtatStore      *self,
                                          GError         **error);
gboolean        shtat_store_begin_write  (ShtatStore      *self,
                                          GError         **error);
void            shtat_store_rollback     (ShtatStore      *self);
/* Read transactions on @self and @other (a connection to the same database)
 * that see the same state; FALSE, and neither begun, when that cannot be had. */
static inline gboolean
shtat_store_begin_read_pair (ShtatStore *self,
                             ShtatStore *other)
{
  return self->engine->klass->begin_read_pair (self->engine, other->engine);
}
/* Commits, or rolls back and passes the error on when @ok is false. */
gboolean        shtat_store_finish       (ShtatStore      *self,
                                          gboolean         ok,
                                          GError         **error);

static inline gint64
shtat_store_last_insert_id (ShtatStore *self)
{
  return self->engine->klass->last_insert_id (self->engine);
}

static inline gboolean
shtat_store_tune (ShtatStore      *self,
                  ShtatStoreWork   work,
                  GError         **error)
{
  if (self->engine->klass->tune (self->engine, work, error))
    return TRUE;
  shtat_store_name_error (self, NULL, error);
  return FALSE;
}

static inline gboolean
shtat_store_bulk_load_begin (ShtatStore  *self,
                             gboolean     empty,
                             GError     **error)
{
  if (self->engine->klass->bulk_load_begin == NULL
      || self->engine->klass->bulk_load_begin (self->engine, empty, error))
    return TRUE;
  shtat_store_name_error (self, NULL, error);
  return FALSE;
}

static inline gboolean
shtat_store_bulk_load_end (ShtatStore  *self,
                           GError     **error)
{
  if (self->engine->klass->bulk_load_end == NULL
      || self->engine->klass->bulk_load_end (self->engine, error))
    return TRUE;
  shtat_store_name_error (self, NULL, error);
  return FALSE;
}

static inline gint64
shtat_store_changes (ShtatStore *self)
{
  return self->engine->klass->changes (self->engine);
}

gboolean        shtat_store_corrupt_row  (ShtatStore      *self,
                                          const char      *table,
                                          GError         **error);

/* Values. */
void            shtat_stmt_bind_date     (ShtatStoreStmt  *stmt,
                                          int              pos,
                                          const GDate     *date);
/* A copy of a text column; NULL for NULL and for an empty string. */
char           *shtat_stmt_column_dup    (ShtatStoreStmt  *stmt,
                                          int              col);
/* The shared copy of a text column (shtat_personnel_share_text()), for the
 * fields that repeat from file to file; NULL for NULL and for an empty text. */
char           *shtat_store_column_shared (ShtatStore     *self,
                                           ShtatStoreStmt *stmt,
                                           int             col);

/* "YYYY-MM-DD" → @out; anything else leaves it unset. */
void            shtat_stmt_column_date   (ShtatStoreStmt  *stmt,
                                          int              col,
                                          GDate           *out);
/* "YYYY-MM-DD" of @date, for binding (with its NUL). */
void            shtat_store_iso_date     (const GDate     *date,
                                          char             out[11]);

/* An id as text, for messages: translatable strings cannot hold the
 * platform's format for 64-bit integers. */
typedef struct
{
  char text[24];
} ShtatIdText;

ShtatIdText     shtat_store_id_text      (gint64           id);

/* Between the domain files: personnel (shtat-store-personnel.c) for imports
 * (shtat-store-import.c), centres (shtat-store-centres.c) for both. */
void            shtat_store_personnel_init (void);
gboolean        shtat_store_count_employees (ShtatStore  *self,
                                             gint64      *out,
                                             GError     **error);
GPtrArray      *shtat_store_load_all_unlocked (ShtatStore  *self,
                                               GError     **error);
ShtatEmployee  *shtat_store_load_one_unlocked (ShtatStore  *self,
                                               gint64       id,
                                               GError     **error);
/* The id of the employee with @iin: 0 when there is none, -1 on error. */
gint64          shtat_store_find_id_by_iin (ShtatStore  *self,
                                            const char  *iin,
                                            GError     **error);
gboolean        shtat_store_write_employee (ShtatStore     *self,
                                            ShtatEmployee  *employee,
                                            gint64          target_id,
                                            GHashTable     *codes,
                                            GArray         *pending,
                                            GError        **error);
gboolean        shtat_store_employee_equal (const ShtatEmployee *a,
                                            const ShtatEmployee *b,
                                            GHashTable          *codes);
gboolean        shtat_store_text_equal     (const char *a,
                                            const char *b);

GPtrArray      *shtat_store_read_centres   (ShtatStore         *self,
                                            GError            **error);
gboolean        shtat_store_write_centre   (ShtatStore         *self,
                                            const ShtatCentre  *centre,
                                            gint64              target_id,
                                            gint64             *out_id,
                                            GError            **error);
/* Whether the centre @centre_code exists, else SHTAT_STORE_ERROR_NOT_FOUND
 * naming @record when given; @out_id (may be NULL) receives its id. */
gboolean        shtat_store_find_centre    (ShtatStore         *self,
                                            const char         *centre_code,
                                            gint64             *out_id,
                                            const char         *record,
                                            GError            **error);

G_END_DECLS
