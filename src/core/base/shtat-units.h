/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Staff units are kept exactly, in hundredths of a unit (decisions.md item 6). */
#define SHTAT_UNITS_ONE 100

gboolean  shtat_units_parse   (const char *str,
                               int        *out_hundredths);
char     *shtat_units_format  (int         hundredths);
char     *shtat_units_format_locale (int   hundredths);

G_END_DECLS
