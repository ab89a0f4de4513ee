/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-text"

#include "config.h"

#include "shtat-text.h"

#include <stdio.h>

static int lang_override = -1;

void
shtat_text_clear (ShtatText *text)
{
  g_clear_pointer (&text->kk, g_free);
  g_clear_pointer (&text->ru, g_free);
  g_clear_pointer (&text->en, g_free);
}

gboolean
shtat_text_is_set (const ShtatText *text)
{
  return text != NULL && text->en != NULL;
}

const char *
shtat_text_get_lang (const ShtatText *text,
                     ShtatLang        lang)
{
  const char *s = NULL;

  if (text == NULL)
    return "";

  switch (lang)
    {
    case SHTAT_LANG_KK:
      s = text->kk;
      break;
    case SHTAT_LANG_RU:
      s = text->ru;
      break;
    case SHTAT_LANG_EN:
    default:
      s = text->en;
      break;
    }

  return s != NULL ? s : (text->en != NULL ? text->en : "");
}

const char *
shtat_text_get (const ShtatText *text)
{
  return shtat_text_get_lang (text, shtat_lang_current ());
}

gboolean
shtat_lang_from_string (const char *str,
                        ShtatLang  *out_lang)
{
  if (str == NULL)
    return FALSE;

  /* Accept "kk", "kk_KZ", "kk_KZ.UTF-8", "ru-RU" and so on. */
  if (g_ascii_strncasecmp (str, "kk", 2) == 0 && (str[2] == '\0' || strchr ("_-.@", str[2])))
    *out_lang = SHTAT_LANG_KK;
  else if (g_ascii_strncasecmp (str, "ru", 2) == 0 && (str[2] == '\0' || strchr ("_-.@", str[2])))
    *out_lang = SHTAT_LANG_RU;
  else if (g_ascii_strncasecmp (str, "en", 2) == 0 && (str[2] == '\0' || strchr ("_-.@", str[2])))
    *out_lang = SHTAT_LANG_EN;
  else
    return FALSE;

  return TRUE;
}

const char *
shtat_lang_to_string (ShtatLang lang)
{
  switch (lang)
    {
    case SHTAT_LANG_KK:
      return "kk";
    case SHTAT_LANG_RU:
      return "ru";
    case SHTAT_LANG_EN:
    default:
      return "en";
    }
}

void
shtat_lang_set_override (int lang)
{
  lang_override = lang;
}

/* The first of the user's languages that Shtat speaks, as gettext would pick it
 * (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG); English otherwise. */
ShtatLang
shtat_lang_current (void)
{
  const char * const *names;

  if (lang_override >= 0)
    return (ShtatLang) lang_override;

  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      ShtatLang lang;

      if (g_str_equal (names[i], "C"))
        break;
      if (shtat_lang_from_string (names[i], &lang))
        return lang;
    }

  return SHTAT_LANG_EN;
}

/* "2024-06-14" → "14.06.2024", as dates are written in Kazakhstan's documents. */
char *
shtat_format_iso_date (const char *iso)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return g_strdup (iso);
  return g_strdup_printf ("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

/* The text with its first letter in capitals: the acts write row names in lower
 * case ("директор"), and translated sentences may start with a lower-case word. */
char *
shtat_capitalize_first (const char *text)
{
  gunichar first;
  char buf[6];
  int len;

  if (text == NULL || *text == '\0')
    return g_strdup (text);

  first = g_utf8_get_char (text);
  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

/* Today in the local time zone: the "as of" date everything defaults to. */
void
shtat_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

/* "dd.mm.yyyy", or an empty string for an unset date. */
char *
shtat_format_gdate (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

gboolean
shtat_date_equal (const GDate *a,
                  const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

/* "dd.mm.yyyy" or "yyyy-mm-dd"; empty gives an invalid (unset) date. */
gboolean
shtat_parse_date (const char *text,
                  GDate      *out)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint d, m, y;
  char extra;

  g_date_clear (out, 1);
  if (*t == '\0')
    return TRUE;
  if (sscanf (t, "%u.%u.%u%c", &d, &m, &y, &extra) == 3 && y >= 1000)
    ;
  else if (sscanf (t, "%u-%u-%u%c", &y, &m, &d, &extra) == 3 && y >= 1000)
    ;
  else
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}
