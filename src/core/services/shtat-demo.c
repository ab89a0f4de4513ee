/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-demo"

#include "config.h"

#include "shtat-demo.h"

/* The demo district (shtat-demo.h). Every file below is there to show one case
 * of order 580-НҚ (file 003) or of decisions.md items 10–20; the comment above
 * each says which. Names, organisations and specialties are data in the
 * languages people write them in, so nothing here is translatable.
 *
 * Dates are given relative to `today`: AGO (y, m, d) is today less y years, then
 * m months, then d days (GLib clamps to the end of a short month), so a period
 * that ends on AGO (y, m, d + 1) and one that starts on AGO (y, m, d) always
 * touch. Every threshold a case relies on is cleared or missed by four weeks or
 * more, so the verdicts stay the same whatever the day (tests/core/test-demo.c
 * checks several); only the dates move with it: eligibility, birth, and so the
 * IINs. The one exception is the leap-day start, which is on a fixed day of
 * its year. */

#define DEMO_CENTRE_CODE "demo-centre"
#define DEMO_CENTRE_KK   "Демо ауданының отбасын қолдау орталығы"
#define DEMO_CENTRE_RU   "Центр поддержки семьи демонстрационного района"

/* Organisations elsewhere in the district and beyond. */
#define ORG_SOCIAL_DEPT  "Демо ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі"
#define ORG_EMPLOYMENT   "Демо ауданының жұмыспен қамту орталығы"
#define ORG_POLICE       "Демо ауданының полиция бөлімі"
#define ORG_PROSECUTOR   "Прокуратура Демонстрационного района"
#define ORG_SPECIAL      "Центр оказания специальных социальных услуг № 2"
#define ORG_SCHOOL_3     "Демо ауданының № 3 жалпы білім беретін мектебі"
#define ORG_SCHOOL_45    "Средняя школа № 45 г. Караганды"
#define ORG_CLINIC       "Городская поликлиника № 3"
#define ORG_AMBULANCE    "Станция скорой медицинской помощи г. Алматы"
#define ORG_COLLEGE      "Демо гуманитарлық колледжі"
#define ORG_FINANCE      "ГУ «Отдел финансов Демонстрационного района»"

typedef enum
{
  WHEN_NOT_GIVEN,
  WHEN_AGO,
  WHEN_AHEAD,
  WHEN_LEAP_DAY,  /* 29 February of the last leap year before this one, less `days` */
} WhenKind;

typedef struct
{
  WhenKind kind;
  guint    years;
  guint    months;
  guint    days;
} When;

#define AGO(y, m, d)   { WHEN_AGO, y, m, d }
#define AHEAD(y, m, d) { WHEN_AHEAD, y, m, d }
#define LEAP_DAY(d)    { WHEN_LEAP_DAY, 0, 0, d }
#define OPEN           { WHEN_NOT_GIVEN, 0, 0, 0 }

typedef struct
{
  ShtatEducationLevel level;
  int                 field;        /* ShtatField or -1 */
  gboolean            relevant;
  const char         *specialty;    /* NULL ends the list */
  const char         *institution;
  const char         *diploma;
  guint               years_ago;    /* of graduation */
} DemoEducation;

typedef struct
{
  const char *kind;                 /* NULL ends the list */
  const char *number;
  When        issued;
  When        expires;
} DemoCertificate;

typedef struct
{
  const char *organisation;         /* NULL ends the list */
  ShtatSector sector;
  const char *position;
  int         level;
  int         category;
  gboolean    managerial;
  When        from;
  When        to;
} DemoPeriod;

typedef struct
{
  const char     *surname;
  const char     *name;
  const char     *patronymic;
  ShtatSex        sex;
  When            birth;
  DemoEducation   education[3];
  DemoCertificate certificates[2];
  DemoPeriod      periods[6];
  /* the current assignment at the demo centre */
  const char     *position;
  int             level;
  int             category;
  int             rate;
  When            since;
} DemoEmployee;

#define FEMALE SHTAT_SEX_FEMALE
#define MALE   SHTAT_SEX_MALE

#define HIGHER  SHTAT_EDUCATION_HIGHER
#define MASTER  SHTAT_EDUCATION_POSTGRADUATE
#define SEC_SPE SHTAT_EDUCATION_SECONDARY_SPECIALISED
#define SEC_VOC SHTAT_EDUCATION_SECONDARY_VOCATIONAL
#define BASIC   SHTAT_EDUCATION_BASIC_SECONDARY
#define GENERAL SHTAT_EDUCATION_GENERAL_SECONDARY

#define L_HIGHER SHTAT_LEVEL_HIGHER
#define L_MEDIUM SHTAT_LEVEL_MEDIUM
#define NO_LEVEL (-1)

#define C_HIGHEST SHTAT_CATEGORY_HIGHEST
#define C_FIRST   SHTAT_CATEGORY_FIRST
#define C_SECOND  SHTAT_CATEGORY_SECOND
#define C_NONE    SHTAT_CATEGORY_NONE
#define NO_CAT    (-1)

#define NOT_CLASSIFIED (-1)

/* A diploma: level, field, specialty, institution, number, years since. */
#define EDU(l, f, spec, inst, no, ago)     { l, f, FALSE, spec, inst, no, ago }
/* The same, confirmed by the user as "the relevant specialty" (003 ¶21, ¶24, ¶30). */
#define EDU_REL(l, f, spec, inst, no, ago) { l, f, TRUE, spec, inst, no, ago }

/* A post outside the norm data, as people write it, in a sector (item 13). */
#define JOB(org, sector, post, from, to) \
  { org, SHTAT_SECTOR_##sector, post, NO_LEVEL, NO_CAT, FALSE, from, to }
/* A leadership post (003 ¶6, ¶9; item 13). */
#define LEAD(org, sector, post, from, to) \
  { org, SHTAT_SECTOR_##sector, post, NO_LEVEL, NO_CAT, TRUE, from, to }
/* A post of the norm data at a level and category, in social protection. */
#define POST(org, code, l, c, from, to) \
  { org, SHTAT_SECTOR_SOCIAL_PROTECTION, code, l, c, FALSE, from, to }

/* The current assignment at the demo centre: position code, level, category
 * held, rate in hundredths, start. */
#define AT(code, l, c, r, from) \
  .position = code, .level = l, .category = c, .rate = r, .since = from

static const DemoEmployee demo_employees[] = {
  /* ===== Management ===== */

  /* Director, met by sector experience (003 ¶6 a): pedagogy, 11 years 9 months
   * at a school and 11 years 5 months in the district's social protection
   * department before the post; no leadership post at all, so only the sector
   * route can hold. */
  { "Ахметова", "Айгерим", "Бериковна", FEMALE, AGO (48, 3, 11),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_PEDAGOGY, "Педагогика және психология",
           "Қазақ ұлттық қыз-келіншектер педагогикалық университеті", "ЖБ-Б 0183456", 26),
    },
    .periods = {
      JOB (ORG_SCHOOL_45, EDUCATION, "учитель начальных классов", AGO (26, 2, 21), AGO (14, 5, 22)),
      JOB (ORG_SOCIAL_DEPT, SOCIAL_PROTECTION, "бас маман", AGO (14, 5, 21), AGO (3, 0, 1)),
    },
    AT ("director", NO_LEVEL, NO_CAT, 100, AGO (3, 0, 0)) },

  /* Deputy director, met by leadership experience only (003 ¶9 b): economics,
   * almost 17 years at a bank (not a sector of item 13), then head of
   * department at the employment centre for 1 year 7 months (≥ 1 year of
   * leadership); with the post that is 2 years 4 months in the sectors, short
   * of the 3 of ¶9 a. */
  { "Нұрланов", "Дәурен", "Серікұлы", MALE, AGO (41, 7, 3),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_ECONOMICS, "Экономика",
           "Л. Н. Гумилев атындағы Еуразия ұлттық университеті", "ЖБ-Б 0421187", 19),
    },
    .periods = {
      JOB ("АО «Демо Банк»", OTHER, "кредит менеджері", AGO (19, 2, 21), AGO (2, 4, 22)),
      LEAD (ORG_EMPLOYMENT, EMPLOYMENT, "бөлім басшысы", AGO (2, 4, 21), AGO (0, 9, 22)),
    },
    AT ("deputy-director", NO_LEVEL, NO_CAT, 100, AGO (0, 9, 21)) },

  /* Deputy director, met by sector experience (003 ¶9 a): humanities, 19 years
   * at a school and 9 at a social services centre, never a leadership post. The
   * centre has two deputies, one for each structural unit: above the minimum of
   * 000 App r.2, which the akimat may do (item 5). */
  { "Иванова", "Елена", "Сергеевна", FEMALE, AGO (52, 1, 9),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_HUMANITIES, "Русский язык и литература",
           "Карагандинский университет им. Е. А. Букетова", "ЖБ-Б 0075120", 30),
    },
    .periods = {
      JOB (ORG_SCHOOL_45, EDUCATION, "учитель русского языка и литературы",
           AGO (30, 2, 21), AGO (11, 2, 22)),
      JOB (ORG_SPECIAL, SOCIAL_PROTECTION, "методист", AGO (11, 2, 21), AGO (2, 1, 22)),
    },
    AT ("deputy-director", NO_LEVEL, NO_CAT, 100, AGO (2, 1, 21)) },

  /* Head of unit short of the 2 years of 003 ¶12, with overlapping periods
   * (item 14): 10 months at the employment centre, a part-time school job of
   * 5 months inside them, then the post for 10 months. Added up naively that
   * is over 2 years; merged it is 1 year 8 months. Sales before do not count
   * (not a sector of item 13). */
  { "Қасымова", "Жанар", "Асқарқызы", FEMALE, AGO (29, 6, 0),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_SOCIAL, "Әлеуметтік педагогика және өзін-өзі тану",
           "Абай атындағы Қазақ ұлттық педагогикалық университеті", "ЖБ-Б 1290044", 7),
    },
    .periods = {
      JOB ("ТОО «Астана Сервис»", OTHER, "менеджер по продажам", AGO (7, 3, 21), AGO (1, 8, 1)),
      JOB (ORG_EMPLOYMENT, EMPLOYMENT, "консультант", AGO (1, 8, 0), AGO (0, 10, 1)),
      JOB (ORG_SCHOOL_3, EDUCATION, "мұғалім (қоса атқару бойынша)", AGO (1, 4, 0), AGO (0, 11, 1)),
    },
    AT ("head-of-unit", NO_LEVEL, NO_CAT, 100, AGO (0, 10, 0)) },

  /* Head of unit who meets 003 ¶12: law, 13 years as a juvenile inspector (law
   * enforcement) and almost 6 in social protection. */
  { "Смағұлов", "Ерлан", "Болатұлы", MALE, AGO (45, 0, 9),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_LAW, "Құқықтану",
           "Қазақ гуманитарлық заң университеті", "ЖБ-Б 0309871", 23),
    },
    .periods = {
      JOB (ORG_POLICE, LAW_ENFORCEMENT, "кәмелетке толмағандар ісі жөніндегі инспектор",
           AGO (23, 3, 21), AGO (9, 10, 22)),
      JOB (ORG_SOCIAL_DEPT, SOCIAL_PROTECTION, "бас маман", AGO (9, 10, 21), AGO (4, 1, 22)),
    },
    AT ("head-of-unit", NO_LEVEL, NO_CAT, 100, AGO (4, 1, 21)) },

  /* ===== Social workers (003 §4, ¶15) ===== */

  /* Higher level, without category, hired 11 months ago straight from
   * university: the second category needs 1 year without category, so she is
   * eligible for it in about a month (within 90 days). */
  { "Жұмабаева", "Аружан", "Ерланқызы", FEMALE, AGO (24, 2, 5),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_PSYCHOLOGY, "Психология",
           "Әл-Фараби атындағы Қазақ ұлттық университеті", "ЖБ-Б 2210385", 1),
    },
    AT ("social-worker", L_HIGHER, C_NONE, 100, AGO (0, 11, 0)) },

  /* Higher level, second category for 2 years after 3 years without category:
   * the first category needs 1 year in the second, so she has been eligible for
   * it for a year already. */
  { "Оспанова", "Динара", "Маратовна", FEMALE, AGO (33, 4, 0),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_SOCIAL, "Әлеуметтік педагогика және өзін-өзі тану",
           "Абай атындағы Қазақ ұлттық педагогикалық университеті", "ЖБ-Б 0988231", 12),
    },
    .periods = {
      JOB (ORG_SCHOOL_3, EDUCATION, "әлеуметтік педагог", AGO (12, 2, 21), AGO (5, 2, 22)),
      POST (ORG_SPECIAL, "social-worker", L_HIGHER, C_NONE, AGO (5, 2, 21), AGO (2, 0, 1)),
    },
    AT ("social-worker", L_HIGHER, C_SECOND, 100, AGO (2, 0, 0)) },

  /* Higher level, first category for 1 year 5 months: the highest needs 2 years
   * in the first, so it comes in 7 months. His years without category were as a
   * specialist in social work at a regional centre: the same family of posts
   * (item 12). */
  { "Төлегенов", "Асхат", "Нұрланұлы", MALE, AGO (38, 9, 14),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_PEDAGOGY, "Педагогика и психология",
           "Карагандинский университет им. Е. А. Букетова", "ЖБ-Б 0611902", 16),
    },
    .periods = {
      JOB (ORG_SCHOOL_45, EDUCATION, "учитель", AGO (16, 2, 21), AGO (4, 1, 1)),
      POST ("Қарағанды облысының арнаулы әлеуметтік қызметтер көрсету орталығы",
            "social-work-specialist", L_HIGHER, C_NONE, AGO (4, 1, 0), AGO (2, 7, 1)),
      POST (DEMO_CENTRE_KK, "social-worker", L_HIGHER, C_SECOND, AGO (2, 7, 0), AGO (1, 5, 1)),
    },
    AT ("social-worker", L_HIGHER, C_FIRST, 100, AGO (1, 5, 0)) },

  /* Higher level, highest category: a doctor who came to social work and climbed
   * every rung (2 years without, 1 year 1 month in the second, 4 years 9 months
   * in the first). The top of the ladder: no next category. */
  { "Бекмуханова", "Гульнар", "Кайратовна", FEMALE, AGO (50, 5, 2),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_MEDICINE, "Лечебное дело",
           "Карагандинский государственный медицинский университет", "ЖБ-Б 0012873", 27),
    },
    .periods = {
      JOB (ORG_CLINIC, HEALTH, "врач-терапевт участковый", AGO (27, 2, 21), AGO (10, 10, 22)),
      POST (ORG_SPECIAL, "social-worker", L_HIGHER, C_NONE, AGO (10, 10, 18), AGO (8, 10, 22)),
      POST (ORG_SPECIAL, "social-worker", L_HIGHER, C_SECOND, AGO (8, 10, 21), AGO (7, 9, 22)),
      POST (DEMO_CENTRE_KK, "social-worker", L_HIGHER, C_FIRST, AGO (7, 9, 21), AGO (3, 0, 1)),
    },
    AT ("social-worker", L_HIGHER, C_HIGHEST, 100, AGO (3, 0, 0)) },

  /* Medium level without category by the certificate route (item 11): basic
   * secondary education and a valid certificate of social training. The second
   * category needs technical and vocational education, which experience cannot
   * bring: not reachable. */
  { "Серікбаева", "Салтанат", "Нұржанқызы", FEMALE, AGO (44, 8, 17),
    .education = {
      EDU (BASIC, NOT_CLASSIFIED, "Негізгі орта білім", "Демо ауданының № 7 орта мектебі",
           "НОБ 0448120", 29),
    },
    .certificates = {
      { "social-training", "ӘД-0417", AGO (3, 1, 0), AHEAD (1, 11, 0) },
    },
    .periods = {
      JOB ("ИП «Нұр»", OTHER, "сатушы", AGO (25, 8, 21), AGO (2, 11, 22)),
    },
    AT ("social-worker", L_MEDIUM, C_NONE, 100, AGO (2, 11, 21)) },

  /* Medium level without category by the certificate route, but the certificate
   * expired two months ago: she no longer meets the requirements (item 11). */
  { "Ким", "Ольга", "Викторовна", FEMALE, AGO (37, 1, 3),
    .education = {
      EDU (GENERAL, NOT_CLASSIFIED, "Общее среднее образование", "Средняя школа № 21 г. Темиртау",
           "ЖОБ 1120934", 19),
    },
    .certificates = {
      { "social-training", "ӘД-0093", AGO (5, 3, 0), AGO (0, 2, 0) },
    },
    .periods = {
      JOB ("ТОО «Таза қала»", OTHER, "оператор", AGO (18, 2, 21), AGO (5, 2, 1)),
    },
    AT ("social-worker", L_MEDIUM, C_NONE, 100, AGO (5, 2, 0)) },

  /* Medium level without category, in the post since 29 February (a leap-day
   * start) and with the post also recorded as an open work period: economics
   * is on the medium level's list (¶15), and more than a year without category
   * makes the second category attainable; a year from 29 February runs to
   * 28 February (item 14), the day he became eligible. */
  { "Гончаров", "Андрей", "Александрович", MALE, AGO (31, 4, 10),
    .education = {
      EDU (SEC_VOC, SHTAT_FIELD_ECONOMICS, "Учёт и аудит", "Карагандинский экономический колледж",
           "ТКБ 0571290", 11),
    },
    .periods = {
      JOB ("ТОО «Демо Логистик»", OTHER, "бухгалтер", AGO (11, 2, 21), LEAP_DAY (1)),
      POST (DEMO_CENTRE_KK, "social-worker", L_MEDIUM, C_NONE, LEAP_DAY (0), OPEN),
    },
    AT ("social-worker", L_MEDIUM, C_NONE, 100, LEAP_DAY (0)) },

  /* ===== Specialists in social work (003 §5, ¶18) ===== */

  /* Higher level, holding the highest category after only 1 year 6 months in
   * the first (3 years needed): the file supports the first category (3 years
   * 4 months in the second, 2 needed), so the highest is held above what is
   * attainable, a compliance error (item 19). */
  { "Жақсылықов", "Бауыржан", "Маратұлы", MALE, AGO (36, 2, 0),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_SOCIAL, "Социальная педагогика и самопознание",
           "Павлодарский педагогический университет", "ЖБ-Б 0733310", 14),
    },
    .periods = {
      JOB (ORG_SOCIAL_DEPT, SOCIAL_PROTECTION, "маман", AGO (14, 2, 19), AGO (7, 10, 21)),
      POST (ORG_SPECIAL, "social-work-specialist", L_HIGHER, C_NONE,
            AGO (7, 10, 20), AGO (5, 10, 22)),
      POST (ORG_SPECIAL, "social-work-specialist", L_HIGHER, C_SECOND,
            AGO (5, 10, 18), AGO (2, 6, 1)),
      POST (DEMO_CENTRE_KK, "social-work-specialist", L_HIGHER, C_FIRST,
            AGO (2, 6, 0), AGO (1, 0, 1)),
    },
    AT ("social-work-specialist", L_HIGHER, C_HIGHEST, 100, AGO (1, 0, 0)) },

  /* Medium level, second category: a paramedic (secondary specialised, medicine)
   * with 2 years without category at the centre; the first category needs 2
   * years in the second. */
  { "Абенова", "Мадина", "Ерлановна", FEMALE, AGO (30, 0, 12),
    .education = {
      EDU (SEC_SPE, SHTAT_FIELD_MEDICINE, "Лечебное дело", "Высший медицинский колледж г. Алматы",
           "ТКБ 0925513", 10),
    },
    .periods = {
      JOB (ORG_AMBULANCE, HEALTH, "фельдшер", AGO (10, 3, 21), AGO (3, 3, 22)),
      POST (DEMO_CENTRE_KK, "social-work-specialist", L_MEDIUM, C_NONE,
            AGO (3, 3, 21), AGO (1, 3, 1)),
    },
    AT ("social-work-specialist", L_MEDIUM, C_SECOND, 100, AGO (1, 3, 0)) },

  /* Medium level, no education recorded: missing data. */
  { "Шевченко", "Татьяна", "Николаевна", FEMALE, AGO (47, 5, 1),
    .periods = {
      JOB (ORG_EMPLOYMENT, EMPLOYMENT, "консультант", AGO (21, 2, 21), AGO (6, 0, 1)),
    },
    AT ("social-work-specialist", L_MEDIUM, C_NONE, 100, AGO (6, 0, 0)) },

  /* Higher level, a diploma in sociology nobody has classified yet: whether it
   * is one of the fields of ¶18 cannot be told, so the data is missing. A half
   * rate: the norm is 2.5 units (000 App r.19, 51–100 appeals). */
  { "Ибраева", "Дана", "Руслановна", FEMALE, AGO (25, 9, 20),
    .education = {
      EDU (HIGHER, NOT_CLASSIFIED, "Социология", "Евразийский национальный университет",
           "ЖБ-Б 2108764", 3),
    },
    .periods = {
      JOB ("ТОО «Демо Маркетинг»", OTHER, "интервьюер", AGO (3, 2, 21), AGO (0, 8, 1)),
    },
    AT ("social-work-specialist", L_HIGHER, C_NONE, 50, AGO (0, 8, 0)) },

  /* ===== Psychologists (003 §6, ¶21; item 15) ===== */

  /* Without category for 2 years 6 months: category II needs 3 years as a
   * psychologist without category, so it comes in 6 months. */
  { "Искакова", "Камила", "Тимуровна", FEMALE, AGO (28, 1, 19),
    .education = {
      EDU_REL (HIGHER, SHTAT_FIELD_PSYCHOLOGY, "Психология", "КазНУ им. аль-Фараби",
               "ЖБ-Б 1707731", 6),
    },
    .periods = {
      JOB ("ТОО «Астана Сервис»", OTHER, "ассистент по персоналу", AGO (6, 2, 21), AGO (2, 6, 1)),
    },
    AT ("psychologist", NO_LEVEL, C_NONE, 100, AGO (2, 6, 0)) },

  /* Category II for 2 years 6 months after 3 years 2 months without category at
   * the centre: category I needs 2 years in II, so he has been eligible for it
   * for half a year. The years as a school psychologist before do not count:
   * ¶21 asks for the post of psychologist (the school post is recorded as text). */
  { "Муканов", "Тимур", "Ерланович", MALE, AGO (35, 6, 8),
    .education = {
      EDU_REL (HIGHER, SHTAT_FIELD_PEDAGOGY, "Педагогика и психология",
               "Павлодарский педагогический университет", "ЖБ-Б 0800231", 13),
      EDU_REL (MASTER, SHTAT_FIELD_PSYCHOLOGY, "Психология (магистратура)",
               "Павлодарский педагогический университет", "ЖМ 0043312", 11),
    },
    .periods = {
      JOB (ORG_SCHOOL_3, EDUCATION, "педагог-психолог", AGO (11, 2, 21), AGO (5, 8, 1)),
      POST (DEMO_CENTRE_KK, "psychologist", NO_LEVEL, C_NONE, AGO (5, 8, 0), AGO (2, 6, 1)),
    },
    AT ("psychologist", NO_LEVEL, C_SECOND, 100, AGO (2, 6, 0)) },

  /* ===== Other specialists (003 §7–§10, §12) ===== */

  /* Media and public relations (¶24): journalism, a field the act does not list,
   * confirmed by the user as "the relevant direction of training". */
  { "Нұрғалиева", "Әсел", "Бауыржанқызы", FEMALE, AGO (27, 3, 0),
    .education = {
      EDU_REL (HIGHER, NOT_CLASSIFIED, "Журналистика",
               "Л. Н. Гумилев атындағы Еуразия ұлттық университеті", "ЖБ-Б 1911406", 5),
    },
    .periods = {
      JOB ("«Ақиқат» аудандық газеті", OTHER, "тілші", AGO (5, 2, 21), AGO (2, 9, 22)),
    },
    AT ("media-specialist", NO_LEVEL, NO_CAT, 100, AGO (2, 9, 21)) },

  /* Analytics and monitoring (¶27, first alternative): secondary specialised
   * education in economics and 1 year 3 months at the employment centre before
   * the post (1 year needed, item 13). */
  { "Сәрсенбаев", "Данияр", "Асқарұлы", MALE, AGO (25, 7, 15),
    .education = {
      EDU (SEC_SPE, SHTAT_FIELD_ECONOMICS, "Учёт и аудит", "Карагандинский экономический колледж",
           "ТКБ 1801923", 5),
    },
    .periods = {
      JOB ("ТОО «Астана Сервис»", OTHER, "кассир", AGO (5, 2, 21), AGO (1, 9, 1)),
      JOB (ORG_EMPLOYMENT, EMPLOYMENT, "инспектор", AGO (1, 9, 0), AGO (0, 6, 1)),
    },
    AT ("analytics-specialist", NO_LEVEL, NO_CAT, 100, AGO (0, 6, 0)) },

  /* Information protection / IT (¶30): technical and vocational education in
   * computing, confirmed as the relevant direction; no experience needed. */
  { "Ли", "Руслан", "Сергеевич", MALE, AGO (26, 10, 2),
    .education = {
      EDU_REL (SEC_VOC, NOT_CLASSIFIED, "Вычислительная техника и программное обеспечение",
               "Алматинский колледж связи", "ТКБ 1603355", 6),
    },
    .periods = {
      JOB ("ТОО «Демо Телеком»", OTHER, "инженер технической поддержки",
           AGO (6, 4, 21), AGO (1, 7, 22)),
    },
    AT ("it-security-specialist", NO_LEVEL, NO_CAT, 100, AGO (1, 7, 21)) },

  /* Preventive work (¶33, second alternative): a higher pedagogical education and
   * no experience at all; two months in her first job. */
  { "Әбілқасымова", "Айжан", "Нұрланқызы", FEMALE, AGO (23, 0, 30),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_PEDAGOGY, "Педагогика және психология",
           "Абай атындағы Қазақ ұлттық педагогикалық университеті", "ЖБ-Б 2302219", 1),
    },
    AT ("prevention-specialist", NO_LEVEL, NO_CAT, 100, AGO (0, 2, 0)) },

  /* Preventive work (¶33, first alternative): secondary specialised education in
   * law and 16 years as a district police inspector (law enforcement). */
  { "Оразбаев", "Марат", "Серикович", MALE, AGO (39, 11, 0),
    .education = {
      EDU (SEC_SPE, SHTAT_FIELD_LAW, "Правоведение", "Карагандинский юридический колледж",
           "ТКБ 0633871", 20),
    },
    .periods = {
      JOB (ORG_POLICE, LAW_ENFORCEMENT, "участковый инспектор полиции",
           AGO (20, 2, 21), AGO (3, 8, 22)),
    },
    AT ("prevention-specialist", NO_LEVEL, NO_CAT, 100, AGO (3, 8, 21)) },

  /* ===== Case managers (003 §11, ¶36) ===== */

  /* A law degree: not among the fields of ¶36, so she does not meet the post's
   * requirements, and no category can be reached by experience. */
  { "Петрова", "Наталья", "Андреевна", FEMALE, AGO (34, 2, 8),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_LAW, "Юриспруденция", "Карагандинский университет «Болашак»",
           "ЖБ-Б 1012276", 12),
    },
    .periods = {
      JOB ("ТОО «Юридическая фирма „Защита“»", OTHER, "юрист", AGO (12, 2, 21), AGO (1, 8, 1)),
    },
    AT ("case-manager", L_HIGHER, C_NONE, 100, AGO (1, 8, 0)) },

  /* Social work degree, without category for 4 months: the second category
   * needs 1 year. */
  { "Байжанов", "Арман", "Серикович", MALE, AGO (27, 8, 0),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_SOCIAL_WORK, "Әлеуметтік жұмыс",
           "Абай атындағы Қазақ ұлттық педагогикалық университеті", "ЖБ-Б 1934470", 5),
    },
    .periods = {
      JOB (ORG_SPECIAL, SOCIAL_PROTECTION, "ассистент социального работника",
           AGO (5, 2, 21), AGO (0, 4, 1)),
    },
    AT ("case-manager", L_HIGHER, C_NONE, 100, AGO (0, 4, 0)) },

  /* Nursing degree, second category on 3 years 4 months as a higher-level social
   * worker without category (the same family of posts, item 12); the first
   * category needs 2 years in the second, which comes within 90 days. */
  { "Мусина", "Сауле", "Кайратовна", FEMALE, AGO (42, 4, 16),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_NURSING, "Сестринское дело", "Медицинский университет Астана",
           "ЖБ-Б 0844190", 14),
    },
    .periods = {
      JOB (ORG_CLINIC, HEALTH, "медицинская сестра", AGO (14, 2, 21), AGO (5, 2, 22)),
      POST (ORG_SPECIAL, "social-worker", L_HIGHER, C_NONE, AGO (5, 2, 21), AGO (1, 10, 1)),
    },
    AT ("case-manager", L_HIGHER, C_SECOND, 100, AGO (1, 10, 0)) },

  /* ===== Lawyers (003 §12, ¶39; item 18) ===== */

  /* A law degree and 7 months in the post; four years in a private law firm are
   * not the relevant type of activity: short of 1 year, he does not meet ¶39. */
  { "Әлімжанов", "Алмас", "Ерланұлы", MALE, AGO (26, 3, 11),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_LAW, "Құқықтану", "М. Нарікбаев атындағы КАЗГЮУ университеті",
           "ЖБ-Б 2207715", 4),
    },
    .periods = {
      JOB ("«Әділет» заң кеңсесі", OTHER, "заңгер-кеңесші", AGO (4, 2, 21), AGO (0, 7, 1)),
    },
    AT ("lawyer", NO_LEVEL, NO_CAT, 100, AGO (0, 7, 0)) },

  /* A law degree and almost 14 years at the prosecutor's office; he also
   * teaches law part time at a college, an open period overlapping the others
   * (counted once, item 14). */
  { "Кузнецов", "Дмитрий", "Викторович", MALE, AGO (43, 2, 27),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_LAW, "Юриспруденция", "Карагандинская академия МВД им. Б. Бейсенова",
           "ЖБ-Б 0250118", 21),
    },
    .periods = {
      JOB (ORG_PROSECUTOR, LAW_ENFORCEMENT, "помощник прокурора", AGO (21, 3, 21), AGO (7, 4, 22)),
      JOB (ORG_SOCIAL_DEPT, SOCIAL_PROTECTION, "заңгер", AGO (7, 4, 21), AGO (2, 8, 22)),
      JOB (ORG_COLLEGE, EDUCATION, "преподаватель права (по совместительству)",
           AGO (6, 2, 21), OPEN),
    },
    AT ("lawyer", NO_LEVEL, NO_CAT, 100, AGO (2, 8, 21)) },

  /* ===== Posts whose requirements other acts set (003 ¶2; item 17) ===== */

  /* Chief accountant: order 775. */
  { "Байтасова", "Раушан", "Амангельдиевна", FEMALE, AGO (46, 7, 25),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_ECONOMICS, "Учёт и аудит",
           "Карагандинский экономический университет", "ЖБ-Б 0120985", 24),
    },
    .periods = {
      JOB (ORG_FINANCE, OTHER, "главный специалист", AGO (24, 2, 21), AGO (5, 0, 22)),
    },
    AT ("chief-accountant", NO_LEVEL, NO_CAT, 100, AGO (5, 0, 21)) },

  /* HR inspector: order 553. */
  { "Жусупова", "Айнур", "Сериковна", FEMALE, AGO (39, 1, 2),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_HUMANITIES, "История",
           "Карагандинский университет им. Е. А. Букетова", "ЖБ-Б 0599712", 17),
    },
    .periods = {
      JOB (ORG_SCHOOL_3, EDUCATION, "делопроизводитель", AGO (17, 2, 21), AGO (3, 10, 22)),
    },
    AT ("hr-inspector", NO_LEVEL, NO_CAT, 100, AGO (3, 10, 21)) },

  /* Public procurement manager: order 553. */
  { "Абдрахманов", "Ержан", "Болатович", MALE, AGO (35, 10, 6),
    .education = {
      EDU (HIGHER, SHTAT_FIELD_ECONOMICS, "Менеджмент", "Университет «Туран»", "ЖБ-Б 0899001", 13),
    },
    .periods = {
      JOB ("ТОО «Демо Құрылыс»", OTHER, "менеджер по снабжению", AGO (13, 2, 21), AGO (2, 3, 22)),
    },
    AT ("procurement-manager", NO_LEVEL, NO_CAT, 100, AGO (2, 3, 21)) },

  /* Driver of the centre's one vehicle (000 App r.15): no characteristic bundled. */
  { "Попов", "Сергей", "Иванович", MALE, AGO (54, 0, 14),
    .education = {
      EDU (SEC_VOC, NOT_CLASSIFIED, "Техническое обслуживание и ремонт автомобильного транспорта",
           "Темиртауский политехнический колледж", "ТКБ 0003117", 34),
    },
    .periods = {
      JOB ("ТОО «Демо Транс»", OTHER, "водитель", AGO (33, 2, 21), AGO (6, 5, 22)),
    },
    AT ("driver", NO_LEVEL, NO_CAT, 100, AGO (6, 5, 21)) },

  /* Watchman (000 App r.16). */
  { "Жақыпов", "Серік", "Төлеуұлы", MALE, AGO (61, 4, 3),
    .education = {
      EDU (GENERAL, NOT_CLASSIFIED, "Жалпы орта білім", "Демо ауданының № 1 орта мектебі",
           "ЖОБ 0000412", 44),
    },
    .periods = {
      JOB ("«Демо» шаруа қожалығы", OTHER, "механизатор", AGO (43, 2, 21), AGO (4, 0, 22)),
    },
    AT ("watchman", NO_LEVEL, NO_CAT, 100, AGO (4, 0, 21)) },
};

/* ------------------------------------------------------------------------ */

/* The last 29 February before this year's: a start that no anniversary has. */
static void
last_leap_day (const GDate *today,
               GDate       *out)
{
  GDateYear year = g_date_get_year (today) - 1;

  while (!g_date_is_leap_year (year))
    year--;
  g_date_clear (out, 1);
  g_date_set_dmy (out, 29, G_DATE_FEBRUARY, year);
}

static void
resolve (const When  *when,
         const GDate *today,
         GDate       *out)
{
  g_date_clear (out, 1);
  switch (when->kind)
    {
    case WHEN_AGO:
      *out = *today;
      g_date_subtract_years (out, when->years);
      g_date_subtract_months (out, when->months);
      g_date_subtract_days (out, when->days);
      break;

    case WHEN_AHEAD:
      *out = *today;
      g_date_add_years (out, when->years);
      g_date_add_months (out, when->months);
      g_date_add_days (out, when->days);
      break;

    case WHEN_LEAP_DAY:
      last_leap_day (today, out);
      g_date_subtract_days (out, when->days);
      break;

    case WHEN_NOT_GIVEN:
    default:
      break;
    }
}

/* A valid IIN for the birth date and sex (Decree 565; decisions.md item 20):
 * YYMMDD, the century and sex digit, a serial and the check digit. The serial
 * is 10 × (n + 1) plus the first offset for which a check digit exists, so no
 * two employees share one. */
static void
make_iin (const GDate *birth,
          ShtatSex     sex,
          guint        n,
          char        *out)
{
  guint year = g_date_get_year (birth);
  guint century = (year >= 2000 ? 5 : 3) + (sex == SHTAT_SEX_FEMALE ? 1 : 0);

  for (guint offset = 0; offset < 10; offset++)
    {
      int check;

      g_snprintf (out, SHTAT_IIN_LENGTH + 1, "%02u%02u%02u%u%04u0",
                  year % 100, (guint) g_date_get_month (birth), (guint) g_date_get_day (birth),
                  century, 10 * (n + 1) + offset);
      check = shtat_iin_check_digit (out);
      if (check >= 0)
        {
          out[SHTAT_IIN_LENGTH - 1] = (char) ('0' + check);
          return;
        }
    }
  g_assert_not_reached ();
}

static ShtatEmployee *
build_employee (const DemoEmployee *d,
                guint               n,
                const GDate        *today)
{
  ShtatEmployee *employee = shtat_employee_new ();
  ShtatAssignment assignment = { 0 };
  guint this_year = g_date_get_year (today);

  employee->surname = g_strdup (d->surname);
  employee->name = g_strdup (d->name);
  employee->patronymic = g_strdup (d->patronymic);
  employee->sex = d->sex;
  resolve (&d->birth, today, &employee->birth_date);
  make_iin (&employee->birth_date, d->sex, n, employee->iin);

  for (guint i = 0; i < G_N_ELEMENTS (d->education) && d->education[i].specialty != NULL; i++)
    {
      const DemoEducation *de = &d->education[i];
      ShtatEducation e = { 0 };

      e.level = de->level;
      e.field = de->field;
      e.relevant = de->relevant;
      e.specialty = (char *) de->specialty;
      e.institution = (char *) de->institution;
      e.diploma = (char *) de->diploma;
      e.year = this_year - de->years_ago;
      shtat_employee_add_education (employee, &e);
    }

  for (guint i = 0; i < G_N_ELEMENTS (d->certificates) && d->certificates[i].kind != NULL; i++)
    {
      const DemoCertificate *dc = &d->certificates[i];
      ShtatCertificate c = { 0 };

      c.kind = (char *) dc->kind;
      c.number = (char *) dc->number;
      resolve (&dc->issued, today, &c.issued);
      resolve (&dc->expires, today, &c.expires);
      shtat_employee_add_certificate (employee, &c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (d->periods) && d->periods[i].organisation != NULL; i++)
    {
      const DemoPeriod *dp = &d->periods[i];
      ShtatWorkPeriod p = { 0 };

      p.organisation = (char *) dp->organisation;
      p.sector = dp->sector;
      p.position = (char *) dp->position;
      p.level = dp->level;
      p.category = dp->category;
      p.managerial = dp->managerial;
      resolve (&dp->from, today, &p.from);
      resolve (&dp->to, today, &p.to);
      shtat_employee_add_period (employee, &p);
    }

  assignment.centre_code = (char *) DEMO_CENTRE_CODE;
  assignment.position = (char *) d->position;
  assignment.level = d->level;
  assignment.category = d->category;
  assignment.rate = d->rate;
  resolve (&d->since, today, &assignment.from);
  g_date_clear (&assignment.to, 1);
  shtat_employee_add_assignment (employee, &assignment);

  return employee;
}

static ShtatCentre *
build_centre (void)
{
  ShtatCentre *centre = shtat_centre_new ();

  centre->code = g_strdup (DEMO_CENTRE_CODE);
  centre->name_kk = g_strdup (DEMO_CENTRE_KK);
  centre->name_ru = g_strdup (DEMO_CENTRE_RU);
  centre->district = g_strdup ("Демо ауданы / Демонстрационный район");
  centre->akimat = g_strdup ("Демо ауданының әкімдігі");
  return centre;
}

/**
 * shtat_demo_build:
 * @today: the date the demo is built for
 * @out_centres: (out) (optional) (transfer full) (element-type ShtatCentre): the centre
 * @out_employees: (out) (optional) (transfer full) (element-type ShtatEmployee): the
 *   files
 *
 * A deterministic demo district: one Family Support Centre with about thirty
 * employees whose files cover every position of 580-НҚ and every kind of rule
 * (sector and leadership experience, the certificate clause, category ladders,
 * missing data, a category held above what the file supports, positions set by
 * other acts), with plausible Kazakh and Russian names. The same call always
 * gives the same data; dates are relative to @today so that eligibility dates
 * stay interesting. Assignments name their centre by code.
 */
void
shtat_demo_build (const GDate  *today,
                  GPtrArray   **out_centres,
                  GPtrArray   **out_employees)
{
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (out_centres != NULL)
    {
      *out_centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
      g_ptr_array_add (*out_centres, build_centre ());
    }

  if (out_employees != NULL)
    {
      *out_employees = g_ptr_array_new_full (G_N_ELEMENTS (demo_employees),
                                             (GDestroyNotify) shtat_employee_unref);
      for (guint i = 0; i < G_N_ELEMENTS (demo_employees); i++)
        g_ptr_array_add (*out_employees, build_employee (&demo_employees[i], i, today));
    }
}

/* ------------------------------------------------------------------------ */
/* Profile and pay grid: SAMPLE figures, made up for the demo.              */

/**
 * shtat_demo_build_profile:
 * @today: the date the demo is built for
 *
 * The demo centre's profile: appeals for each of the twelve months before the
 * month of @today, in all five channels (1 220–1 279 a month, so between
 * 1 220 / 23 = 53 and 1 279 / 20 = 64 a working day: the 51–100 bracket whatever
 * the month), and one vehicle. SAMPLE figures, made up.
 *
 * Returns: (transfer full): the profile
 */
ShtatCentreProfile *
shtat_demo_build_profile (const GDate *today)
{
  ShtatCentreProfile *profile = shtat_centre_profile_new (DEMO_CENTRE_CODE);
  ShtatMonth month;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  shtat_month_from_date (&month, today);
  shtat_month_add (&month, -12);
  for (int i = 0; i < 12; i++, shtat_month_add (&month, 1))
    {
      int m = month.month;
      const gint64 counts[SHTAT_N_APPEAL_CHANNELS] = {
        [SHTAT_APPEAL_SELF] = 560 + 10 * (m % 5),
        [SHTAT_APPEAL_CONTACT_111] = 380 + 5 * (m % 3),
        [SHTAT_APPEAL_INFO_SYSTEMS] = 150,
        [SHTAT_APPEAL_REFERRALS] = 90 + 3 * (m % 4),
        [SHTAT_APPEAL_MEDIA] = 40,
      };

      for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
        shtat_centre_profile_set_appeals (profile, &month, c, counts[c], NULL);
    }
  /* the one vehicle of the demo's driver */
  shtat_centre_profile_set_driver (profile, SHTAT_DRIVER_VEHICLES, 1, NULL);
  return profile;
}

/**
 * shtat_demo_build_pay_grid:
 * A small pay grid with every position of the centres' table placed. SAMPLE
 * figures, not those of Decree 1193.
 *
 * Returns: (transfer full): the grid
 */
ShtatPayGrid *
shtat_demo_build_pay_grid (void)
{
  static const struct
  {
    const char *block;
    guint       years;
    const char *coefficient;
  } cells[] = {
    { "A1", 0, "4.5" },    /* the director */
    { "A2", 0, "3.8" },    /* deputies, heads of units, the chief accountant */
    { "B2", 0, "2.6" },    /* specialists */
    { "B2", 5, "2.9" },
    { "B3", 0, "2.2" },    /* accountant, HR, procurement */
    { "D", 0, "1.4" },     /* drivers, watchmen, cleaners, yard keepers */
  };
  static const struct
  {
    const char *position;
    const char *block;
  } placements[] = {
    { "director", "A1" }, { "deputy-director", "A2" }, { "head-of-unit", "A2" }, { "chief-accountant", "A2" },
    { "accountant", "B3" }, { "hr-inspector", "B3" }, { "procurement-manager", "B3" },
    { "social-worker", "B2" }, { "psychologist", "B2" }, { "lawyer", "B2" }, { "media-specialist", "B2" },
    { "analytics-specialist", "B2" }, { "it-security-specialist", "B2" }, { "prevention-specialist", "B2" },
    { "social-work-specialist", "B2" }, { "case-manager", "B2" },
    { "driver", "D" }, { "watchman", "D" }, { "cleaner", "D" }, { "yard-keeper", "D" },
  };
  ShtatPayGrid *grid = shtat_pay_grid_new ();
  GDate from;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2024);
  shtat_pay_grid_add_base (grid, &from, 1769700, NULL);   /* 17 697,00 ₸ */
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      int coefficient = 0;

      shtat_coefficient_parse (cells[i].coefficient, &coefficient);
      shtat_pay_grid_add_coefficient (grid, cells[i].block, NULL, cells[i].years, &from, coefficient, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (placements); i++)
    shtat_pay_grid_set_position (grid, placements[i].position, placements[i].block, NULL, 0, NULL);
  return grid;
}

/**
 * shtat_demo_save:
 * @store: the database
 * @today: the date the demo is built for
 * @error: return location for a #GError
 *
 * The demo into @store: the centre and the files (one import), then the profile
 * and the pay grid, each only where the store has none yet.
 *
 * Returns: %TRUE when saved
 */
gboolean
shtat_demo_save (ShtatStore   *store,
                 const GDate  *today,
                 GError      **error)
{
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(ShtatCentreProfile) stored = NULL;
  g_autoptr(ShtatPayGrid) grid = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  shtat_demo_build (today, &centres, &employees);
  if (!shtat_store_import (store, centres, employees, NULL, error))
    return FALSE;

  stored = shtat_store_load_centre_profile (store, DEMO_CENTRE_CODE, error);
  if (stored == NULL)
    return FALSE;
  if (stored->appeals->len == 0)
    {
      g_autoptr(ShtatCentreProfile) profile = shtat_demo_build_profile (today);

      if (!shtat_store_save_centre_profile (store, profile, error))
        return FALSE;
    }

  grid = shtat_store_load_pay_grid (store, error);
  if (grid == NULL)
    return FALSE;
  if (shtat_pay_grid_get_bases (grid)->len == 0 && shtat_pay_grid_get_coefficients (grid)->len == 0
      && shtat_pay_grid_get_positions (grid)->len == 0)
    {
      g_autoptr(ShtatPayGrid) sample = shtat_demo_build_pay_grid ();

      if (!shtat_store_save_pay_grid (store, sample, error))
        return FALSE;
    }
  return TRUE;
}
