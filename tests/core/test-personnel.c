/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-personnel"

/* Personnel files: the records, their copies and names, and the validation of a
 * file against the norm data (580-НҚ). Every expected message is written out by
 * hand from the record changed in its case; the IIN check digits are worked out
 * in the comments (decisions.md item 20). These tests touch no files. */

#include "config.h"

#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

/* Every case validates as of this day. */
#define TODAY shtat_test_date (2025, 6, 1)

/* A valid file: a man born on 01.01.1990 (IIN 900101300126, decisions.md
 * item 20), 14 on 01.01.2004, with one record of every kind. */
static ShtatEmployee *
make_valid (void)
{
  ShtatEmployee *e = shtat_employee_new ();
  ShtatEducation education = {
    .level = SHTAT_EDUCATION_HIGHER, .field = SHTAT_FIELD_SOCIAL_WORK, .relevant = TRUE,
    .specialty = (char *) "Социальная работа", .institution = (char *) "КазНУ им. аль-Фараби",
    .diploma = (char *) "ЖБ-Б 0012345", .year = 2012,
  };
  ShtatCertificate certificate = {
    .kind = (char *) "social-training", .number = (char *) "СП-17",
    .issued = shtat_test_date (2015, 5, 10), .expires = shtat_test_date_iso (NULL),
  };
  ShtatWorkPeriod social = {
    .organisation = (char *) "Отдел занятости и социальных программ",
    .sector = SHTAT_SECTOR_SOCIAL_PROTECTION, .position = (char *) "social-worker",
    .level = SHTAT_LEVEL_HIGHER, .category = SHTAT_CATEGORY_SECOND,
    .from = shtat_test_date (2012, 9, 1), .to = shtat_test_date (2018, 8, 31),
  };
  ShtatWorkPeriod school = {
    .organisation = (char *) "Школа-гимназия № 5", .sector = SHTAT_SECTOR_EDUCATION,
    .position = (char *) "учитель", .level = -1, .category = -1,
    .from = shtat_test_date (2010, 9, 1), .to = shtat_test_date (2012, 8, 31),
  };
  ShtatAssignment assignment = {
    .centre_code = (char *) "almaty-bostandyk", .position = (char *) "social-worker",
    .level = SHTAT_LEVEL_HIGHER, .category = SHTAT_CATEGORY_FIRST, .rate = 100,
    .from = shtat_test_date (2018, 9, 1), .to = shtat_test_date_iso (NULL),
  };

  g_strlcpy (e->iin, "900101300126", sizeof e->iin);
  e->surname = g_strdup ("Ахметов");
  e->name = g_strdup ("Серик");
  e->patronymic = g_strdup ("Болатұлы");
  e->birth_date = shtat_test_date (1990, 1, 1);
  e->sex = SHTAT_SEX_MALE;
  shtat_employee_add_education (e, &education);
  shtat_employee_add_certificate (e, &certificate);
  shtat_employee_add_period (e, &social);
  shtat_employee_add_period (e, &school);
  shtat_employee_add_assignment (e, &assignment);
  return e;
}

#define EDUCATION(e) (&g_array_index ((e)->education, ShtatEducation, 0))
#define CERTIFICATE(e) (&g_array_index ((e)->certificates, ShtatCertificate, 0))
#define PERIOD(e, i) (&g_array_index ((e)->periods, ShtatWorkPeriod, (i)))
#define ASSIGNMENT(e) (&g_array_index ((e)->assignments, ShtatAssignment, 0))

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* ------------------------------------------------------------------------ */
/* Records                                                                  */

static void
test_records (void)
{
  g_autoptr(ShtatEmployee) e = make_valid ();
  g_autoptr(ShtatEmployee) copy = NULL;
  ShtatEmployee *boxed;
  g_autofree char *full = NULL;
  g_autofree char *short_name = NULL;

  /* the boxed copy is a new reference to the same record */
  boxed = g_boxed_copy (SHTAT_TYPE_EMPLOYEE, e);
  g_assert_true (boxed == e);
  g_boxed_free (SHTAT_TYPE_EMPLOYEE, boxed);

  /* adding copied the strings */
  g_assert_cmpstr (EDUCATION (e)->specialty, ==, "Социальная работа");
  g_assert_cmpuint (e->periods->len, ==, 2);
  g_assert_cmpstr (PERIOD (e, 1)->position, ==, "учитель");

  /* a deep copy: the same values in strings of its own */
  e->id = 7;
  PERIOD (e, 0)->id = 11;
  copy = shtat_employee_copy (e);
  g_assert_true (copy != e);
  g_assert_cmpint (copy->id, ==, 7);
  g_assert_cmpstr (copy->iin, ==, "900101300126");
  g_assert_cmpstr (copy->surname, ==, "Ахметов");
  g_assert_true (copy->surname != e->surname);
  g_assert_cmpint (g_date_compare (&copy->birth_date, &e->birth_date), ==, 0);
  g_assert_cmpuint (copy->education->len, ==, 1);
  g_assert_cmpuint (copy->certificates->len, ==, 1);
  g_assert_cmpuint (copy->periods->len, ==, 2);
  g_assert_cmpuint (copy->assignments->len, ==, 1);
  g_assert_cmpint (PERIOD (copy, 0)->id, ==, 11);
  g_assert_cmpstr (PERIOD (copy, 0)->organisation, ==, "Отдел занятости и социальных программ");
  g_assert_true (PERIOD (copy, 0)->organisation != PERIOD (e, 0)->organisation);
  g_assert_cmpint (g_date_compare (&PERIOD (copy, 0)->to, &PERIOD (e, 0)->to), ==, 0);
  g_assert_cmpstr (ASSIGNMENT (copy)->centre_code, ==, "almaty-bostandyk");
  g_assert_true (ASSIGNMENT (copy)->centre_code != ASSIGNMENT (e)->centre_code);
  g_assert_cmpint (ASSIGNMENT (copy)->rate, ==, 100);
  g_assert_cmpstr (CERTIFICATE (copy)->number, ==, "СП-17");
  g_assert_false (g_date_valid (&CERTIFICATE (copy)->expires));

  /* changing the copy leaves the original alone */
  replace (&PERIOD (copy, 0)->position, "psychologist");
  g_assert_cmpstr (PERIOD (e, 0)->position, ==, "social-worker");

  full = shtat_employee_dup_full_name (e);
  g_assert_cmpstr (full, ==, "Ахметов Серик Болатұлы");
  g_clear_pointer (&copy->patronymic, g_free);
  short_name = shtat_employee_dup_full_name (copy);
  g_assert_cmpstr (short_name, ==, "Ахметов Серик");
}

static void
test_centre (void)
{
  ShtatCentre *centre = shtat_centre_new ();
  ShtatCentre *boxed;

  centre->code = g_strdup ("almaty-bostandyk");
  boxed = g_boxed_copy (SHTAT_TYPE_CENTRE, centre);
  g_assert_true (boxed == centre);
  g_boxed_free (SHTAT_TYPE_CENTRE, boxed);
  g_assert_cmpstr (centre->code, ==, "almaty-bostandyk");
  shtat_centre_unref (centre);
}

static void
test_sectors (void)
{
  struct { ShtatSector sector; const char *name, *label; } cases[] = {
    { SHTAT_SECTOR_OTHER, "other", "Other" },
    { SHTAT_SECTOR_SOCIAL_PROTECTION, "social-protection", "Social protection" },
    { SHTAT_SECTOR_EMPLOYMENT, "employment", "Employment" },
    { SHTAT_SECTOR_EDUCATION, "education", "Education" },
    { SHTAT_SECTOR_HEALTH, "health", "Health" },
    { SHTAT_SECTOR_LAW_ENFORCEMENT, "law-enforcement", "Law enforcement" },
  };
  ShtatSector sector;

  g_assert_cmpuint (G_N_ELEMENTS (cases), ==, SHTAT_N_SECTORS);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (shtat_sector_to_string (cases[i].sector), ==, cases[i].name);
      g_assert_cmpstr (shtat_sector_get_label (cases[i].sector), ==, cases[i].label);
      g_assert_true (shtat_sector_from_string (cases[i].name, &sector));
      g_assert_cmpint (sector, ==, cases[i].sector);
    }
  g_assert_false (shtat_sector_from_string ("social protection", &sector));
  g_assert_false (shtat_sector_from_string ("", &sector));
  g_assert_false (shtat_sector_from_string (NULL, &sector));
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

typedef void (*Mutate) (ShtatEmployee *e);

static void nothing (ShtatEmployee *e) { }

/* valid edge cases */
static void period_on_14th_birthday (ShtatEmployee *e) { PERIOD (e, 1)->from = shtat_test_date (2004, 1, 1); }
static void graduated_at_14 (ShtatEmployee *e) { EDUCATION (e)->year = 2004; }
static void graduated_this_year (ShtatEmployee *e) { EDUCATION (e)->year = 2025; }
static void year_unknown (ShtatEmployee *e) { EDUCATION (e)->year = 0; }
static void quarter_rate (ShtatEmployee *e) { ASSIGNMENT (e)->rate = 25; }
static void double_rate (ShtatEmployee *e) { ASSIGNMENT (e)->rate = 200; }
static void started_today (ShtatEmployee *e) { ASSIGNMENT (e)->from = shtat_test_date (2025, 6, 1); }
static void one_day_period (ShtatEmployee *e) { PERIOD (e, 0)->to = PERIOD (e, 0)->from; }
static void planned_end (ShtatEmployee *e) { ASSIGNMENT (e)->to = shtat_test_date (2026, 12, 31); }
static void
external_assignment (ShtatEmployee *e)
{
  replace (&ASSIGNMENT (e)->position, "accountant");
  ASSIGNMENT (e)->level = -1;
  ASSIGNMENT (e)->category = -1;
}
static void
psychologist_first (ShtatEmployee *e)
{
  replace (&ASSIGNMENT (e)->position, "psychologist");
  ASSIGNMENT (e)->level = SHTAT_LEVEL_SINGLE;
  ASSIGNMENT (e)->category = SHTAT_CATEGORY_FIRST;
}
static void
ladder_not_given (ShtatEmployee *e)
{
  ASSIGNMENT (e)->level = -1;
  ASSIGNMENT (e)->category = -1;
}
static void
category_without_level (ShtatEmployee *e)
{
  ASSIGNMENT (e)->level = -1;
  ASSIGNMENT (e)->category = SHTAT_CATEGORY_HIGHEST;
}
static void
centre_by_id (ShtatEmployee *e)
{
  g_clear_pointer (&ASSIGNMENT (e)->centre_code, g_free);
  ASSIGNMENT (e)->centre_id = 3;
}
/* A woman of the 1900s (4) born on 29.02.1992, serial 0055: 9·1 + 2·2 + 0·3 + 2·4
 * + 2·5 + 9·6 + 4·7 + 0·8 + 0·9 + 5·10 + 5·11 = 9 + 4 + 8 + 10 + 54 + 28 + 50 + 55
 * = 218; 218 − 209 = 9: 920229400559. 2006 has no 29 February: a period starting
 * on 01.03.2006 is after her 14th birthday however that is counted. */
static void
leap_day_birth (ShtatEmployee *e)
{
  g_strlcpy (e->iin, "920229400559", sizeof e->iin);
  e->birth_date = shtat_test_date (1992, 2, 29);
  e->sex = SHTAT_SEX_FEMALE;
  PERIOD (e, 1)->from = shtat_test_date (2006, 3, 1);
}

/* invalid */
static void iin_checksum (ShtatEmployee *e) { g_strlcpy (e->iin, "900101300125", sizeof e->iin); }
static void iin_short (ShtatEmployee *e) { g_strlcpy (e->iin, "90010130012", sizeof e->iin); }
static void iin_empty (ShtatEmployee *e) { e->iin[0] = '\0'; }
static void iin_other_birth_date (ShtatEmployee *e) { e->birth_date = shtat_test_date (1990, 1, 2); }
static void iin_other_sex (ShtatEmployee *e) { e->sex = SHTAT_SEX_FEMALE; }
static void no_surname (ShtatEmployee *e) { g_clear_pointer (&e->surname, g_free); }
static void blank_name (ShtatEmployee *e) { replace (&e->name, "  "); }
static void no_sex (ShtatEmployee *e) { e->sex = 0; }
static void no_birth_date (ShtatEmployee *e) { g_date_clear (&e->birth_date, 1); }
/* Born on 15.01.2026, a boy of the 21st century (5): 2·1 + 6·2 + 0·3 + 1·4 + 1·5
 * + 5·6 + 5·7 + 0·8 + 0·9 + 0·10 + 1·11 = 2 + 12 + 4 + 5 + 30 + 35 + 11 = 99;
 * 99 mod 11 = 0: 260115500010. */
static void
born_in_future (ShtatEmployee *e)
{
  g_strlcpy (e->iin, "260115500010", sizeof e->iin);
  e->birth_date = shtat_test_date (2026, 1, 15);
}
static void graduated_at_13 (ShtatEmployee *e) { EDUCATION (e)->year = 2003; }
static void graduated_next_year (ShtatEmployee *e) { EDUCATION (e)->year = 2026; }
static void education_field (ShtatEmployee *e) { EDUCATION (e)->field = SHTAT_N_FIELDS; }
static void certificate_future (ShtatEmployee *e) { CERTIFICATE (e)->issued = shtat_test_date (2025, 6, 2); }
static void certificate_expired_before (ShtatEmployee *e) { CERTIFICATE (e)->expires = shtat_test_date (2015, 5, 9); }
static void certificate_kind (ShtatEmployee *e) { g_clear_pointer (&CERTIFICATE (e)->kind, g_free); }
static void period_end_before (ShtatEmployee *e) { PERIOD (e, 0)->to = shtat_test_date (2011, 8, 31); }
static void period_future (ShtatEmployee *e) { PERIOD (e, 1)->from = shtat_test_date (2025, 7, 1); }
static void period_before_14 (ShtatEmployee *e) { PERIOD (e, 1)->from = shtat_test_date (2003, 12, 31); }
static void period_no_start (ShtatEmployee *e) { g_date_clear (&PERIOD (e, 0)->from, 1); }
static void period_sector (ShtatEmployee *e) { PERIOD (e, 1)->sector = SHTAT_N_SECTORS; }
static void
period_category (ShtatEmployee *e)
{
  replace (&PERIOD (e, 0)->position, "psychologist");
  PERIOD (e, 0)->level = SHTAT_LEVEL_SINGLE;
  PERIOD (e, 0)->category = SHTAT_CATEGORY_HIGHEST;
}
static void period_single_level (ShtatEmployee *e) { PERIOD (e, 0)->level = SHTAT_LEVEL_SINGLE; }
static void
period_medium_case_manager (ShtatEmployee *e)
{
  replace (&PERIOD (e, 0)->position, "case-manager");
  PERIOD (e, 0)->level = SHTAT_LEVEL_MEDIUM;
}
static void assignment_unknown (ShtatEmployee *e) { replace (&ASSIGNMENT (e)->position, "social-wrker"); }
static void assignment_no_position (ShtatEmployee *e) { g_clear_pointer (&ASSIGNMENT (e)->position, g_free); }
static void
assignment_category (ShtatEmployee *e)
{
  psychologist_first (e);
  ASSIGNMENT (e)->category = SHTAT_CATEGORY_HIGHEST;
}
static void
assignment_category_no_level (ShtatEmployee *e)
{
  psychologist_first (e);
  ASSIGNMENT (e)->level = -1;
  ASSIGNMENT (e)->category = SHTAT_CATEGORY_HIGHEST;
}
static void
external_category (ShtatEmployee *e)
{
  external_assignment (e);
  ASSIGNMENT (e)->category = SHTAT_CATEGORY_NONE;
}
static void
external_level (ShtatEmployee *e)
{
  replace (&ASSIGNMENT (e)->position, "driver");
  ASSIGNMENT (e)->level = SHTAT_LEVEL_MEDIUM;
  ASSIGNMENT (e)->category = -1;
}
static void rate_zero (ShtatEmployee *e) { ASSIGNMENT (e)->rate = 0; }
static void rate_off_step (ShtatEmployee *e) { ASSIGNMENT (e)->rate = 30; }
static void rate_too_high (ShtatEmployee *e) { ASSIGNMENT (e)->rate = 225; }
static void assignment_end_before (ShtatEmployee *e) { ASSIGNMENT (e)->to = shtat_test_date (2018, 8, 31); }
static void assignment_before_14 (ShtatEmployee *e) { ASSIGNMENT (e)->from = shtat_test_date (2003, 9, 1); }
static void assignment_future (ShtatEmployee *e) { ASSIGNMENT (e)->from = shtat_test_date (2025, 6, 2); }
static void assignment_no_start (ShtatEmployee *e) { g_date_clear (&ASSIGNMENT (e)->from, 1); }
static void
assignment_no_centre (ShtatEmployee *e)
{
  g_clear_pointer (&ASSIGNMENT (e)->centre_code, g_free);
  ASSIGNMENT (e)->centre_id = 0;
}

static void
test_valid (void)
{
  struct { const char *what; Mutate mutate; } cases[] = {
    { "the file as made", nothing },
    { "a period from the 14th birthday", period_on_14th_birthday },
    { "graduated in the year of turning 14", graduated_at_14 },
    { "graduated this year", graduated_this_year },
    { "year of graduation unknown", year_unknown },
    { "a quarter rate", quarter_rate },
    { "a double rate", double_rate },
    { "an assignment starting today", started_today },
    { "a one-day period", one_day_period },
    { "an end after today (a fixed-term contract)", planned_end },
    { "a position set by another act, without level or category", external_assignment },
    { "psychologist, single level, first category", psychologist_first },
    { "level and category not given", ladder_not_given },
    { "a category that one of the levels has", category_without_level },
    { "the centre by id", centre_by_id },
    { "born on 29 February", leap_day_birth },
  };
  GDate today = TODAY;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatEmployee) e = make_valid ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      cases[i].mutate (e);
      g_assert_true (shtat_employee_validate (e, library, &today, &error));
      g_assert_no_error (error);
    }
}

static void
test_invalid (void)
{
  struct
  {
    Mutate              mutate;
    ShtatPersonnelError code;
    const char         *message;
  } cases[] = {
    /* the IIN, with the messages of shtat_iin_parse() and shtat_iin_agrees() (test-iin.c) */
    { iin_checksum, SHTAT_PERSONNEL_ERROR_IIN,
      "Employee 900101300125: IIN: The check digit of the IIN is 5, but its other digits give 6: "
      "a digit is mistyped" },
    { iin_short, SHTAT_PERSONNEL_ERROR_IIN,
      "Employee 90010130012: IIN: The IIN must have 12 digits, not 11" },
    /* without an IIN the file is named by the person's full name */
    { iin_empty, SHTAT_PERSONNEL_ERROR_IIN,
      "Employee Ахметов Серик Болатұлы: IIN: The IIN must have 12 digits, not 0" },
    { iin_other_birth_date, SHTAT_PERSONNEL_ERROR_IIN,
      "Employee 900101300126: IIN: The IIN gives the birth date 01.01.1990, but the record says "
      "02.01.1990" },
    { iin_other_sex, SHTAT_PERSONNEL_ERROR_IIN,
      "Employee 900101300126: IIN: The IIN is a man’s, but the record gives the sex as female" },
    { no_surname, SHTAT_PERSONNEL_ERROR_MISSING, "Employee 900101300126: the surname is missing" },
    { blank_name, SHTAT_PERSONNEL_ERROR_MISSING, "Employee 900101300126: the name is missing" },
    { no_sex, SHTAT_PERSONNEL_ERROR_MISSING, "Employee 900101300126: the sex is missing" },
    { no_birth_date, SHTAT_PERSONNEL_ERROR_MISSING,
      "Employee 900101300126: the birth date is missing" },
    { born_in_future, SHTAT_PERSONNEL_ERROR_DATE,
      "Employee 260115500010: the birth date 15.01.2026 is after today, 01.06.2025" },
    /* born in 1990: 1990 + 14 = 2004 is the first possible year */
    { graduated_at_13, SHTAT_PERSONNEL_ERROR_VALUE,
      "Education 1 (Социальная работа, 2003): the year of graduation 2003 is before the person "
      "was 14 (born in 1990)" },
    { graduated_next_year, SHTAT_PERSONNEL_ERROR_VALUE,
      "Education 1 (Социальная работа, 2026): the year of graduation 2026 is after this year, 2025" },
    { education_field, SHTAT_PERSONNEL_ERROR_VALUE,
      "Education 1 (Социальная работа, 2012): the field of study 14 does not exist" },
    { certificate_future, SHTAT_PERSONNEL_ERROR_DATE,
      "Certificate 1 (social-training): the issue date 02.06.2025 is after today, 01.06.2025" },
    { certificate_expired_before, SHTAT_PERSONNEL_ERROR_DATE,
      "Certificate 1 (social-training): the expiry date 09.05.2015 is before the issue date "
      "10.05.2015" },
    /* without its kind, a certificate is named by its number */
    { certificate_kind, SHTAT_PERSONNEL_ERROR_MISSING,
      "Certificate 1 (СП-17): the kind of certificate is missing" },
    { period_end_before, SHTAT_PERSONNEL_ERROR_DATE,
      "Work period 1 (Social worker, from 01.09.2012): the end 31.08.2011 is before the start" },
    /* free text names the post as written */
    { period_future, SHTAT_PERSONNEL_ERROR_DATE,
      "Work period 2 (учитель, from 01.07.2025): the start date 01.07.2025 is after today, "
      "01.06.2025" },
    { period_before_14, SHTAT_PERSONNEL_ERROR_DATE,
      "Work period 2 (учитель, from 31.12.2003): the start date 31.12.2003 is before the "
      "person’s 14th birthday, 01.01.2004" },
    { period_no_start, SHTAT_PERSONNEL_ERROR_MISSING,
      "Work period 1 (Social worker, from —): the start date is missing" },
    { period_sector, SHTAT_PERSONNEL_ERROR_VALUE,
      "Work period 2 (учитель, from 01.09.2010): the sector 6 does not exist" },
    /* 003 §6: the psychologist has categories I, II and none, no highest (item 15) */
    { period_category, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Work period 1 (Psychologist (social psychologist), from 01.09.2012): category: the "
      "position has no “Highest category”" },
    /* 003 §4: the social worker has a higher and a medium level */
    { period_single_level, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Work period 1 (Social worker, from 01.09.2012): level: the position is divided into "
      "qualification levels; give one of them" },
    /* 003 §11: the case manager has the higher level only */
    { period_medium_case_manager, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Work period 1 (Social worker – case manager, from 01.09.2012): level: the position has "
      "no “Medium level”" },
    { assignment_unknown, SHTAT_PERSONNEL_ERROR_POSITION,
      "Assignment 1 (social-wrker, from 01.09.2018): position: the norm data has no position "
      "with the code “social-wrker”" },
    { assignment_no_position, SHTAT_PERSONNEL_ERROR_MISSING,
      "Assignment 1 (no position, from 01.09.2018): the position is missing" },
    { assignment_category, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Assignment 1 (Psychologist (social psychologist), from 01.09.2018): category: the "
      "position has no “Highest category”" },
    { assignment_category_no_level, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Assignment 1 (Psychologist (social psychologist), from 01.09.2018): category: the "
      "position has no “Highest category”" },
    /* 003 ¶2: the accountant's and the driver's requirements are set elsewhere (item 17) */
    { external_category, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Assignment 1 (Accountant, from 01.09.2018): category: the position’s requirements are "
      "set by another act, and it has no categories here" },
    { external_level, SHTAT_PERSONNEL_ERROR_CATEGORY,
      "Assignment 1 (Driver, from 01.09.2018): level: the position’s requirements are set by "
      "another act, and it has no qualification levels here" },
    { rate_zero, SHTAT_PERSONNEL_ERROR_VALUE,
      "Assignment 1 (Social worker, from 01.09.2018): the rate 0 is not a multiple of 0.25 "
      "from 0.25 to 2" },
    { rate_off_step, SHTAT_PERSONNEL_ERROR_VALUE,
      "Assignment 1 (Social worker, from 01.09.2018): the rate 0.3 is not a multiple of 0.25 "
      "from 0.25 to 2" },
    { rate_too_high, SHTAT_PERSONNEL_ERROR_VALUE,
      "Assignment 1 (Social worker, from 01.09.2018): the rate 2.25 is not a multiple of 0.25 "
      "from 0.25 to 2" },
    { assignment_end_before, SHTAT_PERSONNEL_ERROR_DATE,
      "Assignment 1 (Social worker, from 01.09.2018): the end 31.08.2018 is before the start" },
    { assignment_before_14, SHTAT_PERSONNEL_ERROR_DATE,
      "Assignment 1 (Social worker, from 01.09.2003): the start date 01.09.2003 is before the "
      "person’s 14th birthday, 01.01.2004" },
    { assignment_future, SHTAT_PERSONNEL_ERROR_DATE,
      "Assignment 1 (Social worker, from 02.06.2025): the start date 02.06.2025 is after "
      "today, 01.06.2025" },
    { assignment_no_start, SHTAT_PERSONNEL_ERROR_MISSING,
      "Assignment 1 (Social worker, from —): the start date is missing" },
    { assignment_no_centre, SHTAT_PERSONNEL_ERROR_MISSING,
      "Assignment 1 (Social worker, from 01.09.2018): the centre is missing" },
  };
  GDate today = TODAY;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatEmployee) e = make_valid ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].message);
      cases[i].mutate (e);
      g_assert_false (shtat_employee_validate (e, library, &today, &error));
      g_assert_error (error, SHTAT_PERSONNEL_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Without a date, validation is as of today: a start tomorrow is refused. */
static void
test_default_today (void)
{
  g_autoptr(ShtatEmployee) e = make_valid ();
  g_autoptr(GError) error = NULL;
  GDate tomorrow;

  g_assert_true (shtat_employee_validate (e, library, NULL, &error));
  g_assert_no_error (error);

  g_date_clear (&tomorrow, 1);
  g_date_set_time_t (&tomorrow, time (NULL));
  g_date_add_days (&tomorrow, 1);
  ASSIGNMENT (e)->from = tomorrow;
  g_assert_false (shtat_employee_validate (e, library, NULL, &error));
  g_assert_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  shtat_lang_set_override (SHTAT_LANG_EN);
  g_setenv ("SHTAT_NORMS_DIR", "/nonexistent", TRUE);
  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/personnel/records", test_records);
  g_test_add_func ("/personnel/centre", test_centre);
  g_test_add_func ("/personnel/sectors", test_sectors);
  g_test_add_func ("/personnel/validate/valid", test_valid);
  g_test_add_func ("/personnel/validate/invalid", test_invalid);
  g_test_add_func ("/personnel/validate/default-today", test_default_today);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
