/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule"

#include "config.h"

#include "shtat-schedule-profile.h"

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
