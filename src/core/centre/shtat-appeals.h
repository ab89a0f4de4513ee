/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shtat-minimum.h"
#include "shtat-norms.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* A centre's profile: what the norm tables are computed from.
 *
 * The driver of the centres' table ("fsc", 000/001 App) is the average number
 * of appeals per working day over a period the user records (decisions.md
 * items 1–2). Shtat keeps the monthly counts per channel of 256-НҚ §12, a
 * working-day calendar (Monday to Friday, with the user's exceptions: holidays
 * and working days moved to a weekend), and derives the average from them,
 * showing every piece: the total, the working days, the months without data.
 * A month without any count is left out of both the total and the working
 * days, and is named in the explanation: it is never taken for a month of
 * zero appeals.
 *
 * The calendar is one for the whole installation: holidays and transferred
 * working days in Kazakhstan are set for the whole country, so every centre
 * shares them.
 *
 * The profile also holds the centre's other figures (vehicles, beds…) and the
 * facts some rows depend on (a lift, a library…), and gives ShtatDrivers for
 * shtat_minimum_compute() and a schedule. */

#define SHTAT_APPEALS_ERROR (shtat_appeals_error_quark ())

typedef enum
{
  SHTAT_APPEALS_ERROR_INVALID,  /* a negative count, an impossible month, an unknown channel */
  SHTAT_APPEALS_ERROR_FUTURE,   /* a month that has not begun */
  SHTAT_APPEALS_ERROR_NO_DATA,  /* no month of the period has a count, or it has no working day */
} ShtatAppealsError;

GQuark shtat_appeals_error_quark (void);

/* The paragraph of order 256-НҚ (the Rules of FSC activity) that lists the
 * ways help reaches a centre. */
#define SHTAT_APPEALS_CITE "256-НҚ §12"

/* The five channels of 256-НҚ §12, in its order. */
typedef enum
{
  /* the person (family) applies (§12(1)) */
  SHTAT_APPEAL_SELF,         /*< nick=self >*/
  /* contact centre "111" (§12(2)) */
  SHTAT_APPEAL_CONTACT_111,  /*< nick=contact-111 >*/
  /* state bodies' information systems (§12(3)) */
  SHTAT_APPEAL_INFO_SYSTEMS, /*< nick=information-systems >*/
  /* state bodies, organisations, individuals (§12(4)) */
  SHTAT_APPEAL_REFERRALS,    /*< nick=referrals >*/
  /* mass media and social networks (§12(5)) */
  SHTAT_APPEAL_MEDIA,        /*< nick=media >*/
  SHTAT_N_APPEAL_CHANNELS,   /*< skip >*/
} ShtatAppealChannel;

const char *shtat_appeal_channel_to_string   (ShtatAppealChannel channel);
gboolean    shtat_appeal_channel_from_string (const char         *str,
                                              ShtatAppealChannel *out);
const char *shtat_appeal_channel_get_label   (ShtatAppealChannel channel);
const char *shtat_appeal_channel_get_cite    (ShtatAppealChannel channel);
gboolean    shtat_appeal_channel_parse       (const char         *str,
                                              ShtatAppealChannel *out,
                                              GError            **error);

/* ------------------------------------------------------------------------ */
/* Months                                                                   */

/* A calendar month. Fields are plain ints so that an impossible month from a
 * file can be held and reported. */
typedef struct
{
  int year;
  int month;   /* 1–12 */
} ShtatMonth;

gboolean shtat_month_valid      (const ShtatMonth *month);   /* 1–12 of 1900–9999 */
gboolean shtat_month_parse      (const char       *str,
                                 ShtatMonth       *out);
char    *shtat_month_to_iso     (const ShtatMonth *month);
char    *shtat_month_format     (const ShtatMonth *month);
int      shtat_month_compare    (const ShtatMonth *a,
                                 const ShtatMonth *b);
void     shtat_month_from_date  (ShtatMonth       *out,
                                 const GDate      *date);
void     shtat_month_add        (ShtatMonth       *month,
                                 int               n);
void     shtat_month_first_day  (const ShtatMonth *month,
                                 GDate            *out);
void     shtat_month_last_day   (const ShtatMonth *month,
                                 GDate            *out);

/* ------------------------------------------------------------------------ */
/* The working-day calendar                                                 */

/**
 * ShtatCalendarDay:
 * @note: (nullable): "Наурыз мейрамы"
 *
 * An exception to Monday–Friday on one date: a holiday (not working) or a
 * working day moved to a weekend (working). An exception that agrees with the
 * usual week (a holiday on a Sunday) is kept and changes nothing.
 */
typedef struct
{
  GDate     date;
  gboolean  working;
  char     *note;
} ShtatCalendarDay;

#define SHTAT_TYPE_CALENDAR (shtat_calendar_get_type ())
GType          shtat_calendar_get_type (void) G_GNUC_CONST;

ShtatCalendar *shtat_calendar_new      (void);
ShtatCalendar *shtat_calendar_ref      (ShtatCalendar *calendar);
void           shtat_calendar_unref    (ShtatCalendar *calendar);

gboolean    shtat_calendar_set_day        (ShtatCalendar *calendar,
                                           const GDate   *date,
                                           gboolean       working,
                                           const char    *note,
                                           GError       **error);
gboolean    shtat_calendar_remove_day     (ShtatCalendar *calendar,
                                           const GDate   *date);
GPtrArray  *shtat_calendar_get_days       (ShtatCalendar *calendar);
gboolean    shtat_calendar_is_working_day (ShtatCalendar *calendar,
                                           const GDate   *date);
/* Working days from @from to @to, both included; 0 when @to is before @from. */
guint       shtat_calendar_count_working_days (ShtatCalendar *calendar,
                                               const GDate   *from,
                                               const GDate   *to);
guint       shtat_calendar_count_month    (ShtatCalendar    *calendar,
                                           const ShtatMonth *month);

/* ------------------------------------------------------------------------ */
/* The profile                                                              */

typedef struct
{
  ShtatMonth         month;
  ShtatAppealChannel channel;
  gint64             count;
} ShtatAppealCount;

/**
 * ShtatCentreProfile:
 * @appeals: (element-type ShtatAppealCount): by month then channel; one per cell
 */
struct _ShtatCentreProfile
{
  char       *centre_code;
  GArray     *appeals;
  /* The period the average is taken over; year 0: not chosen, the twelve
   * months before the current one. */
  ShtatMonth  period_from;
  ShtatMonth  period_to;
  /* The centre's other figures (vehicles, recipients, beds…). The appeals
   * driver is never set here: it is derived from the counts. */
  double      values[SHTAT_N_DRIVERS];
  gboolean    set[SHTAT_N_DRIVERS];
  gboolean    flags[SHTAT_N_FLAGS];
};

#define SHTAT_TYPE_CENTRE_PROFILE (shtat_centre_profile_get_type ())
GType               shtat_centre_profile_get_type (void) G_GNUC_CONST;

ShtatCentreProfile *shtat_centre_profile_new    (const char               *centre_code);
ShtatCentreProfile *shtat_centre_profile_ref    (ShtatCentreProfile       *profile);
void                shtat_centre_profile_unref  (ShtatCentreProfile       *profile);
ShtatCentreProfile *shtat_centre_profile_copy   (const ShtatCentreProfile *profile);
gboolean            shtat_centre_profile_equal  (const ShtatCentreProfile *a,
                                                 const ShtatCentreProfile *b);

/* Sets (or replaces) the count of one month and channel. */
gboolean shtat_centre_profile_set_appeals    (ShtatCentreProfile *profile,
                                              const ShtatMonth   *month,
                                              ShtatAppealChannel  channel,
                                              gint64              count,
                                              GError            **error);
gboolean shtat_centre_profile_remove_appeals (ShtatCentreProfile *profile,
                                              const ShtatMonth   *month,
                                              ShtatAppealChannel  channel);
gboolean shtat_centre_profile_get_appeals    (const ShtatCentreProfile *profile,
                                              const ShtatMonth         *month,
                                              ShtatAppealChannel        channel,
                                              gint64                   *count);
/* Any driver but the appeals; a count must be a whole number from 0. */
gboolean shtat_centre_profile_set_driver     (ShtatCentreProfile *profile,
                                              ShtatDriver         driver,
                                              double              value,
                                              GError            **error);
void     shtat_centre_profile_unset_driver   (ShtatCentreProfile *profile,
                                              ShtatDriver         driver);
void     shtat_centre_profile_set_flag       (ShtatCentreProfile *profile,
                                              ShtatFlag           flag,
                                              gboolean            value);
gboolean shtat_centre_profile_set_period     (ShtatCentreProfile *profile,
                                              const ShtatMonth   *from,
                                              const ShtatMonth   *to,
                                              GError            **error);
gboolean shtat_centre_profile_validate       (const ShtatCentreProfile *profile,
                                              const GDate              *today,
                                              GError                  **error);

/* ------------------------------------------------------------------------ */
/* The average and how it was found                                         */

/**
 * ShtatAppealsAverage:
 * @missing: (element-type ShtatMonth): months without any count, left out of
 *   both sums
 * @partial: (element-type ShtatMonth): months with some channels not recorded
 *   (taken as 0)
 * @table: (nullable): the table whose bracket the average falls in; %NULL
 *   without norm data
 */
typedef struct
{
  ShtatMonth             from;
  ShtatMonth             to;
  guint                  n_months;       /* in the period */
  gint64                 total;          /* appeals in the months with data */
  gint64                 by_channel[SHTAT_N_APPEAL_CHANNELS];
  guint                  working_days;   /* in the months with data */
  GArray                *missing;
  GArray                *partial;
  double                 average;        /* total / working_days */
  const ShtatNormTable  *table;
  int                    bracket;        /* index into table->brackets, -1 without */
  gboolean               outside_table;
  GDate                  period_from;    /* the first day of `from` */
  GDate                  period_to;      /* the last day of `to` */
  char                  *source;         /* "monthly statistics, 01.2026–12.2026" */
  char                  *explanation;    /* one line, in the user's language */
} ShtatAppealsAverage;

ShtatAppealsAverage *shtat_appeals_average_compute (const ShtatCentreProfile *profile,
                                                    ShtatCalendar            *calendar,
                                                    ShtatNormLibrary         *library,
                                                    const char               *table_id,
                                                    const ShtatMonth         *from,
                                                    const ShtatMonth         *to,
                                                    const GDate              *today,
                                                    GError                  **error);
void                 shtat_appeals_average_free    (ShtatAppealsAverage      *average);

char *shtat_appeals_format_average (double                value,
                                    const ShtatNormTable *table);

void     shtat_centre_profile_get_drivers      (const ShtatCentreProfile  *profile,
                                                const ShtatAppealsAverage *average,
                                                ShtatDrivers              *drivers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatCalendar, shtat_calendar_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatCentreProfile, shtat_centre_profile_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatAppealsAverage, shtat_appeals_average_free)

G_END_DECLS
