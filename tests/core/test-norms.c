/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-test-norms"

/* The norm data as the user gets it, and the loader's answers to bad files. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "shtat-core.h"
#include "shtat-test-common.h"

static ShtatNormLibrary *
load (void)
{
  g_autoptr(GError) error = NULL;
  ShtatNormLibrary *library = shtat_norm_library_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static guint
count_rows (const ShtatNormTable *t)
{
  return shtat_norm_table_count_rows (t);
}

/* Every table and row the acts print is there (digest §2.1, §7.2–7.5). */
static void
test_tables_complete (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  struct { const char *id; guint rows; guint brackets; } expected[] = {
    { "fsc", 20, 3 }, { "t1", 40, 6 }, { "t2", 4, 0 }, { "t3", 4, 0 }, { "t4", 11, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ShtatNormTable *t = shtat_norm_library_get_table (library, expected[i].id);

      g_assert_nonnull (t);
      g_assert_cmpuint (count_rows (t), ==, expected[i].rows);
      g_assert_cmpuint (t->has_brackets ? t->brackets->len : 0, ==, expected[i].brackets);
      /* rows are numbered 1..N in the act's order */
      {
        guint n = 0;
        for (guint s = 0; s < t->sections->len; s++)
          {
            ShtatSection *sec = g_ptr_array_index (t->sections, s);
            for (guint r = 0; r < sec->rows->len; r++)
              g_assert_cmpuint (((ShtatNormRow *) g_ptr_array_index (sec->rows, r))->n, ==, ++n);
          }
      }
    }

  /* 256-НҚ: two sections, rows 19-20 accompany persons in a difficult life situation */
  g_assert_cmpuint (fsc->sections->len, ==, 2);
  g_assert_cmpuint (((ShtatSection *) g_ptr_array_index (fsc->sections, 1))->rows->len, ==, 2);
  g_assert_cmpstr (fsc->act->number, ==, "256-НҚ");
  g_assert_cmpstr (fsc->act->registration, ==, "34499");
  /* the interchange footnote, with its interpretation */
  g_assert_cmpuint (fsc->notes->len, ==, 1);
  g_assert_cmpuint (g_array_index (((ShtatTableNote *) g_ptr_array_index (fsc->notes, 0))->interpretations, guint, 0), ==, 5);
}

/* Names exist in the three languages, and the Kazakh and Russian names of the
 * centre table are the act's (000/001 App). */
static void
test_names (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  ShtatSection *general = g_ptr_array_index (fsc->sections, 0);
  ShtatNormRow *r9 = g_ptr_array_index (general->rows, 8);
  ShtatNormRow *r17 = g_ptr_array_index (general->rows, 16);

  g_assert_cmpstr (r9->name.kk, ==, "психолог");
  g_assert_cmpstr (r17->name.kk, ==, "еден жуушы");
  g_assert_cmpstr (r17->name.ru, ==, "уборщица");
  g_assert_cmpint (r17->kind, ==, SHTAT_RULE_TYPICAL);

  shtat_lang_set_override (SHTAT_LANG_RU);
  g_assert_cmpstr (shtat_text_get (&r9->name), ==, "психолог");
  g_assert_cmpstr (shtat_text_get (&fsc->name), ==, "Минимальные штатные нормативы работников Центров поддержки семьи");
  shtat_lang_set_override (SHTAT_LANG_KK);
  g_assert_cmpstr (shtat_text_get (&fsc->name), ==, "Отбасын қолдау орталықтары қызметкерлерінің ең төменгі штаттық нормативтері");
  shtat_lang_set_override (-1);
}

/* The words of norms.rng for every value, each way, and words that are not one. */
static void
test_value_words (void)
{
  static const char * const drivers[] = {
    "appeals", "recipients", "vehicles", "tractors", "beds", "children", "groups",
  };
  static const char * const flags[] = {
    "has-lift", "has-library", "has-sewerage", "centralised-cesspit-cleaning",
  };
  static const char * const rules[] = { "fixed", "bracketed", "per", "ratio", "typical" };
  static const char * const education[] = {
    "basic-secondary", "general-secondary", "secondary-specialised", "secondary-vocational",
    "post-secondary", "higher", "postgraduate",
  };
  static const char * const fields[] = {
    "social", "social-work", "psychology", "pedagogy", "medicine", "law", "economics",
    "humanities", "preschool", "primary-pedagogy", "vocational-training", "nursing",
    "physical-culture", "relevant",
  };
  static const char * const levels[] = { "higher", "medium", "single" };
  static const char * const categories[] = { "highest", "first", "second", "none" };
  static const char * const remarks[] = { "interpretation", "amendment", "warning", "note" };

  g_assert_cmpuint (G_N_ELEMENTS (drivers), ==, SHTAT_N_DRIVERS);
  for (guint i = 0; i < G_N_ELEMENTS (drivers); i++)
    {
      ShtatDriver driver = SHTAT_N_DRIVERS;

      g_assert_cmpstr (shtat_driver_to_string (i), ==, drivers[i]);
      g_assert_true (shtat_driver_from_string (drivers[i], &driver));
      g_assert_cmpint (driver, ==, i);
    }
  g_assert_cmpuint (G_N_ELEMENTS (flags), ==, SHTAT_N_FLAGS);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      ShtatFlag flag = SHTAT_N_FLAGS;

      g_assert_cmpstr (shtat_flag_to_string (i), ==, flags[i]);
      g_assert_true (shtat_flag_from_string (flags[i], &flag));
      g_assert_cmpint (flag, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_assert_cmpstr (shtat_rule_kind_to_string (i), ==, rules[i]);
  g_assert_cmpuint (G_N_ELEMENTS (education), ==, SHTAT_N_EDUCATION_LEVELS);
  for (guint i = 0; i < G_N_ELEMENTS (education); i++)
    g_assert_cmpstr (shtat_education_level_to_string (i), ==, education[i]);
  g_assert_cmpuint (G_N_ELEMENTS (fields), ==, SHTAT_N_FIELDS);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (shtat_field_to_string (i), ==, fields[i]);
  g_assert_cmpuint (G_N_ELEMENTS (levels), ==, SHTAT_N_LEVELS);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_assert_cmpstr (shtat_level_to_string (i), ==, levels[i]);
  g_assert_cmpuint (G_N_ELEMENTS (categories), ==, SHTAT_N_CATEGORIES);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_assert_cmpstr (shtat_category_to_string (i), ==, categories[i]);
  for (guint i = 0; i < G_N_ELEMENTS (remarks); i++)
    g_assert_cmpstr (shtat_remark_kind_to_string (i), ==, remarks[i]);

  /* Words are matched whole and as written; the count of a kind is not a value. */
  g_assert_false (shtat_driver_from_string ("Appeals", NULL));
  g_assert_false (shtat_driver_from_string ("appeal", NULL));
  g_assert_false (shtat_driver_from_string ("n-drivers", NULL));
  g_assert_false (shtat_driver_from_string ("", NULL));
  g_assert_false (shtat_driver_from_string (NULL, NULL));
  g_assert_false (shtat_flag_from_string ("has_lift", NULL));

  /* The languages by their codes; an unknown one reads as English. */
  g_assert_cmpstr (shtat_lang_to_string (SHTAT_LANG_KK), ==, "kk");
  g_assert_cmpstr (shtat_lang_to_string (SHTAT_LANG_RU), ==, "ru");
  g_assert_cmpstr (shtat_lang_to_string (SHTAT_LANG_EN), ==, "en");
  g_assert_cmpstr (shtat_lang_to_string (7), ==, "en");
}

/* Row 13's pending amendment by order 187 (decisions.md item 9). */
static void
test_amendment (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");
  ShtatNormRow *r13 = g_ptr_array_index (((ShtatSection *) g_ptr_array_index (fsc->sections, 0))->rows, 12);
  ShtatAmendment *a;

  g_assert_cmpuint (r13->n, ==, 13);
  g_assert_cmpuint (r13->amendments->len, ==, 1);
  a = g_ptr_array_index (r13->amendments, 0);
  g_assert_true (a->pending);
  g_assert_cmpstr (a->effective_from, ==, "2026-07-12");
  g_assert_cmpstr (a->act_id, ==, "187");
}

/* 580-НҚ: the twelve positions, their ladders, and the positions ¶2 sends elsewhere. */
static void
test_positions (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  const char *codes[] = {
    "director", "deputy-director", "head-of-unit", "social-worker", "social-work-specialist",
    "psychologist", "media-specialist", "analytics-specialist", "it-security-specialist",
    "prevention-specialist", "case-manager", "lawyer",
  };
  const ShtatPosition *sw, *psy, *dir;
  const ShtatLevelRequirement *level;
  const ShtatCategoryRequirement *cat;
  const ShtatAlternative *alt;

  g_assert_cmpuint (shtat_norm_library_get_positions (library)->len, ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const ShtatPosition *p = shtat_norm_library_get_position (library, codes[i]);

      g_assert_nonnull (p);
      g_assert_cmpuint (p->duties->len, >, 2);
      g_assert_cmpuint (p->knowledge->len, >, 1);
      g_assert_cmpuint (p->levels->len, >=, 1);
      for (guint d = 0; d < p->duties->len; d++)
        {
          ShtatSummaryItem *item = g_ptr_array_index (p->duties, d);
          g_assert_true (g_str_has_prefix (item->cite, "003 ¶"));
          g_assert_nonnull (item->text.kk);
          g_assert_nonnull (item->text.ru);
        }
    }

  /* Social worker (003 ¶15): two levels × four categories; highest needs
   * 2 years as a first-category higher-level specialist. */
  sw = shtat_norm_library_get_position (library, "social-worker");
  g_assert_cmpuint (sw->levels->len, ==, 2);
  level = g_ptr_array_index (sw->levels, 0);
  g_assert_cmpint (level->id, ==, SHTAT_LEVEL_HIGHER);
  g_assert_cmpuint (level->categories->len, ==, 4);
  cat = g_ptr_array_index (level->categories, 0);
  g_assert_cmpint (cat->id, ==, SHTAT_CATEGORY_HIGHEST);
  alt = g_ptr_array_index (cat->alternatives, 0);
  g_assert_true (alt->has_experience);
  g_assert_cmpuint (alt->years, ==, 2);
  g_assert_cmpint (alt->scope, ==, SHTAT_EXPERIENCE_CATEGORY);
  g_assert_cmpint (alt->experience_category, ==, SHTAT_CATEGORY_FIRST);
  g_assert_true (alt->education_levels & (1u << SHTAT_EDUCATION_HIGHER));
  g_assert_true (alt->fields & (1u << SHTAT_FIELD_PSYCHOLOGY));

  /* medium level, without category: TVET, or basic secondary with a certificate */
  level = g_ptr_array_index (sw->levels, 1);
  g_assert_cmpint (level->id, ==, SHTAT_LEVEL_MEDIUM);
  cat = g_ptr_array_index (level->categories, 3);
  g_assert_cmpint (cat->id, ==, SHTAT_CATEGORY_NONE);
  g_assert_cmpuint (cat->alternatives->len, ==, 2);
  {
    gboolean found_certificate = FALSE;
    for (guint a = 0; a < cat->alternatives->len; a++)
      {
        const ShtatAlternative *x = g_ptr_array_index (cat->alternatives, a);
        if (x->certificate_kind != NULL)
          {
            found_certificate = TRUE;
            g_assert_true (x->education_levels & (1u << SHTAT_EDUCATION_BASIC_SECONDARY));
          }
      }
    g_assert_true (found_certificate);
  }

  /* Psychologist (003 ¶21): I / II / none; II needs 3 years, I needs 2. */
  psy = shtat_norm_library_get_position (library, "psychologist");
  level = g_ptr_array_index (psy->levels, 0);
  g_assert_cmpuint (level->categories->len, ==, 3);
  cat = g_ptr_array_index (level->categories, 0);
  g_assert_cmpint (cat->id, ==, SHTAT_CATEGORY_FIRST);
  g_assert_cmpuint (((ShtatAlternative *) g_ptr_array_index (cat->alternatives, 0))->years, ==, 2);
  cat = g_ptr_array_index (level->categories, 1);
  g_assert_cmpint (cat->id, ==, SHTAT_CATEGORY_SECOND);
  g_assert_cmpuint (((ShtatAlternative *) g_ptr_array_index (cat->alternatives, 0))->years, ==, 3);

  /* Director (003 ¶6): education and (3 years in the sector or 2 in leadership). */
  dir = shtat_norm_library_get_position (library, "director");
  cat = g_ptr_array_index (((ShtatLevelRequirement *) g_ptr_array_index (dir->levels, 0))->categories, 0);
  g_assert_cmpuint (cat->alternatives->len, ==, 2);
  {
    guint sector = 0, managerial = 0;
    for (guint a = 0; a < 2; a++)
      {
        const ShtatAlternative *x = g_ptr_array_index (cat->alternatives, a);
        if (x->scope == SHTAT_EXPERIENCE_SECTOR)
          sector = x->years;
        else if (x->scope == SHTAT_EXPERIENCE_MANAGERIAL)
          managerial = x->years;
      }
    g_assert_cmpuint (sector, ==, 3);
    g_assert_cmpuint (managerial, ==, 2);
  }

  /* 003 ¶2 and decisions.md item 17 */
  g_assert_cmpstr (shtat_norm_library_get_external_position (library, "accountant")->act_id, ==, "775");
  g_assert_cmpstr (shtat_norm_library_get_external_position (library, "hr-inspector")->act_id, ==, "553");
  g_assert_nonnull (shtat_norm_library_get_act (library, "775"));
}

/* Every position of the centre table is known: it has characteristics, or
 * another act (or none) is named for it. */
static void
test_positions_resolve (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  const ShtatNormTable *fsc = shtat_norm_library_get_table (library, "fsc");

  for (guint s = 0; s < fsc->sections->len; s++)
    {
      ShtatSection *sec = g_ptr_array_index (fsc->sections, s);
      for (guint r = 0; r < sec->rows->len; r++)
        {
          ShtatNormRow *row = g_ptr_array_index (sec->rows, r);
          gboolean known = shtat_norm_library_get_position (library, row->position) != NULL
                           || shtat_norm_library_get_external_position (library, row->position) != NULL;
          if (!known)
            g_error ("row %u: position %s is unknown", row->n, row->position);
        }
    }
}

/* Every reading of decisions.md exists as data, in three languages. */
static void
test_interpretations (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();

  for (guint id = 1; id <= 21; id++)
    {
      const ShtatInterpretation *in = shtat_norm_library_get_interpretation (library, id);

      g_assert_nonnull (in);
      g_assert_nonnull (in->text.kk);
      g_assert_nonnull (in->text.ru);
      g_assert_nonnull (in->text.en);
      g_assert_nonnull (in->cite);
    }
}

/* ------------------------------------------------------------------------ */
/* The loader's answers to bad files                                        */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define L3(x) "<kk>" x "</kk><ru>" x "</ru><en>" x "</en>"

static const char *good_table =
  HEAD
  "<norm-set id=\"local\" format=\"1\">\n"
  "  <table id=\"local-t\" cite=\"L 1\">\n"
  "    <name>" L3 ("Local table") "</name>\n"
  "    <brackets driver=\"beds\">\n"
  "      <bracket id=\"a\" max=\"10\"><label>" L3 ("up to 10") "</label></bracket>\n"
  "      <bracket id=\"b\" min=\"10\"><label>" L3 ("over 10") "</label></bracket>\n"
  "    </brackets>\n"
  "    <section id=\"s\">\n"
  "      <row n=\"1\" position=\"nurse\" cite=\"L 1 r.1\"><name>" L3 ("Nurse") "</name><bracketed units=\"1 2\"/></row>\n"
  "    </section>\n"
  "  </table>\n"
  "</norm-set>\n";

static GError *
load_string (ShtatNormLibrary *library,
             const char       *name,
             const char       *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  GError *error = NULL;

  if (shtat_norm_library_load_bytes (library, name, bytes, &error))
    return NULL;
  g_assert_nonnull (error);
  return error;
}

static void
test_loader_good_local_file (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  guint before = shtat_norm_library_get_tables (library)->len;
  GError *error = load_string (library, "local.xml", good_table);

  g_assert_no_error (error);
  g_assert_cmpuint (shtat_norm_library_get_tables (library)->len, ==, before + 1);
  g_assert_nonnull (shtat_norm_library_get_table (library, "local-t"));
}

typedef struct
{
  const char     *name;
  const char     *xml;
  ShtatNormError  code;
  const char     *expect; /* a part of the message: the file, the line, the reason */
} BadFile;

static void
test_loader_errors (void)
{
  g_autofree char *deep = NULL;
  BadFile cases[] = {
    { "malformed.xml", HEAD "<norm-set id=\"x\" format=\"1\">\n<table>\n</norm-set>\n",
      SHTAT_NORM_ERROR_PARSE, "malformed.xml:4: Opening and ending tag mismatch" },
    { "empty.xml", "", SHTAT_NORM_ERROR_PARSE, "empty.xml:" },
    { "units.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"y\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
      "<section id=\"s\">\n<row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name><fixed units=\"one\"/></row>\n"
      "</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_SCHEMA, "units.xml:5: Element fixed failed to validate attributes" },
    { "no-russian.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"y\" cite=\"X 1\">\n<name><kk>T</kk><en>T</en></name>\n"
      "<section id=\"s\"><row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name><fixed units=\"1\"/></row>\n"
      "</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_SCHEMA, "no-russian.xml:4: Did not expect element en there" },
    { "format.xml", HEAD "<norm-set id=\"x\" format=\"2\"/>\n", SHTAT_NORM_ERROR_SCHEMA, "format.xml:2:" },
    { "laughs.xml",
      HEAD "<!DOCTYPE norm-set [\n <!ENTITY a \"aaaaaaaaaa\">\n <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
      " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
      " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
      " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n]>\n"
      "<norm-set id=\"&h;\" format=\"1\"/>\n",
      SHTAT_NORM_ERROR_FORBIDDEN, "DOCTYPE" },
    { "passwd.xml",
      HEAD "<!DOCTYPE norm-set [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
      "<norm-set id=\"x\" format=\"1\"><interpretation id=\"99\" cite=\"X\"><title>" L3 ("&x;") "</title>"
      "<text>" L3 ("&x;") "</text></interpretation></norm-set>\n",
      SHTAT_NORM_ERROR_FORBIDDEN, "DOCTYPE" },
    { "network.xml",
      HEAD "<!DOCTYPE norm-set SYSTEM \"http://127.0.0.1:9/norms.dtd\">\n<norm-set id=\"x\" format=\"1\"/>\n",
      SHTAT_NORM_ERROR_FORBIDDEN, "DOCTYPE" },
    { "xinclude.xml",
      HEAD "<norm-set id=\"x\" format=\"1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
      "<xi:include href=\"/etc/passwd\" parse=\"text\"/></norm-set>\n",
      SHTAT_NORM_ERROR_SCHEMA, "xinclude.xml:3:" },
    { "brackets.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"y\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
      "<brackets driver=\"beds\"><bracket id=\"a\" max=\"10\"><label>" L3 ("a") "</label></bracket>"
      "<bracket id=\"b\" min=\"10\"><label>" L3 ("b") "</label></bracket></brackets>\n"
      "<section id=\"s\">\n<row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name>\n"
      "<bracketed units=\"1 2 3\"/></row>\n</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_INVALID, "brackets.xml:7: row 1 gives 3 values but table “y” has 2 brackets" },
    { "gap.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"y\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
      "<brackets driver=\"beds\">\n<bracket id=\"a\" max=\"10\"><label>" L3 ("a") "</label></bracket>\n"
      "<bracket id=\"b\" min=\"20\"><label>" L3 ("b") "</label></bracket></brackets>\n"
      "<section id=\"s\">\n<row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name>\n"
      "<fixed units=\"1\"/></row>\n</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_INVALID, "gap.xml:6: bracket “b” does not continue the previous one" },
    { "duplicate.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"fsc\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
      "<section id=\"s\"><row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name><fixed units=\"1\"/></row>\n"
      "</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_INVALID, "duplicate.xml:3: table “fsc” is already defined in 256-nk.xml" },
    { "twice.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"z\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
      "<section id=\"s\"><row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name><fixed units=\"1\"/></row>\n"
      "<row n=\"1\" position=\"q\" cite=\"X r.1\"><name>" L3 ("Q") "</name><fixed units=\"1\"/></row>\n"
      "</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_INVALID, "twice.xml:5: row 1 appears twice" },
    { "amend.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"z\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
      "<section id=\"s\"><row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name><fixed units=\"1\"/>\n"
      "<amended ref=\"no-such\"/></row>\n"
      "</section></table></norm-set>\n",
      SHTAT_NORM_ERROR_INVALID, "amend.xml:5: unknown amendment “no-such”" },
    { "position.xml",
      HEAD "<norm-set id=\"x\" format=\"1\">\n<position code=\"psychologist\" cite=\"X 1\"><name>" L3 ("P") "</name>\n"
      "<duties cite=\"X 2\"><item>" L3 ("d") "</item></duties><knowledge cite=\"X 3\"><item>" L3 ("k") "</item></knowledge>\n"
      "<requirements cite=\"X 4\"><level id=\"single\"><category id=\"none\"><alternative>"
      "<education levels=\"higher\"/></alternative></category></level></requirements></position></norm-set>\n",
      SHTAT_NORM_ERROR_INVALID, "position.xml:3: position “psychologist” is already defined in 580-nk.xml" },
    { "latin1.xml", HEAD "<norm-set id=\"x\" format=\"1\">\n<!-- caf\xe9 -->\n</norm-set>\n",
      SHTAT_NORM_ERROR_FORBIDDEN, "latin1.xml:3: the file is not UTF-8" },
    { "deep.xml", NULL, SHTAT_NORM_ERROR_PARSE, "deep.xml:" },
  };
  GString *nest = g_string_new (HEAD "<norm-set id=\"x\" format=\"1\">");

  for (guint i = 0; i < 100000; i++)
    g_string_append (nest, "<a>");
  deep = g_string_free (nest, FALSE);
  cases[G_N_ELEMENTS (cases) - 1].xml = deep;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShtatNormLibrary) library = load ();
      guint tables_before = shtat_norm_library_get_tables (library)->len;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      error = load_string (library, cases[i].name, cases[i].xml);
      g_assert_error (error, SHTAT_NORM_ERROR, (gint) cases[i].code);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("%s: “%s” does not contain “%s”", cases[i].name, error->message, cases[i].expect);
      /* the secret file never makes it into a message */
      g_assert_null (strstr (error->message, "root:"));
      /* nothing of a failed file stays behind */
      g_assert_cmpuint (shtat_norm_library_get_tables (library)->len, ==, tables_before);
      g_assert_nonnull (shtat_norm_library_get_table (library, "fsc"));
    }
}

/* A UTF-16 file cannot slip a DOCTYPE past the check: it is refused before
 * the parser sees it. */
static void
test_loader_utf16 (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                    "<!DOCTYPE norm-set [ <!ENTITY a \"aaaa\"> <!ENTITY b \"&a;&a;&a;&a;\"> ]>\n"
                    "<norm-set id=\"&b;\" format=\"1\"/>\n";
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (xml, -1, NULL, NULL, NULL);
  glong len = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  while (utf16[len] != 0)
    len++;
  bytes = g_bytes_new (utf16, (gsize) len * 2);
  g_assert_false (shtat_norm_library_load_bytes (library, "utf16.xml", bytes, &error));
  g_assert_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "utf16.xml:1: the file is not UTF-8"));
}

/* A local file that refers to an interpretation nobody defines is refused by
 * the cross-check. */
static void
test_loader_dangling_interpretation (void)
{
  g_autoptr(ShtatNormLibrary) library = load ();
  g_autoptr(GError) error = NULL;
  const char *xml =
    HEAD "<norm-set id=\"x\" format=\"1\">\n<table id=\"z\" cite=\"X 1\"><name>" L3 ("T") "</name>\n"
    "<section id=\"s\"><row n=\"1\" position=\"p\" cite=\"X r.1\"><name>" L3 ("P") "</name><fixed units=\"1\"/>\n"
    "<interpretation ref=\"77\"/></row>\n"
    "</section></table></norm-set>\n";

  g_assert_no_error (load_string (library, "dangling.xml", xml));
  g_assert_false (shtat_norm_library_check (library, &error));
  g_assert_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "interpretation 77"));
}

/* A missing file names the path. */
static void
test_loader_missing_file (void)
{
  g_autoptr(ShtatNormLibrary) library = shtat_norm_library_new ();
  g_autoptr(GError) error = NULL;
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "absent.xml", NULL);

  g_assert_false (shtat_norm_library_load_file (library, path, &error));
  g_assert_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
}

/* Local norm data in the user's directory is loaded after the bundled sets. */
static void
test_loader_local_dir (void)
{
  const char *dir = shtat_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "local.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;

  g_autofree char *bad = g_build_filename (dir, "bad.xml", NULL);

  g_assert_true (g_file_set_contents (path, good_table, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "<norm-set", -1, NULL));
  g_setenv ("SHTAT_NORMS_DIR", dir, TRUE);
  g_test_expect_message ("shtat-norms", G_LOG_LEVEL_WARNING, "*bad.xml was left out*");
  library = shtat_norm_library_load_default (&error);
  g_test_assert_expected_messages ();
  g_setenv ("SHTAT_NORMS_DIR", "/nonexistent", TRUE);
  g_assert_no_error (error);
  g_assert_nonnull (shtat_norm_library_get_table (library, "local-t"));
  g_assert_nonnull (shtat_norm_library_get_table (library, "fsc"));
  /* the broken file is left out, and said so */
  g_assert_cmpuint (shtat_norm_library_get_warnings (library)->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (shtat_norm_library_get_warnings (library), 0), "bad.xml"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shtat_core_init_i18n ();
  /* the user's own norm directory must not leak into the tests */
  g_setenv ("SHTAT_NORMS_DIR", "/nonexistent", TRUE);

  g_test_add_func ("/norms/tables-complete", test_tables_complete);
  g_test_add_func ("/norms/names", test_names);
  g_test_add_func ("/norms/value-words", test_value_words);
  g_test_add_func ("/norms/amendment", test_amendment);
  g_test_add_func ("/norms/positions", test_positions);
  g_test_add_func ("/norms/positions-resolve", test_positions_resolve);
  g_test_add_func ("/norms/interpretations", test_interpretations);
  g_test_add_func ("/loader/good-local-file", test_loader_good_local_file);
  g_test_add_func ("/loader/errors", test_loader_errors);
  g_test_add_func ("/loader/utf16", test_loader_utf16);
  g_test_add_func ("/loader/dangling-interpretation", test_loader_dangling_interpretation);
  g_test_add_func ("/loader/missing-file", test_loader_missing_file);
  g_test_add_func ("/loader/local-dir", test_loader_local_dir);

  return g_test_run ();
}
