/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-import.h"
#include "shtat-personnel-exchange-private.h"

/* ------------------------------------------------------------------------ */
/* Checking employees before an import                                      */

typedef struct
{
  ShtatNormLibrary *library;
  GDate             today;
  GHashTable       *centre_codes;  /* char* → NULL: the database's and the file's */
  const char       *file;          /* for messages */
  char             *centre_field;  /* “attribute “centre”” or “column “центр”” */
} Checker;

static ShtatEmployee *
bare_copy (const ShtatEmployee *employee)
{
  ShtatEmployee *copy = shtat_employee_new ();

  memcpy (copy->iin, employee->iin, sizeof copy->iin);
  copy->surname = g_strdup (employee->surname);
  copy->name = g_strdup (employee->name);
  copy->patronymic = g_strdup (employee->patronymic);
  copy->birth_date = employee->birth_date;
  copy->sex = employee->sex;
  return copy;
}

static void
add_child (ShtatEmployee       *to,
           const ShtatEmployee *from,
           ShtatRecordKind           kind,
           guint                i)
{
  switch (kind)
    {
    case SHTAT_RECORD_EDUCATION:
      shtat_employee_add_education (to, &g_array_index (from->education, ShtatEducation, i));
      break;
    case SHTAT_RECORD_CERTIFICATE:
      shtat_employee_add_certificate (to, &g_array_index (from->certificates, ShtatCertificate, i));
      break;
    case SHTAT_RECORD_PERIOD:
      shtat_employee_add_period (to, &g_array_index (from->periods, ShtatWorkPeriod, i));
      break;
    case SHTAT_RECORD_ASSIGNMENT:
      shtat_employee_add_assignment (to, &g_array_index (from->assignments, ShtatAssignment, i));
      break;
    case SHTAT_N_RECORD_KINDS:
    default:
      g_return_if_reached ();
    }
}

/* The validation message names the child record but not its line: find the
 * record that fails on its own (validation looks at the person, then at each
 * record in turn, so the first one that fails alone is the one reported). */
static guint
culprit_line (Checker             *checker,
              const ShtatEmployee *employee,
              const ShtatRecordLines         *lines)
{
  g_autoptr(ShtatEmployee) bare = bare_copy (employee);

  if (!shtat_employee_validate (bare, checker->library, &checker->today, NULL))
    return lines->line;

  for (guint k = 0; k < SHTAT_N_RECORD_KINDS; k++)
    {
      GArray *children = shtat_exchange_employee_children (employee, (ShtatRecordKind) k);

      for (guint i = 0; i < children->len; i++)
        {
          g_autoptr(ShtatEmployee) one = bare_copy (employee);

          add_child (one, employee, (ShtatRecordKind) k, i);
          if (!shtat_employee_validate (one, checker->library, &checker->today, NULL))
            return shtat_exchange_lines_child (lines, (ShtatRecordKind) k, i);
        }
    }
  return lines->line;
}

static gboolean
check_employee (Checker             *checker,
                const ShtatEmployee *employee,
                const ShtatRecordLines         *lines,
                GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!shtat_employee_validate (employee, checker->library, &checker->today, &local_error))
    {
      g_autofree char *record = shtat_exchange_record_label (employee->iin, 0, -1, 0);
      g_autofree char *prefix = g_strdup_printf (_("Employee %s"), employee->iin);
      const char *message = local_error->message;

      /* The validation names the employee too; say it once. */
      if (g_str_has_prefix (message, prefix) && g_str_has_prefix (message + strlen (prefix), ": "))
        message += strlen (prefix) + 2;
      return shtat_exchange_set_error_at (error, local_error->domain, local_error->code, checker->file,
                           culprit_line (checker, employee, lines), record, "%s", message);
    }

  for (guint i = 0; i < employee->assignments->len; i++)
    {
      const ShtatAssignment *a = &g_array_index (employee->assignments, ShtatAssignment, i);

      if (a->centre_code != NULL && !g_hash_table_contains (checker->centre_codes, a->centre_code))
        {
          g_autofree char *record = shtat_exchange_record_label (employee->iin, 0, SHTAT_RECORD_ASSIGNMENT, i + 1);

          return shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE,
                               checker->file, shtat_exchange_lines_child (lines, SHTAT_RECORD_ASSIGNMENT, i), record,
                               _("%s: no centre has the code “%s”, neither in this file nor in the database"),
                               checker->centre_field, a->centre_code);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

/* XML by its extension or its first character; CSV otherwise. */
static gboolean
looks_like_xml (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  char buf[64];
  gsize len = 0;
  gsize i = 0;

  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    return TRUE;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV")
      || g_str_has_suffix (path, ".txt") || g_str_has_suffix (path, ".TXT"))
    return FALSE;

  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, NULL);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), buf, sizeof buf, &len, NULL, NULL))
    return FALSE;
  if (len >= 3 && memcmp (buf, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (buf[i]))
    i++;
  return i < len && buf[i] == '<';
}

/* Where an import writes. The database is written in a thread of its own
 * while the file is read (reading and checking the XML take longer than the
 * SQLite writes, and the two overlap): employees go to the writer in batches,
 * through a queue of a few, so that only some hundreds are in memory at once.
 * The store import is begun with the first employee (the centres of an XML
 * file are all read by then); from then until import_target_finish() the
 * store is the writer's alone. The writer's errors are those of employees
 * read earlier than whatever the reader is at, so they come first. */

#define BATCH_SIZE  256
#define MAX_BATCHES 4

typedef struct
{
  ShtatEmployee *employee;
  guint          line;
} QueuedEmployee;

typedef struct
{
  ShtatStore       *store;
  ShtatStoreImport *import;
  const char       *file;

  GThread          *writer;
  GMutex            lock;
  GCond             cond;
  GQueue            batches;   /* GArray of QueuedEmployee, ready to write */
  GQueue            written;   /* …and written, to be freed by the reader */
  gboolean          closed;    /* no more batches will come */
  gboolean          failed;    /* the writer failed: @error, unless taken */
  GError           *error;
  GArray           *filling;   /* the batch being filled */
} ImportTarget;

static void
queued_employee_clear (QueuedEmployee *q)
{
  g_clear_pointer (&q->employee, shtat_employee_unref);
}

static GArray *
batch_new (void)
{
  GArray *batch = g_array_sized_new (FALSE, FALSE, sizeof (QueuedEmployee), BATCH_SIZE);

  g_array_set_clear_func (batch, (GDestroyNotify) queued_employee_clear);
  return batch;
}

/* The next batch, waiting for one; NULL once the queue is closed and empty. */
static GArray *
import_target_pop (ImportTarget *target)
{
  GArray *batch;

  g_mutex_lock (&target->lock);
  while (g_queue_is_empty (&target->batches) && !target->closed)
    g_cond_wait (&target->cond, &target->lock);
  batch = g_queue_pop_head (&target->batches);
  g_cond_broadcast (&target->cond);
  g_mutex_unlock (&target->lock);
  return batch;
}

static gpointer
import_writer (gpointer data)
{
  ImportTarget *target = data;
  gboolean ok = TRUE;
  GArray *batch;

  /* after a failure, batches are only dropped, so that the reader never waits */
  while ((batch = import_target_pop (target)) != NULL)
    {
      for (guint i = 0; ok && i < batch->len; i++)
        {
          QueuedEmployee *q = &g_array_index (batch, QueuedEmployee, i);
          GError *local_error = NULL;

          if (shtat_store_import_add (target->import, q->employee, &local_error))
            continue;
          g_prefix_error (&local_error, "%s:%u: ", target->file, q->line);
          g_mutex_lock (&target->lock);
          target->error = local_error;
          target->failed = TRUE;
          g_cond_broadcast (&target->cond);
          g_mutex_unlock (&target->lock);
          ok = FALSE;
        }
      /* Freed by the reader, which allocated them: memory freed in another
       * thread is slower to allocate again. */
      g_mutex_lock (&target->lock);
      g_queue_push_tail (&target->written, batch);
      g_mutex_unlock (&target->lock);
    }
  return NULL;
}

/* Hands the batch being filled to the writer, waiting while the queue is
 * full. FALSE when the writer has failed. */
static gboolean
import_target_push (ImportTarget *target)
{
  GArray *batch = g_steal_pointer (&target->filling);
  GQueue written = G_QUEUE_INIT;
  gboolean ok;

  target->filling = batch_new ();
  if (target->writer == NULL)
    target->writer = g_thread_new ("shtat-import", import_writer, target);
  g_mutex_lock (&target->lock);
  while (g_queue_get_length (&target->batches) >= MAX_BATCHES && !target->failed)
    g_cond_wait (&target->cond, &target->lock);
  ok = !target->failed;
  if (ok)
    {
      g_queue_push_tail (&target->batches, batch);
      g_cond_broadcast (&target->cond);
    }
  written = target->written;
  g_queue_init (&target->written);
  g_mutex_unlock (&target->lock);
  if (!ok)
    g_array_unref (batch);
  g_queue_clear_full (&written, (GDestroyNotify) g_array_unref);
  return ok;
}

static void
import_target_init (ImportTarget *target,
                    ShtatStore   *store,
                    const char   *file)
{
  memset (target, 0, sizeof *target);
  target->store = store;
  target->file = file;
  g_mutex_init (&target->lock);
  g_cond_init (&target->cond);
  g_queue_init (&target->batches);
  g_queue_init (&target->written);
  target->filling = batch_new ();
}

static gboolean
import_target_begin (ImportTarget  *target,
                     GPtrArray     *centres,
                     GError       **error)
{
  if (target->import != NULL)
    return TRUE;
  target->import = shtat_store_import_begin (target->store, centres, error);
  if (target->import == NULL)
    {
      g_prefix_error (error, "%s: ", target->file);
      return FALSE;
    }
  return TRUE;
}

/* Queues @employee (from @line) to be written inside the open transaction. */
static gboolean
import_target_add (ImportTarget   *target,
                   GPtrArray      *centres,
                   ShtatEmployee  *employee,
                   guint           line,
                   GError        **error)
{
  QueuedEmployee q = { shtat_employee_ref (employee), line };

  if (!import_target_begin (target, centres, error))
    {
      queued_employee_clear (&q);
      return FALSE;
    }
  g_array_append_val (target->filling, q);
  if (target->filling->len < BATCH_SIZE || import_target_push (target))
    return TRUE;

  g_mutex_lock (&target->lock);
  g_propagate_error (error, g_steal_pointer (&target->error));
  g_mutex_unlock (&target->lock);
  return FALSE;
}

/* Waits until the writer has written everything queued. @ok and @error are
 * the reader's: an error of the writer comes before them in the file, and
 * replaces them. */
static gboolean
import_target_finish (ImportTarget  *target,
                      gboolean       ok,
                      GError       **error)
{
  if (target->filling != NULL && target->filling->len > 0)
    import_target_push (target);
  if (target->writer != NULL)
    {
      g_mutex_lock (&target->lock);
      target->closed = TRUE;
      g_cond_broadcast (&target->cond);
      g_mutex_unlock (&target->lock);
      g_thread_join (g_steal_pointer (&target->writer));
    }
  if (target->error != NULL)
    {
      if (!ok)
        g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&target->error));
      return FALSE;
    }
  return ok;
}

/* Rolls back what was not committed. */
static void
import_target_clear (ImportTarget *target)
{
  import_target_finish (target, FALSE, NULL);
  g_clear_pointer (&target->import, shtat_store_import_abort);
  g_queue_clear_full (&target->written, (GDestroyNotify) g_array_unref);
  g_clear_pointer (&target->filling, g_array_unref);
  g_mutex_clear (&target->lock);
  g_cond_clear (&target->cond);
}

/* The import as the sink of a streamed XML file: each employee is checked,
 * then queued for the writer. */
typedef struct
{
  Checker      *checker;
  ImportTarget *target;
  guint         n_centres;  /* of the file, known to the checker */
} XmlImport;

static gboolean
xml_check_cb (GPtrArray              *centres,
              const ShtatEmployee    *employee,
              const ShtatRecordLines *lines,
              gpointer                user_data,
              GError                **error)
{
  XmlImport *xi = user_data;

  /* The file's centres come before its employees: all are read by now. */
  for (; xi->n_centres < centres->len; xi->n_centres++)
    {
      const ShtatCentre *centre = g_ptr_array_index (centres, xi->n_centres);

      g_hash_table_add (xi->checker->centre_codes, g_strdup (centre->code));
    }
  return check_employee (xi->checker, employee, lines, error);
}

/* The file is read again: what was queued and written is rolled back. */
static gboolean
xml_restart_cb (gpointer  user_data,
                GError  **error)
{
  XmlImport *xi = user_data;
  ShtatStore *store = xi->target->store;
  const char *file = xi->target->file;

  import_target_clear (xi->target);
  import_target_init (xi->target, store, file);
  xi->n_centres = 0;
  return TRUE;
}

static gboolean
xml_take_cb (GPtrArray      *centres,
             ShtatEmployee  *employee,
             guint           line,
             gpointer        user_data,
             GError        **error)
{
  XmlImport *xi = user_data;

  return import_target_add (xi->target, centres, employee, line, error);
}

gboolean
shtat_import_personnel (ShtatStore        *store,
                        ShtatNormLibrary  *library,
                        const char        *path,
                        const GDate       *today,
                        guint             *n_changed,
                        GCancellable      *cancellable,
                        ShtatProgressFunc  progress,
                        gpointer           user_data,
                        GError           **error)
{
  /* XML is read and written in one pass; the commit (with the copy of the
   * write-ahead log into the database) is the last few per cent. A CSV table
   * is read first, in about half the time. */
  const double before_commit = 0.95;
  const double csv_read_share = 0.5;
  g_autofree char *file = NULL;
  g_autofree char *centre_field = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) codes = NULL;
  ImportTarget target;
  Checker checker = { 0 };
  guint changed = 0;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  file = g_path_get_basename (path);

  stored = shtat_store_list_centres (store, error);
  if (stored == NULL)
    return FALSE;
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < stored->len; i++)
    {
      ShtatCentre *c = g_ptr_array_index (stored, i);

      if (c->code != NULL)
        g_hash_table_add (codes, g_strdup (c->code));
    }

  checker.library = library;
  checker.centre_codes = codes;
  checker.file = file;
  if (today != NULL && g_date_valid (today))
    checker.today = *today;
  else
    {
      g_date_clear (&checker.today, 1);
      g_date_set_time_t (&checker.today, time (NULL));
    }

  import_target_init (&target, store, file);
  if (looks_like_xml (path))
    {
      static const ShtatPersonnelSink sink = { xml_check_cb, xml_take_cb, xml_restart_cb };
      XmlImport xi = { &checker, &target, 0 };

      /* Streamed: each employee is checked and written as soon as its element
       * ends, then dropped. Nothing is committed unless the whole file was
       * read and follows the schema. */
      centre_field = g_strdup_printf (_("attribute “%s”"), "centre");
      checker.centre_field = centre_field;

      ok = shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA, &sink,
                                             &xi, &centres, NULL, cancellable, progress, user_data,
                                             before_commit, error);
      if (!import_target_finish (&target, ok, error)
          || !import_target_begin (&target, centres, error))
        goto fail;
    }
  else
    {
      /* The rows of one IIN may be anywhere in a table, so the employees are
       * whole only once the last row is read: the table is read first, then
       * each employee checked and written. */
      g_autoptr(GPtrArray) entries = NULL;
      g_autofree char *header = NULL;

      if (!shtat_personnel_csv_read_records (path, file, &entries, &header, error))
        goto fail;
      centre_field = g_strdup_printf (_("column “%s”"), header);
      checker.centre_field = centre_field;
      if (progress != NULL)
        progress (csv_read_share, user_data);
      if (!import_target_begin (&target, NULL, error))
        goto fail;
      ok = TRUE;
      for (guint i = 0; ok && i < entries->len; i++)
        {
          ShtatExchangeRecord *entry = g_ptr_array_index (entries, i);

          ok = check_employee (&checker, entry->employee, &entry->lines, error)
               && import_target_add (&target, NULL, entry->employee, entry->lines.line, error);
          if (ok && i % SHTAT_EXCHANGE_CHECK_EVERY == 0)
            {
              ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
              if (ok && progress != NULL)
                progress (csv_read_share + (before_commit - csv_read_share) * i / entries->len,
                          user_data);
            }
        }
      if (!import_target_finish (&target, ok, error))
        goto fail;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  if (progress != NULL)
    progress (before_commit, user_data);

  if (!shtat_store_import_commit (g_steal_pointer (&target.import), &changed, error))
    {
      g_prefix_error (error, "%s: ", file);
      goto fail;
    }
  import_target_clear (&target);

  if (n_changed != NULL)
    *n_changed = changed;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;

fail:
  import_target_clear (&target);
  return FALSE;
}

