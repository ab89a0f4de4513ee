/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <math.h>
#include <string.h>

#include "shtat-schedule.h"
#include "shtat-text.h"
#include "shtat-units.h"
#include "shtat-xml-private.h"

#define RESOURCE_SCHEDULE_RNG "/io/github/shtat/Shtat/norms/schedule.rng"

/* The centre table of 256-НҚ, whose rows digest §5.4 maps to structural units. */
#define CENTRE_TABLE "fsc"

/* As in shtat-minimum.c: larger figures are typing mistakes. */
#define MAX_DRIVER_VALUE 1000000.0
/* Driver values are kept to this many decimals, so the XML gives them back exactly. */
#define DRIVER_DECIMALS 6
#define MAX_VERSION 999999999u
#define MAX_TEXT_BYTES (64 * 1024)
#define MAX_XML_BYTES (16 * 1024 * 1024)

/* decisions.md item 5, the interchange rule. */
#define INTERPRETATION_INTERCHANGE 5

struct _ShtatSchedule
{
  char                *centre;
  guint                version;
  ShtatScheduleStatus  status;
  char                *table;
  ShtatDrivers         drivers;
  GDate                appeals_from;
  GDate                appeals_to;
  char                *appeals_source;
  gboolean             has_approval;
  ShtatApproval        approval;       /* its strings are owned here */
  char                *sha256;
  guint                superseded_by;
  GPtrArray           *lines;          /* ShtatScheduleLine */
};

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

static void
approval_clear (ShtatApproval *approval)
{
  g_free ((char *) approval->akimat);
  g_free ((char *) approval->order_number);
  g_free ((char *) approval->signatory);
  memset (approval, 0, sizeof *approval);
  g_date_clear (&approval->order_date, 1);
  g_date_clear (&approval->effective, 1);
}

static void
approval_copy (ShtatApproval       *dest,
               const ShtatApproval *src)
{
  approval_clear (dest);
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
  approval_clear (&self->approval);
  g_free (self->sha256);
  g_ptr_array_unref (self->lines);
}

ShtatSchedule *
shtat_schedule_new (void)
{
  ShtatSchedule *self = g_atomic_rc_box_new0 (ShtatSchedule);

  self->version = 1;
  self->status = SHTAT_SCHEDULE_DRAFT;
  shtat_drivers_init (&self->drivers);
  g_date_clear (&self->appeals_from, 1);
  g_date_clear (&self->appeals_to, 1);
  approval_clear (&self->approval);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  return self;
}

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

static const char * const status_names[] = { "draft", "submitted", "approved", "superseded" };

const char *
shtat_schedule_status_to_string (ShtatScheduleStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
shtat_schedule_status_from_string (const char          *str,
                                   ShtatScheduleStatus *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (str, status_names[i]))
      {
        *out = (ShtatScheduleStatus) i;
        return TRUE;
      }
  return FALSE;
}

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

const char *
shtat_schedule_unit_get_name (ShtatScheduleUnit unit,
                              ShtatLang         lang)
{
  g_return_val_if_fail (unit < SHTAT_SCHEDULE_N_UNITS, NULL);
  g_return_val_if_fail ((guint) lang < 3, NULL);
  return unit_names[unit][lang];
}

const char *
shtat_compliance_status_to_string (ShtatComplianceStatus status)
{
  switch (status)
    {
    case SHTAT_COMPLIANCE_AT:
      return "at";
    case SHTAT_COMPLIANCE_ABOVE:
      return "above";
    case SHTAT_COMPLIANCE_BELOW:
      return "below";
    case SHTAT_COMPLIANCE_MISSING:
      return "missing";
    case SHTAT_COMPLIANCE_TYPICAL:
      return "typical";
    default:
      return "";
    }
}

const char *
shtat_compliance_status_get_label (ShtatComplianceStatus status)
{
  switch (status)
    {
    case SHTAT_COMPLIANCE_AT:
      return _("At the minimum");
    case SHTAT_COMPLIANCE_ABOVE:
      return _("Above the minimum");
    case SHTAT_COMPLIANCE_BELOW:
      return _("Below the minimum");
    case SHTAT_COMPLIANCE_MISSING:
      return _("Required but missing");
    case SHTAT_COMPLIANCE_TYPICAL:
      return _("Set by typical norms (not checked)");
    default:
      return "";
    }
}

static const ShtatNormRow *
find_row (const ShtatNormTable *table,
          const char           *position)
{
  for (guint s = 0; table != NULL && s < table->sections->len; s++)
    {
      const ShtatSection *section = g_ptr_array_index (table->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const ShtatNormRow *row = g_ptr_array_index (section->rows, r);

          if (g_strcmp0 (row->position, position) == 0)
            return row;
        }
    }
  return NULL;
}

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
      const ShtatNormRow *row = find_row (shtat_norm_library_get_table (library, table_id), position);

      if (row != NULL)
        return shtat_capitalize_first (shtat_text_get (&row->name));
    }
  else
    {
      GPtrArray *tables = shtat_norm_library_get_tables (library);

      for (guint t = 0; t < tables->len; t++)
        {
          const ShtatNormRow *row = find_row (g_ptr_array_index (tables, t), position);

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
static char *
dup_line_label (ShtatNormLibrary        *library,
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

static const char *
status_sentence (ShtatScheduleStatus status)
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

static gboolean
ensure_draft (const ShtatSchedule  *self,
              GError              **error)
{
  if (self->status == SHTAT_SCHEDULE_DRAFT)
    return TRUE;
  g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_DRAFT,
               /* TRANSLATORS: %u is a version number, %s a sentence saying why */
               _("Version %u of the staffing schedule cannot be changed: %s"),
               self->version, status_sentence (self->status));
  return FALSE;
}

/* Text that XML 1.0 can carry and the user could have typed: UTF-8, no
 * control characters other than tab and line breaks. */
static gboolean
check_text (const char  *text,
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

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static gboolean
is_blank (const char *text)
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
  if (!ensure_draft (self, error))
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
static double
format_driver_value (double  value,
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

static double
normalise_driver_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double kept = format_driver_value (value, buf, sizeof buf);

  /* after rounding to six decimals, the shortest form of the rounded value */
  return format_driver_value (kept, buf, sizeof buf);
}

static gboolean
check_driver_value (ShtatDriver   driver,
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

const char *
shtat_schedule_get_table (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->table;
}

const ShtatDrivers *
shtat_schedule_get_drivers (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return &schedule->drivers;
}

const GDate *
shtat_schedule_get_appeals_from (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return &schedule->appeals_from;
}

const GDate *
shtat_schedule_get_appeals_to (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return &schedule->appeals_to;
}

const char *
shtat_schedule_get_appeals_source (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->appeals_source;
}

const ShtatApproval *
shtat_schedule_get_approval (const ShtatSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  return schedule->has_approval ? &schedule->approval : NULL;
}

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

static void
set_overflow (GError **error)
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

/* units × (salary + allowances) / 100, half up to a tiyn, once. */
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
      set_overflow (error);
      return FALSE;
    }
  return TRUE;
}

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
          set_overflow (error);
          return FALSE;
        }
    }

  if (!g_uint64_checked_mul (&year, (guint64) sum, 12) || year > (guint64) G_MAXINT64)
    {
      set_overflow (error);
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

  if (!ensure_draft (schedule, error) || !check_text (centre, _("Centre"), error))
    return FALSE;
  set_string (&schedule->centre, centre);
  return TRUE;
}

gboolean
shtat_schedule_set_version (ShtatSchedule  *schedule,
                            guint           version,
                            GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!ensure_draft (schedule, error))
    return FALSE;
  if (version == 0 || version > MAX_VERSION)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                   _("A version number is from 1 to %u"), MAX_VERSION);
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

  if (!ensure_draft (schedule, error) || !check_text (table, _("Norm table"), error))
    return FALSE;
  set_string (&schedule->table, table);
  return TRUE;
}

gboolean
shtat_schedule_set_drivers (ShtatSchedule       *schedule,
                            const ShtatDrivers  *drivers,
                            GError             **error)
{
  ShtatDrivers kept;

  g_return_val_if_fail (schedule != NULL && drivers != NULL, FALSE);

  if (!ensure_draft (schedule, error))
    return FALSE;

  shtat_drivers_init (&kept);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      if (!drivers->set[d])
        continue;
      if (!check_driver_value (d, drivers->values[d], error))
        return FALSE;
      shtat_drivers_set (&kept, d, normalise_driver_value (drivers->values[d]));
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    kept.flags[f] = drivers->flags[f] != FALSE;
  if (g_date_valid (&drivers->as_of))
    kept.as_of = drivers->as_of;

  schedule->drivers = kept;
  return TRUE;
}

gboolean
shtat_schedule_set_appeals_period (ShtatSchedule  *schedule,
                                   const GDate    *from,
                                   const GDate    *to,
                                   const char     *source,
                                   GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!ensure_draft (schedule, error)
      || !check_text (source, _("Source of the appeal figures"), error))
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
  set_string (&schedule->appeals_source, source);
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

  set_string (&line->unit, unit);
  set_string (&line->position, position);
  set_string (&line->grade, grade);
  line->units = units;
  line->salary = salary;
  line->allowances = allowances;
  g_ptr_array_add (self->lines, line);
  return line;
}

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

  if (!ensure_draft (schedule, error)
      || !check_text (unit, _("Structural unit"), error)
      || !check_text (position, _("Position"), error)
      || !check_text (grade, _("Category or grade"), error)
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
  if (line == NULL || !check_text (text, field_name, error))
    return FALSE;
  set_string (&G_STRUCT_MEMBER (char *, line, offset), text);
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
  if (g_strcmp0 (table->id, CENTRE_TABLE) != 0)
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
        set_string (&line->reference, shtat_text_get_lang (&row->reference, lang));
    }

  return g_steal_pointer (&self);
}

ShtatSchedule *
shtat_schedule_copy_as_draft (const ShtatSchedule *schedule)
{
  ShtatSchedule *copy;

  g_return_val_if_fail (schedule != NULL, NULL);

  copy = shtat_schedule_new ();
  copy->centre = g_strdup (schedule->centre);
  copy->version = MIN (schedule->version + 1, MAX_VERSION);
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
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
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
  return dates_equal (&a->as_of, &b->as_of);
}

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
      || !dates_equal (&a->appeals_from, &b->appeals_from)
      || !dates_equal (&a->appeals_to, &b->appeals_to)
      || g_strcmp0 (a->appeals_source, b->appeals_source) != 0
      || a->has_approval != b->has_approval
      || g_strcmp0 (a->sha256, b->sha256) != 0
      || a->superseded_by != b->superseded_by
      || a->lines->len != b->lines->len)
    return FALSE;

  if (a->has_approval
      && (g_strcmp0 (a->approval.akimat, b->approval.akimat) != 0
          || g_strcmp0 (a->approval.order_number, b->approval.order_number) != 0
          || !dates_equal (&a->approval.order_date, &b->approval.order_date)
          || g_strcmp0 (a->approval.signatory, b->approval.signatory) != 0
          || !dates_equal (&a->approval.effective, &b->approval.effective)))
    return FALSE;

  for (guint i = 0; i < a->lines->len; i++)
    if (!lines_equal (g_ptr_array_index (a->lines, i), g_ptr_array_index (b->lines, i)))
      return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Compliance                                                               */

static ShtatRemark *
remark_copy (const ShtatRemark *remark)
{
  ShtatRemark *copy = shtat_remark_new (remark->kind, remark->interpretation, remark->cite, remark->text);

  copy->title = g_strdup (remark->title);
  return copy;
}

static void
copy_remarks (GPtrArray *dest,
              GPtrArray *src)
{
  for (guint i = 0; src != NULL && i < src->len; i++)
    g_ptr_array_add (dest, remark_copy (g_ptr_array_index (src, i)));
}

static void
compliance_row_free (ShtatComplianceRow *row)
{
  g_free (row->position);
  g_free (row->message);
  g_ptr_array_unref (row->remarks);
  g_free (row);
}

void
shtat_schedule_check_free (ShtatScheduleCheck *check)
{
  if (check == NULL)
    return;
  g_clear_pointer (&check->minimum, shtat_minimum_free);
  g_clear_pointer (&check->rows, g_ptr_array_unref);
  g_clear_pointer (&check->remarks, g_ptr_array_unref);
  g_free (check);
}

static const ShtatNormTable *
resolve_table (const ShtatSchedule   *self,
               ShtatNormLibrary      *library,
               const ShtatNormTable  *table,
               GError               **error)
{
  if (table != NULL)
    return table;

  if (self->table == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                           _("The schedule names no norm table to check it against"));
      return NULL;
    }

  table = shtat_norm_library_get_table (library, self->table);
  if (table == NULL)
    g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                 _("Unknown norm table “%s”"), self->table);
  return table;
}

/* Salary + allowances per full unit of a position, as the header describes:
 * the unit-weighted average over its lines with a rate, the plain average when
 * none of them has units, then the pay grid; -1 when unknown. */
static gboolean
position_rate (const ShtatSchedule  *self,
               const char           *position,
               ShtatPayGrid         *grid,
               gint64               *out,
               GError              **error)
{
  guint64 weighted = 0, weight = 0, plain = 0, n_plain = 0;
  guint64 num, den;

  *out = -1;
  for (guint i = 0; i < self->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (self->lines, i);
      gint64 rate;
      guint64 part;

      if (g_strcmp0 (line->position, position) != 0)
        continue;
      if (!shtat_money_add (line->salary, line->allowances, &rate))
        goto overflow;
      if (rate == 0)
        continue;
      if (line->units > 0)
        {
          if (!g_uint64_checked_mul (&part, (guint64) rate, (guint64) line->units)
              || !g_uint64_checked_add (&weighted, weighted, part))
            goto overflow;
          weight += (guint64) line->units;
        }
      if (!g_uint64_checked_add (&plain, plain, (guint64) rate))
        goto overflow;
      n_plain++;
    }

  if (weight > 0)
    {
      num = weighted;
      den = weight;
    }
  else if (n_plain > 0)
    {
      num = plain;
      den = n_plain;
    }
  else
    {
      gint64 salary;

      if (grid != NULL && shtat_pay_grid_get_position (grid, position) != NULL
          && shtat_pay_grid_position_salary (grid, position, &self->drivers.as_of, &salary, NULL, NULL))
        *out = salary;
      return TRUE;
    }

  /* num / den, half up: (2 num + den) div 2 den */
  if (!g_uint64_checked_mul (&num, num, 2) || !g_uint64_checked_add (&num, num, den))
    goto overflow;
  *out = (gint64) (num / (2 * den));
  return TRUE;

overflow:
  set_overflow (error);
  return FALSE;
}

static ShtatComplianceRow *
compliance_row_new (const ShtatNormRow *row,
                    const char         *position)
{
  ShtatComplianceRow *cr = g_new0 (ShtatComplianceRow, 1);

  cr->row = row;
  cr->position = g_strdup (position);
  cr->rate = -1;
  cr->cost = -1;
  cr->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_remark_free);
  return cr;
}

/* The lines of a position: their units, count, whether one is justified,
 * whether all carry a reference, and their own fund. */
static gboolean
sum_lines (const ShtatSchedule  *self,
           ShtatComplianceRow   *cr,
           gboolean             *all_referenced,
           gint64               *fund,
           GError              **error)
{
  *all_referenced = TRUE;
  *fund = 0;
  for (guint i = 0; i < self->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (self->lines, i);
      gint64 line_fund;

      if (g_strcmp0 (line->position, cr->position) != 0)
        continue;
      cr->planned += line->units;
      cr->n_lines++;
      if (!is_blank (line->justification))
        cr->justified = TRUE;
      if (is_blank (line->reference))
        *all_referenced = FALSE;
      if (!shtat_schedule_line_get_fund (line, &line_fund, error))
        return FALSE;
      if (!shtat_money_add (*fund, line_fund, fund))
        {
          set_overflow (error);
          return FALSE;
        }
    }
  return TRUE;
}

ShtatScheduleCheck *
shtat_schedule_check (const ShtatSchedule   *schedule,
                      ShtatNormLibrary      *library,
                      const ShtatNormTable  *table,
                      ShtatPayGrid          *grid,
                      GError               **error)
{
  g_autoptr(ShtatScheduleCheck) check = NULL;
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(GString) unknown = NULL;
  const ShtatInterpretation *interchange;
  gint64 cost = 0;
  gboolean cost_known = TRUE;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), NULL);

  table = resolve_table (schedule, library, table, error);
  if (table == NULL)
    return NULL;

  check = g_new0 (ShtatScheduleCheck, 1);
  check->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) compliance_row_free);
  check->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_remark_free);
  check->minimum = shtat_minimum_compute (library, table, &schedule->drivers,
                                          SHTAT_RATIO_ROUNDING_DEFAULT, error);
  if (check->minimum == NULL || !shtat_schedule_get_fund (schedule, &check->fund, NULL, error))
    return NULL;
  copy_remarks (check->remarks, check->minimum->remarks);

  named = g_hash_table_new (g_str_hash, g_str_equal);
  unknown = g_string_new (NULL);
  interchange = shtat_norm_library_get_interpretation (library, INTERPRETATION_INTERCHANGE);

  /* The table's rows: planned against the minimum, and what the minimum costs. */
  for (guint i = 0; i < check->minimum->lines->len; i++)
    {
      const ShtatMinimumLine *ml = g_ptr_array_index (check->minimum->lines, i);
      ShtatComplianceRow *cr = compliance_row_new (ml->row, ml->row->position);
      gboolean all_referenced;
      gint64 own_fund;
      g_autofree char *planned = NULL;
      g_autofree char *minimum = NULL;

      g_ptr_array_add (check->rows, cr);
      g_hash_table_add (named, ml->row->position);
      copy_remarks (cr->remarks, ml->remarks);
      cr->minimum = ml->units;
      if (!sum_lines (schedule, cr, &all_referenced, &own_fund, error)
          || !position_rate (schedule, cr->position, grid, &cr->rate, error))
        return NULL;
      planned = shtat_units_format_locale (cr->planned);
      minimum = shtat_units_format_locale (MAX (cr->minimum, 0));

      if (ml->units < 0)
        {
          /* item 4: priced at what the schedule plans, on both sides */
          cr->status = SHTAT_COMPLIANCE_TYPICAL;
          cr->cost = own_fund;
          if (!shtat_money_add (cost, own_fund, &cost))
            {
              set_overflow (error);
              return NULL;
            }
          if (cr->n_lines == 0)
            {
              cr->severity = SHTAT_SEVERITY_WARNING;
              cr->message = g_strdup (_("Set by typical norms (not checked): the schedule has no line for it; "
                                        "enter the number of units with a reference to the norm used"));
            }
          else if (!all_referenced)
            {
              cr->severity = SHTAT_SEVERITY_WARNING;
              /* TRANSLATORS: %s is a number of staff units, e.g. "1.5" */
              cr->message = g_strdup_printf (_("Set by typical norms (not checked): planned %s; "
                                               "give the reference to the norm used"), planned);
            }
          else
            cr->message = g_strdup_printf (_("Set by typical norms (not checked): planned %s"), planned);
          continue;
        }

      if (cr->minimum > 0)
        {
          if (cr->rate < 0)
            {
              g_autofree char *label = shtat_schedule_dup_position_label (library, table->id, cr->position);

              cost_known = FALSE;
              if (unknown->len > 0)
                g_string_append (unknown, ", ");
              g_string_append (unknown, label);
            }
          else if (!shtat_money_for_units (cr->rate, cr->minimum, &cr->cost)
                   || !shtat_money_add (cost, cr->cost, &cost))
            {
              set_overflow (error);
              return NULL;
            }
        }
      else
        cr->cost = 0;

      if (cr->planned == cr->minimum)
        {
          cr->status = SHTAT_COMPLIANCE_AT;
          /* TRANSLATORS: both are numbers of staff units */
          cr->message = g_strdup_printf (_("Planned %s, minimum %s"), planned, minimum);
        }
      else if (cr->planned > cr->minimum)
        {
          cr->status = SHTAT_COMPLIANCE_ABOVE;
          cr->message = g_strdup_printf (_("Planned %s, minimum %s"), planned, minimum);
        }
      else
        cr->status = cr->n_lines == 0 ? SHTAT_COMPLIANCE_MISSING : SHTAT_COMPLIANCE_BELOW;
    }

  /* Positions the table does not name: allowed, the norms are a minimum. */
  for (guint i = 0; i < schedule->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (schedule->lines, i);
      ShtatComplianceRow *cr;
      gboolean all_referenced;
      gint64 own_fund;
      g_autofree char *planned = NULL;

      if (line->position == NULL || g_hash_table_contains (named, line->position))
        continue;
      cr = compliance_row_new (NULL, line->position);
      g_ptr_array_add (check->rows, cr);
      g_hash_table_add (named, line->position);
      if (!sum_lines (schedule, cr, &all_referenced, &own_fund, error)
          || !position_rate (schedule, cr->position, grid, &cr->rate, error))
        return NULL;
      cr->status = SHTAT_COMPLIANCE_ABOVE;
      cr->cost = 0;
      planned = shtat_units_format_locale (cr->planned);
      /* TRANSLATORS: %s is a number of staff units */
      cr->message = g_strdup_printf (_("Not in the minimum norms: planned %s"), planned);
    }

  check->minimum_cost = cost_known ? cost : -1;
  check->fund_covers_minimum = cost_known && check->fund >= cost;

  /* Rows below their minimum: a warning under the interchange rule (item 5),
   * an error otherwise. */
  for (guint i = 0; i < check->rows->len; i++)
    {
      ShtatComplianceRow *cr = g_ptr_array_index (check->rows, i);
      g_autofree char *planned = NULL;
      g_autofree char *minimum = NULL;
      const char *cite;

      if (cr->status == SHTAT_COMPLIANCE_BELOW || cr->status == SHTAT_COMPLIANCE_MISSING)
        {
          planned = shtat_units_format_locale (cr->planned);
          minimum = shtat_units_format_locale (cr->minimum);
          cite = cr->row->cite;

          if (interchange != NULL)
            g_ptr_array_add (cr->remarks, shtat_remark_new_interpretation (interchange));

          if (cr->status == SHTAT_COMPLIANCE_MISSING)
            {
              cr->severity = SHTAT_SEVERITY_ERROR;
              /* TRANSLATORS: %s is a number of staff units */
              cr->message = g_strdup_printf (_("Required but missing: minimum %s, and the schedule has no "
                                               "line for this position"), minimum);
              g_ptr_array_add (cr->remarks,
                               shtat_remark_new (SHTAT_REMARK_WARNING, 0, cite,
                                                 _("To staff it below the minimum within the wage fund, add a "
                                                   "line for it with a written justification.")));
            }
          else if (check->fund_covers_minimum && cr->justified)
            {
              g_autofree char *fund = shtat_money_format (check->fund);
              g_autofree char *min_cost = shtat_money_format (check->minimum_cost);
              g_autofree char *text = NULL;

              cr->severity = SHTAT_SEVERITY_WARNING;
              /* TRANSLATORS: planned and minimum staff units */
              cr->message = g_strdup_printf (_("Below the minimum (planned %s, minimum %s), accepted as an "
                                               "interchange within the wage fund"), planned, minimum);
              /* TRANSLATORS: two sums of money */
              text = g_strdup_printf (_("The monthly wage fund of %s is not below the %s the minimum staffing "
                                        "would cost, and the line is justified."), fund, min_cost);
              g_ptr_array_add (cr->remarks, shtat_remark_new (SHTAT_REMARK_WARNING, 0, cite, text));
            }
          else
            {
              cr->severity = SHTAT_SEVERITY_ERROR;
              /* TRANSLATORS: planned and minimum staff units */
              cr->message = g_strdup_printf (_("Below the minimum: planned %s, minimum %s"), planned, minimum);
              if (!cr->justified)
                g_ptr_array_add (cr->remarks,
                                 shtat_remark_new (SHTAT_REMARK_WARNING, 0, cite,
                                                   _("No line of this position gives a written justification "
                                                     "for staffing it below the minimum.")));
              if (!cost_known)
                {
                  /* TRANSLATORS: %s is a list of positions */
                  g_autofree char *text = g_strdup_printf (_("What the minimum staffing would cost is unknown: "
                                                             "no salary is given for %s."), unknown->str);

                  g_ptr_array_add (cr->remarks, shtat_remark_new (SHTAT_REMARK_WARNING, 0, cite, text));
                }
              else if (!check->fund_covers_minimum)
                {
                  g_autofree char *fund = shtat_money_format (check->fund);
                  g_autofree char *min_cost = shtat_money_format (check->minimum_cost);
                  g_autofree char *text = NULL;

                  text = g_strdup_printf (_("The monthly wage fund of %s is below the %s the minimum staffing "
                                            "would cost."), fund, min_cost);
                  g_ptr_array_add (cr->remarks, shtat_remark_new (SHTAT_REMARK_WARNING, 0, cite, text));
                }
            }
        }

      if (cr->severity == SHTAT_SEVERITY_ERROR)
        check->n_errors++;
      else if (cr->severity == SHTAT_SEVERITY_WARNING)
        check->n_warnings++;
    }

  return g_steal_pointer (&check);
}

/* ------------------------------------------------------------------------ */
/* Workflow                                                                 */

static gboolean
fail_line (GError                  **error,
           ShtatNormLibrary         *library,
           const ShtatSchedule      *self,
           guint                     i,
           const char               *format,
           ...) G_GNUC_PRINTF (5, 6);

/* "Line 3 (Psychologist): …" */
static gboolean
fail_line (GError                  **error,
           ShtatNormLibrary         *library,
           const ShtatSchedule      *self,
           guint                     i,
           const char               *format,
           ...)
{
  const ShtatScheduleLine *line = g_ptr_array_index (self->lines, i);
  g_autofree char *label = dup_line_label (library, self->table, line);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "Line 3 (Psychologist): <what is wrong>" */
  g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, _("Line %u (%s): %s"),
               i + 1, label, message);
  return FALSE;
}

gboolean
shtat_schedule_validate (const ShtatSchedule   *schedule,
                         ShtatNormLibrary      *library,
                         const ShtatNormTable  *table,
                         GError               **error)
{
  g_autoptr(ShtatMinimum) minimum = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);

  if (schedule->centre == NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                           _("Give the centre the schedule is for"));
      return FALSE;
    }
  if (schedule->lines->len == 0)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                           _("The schedule has no lines"));
      return FALSE;
    }

  table = resolve_table (schedule, library, table, error);
  if (table == NULL)
    return FALSE;
  minimum = shtat_minimum_compute (library, table, &schedule->drivers, SHTAT_RATIO_ROUNDING_DEFAULT, error);
  if (minimum == NULL)
    return FALSE;

  for (guint i = 0; i < schedule->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (schedule->lines, i);
      const ShtatNormRow *row = find_row (table, line->position);
      const ShtatMinimumLine *ml = row != NULL ? shtat_minimum_find_row (minimum, row->n) : NULL;

      if (line->position == NULL)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("Line %u: give the position"), i + 1);
          return FALSE;
        }
      if (line->unit == NULL)
        return fail_line (error, library, schedule, i, "%s", _("give the structural unit"));
      /* item 6: a multiple of 0.25, unless it is the norm's own figure (5.25 per 50 beds) */
      if (line->units % 25 != 0 && (ml == NULL || ml->units != line->units))
        {
          g_autofree char *units = shtat_units_format_locale (line->units);

          /* TRANSLATORS: %s is a number of staff units */
          return fail_line (error, library, schedule, i, _("%s units is not a multiple of 0.25"), units);
        }
      if (line->units > 0 && line->salary == 0)
        return fail_line (error, library, schedule, i, "%s", _("give the official salary"));
      if (row != NULL && row->kind == SHTAT_RULE_TYPICAL && is_blank (line->reference))
        return fail_line (error, library, schedule, i, "%s",
                          _("the number is set by typical norms; give the reference to the norm used"));
    }

  return shtat_schedule_get_fund (schedule, NULL, NULL, error);
}

gboolean
shtat_schedule_submit (ShtatSchedule         *schedule,
                       ShtatNormLibrary      *library,
                       const ShtatNormTable  *table,
                       GError               **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (schedule->status != SHTAT_SCHEDULE_DRAFT)
    {
      /* TRANSLATORS: %s is a sentence on the version's status */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                   _("Only a draft can be submitted. %s"), status_sentence (schedule->status));
      return FALSE;
    }
  if (!shtat_schedule_validate (schedule, library, table, error))
    return FALSE;

  schedule->status = SHTAT_SCHEDULE_SUBMITTED;
  return TRUE;
}

gboolean
shtat_schedule_withdraw (ShtatSchedule  *schedule,
                         GError        **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (schedule->status != SHTAT_SCHEDULE_SUBMITTED)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                   _("Only a submitted version can be withdrawn to a draft. %s"),
                   status_sentence (schedule->status));
      return FALSE;
    }
  schedule->status = SHTAT_SCHEDULE_DRAFT;
  return TRUE;
}

static gboolean
check_approval (const ShtatApproval  *approval,
                GError              **error)
{
  const char *missing = NULL;

  if (approval == NULL || is_blank (approval->akimat))
    missing = _("Approval: give the akimat that approves the schedule");
  else if (is_blank (approval->order_number))
    missing = _("Approval: give the number of the order");
  else if (!g_date_valid (&approval->order_date))
    missing = _("Approval: give the date of the order");
  else if (is_blank (approval->signatory))
    missing = _("Approval: give who signed the order");
  else if (!g_date_valid (&approval->effective))
    missing = _("Approval: give the date the schedule takes effect");

  if (missing != NULL)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID, missing);
      return FALSE;
    }

  return check_text (approval->akimat, _("Akimat"), error)
         && check_text (approval->order_number, _("Order number"), error)
         && check_text (approval->signatory, _("Signatory"), error);
}

static char *compute_sha256 (const ShtatSchedule *self);

gboolean
shtat_schedule_approve (ShtatSchedule         *schedule,
                        ShtatNormLibrary      *library,
                        const ShtatNormTable  *table,
                        ShtatPayGrid          *grid,
                        const ShtatApproval   *approval,
                        ShtatSchedule         *previous,
                        GError               **error)
{
  g_autoptr(ShtatScheduleCheck) check = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);

  switch (schedule->status)
    {
    case SHTAT_SCHEDULE_DRAFT:
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                           _("Submit the draft before approving it"));
      return FALSE;
    case SHTAT_SCHEDULE_APPROVED:
      {
        g_autofree char *date = shtat_format_gdate (&schedule->approval.order_date);

        g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                     /* TRANSLATORS: version number, order number, order date */
                     _("Version %u is already approved (order %s of %s); it cannot be approved again"),
                     schedule->version, schedule->approval.order_number, date);
        return FALSE;
      }
    case SHTAT_SCHEDULE_SUPERSEDED:
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                   _("Version %u has been superseded; it cannot be approved again"), schedule->version);
      return FALSE;
    case SHTAT_SCHEDULE_SUBMITTED:
    default:
      break;
    }

  if (!check_approval (approval, error))
    return FALSE;

  if (previous != NULL)
    {
      if (previous == schedule || previous->status != SHTAT_SCHEDULE_APPROVED)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS,
                       _("Version %u is not an approved version, so it cannot be superseded"),
                       previous->version);
          return FALSE;
        }
      if (g_strcmp0 (previous->centre, schedule->centre) != 0)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("Version %u belongs to another centre (“%s”, not “%s”)"), previous->version,
                       previous->centre != NULL ? previous->centre : "", schedule->centre);
          return FALSE;
        }
      if (previous->version >= schedule->version)
        {
          g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID,
                       _("Version %u cannot supersede version %u: a new version has a higher number"),
                       schedule->version, previous->version);
          return FALSE;
        }
    }

  if (!shtat_schedule_validate (schedule, library, table, error))
    return FALSE;
  check = shtat_schedule_check (schedule, library, table, grid, error);
  if (check == NULL)
    return FALSE;

  if (check->n_errors > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      const char *table_id = check->minimum->table->id;

      for (guint i = 0; i < check->rows->len; i++)
        {
          const ShtatComplianceRow *cr = g_ptr_array_index (check->rows, i);
          g_autofree char *label = NULL;

          if (cr->severity != SHTAT_SEVERITY_ERROR)
            continue;
          label = shtat_schedule_dup_position_label (library, table_id, cr->position);
          if (list->len > 0)
            g_string_append (list, "; ");
          g_string_append_printf (list, "%s: %s", label, cr->message);
        }
      /* TRANSLATORS: %s lists the positions and what is wrong with them */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_NOT_COMPLIANT,
                   _("The schedule does not meet the minimum staffing norms and cannot be approved: %s"),
                   list->str);
      return FALSE;
    }

  /* Every condition holds: commit both versions. */
  approval_copy (&schedule->approval, approval);
  schedule->has_approval = TRUE;
  schedule->status = SHTAT_SCHEDULE_APPROVED;
  g_free (schedule->sha256);
  schedule->sha256 = compute_sha256 (schedule);

  if (previous != NULL)
    {
      previous->status = SHTAT_SCHEDULE_SUPERSEDED;
      previous->superseded_by = schedule->version;
    }
  return TRUE;
}

gboolean
shtat_schedule_verify (const ShtatSchedule  *schedule,
                       GError              **error)
{
  g_autofree char *actual = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);

  if (schedule->status != SHTAT_SCHEDULE_APPROVED && schedule->status != SHTAT_SCHEDULE_SUPERSEDED)
    return TRUE;

  if (schedule->sha256 == NULL)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED,
                   _("Version %u is marked approved but carries no checksum: it cannot be trusted"),
                   schedule->version);
      return FALSE;
    }

  actual = compute_sha256 (schedule);
  if (g_ascii_strcasecmp (actual, schedule->sha256) != 0)
    {
      /* TRANSLATORS: version, centre code, checksum recorded, checksum of the content now */
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_TAMPERED,
                   _("Version %u of the staffing schedule of “%s” has been changed since it was approved: "
                     "the SHA-256 recorded at approval is %s, its content now gives %s"),
                   schedule->version, schedule->centre != NULL ? schedule->centre : "",
                   schedule->sha256, actual);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Canonical XML: writing                                                   */

typedef enum
{
  XML_FULL,     /* the document as saved */
  XML_HASHED,   /* what the checksum covers: as it was at approval */
} XmlForm;

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, in_attribute ? "&quot;" : "\"");
          break;
        case '\r':
          /* a raw CR would come back as LF */
          g_string_append (out, "&#13;");
          break;
        case '\n':
          /* attribute values are normalised: a raw LF or tab would come back as a space */
          g_string_append (out, in_attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, in_attribute ? "&#9;" : "\t");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static char *
iso_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
append_date_attr (GString     *out,
                  const char  *name,
                  const GDate *date)
{
  g_autofree char *iso = iso_date (date);

  append_attr (out, name, iso);
}

static void
append_uint_attr (GString    *out,
                  const char *name,
                  guint64     value)
{
  g_string_append_printf (out, " %s=\"%" G_GUINT64_FORMAT "\"", name, value);
}

static void
append_text_element (GString    *out,
                     const char *name,
                     const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (out, "    <%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static GString *
write_xml (const ShtatSchedule *self,
           XmlForm              form)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule format=\"1\"");
  ShtatScheduleStatus status = self->status;

  if (form == XML_HASHED && status == SHTAT_SCHEDULE_SUPERSEDED)
    status = SHTAT_SCHEDULE_APPROVED;

  append_attr (out, "centre", self->centre);
  append_uint_attr (out, "version", self->version);
  append_attr (out, "status", shtat_schedule_status_to_string (status));
  append_attr (out, "table", self->table);
  append_date_attr (out, "as-of", &self->drivers.as_of);
  if (form == XML_FULL && self->status == SHTAT_SCHEDULE_SUPERSEDED)
    append_uint_attr (out, "superseded-by", self->superseded_by);
  g_string_append (out, ">\n");

  if (g_date_valid (&self->appeals_from) || g_date_valid (&self->appeals_to) || self->appeals_source != NULL)
    {
      g_string_append (out, "  <appeals-period");
      append_date_attr (out, "from", &self->appeals_from);
      append_date_attr (out, "to", &self->appeals_to);
      append_attr (out, "source", self->appeals_source);
      g_string_append (out, "/>\n");
    }

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (!self->drivers.set[d])
        continue;
      format_driver_value (self->drivers.values[d], buf, sizeof buf);
      g_string_append (out, "  <driver");
      append_attr (out, "name", shtat_driver_to_string (d));
      append_attr (out, "value", buf);
      g_string_append (out, "/>\n");
    }

  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (self->drivers.flags[f])
      {
        g_string_append (out, "  <flag");
        append_attr (out, "name", shtat_flag_to_string (f));
        g_string_append (out, "/>\n");
      }

  if (self->has_approval)
    {
      g_string_append (out, "  <approval");
      append_attr (out, "akimat", self->approval.akimat);
      append_attr (out, "order-number", self->approval.order_number);
      append_date_attr (out, "order-date", &self->approval.order_date);
      append_attr (out, "signatory", self->approval.signatory);
      append_date_attr (out, "effective", &self->approval.effective);
      g_string_append (out, "/>\n");
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (self->lines, i);
      g_autofree char *units = shtat_units_format (line->units);

      g_string_append (out, "  <line");
      append_attr (out, "unit", line->unit);
      append_attr (out, "position", line->position);
      append_attr (out, "grade", line->grade);
      append_attr (out, "units", units);
      append_uint_attr (out, "salary", (guint64) line->salary);
      append_uint_attr (out, "allowances", (guint64) line->allowances);
      if (line->justification == NULL && line->reference == NULL)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      append_text_element (out, "justification", line->justification);
      append_text_element (out, "reference", line->reference);
      g_string_append (out, "  </line>\n");
    }

  if (form == XML_FULL && self->sha256 != NULL)
    g_string_append_printf (out, "  <sha256>%s</sha256>\n", self->sha256);

  g_string_append (out, "</schedule>\n");
  return out;
}

static char *
compute_sha256 (const ShtatSchedule *self)
{
  g_autoptr(GString) xml = write_xml (self, XML_HASHED);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) xml->str, xml->len);
}

GBytes *
shtat_schedule_to_xml (const ShtatSchedule *schedule)
{
  GString *xml;

  g_return_val_if_fail (schedule != NULL, NULL);

  xml = write_xml (schedule, XML_FULL);
  return g_string_free_to_bytes (xml);
}

/* ------------------------------------------------------------------------ */
/* Canonical XML: reading                                                   */

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

static gboolean
fail_node (GError     **error,
           xmlNode     *node,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_node (GError     **error,
           xmlNode     *node,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "line 12: <what is wrong>", in a schedule file */
  g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_SCHEMA, _("line %ld: %s"),
               xmlGetLineNo (node), message);
  return FALSE;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *ret = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return ret;
}

static char *
get_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *ret = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return ret;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

/* YYYY-MM-DD and a real day; absent attributes leave @out cleared. */
static gboolean
read_date (xmlNode     *node,
           const char  *name,
           GDate       *out,
           GError     **error)
{
  g_autofree char *value = get_attr (node, name);
  guint y, m, d;

  g_date_clear (out, 1);
  if (value == NULL)
    return TRUE;
  for (guint i = 0; i < 10 && value[i] != '\0'; i++)
    if (i == 4 || i == 7 ? value[i] != '-' : !g_ascii_isdigit (value[i]))
      return fail_node (error, node, _("“%s” is not a date (YYYY-MM-DD)"), value);
  y = (guint) g_ascii_strtoull (value, NULL, 10);
  m = (guint) g_ascii_strtoull (value + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (value + 8, NULL, 10);
  if (strlen (value) == 10 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      return TRUE;
    }
  return fail_node (error, node, _("“%s” is not a date (YYYY-MM-DD)"), value);
}

static gboolean
read_money (xmlNode     *node,
            const char  *name,
            gint64      *out,
            GError     **error)
{
  g_autofree char *value = get_attr (node, name);

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, out, NULL))
    return fail_node (error, node, _("“%s” is not a sum in tiyn"), value != NULL ? value : "");
  return TRUE;
}

static gboolean
read_text (xmlNode     *node,
           char       **field,
           char        *value,
           const char  *what,
           GError     **error)
{
  g_autofree char *owned = value;
  g_autoptr(GError) local = NULL;

  if (!check_text (owned, what, &local))
    return fail_node (error, node, "%s", local->message);
  set_string (field, owned);
  return TRUE;
}

static gboolean
read_line (ShtatSchedule  *self,
           xmlNode        *node,
           GError        **error)
{
  ShtatScheduleLine *line = g_new0 (ShtatScheduleLine, 1);
  g_autofree char *units = get_attr (node, "units");

  g_ptr_array_add (self->lines, line);
  if (!read_text (node, &line->unit, get_attr (node, "unit"), _("Structural unit"), error)
      || !read_text (node, &line->position, get_attr (node, "position"), _("Position"), error)
      || !read_text (node, &line->grade, get_attr (node, "grade"), _("Category or grade"), error))
    return FALSE;
  if (units == NULL || !shtat_units_parse (units, &line->units) || line->units > SHTAT_SCHEDULE_MAX_LINE_UNITS)
    return fail_node (error, node, _("“%s” is not a number of staff units"), units != NULL ? units : "");
  if (!read_money (node, "salary", &line->salary, error)
      || !read_money (node, "allowances", &line->allowances, error))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is (child, "justification")
          && !read_text (child, &line->justification, get_content (child), _("Justification"), error))
        return FALSE;
      if (is (child, "reference")
          && !read_text (child, &line->reference, get_content (child), _("Reference to the typical norm"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_schedule (ShtatSchedule  *self,
               xmlNode        *root,
               GError        **error)
{
  g_autofree char *version = get_attr (root, "version");
  g_autofree char *status = get_attr (root, "status");
  g_autofree char *superseded_by = get_attr (root, "superseded-by");
  guint64 number;

  if (!read_text (root, &self->centre, get_attr (root, "centre"), _("Centre"), error)
      || !read_text (root, &self->table, get_attr (root, "table"), _("Norm table"), error))
    return FALSE;
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, MAX_VERSION, &number, NULL))
    return fail_node (error, root, _("“%s” is not a version number"), version != NULL ? version : "");
  self->version = (guint) number;
  if (!shtat_schedule_status_from_string (status, &self->status))
    return fail_node (error, root, _("“%s” is not a status"), status != NULL ? status : "");
  if (!read_date (root, "as-of", &self->drivers.as_of, error))
    return FALSE;
  if (superseded_by != NULL)
    {
      if (!g_ascii_string_to_unsigned (superseded_by, 10, 1, MAX_VERSION, &number, NULL))
        return fail_node (error, root, _("“%s” is not a version number"), superseded_by);
      self->superseded_by = (guint) number;
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is (node, "appeals-period"))
        {
          if (!read_date (node, "from", &self->appeals_from, error)
              || !read_date (node, "to", &self->appeals_to, error)
              || !read_text (node, &self->appeals_source, get_attr (node, "source"),
                             _("Source of the appeal figures"), error))
            return FALSE;
          if (g_date_valid (&self->appeals_from) && g_date_valid (&self->appeals_to)
              && g_date_compare (&self->appeals_from, &self->appeals_to) > 0)
            return fail_node (error, node, "%s", _("The appeals period ends before it starts"));
        }
      else if (is (node, "driver"))
        {
          g_autofree char *name = get_attr (node, "name");
          g_autofree char *value = get_attr (node, "value");
          g_autoptr(GError) local = NULL;
          ShtatDriver driver;
          char *end = NULL;
          double v;

          if (!shtat_driver_from_string (name, &driver))
            return fail_node (error, node, _("Unknown figure “%s”"), name != NULL ? name : "");
          if (self->drivers.set[driver])
            return fail_node (error, node, _("“%s” is given twice"), name);
          v = value != NULL ? g_ascii_strtod (value, &end) : NAN;
          if (end == NULL || end == value || *end != '\0' || !check_driver_value (driver, v, &local))
            return fail_node (error, node, _("“%s” is not a valid value for “%s”"),
                              value != NULL ? value : "", shtat_driver_get_label (driver));
          shtat_drivers_set (&self->drivers, driver, normalise_driver_value (v));
        }
      else if (is (node, "flag"))
        {
          g_autofree char *name = get_attr (node, "name");
          ShtatFlag flag;

          if (!shtat_flag_from_string (name, &flag))
            return fail_node (error, node, _("Unknown figure “%s”"), name != NULL ? name : "");
          self->drivers.flags[flag] = TRUE;
        }
      else if (is (node, "approval"))
        {
          g_autofree char *akimat = get_attr (node, "akimat");
          g_autofree char *order_number = get_attr (node, "order-number");
          g_autofree char *signatory = get_attr (node, "signatory");
          g_autoptr(GError) local = NULL;

          approval_clear (&self->approval);
          if (!read_date (node, "order-date", &self->approval.order_date, error)
              || !read_date (node, "effective", &self->approval.effective, error))
            return FALSE;
          self->approval.akimat = g_steal_pointer (&akimat);
          self->approval.order_number = g_steal_pointer (&order_number);
          self->approval.signatory = g_steal_pointer (&signatory);
          self->has_approval = TRUE;
          if (!check_approval (&self->approval, &local))
            return fail_node (error, node, "%s", local->message);
        }
      else if (is (node, "line"))
        {
          if (self->lines->len >= SHTAT_SCHEDULE_MAX_LINES)
            return fail_node (error, node, _("A schedule has at most %u lines"), SHTAT_SCHEDULE_MAX_LINES);
          if (!read_line (self, node, error))
            return FALSE;
        }
      else if (is (node, "sha256"))
        {
          g_free (self->sha256);
          self->sha256 = get_content (node);
        }
    }

  /* The schema ties these to the status already; a reader of this code should
   * not have to know that. */
  if ((self->status == SHTAT_SCHEDULE_APPROVED || self->status == SHTAT_SCHEDULE_SUPERSEDED)
      != (self->has_approval && self->sha256 != NULL))
    return fail_node (error, root, "%s",
                      _("Only an approved or superseded version carries an approval and a checksum, and it must carry both"));
  return TRUE;
}

ShtatSchedule *
shtat_schedule_from_xml (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(ShtatSchedule) self = NULL;
  ShtatXmlErrors collector = { 0, NULL };
  xmlParserCtxtPtr ctxt = NULL;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc = NULL;
  const char *data;
  const char *bad = NULL;
  gsize len = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_PARSE,
                           _("The schedule file is empty"));
      return NULL;
    }
  if (len > MAX_XML_BYTES)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN,
                           _("The schedule file is larger than 16 MB, which no schedule needs"));
      return NULL;
    }

  /* UTF-8 only: then the DOCTYPE check below cannot be slipped past in
   * another encoding. */
  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN,
                   _("line %ld: %s"), (long) line_of (data, bad),
                   _("the file is not UTF-8 text; schedule files must be written in UTF-8"));
      return NULL;
    }

  /* No DOCTYPE, so no entity is ever declared, let alone expanded, and no
   * external subset is looked for. */
  {
    const char *doctype = g_strstr_len (data, (gssize) len, "<!DOCTYPE");

    if (doctype != NULL)
      {
        g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN,
                     _("line %ld: %s"), (long) line_of (data, doctype),
                     _("a DOCTYPE declaration is not allowed in schedule files (entities are never expanded)"));
        return NULL;
      }
  }

  xmlSetGenericErrorFunc (NULL, shtat_xml_silent_cb);
  xmlSetStructuredErrorFunc (&collector, shtat_xml_errors_cb);

  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, "schedule.xml", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_PARSE, _("line %ld: %s"),
                   (long) collector.line, collector.message != NULL ? collector.message
                                                             : _("not a well-formed XML document"));
      goto out;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN, _("line %ld: %s"), 1L,
                   _("a DOCTYPE declaration is not allowed in schedule files (entities are never expanded)"));
      goto out;
    }

  vctxt = xmlRelaxNGNewValidCtxt (shtat_xml_get_schema (RESOURCE_SCHEDULE_RNG));
  xmlRelaxNGSetValidStructuredErrors (vctxt, shtat_xml_errors_cb, &collector);
  if (xmlRelaxNGValidateDoc (vctxt, doc) != 0)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_SCHEMA, _("line %ld: %s"),
                   (long) collector.line, collector.message != NULL ? collector.message
                                                             : _("the document does not follow the schedule schema"));
      xmlRelaxNGFreeValidCtxt (vctxt);
      goto out;
    }
  xmlRelaxNGFreeValidCtxt (vctxt);

  self = shtat_schedule_new ();
  ok = read_schedule (self, xmlDocGetRootElement (doc), error);

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  g_free (collector.message);
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (ctxt != NULL)
    xmlFreeParserCtxt (ctxt);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* ------------------------------------------------------------------------ */
/* History                                                                  */

static char *
dup_driver_value (const ShtatDrivers *drivers,
                  ShtatDriver         d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!drivers->set[d])
    return g_strdup ("—");
  format_driver_value (drivers->values[d], buf, sizeof buf);
  if (shtat_lang_current () != SHTAT_LANG_EN)
    g_strdelimit (buf, ".", ',');
  return g_strdup (buf);
}

static char *
dup_period (const ShtatSchedule *self)
{
  g_autofree char *from = shtat_format_gdate (&self->appeals_from);
  g_autofree char *to = shtat_format_gdate (&self->appeals_to);

  if (*from == '\0' && *to == '\0')
    return g_strdup ("—");
  return g_strdup_printf ("%s – %s", from, to);
}

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "—";
}

static void
diff_line (GPtrArray               *out,
           ShtatNormLibrary        *library,
           const char              *table_id,
           const ShtatScheduleLine *a,
           const ShtatScheduleLine *b)
{
  g_autofree char *label = dup_line_label (library, table_id, b);

  if (g_strcmp0 (a->unit, b->unit) != 0)
    /* TRANSLATORS: position, old and new structural unit */
    g_ptr_array_add (out, g_strdup_printf (_("%s: structural unit “%s” → “%s”"), label,
                                           or_dash (a->unit), or_dash (b->unit)));
  if (g_strcmp0 (a->grade, b->grade) != 0)
    {
      g_autofree char *name = shtat_schedule_dup_position_label (library, table_id, b->position);

      /* TRANSLATORS: position, old and new category or pay grade */
      g_ptr_array_add (out, g_strdup_printf (_("%s: category or grade “%s” → “%s”"), name,
                                             or_dash (a->grade), or_dash (b->grade)));
    }
  if (g_strcmp0 (a->position, b->position) != 0)
    {
      g_autofree char *old_name = shtat_schedule_dup_position_label (library, table_id, a->position);

      /* TRANSLATORS: old and new position of a line */
      g_ptr_array_add (out, g_strdup_printf (_("Position: %s → %s"), old_name, label));
    }
  if (a->units != b->units)
    {
      g_autofree char *from = shtat_units_format_locale (a->units);
      g_autofree char *to = shtat_units_format_locale (b->units);

      /* TRANSLATORS: "Psychologist: 2 → 3 units" */
      g_ptr_array_add (out, g_strdup_printf (_("%s: %s → %s units"), label, from, to));
    }
  if (a->salary != b->salary)
    {
      g_autofree char *from = shtat_money_format (a->salary);
      g_autofree char *to = shtat_money_format (b->salary);

      /* TRANSLATORS: "Salary of Psychologist: 150 000,00 ₸ → 160 000,00 ₸" */
      g_ptr_array_add (out, g_strdup_printf (_("Salary of %s: %s → %s"), label, from, to));
    }
  if (a->allowances != b->allowances)
    {
      g_autofree char *from = shtat_money_format (a->allowances);
      g_autofree char *to = shtat_money_format (b->allowances);

      g_ptr_array_add (out, g_strdup_printf (_("Allowances of %s: %s → %s"), label, from, to));
    }
  if (g_strcmp0 (a->justification, b->justification) != 0)
    {
      if (b->justification != NULL)
        /* TRANSLATORS: position and the text of the new justification */
        g_ptr_array_add (out, g_strdup_printf (_("Justification of %s: “%s”"), label, b->justification));
      else
        g_ptr_array_add (out, g_strdup_printf (_("Justification of %s removed"), label));
    }
  if (g_strcmp0 (a->reference, b->reference) != 0)
    {
      if (b->reference != NULL)
        g_ptr_array_add (out, g_strdup_printf (_("Typical-norm reference of %s: “%s”"), label, b->reference));
      else
        g_ptr_array_add (out, g_strdup_printf (_("Typical-norm reference of %s removed"), label));
    }
}

static gboolean
same_key (const ShtatScheduleLine *a,
          const ShtatScheduleLine *b,
          gboolean                 exact)
{
  if (g_strcmp0 (a->position, b->position) != 0)
    return FALSE;
  return !exact || (g_strcmp0 (a->unit, b->unit) == 0 && g_strcmp0 (a->grade, b->grade) == 0);
}

GPtrArray *
shtat_schedule_diff (const ShtatSchedule *a,
                     const ShtatSchedule *b,
                     ShtatNormLibrary    *library)
{
  GPtrArray *out;
  g_autofree int *match = NULL;     /* a's line i ↔ b's line match[i], or -1 */
  g_autofree gboolean *taken = NULL;
  const char *table_id;
  gint64 fund_a, fund_b;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  out = g_ptr_array_new_with_free_func (g_free);
  table_id = b->table != NULL ? b->table : a->table;

  if (g_strcmp0 (a->centre, b->centre) != 0)
    g_ptr_array_add (out, g_strdup_printf (_("Centre: “%s” → “%s”"), or_dash (a->centre), or_dash (b->centre)));
  if (g_strcmp0 (a->table, b->table) != 0)
    g_ptr_array_add (out, g_strdup_printf (_("Norm table: %s → %s"), or_dash (a->table), or_dash (b->table)));

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (a->drivers.set[d] == b->drivers.set[d]
          && (!a->drivers.set[d] || a->drivers.values[d] == b->drivers.values[d]))
        continue;
      from = dup_driver_value (&a->drivers, d);
      to = dup_driver_value (&b->drivers, d);
      /* TRANSLATORS: "Appeals per working day: 60 → 75" */
      g_ptr_array_add (out, g_strdup_printf (_("%s: %s → %s"), shtat_driver_get_label (d), from, to));
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (!a->drivers.flags[f] != !b->drivers.flags[f])
      g_ptr_array_add (out, g_strdup (shtat_flag_get_condition_label (f, b->drivers.flags[f])));
  if (!dates_equal (&a->drivers.as_of, &b->drivers.as_of))
    {
      g_autofree char *from = shtat_format_gdate (&a->drivers.as_of);
      g_autofree char *to = shtat_format_gdate (&b->drivers.as_of);

      /* TRANSLATORS: the date the norms and the pay grid are applied as of */
      g_ptr_array_add (out, g_strdup_printf (_("As of: %s → %s"), *from != '\0' ? from : "—",
                                             *to != '\0' ? to : "—"));
    }

  if (!dates_equal (&a->appeals_from, &b->appeals_from) || !dates_equal (&a->appeals_to, &b->appeals_to))
    {
      g_autofree char *from = dup_period (a);
      g_autofree char *to = dup_period (b);

      g_ptr_array_add (out, g_strdup_printf (_("Appeals period: %s → %s"), from, to));
    }
  if (g_strcmp0 (a->appeals_source, b->appeals_source) != 0)
    g_ptr_array_add (out, g_strdup_printf (_("Source of the appeal figures: “%s” → “%s”"),
                                           or_dash (a->appeals_source), or_dash (b->appeals_source)));

  /* Lines: the same unit, position and grade first, then the same position. */
  match = g_new (int, a->lines->len + 1);
  taken = g_new0 (gboolean, b->lines->len + 1);
  for (guint i = 0; i < a->lines->len; i++)
    match[i] = -1;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < a->lines->len; i++)
      for (guint j = 0; j < b->lines->len && match[i] < 0; j++)
        if (!taken[j] && same_key (g_ptr_array_index (a->lines, i), g_ptr_array_index (b->lines, j), pass == 0))
          {
            match[i] = (int) j;
            taken[j] = TRUE;
          }

  for (guint i = 0; i < a->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (a->lines, i);

      if (match[i] >= 0)
        diff_line (out, library, table_id, line, g_ptr_array_index (b->lines, match[i]));
      else
        {
          g_autofree char *label = dup_line_label (library, table_id, line);
          g_autofree char *units = shtat_units_format_locale (line->units);

          /* TRANSLATORS: "Line removed: Lawyer (Administration), units: 2" */
          g_ptr_array_add (out, g_strdup_printf (_("Line removed: %s (%s), units: %s"), label,
                                                 or_dash (line->unit), units));
        }
    }
  for (guint j = 0; j < b->lines->len; j++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (b->lines, j);
      g_autofree char *label = NULL;
      g_autofree char *units = NULL;
      g_autofree char *salary = NULL;

      if (taken[j])
        continue;
      label = dup_line_label (library, table_id, line);
      units = shtat_units_format_locale (line->units);
      salary = shtat_money_format (line->salary);
      /* TRANSLATORS: "Line added: Psychologist (Consultation…), units: 1, salary 150 000,00 ₸" */
      g_ptr_array_add (out, g_strdup_printf (_("Line added: %s (%s), units: %s, salary %s"), label,
                                             or_dash (line->unit), units, salary));
    }

  if (shtat_schedule_get_total_units (a) != shtat_schedule_get_total_units (b))
    {
      g_autofree char *from = shtat_units_format_locale (shtat_schedule_get_total_units (a));
      g_autofree char *to = shtat_units_format_locale (shtat_schedule_get_total_units (b));

      g_ptr_array_add (out, g_strdup_printf (_("Total units: %s → %s"), from, to));
    }
  if (shtat_schedule_get_fund (a, &fund_a, NULL, NULL) && shtat_schedule_get_fund (b, &fund_b, NULL, NULL)
      && fund_a != fund_b)
    {
      g_autofree char *from = shtat_money_format (fund_a);
      g_autofree char *to = shtat_money_format (fund_b);

      g_ptr_array_add (out, g_strdup_printf (_("Monthly wage fund: %s → %s"), from, to));
    }

  return out;
}
