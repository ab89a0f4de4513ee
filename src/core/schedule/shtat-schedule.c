/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shtat-enum.h"
#include "shtat-schedule-enums.h"
#include "shtat-schedule-private.h"
#include "shtat-text.h"
#include "shtat-units.h"

/* As in shtat-minimum.c: larger figures are typing mistakes. */
#define MAX_DRIVER_VALUE 1000000.0
/* Driver values are kept to this many decimals, so the XML gives them back exactly. */
#define DRIVER_DECIMALS 6
#define MAX_TEXT_BYTES (64 * 1024)

G_DEFINE_QUARK (shtat-schedule-error-quark, shtat_schedule_error)
G_DEFINE_BOXED_TYPE (ShtatSchedule, shtat_schedule, shtat_schedule_ref, shtat_schedule_unref)

/* ------------------------------------------------------------------------ */
/* Life cycle                                                               */

static void
line_free (ShtatScheduleLine *line)
{
  g_free (line->unit);
  g_free (line->position);
  g_free (line->grade);
  g_free (line->justification);
  g_free (line->reference);
  g_free (line);
}

static ShtatScheduleLine *
line_copy (const ShtatScheduleLine *line)
{
  ShtatScheduleLine *copy = g_new0 (ShtatScheduleLine, 1);

  copy->unit = g_strdup (line->unit);
  copy->position = g_strdup (line->position);
  copy->grade = g_strdup (line->grade);
  copy->units = line->units;
  copy->salary = line->salary;
  copy->allowances = line->allowances;
  copy->justification = g_strdup (line->justification);
  copy->reference = g_strdup (line->reference);
  return copy;
}

void
shtat_approval_clear (ShtatApproval *approval)
{
  g_free ((char *) approval->akimat);
  g_free ((char *) approval->order_number);
  g_free ((char *) approval->signatory);
  memset (approval, 0, sizeof *approval);
  g_date_clear (&approval->order_date, 1);
  g_date_clear (&approval->effective, 1);
}

void
shtat_approval_copy (ShtatApproval       *dest,
                     const ShtatApproval *src)
{
  shtat_approval_clear (dest);
  dest->akimat = g_strdup (src->akimat);
  dest->order_number = g_strdup (src->order_number);
  dest->order_date = src->order_date;
  dest->signatory = g_strdup (src->signatory);
  dest->effective = src->effective;
}

static void
schedule_clear (gpointer data)
{
  ShtatSchedule *self = data;

  g_free (self->centre);
  g_free (self->table);
  g_free (self->appeals_source);
  shtat_approval_clear (&self->approval);
  g_free (self->sha256);
  g_ptr_array_unref (self->lines);
}

/**
 * shtat_schedule_new:
 * Returns: (transfer full): an empty draft, version 1, released with
 *   shtat_schedule_unref()
 */
ShtatSchedule *
shtat_schedule_new (void)
{
  ShtatSchedule *self = g_atomic_rc_box_new0 (ShtatSchedule);

  self->version = 1;
  self->status = SHTAT_SCHEDULE_DRAFT;
  shtat_drivers_init (&self->drivers);
  g_date_clear (&self->appeals_from, 1);
  g_date_clear (&self->appeals_to, 1);
  shtat_approval_clear (&self->approval);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  return self;
}

/**
 * shtat_schedule_ref:
 * @schedule: a schedule
 *
 * Returns: (transfer full): @schedule
 */
ShtatSchedule *
shtat_schedule_ref (ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return g_atomic_rc_box_acquire (schedule);
}

void
shtat_schedule_unref (ShtatSchedule *schedule)
{
  g_return_if_fail (schedule != NULL);
  g_atomic_rc_box_release_full (schedule, schedule_clear);
}

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

/* The words of the XML (schedule.rng), the database and shtat-cli are the nicks of
 * the generated enum (shtat-schedule.h). */

/**
 * shtat_schedule_status_to_string:
 * @status: a status
 *
 * Returns: (transfer none): the word for @status in the XML, the database and
 *   shtat-cli: "draft", "submitted", "approved" or "superseded"
 */
const char *
shtat_schedule_status_to_string (ShtatScheduleStatus status)
{
  return shtat_enum_to_nick (SHTAT_TYPE_SCHEDULE_STATUS, status);
}

/**
 * shtat_schedule_status_from_string:
 * @str: (nullable): a word
 * @out: (out) (optional): the status it names
 *
 * Returns: whether @str is the word for a status, matched whole and as written;
 *   @out is left alone if not
 */
gboolean
shtat_schedule_status_from_string (const char          *str,
                                   ShtatScheduleStatus *out)
{
  int value;

  if (!shtat_enum_from_nick (SHTAT_TYPE_SCHEDULE_STATUS, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ShtatScheduleStatus) value;
  return TRUE;
}

/**
 * shtat_schedule_status_get_label:
 * @status: a status
 *
 * Returns: (transfer none): the status in the user's language
 */
const char *
shtat_schedule_status_get_label (ShtatScheduleStatus status)
{
  switch (status)
    {
    case SHTAT_SCHEDULE_DRAFT:
      return _("Draft");
    case SHTAT_SCHEDULE_SUBMITTED:
      return _("Submitted");
    case SHTAT_SCHEDULE_APPROVED:
      return _("Approved");
    case SHTAT_SCHEDULE_SUPERSEDED:
      return _("Superseded");
    default:
      return "";
    }
}

/* Names of 000 §7 as the act gives them, with "department" (бөлімі / отдел). */
static const char * const unit_names[SHTAT_SCHEDULE_N_UNITS][3] = {
  /* en, kk, ru: the order of ShtatLang */
  { "Administration", "Әкімшілік", "Администрация" },
  { "Consultation and comprehensive support department",
    "Консультациялар беру және кешенді сүйемелдеу бөлімі",
    "Отдел консультаций и комплексного сопровождения" },
  { "Methodology and information and education department",
    "Әдіснама және ақпараттық-ағарту жұмыстары бөлімі",
    "Отдел методологии и информационно-просветительской работы" },
};

/**
 * shtat_schedule_unit_get_name:
 * @unit: a default structural unit
 * @lang: a language
 *
 * The default name of a structural unit in a language: not a translation of the
 * interface, but the names of 000 §7 in kk and ru.
 *
 * Returns: (transfer none): the name
 */
const char *
shtat_schedule_unit_get_name (ShtatScheduleUnit unit,
                              ShtatLang         lang)
{
  g_return_val_if_fail (unit < SHTAT_SCHEDULE_N_UNITS, NULL);
  g_return_val_if_fail ((guint) lang < 3, NULL);
  return unit_names[unit][lang];
}
/**
 * shtat_schedule_dup_position_label:
 * @library: (nullable): the norms; without them the code is given back
 * @table_id: (nullable): the table whose rows are looked at first; %NULL: any
 * @position: (nullable): a position code
 *
 * The name of a position as a user reads it: the row of @table_id naming it,
 * else its qualification characteristic, else the code; "—" for %NULL.
 *
 * Returns: (transfer full): the name
 */
char *
shtat_schedule_dup_position_label (ShtatNormLibrary *library,
                                   const char       *table_id,
                                   const char       *position)
{
  const ShtatPosition *qualification;
  const ShtatExternalPosition *external;

  if (position == NULL)
    return g_strdup ("—");
  if (library == NULL)
    return g_strdup (position);

  if (table_id != NULL)
    {
      const ShtatNormRow *row = shtat_norm_table_find_row (shtat_norm_library_get_table (library, table_id), position);

      if (row != NULL)
        return shtat_capitalize_first (shtat_text_get (&row->name));
    }
  else
    {
      GPtrArray *tables = shtat_norm_library_get_tables (library);

      for (guint t = 0; t < tables->len; t++)
        {
          const ShtatNormRow *row = shtat_norm_table_find_row (g_ptr_array_index (tables, t), position);

          if (row != NULL)
            return shtat_capitalize_first (shtat_text_get (&row->name));
        }
    }

  qualification = shtat_norm_library_get_position (library, position);
  if (qualification != NULL)
    return shtat_capitalize_first (shtat_text_get (&qualification->name));
  external = shtat_norm_library_get_external_position (library, position);
  if (external != NULL)
    return shtat_capitalize_first (shtat_text_get (&external->name));
  return g_strdup (position);
}

/* "Psychologist" or "Psychologist (B2-3)". */
char *
shtat_schedule_dup_line_label (ShtatNormLibrary        *library,
                               const char              *table_id,
                               const ShtatScheduleLine *line)
{
  g_autofree char *name = shtat_schedule_dup_position_label (library, table_id, line->position);

  if (line->grade != NULL)
    return g_strdup_printf ("%s (%s)", name, line->grade);
  return g_steal_pointer (&name);
}

/* ------------------------------------------------------------------------ */
/* Checks shared by the setters                                             */

const char *
shtat_schedule_status_sentence (ShtatScheduleStatus status)
{
  switch (status)
    {
    case SHTAT_SCHEDULE_DRAFT:
      return _("This version is a draft.");
    case SHTAT_SCHEDULE_SUBMITTED:
      return _("This version has been submitted for approval and cannot be changed; withdraw it to a draft first.");
    case SHTAT_SCHEDULE_APPROVED:
      return _("This version is approved and cannot be changed; make a new draft from it.");
    case SHTAT_SCHEDULE_SUPERSEDED:
      return _("This version has been superseded and cannot be changed; make a new draft from it.");
    default:
      return "";
    }
}

gboolean
shtat_schedule_ensure_draft (const ShtatSchedule  *self,
                             GError              **error)
{
  if (self->status == SHTAT_SCHEDULE_DRAFT)
    return TRUE;
  g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
               /* TRANSLATORS: %u is a version number, %s a sentence saying why */
               _("Version %u of the staffing schedule cannot be changed: %s"),
               self->version, shtat_schedule_status_sentence (self->status));
  return FALSE;
}

/* Text that XML 1.0 can carry and the user could have typed: UTF-8, no
 * control characters other than tab and line breaks. */
gboolean
shtat_schedule_check_text (const char  *text,
                           const char  *what,
                           GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (strlen (text) > MAX_TEXT_BYTES || !g_utf8_validate (text, -1, NULL))
    {
      /* TRANSLATORS: %s is the field, e.g. "Structural unit" */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("%s: not a valid text (UTF-8, at most 64 KB)"), what);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("%s: contains a control character"), what);
          return FALSE;
        }
    }
  return TRUE;
}

void
shtat_schedule_set_string (char       **field,
                           const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

gboolean
shtat_schedule_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
check_units (int      units,
             GError **error)
{
  if (units < 0 || units > SHTAT_SCHEDULE_MAX_LINE_UNITS)
    {
      g_autofree char *max = shtat_units_format_locale (SHTAT_SCHEDULE_MAX_LINE_UNITS);

      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("Units must be from 0 to %s"), max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_money (gint64       tiyn,
             const char  *what,
             GError     **error)
{
  if (tiyn < 0)
    {
      /* TRANSLATORS: %s is "Official salary" or "Allowances" */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("%s cannot be negative"), what);
      return FALSE;
    }
  return TRUE;
}

static ShtatScheduleLine *
line_for_edit (ShtatSchedule  *self,
               guint           index,
               GError        **error)
{
  if (!shtat_schedule_ensure_draft (self, error))
    return NULL;
  if (index >= self->lines->len)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("There is no line %u"), index + 1);
      return NULL;
    }
  return g_ptr_array_index (self->lines, index);
}

/* The value as "%.Nf" with the fewest decimals (at most DRIVER_DECIMALS) that
 * reads back as the value kept. */
double
shtat_schedule_format_driver_value (double  value,
                                    char   *buf,
                                    gsize   size)
{
  static const char * const formats[DRIVER_DECIMALS + 1] = {
    "%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f",
  };

  for (guint p = 0; p < G_N_ELEMENTS (formats); p++)
    {
      g_ascii_formatd (buf, (int) size, formats[p], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return value;
    }
  return g_ascii_strtod (buf, NULL);
}

double
shtat_schedule_normalise_driver_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double kept = shtat_schedule_format_driver_value (value, buf, sizeof buf);

  /* after rounding to six decimals, the shortest form of the rounded value */
  return shtat_schedule_format_driver_value (kept, buf, sizeof buf);
}

gboolean
shtat_schedule_check_driver_value (ShtatDriver   driver,
                                   double        value,
                                   GError      **error)
{
  if (!isfinite (value) || value < 0 || value > MAX_DRIVER_VALUE)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("“%s” must be a number from 0 to %.0f"),
                   shtat_driver_get_label (driver), MAX_DRIVER_VALUE);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

/**
 * shtat_schedule_get_centre:
 * @schedule: a schedule
 *
 * Returns: (transfer none) (nullable): the centre code, or %NULL when not set
 */
const char *
shtat_schedule_get_centre (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->centre;
}

guint
shtat_schedule_get_version (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, 0);
  return schedule->version;
}

ShtatScheduleStatus
shtat_schedule_get_status (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, SHTAT_SCHEDULE_DRAFT);
  return schedule->status;
}

/**
 * shtat_schedule_get_table:
 * @schedule: a schedule
 *
 * Returns: (transfer none) (nullable): the norm table id, or %NULL when not set
 */
const char *
shtat_schedule_get_table (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->table;
}

/**
 * shtat_schedule_get_drivers:
 * @schedule: a schedule
 *
 * Returns: (transfer none): the figures the minimum is computed from
 */
const ShtatDrivers *
shtat_schedule_get_drivers (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return &schedule->drivers;
}

/**
 * shtat_schedule_get_appeals_from:
 * @schedule: a schedule
 *
 * Returns: (transfer none): the first day of the period the appeals average was
 *   taken over; an invalid date when not set
 */
const GDate *
shtat_schedule_get_appeals_from (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return &schedule->appeals_from;
}

/**
 * shtat_schedule_get_appeals_to:
 * @schedule: a schedule
 *
 * Returns: (transfer none): the last day of the period the appeals average was
 *   taken over; an invalid date when not set
 */
const GDate *
shtat_schedule_get_appeals_to (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return &schedule->appeals_to;
}

/**
 * shtat_schedule_get_appeals_source:
 * @schedule: a schedule
 *
 * Returns: (transfer none) (nullable): where the appeals figures come from, or %NULL when not set
 */
const char *
shtat_schedule_get_appeals_source (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->appeals_source;
}

/**
 * shtat_schedule_get_approval:
 * @schedule: a schedule
 *
 * Returns: (transfer none) (nullable): the akimat's order, or %NULL for a draft
 *   or a submitted version
 */
const ShtatApproval *
shtat_schedule_get_approval (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->has_approval ? &schedule->approval : NULL;
}

/**
 * shtat_schedule_get_sha256:
 * @schedule: a schedule
 *
 * Returns: (transfer none) (nullable): the SHA-256 sealed at approval, or %NULL when not set
 */
const char *
shtat_schedule_get_sha256 (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->sha256;
}

guint
shtat_schedule_get_superseded_by (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, 0);
  return schedule->superseded_by;
}

guint
shtat_schedule_get_n_lines (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, 0);
  return schedule->lines->len;
}

/**
 * shtat_schedule_get_line:
 * @schedule: a schedule
 * @index: less than shtat_schedule_get_n_lines()
 *
 * Returns: (transfer none): the line, owned by @schedule: change it through the
 *   setters
 */
const ShtatScheduleLine *
shtat_schedule_get_line (const ShtatSchedule *schedule,
                         guint                index)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (index < schedule->lines->len, NULL);
  return g_ptr_array_index (schedule->lines, index);
}

/* ------------------------------------------------------------------------ */
/* Totals                                                                   */

void
shtat_schedule_set_overflow (GError **error)
{
  g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_OVERFLOW,
                       _("The wage fund is too large to compute: check the salaries, allowances and units"));
}

int
shtat_schedule_get_total_units (const ShtatSchedule *schedule)
{
  int total = 0;

  g_return_val_if_fail (schedule != NULL, 0);

  /* at most MAX_LINES × MAX_LINE_UNITS = 10⁹: fits in an int */
  for (guint i = 0; i < schedule->lines->len; i++)
    total += ((const ShtatScheduleLine *) g_ptr_array_index (schedule->lines, i))->units;
  return total;
}

/**
 * shtat_schedule_line_get_fund:
 * @line: a line
 * @monthly: (out): units × (salary + allowances) / 100, rounded half up to a tiyn
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %SHTAT_SCHEDULE_ERROR_OVERFLOW when the sum does not fit
 */
gboolean
shtat_schedule_line_get_fund (const ShtatScheduleLine  *line,
                              gint64                   *monthly,
                              GError                  **error)
{
  gint64 rate;

  g_return_val_if_fail (line != NULL && monthly != NULL, FALSE);

  if (!shtat_money_add (line->salary, line->allowances, &rate)
      || !shtat_money_for_units (rate, line->units, monthly))
    {
      shtat_schedule_set_overflow (error);
      return FALSE;
    }
  return TRUE;
}

/**
 * shtat_schedule_get_fund:
 * @schedule: a schedule
 * @monthly: (out) (optional): the sum of the line funds, in tiyn
 * @annual: (out) (optional): 12 × @monthly
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %SHTAT_SCHEDULE_ERROR_OVERFLOW when a sum does not fit
 */
gboolean
shtat_schedule_get_fund (const ShtatSchedule  *schedule,
                         gint64               *monthly,
                         gint64               *annual,
                         GError              **error)
{
  gint64 sum = 0;
  guint64 year;

  g_return_val_if_fail (schedule != NULL, FALSE);

  for (guint i = 0; i < schedule->lines->len; i++)
    {
      gint64 fund;

      if (!shtat_schedule_line_get_fund (g_ptr_array_index (schedule->lines, i), &fund, error))
        return FALSE;
      if (!shtat_money_add (sum, fund, &sum))
        {
          shtat_schedule_set_overflow (error);
          return FALSE;
        }
    }

  if (!g_uint64_checked_mul (&year, (guint64) sum, 12) || year > (guint64) G_MAXINT64)
    {
      shtat_schedule_set_overflow (error);
      return FALSE;
    }

  if (monthly != NULL)
    *monthly = sum;
  if (annual != NULL)
    *annual = (gint64) year;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Editing a draft                                                          */

gboolean
shtat_schedule_set_centre (ShtatSchedule  *schedule,
                           const char     *centre,
                           GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!shtat_schedule_ensure_draft (schedule, error) || !shtat_schedule_check_text (centre, _("Centre"), error))
    return FALSE;
  shtat_schedule_set_string (&schedule->centre, centre);
  return TRUE;
}

gboolean
shtat_schedule_set_version (ShtatSchedule  *schedule,
                            guint           version,
                            GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!shtat_schedule_ensure_draft (schedule, error))
    return FALSE;
  if (version == 0 || version > SHTAT_SCHEDULE_MAX_VERSION)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("A version number is from 1 to %u"), SHTAT_SCHEDULE_MAX_VERSION);
      return FALSE;
    }
  schedule->version = version;
  return TRUE;
}

gboolean
shtat_schedule_set_table (ShtatSchedule  *schedule,
                          const char     *table,
                          GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!shtat_schedule_ensure_draft (schedule, error) || !shtat_schedule_check_text (table, _("Norm table"), error))
    return FALSE;
  shtat_schedule_set_string (&schedule->table, table);
  return TRUE;
}

gboolean
shtat_schedule_set_drivers (ShtatSchedule       *schedule,
                            const ShtatDrivers  *drivers,
                            GError             **error)
{
  ShtatDrivers kept;

  g_return_val_if_fail (schedule != NULL && drivers != NULL, FALSE);

  if (!shtat_schedule_ensure_draft (schedule, error))
    return FALSE;

  shtat_drivers_init (&kept);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      if (!drivers->set[d])
        continue;
      if (!shtat_schedule_check_driver_value (d, drivers->values[d], error))
        return FALSE;
      shtat_drivers_set (&kept, d, shtat_schedule_normalise_driver_value (drivers->values[d]));
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    kept.flags[f] = drivers->flags[f] != FALSE;
  if (g_date_valid (&drivers->as_of))
    kept.as_of = drivers->as_of;

  schedule->drivers = kept;
  return TRUE;
}

/**
 * shtat_schedule_set_appeals_period:
 * @schedule: a draft
 * @from: (nullable): the first day; %NULL: not set
 * @to: (nullable): the last day; %NULL: not set
 * @source: (nullable): where the figures come from
 * @error: return location for a #GError
 *
 * The period the appeals average was taken over and where the figures come
 * from (decisions.md item 1).
 *
 * Returns: %TRUE when set
 */
gboolean
shtat_schedule_set_appeals_period (ShtatSchedule  *schedule,
                                   const GDate    *from,
                                   const GDate    *to,
                                   const char     *source,
                                   GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!shtat_schedule_ensure_draft (schedule, error)
      || !shtat_schedule_check_text (source, _("Source of the appeal figures"), error))
    return FALSE;

  if (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to)
      && g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                           _("The appeals period ends before it starts"));
      return FALSE;
    }

  g_date_clear (&schedule->appeals_from, 1);
  g_date_clear (&schedule->appeals_to, 1);
  if (from != NULL && g_date_valid (from))
    schedule->appeals_from = *from;
  if (to != NULL && g_date_valid (to))
    schedule->appeals_to = *to;
  shtat_schedule_set_string (&schedule->appeals_source, source);
  return TRUE;
}

static ShtatScheduleLine *
append_line (ShtatSchedule *self,
             const char    *unit,
             const char    *position,
             const char    *grade,
             int            units,
             gint64         salary,
             gint64         allowances)
{
  ShtatScheduleLine *line = g_new0 (ShtatScheduleLine, 1);

  shtat_schedule_set_string (&line->unit, unit);
  shtat_schedule_set_string (&line->position, position);
  shtat_schedule_set_string (&line->grade, grade);
  line->units = units;
  line->salary = salary;
  line->allowances = allowances;
  g_ptr_array_add (self->lines, line);
  return line;
}

/**
 * shtat_schedule_add_line:
 * @schedule: a draft
 * @unit: (nullable): the structural unit
 * @position: (nullable): a position code of the norm data, or a free name
 * @grade: (nullable): category or pay grade
 * @units: hundredths of a staff unit
 * @salary: monthly official salary per full unit, tiyn
 * @allowances: monthly allowances per full unit, tiyn
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the line was added at the end
 */
gboolean
shtat_schedule_add_line (ShtatSchedule  *schedule,
                         const char     *unit,
                         const char     *position,
                         const char     *grade,
                         int             units,
                         gint64          salary,
                         gint64          allowances,
                         GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!shtat_schedule_ensure_draft (schedule, error)
      || !shtat_schedule_check_text (unit, _("Structural unit"), error)
      || !shtat_schedule_check_text (position, _("Position"), error)
      || !shtat_schedule_check_text (grade, _("Category or grade"), error)
      || !check_units (units, error)
      || !check_money (salary, _("Official salary"), error)
      || !check_money (allowances, _("Allowances"), error))
    return FALSE;

  if (schedule->lines->len >= SHTAT_SCHEDULE_MAX_LINES)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("A schedule has at most %u lines"), SHTAT_SCHEDULE_MAX_LINES);
      return FALSE;
    }

  append_line (schedule, unit, position, grade, units, salary, allowances);
  return TRUE;
}

gboolean
shtat_schedule_remove_line (ShtatSchedule  *schedule,
                            guint           index,
                            GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (line_for_edit (schedule, index, error) == NULL)
    return FALSE;
  g_ptr_array_remove_index (schedule->lines, index);
  return TRUE;
}

/* The text setters of a line differ only in the field and its name. */
static gboolean
set_line_text (ShtatSchedule  *schedule,
               guint           index,
               gsize           offset,
               const char     *field_name,
               const char     *text,
               GError        **error)
{
  ShtatScheduleLine *line;

  g_return_val_if_fail (schedule != NULL, FALSE);

  line = line_for_edit (schedule, index, error);
  if (line == NULL || !shtat_schedule_check_text (text, field_name, error))
    return FALSE;
  shtat_schedule_set_string (&G_STRUCT_MEMBER (char *, line, offset), text);
  return TRUE;
}

gboolean
shtat_schedule_set_line_unit (ShtatSchedule  *schedule,
                              guint           index,
                              const char     *unit,
                              GError        **error)
{
  return set_line_text (schedule, index, G_STRUCT_OFFSET (ShtatScheduleLine, unit), _("Structural unit"), unit, error);
}

gboolean
shtat_schedule_set_line_position (ShtatSchedule  *schedule,
                                  guint           index,
                                  const char     *position,
                                  GError        **error)
{
  return set_line_text (schedule, index, G_STRUCT_OFFSET (ShtatScheduleLine, position), _("Position"), position, error);
}

gboolean
shtat_schedule_set_line_grade (ShtatSchedule  *schedule,
                               guint           index,
                               const char     *grade,
                               GError        **error)
{
  return set_line_text (schedule, index, G_STRUCT_OFFSET (ShtatScheduleLine, grade), _("Category or grade"), grade, error);
}

gboolean
shtat_schedule_set_line_units (ShtatSchedule  *schedule,
                               guint           index,
                               int             units,
                               GError        **error)
{
  ShtatScheduleLine *line;

  g_return_val_if_fail (schedule != NULL, FALSE);

  line = line_for_edit (schedule, index, error);
  if (line == NULL || !check_units (units, error))
    return FALSE;
  line->units = units;
  return TRUE;
}

gboolean
shtat_schedule_set_line_salary (ShtatSchedule  *schedule,
                                guint           index,
                                gint64          tiyn,
                                GError        **error)
{
  ShtatScheduleLine *line;

  g_return_val_if_fail (schedule != NULL, FALSE);

  line = line_for_edit (schedule, index, error);
  if (line == NULL || !check_money (tiyn, _("Official salary"), error))
    return FALSE;
  line->salary = tiyn;
  return TRUE;
}

gboolean
shtat_schedule_set_line_allowances (ShtatSchedule  *schedule,
                                    guint           index,
                                    gint64          tiyn,
                                    GError        **error)
{
  ShtatScheduleLine *line;

  g_return_val_if_fail (schedule != NULL, FALSE);

  line = line_for_edit (schedule, index, error);
  if (line == NULL || !check_money (tiyn, _("Allowances"), error))
    return FALSE;
  line->allowances = tiyn;
  return TRUE;
}

gboolean
shtat_schedule_set_line_justification (ShtatSchedule  *schedule,
                                       guint           index,
                                       const char     *text,
                                       GError        **error)
{
  return set_line_text (schedule, index, G_STRUCT_OFFSET (ShtatScheduleLine, justification), _("Justification"), text, error);
}

gboolean
shtat_schedule_set_line_reference (ShtatSchedule  *schedule,
                                   guint           index,
                                   const char     *text,
                                   GError        **error)
{
  return set_line_text (schedule, index, G_STRUCT_OFFSET (ShtatScheduleLine, reference), _("Reference to the typical norm"), text, error);
}

/* ------------------------------------------------------------------------ */
/* Making schedules                                                         */

static ShtatScheduleUnit
unit_for_row (const ShtatNormTable *table,
              const ShtatNormRow   *row)
{
  if (g_strcmp0 (table->id, SHTAT_NORM_TABLE_CENTRE) != 0)
    return SHTAT_SCHEDULE_UNIT_ADMINISTRATION;

  /* digest §5.4: the likely staff of the two units of 000 §7 */
  switch (row->n)
    {
    case 8: case 9: case 10: case 19: case 20:
      return SHTAT_SCHEDULE_UNIT_CONSULTATION;
    case 11: case 12: case 14:
      return SHTAT_SCHEDULE_UNIT_METHODOLOGY;
    default:
      return SHTAT_SCHEDULE_UNIT_ADMINISTRATION;
    }
}

/**
 * shtat_schedule_new_from_minimum:
 * @library: the norms
 * @table: a table of @library
 * @drivers: the figures the minimum is computed from
 * @grid: (nullable): gives salaries and grades to the positions it places
 * @date: (nullable): the as-of date; %NULL: the drivers' as-of date, or today
 * @error: return location for a #GError
 *
 * A draft, version 1, as of @date: one line per row of @table whose minimum for
 * @drivers is above zero, in the act's order, and one line of 0 units per
 * typical-norm row with the norm's reference text, if it names one, to complete.
 * Structural units as in #ShtatScheduleUnit for the centre table ("fsc");
 * everything in administration for other tables. With a pay grid, lines of
 * positions the grid places get its salary and grade; other salaries are 0 to
 * fill in.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL with @error set
 */
ShtatSchedule *
shtat_schedule_new_from_minimum (ShtatNormLibrary     *library,
                                 const ShtatNormTable *table,
                                 const ShtatDrivers   *drivers,
                                 ShtatPayGrid         *grid,
                                 const GDate          *date,
                                 GError              **error)
{
  g_autoptr(ShtatSchedule) self = NULL;
  g_autoptr(ShtatMinimum) minimum = NULL;
  ShtatDrivers d;
  ShtatLang lang = shtat_lang_current ();

  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), NULL);
  g_return_val_if_fail (table != NULL && drivers != NULL, NULL);

  d = *drivers;
  if (date != NULL && g_date_valid (date))
    d.as_of = *date;
  else if (!g_date_valid (&d.as_of))
    shtat_date_set_today (&d.as_of);

  self = shtat_schedule_new ();
  if (!shtat_schedule_set_drivers (self, &d, error)
      || !shtat_schedule_set_table (self, table->id, error))
    return NULL;

  /* the drivers as kept (six decimals), so the check sees what the draft holds */
  minimum = shtat_minimum_compute (library, table, &self->drivers, SHTAT_RATIO_ROUNDING_DEFAULT, error);
  if (minimum == NULL)
    return NULL;

  for (guint i = 0; i < minimum->lines->len; i++)
    {
      const ShtatMinimumLine *ml = g_ptr_array_index (minimum->lines, i);
      const ShtatNormRow *row = ml->row;
      gboolean typical = row->kind == SHTAT_RULE_TYPICAL;
      const char *unit = shtat_schedule_unit_get_name (unit_for_row (table, row), lang);
      g_autofree char *grade = NULL;
      gint64 salary = 0;
      ShtatScheduleLine *line;

      if (!ml->applies || ml->units == 0)
        continue;

      if (grid != NULL && shtat_pay_grid_get_position (grid, row->position) != NULL
          && !shtat_pay_grid_position_salary (grid, row->position, &self->drivers.as_of,
                                              &salary, &grade, error))
        {
          g_autofree char *label = shtat_capitalize_first (shtat_text_get (&row->name));

          g_prefix_error (error, "%s: ", label);
          return NULL;
        }

      line = append_line (self, unit, row->position, grade, typical ? 0 : ml->units, salary, 0);
      if (typical && shtat_text_is_set (&row->reference))
        shtat_schedule_set_string (&line->reference, shtat_text_get_lang (&row->reference, lang));
    }

  return g_steal_pointer (&self);
}

/**
 * shtat_schedule_copy_as_draft:
 * @schedule: a version
 *
 * The next version: a draft with the same centre, drivers and lines, version + 1,
 * without approval or checksum.
 *
 * Returns: (transfer full): the new draft
 */
ShtatSchedule *
shtat_schedule_copy_as_draft (const ShtatSchedule *schedule)
{
  ShtatSchedule *copy;

  g_return_val_if_fail (schedule != NULL, NULL);

  copy = shtat_schedule_new ();
  copy->centre = g_strdup (schedule->centre);
  copy->version = MIN (schedule->version + 1, SHTAT_SCHEDULE_MAX_VERSION);
  copy->table = g_strdup (schedule->table);
  copy->drivers = schedule->drivers;
  copy->appeals_from = schedule->appeals_from;
  copy->appeals_to = schedule->appeals_to;
  copy->appeals_source = g_strdup (schedule->appeals_source);
  for (guint i = 0; i < schedule->lines->len; i++)
    g_ptr_array_add (copy->lines, line_copy (g_ptr_array_index (schedule->lines, i)));
  return copy;
}

static gboolean
lines_equal (const ShtatScheduleLine *a,
             const ShtatScheduleLine *b)
{
  return g_strcmp0 (a->unit, b->unit) == 0
         && g_strcmp0 (a->position, b->position) == 0
         && g_strcmp0 (a->grade, b->grade) == 0
         && a->units == b->units
         && a->salary == b->salary
         && a->allowances == b->allowances
         && g_strcmp0 (a->justification, b->justification) == 0
         && g_strcmp0 (a->reference, b->reference) == 0;
}

static gboolean
drivers_equal (const ShtatDrivers *a,
               const ShtatDrivers *b)
{
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (!a->set[d] != !b->set[d] || (a->set[d] && a->values[d] != b->values[d]))
      return FALSE;
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (!a->flags[f] != !b->flags[f])
      return FALSE;
  return shtat_date_equal (&a->as_of, &b->as_of);
}

/**
 * shtat_schedule_equal:
 * @a: a schedule
 * @b: another
 *
 * Returns: whether they have the same content, field by field (status, approval
 *   and checksum included)
 */
gboolean
shtat_schedule_equal (const ShtatSchedule *a,
                      const ShtatSchedule *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->centre, b->centre) != 0
      || a->version != b->version
      || a->status != b->status
      || g_strcmp0 (a->table, b->table) != 0
      || !drivers_equal (&a->drivers, &b->drivers)
      || !shtat_date_equal (&a->appeals_from, &b->appeals_from)
      || !shtat_date_equal (&a->appeals_to, &b->appeals_to)
      || g_strcmp0 (a->appeals_source, b->appeals_source) != 0
      || a->has_approval != b->has_approval
      || g_strcmp0 (a->sha256, b->sha256) != 0
      || a->superseded_by != b->superseded_by
      || a->lines->len != b->lines->len)
    return FALSE;

  if (a->has_approval
      && (g_strcmp0 (a->approval.akimat, b->approval.akimat) != 0
          || g_strcmp0 (a->approval.order_number, b->approval.order_number) != 0
          || !shtat_date_equal (&a->approval.order_date, &b->approval.order_date)
          || g_strcmp0 (a->approval.signatory, b->approval.signatory) != 0
          || !shtat_date_equal (&a->approval.effective, &b->approval.effective)))
    return FALSE;

  for (guint i = 0; i < a->lines->len; i++)
    if (!lines_equal (g_ptr_array_index (a->lines, i), g_ptr_array_index (b->lines, i)))
      return FALSE;

  return TRUE;
}

