/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (SHTAT_SCHEDULE_INSIDE)
#error "Include shtat-schedule.h, the schedule layer's main header."
#endif

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* History                                                                  */

GPtrArray *shtat_schedule_diff (const ShtatSchedule *a,
                                const ShtatSchedule *b,
                                ShtatNormLibrary    *library);

G_END_DECLS
