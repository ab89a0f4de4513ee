/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-personnel.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* The SQLite database of an installation: one file (by default
 * $XDG_DATA_HOME/shtat/shtat.db, mode 0600), WAL, foreign keys on, schema
 * version in PRAGMA user_version, migrated in order with a backup copy made
 * first. Every function that writes is one transaction, rolled back whole on
 * any error. Prepared statements are cached per store. A store is used from one
 * thread at a time. */

#define SHTAT_STORE_ERROR (shtat_store_error_quark ())

typedef enum
{
  SHTAT_STORE_ERROR_OPEN,      /* cannot open or create the file */
  SHTAT_STORE_ERROR_VERSION,   /* written by a newer Shtat */
  SHTAT_STORE_ERROR_CORRUPT,   /* not a Shtat database, or damaged */
  SHTAT_STORE_ERROR_SQL,       /* any other SQLite failure (full disk, locked…) */
  SHTAT_STORE_ERROR_NOT_FOUND,
  SHTAT_STORE_ERROR_CONSTRAINT, /* e.g. the same IIN twice */
} ShtatStoreError;

GQuark shtat_store_error_quark (void);

#define SHTAT_TYPE_STORE (shtat_store_get_type ())
G_DECLARE_FINAL_TYPE (ShtatStore, shtat_store, SHTAT, STORE, GObject)

char       *shtat_store_default_path   (void);
ShtatStore *shtat_store_open           (const char  *path,
                                        GError     **error);
/* Another connection to the same file, for a worker thread. */
ShtatStore *shtat_store_open_another   (ShtatStore  *self,
                                        GError     **error);
const char *shtat_store_get_path       (ShtatStore  *self);
int         shtat_store_get_schema_version (ShtatStore *self);
gboolean    shtat_store_is_empty       (ShtatStore  *self);

/* Centres */
GPtrArray  *shtat_store_list_centres   (ShtatStore   *self,     /* ShtatCentre, by name */
                                        GError      **error);
gboolean    shtat_store_save_centre    (ShtatStore   *self,     /* insert (id 0) or update; sets id */
                                        ShtatCentre  *centre,
                                        GError      **error);

/* Employees: whole personnel files, with every child record. */
GPtrArray     *shtat_store_load_employees (ShtatStore  *self,   /* ShtatEmployee, by surname, name */
                                           GError     **error);
ShtatEmployee *shtat_store_load_employee  (ShtatStore  *self,
                                           gint64       id,
                                           GError     **error);
/* Whoever holds an assignment at the centre open on @date, whole files. */
GPtrArray     *shtat_store_load_centre_employees (ShtatStore   *self,  /* ShtatEmployee */
                                                  const char   *centre_code,
                                                  const GDate  *date,
                                                  GError      **error);
/* Staff units filled per centre on @date: code → GINT_TO_POINTER (hundredths). */
GHashTable    *shtat_store_sum_rates_by_centre   (ShtatStore   *self,
                                                  const GDate  *date,
                                                  GError      **error);
ShtatEmployee *shtat_store_find_by_iin    (ShtatStore  *self,
                                           const char  *iin,
                                           GError     **error);
/* Inserts (id 0) or replaces the whole file, children included; sets the ids. */
gboolean       shtat_store_save_employee  (ShtatStore     *self,
                                           ShtatEmployee  *employee,
                                           GError        **error);
gboolean       shtat_store_delete_employee (ShtatStore *self,
                                            gint64      id,
                                            GError    **error);

/* Imports: centres (matched by code, inserted or updated) and employees
 * (matched by IIN; an existing file is replaced by the imported one) in one
 * transaction, all or nothing. Assignments name their centre by centre_code.
 * A file identical to the stored one is left untouched, so importing the same
 * data twice changes nothing; `n_changed` counts files inserted or replaced.
 *
 * An import may be streamed, one file at a time, so that no more than one is
 * held in memory: begin (which writes the centres), add each employee, then
 * commit, or abort to leave the database as it was. The transaction stays open
 * in between, and nobody else can write to the database. */
typedef struct _ShtatStoreImport ShtatStoreImport;

/* @centres: ShtatCentre, or NULL. Commit and abort free @import. */
ShtatStoreImport *shtat_store_import_begin  (ShtatStore           *self,
                                             GPtrArray            *centres,
                                             GError              **error);
gboolean          shtat_store_import_add    (ShtatStoreImport     *import,
                                             const ShtatEmployee  *employee,
                                             GError              **error);
gboolean          shtat_store_import_commit (ShtatStoreImport     *import,
                                             guint                *n_changed,
                                             GError              **error);
void              shtat_store_import_abort  (ShtatStoreImport     *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatStoreImport, shtat_store_import_abort)

/* The whole import at once, over the functions above. */
gboolean       shtat_store_import         (ShtatStore  *self,
                                           GPtrArray   *centres,     /* ShtatCentre, may be NULL */
                                           GPtrArray   *employees,   /* ShtatEmployee */
                                           guint       *n_changed,
                                           GError     **error);

/* Staffing schedules: every version of every centre's schedule. Approved
 * versions are read-only and are checked against their SHA-256 when read. */
gboolean       shtat_store_save_schedule  (ShtatStore     *self,
                                           ShtatSchedule  *schedule,
                                           GError        **error);
/* Approval as one unit of work: @approved and the version it supersedes
 * (@superseded, may be NULL) are saved together or not at all. */
gboolean       shtat_store_save_approval  (ShtatStore     *self,
                                           ShtatSchedule  *approved,
                                           ShtatSchedule  *superseded,
                                           GError        **error);
/* @centre_code NULL: every centre's, by centre code, oldest first. */
GPtrArray     *shtat_store_list_schedules (ShtatStore     *self,     /* ShtatSchedule, oldest first */
                                           const char     *centre_code,
                                           GError        **error);
/* The same, leaving out the versions that cannot be read (damaged, or approved
 * and no longer matching their SHA-256): @problems (char *) receives one
 * sentence each, naming the version. */
GPtrArray     *shtat_store_list_readable_schedules (ShtatStore  *self,
                                                    const char  *centre_code,
                                                    GPtrArray   *problems,
                                                    GError     **error);
ShtatSchedule *shtat_store_load_schedule  (ShtatStore     *self,
                                           const char     *centre_code,
                                           guint           version,
                                           GError        **error);

/* Centre profiles (shtat-appeals.h): monthly appeal counts, the averaging
 * period, the centre's other figures. A centre with nothing stored has an
 * empty profile; a centre that does not exist is SHTAT_STORE_ERROR_NOT_FOUND.
 * Saving validates the profile and replaces the centre's whole profile in one
 * transaction. */

ShtatCentreProfile *shtat_store_load_centre_profile (ShtatStore                *self,
                                                     const char                *centre_code,
                                                     GError                   **error);
gboolean            shtat_store_save_centre_profile (ShtatStore                *self,
                                                     const ShtatCentreProfile  *profile,
                                                     GError                   **error);

/* The working-day calendar, one for the installation: its exceptions to
 * Monday–Friday. Saving replaces them all in one transaction. */
ShtatCalendar      *shtat_store_load_calendar       (ShtatStore                *self,
                                                     GError                   **error);
gboolean            shtat_store_save_calendar       (ShtatStore                *self,
                                                     ShtatCalendar             *calendar,
                                                     GError                   **error);

/* The pay grid (shtat-pay.h), one for the installation; an empty grid when
 * none is stored. Saving replaces the stored grid with @grid in one
 * transaction: edit the grid loaded (add, remove, change an entry), then save
 * it, and either every change is stored or none is. */
ShtatPayGrid       *shtat_store_load_pay_grid       (ShtatStore                *self,
                                                     GError                   **error);
gboolean            shtat_store_save_pay_grid       (ShtatStore                *self,
                                                     ShtatPayGrid              *grid,
                                                     GError                   **error);

G_END_DECLS
