/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-demo"

/* The demo district (shtat-demo.c): its files are valid, and the engine says of
 * each what the case it was written for should show. The expected verdicts,
 * categories and dates for 22.11.2026 are worked out by hand from the act (file
 * 003, order 580-НҚ) and decisions.md items 10–19, with the counting rule of
 * item 14: a period [from, to] lasts as many whole months as there are monthly
 * anniversaries of its first day up to the day after its last, and a year of
 * experience started on day D is complete on the day before D's anniversary.
 * The engine's conventions (top of shtat-verdict.c): the current post counts as
 * an open period in its position, at the level evaluated, in the category held,
 * in social protection and not managerial; it runs on for "eligible on".
 *
 * The dates of the data are relative to `today`. For 22.11.2026, AGO (y, m, d)
 * of shtat-demo.c is 22.11.2026 less y years, m months and d days; the resolved
 * dates are written out below. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

#define MEETS     SHTAT_VERDICT_MEETS
#define NOT_MET   SHTAT_VERDICT_DOES_NOT_MEET
#define MISSING   SHTAT_VERDICT_MISSING_DATA
#define OTHER_ACT SHTAT_VERDICT_OTHER_ACT

#define L_HIGHER SHTAT_LEVEL_HIGHER
#define L_MEDIUM SHTAT_LEVEL_MEDIUM
#define L_SINGLE SHTAT_LEVEL_SINGLE

#define C_HIGHEST SHTAT_CATEGORY_HIGHEST
#define C_FIRST   SHTAT_CATEGORY_FIRST
#define C_SECOND  SHTAT_CATEGORY_SECOND
#define C_NONE    SHTAT_CATEGORY_NONE

#define NONE (-1)

/* How the eligibility date of the next category stands on other days: the
 * demo is built so that these stay true whenever it is run. */
typedef enum
{
  WINDOW_ANY,
  WINDOW_PAST,       /* already eligible */
  WINDOW_90_DAYS,    /* eligible within 90 days */
  WINDOW_LATER,      /* eligible more than 90 days ahead */
} Window;

typedef struct
{
  const char      *name;        /* surname, name, patronymic */
  const char      *position;
  ShtatVerdictKind kind;
  int              level;       /* evaluated, or -1 */
  int              attainable;  /* or -1 */
  gboolean         justified;
  int              next;        /* or -1 */
  gboolean         reachable;
  const char      *eligible;    /* ISO, or NULL */
  Window           window;
  gboolean         moves;       /* the attainable category depends on the day (leap day) */
} Expected;

#define VERDICT(k, lv, att, just) .kind = k, .level = lv, .attainable = att, .justified = just
#define NO_NEXT                   .next = NONE, .reachable = FALSE, .eligible = NULL
#define NEXT(c, date, w)          .next = c, .reachable = TRUE, .eligible = date, .window = w
#define UNREACHABLE(c)            .next = c, .reachable = FALSE, .eligible = NULL

static const Expected expected[] = {
  /* 003 ¶6: higher (social, pedagogy, law, economics, humanities) AND (≥ 3 years
   * in the sectors OR ≥ 2 years of leadership) (item 10). Pedagogy; school
   * 01.09.2000–31.05.2012, social protection department 01.06.2012–21.11.2023,
   * the post from 22.11.2023: one unbroken run of 26 years 2 months 22 days in
   * the sectors ≥ 3. No period is managerial, so this is route a. */
  { "Ахметова Айгерим Бериковна", "director", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE), NO_NEXT },

  /* 003 ¶9: as ¶6 with ≥ 1 year of leadership for b. Economics; bank
   * 01.09.2007–30.06.2024 (sector "other", item 13: does not count); head of
   * department at the employment centre 01.07.2024–31.01.2026, managerial:
   * 19 months ≥ 1 year (b). Sectors: 01.07.2024 to 22.11.2026 with the post
   * from 01.02.2026 = 28 months 22 days < 3 years, so a fails. */
  { "Нұрланов Дәурен Серікұлы", "deputy-director",
    VERDICT (MEETS, L_SINGLE, C_NONE, TRUE), NO_NEXT },

  /* 003 ¶9 a: humanities; school 01.09.1996–31.08.2015 and a social services
   * centre 01.09.2015–30.09.2024 = 28 years 1 month ≥ 3; no leadership. */
  { "Иванова Елена Сергеевна", "deputy-director",
    VERDICT (MEETS, L_SINGLE, C_NONE, TRUE), NO_NEXT },

  /* 003 ¶12: higher in the five fields AND ≥ 2 years in the sectors. Sales
   * (other) do not count. Employment centre 22.03.2025–21.01.2026, a school
   * 22.07.2025–21.12.2025 inside it, the post from 22.01.2026: merged (item 14)
   * 22.03.2025–22.11.2026 = 20 months 1 day < 2 years. (Added up without
   * merging: 10 m + 5 m + 10 m 1 d = 2 years 1 month 1 day.) */
  { "Қасымова Жанар Асқарқызы", "head-of-unit", VERDICT (NOT_MET, L_SINGLE, NONE, TRUE), NO_NEXT },

  /* 003 ¶12: law; police 01.08.2003–31.12.2016 alone is 13 years 5 months ≥ 2. */
  { "Смағұлов Ерлан Болатұлы", "head-of-unit", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE), NO_NEXT },

  /* 003 ¶15 A: higher (social, psychological, pedagogical, medical); without
   * category needs no experience; the second needs 1 year at the higher level
   * without category. Psychology; in the post without category from
   * 22.12.2025: 11 months 1 day on 22.11.2026, so the second is not yet
   * attainable; a year is complete on 21.12.2026 (item 19), 29 days ahead. */
  { "Жұмабаева Аружан Ерланқызы", "social-worker", VERDICT (MEETS, L_HIGHER, C_NONE, TRUE),
    NEXT (C_SECOND, "2026-12-21", WINDOW_90_DAYS) },

  /* ¶15 A: second category held needs 1 year without category: a social
   * worker, higher level, without category 01.09.2021–21.11.2024 = 3 years
   * 2 months 21 days. The first needs 1 year in the second: in it from
   * 22.11.2024, so 2 years 1 day now; the highest needs 2 years in the first
   * (none). Attainable: first. Eligible for the first since 22.11.2024 + 1 year
   * − 1 day = 21.11.2025. */
  { "Оспанова Динара Маратовна", "social-worker", VERDICT (MEETS, L_HIGHER, C_FIRST, TRUE),
    NEXT (C_FIRST, "2025-11-21", WINDOW_PAST) },

  /* ¶15 A: first category held needs 1 year in the second: a social worker in
   * the second 22.04.2024–21.06.2025 = 14 months. (Without category before,
   * 22.10.2022–21.04.2024, as a specialist in social work: the family of
   * item 12.) The highest needs 2 years in the first: from 22.06.2025, 17 months
   * 1 day now; complete on 21.06.2027. */
  { "Төлегенов Асхат Нұрланұлы", "social-worker", VERDICT (MEETS, L_HIGHER, C_FIRST, TRUE),
    NEXT (C_HIGHEST, "2027-06-21", WINDOW_LATER) },

  /* ¶15 A: the highest needs 2 years in the first: 01.02.2019–21.11.2023 =
   * 4 years 9 months 21 days. It is the top rung. */
  { "Бекмуханова Гульнар Кайратовна", "social-worker", VERDICT (MEETS, L_HIGHER, C_HIGHEST, TRUE),
    NO_NEXT },

  /* ¶15 B without category: TVET (social, economic, psychological, pedagogical,
   * medical) OR basic secondary and a certificate of social training (item 11).
   * Basic secondary and a certificate issued 22.10.2023, valid to 22.10.2028:
   * met. The second category needs TVET, which experience cannot bring. */
  { "Серікбаева Салтанат Нұржанқызы", "social-worker", VERDICT (MEETS, L_MEDIUM, C_NONE, TRUE),
    UNREACHABLE (C_SECOND) },

  /* The same route with a certificate that expired on 22.09.2026; general
   * secondary education alone meets no rung. */
  { "Ким Ольга Викторовна", "social-worker", VERDICT (NOT_MET, L_MEDIUM, NONE, TRUE),
    UNREACHABLE (C_SECOND) },

  /* ¶15 B: TVET in economics (on the medium list). Without category in the post
   * from 29.02.2024 (also recorded as an open period): 2 years 8 months on
   * 22.11.2026, so the second (1 year without category) is attainable while
   * none is held. 2025 has no 29 February: the first anniversary is 01.03.2025
   * and the year is complete on 28.02.2025 (item 14). */
  { "Гончаров Андрей Александрович", "social-worker", VERDICT (MEETS, L_MEDIUM, C_SECOND, TRUE),
    NEXT (C_SECOND, "2025-02-28", WINDOW_ANY), .moves = TRUE },

  /* 003 ¶18 A: the highest needs 3 years at the higher level in the first; the
   * first 2 years in the second. First 22.05.2024–21.11.2025 = 18 months < 3
   * years, so the highest held is not met; second 04.01.2021–21.05.2024 =
   * 40 months 18 days ≥ 2 years, so the first is attainable. Held above
   * attainable: a compliance error (item 19). The highest is the top rung. */
  { "Жақсылықов Бауыржан Маратұлы", "social-work-specialist",
    VERDICT (NOT_MET, L_HIGHER, C_FIRST, FALSE), NO_NEXT },

  /* ¶18 B: TVET (social, pedagogical, medical); the second needs 1 year at the
   * medium level without category: 01.08.2023–21.08.2025 = 2 years 21 days.
   * The first needs 2 years in the second: from 22.08.2025, 15 months 1 day
   * now; complete on 21.08.2027. */
  { "Абенова Мадина Ерлановна", "social-work-specialist", VERDICT (MEETS, L_MEDIUM, C_SECOND, TRUE),
    NEXT (C_FIRST, "2027-08-21", WINDOW_LATER) },

  /* No education recorded: missing data; no rung can be shown to hold, and
   * none can be reached by experience. */
  { "Шевченко Татьяна Николаевна", "social-work-specialist",
    VERDICT (MISSING, L_MEDIUM, NONE, TRUE),
    UNREACHABLE (C_SECOND) },

  /* ¶18 A with a higher diploma whose field is not classified: it may or may
   * not be social, pedagogical or medical, so even the bottom rung is unknown. */
  { "Ибраева Дана Руслановна", "social-work-specialist", VERDICT (MISSING, L_HIGHER, NONE, TRUE),
    UNREACHABLE (C_SECOND) },

  /* 003 ¶21 (item 15): higher in the relevant specialty (confirmed); II needs
   * 3 years as a psychologist without category, I needs 2 years in II. In the
   * post without category from 22.05.2024: 2 years 6 months 1 day < 3; the three
   * years are complete on 21.05.2027. */
  { "Искакова Камила Тимуровна", "psychologist", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE),
    NEXT (C_SECOND, "2027-05-21", WINDOW_LATER) },

  /* ¶21: psychologist without category 22.03.2021–21.05.2024 = 3 years
   * 2 months ≥ 3, so II is met (the school psychologist's post before is
   * another post). In II since 22.05.2024: 2 years 6 months 1 day ≥ 2, so I is
   * attainable; eligible since 22.05.2024 + 2 years − 1 day = 21.05.2026. */
  { "Муканов Тимур Ерланович", "psychologist", VERDICT (MEETS, L_SINGLE, C_FIRST, TRUE),
    NEXT (C_FIRST, "2026-05-21", WINDOW_PAST) },

  /* 003 ¶24: TVET or higher in the relevant direction, no experience. */
  { "Нұрғалиева Әсел Бауыржанқызы", "media-specialist", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE),
    NO_NEXT },

  /* 003 ¶27 first alternative: secondary specialised (law, economics,
   * pedagogy, social, humanities) AND ≥ 1 year in the sector: employment
   * centre 22.02.2025–21.05.2026 = 15 months, before the post even starts. */
  { "Сәрсенбаев Данияр Асқарұлы", "analytics-specialist", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE),
    NO_NEXT },

  /* 003 ¶30: TVET in the relevant direction (confirmed), no experience. */
  { "Ли Руслан Сергеевич", "it-security-specialist", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE),
    NO_NEXT },

  /* 003 ¶33 second alternative: higher pedagogy, no experience needed (two
   * months in the post, less than the year of the first alternative). */
  { "Әбілқасымова Айжан Нұрланқызы", "prevention-specialist",
    VERDICT (MEETS, L_SINGLE, C_NONE, TRUE),
    NO_NEXT },

  /* 003 ¶33 first alternative: secondary specialised law and police
   * 01.09.2006–28.02.2023 = 16 years 6 months ≥ 1. */
  { "Оразбаев Марат Серикович", "prevention-specialist", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE),
    NO_NEXT },

  /* 003 ¶36: higher in social work, preschool, primary pedagogy, vocational
   * training, nursing or physical culture. Law is none of them: no rung holds,
   * and the second cannot be reached by experience. */
  { "Петрова Наталья Андреевна", "case-manager", VERDICT (NOT_MET, L_HIGHER, NONE, TRUE),
    UNREACHABLE (C_SECOND) },

  /* ¶36: social work; without category from 22.07.2026; the second needs
   * 1 year without category: complete on 21.07.2027. */
  { "Байжанов Арман Серикович", "case-manager", VERDICT (MEETS, L_HIGHER, C_NONE, TRUE),
    NEXT (C_SECOND, "2027-07-21", WINDOW_LATER) },

  /* ¶36: nursing; the second held needs 1 year at the higher level without
   * category in the family (item 12): a social worker 01.09.2021–21.01.2025 =
   * 3 years 4 months 21 days. The first needs 2 years in the second: from
   * 22.01.2025, 22 months 1 day now; complete on 21.01.2027, 60 days ahead. */
  { "Мусина Сауле Кайратовна", "case-manager", VERDICT (MEETS, L_HIGHER, C_SECOND, TRUE),
    NEXT (C_FIRST, "2027-01-21", WINDOW_90_DAYS) },

  /* 003 ¶39 (item 18): higher law AND ≥ 1 year in the relevant activity. A law
   * firm is not a sector of item 13; the post from 22.04.2026 is 7 months
   * 1 day < 1 year. */
  { "Әлімжанов Алмас Ерланұлы", "lawyer", VERDICT (NOT_MET, L_SINGLE, NONE, TRUE), NO_NEXT },

  /* ¶39: law; the prosecutor's office 01.08.2005–30.06.2019 alone is ≥ 1 year. */
  { "Кузнецов Дмитрий Викторович", "lawyer", VERDICT (MEETS, L_SINGLE, C_NONE, TRUE), NO_NEXT },

  /* 003 ¶2, item 17: set by order 775 or 553, or no characteristic bundled. */
  { "Байтасова Раушан Амангельдиевна", "chief-accountant",
    VERDICT (OTHER_ACT, NONE, NONE, TRUE), NO_NEXT },
  { "Жусупова Айнур Сериковна", "hr-inspector", VERDICT (OTHER_ACT, NONE, NONE, TRUE), NO_NEXT },
  { "Абдрахманов Ержан Болатович", "procurement-manager",
    VERDICT (OTHER_ACT, NONE, NONE, TRUE), NO_NEXT },
  { "Попов Сергей Иванович", "driver", VERDICT (OTHER_ACT, NONE, NONE, TRUE), NO_NEXT },
  { "Жақыпов Серік Төлеуұлы", "watchman", VERDICT (OTHER_ACT, NONE, NONE, TRUE), NO_NEXT },
};

/* ------------------------------------------------------------------------ */

static char *
iso (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("(none)");
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static GPtrArray *
build (const char *today_iso)
{
  GPtrArray *employees = NULL;
  GDate today;

  today = shtat_test_date_iso (today_iso);
  shtat_demo_build (&today, NULL, &employees);
  g_assert_nonnull (employees);
  return employees;
}

static const ShtatEmployee *
find_employee (GPtrArray  *employees,
               const char *full_name)
{
  for (guint i = 0; i < employees->len; i++)
    {
      const ShtatEmployee *e = g_ptr_array_index (employees, i);
      g_autofree char *name = shtat_employee_dup_full_name (e);

      if (g_str_equal (name, full_name))
        return e;
    }
  return NULL;
}

static const ShtatAssignment *
assignment_of (const ShtatEmployee *e)
{
  g_assert_cmpuint (e->assignments->len, ==, 1);
  return &g_array_index (e->assignments, ShtatAssignment, 0);
}

/* ------------------------------------------------------------------------ */

static void
test_centre (void)
{
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  const ShtatCentre *centre;
  GDate today;

  today = shtat_test_date_iso ("2026-11-22");
  shtat_demo_build (&today, &centres, &employees);
  g_assert_cmpuint (centres->len, ==, 1);
  centre = g_ptr_array_index (centres, 0);
  g_assert_cmpstr (centre->code, ==, "demo-centre");
  g_assert_cmpstr (centre->name_kk, ==, "Демо ауданының отбасын қолдау орталығы");
  g_assert_cmpstr (centre->name_ru, ==, "Центр поддержки семьи демонстрационного района");
  g_assert_cmpstr (centre->district, ==, "Демо ауданы / Демонстрационный район");
  g_assert_cmpstr (centre->akimat, ==, "Демо ауданының әкімдігі");

  /* Thirty-three people, one for each case of shtat-demo.c, each with one
   * current assignment at the centre. */
  g_assert_cmpuint (employees->len, ==, 33);
  for (guint i = 0; i < employees->len; i++)
    {
      const ShtatAssignment *a = assignment_of (g_ptr_array_index (employees, i));

      g_assert_cmpstr (a->centre_code, ==, "demo-centre");
      g_assert_false (g_date_valid (&a->to));
    }
}

/* Every file passes validation (IIN agreeing with the birth date and sex,
 * dates, ladders), on the fixed day and on others, including days after
 * 29 February, at the ends of months and years. */
static void
test_valid (void)
{
  static const char * const days[] = {
    "2026-11-22", "2024-03-01", "2025-01-10", "2027-08-31", "2028-02-29", "2029-08-31",
    "2031-02-28", "2040-12-31",
  };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GPtrArray) employees = build (days[d]);
      GDate today;

      today = shtat_test_date_iso (days[d]);
      for (guint i = 0; i < employees->len; i++)
        {
          g_autoptr(GError) error = NULL;
          const ShtatEmployee *e = g_ptr_array_index (employees, i);

          if (!shtat_employee_validate (e, library, &today, &error))
            g_test_message ("%s: %s", days[d], error->message);
          g_assert_no_error (error);
        }
    }
}

static void
test_iin_unique (void)
{
  g_autoptr(GPtrArray) employees = build ("2026-11-22");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < employees->len; i++)
    {
      const ShtatEmployee *e = g_ptr_array_index (employees, i);
      ShtatIin iin;

      g_assert_true (shtat_iin_parse (e->iin, &iin, NULL));
      g_assert_true (shtat_iin_agrees (&iin, &e->birth_date, e->sex, NULL));
      g_assert_true (g_hash_table_add (seen, (gpointer) e->iin));
    }
}

/* What two files hold on two days, each date resolved by hand from the AGO
 * (years, months, days) of shtat-demo.c: GLib moves 29 February to the 28th in a
 * year without it, and a day past the end of a month to its last day. The IIN
 * is YYMMDD, the century and sex digit (3/4: a man/woman born in the 1900s),
 * the serial 10 × (n + 1) for the n-th file, and the check digit: digits 1–11
 * weighed by 1–11, modulo 11 (Decree 565). */
typedef struct
{
  const char *today;
  const char *name;
  const char *birth;
  const char *iin;
  guint       graduated;
  const char *periods[2][2];   /* from, to; NULL: open */
  const char *since;
} ExpectedFile;

static const ExpectedFile expected_files[] = {
  /* File 0. Born AGO (48, 3, 11): 22.11.1978, 22.08.1978, 11.08.1978.
   * 7·1 + 8·2 + 0·3 + 8·4 + 1·5 + 1·6 + 4·7 + 0·8 + 0·9 + 1·10 + 0·11 = 104,
   * 104 mod 11 = 5. School AGO (26, 2, 21) to AGO (14, 5, 22), the department
   * from AGO (14, 5, 21) to AGO (3, 0, 1), the post from AGO (3, 0, 0);
   * graduated 26 years before 2026. */
  { "2026-11-22", "Ахметова Айгерим Бериковна", "1978-08-11", "780811400105", 2000,
    { { "2000-09-01", "2012-05-31" }, { "2012-06-01", "2023-11-21" } }, "2023-11-22" },
  /* On a leap day: 29.02.1980, 29.11.1979, 18.11.1979; 7 + 18 + 3 + 4 + 5 + 48
   * + 28 + 10 = 123, mod 11 = 2. 29.02.2002 is the 28th, less 2 months
   * 28.12.2001, less 21 days 07.12.2001; 28.02.2014, 28.09.2013, 06.09.2013;
   * 28.02.2025 less a day. */
  { "2028-02-29", "Ахметова Айгерим Бериковна", "1979-11-18", "791118400102", 2002,
    { { "2001-12-07", "2013-09-06" }, { "2013-09-07", "2025-02-27" } }, "2025-02-28" },
  /* File 11. Born AGO (31, 4, 10): 22.11.1995, 22.07.1995, 12.07.1995; serial
   * 0120; 9 + 10 + 0 + 28 + 5 + 12 + 21 + 0 + 9 + 20 + 0 = 114, mod 11 = 4.
   * The accountant's job AGO (11, 2, 21) to the day before the last 29 February
   * before 2026, which is 29.02.2024: the post starts on it, open. */
  { "2026-11-22", "Гончаров Андрей Александрович", "1995-07-12", "950712301204", 2015,
    { { "2015-09-01", "2024-02-28" }, { "2024-02-29", NULL } }, "2024-02-29" },
  /* 28.02.1997, 28.10.1996, 18.10.1996; 9 + 12 + 3 + 0 + 5 + 48 + 21 + 0 + 9
   * + 20 + 0 = 127, mod 11 = 6. 28.02.2017, 28.12.2016, 07.12.2016; the last
   * 29 February before 2028 is still 29.02.2024. */
  { "2028-02-29", "Гончаров Андрей Александрович", "1996-10-18", "961018301206", 2017,
    { { "2016-12-07", "2024-02-28" }, { "2024-02-29", NULL } }, "2024-02-29" },
};

static void
assert_date (const GDate *date,
             const char  *expected_iso)
{
  g_autofree char *text = iso (date);

  if (expected_iso == NULL)
    g_assert_false (g_date_valid (date));
  else
    g_assert_cmpstr (text, ==, expected_iso);
}

/* The files hold the dates worked out above, on both days. */
static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_files); i++)
    {
      const ExpectedFile *x = &expected_files[i];
      g_autoptr(GPtrArray) employees = build (x->today);
      const ShtatEmployee *e = find_employee (employees, x->name);
      const ShtatAssignment *a;

      g_test_message ("%s on %s", x->name, x->today);
      g_assert_nonnull (e);
      assert_date (&e->birth_date, x->birth);
      g_assert_cmpstr (e->iin, ==, x->iin);
      g_assert_cmpuint (e->education->len, ==, 1);
      g_assert_cmpuint (g_array_index (e->education, ShtatEducation, 0).year, ==, x->graduated);
      g_assert_cmpuint (e->periods->len, ==, G_N_ELEMENTS (x->periods));
      for (guint p = 0; p < G_N_ELEMENTS (x->periods); p++)
        {
          const ShtatWorkPeriod *period = &g_array_index (e->periods, ShtatWorkPeriod, p);

          assert_date (&period->from, x->periods[p][0]);
          assert_date (&period->to, x->periods[p][1]);
        }
      a = assignment_of (e);
      assert_date (&a->from, x->since);
      g_assert_cmpint (a->rate, ==, 100);
    }
}

/* The certificates of the two certificate-route files on 22.11.2026: issued
 * AGO (3, 1, 0) and valid to AHEAD (1, 11, 0); issued AGO (5, 3, 0) and expired
 * AGO (0, 2, 0). */
static void
test_certificates (void)
{
  g_autoptr(GPtrArray) employees = build ("2026-11-22");
  const ShtatEmployee *valid = find_employee (employees, "Серікбаева Салтанат Нұржанқызы");
  const ShtatEmployee *expired = find_employee (employees, "Ким Ольга Викторовна");
  const ShtatCertificate *c;

  g_assert_cmpuint (valid->certificates->len, ==, 1);
  c = &g_array_index (valid->certificates, ShtatCertificate, 0);
  g_assert_cmpstr (c->kind, ==, "social-training");
  assert_date (&c->issued, "2023-10-22");
  assert_date (&c->expires, "2028-10-22");

  g_assert_cmpuint (expired->certificates->len, ==, 1);
  c = &g_array_index (expired->certificates, ShtatCertificate, 0);
  g_assert_cmpstr (c->kind, ==, "social-training");
  assert_date (&c->issued, "2021-08-22");
  assert_date (&c->expires, "2026-09-22");
}

/* Every position of 580-НҚ is filled at least once, and so are posts of the
 * other acts (003 ¶2). */
static void
test_positions (void)
{
  g_autoptr(GPtrArray) employees = build ("2026-11-22");
  GPtrArray *positions = shtat_norm_library_get_positions (library);
  static const char * const external[] = { "chief-accountant", "hr-inspector", "driver" };
  guint n_580 = 0;

  for (guint p = 0; p < positions->len; p++)
    {
      const ShtatPosition *position = g_ptr_array_index (positions, p);
      gboolean found = FALSE;

      if (position->act == NULL || g_strcmp0 (position->act->id, "580-nk") != 0)
        continue;
      n_580++;
      for (guint i = 0; i < employees->len && !found; i++)
        found = g_str_equal (assignment_of (g_ptr_array_index (employees, i))->position,
                             position->code);
      g_test_message ("%s", position->code);
      g_assert_true (found);
    }
  g_assert_cmpuint (n_580, ==, 12);

  /* How many hold each post, as shtat-demo.c lists them. */
  {
    static const struct { const char *code; guint n; } posts[] = {
      { "director", 1 }, { "deputy-director", 2 }, { "head-of-unit", 2 },
      { "social-worker", 7 }, { "social-work-specialist", 4 }, { "psychologist", 2 },
      { "media-specialist", 1 }, { "analytics-specialist", 1 }, { "it-security-specialist", 1 },
      { "prevention-specialist", 2 }, { "case-manager", 3 }, { "lawyer", 2 },
      { "chief-accountant", 1 }, { "hr-inspector", 1 }, { "procurement-manager", 1 },
      { "driver", 1 }, { "watchman", 1 },
    };
    guint total = 0;

    for (guint p = 0; p < G_N_ELEMENTS (posts); p++)
      {
        guint n = 0;

        for (guint i = 0; i < employees->len; i++)
          n += g_str_equal (assignment_of (g_ptr_array_index (employees, i))->position, posts[p].code);
        g_test_message ("%s", posts[p].code);
        g_assert_cmpuint (n, ==, posts[p].n);
        total += posts[p].n;
      }
    g_assert_cmpuint (total, ==, employees->len);
  }

  for (guint x = 0; x < G_N_ELEMENTS (external); x++)
    {
      gboolean found = FALSE;

      g_assert_nonnull (shtat_norm_library_get_external_position (library, external[x]));
      for (guint i = 0; i < employees->len && !found; i++)
        found = g_str_equal (assignment_of (g_ptr_array_index (employees, i))->position,
                             external[x]);
      g_assert_true (found);
    }
}

static void
check_expected (const Expected      *x,
                const ShtatEmployee *e,
                const GDate         *today,
                gboolean             fixed_day)
{
  const ShtatAssignment *a = assignment_of (e);
  g_autoptr(ShtatVerdict) v = shtat_verdict_compute (library, e, a, today);
  g_autofree char *eligible = iso (&v->eligible_on);

  g_test_message ("%s (%s): %s, attainable %d, next %d, eligible %s", x->name, x->position,
                  shtat_verdict_kind_to_string (v->kind), v->attainable_category,
                  v->next_category, eligible);
  g_assert_cmpstr (a->position, ==, x->position);
  g_assert_cmpint (v->kind, ==, x->kind);
  g_assert_cmpint (v->level, ==, x->level);
  if (fixed_day || !x->moves)
    g_assert_cmpint (v->attainable_category, ==, x->attainable);
  g_assert_cmpint (v->held_justified, ==, x->justified);
  g_assert_cmpint (v->next_category, ==, x->next);
  g_assert_cmpint (v->next_reachable, ==, x->reachable);

  if (!x->reachable)
    g_assert_false (g_date_valid (&v->eligible_on));
  else if (fixed_day)
    g_assert_cmpstr (eligible, ==, x->eligible);
  else
    {
      int days = (int) g_date_days_between (today, &v->eligible_on);

      g_assert_true (g_date_valid (&v->eligible_on));
      switch (x->window)
        {
        case WINDOW_PAST:
          g_assert_cmpint (days, <=, 0);
          break;
        case WINDOW_90_DAYS:
          g_assert_cmpint (days, >, 0);
          g_assert_cmpint (days, <=, 90);
          break;
        case WINDOW_LATER:
          g_assert_cmpint (days, >, 90);
          break;
        case WINDOW_ANY:
        default:
          break;
        }
    }
}

/* What the engine says of each file on 22.11.2026, as derived above. */
static void
test_verdicts (void)
{
  g_autoptr(GPtrArray) employees = build ("2026-11-22");
  gboolean kinds[4] = { FALSE, FALSE, FALSE, FALSE };
  GDate today;

  today = shtat_test_date_iso ("2026-11-22");
  /* every file is one of the cases */
  g_assert_cmpuint (employees->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ShtatEmployee *e = find_employee (employees, expected[i].name);

      g_assert_nonnull (e);
      check_expected (&expected[i], e, &today, TRUE);
      kinds[expected[i].kind] = TRUE;
    }

  /* all four kinds of verdict appear */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_true (kinds[k]);

  /* What the personnel list counts, from the cases above: 21 meet (the
   * director, both deputies, one head of unit, six social workers, one
   * specialist in social work, both psychologists, the media, analytics and
   * IT security specialists, both prevention specialists, two case managers,
   * one lawyer); 5 do not (a head of unit, the expired certificate, the
   * category held above what the file supports, the case manager in law, a
   * lawyer); 2 lack data; 5 hold posts of other acts. */
  {
    guint counts[4] = { 0, 0, 0, 0 };

    for (guint i = 0; i < employees->len; i++)
      {
        const ShtatEmployee *e = g_ptr_array_index (employees, i);
        g_autoptr(ShtatVerdict) v = shtat_verdict_compute (library, e, assignment_of (e), &today);

        counts[v->kind]++;
      }
    g_assert_cmpuint (counts[SHTAT_VERDICT_MEETS], ==, 21);
    g_assert_cmpuint (counts[SHTAT_VERDICT_DOES_NOT_MEET], ==, 5);
    g_assert_cmpuint (counts[SHTAT_VERDICT_MISSING_DATA], ==, 2);
    g_assert_cmpuint (counts[SHTAT_VERDICT_OTHER_ACT], ==, 5);
  }
}

/* Whenever the demo is built, the cases show the same thing: the same kinds
 * and categories, the eligibility dates on the same side of today and of the
 * next 90 days. */
static void
test_other_days (void)
{
  static const char * const days[] = {
    "2024-03-01", "2025-01-10", "2027-08-31", "2028-02-29", "2029-08-31", "2031-02-28",
    "2040-12-31",
  };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GPtrArray) employees = build (days[d]);
      GDate today;

      g_test_message ("today = %s", days[d]);
      today = shtat_test_date_iso (days[d]);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          const ShtatEmployee *e = find_employee (employees, expected[i].name);

          g_assert_nonnull (e);
          check_expected (&expected[i], e, &today, FALSE);
        }
    }
}

/* The routes the management files are there to show: without the leadership
 * flag the deputy no longer meets ¶9 (so route b is what holds); the director
 * has no leadership period (so route a is); and the head of unit's periods,
 * added up without merging, would have made the 2 years of ¶12. */
static void
test_routes (void)
{
  g_autoptr(GPtrArray) employees = build ("2026-11-22");
  const ShtatEmployee *director = find_employee (employees, "Ахметова Айгерим Бериковна");
  const ShtatEmployee *deputy = find_employee (employees, "Нұрланов Дәурен Серікұлы");
  const ShtatEmployee *head = find_employee (employees, "Қасымова Жанар Асқарқызы");
  g_autoptr(ShtatEmployee) no_lead = shtat_employee_copy (deputy);
  g_autoptr(ShtatVerdict) v = NULL;
  ShtatDuration post;
  guint months = 0;
  guint days = 0;
  GDate today;

  today = shtat_test_date_iso ("2026-11-22");

  for (guint i = 0; i < director->periods->len; i++)
    g_assert_false (g_array_index (director->periods, ShtatWorkPeriod, i).managerial);

  for (guint i = 0; i < no_lead->periods->len; i++)
    g_array_index (no_lead->periods, ShtatWorkPeriod, i).managerial = FALSE;
  v = shtat_verdict_compute (library, no_lead, assignment_of (no_lead), &today);
  g_assert_cmpint (v->kind, ==, SHTAT_VERDICT_DOES_NOT_MEET);

  /* 10 m + 5 m + the post 22.01.2026–22.11.2026 = 10 m 1 d: 25 months 1 day */
  for (guint i = 0; i < head->periods->len; i++)
    {
      const ShtatWorkPeriod *p = &g_array_index (head->periods, ShtatWorkPeriod, i);
      ShtatDuration length;

      if (p->sector == SHTAT_SECTOR_OTHER)
        continue;
      length = shtat_period_length (&p->from, &p->to);
      months += 12 * length.years + length.months;
      days += length.days;
    }
  post = shtat_period_length (&assignment_of (head)->from, &today);
  months += 12 * post.years + post.months;
  days += post.days;
  g_assert_cmpuint (months, ==, 25);
  g_assert_cmpuint (days, ==, 1);
}

/* What the user reads for the compliance error and the expired certificate. */
static void
test_reasons (void)
{
  g_autoptr(GPtrArray) employees = build ("2026-11-22");
  g_autoptr(ShtatVerdict) above = NULL;
  g_autoptr(ShtatVerdict) expired = NULL;
  const ShtatEmployee *e;
  gboolean found = FALSE;
  GDate today;

  today = shtat_test_date_iso ("2026-11-22");

  e = find_employee (employees, "Жақсылықов Бауыржан Маратұлы");
  above = shtat_verdict_compute (library, e, assignment_of (e), &today);
  for (guint i = 0; i < above->reasons->len && !found; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (above->reasons, i);

      found = r->kind == SHTAT_REMARK_WARNING && strstr (r->text, "compliance error") != NULL;
    }
  g_assert_true (found);

  found = FALSE;
  e = find_employee (employees, "Ким Ольга Викторовна");
  expired = shtat_verdict_compute (library, e, assignment_of (e), &today);
  for (guint i = 0; i < expired->reasons->len && !found; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (expired->reasons, i);

      found = r->kind == SHTAT_REMARK_WARNING && strstr (r->text, "certificate") != NULL;
    }
  g_assert_true (found);
}

/* The demo's profile: twelve complete months before today's, every channel
 * recorded, between 53 and 64 appeals a working day (shtat-demo.h), so the
 * 51–100 bracket on any day; one vehicle. */
static void
test_profile (void)
{
  static const char * const days[] = { "2026-11-22", "2025-01-01", "2028-03-01", "2027-12-31" };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(ShtatCentreProfile) profile = NULL;
      g_autoptr(ShtatCalendar) calendar = shtat_calendar_new ();
      g_autoptr(ShtatAppealsAverage) avg = NULL;
      g_autoptr(GError) error = NULL;
      ShtatMonth last;
      GDate today;

      today = shtat_test_date_iso (days[d]);
      profile = shtat_demo_build_profile (&today);
      g_assert_true (shtat_centre_profile_validate (profile, &today, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (profile->appeals->len, ==, 12 * SHTAT_N_APPEAL_CHANNELS);
      g_assert_cmpfloat (profile->values[SHTAT_DRIVER_VEHICLES], ==, 1);

      avg = shtat_appeals_average_compute (profile, calendar, library, "fsc", NULL, NULL, &today, &error);
      g_assert_no_error (error);
      shtat_month_from_date (&last, &today);
      shtat_month_add (&last, -1);
      g_assert_cmpint (shtat_month_compare (&avg->to, &last), ==, 0);
      g_assert_cmpuint (avg->missing->len, ==, 0);
      g_assert_cmpuint (avg->partial->len, ==, 0);
      g_assert_cmpfloat (avg->average, >, 53);
      g_assert_cmpfloat (avg->average, <, 64);
      g_assert_cmpint (avg->bracket, ==, 1);
    }
}

/* Every position of the centres' table has a salary in the sample grid. */
static void
test_pay_grid (void)
{
  g_autoptr(ShtatPayGrid) grid = shtat_demo_build_pay_grid ();
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  GDate on;
  gint64 salary = 0;
  g_autoptr(GError) error = NULL;

  on = shtat_test_date_iso ("2026-11-22");
  for (guint s = 0; s < fsc->sections->len; s++)
    {
      const ShtatSection *section = g_ptr_array_index (fsc->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const ShtatNormRow *row = g_ptr_array_index (section->rows, r);

          if (!shtat_pay_grid_position_salary (grid, row->position, &on, &salary, NULL, &error))
            g_error ("%s: %s", row->position, error->message);
        }
    }
  /* the director: 17 697,00 ₸ × 4.5 = 79 636,50 ₸ */
  g_assert_true (shtat_pay_grid_position_salary (grid, "director", &on, &salary, NULL, NULL));
  g_assert_cmpint (salary, ==, 7963650);
}

/* Saved into a store: the files, the profile and the grid; a second time
 * changes nothing the user may have edited. */
static void
test_save (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shtat.db", NULL);
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(ShtatCentreProfile) again = NULL;
  g_autoptr(ShtatPayGrid) grid = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  shtat_date_set_today (&today);
  store = shtat_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (shtat_demo_save (store, &today, &error));
  g_assert_no_error (error);
  profile = shtat_store_load_centre_profile (store, "demo-centre", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profile->appeals->len, ==, 60);
  grid = shtat_store_load_pay_grid (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shtat_pay_grid_get_positions (grid)->len, ==, 20);

  g_assert_true (shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 3, NULL));
  g_assert_true (shtat_store_save_centre_profile (store, profile, &error));
  g_assert_true (shtat_demo_save (store, &today, &error));
  g_assert_no_error (error);
  again = shtat_store_load_centre_profile (store, "demo-centre", &error);
  g_assert_cmpfloat (again->values[SHTAT_DRIVER_VEHICLES], ==, 3);
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

  g_test_add_func ("/demo/centre", test_centre);
  g_test_add_func ("/demo/valid", test_valid);
  g_test_add_func ("/demo/iin-unique", test_iin_unique);
  g_test_add_func ("/demo/dates", test_dates);
  g_test_add_func ("/demo/certificates", test_certificates);
  g_test_add_func ("/demo/positions", test_positions);
  g_test_add_func ("/demo/verdicts", test_verdicts);
  g_test_add_func ("/demo/other-days", test_other_days);
  g_test_add_func ("/demo/routes", test_routes);
  g_test_add_func ("/demo/reasons", test_reasons);
  g_test_add_func ("/demo/profile", test_profile);
  g_test_add_func ("/demo/pay-grid", test_pay_grid);
  g_test_add_func ("/demo/save", test_save);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
