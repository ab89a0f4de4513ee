/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-pay.h"

G_BEGIN_DECLS

/* The grid as CSV (docs/pay-grid.md): a header line
 * kind,from,position,block,category,years,value, then one line an entry:
 *   base,2026-01-01,,,,,20000.00          (tenge, from a date)
 *   coefficient,2026-01-01,,B2,1,5,3.5    (block, category, years, from a date)
 *   position,,psychologist,B2,1,5,        (where a position sits)
 * Reading checks every line and names it: "grid.csv:4: …". */

char         *shtat_pay_grid_to_csv   (ShtatPayGrid  *grid);

ShtatPayGrid *shtat_pay_grid_from_csv (const char    *name,
                                       const char    *text,
                                       gsize          len,
                                       GError       **error);

G_END_DECLS
