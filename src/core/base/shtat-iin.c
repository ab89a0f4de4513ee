/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-iin"

#include "config.h"

#include "shtat-text.h"

#include <glib/gi18n-lib.h>

#include "shtat-iin.h"

G_DEFINE_QUARK (shtat-iin-error-quark, shtat_iin_error)

/* Decree 565: the first pass weighs digits 1–11 by 1–11; if it gives 10, the
 * second pass weighs them by 3–11, 1, 2; if that gives 10 too, no IIN is issued
 * with these 11 digits. */
static const int first_weights[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
static const int second_weights[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

static gboolean
eleven_digits (const char *digits)
{
  for (guint i = 0; i < 11; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;
  return TRUE;
}

static int
weighted_mod11 (const char *digits,
                const int  *weights)
{
  int sum = 0;

  for (guint i = 0; i < 11; i++)
    sum += (digits[i] - '0') * weights[i];
  return sum % 11;
}

/* The check digit for the first 11 digits of @digits (ASCII 0–9), or -1 when
 * both passes give 10 and no valid IIN starts with these digits. */
int
shtat_iin_check_digit (const char *digits)
{
  int r;

  g_return_val_if_fail (digits != NULL, -1);
  g_return_val_if_fail (eleven_digits (digits), -1);

  r = weighted_mod11 (digits, first_weights);
  if (r == 10)
    r = weighted_mod11 (digits, second_weights);
  return r == 10 ? -1 : r;
}

/* Checks @iin and, when it is valid, fills @out (which may be NULL) with the birth
 * date and sex it encodes. The string must be exactly the 12 digits: callers strip
 * what the user typed around them. Checks run in the order length and characters,
 * century digit, date, check digit, and the first that fails is reported. */
gboolean
shtat_iin_parse (const char  *iin,
                 ShtatIin    *out,
                 GError     **error)
{
  const char *p;
  guint n_chars = 0;
  guint century_digit;
  guint day, month, year;
  int check;
  int given;

  if (iin == NULL)
    iin = "";

  if (!g_utf8_validate (iin, -1, NULL))
    {
      g_set_error_literal (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_NOT_DIGITS,
                           _("The IIN must contain only digits"));
      return FALSE;
    }

  for (p = iin; *p != '\0'; p = g_utf8_next_char (p))
    {
      n_chars++;
      if (!g_ascii_isdigit (*p))
        {
          g_autofree char *bad = g_strndup (p, g_utf8_next_char (p) - p);

          g_set_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_NOT_DIGITS,
                       _("The IIN must contain only digits, but character %u is “%s”"),
                       n_chars, bad);
          return FALSE;
        }
    }

  if (n_chars != SHTAT_IIN_LENGTH)
    {
      g_set_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_LENGTH,
                   _("The IIN must have 12 digits, not %u"), n_chars);
      return FALSE;
    }

  century_digit = (guint) (iin[6] - '0');
  if (century_digit < 1 || century_digit > 6)
    {
      g_set_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_CENTURY,
                   _("The 7th digit of the IIN gives the century and sex and must be 1 to 6, not %u"),
                   century_digit);
      return FALSE;
    }

  /* 1, 2: the 19th century; 3, 4: the 20th; 5, 6: the 21st. */
  year = 1800 + 100 * ((century_digit - 1) / 2)
         + 10 * (guint) (iin[0] - '0') + (guint) (iin[1] - '0');
  month = 10 * (guint) (iin[2] - '0') + (guint) (iin[3] - '0');
  day = 10 * (guint) (iin[4] - '0') + (guint) (iin[5] - '0');
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_DATE,
                   _("The IIN gives the birth date %02u.%02u.%04u, which does not exist"),
                   day, month, year);
      return FALSE;
    }

  check = shtat_iin_check_digit (iin);
  given = iin[11] - '0';
  if (check < 0)
    {
      g_set_error_literal (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_CHECKSUM,
                           _("No check digit fits the first 11 digits of the IIN: a digit is mistyped"));
      return FALSE;
    }
  if (check != given)
    {
      g_set_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_CHECKSUM,
                   _("The check digit of the IIN is %d, but its other digits give %d: a digit is mistyped"),
                   given, check);
      return FALSE;
    }

  if (out != NULL)
    {
      memcpy (out->digits, iin, SHTAT_IIN_LENGTH);
      out->digits[SHTAT_IIN_LENGTH] = '\0';
      g_date_clear (&out->birth_date, 1);
      g_date_set_dmy (&out->birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      out->sex = century_digit % 2 == 1 ? SHTAT_SEX_MALE : SHTAT_SEX_FEMALE;
      out->serial = 0;
      for (guint i = 7; i < 11; i++)
        out->serial = 10 * out->serial + (guint) (iin[i] - '0');
    }
  return TRUE;
}

/* Whether the birth date and sex of a person's record agree with the IIN parsed
 * into @iin (decisions.md item 20). An unset (NULL or invalid) @birth_date is not
 * compared. The error code says which disagrees: the birth date, the sex or both;
 * with both, the message has one line for each. */
gboolean
shtat_iin_agrees (const ShtatIin *iin,
                  const GDate    *birth_date,
                  ShtatSex        sex,
                  GError        **error)
{
  g_autofree char *date_message = NULL;
  const char *sex_message = NULL;

  g_return_val_if_fail (iin != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&iin->birth_date), FALSE);
  g_return_val_if_fail (sex == SHTAT_SEX_MALE || sex == SHTAT_SEX_FEMALE, FALSE);

  if (birth_date != NULL && g_date_valid (birth_date)
      && g_date_compare (birth_date, &iin->birth_date) != 0)
    {
      g_autofree char *in_iin = shtat_format_gdate (&iin->birth_date);
      g_autofree char *in_record = shtat_format_gdate (birth_date);

      date_message = g_strdup_printf (_("The IIN gives the birth date %s, but the record says %s"),
                                      in_iin, in_record);
    }

  if (sex != iin->sex)
    sex_message = iin->sex == SHTAT_SEX_MALE
                    ? _("The IIN is a man’s, but the record gives the sex as female")
                    : _("The IIN is a woman’s, but the record gives the sex as male");

  if (date_message != NULL && sex_message != NULL)
    {
      g_set_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_BOTH_DISAGREE,
                   "%s\n%s", date_message, sex_message);
      return FALSE;
    }
  if (date_message != NULL)
    {
      g_set_error_literal (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_BIRTH_DATE_DISAGREES,
                           date_message);
      return FALSE;
    }
  if (sex_message != NULL)
    {
      g_set_error_literal (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_SEX_DISAGREES, sex_message);
      return FALSE;
    }
  return TRUE;
}
