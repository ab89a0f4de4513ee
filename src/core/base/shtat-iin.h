/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The individual identification number (ЖСН / ИИН), Government Decree 565 of
 * 11.06.2003; decisions.md item 20. Twelve digits: YYMMDD birth date, a digit for
 * the century and sex, four serial digits and a check digit. */

#define SHTAT_IIN_LENGTH 12

#define SHTAT_IIN_ERROR (shtat_iin_error_quark ())

typedef enum
{
  SHTAT_IIN_ERROR_LENGTH,               /* not 12 characters */
  SHTAT_IIN_ERROR_NOT_DIGITS,           /* a character other than 0–9 */
  SHTAT_IIN_ERROR_DATE,                 /* digits 1–6 are not a date of the century */
  SHTAT_IIN_ERROR_CENTURY,              /* digit 7 is not 1–6 */
  SHTAT_IIN_ERROR_CHECKSUM,             /* digit 12 is not the check digit, or none exists */
  SHTAT_IIN_ERROR_BIRTH_DATE_DISAGREES, /* shtat_iin_agrees(): the record has another birth date */
  SHTAT_IIN_ERROR_SEX_DISAGREES,        /* shtat_iin_agrees(): the record has the other sex */
  SHTAT_IIN_ERROR_BOTH_DISAGREE,        /* shtat_iin_agrees(): both of them */
} ShtatIinError;

/* No zero value, so that a forgotten field is caught. */
typedef enum
{
  SHTAT_SEX_MALE = 1,   /*< nick=male >*/
  SHTAT_SEX_FEMALE = 2, /*< nick=female >*/
} ShtatSex;

typedef struct
{
  char     digits[SHTAT_IIN_LENGTH + 1]; /* the IIN itself, NUL-terminated */
  GDate    birth_date;
  ShtatSex sex;
  guint    serial;                       /* digits 8–11, 0–9999 */
} ShtatIin;

GQuark   shtat_iin_error_quark (void);

int      shtat_iin_check_digit (const char     *digits);
gboolean shtat_iin_parse       (const char     *iin,
                                ShtatIin       *out,
                                GError        **error);
gboolean shtat_iin_agrees      (const ShtatIin *iin,
                                const GDate    *birth_date,
                                ShtatSex        sex,
                                GError        **error);

G_END_DECLS
