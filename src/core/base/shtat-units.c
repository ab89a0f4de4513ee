/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-units"

#include "config.h"

#include "shtat-text.h"
#include "shtat-units.h"

/* Parses "2", "0.5", "5.25" (a dot or a comma as separator, at most two
 * fractional digits) into hundredths. */
gboolean
shtat_units_parse (const char *str,
                   int        *out_hundredths)
{
  gint64 whole = 0;
  int frac = 0;
  int frac_digits = 0;
  const char *p = str;

  if (str == NULL || *str == '\0')
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > G_MAXINT / 100)
        return FALSE;
    }

  if (p == str)
    return FALSE;

  if (*p == '.' || *p == ',')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++frac_digits > 2)
            return FALSE;
          frac = frac * 10 + (*p - '0');
        }
      if (frac_digits == 0)
        return FALSE;
      if (frac_digits == 1)
        frac *= 10;
    }

  if (*p != '\0' || whole * 100 + frac > G_MAXINT)
    return FALSE;

  *out_hundredths = (int) (whole * 100 + frac);
  return TRUE;
}

static char *
format_with (int         hundredths,
             const char *sep)
{
  int whole = hundredths / 100;
  int frac = hundredths % 100;

  if (hundredths < 0)
    return g_strdup ("—");
  if (frac == 0)
    return g_strdup_printf ("%d", whole);
  if (frac % 10 == 0)
    return g_strdup_printf ("%d%s%d", whole, sep, frac / 10);
  return g_strdup_printf ("%d%s%02d", whole, sep, frac);
}

/**
 * shtat_units_format:
 * @hundredths: staff units in hundredths
 *
 * "25.5", "5.25", "18": for files and machine-readable output.
 *
 * Returns: (transfer full): the units with a decimal point
 */
char *
shtat_units_format (int hundredths)
{
  return format_with (hundredths, ".");
}

/**
 * shtat_units_format_locale:
 * @hundredths: staff units in hundredths
 *
 * As the user writes it: a decimal comma in Kazakh and Russian.
 *
 * Returns: (transfer full): the units as the user writes them
 */
char *
shtat_units_format_locale (int hundredths)
{
  return format_with (hundredths, shtat_lang_current () == SHTAT_LANG_EN ? "." : ",");
}
