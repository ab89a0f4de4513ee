/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-norms"

#include "config.h"

#include "shtat-xml-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <math.h>

#include "shtat-enum.h"
#include "shtat-norms.h"
#include "shtat-norms-enums.h"
#include "shtat-norms-private.h"
#include "shtat-units.h"

/* The norm files as XML: parsing, validation, and reading them into the
 * library's model. */

/* ------------------------------------------------------------------------ */
/* XML: errors                                                              */

static gboolean
fail_at (GError       **error,
         ShtatNormError code,
         const char    *name,
         xmlNode       *node,
         const char    *format,
         ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (GError       **error,
         ShtatNormError code,
         const char    *name,
         xmlNode       *node,
         const char    *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    g_set_error (error, SHTAT_NORM_ERROR, code, "%s:%ld: %s", name, xmlGetLineNo (node), message);
  else
    g_set_error (error, SHTAT_NORM_ERROR, code, "%s: %s", name, message);

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* XML: schema                                                              */

/* Parses a norm file without ever touching the network or expanding entities,
 * refuses DOCTYPEs outright (norm files have none; entity tricks need one), and
 * validates it against the schema. */
xmlDocPtr
shtat_norms_parse_and_validate (const char *name,
                    const char *data,
                    gsize       len,
                    GError    **error)
{
  ShtatXmlErrors collector = { 0, NULL };
  xmlParserCtxtPtr ctxt;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;
  int rc;

  if (data == NULL || len == 0)
    {
      g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_PARSE, "%s:1: %s", name, _("the file is empty"));
      return NULL;
    }

  if (len > 16 * 1024 * 1024)
    {
      fail_at (error, SHTAT_NORM_ERROR_FORBIDDEN, name, NULL,
               _("the file is larger than 16 MB, which no norm set needs"));
      return NULL;
    }

  /* Norm files are UTF-8. Refusing anything else up front also means the DOCTYPE
   * check below cannot be slipped past in another encoding. */
  {
    const char *bad = NULL;

    if (!g_utf8_validate (data, (gssize) len, &bad))
      {
        guint line = 1;

        for (const char *p = data; p < bad; p++)
          line += *p == '\n';
        g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_FORBIDDEN, "%s:%u: %s", name, line,
                     _("the file is not UTF-8 text; norm files must be written in UTF-8"));
        return NULL;
      }
  }

  /* Refuse a DOCTYPE before the parser sees it, so no entity is ever declared,
   * let alone expanded, and no external subset is looked for. */
  {
    const char *doctype = g_strstr_len (data, (gssize) len, "<!DOCTYPE");

    if (doctype != NULL)
      {
        guint line = 1;

        for (const char *p = data; p < doctype; p++)
          line += *p == '\n';
        g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_FORBIDDEN, "%s:%u: %s", name, line,
                     _("a DOCTYPE declaration is not allowed in norm files (entities are never expanded)"));
        return NULL;
      }
  }

  xmlSetGenericErrorFunc (NULL, shtat_xml_silent_cb);
  xmlSetStructuredErrorFunc (&collector, shtat_xml_errors_cb);

  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING);
  if (doc == NULL || !ctxt->wellFormed)
    {
      if (collector.message == NULL)
        collector.message = g_strdup (_("not a well-formed XML document"));
      g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_PARSE, "%s:%d: %s",
                   name, collector.line, collector.message);
      g_clear_pointer (&doc, xmlFreeDoc);
      goto out;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      fail_at (error, SHTAT_NORM_ERROR_FORBIDDEN, name, (xmlNodePtr) (doc->intSubset ? doc->intSubset : doc->extSubset),
               _("a DOCTYPE declaration is not allowed in norm files (entities are never expanded)"));
      g_clear_pointer (&doc, xmlFreeDoc);
      goto out;
    }

  vctxt = xmlRelaxNGNewValidCtxt (shtat_xml_get_schema (RESOURCE_NORMS "norms.rng"));
  xmlRelaxNGSetValidStructuredErrors (vctxt, shtat_xml_errors_cb, &collector);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  if (rc != 0)
    {
      g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_SCHEMA, "%s:%d: %s",
                   name, collector.line,
                   collector.message ? collector.message : _("the document does not follow the norm schema"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

out:
  xmlFreeParserCtxt (ctxt);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  g_free (collector.message);
  return doc;
}

/* ------------------------------------------------------------------------ */
/* XML: reading the validated tree                                          */

#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = (parent)->children; child != NULL; child = child->next) \
    if (child->type == XML_ELEMENT_NODE)

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *ret;

  if (value == NULL)
    return NULL;
  ret = g_strdup ((const char *) value);
  xmlFree (value);
  return ret;
}

static gboolean
attr_bool (xmlNode    *node,
           const char *name,
           gboolean    default_value)
{
  g_autofree char *value = attr (node, name);

  if (value == NULL)
    return default_value;
  return g_str_equal (value, "true") || g_str_equal (value, "1");
}

static guint
attr_uint (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = attr (node, name);

  return value ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

static char *
content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  g_auto(GStrv) lines = g_strsplit_set ((const char *) value, "\n\t", -1);

  xmlFree (value);
  /* Texts are written across lines in the files; readers see one line. */
  return g_strstrip (g_strjoinv (" ", lines));
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  FOR_EACH_ELEMENT (c, node)
    if (is (c, name))
      return c;
  return NULL;
}

static void
read_localized (xmlNode   *node,
                ShtatText *text)
{
  shtat_text_clear (text);
  if (node == NULL)
    return;
  FOR_EACH_ELEMENT (c, node)
    {
      char *s = content (c);

      /* collapse the doubled spaces that joining lines leaves */
      while (strstr (s, "  ") != NULL)
        {
          char *p = strstr (s, "  ");
          memmove (p, p + 1, strlen (p));
        }
      if (is (c, "kk"))
        text->kk = s;
      else if (is (c, "ru"))
        text->ru = s;
      else if (is (c, "en"))
        text->en = s;
      else
        g_free (s);
    }
}

static void
read_interpretation_refs (xmlNode *node,
                          GArray  *out)
{
  FOR_EACH_ELEMENT (c, node)
    if (is (c, "interpretation"))
      {
        guint ref = attr_uint (c, "ref");
        g_array_append_val (out, ref);
      }
}

static GArray *
new_uint_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint));
}

typedef struct
{
  ShtatNormLibrary *self;
  const char       *name;
  ShtatAct         *act;
} LoadState;

static const ShtatAmendment *
find_amendment (ShtatNormLibrary *self,
                const char       *id)
{
  for (guint i = 0; i < self->acts->len; i++)
    {
      ShtatAct *act = g_ptr_array_index (self->acts, i);

      for (guint j = 0; j < act->amendments->len; j++)
        {
          ShtatAmendment *a = g_ptr_array_index (act->amendments, j);
          if (g_str_equal (a->id, id))
            return a;
        }
    }
  return NULL;
}

static gboolean
read_amendment_refs (LoadState *st,
                     xmlNode   *node,
                     GPtrArray *out,
                     GError   **error)
{
  FOR_EACH_ELEMENT (c, node)
    if (is (c, "amended"))
      {
        g_autofree char *ref = attr (c, "ref");
        const ShtatAmendment *a = find_amendment (st->self, ref);

        if (a == NULL)
          return fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                          _("unknown amendment “%s”"), ref);
        g_ptr_array_add (out, (gpointer) a);
      }
  return TRUE;
}

static gboolean
claim_id (LoadState  *st,
          xmlNode    *node,
          const char *kind,
          const char *id,
          GError    **error)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", kind, id);
  const char *other = g_hash_table_lookup (st->self->ids, key);

  if (other != NULL)
    {
      if (g_str_equal (kind, "table"))
        return fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, node,
                        _("table “%s” is already defined in %s"), id, other);
      if (g_str_equal (kind, "position"))
        return fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, node,
                        _("position “%s” is already defined in %s"), id, other);
      if (g_str_equal (kind, "act"))
        return fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, node,
                        _("act “%s” is already defined in %s"), id, other);
      return fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, node,
                      _("interpretation %s is already defined in %s"), id, other);
    }
  g_hash_table_insert (st->self->ids, g_steal_pointer (&key), g_strdup (st->name));
  return TRUE;
}

static ShtatAct *
read_act_body (xmlNode *node,
               gboolean is_reference)
{
  ShtatAct *act = g_new0 (ShtatAct, 1);

  act->id = attr (node, "id");
  act->number = attr (node, "number");
  act->date = attr (node, "date");
  act->registration = attr (node, "registration");
  act->registered = attr (node, "registered");
  act->sources = attr (node, "sources");
  act->is_reference = is_reference;
  act->amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_amendment_free);
  read_localized (child (node, "title"), &act->title);
  read_localized (child (node, "issuer"), &act->issuer);
  read_localized (child (node, "effective"), &act->effective);

  FOR_EACH_ELEMENT (c, node)
    if (is (c, "amendment"))
      {
        ShtatAmendment *a = g_new0 (ShtatAmendment, 1);
        g_autofree char *status = attr (c, "status");

        a->id = attr (c, "id");
        a->act_id = attr (c, "act");
        a->pending = g_strcmp0 (status, "pending") == 0;
        a->effective_from = attr (c, "effective-from");
        a->cite = attr (c, "cite");
        read_localized (child (c, "note"), &a->note);
        g_ptr_array_add (act->amendments, a);
      }

  return act;
}

static gboolean
parse_bound (xmlNode    *node,
             const char *name,
             double     *out)
{
  g_autofree char *value = attr (node, name);

  if (value == NULL)
    return FALSE;
  *out = g_ascii_strtod (value, NULL);
  return TRUE;
}

static gboolean
read_units_attr (LoadState  *st,
                 xmlNode    *node,
                 const char *value,
                 int        *out,
                 GError    **error)
{
  if (!shtat_units_parse (value, out))
    return fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, node,
                    _("“%s” is not a number of staff units"), value);
  return TRUE;
}

static ShtatNormRow *
read_row (LoadState      *st,
          ShtatNormTable *table,
          xmlNode        *node,
          GError        **error)
{
  ShtatNormRow *row = g_new0 (ShtatNormRow, 1);
  g_autofree char *n = attr (node, "n");

  row->n = (guint) g_ascii_strtoull (n, NULL, 10);
  row->position = attr (node, "position");
  row->cite = attr (node, "cite");
  row->conditions = g_array_new (FALSE, FALSE, sizeof (ShtatCondition));
  row->amendments = g_ptr_array_new ();
  row->interpretations = new_uint_array ();
  read_localized (child (node, "name"), &row->name);
  read_localized (child (node, "remark"), &row->remark);
  read_interpretation_refs (node, row->interpretations);

  if (!read_amendment_refs (st, node, row->amendments, error))
    goto fail;

  FOR_EACH_ELEMENT (c, node)
    {
      g_autofree char *units = attr (c, "units");
      g_autofree char *basis = attr (c, "basis");

      if (is (c, "condition"))
        {
          g_autofree char *flag = attr (c, "flag");
          ShtatCondition cond = { 0, attr_bool (c, "value", TRUE) };

          shtat_flag_from_string (flag, &cond.flag);
          g_array_append_val (row->conditions, cond);
        }
      else if (is (c, "fixed"))
        {
          row->kind = SHTAT_RULE_FIXED;
          if (!read_units_attr (st, c, units, &row->units, error))
            goto fail;
        }
      else if (is (c, "bracketed"))
        {
          g_auto(GStrv) parts = g_strsplit_set (units, " \t\n", -1);

          row->kind = SHTAT_RULE_BRACKETED;
          row->bracket_units = g_array_new (FALSE, FALSE, sizeof (int));
          for (guint i = 0; parts[i] != NULL; i++)
            {
              int u;

              if (*parts[i] == '\0')
                continue;
              if (!read_units_attr (st, c, parts[i], &u, error))
                goto fail;
              g_array_append_val (row->bracket_units, u);
            }
          if (!table->has_brackets)
            {
              fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                       _("row %u is bracketed but table “%s” has no brackets"), row->n, table->id);
              goto fail;
            }
          if (row->bracket_units->len != table->brackets->len)
            {
              fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                       _("row %u gives %u values but table “%s” has %u brackets"),
                       row->n, row->bracket_units->len, table->id, table->brackets->len);
              goto fail;
            }
        }
      else if (is (c, "per") || is (c, "ratio"))
        {
          row->kind = is (c, "per") ? SHTAT_RULE_PER : SHTAT_RULE_RATIO;
          shtat_driver_from_string (basis, &row->basis);
          if (!read_units_attr (st, c, units, &row->units, error))
            goto fail;
          row->capped = attr_bool (c, "capped", FALSE);
          if (row->kind == SHTAT_RULE_RATIO)
            {
              g_autofree char *rounding = attr (c, "rounding");

              row->per = attr_uint (c, "per");
              row->proportional = g_strcmp0 (rounding, "proportional") == 0;
            }
          if (row->capped && !table->has_vehicle_limit)
            {
              fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                       _("row %u is capped but table “%s” sets no vehicle limit"), row->n, table->id);
              goto fail;
            }
        }
      else if (is (c, "typical"))
        {
          row->kind = SHTAT_RULE_TYPICAL;
          read_localized (child (c, "reference"), &row->reference);
        }
    }

  return row;

fail:
  shtat_norms_row_free (row);
  return NULL;
}

static gboolean
read_table (LoadState *st,
            xmlNode   *node,
            GError   **error)
{
  g_autoptr(GHashTable) rows_seen = g_hash_table_new (NULL, NULL);
  ShtatNormTable *table = g_new0 (ShtatNormTable, 1);
  xmlNode *brackets;
  xmlNode *limit;

  table->id = attr (node, "id");
  table->cite = attr (node, "cite");
  table->act = st->act;
  table->brackets = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_bracket_free);
  table->overlaps = g_array_new (FALSE, FALSE, sizeof (ShtatOverlap));
  table->bracket_interpretations = new_uint_array ();
  table->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_section_free);
  table->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_table_note_free);
  read_localized (child (node, "name"), &table->name);
  read_localized (child (node, "institution"), &table->institution);

  if (!claim_id (st, node, "table", table->id, error))
    goto fail;

  if ((brackets = child (node, "brackets")) != NULL)
    {
      g_autofree char *driver = attr (brackets, "driver");
      double previous_max = -1;

      table->has_brackets = TRUE;
      shtat_driver_from_string (driver, &table->bracket_driver);
      read_interpretation_refs (brackets, table->bracket_interpretations);

      FOR_EACH_ELEMENT (c, brackets)
        {
          if (is (c, "bracket"))
            {
              ShtatBracket *b = g_new0 (ShtatBracket, 1);

              b->id = attr (c, "id");
              b->has_min = parse_bound (c, "min", &b->min);
              b->min_inclusive = attr_bool (c, "min-inclusive", !b->has_min);
              b->has_max = parse_bound (c, "max", &b->max);
              b->max_inclusive = attr_bool (c, "max-inclusive", TRUE);
              read_localized (child (c, "label"), &b->label);
              g_ptr_array_add (table->brackets, b);

              /* Brackets must follow one another upwards and leave no gap. */
              if ((b->has_min && previous_max >= 0 && b->min != previous_max)
                  || (!b->has_min && table->brackets->len > 1)
                  || (b->has_max && b->has_min && b->max <= b->min))
                {
                  fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                           _("bracket “%s” does not continue the previous one"), b->id);
                  goto fail;
                }
              if (!b->has_max && is (xmlNextElementSibling (c), "bracket"))
                {
                  fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                           _("only the last bracket may be open-ended"));
                  goto fail;
                }
              previous_max = b->has_max ? b->max : G_MAXDOUBLE;
            }
          else if (is (c, "overlap"))
            {
              ShtatOverlap o = { 0 };

              parse_bound (c, "from", &o.from);
              parse_bound (c, "to", &o.to);
              o.interpretation = attr_uint (child (c, "interpretation"), "ref");
              g_array_append_val (table->overlaps, o);
            }
        }
    }

  if ((limit = child (node, "vehicle-limit")) != NULL)
    {
      table->has_vehicle_limit = TRUE;
      table->vehicle_limit_base = attr_uint (limit, "base");
      table->vehicle_limit_extra = attr_uint (limit, "extra");
      table->vehicle_limit_extra_from = attr_uint (limit, "extra-from-recipients");
      table->vehicle_limit_cite = attr (limit, "cite");
    }

  FOR_EACH_ELEMENT (c, node)
    {
      if (is (c, "section"))
        {
          ShtatSection *section = g_new0 (ShtatSection, 1);

          section->id = attr (c, "id");
          section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_row_free);
          read_localized (child (c, "name"), &section->name);
          g_ptr_array_add (table->sections, section);

          FOR_EACH_ELEMENT (r, c)
            if (is (r, "row"))
              {
                ShtatNormRow *row = read_row (st, table, r, error);

                if (row == NULL)
                  goto fail;
                row->section = section;
                g_ptr_array_add (section->rows, row);
                if (g_hash_table_contains (rows_seen, GUINT_TO_POINTER (row->n)))
                  {
                    fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, r,
                             _("row %u appears twice in table “%s”"), row->n, table->id);
                    goto fail;
                  }
                g_hash_table_add (rows_seen, GUINT_TO_POINTER (row->n));
              }
        }
      else if (is (c, "note"))
        {
          ShtatTableNote *n = g_new0 (ShtatTableNote, 1);

          n->id = attr (c, "id");
          n->cite = attr (c, "cite");
          n->interpretations = new_uint_array ();
          read_localized (child (c, "text"), &n->text);
          read_interpretation_refs (c, n->interpretations);
          g_ptr_array_add (table->notes, n);
        }
    }

  g_ptr_array_add (st->self->tables, table);
  return TRUE;

fail:
  shtat_norms_table_free (table);
  return FALSE;
}

static guint32
parse_set (const char *value,
           GType       type)
{
  g_auto(GStrv) parts = NULL;
  guint32 set = 0;

  if (value == NULL)
    return 0;
  parts = g_strsplit_set (value, " \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int bit = shtat_norms_lookup_name (type, parts[i]);
      if (bit >= 0)
        set |= 1u << bit;
    }
  return set;
}

static ShtatAlternative *
read_alternative (xmlNode *node)
{
  ShtatAlternative *alt = g_new0 (ShtatAlternative, 1);
  xmlNode *education = child (node, "education");
  xmlNode *certificate = child (node, "certificate");
  xmlNode *experience = child (node, "experience");
  g_autofree char *levels = attr (education, "levels");
  g_autofree char *fields = attr (education, "fields");

  alt->education_levels = parse_set (levels, SHTAT_TYPE_EDUCATION_LEVEL);
  alt->fields = parse_set (fields, SHTAT_TYPE_FIELD);
  alt->experience_level = -1;
  alt->experience_category = -1;

  if (certificate != NULL)
    {
      alt->certificate_kind = attr (certificate, "kind");
      read_localized (child (certificate, "name"), &alt->certificate_name);
    }

  if (experience != NULL)
    {
      g_autofree char *scope = attr (experience, "scope");
      g_autofree char *level = attr (experience, "level");
      g_autofree char *category = attr (experience, "category");

      alt->has_experience = TRUE;
      alt->years = attr_uint (experience, "years");
      /* norms.rng allows only the four scopes; none given means the sector */
      alt->scope = SHTAT_EXPERIENCE_SECTOR;
      if (scope != NULL)
        {
          int value;

          if (shtat_enum_from_nick (SHTAT_TYPE_EXPERIENCE_SCOPE, scope, &value))
            alt->scope = (ShtatExperienceScope) value;
        }
      alt->experience_level = shtat_norms_lookup_name (SHTAT_TYPE_LEVEL, level);
      alt->experience_category = shtat_norms_lookup_name (SHTAT_TYPE_CATEGORY, category);
    }

  return alt;
}

static GPtrArray *
read_summary (LoadState *st,
              xmlNode   *node,
              char     **out_cite,
              GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_summary_item_free);

  *out_cite = attr (node, "cite");
  FOR_EACH_ELEMENT (c, node)
    if (is (c, "item"))
      {
        ShtatSummaryItem *item = g_new0 (ShtatSummaryItem, 1);

        item->cite = attr (c, "cite");
        if (item->cite == NULL)
          item->cite = g_strdup (*out_cite);
        item->amendments = g_ptr_array_new ();
        read_localized (c, &item->text);
        g_ptr_array_add (items, item);
        if (!read_amendment_refs (st, c, item->amendments, error))
          return NULL;
      }

  return g_steal_pointer (&items);
}

static gboolean
read_position (LoadState *st,
               xmlNode   *node,
               GError   **error)
{
  ShtatPosition *p = g_new0 (ShtatPosition, 1);
  xmlNode *requirements;
  int previous_category;

  p->code = attr (node, "code");
  p->cite = attr (node, "cite");
  p->act = st->act;
  p->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_level_free);
  p->interpretations = new_uint_array ();
  read_localized (child (node, "name"), &p->name);

  if (!claim_id (st, node, "position", p->code, error))
    goto fail;

  p->duties = read_summary (st, child (node, "duties"), &p->duties_cite, error);
  if (p->duties == NULL)
    goto fail;
  p->knowledge = read_summary (st, child (node, "knowledge"), &p->knowledge_cite, error);
  if (p->knowledge == NULL)
    goto fail;

  requirements = child (node, "requirements");
  p->requirements_cite = attr (requirements, "cite");
  read_interpretation_refs (requirements, p->interpretations);

  FOR_EACH_ELEMENT (l, requirements)
    if (is (l, "level"))
      {
        ShtatLevelRequirement *level = g_new0 (ShtatLevelRequirement, 1);
        g_autofree char *id = attr (l, "id");

        level->id = (ShtatLevel) shtat_norms_lookup_name (SHTAT_TYPE_LEVEL, id);
        level->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_category_free);
        read_localized (child (l, "name"), &level->name);
        g_ptr_array_add (p->levels, level);
        previous_category = -1;

        FOR_EACH_ELEMENT (c, l)
          if (is (c, "category"))
            {
              ShtatCategoryRequirement *cat = g_new0 (ShtatCategoryRequirement, 1);
              g_autofree char *cat_id = attr (c, "id");

              cat->id = (ShtatCategory) shtat_norms_lookup_name (SHTAT_TYPE_CATEGORY, cat_id);
              cat->alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_alternative_free);
              cat->interpretations = new_uint_array ();
              read_localized (child (c, "name"), &cat->name);
              read_interpretation_refs (c, cat->interpretations);
              g_ptr_array_add (level->categories, cat);

              /* The ladder reads from the top rung down. */
              if ((int) cat->id <= previous_category)
                {
                  fail_at (error, SHTAT_NORM_ERROR_INVALID, st->name, c,
                           _("categories of position “%s” must run from the highest down, each once"),
                           p->code);
                  goto fail;
                }
              previous_category = (int) cat->id;

              FOR_EACH_ELEMENT (a, c)
                if (is (a, "alternative"))
                  g_ptr_array_add (cat->alternatives, read_alternative (a));
            }
      }

  g_ptr_array_add (st->self->positions, p);
  return TRUE;

fail:
  shtat_norms_position_free (p);
  return FALSE;
}

gboolean
shtat_norms_read_doc (ShtatNormLibrary *self,
          const char       *name,
          xmlDocPtr         doc,
          GError          **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  LoadState st = { self, name, NULL };

  FOR_EACH_ELEMENT (c, root)
    {
      if (is (c, "act") || is (c, "reference-act"))
        {
          ShtatAct *act = read_act_body (c, is (c, "reference-act"));

          if (!claim_id (&st, c, "act", act->id, error))
            {
              shtat_norms_act_free (act);
              return FALSE;
            }
          g_ptr_array_add (self->acts, act);
          if (!act->is_reference)
            st.act = act;
        }
      else if (is (c, "interpretation"))
        {
          ShtatInterpretation *i = g_new0 (ShtatInterpretation, 1);
          g_autofree char *id = attr (c, "id");

          i->id = (guint) g_ascii_strtoull (id, NULL, 10);
          i->cite = attr (c, "cite");
          i->configurable = attr_bool (c, "configurable", FALSE);
          read_localized (child (c, "title"), &i->title);
          read_localized (child (c, "text"), &i->text);
          if (!claim_id (&st, c, "interpretation", id, error))
            {
              shtat_norms_interpretation_free (i);
              return FALSE;
            }
          g_ptr_array_add (self->interpretations, i);
        }
      else if (is (c, "family"))
        {
          ShtatFamily *f = g_new0 (ShtatFamily, 1);
          g_autofree char *members = attr (c, "members");

          f->id = attr (c, "id");
          f->members = g_strsplit_set (members, " \t\n", -1);
          f->interpretation = attr_uint (child (c, "interpretation"), "ref");
          g_ptr_array_add (self->families, f);
        }
      else if (is (c, "table"))
        {
          if (!read_table (&st, c, error))
            return FALSE;
        }
      else if (is (c, "position"))
        {
          if (!read_position (&st, c, error))
            return FALSE;
        }
      else if (is (c, "external-position"))
        {
          ShtatExternalPosition *e = g_new0 (ShtatExternalPosition, 1);

          e->code = attr (c, "code");
          e->act_id = attr (c, "act");
          e->cite = attr (c, "cite");
          e->interpretations = new_uint_array ();
          read_localized (child (c, "name"), &e->name);
          read_interpretation_refs (c, e->interpretations);
          if (!claim_id (&st, c, "position", e->code, error))
            {
              shtat_norms_external_free (e);
              return FALSE;
            }
          g_ptr_array_add (self->external, e);
        }
    }

  return TRUE;
}
