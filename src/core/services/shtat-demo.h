/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-appeals.h"
#include "shtat-pay.h"
#include "shtat-personnel.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* A deterministic demo district: one Family Support Centre with about thirty
 * employees whose files cover every position of 580-НҚ and every kind of rule
 * (sector and leadership experience, the certificate clause, category ladders,
 * missing data, a category held above what the file supports, positions set by
 * other acts), with plausible Kazakh and Russian names. The same call always
 * gives the same data; dates are relative to `today` so that eligibility dates
 * stay interesting. Assignments name their centre by code. */
void shtat_demo_build (const GDate  *today,
                       GPtrArray   **out_centres,    /* ShtatCentre */
                       GPtrArray   **out_employees); /* ShtatEmployee */

/* The demo centre's profile: appeals for each of the twelve months before the
 * month of `today`, in all five channels (1 220–1 279 a month, so between
 * 1 220 / 23 = 53 and 1 279 / 20 = 64 a working day: the 51–100 bracket
 * whatever the month), and one vehicle. SAMPLE figures, made up. */
ShtatCentreProfile *shtat_demo_build_profile  (const GDate *today);
/* A small pay grid with every position of the centres' table placed. SAMPLE
 * figures, not those of Decree 1193. */
ShtatPayGrid       *shtat_demo_build_pay_grid (void);
/* The demo into @store: the centre and the files (one import), then the
 * profile and the pay grid, each only where the store has none yet. */
gboolean            shtat_demo_save           (ShtatStore   *store,
                                               const GDate  *today,
                                               GError      **error);

G_END_DECLS
