/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-money"

#include "config.h"

#include <string.h>

#include "shtat-money.h"

#define NBSP "\u00a0"

gboolean
shtat_money_for_units (gint64  tiyn,
                       int     units,
                       gint64 *out)
{
  guint64 whole, part, total;

  if (tiyn < 0 || units < 0)
    return FALSE;

  /* (tiyn × units + 50) div 100, as q × units + (r × units + 50) div 100 with
   * tiyn = 100 q + r, so that only a result too large fails. */
  part = ((guint64) tiyn % 100 * (guint64) units + 50) / 100;
  if (!g_uint64_checked_mul (&whole, (guint64) tiyn / 100, (guint64) units)
      || !g_uint64_checked_add (&total, whole, part)
      || total > (guint64) G_MAXINT64)
    return FALSE;

  *out = (gint64) total;
  return TRUE;
}

gboolean
shtat_money_add (gint64  a,
                 gint64  b,
                 gint64 *out)
{
  guint64 sum;

  if (a < 0 || b < 0)
    return FALSE;
  if (!g_uint64_checked_add (&sum, (guint64) a, (guint64) b) || sum > (guint64) G_MAXINT64)
    return FALSE;

  *out = (gint64) sum;
  return TRUE;
}

char *
shtat_money_format_amount (gint64    tiyn,
                           ShtatLang lang)
{
  guint64 v = tiyn < 0 ? (guint64) 0 - (guint64) tiyn : (guint64) tiyn;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, v / 100);
  GString *out = g_string_new (tiyn < 0 ? "−" : NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, NBSP);
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, "%s%02u", lang == SHTAT_LANG_EN ? "." : ",", (guint) (v % 100));
  return g_string_free (out, FALSE);
}

char *
shtat_money_format (gint64 tiyn)
{
  g_autofree char *amount = shtat_money_format_amount (tiyn, shtat_lang_current ());

  return g_strconcat (amount, NBSP "₸", NULL);
}

char *
shtat_money_to_decimal (gint64 tiyn)
{
  guint64 v = tiyn < 0 ? (guint64) 0 - (guint64) tiyn : (guint64) tiyn;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", tiyn < 0 ? "-" : "", v / 100, (guint) (v % 100));
}

gboolean
shtat_money_parse (const char *str,
                   gint64     *tiyn)
{
  guint64 whole = 0;
  guint frac = 0;
  int frac_digits = 0;
  gboolean any = FALSE;
  const char *p = str;

  if (str == NULL)
    return FALSE;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          if (!g_uint64_checked_mul (&whole, whole, 10)
              || !g_uint64_checked_add (&whole, whole, (guint64) (*p - '0')))
            return FALSE;
          any = TRUE;
          p++;
        }
      else if (*p == ' ' && any)
        p++;
      else if (g_str_has_prefix (p, NBSP) && any)
        p += strlen (NBSP);
      else if (g_str_has_prefix (p, "\u202f") && any)
        p += strlen ("\u202f");
      else
        break;
    }

  if (!any)
    return FALSE;

  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++frac_digits > 2)
            return FALSE;
          frac = frac * 10 + (guint) (*p - '0');
        }
      if (frac_digits == 0)
        return FALSE;
      if (frac_digits == 1)
        frac *= 10;
    }

  if (*p != '\0')
    return FALSE;
  if (!g_uint64_checked_mul (&whole, whole, 100)
      || !g_uint64_checked_add (&whole, whole, frac)
      || whole > (guint64) G_MAXINT64)
    return FALSE;

  *tiyn = (gint64) whole;
  return TRUE;
}
