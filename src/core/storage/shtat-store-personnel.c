/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-store-private.h"

/* Personnel files: employees with their education, certificates, work
 * periods and assignments, read and written whole. */

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
  STMT_COUNT_EMPLOYEES,
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
  [STMT_COUNT_EMPLOYEES] = "SELECT count(*) FROM employees",
  /* In the order of the table (rowid): a plain scan, no index to follow. */
  [STMT_EMPLOYEE_ALL] = "SELECT " EMPLOYEE_COLUMNS " ORDER BY id",
  [STMT_EMPLOYEE_ONE] = "SELECT " EMPLOYEE_COLUMNS " WHERE id = $1",
  /* straight from the index employees_by_name, which holds the ids */
  [STMT_EMPLOYEE_ORDER] = "SELECT id FROM employees ORDER BY surname, name, id",
  [STMT_EMPLOYEE_BY_IIN] = "SELECT id FROM employees WHERE iin = $1",
  [STMT_EMPLOYEE_INSERT] = "INSERT INTO employees (iin, surname, name, patronymic, birth_date, sex)"
                           " VALUES ($1, $2, $3, $4, $5, $6)",
  [STMT_EMPLOYEE_UPDATE] = "UPDATE employees SET iin = $1, surname = $2, name = $3,"
                           " patronymic = $4, birth_date = $5, sex = $6 WHERE id = $7",
  [STMT_EMPLOYEE_DELETE] = "DELETE FROM employees WHERE id = $1",
  [STMT_EDUCATION_ALL] = "SELECT " EDUCATION_COLUMNS " ORDER BY id",
  [STMT_EDUCATION_OF] = "SELECT " EDUCATION_COLUMNS " WHERE employee_id = $1 ORDER BY id",
  [STMT_EDUCATION_INSERT] = "INSERT INTO education (employee_id, level, field, relevant,"
                            " specialty, institution, diploma, year)"
                            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
  [STMT_EDUCATION_DELETE] = "DELETE FROM education WHERE employee_id = $1",
  [STMT_CERTIFICATE_ALL] = "SELECT " CERTIFICATE_COLUMNS " ORDER BY id",
  [STMT_CERTIFICATE_OF] = "SELECT " CERTIFICATE_COLUMNS " WHERE employee_id = $1 ORDER BY id",
  [STMT_CERTIFICATE_INSERT] = "INSERT INTO certificates (employee_id, kind, number, issued, expires)"
                              " VALUES ($1, $2, $3, $4, $5)",
  [STMT_CERTIFICATE_DELETE] = "DELETE FROM certificates WHERE employee_id = $1",
  [STMT_PERIOD_ALL] = "SELECT " PERIOD_COLUMNS " ORDER BY id",
  [STMT_PERIOD_OF] = "SELECT " PERIOD_COLUMNS " WHERE employee_id = $1 ORDER BY id",
  [STMT_PERIOD_INSERT] = "INSERT INTO work_periods (employee_id, organisation, sector, position,"
                         " level, category, managerial, date_from, date_to)"
                         " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
  [STMT_PERIOD_DELETE] = "DELETE FROM work_periods WHERE employee_id = $1",
  [STMT_ASSIGNMENT_ALL] = "SELECT " ASSIGNMENT_COLUMNS " ORDER BY a.id",
  [STMT_ASSIGNMENT_OF] = "SELECT " ASSIGNMENT_COLUMNS " WHERE a.employee_id = $1 ORDER BY a.id",
  [STMT_ASSIGNMENT_INSERT] = "INSERT INTO assignments (employee_id, centre_id, position, level,"
                             " category, rate, date_from, date_to)"
                             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
  [STMT_ASSIGNMENT_DELETE] = "DELETE FROM assignments WHERE employee_id = $1",
};

/* The statement @id, lent by the store's cache. */
static inline ShtatStoreStmt *
get_stmt (ShtatStore  *self,
          StmtId       id,
          GError     **error)
{
  return shtat_store_stmt (self, stmt_sql[id], error);
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

/* The names of the enumerations, as stored, looked up without a call each. */
static const char *level_names[SHTAT_N_LEVELS];
static const char *category_names[SHTAT_N_CATEGORIES];
static const char *field_names[SHTAT_N_FIELDS];
static const char *education_names[SHTAT_N_EDUCATION_LEVELS];
static const char *sector_names[SHTAT_N_SECTORS];

void
shtat_store_personnel_init (void)
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
column_enum (ShtatStoreStmt *stmt,
             int                 col,
             const char * const *names,
             int                 n_names)
{
  const char *text = shtat_stmt_column_text (stmt, col);

  if (text == NULL)
    return -1;
  for (int i = 0; i < n_names; i++)
    if (names[i][0] == text[0] && strcmp (names[i], text) == 0)
      return i;
  return -1;
}

static int
column_level (ShtatStoreStmt *stmt,
              int           col)
{
  return column_enum (stmt, col, level_names, SHTAT_N_LEVELS);
}

static int
column_category (ShtatStoreStmt *stmt,
                 int           col)
{
  return column_enum (stmt, col, category_names, SHTAT_N_CATEGORIES);
}

static int
column_field (ShtatStoreStmt *stmt,
              int           col)
{
  return column_enum (stmt, col, field_names, SHTAT_N_FIELDS);
}

static gboolean
column_education_level (ShtatStore           *self,
                        ShtatStoreStmt *stmt,
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
  text = shtat_stmt_column_text (stmt, col);
  g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_CORRUPT,
               _("%s: education record %s has an unknown level “%s”"),
               self->path, shtat_store_id_text (record_id).text, text != NULL ? text : "");
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Reading rows                                                             */

/* Every child query has the employee id in column 0 and the record from column 1. */

static gboolean
read_education (ShtatStore      *self,
                ShtatStoreStmt *stmt,
                ShtatEducation  *e,
                GError         **error)
{
  e->id = shtat_stmt_column_int64 (stmt, 1);
  if (!column_education_level (self, stmt, 2, e->id, &e->level, error))
    return FALSE;
  e->field = column_field (stmt, 3);
  e->relevant = shtat_stmt_column_int (stmt, 4) != 0;
  e->specialty = shtat_store_column_shared (self, stmt, 5);
  e->institution = shtat_store_column_shared (self, stmt, 6);
  e->diploma = shtat_stmt_column_dup (stmt, 7);
  e->year = (guint) MAX (shtat_stmt_column_int (stmt, 8), 0);
  return TRUE;
}

static void
read_certificate (ShtatStore       *self,
                  ShtatStoreStmt   *stmt,
                  ShtatCertificate *c)
{
  c->id = shtat_stmt_column_int64 (stmt, 1);
  c->kind = shtat_store_column_shared (self, stmt, 2);
  c->number = shtat_stmt_column_dup (stmt, 3);
  shtat_stmt_column_date (stmt, 4, &c->issued);
  shtat_stmt_column_date (stmt, 5, &c->expires);
}

static void
read_period (ShtatStore      *self,
             ShtatStoreStmt  *stmt,
             ShtatWorkPeriod *p)
{
  p->id = shtat_stmt_column_int64 (stmt, 1);
  p->organisation = shtat_store_column_shared (self, stmt, 2);
  p->sector = (ShtatSector) MAX (column_enum (stmt, 3, sector_names, SHTAT_N_SECTORS), 0);
  p->position = shtat_store_column_shared (self, stmt, 4);
  p->level = column_level (stmt, 5);
  p->category = column_category (stmt, 6);
  p->managerial = shtat_stmt_column_int (stmt, 7) != 0;
  shtat_stmt_column_date (stmt, 8, &p->from);
  shtat_stmt_column_date (stmt, 9, &p->to);
}

static void
read_assignment (ShtatStore      *self,
                 ShtatStoreStmt  *stmt,
                 ShtatAssignment *a)
{
  a->id = shtat_stmt_column_int64 (stmt, 1);
  a->centre_id = shtat_stmt_column_int64 (stmt, 2);
  a->centre_code = shtat_store_column_shared (self, stmt, 3);
  a->position = shtat_store_column_shared (self, stmt, 4);
  a->level = column_level (stmt, 5);
  a->category = column_category (stmt, 6);
  a->rate = shtat_stmt_column_int (stmt, 7);
  shtat_stmt_column_date (stmt, 8, &a->from);
  shtat_stmt_column_date (stmt, 9, &a->to);
}

static ShtatEmployee *
read_employee (ShtatStoreStmt *stmt)
{
  ShtatEmployee *employee = shtat_employee_new ();
  gsize n = 0;
  const char *iin = shtat_stmt_column_text_len (stmt, 1, &n);

  employee->id = shtat_stmt_column_int64 (stmt, 0);
  if (iin != NULL)
    memcpy (employee->iin, iin, MIN (n, (gsize) SHTAT_IIN_LENGTH));
  employee->surname = shtat_stmt_column_dup (stmt, 2);
  employee->name = shtat_stmt_column_dup (stmt, 3);
  employee->patronymic = shtat_stmt_column_dup (stmt, 4);
  shtat_stmt_column_date (stmt, 5, &employee->birth_date);
  employee->sex = (ShtatSex) shtat_stmt_column_int (stmt, 6);
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
            ShtatStoreStmt *stmt,
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
      read_certificate (self, stmt, array_grow (array));
      return TRUE;
    case CHILD_PERIOD:
      read_period (self, stmt, array_grow (array));
      return TRUE;
    case CHILD_ASSIGNMENT:
      read_assignment (self, stmt, array_grow (array));
      return TRUE;
    case N_CHILDREN:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
shtat_store_count_employees (ShtatStore  *self,
                 gint64      *out,
                 GError     **error)
{
  g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, STMT_COUNT_EMPLOYEES, error);
  ShtatStoreStep rc;

  if (stmt == NULL)
    return FALSE;
  rc = shtat_store_step (self, stmt, NULL, error);
  if (rc != SHTAT_STORE_STEP_ROW)
    {
      return FALSE;
    }
  *out = shtat_stmt_column_int64 (stmt, 0);
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

/* The ids of every employee in the order of surname, name (SQLite's BINARY
 * collation: the order of the UTF-8 bytes) and id, as the index on the names
 * gives them: cheaper than comparing 100 000 names again. */
static GArray *
read_name_order (ShtatStore  *self,
                 GError     **error)
{
  g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, STMT_EMPLOYEE_ORDER, error);
  g_autoptr(GArray) order = NULL;
  ShtatStoreStep rc;

  if (stmt == NULL)
    return NULL;
  order = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      gint64 id = shtat_stmt_column_int64 (stmt, 0);

      g_array_append_val (order, id);
    }
  if (rc != SHTAT_STORE_STEP_DONE)
    return NULL;
  return g_steal_pointer (&order);
}

/* Puts @employees (sorted by id) in the order of @order. */
static void
sort_by_name (GPtrArray    *employees,
              const gint64 *ids,
              GArray       *order)
{
  g_autofree gpointer *sorted = NULL;
  guint hint = 0;

  /* in one read transaction, the same rows as before */
  g_return_if_fail (order->len == employees->len);
  sorted = g_new (gpointer, employees->len + 1);
  for (guint i = 0; i < order->len; i++)
    {
      ShtatEmployee *e = find_employee (employees, ids, g_array_index (order, gint64, i), &hint);

      g_return_if_fail (e != NULL);
      sorted[i] = e;
    }
  memcpy (employees->pdata, sorted, order->len * sizeof (gpointer));
}

/* The records of one kind from @stmt, the first of them already stepped to
 * (@rc), each handed to its employee found by id in @employees (sorted by
 * id, their ids side by side in @ids). */
static gboolean
load_children_from (ShtatStore      *self,
                    ChildKind        kind,
                    ShtatStoreStmt  *stmt,
                    ShtatStoreStep   rc,
                    GPtrArray       *employees,
                    const gint64    *ids,
                    GError         **error)
{
  g_autoptr(GArray) scratch = g_array_new (FALSE, TRUE, (guint) child_size[kind]);
  ShtatEmployee *current = NULL;
  guint hint = 0;

  for (; rc == SHTAT_STORE_STEP_ROW; rc = shtat_store_step (self, stmt, NULL, error))
    {
      gint64 employee_id = shtat_stmt_column_int64 (stmt, 0);

      /* the records of one employee mostly follow each other */
      if (current == NULL || current->id != employee_id)
        {
          flush_children (current, kind, scratch);
          /* none: foreign keys forbid it, but a file written without them may have it */
          current = find_employee (employees, ids, employee_id, &hint);
          if (current == NULL)
            continue;
        }
      if (!read_child (self, kind, stmt, scratch, error))
        {
          flush_children (current, kind, scratch);
          return FALSE;
        }
    }
  flush_children (current, kind, scratch);
  return rc == SHTAT_STORE_STEP_DONE;
}

static gboolean
load_children (ShtatStore    *self,
               ChildKind      kind,
               GPtrArray     *employees,
               const gint64  *ids,
               GError       **error)
{
  g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, child_all[kind], error);

  if (stmt == NULL)
    return FALSE;
  return load_children_from (self, kind, stmt, shtat_store_step (self, stmt, NULL, error), employees,
                             ids, error);
}

/* The work periods, half of what there is to read, are read by a second
 * connection in a thread of their own while this one reads the rest; each
 * thread fills only its own arrays of the records. The thread begins with
 * the order of the names, and reads periods ahead while this one reads the
 * employees the records are handed to. */
typedef struct
{
  ShtatStore    *helper;
  GMutex         lock;
  GCond          cond;
  gint           ready;       /* employees and ids are read (or @abandoned) */
  gboolean       abandoned;
  GPtrArray     *employees;
  const gint64  *ids;
  GArray        *order;
  GError        *error;
} HelperJob;

/* Hands the periods read before the employees were there (@periods, their
 * employees' ids side by side in @owners) to their employees. A period holds
 * only shared texts (read_period()), so that the copies handed over own
 * nothing the buffer would have to free. */
static void
attach_early_periods (HelperJob *job,
                      GArray    *owners,
                      GArray    *periods)
{
  guint hint = 0;

  for (guint i = 0, j; i < owners->len; i = j)
    {
      gint64 id = g_array_index (owners, gint64, i);
      ShtatEmployee *e;

      for (j = i + 1; j < owners->len && g_array_index (owners, gint64, j) == id; j++)
        ;
      /* none: foreign keys forbid it, but a file written without them may have it */
      e = find_employee (job->employees, job->ids, id, &hint);
      if (e != NULL)
        g_array_append_vals (e->periods, &g_array_index (periods, ShtatWorkPeriod, i), j - i);
    }
}

/* About 4 MiB of periods read ahead. */
#define EARLY_PERIODS_MAX 65536

static gpointer
helper_thread (gpointer data)
{
  HelperJob *job = data;
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) periods = g_array_new (FALSE, TRUE, sizeof (ShtatWorkPeriod));
  ShtatStoreStep rc;
  gboolean abandoned;

  job->order = read_name_order (job->helper, &job->error);
  if (job->order == NULL)
    return GINT_TO_POINTER (FALSE);

  /* the periods, into a buffer of their own until the employees are there
   * (or the buffer is as large as it may grow) */
  stmt = get_stmt (job->helper, child_all[CHILD_PERIOD], &job->error);
  if (stmt == NULL)
    return GINT_TO_POINTER (FALSE);
  for (rc = shtat_store_step (job->helper, stmt, NULL, &job->error);
       rc == SHTAT_STORE_STEP_ROW && !g_atomic_int_get (&job->ready) && owners->len < EARLY_PERIODS_MAX;
       rc = shtat_store_step (job->helper, stmt, NULL, &job->error))
    {
      gint64 owner = shtat_stmt_column_int64 (stmt, 0);

      g_array_append_val (owners, owner);
      read_child (job->helper, CHILD_PERIOD, stmt, periods, NULL);
    }
  if (rc == SHTAT_STORE_STEP_ERROR)
    return GINT_TO_POINTER (FALSE);

  g_mutex_lock (&job->lock);
  while (!g_atomic_int_get (&job->ready))
    g_cond_wait (&job->cond, &job->lock);
  abandoned = job->abandoned;
  g_mutex_unlock (&job->lock);
  if (abandoned)
    return GINT_TO_POINTER (FALSE);

  attach_early_periods (job, owners, periods);
  return GINT_TO_POINTER (load_children_from (job->helper, CHILD_PERIOD, stmt, rc, job->employees, job->ids,
                                              &job->error));
}

/* Lets the helper go on with the records, or tells it to give up. */
static void
helper_release (HelperJob *job,
                gboolean   abandoned)
{
  g_mutex_lock (&job->lock);
  job->abandoned = abandoned;
  g_atomic_int_set (&job->ready, TRUE);
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

static GPtrArray *
read_employees (ShtatStore  *self,
                GArray      *ids,
                GError     **error)
{
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  ShtatStoreStep rc;
  gint64 n_employees;

  if (!shtat_store_count_employees (self, &n_employees, error))
    return NULL;
  employees = g_ptr_array_new_full ((guint) n_employees, (GDestroyNotify) shtat_employee_unref);
  g_array_set_size (ids, 0);
  stmt = get_stmt (self, STMT_EMPLOYEE_ALL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      ShtatEmployee *e = read_employee (stmt);

      g_ptr_array_add (employees, e);
      g_array_append_val (ids, e->id);
    }
  if (rc != SHTAT_STORE_STEP_DONE)
    return NULL;
  return g_steal_pointer (&employees);
}

/* Every file, with one query per table: each is read straight through in the
 * order of its rows, and the child records are handed to their employee found
 * by id. Runs inside a transaction; @helper, when given, is another connection
 * in a read transaction that sees the same state (see
 * shtat_store_load_employees()), which shares the work. */
static GPtrArray *
load_all (ShtatStore  *self,
          ShtatStore  *helper,
          GError     **error)
{
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) order = NULL;
  HelperJob job = { .helper = helper };
  GThread *thread = NULL;
  gboolean ok;

  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  if (helper != NULL)
    thread = g_thread_try_new ("shtat-load", helper_thread, &job, NULL);

  employees = read_employees (self, ids, error);
  ok = employees != NULL;
  job.employees = employees;
  job.ids = (const gint64 *) (gpointer) ids->data;
  if (thread != NULL)
    helper_release (&job, !ok);

  for (guint kind = 0; kind < N_CHILDREN && ok; kind++)
    if (thread == NULL || kind != CHILD_PERIOD)
      ok = load_children (self, (ChildKind) kind, employees, job.ids, error);
  if (thread != NULL)
    {
      if (!GPOINTER_TO_INT (g_thread_join (thread)) && ok)
        {
          g_propagate_error (error, g_steal_pointer (&job.error));
          ok = FALSE;
        }
      order = g_steal_pointer (&job.order);
    }
  g_clear_error (&job.error);
  g_clear_pointer (&job.order, g_array_unref);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
  if (!ok)
    return NULL;

  if (order == NULL && (order = read_name_order (self, error)) == NULL)
    return NULL;
  sort_by_name (employees, job.ids, order);
  return g_steal_pointer (&employees);
}

GPtrArray *
shtat_store_load_all_unlocked (ShtatStore  *self,
                               GError     **error)
{
  return load_all (self, NULL, error);
}

ShtatEmployee *
shtat_store_load_one_unlocked (ShtatStore  *self,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(ShtatEmployee) employee = NULL;

  {
    g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, STMT_EMPLOYEE_ONE, error);
    ShtatStoreStep rc;

    if (stmt == NULL)
      return NULL;
    shtat_stmt_bind_int64 (stmt, 1, id);
    rc = shtat_store_step (self, stmt, NULL, error);
    if (rc == SHTAT_STORE_STEP_DONE)
      {
        g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                     _("There is no employee with the id %s"), shtat_store_id_text (id).text);
        return NULL;
      }
    if (rc != SHTAT_STORE_STEP_ROW)
      {
        return NULL;
      }
    employee = read_employee (stmt);
  }

  for (guint kind = 0; kind < N_CHILDREN; kind++)
    {
      g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, child_of[kind], error);
      ShtatStoreStep rc;

      if (stmt == NULL)
        return NULL;
      shtat_stmt_bind_int64 (stmt, 1, id);
      while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
        if (!read_child (self, (ChildKind) kind, stmt, child_array (employee, (ChildKind) kind),
                         error))
          return NULL;
      if (rc != SHTAT_STORE_STEP_DONE)
        {
          return NULL;
        }
    }
  return g_steal_pointer (&employee);
}

/* The id of the employee with @iin: 0 when there is none, -1 on error. */
gint64
shtat_store_find_id_by_iin (ShtatStore  *self,
                const char  *iin,
                GError     **error)
{
  g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, STMT_EMPLOYEE_BY_IIN, error);
  ShtatStoreStep rc;

  if (stmt == NULL)
    return -1;
  shtat_stmt_bind_text (stmt, 1, iin);
  rc = shtat_store_step (self, stmt, NULL, error);
  if (rc == SHTAT_STORE_STEP_ROW)
    return shtat_stmt_column_int64 (stmt, 0);
  if (rc == SHTAT_STORE_STEP_DONE)
    return 0;
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
      g_autofree char *record = employee_record (employee);

      return shtat_store_find_centre (self, a->centre_code, out_id, record, error);
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
               ShtatStoreStmt *stmt,
               const ShtatEmployee *employee,
               GError             **error)
{
  ShtatStoreStep rc = stmt->engine->klass->step (stmt, error);

  stmt->engine->klass->reset (stmt);
  if (rc == SHTAT_STORE_STEP_ERROR)
    {
      g_autofree char *record = employee_record (employee);

      shtat_store_name_error (self, record, error);
      return FALSE;
    }
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
  g_autoptr(ShtatStoreStmt) education = NULL;
  g_autoptr(ShtatStoreStmt) certificate = NULL;
  g_autoptr(ShtatStoreStmt) period = NULL;
  g_autoptr(ShtatStoreStmt) assignment = NULL;

  for (guint i = 0; i < employee->education->len; i++)
    {
      ShtatEducation *e = &g_array_index (employee->education, ShtatEducation, i);

      if (education == NULL && (education = get_stmt (self, STMT_EDUCATION_INSERT, error)) == NULL)
        return FALSE;
      shtat_stmt_bind_int64 (education, 1, employee_id);
      shtat_stmt_bind_text (education, 2,
                 enum_name (education_names, SHTAT_N_EDUCATION_LEVELS, (int) e->level));
      shtat_stmt_bind_text (education, 3, enum_name (field_names, SHTAT_N_FIELDS, e->field));
      shtat_stmt_bind_int (education, 4, e->relevant ? 1 : 0);
      shtat_stmt_bind_text (education, 5, e->specialty);
      shtat_stmt_bind_text (education, 6, e->institution);
      shtat_stmt_bind_text (education, 7, e->diploma);
      if (e->year != 0)
        shtat_stmt_bind_int64 (education, 8, e->year);
      else
        shtat_stmt_bind_null (education, 8);
      if (!run_file_stmt (self, education, employee, error))
        return FALSE;
      pending_add (pending, &e->id, shtat_store_last_insert_id (self));
    }

  for (guint i = 0; i < employee->certificates->len; i++)
    {
      ShtatCertificate *c = &g_array_index (employee->certificates, ShtatCertificate, i);

      if (certificate == NULL
          && (certificate = get_stmt (self, STMT_CERTIFICATE_INSERT, error)) == NULL)
        return FALSE;
      shtat_stmt_bind_int64 (certificate, 1, employee_id);
      shtat_stmt_bind_text (certificate, 2, c->kind);
      shtat_stmt_bind_text (certificate, 3, c->number);
      shtat_stmt_bind_date (certificate, 4, &c->issued);
      shtat_stmt_bind_date (certificate, 5, &c->expires);
      if (!run_file_stmt (self, certificate, employee, error))
        return FALSE;
      pending_add (pending, &c->id, shtat_store_last_insert_id (self));
    }

  for (guint i = 0; i < employee->periods->len; i++)
    {
      ShtatWorkPeriod *p = &g_array_index (employee->periods, ShtatWorkPeriod, i);

      if (period == NULL && (period = get_stmt (self, STMT_PERIOD_INSERT, error)) == NULL)
        return FALSE;
      shtat_stmt_bind_int64 (period, 1, employee_id);
      shtat_stmt_bind_text (period, 2, p->organisation);
      shtat_stmt_bind_text (period, 3, enum_name (sector_names, SHTAT_N_SECTORS, (int) p->sector));
      shtat_stmt_bind_text (period, 4, p->position);
      shtat_stmt_bind_text (period, 5, enum_name (level_names, SHTAT_N_LEVELS, p->level));
      shtat_stmt_bind_text (period, 6, enum_name (category_names, SHTAT_N_CATEGORIES, p->category));
      shtat_stmt_bind_int (period, 7, p->managerial ? 1 : 0);
      shtat_stmt_bind_date (period, 8, &p->from);
      shtat_stmt_bind_date (period, 9, &p->to);
      if (!run_file_stmt (self, period, employee, error))
        return FALSE;
      pending_add (pending, &p->id, shtat_store_last_insert_id (self));
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
      shtat_stmt_bind_int64 (assignment, 1, employee_id);
      if (centre_id > 0)
        shtat_stmt_bind_int64 (assignment, 2, centre_id);
      else
        shtat_stmt_bind_null (assignment, 2);
      shtat_stmt_bind_text (assignment, 3, a->position);
      shtat_stmt_bind_text (assignment, 4, enum_name (level_names, SHTAT_N_LEVELS, a->level));
      shtat_stmt_bind_text (assignment, 5, enum_name (category_names, SHTAT_N_CATEGORIES, a->category));
      shtat_stmt_bind_int (assignment, 6, a->rate);
      shtat_stmt_bind_date (assignment, 7, &a->from);
      shtat_stmt_bind_date (assignment, 8, &a->to);
      if (!run_file_stmt (self, assignment, employee, error))
        return FALSE;
      pending_add (pending, &a->id, shtat_store_last_insert_id (self));
      pending_add (pending, &a->centre_id, centre_id);
    }

  return TRUE;
}

static void
bind_employee (ShtatStoreStmt *stmt,
               const ShtatEmployee *employee)
{
  gsize iin_len = strnlen (employee->iin, sizeof employee->iin);

  if (iin_len > 0)
    shtat_stmt_bind_text_len (stmt, 1, employee->iin, (int) iin_len);
  else
    shtat_stmt_bind_null (stmt, 1);
  shtat_stmt_bind_text (stmt, 2, employee->surname);
  shtat_stmt_bind_text (stmt, 3, employee->name);
  shtat_stmt_bind_text (stmt, 4, employee->patronymic);
  shtat_stmt_bind_date (stmt, 5, &employee->birth_date);
  shtat_stmt_bind_int (stmt, 6, (int) employee->sex);
}

/* Writes the whole file of @employee: a new row when @target_id is 0, else over
 * the row @target_id, whose child records are replaced. Inside a transaction. */
gboolean
shtat_store_write_employee (ShtatStore           *self,
                ShtatEmployee        *employee,
                gint64                target_id,
                GHashTable           *codes,
                GArray               *pending,
                GError              **error)
{
  gint64 id = target_id;

  if (target_id == 0)
    {
      g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, STMT_EMPLOYEE_INSERT, error);

      if (stmt == NULL)
        return FALSE;
      bind_employee (stmt, employee);
      if (!run_file_stmt (self, stmt, employee, error))
        return FALSE;
      id = shtat_store_last_insert_id (self);
    }
  else
    {
      g_autoptr(ShtatStoreStmt) stmt = get_stmt (self, STMT_EMPLOYEE_UPDATE, error);

      if (stmt == NULL)
        return FALSE;
      bind_employee (stmt, employee);
      shtat_stmt_bind_int64 (stmt, 7, target_id);
      if (!run_file_stmt (self, stmt, employee, error))
        return FALSE;
      if (shtat_store_changes (self) == 0)
        {
          g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                       _("There is no employee with the id %s"), shtat_store_id_text (target_id).text);
          return FALSE;
        }

      for (guint kind = 0; kind < N_CHILDREN; kind++)
        {
          g_autoptr(ShtatStoreStmt) del = get_stmt (self, child_delete[kind], error);

          if (del == NULL)
            return FALSE;
          shtat_stmt_bind_int64 (del, 1, target_id);
          if (!run_file_stmt (self, del, employee, error))
            return FALSE;
        }
    }

  pending_add (pending, &employee->id, id);
  return insert_children (self, employee, id, codes, pending, error);
}

/* ------------------------------------------------------------------------ */
/* Comparing files, for imports                                             */

gboolean
shtat_store_text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

static int
norm_enum (int value,
           int n)
{
  return value >= 0 && value < n ? value : -1;
}

/* Whether the stored file @a (centres by id) and the file @b about to be
 * imported (centres by code, resolved through @codes) say the same, ids aside. */
gboolean
shtat_store_employee_equal (const ShtatEmployee *a,
                const ShtatEmployee *b,
                GHashTable          *codes)
{
  if (strncmp (a->iin, b->iin, sizeof a->iin) != 0
      || !shtat_store_text_equal (a->surname, b->surname)
      || !shtat_store_text_equal (a->name, b->name)
      || !shtat_store_text_equal (a->patronymic, b->patronymic)
      || !shtat_date_equal (&a->birth_date, &b->birth_date)
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
          || !shtat_store_text_equal (x->specialty, y->specialty)
          || !shtat_store_text_equal (x->institution, y->institution)
          || !shtat_store_text_equal (x->diploma, y->diploma)
          || x->year != y->year)
        return FALSE;
    }

  for (guint i = 0; i < a->certificates->len; i++)
    {
      const ShtatCertificate *x = &g_array_index (a->certificates, ShtatCertificate, i);
      const ShtatCertificate *y = &g_array_index (b->certificates, ShtatCertificate, i);

      if (!shtat_store_text_equal (x->kind, y->kind)
          || !shtat_store_text_equal (x->number, y->number)
          || !shtat_date_equal (&x->issued, &y->issued)
          || !shtat_date_equal (&x->expires, &y->expires))
        return FALSE;
    }

  for (guint i = 0; i < a->periods->len; i++)
    {
      const ShtatWorkPeriod *x = &g_array_index (a->periods, ShtatWorkPeriod, i);
      const ShtatWorkPeriod *y = &g_array_index (b->periods, ShtatWorkPeriod, i);

      if (!shtat_store_text_equal (x->organisation, y->organisation)
          || x->sector != y->sector
          || !shtat_store_text_equal (x->position, y->position)
          || norm_enum (x->level, SHTAT_N_LEVELS) != norm_enum (y->level, SHTAT_N_LEVELS)
          || norm_enum (x->category, SHTAT_N_CATEGORIES) != norm_enum (y->category, SHTAT_N_CATEGORIES)
          || !x->managerial != !y->managerial
          || !shtat_date_equal (&x->from, &y->from)
          || !shtat_date_equal (&x->to, &y->to))
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
          || !shtat_store_text_equal (x->position, y->position)
          || norm_enum (x->level, SHTAT_N_LEVELS) != norm_enum (y->level, SHTAT_N_LEVELS)
          || norm_enum (x->category, SHTAT_N_CATEGORIES) != norm_enum (y->category, SHTAT_N_CATEGORIES)
          || x->rate != y->rate
          || !shtat_date_equal (&x->from, &y->from)
          || !shtat_date_equal (&x->to, &y->to))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The public functions                                                     */

/* Below this many files, a second connection and thread cost more than they save. */
#define PARALLEL_LOAD_MIN 5000

/* Every personnel file, by surname, name (in the order of their UTF-8 bytes)
 * and id. Empty strings come back as NULL. The byte order is the engine's:
 * SQLite's BINARY collation gives it; a PostgreSQL engine must declare the
 * names COLLATE "C" in its DDL to give the same. */
GPtrArray *
shtat_store_load_employees (ShtatStore  *self,
                            GError     **error)
{
  g_autoptr(ShtatStore) helper = NULL;
  GPtrArray *employees;
  gint64 n_employees;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* With a second connection that can see the same state as this one, a
   * large load is shared between two threads; else this one does it all. */
  if (shtat_store_count_employees (self, &n_employees, NULL) && n_employees >= PARALLEL_LOAD_MIN)
    helper = shtat_store_open_another (self, NULL);
  if (helper != NULL && !shtat_store_begin_read_pair (self, helper))
    g_clear_object (&helper);
  if (helper == NULL && !shtat_store_begin_read (self, error))
    return NULL;
  self->load_threads = helper != NULL ? 2 : 1;
  employees = load_all (self, helper, error);
  if (helper != NULL)
    shtat_store_finish (helper, TRUE, NULL);
  if (!shtat_store_finish (self, employees != NULL, error))
    {
      g_clear_pointer (&employees, g_ptr_array_unref);
      return NULL;
    }
  return employees;
}

guint
shtat_store_get_load_threads (ShtatStore *self)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), 0);

  return self->load_threads;
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

  if (!shtat_store_begin_read (self, error))
    return NULL;
  employee = shtat_store_load_one_unlocked (self, id, error);
  if (!shtat_store_finish (self, employee != NULL, error))
    {
      g_clear_pointer (&employee, shtat_employee_unref);
      return NULL;
    }
  return employee;
}

/* Whoever holds an assignment at the centre $1 open on the day $2, by name. */
static const char sql_centre_staff[] =
  "SELECT e.id FROM employees AS e WHERE EXISTS (SELECT 1 FROM assignments AS a"
  " JOIN centres AS c ON c.id = a.centre_id WHERE a.employee_id = e.id AND c.code = $1"
  " AND (a.date_from IS NULL OR a.date_from <= $2) AND (a.date_to IS NULL OR a.date_to >= $2))"
  " ORDER BY e.surname, e.name, e.id";

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
  ShtatStoreStmt *stmt = NULL;
  char day[11];
  gboolean ok = FALSE;
  ShtatStoreStep rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (centre_code != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  shtat_store_iso_date (date, day);
  if (!shtat_store_begin_read (self, error))
    return NULL;
  stmt = shtat_store_stmt (self, sql_centre_staff, error);
  if (stmt == NULL)
    goto out;
  shtat_stmt_bind_string (stmt, 1, centre_code);
  shtat_stmt_bind_string (stmt, 2, day);
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      gint64 id = shtat_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SHTAT_STORE_STEP_DONE)
    goto out;
  for (guint i = 0; i < ids->len; i++)
    {
      ShtatEmployee *employee = shtat_store_load_one_unlocked (self, g_array_index (ids, gint64, i), error);

      if (employee == NULL)
        goto out;
      g_ptr_array_add (employees, employee);
    }
  ok = TRUE;

out:
  g_clear_pointer (&stmt, shtat_store_stmt_release);
  if (!shtat_store_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&employees);
}

static const char sql_rates_by_centre[] =
  "SELECT c.code, sum(a.rate) FROM assignments AS a JOIN centres AS c ON c.id = a.centre_id"
  " WHERE (a.date_from IS NULL OR a.date_from <= $1) AND (a.date_to IS NULL OR a.date_to >= $1)"
  " GROUP BY c.code";

/* The staff units filled at each centre on @date: the sum of the rates of the
 * assignments open on that day, by centre code (gint in hundredths, as
 * GINT_TO_POINTER). Centres nobody works at are absent. */
GHashTable *
shtat_store_sum_rates_by_centre (ShtatStore   *self,
                                 const GDate  *date,
                                 GError      **error)
{
  g_autoptr(GHashTable) rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ShtatStoreStmt *stmt = NULL;
  char day[11];
  gboolean ok = FALSE;
  ShtatStoreStep rc;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  shtat_store_iso_date (date, day);
  if (!shtat_store_begin_read (self, error))
    return NULL;
  stmt = shtat_store_stmt (self, sql_rates_by_centre, error);
  if (stmt == NULL)
    goto out;
  shtat_stmt_bind_string (stmt, 1, day);
  while ((rc = shtat_store_step (self, stmt, NULL, error)) == SHTAT_STORE_STEP_ROW)
    g_hash_table_insert (rates, shtat_stmt_column_dup (stmt, 0),
                         GINT_TO_POINTER ((int) MIN (shtat_stmt_column_int64 (stmt, 1), G_MAXINT)));
  if (rc != SHTAT_STORE_STEP_DONE)
    goto out;
  ok = TRUE;

out:
  g_clear_pointer (&stmt, shtat_store_stmt_release);
  if (!shtat_store_finish (self, ok, error))
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

  if (!shtat_store_begin_read (self, error))
    return NULL;
  id = shtat_store_find_id_by_iin (self, iin, error);
  if (id == 0)
    g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                 _("There is no employee with the IIN %s"), iin);
  else if (id > 0)
    employee = shtat_store_load_one_unlocked (self, id, error);
  if (!shtat_store_finish (self, employee != NULL, error))
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
  if (!shtat_store_begin_write (self, error))
    return FALSE;
  if (!shtat_store_finish (self, shtat_store_write_employee (self, employee, employee->id, NULL, pending, error), error))
    return FALSE;
  pending_apply (pending);
  return TRUE;
}

gboolean
shtat_store_delete_employee (ShtatStore  *self,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(ShtatStoreStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_store_begin_write (self, error))
    return FALSE;
  stmt = get_stmt (self, STMT_EMPLOYEE_DELETE, error);
  ok = stmt != NULL;
  if (ok)
    {
      shtat_stmt_bind_int64 (stmt, 1, id);
      ok = shtat_store_run (self, stmt, NULL, error);
    }
  if (ok && shtat_store_changes (self) == 0)
    {
      g_set_error (error, SHTAT_STORE_ERROR, SHTAT_STORE_ERROR_NOT_FOUND,
                   _("There is no employee with the id %s"), shtat_store_id_text (id).text);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, shtat_store_stmt_release);
  return shtat_store_finish (self, ok, error);
}

