/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-appeals.h"
#include "shtat-pay.h"
#include "shtat-personnel.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* A deterministic demo district with SAMPLE figures, the same on every call. */

void                shtat_demo_build          (const GDate  *today,
                                               GPtrArray   **out_centres,
                                               GPtrArray   **out_employees);
ShtatCentreProfile *shtat_demo_build_profile  (const GDate  *today);
ShtatPayGrid       *shtat_demo_build_pay_grid (void);
gboolean            shtat_demo_save           (ShtatStore   *store,
                                               const GDate  *today,
                                               GError      **error);

G_END_DECLS
