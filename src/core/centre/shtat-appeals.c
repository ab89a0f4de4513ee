/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-appeals"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shtat-appeals.h"
#include "shtat-appeals-private.h"
#include "shtat-centre-enums.h"
#include "shtat-enum.h"
#include "shtat-text.h"

/* As in shtat-minimum.c: larger figures are typing mistakes. */
#define MAX_DRIVER_VALUE 1000000.0
/* No centre takes a billion appeals in a month. */
#define MAX_COUNT G_GINT64_CONSTANT (1000000000)

#define NBSP "\u00a0"

G_DEFINE_QUARK (shtat-appeals-error-quark, shtat_appeals_error)

/* ------------------------------------------------------------------------ */
/* Channels                                                                 */

/* The codes in files are the nicks of the enum (shtat-appeals.h). */
static const struct
{
  const char *label;
  const char *cite;
} channels[SHTAT_N_APPEAL_CHANNELS] = {
  [SHTAT_APPEAL_SELF] = { N_("The person or family applied"), "256-НҚ §12(1)" },
  [SHTAT_APPEAL_CONTACT_111] = { N_("Contact centre “111”"), "256-НҚ §12(2)" },
  [SHTAT_APPEAL_INFO_SYSTEMS] = { N_("State bodies’ information systems"), "256-НҚ §12(3)" },
  [SHTAT_APPEAL_REFERRALS] = { N_("Information from state bodies, organisations and individuals"),
                               "256-НҚ §12(4)" },
  [SHTAT_APPEAL_MEDIA] = { N_("Mass media and social networks"), "256-НҚ §12(5)" },
};

/**
 * shtat_appeal_channel_to_string:
 * @channel: a channel
 *
 * Returns: (transfer none): its code in files and on the command line: "self",
 *   "contact-111", "information-systems", "referrals" or "media"
 */
const char *
shtat_appeal_channel_to_string (ShtatAppealChannel channel)
{
  return shtat_enum_to_nick (SHTAT_TYPE_APPEAL_CHANNEL, channel);
}

/**
 * shtat_appeal_channel_from_string:
 * @str: (nullable): a code
 * @out: (out) (optional): the channel it names
 *
 * Returns: whether @str is the code of a channel; @out is left alone if not
 */
gboolean
shtat_appeal_channel_from_string (const char         *str,
                                  ShtatAppealChannel *out)
{
  int value;

  if (!shtat_enum_from_nick (SHTAT_TYPE_APPEAL_CHANNEL, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ShtatAppealChannel) value;
  return TRUE;
}

/**
 * shtat_appeal_channel_get_label:
 * @channel: a channel
 *
 * Returns: (transfer none): the channel in the user's language
 */
const char *
shtat_appeal_channel_get_label (ShtatAppealChannel channel)
{
  g_return_val_if_fail (channel < SHTAT_N_APPEAL_CHANNELS, NULL);
  return _(channels[channel].label);
}

/**
 * shtat_appeal_channel_get_cite:
 * @channel: a channel
 *
 * Returns: (transfer none): its paragraph, "256-НҚ §12(2)"
 */
const char *
shtat_appeal_channel_get_cite (ShtatAppealChannel channel)
{
  g_return_val_if_fail (channel < SHTAT_N_APPEAL_CHANNELS, NULL);
  return channels[channel].cite;
}

static char *
channel_codes (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < SHTAT_N_APPEAL_CHANNELS; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "",
                            shtat_appeal_channel_to_string ((ShtatAppealChannel) i));
  return g_string_free (s, FALSE);
}

/**
 * shtat_appeal_channel_parse:
 * @str: (nullable): a code
 * @out: (out): the channel it names
 * @error: return location for a #GError
 *
 * Like shtat_appeal_channel_from_string(), with a message that lists the codes.
 *
 * Returns: whether @str is the code of a channel
 */
gboolean
shtat_appeal_channel_parse (const char          *str,
                            ShtatAppealChannel  *out,
                            GError             **error)
{
  g_autofree char *codes = NULL;

  if (shtat_appeal_channel_from_string (str, out))
    return TRUE;
  codes = channel_codes ();
  /* TRANSLATORS: the second %s lists the channel codes, which stay in English */
  g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
               _("unknown channel “%s”: use one of %s"), str != NULL ? str : "", codes);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Months                                                                   */

gboolean
shtat_month_valid (const ShtatMonth *month)
{
  return month != NULL && month->year >= 1900 && month->year <= 9999
         && month->month >= 1 && month->month <= 12;
}

static gboolean
parse_digits (const char *s,
              gsize       n,
              int        *out)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/**
 * shtat_month_parse:
 * @str: (nullable): "2026-03" (as files and the command line write it) or "03.2026"
 * @out: (out): the month
 *
 * Returns: whether @str is a valid month in one of the two forms
 */
gboolean
shtat_month_parse (const char *str,
                   ShtatMonth *out)
{
  ShtatMonth m;
  gsize len;

  if (str == NULL)
    return FALSE;
  len = strlen (str);
  if (len == 7 && str[4] == '-')
    {
      if (!parse_digits (str, 4, &m.year) || !parse_digits (str + 5, 2, &m.month))
        return FALSE;
    }
  else if (len == 7 && str[2] == '.')
    {
      if (!parse_digits (str, 2, &m.month) || !parse_digits (str + 3, 4, &m.year))
        return FALSE;
    }
  else
    return FALSE;
  if (!shtat_month_valid (&m))
    return FALSE;
  *out = m;
  return TRUE;
}

/**
 * shtat_month_to_iso:
 * @month: a month
 *
 * Returns: (transfer full): "2026-03"
 */
char *
shtat_month_to_iso (const ShtatMonth *month)
{
  return g_strdup_printf ("%04d-%02d", month->year, month->month);
}

/**
 * shtat_month_format:
 * @month: a month
 *
 * Returns: (transfer full): "03.2026"
 */
char *
shtat_month_format (const ShtatMonth *month)
{
  return g_strdup_printf ("%02d.%04d", month->month, month->year);
}

int
shtat_month_compare (const ShtatMonth *a,
                     const ShtatMonth *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  return 0;
}

void
shtat_month_from_date (ShtatMonth  *out,
                       const GDate *date)
{
  out->year = g_date_get_year (date);
  out->month = g_date_get_month (date);
}

void
shtat_month_add (ShtatMonth *month,
                 int         n)
{
  int index = month->year * 12 + (month->month - 1) + n;

  month->year = index / 12;
  month->month = index % 12 + 1;
}

void
shtat_month_first_day (const ShtatMonth *month,
                       GDate            *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, (GDateMonth) month->month, (GDateYear) month->year);
}

void
shtat_month_last_day (const ShtatMonth *month,
                      GDate            *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month ((GDateMonth) month->month, (GDateYear) month->year),
                  (GDateMonth) month->month, (GDateYear) month->year);
}

static char *
format_period (const ShtatMonth *from,
               const ShtatMonth *to)
{
  g_autofree char *a = shtat_month_format (from);
  g_autofree char *b = NULL;

  if (shtat_month_compare (from, to) == 0)
    return g_steal_pointer (&a);
  b = shtat_month_format (to);
  return g_strdup_printf ("%s–%s", a, b);
}

/* ------------------------------------------------------------------------ */
/* The calendar                                                             */

struct _ShtatCalendar
{
  GPtrArray  *days;     /* ShtatCalendarDay, by date */
  GHashTable *by_julian; /* julian day → ShtatCalendarDay */
};

G_DEFINE_BOXED_TYPE (ShtatCalendar, shtat_calendar, shtat_calendar_ref, shtat_calendar_unref)

static void
calendar_day_free (ShtatCalendarDay *day)
{
  g_free (day->note);
  g_free (day);
}

static void
calendar_clear (gpointer data)
{
  ShtatCalendar *calendar = data;

  g_hash_table_unref (calendar->by_julian);
  g_ptr_array_unref (calendar->days);
}

/**
 * shtat_calendar_new:
 * Returns: (transfer full): a calendar without exceptions, released with
 *   shtat_calendar_unref()
 */
ShtatCalendar *
shtat_calendar_new (void)
{
  ShtatCalendar *calendar = g_atomic_rc_box_new0 (ShtatCalendar);

  calendar->days = g_ptr_array_new_with_free_func ((GDestroyNotify) calendar_day_free);
  calendar->by_julian = g_hash_table_new (g_direct_hash, g_direct_equal);
  return calendar;
}

/**
 * shtat_calendar_ref:
 * @calendar: a calendar
 *
 * Returns: (transfer full): @calendar
 */
ShtatCalendar *
shtat_calendar_ref (ShtatCalendar *calendar)
{
  g_return_val_if_fail (calendar != NULL, NULL);
  return g_atomic_rc_box_acquire (calendar);
}

void
shtat_calendar_unref (ShtatCalendar *calendar)
{
  g_return_if_fail (calendar != NULL);
  g_atomic_rc_box_release_full (calendar, calendar_clear);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const ShtatCalendarDay *x = *(ShtatCalendarDay * const *) a;
  const ShtatCalendarDay *y = *(ShtatCalendarDay * const *) b;

  return g_date_compare (&x->date, &y->date);
}

/**
 * shtat_calendar_set_day:
 * @calendar: a calendar
 * @date: a valid date
 * @working: whether it is worked
 * @note: (nullable): what the day is, "Наурыз мейрамы"
 * @error: return location for a #GError
 *
 * Sets (or replaces) the exception of @date.
 *
 * Returns: %TRUE when set
 */
gboolean
shtat_calendar_set_day (ShtatCalendar  *calendar,
                        const GDate    *date,
                        gboolean        working,
                        const char     *note,
                        GError        **error)
{
  ShtatCalendarDay *day;

  g_return_val_if_fail (calendar != NULL, FALSE);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                           _("Calendar: give the date of the holiday or working day"));
      return FALSE;
    }
  if (note != NULL && (!g_utf8_validate (note, -1, NULL) || g_utf8_strlen (note, -1) > 200))
    {
      g_autofree char *when = shtat_format_gdate (date);

      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("Calendar, %s: the note must be a text of at most 200 characters"), when);
      return FALSE;
    }

  day = g_hash_table_lookup (calendar->by_julian, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (day == NULL)
    {
      day = g_new0 (ShtatCalendarDay, 1);
      day->date = *date;
      g_ptr_array_add (calendar->days, day);
      g_ptr_array_sort (calendar->days, compare_days);
      g_hash_table_insert (calendar->by_julian, GUINT_TO_POINTER (g_date_get_julian (date)), day);
    }
  day->working = working;
  g_free (day->note);
  day->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  return TRUE;
}

gboolean
shtat_calendar_remove_day (ShtatCalendar *calendar,
                           const GDate   *date)
{
  ShtatCalendarDay *day;

  g_return_val_if_fail (calendar != NULL, FALSE);
  if (date == NULL || !g_date_valid (date))
    return FALSE;
  day = g_hash_table_lookup (calendar->by_julian, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (day == NULL)
    return FALSE;
  g_hash_table_remove (calendar->by_julian, GUINT_TO_POINTER (g_date_get_julian (date)));
  g_ptr_array_remove (calendar->days, day);
  return TRUE;
}

/**
 * shtat_calendar_get_days:
 * @calendar: a calendar
 *
 * Returns: (transfer none) (element-type ShtatCalendarDay): the exceptions, by date
 */
GPtrArray *
shtat_calendar_get_days (ShtatCalendar *calendar)
{
  g_return_val_if_fail (calendar != NULL, NULL);
  return calendar->days;
}

static gboolean
is_working_julian (ShtatCalendar *calendar,
                   guint32        julian)
{
  const ShtatCalendarDay *day = g_hash_table_lookup (calendar->by_julian, GUINT_TO_POINTER (julian));

  if (day != NULL)
    return day->working;
  /* julian day 1 (01.01.0001) was a Monday */
  return (julian - 1) % 7 < 5;
}

gboolean
shtat_calendar_is_working_day (ShtatCalendar *calendar,
                               const GDate   *date)
{
  g_return_val_if_fail (calendar != NULL && date != NULL && g_date_valid (date), FALSE);
  return is_working_julian (calendar, g_date_get_julian (date));
}

guint
shtat_calendar_count_working_days (ShtatCalendar *calendar,
                                   const GDate   *from,
                                   const GDate   *to)
{
  guint n = 0;

  g_return_val_if_fail (calendar != NULL, 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from) && to != NULL && g_date_valid (to), 0);

  for (guint32 j = g_date_get_julian (from); j <= g_date_get_julian (to); j++)
    if (is_working_julian (calendar, j))
      n++;
  return n;
}

guint
shtat_calendar_count_month (ShtatCalendar    *calendar,
                            const ShtatMonth *month)
{
  GDate first, last;

  g_return_val_if_fail (shtat_month_valid (month), 0);
  shtat_month_first_day (month, &first);
  shtat_month_last_day (month, &last);
  return shtat_calendar_count_working_days (calendar, &first, &last);
}

/* ------------------------------------------------------------------------ */
/* The profile                                                              */

G_DEFINE_BOXED_TYPE (ShtatCentreProfile, shtat_centre_profile, shtat_centre_profile_ref,
                     shtat_centre_profile_unref)

static void
profile_clear (gpointer data)
{
  ShtatCentreProfile *profile = data;

  g_free (profile->centre_code);
  g_array_unref (profile->appeals);
}

/**
 * shtat_centre_profile_new:
 * @centre_code: the centre the profile is of
 *
 * Returns: (transfer full): an empty profile, released with
 *   shtat_centre_profile_unref()
 */
ShtatCentreProfile *
shtat_centre_profile_new (const char *centre_code)
{
  ShtatCentreProfile *profile = g_atomic_rc_box_new0 (ShtatCentreProfile);

  profile->centre_code = g_strdup (centre_code);
  profile->appeals = g_array_new (FALSE, FALSE, sizeof (ShtatAppealCount));
  return profile;
}

/**
 * shtat_centre_profile_ref:
 * @profile: a profile
 *
 * Returns: (transfer full): @profile
 */
ShtatCentreProfile *
shtat_centre_profile_ref (ShtatCentreProfile *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);
  return g_atomic_rc_box_acquire (profile);
}

void
shtat_centre_profile_unref (ShtatCentreProfile *profile)
{
  g_return_if_fail (profile != NULL);
  g_atomic_rc_box_release_full (profile, profile_clear);
}

/**
 * shtat_centre_profile_copy:
 * @profile: a profile
 *
 * Returns: (transfer full): a copy with the same records
 */
ShtatCentreProfile *
shtat_centre_profile_copy (const ShtatCentreProfile *profile)
{
  ShtatCentreProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = shtat_centre_profile_new (profile->centre_code);
  g_array_append_vals (copy->appeals, profile->appeals->data, profile->appeals->len);
  copy->period_from = profile->period_from;
  copy->period_to = profile->period_to;
  memcpy (copy->values, profile->values, sizeof copy->values);
  memcpy (copy->set, profile->set, sizeof copy->set);
  memcpy (copy->flags, profile->flags, sizeof copy->flags);
  return copy;
}

gboolean
shtat_centre_profile_equal (const ShtatCentreProfile *a,
                            const ShtatCentreProfile *b)
{
  if (g_strcmp0 (a->centre_code, b->centre_code) != 0 || a->appeals->len != b->appeals->len
      || shtat_month_compare (&a->period_from, &b->period_from) != 0
      || shtat_month_compare (&a->period_to, &b->period_to) != 0)
    return FALSE;
  for (guint i = 0; i < a->appeals->len; i++)
    {
      const ShtatAppealCount *x = &g_array_index (a->appeals, ShtatAppealCount, i);
      const ShtatAppealCount *y = &g_array_index (b->appeals, ShtatAppealCount, i);

      if (shtat_month_compare (&x->month, &y->month) != 0 || x->channel != y->channel || x->count != y->count)
        return FALSE;
    }
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (!a->set[d] != !b->set[d] || (a->set[d] && a->values[d] != b->values[d]))
      return FALSE;
  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (!a->flags[f] != !b->flags[f])
      return FALSE;
  return TRUE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const ShtatAppealCount *x = a;
  const ShtatAppealCount *y = b;
  int c = shtat_month_compare (&x->month, &y->month);

  if (c != 0)
    return c;
  return x->channel < y->channel ? -1 : x->channel > y->channel;
}

/* "Appeals of 03.2026, contact centre “111”" */
char *
shtat_appeals_count_record (const ShtatMonth   *month,
                            ShtatAppealChannel  channel)
{
  g_autofree char *when = shtat_month_valid (month) ? shtat_month_format (month)
                                                    : g_strdup_printf ("%04d-%02d", month->year, month->month);

  if (channel >= SHTAT_N_APPEAL_CHANNELS)
    return g_strdup_printf (_("Appeals of %s"), when);
  /* TRANSLATORS: a record of the centre profile: the month and the channel of a count */
  return g_strdup_printf (_("Appeals of %s, %s"), when, shtat_appeal_channel_get_label (channel));
}

gboolean
shtat_appeals_check_count (const ShtatMonth    *month,
                           ShtatAppealChannel   channel,
                           gint64               count,
                           const ShtatMonth    *current,
                           GError             **error)
{
  g_autofree char *record = NULL;

  if (channel >= SHTAT_N_APPEAL_CHANNELS)
    {
      g_autofree char *codes = channel_codes ();

      record = shtat_appeals_count_record (month, channel);
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("%s: unknown channel: use one of %s"), record, codes);
      return FALSE;
    }
  if (!shtat_month_valid (month))
    {
      record = shtat_appeals_count_record (month, channel);
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("%s: the month is impossible: give a month from 1 to 12 of a year from 1900"), record);
      return FALSE;
    }
  record = shtat_appeals_count_record (month, channel);
  if (count < 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("%s: the count %s is negative"), record, n);
      return FALSE;
    }
  if (count > MAX_COUNT)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("%s: the count %s is too large for a month"), record, n);
      return FALSE;
    }
  if (current != NULL && shtat_month_compare (month, current) > 0)
    {
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_FUTURE,
                   _("%s: the month has not begun yet"), record);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_count (const ShtatCentreProfile *profile,
            const ShtatMonth         *month,
            ShtatAppealChannel        channel,
            guint                    *index)
{
  ShtatAppealCount key = { *month, channel, 0 };

  return g_array_binary_search (profile->appeals, &key, compare_counts, index);
}

gboolean
shtat_centre_profile_set_appeals (ShtatCentreProfile  *profile,
                                  const ShtatMonth    *month,
                                  ShtatAppealChannel   channel,
                                  gint64               count,
                                  GError             **error)
{
  ShtatAppealCount c;
  guint i;

  g_return_val_if_fail (profile != NULL && month != NULL, FALSE);

  if (!shtat_appeals_check_count (month, channel, count, NULL, error))
    return FALSE;
  if (find_count (profile, month, channel, &i))
    {
      g_array_index (profile->appeals, ShtatAppealCount, i).count = count;
      return TRUE;
    }
  c.month = *month;
  c.channel = channel;
  c.count = count;
  g_array_append_val (profile->appeals, c);
  g_array_sort (profile->appeals, compare_counts);
  return TRUE;
}

gboolean
shtat_centre_profile_remove_appeals (ShtatCentreProfile *profile,
                                     const ShtatMonth   *month,
                                     ShtatAppealChannel  channel)
{
  guint i;

  g_return_val_if_fail (profile != NULL && month != NULL, FALSE);
  if (!find_count (profile, month, channel, &i))
    return FALSE;
  g_array_remove_index (profile->appeals, i);
  return TRUE;
}

/**
 * shtat_centre_profile_get_appeals:
 * @profile: a profile
 * @month: a month
 * @channel: a channel
 * @count: (out) (optional): the count recorded
 *
 * Returns: %FALSE when nothing is recorded for the cell
 */
gboolean
shtat_centre_profile_get_appeals (const ShtatCentreProfile *profile,
                                  const ShtatMonth         *month,
                                  ShtatAppealChannel        channel,
                                  gint64                   *count)
{
  guint i;

  g_return_val_if_fail (profile != NULL && month != NULL, FALSE);
  if (!find_count (profile, month, channel, &i))
    return FALSE;
  if (count != NULL)
    *count = g_array_index (profile->appeals, ShtatAppealCount, i).count;
  return TRUE;
}

static gboolean
check_driver (ShtatDriver   driver,
              double        value,
              GError      **error)
{
  if (driver >= SHTAT_N_DRIVERS || driver == SHTAT_DRIVER_APPEALS)
    {
      g_set_error_literal (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                           _("Centre profile: the appeals per working day are derived from the monthly "
                             "counts, not entered"));
      return FALSE;
    }
  if (!isfinite (value) || value < 0 || value > MAX_DRIVER_VALUE)
    {
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("Centre profile, “%s”: give a number from 0 to %.0f, not %g"),
                   shtat_driver_get_label (driver), MAX_DRIVER_VALUE, value);
      return FALSE;
    }
  if (shtat_driver_is_count (driver) && value != floor (value))
    {
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("Centre profile, “%s”: a count is a whole number, not %g"),
                   shtat_driver_get_label (driver), value);
      return FALSE;
    }
  return TRUE;
}

gboolean
shtat_centre_profile_set_driver (ShtatCentreProfile  *profile,
                                 ShtatDriver          driver,
                                 double               value,
                                 GError             **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!check_driver (driver, value, error))
    return FALSE;
  profile->values[driver] = value;
  profile->set[driver] = TRUE;
  return TRUE;
}

void
shtat_centre_profile_unset_driver (ShtatCentreProfile *profile,
                                   ShtatDriver         driver)
{
  g_return_if_fail (profile != NULL && driver < SHTAT_N_DRIVERS);
  profile->values[driver] = 0;
  profile->set[driver] = FALSE;
}

void
shtat_centre_profile_set_flag (ShtatCentreProfile *profile,
                               ShtatFlag           flag,
                               gboolean            value)
{
  g_return_if_fail (profile != NULL && flag < SHTAT_N_FLAGS);
  profile->flags[flag] = !!value;
}

static gboolean
check_period (const ShtatMonth  *from,
              const ShtatMonth  *to,
              GError           **error)
{
  if (!shtat_month_valid (from) || !shtat_month_valid (to))
    {
      g_set_error_literal (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                           _("Appeals period: give the first and the last month, from 1 to 12 of a year from 1900"));
      return FALSE;
    }
  if (shtat_month_compare (from, to) > 0)
    {
      g_autofree char *a = shtat_month_format (from);
      g_autofree char *b = shtat_month_format (to);

      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                   _("Appeals period: the last month %s is before the first %s"), b, a);
      return FALSE;
    }
  return TRUE;
}

/**
 * shtat_centre_profile_set_period:
 * @profile: a profile
 * @from: (nullable): the first month
 * @to: (nullable): the last month
 * @error: return location for a #GError
 *
 * Sets the period the average is taken over; both %NULL: back to the default
 * period (the twelve months before the current one).
 *
 * Returns: %TRUE when set
 */
gboolean
shtat_centre_profile_set_period (ShtatCentreProfile  *profile,
                                 const ShtatMonth    *from,
                                 const ShtatMonth    *to,
                                 GError             **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  if (from == NULL && to == NULL)
    {
      memset (&profile->period_from, 0, sizeof profile->period_from);
      memset (&profile->period_to, 0, sizeof profile->period_to);
      return TRUE;
    }
  if (from == NULL || to == NULL)
    return check_period (&(ShtatMonth) { 0, 0 }, &(ShtatMonth) { 0, 0 }, error);
  if (!check_period (from, to, error))
    return FALSE;
  profile->period_from = *from;
  profile->period_to = *to;
  return TRUE;
}

void
shtat_appeals_current_month (const GDate *today,
                             ShtatMonth  *out)
{
  GDate now;

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    shtat_date_set_today (&now);
  shtat_month_from_date (out, &now);
}

/**
 * shtat_centre_profile_validate:
 * @profile: a profile
 * @today: (nullable): the date months are compared with; %NULL: today
 * @error: return location for a #GError
 *
 * Checks every record. The message names the record and the field: "Appeals of
 * 03.2026, contact centre “111”: the count −4 is negative".
 *
 * Returns: %TRUE when every record is valid
 */
gboolean
shtat_centre_profile_validate (const ShtatCentreProfile  *profile,
                               const GDate               *today,
                               GError                   **error)
{
  ShtatMonth current;

  g_return_val_if_fail (profile != NULL, FALSE);

  if (profile->centre_code == NULL || *profile->centre_code == '\0')
    {
      g_set_error_literal (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                           _("Centre profile: the centre’s code is missing"));
      return FALSE;
    }

  shtat_appeals_current_month (today, &current);
  for (guint i = 0; i < profile->appeals->len; i++)
    {
      const ShtatAppealCount *c = &g_array_index (profile->appeals, ShtatAppealCount, i);

      if (!shtat_appeals_check_count (&c->month, c->channel, c->count, &current, error))
        return FALSE;
      if (i > 0 && compare_counts (c, &g_array_index (profile->appeals, ShtatAppealCount, i - 1)) <= 0)
        {
          g_autofree char *record = shtat_appeals_count_record (&c->month, c->channel);

          g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_INVALID,
                       _("%s: recorded twice, or out of order"), record);
          return FALSE;
        }
    }

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (profile->set[d] && !check_driver (d, profile->values[d], error))
      return FALSE;

  if ((profile->period_from.year != 0 || profile->period_to.year != 0)
      && !check_period (&profile->period_from, &profile->period_to, error))
    return FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The average                                                              */

void
shtat_appeals_average_free (ShtatAppealsAverage *average)
{
  if (average == NULL)
    return;
  g_array_unref (average->missing);
  g_array_unref (average->partial);
  g_free (average->source);
  g_free (average->explanation);
  g_free (average);
}

/* The bracket of @v as shtat_minimum_compute() finds it: the first that holds
 * it, else the last one, outside the table. */
static int
bracket_of (const ShtatNormTable *table,
            double                v,
            gboolean             *outside)
{
  if (outside != NULL)
    *outside = FALSE;
  if (table == NULL || !table->has_brackets || table->brackets->len == 0)
    return -1;
  for (guint i = 0; i < table->brackets->len; i++)
    {
      const ShtatBracket *b = g_ptr_array_index (table->brackets, i);

      if (b->has_min && (b->min_inclusive ? v < b->min : v <= b->min))
        continue;
      if (b->has_max && (b->max_inclusive ? v > b->max : v >= b->max))
        continue;
      return (int) i;
    }
  if (outside != NULL)
    *outside = TRUE;
  return (int) table->brackets->len - 1;
}

static const char *
decimal_point (void)
{
  return shtat_lang_current () == SHTAT_LANG_EN ? "." : ",";
}

/**
 * shtat_appeals_format_average:
 * @value: an average
 * @table: (nullable): the table whose brackets matter
 *
 * "50.12" or "50,12": two decimals, more when two would put the figure in
 * another bracket of @table than the exact one.
 *
 * Returns: (transfer full): the figure as the user reads it
 */
char *
shtat_appeals_format_average (double                value,
                              const ShtatNormTable *table)
{
  int exact = bracket_of (table, value, NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out;

  for (int digits = 2; digits <= 6; digits++)
    {
      g_ascii_formatd (buf, sizeof buf, digits == 2 ? "%.2f" : digits == 3 ? "%.3f"
                                        : digits == 4 ? "%.4f" : digits == 5 ? "%.5f" : "%.6f", value);
      if (bracket_of (table, g_ascii_strtod (buf, NULL), NULL) == exact)
        break;
    }

  out = g_string_new (NULL);
  for (const char *p = buf; *p != '\0'; p++)
    if (*p == '.')
      g_string_append (out, decimal_point ());
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* "12 480": groups of three digits with a no-break space. */
static char *
format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (len - i) % 3 == 0)
        g_string_append (out, NBSP);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
month_list (GArray *months)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < months->len; i++)
    {
      g_autofree char *m = shtat_month_format (&g_array_index (months, ShtatMonth, i));

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", m);
    }
  return g_string_free (s, FALSE);
}

/**
 * shtat_appeals_average_compute:
 * @profile: a centre's profile
 * @calendar: the working-day calendar
 * @library: (nullable): gives the bracket
 * @table_id: (nullable): the table whose bracket is given; %NULL: "fsc"
 * @from: (nullable): the first month
 * @to: (nullable): the last month; both %NULL: the profile's period, or the
 *   twelve months before the month of @today
 * @today: (nullable): %NULL: today
 * @error: return location for a #GError
 *
 * The average number of appeals per working day over @from–@to. A period
 * reaching past the month of @today is refused, as is one where no month has
 * data.
 *
 * Returns: (transfer full) (nullable): the average and how it was found, or
 *   %NULL with @error set
 */
ShtatAppealsAverage *
shtat_appeals_average_compute (const ShtatCentreProfile  *profile,
                               ShtatCalendar             *calendar,
                               ShtatNormLibrary          *library,
                               const char                *table_id,
                               const ShtatMonth          *from,
                               const ShtatMonth          *to,
                               const GDate               *today,
                               GError                   **error)
{
  g_autoptr(ShtatAppealsAverage) avg = NULL;
  g_autofree char *period = NULL;
  g_autoptr(GString) line = NULL;
  ShtatMonth current, m;
  guint i = 0;

  g_return_val_if_fail (profile != NULL && calendar != NULL, NULL);
  g_return_val_if_fail ((from == NULL) == (to == NULL), NULL);

  shtat_appeals_current_month (today, &current);

  avg = g_new0 (ShtatAppealsAverage, 1);
  avg->missing = g_array_new (FALSE, FALSE, sizeof (ShtatMonth));
  avg->partial = g_array_new (FALSE, FALSE, sizeof (ShtatMonth));
  avg->bracket = -1;

  if (from != NULL)
    {
      avg->from = *from;
      avg->to = *to;
    }
  else if (profile->period_from.year != 0)
    {
      avg->from = profile->period_from;
      avg->to = profile->period_to;
    }
  else
    {
      /* the twelve complete months before this one */
      avg->to = current;
      shtat_month_add (&avg->to, -1);
      avg->from = avg->to;
      shtat_month_add (&avg->from, -11);
    }
  if (!check_period (&avg->from, &avg->to, error))
    return NULL;
  period = format_period (&avg->from, &avg->to);
  if (shtat_month_compare (&avg->to, &current) > 0)
    {
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_FUTURE,
                   _("Appeals period %s: it reaches past the current month"), period);
      return NULL;
    }

  /* The counts are sorted by month: walk them beside the months of the period. */
  while (i < profile->appeals->len
         && shtat_month_compare (&g_array_index (profile->appeals, ShtatAppealCount, i).month, &avg->from) < 0)
    i++;
  for (m = avg->from; shtat_month_compare (&m, &avg->to) <= 0; shtat_month_add (&m, 1))
    {
      guint n_channels = 0;

      avg->n_months++;
      for (; i < profile->appeals->len; i++)
        {
          const ShtatAppealCount *c = &g_array_index (profile->appeals, ShtatAppealCount, i);

          if (shtat_month_compare (&c->month, &m) != 0)
            break;
          if (c->channel >= SHTAT_N_APPEAL_CHANNELS || c->count < 0)
            {
              shtat_appeals_check_count (&c->month, c->channel, c->count, NULL, error);
              return NULL;
            }
          avg->total += c->count;
          avg->by_channel[c->channel] += c->count;
          n_channels++;
        }
      if (n_channels == 0)
        {
          g_array_append_val (avg->missing, m);
          continue;
        }
      if (n_channels < SHTAT_N_APPEAL_CHANNELS)
        g_array_append_val (avg->partial, m);
      avg->working_days += shtat_calendar_count_month (calendar, &m);
    }

  if (avg->missing->len == avg->n_months)
    {
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_NO_DATA,
                   _("Appeals period %s: no month of it has any count of appeals"), period);
      return NULL;
    }
  if (avg->working_days == 0)
    {
      g_set_error (error, SHTAT_APPEALS_ERROR, SHTAT_APPEALS_ERROR_NO_DATA,
                   _("Appeals period %s: the months with counts have no working day in the calendar"), period);
      return NULL;
    }

  avg->average = (double) avg->total / (double) avg->working_days;
  shtat_month_first_day (&avg->from, &avg->period_from);
  shtat_month_last_day (&avg->to, &avg->period_to);
  /* TRANSLATORS: where the appeals driver comes from; %s is the period, e.g. "01.2026–12.2026" */
  avg->source = g_strdup_printf (_("monthly statistics, %s"), period);

  if (library != NULL)
    {
      avg->table = shtat_norm_library_get_table_or_centre (library, table_id);
      if (avg->table != NULL && avg->table->has_brackets
          && avg->table->bracket_driver == SHTAT_DRIVER_APPEALS)
        {
          ShtatDrivers drivers;
          g_autoptr(ShtatMinimum) minimum = NULL;

          /* the bracket the minimum itself takes, so that the two never differ */
          shtat_drivers_init (&drivers);
          shtat_drivers_set (&drivers, SHTAT_DRIVER_APPEALS, avg->average);
          minimum = shtat_minimum_compute (library, avg->table, &drivers, SHTAT_RATIO_ROUNDING_DEFAULT, NULL);
          if (minimum != NULL)
            {
              avg->bracket = minimum->bracket;
              avg->outside_table = minimum->outside_table;
            }
          else
            avg->bracket = bracket_of (avg->table, avg->average, &avg->outside_table);
        }
      else
        avg->table = NULL;
    }

  {
    g_autofree char *total = format_count (avg->total);
    g_autofree char *days = format_count (avg->working_days);
    g_autofree char *value = shtat_appeals_format_average (avg->average, avg->table);

    line = g_string_new (NULL);
    if (avg->bracket >= 0)
      {
        const ShtatBracket *b = g_ptr_array_index (avg->table->brackets, avg->bracket);

        /* TRANSLATORS: "12 480 appeals over 249 working days (01.2026–12.2026) = 50.12 a day → bracket 51–100" */
        g_string_append_printf (line, _("%s appeals over %s working days (%s) = %s a day → bracket %s"),
                                total, days, period, value, shtat_text_get (&b->label));
        if (avg->outside_table)
          g_string_append_printf (line, " (%s)", _("outside the table"));
      }
    else
      g_string_append_printf (line, _("%s appeals over %s working days (%s) = %s a day"),
                              total, days, period, value);
  }
  if (avg->missing->len > 0)
    {
      g_autofree char *list = month_list (avg->missing);

      /* TRANSLATORS: appended to the explanation of the average; %s lists months */
      g_string_append_printf (line, _("; no data for %s: left out of the appeals and the working days"), list);
    }
  if (avg->partial->len > 0)
    {
      g_autofree char *list = month_list (avg->partial);

      /* TRANSLATORS: appended to the explanation of the average; %s lists months */
      g_string_append_printf (line, _("; some channels not recorded for %s: taken as 0"), list);
    }
  avg->explanation = g_string_free (g_steal_pointer (&line), FALSE);

  return g_steal_pointer (&avg);
}

/**
 * shtat_centre_profile_get_drivers:
 * @profile: a profile
 * @average: (nullable): the appeals average
 * @drivers: (out caller-allocates): the drivers
 *
 * The drivers of the centre: its figures and flags, and the average as the
 * appeals driver when @average is given.
 */
void
shtat_centre_profile_get_drivers (const ShtatCentreProfile  *profile,
                                  const ShtatAppealsAverage *average,
                                  ShtatDrivers              *drivers)
{
  g_return_if_fail (profile != NULL && drivers != NULL);

  shtat_drivers_init (drivers);
  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    if (d != SHTAT_DRIVER_APPEALS && profile->set[d])
      shtat_drivers_set (drivers, d, profile->values[d]);
  memcpy (drivers->flags, profile->flags, sizeof drivers->flags);
  if (average != NULL)
    shtat_drivers_set (drivers, SHTAT_DRIVER_APPEALS, average->average);
}
