/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-personnel.h"

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

G_END_DECLS
