/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "shtat-cli.h"
#include "shtat-core.h"
#include "shtat-enum.h"
#include "shtat-json.h"
#include "shtat-norms-enums.h"

int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("shtat-cli: %s\n", message);
  g_printerr (_("Run “shtat-cli --help” for the commands and their options.\n"));
  return EXIT_USAGE;
}

/* Prints `s` left-aligned in `width` columns, counting characters, not bytes. */
static void
print_padded (const char *s,
              int         width)
{
  long len = g_utf8_strlen (s, -1);

  g_print ("%s", s);
  for (long i = len; i < width; i++)
    g_print (" ");
}

static void
print_remark (const ShtatRemark *remark,
              const char        *indent)
{
  g_autofree char *text = shtat_remark_format (remark);
  g_print ("%s%s\n", indent, text);
}

gboolean
set_language (const char *lang)
{
  ShtatLang l;

  if (lang == NULL)
    return TRUE;
  if (!shtat_lang_from_string (lang, &l))
    return FALSE;
  shtat_lang_set_override (l);
  /* gettext must speak the same language as the norm data */
  g_setenv ("LANGUAGE", shtat_lang_to_string (l), TRUE);
  setlocale (LC_MESSAGES, "");
  return TRUE;
}

ShtatNormLibrary *
load_library (void)
{
  g_autoptr(GError) error = NULL;
  ShtatNormLibrary *library = shtat_norm_library_load_default (&error);

  if (library == NULL)
    g_printerr (_("shtat-cli: the norm data cannot be loaded: %s\n"), error->message);
  else
    for (guint i = 0; i < shtat_norm_library_get_warnings (library)->len; i++)
      g_printerr ("shtat-cli: %s\n", (char *) g_ptr_array_index (shtat_norm_library_get_warnings (library), i));
  return library;
}

static GString *
table_list (ShtatNormLibrary *library)
{
  GPtrArray *tables = shtat_norm_library_get_tables (library);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      const ShtatNormTable *t = g_ptr_array_index (tables, i);
      g_string_append_printf (s, "%s%s", i ? ", " : "", t->id);
    }
  return s;
}

/* "YYYY-MM-DD", and only real dates. */
gboolean
parse_date_option (const char *text,
                   GDate      *out)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt), (GDateYear) g_date_time_get_year (dt));
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* shtat-cli minimum                                                        */

static void
print_minimum_text (const ShtatMinimum *m)
{
  const ShtatNormTable *t = m->table;
  g_autofree char *total = shtat_units_format_locale (m->total_units);
  const ShtatSection *current_section = NULL;

  g_print ("%s (%s)\n", shtat_text_get (&t->name), t->cite);
  if (t->act != NULL)
    {
      g_autofree char *date = shtat_format_iso_date (t->act->date);
      g_print (_("Order %s of %s\n"), t->act->number, date);
    }

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (shtat_norm_table_uses_driver (t, d))
      g_print ("%s: %.10g\n", shtat_driver_get_label (d), m->drivers.values[d]);
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (shtat_norm_table_uses_flag (t, f))
      g_print ("%s: %s\n", shtat_flag_get_label (f), m->drivers.flags[f] ? _("yes") : _("no"));
  if (m->bracket >= 0)
    {
      const ShtatBracket *b = g_ptr_array_index (t->brackets, m->bracket);
      g_print (_("Bracket: %s%s\n"), shtat_text_get (&b->label),
               m->outside_table ? _(" (outside the table)") : "");
    }
  g_print ("\n");

  for (guint i = 0; i < m->lines->len; i++)
    {
      const ShtatMinimumLine *line = g_ptr_array_index (m->lines, i);
      g_autofree char *units = shtat_units_format_locale (line->units);
      g_autofree char *n = g_strdup_printf ("%3u", line->row->n);
      g_autofree char *name = shtat_capitalize_first (shtat_text_get (&line->row->name));

      if (line->row->section != current_section)
        {
          current_section = line->row->section;
          if (shtat_text_is_set (&current_section->name))
            g_print ("    %s\n", shtat_text_get (&current_section->name));
        }

      g_print ("%s  ", n);
      print_padded (name, 46);
      /* right-aligned, counting characters: "—" is one column but three bytes */
      for (long pad = 7 - g_utf8_strlen (units, -1); pad > 0; pad--)
        g_print (" ");
      g_print ("%s  %s  [%s]\n", units, line->explanation, line->row->cite);
      for (guint r = 0; r < line->remarks->len; r++)
        print_remark (g_ptr_array_index (line->remarks, r), "       ");
    }

  g_print ("\n");
  if (m->n_typical > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Total: %s units (%u row set by typical norms is not counted)\n",
                          "Total: %s units (%u rows set by typical norms are not counted)\n",
                          m->n_typical),
             total, m->n_typical);
  else
    g_print (_("Total: %s units\n"), total);

  if (m->remarks->len > 0)
    g_print ("\n");
  for (guint r = 0; r < m->remarks->len; r++)
    print_remark (g_ptr_array_index (m->remarks, r), "");
}

void
json_remarks (ShtatJson *j,
              GPtrArray *remarks)
{
  shtat_json_begin_array (j);
  for (guint r = 0; r < remarks->len; r++)
    {
      const ShtatRemark *remark = g_ptr_array_index (remarks, r);

      shtat_json_begin_object (j);
      shtat_json_member_string (j, "kind", shtat_remark_kind_to_string (remark->kind));
      if (remark->interpretation > 0)
        shtat_json_member_int (j, "interpretation", remark->interpretation);
      shtat_json_member_string (j, "label", shtat_remark_kind_get_label (remark->kind));
      shtat_json_member_string (j, "citation", remark->cite);
      shtat_json_member_string (j, "text", remark->text);
      shtat_json_end_object (j);
    }
  shtat_json_end_array (j);
}

static void
print_minimum_json (const ShtatMinimum *m)
{
  const ShtatNormTable *t = m->table;
  g_autoptr(ShtatJson) j = shtat_json_new ();

  shtat_json_begin_object (j);
  shtat_json_member_string (j, "table", t->id);
  shtat_json_member_string (j, "name", shtat_text_get (&t->name));
  shtat_json_member_string (j, "citation", t->cite);
  if (t->act != NULL)
    {
      shtat_json_member (j, "act");
      shtat_json_begin_object (j);
      shtat_json_member_string (j, "number", t->act->number);
      shtat_json_member_string (j, "date", t->act->date);
      shtat_json_end_object (j);
    }

  shtat_json_member (j, "drivers");
  shtat_json_begin_object (j);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (shtat_norm_table_uses_driver (t, d))
      shtat_json_member_double (j, shtat_driver_to_string (d), m->drivers.values[d]);
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (shtat_norm_table_uses_flag (t, f))
      shtat_json_member_bool (j, shtat_flag_to_string (f), m->drivers.flags[f]);
  shtat_json_end_object (j);

  shtat_json_member (j, "bracket");
  if (m->bracket >= 0)
    {
      const ShtatBracket *b = g_ptr_array_index (t->brackets, m->bracket);

      shtat_json_begin_object (j);
      shtat_json_member_string (j, "id", b->id);
      shtat_json_member_string (j, "label", shtat_text_get (&b->label));
      shtat_json_member_bool (j, "outside_table", m->outside_table);
      shtat_json_end_object (j);
    }
  else
    shtat_json_null (j);

  shtat_json_member (j, "rows");
  shtat_json_begin_array (j);
  for (guint i = 0; i < m->lines->len; i++)
    {
      const ShtatMinimumLine *line = g_ptr_array_index (m->lines, i);

      shtat_json_begin_object (j);
      shtat_json_member_int (j, "row", line->row->n);
      shtat_json_member_string (j, "position", line->row->position);
      shtat_json_member_string (j, "name", shtat_text_get (&line->row->name));
      shtat_json_member_string (j, "section", line->row->section->id);
      shtat_json_member_string (j, "rule", shtat_rule_kind_to_string (line->row->kind));
      shtat_json_member (j, "units");
      if (line->units >= 0)
        shtat_json_units (j, line->units);
      else
        shtat_json_null (j);
      shtat_json_member_bool (j, "applies", line->applies);
      shtat_json_member_string (j, "explanation", line->explanation);
      shtat_json_member_string (j, "citation", line->row->cite);
      shtat_json_member (j, "remarks");
      json_remarks (j, line->remarks);
      shtat_json_end_object (j);
    }
  shtat_json_end_array (j);

  shtat_json_member (j, "total_units");
  shtat_json_units (j, m->total_units);
  shtat_json_member_int (j, "typical_rows", m->n_typical);
  shtat_json_member (j, "remarks");
  json_remarks (j, m->remarks);
  shtat_json_end_object (j);

  g_print ("%s\n", shtat_json_get (j));
}

static int
cmd_minimum (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autoptr(ShtatMinimum) minimum = NULL;
  g_autofree char *table_id = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *rounding = NULL;
  g_autofree char *as_of = NULL;
  double values[SHTAT_N_DRIVERS];
  gboolean flags[SHTAT_N_FLAGS] = { FALSE, };
  ShtatRatioRounding ratio_rounding = SHTAT_RATIO_ROUNDING_DEFAULT;
  const ShtatNormTable *table;
  ShtatDrivers drivers;
  GOptionEntry entries[] = {
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_id, N_("The norm table (see “shtat-cli norms”)"), "TABLE" },
    { "appeals", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_APPEALS], N_("Average appeals per working day"), "N" },
    { "recipients", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_RECIPIENTS], N_("Number of service recipients"), "N" },
    { "vehicles", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_VEHICLES], N_("Number of (serviceable) vehicles"), "N" },
    { "tractors", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_TRACTORS], N_("Number of serviceable tractors"), "N" },
    { "beds", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_BEDS], N_("Number of beds"), "N" },
    { "children", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_CHILDREN], N_("Number of children"), "N" },
    { "groups", 0, 0, G_OPTION_ARG_DOUBLE, &values[SHTAT_DRIVER_GROUPS], N_("Number of study groups"), "N" },
    { "lift", 0, 0, G_OPTION_ARG_NONE, &flags[SHTAT_FLAG_HAS_LIFT], N_("The building has a lift"), NULL },
    { "library", 0, 0, G_OPTION_ARG_NONE, &flags[SHTAT_FLAG_HAS_LIBRARY], N_("There is a library"), NULL },
    { "sewerage", 0, 0, G_OPTION_ARG_NONE, &flags[SHTAT_FLAG_HAS_SEWERAGE], N_("The building is on sewerage"), NULL },
    { "centralised-cesspit-cleaning", 0, 0, G_OPTION_ARG_NONE, &flags[SHTAT_FLAG_CENTRALISED_CESSPIT_CLEANING],
      N_("Cesspits are cleaned centrally"), NULL },
    { "rounding", 0, 0, G_OPTION_ARG_STRING, &rounding, N_("Rows set per N beds or children: ceil (count every started N) or proportional; by default as the norm data says"), "MODE" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("Date for amendments (YYYY-MM-DD, default today)"), "DATE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of names and remarks: kk, ru or en"), "LANG" },
    { NULL }
  };

  /* NaN marks "not given": GOption leaves untouched what is not on the line. */
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    values[d] = NAN;

  context = g_option_context_new (_("— the minimum staffing of a norm table"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc > 1)
    return usage_error (_("unexpected argument “%s”"), argv[1]);
  if (table_id == NULL)
    return usage_error (_("which table? Give --table (see “shtat-cli norms”)"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (_("unknown format “%s”: use text or json"), format);
  if (!set_language (lang))
    return usage_error (_("unknown language “%s”: use kk, ru or en"), lang);
  if (rounding != NULL)
    {
      int mode;

      /* The words are the nicks of ShtatRatioRounding; "default" is what leaving
       * the option out means, not a mode to give. */
      if (!shtat_enum_from_nick (SHTAT_TYPE_RATIO_ROUNDING, rounding, &mode)
          || mode == SHTAT_RATIO_ROUNDING_DEFAULT)
        return usage_error (_("unknown rounding “%s”: use ceil or proportional"), rounding);
      ratio_rounding = (ShtatRatioRounding) mode;
    }

  library = load_library ();
  if (library == NULL)
    return EXIT_FAILURE_RUNTIME;

  table = shtat_norm_library_get_table (library, table_id);
  if (table == NULL)
    {
      g_autoptr(GString) ids = table_list (library);
      return usage_error (_("unknown table “%s”; the tables are: %s"), table_id, ids->str);
    }

  shtat_drivers_init (&drivers);
  if (as_of != NULL)
    {
      if (!parse_date_option (as_of, &drivers.as_of))
        return usage_error (_("“%s” is not a date: write it as YYYY-MM-DD"), as_of);
    }

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      if (isnan (values[d]))
        continue;
      if (!shtat_norm_table_uses_driver (table, d))
        g_printerr (_("shtat-cli: note: table “%s” does not depend on --%s; it is ignored\n"),
                    table->id, shtat_driver_to_string (d));
      shtat_drivers_set (&drivers, d, values[d]);
    }
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    drivers.flags[f] = flags[f];

  minimum = shtat_minimum_compute (library, table, &drivers, ratio_rounding, &error);
  if (minimum == NULL)
    return usage_error ("%s", error->message);

  if (format != NULL && g_str_equal (format, "json"))
    print_minimum_json (minimum);
  else
    print_minimum_text (minimum);

  return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* shtat-cli norms                                                          */

static void
print_position (const ShtatPosition *p)
{
  g_print ("%s (%s)\n", shtat_text_get (&p->name), p->cite);
  g_print ("\n%s (%s)\n", _("Duties"), p->duties_cite);
  for (guint i = 0; i < p->duties->len; i++)
    {
      const ShtatSummaryItem *item = g_ptr_array_index (p->duties, i);
      g_print ("  • %s\n", shtat_text_get (&item->text));
    }
  g_print ("\n%s (%s)\n", _("Must know"), p->knowledge_cite);
  for (guint i = 0; i < p->knowledge->len; i++)
    {
      const ShtatSummaryItem *item = g_ptr_array_index (p->knowledge, i);
      g_print ("  • %s\n", shtat_text_get (&item->text));
    }
  g_print ("\n%s (%s)\n", _("Qualification requirements"), p->requirements_cite);
  for (guint l = 0; l < p->levels->len; l++)
    {
      const ShtatLevelRequirement *level = g_ptr_array_index (p->levels, l);

      if (level->id != SHTAT_LEVEL_SINGLE)
        g_print ("  %s\n", shtat_level_requirement_get_label (level));
      for (guint c = 0; c < level->categories->len; c++)
        {
          const ShtatCategoryRequirement *cat = g_ptr_array_index (level->categories, c);

          g_print ("    %s\n", shtat_category_requirement_get_label (cat));
          for (guint a = 0; a < cat->alternatives->len; a++)
            {
              g_autofree char *text = shtat_alternative_describe (g_ptr_array_index (cat->alternatives, a), p);
              g_print ("      %s %s\n", a == 0 ? "–" : _("or"), text);
            }
        }
    }
}

static int
cmd_norms (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatNormLibrary) library = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *position = NULL;
  GPtrArray *tables, *positions, *external;
  GOptionEntry entries[] = {
    { "position", 'p', 0, G_OPTION_ARG_STRING, &position, N_("Show one position’s characteristics"), "CODE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of names: kk, ru or en"), "LANG" },
    { NULL }
  };

  context = g_option_context_new (_("— the norm tables and positions Shtat knows"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc > 1)
    return usage_error (_("unexpected argument “%s”"), argv[1]);
  if (!set_language (lang))
    return usage_error (_("unknown language “%s”: use kk, ru or en"), lang);

  library = load_library ();
  if (library == NULL)
    return EXIT_FAILURE_RUNTIME;

  if (position != NULL)
    {
      const ShtatPosition *p = shtat_norm_library_get_position (library, position);
      const ShtatExternalPosition *e = shtat_norm_library_get_external_position (library, position);

      if (p != NULL)
        print_position (p);
      else if (e != NULL)
        {
          const ShtatAct *act = e->act_id ? shtat_norm_library_get_act (library, e->act_id) : NULL;

          g_print ("%s (%s)\n", shtat_text_get (&e->name), e->cite);
          if (act != NULL)
            {
            g_autofree char *date = shtat_format_iso_date (act->date);
            g_print (_("Requirements set by another act: order %s of %s, not bundled\n"), act->number, date);
          }
          else
            g_print (_("No bundled act sets requirements for this position\n"));
        }
      else
        return usage_error (_("unknown position “%s”"), position);
      return EXIT_OK;
    }

  tables = shtat_norm_library_get_tables (library);
  g_print ("%s\n", _("Staffing tables:"));
  for (guint i = 0; i < tables->len; i++)
    {
      const ShtatNormTable *t = g_ptr_array_index (tables, i);
      g_autoptr(GString) drivers = g_string_new (NULL);

      for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
        if (shtat_norm_table_uses_driver (t, d))
          g_string_append_printf (drivers, "%s--%s", drivers->len ? " " : "", shtat_driver_to_string (d));
      g_print ("  %-5s %s (%s)\n", t->id, shtat_text_get (&t->name), t->cite);
      g_print ("        ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", shtat_norm_table_count_rows (t)),
               shtat_norm_table_count_rows (t));
      if (drivers->len > 0)
        g_print ("; %s: %s", _("figures"), drivers->str);
      g_print ("\n");
    }

  positions = shtat_norm_library_get_positions (library);
  g_print ("\n%s\n", _("Positions with qualification characteristics:"));
  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPosition *p = g_ptr_array_index (positions, i);
      g_print ("  %-24s %s (%s)\n", p->code, shtat_text_get (&p->name), p->cite);
    }

  external = shtat_norm_library_get_external_positions (library);
  g_print ("\n%s\n", _("Positions whose requirements other acts set:"));
  for (guint i = 0; i < external->len; i++)
    {
      const ShtatExternalPosition *e = g_ptr_array_index (external, i);
      const ShtatAct *act = e->act_id ? shtat_norm_library_get_act (library, e->act_id) : NULL;

      g_print ("  %-24s %s — ", e->code, shtat_text_get (&e->name));
      if (act != NULL)
        {
          g_autofree char *date = shtat_format_iso_date (act->date);
          g_print (_("order %s of %s"), act->number, date);
        }
      else
        g_print ("%s", _("no act named"));
      g_print (" (%s)\n", e->cite);
    }

  return EXIT_OK;
}

/* ------------------------------------------------------------------------ */

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: shtat-cli COMMAND [OPTION…]"));
  g_print ("%s\n", _("Commands:"));
  g_print ("  minimum   %s\n", _("The minimum staffing of a norm table for given figures"));
  g_print ("  norms     %s\n", _("The norm tables and positions Shtat knows"));
  g_print ("  import    %s\n", _("Import personnel files from XML or CSV into the database"));
  g_print ("  export    %s\n", _("Export the personnel files of the database to XML"));
  g_print ("  check     %s\n", _("Check every employee against the requirements of their post"));
  g_print ("  schedule  %s\n", _("Staffing schedules: new, show, check, submit, approve, export"));
  g_print ("  centre    %s\n", _("A centre’s profile: monthly appeals, vehicles, the average per working day"));
  g_print ("  calendar  %s\n", _("Holidays and working days moved to a weekend"));
  g_print ("  paygrid   %s\n", _("The pay grid: show it, or import it from CSV"));
  g_print ("\n%s\n", _("Run “shtat-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  shtat_core_init_i18n ();

  /* --lang must take effect before the first translated string: gettext
   * remembers the language it first looked up. */
  for (int i = 1; i < argc; i++)
    {
      const char *lang = NULL;

      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        lang = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
      if (lang != NULL && !set_language (lang))
        return usage_error ("unknown language “%s”: use kk, ru or en", lang);
    }

  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help ();
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help ();
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("shtat-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "minimum"))
    return cmd_minimum (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "norms"))
    return cmd_norms (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "import"))
    return cmd_import (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return cmd_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "check"))
    return cmd_check (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "schedule"))
    return cmd_schedule (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "centre"))
    return cmd_centre (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "calendar"))
    return cmd_calendar (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "paygrid"))
    return cmd_paygrid (argc - 1, argv + 1);

  return usage_error (_("unknown command “%s”"), argv[1]);
}
