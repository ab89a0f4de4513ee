/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-minimum"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shtat-minimum.h"
#include "shtat-remark.h"
#include "shtat-units.h"

/* No institution has a million beds; larger figures are typing mistakes. */
#define MAX_DRIVER_VALUE 1000000.0

G_DEFINE_QUARK (shtat-minimum-error-quark, shtat_minimum_error)

void
shtat_drivers_init (ShtatDrivers *drivers)
{
  memset (drivers, 0, sizeof *drivers);
  g_date_clear (&drivers->as_of, 1);
}

void
shtat_drivers_set (ShtatDrivers *drivers,
                   ShtatDriver   driver,
                   double        value)
{
  g_return_if_fail (driver < SHTAT_N_DRIVERS);
  drivers->values[driver] = value;
  drivers->set[driver] = TRUE;
}

static void
line_free (ShtatMinimumLine *line)
{
  g_ptr_array_unref (line->remarks);
  g_free (line->explanation);
  g_free (line);
}

void
shtat_minimum_free (ShtatMinimum *minimum)
{
  if (minimum == NULL)
    return;
  g_ptr_array_unref (minimum->lines);
  g_ptr_array_unref (minimum->remarks);
  g_free (minimum);
}

/**
 * shtat_minimum_find_row:
 * @minimum: a computed minimum
 * @n: a row number of the act
 *
 * Returns: (transfer none) (nullable): the line of row @n, or %NULL
 */
const ShtatMinimumLine *
shtat_minimum_find_row (const ShtatMinimum *minimum,
                        guint               n)
{
  for (guint i = 0; i < minimum->lines->len; i++)
    {
      const ShtatMinimumLine *line = g_ptr_array_index (minimum->lines, i);
      if (line->row->n == n)
        return line;
    }
  return NULL;
}

static gboolean
in_bracket (const ShtatBracket *b,
            double              v)
{
  if (b->has_min && (b->min_inclusive ? v < b->min : v <= b->min))
    return FALSE;
  if (b->has_max && (b->max_inclusive ? v > b->max : v >= b->max))
    return FALSE;
  return TRUE;
}

static void
add_interpretations (GPtrArray        *remarks,
                     ShtatNormLibrary *library,
                     GArray           *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const ShtatInterpretation *in =
        shtat_norm_library_get_interpretation (library, g_array_index (ids, guint, i));

      if (in != NULL)
        g_ptr_array_add (remarks, shtat_remark_new_interpretation (in));
    }
}

static void
add_amendments (GPtrArray    *remarks,
                GPtrArray    *amendments,
                const GDate  *as_of)
{
  for (guint i = 0; i < amendments->len; i++)
    {
      const ShtatAmendment *a = g_ptr_array_index (amendments, i);
      g_autofree char *text = NULL;

      if (a->pending && a->effective_from != NULL)
        {
          g_autofree char *when = shtat_format_iso_date (a->effective_from);
          GDate from;

          g_date_clear (&from, 1);
          g_date_set_dmy (&from,
                          (GDateDay) g_ascii_strtoull (a->effective_from + 8, NULL, 10),
                          (GDateMonth) g_ascii_strtoull (a->effective_from + 5, NULL, 10),
                          (GDateYear) g_ascii_strtoull (a->effective_from, NULL, 10));
          if (g_date_valid (&from) && g_date_compare (as_of, &from) >= 0)
            text = g_strdup_printf (_("%s In force since %s: check the current wording of the act."),
                                    shtat_text_get (&a->note), when);
          else
            text = g_strdup_printf (_("%s Takes effect on %s."), shtat_text_get (&a->note), when);
        }
      else
        text = g_strdup (shtat_text_get (&a->note));

      g_ptr_array_add (remarks, shtat_remark_new (SHTAT_REMARK_AMENDMENT, 0, a->cite, text));
    }
}

static gboolean
conditions_hold (const ShtatNormRow *row,
                 const ShtatDrivers *drivers,
                 GString            *unmet)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < row->conditions->len; c++)
    {
      const ShtatCondition *cond = &g_array_index (row->conditions, ShtatCondition, c);

      if (!drivers->flags[cond->flag] != !cond->value)
        {
          if (unmet->len > 0)
            g_string_append (unmet, "; ");
          g_string_append (unmet, shtat_flag_get_condition_label (cond->flag, cond->value));
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
check_drivers (const ShtatNormTable *table,
               const ShtatDrivers   *drivers,
               GError              **error)
{
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      double v = drivers->values[d];

      if (!shtat_norm_table_uses_driver (table, d))
        continue;

      if (!drivers->set[d])
        {
          if (table->has_brackets && table->bracket_driver == d)
            {
              g_set_error (error, SHTAT_MINIMUM_ERROR, SHTAT_MINIMUM_ERROR_MISSING_DRIVER,
                           _("Table “%s” depends on “%s”: give a value for it"),
                           table->id, shtat_driver_get_label (d));
              return FALSE;
            }
          continue;
        }

      if (!isfinite (v) || v < 0 || v > MAX_DRIVER_VALUE)
        {
          g_set_error (error, SHTAT_MINIMUM_ERROR, SHTAT_MINIMUM_ERROR_INVALID_DRIVER,
                       _("“%s” must be a number from 0 to %.0f, not %g"),
                       shtat_driver_get_label (d), MAX_DRIVER_VALUE, v);
          return FALSE;
        }

      if (shtat_driver_is_count (d) && v != floor (v))
        {
          g_set_error (error, SHTAT_MINIMUM_ERROR, SHTAT_MINIMUM_ERROR_INVALID_DRIVER,
                       _("“%s” is a count and must be a whole number, not %g"),
                       shtat_driver_get_label (d), v);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
describe_units (int hundredths)
{
  return shtat_units_format_locale (hundredths);
}

static void
compute_line (ShtatNormLibrary   *library,
              ShtatMinimum       *m,
              ShtatMinimumLine   *line,
              ShtatRatioRounding  rounding)
{
  const ShtatNormRow *row = line->row;
  const ShtatNormTable *table = m->table;
  g_autoptr(GString) unmet = g_string_new (NULL);
  double count = row->kind == SHTAT_RULE_PER || row->kind == SHTAT_RULE_RATIO
                   ? m->drivers.values[row->basis] : 0;
  g_autofree char *per_unit = describe_units (row->units);

  line->applies = conditions_hold (row, &m->drivers, unmet);
  if (!line->applies)
    {
      line->units = 0;
      /* TRANSLATORS: %s is the state the row needs, e.g. "The building has a lift" */
      line->explanation = g_strdup_printf (_("Not required: only where this holds: %s"), unmet->str);
      return;
    }

  switch (row->kind)
    {
    case SHTAT_RULE_FIXED:
      line->units = row->units;
      line->explanation = g_strdup_printf (_("%s per institution"), per_unit);
      break;

    case SHTAT_RULE_BRACKETED:
      {
        const ShtatBracket *b = g_ptr_array_index (table->brackets, m->bracket);

        line->units = g_array_index (row->bracket_units, int, m->bracket);
        line->explanation = g_strdup_printf (_("Bracket “%s”"), shtat_text_get (&b->label));
      }
      break;

    case SHTAT_RULE_PER:
      {
        guint n = (guint) count;

        if (row->capped && table->has_vehicle_limit)
          {
            guint limit = table->vehicle_limit_base;

            if (m->drivers.values[SHTAT_DRIVER_RECIPIENTS] >= table->vehicle_limit_extra_from)
              limit += table->vehicle_limit_extra;
            if (n > limit)
              {
                g_autofree char *text =
                  g_strdup_printf (_("Only %u of the %u vehicles count: the service vehicle limit is %u."),
                                   limit, n, limit);

                g_ptr_array_add (line->remarks,
                                 shtat_remark_new (SHTAT_REMARK_WARNING, 0, table->vehicle_limit_cite, text));
                n = limit;
              }
          }
        line->units = (int) n * row->units;
        line->explanation = g_strdup_printf (_("%s × %u (%s)"), per_unit, n,
                                             shtat_driver_get_label (row->basis));
      }
      break;

    case SHTAT_RULE_RATIO:
      {
        gboolean proportional = rounding == SHTAT_RATIO_ROUNDING_DEFAULT
                                  ? row->proportional
                                  : rounding == SHTAT_RATIO_ROUNDING_PROPORTIONAL;
        guint64 n = (guint64) count;

        if (proportional)
          {
            /* pro rata, rounded half up to a hundredth of a unit */
            line->units = (int) ((n * (guint64) row->units * 2 + row->per) / (2 * (guint64) row->per));
            line->explanation = g_strdup_printf (_("%s for every %u (%s), pro rata for %u"),
                                                 per_unit, row->per,
                                                 shtat_driver_get_label (row->basis), (guint) n);
          }
        else
          {
            guint64 blocks = (n + row->per - 1) / row->per;

            line->units = (int) blocks * row->units;
            line->explanation = g_strdup_printf (_("%s for every %u (%s), started blocks count: %u × %s"),
                                                 per_unit, row->per,
                                                 shtat_driver_get_label (row->basis),
                                                 (guint) blocks, per_unit);
          }
      }
      break;

    case SHTAT_RULE_TYPICAL:
    default:
      line->units = -1;
      line->explanation = g_strdup (shtat_text_is_set (&row->reference)
                                      ? shtat_text_get (&row->reference)
                                      : _("Set by typical norms: not computed, enter the number in the schedule"));
      break;
    }
}

/**
 * shtat_minimum_compute:
 * @library: the norm data
 * @table: a table of @library
 * @drivers: the institution's figures
 * @rounding: how ratio rows are rounded
 * @error: return location for a #GError
 *
 * The minimum staffing of one table for an institution's figures. Every reading
 * of the law that the result depends on comes back as a remark with its citation.
 *
 * Returns: (transfer full) (nullable): the minimum, or %NULL with @error set
 */
ShtatMinimum *
shtat_minimum_compute (ShtatNormLibrary     *library,
                       const ShtatNormTable *table,
                       const ShtatDrivers   *drivers,
                       ShtatRatioRounding    rounding,
                       GError              **error)
{
  g_autoptr(ShtatMinimum) m = NULL;

  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), NULL);
  g_return_val_if_fail (table != NULL && drivers != NULL, NULL);

  if (!check_drivers (table, drivers, error))
    return NULL;

  m = g_new0 (ShtatMinimum, 1);
  m->table = table;
  m->drivers = *drivers;
  m->bracket = -1;
  m->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  m->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_remark_free);
  if (!g_date_valid (&m->drivers.as_of))
    shtat_date_set_today (&m->drivers.as_of);

  if (table->has_brackets)
    {
      double v = m->drivers.values[table->bracket_driver];

      /* The first bracket that holds the value wins, so where the printed
       * brackets share a value the lower one applies. */
      for (guint b = 0; b < table->brackets->len && m->bracket < 0; b++)
        if (in_bracket (g_ptr_array_index (table->brackets, b), v))
          m->bracket = (int) b;

      add_interpretations (m->remarks, library, table->bracket_interpretations);

      if (m->bracket < 0)
        {
          const ShtatBracket *last = g_ptr_array_index (table->brackets, table->brackets->len - 1);
          g_autofree char *text = NULL;
          g_autofree char *max = g_strdup_printf ("%g", last->max);

          m->bracket = (int) table->brackets->len - 1;
          m->outside_table = TRUE;
          text = g_strdup_printf (_("%g is beyond the last bracket of the table (up to %s): "
                                    "the last bracket is applied. Outside the table."), v, max);
          g_ptr_array_add (m->remarks, shtat_remark_new (SHTAT_REMARK_WARNING, 0, table->cite, text));
        }

      for (guint o = 0; o < table->overlaps->len; o++)
        {
          const ShtatOverlap *ov = &g_array_index (table->overlaps, ShtatOverlap, o);

          if (v >= ov->from && v <= ov->to)
            {
              const ShtatInterpretation *in = shtat_norm_library_get_interpretation (library, ov->interpretation);
              g_autofree char *text = NULL;

              if (in == NULL)
                continue;
              text = g_strdup_printf (_("%g falls where two printed brackets meet: the lower bracket applies."), v);
              g_ptr_array_add (m->remarks,
                               shtat_remark_new (SHTAT_REMARK_INTERPRETATION, in->id, in->cite, text));
            }
        }
    }

  if (table->act != NULL)
    {
      /* Amendments to the whole table (not tied to a row). */
      g_autoptr(GPtrArray) whole = g_ptr_array_new ();

      for (guint i = 0; i < table->act->amendments->len; i++)
        {
          ShtatAmendment *a = g_ptr_array_index (table->act->amendments, i);
          gboolean tied = FALSE;

          for (guint s = 0; s < table->sections->len && !tied; s++)
            {
              ShtatSection *section = g_ptr_array_index (table->sections, s);
              for (guint r = 0; r < section->rows->len && !tied; r++)
                {
                  ShtatNormRow *row = g_ptr_array_index (section->rows, r);
                  tied = g_ptr_array_find (row->amendments, a, NULL);
                }
            }
          if (!tied && g_str_has_prefix (a->cite, table->cite))
            g_ptr_array_add (whole, a);
        }
      add_amendments (m->remarks, whole, &m->drivers.as_of);
    }

  for (guint s = 0; s < table->sections->len; s++)
    {
      ShtatSection *section = g_ptr_array_index (table->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          ShtatMinimumLine *line = g_new0 (ShtatMinimumLine, 1);

          line->row = g_ptr_array_index (section->rows, r);
          line->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_remark_free);
          compute_line (library, m, line, rounding);
          add_amendments (line->remarks, line->row->amendments, &m->drivers.as_of);
          /* a row that does not apply relies on no reading of the law */
          if (line->applies)
            add_interpretations (line->remarks, library, line->row->interpretations);
          if (shtat_text_is_set (&line->row->remark))
            g_ptr_array_add (line->remarks,
                             shtat_remark_new (SHTAT_REMARK_WARNING, 0, line->row->cite,
                                               shtat_text_get (&line->row->remark)));

          if (line->units >= 0)
            m->total_units += line->units;
          else
            m->n_typical++;
          g_ptr_array_add (m->lines, line);
        }
    }

  for (guint n = 0; n < table->notes->len; n++)
    {
      const ShtatTableNote *note = g_ptr_array_index (table->notes, n);

      g_ptr_array_add (m->remarks, shtat_remark_new (SHTAT_REMARK_NOTE, 0, note->cite,
                                                     shtat_text_get (&note->text)));
      add_interpretations (m->remarks, library, note->interpretations);
    }

  return g_steal_pointer (&m);
}
