/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-appeals.h"

G_BEGIN_DECLS

/* The checks of a count that the profile and its CSV reader in formats/
 * share, so that both give the same messages. Internal to libshtat-core. */

/* "Appeals of 03.2026, contact centre “111”": a count as a record. */
char    *shtat_appeals_count_record  (const ShtatMonth    *month,
                                      ShtatAppealChannel   channel);
/* A known channel, a real month, a count from 0 to a billion, and a month not
 * after @current (may be NULL). */
gboolean shtat_appeals_check_count   (const ShtatMonth    *month,
                                      ShtatAppealChannel   channel,
                                      gint64               count,
                                      const ShtatMonth    *current,
                                      GError             **error);
/* The month of @today (NULL or invalid: today). */
void     shtat_appeals_current_month (const GDate         *today,
                                      ShtatMonth          *out);

G_END_DECLS
