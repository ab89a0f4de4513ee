/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-enum.h"
#include "shtat-schedule-enums.h"
#include "shtat-schedule-private.h"
#include "shtat-text.h"
#include "shtat-units.h"

/* decisions.md item 5, the interchange rule. */
#define INTERPRETATION_INTERCHANGE 5

/**
 * shtat_compliance_status_to_string:
 * @status: a status
 *
 * Returns: (transfer none): the word for @status in shtat-cli's output: "at",
 *   "above", "below", "missing" or "typical"
 */
const char *
shtat_compliance_status_to_string (ShtatComplianceStatus status)
{
  return shtat_enum_to_nick (SHTAT_TYPE_COMPLIANCE_STATUS, status);
}

/**
 * shtat_compliance_status_get_label:
 * @status: a status
 *
 * Returns: (transfer none): the status in the user's language
 */
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

const ShtatNormTable *
shtat_schedule_resolve_table (const ShtatSchedule   *self,
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
  shtat_schedule_set_overflow (error);
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
      if (!shtat_schedule_is_blank (line->justification))
        cr->justified = TRUE;
      if (shtat_schedule_is_blank (line->reference))
        *all_referenced = FALSE;
      if (!shtat_schedule_line_get_fund (line, &line_fund, error))
        return FALSE;
      if (!shtat_money_add (*fund, line_fund, fund))
        {
          shtat_schedule_set_overflow (error);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * shtat_schedule_check:
 * @schedule: a schedule
 * @library: the norms
 * @table: (nullable): the table to check against; NULL: the schedule's own
 * @grid: (nullable): prices positions no line gives a salary for
 * @error: return location for a #GError
 *
 * Every row of @table against the minimum for the schedule's drivers, then the
 * positions the table does not name. The result borrows rows of the library:
 * free it before the library.
 *
 * Returns: (transfer full) (nullable): the check, or NULL with @error set.
 */
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

  table = shtat_schedule_resolve_table (schedule, library, table, error);
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
              shtat_schedule_set_overflow (error);
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
              shtat_schedule_set_overflow (error);
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

