/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-schedule-private.h"
#include "shtat-text.h"
#include "shtat-units.h"

/* ------------------------------------------------------------------------ */
/* History                                                                  */

static char *
dup_driver_value (const ShtatDrivers *drivers,
                  ShtatDriver         d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!drivers->set[d])
    return g_strdup ("—");
  shtat_schedule_format_driver_value (drivers->values[d], buf, sizeof buf);
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
  g_autofree char *label = shtat_schedule_dup_line_label (library, table_id, b);

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

/**
 * shtat_schedule_diff:
 * @a: the earlier version
 * @b: the later version
 * @library: (nullable): gives position names; without it the codes are shown
 *
 * What changed from @a to @b, one sentence each, in the user's language:
 * "Psychologist: 2 → 3 units", "Line added: …". Lines are matched by unit,
 * position and grade, then by position.
 *
 * Returns: (transfer full) (element-type utf8): the sentences.
 */
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
  if (!shtat_date_equal (&a->drivers.as_of, &b->drivers.as_of))
    {
      g_autofree char *from = shtat_format_gdate (&a->drivers.as_of);
      g_autofree char *to = shtat_format_gdate (&b->drivers.as_of);

      /* TRANSLATORS: the date the norms and the pay grid are applied as of */
      g_ptr_array_add (out, g_strdup_printf (_("As of: %s → %s"), *from != '\0' ? from : "—",
                                             *to != '\0' ? to : "—"));
    }

  if (!shtat_date_equal (&a->appeals_from, &b->appeals_from) || !shtat_date_equal (&a->appeals_to, &b->appeals_to))
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
          g_autofree char *label = shtat_schedule_dup_line_label (library, table_id, line);
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
      label = shtat_schedule_dup_line_label (library, table_id, line);
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
