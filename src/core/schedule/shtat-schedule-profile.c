/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include "shtat-schedule-profile.h"

/**
 * shtat_centre_profile_apply_to_schedule:
 * @profile: a centre's profile
 * @average: (nullable): the appeals average; %NULL: the appeals driver is left unset
 * @schedule: a draft
 * @error: return location for a #GError
 *
 * Sets the schedule's drivers from the profile and the average, and its appeals
 * period (first day of the first month, last day of the last, and the source
 * text).
 *
 * Returns: %TRUE when set
 */
gboolean
shtat_centre_profile_apply_to_schedule (const ShtatCentreProfile   *profile,
                                        const ShtatAppealsAverage  *average,
                                        ShtatSchedule              *schedule,
                                        GError                    **error)
{
  ShtatDrivers drivers;

  g_return_val_if_fail (profile != NULL && schedule != NULL, FALSE);

  shtat_centre_profile_get_drivers (profile, average, &drivers);
  /* the schedule keeps the date its figures are taken on */
  drivers.as_of = shtat_schedule_get_drivers (schedule)->as_of;
  if (!shtat_schedule_set_drivers (schedule, &drivers, error))
    return FALSE;
  if (average != NULL
      && !shtat_schedule_set_appeals_period (schedule, &average->period_from, &average->period_to,
                                             average->source, error))
    return FALSE;
  return TRUE;
}
