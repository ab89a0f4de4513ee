/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-iin"

/* The IIN (decisions.md item 20, Government Decree 565 of 11.06.2003). Every check
 * digit below is worked out by hand in the comment next to it: digits d1…d11 times
 * the weights 1…11 (first pass), and if that sum mod 11 is 10, times 3…11, 1, 2
 * (second pass). Nothing is copied from the program's output. */

#include "config.h"

#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

/* Valid IINs and what they encode. */
static void
test_valid (void)
{
  struct
  {
    const char *iin;
    guint       day, month, year;
    ShtatSex    sex;
    guint       serial;
  } cases[] = {
    /* decisions.md, first pass: 9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9
     * + 1·10 + 2·11 = 9 + 4 + 6 + 21 + 10 + 22 = 72; 72 mod 11 = 72 − 66 = 6 = d12.
     * 900101: 01.01.(19)90; 3: a man born in the 1900s; serial 0012. */
    { "900101300126", 1, 1, 1990, SHTAT_SEX_MALE, 12 },
    /* decisions.md, second pass: 0·1 + 6·2 + 1·3 + 2·4 + 1·5 + 1·6 + 6·7 + 0·8 + 0·9
     * + 0·10 + 1·11 = 12 + 3 + 8 + 5 + 6 + 42 + 11 = 87; 87 mod 11 = 87 − 77 = 10, so
     * again with 3…11, 1, 2: 0·3 + 6·4 + 1·5 + 2·6 + 1·7 + 1·8 + 6·9 + 0·10 + 0·11
     * + 0·1 + 1·2 = 24 + 5 + 12 + 7 + 8 + 54 + 2 = 112; 112 mod 11 = 112 − 110 = 2 = d12.
     * 061211: 11.12.(20)06; 6: a woman born in the 2000s; serial 0001. */
    { "061211600012", 11, 12, 2006, SHTAT_SEX_FEMALE, 1 },
    /* 8·1 + 5·2 + 0·3 + 4·4 + 1·5 + 5·6 + 4·7 + 0·8 + 0·9 + 2·10 + 3·11
     * = 8 + 10 + 16 + 5 + 30 + 28 + 20 + 33 = 150; 150 − 143 = 7. A woman, 1900s. */
    { "850415400237", 15, 4, 1985, SHTAT_SEX_FEMALE, 23 },
    /* 29 February of a leap year. 2·1 + 0·2 + 0·3 + 2·4 + 2·5 + 9·6 + 5·7 + 0·8 + 0·9
     * + 1·10 + 7·11 = 2 + 8 + 10 + 54 + 35 + 10 + 77 = 196; 196 − 187 = 9. */
    { "200229500179", 29, 2, 2020, SHTAT_SEX_MALE, 17 },
    /* 2000 is a leap year (divisible by 400). 2·4 + 2·5 + 9·6 + 5·7 = 8 + 10 + 54 + 35
     * = 107; 107 − 99 = 8. */
    { "000229500008", 29, 2, 2000, SHTAT_SEX_MALE, 0 },
    /* The 1800s, check digit 0: 9·1 + 9·2 + 1·3 + 2·4 + 3·5 + 1·6 + 1·7 + 1·11
     * = 9 + 18 + 3 + 8 + 15 + 6 + 7 + 11 = 77; 77 mod 11 = 0. */
    { "991231100010", 31, 12, 1899, SHTAT_SEX_MALE, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate expected = shtat_test_date (cases[i].year, cases[i].month, cases[i].day);
      ShtatIin iin;

      g_test_message ("%s", cases[i].iin);
      g_assert_true (shtat_iin_parse (cases[i].iin, &iin, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iin.digits, ==, cases[i].iin);
      g_assert_cmpint (g_date_compare (&iin.birth_date, &expected), ==, 0);
      g_assert_cmpint (iin.sex, ==, cases[i].sex);
      g_assert_cmpuint (iin.serial, ==, cases[i].serial);
      g_assert_cmpint (shtat_iin_check_digit (cases[i].iin), ==, cases[i].iin[11] - '0');
    }

  /* @out may be NULL when only validity matters */
  g_assert_true (shtat_iin_parse ("900101300126", NULL, NULL));
}

/* Invalid IINs: the error code and the message the user reads. */
static void
test_invalid (void)
{
  struct
  {
    const char   *iin;
    ShtatIinError code;
    const char   *message;
  } cases[] = {
    /* the first example with its last digit changed: the sum gives 6 (above) */
    { "900101300125", SHTAT_IIN_ERROR_CHECKSUM,
      "The check digit of the IIN is 5, but its other digits give 6: a digit is mistyped" },
    /* the second example: the second pass gives 2 (above) */
    { "061211600013", SHTAT_IIN_ERROR_CHECKSUM,
      "The check digit of the IIN is 3, but its other digits give 2: a digit is mistyped" },
    /* a transposition in the serial (…0021… for …0012…): 72 − 1·10 − 2·11 + 2·10 + 1·11
     * = 71; 71 mod 11 = 5 */
    { "900101300216", SHTAT_IIN_ERROR_CHECKSUM,
      "The check digit of the IIN is 6, but its other digits give 5: a digit is mistyped" },
    /* Both passes give 10. First: 9·1 + 1·4 + 1·6 + 3·7 + 8·10 = 9 + 4 + 6 + 21 + 80
     * = 120; 120 − 110 = 10. Second: 9·3 + 1·6 + 1·8 + 3·9 + 8·1 = 27 + 6 + 8 + 27 + 8
     * = 76; 76 − 66 = 10. (Mod 11 the second weights are the first plus 2, so the
     * second sum is the first plus twice the digit sum 9+1+1+3+8 = 22 ≡ 0.) No 12th
     * digit can make it valid. */
    { "900101300800", SHTAT_IIN_ERROR_CHECKSUM,
      "No check digit fits the first 11 digits of the IIN: a digit is mistyped" },
    { "900101300809", SHTAT_IIN_ERROR_CHECKSUM,
      "No check digit fits the first 11 digits of the IIN: a digit is mistyped" },
    { "90010130012", SHTAT_IIN_ERROR_LENGTH, "The IIN must have 12 digits, not 11" },
    { "9001013001260", SHTAT_IIN_ERROR_LENGTH, "The IIN must have 12 digits, not 13" },
    { "", SHTAT_IIN_ERROR_LENGTH, "The IIN must have 12 digits, not 0" },
    { "9001013001A6", SHTAT_IIN_ERROR_NOT_DIGITS,
      "The IIN must contain only digits, but character 11 is “A”" },
    /* a Cyrillic letter is one character, though two bytes */
    { "90010130012б", SHTAT_IIN_ERROR_NOT_DIGITS,
      "The IIN must contain only digits, but character 12 is “б”" },
    { " 900101300126", SHTAT_IIN_ERROR_NOT_DIGITS,
      "The IIN must contain only digits, but character 1 is “ ”" },
    { "900101-300126", SHTAT_IIN_ERROR_NOT_DIGITS,
      "The IIN must contain only digits, but character 7 is “-”" },
    /* 30 February; the date is checked before the check digit */
    { "900230300126", SHTAT_IIN_ERROR_DATE,
      "The IIN gives the birth date 30.02.1990, which does not exist" },
    /* 1900 is not a leap year (divisible by 100, not by 400) */
    { "000229300000", SHTAT_IIN_ERROR_DATE,
      "The IIN gives the birth date 29.02.1900, which does not exist" },
    { "901301300126", SHTAT_IIN_ERROR_DATE,
      "The IIN gives the birth date 01.13.1990, which does not exist" },
    { "900100300126", SHTAT_IIN_ERROR_DATE,
      "The IIN gives the birth date 00.01.1990, which does not exist" },
    { "900431400126", SHTAT_IIN_ERROR_DATE,
      "The IIN gives the birth date 31.04.1990, which does not exist" },
    { "900101000126", SHTAT_IIN_ERROR_CENTURY,
      "The 7th digit of the IIN gives the century and sex and must be 1 to 6, not 0" },
    { "900101700126", SHTAT_IIN_ERROR_CENTURY,
      "The 7th digit of the IIN gives the century and sex and must be 1 to 6, not 7" },
    { "900101900126", SHTAT_IIN_ERROR_CENTURY,
      "The 7th digit of the IIN gives the century and sex and must be 1 to 6, not 9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ShtatIin iin;

      g_test_message ("“%s”", cases[i].iin);
      g_assert_false (shtat_iin_parse (cases[i].iin, &iin, &error));
      g_assert_error (error, SHTAT_IIN_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (shtat_iin_parse (NULL, NULL, &error));
    g_assert_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_LENGTH);
  }
  {
    g_autoptr(GError) error = NULL;

    /* not UTF-8 */
    g_assert_false (shtat_iin_parse ("90010130012\xff", NULL, &error));
    g_assert_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_NOT_DIGITS);
    g_assert_cmpstr (error->message, ==, "The IIN must contain only digits");
  }
}

/* The check digit alone, for the first 11 digits (the sums are in the tables above). */
static void
test_check_digit (void)
{
  struct { const char *digits; int check; } cases[] = {
    { "90010130012", 6 },
    { "06121160001", 2 },
    { "85041540023", 7 },
    { "99123110001", 0 },
    { "90010130080", -1 },
    /* only the first 11 digits are read */
    { "900101300120", 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (shtat_iin_check_digit (cases[i].digits), ==, cases[i].check);
}

/* The record agrees with the IIN, or the error says what differs. */
static void
test_agrees (void)
{
  GDate unset;
  struct
  {
    const char *iin;
    GDate       birth_date;
    ShtatSex    sex;
    int         code; /* -1: agrees */
    const char *message;
  } cases[] = {
    { "900101300126", shtat_test_date (1990, 1, 1), SHTAT_SEX_MALE, -1, NULL },
    { "061211600012", shtat_test_date (2006, 12, 11), SHTAT_SEX_FEMALE, -1, NULL },
    { "900101300126", shtat_test_date (1990, 1, 2), SHTAT_SEX_MALE,
      SHTAT_IIN_ERROR_BIRTH_DATE_DISAGREES,
      "The IIN gives the birth date 01.01.1990, but the record says 02.01.1990" },
    /* the century is in digit 7, not in the first six */
    { "900101300126", shtat_test_date (2090, 1, 1), SHTAT_SEX_MALE,
      SHTAT_IIN_ERROR_BIRTH_DATE_DISAGREES,
      "The IIN gives the birth date 01.01.1990, but the record says 01.01.2090" },
    { "900101300126", shtat_test_date (1990, 1, 1), SHTAT_SEX_FEMALE, SHTAT_IIN_ERROR_SEX_DISAGREES,
      "The IIN is a man’s, but the record gives the sex as female" },
    { "061211600012", shtat_test_date (2006, 12, 11), SHTAT_SEX_MALE, SHTAT_IIN_ERROR_SEX_DISAGREES,
      "The IIN is a woman’s, but the record gives the sex as male" },
    { "061211600012", shtat_test_date (2006, 11, 12), SHTAT_SEX_MALE, SHTAT_IIN_ERROR_BOTH_DISAGREE,
      "The IIN gives the birth date 11.12.2006, but the record says 12.11.2006\n"
      "The IIN is a woman’s, but the record gives the sex as male" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ShtatIin iin;

      g_test_message ("%s", cases[i].iin);
      g_assert_true (shtat_iin_parse (cases[i].iin, &iin, NULL));
      if (cases[i].code < 0)
        {
          g_assert_true (shtat_iin_agrees (&iin, &cases[i].birth_date, cases[i].sex, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (shtat_iin_agrees (&iin, &cases[i].birth_date, cases[i].sex, &error));
          g_assert_error (error, SHTAT_IIN_ERROR, cases[i].code);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }

  /* a record without a birth date is compared on sex only */
  {
    g_autoptr(GError) error = NULL;
    ShtatIin iin;

    g_date_clear (&unset, 1);
    g_assert_true (shtat_iin_parse ("900101300126", &iin, NULL));
    g_assert_true (shtat_iin_agrees (&iin, &unset, SHTAT_SEX_MALE, NULL));
    g_assert_true (shtat_iin_agrees (&iin, NULL, SHTAT_SEX_MALE, NULL));
    g_assert_false (shtat_iin_agrees (&iin, NULL, SHTAT_SEX_FEMALE, &error));
    g_assert_error (error, SHTAT_IIN_ERROR, SHTAT_IIN_ERROR_SEX_DISAGREES);
  }
}

int
main (int    argc,
      char **argv)
{
  /* The messages are compared in English whatever the environment. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();

  g_test_add_func ("/iin/valid", test_valid);
  g_test_add_func ("/iin/invalid", test_invalid);
  g_test_add_func ("/iin/check-digit", test_check_digit);
  g_test_add_func ("/iin/agrees", test_agrees);

  return g_test_run ();
}
