/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shtat-iin.h"
#include "shtat-norms.h"
#include "shtat-text.h"

G_BEGIN_DECLS

/* Personnel files: plain, reference-counted records that the store loads, the
 * engine reads and the importers fill. Dates are GDate; an invalid GDate means
 * "not given" (for the end of a period: still open). */

typedef enum
{
  SHTAT_SECTOR_OTHER,             /*< nick=other >*/
  SHTAT_SECTOR_SOCIAL_PROTECTION, /*< nick=social-protection >*/
  SHTAT_SECTOR_EMPLOYMENT,        /*< nick=employment >*/
  SHTAT_SECTOR_EDUCATION,         /*< nick=education >*/
  SHTAT_SECTOR_HEALTH,            /*< nick=health >*/
  SHTAT_SECTOR_LAW_ENFORCEMENT,   /*< nick=law-enforcement >*/
  SHTAT_N_SECTORS,                /*< skip >*/
} ShtatSector;

typedef struct
{
  gint64              id;          /* 0 until stored */
  ShtatEducationLevel level;
  int                 field;       /* ShtatField, or -1 when not classified */
  gboolean            relevant;    /* the user confirmed it is "the relevant specialty" (003 ¶21, ¶24, ¶30) */
  char               *specialty;   /* as on the diploma */
  char               *institution;
  char               *diploma;     /* number */
  guint               year;        /* of graduation, 0 if unknown */
} ShtatEducation;

typedef struct
{
  gint64  id;
  char   *kind;                    /* e.g. "social-training" (003 ¶15) */
  char   *number;
  GDate   issued;
  GDate   expires;                 /* invalid: does not expire */
} ShtatCertificate;

typedef struct
{
  gint64      id;
  char       *organisation;
  ShtatSector sector;
  char       *position;            /* position code when known (norm data), else free text */
  int         level;               /* ShtatLevel, or -1 */
  int         category;            /* ShtatCategory, or -1 */
  gboolean    managerial;          /* a leadership post (003 ¶6, ¶9) */
  GDate       from;
  GDate       to;                  /* invalid: open, runs to the as-of date */
} ShtatWorkPeriod;

typedef struct
{
  gint64  id;
  gint64  centre_id;
  char   *centre_code;             /* importers name the centre by code; the store resolves it */
  char   *position;                /* position code of the norm data */
  int     level;                   /* ShtatLevel the post is filled at, or -1 */
  int     category;                /* ShtatCategory held, or -1 */
  int     rate;                    /* hundredths of a staff unit: 100 = full rate */
  GDate   from;
  GDate   to;                      /* invalid: open */
} ShtatAssignment;

/**
 * ShtatEmployee:
 * @patronymic: (nullable)
 * @education: (element-type ShtatEducation)
 * @certificates: (element-type ShtatCertificate)
 * @periods: (element-type ShtatWorkPeriod)
 * @assignments: (element-type ShtatAssignment)
 */
typedef struct
{
  gint64     id;
  char       iin[13];
  char      *surname;
  char      *name;
  char      *patronymic;
  GDate      birth_date;
  ShtatSex   sex;
  GArray    *education;
  GArray    *certificates;
  GArray    *periods;
  GArray    *assignments;
} ShtatEmployee;

typedef struct
{
  gint64  id;
  char   *code;                    /* short stable key, e.g. "almaty-bostandyk" */
  char   *name_kk;
  char   *name_ru;
  char   *district;                /* district or city */
  char   *akimat;
} ShtatCentre;

#define SHTAT_TYPE_EMPLOYEE (shtat_employee_get_type ())
#define SHTAT_TYPE_CENTRE (shtat_centre_get_type ())
GType          shtat_employee_get_type     (void) G_GNUC_CONST;
GType          shtat_centre_get_type       (void) G_GNUC_CONST;

ShtatEmployee *shtat_employee_new          (void);
ShtatEmployee *shtat_employee_ref          (ShtatEmployee *employee);
void           shtat_employee_unref        (ShtatEmployee *employee);
ShtatEmployee *shtat_employee_copy         (const ShtatEmployee *employee);
char          *shtat_employee_dup_full_name (const ShtatEmployee *employee);

ShtatCentre   *shtat_centre_new            (void);
ShtatCentre   *shtat_centre_ref            (ShtatCentre *centre);
void           shtat_centre_unref          (ShtatCentre *centre);

const char    *shtat_centre_get_name         (const ShtatCentre *centre,
                                              ShtatLang          lang);
const char    *shtat_centre_get_display_name (const ShtatCentre *centre);
void           shtat_centres_sort_by_name    (GPtrArray         *centres);

/* The strings of a record belong to it and go with it. Those that repeat
 * from file to file (organisation, position, specialty, institution, centre
 * code, kind of certificate) may be shared copies, as the store loads them:
 * replace such a field with shtat_personnel_set_text(), never by freeing it. */
char *shtat_personnel_share_text (const char *text);
void  shtat_personnel_set_text   (char      **field,
                                  const char *text);

/* Appending copies the strings of the record given. */
void shtat_employee_add_education   (ShtatEmployee *employee, const ShtatEducation *education);
void shtat_employee_add_certificate (ShtatEmployee *employee, const ShtatCertificate *certificate);
void shtat_employee_add_period      (ShtatEmployee *employee, const ShtatWorkPeriod *period);
void shtat_employee_add_assignment  (ShtatEmployee *employee, const ShtatAssignment *assignment);

/**
 * shtat_assignment_is_open_on:
 * @assignment: a post held
 * @date: a valid date
 *
 * The post is held on @date: it has begun (no start, or a start not after
 * @date) and has not ended (no end, or an end not before @date).
 *
 * Returns: TRUE when the post is open on @date.
 */
gboolean shtat_assignment_is_open_on (const ShtatAssignment *assignment,
                                      const GDate           *date);

const char *shtat_sector_to_string   (ShtatSector sector);
gboolean    shtat_sector_from_string (const char *str, ShtatSector *out);
const char *shtat_sector_get_label   (ShtatSector sector);

/* Validation of one personnel file against the norm data, as of a date.
 * The error names the record and the field: "Work period 2 (Social worker,
 * from 01.09.2015): the end 31.08.2014 is before the start". */
#define SHTAT_PERSONNEL_ERROR (shtat_personnel_error_quark ())

typedef enum
{
  SHTAT_PERSONNEL_ERROR_IIN,
  SHTAT_PERSONNEL_ERROR_MISSING,        /* a required field is empty */
  SHTAT_PERSONNEL_ERROR_DATE,           /* impossible, in the future, end before start, before age 14 */
  SHTAT_PERSONNEL_ERROR_POSITION,       /* unknown position code */
  SHTAT_PERSONNEL_ERROR_CATEGORY,       /* a level or category the position does not have */
  SHTAT_PERSONNEL_ERROR_VALUE,          /* out of range: rate, year… */
} ShtatPersonnelError;

GQuark   shtat_personnel_error_quark (void);
gboolean shtat_employee_validate     (const ShtatEmployee *employee,
                                      ShtatNormLibrary    *library,
                                      const GDate         *today,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatEmployee, shtat_employee_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatCentre, shtat_centre_unref)

G_END_DECLS
