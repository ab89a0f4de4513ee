/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-verdict"

/* The qualification and promotion engine (order 580-НҚ, file 003; decisions.md
 * items 10–19). Every expected verdict, category and date below is worked out by
 * hand from the act's paragraph cited next to it and the counting rule of item 14
 * (a period [from, to] lasts as many whole months as there are monthly
 * anniversaries of its first day up to the day after its last; separate periods
 * are added up with 30 days making a month). Nothing is copied from the program.
 *
 * Conventions the cases rely on (see the top of shtat-verdict.c):
 * - the current post counts as an open period in its position, at the level
 *   evaluated, in the category held, in the social protection sector, not
 *   managerial; it runs on for "eligible on";
 * - no category held = the bottom rung; a single-rung post that is met has the
 *   attainable category "without category";
 * - the as-of date is counted in (item 14). */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;

/* Education levels and fields */
#define E_BASIC    SHTAT_EDUCATION_BASIC_SECONDARY
#define E_GENERAL  SHTAT_EDUCATION_GENERAL_SECONDARY
#define E_SS       SHTAT_EDUCATION_SECONDARY_SPECIALISED
#define E_SV       SHTAT_EDUCATION_SECONDARY_VOCATIONAL
#define E_PS       SHTAT_EDUCATION_POST_SECONDARY
#define E_HIGHER   SHTAT_EDUCATION_HIGHER
#define E_POSTGRAD SHTAT_EDUCATION_POSTGRADUATE

#define F_SOCIAL    SHTAT_FIELD_SOCIAL
#define F_SW        SHTAT_FIELD_SOCIAL_WORK
#define F_PSYCH     SHTAT_FIELD_PSYCHOLOGY
#define F_PED       SHTAT_FIELD_PEDAGOGY
#define F_MED       SHTAT_FIELD_MEDICINE
#define F_LAW       SHTAT_FIELD_LAW
#define F_ECON      SHTAT_FIELD_ECONOMICS
#define F_HUM       SHTAT_FIELD_HUMANITIES
#define F_PRESCHOOL SHTAT_FIELD_PRESCHOOL
#define F_PRIMARY   SHTAT_FIELD_PRIMARY_PEDAGOGY
#define F_NURSING   SHTAT_FIELD_NURSING
#define F_PHYS      SHTAT_FIELD_PHYSICAL_CULTURE
#define F_UNKNOWN   (-1)

/* Qualification levels and categories */
#define L_HIGHER SHTAT_LEVEL_HIGHER
#define L_MEDIUM SHTAT_LEVEL_MEDIUM
#define L_SINGLE SHTAT_LEVEL_SINGLE
#define L_NONE   (-1)

#define C_HIGHEST SHTAT_CATEGORY_HIGHEST
#define C_FIRST   SHTAT_CATEGORY_FIRST
#define C_SECOND  SHTAT_CATEGORY_SECOND
#define C_NONE    SHTAT_CATEGORY_NONE
#define NO_CAT    (-1)

#define MEETS     SHTAT_VERDICT_MEETS
#define NOT_MET   SHTAT_VERDICT_DOES_NOT_MEET
#define MISSING   SHTAT_VERDICT_MISSING_DATA
#define OTHER_ACT SHTAT_VERDICT_OTHER_ACT

typedef struct
{
  gboolean set;
  int      level;
  int      field;
  gboolean relevant;
} Edu;

typedef struct
{
  const char *kind;
  const char *issued;
  const char *expires;
} Cert;

typedef struct
{
  const char *position;
  ShtatSector sector;
  int         level;
  int         category;
  gboolean    managerial;
  const char *from;
  const char *to;     /* NULL: open */
} Work;

#define EDU(l, f)     { TRUE, l, f, FALSE }
#define EDU_REL(l, f) { TRUE, l, f, TRUE }   /* "relevant specialty" confirmed */
#define CERT(issued, expires) { "social-training", issued, expires }

/* A post in an organisation of a sector, not in the norm data. */
#define SECTOR(s, from, to)  { "teacher", SHTAT_SECTOR_##s, -1, -1, FALSE, from, to }
/* A leadership post in a sector. */
#define MANAGER(s, from, to) { "head", SHTAT_SECTOR_##s, -1, -1, TRUE, from, to }
/* A post of the norm data at a level and category, in social protection. */
#define AS(pos, l, c, from, to) { pos, SHTAT_SECTOR_SOCIAL_PROTECTION, l, c, FALSE, from, to }

#define POST(pos, l, c, from) .position = pos, .level = l, .held = c, .since = from
#define EXPECT(k, lv, att, just, nxt, elig) \
  .kind = k, .eval_level = lv, .attainable = att, .justified = just, .next = nxt, .eligible = elig

typedef struct
{
  const char      *name;
  /* the assignment */
  const char      *position;
  int              level;
  int              held;
  const char      *since;
  const char      *as_of;
  /* the personnel file */
  Edu              edu[3];
  Cert             cert[2];
  Work             work[4];
  /* expected */
  ShtatVerdictKind kind;
  int              eval_level;
  int              attainable;
  gboolean         justified;
  int              next;
  const char      *eligible;  /* NULL: no next category, or not reachable */
} Case;

static const Case cases[] = {
  /* ===== §1 Director, 003 ¶6: higher or postgraduate (social, pedagogy, law,
   * economics, humanities) AND (≥3 years in the sector systems OR ≥2 years in
   * leadership posts) (item 10). Single rung. */

  /* 2020-01-01..2022-12-31 = 36 months; the post 2025-11-01..2025-12-01 = 1 month
   * 1 day; 37 m 1 d ≥ 3 years (alternative a). */
  { "director/sector-3y", POST ("director", L_NONE, NO_CAT, "2025-11-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    .work = { SECTOR (EDUCATION, "2020-01-01", "2022-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* 2020-01-01..2022-10-31 = 34 months, the post 2025-11-01..2025-11-30 = 1 month:
   * 35 months < 3 years; no leadership. */
  { "director/sector-35m", POST ("director", L_NONE, NO_CAT, "2025-11-01"), .as_of = "2025-11-30",
    .edu = { EDU (E_HIGHER, F_LAW) },
    .work = { SECTOR (EDUCATION, "2020-01-01", "2022-10-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* The same a month later: the post 2025-11-01..2025-12-31 = 2 months, 36 in all. */
  { "director/sector-with-post", POST ("director", L_NONE, NO_CAT, "2025-11-01"), .as_of = "2025-12-31",
    .edu = { EDU (E_HIGHER, F_LAW) },
    .work = { SECTOR (EDUCATION, "2020-01-01", "2022-10-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* ¶6 b: leadership 2021-03-01..2023-02-28 = exactly 2 years (sector: 24 m + 1 d
   * of the post, short of 3 years). */
  { "director/leadership-2y", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    .work = { MANAGER (SOCIAL_PROTECTION, "2021-03-01", "2023-02-28") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* Leadership 2023 = 1 year < 2 (¶6 b; the deputy would do, ¶9 b); sector 1 y 1 d. */
  { "director/leadership-1y", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    .work = { MANAGER (SOCIAL_PROTECTION, "2023-01-01", "2023-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Item 13: leadership outside the listed sectors does not count. */
  { "director/leadership-other-sector", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    .work = { MANAGER (OTHER, "2021-01-01", "2022-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* ¶6: medicine is not among the five fields. */
  { "director/field-medicine", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_MED) },
    .work = { SECTOR (HEALTH, "2018-01-01", "2022-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* ¶6: technical and vocational education is not higher. */
  { "director/tvet", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_SOCIAL) },
    .work = { SECTOR (EDUCATION, "2018-01-01", "2022-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Item 16: postgraduate meets "higher (or postgraduate)"; 2019–2021 = 3 years. */
  { "director/postgraduate", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_POSTGRAD, F_HUM) },
    .work = { SECTOR (LAW_ENFORCEMENT, "2019-01-01", "2021-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* No education recorded: missing data. */
  { "director/no-education", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .work = { SECTOR (EDUCATION, "2018-01-01", "2022-12-31") },
    EXPECT (MISSING, L_SINGLE, -1, TRUE, -1, NULL) },
  /* A diploma with no field classified, with 5 years: the answer depends on it. */
  { "director/field-unclassified", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_UNKNOWN) },
    .work = { SECTOR (EDUCATION, "2018-01-01", "2022-12-31") },
    EXPECT (MISSING, L_SINGLE, -1, TRUE, -1, NULL) },
  /* The same without experience (1 day of the post): not met whatever the field. */
  { "director/field-unclassified-no-experience", POST ("director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_UNKNOWN) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* The director has no categories: a first category held is not on the ladder. */
  { "director/category-not-on-ladder", POST ("director", L_NONE, C_FIRST, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    .work = { SECTOR (EDUCATION, "2018-01-01", "2022-12-31") },
    EXPECT (NOT_MET, L_SINGLE, C_NONE, FALSE, -1, NULL) },

  /* ===== §2 Deputy director, 003 ¶9: as ¶6 but leadership ≥1 year. */

  /* Leadership 2024-01-01..2024-12-31 = 12 months. */
  { "deputy/leadership-1y", POST ("deputy-director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { MANAGER (SOCIAL_PROTECTION, "2024-01-01", "2024-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* Inclusive end: 2024-01-01..2024-12-30 is 11 months 30 days (one period is never
   * rounded up); sector 11 m 30 d + the post 2025-11-15..2025-11-30 (16 d) =
   * 11 m 46 d = 1 y 16 d < 3 years. */
  { "deputy/leadership-a-day-short", POST ("deputy-director", L_NONE, NO_CAT, "2025-11-15"), .as_of = "2025-11-30",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { MANAGER (SOCIAL_PROTECTION, "2024-01-01", "2024-12-30") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Overlaps count once (item 14): 2020-01-01..2021-06-30 and 2020-07-01..2021-12-31
   * merge into 24 months (not 18 + 18 = 36); + 1 day of the post < 3 years. */
  { "deputy/overlapping-periods", POST ("deputy-director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { SECTOR (EDUCATION, "2020-01-01", "2021-06-30"), SECTOR (HEALTH, "2020-07-01", "2021-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* ¶9 a: 3 years in the sector. */
  { "deputy/sector-3y", POST ("deputy-director", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { SECTOR (EMPLOYMENT, "2021-01-01", "2023-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },

  /* ===== §3 Head of a structural unit, 003 ¶12: higher (five fields) and ≥2 years
   * in the sector; no leadership alternative. */

  /* An open period from 2023-12-01, with the post from 2025-06-01 inside it:
   * 2023-12-01..2025-11-30 = 24 months. */
  { "head/open-period-2y", POST ("head-of-unit", L_NONE, NO_CAT, "2025-06-01"), .as_of = "2025-11-30",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { SECTOR (HEALTH, "2023-12-01", NULL) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* A day earlier: 23 months 29 days. */
  { "head/open-period-a-day-short", POST ("head-of-unit", L_NONE, NO_CAT, "2025-06-01"), .as_of = "2025-11-29",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { SECTOR (HEALTH, "2023-12-01", NULL) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Five years outside the sectors count for nothing (item 13): 1 m 1 d of the post. */
  { "head/other-sector", POST ("head-of-unit", L_NONE, NO_CAT, "2025-11-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    .work = { SECTOR (OTHER, "2015-01-01", "2019-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },

  /* ===== §4 Social worker, 003 ¶15. Higher level: higher/postgraduate (social,
   * psychology, pedagogy, medicine); second = 1 y without category, first = 1 y
   * in the second, highest = 2 y in the first (all higher-level, family of
   * item 12). Medium level: TVET (social, economics, psychology, pedagogy,
   * medicine), same years; without category also basic secondary + certificate
   * (item 11). */

  /* Without category since 2024-09-01: 15 m 1 d as a higher-level specialist
   * without category → second attainable; 1 year reached on 2025-08-31. */
  { "social-worker/second-attainable", POST ("social-worker", L_HIGHER, NO_CAT, "2024-09-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PSYCH) },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2025-08-31") },
  /* Interpretation 22: a social-work diploma counts for ¶15's "social" field;
   * otherwise as the case above. */
  { "social-worker/social-work-diploma", POST ("social-worker", L_HIGHER, NO_CAT, "2024-09-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SW) },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2025-08-31") },
  /* Interpretation 22: preschool education counts as pedagogical (¶15). */
  { "social-worker/preschool-diploma", POST ("social-worker", L_HIGHER, NO_CAT, "2024-09-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PRESCHOOL) },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2025-08-31") },
  /* The same on 2025-06-01: 9 months 1 day; eligible on 2025-08-31. */
  { "social-worker/second-ahead", POST ("social-worker", L_HIGHER, C_NONE, "2024-09-01"), .as_of = "2025-06-01",
    .edu = { EDU (E_HIGHER, F_PSYCH) },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2025-08-31") },
  /* Second since 2022-02-01 after 2021-01-15..2022-01-31 without category (12 m
   * 17 d). First needs 1 y in the second: 2022-02-01..2023-01-31. On 2023-01-30:
   * 11 m 30 d. */
  { "social-worker/first-day-before", POST ("social-worker", L_HIGHER, C_SECOND, "2022-02-01"), .as_of = "2023-01-30",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("social-worker", L_HIGHER, C_NONE, "2021-01-15", "2022-01-31") },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_FIRST, "2023-01-31") },
  /* On 2023-01-31: exactly 1 year in the second → first attainable. */
  { "social-worker/first-on-the-day", POST ("social-worker", L_HIGHER, C_SECOND, "2022-02-01"), .as_of = "2023-01-31",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("social-worker", L_HIGHER, C_NONE, "2021-01-15", "2022-01-31") },
    EXPECT (MEETS, L_HIGHER, C_FIRST, TRUE, C_FIRST, "2023-01-31") },
  /* First since 2020-03-01 after the second 2019-01-01..2020-02-29 (leap day; 14
   * months). Highest: 2 y in the first from 2020-03-01 → 2022-02-28. */
  { "social-worker/highest-since", POST ("social-worker", L_HIGHER, C_FIRST, "2020-03-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { AS ("social-worker", L_HIGHER, C_SECOND, "2019-01-01", "2020-02-29") },
    EXPECT (MEETS, L_HIGHER, C_HIGHEST, TRUE, C_HIGHEST, "2022-02-28") },
  /* Highest held after 2018–2019 in the first (24 months): the top, no next. */
  { "social-worker/highest-held", POST ("social-worker", L_HIGHER, C_HIGHEST, "2020-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_MED) },
    .work = { AS ("social-worker", L_HIGHER, C_FIRST, "2018-01-01", "2019-12-31") },
    EXPECT (MEETS, L_HIGHER, C_HIGHEST, TRUE, -1, NULL) },
  /* Item 19: first held since 2025-06-01 with only 6 months in the second and none
   * without category → only "without category" holds; the first held is a
   * compliance error. Highest: 2 y in the first from 2025-06-01 → 2027-05-31. */
  { "social-worker/held-above-attainable", POST ("social-worker", L_HIGHER, C_FIRST, "2025-06-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("social-worker", L_HIGHER, C_SECOND, "2024-12-01", "2025-05-31") },
    EXPECT (NOT_MET, L_HIGHER, C_NONE, FALSE, C_HIGHEST, "2027-05-31") },
  /* Medium level, secondary vocational in economics (in ¶15 B's list): without
   * category since 2025-01-01, 11 m 1 d; second on 2025-12-31. */
  { "social-worker/medium-economics", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SV, F_ECON) },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, "2025-12-31") },
  /* Medium level, second since 2023-01-01 after 2021-09-01..2022-12-31 without
   * category (16 months). First: 1 year in the second → 2023-12-31; highest: 2
   * years in the first, none yet. */
  { "social-worker/medium-first", POST ("social-worker", L_MEDIUM, C_SECOND, "2023-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_PED) },
    .work = { AS ("social-worker", L_MEDIUM, C_NONE, "2021-09-01", "2022-12-31") },
    EXPECT (MEETS, L_MEDIUM, C_FIRST, TRUE, C_FIRST, "2023-12-31") },
  /* Medium level, first since 2024-06-15 after the second 2023-03-01..2024-06-14
   * (15 m 14 d). Highest: 2 years in the first; on 2025-12-01 there are 17 m
   * 17 d; the 24th anniversary of 2024-06-15 is 2026-06-15, so 2026-06-14. */
  { "social-worker/medium-highest-ahead", POST ("social-worker", L_MEDIUM, C_FIRST, "2024-06-15"), .as_of = "2025-12-01",
    .edu = { EDU (E_SV, F_MED) },
    .work = { AS ("social-worker", L_MEDIUM, C_SECOND, "2023-03-01", "2024-06-14") },
    EXPECT (MEETS, L_MEDIUM, C_FIRST, TRUE, C_HIGHEST, "2026-06-14") },
  /* Higher level in economics: not in ¶15 A's list; the next category needs the
   * same education, so it is not reachable. */
  { "social-worker/higher-economics", POST ("social-worker", L_HIGHER, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    EXPECT (NOT_MET, L_HIGHER, -1, TRUE, C_SECOND, NULL) },
  /* Item 11: basic secondary + a certificate of social training (valid to
   * 2027-05-01) → without category; the second needs TVET: not reachable. */
  { "social-worker/certificate", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_BASIC, F_UNKNOWN) },
    .cert = { CERT ("2024-05-01", "2027-05-01") },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, NULL) },
  /* The certificate expired on 2025-10-31. */
  { "social-worker/certificate-expired", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_BASIC, F_UNKNOWN) },
    .cert = { CERT ("2024-05-01", "2025-10-31") },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* A certificate expiring on the as-of date is still valid on it. */
  { "social-worker/certificate-last-day", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_BASIC, F_UNKNOWN) },
    .cert = { CERT ("2024-05-01", "2025-12-01") },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, NULL) },
  /* A certificate issued after the as-of date does not count yet. */
  { "social-worker/certificate-not-yet", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_BASIC, F_UNKNOWN) },
    .cert = { CERT ("2025-12-02", NULL) },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* Basic secondary alone. */
  { "social-worker/basic-without-certificate", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_BASIC, F_UNKNOWN) },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* Item 16: post-secondary meets TVET. */
  { "social-worker/post-secondary", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_PS, F_SOCIAL) },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, "2025-12-31") },
  /* Item 16: higher education in a listed field meets the medium level. */
  { "social-worker/higher-on-medium", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, "2025-12-31") },
  /* …but not in law, which ¶15 B does not list. */
  { "social-worker/higher-law-on-medium", POST ("social-worker", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* No level recorded, higher education in psychology: the higher level. */
  { "social-worker/level-inferred-higher", POST ("social-worker", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PSYCH) },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2025-12-31") },
  /* No level recorded, secondary specialised: the medium level. */
  { "social-worker/level-inferred-medium", POST ("social-worker", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_SOCIAL) },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, "2025-12-31") },
  /* No level recorded, higher in law: meets no higher alternative → medium, where
   * law is not listed either. */
  { "social-worker/level-inferred-fails", POST ("social-worker", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* Item 12: a case manager period (one level, higher; no category) of 2023 = 12
   * months counts toward the second; eligible since 2023-12-31. */
  { "social-worker/family-case-manager", POST ("social-worker", L_HIGHER, NO_CAT, "2025-06-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("case-manager", L_NONE, NO_CAT, "2023-01-01", "2023-12-31") },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2023-12-31") },
  /* Item 12: the psychologist is not in the family; the post alone: 1 year from
   * 2025-06-01 → 2026-05-31. */
  { "social-worker/not-family", POST ("social-worker", L_HIGHER, NO_CAT, "2025-06-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("psychologist", L_NONE, NO_CAT, "2022-01-01", "2024-12-31") },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2026-05-31") },
  /* Item 12: medium-level years do not count at the higher level. */
  { "social-worker/other-level", POST ("social-worker", L_HIGHER, NO_CAT, "2025-06-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("social-worker", L_MEDIUM, C_NONE, "2020-01-01", "2023-12-31") },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2026-05-31") },
  /* No education at all. */
  { "social-worker/no-education", POST ("social-worker", L_HIGHER, NO_CAT, "2025-06-01"), .as_of = "2025-12-01",
    EXPECT (MISSING, L_HIGHER, -1, TRUE, C_SECOND, NULL) },

  /* ===== §5 Specialist in social work, 003 ¶18. Higher: higher/postgraduate
   * (social, pedagogy, medicine; no psychology); medium: TVET (same three); second
   * = 1 y without category, first = 2 y in the second, highest = 3 y in the first;
   * no certificate route. */

  /* Item 19's example: second since 2022-02-01, 2 years in it → 2024-01-31. Before
   * it, 2020-09-01..2022-01-31 without category (17 months). On 2023-06-01 the
   * second holds, the first (16 m 1 d) not yet. */
  { "specialist/item-19", POST ("social-work-specialist", L_HIGHER, C_SECOND, "2022-02-01"), .as_of = "2023-06-01",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { AS ("social-work-specialist", L_HIGHER, C_NONE, "2020-09-01", "2022-01-31") },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_FIRST, "2024-01-31") },
  /* On 2024-01-30: 23 months 30 days. */
  { "specialist/item-19-day-before", POST ("social-work-specialist", L_HIGHER, C_SECOND, "2022-02-01"), .as_of = "2024-01-30",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { AS ("social-work-specialist", L_HIGHER, C_NONE, "2020-09-01", "2022-01-31") },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_FIRST, "2024-01-31") },
  /* On 2024-01-31: 24 months → the first is attainable. */
  { "specialist/item-19-on-the-day", POST ("social-work-specialist", L_HIGHER, C_SECOND, "2022-02-01"), .as_of = "2024-01-31",
    .edu = { EDU (E_HIGHER, F_PED) },
    .work = { AS ("social-work-specialist", L_HIGHER, C_NONE, "2020-09-01", "2022-01-31") },
    EXPECT (MEETS, L_HIGHER, C_FIRST, TRUE, C_FIRST, "2024-01-31") },
  /* ¶18 A: psychology is not listed (unlike ¶15). */
  { "specialist/psychology", POST ("social-work-specialist", L_HIGHER, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PSYCH) },
    EXPECT (NOT_MET, L_HIGHER, -1, TRUE, C_SECOND, NULL) },
  /* ¶18 B: TVET in psychology is not listed either. */
  { "specialist/medium-psychology", POST ("social-work-specialist", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SV, F_PSYCH) },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* ¶18 B: TVET in medicine; second after 1 year from 2025-01-01. */
  { "specialist/medium-medicine", POST ("social-work-specialist", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SV, F_MED) },
    EXPECT (MEETS, L_MEDIUM, C_NONE, TRUE, C_SECOND, "2025-12-31") },
  /* ¶18 B has no certificate route. */
  { "specialist/no-certificate-route", POST ("social-work-specialist", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_BASIC, F_UNKNOWN) },
    .cert = { CERT ("2024-01-01", NULL) },
    EXPECT (NOT_MET, L_MEDIUM, -1, TRUE, C_SECOND, NULL) },
  /* Highest at the medium level after 2019-01-01..2021-12-31 (36 months) in the
   * first. */
  { "specialist/medium-highest", POST ("social-work-specialist", L_MEDIUM, C_HIGHEST, "2022-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_SOCIAL) },
    .work = { AS ("social-work-specialist", L_MEDIUM, C_FIRST, "2019-01-01", "2021-12-31") },
    EXPECT (MEETS, L_MEDIUM, C_HIGHEST, TRUE, -1, NULL) },
  /* First since 2023-03-01 after 24 months in the second; highest needs 3 years in
   * the first → 2026-02-28. */
  { "specialist/medium-first", POST ("social-work-specialist", L_MEDIUM, C_FIRST, "2023-03-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_SOCIAL) },
    .work = { AS ("social-work-specialist", L_MEDIUM, C_SECOND, "2021-03-01", "2023-02-28") },
    EXPECT (MEETS, L_MEDIUM, C_FIRST, TRUE, C_HIGHEST, "2026-02-28") },
  /* Item 12: a year as a higher-level social worker without category counts. */
  { "specialist/family-social-worker", POST ("social-work-specialist", L_HIGHER, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_MED) },
    .work = { AS ("social-worker", L_HIGHER, C_NONE, "2023-01-01", "2023-12-31") },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2023-12-31") },
  /* Overlapping family periods 2023-01-01..2023-08-31 and 2023-06-01..2023-12-30
   * merge into 11 m 30 d. The post starts 2024-03-02, after the as-of date. Its
   * first day adds 1 day: 11 m 31 d = 12 m 1 d → eligible on 2024-03-02. */
  { "specialist/family-overlap", POST ("social-work-specialist", L_HIGHER, NO_CAT, "2024-03-02"), .as_of = "2024-03-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    .work = { AS ("social-worker", L_HIGHER, C_NONE, "2023-01-01", "2023-08-31"),
              AS ("case-manager", L_NONE, NO_CAT, "2023-06-01", "2023-12-30") },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2024-03-02") },

  /* ===== §6 Psychologist, 003 ¶21 (item 15): higher/postgraduate in the relevant
   * specialty; II = 3 y as a psychologist without category, I = 2 y as a category
   * II psychologist; no highest. */

  /* Without category since 2022-01-01: 3 years on 2024-12-31. */
  { "psychologist/ii-on-the-day", POST ("psychologist", L_NONE, NO_CAT, "2022-01-01"), .as_of = "2024-12-31",
    .edu = { EDU_REL (E_HIGHER, F_PSYCH) },
    EXPECT (MEETS, L_SINGLE, C_SECOND, TRUE, C_SECOND, "2024-12-31") },
  /* A day before: 35 months 30 days. */
  { "psychologist/ii-day-before", POST ("psychologist", L_NONE, NO_CAT, "2022-01-01"), .as_of = "2024-12-30",
    .edu = { EDU_REL (E_HIGHER, F_PSYCH) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, C_SECOND, "2024-12-31") },
  /* The specialty is not confirmed as relevant. */
  { "psychologist/not-relevant", POST ("psychologist", L_NONE, NO_CAT, "2022-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PSYCH) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, C_SECOND, NULL) },
  /* Confirmed relevant, field unclassified: the confirmation is enough. 3 years
   * from 2025-01-01 → 2027-12-31. */
  { "psychologist/relevant-unclassified", POST ("psychologist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_HIGHER, F_UNKNOWN) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, C_SECOND, "2027-12-31") },
  /* II since 2020-03-01 after 2017-01-01..2020-02-29 (38 months) without category.
   * I: 2 years in II → 2022-02-28; on 2022-02-27, 23 m 27 d. */
  { "psychologist/i-day-before", POST ("psychologist", L_NONE, C_SECOND, "2020-03-01"), .as_of = "2022-02-27",
    .edu = { EDU_REL (E_HIGHER, F_PSYCH) },
    .work = { AS ("psychologist", L_NONE, NO_CAT, "2017-01-01", "2020-02-29") },
    EXPECT (MEETS, L_SINGLE, C_SECOND, TRUE, C_FIRST, "2022-02-28") },
  /* Leap day: II since 2020-02-29; there is no 29 February 2022, so the 24th
   * anniversary is 1 March and 2 years end on 2022-02-28. 2017-02-01..2020-02-28
   * without category = 3 y 28 d. */
  { "psychologist/leap-day", POST ("psychologist", L_NONE, C_SECOND, "2020-02-29"), .as_of = "2022-02-28",
    .edu = { EDU_REL (E_POSTGRAD, F_PSYCH) },
    .work = { AS ("psychologist", L_NONE, NO_CAT, "2017-02-01", "2020-02-28") },
    EXPECT (MEETS, L_SINGLE, C_FIRST, TRUE, C_FIRST, "2022-02-28") },
  /* Literal ¶21: only 24 months without category (II needs 3 years) but II held
   * since 2021-06-01, so I (2 years in II, since 2023-05-31) holds and II does not:
   * the held rung fails while the held category is below the attainable one. */
  { "psychologist/literal-ladder", POST ("psychologist", L_NONE, C_SECOND, "2021-06-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_HIGHER, F_PSYCH) },
    .work = { AS ("psychologist", L_NONE, NO_CAT, "2019-06-01", "2021-05-31") },
    EXPECT (NOT_MET, L_SINGLE, C_FIRST, TRUE, C_FIRST, "2023-05-31") },
  /* ¶21: no TVET route. */
  { "psychologist/tvet", POST ("psychologist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_SV, F_PSYCH) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, C_SECOND, NULL) },
  /* Item 15: there is no highest category for a psychologist. */
  { "psychologist/no-highest", POST ("psychologist", L_NONE, C_HIGHEST, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_HIGHER, F_PSYCH) },
    EXPECT (NOT_MET, L_SINGLE, C_NONE, FALSE, -1, NULL) },
  /* ¶21: years in another position (social worker) do not count; the post alone:
   * 3 years from 2025-01-01 → 2027-12-31. */
  { "psychologist/other-position", POST ("psychologist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_HIGHER, F_PSYCH) },
    .work = { AS ("social-worker", L_HIGHER, C_NONE, "2018-01-01", "2024-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, C_SECOND, "2027-12-31") },

  /* ===== §7 Media and public relations, 003 ¶24: TVET or higher in the relevant
   * direction; no experience. */
  { "media/tvet", POST ("media-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_SS, F_HUM) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  { "media/higher", POST ("media-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_HIGHER, F_UNKNOWN) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* Item 16: post-secondary is TVET. */
  { "media/post-secondary", POST ("media-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_PS, F_HUM) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* General secondary is below TVET. */
  { "media/general-secondary", POST ("media-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_GENERAL, F_HUM) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Higher, but not confirmed as the relevant direction. */
  { "media/not-relevant", POST ("media-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_HUM) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },

  /* ===== §9 Information protection / IT, 003 ¶30: as ¶24. */
  { "it/secondary-vocational", POST ("it-security-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_SV, F_UNKNOWN) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  { "it/postgraduate", POST ("it-security-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU_REL (E_POSTGRAD, F_UNKNOWN) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  { "it/not-relevant", POST ("it-security-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SV, F_ECON) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },

  /* ===== §8 Analytics and monitoring, 003 ¶27: (secondary specialised in law,
   * economics, pedagogy, social or humanities AND ≥1 year in the relevant
   * activity) OR higher/postgraduate in the same fields. */
  { "analytics/higher", POST ("analytics-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* 2023 in employment = 12 months. */
  { "analytics/secondary-specialised-1y", POST ("analytics-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_LAW) },
    .work = { SECTOR (EMPLOYMENT, "2023-01-01", "2023-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* Only the post, 2025-01-01..2025-12-01 = 11 m 1 d. */
  { "analytics/secondary-specialised-11m", POST ("analytics-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_LAW) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* The post alone, 2025-01-01..2025-12-31 = 12 months. */
  { "analytics/secondary-specialised-post", POST ("analytics-specialist", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-31",
    .edu = { EDU (E_SS, F_LAW) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* ¶27 names secondary specialised only (digest 8.3 #29; the norm data). */
  { "analytics/secondary-vocational", POST ("analytics-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SV, F_LAW) },
    .work = { SECTOR (EMPLOYMENT, "2022-01-01", "2023-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Medicine is not among ¶27's fields. */
  { "analytics/field-medicine", POST ("analytics-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_MED) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },

  /* ===== §10 Preventive work, 003 ¶33: as ¶27. */
  { "prevention/higher", POST ("prevention-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_HUM) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  { "prevention/secondary-specialised-1y", POST ("prevention-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_PED) },
    .work = { SECTOR (LAW_ENFORCEMENT, "2022-01-01", "2022-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* Years outside the sectors (item 13): 1 day of the post. */
  { "prevention/other-sector", POST ("prevention-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_PED) },
    .work = { SECTOR (OTHER, "2020-01-01", "2024-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* Field unclassified with 2 years: depends on the field. */
  { "prevention/field-unclassified", POST ("prevention-specialist", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_UNKNOWN) },
    .work = { SECTOR (EDUCATION, "2020-01-01", "2021-12-31") },
    EXPECT (MISSING, L_SINGLE, -1, TRUE, -1, NULL) },

  /* ===== §11 Case manager, 003 ¶36: higher (social work, preschool, primary
   * pedagogy, vocational training, nursing, physical culture); one level; second =
   * 1 y, first = 2 y in the second, highest = 3 y in the first. */

  /* Without category since 2024-01-01: second on 2024-12-31. */
  { "case-manager/second", POST ("case-manager", L_NONE, NO_CAT, "2024-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_NURSING) },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2024-12-31") },
  /* Interpretation 22 works one way only: ¶36 names "social work", and a
   * diploma in the broad social field is not one. */
  { "case-manager/broad-social", POST ("case-manager", L_NONE, NO_CAT, "2024-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SOCIAL) },
    EXPECT (NOT_MET, L_HIGHER, -1, TRUE, C_SECOND, NULL) },
  /* Psychology is not in ¶36's list. */
  { "case-manager/psychology", POST ("case-manager", L_NONE, NO_CAT, "2024-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PSYCH) },
    EXPECT (NOT_MET, L_HIGHER, -1, TRUE, C_SECOND, NULL) },
  /* Higher education only. */
  { "case-manager/tvet", POST ("case-manager", L_NONE, NO_CAT, "2024-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_SS, F_NURSING) },
    EXPECT (NOT_MET, L_HIGHER, -1, TRUE, C_SECOND, NULL) },
  /* First since 2021-01-01 after 24 months in the second; highest: 3 years in the
   * first → 2023-12-31. */
  { "case-manager/highest-since", POST ("case-manager", L_NONE, C_FIRST, "2021-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_SW) },
    .work = { AS ("case-manager", L_NONE, C_SECOND, "2019-01-01", "2020-12-31") },
    EXPECT (MEETS, L_HIGHER, C_HIGHEST, TRUE, C_HIGHEST, "2023-12-31") },
  /* Item 12: 18 months as a specialist in social work without category; a year of
   * it on 2022-12-31. */
  { "case-manager/family", POST ("case-manager", L_NONE, NO_CAT, "2025-09-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PRESCHOOL) },
    .work = { AS ("social-work-specialist", L_HIGHER, C_NONE, "2022-01-01", "2023-06-30") },
    EXPECT (MEETS, L_HIGHER, C_SECOND, TRUE, C_SECOND, "2022-12-31") },
  /* Postgraduate in physical culture (digest §3.11: "higher" read as including
   * postgraduate); second 1 year from 2025-11-01 → 2026-10-31. */
  { "case-manager/postgraduate", POST ("case-manager", L_NONE, NO_CAT, "2025-11-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_POSTGRAD, F_PHYS) },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2026-10-31") },
  /* A medium level recorded for a one-level post is not used. */
  { "case-manager/level-recorded", POST ("case-manager", L_MEDIUM, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_PRIMARY) },
    EXPECT (MEETS, L_HIGHER, C_NONE, TRUE, C_SECOND, "2025-12-31") },

  /* ===== §12 Lawyer, 003 ¶39 (item 18): higher/postgraduate in law AND ≥1 year in
   * the relevant activity. */
  { "lawyer/1y", POST ("lawyer", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    .work = { SECTOR (LAW_ENFORCEMENT, "2020-01-01", "2020-12-31") },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* The post alone: 2025-06-01..2025-12-01 = 6 m 1 d. */
  { "lawyer/6m", POST ("lawyer", L_NONE, NO_CAT, "2025-06-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },
  /* The post alone: 2024-12-01..2025-11-30 = 12 months. */
  { "lawyer/post-1y", POST ("lawyer", L_NONE, NO_CAT, "2024-12-01"), .as_of = "2025-11-30",
    .edu = { EDU (E_POSTGRAD, F_LAW) },
    EXPECT (MEETS, L_SINGLE, C_NONE, TRUE, -1, NULL) },
  /* Law only. */
  { "lawyer/economics", POST ("lawyer", L_NONE, NO_CAT, "2025-12-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    .work = { SECTOR (EMPLOYMENT, "2018-01-01", "2022-12-31") },
    EXPECT (NOT_MET, L_SINGLE, -1, TRUE, -1, NULL) },

  /* ===== 003 ¶2, item 17: positions other acts cover. */
  { "other-act/accountant", POST ("accountant", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_ECON) },
    EXPECT (OTHER_ACT, -1, -1, TRUE, -1, NULL) },
  { "other-act/hr-inspector", POST ("hr-inspector", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    EXPECT (OTHER_ACT, -1, -1, TRUE, -1, NULL) },
  { "other-act/driver", POST ("driver", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    EXPECT (OTHER_ACT, -1, -1, TRUE, -1, NULL) },
  /* A code the norm data does not know. */
  { "unknown-position", POST ("astronaut", L_NONE, NO_CAT, "2025-01-01"), .as_of = "2025-12-01",
    .edu = { EDU (E_HIGHER, F_LAW) },
    EXPECT (MISSING, -1, -1, TRUE, -1, NULL) },
};

/* ------------------------------------------------------------------------ */

static ShtatEmployee *
make_employee (const Case *t)
{
  ShtatEmployee *employee = shtat_employee_new ();

  for (guint i = 0; i < G_N_ELEMENTS (t->edu) && t->edu[i].set; i++)
    {
      ShtatEducation e;

      memset (&e, 0, sizeof e);
      e.level = t->edu[i].level;
      e.field = t->edu[i].field;
      e.relevant = t->edu[i].relevant;
      shtat_employee_add_education (employee, &e);
    }

  for (guint i = 0; i < G_N_ELEMENTS (t->cert) && t->cert[i].kind != NULL; i++)
    {
      ShtatCertificate c;

      memset (&c, 0, sizeof c);
      c.kind = (char *) t->cert[i].kind;
      c.issued = shtat_test_date_iso (t->cert[i].issued);
      c.expires = shtat_test_date_iso (t->cert[i].expires);
      shtat_employee_add_certificate (employee, &c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (t->work) && t->work[i].position != NULL; i++)
    {
      ShtatWorkPeriod p;

      memset (&p, 0, sizeof p);
      p.position = (char *) t->work[i].position;
      p.sector = t->work[i].sector;
      p.level = t->work[i].level;
      p.category = t->work[i].category;
      p.managerial = t->work[i].managerial;
      p.from = shtat_test_date_iso (t->work[i].from);
      p.to = shtat_test_date_iso (t->work[i].to);
      shtat_employee_add_period (employee, &p);
    }

  return employee;
}

static ShtatAssignment
make_assignment (const char *position,
                 int         level,
                 int         held,
                 const char *since)
{
  ShtatAssignment a;

  memset (&a, 0, sizeof a);
  a.position = (char *) position;
  a.level = level;
  a.category = held;
  a.rate = 100;
  a.from = shtat_test_date_iso (since);
  a.to = shtat_test_date_iso (NULL);
  return a;
}

static void
assert_same (const ShtatVerdict *a,
             const ShtatVerdict *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->level, ==, b->level);
  g_assert_cmpint (a->held_category, ==, b->held_category);
  g_assert_cmpint (a->attainable_category, ==, b->attainable_category);
  g_assert_cmpint (a->held_justified, ==, b->held_justified);
  g_assert_cmpint (a->next_category, ==, b->next_category);
  g_assert_cmpint (a->next_reachable, ==, b->next_reachable);
  g_assert_cmpint (g_date_valid (&a->eligible_on), ==, g_date_valid (&b->eligible_on));
  if (g_date_valid (&a->eligible_on))
    g_assert_cmpint (g_date_compare (&a->eligible_on, &b->eligible_on), ==, 0);
}

static void
test_case (gconstpointer data)
{
  const Case *t = data;
  g_autoptr(ShtatEmployee) employee = make_employee (t);
  ShtatAssignment assignment = make_assignment (t->position, t->level, t->held, t->since);
  GDate as_of = shtat_test_date_iso (t->as_of);
  g_autoptr(ShtatVerdict) v = shtat_verdict_compute (library, employee, &assignment, &as_of);
  g_autoptr(ShtatVerdict) fast = shtat_verdict_compute_full (library, employee, &assignment, &as_of, FALSE);
  ShtatVerdict stack;

  g_assert_cmpstr (shtat_verdict_kind_to_string (v->kind), ==, shtat_verdict_kind_to_string (t->kind));
  g_assert_cmpint (v->level, ==, t->eval_level);
  g_assert_cmpint (v->held_category, ==, t->held);
  g_assert_cmpint (v->attainable_category, ==, t->attainable);
  g_assert_cmpint (v->held_justified, ==, t->justified);
  g_assert_cmpint (v->next_category, ==, t->next);

  if (t->eligible != NULL)
    {
      GDate expected = shtat_test_date_iso (t->eligible);
      char got[16] = "";

      g_assert_true (v->next_reachable);
      g_assert_true (g_date_valid (&v->eligible_on));
      g_date_strftime (got, sizeof got, "%Y-%m-%d", &v->eligible_on);
      g_assert_cmpstr (got, ==, t->eligible);
      g_assert_cmpint (g_date_compare (&v->eligible_on, &expected), ==, 0);
    }
  else
    {
      g_assert_false (v->next_reachable);
      g_assert_false (g_date_valid (&v->eligible_on));
    }

  /* Every verdict says why, each reason with its citation or interpretation. */
  g_assert_nonnull (v->reasons);
  g_assert_cmpuint (v->reasons->len, >, 0);
  for (guint i = 0; i < v->reasons->len; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (v->reasons, i);

      g_assert_nonnull (r->text);
      g_assert_cmpstr (r->text, !=, "");
      if (r->kind == SHTAT_REMARK_INTERPRETATION)
        g_assert_cmpuint (r->interpretation, >, 0);
      else
        g_assert_true (r->kind == SHTAT_REMARK_NOTE || r->kind == SHTAT_REMARK_WARNING);
      if (strcmp (t->name, "unknown-position") != 0)
        g_assert_nonnull (r->cite);
    }

  /* The fast path gives the same answer without reasons. */
  g_assert_null (fast->reasons);
  assert_same (v, fast);
  shtat_verdict_compute_into (library, employee, &assignment, &as_of, FALSE, &stack);
  g_assert_null (stack.reasons);
  assert_same (v, &stack);
  shtat_verdict_clear (&stack);
}

/* ------------------------------------------------------------------------ */
/* Reasons                                                                  */

static const Case *
find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (strcmp (cases[i].name, name) == 0)
      return &cases[i];
  g_assert_not_reached ();
}

static ShtatVerdict *
compute_case (const char *name)
{
  const Case *t = find_case (name);
  g_autoptr(ShtatEmployee) employee = make_employee (t);
  ShtatAssignment assignment = make_assignment (t->position, t->level, t->held, t->since);
  GDate as_of = shtat_test_date_iso (t->as_of);

  return shtat_verdict_compute (library, employee, &assignment, &as_of);
}

/* The first reason of @kind whose text contains @needle (NULL: any). */
static const ShtatRemark *
find_reason (const ShtatVerdict *v,
             ShtatRemarkKind     kind,
             const char         *needle)
{
  for (guint i = 0; i < v->reasons->len; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (v->reasons, i);

      if (r->kind == kind && (needle == NULL || strstr (r->text, needle) != NULL))
        return r;
    }
  return NULL;
}

static gboolean
has_interpretation (const ShtatVerdict *v,
                    guint               id)
{
  for (guint i = 0; i < v->reasons->len; i++)
    {
      const ShtatRemark *r = g_ptr_array_index (v->reasons, i);

      if (r->kind == SHTAT_REMARK_INTERPRETATION && r->interpretation == id)
        return TRUE;
    }
  return FALSE;
}

/* 003 ¶2, item 17: order 775 of 01.09.2016 (reference act in 580-nk.xml). */
static void
test_reasons_other_act (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("other-act/accountant");
  const ShtatRemark *r = find_reason (v, SHTAT_REMARK_NOTE, NULL);

  g_assert_nonnull (r);
  g_assert_cmpstr (r->text, ==, "Requirements set by order 775 of 01.09.2016, not bundled.");
  g_assert_cmpstr (r->cite, ==, "003 ¶2");
  g_assert_true (has_interpretation (v, 17));
}

static void
test_reasons_other_act_553 (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("other-act/hr-inspector");

  g_assert_nonnull (find_reason (v, SHTAT_REMARK_NOTE, "order 553 of 30.12.2020"));
  g_assert_true (has_interpretation (v, 17));
}

/* Item 19's example, with the readings it rests on. */
static void
test_reasons_item_19 (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("specialist/item-19");
  const ShtatRemark *r = find_reason (v, SHTAT_REMARK_NOTE, "31.01.2024");

  g_assert_nonnull (r);
  g_assert_cmpstr (r->cite, ==, "003 ¶18");
  g_assert_nonnull (strstr (r->text, "01.02.2022"));   /* the current post counts from */
  g_assert_nonnull (find_reason (v, SHTAT_REMARK_NOTE, "Meets the requirements"));
  g_assert_true (has_interpretation (v, 12));
  g_assert_true (has_interpretation (v, 14));
  g_assert_true (has_interpretation (v, 19));
  g_assert_false (has_interpretation (v, 17));
}

static void
test_reasons_compliance (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("social-worker/held-above-attainable");

  g_assert_nonnull (find_reason (v, SHTAT_REMARK_WARNING, "compliance error"));
  /* 6 months in the second of the 1 year the first needs */
  g_assert_nonnull (find_reason (v, SHTAT_REMARK_WARNING, "6 months counted"));
}

static void
test_reasons_unreachable (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("social-worker/certificate");
  const ShtatRemark *r = find_reason (v, SHTAT_REMARK_WARNING, "cannot be reached by experience alone");

  g_assert_nonnull (r);
  g_assert_nonnull (strstr (r->text, "education"));
  g_assert_true (has_interpretation (v, 11));
}

static void
test_reasons_expired_certificate (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("social-worker/certificate-expired");

  g_assert_nonnull (find_reason (v, SHTAT_REMARK_WARNING, "No valid certificate"));
}

static void
test_reasons_director (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("director/sector-35m");

  /* Both alternatives are explained: 35 months of 3 years, no leadership. */
  g_assert_nonnull (find_reason (v, SHTAT_REMARK_WARNING, "2 years, 11 months counted"));
  g_assert_nonnull (find_reason (v, SHTAT_REMARK_WARNING, "no experience counted"));
  g_assert_true (has_interpretation (v, 10));
  g_assert_true (has_interpretation (v, 13));
  g_assert_true (has_interpretation (v, 14));
  g_assert_false (has_interpretation (v, 19));
}

static void
test_reasons_psychologist (void)
{
  g_autoptr(ShtatVerdict) v = compute_case ("psychologist/ii-day-before");

  g_assert_true (has_interpretation (v, 15));
  g_assert_true (has_interpretation (v, 19));
}

static void
test_reasons_missing (void)
{
  g_autoptr(ShtatVerdict) none = compute_case ("director/no-education");
  g_autoptr(ShtatVerdict) field = compute_case ("director/field-unclassified");

  g_assert_nonnull (find_reason (none, SHTAT_REMARK_WARNING, "No education is recorded"));
  g_assert_nonnull (find_reason (field, SHTAT_REMARK_WARNING, "not classified"));
}

static void
test_reasons_level (void)
{
  g_autoptr(ShtatVerdict) inferred = compute_case ("social-worker/level-inferred-medium");
  g_autoptr(ShtatVerdict) ignored = compute_case ("case-manager/level-recorded");

  g_assert_nonnull (find_reason (inferred, SHTAT_REMARK_NOTE, "medium level"));
  g_assert_nonnull (find_reason (ignored, SHTAT_REMARK_NOTE, "single level"));
}

/* ------------------------------------------------------------------------ */
/* More periods than fit on the stack                                       */

/* Head of unit (¶12, 2 years in the sector): one month in every other month from
 * January 2001 (each the 1st to the last day, exactly 1 month, never adjacent) —
 * @n_sector of them — and @n_other periods outside the sectors; the post starts
 * on the as-of date (1 day). */
static void
check_many_periods (guint            n_sector,
                    guint            n_other,
                    ShtatVerdictKind expected)
{
  g_autoptr(ShtatEmployee) employee = shtat_employee_new ();
  ShtatAssignment assignment = make_assignment ("head-of-unit", L_NONE, NO_CAT, "2025-12-01");
  GDate as_of = shtat_test_date_iso ("2025-12-01");
  ShtatEducation e;
  g_autoptr(ShtatVerdict) v = NULL;

  memset (&e, 0, sizeof e);
  e.level = SHTAT_EDUCATION_HIGHER;
  e.field = SHTAT_FIELD_SOCIAL;
  shtat_employee_add_education (employee, &e);

  for (guint i = 0; i < n_sector + n_other; i++)
    {
      ShtatWorkPeriod p;
      guint month = 2 * i;   /* months since January 2001 */
      GDateYear year = (GDateYear) (2001 + month / 12);
      GDateMonth m = (GDateMonth) (month % 12 + 1);

      memset (&p, 0, sizeof p);
      p.position = (char *) "teacher";
      p.sector = i < n_sector ? SHTAT_SECTOR_EDUCATION : SHTAT_SECTOR_OTHER;
      p.level = -1;
      p.category = -1;
      g_date_clear (&p.from, 1);
      g_date_clear (&p.to, 1);
      g_date_set_dmy (&p.from, 1, m, year);
      g_date_set_dmy (&p.to, g_date_get_days_in_month (m, year), m, year);
      shtat_employee_add_period (employee, &p);
    }

  v = shtat_verdict_compute (library, employee, &assignment, &as_of);
  g_assert_cmpint (v->kind, ==, expected);
}

static void
test_many_periods (void)
{
  /* 40 months ≥ 24 */
  check_many_periods (40, 0, SHTAT_VERDICT_MEETS);
  /* 23 months + 1 day < 24, with 20 more periods outside the sectors */
  check_many_periods (23, 20, SHTAT_VERDICT_DOES_NOT_MEET);
  /* 24 months among 44 periods */
  check_many_periods (24, 20, SHTAT_VERDICT_MEETS);
}

static void
test_kind_strings (void)
{
  g_assert_cmpstr (shtat_verdict_kind_to_string (SHTAT_VERDICT_MEETS), ==, "meets");
  g_assert_cmpstr (shtat_verdict_kind_to_string (SHTAT_VERDICT_DOES_NOT_MEET), ==, "does-not-meet");
  g_assert_cmpstr (shtat_verdict_kind_to_string (SHTAT_VERDICT_MISSING_DATA), ==, "missing-data");
  g_assert_cmpstr (shtat_verdict_kind_to_string (SHTAT_VERDICT_OTHER_ACT), ==, "other-act");
  g_assert_cmpstr (shtat_verdict_kind_get_label (SHTAT_VERDICT_OTHER_ACT), ==, "Set by another act");
}

/* Every one of the twelve positions of 003 §1–§12 is covered by the table. */
static void
test_coverage (void)
{
  GPtrArray *positions = shtat_norm_library_get_positions (library);

  g_assert_cmpuint (positions->len, ==, 12);
  for (guint p = 0; p < positions->len; p++)
    {
      const ShtatPosition *position = g_ptr_array_index (positions, p);
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cases) && !found; i++)
        found = strcmp (cases[i].position, position->code) == 0;
      g_test_message ("%s", position->code);
      g_assert_true (found);
    }
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 60);
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

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/verdict/case/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/verdict/coverage", test_coverage);
  g_test_add_func ("/verdict/many-periods", test_many_periods);
  g_test_add_func ("/verdict/kind-strings", test_kind_strings);
  g_test_add_func ("/verdict/reasons/other-act", test_reasons_other_act);
  g_test_add_func ("/verdict/reasons/other-act-553", test_reasons_other_act_553);
  g_test_add_func ("/verdict/reasons/item-19", test_reasons_item_19);
  g_test_add_func ("/verdict/reasons/compliance", test_reasons_compliance);
  g_test_add_func ("/verdict/reasons/unreachable", test_reasons_unreachable);
  g_test_add_func ("/verdict/reasons/expired-certificate", test_reasons_expired_certificate);
  g_test_add_func ("/verdict/reasons/director", test_reasons_director);
  g_test_add_func ("/verdict/reasons/psychologist", test_reasons_psychologist);
  g_test_add_func ("/verdict/reasons/missing", test_reasons_missing);
  g_test_add_func ("/verdict/reasons/level", test_reasons_level);

  ret = g_test_run ();
  g_object_unref (library);
  return ret;
}
