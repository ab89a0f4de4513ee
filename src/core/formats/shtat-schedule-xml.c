/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <math.h>
#include <string.h>

/* The reader restores a version as stored (status, approval, checksum), which
 * the public setters of a schedule refuse for anything but a draft. */
#include "shtat-schedule-private.h"
#include "shtat-schedule-xml.h"
#include "shtat-text.h"
#include "shtat-units.h"
#include "shtat-xml-private.h"

#define RESOURCE_SCHEDULE_RNG "/io/github/shtat/Shtat/norms/schedule.rng"
#define MAX_XML_BYTES (16 * 1024 * 1024)

/* ------------------------------------------------------------------------ */
/* Canonical XML: writing                                                   */

typedef enum
{
  XML_FULL,     /* the document as saved */
  XML_HASHED,   /* what the checksum covers: as it was at approval */
} XmlForm;

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, in_attribute ? "&quot;" : "\"");
          break;
        case '\r':
          /* a raw CR would come back as LF */
          g_string_append (out, "&#13;");
          break;
        case '\n':
          /* attribute values are normalised: a raw LF or tab would come back as a space */
          g_string_append (out, in_attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, in_attribute ? "&#9;" : "\t");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static char *
iso_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
append_date_attr (GString     *out,
                  const char  *name,
                  const GDate *date)
{
  g_autofree char *iso = iso_date (date);

  append_attr (out, name, iso);
}

static void
append_uint_attr (GString    *out,
                  const char *name,
                  guint64     value)
{
  g_string_append_printf (out, " %s=\"%" G_GUINT64_FORMAT "\"", name, value);
}

static void
append_text_element (GString    *out,
                     const char *name,
                     const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (out, "    <%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static GString *
write_xml (const ShtatSchedule *self,
           XmlForm              form)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule format=\"1\"");
  ShtatScheduleStatus status = self->status;

  if (form == XML_HASHED && status == SHTAT_SCHEDULE_SUPERSEDED)
    status = SHTAT_SCHEDULE_APPROVED;

  append_attr (out, "centre", self->centre);
  append_uint_attr (out, "version", self->version);
  append_attr (out, "status", shtat_schedule_status_to_string (status));
  append_attr (out, "table", self->table);
  append_date_attr (out, "as-of", &self->drivers.as_of);
  if (form == XML_FULL && self->status == SHTAT_SCHEDULE_SUPERSEDED)
    append_uint_attr (out, "superseded-by", self->superseded_by);
  g_string_append (out, ">\n");

  if (g_date_valid (&self->appeals_from) || g_date_valid (&self->appeals_to) || self->appeals_source != NULL)
    {
      g_string_append (out, "  <appeals-period");
      append_date_attr (out, "from", &self->appeals_from);
      append_date_attr (out, "to", &self->appeals_to);
      append_attr (out, "source", self->appeals_source);
      g_string_append (out, "/>\n");
    }

  for (guint d = 0; d < SHTAT_N_DRIVERS; d++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (!self->drivers.set[d])
        continue;
      shtat_schedule_format_driver_value (self->drivers.values[d], buf, sizeof buf);
      g_string_append (out, "  <driver");
      append_attr (out, "name", shtat_driver_to_string (d));
      append_attr (out, "value", buf);
      g_string_append (out, "/>\n");
    }

  for (guint f = 0; f < SHTAT_N_FLAGS; f++)
    if (self->drivers.flags[f])
      {
        g_string_append (out, "  <flag");
        append_attr (out, "name", shtat_flag_to_string (f));
        g_string_append (out, "/>\n");
      }

  if (self->has_approval)
    {
      g_string_append (out, "  <approval");
      append_attr (out, "akimat", self->approval.akimat);
      append_attr (out, "order-number", self->approval.order_number);
      append_date_attr (out, "order-date", &self->approval.order_date);
      append_attr (out, "signatory", self->approval.signatory);
      append_date_attr (out, "effective", &self->approval.effective);
      g_string_append (out, "/>\n");
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      const ShtatScheduleLine *line = g_ptr_array_index (self->lines, i);
      g_autofree char *units = shtat_units_format (line->units);

      g_string_append (out, "  <line");
      append_attr (out, "unit", line->unit);
      append_attr (out, "position", line->position);
      append_attr (out, "grade", line->grade);
      append_attr (out, "units", units);
      append_uint_attr (out, "salary", (guint64) line->salary);
      append_uint_attr (out, "allowances", (guint64) line->allowances);
      if (line->justification == NULL && line->reference == NULL)
        {
          g_string_append (out, "/>\n");
          continue;
        }
      g_string_append (out, ">\n");
      append_text_element (out, "justification", line->justification);
      append_text_element (out, "reference", line->reference);
      g_string_append (out, "  </line>\n");
    }

  if (form == XML_FULL && self->sha256 != NULL)
    g_string_append_printf (out, "  <sha256>%s</sha256>\n", self->sha256);

  g_string_append (out, "</schedule>\n");
  return out;
}

/**
 * shtat_schedule_compute_sha256:
 * @schedule: a schedule
 *
 * The SHA-256 (lower-case hexadecimal) of the canonical XML of @schedule as it
 * was at approval (see shtat_schedule_to_xml()); a #ShtatScheduleDigestFunc.
 *
 * Returns: (transfer full): the checksum.
 */
char *
shtat_schedule_compute_sha256 (const ShtatSchedule *self)
{
  g_autoptr(GString) xml = write_xml (self, XML_HASHED);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) xml->str, xml->len);
}

/**
 * shtat_schedule_to_xml:
 * @schedule: a schedule
 *
 * The same schedule always gives the same bytes: UTF-8, fixed element and
 * attribute order, two-space indentation, one element per line, ISO dates,
 * units as "2.5", money as integer tiyn. The checksum of an approved version is
 * the SHA-256 of this document as it was at approval: status "approved",
 * without the superseded-by attribute and without the <sha256> element.
 *
 * Returns: (transfer full): the document.
 */
GBytes *
shtat_schedule_to_xml (const ShtatSchedule *schedule)
{
  GString *xml;

  g_return_val_if_fail (schedule != NULL, NULL);

  xml = write_xml (schedule, XML_FULL);
  return g_string_free_to_bytes (xml);
}

/* ------------------------------------------------------------------------ */
/* The seal: the workflow's transition, with the checksum of this XML       */

/**
 * shtat_schedule_approve:
 * @schedule: a submitted version
 * @library: the norms
 * @table: (nullable): the table to check against; NULL: the schedule's own
 * @grid: (nullable): prices positions no line gives a salary for
 * @approval: the akimat's order
 * @previous: (nullable): the approved version of the same centre it replaces
 * @error: return location for a #GError
 *
 * submitted → approved: needs every field of @approval and a compliance check
 * without errors. Stores the SHA-256 of the canonical XML. @previous becomes
 * superseded; nothing changes unless every condition holds. The transition is
 * shtat_schedule_approve_with_digest() of the schedule layer; the seal is made
 * here, where the canonical XML is.
 *
 * Returns: TRUE when approved.
 */
gboolean
shtat_schedule_approve (ShtatSchedule         *schedule,
                        ShtatNormLibrary      *library,
                        const ShtatNormTable  *table,
                        ShtatPayGrid          *grid,
                        const ShtatApproval   *approval,
                        ShtatSchedule         *previous,
                        GError               **error)
{
  return shtat_schedule_approve_with_digest (schedule, library, table, grid, approval, previous,
                                             shtat_schedule_compute_sha256, error);
}

/**
 * shtat_schedule_verify:
 * @schedule: a version
 * @error: return location for a #GError
 *
 * For an approved or superseded version: its content still gives the SHA-256
 * stored at approval (SHTAT_SCHEDULE_ERROR_TAMPERED otherwise). TRUE for drafts
 * and submitted versions (nothing to check).
 *
 * Returns: TRUE when it can be trusted.
 */
gboolean
shtat_schedule_verify (const ShtatSchedule  *schedule,
                       GError              **error)
{
  return shtat_schedule_verify_with_digest (schedule, shtat_schedule_compute_sha256, error);
}

/* ------------------------------------------------------------------------ */
/* Canonical XML: reading                                                   */

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

static gboolean
fail_node (GError     **error,
           xmlNode     *node,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_node (GError     **error,
           xmlNode     *node,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "line 12: <what is wrong>", in a schedule file */
  g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_SCHEMA, _("line %ld: %s"),
               xmlGetLineNo (node), message);
  return FALSE;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *ret = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return ret;
}

static char *
get_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *ret = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return ret;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

/* YYYY-MM-DD and a real day; absent attributes leave @out cleared. */
static gboolean
read_date (xmlNode     *node,
           const char  *name,
           GDate       *out,
           GError     **error)
{
  g_autofree char *value = get_attr (node, name);
  guint y, m, d;

  g_date_clear (out, 1);
  if (value == NULL)
    return TRUE;
  for (guint i = 0; i < 10 && value[i] != '\0'; i++)
    if (i == 4 || i == 7 ? value[i] != '-' : !g_ascii_isdigit (value[i]))
      return fail_node (error, node, _("“%s” is not a date (YYYY-MM-DD)"), value);
  y = (guint) g_ascii_strtoull (value, NULL, 10);
  m = (guint) g_ascii_strtoull (value + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (value + 8, NULL, 10);
  if (strlen (value) == 10 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      return TRUE;
    }
  return fail_node (error, node, _("“%s” is not a date (YYYY-MM-DD)"), value);
}

static gboolean
read_money (xmlNode     *node,
            const char  *name,
            gint64      *out,
            GError     **error)
{
  g_autofree char *value = get_attr (node, name);

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, out, NULL))
    return fail_node (error, node, _("“%s” is not a sum in tiyn"), value != NULL ? value : "");
  return TRUE;
}

static gboolean
read_text (xmlNode     *node,
           char       **field,
           char        *value,
           const char  *what,
           GError     **error)
{
  g_autofree char *owned = value;
  g_autoptr(GError) local = NULL;

  if (!shtat_schedule_check_text (owned, what, &local))
    return fail_node (error, node, "%s", local->message);
  shtat_schedule_set_string (field, owned);
  return TRUE;
}

static gboolean
read_line (ShtatSchedule  *self,
           xmlNode        *node,
           GError        **error)
{
  ShtatScheduleLine *line = g_new0 (ShtatScheduleLine, 1);
  g_autofree char *units = get_attr (node, "units");

  g_ptr_array_add (self->lines, line);
  if (!read_text (node, &line->unit, get_attr (node, "unit"), _("Structural unit"), error)
      || !read_text (node, &line->position, get_attr (node, "position"), _("Position"), error)
      || !read_text (node, &line->grade, get_attr (node, "grade"), _("Category or grade"), error))
    return FALSE;
  if (units == NULL || !shtat_units_parse (units, &line->units) || line->units > SHTAT_SCHEDULE_MAX_LINE_UNITS)
    return fail_node (error, node, _("“%s” is not a number of staff units"), units != NULL ? units : "");
  if (!read_money (node, "salary", &line->salary, error)
      || !read_money (node, "allowances", &line->allowances, error))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is (child, "justification")
          && !read_text (child, &line->justification, get_content (child), _("Justification"), error))
        return FALSE;
      if (is (child, "reference")
          && !read_text (child, &line->reference, get_content (child), _("Reference to the typical norm"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_schedule (ShtatSchedule  *self,
               xmlNode        *root,
               GError        **error)
{
  g_autofree char *version = get_attr (root, "version");
  g_autofree char *status = get_attr (root, "status");
  g_autofree char *superseded_by = get_attr (root, "superseded-by");
  guint64 number;

  if (!read_text (root, &self->centre, get_attr (root, "centre"), _("Centre"), error)
      || !read_text (root, &self->table, get_attr (root, "table"), _("Norm table"), error))
    return FALSE;
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, SHTAT_SCHEDULE_MAX_VERSION, &number, NULL))
    return fail_node (error, root, _("“%s” is not a version number"), version != NULL ? version : "");
  self->version = (guint) number;
  if (!shtat_schedule_status_from_string (status, &self->status))
    return fail_node (error, root, _("“%s” is not a status"), status != NULL ? status : "");
  if (!read_date (root, "as-of", &self->drivers.as_of, error))
    return FALSE;
  if (superseded_by != NULL)
    {
      if (!g_ascii_string_to_unsigned (superseded_by, 10, 1, SHTAT_SCHEDULE_MAX_VERSION, &number, NULL))
        return fail_node (error, root, _("“%s” is not a version number"), superseded_by);
      self->superseded_by = (guint) number;
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is (node, "appeals-period"))
        {
          if (!read_date (node, "from", &self->appeals_from, error)
              || !read_date (node, "to", &self->appeals_to, error)
              || !read_text (node, &self->appeals_source, get_attr (node, "source"),
                             _("Source of the appeal figures"), error))
            return FALSE;
          if (g_date_valid (&self->appeals_from) && g_date_valid (&self->appeals_to)
              && g_date_compare (&self->appeals_from, &self->appeals_to) > 0)
            return fail_node (error, node, "%s", _("The appeals period ends before it starts"));
        }
      else if (is (node, "driver"))
        {
          g_autofree char *name = get_attr (node, "name");
          g_autofree char *value = get_attr (node, "value");
          g_autoptr(GError) local = NULL;
          ShtatDriver driver;
          char *end = NULL;
          double v;

          if (!shtat_driver_from_string (name, &driver))
            return fail_node (error, node, _("Unknown figure “%s”"), name != NULL ? name : "");
          if (self->drivers.set[driver])
            return fail_node (error, node, _("“%s” is given twice"), name);
          v = value != NULL ? g_ascii_strtod (value, &end) : NAN;
          if (end == NULL || end == value || *end != '\0' || !shtat_schedule_check_driver_value (driver, v, &local))
            return fail_node (error, node, _("“%s” is not a valid value for “%s”"),
                              value != NULL ? value : "", shtat_driver_get_label (driver));
          shtat_drivers_set (&self->drivers, driver, shtat_schedule_normalise_driver_value (v));
        }
      else if (is (node, "flag"))
        {
          g_autofree char *name = get_attr (node, "name");
          ShtatFlag flag;

          if (!shtat_flag_from_string (name, &flag))
            return fail_node (error, node, _("Unknown figure “%s”"), name != NULL ? name : "");
          self->drivers.flags[flag] = TRUE;
        }
      else if (is (node, "approval"))
        {
          g_autofree char *akimat = get_attr (node, "akimat");
          g_autofree char *order_number = get_attr (node, "order-number");
          g_autofree char *signatory = get_attr (node, "signatory");
          g_autoptr(GError) local = NULL;

          shtat_approval_clear (&self->approval);
          if (!read_date (node, "order-date", &self->approval.order_date, error)
              || !read_date (node, "effective", &self->approval.effective, error))
            return FALSE;
          self->approval.akimat = g_steal_pointer (&akimat);
          self->approval.order_number = g_steal_pointer (&order_number);
          self->approval.signatory = g_steal_pointer (&signatory);
          self->has_approval = TRUE;
          if (!shtat_approval_check (&self->approval, &local))
            return fail_node (error, node, "%s", local->message);
        }
      else if (is (node, "line"))
        {
          if (self->lines->len >= SHTAT_SCHEDULE_MAX_LINES)
            return fail_node (error, node, _("A schedule has at most %u lines"), SHTAT_SCHEDULE_MAX_LINES);
          if (!read_line (self, node, error))
            return FALSE;
        }
      else if (is (node, "sha256"))
        {
          g_free (self->sha256);
          self->sha256 = get_content (node);
        }
    }

  /* The schema ties these to the status already; a reader of this code should
   * not have to know that. */
  if ((self->status == SHTAT_SCHEDULE_APPROVED || self->status == SHTAT_SCHEDULE_SUPERSEDED)
      != (self->has_approval && self->sha256 != NULL))
    return fail_node (error, root, "%s",
                      _("Only an approved or superseded version carries an approval and a checksum, and it must carry both"));
  return TRUE;
}

/**
 * shtat_schedule_from_xml:
 * @bytes: the content of a schedule file
 * @error: return location for a #GError (SHTAT_SCHEDULE_ERROR)
 *
 * Reads a schedule file: UTF-8 only, no DOCTYPE, no network, valid against
 * schedule.rng. The checksum is read as stored: call shtat_schedule_verify().
 *
 * Returns: (transfer full) (nullable): the schedule, or NULL with @error set.
 */
ShtatSchedule *
shtat_schedule_from_xml (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(ShtatSchedule) self = NULL;
  ShtatXmlErrors collector = { 0, NULL };
  xmlParserCtxtPtr ctxt = NULL;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc = NULL;
  const char *data;
  const char *bad = NULL;
  gsize len = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_PARSE,
                           _("The schedule file is empty"));
      return NULL;
    }
  if (len > MAX_XML_BYTES)
    {
      g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN,
                           _("The schedule file is larger than 16 MB, which no schedule needs"));
      return NULL;
    }

  /* UTF-8 only: then the DOCTYPE check below cannot be slipped past in
   * another encoding. */
  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN,
                   _("line %ld: %s"), (long) line_of (data, bad),
                   _("the file is not UTF-8 text; schedule files must be written in UTF-8"));
      return NULL;
    }

  /* No DOCTYPE, so no entity is ever declared, let alone expanded, and no
   * external subset is looked for. */
  {
    const char *doctype = g_strstr_len (data, (gssize) len, "<!DOCTYPE");

    if (doctype != NULL)
      {
        g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN,
                     _("line %ld: %s"), (long) line_of (data, doctype),
                     _("a DOCTYPE declaration is not allowed in schedule files (entities are never expanded)"));
        return NULL;
      }
  }

  xmlSetGenericErrorFunc (NULL, shtat_xml_silent_cb);
  xmlSetStructuredErrorFunc (&collector, shtat_xml_errors_cb);

  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, "schedule.xml", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_PARSE, _("line %ld: %s"),
                   (long) collector.line, collector.message != NULL ? collector.message
                                                             : _("not a well-formed XML document"));
      goto out;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_FORBIDDEN, _("line %ld: %s"), 1L,
                   _("a DOCTYPE declaration is not allowed in schedule files (entities are never expanded)"));
      goto out;
    }

  vctxt = xmlRelaxNGNewValidCtxt (shtat_xml_get_schema (RESOURCE_SCHEDULE_RNG));
  xmlRelaxNGSetValidStructuredErrors (vctxt, shtat_xml_errors_cb, &collector);
  if (xmlRelaxNGValidateDoc (vctxt, doc) != 0)
    {
      g_set_error (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_SCHEMA, _("line %ld: %s"),
                   (long) collector.line, collector.message != NULL ? collector.message
                                                             : _("the document does not follow the schedule schema"));
      xmlRelaxNGFreeValidCtxt (vctxt);
      goto out;
    }
  xmlRelaxNGFreeValidCtxt (vctxt);

  self = shtat_schedule_new ();
  ok = read_schedule (self, xmlDocGetRootElement (doc), error);

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  g_free (collector.message);
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (ctxt != NULL)
    xmlFreeParserCtxt (ctxt);
  return ok ? g_steal_pointer (&self) : NULL;
}
