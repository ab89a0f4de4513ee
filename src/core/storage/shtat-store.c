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

#include "shtat-appeals.h"
#include "shtat-pay.h"
#include "shtat-schedule.h"
#include "shtat-schedule-xml.h"
#include "shtat-store.h"
#include "shtat-text.h"

G_DEFINE_QUARK (shtat-store-error-quark, shtat_store_error)

/* "Shta": marks the file as Shtat's in PRAGMA application_id. */
#define SHTAT_APPLICATION_ID 0x53687461

#define BUSY_TIMEOUT_MS 5000

/* Reading the whole file at start is the common case: it is mapped rather
 * than copied page by page. */
#define PRAGMA_MMAP "PRAGMA mmap_size = 1073741824"
/* An import reads the stored files one by one, once each: pages read through
 * the map would stay mapped and count as the process's memory. */
#define PRAGMA_NO_MMAP "PRAGMA mmap_size = 0"

static sqlite3_stmt *prepare (ShtatStore *self, const char *sql, GError **error);

/* ------------------------------------------------------------------------ */
/* Schema and migrations                                                    */

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

static gboolean
migrate_to_1 (sqlite3  *db,
              char    **errmsg)
{
  return sqlite3_exec (db, schema_1, NULL, NULL, errmsg) == SQLITE_OK;
}

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

static gboolean
migrate_to_2 (sqlite3  *db,
              char    **errmsg)
{
  return sqlite3_exec (db, schema_2, NULL, NULL, errmsg) == SQLITE_OK;
}

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

static gboolean
migrate_to_3 (sqlite3  *db,
              char    **errmsg)
{
  return sqlite3_exec (db, schema_3, NULL, NULL, errmsg) == SQLITE_OK;
}

typedef gboolean (*Migration) (sqlite3 *db, char **errmsg);

/* migrations[i] takes the schema from version i to i + 1. */
static const Migration migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

/* ------------------------------------------------------------------------ */
/* Statements                                                               */

#define EMPLOYEE_COLUMNS "id, iin, surname, name, patronymic, birth_date, sex FROM employees"
#define EDUCATION_COLUMNS \
  "employee_id, id, level, field, relevant, specialty, institution, diploma, year FROM education"
#define CERTIFICATE_COLUMNS "employee_id, id, kind, number, issued, expires FROM certificates"
#define PERIOD_COLUMNS \
  "employee_id, id, organisation, sector, position, level, category, managerial, date_from," \
  " date_to FROM work_periods"
#define ASSIGNMENT_COLUMNS \
  "a.employee_id, a.id, a.centre_id, c.code, a.position, a.level, a.category, a.rate," \
  " a.date_from, a.date_to FROM assignments AS a LEFT JOIN centres AS c ON c.id = a.centre_id"

typedef enum
{
  STMT_BEGIN_READ,
  STMT_BEGIN_WRITE,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_IS_EMPTY,
  STMT_COUNT_EMPLOYEES,
  STMT_CENTRE_LIST,
  STMT_CENTRE_BY_CODE,
  STMT_CENTRE_INSERT,
  STMT_CENTRE_UPDATE,
  STMT_EMPLOYEE_ALL,
  STMT_EMPLOYEE_ONE,
  STMT_EMPLOYEE_ORDER,
  STMT_EMPLOYEE_BY_IIN,
  STMT_EMPLOYEE_INSERT,
  STMT_EMPLOYEE_UPDATE,
  STMT_EMPLOYEE_DELETE,
  STMT_EDUCATION_ALL,
  STMT_EDUCATION_OF,
  STMT_EDUCATION_INSERT,
  STMT_EDUCATION_DELETE,
  STMT_CERTIFICATE_ALL,
  STMT_CERTIFICATE_OF,
  STMT_CERTIFICATE_INSERT,
  STMT_CERTIFICATE_DELETE,
  STMT_PERIOD_ALL,
  STMT_PERIOD_OF,
  STMT_PERIOD_INSERT,
  STMT_PERIOD_DELETE,
  STMT_ASSIGNMENT_ALL,
  STMT_ASSIGNMENT_OF,
  STMT_ASSIGNMENT_INSERT,
  STMT_ASSIGNMENT_DELETE,
  N_STMTS,
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN_READ] = "BEGIN",
  [STMT_BEGIN_WRITE] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_IS_EMPTY] = "SELECT EXISTS (SELECT 1 FROM employees) OR EXISTS (SELECT 1 FROM centres)",
  [STMT_COUNT_EMPLOYEES] = "SELECT count(*) FROM employees",
  [STMT_CENTRE_LIST] = "SELECT id, code, name_kk, name_ru, district, akimat FROM centres",
  [STMT_CENTRE_BY_CODE] = "SELECT id FROM centres WHERE code = ?1",
  [STMT_CENTRE_INSERT] = "INSERT INTO centres (code, name_kk, name_ru, district, akimat)"
                         " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_CENTRE_UPDATE] = "UPDATE centres SET code = ?1, name_kk = ?2, name_ru = ?3,"
                         " district = ?4, akimat = ?5 WHERE id = ?6",
  /* In the order of the table (rowid): a plain scan, no index to follow. */
  [STMT_EMPLOYEE_ALL] = "SELECT " EMPLOYEE_COLUMNS " ORDER BY id",
  [STMT_EMPLOYEE_ONE] = "SELECT " EMPLOYEE_COLUMNS " WHERE id = ?1",
  /* straight from the index employees_by_name, which holds the ids */
  [STMT_EMPLOYEE_ORDER] = "SELECT id FROM employees ORDER BY surname, name, id",
  [STMT_EMPLOYEE_BY_IIN] = "SELECT id FROM employees WHERE iin = ?1",
  [STMT_EMPLOYEE_INSERT] = "INSERT INTO employees (iin, surname, name, patronymic, birth_date, sex)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_EMPLOYEE_UPDATE] = "UPDATE employees SET iin = ?1, surname = ?2, name = ?3,"
                           " patronymic = ?4, birth_date = ?5, sex = ?6 WHERE id = ?7",
  [STMT_EMPLOYEE_DELETE] = "DELETE FROM employees WHERE id = ?1",
  [STMT_EDUCATION_ALL] = "SELECT " EDUCATION_COLUMNS " ORDER BY id",
  [STMT_EDUCATION_OF] = "SELECT " EDUCATION_COLUMNS " WHERE employee_id = ?1 ORDER BY id",
  [STMT_EDUCATION_INSERT] = "INSERT INTO education (employee_id, level, field, relevant,"
                            " specialty, institution, diploma, year)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_EDUCATION_DELETE] = "DELETE FROM education WHERE employee_id = ?1",
  [STMT_CERTIFICATE_ALL] = "SELECT " CERTIFICATE_COLUMNS " ORDER BY id",
  [STMT_CERTIFICATE_OF] = "SELECT " CERTIFICATE_COLUMNS " WHERE employee_id = ?1 ORDER BY id",
  [STMT_CERTIFICATE_INSERT] = "INSERT INTO certificates (employee_id, kind, number, issued, expires)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_CERTIFICATE_DELETE] = "DELETE FROM certificates WHERE employee_id = ?1",
  [STMT_PERIOD_ALL] = "SELECT " PERIOD_COLUMNS " ORDER BY id",
  [STMT_PERIOD_OF] = "SELECT " PERIOD_COLUMNS " WHERE employee_id = ?1 ORDER BY id",
  [STMT_PERIOD_INSERT] = "INSERT INTO work_periods (employee_id, organisation, sector, position,"
                         " level, category, managerial, date_from, date_to)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_PERIOD_DELETE] = "DELETE FROM work_periods WHERE employee_id = ?1",
  [STMT_ASSIGNMENT_ALL] = "SELECT " ASSIGNMENT_COLUMNS " ORDER BY a.id",
  [STMT_ASSIGNMENT_OF] = "SELECT " ASSIGNMENT_COLUMNS " WHERE a.employee_id = ?1 ORDER BY a.id",
  [STMT_ASSIGNMENT_INSERT] = "INSERT INTO assignments (employee_id, centre_id, position, level,"
                             " category, rate, date_from, date_to)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_ASSIGNMENT_DELETE] = "DELETE FROM assignments WHERE employee_id = ?1",
};

struct _ShtatStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  int           schema_version;
  sqlite3_stmt *stmts[N_STMTS];
  int           last_error;     /* extended result code of the last SQLite error reported */
  gboolean      importing;      /* a ShtatStoreImport is open */
};

G_DEFINE_FINAL_TYPE (ShtatStore, shtat_store, G_TYPE_OBJECT)

/* A cached statement borrowed for one use: g_autoptr resets it and clears its
 * bindings when it goes out of scope, so that it never holds a read open. */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_release)

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

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

/* "RECORD: the SQLite message"; without a record, the file stands in for it. */
static void
set_sqlite_error (ShtatStore  *self,
                  int          rc,
                  const char  *record,
                  GError     **error)
{
  self->last_error = sqlite3_extended_errcode (self->db);
  g_set_error (error, SHTAT_STORE_ERROR, (int) error_code_for (rc), "%s: %s",
               record != NULL ? record : self->path, sqlite3_errmsg (self->db));
}

/* An id as text, for messages: translatable strings cannot hold the
 * platform's format for 64-bit integers. */
typedef struct
{
  char text[24];
} IdText;

static IdText
id_text (gint64 id)
{
  IdText t;

  g_snprintf (t.text, sizeof t.text, "%" G_GINT64_FORMAT, id);
  return t;
}

/* How messages name a personnel file: by its IIN, else by the person's name. */
static char *
employee_record (const ShtatEmployee *employee)
{
  g_autofree char *name = NULL;

  if (employee->iin[0] != '\0')
    return g_strdup_printf (_("Employee %s"), employee->iin);
  name = shtat_employee_dup_full_name (employee);
  return g_strdup_printf (_("Employee %s"), name);
}

/* ------------------------------------------------------------------------ */
/* Statements and transactions                                              */

static CachedStmt *
get_stmt (ShtatStore  *self,
          StmtId       id,
          GError     **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);

      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self, rc, NULL, error);
          return NULL;
        }
    }
  return self->stmts[id];
}

/* Runs a statement that returns no rows. */
static gboolean
run_stmt (ShtatStore    *self,
          sqlite3_stmt  *stmt,
          const char    *record,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, record, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_cached (ShtatStore  *self,
             StmtId       id,
             GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, id, error);

  return stmt != NULL && run_stmt (self, stmt, NULL, error);
}

static gboolean
begin_read (ShtatStore  *self,
            GError     **error)
{
  return exec_cached (self, STMT_BEGIN_READ, error);
}

static gboolean
begin_write (ShtatStore  *self,
             GError     **error)
{
  return exec_cached (self, STMT_BEGIN_WRITE, error);
}

static gboolean
commit (ShtatStore  *self,
        GError     **error)
{
  return exec_cached (self, STMT_COMMIT, error);
}

static void
rollback (ShtatStore *self)
{
  /* SQLite may have rolled back already (after SQLITE_FULL, for one). */
  if (!sqlite3_get_autocommit (self->db))
    exec_cached (self, STMT_ROLLBACK, NULL);
}

/* Commits, or rolls back and passes the error on when @ok is false. */
static gboolean
finish (ShtatStore  *self,
        gboolean     ok,
        GError     **error)
{
  if (ok && commit (self, error))
    return TRUE;
  rollback (self);
  return FALSE;
}

/* Ids are handed back to the caller's records only once the transaction has
 * committed: a failed write leaves them as they were. */
typedef struct
{
  gint64 *slot;
  gint64  value;
} PendingId;

static void
pending_add (GArray *pending,
             gint64 *slot,
             gint64  value)
{
  PendingId p = { slot, value };

  if (pending != NULL)
    g_array_append_val (pending, p);
}

static void
pending_apply (GArray *pending)
{
  for (guint i = 0; i < pending->len; i++)
    {
      PendingId *p = &g_array_index (pending, PendingId, i);

      *p->slot = p->value;
    }
}

/* ------------------------------------------------------------------------ */
/* Binding and reading values                                               */

/* An empty string is stored as NULL, as it reads back. */
static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_STATIC);
}

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

/* "YYYY-MM-DD", written out by hand: an import binds a million of them. */
static void
bind_date (sqlite3_stmt *stmt,
           int           col,
           const GDate  *date)
{
  char iso[11];

  if (!g_date_valid (date))
    {
      sqlite3_bind_null (stmt, col);
      return;
    }
  put_digits (iso, g_date_get_year (date), 4);
  iso[4] = '-';
  put_digits (iso + 5, g_date_get_month (date), 2);
  iso[7] = '-';
  put_digits (iso + 8, g_date_get_day (date), 2);
  sqlite3_bind_text (stmt, col, iso, 10, SQLITE_TRANSIENT);
}

/* A copy of a text column; NULL for NULL and for an empty string, which is
 * the common case for optional fields and saves the allocation. */
static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  gsize n;
  char *copy;

  if (text == NULL || *text == '\0')
    return NULL;
  n = strlen (text);
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

/* "YYYY-MM-DD" → @out; anything else leaves it unset. */
static void
column_date (sqlite3_stmt *stmt,
             int           col,
             GDate        *out)
{
  static const guint8 month_days[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const char *iso = (const char *) sqlite3_column_text (stmt, col);
  guint y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || iso[0] == '\0' || iso[4] != '-' || iso[7] != '-' || iso[10] != '\0')
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

/* The names of the enumerations, as stored, looked up without a call each. */
static const char *level_names[SHTAT_N_LEVELS];
static const char *category_names[SHTAT_N_CATEGORIES];
static const char *field_names[SHTAT_N_FIELDS];
static const char *education_names[SHTAT_N_EDUCATION_LEVELS];
static const char *sector_names[SHTAT_N_SECTORS];

static void
init_names (void)
{
  for (int i = 0; i < SHTAT_N_LEVELS; i++)
    level_names[i] = shtat_level_to_string ((ShtatLevel) i);
  for (int i = 0; i < SHTAT_N_CATEGORIES; i++)
    category_names[i] = shtat_category_to_string ((ShtatCategory) i);
  for (int i = 0; i < SHTAT_N_FIELDS; i++)
    field_names[i] = shtat_field_to_string ((ShtatField) i);
  for (int i = 0; i < SHTAT_N_EDUCATION_LEVELS; i++)
    education_names[i] = shtat_education_level_to_string ((ShtatEducationLevel) i);
  for (int i = 0; i < SHTAT_N_SECTORS; i++)
    sector_names[i] = shtat_sector_to_string ((ShtatSector) i);
}

/* The index of the text of column @col in @names, or -1. */
static int
column_enum (sqlite3_stmt       *stmt,
             int                 col,
             const char * const *names,
             int                 n_names)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text == NULL)
    return -1;
  for (int i = 0; i < n_names; i++)
    if (names[i][0] == text[0] && strcmp (names[i], text) == 0)
      return i;
  return -1;
}

static int
column_level (sqlite3_stmt *stmt,
              int           col)
{
  return column_enum (stmt, col, level_names, SHTAT_N_LEVELS);
}

static int
column_category (sqlite3_stmt *stmt,
                 int           col)
{
  return column_enum (stmt, col, category_names, SHTAT_N_CATEGORIES);
}

static int
column_field (sqlite3_stmt *stmt,
              int           col)
{
  return column_enum (stmt, col, field_names, SHTAT_N_FIELDS);
}

static gboolean
column_education_level (ShtatStore           *self,
                        sqlite3_stmt         *stmt,
                        int                   col,
                        gint64                record_id,
                        ShtatEducationLevel  *out,
                        GError              **error)
{
  int i = column_enum (stmt, col, education_names, SHTAT_N_EDUCATION_LEVELS);
  const char *text;

  if (i >= 0)
    {
      *out = (ShtatEducationLevel) i;
      return TRUE;
    }
  text = (const char *) sqlite3_column_text (stmt, col);
  g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
               _("%s: education record %s has an unknown level “%s”"),
               self->path, id_text (record_id).text, text != NULL ? text : "");
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Reading rows                                                             */

/* Every child query has the employee id in column 0 and the record from column 1. */

static gboolean
read_education (ShtatStore      *self,
                sqlite3_stmt    *stmt,
                ShtatEducation  *e,
                GError         **error)
{
  e->id = sqlite3_column_int64 (stmt, 1);
  if (!column_education_level (self, stmt, 2, e->id, &e->level, error))
    return FALSE;
  e->field = column_field (stmt, 3);
  e->relevant = sqlite3_column_int (stmt, 4) != 0;
  e->specialty = column_dup (stmt, 5);
  e->institution = column_dup (stmt, 6);
  e->diploma = column_dup (stmt, 7);
  e->year = (guint) MAX (sqlite3_column_int (stmt, 8), 0);
  return TRUE;
}

static void
read_certificate (sqlite3_stmt     *stmt,
                  ShtatCertificate *c)
{
  c->id = sqlite3_column_int64 (stmt, 1);
  c->kind = column_dup (stmt, 2);
  c->number = column_dup (stmt, 3);
  column_date (stmt, 4, &c->issued);
  column_date (stmt, 5, &c->expires);
}

static void
read_period (sqlite3_stmt    *stmt,
             ShtatWorkPeriod *p)
{
  p->id = sqlite3_column_int64 (stmt, 1);
  p->organisation = column_dup (stmt, 2);
  p->sector = (ShtatSector) MAX (column_enum (stmt, 3, sector_names, SHTAT_N_SECTORS), 0);
  p->position = column_dup (stmt, 4);
  p->level = column_level (stmt, 5);
  p->category = column_category (stmt, 6);
  p->managerial = sqlite3_column_int (stmt, 7) != 0;
  column_date (stmt, 8, &p->from);
  column_date (stmt, 9, &p->to);
}

static void
read_assignment (sqlite3_stmt    *stmt,
                 ShtatAssignment *a)
{
  a->id = sqlite3_column_int64 (stmt, 1);
  a->centre_id = sqlite3_column_int64 (stmt, 2);
  a->centre_code = column_dup (stmt, 3);
  a->position = column_dup (stmt, 4);
  a->level = column_level (stmt, 5);
  a->category = column_category (stmt, 6);
  a->rate = sqlite3_column_int (stmt, 7);
  column_date (stmt, 8, &a->from);
  column_date (stmt, 9, &a->to);
}

static ShtatEmployee *
read_employee (sqlite3_stmt *stmt)
{
  ShtatEmployee *employee = shtat_employee_new ();
  const char *iin = (const char *) sqlite3_column_text (stmt, 1);
  int n = sqlite3_column_bytes (stmt, 1);

  employee->id = sqlite3_column_int64 (stmt, 0);
  if (iin != NULL)
    memcpy (employee->iin, iin, (gsize) MIN (n, SHTAT_IIN_LENGTH));
  employee->surname = column_dup (stmt, 2);
  employee->name = column_dup (stmt, 3);
  employee->patronymic = column_dup (stmt, 4);
  column_date (stmt, 5, &employee->birth_date);
  employee->sex = (ShtatSex) sqlite3_column_int (stmt, 6);
  return employee;
}

/* Appends a zeroed element to @array and returns it, to be filled in place. */
static gpointer
array_grow (GArray *array)
{
  g_array_set_size (array, array->len + 1);
  return array->data + (gsize) (array->len - 1) * g_array_get_element_size (array);
}

typedef enum
{
  CHILD_EDUCATION,
  CHILD_CERTIFICATE,
  CHILD_PERIOD,
  CHILD_ASSIGNMENT,
  N_CHILDREN,
} ChildKind;

static const StmtId child_all[N_CHILDREN] = {
  STMT_EDUCATION_ALL, STMT_CERTIFICATE_ALL, STMT_PERIOD_ALL, STMT_ASSIGNMENT_ALL,
};
static const StmtId child_of[N_CHILDREN] = {
  STMT_EDUCATION_OF, STMT_CERTIFICATE_OF, STMT_PERIOD_OF, STMT_ASSIGNMENT_OF,
};
static const StmtId child_delete[N_CHILDREN] = {
  STMT_EDUCATION_DELETE, STMT_CERTIFICATE_DELETE, STMT_PERIOD_DELETE, STMT_ASSIGNMENT_DELETE,
};

static const gsize child_size[N_CHILDREN] = {
  sizeof (ShtatEducation), sizeof (ShtatCertificate), sizeof (ShtatWorkPeriod),
  sizeof (ShtatAssignment),
};

static GArray *
child_array (ShtatEmployee *employee,
             ChildKind      kind)
{
  switch (kind)
    {
    case CHILD_EDUCATION:
      return employee->education;
    case CHILD_CERTIFICATE:
      return employee->certificates;
    case CHILD_PERIOD:
      return employee->periods;
    case CHILD_ASSIGNMENT:
      return employee->assignments;
    case N_CHILDREN:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Reads the row into a new element at the end of @array. */
static gboolean
read_child (ShtatStore     *self,
            ChildKind       kind,
            sqlite3_stmt   *stmt,
            GArray         *array,
            GError        **error)
{
  switch (kind)
    {
    case CHILD_EDUCATION:
      if (!read_education (self, stmt, array_grow (array), error))
        {
          g_array_set_size (array, array->len - 1);
          return FALSE;
        }
      return TRUE;
    case CHILD_CERTIFICATE:
      read_certificate (stmt, array_grow (array));
      return TRUE;
    case CHILD_PERIOD:
      read_period (stmt, array_grow (array));
      return TRUE;
    case CHILD_ASSIGNMENT:
      read_assignment (stmt, array_grow (array));
      return TRUE;
    case N_CHILDREN:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
count_employees (ShtatStore  *self,
                 gint64      *out,
                 GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_COUNT_EMPLOYEES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, NULL, error);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* In @employees, sorted by id, whose ids are also in @ids, side by side so
 * that a search touches a few cache lines rather than many records; @hint is
 * where to look first, and is set to just after where it was found. */
static ShtatEmployee *
find_employee (GPtrArray    *employees,
               const gint64 *ids,
               gint64        id,
               guint        *hint)
{
  guint lo = 0;
  guint hi = employees->len;

  /* the records of one employee mostly follow those of the one before */
  if (*hint < employees->len && ids[*hint] == id)
    return employees->pdata[(*hint)++];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else if (ids[mid] > id)
        hi = mid;
      else
        {
          *hint = mid + 1;
          return employees->pdata[mid];
        }
    }
  return NULL;
}

/* Hands the records gathered in @scratch (their strings included) to
 * @employee, in one allocation. */
static void
flush_children (ShtatEmployee *employee,
                ChildKind      kind,
                GArray        *scratch)
{
  if (employee != NULL && scratch->len > 0)
    g_array_append_vals (child_array (employee, kind), scratch->data, scratch->len);
  g_array_set_size (scratch, 0);
}

/* Puts @employees (sorted by id) in the order of surname, name (SQLite's
 * BINARY collation: the order of the UTF-8 bytes) and id, as the index on the
 * names gives it: cheaper than comparing 100 000 names again. */
static gboolean
sort_by_name (ShtatStore    *self,
              GPtrArray     *employees,
              const gint64  *ids,
              GError       **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_EMPLOYEE_ORDER, error);
  g_autofree gpointer *order = NULL;
  guint n = 0;
  guint hint = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  order = g_new (gpointer, employees->len + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShtatEmployee *e = find_employee (employees, ids, sqlite3_column_int64 (stmt, 0), &hint);

      /* in one read transaction, the same rows as before */
      g_return_val_if_fail (e != NULL && n < employees->len, FALSE);
      order[n++] = e;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, NULL, error);
      return FALSE;
    }
  g_return_val_if_fail (n == employees->len, FALSE);
  memcpy (employees->pdata, order, n * sizeof (gpointer));
  return TRUE;
}

/* Every file, with one query per table: each is read straight through in the
 * order of its rows, and the child records are handed to their employee found
 * by id. Runs inside a transaction. */
static GPtrArray *
load_all_unlocked (ShtatStore  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 n_employees;

  if (!count_employees (self, &n_employees, error))
    return NULL;
  employees = g_ptr_array_new_full ((guint) n_employees, (GDestroyNotify) shtat_employee_unref);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n_employees);

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_EMPLOYEE_ALL, error);
    int rc;

    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        ShtatEmployee *e = read_employee (stmt);

        g_ptr_array_add (employees, e);
        g_array_append_val (ids, e->id);
      }
    if (rc != SQLITE_DONE)
      {
        set_sqlite_error (self, rc, NULL, error);
        return NULL;
      }
  }

  for (guint kind = 0; kind < N_CHILDREN; kind++)
    {
      g_autoptr(CachedStmt) stmt = get_stmt (self, child_all[kind], error);
      g_autoptr(GArray) scratch = g_array_new (FALSE, TRUE, (guint) child_size[kind]);
      ShtatEmployee *current = NULL;
      guint hint = 0;
      gboolean ok = TRUE;
      int rc;

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 employee_id = sqlite3_column_int64 (stmt, 0);

          /* the records of one employee mostly follow each other */
          if (current == NULL || current->id != employee_id)
            {
              flush_children (current, (ChildKind) kind, scratch);
              /* none: foreign keys forbid it, but a file written without them may have it */
              current = find_employee (employees, (gint64 *) (gpointer) ids->data, employee_id,
                                       &hint);
              if (current == NULL)
                continue;
            }
          if (!read_child (self, (ChildKind) kind, stmt, scratch, error))
            {
              ok = FALSE;
              break;
            }
        }
      flush_children (current, (ChildKind) kind, scratch);
      if (!ok)
        return NULL;
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, rc, NULL, error);
          return NULL;
        }
    }

  if (!sort_by_name (self, employees, (gint64 *) (gpointer) ids->data, error))
    return NULL;
  return g_steal_pointer (&employees);
}

static ShtatEmployee *
load_one_unlocked (ShtatStore  *self,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(ShtatEmployee) employee = NULL;

  {
    g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_EMPLOYEE_ONE, error);
    int rc;

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                     _("There is no employee with the id %s"), id_text (id).text);
        return NULL;
      }
    if (rc != SQLITE_ROW)
      {
        set_sqlite_error (self, rc, NULL, error);
        return NULL;
      }
    employee = read_employee (stmt);
  }

  for (guint kind = 0; kind < N_CHILDREN; kind++)
    {
      g_autoptr(CachedStmt) stmt = get_stmt (self, child_of[kind], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (!read_child (self, (ChildKind) kind, stmt, child_array (employee, (ChildKind) kind),
                         error))
          return NULL;
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, rc, NULL, error);
          return NULL;
        }
    }
  return g_steal_pointer (&employee);
}

/* The id of the employee with @iin: 0 when there is none, -1 on error. */
static gint64
find_id_by_iin (ShtatStore  *self,
                const char  *iin,
                GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_EMPLOYEE_BY_IIN, error);
  int rc;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, iin);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  set_sqlite_error (self, rc, NULL, error);
  return -1;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

/* The centre an assignment names: by its code when it gives one (looked up in
 * @codes when given, else in the database), else by its id. */
static gboolean
resolve_centre (ShtatStore             *self,
                const ShtatEmployee    *employee,
                const ShtatAssignment  *a,
                GHashTable             *codes,
                gint64                 *out_id,
                GError                **error)
{
  if (a->centre_code == NULL || *a->centre_code == '\0')
    {
      *out_id = a->centre_id;
      return TRUE;
    }

  if (codes != NULL)
    {
      const ShtatCentre *centre = g_hash_table_lookup (codes, a->centre_code);

      if (centre != NULL)
        {
          *out_id = centre->id;
          return TRUE;
        }
    }
  else
    {
      g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_CENTRE_BY_CODE, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, a->centre_code);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_id = sqlite3_column_int64 (stmt, 0);
          return TRUE;
        }
      if (rc != SQLITE_DONE)
        {
          g_autofree char *record = employee_record (employee);

          set_sqlite_error (self, rc, record, error);
          return FALSE;
        }
    }

  {
    g_autofree char *record = employee_record (employee);

    g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no centre with the code “%s”"), record, a->centre_code);
  }
  return FALSE;
}

/* Runs a statement that writes part of @employee's file; an error names the
 * file, the label made only then (an import runs a million of these). */
static gboolean
run_file_stmt (ShtatStore          *self,
               sqlite3_stmt        *stmt,
               const ShtatEmployee *employee,
               GError             **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_autofree char *record = employee_record (employee);

      set_sqlite_error (self, rc, record, error);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The stored name of an enumeration value, or NULL (bound as NULL). */
static inline const char *
enum_name (const char * const *names,
           int                 n_names,
           int                 value)
{
  return value >= 0 && value < n_names ? names[value] : NULL;
}

static gboolean
insert_children (ShtatStore           *self,
                 ShtatEmployee        *employee,
                 gint64                employee_id,
                 GHashTable           *codes,
                 GArray               *pending,
                 GError              **error)
{
  g_autoptr(CachedStmt) education = NULL;
  g_autoptr(CachedStmt) certificate = NULL;
  g_autoptr(CachedStmt) period = NULL;
  g_autoptr(CachedStmt) assignment = NULL;

  for (guint i = 0; i < employee->education->len; i++)
    {
      ShtatEducation *e = &g_array_index (employee->education, ShtatEducation, i);

      if (education == NULL && (education = get_stmt (self, STMT_EDUCATION_INSERT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (education, 1, employee_id);
      bind_text (education, 2,
                 enum_name (education_names, SHTAT_N_EDUCATION_LEVELS, (int) e->level));
      bind_text (education, 3, enum_name (field_names, SHTAT_N_FIELDS, e->field));
      sqlite3_bind_int (education, 4, e->relevant ? 1 : 0);
      bind_text (education, 5, e->specialty);
      bind_text (education, 6, e->institution);
      bind_text (education, 7, e->diploma);
      if (e->year != 0)
        sqlite3_bind_int64 (education, 8, e->year);
      else
        sqlite3_bind_null (education, 8);
      if (!run_file_stmt (self, education, employee, error))
        return FALSE;
      pending_add (pending, &e->id, sqlite3_last_insert_rowid (self->db));
    }

  for (guint i = 0; i < employee->certificates->len; i++)
    {
      ShtatCertificate *c = &g_array_index (employee->certificates, ShtatCertificate, i);

      if (certificate == NULL
          && (certificate = get_stmt (self, STMT_CERTIFICATE_INSERT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (certificate, 1, employee_id);
      bind_text (certificate, 2, c->kind);
      bind_text (certificate, 3, c->number);
      bind_date (certificate, 4, &c->issued);
      bind_date (certificate, 5, &c->expires);
      if (!run_file_stmt (self, certificate, employee, error))
        return FALSE;
      pending_add (pending, &c->id, sqlite3_last_insert_rowid (self->db));
    }

  for (guint i = 0; i < employee->periods->len; i++)
    {
      ShtatWorkPeriod *p = &g_array_index (employee->periods, ShtatWorkPeriod, i);

      if (period == NULL && (period = get_stmt (self, STMT_PERIOD_INSERT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (period, 1, employee_id);
      bind_text (period, 2, p->organisation);
      bind_text (period, 3, enum_name (sector_names, SHTAT_N_SECTORS, (int) p->sector));
      bind_text (period, 4, p->position);
      bind_text (period, 5, enum_name (level_names, SHTAT_N_LEVELS, p->level));
      bind_text (period, 6, enum_name (category_names, SHTAT_N_CATEGORIES, p->category));
      sqlite3_bind_int (period, 7, p->managerial ? 1 : 0);
      bind_date (period, 8, &p->from);
      bind_date (period, 9, &p->to);
      if (!run_file_stmt (self, period, employee, error))
        return FALSE;
      pending_add (pending, &p->id, sqlite3_last_insert_rowid (self->db));
    }

  for (guint i = 0; i < employee->assignments->len; i++)
    {
      ShtatAssignment *a = &g_array_index (employee->assignments, ShtatAssignment, i);
      gint64 centre_id;

      if (!resolve_centre (self, employee, a, codes, &centre_id, error))
        return FALSE;
      if (assignment == NULL
          && (assignment = get_stmt (self, STMT_ASSIGNMENT_INSERT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (assignment, 1, employee_id);
      if (centre_id > 0)
        sqlite3_bind_int64 (assignment, 2, centre_id);
      else
        sqlite3_bind_null (assignment, 2);
      bind_text (assignment, 3, a->position);
      bind_text (assignment, 4, enum_name (level_names, SHTAT_N_LEVELS, a->level));
      bind_text (assignment, 5, enum_name (category_names, SHTAT_N_CATEGORIES, a->category));
      sqlite3_bind_int (assignment, 6, a->rate);
      bind_date (assignment, 7, &a->from);
      bind_date (assignment, 8, &a->to);
      if (!run_file_stmt (self, assignment, employee, error))
        return FALSE;
      pending_add (pending, &a->id, sqlite3_last_insert_rowid (self->db));
      pending_add (pending, &a->centre_id, centre_id);
    }

  return TRUE;
}

static void
bind_employee (sqlite3_stmt        *stmt,
               const ShtatEmployee *employee)
{
  gsize iin_len = strnlen (employee->iin, sizeof employee->iin);

  if (iin_len > 0)
    sqlite3_bind_text (stmt, 1, employee->iin, (int) iin_len, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, employee->surname);
  bind_text (stmt, 3, employee->name);
  bind_text (stmt, 4, employee->patronymic);
  bind_date (stmt, 5, &employee->birth_date);
  sqlite3_bind_int (stmt, 6, (int) employee->sex);
}

/* Writes the whole file of @employee: a new row when @target_id is 0, else over
 * the row @target_id, whose child records are replaced. Inside a transaction. */
static gboolean
write_employee (ShtatStore           *self,
                ShtatEmployee        *employee,
                gint64                target_id,
                GHashTable           *codes,
                GArray               *pending,
                GError              **error)
{
  gint64 id = target_id;

  if (target_id == 0)
    {
      g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_EMPLOYEE_INSERT, error);

      if (stmt == NULL)
        return FALSE;
      bind_employee (stmt, employee);
      if (!run_file_stmt (self, stmt, employee, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_EMPLOYEE_UPDATE, error);

      if (stmt == NULL)
        return FALSE;
      bind_employee (stmt, employee);
      sqlite3_bind_int64 (stmt, 7, target_id);
      if (!run_file_stmt (self, stmt, employee, error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                       _("There is no employee with the id %s"), id_text (target_id).text);
          return FALSE;
        }

      for (guint kind = 0; kind < N_CHILDREN; kind++)
        {
          g_autoptr(CachedStmt) del = get_stmt (self, child_delete[kind], error);

          if (del == NULL)
            return FALSE;
          sqlite3_bind_int64 (del, 1, target_id);
          if (!run_file_stmt (self, del, employee, error))
            return FALSE;
        }
    }

  pending_add (pending, &employee->id, id);
  return insert_children (self, employee, id, codes, pending, error);
}

/* ------------------------------------------------------------------------ */
/* Comparing files, for imports                                             */

static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  gboolean va = g_date_valid (a);
  gboolean vb = g_date_valid (b);

  if (!va || !vb)
    return va == vb;
  return g_date_compare (a, b) == 0;
}

static int
norm_enum (int value,
           int n)
{
  return value >= 0 && value < n ? value : -1;
}

/* Whether the stored file @a (centres by id) and the file @b about to be
 * imported (centres by code, resolved through @codes) say the same, ids aside. */
static gboolean
employee_equal (const ShtatEmployee *a,
                const ShtatEmployee *b,
                GHashTable          *codes)
{
  if (strncmp (a->iin, b->iin, sizeof a->iin) != 0
      || !text_equal (a->surname, b->surname)
      || !text_equal (a->name, b->name)
      || !text_equal (a->patronymic, b->patronymic)
      || !date_equal (&a->birth_date, &b->birth_date)
      || a->sex != b->sex
      || a->education->len != b->education->len
      || a->certificates->len != b->certificates->len
      || a->periods->len != b->periods->len
      || a->assignments->len != b->assignments->len)
    return FALSE;

  for (guint i = 0; i < a->education->len; i++)
    {
      const ShtatEducation *x = &g_array_index (a->education, ShtatEducation, i);
      const ShtatEducation *y = &g_array_index (b->education, ShtatEducation, i);

      if (x->level != y->level
          || norm_enum (x->field, SHTAT_N_FIELDS) != norm_enum (y->field, SHTAT_N_FIELDS)
          || !x->relevant != !y->relevant
          || !text_equal (x->specialty, y->specialty)
          || !text_equal (x->institution, y->institution)
          || !text_equal (x->diploma, y->diploma)
          || x->year != y->year)
        return FALSE;
    }

  for (guint i = 0; i < a->certificates->len; i++)
    {
      const ShtatCertificate *x = &g_array_index (a->certificates, ShtatCertificate, i);
      const ShtatCertificate *y = &g_array_index (b->certificates, ShtatCertificate, i);

      if (!text_equal (x->kind, y->kind)
          || !text_equal (x->number, y->number)
          || !date_equal (&x->issued, &y->issued)
          || !date_equal (&x->expires, &y->expires))
        return FALSE;
    }

  for (guint i = 0; i < a->periods->len; i++)
    {
      const ShtatWorkPeriod *x = &g_array_index (a->periods, ShtatWorkPeriod, i);
      const ShtatWorkPeriod *y = &g_array_index (b->periods, ShtatWorkPeriod, i);

      if (!text_equal (x->organisation, y->organisation)
          || x->sector != y->sector
          || !text_equal (x->position, y->position)
          || norm_enum (x->level, SHTAT_N_LEVELS) != norm_enum (y->level, SHTAT_N_LEVELS)
          || norm_enum (x->category, SHTAT_N_CATEGORIES) != norm_enum (y->category, SHTAT_N_CATEGORIES)
          || !x->managerial != !y->managerial
          || !date_equal (&x->from, &y->from)
          || !date_equal (&x->to, &y->to))
        return FALSE;
    }

  for (guint i = 0; i < a->assignments->len; i++)
    {
      const ShtatAssignment *x = &g_array_index (a->assignments, ShtatAssignment, i);
      const ShtatAssignment *y = &g_array_index (b->assignments, ShtatAssignment, i);
      gint64 y_centre = y->centre_id;

      if (y->centre_code != NULL && *y->centre_code != '\0')
        {
          const ShtatCentre *centre = g_hash_table_lookup (codes, y->centre_code);

          if (centre == NULL)
            return FALSE;
          y_centre = centre->id;
        }
      if (x->centre_id != y_centre
          || !text_equal (x->position, y->position)
          || norm_enum (x->level, SHTAT_N_LEVELS) != norm_enum (y->level, SHTAT_N_LEVELS)
          || norm_enum (x->category, SHTAT_N_CATEGORIES) != norm_enum (y->category, SHTAT_N_CATEGORIES)
          || x->rate != y->rate
          || !date_equal (&x->from, &y->from)
          || !date_equal (&x->to, &y->to))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static void
shtat_store_finalize (GObject *object)
{
  ShtatStore *self = SHTAT_STORE (object);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->db != NULL)
    {
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (shtat_store_parent_class)->finalize (object);
}

static void
shtat_store_class_init (ShtatStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shtat_store_finalize;
  init_names ();
}

static void
shtat_store_init (ShtatStore *self)
{
}

/* $XDG_DATA_HOME/shtat/shtat.db */
char *
shtat_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "shtat", "shtat.db", NULL);
}

/* The first column of the first row of @sql, an integer. */
static gboolean
query_int (ShtatStore  *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

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
    set_sqlite_error (self, rc, NULL, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
exec_sql (ShtatStore  *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/* PATH.bak-vN, made with SQLite's online backup so that the copy is whole even
 * with a write-ahead log beside the file. */
static gboolean
backup_database (ShtatStore  *self,
                 int          version,
                 GError     **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", self->path, version);
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
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
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
migrate (ShtatStore  *self,
         int          from_version,
         GError     **error)
{
  for (int v = from_version; v < SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      char *errmsg = NULL;
      gint64 current;

      if (!begin_write (self, error))
        return FALSE;
      /* another process may have migrated it while we waited for the lock */
      if (!query_int (self, "PRAGMA user_version", &current, error))
        return finish (self, FALSE, error);
      if (current > v)
        {
          if (!commit (self, error))
            return finish (self, FALSE, error);
          continue;
        }
      if (!migrations[v](self->db, &errmsg))
        {
          g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_SQL,
                       _("Cannot upgrade the database “%s” to version %d: %s"),
                       self->path, v + 1, errmsg != NULL ? errmsg : "");
          sqlite3_free (errmsg);
          return finish (self, FALSE, error);
        }
      if (!exec_sql (self, set_version, error) || !commit (self, error))
        return finish (self, FALSE, error);
    }
  return TRUE;
}

static gboolean
open_database (ShtatStore  *self,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autoptr(GError) local_error = NULL;
  gint64 version;
  gint64 application_id;
  gint64 n_objects;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s” for the database: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Created here rather than by SQLite so that it is never readable by others,
   * not even for a moment; SQLite gives its -wal and -shm files the same mode. */
  fd = g_open (self->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  if (g_chmod (self->path, 0600) != 0)
    g_debug ("Cannot restrict the permissions of %s: %s", self->path, g_strerror (errno));

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The first read finds out whether this is an SQLite file at all. */
  if (!query_int (self, "PRAGMA user_version", &version, &local_error)
      || !query_int (self, "PRAGMA application_id", &application_id, &local_error))
    {
      if (g_error_matches (local_error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT))
        g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
                     _("“%s” is not a Shtat database, or it is damaged"), self->path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (application_id != 0 && application_id != SHTAT_APPLICATION_ID)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
                   _("“%s” is the database of another program, not of Shtat"), self->path);
      return FALSE;
    }
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_VERSION,
                   _("The database “%s” was written by a newer version of Shtat (schema %d; "
                     "this version reads up to %d): update Shtat to open it"),
                   self->path, (int) version, SCHEMA_VERSION);
      return FALSE;
    }

  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error)
      || !exec_sql (self, "PRAGMA foreign_keys = ON", error)
      || !exec_sql (self, "PRAGMA synchronous = NORMAL", error)
      || !exec_sql (self, PRAGMA_MMAP, error)
      /* room for the indexes of a large import, which otherwise spills the
       * cache to the log and reads it back again and again */
      || !exec_sql (self, "PRAGMA cache_size = -32768", error))
    return FALSE;

  if (version < SCHEMA_VERSION)
    {
      if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      /* a new, empty file has nothing to keep */
      if (n_objects > 0 && !backup_database (self, (int) version, error))
        return FALSE;
      if (!migrate (self, (int) version, error))
        return FALSE;
    }
  self->schema_version = SCHEMA_VERSION;
  return TRUE;
}

/* Opens the database at @path, creating it (and its folder) when missing and
 * bringing an older schema up to date after a backup copy PATH.bak-vN. */
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

/* A second connection to the same database, for work in another thread: a
 * connection is never shared between threads (it is opened without SQLite's
 * own locking), and in WAL mode readers on one see a consistent state while
 * the other writes. */
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
  g_autoptr(CachedStmt) stmt = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), TRUE);

  /* a database that cannot be read is not reported as empty, lest it be
   * taken for a first start */
  stmt = get_stmt (self, STMT_IS_EMPTY, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  return sqlite3_column_int (stmt, 0) == 0;
}

/* ------------------------------------------------------------------------ */
/* Centres                                                                  */

/* Every centre, as stored; shtat_store_list_centres() sorts them. */
static GPtrArray *
read_centres (ShtatStore  *self,
              GError     **error)
{
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_CENTRE_LIST, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShtatCentre *centre = shtat_centre_new ();

      centre->id = sqlite3_column_int64 (stmt, 0);
      centre->code = column_dup (stmt, 1);
      centre->name_kk = column_dup (stmt, 2);
      centre->name_ru = column_dup (stmt, 3);
      centre->district = column_dup (stmt, 4);
      centre->akimat = column_dup (stmt, 5);
      g_ptr_array_add (centres, centre);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&centres);
}

GPtrArray *
shtat_store_list_centres (ShtatStore  *self,
                          GError     **error)
{
  GPtrArray *centres;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  centres = read_centres (self, error);
  if (centres != NULL)
    shtat_centres_sort_by_name (centres);
  return centres;
}

static void
bind_centre (sqlite3_stmt      *stmt,
             const ShtatCentre *centre)
{
  bind_text (stmt, 1, centre->code);
  bind_text (stmt, 2, centre->name_kk);
  bind_text (stmt, 3, centre->name_ru);
  bind_text (stmt, 4, centre->district);
  bind_text (stmt, 5, centre->akimat);
}

/* A new row when @target_id is 0, else over the row @target_id. */
static gboolean
write_centre (ShtatStore         *self,
              const ShtatCentre  *centre,
              gint64              target_id,
              gint64             *out_id,
              GError            **error)
{
  g_autofree char *record = g_strdup_printf (_("Centre %s"), centre->code != NULL ? centre->code : "");
  g_autoptr(CachedStmt) stmt = get_stmt (self, target_id == 0 ? STMT_CENTRE_INSERT
                                                               : STMT_CENTRE_UPDATE, error);

  if (stmt == NULL)
    return FALSE;
  bind_centre (stmt, centre);
  if (target_id != 0)
    sqlite3_bind_int64 (stmt, 6, target_id);
  if (!run_stmt (self, stmt, record, error))
    return FALSE;
  if (target_id == 0)
    *out_id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                   _("There is no centre with the id %s"), id_text (target_id).text);
      return FALSE;
    }
  else
    *out_id = target_id;
  return TRUE;
}

gboolean
shtat_store_save_centre (ShtatStore   *self,
                         ShtatCentre  *centre,
                         GError      **error)
{
  gint64 id = 0;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (centre != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  if (!finish (self, write_centre (self, centre, centre->id, &id, error), error))
    return FALSE;
  centre->id = id;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Employees                                                                */

/* Every personnel file, by surname, name (in the order of their UTF-8 bytes)
 * and id. Empty strings come back as NULL. */
GPtrArray *
shtat_store_load_employees (ShtatStore  *self,
                            GError     **error)
{
  GPtrArray *employees;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_read (self, error))
    return NULL;
  employees = load_all_unlocked (self, error);
  if (!finish (self, employees != NULL, error))
    {
      g_clear_pointer (&employees, g_ptr_array_unref);
      return NULL;
    }
  return employees;
}

/* The file with @id, or NULL and SHTAT_STORE_ERROR_NOT_FOUND. */
ShtatEmployee *
shtat_store_load_employee (ShtatStore  *self,
                           gint64       id,
                           GError     **error)
{
  ShtatEmployee *employee;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_read (self, error))
    return NULL;
  employee = load_one_unlocked (self, id, error);
  if (!finish (self, employee != NULL, error))
    {
      g_clear_pointer (&employee, shtat_employee_unref);
      return NULL;
    }
  return employee;
}

/* The files of everybody with an assignment at the centre @centre_code that is
 * open on @date (its start not after it, its end not before it), by surname,
 * name and id: the people who fill its staff units on that date. */
GPtrArray *
shtat_store_load_centre_employees (ShtatStore   *self,
                                   const char   *centre_code,
                                   const GDate  *date,
                                   GError      **error)
{
  g_autoptr(GPtrArray) employees = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  char day[11];
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (centre_code != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  if (!begin_read (self, error))
    return NULL;
  stmt = prepare (self,
                  "SELECT DISTINCT e.id FROM assignments a JOIN centres c ON c.id = a.centre_id "
                  "JOIN employees e ON e.id = a.employee_id "
                  "WHERE c.code = ?1 AND (a.date_from IS NULL OR a.date_from <= ?2) "
                  "AND (a.date_to IS NULL OR a.date_to >= ?2) ORDER BY e.surname, e.name, e.id",
                  error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, centre_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, NULL, error);
      goto out;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      ShtatEmployee *employee = load_one_unlocked (self, g_array_index (ids, gint64, i), error);

      if (employee == NULL)
        goto out;
      g_ptr_array_add (employees, employee);
    }
  ok = TRUE;

out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  if (!finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&employees);
}

/* The staff units filled at each centre on @date: the sum of the rates of the
 * assignments open on that day, by centre code (gint in hundredths, as
 * GINT_TO_POINTER). Centres nobody works at are absent. */
GHashTable *
shtat_store_sum_rates_by_centre (ShtatStore   *self,
                                 const GDate  *date,
                                 GError      **error)
{
  g_autoptr(GHashTable) rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  char day[11];
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  if (!begin_read (self, error))
    return NULL;
  stmt = prepare (self,
                  "SELECT c.code, sum(a.rate) FROM assignments a JOIN centres c ON c.id = a.centre_id "
                  "WHERE (a.date_from IS NULL OR a.date_from <= ?1) AND (a.date_to IS NULL OR a.date_to >= ?1) "
                  "GROUP BY c.code",
                  error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (rates, column_dup (stmt, 0),
                         GINT_TO_POINTER ((int) MIN (sqlite3_column_int64 (stmt, 1), G_MAXINT)));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, NULL, error);
      goto out;
    }
  ok = TRUE;

out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  if (!finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&rates);
}

/* The file with @iin, or NULL and SHTAT_STORE_ERROR_NOT_FOUND. */
ShtatEmployee *
shtat_store_find_by_iin (ShtatStore  *self,
                         const char  *iin,
                         GError     **error)
{
  ShtatEmployee *employee = NULL;
  gint64 id;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (iin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_read (self, error))
    return NULL;
  id = find_id_by_iin (self, iin, error);
  if (id == 0)
    g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                 _("There is no employee with the IIN %s"), iin);
  else if (id > 0)
    employee = load_one_unlocked (self, id, error);
  if (!finish (self, employee != NULL, error))
    {
      g_clear_pointer (&employee, shtat_employee_unref);
      return NULL;
    }
  return employee;
}

/* Inserts @employee (id 0) or replaces the stored file with its id, children
 * included, in one transaction. On success the ids of the file and of every
 * child record are set, and assignments named by centre code get the centre's
 * id; on failure nothing is written and nothing in @employee changes. */
gboolean
shtat_store_save_employee (ShtatStore     *self,
                           ShtatEmployee  *employee,
                           GError        **error)
{
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (employee != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pending = g_array_new (FALSE, FALSE, sizeof (PendingId));
  if (!begin_write (self, error))
    return FALSE;
  if (!finish (self, write_employee (self, employee, employee->id, NULL, pending, error), error))
    return FALSE;
  pending_apply (pending);
  return TRUE;
}

gboolean
shtat_store_delete_employee (ShtatStore  *self,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  stmt = get_stmt (self, STMT_EMPLOYEE_DELETE, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = run_stmt (self, stmt, NULL, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                   _("There is no employee with the id %s"), id_text (id).text);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, cached_stmt_release);
  return finish (self, ok, error);
}

/* ------------------------------------------------------------------------ */
/* Imports                                                                  */

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
  exec_sql (import->store, PRAGMA_MMAP, NULL);
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
  return text_equal (a->code, b->code)
         && text_equal (a->name_kk, b->name_kk)
         && text_equal (a->name_ru, b->name_ru)
         && text_equal (a->district, b->district)
         && text_equal (a->akimat, b->akimat);
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
  g_autoptr(GPtrArray) stored = read_centres (self, error);

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
      if (!write_centre (self, centre, existing != NULL ? existing->id : 0, &id, error))
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

  if (!exec_sql (self, PRAGMA_NO_MMAP, error) || !begin_write (self, error))
    {
      exec_sql (self, PRAGMA_MMAP, NULL);
      return NULL;
    }
  import = g_new0 (ShtatStoreImport, 1);
  import->store = g_object_ref (self);
  self->importing = TRUE;

  import->codes = import_centres (self, centres, error);
  if (import->codes == NULL || !count_employees (self, &import->n_stored, error))
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
 * rather than one query per file added; through the map again, as it reads
 * the whole file. */
static gboolean
import_load_stored (ShtatStoreImport  *import,
                    GError           **error)
{
  if (!exec_sql (import->store, PRAGMA_MMAP, error))
    return FALSE;
  import->stored = load_all_unlocked (import->store, error);
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
  id = find_id_by_iin (import->store, employee->iin, error);
  if (id < 0)
    return FALSE;
  if (id > 0 && (*out = load_one_unlocked (import->store, id, error)) == NULL)
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
      if (existing != NULL && employee_equal (existing, employee, import->codes))
        return TRUE;
    }

  /* the caller's record is left as it is: no ids are handed back */
  if (!write_employee (self, (ShtatEmployee *) employee, existing != NULL ? existing->id : 0,
                       import->codes, NULL, &local_error))
    {
      /* the IIN is the only UNIQUE column that a file's rows have */
      if (existing == NULL && self->last_error == SQLITE_CONSTRAINT_UNIQUE)
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
  ok = finish (self, TRUE, error);
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
  rollback (import->store);
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

/* ------------------------------------------------------------------------ */
/* Staffing schedules                                                       */

static sqlite3_stmt *
prepare (ShtatStore  *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, NULL, error);
      return NULL;
    }
  return stmt;
}

/* Writes a version inside the caller's transaction. A stored approved version
 * is never changed, except to be marked superseded by a later approval. */
static gboolean
save_schedule_unlocked (ShtatStore     *self,
                        ShtatSchedule  *schedule,
                        GError        **error)
{
  g_autoptr(GBytes) xml = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *centre = shtat_schedule_get_centre (schedule);
  guint version = shtat_schedule_get_version (schedule);
  ShtatScheduleStatus status = shtat_schedule_get_status (schedule);
  g_autofree char *record = g_strdup_printf (_("Schedule of %s, version %u"), centre ? centre : "?", version);
  gboolean ok = FALSE;
  int rc;

  if (centre == NULL || *centre == '\0' || version == 0)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT,
                   _("%s: a schedule needs its centre and version number"), record);
      return FALSE;
    }

  xml = shtat_schedule_to_xml (schedule);

  stmt = prepare (self, "SELECT status FROM schedules WHERE centre_code = ?1 AND version = ?2", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, centre, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ShtatScheduleStatus stored;

      if (shtat_schedule_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &stored)
          && (stored == SHTAT_SCHEDULE_APPROVED || stored == SHTAT_SCHEDULE_SUPERSEDED)
          && !(stored == SHTAT_SCHEDULE_APPROVED && status == SHTAT_SCHEDULE_SUPERSEDED))
        {
          g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CONSTRAINT,
                       _("%s is approved and cannot be changed: make a new draft from it"), record);
          goto out;
        }
    }
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, record, error);
      goto out;
    }
  sqlite3_finalize (stmt);

  stmt = prepare (self, "INSERT INTO schedules (centre_code, version, status, sha256, xml) VALUES (?1, ?2, ?3, ?4, ?5) "
                        "ON CONFLICT (centre_code, version) DO UPDATE SET status = excluded.status, "
                        "sha256 = excluded.sha256, xml = excluded.xml", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, centre, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) version);
  sqlite3_bind_text (stmt, 3, shtat_schedule_status_to_string (status), -1, SQLITE_STATIC);
  if (shtat_schedule_get_sha256 (schedule) != NULL)
    sqlite3_bind_text (stmt, 4, shtat_schedule_get_sha256 (schedule), -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 5, g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, record, error);
      goto out;
    }
  ok = TRUE;

out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  return ok;
}

/* Saves a version of a centre's schedule, in one transaction. */
gboolean
shtat_store_save_schedule (ShtatStore     *self,
                           ShtatSchedule  *schedule,
                           GError        **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  return finish (self, save_schedule_unlocked (self, schedule, error), error);
}

/* An approval is one unit of work: the approved version and the one it
 * supersedes are written together or not at all. */
gboolean
shtat_store_save_approval (ShtatStore     *self,
                           ShtatSchedule  *approved,
                           ShtatSchedule  *superseded,
                           GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (approved != NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = save_schedule_unlocked (self, approved, error)
       && (superseded == NULL || save_schedule_unlocked (self, superseded, error));
  return finish (self, ok, error);
}

static ShtatSchedule *
schedule_from_row (ShtatStore    *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GBytes) xml = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  g_autoptr(ShtatSchedule) schedule = shtat_schedule_from_xml (xml, error);

  if (schedule == NULL)
    return NULL;
  /* an approved version is checked against its hash whenever it is opened */
  if (!shtat_schedule_verify (schedule, error))
    return NULL;
  return g_steal_pointer (&schedule);
}

/* The versions of a centre's schedule, oldest first. With @problems, a version
 * that cannot be read (damaged, or approved and no longer matching its SHA-256)
 * is left out and its reason added there, naming the version; without, it fails
 * the whole list. */
static GPtrArray *
list_schedules (ShtatStore  *self,
                const char  *centre_code,
                GPtrArray   *problems,
                GError     **error)
{
  g_autoptr(GPtrArray) schedules = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_schedule_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, centre_code != NULL
                          ? "SELECT xml, centre_code, version FROM schedules WHERE centre_code = ?1 ORDER BY version"
                          : "SELECT xml, centre_code, version FROM schedules ORDER BY centre_code, version", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, centre_code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local = NULL;
      ShtatSchedule *schedule = schedule_from_row (self, stmt, &local);

      if (schedule != NULL)
        g_ptr_array_add (schedules, schedule);
      else if (problems != NULL && local->domain == SHTAT_SCHEDULE_ERROR)
        g_ptr_array_add (problems, g_strdup_printf (_("Schedule of %s, version %d: %s"),
                                                    (const char *) sqlite3_column_text (stmt, 1),
                                                    sqlite3_column_int (stmt, 2), local->message));
      else
        {
          g_propagate_error (error, g_steal_pointer (&local));
          sqlite3_finalize (stmt);
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, NULL, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&schedules);
}

GPtrArray *
shtat_store_list_schedules (ShtatStore  *self,
                            const char  *centre_code,
                            GError     **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);

  return list_schedules (self, centre_code, NULL, error);
}

GPtrArray *
shtat_store_list_readable_schedules (ShtatStore  *self,
                                     const char  *centre_code,
                                     GPtrArray   *problems,
                                     GError     **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return list_schedules (self, centre_code, problems, error);
}

ShtatSchedule *
shtat_store_load_schedule (ShtatStore  *self,
                           const char  *centre_code,
                           guint        version,
                           GError     **error)
{
  ShtatSchedule *schedule = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT xml FROM schedules WHERE centre_code = ?1 AND version = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, centre_code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    schedule = schedule_from_row (self, stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                 _("There is no version %u of the schedule of %s"), version, centre_code);
  else
    set_sqlite_error (self, rc, NULL, error);
  sqlite3_finalize (stmt);
  return schedule;
}


/* ======================================================================== */
/* Centre profiles, the working-day calendar and the pay grid (schema 3)    */
/* ======================================================================== */

/* Small tables, read and written whole: each function prepares its
 * statements once and uses them for every row of the call. */

typedef sqlite3_stmt OwnedStmt;

static void
owned_stmt_free (OwnedStmt *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OwnedStmt, owned_stmt_free)

/* Runs a statement that returns no rows, and makes it ready for the next. */
static gboolean
run_again (ShtatStore    *self,
           sqlite3_stmt  *stmt,
           const char    *record,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    set_sqlite_error (self, rc, record, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
centre_exists (ShtatStore  *self,
               const char  *centre_code,
               GError     **error)
{
  g_autoptr(CachedStmt) stmt = get_stmt (self, STMT_CENTRE_BY_CODE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, centre_code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                 _("There is no centre “%s”"), centre_code != NULL ? centre_code : "");
  else
    set_sqlite_error (self, rc, NULL, error);
  return FALSE;
}

static gboolean
column_month (sqlite3_stmt *stmt,
              int           col,
              ShtatMonth   *out)
{
  return shtat_month_parse ((const char *) sqlite3_column_text (stmt, col), out);
}

static gboolean
corrupt_row (ShtatStore   *self,
             const char   *table,
             GError      **error)
{
  g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
               _("“%s”: the table %s holds a row Shtat cannot read"), self->path, table);
  return FALSE;
}

static gboolean
step_error (ShtatStore  *self,
            int          rc,
            GError     **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  set_sqlite_error (self, rc, NULL, error);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Centre profiles                                                          */

static int
compare_appeal_counts (gconstpointer a,
                       gconstpointer b)
{
  const ShtatAppealCount *x = a;
  const ShtatAppealCount *y = b;
  int c = shtat_month_compare (&x->month, &y->month);

  if (c != 0)
    return c;
  return x->channel < y->channel ? -1 : x->channel > y->channel;
}

static gboolean
read_profile (ShtatStore          *self,
              ShtatCentreProfile  *profile,
              GError             **error)
{
  g_autoptr(OwnedStmt) period = NULL;
  g_autoptr(OwnedStmt) appeals = NULL;
  g_autoptr(OwnedStmt) drivers = NULL;
  int rc;

  if (!centre_exists (self, profile->centre_code, error))
    return FALSE;

  period = prepare (self, "SELECT period_from, period_to FROM centre_profiles WHERE centre_code = ?1", error);
  if (period == NULL)
    return FALSE;
  sqlite3_bind_text (period, 1, profile->centre_code, -1, SQLITE_STATIC);
  rc = sqlite3_step (period);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_type (period, 0) != SQLITE_NULL
          && (!column_month (period, 0, &profile->period_from) || !column_month (period, 1, &profile->period_to)))
        return corrupt_row (self, "centre_profiles", error);
    }
  else if (!step_error (self, rc, error))
    return FALSE;

  appeals = prepare (self, "SELECT month, channel, count FROM centre_appeals WHERE centre_code = ?1", error);
  if (appeals == NULL)
    return FALSE;
  sqlite3_bind_text (appeals, 1, profile->centre_code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (appeals)) == SQLITE_ROW)
    {
      ShtatAppealCount c;

      if (!column_month (appeals, 0, &c.month)
          || !shtat_appeal_channel_from_string ((const char *) sqlite3_column_text (appeals, 1), &c.channel))
        return corrupt_row (self, "centre_appeals", error);
      c.count = sqlite3_column_int64 (appeals, 2);
      g_array_append_val (profile->appeals, c);
    }
  if (!step_error (self, rc, error))
    return FALSE;
  /* the key sorts channels by their codes; the profile keeps the act's order */
  g_array_sort (profile->appeals, compare_appeal_counts);

  drivers = prepare (self, "SELECT name, value FROM centre_drivers WHERE centre_code = ?1", error);
  if (drivers == NULL)
    return FALSE;
  sqlite3_bind_text (drivers, 1, profile->centre_code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (drivers)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (drivers, 0);
      double value = sqlite3_column_double (drivers, 1);
      ShtatDriver driver;
      ShtatFlag flag;

      if (shtat_driver_from_string (name, &driver) && driver != SHTAT_DRIVER_APPEALS)
        {
          profile->values[driver] = value;
          profile->set[driver] = TRUE;
        }
      else if (shtat_flag_from_string (name, &flag))
        profile->flags[flag] = value != 0;
      else
        return corrupt_row (self, "centre_drivers", error);
    }
  return step_error (self, rc, error);
}

/* The profile of a centre: empty when nothing is stored for it. */
ShtatCentreProfile *
shtat_store_load_centre_profile (ShtatStore  *self,
                                 const char  *centre_code,
                                 GError     **error)
{
  g_autoptr(ShtatCentreProfile) profile = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (centre_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  profile = shtat_centre_profile_new (centre_code);
  if (!begin_read (self, error))
    return NULL;
  if (!finish (self, read_profile (self, profile, error), error))
    return NULL;
  return g_steal_pointer (&profile);
}

static gboolean
write_profile (ShtatStore                *self,
               const ShtatCentreProfile  *profile,
               GError                   **error)
{
  g_autofree char *record = g_strdup_printf (_("Profile of the centre %s"), profile->centre_code);
  const char *code = profile->centre_code;
  g_autoptr(OwnedStmt) stmt = NULL;

  if (!centre_exists (self, code, error))
    return FALSE;

  for (const char * const *sql = (const char * const[]) {
         "DELETE FROM centre_appeals WHERE centre_code = ?1",
         "DELETE FROM centre_drivers WHERE centre_code = ?1",
         "DELETE FROM centre_profiles WHERE centre_code = ?1",
         NULL };
       *sql != NULL; sql++)
    {
      g_autoptr(OwnedStmt) del = prepare (self, *sql, error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_text (del, 1, code, -1, SQLITE_STATIC);
      if (!run_again (self, del, record, error))
        return FALSE;
    }

  stmt = prepare (self, "INSERT INTO centre_profiles (centre_code, period_from, period_to) VALUES (?1, ?2, ?3)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (profile->period_from.year != 0)
    {
      sqlite3_bind_text (stmt, 2, shtat_month_to_iso (&profile->period_from), -1, g_free);
      sqlite3_bind_text (stmt, 3, shtat_month_to_iso (&profile->period_to), -1, g_free);
    }
  if (!run_again (self, stmt, record, error))
    return FALSE;
  g_clear_pointer (&stmt, owned_stmt_free);

  stmt = prepare (self, "INSERT INTO centre_appeals (centre_code, month, channel, count) VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < profile->appeals->len; i++)
    {
      const ShtatAppealCount *c = &g_array_index (profile->appeals, ShtatAppealCount, i);

      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, shtat_month_to_iso (&c->month), -1, g_free);
      sqlite3_bind_text (stmt, 3, shtat_appeal_channel_to_string (c->channel), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, c->count);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, owned_stmt_free);

  stmt = prepare (self, "INSERT INTO centre_drivers (centre_code, name, value) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      if (!profile->set[d] || d == SHTAT_DRIVER_APPEALS)
        continue;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, shtat_driver_to_string (d), -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, profile->values[d]);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    {
      if (!profile->flags[f])
        continue;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, shtat_flag_to_string (f), -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, 1);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces the whole stored profile of the centre with @profile, after
 * checking it (no count in a month that has not begun, none negative…). */
gboolean
shtat_store_save_centre_profile (ShtatStore                *self,
                                 const ShtatCentreProfile  *profile,
                                 GError                   **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_centre_profile_validate (profile, NULL, error))
    return FALSE;
  if (!begin_write (self, error))
    return FALSE;
  return finish (self, write_profile (self, profile, error), error);
}

/* ------------------------------------------------------------------------ */
/* The working-day calendar                                                 */

ShtatCalendar *
shtat_store_load_calendar (ShtatStore  *self,
                           GError     **error)
{
  g_autoptr(ShtatCalendar) calendar = NULL;
  g_autoptr(OwnedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  calendar = shtat_calendar_new ();
  stmt = prepare (self, "SELECT day, working, note FROM calendar_days ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;

      column_date (stmt, 0, &day);
      if (!g_date_valid (&day)
          || !shtat_calendar_set_day (calendar, &day, sqlite3_column_int (stmt, 1) != 0,
                                      (const char *) sqlite3_column_text (stmt, 2), NULL))
        {
          corrupt_row (self, "calendar_days", error);
          return NULL;
        }
    }
  if (!step_error (self, rc, error))
    return NULL;
  return g_steal_pointer (&calendar);
}

static gboolean
write_calendar (ShtatStore     *self,
                ShtatCalendar  *calendar,
                GError        **error)
{
  GPtrArray *days = shtat_calendar_get_days (calendar);
  g_autoptr(OwnedStmt) stmt = NULL;

  if (!exec_sql (self, "DELETE FROM calendar_days", error))
    return FALSE;
  stmt = prepare (self, "INSERT INTO calendar_days (day, working, note) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      const ShtatCalendarDay *day = g_ptr_array_index (days, i);
      g_autofree char *when = shtat_format_gdate (&day->date);
      g_autofree char *record = g_strdup_printf (_("Calendar, %s"), when);

      bind_date (stmt, 1, &day->date);
      sqlite3_bind_int (stmt, 2, day->working ? 1 : 0);
      bind_text (stmt, 3, day->note);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces every stored exception with those of @calendar. */
gboolean
shtat_store_save_calendar (ShtatStore     *self,
                           ShtatCalendar  *calendar,
                           GError        **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  return finish (self, write_calendar (self, calendar, error), error);
}

/* ------------------------------------------------------------------------ */
/* The pay grid                                                             */

static gboolean
read_pay_grid (ShtatStore    *self,
               ShtatPayGrid  *grid,
               GError       **error)
{
  g_autoptr(OwnedStmt) bases = NULL;
  g_autoptr(OwnedStmt) cells = NULL;
  g_autoptr(OwnedStmt) positions = NULL;
  int rc;

  bases = prepare (self, "SELECT date_from, tiyn FROM pay_bases", error);
  if (bases == NULL)
    return FALSE;
  while ((rc = sqlite3_step (bases)) == SQLITE_ROW)
    {
      GDate from;

      column_date (bases, 0, &from);
      if (!shtat_pay_grid_add_base (grid, &from, sqlite3_column_int64 (bases, 1), NULL))
        return corrupt_row (self, "pay_bases", error);
    }
  if (!step_error (self, rc, error))
    return FALSE;

  cells = prepare (self, "SELECT block, category, years, date_from, coefficient FROM pay_coefficients", error);
  if (cells == NULL)
    return FALSE;
  while ((rc = sqlite3_step (cells)) == SQLITE_ROW)
    {
      GDate from;
      gint64 years = sqlite3_column_int64 (cells, 2);
      gint64 coefficient = sqlite3_column_int64 (cells, 4);

      column_date (cells, 3, &from);
      if (years < 0 || years > SHTAT_PAY_YEARS_MAX || coefficient <= 0 || coefficient > SHTAT_COEFFICIENT_MAX
          || !shtat_pay_grid_add_coefficient (grid, (const char *) sqlite3_column_text (cells, 0),
                                              (const char *) sqlite3_column_text (cells, 1), (guint) years,
                                              &from, (int) coefficient, NULL))
        return corrupt_row (self, "pay_coefficients", error);
    }
  if (!step_error (self, rc, error))
    return FALSE;

  positions = prepare (self, "SELECT position, block, category, years FROM pay_positions", error);
  if (positions == NULL)
    return FALSE;
  while ((rc = sqlite3_step (positions)) == SQLITE_ROW)
    {
      gint64 years = sqlite3_column_int64 (positions, 3);

      if (years < 0 || years > SHTAT_PAY_YEARS_MAX
          || !shtat_pay_grid_set_position (grid, (const char *) sqlite3_column_text (positions, 0),
                                           (const char *) sqlite3_column_text (positions, 1),
                                           (const char *) sqlite3_column_text (positions, 2), (guint) years, NULL))
        return corrupt_row (self, "pay_positions", error);
    }
  return step_error (self, rc, error);
}

ShtatPayGrid *
shtat_store_load_pay_grid (ShtatStore  *self,
                           GError     **error)
{
  g_autoptr(ShtatPayGrid) grid = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  grid = shtat_pay_grid_new ();
  if (!begin_read (self, error))
    return NULL;
  if (!finish (self, read_pay_grid (self, grid, error), error))
    return NULL;
  return g_steal_pointer (&grid);
}

static gboolean
write_pay_grid (ShtatStore    *self,
                ShtatPayGrid  *grid,
                GError       **error)
{
  GPtrArray *bases = shtat_pay_grid_get_bases (grid);
  GPtrArray *cells = shtat_pay_grid_get_coefficients (grid);
  GPtrArray *positions = shtat_pay_grid_get_positions (grid);
  g_autoptr(OwnedStmt) stmt = NULL;

  if (!exec_sql (self, "DELETE FROM pay_bases; DELETE FROM pay_coefficients; DELETE FROM pay_positions", error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO pay_bases (date_from, tiyn) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < bases->len; i++)
    {
      const ShtatPayBase *base = g_ptr_array_index (bases, i);
      g_autofree char *when = shtat_format_gdate (&base->from);
      g_autofree char *record = g_strdup_printf (_("Base official salary from %s"), when);

      bind_date (stmt, 1, &base->from);
      sqlite3_bind_int64 (stmt, 2, base->tiyn);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, owned_stmt_free);

  stmt = prepare (self, "INSERT INTO pay_coefficients (block, category, years, date_from, coefficient)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < cells->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (cells, i);
      g_autofree char *when = shtat_format_gdate (&c->from);
      /* TRANSLATORS: a record of the pay grid: block, category (may be empty), years, date */
      g_autofree char *record = g_strdup_printf (_("Coefficient %s %s, %u years, from %s"), c->block,
                                                 c->category != NULL ? c->category : "", c->years, when);

      sqlite3_bind_text (stmt, 1, c->block, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, c->category != NULL ? c->category : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, c->years);
      bind_date (stmt, 4, &c->from);
      sqlite3_bind_int64 (stmt, 5, c->coefficient);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, owned_stmt_free);

  stmt = prepare (self, "INSERT INTO pay_positions (position, block, category, years) VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPayPosition *p = g_ptr_array_index (positions, i);
      g_autofree char *record = g_strdup_printf (_("Placement of the position %s"), p->position);

      sqlite3_bind_text (stmt, 1, p->position, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, p->block, -1, SQLITE_STATIC);
      bind_text (stmt, 3, p->category);
      sqlite3_bind_int64 (stmt, 4, p->years);
      if (!run_again (self, stmt, record, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces the stored grid with @grid. */
gboolean
shtat_store_save_pay_grid (ShtatStore    *self,
                           ShtatPayGrid  *grid,
                           GError       **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  return finish (self, write_pay_grid (self, grid, error), error);
}
