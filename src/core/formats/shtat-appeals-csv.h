/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-appeals.h"

G_BEGIN_DECLS

/* Appeals as CSV: columns month,channel,count (a header line with those
 * names may come first; comma or semicolon). Every row is checked; the
 * message names the line: "appeals.csv:4: unknown channel “phone”". */

/**
 * shtat_centre_profile_read_appeals_csv:
 * @profile: the profile the counts go to
 * @name: the file's name, for the messages
 * @text: the content
 * @len: its length in bytes
 * @today: (nullable): the date no month may be after; NULL: today
 * @n_rows: (out) (optional): the number of counts read
 * @error: return location for a #GError (SHTAT_APPEALS_ERROR)
 *
 * Adds the counts of the file to @profile, each replacing the count of the
 * same month and channel, all or nothing: @profile changes only when every
 * row is valid.
 *
 * Returns: TRUE when read.
 */
gboolean shtat_centre_profile_read_appeals_csv (ShtatCentreProfile *profile,
                                                const char         *name,
                                                const char         *text,
                                                gsize               len,
                                                const GDate        *today,
                                                guint              *n_rows,
                                                GError            **error);

G_END_DECLS
