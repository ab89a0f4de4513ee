/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-cli.h"

/* shtat-cli import / export / check: personnel files and their verdicts. */

static ShtatStore *
open_store (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ? g_strdup (db_path) : shtat_store_default_path ();
  ShtatStore *store = shtat_store_open (path, &error);

  if (store == NULL)
    g_printerr ("shtat-cli: %s\n", error->message);
  return store;
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt");
}

/* ------------------------------------------------------------------------ */

int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autofree char *db = NULL;
  guint n_changed = 0;
  GDate date;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { NULL }
  };

  context = g_option_context_new (_("FILE — import personnel files (XML or CSV)"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc != 2)
    return usage_error (_("give exactly one file to import"));

  library = load_library ();
  if (library == NULL)
    return EXIT_FAILURE_RUNTIME;
  store = open_store (db);
  if (store == NULL)
    return EXIT_FAILURE_RUNTIME;

  shtat_date_set_today (&date);
  if (!shtat_import_personnel (store, library, argv[1], &date, &n_changed, NULL, NULL, NULL, &error))
    {
      g_printerr (_("shtat-cli: nothing was imported: %s\n"), error->message);
      return EXIT_FAILURE_RUNTIME;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u personnel file added or changed\n",
                        "%u personnel files added or changed\n", n_changed), n_changed);
  return EXIT_OK;
}

int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the personnel files to XML"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc != 2)
    return usage_error (_("give exactly one file to write"));

  store = open_store (db);
  if (store == NULL)
    return EXIT_FAILURE_RUNTIME;

  centres = shtat_store_list_centres (store, &error);
  if (centres != NULL)
    employees = shtat_store_load_employees (store, &error);
  if (employees == NULL || !shtat_personnel_xml_write (argv[1], centres, employees, &error))
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      return EXIT_FAILURE_RUNTIME;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u personnel file exported\n", "%u personnel files exported\n",
                        employees->len), employees->len);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static const char *
category_code (int category)
{
  return category >= 0 ? shtat_category_to_string ((ShtatCategory) category) : NULL;
}

static const char *
category_label (int category)
{
  return category >= 0 ? shtat_category_get_label ((ShtatCategory) category) : "—";
}

static char *
iso_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(ShtatJson) j = NULL;
  g_autofree char *db = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  guint counts[SHTAT_VERDICT_OTHER_ACT + 1] = { 0, };
  guint n_checked = 0;
  gboolean json;
  GDate as_of;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("Check as of this date (YYYY-MM-DD, default today)"), "DATE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the reasons: kk, ru or en"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("[FILE] — check employees against the requirements of their posts"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc > 2)
    return usage_error (_("unexpected argument “%s”"), argv[2]);
  if (argc == 2 && db != NULL)
    return usage_error (_("give either --db or a FILE, not both"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (_("unknown format “%s”: use text or json"), format);
  if (!set_language (lang))
    return usage_error (_("unknown language “%s”: use kk, ru or en"), lang);
  if (as_of_text != NULL)
    {
      if (!parse_date_option (as_of_text, &as_of))
        return usage_error (_("“%s” is not a date: write it as YYYY-MM-DD"), as_of_text);
    }
  else
    shtat_date_set_today (&as_of);
  json = format != NULL && g_str_equal (format, "json");

  library = load_library ();
  if (library == NULL)
    return EXIT_FAILURE_RUNTIME;

  if (argc == 2)
    {
      gboolean ok = is_csv (argv[1])
                      ? shtat_personnel_csv_read (argv[1], &employees, &error)
                      : shtat_personnel_xml_read (argv[1], &centres, &employees, NULL, NULL, NULL, &error);
      if (!ok)
        {
          g_printerr ("shtat-cli: %s\n", error->message);
          return EXIT_FAILURE_RUNTIME;
        }
    }
  else
    {
      g_autoptr(ShtatStore) store = open_store (db);

      if (store == NULL)
        return EXIT_FAILURE_RUNTIME;
      employees = shtat_store_load_employees (store, &error);
      if (employees == NULL)
        {
          g_printerr ("shtat-cli: %s\n", error->message);
          return EXIT_FAILURE_RUNTIME;
        }
    }

  if (json)
    {
      j = shtat_json_new ();
      shtat_json_begin_object (j);
      {
        g_autofree char *date = iso_date (&as_of);
        shtat_json_member_string (j, "as_of", date);
      }
      shtat_json_member (j, "checks");
      shtat_json_begin_array (j);
    }

  for (guint e = 0; e < employees->len; e++)
    {
      const ShtatEmployee *employee = g_ptr_array_index (employees, e);
      g_autofree char *name = shtat_employee_dup_full_name (employee);

      for (guint a = 0; a < employee->assignments->len; a++)
        {
          const ShtatAssignment *assignment = &g_array_index (employee->assignments, ShtatAssignment, a);
          g_autoptr(ShtatVerdict) v = NULL;
          g_autofree char *eligible = NULL;

          if (!shtat_assignment_is_open_on (assignment, &as_of))
            continue;

          v = shtat_verdict_compute (library, employee, assignment, &as_of);
          eligible = iso_date (&v->eligible_on);
          counts[v->kind]++;
          n_checked++;

          if (json)
            {
              shtat_json_begin_object (j);
              shtat_json_member_string (j, "iin", employee->iin);
              shtat_json_member_string (j, "name", name);
              shtat_json_member_string (j, "centre", assignment->centre_code);
              shtat_json_member_string (j, "position", assignment->position);
              shtat_json_member_string (j, "verdict", shtat_verdict_kind_to_string (v->kind));
              shtat_json_member_string (j, "category_held", category_code (v->held_category));
              shtat_json_member_string (j, "attainable_category", category_code (v->attainable_category));
              shtat_json_member_bool (j, "held_justified", v->held_justified);
              shtat_json_member_string (j, "next_category", category_code (v->next_category));
              shtat_json_member_bool (j, "next_reachable", v->next_reachable);
              shtat_json_member_string (j, "eligible_on", eligible);
              shtat_json_member (j, "reasons");
              json_remarks (j, v->reasons);
              shtat_json_end_object (j);
            }
          else
            {
              g_autofree char *when = eligible ? shtat_format_iso_date (eligible) : g_strdup ("—");
              const ShtatPosition *pos = shtat_norm_library_get_position (library, assignment->position);
              const ShtatExternalPosition *ext = shtat_norm_library_get_external_position (library, assignment->position);
              const char *post = pos ? shtat_text_get (&pos->name) : ext ? shtat_text_get (&ext->name) : assignment->position;

              g_print ("%s  %s — %s: %s\n", employee->iin, name, post, shtat_verdict_kind_get_label (v->kind));
              g_print (_("    category held: %s; attainable: %s; next: %s, eligible on %s\n"),
                       category_label (v->held_category), category_label (v->attainable_category),
                       category_label (v->next_category), when);
              for (guint r = 0; r < v->reasons->len; r++)
                {
                  g_autofree char *text = shtat_remark_format (g_ptr_array_index (v->reasons, r));
                  g_print ("    %s\n", text);
                }
            }
        }
    }

  if (json)
    {
      shtat_json_end_array (j);
      shtat_json_member_int (j, "checked", n_checked);
      shtat_json_end_object (j);
      g_print ("%s\n", shtat_json_get (j));
    }
  else
    g_print (_("%u checked: %u meet the requirements, %u do not, %u lack data, %u are set by other acts\n"),
             n_checked, counts[SHTAT_VERDICT_MEETS], counts[SHTAT_VERDICT_DOES_NOT_MEET],
             counts[SHTAT_VERDICT_MISSING_DATA], counts[SHTAT_VERDICT_OTHER_ACT]);

  return EXIT_OK;
}
