/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-text.h"

G_BEGIN_DECLS

/* Money is a gint64 count of tiyn (1 tenge = 100 tiyn). Arithmetic is checked:
 * a result beyond 64 bits is a failure, never a wrapped figure. Every text of a
 * sum of money, on screen, on paper or in a file, is made here. */

/* @units hundredths of a staff unit × @tiyn per full unit, rounded half up to a
 * whole tiyn: (units × tiyn + 50) div 100. FALSE for negative input or overflow. */
gboolean  shtat_money_for_units     (gint64      tiyn,
                                     int         units,
                                     gint64     *out);
gboolean  shtat_money_add           (gint64      a,
                                     gint64      b,
                                     gint64     *out);

/**
 * shtat_money_format:
 * @tiyn: a sum
 *
 * "150 000,00 ₸" (kk, ru) or "150 000.00 ₸" (en), in the user's language:
 * groups of three digits separated by a no-break space, the decimal separator
 * of the language.
 *
 * Returns: (transfer full): the text.
 */
char     *shtat_money_format        (gint64      tiyn);

/**
 * shtat_money_format_amount:
 * @tiyn: a sum
 * @lang: the language whose decimal separator is used
 *
 * As shtat_money_format() without the currency sign, in @lang: "150 000,00",
 * for a column that names the currency, or an entry that reads it back.
 *
 * Returns: (transfer full): the text.
 */
char     *shtat_money_format_amount (gint64      tiyn,
                                     ShtatLang   lang);

/**
 * shtat_money_to_decimal:
 * @tiyn: a sum
 *
 * "17697.00": tenge with a dot and two decimals, no grouping, as files carry
 * it.
 *
 * Returns: (transfer full): the text.
 */
char     *shtat_money_to_decimal    (gint64      tiyn);

/* "150000", "150 000,5", "150000.50" (tenge, up to two decimals, spaces or
 * no-break spaces between groups) → tiyn. */
gboolean  shtat_money_parse         (const char *str,
                                     gint64     *tiyn);

G_END_DECLS
