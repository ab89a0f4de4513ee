/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-placement"

#include "config.h"

#include "shtat-placement.h"
#include "shtat-text.h"

static void
holder_free (ShtatPlacementHolder *holder)
{
  g_clear_pointer (&holder->employee, shtat_employee_unref);
  g_clear_pointer (&holder->verdict, shtat_verdict_free);
  g_free (holder);
}

static void
line_free (ShtatPlacementLine *line)
{
  g_ptr_array_unref (line->holders);
  g_free (line);
}

void
shtat_placement_free (ShtatPlacement *placement)
{
  if (placement == NULL)
    return;
  g_ptr_array_unref (placement->lines);
  g_ptr_array_unref (placement->unplaced);
  g_free (placement);
}

/* The line a post goes to: the first of its position with room for it, else
 * the last of its position; -1 when the schedule has none. */
static int
line_for (ShtatPlacement      *placement,
          const ShtatSchedule *schedule,
          const char          *position,
          int                  rate)
{
  int last = -1;

  for (guint i = 0; i < placement->lines->len; i++)
    {
      ShtatPlacementLine *line = g_ptr_array_index (placement->lines, i);

      if (g_strcmp0 (shtat_schedule_get_line (schedule, i)->position, position) != 0)
        continue;
      if (line->filled + rate <= line->planned)
        return (int) i;
      last = (int) i;
    }
  return last;
}

/**
 * shtat_placement_compute:
 * @schedule: a schedule
 * @employees: (element-type ShtatEmployee): the centre's personnel files, e.g. from
 *   shtat_store_load_centre_employees()
 * @library: (nullable): checks each holder; %NULL: no verdicts
 * @date: (nullable): the date of the placement and the verdicts; %NULL: today
 *
 * Returns: (transfer full): who fills which line, released with
 *   shtat_placement_free()
 */
ShtatPlacement *
shtat_placement_compute (const ShtatSchedule *schedule,
                         GPtrArray           *employees,
                         ShtatNormLibrary    *library,
                         const GDate         *date)
{
  ShtatPlacement *placement = g_new0 (ShtatPlacement, 1);
  const char *centre = shtat_schedule_get_centre (schedule);
  GDate today;

  g_return_val_if_fail (schedule != NULL, NULL);

  if (date == NULL)
    {
      shtat_date_set_today (&today);
      date = &today;
    }

  placement->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  placement->unplaced = g_ptr_array_new_with_free_func ((GDestroyNotify) holder_free);
  for (guint i = 0; i < shtat_schedule_get_n_lines (schedule); i++)
    {
      ShtatPlacementLine *line = g_new0 (ShtatPlacementLine, 1);

      line->line = i;
      line->planned = shtat_schedule_get_line (schedule, i)->units;
      line->holders = g_ptr_array_new_with_free_func ((GDestroyNotify) holder_free);
      g_ptr_array_add (placement->lines, line);
    }

  for (guint e = 0; employees != NULL && e < employees->len; e++)
    {
      ShtatEmployee *employee = g_ptr_array_index (employees, e);

      for (guint k = 0; employee->assignments != NULL && k < employee->assignments->len; k++)
        {
          const ShtatAssignment *a = &g_array_index (employee->assignments, ShtatAssignment, k);
          ShtatPlacementHolder *holder;
          int index;

          if (g_strcmp0 (a->centre_code, centre) != 0 || !shtat_assignment_is_open_on (a, date))
            continue;
          holder = g_new0 (ShtatPlacementHolder, 1);
          holder->employee = shtat_employee_ref (employee);
          holder->assignment = k;
          holder->rate = a->rate;
          if (library != NULL)
            {
              holder->verdict = shtat_verdict_compute (library, employee, a, date);
              if (holder->verdict->kind == SHTAT_VERDICT_DOES_NOT_MEET)
                placement->n_not_meeting++;
            }
          index = line_for (placement, schedule, a->position, a->rate);
          if (index < 0)
            g_ptr_array_add (placement->unplaced, holder);
          else
            {
              ShtatPlacementLine *line = g_ptr_array_index (placement->lines, index);

              g_ptr_array_add (line->holders, holder);
              line->filled += holder->rate;
            }
        }
    }

  for (guint i = 0; i < placement->lines->len; i++)
    {
      ShtatPlacementLine *line = g_ptr_array_index (placement->lines, i);

      line->vacant = MAX (0, line->planned - line->filled);
      line->over = MAX (0, line->filled - line->planned);
      placement->planned += line->planned;
      placement->filled += line->filled;
      placement->vacant += line->vacant;
      placement->over += line->over;
    }
  return placement;
}
