/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-appeals.h"

G_BEGIN_DECLS

/* Appeals as CSV: columns month,channel,count (a header line with those
 * names may come first; comma or semicolon). Every row is checked; the
 * message names the line: "appeals.csv:4: unknown channel “phone”". */

gboolean shtat_centre_profile_read_appeals_csv (ShtatCentreProfile *profile,
                                                const char         *name,
                                                const char         *text,
                                                gsize               len,
                                                const GDate        *today,
                                                guint              *n_rows,
                                                GError            **error);

G_END_DECLS
