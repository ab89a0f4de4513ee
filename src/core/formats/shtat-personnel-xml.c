/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-personnel-xml"

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

#include "shtat-personnel-exchange-private.h"
#include "shtat-personnel-xml.h"
#include "shtat-units.h"

#define RESOURCE_PERSONNEL_RNG "/io/github/shtat/Shtat/norms/personnel.rng"

/* ------------------------------------------------------------------------ */
/* XML: reading                                                             */

#define MAX_ATTRS 16

typedef struct _XmlRead XmlRead;

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
  int         kind;              /* ShtatRecordKind or ELEMENT_* */
  guint       n;                 /* number of the record, from 1 */
  const char *names[MAX_ATTRS];
  const char *values[MAX_ATTRS];
  guint       n_attrs;
  GPtrArray  *owned;             /* strings freed with the next element */
} Element;

/* An element as the parser gives it: its name and attributes, and whether
 * they are in a namespace. One attribute more than an element may have is
 * kept, so that element_load() can refuse it. */
typedef struct
{
  const char *name;
  gboolean    in_ns;
  guint       n_attrs;
  const char *attr_names[MAX_ATTRS + 1];
  const char *attr_values[MAX_ATTRS + 1];
  gboolean    attr_in_ns[MAX_ATTRS + 1];
} RawElement;

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
  const ShtatPersonnelSink *sink; /* NULL: gather the employees in @employees */
  gpointer          sink_data;
  gboolean          with_schema;   /* FALSE: the rules of the schema are checked here */

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
  ShtatRecordLines             lines;
  GPtrArray        *scratch;       /* strings of one element */
  GPtrArray        *raw_scratch;   /* attribute values of one RawElement */

  /* Without the schema, the file is parsed by SAX callbacks rather than by
   * the reader: no tree is built. */
  xmlParserCtxtPtr  ctxt;
  goffset           consumed;
  int               sax_depth;
  int               empty_depth;   /* of the element that must stay empty, or -1 */
  gboolean          sax_root;
  gboolean          sax_failed;
  GError           *sax_error;

  /* The error is not about a rule of the schema (a check beyond it, or the
   * sink's): the validator would not change it, so the file is not read
   * again for it. */
  gboolean          beyond_schema;
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
  g_clear_pointer (&self->raw_scratch, g_ptr_array_unref);
  g_clear_error (&self->sax_error);
  shtat_exchange_lines_clear (&self->lines);
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
  return shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, code, self->file, self->line, record, "%s",
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

        if (!shtat_exchange_is_blank (code))
          label = g_strdup_printf (_("centre %s"), code);
        else
          label = g_strdup_printf (_("centre no. %u"), el->n);
        break;
      }
    case ELEMENT_EMPLOYEE:
      label = shtat_exchange_record_label (attr_get (el, "iin"), el->n, -1, 0);
      break;
    default:
      label = shtat_exchange_record_label (self->employee->iin, self->n_employees, el->kind, el->n);
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
              const RawElement   *node,
              const char * const *allowed,
              GError            **error)
{
  el->self = self;
  el->kind = kind;
  el->n = n;
  el->n_attrs = 0;
  el->owned = self->scratch;
  g_ptr_array_set_size (el->owned, 0);

  for (guint a = 0; a < node->n_attrs; a++)
    {
      const char *name = node->attr_names[a];
      gboolean known = FALSE;

      for (guint i = 0; allowed[i] != NULL && !known; i++)
        known = shtat_exchange_name_equal (allowed[i], name);
      if (!known || node->attr_in_ns[a] || el->n_attrs == MAX_ATTRS)
        return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, element_record (el), error,
                         _("the element “%s” has no attribute “%s”"), node->name, name);

      el->names[el->n_attrs] = name;
      el->values[el->n_attrs] = node->attr_values[a];
      el->n_attrs++;
    }
  return TRUE;
}

/* @node's name and attributes, as the reader has built it. */
static void
raw_from_node (XmlRead          *self,
               const xmlNode    *node,
               RawElement       *raw)
{
  g_ptr_array_set_size (self->raw_scratch, 0);
  raw->name = (const char *) node->name;
  raw->in_ns = node->ns != NULL;
  raw->n_attrs = 0;
  for (xmlAttr *a = node->properties; a != NULL && raw->n_attrs <= MAX_ATTRS; a = a->next)
    {
      raw->attr_names[raw->n_attrs] = (const char *) a->name;
      raw->attr_in_ns[raw->n_attrs] = a->ns != NULL;
      if (a->children == NULL)
        raw->attr_values[raw->n_attrs] = "";
      else if (a->children->next == NULL && a->children->type == XML_TEXT_NODE)
        raw->attr_values[raw->n_attrs] = (const char *) a->children->content;
      else
        {
          xmlChar *value = xmlNodeListGetString (node->doc, a->children, 1);
          char *copy = g_strdup (value != NULL ? (const char *) value : "");

          xmlFree (value);
          g_ptr_array_add (self->raw_scratch, copy);
          raw->attr_values[raw->n_attrs] = copy;
        }
      raw->n_attrs++;
    }
}

static const char *
attr_get (Element    *el,
          const char *name)
{
  for (guint i = 0; i < el->n_attrs; i++)
    if (shtat_exchange_name_equal (el->names[i], name))
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
  if (shtat_exchange_is_blank (value))
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
  reason = shtat_exchange_parse_date (value, FALSE, out);
  return reason == NULL || attr_fail (el, name, reason, error);
}

static gboolean
attr_enum (Element    *el,
           const char *name,
           ShtatExchangeEnum    kind,
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
  reason = shtat_exchange_parse_enum (kind, value, out);
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
  reason = shtat_exchange_check_code (*out);
  /* What libxml2 takes for an NMTOKEN, which is not quite what GLib takes
   * for letters and digits */
  if (reason == NULL && !el->self->with_schema && xmlValidateNMToken (BAD_CAST *out, 0) != 0)
    reason = g_strdup_printf (_("“%s” is not a code (1 to 64 letters, digits, “-”, “_”, “.”)"), *out);
  return reason == NULL || attr_fail (el, name, reason, error);
}

static const char * const centre_attrs[] = {
  "code", "name-kk", "name-ru", "district", "akimat", NULL,
};

static gboolean
xml_centre (XmlRead *self,
            const RawElement *node,
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

  /* codes are NMTOKENs to the schema, which knows no uniqueness */
  if (g_hash_table_lookup_extended (self->codes, code, NULL, &other))
    {
      self->beyond_schema = TRUE;
      return xml_fail (self, SHTAT_EXCHANGE_ERROR_DUPLICATE, element_record (&el), error,
                       _("the code is already used on line %u"), GPOINTER_TO_UINT (other));
    }

  centre->code = g_strdup (code);
  centre->name_kk = g_strdup (name_kk);
  centre->name_ru = g_strdup (name_ru);
  centre->district = g_strdup (district);
  centre->akimat = g_strdup (akimat);
  g_hash_table_insert (self->codes, centre->code, GUINT_TO_POINTER (self->line));
  g_ptr_array_add (self->centres, g_steal_pointer (&centre));
  return TRUE;
}

static const char * const employee_attrs[] = {
  "iin", "surname", "name", "patronymic", "birth-date", "sex", NULL,
};

static gboolean
xml_employee_start (XmlRead *self,
                    const RawElement *node,
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
  reason = shtat_exchange_parse_iin (iin, employee->iin);
  if (reason != NULL)
    {
      /* The schema asks for twelve digits only: their date and check digit
       * are the reader's own rules. */
      self->beyond_schema = strlen (iin) == SHTAT_IIN_LENGTH
                            && strspn (iin, "0123456789") == SHTAT_IIN_LENGTH;
      return attr_fail (&el, "iin", reason, error);
    }

  if (!attr_text (&el, "surname", TRUE, &surname, error)
      || !attr_text (&el, "name", TRUE, &name, error)
      || !attr_text (&el, "patronymic", FALSE, &patronymic, error)
      || !attr_date (&el, "birth-date", TRUE, &employee->birth_date, error)
      || !attr_enum (&el, "sex", SHTAT_EXCHANGE_ENUM_SEX, TRUE, &sex, error))
    return FALSE;

  if (g_hash_table_lookup_extended (self->iins, employee->iin, NULL, &other))
    {
      self->beyond_schema = TRUE;
      return xml_fail (self, SHTAT_EXCHANGE_ERROR_DUPLICATE, element_record (&el), error,
                       _("the IIN is already used on line %u"), GPOINTER_TO_UINT (other));
    }

  employee->surname = g_strdup (surname);
  employee->name = g_strdup (name);
  employee->patronymic = g_strdup (patronymic);
  employee->sex = shtat_exchange_sex_from_index (sex);

  self->employee = g_steal_pointer (&employee);
  self->last_kind = -1;
  shtat_exchange_lines_reset (&self->lines, self->line);
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

  if (!attr_enum (el, "level", SHTAT_EXCHANGE_ENUM_EDUCATION_LEVEL, TRUE, &level, error)
      || !attr_enum (el, "field", SHTAT_EXCHANGE_ENUM_FIELD, FALSE, &e.field, error)
      || !attr_bool (el, "relevant", &e.relevant, error)
      || !attr_text (el, "specialty", FALSE, &specialty, error)
      || !attr_text (el, "institution", FALSE, &institution, error)
      || !attr_text (el, "diploma", FALSE, &diploma, error)
      || !attr_typed (el, "year", FALSE, &year, error))
    return FALSE;
  if (year != NULL && (reason = shtat_exchange_parse_year (year, &e.year)) != NULL)
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
      || !attr_enum (el, "sector", SHTAT_EXCHANGE_ENUM_SECTOR, TRUE, &sector, error)
      || !attr_text (el, "position", FALSE, &position, error)
      || !attr_enum (el, "level", SHTAT_EXCHANGE_ENUM_LEVEL, FALSE, &p.level, error)
      || !attr_enum (el, "category", SHTAT_EXCHANGE_ENUM_CATEGORY, FALSE, &p.category, error)
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

/* The schema's rate: a decimal above 0 and at most 9.99 with at most two
 * fraction digits. Only the forms Shtat writes are taken ("1", "0.25"); any
 * other is left to the schema to judge. */
static gboolean
rate_as_schema (const char *value,
                int         rate)
{
  const char *p = value;
  guint fraction = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      fraction++;
  return *p == '\0' && fraction <= 2 && (p[-1] != '.') && rate > 0 && rate <= 999;
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
      || !attr_enum (el, "level", SHTAT_EXCHANGE_ENUM_LEVEL, FALSE, &a.level, error)
      || !attr_enum (el, "category", SHTAT_EXCHANGE_ENUM_CATEGORY, FALSE, &a.category, error)
      || !attr_typed (el, "rate", TRUE, &rate, error))
    return FALSE;
  if ((reason = shtat_exchange_parse_rate (rate, FALSE, &a.rate)) != NULL)
    return attr_fail (el, "rate", reason, error);
  if (!el->self->with_schema && !rate_as_schema (rate, a.rate))
    return attr_fail (el, "rate",
                      g_strdup_printf (_("“%s” is not a rate in staff units (1, 0.5, 0.25…)"), rate),
                      error);
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
           const RawElement *node,
           GError **error)
{
  static const char * const *allowed[SHTAT_N_RECORD_KINDS] = {
    education_attrs, certificate_attrs, period_attrs, assignment_attrs,
  };
  int kind = -1;
  guint n;
  Element el;
  gboolean ok = FALSE;

  for (guint k = 0; k < SHTAT_N_RECORD_KINDS; k++)
    if (g_str_equal (node->name, shtat_exchange_kind_elements[k]))
      kind = (int) k;

  if (kind < 0)
    {
      g_autofree char *record = shtat_exchange_record_label (self->employee->iin, self->n_employees, -1, 0);

      return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                       _("the element “%s” is not allowed in an employee"), node->name);
    }

  n = shtat_exchange_employee_children (self->employee, (ShtatRecordKind) kind)->len + 1;
  if (kind < self->last_kind)
    {
      g_autofree char *record = shtat_exchange_record_label (self->employee->iin, self->n_employees, kind, n);

      return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                       _("“%s” must come before “%s” (education, certificates, periods, assignments)"),
                       shtat_exchange_kind_elements[kind], shtat_exchange_kind_elements[self->last_kind]);
    }
  self->last_kind = kind;

  if (!element_load (&el, self, kind, n, node, allowed[kind], error))
    return FALSE;

  switch ((ShtatRecordKind) kind)
    {
    case SHTAT_RECORD_EDUCATION:
      ok = xml_education (&el, self->employee, error);
      break;
    case SHTAT_RECORD_CERTIFICATE:
      ok = xml_certificate (&el, self->employee, error);
      break;
    case SHTAT_RECORD_PERIOD:
      ok = xml_period (&el, self->employee, error);
      break;
    case SHTAT_RECORD_ASSIGNMENT:
      ok = xml_assignment (&el, self->employee, error);
      break;
    case SHTAT_N_RECORD_KINDS:
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
  fraction = (double) (self->reader != NULL ? xmlTextReaderByteConsumed (self->reader)
                                             : self->consumed)
             / (double) self->size;
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

  /* The sink's errors (the import's checks, the database's) are not the
   * schema's either. */
  if (self->sink != NULL && self->sink->check != NULL
      && !self->sink->check (self->centres, employee, &self->lines, self->sink_data, error))
    {
      self->beyond_schema = TRUE;
      return FALSE;
    }

  /* Handed on, then dropped; not when the schema already refused the file */
  if (self->sink == NULL)
    g_ptr_array_add (self->employees, g_steal_pointer (&employee));
  else if (self->pending == NULL && self->sink->take != NULL
           && !self->sink->take (self->centres, employee, self->lines.line, self->sink_data, error))
    {
      self->beyond_schema = TRUE;
      return FALSE;
    }

  if (self->n_employees % SHTAT_EXCHANGE_CHECK_EVERY == 0)
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
    return shtat_exchange_record_label (self->employee->iin, self->n_employees, self->last_kind,
                         shtat_exchange_employee_children (self->employee, (ShtatRecordKind) self->last_kind)->len);
  return shtat_exchange_record_label (self->employee->iin, self->n_employees, -1, 0);
}

static gboolean
xml_root (XmlRead *self,
          const RawElement *node,
          GError **error)
{
  static const char * const root_attrs[] = { "format", NULL };
  const char *format;
  Element el;

  if (!g_str_equal (node->name, "personnel") || node->in_ns)
    return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                     _("the document is “%s”, not a personnel file (“personnel”)"), node->name);
  if (!element_load (&el, self, ELEMENT_ROOT, 1, node, root_attrs, error)
      || !attr_typed (&el, "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, SHTAT_PERSONNEL_XML_FORMAT))
    return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                     _("the file is in format “%s”; this version of Shtat reads format %s"),
                     format, SHTAT_PERSONNEL_XML_FORMAT);
  return TRUE;
}

/* An element that starts at @depth; @empty: it has no content. FALSE stops
 * with @error set. */
static gboolean
xml_element (XmlRead          *self,
             int               depth,
             const RawElement *node,
             gboolean          empty,
             GError          **error)
{
  if (depth == 0)
    return xml_root (self, node, error);
  if (node->in_ns && !self->with_schema)
    {
      g_autofree char *record = xml_current_record (self);

      return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                       _("the element “%s” is not allowed here"), node->name);
    }
  if (depth == 1 && g_str_equal (node->name, "centre"))
    {
      if (self->n_employees > 0)
        return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                         _("centres must come before the employees"));
      if (!empty)
        return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                         _("the element “%s” must be empty"), "centre");
      return xml_centre (self, node, error);
    }
  if (depth == 1 && g_str_equal (node->name, "employee"))
    {
      if (!xml_employee_start (self, node, error))
        return FALSE;
      return !empty || xml_employee_end (self, error);
    }
  if (depth == 2 && self->employee != NULL)
    {
      if (!empty)
        {
          g_autofree char *record = shtat_exchange_record_label (self->employee->iin, self->n_employees, -1, 0);

          return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                           _("the element “%s” must be empty"), node->name);
        }
      return xml_child (self, node, error);
    }
  {
    g_autofree char *record = xml_current_record (self);

    return xml_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, record, error,
                     _("the element “%s” is not allowed here"), node->name);
  }
}

/* The node the reader is on; FALSE stops with @error set. */
static gboolean
xml_node (XmlRead *self,
          GError **error)
{
  int type = xmlTextReaderNodeType (self->reader);
  int depth = xmlTextReaderDepth (self->reader);

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      {
        RawElement raw;

        raw_from_node (self, xmlTextReaderCurrentNode (self->reader), &raw);
        return xml_element (self, depth, &raw, xmlTextReaderIsEmptyElement (self->reader) == 1,
                            error);
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

        if (shtat_exchange_is_blank (value))
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

/* ------------------------------------------------------------------------ */
/* XML: reading without the validator                                       */

/* Stops the parsing, keeping the first error. Takes @local_error. */
static void
sax_fail (XmlRead *self,
          GError  *local_error)
{
  if (!self->sax_failed)
    {
      self->sax_failed = TRUE;
      self->sax_error = local_error;
      xmlStopParser (self->ctxt);
    }
  else
    g_clear_error (&local_error);
}

/* Anything that exchange files never hold, or that the schema refuses,
 * where a SAX callback needs no more than that. Its message is not shown:
 * the file is read again with the validator, which says what is wrong. */
static void
sax_refuse (XmlRead *self)
{
  sax_fail (self, g_error_new (SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, "%s:%u: %s",
                               self->file, self->line, _("not a valid personnel file")));
}

static void
sax_start_element_cb (void           *ctx,
                      const xmlChar  *localname,
                      const xmlChar  *prefix,
                      const xmlChar  *uri,
                      int             nb_namespaces,
                      const xmlChar **namespaces,
                      int             nb_attributes,
                      int             nb_defaulted,
                      const xmlChar **attributes)
{
  XmlRead *self = ctx;
  int depth = self->sax_depth++;
  GError *local_error = NULL;
  RawElement raw;
  gboolean must_be_empty;

  if (self->sax_failed)
    return;
  self->line = (guint) self->ctxt->input->line;
  if (self->empty_depth >= 0)
    {
      sax_refuse (self);
      return;
    }

  g_ptr_array_set_size (self->raw_scratch, 0);
  raw.name = (const char *) localname;
  raw.in_ns = uri != NULL;
  raw.n_attrs = 0;
  for (int i = 0; i < nb_attributes && raw.n_attrs <= MAX_ATTRS; i++)
    {
      const char *value = (const char *) attributes[5 * i + 3];
      const char *end = (const char *) attributes[5 * i + 4];
      const char *amp = memchr (value, '&', (gsize) (end - value));
      char *copy;

      /* libxml2 hands "&amp;" on as "&#38;" for a tree builder to expand;
       * no other reference is left in an attribute of a file without a
       * DOCTYPE. */
      if (amp == NULL)
        copy = g_strndup (value, (gsize) (end - value));
      else
        {
          GString *s = g_string_sized_new ((gsize) (end - value));

          for (const char *p = value; p < end;)
            if (end - p >= 5 && memcmp (p, "&#38;", 5) == 0)
              {
                g_string_append_c (s, '&');
                p += 5;
              }
            else
              g_string_append_c (s, *p++);
          copy = g_string_free (s, FALSE);
        }
      g_ptr_array_add (self->raw_scratch, copy);
      raw.attr_names[raw.n_attrs] = (const char *) attributes[5 * i];
      raw.attr_values[raw.n_attrs] = copy;
      raw.attr_in_ns[raw.n_attrs] = attributes[5 * i + 2] != NULL;
      raw.n_attrs++;
    }

  /* Every element but the root and the employees must be empty: taken as
   * such here, and checked at its end. */
  must_be_empty = depth > 0 && !(depth == 1 && g_str_equal (raw.name, "employee"));
  if (depth == 0)
    self->sax_root = TRUE;
  if (!xml_element (self, depth, &raw, must_be_empty, &local_error))
    sax_fail (self, local_error);
  else if (must_be_empty)
    self->empty_depth = depth;
}

static void
sax_end_element_cb (void          *ctx,
                    const xmlChar *localname,
                    const xmlChar *prefix,
                    const xmlChar *uri)
{
  XmlRead *self = ctx;
  int depth = --self->sax_depth;
  GError *local_error = NULL;

  if (self->sax_failed)
    return;
  if (self->empty_depth == depth)
    {
      const xmlChar *cur = self->ctxt->input->cur;

      /* The reader takes <centre …/> only, not <centre …></centre>. */
      self->empty_depth = -1;
      if (cur - self->ctxt->input->base < 2 || cur[-2] != '/' || cur[-1] != '>')
        sax_refuse (self);
      return;
    }
  if (depth == 1 && self->employee != NULL && !xml_employee_end (self, &local_error))
    sax_fail (self, local_error);
}

static void
sax_characters_cb (void          *ctx,
                   const xmlChar *ch,
                   int            len)
{
  XmlRead *self = ctx;

  if (self->sax_failed)
    return;
  if (self->empty_depth >= 0)
    {
      sax_refuse (self);
      return;
    }
  for (int i = 0; i < len; i++)
    if (!g_ascii_isspace (ch[i]))
      {
        sax_refuse (self);
        return;
      }
}

static void
sax_doctype_cb (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  sax_refuse (ctx);
}

static void
sax_entity_decl_cb (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  sax_refuse (ctx);
}

static void
sax_reference_cb (void          *ctx,
                  const xmlChar *name)
{
  sax_refuse (ctx);
}

/* Any complaint of libxml2, a warning included. */
static void
sax_error_cb (void        *ctx,
              xmlErrorPtr  err)
{
  sax_refuse (ctx);
}

/* Reads the open @fd with SAX callbacks, building no tree. */
static gboolean
xml_sax_read (XmlRead *self,
              int      fd,
              GError **error)
{
  xmlSAXHandler sax = { 0 };
  g_autofree char *buf = g_malloc (64 * 1024);
  gssize n;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = sax_start_element_cb;
  sax.endElementNs = sax_end_element_cb;
  sax.characters = sax_characters_cb;
  sax.ignorableWhitespace = sax_characters_cb;
  sax.cdataBlock = sax_characters_cb;
  sax.internalSubset = sax_doctype_cb;
  sax.externalSubset = sax_doctype_cb;
  sax.entityDecl = sax_entity_decl_cb;
  sax.reference = sax_reference_cb;
  sax.serror = sax_error_cb;

  self->empty_depth = -1;
  self->ctxt = xmlCreatePushParserCtxt (&sax, self, NULL, 0, self->path);
  if (self->ctxt == NULL)
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", self->file,
                   _("cannot read the file"));
      return FALSE;
    }
  /* No NOENT, DTDLOAD, XINCLUDE or HUGE, as for the reader */
  xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);

  while (!self->sax_failed && (n = read (fd, buf, 64 * 1024)) != 0)
    {
      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          xmlFreeParserCtxt (g_steal_pointer (&self->ctxt));
          g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", self->file,
                       g_strerror (saved));
          return FALSE;
        }
      self->consumed += n;
      xmlParseChunk (self->ctxt, buf, (int) n, 0);
    }
  if (!self->sax_failed)
    xmlParseChunk (self->ctxt, NULL, 0, 1);
  if (!self->sax_failed && (!self->ctxt->wellFormed || !self->sax_root || self->employee != NULL))
    sax_refuse (self);
  xmlFreeParserCtxt (g_steal_pointer (&self->ctxt));

  if (self->sax_failed)
    {
      g_propagate_error (error, g_steal_pointer (&self->sax_error));
      return FALSE;
    }
  return TRUE;
}

/* One reading of @path; @with_schema: libxml2's RelaxNG validator follows
 * it too, else the reader checks the rules of the schema itself. On failure,
 * @beyond_schema (if not NULL) says whether the error is about something
 * other than a rule of the schema. */
static gboolean
xml_read_pass (const char               *path,
               const ShtatPersonnelSink *sink,
               gpointer                  sink_data,
               gboolean                  with_schema,
               gboolean                 *beyond_schema,
               GPtrArray               **out_centres,
               GPtrArray               **out_employees,
               GCancellable             *cancellable,
               ShtatProgressFunc         progress,
               gpointer                  user_data,
               double                    progress_scale,
               GError                  **error)
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
  self.sink = sink;
  self.sink_data = sink_data;
  self.with_schema = with_schema;
  self.centres = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_centre_unref);
  self.employees = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_employee_unref);
  self.codes = g_hash_table_new (g_str_hash, g_str_equal);
  self.iins = g_hash_table_new (g_str_hash, g_str_equal);
  self.iin_chunk = g_string_chunk_new (16 * 1024);
  self.scratch = g_ptr_array_new_with_free_func (g_free);
  self.raw_scratch = g_ptr_array_new_with_free_func (g_free);
  shtat_exchange_lines_init (&self.lines);

  if (!shtat_exchange_stat_regular (path, self.file, &self.size, error)
      || !shtat_exchange_check_xml_prolog (path, self.file, error))
    goto out;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", self.file,
                   g_strerror (saved));
      goto out;
    }

  if (!with_schema)
    {
      if (!xml_sax_read (&self, fd, error))
        goto out;
      if (out_centres != NULL)
        *out_centres = g_steal_pointer (&self.centres);
      if (out_employees != NULL)
        *out_employees = g_steal_pointer (&self.employees);
      ok = TRUE;
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
  if (with_schema
      && xmlTextReaderRelaxNGSetSchema (self.reader, shtat_xml_get_schema (RESOURCE_PERSONNEL_RNG)) != 0)
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
          shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_FORBIDDEN, self.file,
                        self.collector.line > 0 ? (guint) self.collector.line : self.line, NULL,
                        "%s",
                        _("a DOCTYPE declaration is not allowed in personnel files (entities are never expanded)"));
          goto out;
        }
    }

  if (self.pending == NULL && self.collector.message != NULL)
    {
      /* Not well-formed, or invalid at the very end. */
      shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR,
                    rc < 0 ? SHTAT_EXCHANGE_ERROR_PARSE : SHTAT_EXCHANGE_ERROR_SCHEMA, self.file,
                    self.collector.line > 0 && self.collector.line < 65535
                      ? (guint) self.collector.line : self.line,
                    NULL, "%s", self.collector.message);
      goto out;
    }
  if (self.pending != NULL)
    {
      shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_SCHEMA, self.file,
                    self.pending_line, NULL, _("the file does not follow the schema: %s"),
                    self.pending);
      goto out;
    }
  if (rc < 0 || self.reader == NULL || (with_schema && xmlTextReaderIsValid (self.reader) != 1))
    {
      shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, rc < 0 ? SHTAT_EXCHANGE_ERROR_PARSE
                                                        : SHTAT_EXCHANGE_ERROR_SCHEMA,
                    self.file, self.line, NULL, "%s", _("not a valid personnel file"));
      goto out;
    }
  if (self.employee != NULL || self.line == 0)
    {
      shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE, self.file,
                    self.line, NULL, "%s", _("the file ends too early"));
      goto out;
    }

  if (out_centres != NULL)
    *out_centres = g_steal_pointer (&self.centres);
  if (out_employees != NULL)
    *out_employees = g_steal_pointer (&self.employees);
  ok = TRUE;

out:
  if (beyond_schema != NULL)
    *beyond_schema = !ok && self.beyond_schema;
  xml_read_clear (&self);
  xmlSetGenericErrorFunc (NULL, NULL);
  if (fd >= 0)
    close (fd);
  return ok;
}

gboolean
shtat_personnel_xml_read_records (const char               *path,
                                  ShtatPersonnelXmlRules    rules,
                                  const ShtatPersonnelSink *sink,
                                  gpointer                  sink_data,
                                  GPtrArray               **out_centres,
                                  GPtrArray               **out_employees,
                                  GCancellable             *cancellable,
                                  ShtatProgressFunc         progress,
                                  gpointer                  user_data,
                                  double                    progress_scale,
                                  GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean beyond_schema = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rules != SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA)
    return xml_read_pass (path, sink, sink_data, rules == SHTAT_PERSONNEL_XML_SCHEMA, NULL, out_centres,
                          out_employees, cancellable, progress, user_data, progress_scale, error);

  /* libxml2's validator takes longer than the reading itself; the reader
   * checks the same rules, and only a file it refuses on one of them is read
   * again with the validator, so that the messages are the schema's where it
   * speaks first. An error beyond the schema (an IIN's check digit, the
   * import's checks, the database) would come back the same: it stands. */
  if (xml_read_pass (path, sink, sink_data, FALSE, &beyond_schema, out_centres, out_employees,
                     cancellable, progress, user_data, progress_scale, &local_error))
    return TRUE;
  if (beyond_schema || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || (sink != NULL && sink->restart != NULL && !sink->restart (sink_data, NULL)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return xml_read_pass (path, sink, sink_data, TRUE, NULL, out_centres, out_employees, cancellable,
                        progress, user_data, progress_scale, error);
}

gboolean
shtat_personnel_xml_read (const char        *path,
                          GPtrArray        **out_centres,
                          GPtrArray        **out_employees,
                          GCancellable      *cancellable,
                          ShtatProgressFunc  progress,
                          gpointer           user_data,
                          GError           **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_personnel_xml_read_records (path, SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA, NULL, NULL,
                                         out_centres, out_employees, cancellable,
                                         progress, user_data, 1.0, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
