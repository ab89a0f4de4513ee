/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-text.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

#define SHTAT_NORM_ERROR (shtat_norm_error_quark ())

typedef enum
{
  SHTAT_NORM_ERROR_IO,        /* the file cannot be read */
  SHTAT_NORM_ERROR_PARSE,     /* not well-formed XML */
  SHTAT_NORM_ERROR_FORBIDDEN, /* DOCTYPE, entities or other constructs norm files never need */
  SHTAT_NORM_ERROR_SCHEMA,    /* does not follow norms.rng */
  SHTAT_NORM_ERROR_INVALID,   /* follows the schema but contradicts itself or another file */
} ShtatNormError;

GQuark shtat_norm_error_quark (void);

/* ------------------------------------------------------------------------ */
/* Acts and interpretations                                                 */

typedef struct
{
  char      *id;
  char      *act_id;
  gboolean   pending;         /* new wording not in the bundled text */
  char      *effective_from;  /* ISO date or NULL */
  char      *cite;
  ShtatText  note;
} ShtatAmendment;

typedef struct
{
  char      *id;
  char      *number;
  char      *date;            /* ISO */
  char      *registration;    /* Ministry of Justice register number, or NULL */
  char      *registered;
  char      *sources;         /* digest file keys, e.g. "000 001" */
  gboolean   is_reference;    /* only referred to, not bundled */
  ShtatText  title;
  ShtatText  issuer;
  ShtatText  effective;
  GPtrArray *amendments;      /* ShtatAmendment */
} ShtatAct;

/* A reading of a gap in the law (decisions.md), shown wherever it is applied. */
typedef struct
{
  guint      id;
  char      *cite;
  gboolean   configurable;
  ShtatText  title;
  ShtatText  text;
} ShtatInterpretation;

/* ------------------------------------------------------------------------ */
/* Staffing tables                                                          */

typedef enum
{
  SHTAT_DRIVER_APPEALS,
  SHTAT_DRIVER_RECIPIENTS,
  SHTAT_DRIVER_VEHICLES,
  SHTAT_DRIVER_TRACTORS,
  SHTAT_DRIVER_BEDS,
  SHTAT_DRIVER_CHILDREN,
  SHTAT_DRIVER_GROUPS,
  SHTAT_N_DRIVERS,
} ShtatDriver;

typedef enum
{
  SHTAT_FLAG_HAS_LIFT,
  SHTAT_FLAG_HAS_LIBRARY,
  SHTAT_FLAG_HAS_SEWERAGE,
  SHTAT_FLAG_CENTRALISED_CESSPIT_CLEANING,
  SHTAT_N_FLAGS,
} ShtatFlag;

typedef enum
{
  SHTAT_RULE_FIXED,      /* n units per institution */
  SHTAT_RULE_BRACKETED,  /* by the bracket of the table's driver */
  SHTAT_RULE_PER,        /* n units per vehicle, tractor, group… */
  SHTAT_RULE_RATIO,      /* n units per N beds, children… */
  SHTAT_RULE_TYPICAL,    /* set by typical norms, not computed */
} ShtatRuleKind;

typedef struct
{
  char      *id;
  gboolean   has_min;
  gboolean   min_inclusive;
  double     min;
  gboolean   has_max;
  gboolean   max_inclusive;
  double     max;
  ShtatText  label;
} ShtatBracket;

typedef struct
{
  double from;
  double to;
  guint  interpretation;
} ShtatOverlap;

typedef struct
{
  ShtatFlag flag;
  gboolean  value;
} ShtatCondition;

typedef struct _ShtatSection ShtatSection;
typedef struct _ShtatNormTable ShtatNormTable;

typedef struct
{
  guint           n;             /* the row number in the act */
  char           *position;      /* position code */
  char           *cite;
  ShtatText       name;
  ShtatRuleKind   kind;
  int             units;         /* hundredths: fixed, per, ratio */
  GArray         *bracket_units; /* int hundredths, one per bracket */
  ShtatDriver     basis;         /* per, ratio */
  guint           per;           /* ratio: units for every `per` of basis */
  gboolean        proportional;  /* ratio: pro rata instead of per started block */
  gboolean        capped;        /* per: the table's vehicle limit applies */
  GArray         *conditions;    /* ShtatCondition, all must hold */
  GPtrArray      *amendments;    /* ShtatAmendment, borrowed from the act */
  GArray         *interpretations; /* guint */
  ShtatText       reference;     /* typical: the norms that apply, if named */
  ShtatText       remark;
  ShtatSection   *section;       /* borrowed */
} ShtatNormRow;

struct _ShtatSection
{
  char      *id;
  ShtatText  name;               /* may be unset: the act gives no heading */
  GPtrArray *rows;               /* ShtatNormRow */
};

typedef struct
{
  char      *id;
  char      *cite;
  ShtatText  text;
  GArray    *interpretations;    /* guint */
} ShtatTableNote;

struct _ShtatNormTable
{
  char      *id;
  char      *cite;
  ShtatText  name;
  ShtatText  institution;
  ShtatAct  *act;                /* borrowed */
  gboolean   has_brackets;
  ShtatDriver bracket_driver;
  GPtrArray *brackets;           /* ShtatBracket */
  GArray    *overlaps;           /* ShtatOverlap */
  GArray    *bracket_interpretations; /* guint */
  gboolean   has_vehicle_limit;
  guint      vehicle_limit_base;
  guint      vehicle_limit_extra;
  guint      vehicle_limit_extra_from;
  char      *vehicle_limit_cite;
  GPtrArray *sections;           /* ShtatSection */
  GPtrArray *notes;              /* ShtatTableNote */
};

/* ------------------------------------------------------------------------ */
/* Qualification characteristics                                            */

typedef enum
{
  SHTAT_EDUCATION_BASIC_SECONDARY,
  SHTAT_EDUCATION_GENERAL_SECONDARY,
  SHTAT_EDUCATION_SECONDARY_SPECIALISED,
  SHTAT_EDUCATION_SECONDARY_VOCATIONAL,
  SHTAT_EDUCATION_POST_SECONDARY,
  SHTAT_EDUCATION_HIGHER,
  SHTAT_EDUCATION_POSTGRADUATE,
  SHTAT_N_EDUCATION_LEVELS,
} ShtatEducationLevel;

typedef enum
{
  SHTAT_FIELD_SOCIAL,
  SHTAT_FIELD_SOCIAL_WORK,
  SHTAT_FIELD_PSYCHOLOGY,
  SHTAT_FIELD_PEDAGOGY,
  SHTAT_FIELD_MEDICINE,
  SHTAT_FIELD_LAW,
  SHTAT_FIELD_ECONOMICS,
  SHTAT_FIELD_HUMANITIES,
  SHTAT_FIELD_PRESCHOOL,
  SHTAT_FIELD_PRIMARY_PEDAGOGY,
  SHTAT_FIELD_VOCATIONAL_TRAINING,
  SHTAT_FIELD_NURSING,
  SHTAT_FIELD_PHYSICAL_CULTURE,
  SHTAT_FIELD_RELEVANT,
  SHTAT_N_FIELDS,
} ShtatField;

typedef enum
{
  SHTAT_LEVEL_HIGHER,
  SHTAT_LEVEL_MEDIUM,
  SHTAT_LEVEL_SINGLE,
  SHTAT_N_LEVELS,
} ShtatLevel;

typedef enum
{
  SHTAT_CATEGORY_HIGHEST,
  SHTAT_CATEGORY_FIRST,
  SHTAT_CATEGORY_SECOND,
  SHTAT_CATEGORY_NONE,
  SHTAT_N_CATEGORIES,
} ShtatCategory;

typedef enum
{
  SHTAT_EXPERIENCE_SECTOR,
  SHTAT_EXPERIENCE_MANAGERIAL,
  SHTAT_EXPERIENCE_CATEGORY,
  SHTAT_EXPERIENCE_POSITION,
} ShtatExperienceScope;

/* One way of meeting a rung of the ladder: every clause must hold. */
typedef struct
{
  guint32              education_levels; /* 1 << ShtatEducationLevel */
  guint32              fields;           /* 1 << ShtatField; 0 = any field */
  char                *certificate_kind; /* NULL: none required */
  ShtatText            certificate_name;
  gboolean             has_experience;
  guint                years;
  ShtatExperienceScope scope;
  int                  experience_level;    /* ShtatLevel or -1 */
  int                  experience_category; /* ShtatCategory or -1 */
} ShtatAlternative;

typedef struct
{
  ShtatCategory  id;
  ShtatText      name;           /* may be unset: the usual name applies */
  GPtrArray     *alternatives;   /* ShtatAlternative */
  GArray        *interpretations;
} ShtatCategoryRequirement;

typedef struct
{
  ShtatLevel     id;
  ShtatText      name;
  GPtrArray     *categories;     /* ShtatCategoryRequirement, highest first */
} ShtatLevelRequirement;

typedef struct
{
  char      *cite;
  ShtatText  text;
  GPtrArray *amendments;         /* ShtatAmendment, borrowed */
} ShtatSummaryItem;

typedef struct
{
  char      *code;
  char      *cite;
  ShtatText  name;
  ShtatAct  *act;                /* borrowed */
  char      *duties_cite;
  GPtrArray *duties;             /* ShtatSummaryItem */
  char      *knowledge_cite;
  GPtrArray *knowledge;          /* ShtatSummaryItem */
  char      *requirements_cite;
  GPtrArray *levels;             /* ShtatLevelRequirement */
  GArray    *interpretations;
} ShtatPosition;

/* A position whose characteristics another act sets, or none bundled names. */
typedef struct
{
  char      *code;
  char      *act_id;             /* NULL when no act is named */
  char      *cite;
  ShtatText  name;
  GArray    *interpretations;
} ShtatExternalPosition;

typedef struct
{
  char      *id;
  char     **members;
  guint      interpretation;
} ShtatFamily;

/* The id of the table of the Family Support Centres in 256-НҚ (000/001 App),
 * whose rows digest §5.4 maps to structural units. */
#define SHTAT_NORM_TABLE_CENTRE "fsc"

/* ------------------------------------------------------------------------ */
/* The library: every norm set loaded, cross-checked, read-only afterwards. */

#define SHTAT_TYPE_NORM_LIBRARY (shtat_norm_library_get_type ())
G_DECLARE_FINAL_TYPE (ShtatNormLibrary, shtat_norm_library, SHTAT, NORM_LIBRARY, GObject)

ShtatNormLibrary *shtat_norm_library_new              (void);
gboolean          shtat_norm_library_load_file        (ShtatNormLibrary *self,
                                                       const char       *path,
                                                       GError          **error);
gboolean          shtat_norm_library_load_bytes       (ShtatNormLibrary *self,
                                                       const char       *name,
                                                       GBytes           *bytes,
                                                       GError          **error);
gboolean          shtat_norm_library_check            (ShtatNormLibrary *self,
                                                       GError          **error);
ShtatNormLibrary *shtat_norm_library_load_default     (GError          **error);

GPtrArray                   *shtat_norm_library_get_tables        (ShtatNormLibrary *self);
const ShtatNormTable        *shtat_norm_library_get_table         (ShtatNormLibrary *self,
                                                                   const char       *id);
/* The table @id, or the centres' table (SHTAT_NORM_TABLE_CENTRE) when @id is
 * NULL: what a schedule or a profile that names no table is planned against. */
const ShtatNormTable        *shtat_norm_library_get_table_or_centre (ShtatNormLibrary *self,
                                                                     const char       *id);
GPtrArray                   *shtat_norm_library_get_positions     (ShtatNormLibrary *self);
const ShtatPosition         *shtat_norm_library_get_position      (ShtatNormLibrary *self,
                                                                   const char       *code);
GPtrArray                   *shtat_norm_library_get_external_positions (ShtatNormLibrary *self);
const ShtatExternalPosition *shtat_norm_library_get_external_position  (ShtatNormLibrary *self,
                                                                        const char       *code);
const ShtatAct              *shtat_norm_library_get_act           (ShtatNormLibrary *self,
                                                                   const char       *id);
const ShtatInterpretation   *shtat_norm_library_get_interpretation (ShtatNormLibrary *self,
                                                                    guint             id);
GPtrArray                   *shtat_norm_library_get_families      (ShtatNormLibrary *self);
GPtrArray                   *shtat_norm_library_get_warnings      (ShtatNormLibrary *self);

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

const char *shtat_driver_to_string      (ShtatDriver driver);
gboolean    shtat_driver_from_string    (const char *str, ShtatDriver *out);
const char *shtat_driver_get_label      (ShtatDriver driver);
gboolean    shtat_driver_is_count       (ShtatDriver driver);
const char *shtat_flag_to_string        (ShtatFlag flag);
gboolean    shtat_flag_from_string      (const char *str, ShtatFlag *out);
const char *shtat_flag_get_label        (ShtatFlag flag);
const char *shtat_flag_get_condition_label (ShtatFlag flag, gboolean value);
const char *shtat_rule_kind_to_string   (ShtatRuleKind kind);
const char *shtat_rule_kind_get_label   (ShtatRuleKind kind);
const char *shtat_education_level_to_string (ShtatEducationLevel level);
const char *shtat_education_level_get_label (ShtatEducationLevel level);
const char *shtat_field_to_string       (ShtatField field);
const char *shtat_field_get_label       (ShtatField field);
const char *shtat_level_to_string       (ShtatLevel level);
const char *shtat_level_get_label       (ShtatLevel level);
const char *shtat_category_to_string    (ShtatCategory category);
const char *shtat_category_get_label    (ShtatCategory category);

/* Which drivers and flags a table's rows depend on. */
gboolean    shtat_norm_table_uses_driver (const ShtatNormTable *table, ShtatDriver driver);
gboolean    shtat_norm_table_uses_flag   (const ShtatNormTable *table, ShtatFlag flag);
guint       shtat_norm_table_count_rows  (const ShtatNormTable *table);
/* The first row of @table (may be NULL) for @position, in the act's order;
 * NULL when it has none. */
const ShtatNormRow *shtat_norm_table_find_row (const ShtatNormTable *table,
                                               const char           *position);

G_END_DECLS
