/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shtat-cli.h"

/* shtat-cli schedule new|show|check|submit|approve|export: the staffing
 * schedules of a centre, version by version. */

typedef struct
{
  char    *db;
  char    *centre;
  int      version;       /* 0: the latest */
  char    *format;
  char    *lang;
} Common;

static void
common_clear (Common *c)
{
  g_free (c->db);
  g_free (c->centre);
  g_free (c->format);
  g_free (c->lang);
}

static ShtatStore *
open_db (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db ? g_strdup (db) : shtat_store_default_path ();
  ShtatStore *store = shtat_store_open (path, &error);

  if (store == NULL)
    g_printerr ("shtat-cli: %s\n", error->message);
  return store;
}

/* The version asked for, or the latest one. */
static ShtatSchedule *
find_version (ShtatStore *store,
              const char *centre,
              int         version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = shtat_store_list_schedules (store, centre, &error);
  ShtatSchedule *found = NULL;

  if (versions == NULL)
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      return NULL;
    }
  for (guint i = 0; i < versions->len; i++)
    {
      ShtatSchedule *s = g_ptr_array_index (versions, i);

      if (version == 0 || (int) shtat_schedule_get_version (s) == version)
        found = s;
    }
  if (found == NULL)
    {
      if (version == 0)
        g_printerr (_("shtat-cli: centre “%s” has no staffing schedule yet: make one with “shtat-cli schedule new”\n"),
                    centre);
      else
        g_printerr (_("shtat-cli: there is no version %d of the schedule of “%s”\n"), version, centre);
      return NULL;
    }
  return shtat_schedule_ref (found);
}

static const ShtatNormTable *
schedule_table (ShtatNormLibrary    *library,
                const ShtatSchedule *schedule)
{
  const char *id = shtat_schedule_get_table (schedule);

  return shtat_norm_library_get_table_or_centre (library, id);
}

static gboolean
parse_common (int           *argc,
              char        ***argv,
              const char    *summary,
              GOptionEntry  *extra,
              Common        *c,
              gboolean       need_centre,
              int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &c->db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "centre", 'c', 0, G_OPTION_ARG_STRING, &c->centre, N_("The centre’s code"), "CODE" },
    { "version", 'v', 0, G_OPTION_ARG_INT, &c->version, N_("The version (default: the latest)"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &c->format, N_("Output format"), "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &c->lang, N_("Language: kk, ru or en"), "LANG" },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ("%s", error->message);
      return FALSE;
    }
  if (need_centre && c->centre == NULL)
    {
      *status = usage_error (_("which centre? Give --centre CODE"));
      return FALSE;
    }
  if (c->version < 0)
    {
      *status = usage_error (_("a version number is 1 or more"));
      return FALSE;
    }
  return TRUE;
}

/* The norm data, the database and the version asked for, or a message. */
static gboolean
open_version (Common            *c,
              ShtatNormLibrary **library,
              ShtatStore       **store,
              ShtatSchedule    **schedule)
{
  return (*library = load_library ()) != NULL
         && (*store = open_db (c->db)) != NULL
         && (*schedule = find_version (*store, c->centre, c->version)) != NULL;
}

static gboolean
format_is_text_or_json (const Common *c,
                        int          *status)
{
  if (c->format == NULL || g_str_equal (c->format, "text") || g_str_equal (c->format, "json"))
    return TRUE;
  *status = usage_error (_("unknown format “%s”: use text or json"), c->format);
  return FALSE;
}

/* ------------------------------------------------------------------------ */

static int
schedule_new (int    argc,
              char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) schedule = NULL;
  g_autofree char *table_id = NULL;
  double appeals = NAN, vehicles = NAN;
  gboolean from_approved = FALSE;
  guint next = 1;
  int status = EXIT_OK;
  GOptionEntry extra[] = {
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_id, N_("The norm table (default: fsc)"), "TABLE" },
    { "appeals", 0, 0, G_OPTION_ARG_DOUBLE, &appeals, N_("Average appeals per working day"), "N" },
    { "vehicles", 0, 0, G_OPTION_ARG_DOUBLE, &vehicles, N_("Number of vehicles"), "N" },
    { "from-approved", 0, 0, G_OPTION_ARG_NONE, &from_approved, N_("Copy the approved version instead"), NULL },
    { NULL }
  };

  if (!parse_common (&argc, &argv, _("— a new draft of a centre’s staffing schedule"), extra, &c, TRUE, &status))
    goto out;
  if ((library = load_library ()) == NULL || (store = open_db (c.db)) == NULL)
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }

  {
    ShtatDrivers given;

    shtat_drivers_init (&given);
    if (!isnan (appeals))
      shtat_drivers_set (&given, SHTAT_DRIVER_APPEALS, appeals);
    if (!isnan (vehicles))
      shtat_drivers_set (&given, SHTAT_DRIVER_VEHICLES, vehicles);
    schedule = shtat_planning_new_draft (store, library, c.centre, table_id,
                                         from_approved ? SHTAT_DRAFT_FROM_APPROVED : SHTAT_DRAFT_FROM_NORMS, &given,
                                         FALSE, &error);
  }
  if (schedule == NULL)
    {
      /* what the user asked for cannot be: no approved version, an unknown
       * table, a driver nobody gives */
      if (error->domain == SHTAT_MINIMUM_ERROR
          || g_error_matches (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_STATUS)
          || g_error_matches (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_INVALID))
        {
          status = usage_error ("%s", error->message);
          goto out;
        }
      goto fail;
    }
  next = shtat_schedule_get_version (schedule);

  {
    g_autofree char *units = shtat_units_format_locale (shtat_schedule_get_total_units (schedule));
    g_print (_("Draft version %u of the schedule of “%s”: %s staff units in %u lines\n"),
             next, c.centre, units, shtat_schedule_get_n_lines (schedule));
  }
  goto out;

fail:
  g_printerr ("shtat-cli: %s\n", error->message);
  status = EXIT_FAILURE_RUNTIME;
out:
  common_clear (&c);
  return status;
}

static int
schedule_show (int    argc,
               char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) s = NULL;
  gint64 monthly = 0, annual = 0;
  int status = EXIT_OK;

  if (!parse_common (&argc, &argv, _("— a version of a centre’s staffing schedule"), NULL, &c, TRUE, &status))
    goto out;
  if (!format_is_text_or_json (&c, &status))
    goto out;
  if (!open_version (&c, &library, &store, &s))
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  if (!shtat_schedule_get_fund (s, &monthly, &annual, &error))
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }

  if (c.format != NULL && g_str_equal (c.format, "json"))
    {
      g_autoptr(ShtatJson) j = shtat_json_new ();

      shtat_json_begin_object (j);
      shtat_json_member_string (j, "centre", shtat_schedule_get_centre (s));
      shtat_json_member_int (j, "version", shtat_schedule_get_version (s));
      shtat_json_member_string (j, "status", shtat_schedule_status_to_string (shtat_schedule_get_status (s)));
      shtat_json_member_string (j, "table", shtat_schedule_get_table (s));
      shtat_json_member_string (j, "sha256", shtat_schedule_get_sha256 (s));
      shtat_json_member (j, "lines");
      shtat_json_begin_array (j);
      for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
        {
          const ShtatScheduleLine *line = shtat_schedule_get_line (s, i);
          g_autofree char *name = shtat_schedule_dup_position_label (library, shtat_schedule_get_table (s), line->position);
          gint64 fund = 0;

          shtat_schedule_line_get_fund (line, &fund, NULL);
          shtat_json_begin_object (j);
          shtat_json_member_string (j, "unit", line->unit);
          shtat_json_member_string (j, "position", line->position);
          shtat_json_member_string (j, "name", name);
          shtat_json_member_string (j, "grade", line->grade);
          shtat_json_member (j, "units");
          shtat_json_units (j, line->units);
          shtat_json_member_int (j, "salary_tiyn", line->salary);
          shtat_json_member_int (j, "allowances_tiyn", line->allowances);
          shtat_json_member_int (j, "monthly_fund_tiyn", fund);
          shtat_json_end_object (j);
        }
      shtat_json_end_array (j);
      shtat_json_member (j, "total_units");
      shtat_json_units (j, shtat_schedule_get_total_units (s));
      shtat_json_member_int (j, "monthly_fund_tiyn", monthly);
      shtat_json_member_int (j, "annual_fund_tiyn", annual);
      shtat_json_end_object (j);
      g_print ("%s\n", shtat_json_get (j));
    }
  else
    {
      g_autofree char *units = shtat_units_format_locale (shtat_schedule_get_total_units (s));
      g_autofree char *m = shtat_money_format (monthly);
      g_autofree char *a = shtat_money_format (annual);

      g_print (_("Schedule of “%s”, version %u: %s\n"), shtat_schedule_get_centre (s),
               shtat_schedule_get_version (s), shtat_schedule_status_get_label (shtat_schedule_get_status (s)));
      for (guint i = 0; i < shtat_schedule_get_n_lines (s); i++)
        {
          const ShtatScheduleLine *line = shtat_schedule_get_line (s, i);
          g_autofree char *name = shtat_schedule_dup_position_label (library, shtat_schedule_get_table (s), line->position);
          g_autofree char *u = shtat_units_format_locale (line->units);
          g_autofree char *salary = shtat_money_format (line->salary);

          g_print ("%3u  %-40s %6s  %s\n", i + 1, name, u, salary);
        }
      g_print (_("Total: %s staff units; wage fund %s a month, %s a year\n"), units, m, a);
    }

out:
  common_clear (&c);
  return status;
}

static int
schedule_check (int    argc,
                char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) s = NULL;
  g_autoptr(ShtatScheduleCheck) check = NULL;
  int status = EXIT_OK;

  if (!parse_common (&argc, &argv, _("— the compliance of a schedule with the minimum norms"), NULL, &c, TRUE, &status))
    goto out;
  if (!format_is_text_or_json (&c, &status))
    goto out;
  if (!open_version (&c, &library, &store, &s))
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  check = shtat_schedule_check (s, library, schedule_table (library, s), NULL, &error);
  if (check == NULL)
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }

  if (c.format != NULL && g_str_equal (c.format, "json"))
    {
      g_autoptr(ShtatJson) j = shtat_json_new ();

      shtat_json_begin_object (j);
      shtat_json_member_string (j, "centre", shtat_schedule_get_centre (s));
      shtat_json_member_int (j, "version", shtat_schedule_get_version (s));
      shtat_json_member (j, "rows");
      shtat_json_begin_array (j);
      for (guint i = 0; i < check->rows->len; i++)
        {
          const ShtatComplianceRow *row = g_ptr_array_index (check->rows, i);

          shtat_json_begin_object (j);
          if (row->row != NULL)
            shtat_json_member_int (j, "row", row->row->n);
          shtat_json_member_string (j, "position", row->position);
          shtat_json_member (j, "minimum");
          if (row->minimum >= 0)
            shtat_json_units (j, row->minimum);
          else
            shtat_json_null (j);
          shtat_json_member (j, "planned");
          shtat_json_units (j, row->planned);
          shtat_json_member_string (j, "status", shtat_compliance_status_to_string (row->status));
          shtat_json_member_string (j, "severity", shtat_enum_to_nick (SHTAT_TYPE_SEVERITY, row->severity));
          shtat_json_member_string (j, "message", row->message);
          shtat_json_member (j, "remarks");
          json_remarks (j, row->remarks);
          shtat_json_end_object (j);
        }
      shtat_json_end_array (j);
      shtat_json_member_int (j, "monthly_fund_tiyn", check->fund);
      shtat_json_member_int (j, "minimum_cost_tiyn", check->minimum_cost);
      shtat_json_member_bool (j, "fund_covers_minimum", check->fund_covers_minimum);
      shtat_json_member_int (j, "errors", check->n_errors);
      shtat_json_member_int (j, "warnings", check->n_warnings);
      shtat_json_end_object (j);
      g_print ("%s\n", shtat_json_get (j));
    }
  else
    {
      for (guint i = 0; i < check->rows->len; i++)
        {
          const ShtatComplianceRow *row = g_ptr_array_index (check->rows, i);
          const char *mark = row->severity == SHTAT_SEVERITY_ERROR ? "✗" : row->severity == SHTAT_SEVERITY_WARNING ? "!" : "✓";

          g_print ("%s %s\n", mark, row->message);
        }
      g_print (_("%u errors, %u warnings\n"), check->n_errors, check->n_warnings);
    }

out:
  common_clear (&c);
  return status;
}

static int
schedule_submit (int    argc,
                 char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) s = NULL;
  int status = EXIT_OK;

  if (!parse_common (&argc, &argv, _("— submit a draft for approval"), NULL, &c, TRUE, &status))
    goto out;
  if (!open_version (&c, &library, &store, &s))
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  if (!shtat_schedule_submit (s, library, schedule_table (library, s), &error)
      || !shtat_store_save_schedule (store, s, &error))
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  g_print (_("Version %u of the schedule of “%s” is submitted for approval\n"), shtat_schedule_get_version (s), c.centre);

out:
  common_clear (&c);
  return status;
}

static int
schedule_approve (int    argc,
                  char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) s = NULL;
  g_autoptr(ShtatSchedule) approved = NULL;
  g_autofree char *order = NULL, *order_date = NULL, *akimat = NULL, *signatory = NULL, *effective = NULL;
  ShtatApproval approval = { 0, };
  int status = EXIT_OK;
  GOptionEntry extra[] = {
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("Number of the akimat’s order"), "NUMBER" },
    { "order-date", 0, 0, G_OPTION_ARG_STRING, &order_date, N_("Date of the order (YYYY-MM-DD)"), "DATE" },
    { "akimat", 0, 0, G_OPTION_ARG_STRING, &akimat, N_("The akimat that approves"), "NAME" },
    { "signatory", 0, 0, G_OPTION_ARG_STRING, &signatory, N_("Who signs"), "NAME" },
    { "effective", 0, 0, G_OPTION_ARG_STRING, &effective, N_("Date it takes effect (YYYY-MM-DD)"), "DATE" },
    { NULL }
  };

  if (!parse_common (&argc, &argv, _("— approve a submitted schedule with the akimat’s order"), extra, &c, TRUE, &status))
    goto out;
  g_date_clear (&approval.order_date, 1);
  g_date_clear (&approval.effective, 1);
  if ((order_date != NULL && !parse_date_option (order_date, &approval.order_date))
      || (effective != NULL && !parse_date_option (effective, &approval.effective)))
    {
      status = usage_error (_("“%s” is not a date: write it as YYYY-MM-DD"),
                            order_date && !g_date_valid (&approval.order_date) ? order_date : effective);
      goto out;
    }
  approval.order_number = order;
  approval.akimat = akimat;
  approval.signatory = signatory;

  if (!open_version (&c, &library, &store, &s))
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  approved = shtat_planning_approve (store, library, c.centre, shtat_schedule_get_version (s), &approval, &error);
  if (approved == NULL)
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  g_print (_("Version %u of the schedule of “%s” is approved; SHA-256 %s\n"), shtat_schedule_get_version (approved),
           c.centre, shtat_schedule_get_sha256 (approved));

out:
  common_clear (&c);
  return status;
}

static int
schedule_export (int    argc,
                 char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) s = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  const char *centre_name = NULL;
  ShtatLang lang = shtat_lang_current ();
  gboolean ok = FALSE;
  int status = EXIT_OK;

  if (!parse_common (&argc, &argv, _("FILE — the schedule as PDF, XLSX or XML"), NULL, &c, TRUE, &status))
    goto out;
  if (argc != 2)
    {
      status = usage_error (_("give exactly one file to write"));
      goto out;
    }
  if (c.format == NULL || !(g_str_equal (c.format, "pdf") || g_str_equal (c.format, "xlsx") || g_str_equal (c.format, "xml")))
    {
      status = usage_error (_("give --format pdf, xlsx or xml"));
      goto out;
    }
  if (c.lang != NULL && !shtat_lang_from_string (c.lang, &lang))
    {
      status = usage_error (_("unknown language “%s”: use kk, ru or en"), c.lang);
      goto out;
    }
  if (!open_version (&c, &library, &store, &s))
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }

  centres = shtat_store_list_centres (store, NULL);
  for (guint i = 0; centres != NULL && i < centres->len; i++)
    {
      ShtatCentre *ce = g_ptr_array_index (centres, i);
      if (g_strcmp0 (ce->code, c.centre) == 0)
        centre_name = shtat_centre_get_name (ce, lang);
    }
  if (centre_name == NULL)
    centre_name = c.centre;

  if (g_str_equal (c.format, "pdf"))
    ok = shtat_schedule_write_pdf (s, library, centre_name, lang, argv[1], &error);
  else if (g_str_equal (c.format, "xlsx"))
    ok = shtat_schedule_write_xlsx (s, library, centre_name, lang, argv[1], &error);
  else
    {
      g_autoptr(GBytes) xml = shtat_schedule_to_xml (s);
      ok = g_file_set_contents_full (argv[1], g_bytes_get_data (xml, NULL), (gssize) g_bytes_get_size (xml),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error);
    }
  if (!ok)
    {
      g_printerr ("shtat-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
    }

out:
  common_clear (&c);
  return status;
}

/* A schedule in the XML of `export`, saved as the version it names. */
static int
schedule_import (int    argc,
                 char **argv)
{
  Common c = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatSchedule) s = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  int status = EXIT_OK;

  if (!parse_common (&argc, &argv, _("FILE — save a schedule written as XML"), NULL, &c, FALSE, &status))
    goto out;
  if (argc != 2)
    {
      status = usage_error (_("give exactly one file to import"));
      goto out;
    }
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    goto fail;
  xml = g_bytes_new_take (g_steal_pointer (&data), len);
  s = shtat_schedule_from_xml (xml, &error);
  if (s == NULL)
    goto fail;
  if (!shtat_schedule_verify (s, &error))
    goto fail;
  if ((store = open_db (c.db)) == NULL)
    {
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }
  if (!shtat_store_save_schedule (store, s, &error))
    goto fail;
  g_print (_("Version %u of the schedule of “%s” is saved\n"), shtat_schedule_get_version (s),
           shtat_schedule_get_centre (s));
  goto out;

fail:
  g_printerr ("shtat-cli: %s: %s\n", argv[1], error->message);
  status = EXIT_FAILURE_RUNTIME;
out:
  common_clear (&c);
  return status;
}

int
cmd_schedule (int    argc,
              char **argv)
{
  if (argc < 2)
    return usage_error (_("which action? new, show, check, submit, approve, export or import"));
  if (g_str_equal (argv[1], "new"))
    return schedule_new (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return schedule_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "check"))
    return schedule_check (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "submit"))
    return schedule_submit (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "approve"))
    return schedule_approve (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return schedule_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "import"))
    return schedule_import (argc - 1, argv + 1);
  return usage_error (_("unknown action “%s”: use new, show, check, submit, approve, export or import"), argv[1]);
}
