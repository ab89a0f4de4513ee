/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The three languages of Shtat. English is the source language of the UI. */
typedef enum
{
  SHTAT_LANG_EN,
  SHTAT_LANG_KK,
  SHTAT_LANG_RU,
} ShtatLang;

/* A text from the norm data, always present in all three languages. */
typedef struct
{
  char *kk;
  char *ru;
  char *en;
} ShtatText;

void        shtat_text_clear          (ShtatText  *text);
const char *shtat_text_get            (const ShtatText *text);
const char *shtat_text_get_lang       (const ShtatText *text,
                                       ShtatLang   lang);
gboolean    shtat_text_is_set         (const ShtatText *text);

ShtatLang   shtat_lang_current        (void);
void        shtat_lang_set_override   (int         lang);
gboolean    shtat_lang_from_string    (const char *str,
                                       ShtatLang  *out_lang);
const char *shtat_lang_to_string      (ShtatLang   lang);

char       *shtat_format_iso_date     (const char *iso);
char       *shtat_capitalize_first    (const char *text);
void        shtat_date_set_today      (GDate      *date);
char       *shtat_format_gdate        (const GDate *date);
/* The same day, or both unset (invalid). */
gboolean    shtat_date_equal          (const GDate *a,
                                       const GDate *b);
/* "dd.mm.yyyy" or "yyyy-mm-dd" → @out; an empty text gives an invalid (unset)
 * date and TRUE; anything else that is not a real date, FALSE. */
gboolean    shtat_parse_date          (const char  *text,
                                       GDate       *out);

G_END_DECLS
