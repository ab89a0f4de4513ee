/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-exchange"

#include "config.h"

#include "shtat-xml-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shtat-exchange.h"
#include "shtat-units.h"

#define RESOURCE_PERSONNEL_RNG "/io/github/shtat/Shtat/norms/personnel.rng"
#define FORMAT_VERSION         "1"

/* How often (in employees) progress is reported and cancellation checked. */
#define CHECK_EVERY 512

G_DEFINE_QUARK (shtat-exchange-error-quark, shtat_exchange_error)

/* ------------------------------------------------------------------------ */
/* Names of the enumerations, as in the files                               */

typedef enum
{
  ENUM_EDUCATION_LEVEL,
  ENUM_FIELD,
  ENUM_LEVEL,
  ENUM_CATEGORY,
  ENUM_SECTOR,
  ENUM_SEX,
} EnumKind;

static int
enum_count (EnumKind kind)
{
  switch (kind)
    {
    case ENUM_EDUCATION_LEVEL:
      return SHTAT_N_EDUCATION_LEVELS;
    case ENUM_FIELD:
      return SHTAT_N_FIELDS;
    case ENUM_LEVEL:
      return SHTAT_N_LEVELS;
    case ENUM_CATEGORY:
      return SHTAT_N_CATEGORIES;
    case ENUM_SECTOR:
      return SHTAT_N_SECTORS;
    case ENUM_SEX:
      return 2;
    default:
      g_return_val_if_reached (0);
    }
}

/* The name of the @index-th value; for ENUM_SEX index 0 is male, 1 female. */
static const char *
enum_name (EnumKind kind,
           int      index)
{
  switch (kind)
    {
    case ENUM_EDUCATION_LEVEL:
      return shtat_education_level_to_string ((ShtatEducationLevel) index);
    case ENUM_FIELD:
      return shtat_field_to_string ((ShtatField) index);
    case ENUM_LEVEL:
      return shtat_level_to_string ((ShtatLevel) index);
    case ENUM_CATEGORY:
      return shtat_category_to_string ((ShtatCategory) index);
    case ENUM_SECTOR:
      return shtat_sector_to_string ((ShtatSector) index);
    case ENUM_SEX:
      return index == 0 ? "male" : "female";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Names compared where they differ first: most differ in the first letter
 * (a million attributes are matched in an import). */
static inline gboolean
name_equal (const char *a,
            const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

static int
enum_parse (EnumKind    kind,
            const char *str)
{
  int n = enum_count (kind);

  for (int i = 0; i < n; i++)
    if (name_equal (enum_name (kind, i), str))
      return i;
  return -1;
}

/* "higher, medium, single", for messages. */
static char *
enum_list (EnumKind kind)
{
  GString *list = g_string_new (NULL);
  int n = enum_count (kind);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, enum_name (kind, i));
    }
  return g_string_free (list, FALSE);
}

static ShtatSex
sex_from_index (int index)
{
  return index == 0 ? SHTAT_SEX_MALE : SHTAT_SEX_FEMALE;
}

static const char *
sex_to_string (ShtatSex sex)
{
  return enum_name (ENUM_SEX, sex == SHTAT_SEX_FEMALE ? 1 : 0);
}

/* ------------------------------------------------------------------------ */
/* Values: each parser returns NULL when @value is good, else the reason     */

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

static gboolean
read_digits (const char **p,
             guint        n,
             guint       *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + (guint) ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* YYYY-MM-DD; with @dotted also D.M.YYYY and DD.MM.YYYY, as spreadsheets in
 * Kazakhstan write dates. */
static char *
parse_date (const char *value,
            gboolean    dotted,
            GDate      *out)
{
  const char *p = value;
  guint year = 0, month = 0, day = 0;
  gboolean ok = FALSE;

  if (read_digits (&p, 4, &year) && *p == '-' && (p++, read_digits (&p, 2, &month)) && *p == '-'
      && (p++, read_digits (&p, 2, &day)) && *p == '\0')
    ok = TRUE;
  else if (dotted)
    {
      p = value;
      if ((read_digits (&p, 2, &day) || read_digits (&p, 1, &day)) && *p == '.'
          && (p++, read_digits (&p, 2, &month) || read_digits (&p, 1, &month)) && *p == '.'
          && (p++, read_digits (&p, 4, &year)) && *p == '\0')
        ok = TRUE;
    }

  if (!ok || year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup_printf (_("“%s” is not a date"), value);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return NULL;
}

static char *
parse_iin (const char *value,
           char        out[13])
{
  g_autoptr(GError) local_error = NULL;

  if (!shtat_iin_parse (value, NULL, &local_error))
    return g_strdup_printf (_("“%s” is not an IIN: %s"), value, local_error->message);
  g_strlcpy (out, value, 13);
  return NULL;
}

static char *
parse_enum (EnumKind    kind,
            const char *value,
            int        *out)
{
  int i = enum_parse (kind, value);
  g_autofree char *list = NULL;

  if (i >= 0)
    {
      *out = i;
      return NULL;
    }
  list = enum_list (kind);
  return g_strdup_printf (_("“%s” is not one of: %s"), value, list);
}

static char *
parse_year (const char *value,
            guint      *out)
{
  const char *p = value;
  guint year;

  if (!read_digits (&p, 4, &year) || *p != '\0' || year < 1900 || year > 2999)
    return g_strdup_printf (_("“%s” is not a year"), value);
  *out = year;
  return NULL;
}

/* Staff units with at most two decimals; XML wants a dot, CSV may have a comma. */
static char *
parse_rate (const char *value,
            gboolean    comma,
            int        *out)
{
  int rate = 0;

  if ((!comma && strchr (value, ',') != NULL) || !shtat_units_parse (value, &rate) || rate <= 0)
    return g_strdup_printf (_("“%s” is not a rate in staff units (1, 0.5, 0.25…)"), value);
  *out = rate;
  return NULL;
}

/* Codes of centres, positions and certificates: an XML name token (letters,
 * digits, "-", "_", ".", ":") of at most 64 characters, as the schema says. */
static char *
check_code (const char *value)
{
  glong len = g_utf8_strlen (value, -1);
  gboolean ok = len > 0 && len <= 64;

  for (const char *p = value; ok && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      ok = g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '-' || c == '_' || c == '.'
           || c == ':' || c == 0xB7;
    }
  if (!ok)
    return g_strdup_printf (_("“%s” is not a code (1 to 64 letters, digits, “-”, “_”, “.”)"), value);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Records and where they come from                                         */

typedef enum
{
  KIND_EDUCATION,
  KIND_CERTIFICATE,
  KIND_PERIOD,
  KIND_ASSIGNMENT,
  N_KINDS,
} RecordKind;

static const char * const kind_elements[N_KINDS] = {
  "education", "certificate", "period", "assignment",
};

/* The lines a personnel file came from: of the employee, and of every child
 * record in the order of the employee's arrays. */
typedef struct
{
  guint   line;
  GArray *children[N_KINDS]; /* guint */
} Lines;

static void
lines_init (Lines *lines)
{
  lines->line = 0;
  for (guint k = 0; k < N_KINDS; k++)
    lines->children[k] = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
lines_reset (Lines *lines,
             guint  line)
{
  lines->line = line;
  for (guint k = 0; k < N_KINDS; k++)
    g_array_set_size (lines->children[k], 0);
}

static void
lines_clear (Lines *lines)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&lines->children[k], g_array_unref);
}

static guint
lines_child (const Lines *lines,
             RecordKind   kind,
             guint        index)
{
  if (index < lines->children[kind]->len)
    return g_array_index (lines->children[kind], guint, index);
  return lines->line;
}

static GArray *
employee_children (const ShtatEmployee *employee,
                   RecordKind           kind)
{
  switch (kind)
    {
    case KIND_EDUCATION:
      return employee->education;
    case KIND_CERTIFICATE:
      return employee->certificates;
    case KIND_PERIOD:
      return employee->periods;
    case KIND_ASSIGNMENT:
      return employee->assignments;
    case N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "period 2", counting from 1 as the validation messages do. */
static char *
kind_label (RecordKind kind,
            guint      n)
{
  switch (kind)
    {
    case KIND_EDUCATION:
      return g_strdup_printf (_("education %u"), n);
    case KIND_CERTIFICATE:
      return g_strdup_printf (_("certificate %u"), n);
    case KIND_PERIOD:
      return g_strdup_printf (_("period %u"), n);
    case KIND_ASSIGNMENT:
      return g_strdup_printf (_("assignment %u"), n);
    case N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "employee 900101300126, period 2": the IIN as given, else the employee's
 * number in the file. */
static char *
record_label (const char *iin,
              guint       ordinal,
              int         kind,
              guint       n)
{
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;

  if (iin != NULL && *iin != '\0')
    who = g_strdup_printf (_("employee %s"), iin);
  else
    who = g_strdup_printf (_("employee no. %u"), ordinal);
  if (kind < 0)
    return g_steal_pointer (&who);
  what = kind_label ((RecordKind) kind, n);
  return g_strdup_printf ("%s, %s", who, what);
}

static gboolean
set_error_at (GError           **error,
              GQuark             domain,
              int                code,
              const char        *file,
              guint              line,
              const char        *record,
              const char        *format,
              ...) G_GNUC_PRINTF (7, 8);

/* "FILE:LINE: RECORD: MESSAGE" (the record may be NULL). */
static gboolean
set_error_at (GError           **error,
              GQuark             domain,
              int                code,
              const char        *file,
              guint              line,
              const char        *record,
              const char        *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (record != NULL)
    g_set_error (error, domain, code, "%s:%u: %s: %s", file, line, record, message);
  else
    g_set_error (error, domain, code, "%s:%u: %s", file, line, message);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Checking employees before an import                                      */

typedef struct
{
  ShtatNormLibrary *library;
  GDate             today;
  GHashTable       *centre_codes;  /* char* → NULL: the database's and the file's */
  const char       *file;          /* for messages */
  char             *centre_field;  /* “attribute “centre”” or “column “центр”” */
} Checker;

static ShtatEmployee *
bare_copy (const ShtatEmployee *employee)
{
  ShtatEmployee *copy = shtat_employee_new ();

  memcpy (copy->iin, employee->iin, sizeof copy->iin);
  copy->surname = g_strdup (employee->surname);
  copy->name = g_strdup (employee->name);
  copy->patronymic = g_strdup (employee->patronymic);
  copy->birth_date = employee->birth_date;
  copy->sex = employee->sex;
  return copy;
}

static void
add_child (ShtatEmployee       *to,
           const ShtatEmployee *from,
           RecordKind           kind,
           guint                i)
{
  switch (kind)
    {
    case KIND_EDUCATION:
      shtat_employee_add_education (to, &g_array_index (from->education, ShtatEducation, i));
      break;
    case KIND_CERTIFICATE:
      shtat_employee_add_certificate (to, &g_array_index (from->certificates, ShtatCertificate, i));
      break;
    case KIND_PERIOD:
      shtat_employee_add_period (to, &g_array_index (from->periods, ShtatWorkPeriod, i));
      break;
    case KIND_ASSIGNMENT:
      shtat_employee_add_assignment (to, &g_array_index (from->assignments, ShtatAssignment, i));
      break;
    case N_KINDS:
    default:
      g_return_if_reached ();
    }
}

/* The validation message names the child record but not its line: find the
 * record that fails on its own (validation looks at the person, then at each
 * record in turn, so the first one that fails alone is the one reported). */
static guint
culprit_line (Checker             *checker,
              const ShtatEmployee *employee,
              const Lines         *lines)
{
  g_autoptr(ShtatEmployee) bare = bare_copy (employee);

  if (!shtat_employee_validate (bare, checker->library, &checker->today, NULL))
    return lines->line;

  for (guint k = 0; k < N_KINDS; k++)
    {
      GArray *children = employee_children (employee, (RecordKind) k);

      for (guint i = 0; i < children->len; i++)
        {
          g_autoptr(ShtatEmployee) one = bare_copy (employee);

          add_child (one, employee, (RecordKind) k, i);
          if (!shtat_employee_validate (one, checker->library, &checker->today, NULL))
            return lines_child (lines, (RecordKind) k, i);
        }
    }
  return lines->line;
}

static gboolean
check_employee (Checker             *checker,
                const ShtatEmployee *employee,
                const Lines         *lines,
                GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!shtat_employee_validate (employee, checker->library, &checker->today, &local_error))
    {
      g_autofree char *record = record_label (employee->iin, 0, -1, 0);
      g_autofree char *prefix = g_strdup_printf (_("Employee %s"), employee->iin);
      const char *message = local_error->message;

      /* The validation names the employee too; say it once. */
      if (g_str_has_prefix (message, prefix) && g_str_has_prefix (message + strlen (prefix), ": "))
        message += strlen (prefix) + 2;
      return set_error_at (error, local_error->domain, local_error->code, checker->file,
                           culprit_line (checker, employee, lines), record, "%s", message);
    }

  for (guint i = 0; i < employee->assignments->len; i++)
    {
      const ShtatAssignment *a = &g_array_index (employee->assignments, ShtatAssignment, i);

      if (a->centre_code != NULL && !g_hash_table_contains (checker->centre_codes, a->centre_code))
        {
          g_autofree char *record = record_label (employee->iin, 0, KIND_ASSIGNMENT, i + 1);

          return set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE,
                               checker->file, lines_child (lines, KIND_ASSIGNMENT, i), record,
                               _("%s: no centre has the code “%s”, neither in this file nor in the database"),
                               checker->centre_field, a->centre_code);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */

/* Only regular files: a FIFO or a device would never end. */
static gboolean
stat_regular (const char *path,
              const char *file,
              goffset    *size,
              GError    **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   _("not a regular file"));
      return FALSE;
    }
  *size = st.st_size;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* XML: the schema                                                          */

/* ------------------------------------------------------------------------ */
/* XML: reading                                                             */

#define MAX_ATTRS 16

typedef struct _XmlRead XmlRead;

/* Takes each employee as soon as its element ends and it passed the checks,
 * with the line it starts on and the centres of the file (which come first,
 * so all of them are read by then). */
typedef gboolean (*XmlEmployeeFunc) (GPtrArray      *centres,
                                     ShtatEmployee  *employee,
                                     guint           line,
                                     gpointer        user_data,
                                     GError        **error);

/* What an element is, for messages: a child record kind, or one of these. */
enum
{
  ELEMENT_ROOT = -3,
  ELEMENT_CENTRE = -2,
  ELEMENT_EMPLOYEE = -1,
};

/* One element's attributes, checked against what the element allows. Its
 * label for messages is made only when there is a message. */
typedef struct
{
  XmlRead    *self;
  int         kind;              /* RecordKind or ELEMENT_* */
  guint       n;                 /* number of the record, from 1 */
  const char *names[MAX_ATTRS];
  const char *values[MAX_ATTRS];
  guint       n_attrs;
  GPtrArray  *owned;             /* strings freed with the next element */
} Element;

struct _XmlRead
{
  const char       *path;
  char             *file;          /* base name, for messages */
  xmlTextReaderPtr  reader;
  ShtatXmlErrors         collector;
  goffset           size;
  GCancellable     *cancellable;
  ShtatProgressFunc progress;
  gpointer          progress_data;
  double            progress_scale;
  double            last_fraction;
  Checker          *checker;       /* NULL: only read */
  XmlEmployeeFunc   employee_func; /* NULL: gather the employees in @employees */
  gpointer          employee_data;

  /* Line numbers: libxml2 keeps those of elements only up to 65535; the
   * blanks before an element keep any (XML_PARSE_BIG_LINES) and end where
   * the element begins. */
  guint             line;
  guint             text_line;
  gboolean          after_text;

  GPtrArray        *centres;
  GPtrArray        *employees;
  GHashTable       *codes;         /* centre code → line */
  GHashTable       *iins;          /* IIN (in @iin_chunk) → line */
  GStringChunk     *iin_chunk;

  /* The schema's first complaint, held until the record it is about ends */
  char             *pending;
  guint             pending_line;

  ShtatEmployee    *employee;      /* being read */
  guint             n_employees;
  int               last_kind;
  Lines             lines;
  GPtrArray        *scratch;       /* strings of one element */
};

static void
xml_read_clear (XmlRead *self)
{
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->collector.message, g_free);
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  g_clear_pointer (&self->employees, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->iins, g_hash_table_unref);
  g_clear_pointer (&self->iin_chunk, g_string_chunk_free);
  g_clear_pointer (&self->pending, g_free);
  g_clear_pointer (&self->employee, shtat_employee_unref);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);
  lines_clear (&self->lines);
}

static gboolean
xml_fail (XmlRead           *self,
          ShtatExchangeError code,
          const char        *record,
          GError           **error,
          const char        *format,
          ...) G_GNUC_PRINTF (5, 6);

static gboolean
xml_fail (XmlRead           *self,
          ShtatExchangeError code,
          const char        *record,
          GError           **error,
          const char        *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return set_error_at (error, SHTAT_EXCHANGE_ERROR, code, self->file, self->line, record, "%s",
                       message);
}

static const char *attr_get (Element    *el,
                             const char *name);

/* "employee 900101300126, period 2", "centre almaty", NULL for the root. */
static const char *
element_record (Element *el)
{
  XmlRead *self = el->self;
  char *label;

  switch (el->kind)
    {
    case ELEMENT_ROOT:
      return NULL;
    case ELEMENT_CENTRE:
      {
        const char *code = attr_get (el, "code");

        if (!is_blank (code))
          label = g_strdup_printf (_("centre %s"), code);
        else
          label = g_strdup_printf (_("centre no. %u"), el->n);
        break;
      }
    case ELEMENT_EMPLOYEE:
      label = record_label (attr_get (el, "iin"), el->n, -1, 0);
      break;
    default:
      label = record_label (self->employee->iin, self->n_employees, el->kind, el->n);
      break;
    }
  g_ptr_array_add (el->owned, label);
  return label;
}

/* Takes @reason. */
static gboolean
attr_fail (Element    *el,
           const char *name,
           char       *reason,
           GError    **error)
{
  gboolean ret = xml_fail (el->self, SHTAT_EXCHANGE_ERROR_VALUE, element_record (el), error,
                           _("attribute “%s”: %s"), name, reason);

  g_free (reason);
  return ret;
}

static gboolean
element_load (Element            *el,
              XmlRead            *self,
              int                 kind,
              guint               n,
              xmlNode            *node,
              const char * const *allowed,
              GError            **error)
{
  el->self = self;
  el->kind = kind;
  el->n = n;
  el->n_attrs = 0;
  el->owned = self->scratch;
  g_ptr_array_set_size (el->owned, 0);

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      gboolean known = FALSE;

      for (guint i = 0; allowed[i] != NULL && !known; i++)
        known = name_equal (allowed[i], name);
      if (!known || a->ns != NULL || el->n_attrs == MAX_ATTRS)
        return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, element_record (el), error,
                         _("the element “%s” has no attribute “%s”"), (const char *) node->name,
                         name);

      el->names[el->n_attrs] = name;
      if (a->children == NULL)
        el->values[el->n_attrs] = "";
      else if (a->children->next == NULL && a->children->type == XML_TEXT_NODE)
        el->values[el->n_attrs] = (const char *) a->children->content;
      else
        {
          xmlChar *value = xmlNodeListGetString (node->doc, a->children, 1);
          char *copy = g_strdup (value != NULL ? (const char *) value : "");

          xmlFree (value);
          g_ptr_array_add (el->owned, copy);
          el->values[el->n_attrs] = copy;
        }
      el->n_attrs++;
    }
  return TRUE;
}

static const char *
attr_get (Element    *el,
          const char *name)
{
  for (guint i = 0; i < el->n_attrs; i++)
    if (name_equal (el->names[i], name))
      return el->values[i];
  return NULL;
}

/* Text: required ones must not be blank; optional blank ones become NULL. */
static gboolean
attr_text (Element     *el,
           const char  *name,
           gboolean     required,
           const char **out,
           GError     **error)
{
  const char *value = attr_get (el, name);

  *out = NULL;
  if (value == NULL && required)
    return attr_fail (el, name, g_strdup (_("the attribute is missing")), error);
  if (is_blank (value))
    {
      if (required)
        return attr_fail (el, name, g_strdup (_("the value is empty")), error);
      return TRUE;
    }
  *out = value;
  return TRUE;
}

/* The typed values: surrounding white space is allowed, as in XML Schema.
 * NULL when absent and not @required. */
static gboolean
attr_typed (Element     *el,
            const char  *name,
            gboolean     required,
            const char **out,
            GError     **error)
{
  const char *value = attr_get (el, name);
  const char *end;
  char *copy;

  *out = NULL;
  if (value == NULL)
    {
      if (required)
        return attr_fail (el, name, g_strdup (_("the attribute is missing")), error);
      return TRUE;
    }
  while (g_ascii_isspace (*value))
    value++;
  end = value + strlen (value);
  while (end > value && g_ascii_isspace (end[-1]))
    end--;
  if (end == value)
    return attr_fail (el, name, g_strdup (_("the value is empty")), error);
  if (*end == '\0')
    {
      *out = value;
      return TRUE;
    }
  copy = g_strndup (value, (gsize) (end - value));
  g_ptr_array_add (el->owned, copy);
  *out = copy;
  return TRUE;
}

static gboolean
attr_date (Element    *el,
           const char *name,
           gboolean    required,
           GDate      *out,
           GError    **error)
{
  const char *value;
  char *reason;

  g_date_clear (out, 1);
  if (!attr_typed (el, name, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  reason = parse_date (value, FALSE, out);
  return reason == NULL || attr_fail (el, name, reason, error);
}

static gboolean
attr_enum (Element    *el,
           const char *name,
           EnumKind    kind,
           gboolean    required,
           int        *out,
           GError    **error)
{
  const char *value;
  char *reason;

  *out = -1;
  if (!attr_typed (el, name, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  reason = parse_enum (kind, value, out);
  return reason == NULL || attr_fail (el, name, reason, error);
}

static gboolean
attr_bool (Element    *el,
           const char *name,
           gboolean   *out,
           GError    **error)
{
  const char *value;

  *out = FALSE;
  if (!attr_typed (el, name, FALSE, &value, error))
    return FALSE;
  if (value == NULL || g_str_equal (value, "false"))
    return TRUE;
  if (g_str_equal (value, "true"))
    {
      *out = TRUE;
      return TRUE;
    }
  return attr_fail (el, name, g_strdup_printf (_("“%s” is neither “true” nor “false”"), value),
                    error);
}

static gboolean
attr_code (Element     *el,
           const char  *name,
           const char **out,
           GError     **error)
{
  char *reason;

  if (!attr_text (el, name, TRUE, out, error))
    return FALSE;
  reason = check_code (*out);
  return reason == NULL || attr_fail (el, name, reason, error);
}

static const char * const centre_attrs[] = {
  "code", "name-kk", "name-ru", "district", "akimat", NULL,
};

static gboolean
xml_centre (XmlRead *self,
            xmlNode *node,
            GError **error)
{
  g_autoptr(ShtatCentre) centre = shtat_centre_new ();
  const char *code = NULL, *name_kk, *name_ru, *district, *akimat;
  gpointer other;
  Element el;

  if (!element_load (&el, self, ELEMENT_CENTRE, self->centres->len + 1, node, centre_attrs, error)
      || !attr_code (&el, "code", &code, error)
      || !attr_text (&el, "name-kk", TRUE, &name_kk, error)
      || !attr_text (&el, "name-ru", TRUE, &name_ru, error)
      || !attr_text (&el, "district", FALSE, &district, error)
      || !attr_text (&el, "akimat", FALSE, &akimat, error))
    return FALSE;

  if (g_hash_table_lookup_extended (self->codes, code, NULL, &other))
    return xml_fail (self, SHTAT_EXCHANGE_ERROR_DUPLICATE, element_record (&el), error,
                     _("the code is already used on line %u"), GPOINTER_TO_UINT (other));

  centre->code = g_strdup (code);
  centre->name_kk = g_strdup (name_kk);
  centre->name_ru = g_strdup (name_ru);
  centre->district = g_strdup (district);
  centre->akimat = g_strdup (akimat);
  g_hash_table_insert (self->codes, centre->code, GUINT_TO_POINTER (self->line));
  if (self->checker != NULL)
    g_hash_table_add (self->checker->centre_codes, g_strdup (centre->code));
  g_ptr_array_add (self->centres, g_steal_pointer (&centre));
  return TRUE;
}

static const char * const employee_attrs[] = {
  "iin", "surname", "name", "patronymic", "birth-date", "sex", NULL,
};

static gboolean
xml_employee_start (XmlRead *self,
                    xmlNode *node,
                    GError **error)
{
  g_autoptr(ShtatEmployee) employee = shtat_employee_new ();
  const char *iin, *surname, *name, *patronymic;
  gpointer other;
  char *reason;
  int sex;
  Element el;

  self->n_employees++;
  if (!element_load (&el, self, ELEMENT_EMPLOYEE, self->n_employees, node, employee_attrs, error))
    return FALSE;
  /* As given: the IIN is the key, so no white space around it either. */
  iin = attr_get (&el, "iin");
  if (iin == NULL)
    return attr_fail (&el, "iin", g_strdup (_("the attribute is missing")), error);
  reason = parse_iin (iin, employee->iin);
  if (reason != NULL)
    return attr_fail (&el, "iin", reason, error);

  if (!attr_text (&el, "surname", TRUE, &surname, error)
      || !attr_text (&el, "name", TRUE, &name, error)
      || !attr_text (&el, "patronymic", FALSE, &patronymic, error)
      || !attr_date (&el, "birth-date", TRUE, &employee->birth_date, error)
      || !attr_enum (&el, "sex", ENUM_SEX, TRUE, &sex, error))
    return FALSE;

  if (g_hash_table_lookup_extended (self->iins, employee->iin, NULL, &other))
    return xml_fail (self, SHTAT_EXCHANGE_ERROR_DUPLICATE, element_record (&el), error,
                     _("the IIN is already used on line %u"), GPOINTER_TO_UINT (other));

  employee->surname = g_strdup (surname);
  employee->name = g_strdup (name);
  employee->patronymic = g_strdup (patronymic);
  employee->sex = sex_from_index (sex);

  self->employee = g_steal_pointer (&employee);
  self->last_kind = -1;
  lines_reset (&self->lines, self->line);
  return TRUE;
}

static const char * const education_attrs[] = {
  "level", "field", "relevant", "specialty", "institution", "diploma", "year", NULL,
};
static const char * const certificate_attrs[] = {
  "kind", "number", "issued", "expires", NULL,
};
static const char * const period_attrs[] = {
  "organisation", "sector", "position", "level", "category", "managerial", "from", "to", NULL,
};
static const char * const assignment_attrs[] = {
  "centre", "position", "level", "category", "rate", "from", "to", NULL,
};

static gboolean
xml_education (Element       *el,
               ShtatEmployee *employee,
               GError       **error)
{
  ShtatEducation e = { 0 };
  const char *year;
  const char *specialty, *institution, *diploma;
  int level;
  char *reason;

  if (!attr_enum (el, "level", ENUM_EDUCATION_LEVEL, TRUE, &level, error)
      || !attr_enum (el, "field", ENUM_FIELD, FALSE, &e.field, error)
      || !attr_bool (el, "relevant", &e.relevant, error)
      || !attr_text (el, "specialty", FALSE, &specialty, error)
      || !attr_text (el, "institution", FALSE, &institution, error)
      || !attr_text (el, "diploma", FALSE, &diploma, error)
      || !attr_typed (el, "year", FALSE, &year, error))
    return FALSE;
  if (year != NULL && (reason = parse_year (year, &e.year)) != NULL)
    return attr_fail (el, "year", reason, error);

  e.level = (ShtatEducationLevel) level;
  e.specialty = (char *) specialty;
  e.institution = (char *) institution;
  e.diploma = (char *) diploma;
  shtat_employee_add_education (employee, &e);
  return TRUE;
}

static gboolean
xml_certificate (Element       *el,
                 ShtatEmployee *employee,
                 GError       **error)
{
  ShtatCertificate c = { 0 };
  const char *kind, *number;

  if (!attr_code (el, "kind", &kind, error)
      || !attr_text (el, "number", FALSE, &number, error)
      || !attr_date (el, "issued", FALSE, &c.issued, error)
      || !attr_date (el, "expires", FALSE, &c.expires, error))
    return FALSE;

  c.kind = (char *) kind;
  c.number = (char *) number;
  shtat_employee_add_certificate (employee, &c);
  return TRUE;
}

static gboolean
xml_period (Element       *el,
            ShtatEmployee *employee,
            GError       **error)
{
  ShtatWorkPeriod p = { 0 };
  const char *organisation, *position;
  int sector;

  if (!attr_text (el, "organisation", TRUE, &organisation, error)
      || !attr_enum (el, "sector", ENUM_SECTOR, TRUE, &sector, error)
      || !attr_text (el, "position", FALSE, &position, error)
      || !attr_enum (el, "level", ENUM_LEVEL, FALSE, &p.level, error)
      || !attr_enum (el, "category", ENUM_CATEGORY, FALSE, &p.category, error)
      || !attr_bool (el, "managerial", &p.managerial, error)
      || !attr_date (el, "from", TRUE, &p.from, error)
      || !attr_date (el, "to", FALSE, &p.to, error))
    return FALSE;

  p.organisation = (char *) organisation;
  p.sector = (ShtatSector) sector;
  p.position = (char *) position;
  shtat_employee_add_period (employee, &p);
  return TRUE;
}

static gboolean
xml_assignment (Element       *el,
                ShtatEmployee *employee,
                GError       **error)
{
  ShtatAssignment a = { 0 };
  const char *rate;
  const char *centre, *position;
  char *reason;

  if (!attr_code (el, "centre", &centre, error)
      || !attr_code (el, "position", &position, error)
      || !attr_enum (el, "level", ENUM_LEVEL, FALSE, &a.level, error)
      || !attr_enum (el, "category", ENUM_CATEGORY, FALSE, &a.category, error)
      || !attr_typed (el, "rate", TRUE, &rate, error))
    return FALSE;
  if ((reason = parse_rate (rate, FALSE, &a.rate)) != NULL)
    return attr_fail (el, "rate", reason, error);
  if (!attr_date (el, "from", TRUE, &a.from, error)
      || !attr_date (el, "to", FALSE, &a.to, error))
    return FALSE;

  a.centre_code = (char *) centre;
  a.position = (char *) position;
  shtat_employee_add_assignment (employee, &a);
  return TRUE;
}

static gboolean
xml_child (XmlRead *self,
           xmlNode *node,
           GError **error)
{
  static const char * const *allowed[N_KINDS] = {
    education_attrs, certificate_attrs, period_attrs, assignment_attrs,
  };
  int kind = -1;
  guint n;
  Element el;
  gboolean ok = FALSE;

  for (guint k = 0; k < N_KINDS; k++)
    if (xmlStrEqual (node->name, BAD_CAST kind_elements[k]))
      kind = (int) k;

  if (kind < 0)
    {
      g_autofree char *record = record_label (self->employee->iin, self->n_employees, -1, 0);

      return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                       _("the element “%s” is not allowed in an employee"), (const char *) node->name);
    }

  n = employee_children (self->employee, (RecordKind) kind)->len + 1;
  if (kind < self->last_kind)
    {
      g_autofree char *record = record_label (self->employee->iin, self->n_employees, kind, n);

      return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                       _("“%s” must come before “%s” (education, certificates, periods, assignments)"),
                       kind_elements[kind], kind_elements[self->last_kind]);
    }
  self->last_kind = kind;

  if (!element_load (&el, self, kind, n, node, allowed[kind], error))
    return FALSE;

  switch ((RecordKind) kind)
    {
    case KIND_EDUCATION:
      ok = xml_education (&el, self->employee, error);
      break;
    case KIND_CERTIFICATE:
      ok = xml_certificate (&el, self->employee, error);
      break;
    case KIND_PERIOD:
      ok = xml_period (&el, self->employee, error);
      break;
    case KIND_ASSIGNMENT:
      ok = xml_assignment (&el, self->employee, error);
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_array_append_val (self->lines.children[kind], self->line);
  return ok;
}

static void
report_progress (XmlRead *self)
{
  double fraction;

  if (self->progress == NULL || self->size <= 0)
    return;
  fraction = (double) xmlTextReaderByteConsumed (self->reader) / (double) self->size;
  fraction = CLAMP (fraction, 0.0, 1.0) * self->progress_scale;
  if (fraction - self->last_fraction >= 0.005)
    {
      self->last_fraction = fraction;
      self->progress (fraction, self->progress_data);
    }
}

static gboolean
xml_employee_end (XmlRead *self,
                  GError **error)
{
  g_autoptr(ShtatEmployee) employee = g_steal_pointer (&self->employee);

  g_hash_table_insert (self->iins,
                       g_string_chunk_insert (self->iin_chunk, employee->iin),
                       GUINT_TO_POINTER (self->lines.line));

  if (self->checker != NULL && !check_employee (self->checker, employee, &self->lines, error))
    return FALSE;

  /* Handed on, then dropped; not when the schema already refused the file */
  if (self->employee_func == NULL)
    g_ptr_array_add (self->employees, g_steal_pointer (&employee));
  else if (self->pending == NULL
           && !self->employee_func (self->centres, employee, self->lines.line, self->employee_data,
                                    error))
    return FALSE;

  if (self->n_employees % CHECK_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      report_progress (self);
    }
  return TRUE;
}

/* The current record, for messages about it. */
static char *
xml_current_record (XmlRead *self)
{
  if (self->employee == NULL)
    return NULL;
  if (self->last_kind >= 0)
    return record_label (self->employee->iin, self->n_employees, self->last_kind,
                         employee_children (self->employee, (RecordKind) self->last_kind)->len);
  return record_label (self->employee->iin, self->n_employees, -1, 0);
}

static gboolean
xml_root (XmlRead *self,
          xmlNode *node,
          GError **error)
{
  static const char * const root_attrs[] = { "format", NULL };
  const char *format;
  Element el;

  if (!xmlStrEqual (node->name, BAD_CAST "personnel") || node->ns != NULL)
    return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                     _("the document is “%s”, not a personnel file (“personnel”)"),
                     (const char *) node->name);
  if (!element_load (&el, self, ELEMENT_ROOT, 1, node, root_attrs, error)
      || !attr_typed (&el, "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, FORMAT_VERSION))
    return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                     _("the file is in format “%s”; this version of Shtat reads format %s"),
                     format, FORMAT_VERSION);
  return TRUE;
}

/* The node the reader is on; FALSE stops with @error set. */
static gboolean
xml_node (XmlRead *self,
          GError **error)
{
  int type = xmlTextReaderNodeType (self->reader);
  int depth = xmlTextReaderDepth (self->reader);
  xmlNode *node = xmlTextReaderCurrentNode (self->reader);

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      {
        gboolean empty = xmlTextReaderIsEmptyElement (self->reader) == 1;

        if (depth == 0)
          return xml_root (self, node, error);
        if (depth == 1 && xmlStrEqual (node->name, BAD_CAST "centre"))
          {
            if (self->n_employees > 0)
              return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                               _("centres must come before the employees"));
            if (!empty)
              return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                               _("the element “%s” must be empty"), "centre");
            return xml_centre (self, node, error);
          }
        if (depth == 1 && xmlStrEqual (node->name, BAD_CAST "employee"))
          {
            if (!xml_employee_start (self, node, error))
              return FALSE;
            return !empty || xml_employee_end (self, error);
          }
        if (depth == 2 && self->employee != NULL)
          {
            if (!empty)
              {
                g_autofree char *record = record_label (self->employee->iin, self->n_employees, -1, 0);

                return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                                 _("the element “%s” must be empty"), (const char *) node->name);
              }
            return xml_child (self, node, error);
          }
        {
          g_autofree char *record = xml_current_record (self);

          return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                           _("the element “%s” is not allowed here"), (const char *) node->name);
        }
      }

    case XML_READER_TYPE_END_ELEMENT:
      if (depth == 1 && self->employee != NULL)
        return xml_employee_end (self, error);
      return TRUE;

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
      {
        g_autofree char *record = NULL;
        g_autofree char *text = NULL;
        const char *value = (const char *) xmlTextReaderConstValue (self->reader);

        if (is_blank (value))
          return TRUE;
        /* libxml2 dates a text node somewhere inside it; count from the
         * element before it instead (one line each, as Shtat writes them). */
        for (; g_ascii_isspace (*value); value++)
          self->line += *value == '\n';
        record = xml_current_record (self);
        text = g_strstrip (g_strndup (value, 40));
        return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                         _("text is not allowed here: “%s”"), text);
      }

    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
    case XML_READER_TYPE_NOTATION:
      return xml_fail (self, SHTAT_EXCHANGE_ERROR_FORBIDDEN, NULL, error,
                       _("a DOCTYPE declaration is not allowed in personnel files (entities are never expanded)"));

    case XML_READER_TYPE_NONE:
    case XML_READER_TYPE_ATTRIBUTE:
    case XML_READER_TYPE_PROCESSING_INSTRUCTION:
    case XML_READER_TYPE_COMMENT:
    case XML_READER_TYPE_DOCUMENT:
    case XML_READER_TYPE_DOCUMENT_FRAGMENT:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
    case XML_READER_TYPE_END_ENTITY:
    case XML_READER_TYPE_XML_DECLARATION:
    default:
      return TRUE;
    }
}

/* Refuses a DOCTYPE before libxml2 sees the file, so no entity is ever
 * declared, and none expanded. The reader refuses one too, should the prolog
 * be longer than what is looked at here. */
static gboolean
xml_check_prolog (const char *path,
                  const char *file,
                  GError    **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  char buf[16384];
  gsize len = 0;
  const char *p = buf, *end;
  guint line = 1;

  in = g_file_read (gfile, NULL, error);
  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), buf, sizeof buf, &len, NULL, error))
    {
      g_prefix_error (error, "%s: ", file);
      return FALSE;
    }
  end = buf + len;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *close = NULL;

      if (g_ascii_isspace (*p))
        {
          line += *p++ == '\n';
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_FORBIDDEN, file, line,
                             NULL, "%s",
                             _("a DOCTYPE declaration is not allowed in personnel files (entities are never expanded)"));
      if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = g_strstr_len (p, end - p, "?>");
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      if (close == NULL)
        break;
      for (; p < close; p++)
        line += *p == '\n';
      p += *p == '?' ? 2 : 3;
    }
  return TRUE;
}

/* Reads @path; with @employee_func, hands each employee to it and drops it
 * rather than gathering them in @out_employees. */
static gboolean
xml_read_file (const char       *path,
               Checker          *checker,
               XmlEmployeeFunc   employee_func,
               gpointer          employee_data,
               GPtrArray       **out_centres,
               GPtrArray       **out_employees,
               GCancellable     *cancellable,
               ShtatProgressFunc progress,
               gpointer          user_data,
               double            progress_scale,
               GError          **error)
{
  XmlRead self = { 0 };
  int fd = -1;
  int rc;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  self.path = path;
  self.file = g_path_get_basename (path);
  self.cancellable = cancellable;
  self.progress = progress;
  self.progress_data = user_data;
  self.progress_scale = progress_scale;
  self.checker = checker;
  self.employee_func = employee_func;
  self.employee_data = employee_data;
  self.centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  self.employees = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  self.codes = g_hash_table_new (g_str_hash, g_str_equal);
  self.iins = g_hash_table_new (g_str_hash, g_str_equal);
  self.iin_chunk = g_string_chunk_new (16 * 1024);
  self.scratch = g_ptr_array_new_with_free_func (g_free);
  lines_init (&self.lines);

  if (!stat_regular (path, self.file, &self.size, error)
      || !xml_check_prolog (path, self.file, error))
    goto out;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", self.file,
                   g_strerror (saved));
      goto out;
    }

  /* No NOENT, DTDLOAD, XINCLUDE or HUGE: nothing is fetched or expanded and
   * libxml2's limits on depth and sizes stay on. A file descriptor rather than
   * a file name, so that a compressed file is not inflated behind our back. */
  self.reader = xmlReaderForFd (fd, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA
                                  | XML_PARSE_NOWARNING);
  if (self.reader == NULL)
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", self.file,
                   _("cannot read the file"));
      goto out;
    }
  xmlSetGenericErrorFunc (NULL, shtat_xml_silent_cb);
  xmlTextReaderSetStructuredErrorHandler (self.reader, shtat_xml_errors_cb, &self.collector);
  if (xmlTextReaderRelaxNGSetSchema (self.reader, shtat_xml_get_schema (RESOURCE_PERSONNEL_RNG)) != 0)
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", self.file,
                   _("cannot validate the file"));
      goto out;
    }
  xmlTextReaderSetStructuredErrorHandler (self.reader, shtat_xml_errors_cb, &self.collector);

  while ((rc = xmlTextReaderRead (self.reader)) == 1)
    {
      xmlNode *node = xmlTextReaderCurrentNode (self.reader);
      int type = xmlTextReaderNodeType (self.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (node->line > 0 && node->line < 65535)
            self.line = node->line;
          else if (self.after_text)
            self.line = self.text_line;
          self.after_text = FALSE;
        }
      else if (type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
        {
          const char *value = (const char *) xmlTextReaderConstValue (self.reader);
          gsize len = value != NULL ? strlen (value) : 0;
          guint newlines = 0;

          /* Blanks shorter than libxml2's buffer reach it in one piece, so
           * their line is where they end; longer ones are counted through. */
          for (gsize i = 0; i < len; i++)
            newlines += value[i] == '\n';
          if (len < 300 && xmlGetLineNo (node) > 0)
            self.text_line = (guint) xmlGetLineNo (node);
          else
            self.text_line = (self.after_text ? self.text_line : self.line) + newlines;
          self.after_text = TRUE;
        }

      /* The schema's messages are terse: keep its first complaint, but let the
       * reader's own checks of the same record speak first. */
      if (self.collector.message != NULL && self.pending == NULL)
        {
          g_autofree char *message = g_steal_pointer (&self.collector.message);
          g_autofree char *record = xml_current_record (&self);

          self.pending_line = self.collector.line > 0 && self.collector.line < 65535
                                ? (guint) self.collector.line : self.line;
          if (record != NULL)
            self.pending = g_strdup_printf ("%s: %s", record, message);
          else
            self.pending = g_steal_pointer (&message);
        }

      if (!xml_node (&self, error))
        goto out;

      if (self.pending != NULL && self.employee == NULL)
        break;
    }

  /* A DOCTYPE too far down for the first look: say so, whatever libxml2
   * tripped over in it. */
  if (rc < 0 || self.collector.message != NULL)
    {
      xmlDocPtr doc = xmlTextReaderCurrentDoc (self.reader);
      gboolean has_dtd = doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL);

      g_clear_pointer (&self.reader, xmlFreeTextReader);
      g_clear_pointer (&doc, xmlFreeDoc);
      if (has_dtd)
        {
          set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_FORBIDDEN, self.file,
                        self.collector.line > 0 ? (guint) self.collector.line : self.line, NULL,
                        "%s",
                        _("a DOCTYPE declaration is not allowed in personnel files (entities are never expanded)"));
          goto out;
        }
    }

  if (self.pending == NULL && self.collector.message != NULL)
    {
      /* Not well-formed, or invalid at the very end. */
      set_error_at (error, SHTAT_EXCHANGE_ERROR,
                    rc < 0 ? SHTAT_EXCHANGE_ERROR_PARSE : SHTAT_EXCHANGE_ERROR_SCHEMA, self.file,
                    self.collector.line > 0 && self.collector.line < 65535
                      ? (guint) self.collector.line : self.line,
                    NULL, "%s", self.collector.message);
      goto out;
    }
  if (self.pending != NULL)
    {
      set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, self.file,
                    self.pending_line, NULL, _("the file does not follow the schema: %s"),
                    self.pending);
      goto out;
    }
  if (rc < 0 || self.reader == NULL || xmlTextReaderIsValid (self.reader) != 1)
    {
      set_error_at (error, SHTAT_EXCHANGE_ERROR, rc < 0 ? SHTAT_EXCHANGE_ERROR_PARSE
                                                        : SHTAT_EXCHANGE_ERROR_SCHEMA,
                    self.file, self.line, NULL, "%s", _("not a valid personnel file"));
      goto out;
    }
  if (self.employee != NULL || self.line == 0)
    {
      set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE, self.file,
                    self.line, NULL, "%s", _("the file ends too early"));
      goto out;
    }

  if (out_centres != NULL)
    *out_centres = g_steal_pointer (&self.centres);
  if (out_employees != NULL)
    *out_employees = g_steal_pointer (&self.employees);
  ok = TRUE;

out:
  xml_read_clear (&self);
  xmlSetGenericErrorFunc (NULL, NULL);
  if (fd >= 0)
    close (fd);
  return ok;
}

gboolean
shtat_exchange_read_xml (const char        *path,
                         GPtrArray        **out_centres,
                         GPtrArray        **out_employees,
                         GCancellable      *cancellable,
                         ShtatProgressFunc  progress,
                         gpointer           user_data,
                         GError           **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xml_read_file (path, NULL, NULL, NULL, out_centres, out_employees, cancellable, progress,
                      user_data, 1.0, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* XML: writing                                                             */

typedef struct
{
  int fd;
  int error;    /* errno of the first failed write */
} Sink;

static int
sink_write_cb (void       *context,
               const char *buffer,
               int         len)
{
  Sink *sink = context;
  int done = 0;

  while (done < len)
    {
      ssize_t n = write (sink->fd, buffer + done, (size_t) (len - done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : EIO;
          return -1;
        }
      done += (int) n;
    }
  return len;
}

static int
sink_close_cb (void *context)
{
  return 0;
}

/* Text the XML file can carry: UTF-8 without the control characters XML 1.0
 * forbids. */
static gboolean
text_ok (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

typedef struct
{
  xmlTextWriterPtr writer;
  const char      *bad;      /* the first text that cannot be written */
} Out;

static gboolean
out_attr (Out        *out,
          const char *name,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return TRUE;
  if (!text_ok (value))
    {
      out->bad = value;
      return FALSE;
    }
  return xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST value) >= 0;
}

static gboolean
out_date (Out         *out,
          const char  *name,
          const GDate *date)
{
  char buf[16];

  if (date == NULL || !g_date_valid (date))
    return TRUE;
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
  return out_attr (out, name, buf);
}

static gboolean
out_enum (Out        *out,
          const char *name,
          EnumKind    kind,
          int         value)
{
  if (value < 0 || value >= enum_count (kind))
    return TRUE;
  return out_attr (out, name, enum_name (kind, value));
}

static gboolean
out_start (Out        *out,
           const char *name)
{
  return xmlTextWriterStartElement (out->writer, BAD_CAST name) >= 0;
}

static gboolean
out_end (Out *out)
{
  return xmlTextWriterEndElement (out->writer) >= 0;
}

static gboolean
out_centre (Out               *out,
            const ShtatCentre *c)
{
  return out_start (out, "centre")
         && out_attr (out, "code", c->code)
         && out_attr (out, "name-kk", c->name_kk)
         && out_attr (out, "name-ru", c->name_ru)
         && out_attr (out, "district", c->district)
         && out_attr (out, "akimat", c->akimat)
         && out_end (out);
}

static gboolean
out_employee (Out                 *out,
              const ShtatEmployee *e)
{
  if (!out_start (out, "employee")
      || !out_attr (out, "iin", e->iin)
      || !out_attr (out, "surname", e->surname)
      || !out_attr (out, "name", e->name)
      || !out_attr (out, "patronymic", e->patronymic)
      || !out_date (out, "birth-date", &e->birth_date)
      || !out_attr (out, "sex", sex_to_string (e->sex)))
    return FALSE;

  for (guint i = 0; i < e->education->len; i++)
    {
      const ShtatEducation *ed = &g_array_index (e->education, ShtatEducation, i);
      char year[8];

      g_snprintf (year, sizeof year, "%u", ed->year);
      if (!out_start (out, "education")
          || !out_enum (out, "level", ENUM_EDUCATION_LEVEL, (int) ed->level)
          || !out_enum (out, "field", ENUM_FIELD, ed->field)
          || !out_attr (out, "relevant", ed->relevant ? "true" : NULL)
          || !out_attr (out, "specialty", ed->specialty)
          || !out_attr (out, "institution", ed->institution)
          || !out_attr (out, "diploma", ed->diploma)
          || !out_attr (out, "year", ed->year != 0 ? year : NULL)
          || !out_end (out))
        return FALSE;
    }

  for (guint i = 0; i < e->certificates->len; i++)
    {
      const ShtatCertificate *c = &g_array_index (e->certificates, ShtatCertificate, i);

      if (!out_start (out, "certificate")
          || !out_attr (out, "kind", c->kind)
          || !out_attr (out, "number", c->number)
          || !out_date (out, "issued", &c->issued)
          || !out_date (out, "expires", &c->expires)
          || !out_end (out))
        return FALSE;
    }

  for (guint i = 0; i < e->periods->len; i++)
    {
      const ShtatWorkPeriod *p = &g_array_index (e->periods, ShtatWorkPeriod, i);

      if (!out_start (out, "period")
          || !out_attr (out, "organisation", p->organisation)
          || !out_enum (out, "sector", ENUM_SECTOR, (int) p->sector)
          || !out_attr (out, "position", p->position)
          || !out_enum (out, "level", ENUM_LEVEL, p->level)
          || !out_enum (out, "category", ENUM_CATEGORY, p->category)
          || !out_attr (out, "managerial", p->managerial ? "true" : NULL)
          || !out_date (out, "from", &p->from)
          || !out_date (out, "to", &p->to)
          || !out_end (out))
        return FALSE;
    }

  for (guint i = 0; i < e->assignments->len; i++)
    {
      const ShtatAssignment *a = &g_array_index (e->assignments, ShtatAssignment, i);
      g_autofree char *rate = shtat_units_format (a->rate);

      if (!out_start (out, "assignment")
          || !out_attr (out, "centre", a->centre_code)
          || !out_attr (out, "position", a->position)
          || !out_enum (out, "level", ENUM_LEVEL, a->level)
          || !out_enum (out, "category", ENUM_CATEGORY, a->category)
          || !out_attr (out, "rate", rate)
          || !out_date (out, "from", &a->from)
          || !out_date (out, "to", &a->to)
          || !out_end (out))
        return FALSE;
    }

  return out_end (out);
}

gboolean
shtat_exchange_write_xml (const char *path,
                          GPtrArray  *centres,
                          GPtrArray  *employees,
                          GError    **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *file = NULL;
  xmlOutputBufferPtr buffer;
  Sink sink = { -1, 0 };
  Out out = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_path_get_basename (path);
  tmp = g_strconcat (path, ".tmp", NULL);
  sink.fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   g_strerror (saved));
      return FALSE;
    }

  buffer = xmlOutputBufferCreateIO (sink_write_cb, sink_close_cb, &sink, NULL);
  out.writer = buffer != NULL ? xmlNewTextWriter (buffer) : NULL;
  ok = out.writer != NULL
       && xmlTextWriterSetIndent (out.writer, 1) >= 0
       && xmlTextWriterSetIndentString (out.writer, BAD_CAST "  ") >= 0
       && xmlTextWriterStartDocument (out.writer, "1.0", "UTF-8", NULL) >= 0
       && out_start (&out, "personnel")
       && out_attr (&out, "format", FORMAT_VERSION);

  for (guint i = 0; ok && centres != NULL && i < centres->len; i++)
    ok = out_centre (&out, g_ptr_array_index (centres, i));
  for (guint i = 0; ok && employees != NULL && i < employees->len; i++)
    ok = out_employee (&out, g_ptr_array_index (employees, i));

  ok = ok && xmlTextWriterEndDocument (out.writer) >= 0;
  /* Freeing the writer flushes and closes its buffer. */
  if (out.writer != NULL)
    xmlFreeTextWriter (out.writer);
  else if (buffer != NULL)
    xmlOutputBufferClose (buffer);

  if (ok && sink.error == 0 && fsync (sink.fd) != 0)
    sink.error = errno;
  if (close (sink.fd) != 0 && ok && sink.error == 0)
    sink.error = errno;

  if (!ok || sink.error != 0)
    {
      if (out.bad != NULL)
        g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_VALUE, "%s: %s", file,
                     _("a text is not valid UTF-8 or holds control characters"));
      else
        g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                     g_strerror (sink.error != 0 ? sink.error : EIO));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* CSV: reading bytes                                                       */

#define CSV_CHUNK (64 * 1024)

typedef struct
{
  GInputStream *stream;
  char         *buf;
  gsize         len;
  gsize         pos;
  gboolean      eof;
} CsvSource;

/* Whether the whole file is UTF-8, read in chunks: a character cut at the end
 * of a chunk is carried over to the next. */
static gboolean
csv_is_utf8 (const char *path,
             gboolean   *is_utf8,
             gboolean   *is_utf16,
             GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree char *buf = NULL;
  gboolean first = TRUE;
  gsize carry = 0;

  if (in == NULL)
    return FALSE;
  buf = g_malloc (CSV_CHUNK + 4);
  *is_utf8 = TRUE;
  *is_utf16 = FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buf + carry, CSV_CHUNK, NULL, error);
      gsize len;
      const char *end = NULL;

      if (n < 0)
        return FALSE;
      len = carry + (gsize) n;
      if (len == 0)
        return TRUE;
      if (first && len >= 2 && (memcmp (buf, "\xFF\xFE", 2) == 0 || memcmp (buf, "\xFE\xFF", 2) == 0))
        {
          *is_utf8 = FALSE;
          *is_utf16 = TRUE;
          return TRUE;
        }
      first = FALSE;
      if (g_utf8_validate (buf, (gssize) len, &end))
        {
          if (n == 0)
            return TRUE;
          carry = 0;
          continue;
        }
      carry = len - (gsize) (end - buf);
      /* An incomplete character at the end may go on in the next chunk. */
      if (n > 0 && carry < 4 && g_utf8_get_char_validated (end, (gssize) carry) == (gunichar) -2)
        {
          memmove (buf, end, carry);
          continue;
        }
      *is_utf8 = FALSE;
      return TRUE;
    }
}

/* -1: the end of the file; -2: an error. */
static int
csv_getc (CsvSource *src,
          GError   **error)
{
  if (src->pos == src->len)
    {
      gssize n;

      if (src->eof)
        return -1;
      n = g_input_stream_read (src->stream, src->buf, CSV_CHUNK, NULL, error);
      if (n < 0)
        return -2;
      if (n == 0)
        {
          src->eof = TRUE;
          return -1;
        }
      src->len = (gsize) n;
      src->pos = 0;
    }
  return (guchar) src->buf[src->pos++];
}

/* ------------------------------------------------------------------------ */
/* CSV: columns                                                             */

typedef enum
{
  COL_IIN,
  COL_SURNAME,
  COL_NAME,
  COL_PATRONYMIC,
  COL_BIRTH_DATE,
  COL_SEX,
  COL_EDUCATION_LEVEL,
  COL_EDUCATION_FIELD,
  COL_RELEVANT,
  COL_SPECIALTY,
  COL_INSTITUTION,
  COL_DIPLOMA,
  COL_GRADUATION_YEAR,
  COL_CERTIFICATE,
  COL_CERTIFICATE_NUMBER,
  COL_CERTIFICATE_ISSUED,
  COL_CERTIFICATE_EXPIRES,
  COL_ORGANISATION,
  COL_SECTOR,
  COL_POSITION,
  COL_LEVEL,
  COL_CATEGORY,
  COL_MANAGERIAL,
  COL_FROM,
  COL_TO,
  COL_CENTRE,
  COL_POST,
  COL_POST_LEVEL,
  COL_POST_CATEGORY,
  COL_RATE,
  COL_POST_FROM,
  COL_POST_TO,
  N_COLS,
} Column;

/* The English name first, then the Kazakh and Russian ones and other spellings
 * (docs/personnel-exchange.md). Matched without regard to case, with spaces,
 * hyphens, underscores and dots alike. */
static const char * const column_names[N_COLS] = {
  [COL_IIN] = "iin|жсн|иин",
  [COL_SURNAME] = "surname|тегі|фамилия",
  [COL_NAME] = "name|first name|аты|имя",
  [COL_PATRONYMIC] = "patronymic|әкесінің аты|отчество",
  [COL_BIRTH_DATE] = "birth date|date of birth|туған күні|дата рождения",
  [COL_SEX] = "sex|жынысы|пол",
  [COL_EDUCATION_LEVEL] = "education level|білім деңгейі|уровень образования",
  [COL_EDUCATION_FIELD] = "education field|білім саласы|область образования",
  [COL_RELEVANT] = "relevant|бейіні бойынша|по профилю",
  [COL_SPECIALTY] = "specialty|мамандығы|специальность",
  [COL_INSTITUTION] = "institution|оқу орны|учебное заведение",
  [COL_DIPLOMA] = "diploma|диплом нөмірі|номер диплома",
  [COL_GRADUATION_YEAR] = "graduation year|бітірген жылы|год окончания",
  [COL_CERTIFICATE] = "certificate|сертификат",
  [COL_CERTIFICATE_NUMBER] = "certificate number|сертификат нөмірі|номер сертификата",
  [COL_CERTIFICATE_ISSUED] = "certificate issued|сертификат берілген күні|дата выдачи сертификата",
  [COL_CERTIFICATE_EXPIRES] = "certificate expires|сертификаттың мерзімі|сертификат действует до",
  [COL_ORGANISATION] = "organisation|organization|ұйым|организация",
  [COL_SECTOR] = "sector|сала|отрасль",
  [COL_POSITION] = "position|лауазымы|должность",
  [COL_LEVEL] = "level|деңгейі|уровень",
  [COL_CATEGORY] = "category|санаты|категория",
  [COL_MANAGERIAL] = "managerial|басшылық|руководящая",
  [COL_FROM] = "from|басталуы|начало",
  [COL_TO] = "to|аяқталуы|окончание",
  [COL_CENTRE] = "centre|center|орталық|центр",
  [COL_POST] = "post|штаттағы лауазымы|штатная должность",
  [COL_POST_LEVEL] = "post level|штаттағы деңгейі|штатный уровень",
  [COL_POST_CATEGORY] = "post category|штаттағы санаты|штатная категория",
  [COL_RATE] = "rate|мөлшерлеме|ставка",
  [COL_POST_FROM] = "post from|тағайындалған күні|дата назначения",
  [COL_POST_TO] = "post to|босатылған күні|дата освобождения",
};

/* Case folded, with runs of spaces, hyphens, underscores and dots as one "_". */
static char *
normalize_header (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t' || c == 0xA0)
        {
          gap = TRUE;
          continue;
        }
      if (gap && out->len > 0)
        g_string_append_c (out, '_');
      gap = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
column_lookup (const char *header)
{
  g_autofree char *wanted = normalize_header (header);

  for (guint c = 0; c < N_COLS; c++)
    {
      g_auto(GStrv) names = g_strsplit (column_names[c], "|", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *name = normalize_header (names[i]);

          if (g_str_equal (name, wanted))
            return (int) c;
        }
    }
  return -1;
}

/* The English name of a column, as documented: "birth_date". */
static char *
column_english (Column column)
{
  g_autofree char *first = g_strndup (column_names[column], strcspn (column_names[column], "|"));

  return normalize_header (first);
}

/* ------------------------------------------------------------------------ */
/* CSV: rows                                                                */

typedef struct
{
  ShtatEmployee *employee;
  Lines          lines;
  guint          ordinal;
} CsvEntry;

static void
csv_entry_free (CsvEntry *entry)
{
  g_clear_pointer (&entry->employee, shtat_employee_unref);
  lines_clear (&entry->lines);
  g_free (entry);
}

typedef struct
{
  const char *file;
  CsvSource   src;
  char        sep;
  guint       line;           /* the next character's line */
  guint       row_line;       /* where the current row starts */
  GPtrArray  *fields;         /* GString, reused */
  guint       n_fields;
  int         column_of[N_COLS]; /* index of the field, or -1 */
  char       *headers[N_COLS];   /* as the file writes them */
  GPtrArray  *entries;        /* CsvEntry, in order of first appearance */
  GHashTable *by_iin;         /* IIN (in the employee) → CsvEntry */
} CsvRead;

static gboolean
csv_fail (CsvRead           *self,
          ShtatExchangeError code,
          const char        *record,
          GError           **error,
          const char        *format,
          ...) G_GNUC_PRINTF (5, 6);

static gboolean
csv_fail (CsvRead           *self,
          ShtatExchangeError code,
          const char        *record,
          GError           **error,
          const char        *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return set_error_at (error, SHTAT_EXCHANGE_ERROR, code, self->file, self->row_line, record, "%s",
                       message);
}

static void
gstring_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static GString *
csv_field (CsvRead *self,
           guint    i)
{
  while (self->fields->len <= i)
    g_ptr_array_add (self->fields, g_string_sized_new (32));
  return g_ptr_array_index (self->fields, i);
}

/* Reads one row into self->fields (RFC 4180 quoting, "" for a quote inside
 * quotes, CR LF or LF). Returns 1, 0 at the end of the file, -1 on error. */
static int
csv_read_row (CsvRead *self,
              GError **error)
{
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;
  GString *field;
  gboolean any = FALSE;
  guint quote_line = 0;

  self->n_fields = 0;
  self->row_line = self->line;
  field = csv_field (self, 0);
  g_string_truncate (field, 0);

  for (;;)
    {
      int c = csv_getc (&self->src, error);

      if (c == -2)
        {
          g_prefix_error (error, "%s: ", self->file);
          return -1;
        }
      if (c == -1)
        {
          if (state == QUOTED)
            {
              self->row_line = quote_line;
              csv_fail (self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error,
                        _("the quoted field that begins here is never closed"));
              return -1;
            }
          if (!any)
            return 0;
          self->n_fields++;
          return 1;
        }
      any = TRUE;

      if (c == '\r')
        continue;

      switch (state)
        {
        case FIELD_START:
        case UNQUOTED:
          if (state == FIELD_START && c == '"')
            {
              state = QUOTED;
              quote_line = self->line;
            }
          else if (c == self->sep)
            {
              field = csv_field (self, ++self->n_fields);
              g_string_truncate (field, 0);
              state = FIELD_START;
            }
          else if (c == '\n')
            {
              self->line++;
              self->n_fields++;
              return 1;
            }
          else
            {
              g_string_append_c (field, (char) c);
              state = UNQUOTED;
            }
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (field, (char) c);
            }
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (field, '"');
              state = QUOTED;
            }
          else if (c == self->sep)
            {
              field = csv_field (self, ++self->n_fields);
              g_string_truncate (field, 0);
              state = FIELD_START;
            }
          else if (c == '\n')
            {
              self->line++;
              self->n_fields++;
              return 1;
            }
          else if (c != ' ' && c != '\t')
            {
              csv_fail (self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error,
                        _("field %u: text after the closing quote"), self->n_fields + 1);
              return -1;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* The value of @column in the current row, stripped; "" when absent. */
static const char *
csv_value (CsvRead *self,
           Column   column)
{
  int i = self->column_of[column];

  if (i < 0 || (guint) i >= self->n_fields)
    return "";
  return g_strstrip (((GString *) g_ptr_array_index (self->fields, i))->str);
}

static gboolean
csv_row_is_empty (CsvRead *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (!is_blank (((GString *) g_ptr_array_index (self->fields, i))->str))
      return FALSE;
  return TRUE;
}

/* Takes @reason. */
static gboolean
column_fail (CsvRead    *self,
             const char *record,
             Column      column,
             char       *reason,
             GError    **error)
{
  gboolean ret = csv_fail (self, SHTAT_EXCHANGE_ERROR_VALUE, record, error, _("column “%s”: %s"),
                           self->headers[column], reason);

  g_free (reason);
  return ret;
}

/* Separator: whichever of ";", "," and tab the header line has most of. */
static char
csv_detect_separator (const char *buf,
                      gsize       len)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && (quoted || buf[i] != '\n'); i++)
    {
      if (buf[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          semicolons += buf[i] == ';';
          commas += buf[i] == ',';
          tabs += buf[i] == '\t';
        }
    }
  if (tabs > semicolons && tabs > commas)
    return '\t';
  return semicolons >= commas ? ';' : ',';
}

static gboolean
csv_header (CsvRead *self,
            GError **error)
{
  static const Column required[] = { COL_IIN, COL_SURNAME, COL_NAME, COL_BIRTH_DATE, COL_SEX };
  /* When any column of a group is there, its key columns must be too. */
  static const struct
  {
    Column first, last;
    Column keys[4];
    guint  n_keys;
  } groups[] = {
    { COL_EDUCATION_LEVEL, COL_GRADUATION_YEAR, { COL_EDUCATION_LEVEL }, 1 },
    { COL_CERTIFICATE, COL_CERTIFICATE_EXPIRES, { COL_CERTIFICATE }, 1 },
    { COL_ORGANISATION, COL_TO, { COL_ORGANISATION, COL_SECTOR, COL_FROM }, 3 },
    { COL_CENTRE, COL_POST_TO, { COL_CENTRE, COL_POST, COL_RATE, COL_POST_FROM }, 4 },
  };
  int rc;

  do
    rc = csv_read_row (self, error);
  while (rc == 1 && csv_row_is_empty (self));
  if (rc < 0)
    return FALSE;
  if (rc == 0)
    {
      self->row_line = 1;
      return csv_fail (self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error, _("the file is empty"));
    }

  for (guint c = 0; c < N_COLS; c++)
    self->column_of[c] = -1;

  for (guint i = 0; i < self->n_fields; i++)
    {
      const char *header = g_strstrip (((GString *) g_ptr_array_index (self->fields, i))->str);
      int c;

      if (*header == '\0' || g_str_equal (header, "№") || g_str_equal (header, "#"))
        continue;
      c = column_lookup (header);
      if (c < 0)
        return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                         _("column %u: “%s” is not a column Shtat knows"), i + 1, header);
      if (self->column_of[c] >= 0)
        return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                         _("column %u: “%s” is the same column as column %u"), i + 1, header,
                         (guint) self->column_of[c] + 1);
      self->column_of[c] = (int) i;
      self->headers[c] = g_strdup (header);
    }

  for (guint c = 0; c < N_COLS; c++)
    if (self->headers[c] == NULL)
      self->headers[c] = column_english ((Column) c);

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (self->column_of[required[r]] < 0)
      return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                       _("the column “%s” is missing"), self->headers[required[r]]);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      int present = -1;

      for (guint c = groups[g].first; c <= groups[g].last && present < 0; c++)
        if (self->column_of[c] >= 0)
          present = (int) c;
      if (present < 0)
        continue;
      for (guint k = 0; k < groups[g].n_keys; k++)
        if (self->column_of[groups[g].keys[k]] < 0)
          return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                           _("the column “%s” is missing (the column “%s” needs it)"),
                           self->headers[groups[g].keys[k]], self->headers[present]);
    }
  return TRUE;
}

/* Spreadsheet spellings: case and "_" or " " for "-". An empty cell is -1. */
static gboolean
csv_enum (CsvRead    *self,
          const char *record,
          Column      column,
          EnumKind    kind,
          int        *out,
          GError    **error)
{
  const char *value = csv_value (self, column);
  g_autofree char *code = NULL;
  g_autofree char *list = NULL;

  *out = -1;
  if (*value == '\0')
    return TRUE;
  code = g_ascii_strdown (value, -1);
  g_strdelimit (code, "_ ", '-');
  *out = enum_parse (kind, code);
  if (*out >= 0)
    return TRUE;
  list = enum_list (kind);
  return column_fail (self, record, column,
                      g_strdup_printf (_("“%s” is not one of: %s"), value, list), error);
}

static gboolean
csv_words (const char         *value,
           const char * const *words)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
csv_sex (CsvRead    *self,
         const char *record,
         ShtatSex   *out,
         GError    **error)
{
  static const char * const male[] = { "male", "m", "м", "муж", "мужской", "ер", NULL };
  static const char * const female[] = { "female", "f", "ж", "жен", "женский", "әйел", NULL };
  const char *value = csv_value (self, COL_SEX);

  if (csv_words (value, male))
    *out = SHTAT_SEX_MALE;
  else if (csv_words (value, female))
    *out = SHTAT_SEX_FEMALE;
  else if (*value == '\0')
    return column_fail (self, record, COL_SEX, g_strdup (_("the value is empty")), error);
  else
    return column_fail (self, record, COL_SEX,
                        g_strdup_printf (_("“%s” is not one of: %s"), value,
                                         "male, female, м, ж, ер, әйел"),
                        error);
  return TRUE;
}

static gboolean
csv_bool (CsvRead    *self,
          const char *record,
          Column      column,
          gboolean   *out,
          GError    **error)
{
  static const char * const yes[] = { "true", "yes", "y", "1", "+", "да", "иә", NULL };
  static const char * const no[] = { "false", "no", "n", "0", "-", "нет", "жоқ", "", NULL };
  const char *value = csv_value (self, column);

  if (csv_words (value, yes))
    *out = TRUE;
  else if (csv_words (value, no))
    *out = FALSE;
  else
    return column_fail (self, record, column,
                        g_strdup_printf (_("“%s” is neither yes nor no"), value), error);
  return TRUE;
}

static gboolean
csv_date (CsvRead    *self,
          const char *record,
          Column      column,
          gboolean    required,
          GDate      *out,
          GError    **error)
{
  const char *value = csv_value (self, column);
  char *reason;

  g_date_clear (out, 1);
  if (*value == '\0')
    return !required
           || column_fail (self, record, column, g_strdup (_("the value is empty")), error);
  reason = parse_date (value, TRUE, out);
  return reason == NULL || column_fail (self, record, column, reason, error);
}

static gboolean
csv_required (CsvRead    *self,
              const char *record,
              Column      column,
              GError    **error)
{
  if (*csv_value (self, column) != '\0')
    return TRUE;
  return column_fail (self, record, column, g_strdup (_("the value is empty")), error);
}

static char *
csv_text (CsvRead *self,
          Column   column)
{
  const char *value = csv_value (self, column);

  return *value != '\0' ? (char *) value : NULL;
}

static gboolean
csv_any (CsvRead *self,
         Column   first,
         Column   last)
{
  for (guint c = first; c <= last; c++)
    if (*csv_value (self, (Column) c) != '\0')
      return TRUE;
  return FALSE;
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
same_education (const ShtatEducation *a,
                const ShtatEducation *b)
{
  return a->level == b->level && a->field == b->field && a->relevant == b->relevant
         && a->year == b->year && g_strcmp0 (a->specialty, b->specialty) == 0
         && g_strcmp0 (a->institution, b->institution) == 0
         && g_strcmp0 (a->diploma, b->diploma) == 0;
}

static gboolean
same_certificate (const ShtatCertificate *a,
                  const ShtatCertificate *b)
{
  return g_strcmp0 (a->kind, b->kind) == 0 && g_strcmp0 (a->number, b->number) == 0
         && same_date (&a->issued, &b->issued) && same_date (&a->expires, &b->expires);
}

static gboolean
same_period (const ShtatWorkPeriod *a,
             const ShtatWorkPeriod *b)
{
  return g_strcmp0 (a->organisation, b->organisation) == 0 && a->sector == b->sector
         && g_strcmp0 (a->position, b->position) == 0 && a->level == b->level
         && a->category == b->category && a->managerial == b->managerial
         && same_date (&a->from, &b->from) && same_date (&a->to, &b->to);
}

static gboolean
same_assignment (const ShtatAssignment *a,
                 const ShtatAssignment *b)
{
  return g_strcmp0 (a->centre_code, b->centre_code) == 0
         && g_strcmp0 (a->position, b->position) == 0 && a->level == b->level
         && a->category == b->category && a->rate == b->rate && same_date (&a->from, &b->from)
         && same_date (&a->to, &b->to);
}

/* Appends the record unless the employee has the same one already (rows
 * repeat the education on every work period, and so on). */
static void
csv_add (CsvEntry      *entry,
         RecordKind     kind,
         gconstpointer  record,
         guint          line)
{
  GArray *children = employee_children (entry->employee, kind);

  for (guint i = 0; i < children->len; i++)
    {
      gboolean same = FALSE;

      switch (kind)
        {
        case KIND_EDUCATION:
          same = same_education (&g_array_index (children, ShtatEducation, i), record);
          break;
        case KIND_CERTIFICATE:
          same = same_certificate (&g_array_index (children, ShtatCertificate, i), record);
          break;
        case KIND_PERIOD:
          same = same_period (&g_array_index (children, ShtatWorkPeriod, i), record);
          break;
        case KIND_ASSIGNMENT:
          same = same_assignment (&g_array_index (children, ShtatAssignment, i), record);
          break;
        case N_KINDS:
        default:
          g_assert_not_reached ();
        }
      if (same)
        return;
    }

  switch (kind)
    {
    case KIND_EDUCATION:
      shtat_employee_add_education (entry->employee, record);
      break;
    case KIND_CERTIFICATE:
      shtat_employee_add_certificate (entry->employee, record);
      break;
    case KIND_PERIOD:
      shtat_employee_add_period (entry->employee, record);
      break;
    case KIND_ASSIGNMENT:
      shtat_employee_add_assignment (entry->employee, record);
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (entry->lines.children[kind], line);
}

/* A row repeating the person's columns must agree with the first row. */
static gboolean
csv_person_agrees (CsvRead    *self,
                   CsvEntry   *entry,
                   const char *record,
                   GError    **error)
{
  const ShtatEmployee *e = entry->employee;
  const struct { Column column; const char *known; } texts[] = {
    { COL_SURNAME, e->surname }, { COL_NAME, e->name }, { COL_PATRONYMIC, e->patronymic },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = csv_value (self, texts[i].column);

      if (*value != '\0' && g_strcmp0 (value, texts[i].known) != 0)
        return column_fail (self, record, texts[i].column,
                            g_strdup_printf (_("“%s” differs from “%s” on line %u"), value,
                                             texts[i].known != NULL ? texts[i].known : "",
                                             entry->lines.line),
                            error);
    }

  if (*csv_value (self, COL_BIRTH_DATE) != '\0')
    {
      GDate date;

      if (!csv_date (self, record, COL_BIRTH_DATE, FALSE, &date, error))
        return FALSE;
      if (!same_date (&date, &e->birth_date))
        return column_fail (self, record, COL_BIRTH_DATE,
                            g_strdup_printf (_("“%s” differs from line %u"),
                                             csv_value (self, COL_BIRTH_DATE), entry->lines.line),
                            error);
    }
  if (*csv_value (self, COL_SEX) != '\0')
    {
      ShtatSex sex;

      if (!csv_sex (self, record, &sex, error))
        return FALSE;
      if (sex != e->sex)
        return column_fail (self, record, COL_SEX,
                            g_strdup_printf (_("“%s” differs from line %u"),
                                             csv_value (self, COL_SEX), entry->lines.line),
                            error);
    }
  return TRUE;
}

static gboolean
csv_row (CsvRead *self,
         GError **error)
{
  g_autofree char *iin_record = NULL;
  g_autofree char *record = NULL;
  const char *iin_value = csv_value (self, COL_IIN);
  char iin[13];
  CsvEntry *entry;
  char *reason;

  iin_record = record_label (iin_value, self->entries->len + 1, -1, 0);
  if (*iin_value == '\0')
    return column_fail (self, iin_record, COL_IIN, g_strdup (_("the value is empty")), error);
  if ((reason = parse_iin (iin_value, iin)) != NULL)
    return column_fail (self, iin_record, COL_IIN, reason, error);

  entry = g_hash_table_lookup (self->by_iin, iin);
  if (entry == NULL)
    {
      g_autoptr(ShtatEmployee) employee = shtat_employee_new ();
      ShtatSex sex;

      memcpy (employee->iin, iin, sizeof employee->iin);
      if (!csv_required (self, iin_record, COL_SURNAME, error)
          || !csv_required (self, iin_record, COL_NAME, error)
          || !csv_date (self, iin_record, COL_BIRTH_DATE, TRUE, &employee->birth_date, error)
          || !csv_sex (self, iin_record, &sex, error))
        return FALSE;
      employee->surname = g_strdup (csv_value (self, COL_SURNAME));
      employee->name = g_strdup (csv_value (self, COL_NAME));
      employee->patronymic = g_strdup (csv_text (self, COL_PATRONYMIC));
      employee->sex = sex;

      entry = g_new0 (CsvEntry, 1);
      entry->employee = g_steal_pointer (&employee);
      entry->ordinal = self->entries->len + 1;
      lines_init (&entry->lines);
      entry->lines.line = self->row_line;
      g_ptr_array_add (self->entries, entry);
      g_hash_table_insert (self->by_iin, entry->employee->iin, entry);
    }
  else if (!csv_person_agrees (self, entry, iin_record, error))
    return FALSE;

  if (csv_any (self, COL_EDUCATION_LEVEL, COL_GRADUATION_YEAR))
    {
      ShtatEducation e = { 0 };
      int level;

      record = record_label (iin, 0, KIND_EDUCATION, entry->employee->education->len + 1);
      if (!csv_required (self, record, COL_EDUCATION_LEVEL, error)
          || !csv_enum (self, record, COL_EDUCATION_LEVEL, ENUM_EDUCATION_LEVEL, &level, error)
          || !csv_enum (self, record, COL_EDUCATION_FIELD, ENUM_FIELD, &e.field, error)
          || !csv_bool (self, record, COL_RELEVANT, &e.relevant, error))
        return FALSE;
      if (*csv_value (self, COL_GRADUATION_YEAR) != '\0'
          && (reason = parse_year (csv_value (self, COL_GRADUATION_YEAR), &e.year)) != NULL)
        return column_fail (self, record, COL_GRADUATION_YEAR, reason, error);
      e.level = (ShtatEducationLevel) level;
      e.specialty = csv_text (self, COL_SPECIALTY);
      e.institution = csv_text (self, COL_INSTITUTION);
      e.diploma = csv_text (self, COL_DIPLOMA);
      csv_add (entry, KIND_EDUCATION, &e, self->row_line);
      g_clear_pointer (&record, g_free);
    }

  if (csv_any (self, COL_CERTIFICATE, COL_CERTIFICATE_EXPIRES))
    {
      ShtatCertificate c = { 0 };

      record = record_label (iin, 0, KIND_CERTIFICATE, entry->employee->certificates->len + 1);
      if (!csv_required (self, record, COL_CERTIFICATE, error))
        return FALSE;
      if ((reason = check_code (csv_value (self, COL_CERTIFICATE))) != NULL)
        return column_fail (self, record, COL_CERTIFICATE, reason, error);
      if (!csv_date (self, record, COL_CERTIFICATE_ISSUED, FALSE, &c.issued, error)
          || !csv_date (self, record, COL_CERTIFICATE_EXPIRES, FALSE, &c.expires, error))
        return FALSE;
      c.kind = csv_text (self, COL_CERTIFICATE);
      c.number = csv_text (self, COL_CERTIFICATE_NUMBER);
      csv_add (entry, KIND_CERTIFICATE, &c, self->row_line);
      g_clear_pointer (&record, g_free);
    }

  if (csv_any (self, COL_ORGANISATION, COL_TO))
    {
      ShtatWorkPeriod p = { 0 };
      int sector;

      record = record_label (iin, 0, KIND_PERIOD, entry->employee->periods->len + 1);
      if (!csv_required (self, record, COL_ORGANISATION, error)
          || !csv_required (self, record, COL_SECTOR, error)
          || !csv_enum (self, record, COL_SECTOR, ENUM_SECTOR, &sector, error)
          || !csv_enum (self, record, COL_LEVEL, ENUM_LEVEL, &p.level, error)
          || !csv_enum (self, record, COL_CATEGORY, ENUM_CATEGORY, &p.category, error)
          || !csv_bool (self, record, COL_MANAGERIAL, &p.managerial, error)
          || !csv_date (self, record, COL_FROM, TRUE, &p.from, error)
          || !csv_date (self, record, COL_TO, FALSE, &p.to, error))
        return FALSE;
      p.organisation = csv_text (self, COL_ORGANISATION);
      p.sector = (ShtatSector) sector;
      p.position = csv_text (self, COL_POSITION);
      csv_add (entry, KIND_PERIOD, &p, self->row_line);
      g_clear_pointer (&record, g_free);
    }

  if (csv_any (self, COL_CENTRE, COL_POST_TO))
    {
      ShtatAssignment a = { 0 };

      record = record_label (iin, 0, KIND_ASSIGNMENT, entry->employee->assignments->len + 1);
      if (!csv_required (self, record, COL_CENTRE, error)
          || !csv_required (self, record, COL_POST, error)
          || !csv_required (self, record, COL_RATE, error))
        return FALSE;
      if ((reason = check_code (csv_value (self, COL_CENTRE))) != NULL)
        return column_fail (self, record, COL_CENTRE, reason, error);
      if ((reason = check_code (csv_value (self, COL_POST))) != NULL)
        return column_fail (self, record, COL_POST, reason, error);
      if ((reason = parse_rate (csv_value (self, COL_RATE), TRUE, &a.rate)) != NULL)
        return column_fail (self, record, COL_RATE, reason, error);
      if (!csv_enum (self, record, COL_POST_LEVEL, ENUM_LEVEL, &a.level, error)
          || !csv_enum (self, record, COL_POST_CATEGORY, ENUM_CATEGORY, &a.category, error)
          || !csv_date (self, record, COL_POST_FROM, TRUE, &a.from, error)
          || !csv_date (self, record, COL_POST_TO, FALSE, &a.to, error))
        return FALSE;
      a.centre_code = csv_text (self, COL_CENTRE);
      a.position = csv_text (self, COL_POST);
      csv_add (entry, KIND_ASSIGNMENT, &a, self->row_line);
    }
  return TRUE;
}

static void
csv_read_clear (CsvRead *self)
{
  g_clear_object (&self->src.stream);
  g_clear_pointer (&self->src.buf, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->by_iin, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  for (guint c = 0; c < N_COLS; c++)
    g_clear_pointer (&self->headers[c], g_free);
}

/* On success, @out_entries holds a CsvEntry per employee. */
static gboolean
csv_read_file (const char *path,
               const char *file,
               GPtrArray **out_entries,
               char      **out_centre_header,
               GError    **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  CsvRead self = { 0 };
  gboolean is_utf8 = TRUE;
  gboolean is_utf16 = FALSE;
  goffset size;
  gboolean ok = FALSE;
  int rc;

  self.file = file;
  self.line = 1;
  self.fields = g_ptr_array_new_with_free_func (gstring_free);
  self.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_entry_free);
  self.by_iin = g_hash_table_new (g_str_hash, g_str_equal);
  self.src.buf = g_malloc (CSV_CHUNK);

  if (!stat_regular (path, file, &size, error))
    goto out;
  if (!csv_is_utf8 (path, &is_utf8, &is_utf16, error) || (in = g_file_read (gfile, NULL, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", file);
      goto out;
    }
  /* "Unicode text" from Excel: say what to do rather than read noise. */
  if (is_utf16)
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE, "%s:1: %s", file,
                   _("the file is in UTF-16; save it as “CSV UTF-8”"));
      goto out;
    }

  if (is_utf8)
    self.src.stream = G_INPUT_STREAM (g_steal_pointer (&in));
  else
    {
      g_autoptr(GCharsetConverter) conv = g_charset_converter_new ("UTF-8", "WINDOWS-1251", error);

      if (conv == NULL)
        {
          g_prefix_error (error, "%s: ", file);
          goto out;
        }
      self.src.stream = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (conv));
    }

  /* Fill the first chunk, skip a byte order mark, and tell the separator
   * from the header line. */
  {
    gssize n = g_input_stream_read (self.src.stream, self.src.buf, CSV_CHUNK, NULL, error);

    if (n < 0)
      {
        g_prefix_error (error, "%s: ", file);
        goto out;
      }
    self.src.len = (gsize) n;
    self.src.eof = n == 0;
    if (self.src.len >= 3 && memcmp (self.src.buf, "\xEF\xBB\xBF", 3) == 0)
      self.src.pos = 3;

    self.sep = csv_detect_separator (self.src.buf + self.src.pos, self.src.len - self.src.pos);
  }

  if (!csv_header (&self, error))
    goto out;

  while ((rc = csv_read_row (&self, error)) == 1)
    {
      if (csv_row_is_empty (&self))
        continue;
      if (self.n_fields > 0)
        {
          /* Fields beyond the header are allowed only when empty (a
           * spreadsheet's trailing separators). */
          guint max = 0;

          for (guint c = 0; c < N_COLS; c++)
            max = MAX (max, (guint) (self.column_of[c] + 1));
          for (guint i = max; i < self.n_fields; i++)
            {
              GString *extra = g_ptr_array_index (self.fields, i);
              gboolean header_has_it = FALSE;

              for (guint c = 0; c < N_COLS && !header_has_it; c++)
                header_has_it = self.column_of[c] == (int) i;
              if (!header_has_it && !is_blank (extra->str))
                {
                  csv_fail (&self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error,
                            _("field %u has no column in the header"), i + 1);
                  goto out;
                }
            }
        }
      if (!csv_row (&self, error))
        goto out;
    }
  if (rc < 0)
    goto out;

  *out_entries = g_steal_pointer (&self.entries);
  if (out_centre_header != NULL)
    *out_centre_header = g_steal_pointer (&self.headers[COL_CENTRE]);
  ok = TRUE;

out:
  csv_read_clear (&self);
  return ok;
}

gboolean
shtat_exchange_read_csv (const char *path,
                         GPtrArray **out_employees,
                         GError    **error)
{
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *employees;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_path_get_basename (path);
  if (!csv_read_file (path, file, &entries, NULL, error))
    return FALSE;

  employees = g_ptr_array_new_full (entries->len, (GDestroyNotify) shtat_employee_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      CsvEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (employees, g_steal_pointer (&entry->employee));
    }
  if (out_employees != NULL)
    *out_employees = employees;
  else
    g_ptr_array_unref (employees);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

/* XML by its extension or its first character; CSV otherwise. */
static gboolean
looks_like_xml (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  char buf[64];
  gsize len = 0;
  gsize i = 0;

  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    return TRUE;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV")
      || g_str_has_suffix (path, ".txt") || g_str_has_suffix (path, ".TXT"))
    return FALSE;

  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, NULL);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), buf, sizeof buf, &len, NULL, NULL))
    return FALSE;
  if (len >= 3 && memcmp (buf, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (buf[i]))
    i++;
  return i < len && buf[i] == '<';
}

/* Where an import writes. The database is written in a thread of its own
 * while the file is read (reading and checking the XML take longer than the
 * SQLite writes, and the two overlap): employees go to the writer in batches,
 * through a queue of a few, so that only some hundreds are in memory at once.
 * The store import is begun with the first employee (the centres of an XML
 * file are all read by then); from then until import_target_finish() the
 * store is the writer's alone. The writer's errors are those of employees
 * read earlier than whatever the reader is at, so they come first. */

#define BATCH_SIZE  256
#define MAX_BATCHES 4

typedef struct
{
  ShtatEmployee *employee;
  guint          line;
} QueuedEmployee;

typedef struct
{
  ShtatStore       *store;
  ShtatStoreImport *import;
  const char       *file;

  GThread          *writer;
  GMutex            lock;
  GCond             cond;
  GQueue            batches;   /* GArray of QueuedEmployee, ready to write */
  GQueue            written;   /* …and written, to be freed by the reader */
  gboolean          closed;    /* no more batches will come */
  gboolean          failed;    /* the writer failed: @error, unless taken */
  GError           *error;
  GArray           *filling;   /* the batch being filled */
} ImportTarget;

static void
queued_employee_clear (QueuedEmployee *q)
{
  g_clear_pointer (&q->employee, shtat_employee_unref);
}

static GArray *
batch_new (void)
{
  GArray *batch = g_array_sized_new (FALSE, FALSE, sizeof (QueuedEmployee), BATCH_SIZE);

  g_array_set_clear_func (batch, (GDestroyNotify) queued_employee_clear);
  return batch;
}

/* The next batch, waiting for one; NULL once the queue is closed and empty. */
static GArray *
import_target_pop (ImportTarget *target)
{
  GArray *batch;

  g_mutex_lock (&target->lock);
  while (g_queue_is_empty (&target->batches) && !target->closed)
    g_cond_wait (&target->cond, &target->lock);
  batch = g_queue_pop_head (&target->batches);
  g_cond_broadcast (&target->cond);
  g_mutex_unlock (&target->lock);
  return batch;
}

static gpointer
import_writer (gpointer data)
{
  ImportTarget *target = data;
  gboolean ok = TRUE;
  GArray *batch;

  /* after a failure, batches are only dropped, so that the reader never waits */
  while ((batch = import_target_pop (target)) != NULL)
    {
      for (guint i = 0; ok && i < batch->len; i++)
        {
          QueuedEmployee *q = &g_array_index (batch, QueuedEmployee, i);
          GError *local_error = NULL;

          if (shtat_store_import_add (target->import, q->employee, &local_error))
            continue;
          g_prefix_error (&local_error, "%s:%u: ", target->file, q->line);
          g_mutex_lock (&target->lock);
          target->error = local_error;
          target->failed = TRUE;
          g_cond_broadcast (&target->cond);
          g_mutex_unlock (&target->lock);
          ok = FALSE;
        }
      /* Freed by the reader, which allocated them: memory freed in another
       * thread is slower to allocate again. */
      g_mutex_lock (&target->lock);
      g_queue_push_tail (&target->written, batch);
      g_mutex_unlock (&target->lock);
    }
  return NULL;
}

/* Hands the batch being filled to the writer, waiting while the queue is
 * full. FALSE when the writer has failed. */
static gboolean
import_target_push (ImportTarget *target)
{
  GArray *batch = g_steal_pointer (&target->filling);
  GQueue written = G_QUEUE_INIT;
  gboolean ok;

  target->filling = batch_new ();
  if (target->writer == NULL)
    target->writer = g_thread_new ("shtat-import", import_writer, target);
  g_mutex_lock (&target->lock);
  while (g_queue_get_length (&target->batches) >= MAX_BATCHES && !target->failed)
    g_cond_wait (&target->cond, &target->lock);
  ok = !target->failed;
  if (ok)
    {
      g_queue_push_tail (&target->batches, batch);
      g_cond_broadcast (&target->cond);
    }
  written = target->written;
  g_queue_init (&target->written);
  g_mutex_unlock (&target->lock);
  if (!ok)
    g_array_unref (batch);
  g_queue_clear_full (&written, (GDestroyNotify) g_array_unref);
  return ok;
}

static void
import_target_init (ImportTarget *target,
                    ShtatStore   *store,
                    const char   *file)
{
  memset (target, 0, sizeof *target);
  target->store = store;
  target->file = file;
  g_mutex_init (&target->lock);
  g_cond_init (&target->cond);
  g_queue_init (&target->batches);
  g_queue_init (&target->written);
  target->filling = batch_new ();
}

static gboolean
import_target_begin (ImportTarget  *target,
                     GPtrArray     *centres,
                     GError       **error)
{
  if (target->import != NULL)
    return TRUE;
  target->import = shtat_store_import_begin (target->store, centres, error);
  if (target->import == NULL)
    {
      g_prefix_error (error, "%s: ", target->file);
      return FALSE;
    }
  return TRUE;
}

/* Queues @employee (from @line) to be written inside the open transaction. */
static gboolean
import_target_add (ImportTarget   *target,
                   GPtrArray      *centres,
                   ShtatEmployee  *employee,
                   guint           line,
                   GError        **error)
{
  QueuedEmployee q = { shtat_employee_ref (employee), line };

  if (!import_target_begin (target, centres, error))
    {
      queued_employee_clear (&q);
      return FALSE;
    }
  g_array_append_val (target->filling, q);
  if (target->filling->len < BATCH_SIZE || import_target_push (target))
    return TRUE;

  g_mutex_lock (&target->lock);
  g_propagate_error (error, g_steal_pointer (&target->error));
  g_mutex_unlock (&target->lock);
  return FALSE;
}

/* Waits until the writer has written everything queued. @ok and @error are
 * the reader's: an error of the writer comes before them in the file, and
 * replaces them. */
static gboolean
import_target_finish (ImportTarget  *target,
                      gboolean       ok,
                      GError       **error)
{
  if (target->filling != NULL && target->filling->len > 0)
    import_target_push (target);
  if (target->writer != NULL)
    {
      g_mutex_lock (&target->lock);
      target->closed = TRUE;
      g_cond_broadcast (&target->cond);
      g_mutex_unlock (&target->lock);
      g_thread_join (g_steal_pointer (&target->writer));
    }
  if (target->error != NULL)
    {
      if (!ok)
        g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&target->error));
      return FALSE;
    }
  return ok;
}

/* Rolls back what was not committed. */
static void
import_target_clear (ImportTarget *target)
{
  import_target_finish (target, FALSE, NULL);
  g_clear_pointer (&target->import, shtat_store_import_abort);
  g_queue_clear_full (&target->written, (GDestroyNotify) g_array_unref);
  g_clear_pointer (&target->filling, g_array_unref);
  g_mutex_clear (&target->lock);
  g_cond_clear (&target->cond);
}

static gboolean
import_employee_cb (GPtrArray      *centres,
                    ShtatEmployee  *employee,
                    guint           line,
                    gpointer        user_data,
                    GError        **error)
{
  return import_target_add (user_data, centres, employee, line, error);
}

gboolean
shtat_exchange_import (ShtatStore        *store,
                       ShtatNormLibrary  *library,
                       const char        *path,
                       const GDate       *today,
                       guint             *n_changed,
                       GCancellable      *cancellable,
                       ShtatProgressFunc  progress,
                       gpointer           user_data,
                       GError           **error)
{
  /* XML is read and written in one pass; the commit (with the copy of the
   * write-ahead log into the database) is the last few per cent. A CSV table
   * is read first, in about half the time. */
  const double before_commit = 0.95;
  const double csv_read_share = 0.5;
  g_autofree char *file = NULL;
  g_autofree char *centre_field = NULL;
  g_autoptr(GPtrArray) centres = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) codes = NULL;
  ImportTarget target;
  Checker checker = { 0 };
  guint changed = 0;
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  file = g_path_get_basename (path);

  stored = shtat_store_list_centres (store, error);
  if (stored == NULL)
    return FALSE;
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < stored->len; i++)
    {
      ShtatCentre *c = g_ptr_array_index (stored, i);

      if (c->code != NULL)
        g_hash_table_add (codes, g_strdup (c->code));
    }

  checker.library = library;
  checker.centre_codes = codes;
  checker.file = file;
  if (today != NULL && g_date_valid (today))
    checker.today = *today;
  else
    {
      g_date_clear (&checker.today, 1);
      g_date_set_time_t (&checker.today, time (NULL));
    }

  import_target_init (&target, store, file);
  if (looks_like_xml (path))
    {
      /* Streamed: each employee is checked and written as soon as its element
       * ends, then dropped. Nothing is committed unless the whole file was
       * read and follows the schema. */
      centre_field = g_strdup_printf (_("attribute “%s”"), "centre");
      checker.centre_field = centre_field;
      ok = xml_read_file (path, &checker, import_employee_cb, &target, &centres, NULL,
                          cancellable, progress, user_data, before_commit, error);
      if (!import_target_finish (&target, ok, error)
          || !import_target_begin (&target, centres, error))
        goto fail;
    }
  else
    {
      /* The rows of one IIN may be anywhere in a table, so the employees are
       * whole only once the last row is read: the table is read first, then
       * each employee checked and written. */
      g_autoptr(GPtrArray) entries = NULL;
      g_autofree char *header = NULL;

      if (!csv_read_file (path, file, &entries, &header, error))
        goto fail;
      centre_field = g_strdup_printf (_("column “%s”"), header);
      checker.centre_field = centre_field;
      if (progress != NULL)
        progress (csv_read_share, user_data);
      if (!import_target_begin (&target, NULL, error))
        goto fail;
      ok = TRUE;
      for (guint i = 0; ok && i < entries->len; i++)
        {
          CsvEntry *entry = g_ptr_array_index (entries, i);

          ok = check_employee (&checker, entry->employee, &entry->lines, error)
               && import_target_add (&target, NULL, entry->employee, entry->lines.line, error);
          if (ok && i % CHECK_EVERY == 0)
            {
              ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
              if (ok && progress != NULL)
                progress (csv_read_share + (before_commit - csv_read_share) * i / entries->len,
                          user_data);
            }
        }
      if (!import_target_finish (&target, ok, error))
        goto fail;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  if (progress != NULL)
    progress (before_commit, user_data);

  if (!shtat_store_import_commit (g_steal_pointer (&target.import), &changed, error))
    {
      g_prefix_error (error, "%s: ", file);
      goto fail;
    }
  import_target_clear (&target);

  if (n_changed != NULL)
    *n_changed = changed;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;

fail:
  import_target_clear (&target);
  return FALSE;
}
