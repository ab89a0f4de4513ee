/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-schedule-documents"

/* The staffing schedule as documents: the PDF read back with pdftotext and
 * pdfinfo (poppler-utils), the XLSX unzipped and read cell by cell with libxml2.
 *
 * The schedule is the centre table at 60 appeals and 1 vehicle (25.5 units,
 * digest §2.1; the lines as in test-schedule.c) with SAMPLE salaries made up
 * for the test, not figures of Decree 1193. Sums are multiplied out by hand in
 * the comments below. */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *library;
static const ShtatNormTable *fsc;

#define CENTRE_KK "Алматы қаласы Бостандық ауданының отбасын қолдау орталығы"
#define CENTRE_RU "Центр поддержки семьи Бостандыкского района города Алматы"
#define AKIMAT    "Алматы қаласы Бостандық ауданының әкімдігі"
#define SIGNATORY "Сейітқалиев Ә. Б."

/* SAMPLE salaries per full unit, tiyn, by position; allowances only for the
 * psychologist. Units at 60 appeals, 1 vehicle (000 App, column 51–100). */
static const struct
{
  const char *position;
  int         units;
  gint64      salary;
  gint64      allowances;
} pay[] = {
  { "director", 100, 45000000, 0 },                   /* 1 × 450 000,00 = 450 000,00 */
  { "deputy-director", 100, 40000000, 0 },            /* 1 × 400 000,00 = 400 000,00 */
  { "chief-accountant", 100, 38000000, 0 },           /* 1 × 380 000,00 = 380 000,00 */
  { "head-of-unit", 200, 25000000, 0 },               /* 2 × 250 000,00 = 500 000,00 */
  { "hr-inspector", 100, 25000000, 0 },               /* 250 000,00 */
  { "procurement-manager", 100, 25000000, 0 },        /* 250 000,00 */
  { "social-worker", 200, 25000000, 0 },              /* 500 000,00 */
  { "psychologist", 200, 25000000, 2500050 },         /* 2 × 275 000,50 = 550 001,00 */
  { "lawyer", 200, 25000000, 0 },                     /* 500 000,00 */
  { "media-specialist", 100, 25000000, 0 },           /* 250 000,00 */
  { "analytics-specialist", 100, 25000000, 0 },       /* 250 000,00 */
  { "it-security-specialist", 100, 25000000, 0 },     /* 250 000,00 */
  { "prevention-specialist", 200, 25000000, 0 },      /* 500 000,00 */
  { "driver", 100, 15000000, 0 },                     /* 150 000,00 */
  { "watchman", 100, 15000000, 0 },                   /* 150 000,00 */
  { "cleaner", 0, 12000000, 0 },                      /* 0 units: 0 */
  { "yard-keeper", 0, 12000000, 0 },                  /* 0 units: 0 */
  /* 2.5 × 250 000,01 = 625 000,025 → half up to a tiyn: 625 000,03 */
  { "social-work-specialist", 250, 25000001, 0 },
  { "case-manager", 300, 25000000, 0 },               /* 3 × 250 000,00 = 750 000,00 */
};

/* Administration: director, deputy, chief accountant, head of unit (2), HR,
 *   procurement, IT security, driver, watchman, cleaner (0), yard keeper (0)
 *   = 10 units; 450 000 + 400 000 + 380 000 + 500 000 + 250 000 × 3
 *   + 150 000 × 2 = 2 780 000,00.
 * Consultation: social worker (2), psychologist (2), lawyer (2), social-work
 *   specialist (2.5), case manager (3) = 11.5 units; 500 000 + 550 001
 *   + 500 000 + 625 000,03 + 750 000 = 2 925 001,03.
 * Methodology: media (1), analytics (1), prevention (2) = 4 units; 1 000 000,00.
 * Total: 25.5 units; 2 780 000 + 2 925 001,03 + 1 000 000 = 6 705 001,03 a
 * month; × 12 = 80 460 012,36 a year. */
#define TOTAL_UNITS  2550
#define MONTHLY      670500103
#define ANNUAL       8046001236
#define MONTHLY_TEXT "6 705 001,03"
#define ANNUAL_TEXT  "80 460 012,36"

static const struct
{
  int    units;
  gint64 fund;
} expected_groups[] = {
  { 1000, 278000000 },
  { 1150, 292500103 },
  { 400, 100000000 },
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static guint
line_of (const ShtatSchedule *s,
         const char          *position)
{
  for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
    if (g_strcmp0 (shtat_schedule_get_line (s, i)->position, position) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static ShtatSchedule *
centre_schedule (gboolean approve)
{
  g_autoptr(ShtatSchedule) s = NULL;
  ShtatDrivers d;
  GError *error = NULL;

  shtat_drivers_init (&d);
  shtat_drivers_set (&d, SHTAT_DRIVER_APPEALS, 60);
  shtat_drivers_set (&d, SHTAT_DRIVER_VEHICLES, 1);
  d.as_of = shtat_test_date (2026, 1, 15);
  s = shtat_schedule_new_from_minimum (library, fsc, &d, NULL, NULL, &error);
  shtat_test_ok (s != NULL, error);
  g_assert_cmpuint (shtat_schedule_get_n_lines (s), ==, G_N_ELEMENTS (pay));

  shtat_test_ok (shtat_schedule_set_centre (s, "almaty-bostandyk", &error), error);
  for (guint i = 0; i < G_N_ELEMENTS (pay); i++)
    {
      guint index = line_of (s, pay[i].position);

      g_assert_cmpint (shtat_schedule_get_line (s, index)->units, ==, pay[i].units);
      shtat_test_ok (shtat_schedule_set_line_salary (s, index, pay[i].salary, &error), error);
      shtat_test_ok (shtat_schedule_set_line_allowances (s, index, pay[i].allowances, &error), error);
    }
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "cleaner"), "Typical norms, Labour Code art. 101(7)", &error), error);
  shtat_test_ok (shtat_schedule_set_line_reference (s, line_of (s, "yard-keeper"), "Typical norms, Labour Code art. 101(7)", &error), error);

  if (approve)
    {
      ShtatApproval a = { 0 };

      a.akimat = AKIMAT;
      a.order_number = "214-п";
      a.order_date = shtat_test_date (2026, 1, 20);
      a.signatory = SIGNATORY;
      a.effective = shtat_test_date (2026, 2, 1);
      shtat_test_ok (shtat_schedule_submit (s, library, fsc, &error), error);
      shtat_test_ok (shtat_schedule_approve (s, library, fsc, NULL, &a, NULL, &error), error);
    }
  return g_steal_pointer (&s);
}

/* The position's name as the act's table gives it in @lang. */
static char *
row_name (const char *position,
          ShtatLang   lang)
{
  for (guint s = 0; s < fsc->sections->len; s++)
    {
      const ShtatSection *section = g_ptr_array_index (fsc->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const ShtatNormRow *row = g_ptr_array_index (section->rows, r);

          if (g_str_equal (row->position, position))
            return shtat_capitalize_first (shtat_text_get_lang (&row->name, lang));
        }
    }
  g_assert_not_reached ();
  return NULL;
}

/* The program, or a clear failure: poppler-utils and unzip are installed by
 * build-aux/quickstart. */
static char *
require_program (const char *name,
                 const char *package)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_fail_printf ("“%s” is not installed: install the Debian package %s "
                        "(build-aux/quickstart does) to check the documents", name, package);
  return path;
}

/* Standard output of a program that must succeed. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

#define assert_contains(haystack, needle)                                              \
  G_STMT_START                                                                         \
  {                                                                                    \
    if (strstr ((haystack), (needle)) == NULL)                                         \
      g_error ("“%s” not found in:\n%s", (needle), (haystack));                        \
  }                                                                                    \
  G_STMT_END

/* Without any white space (no-break spaces included), so that a name wrapped
 * in its cell, after a space, a hyphen or a slash, reads as one. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

#define assert_contains_squashed(haystack, needle)                                     \
  G_STMT_START                                                                         \
  {                                                                                    \
    g_autofree char *squashed_ = squash (needle);                                      \
    assert_contains ((haystack), squashed_);                                           \
  }                                                                                    \
  G_STMT_END

typedef struct
{
  char  *layout;   /* pdftotext -layout, no-break spaces as spaces */
  char  *raw;      /* pdftotext -raw without white space */
  guint  pages;
} PdfText;

static void
pdf_text_clear (PdfText *t)
{
  g_free (t->layout);
  g_free (t->raw);
}

/* Pages @first to @last (0: all) of a PDF as text, and its page count. */
static gboolean
read_pdf (const char *path,
          guint       first,
          guint       last,
          PdfText    *out)
{
  g_autofree char *pdftotext = require_program ("pdftotext", "poppler-utils");
  g_autofree char *pdfinfo = require_program ("pdfinfo", "poppler-utils");
  g_autofree char *f = g_strdup_printf ("%u", first != 0 ? first : 1);
  g_autofree char *l = g_strdup_printf ("%u", last);
  g_autofree char *info = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) split = NULL;
  const char *pages;

  if (pdftotext == NULL || pdfinfo == NULL)
    return FALSE;

  {
    const char *argv_info[] = { pdfinfo, path, NULL };
    const char *argv_layout[] = { pdftotext, "-layout", "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL };
    const char *argv_raw[] = { pdftotext, "-raw", "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL };

    if (last == 0)
      {
        /* -l 0 would be page 0: leave the range out */
        argv_layout[4] = argv_raw[4] = path;
        argv_layout[5] = argv_raw[5] = "-";
        argv_layout[6] = argv_raw[6] = NULL;
      }
    info = run (argv_info);
    layout = run (argv_layout);
    raw = run (argv_raw);
  }

  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  out->pages = (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
  split = g_strsplit (layout, "\u00a0", -1);
  out->layout = g_strjoinv (" ", split);
  out->raw = squash (raw);
  return TRUE;
}

/* The line of @text that contains @needle. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);
  const char *start, *end;

  if (at == NULL)
    return NULL;
  for (start = at; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (at, '\n');
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

/* ------------------------------------------------------------------------ */
/* PDF                                                                      */

typedef struct
{
  ShtatLang   lang;
  const char *centre;
  const char *approve;
  const char *order;
  const char *effective;
  const char *title;
  const char *units;         /* structural units as the document names them */
  const char *total;
  const char *annual;
  const char *page;          /* "Бет" */
  const char *header;        /* a column heading */
} PdfCase;

static const PdfCase pdf_kk = {
  SHTAT_LANG_KK, CENTRE_KK, "БЕКІТЕМІН", "20.01.2026 ж. № 214-п бұйрық",
  "01.02.2026 бастап қолданысқа енгізіледі", "ШТАТ КЕСТЕСІ", "Әкімшілік",
  "Штат кестесі бойынша барлығы", "Жылдық еңбекақы қоры", "Бет", "Лауазым",
};

static const PdfCase pdf_ru = {
  SHTAT_LANG_RU, CENTRE_RU, "УТВЕРЖДАЮ", "Приказ от 20.01.2026 № 214-п",
  "Вводится в действие с 01.02.2026", "ШТАТНОЕ РАСПИСАНИЕ", "Администрация",
  "Всего по штатному расписанию", "Годовой фонд оплаты труда", "Страница", "Должность",
};

static void
test_pdf_approved (gconstpointer data)
{
  const PdfCase *c = data;
  g_autoptr(ShtatSchedule) s = centre_schedule (TRUE);
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "schedule.pdf", NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *total = NULL;
  g_autofree char *annual = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *last_page = NULL;
  g_autoptr(GError) error = NULL;
  PdfText t = { 0 };

  g_assert_true (shtat_schedule_write_pdf (s, library, c->centre, c->lang, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  if (!read_pdf (path, 0, 0, &t))
    goto out;

  g_assert_cmpuint (t.pages, >=, 1);

  /* the approval block and the title */
  assert_contains (t.layout, c->approve);
  assert_contains_squashed (t.raw, AKIMAT);
  assert_contains (t.layout, SIGNATORY);
  assert_contains (t.layout, c->order);
  assert_contains (t.layout, c->title);
  assert_contains_squashed (t.raw, c->centre);
  assert_contains (t.layout, c->effective);
  /* an approved version is not marked as a draft */
  g_assert_null (strstr (t.layout, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_DRAFT, c->lang)));

  /* every line, named in the document's language */
  for (guint i = 0; i < G_N_ELEMENTS (pay); i++)
    {
      g_autofree char *name = row_name (pay[i].position, c->lang);

      assert_contains_squashed (t.raw, name);
    }
  assert_contains_squashed (t.raw, c->units);
  assert_contains (t.layout, "450 000,00");
  assert_contains (t.layout, "25 000,50");    /* the psychologist's allowances */
  assert_contains (t.layout, "625 000,03");   /* 2.5 × 250 000,01, rounded once */

  /* subtotals: 10, 11.5 and 4 units */
  assert_contains (t.layout, "2 780 000,00");
  assert_contains (t.layout, "2 925 001,03");
  assert_contains (t.layout, "1 000 000,00");

  /* totals on their own rows */
  total = line_with (t.layout, c->total);
  g_assert_nonnull (total);
  assert_contains (total, "25,5");
  assert_contains (total, MONTHLY_TEXT);
  annual = line_with (t.layout, c->annual);
  g_assert_nonnull (annual);
  assert_contains (annual, ANNUAL_TEXT);

  /* "Бет 1 / N" on the first page, "N / N" on the last */
  first_page = g_strdup_printf ("%s 1 / %u", c->page, t.pages);
  last_page = g_strdup_printf ("%s %u / %u", c->page, t.pages, t.pages);
  assert_contains (t.layout, first_page);
  assert_contains (t.layout, last_page);

  /* the signature lines */
  assert_contains (t.layout, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_DIRECTOR, c->lang));
  assert_contains (t.layout, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_CHIEF_ACCOUNTANT, c->lang));

out:
  pdf_text_clear (&t);
}

/* A draft: lines to fill in instead of the order, and the draft mark. */
static void
test_pdf_draft (void)
{
  static const struct
  {
    ShtatLang   lang;
    const char *mark;
    const char *approve;
    const char *blank;
  } cases[] = {
    { SHTAT_LANG_RU, "ПРОЕКТ", "УТВЕРЖДАЮ", "Приказ от «___» ____________ 20___ г. № ________" },
    { SHTAT_LANG_KK, "ЖОБА", "БЕКІТЕМІН", "«___» ____________ 20___ ж. № ________ бұйрық" },
    { SHTAT_LANG_EN, "DRAFT", "APPROVED", "Order No. ________" },
  };
  g_autoptr(ShtatSchedule) s = centre_schedule (FALSE);
  const char *dir = shtat_test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, "draft.pdf", NULL);
      g_autoptr(GError) error = NULL;
      PdfText t = { 0 };

      g_assert_true (shtat_schedule_write_pdf (s, library, NULL, cases[i].lang, path, &error));
      g_assert_no_error (error);
      if (!read_pdf (path, 0, 0, &t))
        break;
      assert_contains (t.layout, cases[i].mark);
      assert_contains (t.layout, cases[i].approve);
      assert_contains (t.layout, cases[i].blank);
      g_assert_null (strstr (t.layout, "214-п"));
      /* without a name given, the centre as the schedule records it */
      assert_contains (t.layout, "almaty-bostandyk");
      pdf_text_clear (&t);
    }
}

/* A superseded version keeps its approval and says it is no longer in force. */
static void
test_pdf_superseded (void)
{
  g_autoptr(ShtatSchedule) first = centre_schedule (TRUE);
  g_autoptr(ShtatSchedule) second = shtat_schedule_copy_as_draft (first);
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "superseded.pdf", NULL);
  g_autoptr(GError) error = NULL;
  ShtatApproval a = { 0 };
  PdfText t = { 0 };
  GError *e = NULL;

  a.akimat = AKIMAT;
  a.order_number = "301-п";
  a.order_date = shtat_test_date (2026, 6, 1);
  a.signatory = SIGNATORY;
  a.effective = shtat_test_date (2026, 7, 1);
  shtat_test_ok (shtat_schedule_submit (second, library, fsc, &e), e);
  shtat_test_ok (shtat_schedule_approve (second, library, fsc, NULL, &a, first, &e), e);
  g_assert_cmpint (shtat_schedule_get_status (first), ==, SHTAT_SCHEDULE_SUPERSEDED);

  g_assert_true (shtat_schedule_write_pdf (first, library, CENTRE_RU, SHTAT_LANG_RU, path, &error));
  g_assert_no_error (error);
  if (read_pdf (path, 0, 0, &t))
    {
      assert_contains (t.layout, "УТРАТИЛО СИЛУ");
      assert_contains (t.layout, "Приказ от 20.01.2026 № 214-п");
      g_assert_null (strstr (t.layout, "ПРОЕКТ"));
    }
  pdf_text_clear (&t);
}

/* 80 lines do not fit on a page: the header is repeated on the next ones, and
 * every page is numbered "N / M". */
static void
test_pdf_pages (void)
{
  g_autoptr(ShtatSchedule) s = shtat_schedule_new ();
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *page2 = NULL;
  g_autoptr(GError) error = NULL;
  PdfText all = { 0 };
  PdfText second = { 0 };
  GError *e = NULL;

  shtat_test_ok (shtat_schedule_set_centre (s, "long", &e), e);
  shtat_test_ok (shtat_schedule_set_table (s, "fsc", &e), e);
  /* 80 lines of 1 unit at 100 000,00 in 4 units of 20: 80 units, 8 000 000,00 */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *unit = g_strdup_printf ("Отдел № %u", i / 20 + 1);

      shtat_test_ok (shtat_schedule_add_line (s, unit, i % 2 == 0 ? "psychologist" : "lawyer", "B2-3", 100,
                                   10000000, 0, &e), e);
    }

  g_assert_true (shtat_schedule_write_pdf (s, library, CENTRE_RU, SHTAT_LANG_RU, path, &error));
  g_assert_no_error (error);
  if (!read_pdf (path, 0, 0, &all) || !read_pdf (path, 2, 2, &second))
    goto out;

  g_assert_cmpuint (all.pages, >=, 2);
  page2 = g_strdup_printf ("Страница 2 / %u", all.pages);
  /* page 2 has the table's header, its own number, and lines */
  assert_contains (second.layout, "Должность");
  assert_contains (second.layout, "Структурное подразделение");
  assert_contains (second.layout, page2);
  assert_contains_squashed (second.raw, "Юрист");
  /* the approval block and the title are on page 1 only */
  g_assert_null (strstr (second.layout, "УТВЕРЖДАЮ"));
  /* the totals */
  assert_contains (all.layout, "80");
  assert_contains (all.layout, "8 000 000,00");
  assert_contains (all.layout, "96 000 000,00");

out:
  pdf_text_clear (&all);
  pdf_text_clear (&second);
}

/* ------------------------------------------------------------------------ */
/* Pages drawn on any cairo context (printing)                              */

#define MM_PT (72.0 / 25.4)
#define LETTER_LANDSCAPE_WIDTH  792.0
#define LETTER_LANDSCAPE_HEIGHT 612.0

/* @n lines of 1 unit at 100 000,00 in units of 20 lines, each with a grade
 * found nowhere else in the document ("Р001Я", "Р002Я", …), so that a line can
 * be told from the others in the text of a page. */
static ShtatSchedule *
numbered_schedule (guint n)
{
  g_autoptr(ShtatSchedule) s = shtat_schedule_new ();
  GError *e = NULL;

  shtat_test_ok (shtat_schedule_set_centre (s, "long", &e), e);
  shtat_test_ok (shtat_schedule_set_table (s, "fsc", &e), e);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *unit = g_strdup_printf ("Отдел № %u", i / 20 + 1);
      g_autofree char *grade = g_strdup_printf ("Р%03uЯ", i + 1);

      shtat_test_ok (shtat_schedule_add_line (s, unit, i % 2 == 0 ? "psychologist" : "lawyer", grade, 100,
                                   10000000, 0, &e), e);
    }
  return g_steal_pointer (&s);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The page size pdfinfo reports, in points. */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  g_autofree char *pdfinfo = require_program ("pdfinfo", "poppler-utils");
  g_autofree char *info = NULL;
  const char *size;
  char *end;

  *width = *height = 0;
  if (pdfinfo == NULL)
    return;
  {
    const char *argv[] = { pdfinfo, path, NULL };

    info = run (argv);
  }
  size = strstr (info, "\nPage size:");
  g_assert_nonnull (size);
  *width = g_ascii_strtod (size + strlen ("\nPage size:"), &end);
  while (*end == ' ' || *end == 'x')
    end++;
  *height = g_ascii_strtod (end, NULL);
}

/* Everything a page draws lies on the page. */
static void
assert_ink_on_page (ShtatScheduleDocument *doc,
                    guint                  page,
                    double                 width,
                    double                 height)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x0, y0, w, h;

  shtat_schedule_document_render_page (doc, cr, page);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x0, &y0, &w, &h);
  cairo_surface_destroy (recording);

  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  if (x0 < 0 || y0 < 0 || x0 + w > width || y0 + h > height)
    g_error ("page %u draws at %.1f, %.1f to %.1f, %.1f: off a page of %.1f × %.1f", page + 1, x0, y0,
             x0 + w, y0 + h, width, height);
}

/* Pixels of an RGB24 image that are not white, in a band of rows given in
 * points (the image has @scale pixels to the point). */
static guint
ink_in_band (cairo_surface_t *image,
             double           scale,
             double           top,
             double           bottom)
{
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int w = cairo_image_surface_get_width (image);
  int h = cairo_image_surface_get_height (image);
  guint n = 0;

  for (int y = MAX (0, (int) (top * scale)); y < MIN (h, (int) (bottom * scale)); y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < w; x++)
        if ((row[x] & 0xffffff) != 0xffffff)
          n++;
    }
  return n;
}

/* What a print dialog does: every page drawn on a context of its own, here an
 * image at 2 pixels to the point (a printer's scale, not the PDF's). The page
 * count is the PDF's; each page shows its top (the approval block on the
 * first, the table's header on the next ones), rows and its page number; what
 * is drawn stays on the page; the context is left as it was found. */
static void
test_render_pages (void)
{
  g_autoptr(ShtatSchedule) s = numbered_schedule (80);
  g_autoptr(ShtatScheduleDocument) doc = NULL;
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const double w = SHTAT_DOCUMENT_A4_LANDSCAPE_WIDTH, h = SHTAT_DOCUMENT_A4_LANDSCAPE_HEIGHT;
  const double scale = 2;
  PdfText t = { 0 };
  guint n_pages;

  g_assert_cmpfloat (fabs (w - 841.89), <, 0.01);
  g_assert_cmpfloat (fabs (h - 595.28), <, 0.01);
  doc = shtat_schedule_document_new (s, library, CENTRE_RU, SHTAT_LANG_RU, w, h, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  n_pages = shtat_schedule_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpstr (shtat_schedule_document_get_title (doc), ==, "Штатное расписание — " CENTRE_RU);

  /* the PDF writer and the document agree on the pages */
  g_assert_true (shtat_schedule_write_pdf (s, library, CENTRE_RU, SHTAT_LANG_RU, path, &error));
  g_assert_no_error (error);
  if (read_pdf (path, 0, 0, &t))
    g_assert_cmpuint (t.pages, ==, n_pages);
  pdf_text_clear (&t);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                                           (int) ceil (h * scale));
      cairo_t *cr = cairo_create (image);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      /* a state of the caller's that the page must not disturb */
      cairo_set_source_rgb (cr, 1, 0, 0);
      cairo_set_line_width (cr, 7);
      shtat_schedule_document_render_page (doc, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7);
      {
        double r, g, b, a;

        g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a), ==,
                         CAIRO_STATUS_SUCCESS);
        g_assert_cmpfloat (r, ==, 1);
        g_assert_cmpfloat (g, ==, 0);
      }
      cairo_destroy (cr);
      cairo_surface_flush (image);

      /* the top 25 mm under the margin: the approval block, or the header */
      g_assert_cmpuint (ink_in_band (image, scale, 12 * MM_PT, 37 * MM_PT), >, 500);
      /* the middle of the page: rows (or the signatures on a last page of their own) */
      g_assert_cmpuint (ink_in_band (image, scale, h * 0.4, h * 0.6), >, 100);
      /* the footer: "Страница N / M" */
      g_assert_cmpuint (ink_in_band (image, scale, h - 16 * MM_PT, h - 6 * MM_PT), >, 100);
      /* the margins stay white */
      g_assert_cmpuint (ink_in_band (image, scale, 0, 10 * MM_PT), ==, 0);
      g_assert_cmpuint (ink_in_band (image, scale, h - 6 * MM_PT, h), ==, 0);
      cairo_surface_destroy (image);

      assert_ink_on_page (doc, page, w, h);
    }
}

/* Letter landscape (wider columns of A4 do not fit: the position column is
 * narrower, the page taller) and A4 portrait (smaller than the layout's
 * smallest page: laid out larger and scaled down). At each size every line
 * appears exactly once over the pages of the PDF, every page is numbered, the
 * PDF has the page size asked for, nothing is drawn off the page, and more
 * lines take more pages. */
static void
test_page_sizes (void)
{
  static const struct
  {
    const char *name;
    double      width;
    double      height;
  } sizes[] = {
    { "letter-landscape", LETTER_LANDSCAPE_WIDTH, LETTER_LANDSCAPE_HEIGHT },
    { "a4-portrait", 210 * MM_PT, 297 * MM_PT },
  };
  g_autoptr(ShtatSchedule) s = numbered_schedule (120);
  g_autoptr(ShtatSchedule) shorter = numbered_schedule (40);
  const char *dir = shtat_test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.pdf", sizes[i].name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(ShtatScheduleDocument) doc = NULL;
      g_autoptr(ShtatScheduleDocument) short_doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
      guint n_pages;
      double width, height;

      doc = shtat_schedule_document_new (s, library, CENTRE_RU, SHTAT_LANG_RU, sizes[i].width, sizes[i].height,
                                         &error);
      g_assert_no_error (error);
      short_doc = shtat_schedule_document_new (shorter, library, CENTRE_RU, SHTAT_LANG_RU, sizes[i].width,
                                               sizes[i].height, &error);
      g_assert_no_error (error);
      n_pages = shtat_schedule_document_get_n_pages (doc);
      g_assert_cmpuint (n_pages, >, shtat_schedule_document_get_n_pages (short_doc));
      for (guint page = 0; page < n_pages; page++)
        assert_ink_on_page (doc, page, sizes[i].width, sizes[i].height);

      g_assert_true (shtat_schedule_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      pdf_page_size (path, &width, &height);
      if (width == 0)
        break;
      g_assert_cmpfloat (fabs (width - sizes[i].width), <, 0.01);
      g_assert_cmpfloat (fabs (height - sizes[i].height), <, 0.01);

      for (guint page = 1; page <= n_pages; page++)
        {
          PdfText t = { 0 };
          g_autofree char *number = g_strdup_printf ("Страница %u / %u", page, n_pages);
          g_autofree char *footer = NULL;

          g_assert_true (read_pdf (path, page, page, &t));
          g_assert_cmpuint (t.pages, ==, n_pages);
          assert_contains (t.layout, number);
          /* no row runs into the footer: its line has no grade ("Р001Я") */
          footer = line_with (t.layout, number);
          if (strstr (footer, "Я") != NULL)
            g_error ("%s, page %u: a row overlaps the footer: %s", sizes[i].name, page, footer);
          if (page > 1)
            g_assert_null (strstr (t.layout, "УТВЕРЖДАЮ"));
          g_ptr_array_add (pages, g_steal_pointer (&t.raw));
          pdf_text_clear (&t);
        }

      for (guint line = 1; line <= shtat_schedule_get_n_lines (s); line++)
        {
          g_autofree char *grade = g_strdup_printf ("Р%03uЯ", line);
          guint seen = 0;

          for (guint page = 0; page < pages->len; page++)
            seen += count_occurrences (g_ptr_array_index (pages, page), grade);
          if (seen != 1)
            g_error ("%s: line %s appears %u times", sizes[i].name, grade, seen);
        }
      /* the totals: 120 units, 12 000 000,00 a month, 144 000 000,00 a year */
      assert_contains ((const char *) g_ptr_array_index (pages, pages->len - 1), "144000000,00");
    }
}

/* ------------------------------------------------------------------------ */
/* XLSX                                                                     */

typedef struct
{
  char *type;      /* the t attribute: "s", "str", NULL for numbers */
  char *value;     /* the text of a shared string, or the <v> */
  char *formula;   /* NULL: not a formula */
} Cell;

static void
cell_free (Cell *cell)
{
  g_free (cell->type);
  g_free (cell->value);
  g_free (cell->formula);
  g_free (cell);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

static char *
unzip_member (const char *path,
              const char *member)
{
  g_autofree char *unzip = require_program ("unzip", "unzip");
  const char *argv[] = { unzip, "-p", path, member, NULL };

  if (unzip == NULL)
    return NULL;
  return run (argv);
}

static xmlDoc *
parse (const char *xml)
{
  xmlDoc *doc = xmlReadMemory (xml, (int) strlen (xml), "part.xml", "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* Cells by reference ("E12"), with shared strings resolved. */
static GHashTable *
read_sheet (const char *path)
{
  g_autofree char *strings_xml = unzip_member (path, "xl/sharedStrings.xml");
  g_autofree char *sheet_xml = unzip_member (path, "xl/worksheets/sheet1.xml");
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTable *cells;
  xmlDoc *doc;

  if (strings_xml == NULL || sheet_xml == NULL)
    return NULL;

  doc = parse (strings_xml);
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (is (si, "si"))
      g_ptr_array_add (strings, node_text (si));
  xmlFreeDoc (doc);

  cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cell_free);
  doc = parse (sheet_xml);
  for (xmlNode *part = xmlDocGetRootElement (doc)->children; part != NULL; part = part->next)
    {
      if (!is (part, "sheetData"))
        continue;
      for (xmlNode *row = part->children; row != NULL; row = row->next)
        for (xmlNode *c = is (row, "row") ? row->children : NULL; c != NULL; c = c->next)
          {
            Cell *cell;
            xmlChar *ref, *type;

            if (!is (c, "c"))
              continue;
            cell = g_new0 (Cell, 1);
            ref = xmlGetProp (c, (const xmlChar *) "r");
            type = xmlGetProp (c, (const xmlChar *) "t");
            cell->type = g_strdup ((const char *) type);
            for (xmlNode *v = c->children; v != NULL; v = v->next)
              if (is (v, "v"))
                cell->value = node_text (v);
              else if (is (v, "f"))
                cell->formula = node_text (v);
            if (g_strcmp0 (cell->type, "s") == 0 && cell->value != NULL)
              {
                guint64 index = g_ascii_strtoull (cell->value, NULL, 10);

                g_assert_cmpuint (index, <, strings->len);
                g_free (cell->value);
                cell->value = g_strdup (g_ptr_array_index (strings, index));
              }
            g_hash_table_insert (cells, g_strdup ((const char *) ref), cell);
            xmlFree (ref);
            xmlFree (type);
          }
    }
  xmlFreeDoc (doc);
  return cells;
}

static const Cell *
cell_at (GHashTable *cells,
         char        col,
         guint       row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", col, row);

  return g_hash_table_lookup (cells, ref);
}

static void
assert_text (GHashTable *cells,
             char        col,
             guint       row,
             const char *expected)
{
  const Cell *cell = cell_at (cells, col, row);

  if (cell == NULL)
    g_error ("%c%u is empty, expected “%s”", col, row, expected);
  g_assert_cmpstr (cell->type, ==, "s");
  g_assert_cmpstr (cell->value, ==, expected);
}

/* A number cell holding @hundredths / 100 (tiyn as tenge, units as units). */
static void
assert_number (GHashTable *cells,
               char        col,
               guint       row,
               gint64      hundredths)
{
  const Cell *cell = cell_at (cells, col, row);

  if (cell == NULL || cell->value == NULL)
    g_error ("%c%u has no value, expected %" G_GINT64_FORMAT " / 100", col, row, hundredths);
  g_assert_null (cell->type);
  g_assert_cmpint ((gint64) llround (g_ascii_strtod (cell->value, NULL) * 100), ==, hundredths);
}

static void
assert_formula (GHashTable *cells,
                char        col,
                guint       row,
                const char *formula,
                gint64      hundredths)
{
  const Cell *cell = cell_at (cells, col, row);

  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->formula, ==, formula);
  assert_number (cells, col, row, hundredths);
}

static guint
row_with (GHashTable *cells,
          char        col,
          const char *text,
          guint       from)
{
  for (guint row = from; row < 1000; row++)
    {
      const Cell *cell = cell_at (cells, col, row);

      if (cell != NULL && g_strcmp0 (cell->type, "s") == 0 && g_strcmp0 (cell->value, text) == 0)
        return row;
    }
  return 0;
}

static void
test_xlsx (void)
{
  g_autoptr(ShtatSchedule) s = centre_schedule (TRUE);
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "schedule.xlsx", NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *annual_formula = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;
  guint row, total, line_row;
  guint n_subtotals = 0;

  g_assert_true (shtat_schedule_write_xlsx (s, library, CENTRE_RU, SHTAT_LANG_RU, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  cells = read_sheet (path);
  if (cells == NULL)
    return;

  /* the approval block, the title, the header */
  assert_text (cells, 'F', 1, "УТВЕРЖДАЮ");
  assert_text (cells, 'F', 2, AKIMAT);
  assert_text (cells, 'F', 3, "________________  " SIGNATORY);
  assert_text (cells, 'F', 4, "Приказ от 20.01.2026 № 214-п");
  assert_text (cells, 'A', 6, "ШТАТНОЕ РАСПИСАНИЕ");
  assert_text (cells, 'A', 7, CENTRE_RU);
  assert_text (cells, 'A', 8, "Вводится в действие с 01.02.2026");
  assert_text (cells, 'A', 10, "№ п/п");
  assert_text (cells, 'B', 10, "Структурное подразделение");
  assert_text (cells, 'C', 10, "Должность");
  assert_text (cells, 'E', 10, "Количество штатных единиц");
  assert_text (cells, 'H', 10, "Месячный фонд оплаты труда, тенге");

  /* the first line: the director, 1 unit at 450 000,00 */
  assert_number (cells, 'A', 12, 100);
  assert_text (cells, 'B', 12, "Администрация");
  assert_text (cells, 'C', 12, "Директор");
  assert_number (cells, 'E', 12, 100);
  assert_number (cells, 'F', 12, 45000000);
  assert_number (cells, 'G', 12, 0);
  assert_number (cells, 'H', 12, 45000000);

  /* the social-work specialist: 2.5 units at 250 000,01 → 625 000,03 */
  {
    g_autofree char *name = row_name ("social-work-specialist", SHTAT_LANG_RU);

    line_row = row_with (cells, 'C', name, 12);
  }
  g_assert_cmpuint (line_row, >, 0);
  assert_number (cells, 'E', line_row, 250);
  assert_number (cells, 'F', line_row, 25000001);
  assert_number (cells, 'H', line_row, 62500003);

  /* subtotals: SUBTOTAL over the unit's lines, cached */
  row = 12;
  for (guint g = 0; g < G_N_ELEMENTS (expected_groups); g++)
    {
      guint first = row;
      g_autofree char *units = NULL;
      g_autofree char *fund = NULL;

      row = row_with (cells, 'B', "Итого по подразделению", first);
      g_assert_cmpuint (row, >, first);
      units = g_strdup_printf ("SUBTOTAL(9,E%u:E%u)", first, row - 1);
      fund = g_strdup_printf ("SUBTOTAL(9,H%u:H%u)", first, row - 1);
      assert_formula (cells, 'E', row, units, expected_groups[g].units);
      assert_formula (cells, 'H', row, fund, expected_groups[g].fund);
      n_subtotals++;
      row++;
    }
  g_assert_cmpuint (n_subtotals, ==, 3);
  g_assert_cmpuint (row_with (cells, 'B', "Итого по подразделению", row), ==, 0);

  /* totals: 25.5 units, 6 705 001,03 a month, 80 460 012,36 a year */
  total = row_with (cells, 'B', "Всего по штатному расписанию", 12);
  g_assert_cmpuint (total, ==, row);
  {
    g_autofree char *units = g_strdup_printf ("SUBTOTAL(9,E12:E%u)", total - 1);
    g_autofree char *fund = g_strdup_printf ("SUBTOTAL(9,H12:H%u)", total - 1);

    assert_formula (cells, 'E', total, units, TOTAL_UNITS);
    assert_formula (cells, 'H', total, fund, MONTHLY);
  }
  assert_text (cells, 'B', total + 1, "Годовой фонд оплаты труда (месячный фонд × 12)");
  annual_formula = g_strdup_printf ("H%u*12", total);
  assert_formula (cells, 'H', total + 1, annual_formula, ANNUAL);

  /* signatures */
  g_assert_cmpuint (row_with (cells, 'B', "Директор", total), >, total);
  g_assert_cmpuint (row_with (cells, 'B', "Главный бухгалтер", total), >, total);
}

/* A draft in Kazakh: the mark, lines to fill in, units named in Kazakh. */
static void
test_xlsx_draft (void)
{
  g_autoptr(ShtatSchedule) s = centre_schedule (FALSE);
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.xlsx", NULL);
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;
  guint total;

  g_assert_true (shtat_schedule_write_xlsx (s, library, CENTRE_KK, SHTAT_LANG_KK, path, &error));
  g_assert_no_error (error);
  cells = read_sheet (path);
  if (cells == NULL)
    return;

  assert_text (cells, 'A', 1, "ЖОБА");
  assert_text (cells, 'F', 1, "БЕКІТЕМІН");
  assert_text (cells, 'F', 4, "«___» ____________ 20___ ж. № ________ бұйрық");
  assert_text (cells, 'A', 6, "ШТАТ КЕСТЕСІ");
  assert_text (cells, 'B', 12, "Әкімшілік");
  total = row_with (cells, 'B', "Штат кестесі бойынша барлығы", 12);
  g_assert_cmpuint (total, >, 12);
  assert_number (cells, 'E', total, TOTAL_UNITS);
  assert_number (cells, 'H', total, MONTHLY);
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

static void
test_errors (void)
{
  g_autoptr(ShtatSchedule) s = centre_schedule (TRUE);
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "missing", "schedule.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "missing", "schedule.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (shtat_schedule_write_pdf (s, library, NULL, SHTAT_LANG_RU, pdf, &error));
  g_assert_error (error, SHTAT_DOCUMENT_ERROR, SHTAT_DOCUMENT_ERROR_WRITE);
  assert_contains (error->message, pdf);
  g_clear_error (&error);

  g_assert_false (shtat_schedule_write_xlsx (s, library, NULL, SHTAT_LANG_RU, xlsx, &error));
  g_assert_error (error, SHTAT_DOCUMENT_ERROR, SHTAT_DOCUMENT_ERROR_WRITE);
  assert_contains (error->message, xlsx);
  g_clear_error (&error);

  /* nothing left behind in the folder that exists */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    g_assert_nonnull (d);
    g_assert_null (g_dir_read_name (d));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();

  library = shtat_norm_library_load_default (&error);
  g_assert_no_error (error);
  fsc = shtat_norm_library_get_table (library, "fsc");
  g_assert_nonnull (fsc);

  g_test_add_data_func ("/schedule-documents/pdf/approved/kk", &pdf_kk, test_pdf_approved);
  g_test_add_data_func ("/schedule-documents/pdf/approved/ru", &pdf_ru, test_pdf_approved);
  g_test_add_func ("/schedule-documents/pdf/draft", test_pdf_draft);
  g_test_add_func ("/schedule-documents/pdf/superseded", test_pdf_superseded);
  g_test_add_func ("/schedule-documents/pdf/pages", test_pdf_pages);
  g_test_add_func ("/schedule-documents/render/pages", test_render_pages);
  g_test_add_func ("/schedule-documents/render/page-sizes", test_page_sizes);
  g_test_add_func ("/schedule-documents/xlsx/approved", test_xlsx);
  g_test_add_func ("/schedule-documents/xlsx/draft", test_xlsx_draft);
  g_test_add_func ("/schedule-documents/errors", test_errors);

  rc = g_test_run ();
  g_clear_object (&library);
  return rc;
}
