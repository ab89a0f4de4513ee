/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-appeals.h"
#include "shtat-schedule.h"

G_BEGIN_DECLS

gboolean shtat_centre_profile_apply_to_schedule (const ShtatCentreProfile  *profile,
                                                 const ShtatAppealsAverage *average,
                                                 ShtatSchedule             *schedule,
                                                 GError                   **error);

G_END_DECLS
