/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-personnel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "shtat-enum.h"
#include "shtat-personnel.h"
#include "shtat-personnel-enums.h"
#include "shtat-units.h"

G_DEFINE_QUARK (shtat-personnel-error-quark, shtat_personnel_error)

/* The records carry no reference count of their own: they live in GLib's
 * reference-counted boxes, so the public structs stay plain. */
G_DEFINE_BOXED_TYPE (ShtatEmployee, shtat_employee, shtat_employee_ref, shtat_employee_unref)
G_DEFINE_BOXED_TYPE (ShtatCentre, shtat_centre, shtat_centre_ref, shtat_centre_unref)

/* ------------------------------------------------------------------------ */
/* Shared strings                                                           */

/* The texts that repeat from file to file (organisations, positions,
 * specialties, institutions, centre codes, kinds of certificate) are held
 * once for the whole process, in blocks that are never freed: a database of
 * 100 000 employees names a few hundred organisations half a million times.
 * A record's clear function frees its strings except the shared ones, which
 * it tells by their address: the blocks' ranges are published as an
 * immutable, sorted snapshot, read without a lock. */

#define SHARED_BLOCK_SIZE 65536

typedef struct
{
  const char *lo;
  const char *hi;
} SharedRange;

typedef struct
{
  guint       n;
  SharedRange ranges[];
} SharedBlocks;

static GMutex shared_lock;
static GHashTable *shared_texts;     /* text → its shared copy (the key itself) */
static char *shared_block;           /* the block being filled */
static gsize shared_used;
static SharedBlocks *shared_blocks;  /* read with g_atomic_pointer_get; old ones stay */

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const SharedRange *x = a;
  const SharedRange *y = b;

  return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Under shared_lock: room for @size bytes, in a new block when needed. */
static char *
shared_alloc (gsize size)
{
  char *out;

  if (shared_block == NULL || shared_used + size > SHARED_BLOCK_SIZE)
    {
      SharedBlocks *old = g_atomic_pointer_get (&shared_blocks);
      guint n = old != NULL ? old->n : 0;
      gsize block_size = MAX (size, SHARED_BLOCK_SIZE);
      SharedBlocks *blocks = g_malloc (sizeof (SharedBlocks) + (n + 1) * sizeof (SharedRange));

      shared_block = g_malloc (block_size);
      shared_used = 0;
      blocks->n = n + 1;
      if (n > 0)
        memcpy (blocks->ranges, old->ranges, n * sizeof (SharedRange));
      blocks->ranges[n].lo = shared_block;
      blocks->ranges[n].hi = shared_block + block_size;
      qsort (blocks->ranges, blocks->n, sizeof (SharedRange), compare_ranges);
      /* a reader may still be looking at the old snapshot: it is kept */
      g_atomic_pointer_set (&shared_blocks, blocks);
    }
  out = shared_block + shared_used;
  shared_used += size;
  return out;
}

/**
 * shtat_personnel_share_text:
 * @text: (nullable): a text
 *
 * The shared copy of @text, for the fields of a record that repeat from file
 * to file: it lives as long as the process, and the record's clear function
 * leaves it alone.
 *
 * Returns: (transfer none) (nullable): the shared copy; %NULL for %NULL and
 *   for an empty text
 */
char *
shtat_personnel_share_text (const char *text)
{
  char *shared;

  if (text == NULL || *text == '\0')
    return NULL;

  g_mutex_lock (&shared_lock);
  if (shared_texts == NULL)
    shared_texts = g_hash_table_new (g_str_hash, g_str_equal);
  shared = g_hash_table_lookup (shared_texts, text);
  if (shared == NULL)
    {
      gsize size = strlen (text) + 1;

      shared = shared_alloc (size);
      memcpy (shared, text, size);
      g_hash_table_add (shared_texts, shared);
    }
  g_mutex_unlock (&shared_lock);
  return shared;
}

static gboolean
is_shared (const char *text)
{
  SharedBlocks *blocks = g_atomic_pointer_get (&shared_blocks);
  guint lo = 0;
  guint hi = blocks != NULL ? blocks->n : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (text < blocks->ranges[mid].lo)
        hi = mid;
      else if (text >= blocks->ranges[mid].hi)
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

/* Frees *@text unless it is shared, and clears it. */
static void
clear_text (char **text)
{
  if (*text != NULL && !is_shared (*text))
    g_free (*text);
  *text = NULL;
}

/**
 * shtat_personnel_set_text:
 * @field: a string field of a record
 * @text: (nullable): the new text, copied
 *
 * Replaces the text of @field, freeing the old one unless it is shared.
 */
void
shtat_personnel_set_text (char       **field,
                          const char  *text)
{
  char *copy = g_strdup (text);

  clear_text (field);
  *field = copy;
}

/* ------------------------------------------------------------------------ */
/* Child records                                                            */

static void
education_clear (gpointer data)
{
  ShtatEducation *e = data;

  clear_text (&e->specialty);
  clear_text (&e->institution);
  g_clear_pointer (&e->diploma, g_free);
}

static void
certificate_clear (gpointer data)
{
  ShtatCertificate *c = data;

  clear_text (&c->kind);
  g_clear_pointer (&c->number, g_free);
}

static void
period_clear (gpointer data)
{
  ShtatWorkPeriod *p = data;

  clear_text (&p->organisation);
  clear_text (&p->position);
}

static void
assignment_clear (gpointer data)
{
  ShtatAssignment *a = data;

  clear_text (&a->centre_code);
  clear_text (&a->position);
}

static GArray *
child_array_new (guint          element_size,
                 GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

/* ------------------------------------------------------------------------ */
/* Employees                                                                */

/**
 * shtat_employee_new:
 *
 * Returns: (transfer full): an empty personnel file, released with shtat_employee_unref()
 */
ShtatEmployee *
shtat_employee_new (void)
{
  ShtatEmployee *employee = g_atomic_rc_box_new0 (ShtatEmployee);

  g_date_clear (&employee->birth_date, 1);
  employee->education = child_array_new (sizeof (ShtatEducation), education_clear);
  employee->certificates = child_array_new (sizeof (ShtatCertificate), certificate_clear);
  employee->periods = child_array_new (sizeof (ShtatWorkPeriod), period_clear);
  employee->assignments = child_array_new (sizeof (ShtatAssignment), assignment_clear);
  return employee;
}

/**
 * shtat_employee_ref:
 * @employee: a personnel file
 *
 * Returns: (transfer full): @employee
 */
ShtatEmployee *
shtat_employee_ref (ShtatEmployee *employee)
{
  g_return_val_if_fail (employee != NULL, NULL);

  return g_atomic_rc_box_acquire (employee);
}

static void
employee_clear (gpointer data)
{
  ShtatEmployee *employee = data;

  g_clear_pointer (&employee->surname, g_free);
  g_clear_pointer (&employee->name, g_free);
  g_clear_pointer (&employee->patronymic, g_free);
  g_clear_pointer (&employee->education, g_array_unref);
  g_clear_pointer (&employee->certificates, g_array_unref);
  g_clear_pointer (&employee->periods, g_array_unref);
  g_clear_pointer (&employee->assignments, g_array_unref);
}

void
shtat_employee_unref (ShtatEmployee *employee)
{
  g_return_if_fail (employee != NULL);

  g_atomic_rc_box_release_full (employee, employee_clear);
}

void
shtat_employee_add_education (ShtatEmployee        *employee,
                              const ShtatEducation *education)
{
  ShtatEducation copy;

  g_return_if_fail (employee != NULL);
  g_return_if_fail (education != NULL);

  copy = *education;
  copy.specialty = g_strdup (education->specialty);
  copy.institution = g_strdup (education->institution);
  copy.diploma = g_strdup (education->diploma);
  g_array_append_val (employee->education, copy);
}

void
shtat_employee_add_certificate (ShtatEmployee          *employee,
                                const ShtatCertificate *certificate)
{
  ShtatCertificate copy;

  g_return_if_fail (employee != NULL);
  g_return_if_fail (certificate != NULL);

  copy = *certificate;
  copy.kind = g_strdup (certificate->kind);
  copy.number = g_strdup (certificate->number);
  g_array_append_val (employee->certificates, copy);
}

void
shtat_employee_add_period (ShtatEmployee         *employee,
                           const ShtatWorkPeriod *period)
{
  ShtatWorkPeriod copy;

  g_return_if_fail (employee != NULL);
  g_return_if_fail (period != NULL);

  copy = *period;
  copy.organisation = g_strdup (period->organisation);
  copy.position = g_strdup (period->position);
  g_array_append_val (employee->periods, copy);
}

void
shtat_employee_add_assignment (ShtatEmployee         *employee,
                               const ShtatAssignment *assignment)
{
  ShtatAssignment copy;

  g_return_if_fail (employee != NULL);
  g_return_if_fail (assignment != NULL);

  copy = *assignment;
  copy.centre_code = g_strdup (assignment->centre_code);
  copy.position = g_strdup (assignment->position);
  g_array_append_val (employee->assignments, copy);
}

gboolean
shtat_assignment_is_open_on (const ShtatAssignment *assignment,
                             const GDate           *date)
{
  g_return_val_if_fail (assignment != NULL && date != NULL, FALSE);

  if (g_date_valid (&assignment->from) && g_date_compare (&assignment->from, date) > 0)
    return FALSE;
  if (g_date_valid (&assignment->to) && g_date_compare (&assignment->to, date) < 0)
    return FALSE;
  return TRUE;
}

/* A deep copy: the ids are kept, every string and child record is copied. */
/**
 * shtat_employee_copy:
 * @employee: a personnel file
 *
 * A deep copy: the ids are kept, every string and child record is copied.
 *
 * Returns: (transfer full): the copy
 */
ShtatEmployee *
shtat_employee_copy (const ShtatEmployee *employee)
{
  ShtatEmployee *copy;

  g_return_val_if_fail (employee != NULL, NULL);

  copy = shtat_employee_new ();
  copy->id = employee->id;
  memcpy (copy->iin, employee->iin, sizeof copy->iin);
  copy->surname = g_strdup (employee->surname);
  copy->name = g_strdup (employee->name);
  copy->patronymic = g_strdup (employee->patronymic);
  copy->birth_date = employee->birth_date;
  copy->sex = employee->sex;

  g_array_set_size (copy->education, 0);
  for (guint i = 0; i < employee->education->len; i++)
    shtat_employee_add_education (copy, &g_array_index (employee->education, ShtatEducation, i));
  for (guint i = 0; i < employee->certificates->len; i++)
    shtat_employee_add_certificate (copy,
                                    &g_array_index (employee->certificates, ShtatCertificate, i));
  for (guint i = 0; i < employee->periods->len; i++)
    shtat_employee_add_period (copy, &g_array_index (employee->periods, ShtatWorkPeriod, i));
  for (guint i = 0; i < employee->assignments->len; i++)
    shtat_employee_add_assignment (copy,
                                   &g_array_index (employee->assignments, ShtatAssignment, i));
  return copy;
}

/**
 * shtat_employee_dup_full_name:
 * @employee: a personnel file
 *
 * "Surname Name Patronymic", leaving out what is not given.
 *
 * Returns: (transfer full): the name
 */
char *
shtat_employee_dup_full_name (const ShtatEmployee *employee)
{
  const char *parts[3];
  GString *name;

  g_return_val_if_fail (employee != NULL, NULL);

  parts[0] = employee->surname;
  parts[1] = employee->name;
  parts[2] = employee->patronymic;
  name = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }
  return g_string_free (name, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Centres                                                                  */

/**
 * shtat_centre_new:
 *
 * Returns: (transfer full): an empty centre, released with shtat_centre_unref()
 */
ShtatCentre *
shtat_centre_new (void)
{
  return g_atomic_rc_box_new0 (ShtatCentre);
}

/**
 * shtat_centre_ref:
 * @centre: a centre
 *
 * Returns: (transfer full): @centre
 */
ShtatCentre *
shtat_centre_ref (ShtatCentre *centre)
{
  g_return_val_if_fail (centre != NULL, NULL);

  return g_atomic_rc_box_acquire (centre);
}

static void
centre_clear (gpointer data)
{
  ShtatCentre *centre = data;

  g_clear_pointer (&centre->code, g_free);
  g_clear_pointer (&centre->name_kk, g_free);
  g_clear_pointer (&centre->name_ru, g_free);
  g_clear_pointer (&centre->district, g_free);
  g_clear_pointer (&centre->akimat, g_free);
}

void
shtat_centre_unref (ShtatCentre *centre)
{
  g_return_if_fail (centre != NULL);

  g_atomic_rc_box_release_full (centre, centre_clear);
}

/**
 * shtat_centre_get_name:
 * @centre: a centre
 * @lang: the reader's language
 *
 * The centre's name as a reader of @lang sees it: the Russian name in Russian,
 * the Kazakh one otherwise (Kazakh is the state language, and the English
 * interface has no English names to show). A name not given falls back on the
 * other language's, and a centre with neither is shown by its code.
 *
 * Returns: (transfer none): the name, never %NULL
 */
const char *
shtat_centre_get_name (const ShtatCentre *centre,
                       ShtatLang          lang)
{
  const char *name, *other;

  g_return_val_if_fail (centre != NULL, NULL);

  name = lang == SHTAT_LANG_RU ? centre->name_ru : centre->name_kk;
  other = lang == SHTAT_LANG_RU ? centre->name_kk : centre->name_ru;
  if (name == NULL || *name == '\0')
    name = other;
  if (name == NULL || *name == '\0')
    name = centre->code;
  return name != NULL ? name : "";
}

/**
 * shtat_centre_get_display_name:
 * @centre: a centre
 *
 * shtat_centre_get_name() in the language of the interface.
 *
 * Returns: (transfer none): the name, never %NULL
 */
const char *
shtat_centre_get_display_name (const ShtatCentre *centre)
{
  return shtat_centre_get_name (centre, shtat_lang_current ());
}

typedef struct
{
  char        *key;
  ShtatCentre *centre;
} CentreKey;

static int
compare_centre_keys (gconstpointer a,
                     gconstpointer b)
{
  const CentreKey *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : g_strcmp0 (x->centre->code, y->centre->code);
}

/**
 * shtat_centres_sort_by_name:
 * @centres: (element-type ShtatCentre): the centres to sort in place
 *
 * Sorts @centres by shtat_centre_get_display_name(), as the reader sees them,
 * then by code. Each name is collated once, into a key: comparing keys is a
 * strcmp(), where g_utf8_collate() would normalise both names on every
 * comparison.
 */
void
shtat_centres_sort_by_name (GPtrArray *centres)
{
  g_autofree CentreKey *keys = NULL;
  ShtatLang lang = shtat_lang_current ();

  g_return_if_fail (centres != NULL);

  if (centres->len < 2)
    return;
  keys = g_new (CentreKey, centres->len);
  for (guint i = 0; i < centres->len; i++)
    {
      keys[i].centre = g_ptr_array_index (centres, i);
      keys[i].key = g_utf8_collate_key (shtat_centre_get_name (keys[i].centre, lang), -1);
    }
  qsort (keys, centres->len, sizeof *keys, compare_centre_keys);
  for (guint i = 0; i < centres->len; i++)
    {
      centres->pdata[i] = keys[i].centre;
      g_free (keys[i].key);
    }
}

/* ------------------------------------------------------------------------ */
/* Sectors (decisions.md item 13)                                           */

const char *
shtat_sector_to_string (ShtatSector sector)
{
  return shtat_enum_to_nick (SHTAT_TYPE_SECTOR, sector);
}

gboolean
shtat_sector_from_string (const char  *str,
                          ShtatSector *out)
{
  int value;

  if (!shtat_enum_from_nick (SHTAT_TYPE_SECTOR, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ShtatSector) value;
  return TRUE;
}

const char *
shtat_sector_get_label (ShtatSector sector)
{
  switch (sector)
    {
    case SHTAT_SECTOR_OTHER:
      return _("Other");
    case SHTAT_SECTOR_SOCIAL_PROTECTION:
      return _("Social protection");
    case SHTAT_SECTOR_EMPLOYMENT:
      return _("Employment");
    case SHTAT_SECTOR_EDUCATION:
      return C_("sector", "Education");
    case SHTAT_SECTOR_HEALTH:
      return _("Health");
    case SHTAT_SECTOR_LAW_ENFORCEMENT:
      return _("Law enforcement");
    case SHTAT_N_SECTORS:
    default:
      g_return_val_if_reached ("");
    }
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

/* The age from which a person may work (Labour Code, art. 30). */
#define MIN_WORKING_AGE 14

/* An unset date shows as a dash in messages. */
static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? shtat_format_gdate (date) : g_strdup ("—");
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

/* What the user calls a position: its name in the norm data, else the text as
 * recorded. */
static char *
position_display_name (ShtatNormLibrary *library,
                       const char       *code)
{
  const ShtatPosition *position;
  const ShtatExternalPosition *external;

  if (is_blank (code))
    return g_strdup (_("no position"));
  position = shtat_norm_library_get_position (library, code);
  if (position != NULL)
    return shtat_capitalize_first (shtat_text_get (&position->name));
  external = shtat_norm_library_get_external_position (library, code);
  if (external != NULL)
    return shtat_capitalize_first (shtat_text_get (&external->name));
  return g_strdup (code);
}

typedef enum
{
  LADDER_OK,
  LADDER_UNKNOWN_POSITION,
  LADDER_NO_LEVEL,              /* a higher or medium level the position lacks */
  LADDER_LEVELS_REQUIRED,       /* "single" for a position divided into levels */
  LADDER_NO_CATEGORY,
  LADDER_EXTERNAL_LEVEL,        /* a level for a position another act sets */
  LADDER_EXTERNAL_CATEGORY,
} LadderCheck;

static const ShtatLevelRequirement *
find_level (const ShtatPosition *position,
            int                  level)
{
  for (guint i = 0; i < position->levels->len; i++)
    {
      const ShtatLevelRequirement *l = g_ptr_array_index (position->levels, i);

      if ((int) l->id == level)
        return l;
    }
  return NULL;
}

static gboolean
level_has_category (const ShtatLevelRequirement *level,
                    int                          category)
{
  for (guint i = 0; i < level->categories->len; i++)
    {
      const ShtatCategoryRequirement *c = g_ptr_array_index (level->categories, i);

      if ((int) c->id == category)
        return TRUE;
    }
  return FALSE;
}

/* Whether the position @code has the @level and @category (-1: not given) on
 * its requirements ladder. Positions set by other acts have no ladder here. */
static LadderCheck
check_ladder (ShtatNormLibrary *library,
              const char       *code,
              int               level,
              int               category)
{
  const ShtatPosition *position = shtat_norm_library_get_position (library, code);

  if (position == NULL)
    {
      if (shtat_norm_library_get_external_position (library, code) == NULL)
        return LADDER_UNKNOWN_POSITION;
      if (level >= 0)
        return LADDER_EXTERNAL_LEVEL;
      if (category >= 0)
        return LADDER_EXTERNAL_CATEGORY;
      return LADDER_OK;
    }

  if (level >= 0)
    {
      const ShtatLevelRequirement *l = find_level (position, level);

      if (l == NULL)
        return level == SHTAT_LEVEL_SINGLE ? LADDER_LEVELS_REQUIRED : LADDER_NO_LEVEL;
      if (category >= 0 && !level_has_category (l, category))
        return LADDER_NO_CATEGORY;
      return LADDER_OK;
    }

  if (category >= 0)
    {
      for (guint i = 0; i < position->levels->len; i++)
        if (level_has_category (g_ptr_array_index (position->levels, i), category))
          return LADDER_OK;
      return LADDER_NO_CATEGORY;
    }
  return LADDER_OK;
}

/* The record a message is about, named only when there is something to say:
 * validating a large import builds no string for the files that pass. */
typedef struct _Record Record;
struct _Record
{
  char               *(*build) (const Record *record);
  ShtatNormLibrary    *library;
  const ShtatEmployee *employee;
  guint                n;       /* from 1 */
  gconstpointer        item;
  char                *label;
};

static const char *
record_label (Record *record)
{
  if (record->label == NULL)
    record->label = record->build (record);
  return record->label;
}

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Record, record_clear)

/* "Employee 900101300126", or by name when the IIN is missing */
static char *
build_employee (const Record *record)
{
  g_autofree char *full_name = NULL;

  if (record->employee->iin[0] != '\0')
    /* TRANSLATORS: %s is the IIN, or the full name when the IIN is missing */
    return g_strdup_printf (_("Employee %s"), record->employee->iin);
  full_name = shtat_employee_dup_full_name (record->employee);
  return g_strdup_printf (_("Employee %s"), *full_name != '\0' ? full_name : "—");
}

/* "Education 1 (Social work, 2012)" */
static char *
build_education (const Record *record)
{
  const ShtatEducation *e = record->item;
  const char *what;

  if (!is_blank (e->specialty))
    what = e->specialty;
  else if (!is_blank (e->institution))
    what = e->institution;
  else if (e->level < SHTAT_N_EDUCATION_LEVELS)
    what = shtat_education_level_get_label (e->level);
  else
    what = "—";

  if (e->year != 0)
    return g_strdup_printf (_("Education %u (%s, %u)"), record->n, what, e->year);
  return g_strdup_printf (_("Education %u (%s)"), record->n, what);
}

/* "Certificate 1 (social-training)", by its number when the kind is missing */
static char *
build_certificate (const Record *record)
{
  const ShtatCertificate *c = record->item;
  const char *what = !is_blank (c->kind) ? c->kind : !is_blank (c->number) ? c->number : "—";

  return g_strdup_printf (_("Certificate %u (%s)"), record->n, what);
}

/* "Work period 2 (Social worker, from 01.09.2015)" */
static char *
build_period (const Record *record)
{
  const ShtatWorkPeriod *p = record->item;
  g_autofree char *name = position_display_name (record->library, p->position);
  g_autofree char *from = format_date (&p->from);

  /* TRANSLATORS: the number of the period in the file, the position, the start date */
  return g_strdup_printf (_("Work period %u (%s, from %s)"), record->n, name, from);
}

/* "Assignment 1 (Social worker, from 01.09.2018)" */
static char *
build_assignment (const Record *record)
{
  const ShtatAssignment *a = record->item;
  g_autofree char *name = position_display_name (record->library, a->position);
  g_autofree char *from = format_date (&a->from);

  return g_strdup_printf (_("Assignment %u (%s, from %s)"), record->n, name, from);
}

static gboolean
set_ladder_error (LadderCheck  check,
                  Record      *record,
                  int          level,
                  int          category,
                  GError     **error)
{
  switch (check)
    {
    case LADDER_OK:
      return TRUE;
    case LADDER_NO_LEVEL:
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_CATEGORY,
                   _("%s: level: the position has no “%s”"),
                   record_label (record), shtat_level_get_label ((ShtatLevel) level));
      return FALSE;
    case LADDER_LEVELS_REQUIRED:
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_CATEGORY,
                   _("%s: level: the position is divided into qualification levels; "
                     "give one of them"), record_label (record));
      return FALSE;
    case LADDER_NO_CATEGORY:
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_CATEGORY,
                   _("%s: category: the position has no “%s”"),
                   record_label (record), shtat_category_get_label ((ShtatCategory) category));
      return FALSE;
    case LADDER_EXTERNAL_LEVEL:
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_CATEGORY,
                   _("%s: level: the position’s requirements are set by another act, "
                     "and it has no qualification levels here"), record_label (record));
      return FALSE;
    case LADDER_EXTERNAL_CATEGORY:
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_CATEGORY,
                   _("%s: category: the position’s requirements are set by another act, "
                     "and it has no categories here"), record_label (record));
      return FALSE;
    case LADDER_UNKNOWN_POSITION:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
check_level_category_range (Record  *record,
                            int      level,
                            int      category,
                            GError **error)
{
  if (level < -1 || level >= SHTAT_N_LEVELS)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the qualification level %d does not exist"),
                   record_label (record), level);
      return FALSE;
    }
  if (category < -1 || category >= SHTAT_N_CATEGORIES)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the category %d does not exist"), record_label (record), category);
      return FALSE;
    }
  return TRUE;
}

/* The dates checked: the start of a period or assignment, the issue of a
 * certificate. Each has its own sentences, so that translators see them whole. */
typedef enum
{
  DATE_START,
  DATE_ISSUE,
} DateField;

/* A start date: given when @required, not after @today, not before the
 * person's 14th birthday (@fourteen, NULL when not checked). */
static gboolean
check_start (Record      *record,
             DateField    field,
             const GDate *date,
             gboolean     required,
             const GDate *fourteen,
             const GDate *today,
             GError     **error)
{
  if (!g_date_valid (date))
    {
      if (!required)
        return TRUE;
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   field == DATE_START ? _("%s: the start date is missing")
                                       : _("%s: the issue date is missing"),
                   record_label (record));
      return FALSE;
    }
  if (g_date_compare (date, today) > 0)
    {
      g_autofree char *d = format_date (date);
      g_autofree char *t = format_date (today);

      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE,
                   field == DATE_START ? _("%s: the start date %s is after today, %s")
                                       : _("%s: the issue date %s is after today, %s"),
                   record_label (record), d, t);
      return FALSE;
    }
  if (fourteen != NULL && g_date_compare (date, fourteen) < 0)
    {
      g_autofree char *d = format_date (date);
      g_autofree char *m = format_date (fourteen);

      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE,
                   _("%s: the start date %s is before the person’s 14th birthday, %s"),
                   record_label (record), d, m);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_end (Record      *record,
           DateField    field,
           const GDate *from,
           const GDate *to,
           GError     **error)
{
  g_autofree char *f = NULL;
  g_autofree char *t = NULL;

  if (!g_date_valid (from) || !g_date_valid (to) || g_date_compare (to, from) >= 0)
    return TRUE;

  f = format_date (from);
  t = format_date (to);
  if (field == DATE_START)
    /* TRANSLATORS: here and in the messages like it, the first %s names the
     * record, e.g. “Work period 2 (Social worker, from 01.09.2015)” */
    g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE,
                 _("%s: the end %s is before the start"), record_label (record), t);
  else
    g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE,
                 _("%s: the expiry date %s is before the issue date %s"),
                 record_label (record), t, f);
  return FALSE;
}

static gboolean
validate_person (Record      *record,
                 const GDate *today,
                 GError     **error)
{
  const ShtatEmployee *employee = record->employee;
  g_autoptr(GError) local_error = NULL;
  ShtatIin iin;

  if (!shtat_iin_parse (employee->iin, &iin, &local_error))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_IIN,
                   _("%s: IIN: %s"), record_label (record), local_error->message);
      return FALSE;
    }
  if (is_blank (employee->surname))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the surname is missing"), record_label (record));
      return FALSE;
    }
  if (is_blank (employee->name))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the name is missing"), record_label (record));
      return FALSE;
    }
  if (employee->sex != SHTAT_SEX_MALE && employee->sex != SHTAT_SEX_FEMALE)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the sex is missing"), record_label (record));
      return FALSE;
    }
  if (!g_date_valid (&employee->birth_date))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the birth date is missing"), record_label (record));
      return FALSE;
    }
  if (g_date_compare (&employee->birth_date, today) > 0)
    {
      g_autofree char *d = format_date (&employee->birth_date);
      g_autofree char *t = format_date (today);

      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_DATE,
                   _("%s: the birth date %s is after today, %s"), record_label (record), d, t);
      return FALSE;
    }
  if (!shtat_iin_agrees (&iin, &employee->birth_date, employee->sex, &local_error))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_IIN,
                   _("%s: IIN: %s"), record_label (record), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_education (const ShtatEmployee  *employee,
                    guint                 n,
                    const ShtatEducation *e,
                    const GDate          *today,
                    GError              **error)
{
  g_auto(Record) record = { build_education, NULL, employee, n, e, NULL };
  guint birth_year = g_date_get_year (&employee->birth_date);
  guint this_year = g_date_get_year (today);

  if (e->level >= SHTAT_N_EDUCATION_LEVELS)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the level of education %d does not exist"),
                   record_label (&record), (int) e->level);
      return FALSE;
    }
  if (e->field < -1 || e->field >= SHTAT_N_FIELDS)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the field of study %d does not exist"), record_label (&record), e->field);
      return FALSE;
    }
  if (e->year != 0 && e->year < birth_year + MIN_WORKING_AGE)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the year of graduation %u is before the person was 14 (born in %u)"),
                   record_label (&record), e->year, birth_year);
      return FALSE;
    }
  if (e->year > this_year)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the year of graduation %u is after this year, %u"),
                   record_label (&record), e->year, this_year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_certificate (const ShtatEmployee    *employee,
                      guint                   n,
                      const ShtatCertificate *c,
                      const GDate            *today,
                      GError                **error)
{
  g_auto(Record) record = { build_certificate, NULL, employee, n, c, NULL };

  if (is_blank (c->kind))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the kind of certificate is missing"), record_label (&record));
      return FALSE;
    }
  if (!check_start (&record, DATE_ISSUE, &c->issued, FALSE, NULL, today, error))
    return FALSE;
  return check_end (&record, DATE_ISSUE, &c->issued, &c->expires, error);
}

static gboolean
validate_period (ShtatNormLibrary      *library,
                 const ShtatEmployee   *employee,
                 guint                  n,
                 const ShtatWorkPeriod *p,
                 const GDate           *fourteen,
                 const GDate           *today,
                 GError               **error)
{
  g_auto(Record) record = { build_period, library, employee, n, p, NULL };
  LadderCheck check;

  if (p->sector >= SHTAT_N_SECTORS)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the sector %d does not exist"), record_label (&record), (int) p->sector);
      return FALSE;
    }
  if (!check_level_category_range (&record, p->level, p->category, error))
    return FALSE;
  if (!check_start (&record, DATE_START, &p->from, TRUE, fourteen, today, error))
    return FALSE;
  if (!check_end (&record, DATE_START, &p->from, &p->to, error))
    return FALSE;

  /* Free text names a post elsewhere; a code of the norm data must fit its ladder. */
  if (is_blank (p->position))
    return TRUE;
  check = check_ladder (library, p->position, p->level, p->category);
  if (check == LADDER_UNKNOWN_POSITION)
    return TRUE;
  return set_ladder_error (check, &record, p->level, p->category, error);
}

static gboolean
validate_assignment (ShtatNormLibrary      *library,
                     const ShtatEmployee   *employee,
                     guint                  n,
                     const ShtatAssignment *a,
                     const GDate           *fourteen,
                     const GDate           *today,
                     GError               **error)
{
  g_auto(Record) record = { build_assignment, library, employee, n, a, NULL };
  LadderCheck check;

  if (is_blank (a->position))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the position is missing"), record_label (&record));
      return FALSE;
    }
  if (a->centre_id <= 0 && is_blank (a->centre_code))
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_MISSING,
                   _("%s: the centre is missing"), record_label (&record));
      return FALSE;
    }
  if (!check_level_category_range (&record, a->level, a->category, error))
    return FALSE;
  if (a->rate < 25 || a->rate > 200 || a->rate % 25 != 0)
    {
      g_autofree char *rate = a->rate >= 0 ? shtat_units_format_locale (a->rate) : NULL;

      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_VALUE,
                   _("%s: the rate %s is not a multiple of 0.25 from 0.25 to 2"),
                   record_label (&record), rate != NULL ? rate : "< 0");
      return FALSE;
    }
  if (!check_start (&record, DATE_START, &a->from, TRUE, fourteen, today, error))
    return FALSE;
  if (!check_end (&record, DATE_START, &a->from, &a->to, error))
    return FALSE;

  check = check_ladder (library, a->position, a->level, a->category);
  if (check == LADDER_UNKNOWN_POSITION)
    {
      g_set_error (error, SHTAT_PERSONNEL_ERROR, SHTAT_PERSONNEL_ERROR_POSITION,
                   _("%s: position: the norm data has no position with the code “%s”"),
                   record_label (&record), a->position);
      return FALSE;
    }
  return set_ladder_error (check, &record, a->level, a->category, error);
}

/* Checks one personnel file against the norm data as of @today (NULL: the
 * current date). The first problem found is reported; the message names the
 * record (the employee by IIN, or a child record by its number from 1 and what
 * identifies it) and the field. */
gboolean
shtat_employee_validate (const ShtatEmployee *employee,
                         ShtatNormLibrary    *library,
                         const GDate         *today,
                         GError             **error)
{
  g_auto(Record) record = { build_employee, library, employee, 0, NULL, NULL };
  GDate now;
  GDate fourteen;

  g_return_val_if_fail (employee != NULL, FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL || !g_date_valid (today))
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  if (!validate_person (&record, today, error))
    return FALSE;

  fourteen = employee->birth_date;
  g_date_add_years (&fourteen, MIN_WORKING_AGE);

  for (guint i = 0; i < employee->education->len; i++)
    if (!validate_education (employee, i + 1,
                             &g_array_index (employee->education, ShtatEducation, i),
                             today, error))
      return FALSE;
  for (guint i = 0; i < employee->certificates->len; i++)
    if (!validate_certificate (employee, i + 1,
                               &g_array_index (employee->certificates, ShtatCertificate, i),
                               today, error))
      return FALSE;
  for (guint i = 0; i < employee->periods->len; i++)
    if (!validate_period (library, employee, i + 1,
                          &g_array_index (employee->periods, ShtatWorkPeriod, i),
                          &fourteen, today, error))
      return FALSE;
  for (guint i = 0; i < employee->assignments->len; i++)
    if (!validate_assignment (library, employee, i + 1,
                              &g_array_index (employee->assignments, ShtatAssignment, i),
                              &fourteen, today, error))
      return FALSE;
  return TRUE;
}
