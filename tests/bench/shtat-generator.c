/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-generator"

#include "config.h"

#include <string.h>

#include "shtat-generator.h"

/* ------------------------------------------------------------------------ */
/* A small PRNG of our own (splitmix64), so that the data does not change  */
/* with the GLib version.                                                   */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* 0 … n − 1 */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n == 0 ? 0 : (guint) (rng_next (rng) % n);
}

/* lo … hi, both included */
static guint
rng_range (Rng   *rng,
           guint  lo,
           guint  hi)
{
  return lo + rng_below (rng, hi - lo + 1);
}

static gboolean
rng_percent (Rng   *rng,
             guint  percent)
{
  return rng_below (rng, 100) < percent;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* ------------------------------------------------------------------------ */
/* Vocabulary                                                               */

static const char * const surnames[][2] = {
  { "Ахметов", "Ахметова" }, { "Жумабаев", "Жумабаева" }, { "Серикбаев", "Серикбаева" },
  { "Нурланов", "Нурланова" }, { "Касымов", "Касымова" }, { "Оспанов", "Оспанова" },
  { "Абенов", "Абенова" }, { "Тулегенов", "Тулегенова" }, { "Смагулов", "Смагулова" },
  { "Бекмуханов", "Бекмуханова" }, { "Искаков", "Искакова" }, { "Муканов", "Муканова" },
  { "Әбілқасымов", "Әбілқасымова" }, { "Нұрғалиев", "Нұрғалиева" },
  { "Сәрсенбаев", "Сәрсенбаева" }, { "Жақсылықов", "Жақсылықова" },
  { "Қайратұлы", "Қайратқызы" }, { "Тоқтарұлы", "Тоқтарқызы" },
  { "Иванов", "Иванова" }, { "Петров", "Петрова" }, { "Кузнецов", "Кузнецова" },
  { "Попов", "Попова" }, { "Ким", "Ким" }, { "Ли", "Ли" }, { "Шевченко", "Шевченко" },
};

static const char * const male_names[] = {
  "Ерлан", "Серік", "Нұрлан", "Арман", "Бауыржан", "Данияр", "Асхат", "Марат", "Ержан",
  "Қайрат", "Алексей", "Сергей", "Дмитрий", "Андрей", "Тимур", "Руслан",
};

static const char * const female_names[] = {
  "Айгерім", "Динара", "Гүлнар", "Жанар", "Әсел", "Мадина", "Салтанат", "Аружан", "Ольга",
  "Елена", "Татьяна", "Наталья", "Айжан", "Сәуле", "Камила", "Дана",
};

static const char * const patronymics[][2] = {
  { "Болатұлы", "Болатқызы" }, { "Серікұлы", "Серікқызы" }, { "Нұрланұлы", "Нұрланқызы" },
  { "Асқарұлы", "Асқарқызы" }, { "Маратович", "Маратовна" }, { "Ерланович", "Ерлановна" },
  { "Сергеевич", "Сергеевна" }, { "Александрович", "Александровна" },
  { "Кайратович", "Кайратовна" }, { "Викторович", "Викторовна" },
};

static const char * const regions[][2] = {
  { "г. Астана", "Астана қ." }, { "г. Алматы", "Алматы қ." }, { "г. Шымкент", "Шымкент қ." },
  { "Абайская область", "Абай облысы" }, { "Акмолинская область", "Ақмола облысы" },
  { "Актюбинская область", "Ақтөбе облысы" }, { "Алматинская область", "Алматы облысы" },
  { "Атырауская область", "Атырау облысы" },
  { "Восточно-Казахстанская область", "Шығыс Қазақстан облысы" },
  { "Жамбылская область", "Жамбыл облысы" }, { "Жетысуская область", "Жетісу облысы" },
  { "Западно-Казахстанская область", "Батыс Қазақстан облысы" },
  { "Карагандинская область", "Қарағанды облысы" },
  { "Костанайская область", "Қостанай облысы" },
  { "Кызылординская область", "Қызылорда облысы" },
  { "Мангистауская область", "Маңғыстау облысы" },
  { "Павлодарская область", "Павлодар облысы" },
  { "Северо-Казахстанская область", "Солтүстік Қазақстан облысы" },
  { "Туркестанская область", "Түркістан облысы" }, { "Улытауская область", "Ұлытау облысы" },
};

static const char * const institutions[] = {
  "КазНУ им. аль-Фараби", "ЕНУ им. Л. Н. Гумилева", "КарУ им. Е. А. Букетова",
  "ЮКУ им. М. Ауэзова", "КазНПУ им. Абая", "ЗКУ им. М. Утемисова",
  "Медицинский колледж г. Шымкента", "Гуманитарный колледж г. Астаны",
};

/* Specialties as written on diplomas, by field (-1: not classified). */
static const struct
{
  int         field;
  const char *specialty;
} specialties[] = {
  { SHTAT_FIELD_SOCIAL_WORK, "Социальная работа" },
  { SHTAT_FIELD_SOCIAL_WORK, "Социальная работа" },
  { SHTAT_FIELD_SOCIAL, "Социальная педагогика и самопознание" },
  { SHTAT_FIELD_PSYCHOLOGY, "Психология" },
  { SHTAT_FIELD_PEDAGOGY, "Педагогика и психология" },
  { SHTAT_FIELD_MEDICINE, "Общая медицина" },
  { SHTAT_FIELD_NURSING, "Сестринское дело" },
  { SHTAT_FIELD_LAW, "Юриспруденция" },
  { SHTAT_FIELD_ECONOMICS, "Учёт и аудит" },
  { SHTAT_FIELD_HUMANITIES, "Казахский язык и литература" },
  { SHTAT_FIELD_PRESCHOOL, "Дошкольное обучение и воспитание" },
  { -1, "Информатика" },
  { -1, "Агрономия" },
};

/* Posts of the norm data with their ladder (003 §1–§12; 003 ¶2 for the posts
 * set by other acts, which have none), weighted by how often centres have them. */
#define ALL_CATEGORIES 0xF
#define CAT(c) (1u << (c))

static const struct
{
  const char *code;
  int         levels[2];
  guint       n_levels;
  guint       categories;   /* 1 << ShtatCategory */
  guint       weight;
} posts[] = {
  { "social-worker", { SHTAT_LEVEL_HIGHER, SHTAT_LEVEL_MEDIUM }, 2, ALL_CATEGORIES, 40 },
  { "social-work-specialist", { SHTAT_LEVEL_HIGHER, SHTAT_LEVEL_MEDIUM }, 2, ALL_CATEGORIES, 15 },
  { "case-manager", { SHTAT_LEVEL_HIGHER }, 1, ALL_CATEGORIES, 10 },
  { "psychologist", { SHTAT_LEVEL_SINGLE }, 1,
    CAT (SHTAT_CATEGORY_FIRST) | CAT (SHTAT_CATEGORY_SECOND) | CAT (SHTAT_CATEGORY_NONE), 8 },
  { "director", { SHTAT_LEVEL_SINGLE }, 1, CAT (SHTAT_CATEGORY_NONE), 1 },
  { "deputy-director", { SHTAT_LEVEL_SINGLE }, 1, CAT (SHTAT_CATEGORY_NONE), 1 },
  { "head-of-unit", { SHTAT_LEVEL_SINGLE }, 1, CAT (SHTAT_CATEGORY_NONE), 3 },
  { "lawyer", { SHTAT_LEVEL_SINGLE }, 1, CAT (SHTAT_CATEGORY_NONE), 2 },
  { "prevention-specialist", { SHTAT_LEVEL_SINGLE }, 1, CAT (SHTAT_CATEGORY_NONE), 3 },
  { "accountant", { 0 }, 0, 0, 3 },
  { "driver", { 0 }, 0, 0, 3 },
  { "cleaner", { 0 }, 0, 0, 3 },
  { "watchman", { 0 }, 0, 0, 2 },
};

/* Posts held elsewhere, as people write them. */
static const struct
{
  const char  *position;
  ShtatSector  sector;
  const char  *organisation;
  gboolean     managerial;
} other_posts[] = {
  { "учитель", SHTAT_SECTOR_EDUCATION, "Школа-гимназия № 5", FALSE },
  { "воспитатель", SHTAT_SECTOR_EDUCATION, "Ясли-сад «Балдырған»", FALSE },
  { "заместитель директора по воспитательной работе", SHTAT_SECTOR_EDUCATION,
    "Средняя школа № 12", TRUE },
  { "медицинская сестра", SHTAT_SECTOR_HEALTH, "Городская поликлиника № 3", FALSE },
  { "фельдшер", SHTAT_SECTOR_HEALTH, "Станция скорой помощи", FALSE },
  { "заведующая отделением", SHTAT_SECTOR_HEALTH, "Областная больница", TRUE },
  { "инспектор", SHTAT_SECTOR_EMPLOYMENT, "Центр трудовой мобильности", FALSE },
  { "консультант", SHTAT_SECTOR_EMPLOYMENT, "Центр занятости населения", FALSE },
  { "инспектор по делам несовершеннолетних", SHTAT_SECTOR_LAW_ENFORCEMENT,
    "Управление полиции", FALSE },
  { "специалист отдела", SHTAT_SECTOR_SOCIAL_PROTECTION,
    "Отдел занятости и социальных программ", FALSE },
  { "руководитель отдела", SHTAT_SECTOR_SOCIAL_PROTECTION,
    "Управление координации занятости и социальных программ", TRUE },
  { "бухгалтер", SHTAT_SECTOR_OTHER, "АО «Казпочта»", FALSE },
  { "менеджер по продажам", SHTAT_SECTOR_OTHER, "ТОО «Астана Сервис»", FALSE },
};

static const int rates[] = { 100, 100, 100, 100, 100, 100, 50, 50, 25, 75, 150 };

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

void
shtat_generator_get_reference_date (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, 2025);
}

static GDate
julian_date (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return date;
}

static guint32
julian_dmy (guint day,
            guint month,
            guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static guint
pick_post (Rng *rng)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    total += posts[i].weight;
  r = rng_below (rng, total);
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      if (r < posts[i].weight)
        return i;
      r -= posts[i].weight;
    }
  g_assert_not_reached ();
}

/* A level and a category the post has, or -1 for those it has none of. */
static void
pick_ladder (Rng   *rng,
             guint  post,
             int   *level,
             int   *category)
{
  guint n = 0;
  int chosen = -1;

  *level = posts[post].n_levels > 0 ? posts[post].levels[rng_below (rng, posts[post].n_levels)] : -1;
  for (int c = 0; c < SHTAT_N_CATEGORIES; c++)
    if (posts[post].categories & CAT (c) && rng_below (rng, ++n) == 0)
      chosen = c;
  *category = chosen;
}

/* A unique valid IIN for @birth and @sex (Decree 565: YYMMDD, the century and
 * sex digit, a serial, the check digit). */
static void
make_iin (Rng         *rng,
          GHashTable  *used,
          const GDate *birth,
          ShtatSex     sex,
          char        *out)
{
  guint year = g_date_get_year (birth);
  guint century = year >= 2000 ? 5 : 3;
  guint serial = rng_below (rng, 10000);

  if (sex == SHTAT_SEX_FEMALE)
    century++;
  for (;;)
    {
      int check;

      g_snprintf (out, SHTAT_IIN_LENGTH + 1, "%02u%02u%02u%u%04u0", year % 100,
                  (guint) g_date_get_month (birth), (guint) g_date_get_day (birth), century,
                  serial);
      check = shtat_iin_check_digit (out);
      if (check >= 0)
        {
          out[11] = (char) ('0' + check);
          if (g_hash_table_add (used, g_strdup (out)))
            return;
        }
      serial = (serial + 1) % 10000;
    }
}

static ShtatCentre *
make_centre (guint i)
{
  ShtatCentre *centre = shtat_centre_new ();
  guint r = i % G_N_ELEMENTS (regions);

  centre->code = g_strdup_printf ("fsc-%03u", i + 1);
  centre->name_ru = g_strdup_printf ("Центр поддержки семьи № %u (%s)", i + 1, regions[r][0]);
  centre->name_kk = g_strdup_printf ("№ %u отбасын қолдау орталығы (%s)", i + 1, regions[r][1]);
  centre->district = g_strdup (regions[r][0]);
  centre->akimat = g_strdup_printf ("Акимат: %s", regions[r][0]);
  return centre;
}

/* 1–3 records; returns the year of the first. */
static guint
add_education (Rng           *rng,
               ShtatEmployee *e,
               guint          birth_year,
               guint          last_year)
{
  guint n = rng_range (rng, 1, 3);
  gboolean higher = rng_percent (rng, 65);
  guint year = birth_year + (higher ? rng_range (rng, 21, 24) : rng_range (rng, 19, 20));
  guint first_year;
  char diploma[32];

  year = MIN (year, last_year);
  first_year = year;
  for (guint i = 0; i < n && year <= last_year; i++)
    {
      ShtatEducation ed = { 0 };
      guint s = rng_below (rng, G_N_ELEMENTS (specialties));

      if (i == 0)
        ed.level = higher ? SHTAT_EDUCATION_HIGHER
                          : PICK (rng, ((const ShtatEducationLevel[]) {
                              SHTAT_EDUCATION_SECONDARY_SPECIALISED,
                              SHTAT_EDUCATION_SECONDARY_VOCATIONAL,
                              SHTAT_EDUCATION_POST_SECONDARY }));
      else
        ed.level = higher && rng_percent (rng, 40) ? SHTAT_EDUCATION_POSTGRADUATE
                                                   : SHTAT_EDUCATION_HIGHER;
      ed.field = specialties[s].field;
      ed.specialty = (char *) specialties[s].specialty;
      ed.relevant = ed.field == SHTAT_FIELD_SOCIAL_WORK && rng_percent (rng, 50);
      ed.institution = (char *) PICK (rng, institutions);
      g_snprintf (diploma, sizeof diploma, "ЖБ-%s %07u", higher ? "Б" : "Т",
                  (guint) rng_below (rng, 10000000));
      ed.diploma = diploma;
      /* some diplomas are recorded without their year */
      ed.year = rng_percent (rng, 3) ? 0 : year;
      shtat_employee_add_education (e, &ed);
      higher = TRUE;
      year += rng_range (rng, 2, 6);
    }
  return first_year;
}

static void
add_periods (Rng               *rng,
             ShtatEmployee     *e,
             const ShtatCentre *centre,
             guint32            start,
             guint32            end)
{
  guint n = rng_range (rng, 3, 7);
  guint32 span = end - start;
  guint32 cuts[8];
  guint post;
  int level, category;
  ShtatAssignment a = { 0 };

  /* n periods: cut points spread over the career, each a little off even */
  cuts[0] = 0;
  for (guint k = 1; k < n; k++)
    {
      guint32 even = span * k / n;
      guint32 jitter = span / (4 * n);
      guint32 cut = even - jitter + rng_below (rng, 2 * jitter + 1);

      cuts[k] = CLAMP (cut, cuts[k - 1] + 1, span - (n - k));
    }

  for (guint k = 0; k < n; k++)
    {
      ShtatWorkPeriod p = { 0 };
      gboolean last = k == n - 1;
      guint32 from = start + cuts[k];

      p.from = julian_date (from);
      if (last)
        g_date_clear (&p.to, 1);
      else
        {
          guint32 to = start + cuts[k + 1] - 1;
          guint32 gap = rng_percent (rng, 20) ? rng_below (rng, MIN (60, (to - from) / 3) + 1) : 0;

          p.to = julian_date (to - gap);
        }

      if (last || rng_percent (rng, 45))
        {
          /* a post of the norm data, at a centre or in social protection */
          post = pick_post (rng);
          pick_ladder (rng, post, &level, &category);
          p.position = (char *) posts[post].code;
          p.level = level;
          p.category = category;
          p.sector = SHTAT_SECTOR_SOCIAL_PROTECTION;
          p.organisation = last ? centre->name_ru : (char *) "Центр оказания специальных социальных услуг";
          p.managerial = g_str_equal (p.position, "director")
                         || g_str_equal (p.position, "deputy-director")
                         || g_str_equal (p.position, "head-of-unit");
        }
      else
        {
          guint o = rng_below (rng, G_N_ELEMENTS (other_posts));

          p.position = (char *) other_posts[o].position;
          p.sector = other_posts[o].sector;
          p.organisation = (char *) other_posts[o].organisation;
          p.managerial = other_posts[o].managerial;
          p.level = -1;
          p.category = -1;
        }
      shtat_employee_add_period (e, &p);

      if (last)
        {
          a.centre_code = centre->code;
          a.position = p.position;
          a.level = p.level;
          a.category = p.category;
          a.rate = PICK (rng, rates);
          a.from = p.from;
          g_date_clear (&a.to, 1);
          shtat_employee_add_assignment (e, &a);
        }
    }
}

/* ------------------------------------------------------------------------ */

/* @n_employees files spread over @n_centres centres (returned in
 * @out_centres, which may be NULL), the same for the same @seed. */
GPtrArray *
shtat_generate_employees (guint       n_centres,
                          guint       n_employees,
                          guint32     seed,
                          GPtrArray **out_centres)
{
  g_autoptr(GPtrArray) centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  g_autoptr(GPtrArray) employees = g_ptr_array_new_full (n_employees,
                                                         (GDestroyNotify) shtat_employee_unref);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Rng rng = { seed };
  GDate reference;
  guint32 end;

  g_return_val_if_fail (n_centres > 0, NULL);

  shtat_generator_get_reference_date (&reference);
  end = g_date_get_julian (&reference);

  for (guint i = 0; i < n_centres; i++)
    g_ptr_array_add (centres, make_centre (i));

  for (guint i = 0; i < n_employees; i++)
    {
      ShtatEmployee *e = shtat_employee_new ();
      const ShtatCentre *centre = g_ptr_array_index (centres, rng_below (&rng, n_centres));
      ShtatSex sex = rng_percent (&rng, 78) ? SHTAT_SEX_FEMALE : SHTAT_SEX_MALE;
      int s = sex == SHTAT_SEX_FEMALE ? 1 : 0;
      guint32 birth = julian_dmy (1, 1, 1962) + rng_below (&rng, julian_dmy (31, 12, 2000)
                                                                  - julian_dmy (1, 1, 1962) + 1);
      guint birth_year;
      guint first_year;
      guint32 start;

      e->birth_date = julian_date (birth);
      e->sex = sex;
      birth_year = g_date_get_year (&e->birth_date);
      make_iin (&rng, used, &e->birth_date, sex, e->iin);
      e->surname = g_strdup (PICK (&rng, surnames)[s]);
      e->name = g_strdup (sex == SHTAT_SEX_FEMALE ? PICK (&rng, female_names)
                                                  : PICK (&rng, male_names));
      if (rng_percent (&rng, 92))
        e->patronymic = g_strdup (PICK (&rng, patronymics)[s]);

      first_year = add_education (&rng, e, birth_year, 2024);

      /* the first job in the summer or autumn after the first diploma, and at
       * least 120 days before the reference date */
      start = julian_dmy (rng_range (&rng, 1, 28), rng_range (&rng, 7, 10), first_year);
      start = MIN (start, end - 120);

      if (rng_percent (&rng, 30))
        {
          guint32 issued = start + rng_below (&rng, end - start + 1);
          ShtatCertificate c = {
            .kind = (char *) "social-training",
            .number = NULL,
            .issued = julian_date (issued),
          };
          char number[32];

          g_snprintf (number, sizeof number, "СП-%06u", (guint) rng_below (&rng, 1000000));
          c.number = number;
          g_date_clear (&c.expires, 1);
          if (rng_percent (&rng, 50))
            {
              c.expires = c.issued;
              g_date_add_years (&c.expires, 5);
            }
          shtat_employee_add_certificate (e, &c);
        }

      add_periods (&rng, e, centre, start, end);
      g_ptr_array_add (employees, e);
    }

  if (out_centres != NULL)
    *out_centres = g_steal_pointer (&centres);
  return g_steal_pointer (&employees);
}
