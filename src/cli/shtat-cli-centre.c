/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shtat-appeals.h"
#include "shtat-cli.h"

/* shtat-cli centre profile|appeals|import-appeals|set, shtat-cli calendar
 * show|holiday|workday|remove, shtat-cli paygrid show|import|export: a
 * centre's profile (the figures its minimum staffing is computed from), the
 * working-day calendar and the pay grid. */

static ShtatStore *
open_store (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db ? g_strdup (db) : shtat_store_default_path ();
  ShtatStore *store = shtat_store_open (path, &error);

  if (store == NULL)
    g_printerr ("shtat-cli: %s\n", error->message);
  return store;
}

static int
runtime_error (const GError *error)
{
  g_printerr ("shtat-cli: %s\n", error->message);
  return EXIT_FAILURE_RUNTIME;
}

/* Parses the options and leaves the positional arguments in @argv: exactly
 * @n_args of them are wanted, @what says which when they are missing. */
static gboolean
parse (int           *argc,
       char        ***argv,
       const char    *summary,
       GOptionEntry  *entries,
       int            n_args,
       const char    *what,
       int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error ("%s", error->message);
      return FALSE;
    }
  if (*argc - 1 < n_args)
    {
      *status = usage_error ("%s", what);
      return FALSE;
    }
  if (*argc - 1 > n_args)
    {
      *status = usage_error (_("unexpected argument “%s”"), (*argv)[n_args + 1]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_month_option (const char *text,
                    ShtatMonth *out,
                    int        *status)
{
  if (shtat_month_parse (text, out))
    return TRUE;
  *status = usage_error (_("“%s” is not a month: write it as YYYY-MM"), text);
  return FALSE;
}

static gboolean
check_format (const char *format,
              int        *status)
{
  if (format == NULL || g_str_equal (format, "text") || g_str_equal (format, "json"))
    return TRUE;
  *status = usage_error (_("unknown format “%s”: use text or json"), format);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* centre profile                                                           */

static void
json_months (ShtatJson *j,
             GArray    *months)
{
  shtat_json_begin_array (j);
  for (guint i = 0; i < months->len; i++)
    {
      g_autofree char *iso = shtat_month_to_iso (&g_array_index (months, ShtatMonth, i));

      shtat_json_string (j, iso);
    }
  shtat_json_end_array (j);
}

static void
print_profile_json (const ShtatCentreProfile  *profile,
                    ShtatCalendar             *calendar,
                    const ShtatAppealsAverage *avg)
{
  g_autoptr(ShtatJson) j = shtat_json_new ();
  g_autofree char *from = shtat_month_to_iso (&avg->from);
  g_autofree char *to = shtat_month_to_iso (&avg->to);
  ShtatMonth m;

  shtat_json_begin_object (j);
  shtat_json_member_string (j, "centre", profile->centre_code);
  shtat_json_member_string (j, "citation", SHTAT_APPEALS_CITE);
  shtat_json_member (j, "period");
  shtat_json_begin_object (j);
  shtat_json_member_string (j, "from", from);
  shtat_json_member_string (j, "to", to);
  shtat_json_end_object (j);

  shtat_json_member (j, "months");
  shtat_json_begin_array (j);
  for (m = avg->from; shtat_month_compare (&m, &avg->to) <= 0; shtat_month_add (&m, 1))
    {
      g_autofree char *iso = shtat_month_to_iso (&m);
      gint64 total = 0;
      guint n_channels = 0;

      shtat_json_begin_object (j);
      shtat_json_member_string (j, "month", iso);
      shtat_json_member_int (j, "working_days", shtat_calendar_count_month (calendar, &m));
      shtat_json_member (j, "counts");
      shtat_json_begin_object (j);
      for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
        {
          gint64 n;

          if (shtat_centre_profile_get_appeals (profile, &m, c, &n))
            {
              shtat_json_member_int (j, shtat_appeal_channel_to_string (c), n);
              total += n;
              n_channels++;
            }
        }
      shtat_json_end_object (j);
      if (n_channels > 0)
        shtat_json_member_int (j, "total", total);
      else
        {
          shtat_json_member (j, "total");
          shtat_json_null (j);
        }
      shtat_json_member_bool (j, "has_data", n_channels > 0);
      shtat_json_end_object (j);
    }
  shtat_json_end_array (j);

  shtat_json_member (j, "channels");
  shtat_json_begin_array (j);
  for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
    {
      shtat_json_begin_object (j);
      shtat_json_member_string (j, "code", shtat_appeal_channel_to_string (c));
      shtat_json_member_string (j, "label", shtat_appeal_channel_get_label (c));
      shtat_json_member_string (j, "citation", shtat_appeal_channel_get_cite (c));
      shtat_json_member_int (j, "total", avg->by_channel[c]);
      shtat_json_end_object (j);
    }
  shtat_json_end_array (j);

  shtat_json_member_int (j, "total_appeals", avg->total);
  shtat_json_member_int (j, "working_days", avg->working_days);
  shtat_json_member_int (j, "n_months", avg->n_months);
  shtat_json_member (j, "missing_months");
  json_months (j, avg->missing);
  shtat_json_member (j, "partial_months");
  json_months (j, avg->partial);
  shtat_json_member_double (j, "average", avg->average);
  shtat_json_member (j, "bracket");
  if (avg->bracket >= 0)
    {
      const ShtatBracket *b = g_ptr_array_index (avg->table->brackets, avg->bracket);

      shtat_json_begin_object (j);
      shtat_json_member_string (j, "table", avg->table->id);
      shtat_json_member_string (j, "id", b->id);
      shtat_json_member_string (j, "label", shtat_text_get (&b->label));
      shtat_json_member_bool (j, "outside_table", avg->outside_table);
      shtat_json_end_object (j);
    }
  else
    shtat_json_null (j);
  shtat_json_member_string (j, "source", avg->source);
  shtat_json_member_string (j, "explanation", avg->explanation);

  shtat_json_member (j, "drivers");
  shtat_json_begin_object (j);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (profile->set[d])
      shtat_json_member_double (j, shtat_driver_to_string (d), profile->values[d]);
  shtat_json_end_object (j);
  shtat_json_member (j, "flags");
  shtat_json_begin_object (j);
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    shtat_json_member_bool (j, shtat_flag_to_string (f), profile->flags[f]);
  shtat_json_end_object (j);
  shtat_json_end_object (j);
  g_print ("%s\n", shtat_json_get (j));
}

/* @text in @width columns, counting characters rather than bytes. */
static void
print_cell (const char *text,
            int         width,
            gboolean    right)
{
  long len = g_utf8_strlen (text, -1);

  if (!right)
    g_print ("%s", text);
  for (long i = len; i < width; i++)
    g_print (" ");
  if (right)
    g_print ("%s", text);
}

static void
print_profile_text (const ShtatCentreProfile  *profile,
                    ShtatCalendar             *calendar,
                    const ShtatAppealsAverage *avg)
{
  ShtatMonth m;

  g_print (_("Centre %s: appeals by channel (%s)\n"), profile->centre_code, SHTAT_APPEALS_CITE);
  for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
    g_print ("  (%u) %-20s %s\n", c + 1, shtat_appeal_channel_to_string (c), shtat_appeal_channel_get_label (c));
  g_print ("\n");
  print_cell (_("Month"), 8, FALSE);
  print_cell (_("Days"), 6, TRUE);
  for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
    {
      g_autofree char *head = g_strdup_printf ("(%u)", c + 1);

      print_cell (head, 9, TRUE);
    }
  print_cell (_("Total"), 10, TRUE);
  g_print ("\n");

  for (m = avg->from; shtat_month_compare (&m, &avg->to) <= 0; shtat_month_add (&m, 1))
    {
      g_autofree char *shown = shtat_month_format (&m);
      gint64 total = 0;
      guint n_channels = 0;

      g_autofree char *days = g_strdup_printf ("%u", shtat_calendar_count_month (calendar, &m));

      print_cell (shown, 8, FALSE);
      print_cell (days, 6, TRUE);
      for (guint c = 0; c < SHTAT_N_APPEAL_CHANNELS; c++)
        {
          g_autofree char *cell = NULL;
          gint64 n;

          if (shtat_centre_profile_get_appeals (profile, &m, c, &n))
            {
              cell = g_strdup_printf ("%" G_GINT64_FORMAT, n);
              total += n;
              n_channels++;
            }
          print_cell (cell != NULL ? cell : "—", 9, TRUE);
        }
      if (n_channels > 0)
        {
          g_autofree char *cell = g_strdup_printf ("%" G_GINT64_FORMAT, total);

          print_cell (cell, 10, TRUE);
          g_print ("\n");
        }
      else
        g_print ("  %s\n", _("no data"));
    }

  g_print ("\n%s\n", avg->explanation);

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (profile->set[d])
      g_print ("%s: %.10g\n", shtat_driver_get_label (d), profile->values[d]);
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (profile->flags[f])
      g_print ("%s\n", shtat_flag_get_condition_label (f, TRUE));
}

static int
centre_profile (int    argc,
                char **argv)
{
  g_autofree char *db = NULL, *format = NULL, *from = NULL, *to = NULL, *table = NULL, *lang = NULL, *as_of = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(ShtatCalendar) calendar = NULL;
  g_autoptr(ShtatAppealsAverage) avg = NULL;
  g_autoptr(GError) error = NULL;
  ShtatMonth from_month, to_month;
  GDate today;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First month of the period (default: the profile’s, or the last twelve months)"), "YYYY-MM" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last month of the period"), "YYYY-MM" },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table, N_("The norm table whose bracket is shown (default: fsc)"), "TABLE" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Today’s date for the check of future months (YYYY-MM-DD)"), "DATE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language: kk, ru or en"), "LANG" },
    { NULL }
  };

  if (!parse (&argc, &argv, _("CENTRE — a centre’s profile and how its appeals per working day are found"),
              entries, 1, _("which centre? Give its code"), &status)
      || !check_format (format, &status))
    return status;
  if ((from == NULL) != (to == NULL))
    return usage_error (_("give both --from and --to, or neither"));
  if (from != NULL && (!parse_month_option (from, &from_month, &status) || !parse_month_option (to, &to_month, &status)))
    return status;
  g_date_clear (&today, 1);
  if (as_of != NULL && !parse_date_option (as_of, &today))
    return usage_error (_("“%s” is not a date: write it as YYYY-MM-DD"), as_of);

  if ((library = load_library ()) == NULL || (store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  if (table != NULL && shtat_norm_library_get_table (library, table) == NULL)
    return usage_error (_("unknown table “%s”"), table);
  profile = shtat_store_load_centre_profile (store, argv[1], &error);
  if (profile == NULL)
    return runtime_error (error);
  calendar = shtat_store_load_calendar (store, &error);
  if (calendar == NULL)
    return runtime_error (error);
  avg = shtat_appeals_average_compute (profile, calendar, library, table, from ? &from_month : NULL,
                                       to ? &to_month : NULL, g_date_valid (&today) ? &today : NULL, &error);
  if (avg == NULL)
    return runtime_error (error);

  if (format != NULL && g_str_equal (format, "json"))
    print_profile_json (profile, calendar, avg);
  else
    print_profile_text (profile, calendar, avg);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* centre appeals, import-appeals, set                                      */

static int
centre_appeals (int    argc,
                char **argv)
{
  g_autofree char *db = NULL, *month_text = NULL, *channel_text = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = -1;
  gboolean remove = FALSE;
  ShtatAppealChannel channel;
  ShtatMonth month;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, N_("The month"), "YYYY-MM" },
    { "channel", 'c', 0, G_OPTION_ARG_STRING, &channel_text, N_("The channel: self, contact-111, information-systems, referrals or media"), "CODE" },
    { "count", 'n', 0, G_OPTION_ARG_INT64, &count, N_("The number of appeals"), "N" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the count instead"), NULL },
    { NULL }
  };

  if (!parse (&argc, &argv, _("CENTRE — record the appeals of one month and channel"),
              entries, 1, _("which centre? Give its code"), &status))
    return status;
  if (month_text == NULL || channel_text == NULL || (count == -1 && !remove))
    return usage_error (_("give --month, --channel and --count"));
  if (!parse_month_option (month_text, &month, &status))
    return status;
  if (!shtat_appeal_channel_parse (channel_text, &channel, &error))
    return usage_error ("%s", error->message);

  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  profile = shtat_store_load_centre_profile (store, argv[1], &error);
  if (profile == NULL)
    return runtime_error (error);
  if (remove)
    shtat_centre_profile_remove_appeals (profile, &month, channel);
  else if (!shtat_centre_profile_set_appeals (profile, &month, channel, count, &error))
    return runtime_error (error);
  if (!shtat_store_save_centre_profile (store, profile, &error))
    return runtime_error (error);

  {
    g_autofree char *shown = shtat_month_format (&month);

    g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, count);

    if (remove)
      g_print (_("%s, %s: removed\n"), shown, shtat_appeal_channel_get_label (channel));
    else
      g_print (_("%s, %s: %s appeals\n"), shown, shtat_appeal_channel_get_label (channel), n);
  }
  return EXIT_OK;
}

static int
centre_import_appeals (int    argc,
                       char **argv)
{
  g_autofree char *db = NULL, *data = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  guint n = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { NULL }
  };

  if (!parse (&argc, &argv, _("CENTRE FILE.csv — monthly appeals from CSV (month,channel,count), all or nothing"),
              entries, 2, _("give the centre’s code and a CSV file"), &status))
    return status;
  if (!g_file_get_contents (argv[2], &data, &len, &error))
    return runtime_error (error);
  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  profile = shtat_store_load_centre_profile (store, argv[1], &error);
  if (profile == NULL)
    return runtime_error (error);
  if (!shtat_centre_profile_read_appeals_csv (profile, argv[2], data, len, NULL, &n, &error)
      || !shtat_store_save_centre_profile (store, profile, &error))
    {
      g_printerr (_("shtat-cli: %s; nothing was imported\n"), error->message);
      return EXIT_FAILURE_RUNTIME;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u monthly count imported for %s\n",
                        "%u monthly counts imported for %s\n", n), n, argv[1]);
  return EXIT_OK;
}

static int
centre_set (int    argc,
            char **argv)
{
  g_autofree char *db = NULL, *from = NULL, *to = NULL;
  g_auto(GStrv) set_flags = NULL;
  g_auto(GStrv) clear_flags = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatCentreProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  double values[SHTAT_N_DRIVERS];
  gboolean default_period = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[SHTAT_N_DRIVERS + 7];
  guint n = 0;

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      values[d] = NAN;
      if (d == SHTAT_DRIVER_APPEALS)
        continue;
      entries[n++] = (GOptionEntry) { shtat_driver_to_string (d), 0, 0, G_OPTION_ARG_DOUBLE, &values[d],
                                      shtat_driver_get_label (d), "N" };
    }
  entries[n++] = (GOptionEntry) { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
                                  N_("The database (default: the user’s Shtat database)"), "PATH" };
  entries[n++] = (GOptionEntry) { "from", 0, 0, G_OPTION_ARG_STRING, &from,
                                  N_("First month of the period the average is taken over"), "YYYY-MM" };
  entries[n++] = (GOptionEntry) { "to", 0, 0, G_OPTION_ARG_STRING, &to,
                                  N_("Last month of the period"), "YYYY-MM" };
  entries[n++] = (GOptionEntry) { "default-period", 0, 0, G_OPTION_ARG_NONE, &default_period,
                                  N_("Take the average over the last twelve months"), NULL };
  entries[n++] = (GOptionEntry) { "set-flag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &set_flags,
                                  N_("Set a fact: has-lift, has-library, has-sewerage…"), "NAME" };
  entries[n++] = (GOptionEntry) { "clear-flag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &clear_flags,
                                  N_("Clear a fact"), "NAME" };
  entries[n] = (GOptionEntry) { NULL };

  if (!parse (&argc, &argv, _("CENTRE — the centre’s vehicles and other figures, and the averaging period"),
              entries, 1, _("which centre? Give its code"), &status))
    return status;
  if ((from == NULL) != (to == NULL))
    return usage_error (_("give both --from and --to, or neither"));

  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  profile = shtat_store_load_centre_profile (store, argv[1], &error);
  if (profile == NULL)
    return runtime_error (error);

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (!isnan (values[d]) && !shtat_centre_profile_set_driver (profile, d, values[d], &error))
      return usage_error ("%s", error->message);
  for (guint pass = 0; pass < 2; pass++)
    for (char **name = pass == 0 ? set_flags : clear_flags; name != NULL && *name != NULL; name++)
      {
        ShtatFlag flag;

        if (!shtat_flag_from_string (*name, &flag))
          return usage_error (_("unknown fact “%s”"), *name);
        shtat_centre_profile_set_flag (profile, flag, pass == 0);
      }
  if (from != NULL)
    {
      ShtatMonth a, b;

      if (!parse_month_option (from, &a, &status) || !parse_month_option (to, &b, &status))
        return status;
      if (!shtat_centre_profile_set_period (profile, &a, &b, &error))
        return usage_error ("%s", error->message);
    }
  else if (default_period)
    shtat_centre_profile_set_period (profile, NULL, NULL, NULL);

  if (!shtat_store_save_centre_profile (store, profile, &error))
    return runtime_error (error);
  g_print (_("The profile of %s is saved\n"), argv[1]);
  return EXIT_OK;
}

int
cmd_centre (int    argc,
            char **argv)
{
  if (argc < 2)
    return usage_error (_("which action? profile, appeals, import-appeals or set"));
  if (g_str_equal (argv[1], "profile"))
    return centre_profile (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "appeals"))
    return centre_appeals (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "import-appeals"))
    return centre_import_appeals (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "set"))
    return centre_set (argc - 1, argv + 1);
  return usage_error (_("unknown action “%s”: use profile, appeals, import-appeals or set"), argv[1]);
}

/* ------------------------------------------------------------------------ */
/* calendar                                                                 */

static int
calendar_show (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  int year = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Show this year’s working days month by month"), "YEAR" },
    { NULL }
  };
  GPtrArray *days;

  if (!parse (&argc, &argv, _("— the holidays and transferred working days"), entries, 0, "", &status))
    return status;
  if (year != 0 && (year < 1900 || year > 9999))
    return usage_error (_("a year from 1900 to 9999"));
  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  calendar = shtat_store_load_calendar (store, &error);
  if (calendar == NULL)
    return runtime_error (error);

  days = shtat_calendar_get_days (calendar);
  for (guint i = 0; i < days->len; i++)
    {
      const ShtatCalendarDay *day = g_ptr_array_index (days, i);
      g_autofree char *when = shtat_format_gdate (&day->date);

      if (year != 0 && g_date_get_year (&day->date) != (GDateYear) year)
        continue;
      g_print ("%s  %s%s%s\n", when, day->working ? _("working day") : _("holiday"),
               day->note != NULL ? " — " : "", day->note != NULL ? day->note : "");
    }
  if (year != 0)
    {
      guint total = 0;

      for (int m = 1; m <= 12; m++)
        {
          ShtatMonth month = { year, m };
          g_autofree char *shown = shtat_month_format (&month);
          guint n = shtat_calendar_count_month (calendar, &month);

          g_print (_("%s: %u working days\n"), shown, n);
          total += n;
        }
      g_print (_("%d: %u working days\n"), year, total);
    }
  return EXIT_OK;
}

static int
calendar_change (int          argc,
                 char       **argv,
                 int          working)   /* 1, 0, or -1 to remove */
{
  g_autofree char *db = NULL, *note = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  GDate date;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the day is, e.g. the holiday’s name"), "TEXT" },
    { NULL }
  };

  if (!parse (&argc, &argv, _("DATE — a holiday, a working day on a weekend, or neither"), entries, 1,
              _("give the date as YYYY-MM-DD"), &status))
    return status;
  if (!parse_date_option (argv[1], &date))
    return usage_error (_("“%s” is not a date: write it as YYYY-MM-DD"), argv[1]);
  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  calendar = shtat_store_load_calendar (store, &error);
  if (calendar == NULL)
    return runtime_error (error);
  if (working < 0)
    shtat_calendar_remove_day (calendar, &date);
  else if (!shtat_calendar_set_day (calendar, &date, working == 1, note, &error))
    return usage_error ("%s", error->message);
  if (!shtat_store_save_calendar (store, calendar, &error))
    return runtime_error (error);

  when = shtat_format_gdate (&date);
  g_print ("%s: %s\n", when, working < 0 ? _("as the usual week") : working ? _("working day") : _("holiday"));
  return EXIT_OK;
}

int
cmd_calendar (int    argc,
              char **argv)
{
  if (argc < 2)
    return usage_error (_("which action? show, holiday, workday or remove"));
  if (g_str_equal (argv[1], "show"))
    return calendar_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "holiday"))
    return calendar_change (argc - 1, argv + 1, 0);
  if (g_str_equal (argv[1], "workday"))
    return calendar_change (argc - 1, argv + 1, 1);
  if (g_str_equal (argv[1], "remove"))
    return calendar_change (argc - 1, argv + 1, -1);
  return usage_error (_("unknown action “%s”: use show, holiday, workday or remove"), argv[1]);
}

/* ------------------------------------------------------------------------ */
/* paygrid                                                                  */

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static int
paygrid_show (int    argc,
              char **argv)
{
  g_autofree char *db = NULL, *format = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatPayGrid) grid = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, json or csv"), "FORMAT" },
    { NULL }
  };
  GPtrArray *bases, *cells, *positions;

  if (!parse (&argc, &argv, _("— the pay grid: base official salaries, coefficients, placements"), entries, 0, "",
              &status))
    return status;
  if (format != NULL && !g_str_equal (format, "csv") && !check_format (format, &status))
    return status;
  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  grid = shtat_store_load_pay_grid (store, &error);
  if (grid == NULL)
    return runtime_error (error);
  bases = shtat_pay_grid_get_bases (grid);
  cells = shtat_pay_grid_get_coefficients (grid);
  positions = shtat_pay_grid_get_positions (grid);

  if (format != NULL && g_str_equal (format, "csv"))
    {
      g_autofree char *csv = shtat_pay_grid_to_csv (grid);

      g_print ("%s", csv);
    }
  else if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(ShtatJson) j = shtat_json_new ();

      shtat_json_begin_object (j);
      shtat_json_member (j, "bases");
      shtat_json_begin_array (j);
      for (guint i = 0; i < bases->len; i++)
        {
          const ShtatPayBase *b = g_ptr_array_index (bases, i);
          g_autofree char *from = iso (&b->from);

          shtat_json_begin_object (j);
          shtat_json_member_string (j, "from", from);
          shtat_json_member_int (j, "tiyn", b->tiyn);
          shtat_json_end_object (j);
        }
      shtat_json_end_array (j);
      shtat_json_member (j, "coefficients");
      shtat_json_begin_array (j);
      for (guint i = 0; i < cells->len; i++)
        {
          const ShtatPayCoefficient *c = g_ptr_array_index (cells, i);
          g_autofree char *from = iso (&c->from);
          g_autofree char *value = shtat_coefficient_format (c->coefficient);

          shtat_json_begin_object (j);
          shtat_json_member_string (j, "block", c->block);
          shtat_json_member_string (j, "category", c->category);
          shtat_json_member_int (j, "years", c->years);
          shtat_json_member_string (j, "from", from);
          shtat_json_member_string (j, "coefficient", value);
          shtat_json_end_object (j);
        }
      shtat_json_end_array (j);
      shtat_json_member (j, "positions");
      shtat_json_begin_array (j);
      for (guint i = 0; i < positions->len; i++)
        {
          const ShtatPayPosition *p = g_ptr_array_index (positions, i);

          shtat_json_begin_object (j);
          shtat_json_member_string (j, "position", p->position);
          shtat_json_member_string (j, "block", p->block);
          shtat_json_member_string (j, "category", p->category);
          shtat_json_member_int (j, "years", p->years);
          shtat_json_end_object (j);
        }
      shtat_json_end_array (j);
      shtat_json_end_object (j);
      g_print ("%s\n", shtat_json_get (j));
    }
  else
    {
      g_print ("%s\n", _("Base official salary:"));
      for (guint i = 0; i < bases->len; i++)
        {
          const ShtatPayBase *b = g_ptr_array_index (bases, i);
          g_autofree char *from = shtat_format_gdate (&b->from);
          g_autofree char *money = shtat_money_format (b->tiyn);

          g_print (_("  from %s: %s\n"), from, money);
        }
      g_print ("%s\n", _("Coefficients:"));
      for (guint i = 0; i < cells->len; i++)
        {
          const ShtatPayCoefficient *c = g_ptr_array_index (cells, i);
          g_autofree char *from = shtat_format_gdate (&c->from);
          g_autofree char *value = shtat_coefficient_format (c->coefficient);

          g_print (_("  %s %s, %u years and more, from %s: %s\n"), c->block, c->category ? c->category : "",
                   c->years, from, value);
        }
      g_print ("%s\n", _("Positions:"));
      for (guint i = 0; i < positions->len; i++)
        {
          const ShtatPayPosition *p = g_ptr_array_index (positions, i);

          g_print (_("  %s: %s %s, %u years\n"), p->position, p->block, p->category ? p->category : "", p->years);
        }
    }
  return EXIT_OK;
}

static int
paygrid_import (int    argc,
                char **argv)
{
  g_autofree char *db = NULL, *data = NULL;
  g_autoptr(ShtatStore) store = NULL;
  g_autoptr(ShtatPayGrid) grid = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database (default: the user’s Shtat database)"), "PATH" },
    { NULL }
  };

  if (!parse (&argc, &argv, _("FILE.csv — replace the pay grid with the one in the file (docs/pay-grid.md)"),
              entries, 1, _("give a CSV file"), &status))
    return status;
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    return runtime_error (error);
  grid = shtat_pay_grid_from_csv (argv[1], data, len, &error);
  if (grid == NULL)
    {
      g_printerr (_("shtat-cli: %s; nothing was imported\n"), error->message);
      return EXIT_FAILURE_RUNTIME;
    }
  if ((store = open_store (db)) == NULL)
    return EXIT_FAILURE_RUNTIME;
  if (!shtat_store_save_pay_grid (store, grid, &error))
    return runtime_error (error);
  g_print (_("Pay grid saved: %u base salaries, %u coefficients, %u positions\n"),
           shtat_pay_grid_get_bases (grid)->len, shtat_pay_grid_get_coefficients (grid)->len,
           shtat_pay_grid_get_positions (grid)->len);
  return EXIT_OK;
}

int
cmd_paygrid (int    argc,
             char **argv)
{
  if (argc < 2)
    return usage_error (_("which action? show or import"));
  if (g_str_equal (argv[1], "show"))
    return paygrid_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "import"))
    return paygrid_import (argc - 1, argv + 1);
  return usage_error (_("unknown action “%s”: use show or import"), argv[1]);
}
