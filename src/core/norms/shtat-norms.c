/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-norms"

#include "config.h"

#include "shtat-xml-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <math.h>

#include "shtat-norms.h"
#include "shtat-units.h"

#define RESOURCE_NORMS "/io/github/shtat/Shtat/norms/"

G_DEFINE_QUARK (shtat-norm-error-quark, shtat_norm_error)

struct _ShtatNormLibrary
{
  GObject     parent_instance;

  GPtrArray  *acts;             /* ShtatAct */
  GPtrArray  *tables;           /* ShtatNormTable */
  GPtrArray  *positions;        /* ShtatPosition */
  GPtrArray  *external;         /* ShtatExternalPosition */
  GPtrArray  *interpretations;  /* ShtatInterpretation */
  GPtrArray  *families;         /* ShtatFamily */
  GHashTable *ids;              /* "table:ID", "position:CODE"… → origin file, to catch duplicates */
  GPtrArray  *warnings;         /* messages about local files that were left out */
};

G_DEFINE_FINAL_TYPE (ShtatNormLibrary, shtat_norm_library, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Freeing                                                                  */

static void
amendment_free (ShtatAmendment *a)
{
  g_free (a->id);
  g_free (a->act_id);
  g_free (a->effective_from);
  g_free (a->cite);
  shtat_text_clear (&a->note);
  g_free (a);
}

static void
act_free (ShtatAct *act)
{
  g_free (act->id);
  g_free (act->number);
  g_free (act->date);
  g_free (act->registration);
  g_free (act->registered);
  g_free (act->sources);
  shtat_text_clear (&act->title);
  shtat_text_clear (&act->issuer);
  shtat_text_clear (&act->effective);
  g_ptr_array_unref (act->amendments);
  g_free (act);
}

static void
interpretation_free (ShtatInterpretation *i)
{
  g_free (i->cite);
  shtat_text_clear (&i->title);
  shtat_text_clear (&i->text);
  g_free (i);
}

static void
bracket_free (ShtatBracket *b)
{
  g_free (b->id);
  shtat_text_clear (&b->label);
  g_free (b);
}

static void
row_free (ShtatNormRow *row)
{
  g_free (row->position);
  g_free (row->cite);
  shtat_text_clear (&row->name);
  g_clear_pointer (&row->bracket_units, g_array_unref);
  g_array_unref (row->conditions);
  g_ptr_array_unref (row->amendments);
  g_array_unref (row->interpretations);
  shtat_text_clear (&row->reference);
  shtat_text_clear (&row->remark);
  g_free (row);
}

static void
section_free (ShtatSection *s)
{
  g_free (s->id);
  shtat_text_clear (&s->name);
  g_ptr_array_unref (s->rows);
  g_free (s);
}

static void
table_note_free (ShtatTableNote *n)
{
  g_free (n->id);
  g_free (n->cite);
  shtat_text_clear (&n->text);
  g_array_unref (n->interpretations);
  g_free (n);
}

static void
table_free (ShtatNormTable *t)
{
  g_free (t->id);
  g_free (t->cite);
  shtat_text_clear (&t->name);
  shtat_text_clear (&t->institution);
  g_ptr_array_unref (t->brackets);
  g_array_unref (t->overlaps);
  g_array_unref (t->bracket_interpretations);
  g_free (t->vehicle_limit_cite);
  g_ptr_array_unref (t->sections);
  g_ptr_array_unref (t->notes);
  g_free (t);
}

static void
alternative_free (ShtatAlternative *a)
{
  g_free (a->certificate_kind);
  shtat_text_clear (&a->certificate_name);
  g_free (a);
}

static void
category_free (ShtatCategoryRequirement *c)
{
  shtat_text_clear (&c->name);
  g_ptr_array_unref (c->alternatives);
  g_array_unref (c->interpretations);
  g_free (c);
}

static void
level_free (ShtatLevelRequirement *l)
{
  shtat_text_clear (&l->name);
  g_ptr_array_unref (l->categories);
  g_free (l);
}

static void
summary_item_free (ShtatSummaryItem *item)
{
  g_free (item->cite);
  shtat_text_clear (&item->text);
  g_ptr_array_unref (item->amendments);
  g_free (item);
}

static void
position_free (ShtatPosition *p)
{
  g_free (p->code);
  g_free (p->cite);
  shtat_text_clear (&p->name);
  g_free (p->duties_cite);
  g_clear_pointer (&p->duties, g_ptr_array_unref);
  g_free (p->knowledge_cite);
  g_clear_pointer (&p->knowledge, g_ptr_array_unref);
  g_free (p->requirements_cite);
  g_ptr_array_unref (p->levels);
  g_array_unref (p->interpretations);
  g_free (p);
}

static void
external_free (ShtatExternalPosition *e)
{
  g_free (e->code);
  g_free (e->act_id);
  g_free (e->cite);
  shtat_text_clear (&e->name);
  g_array_unref (e->interpretations);
  g_free (e);
}

static void
family_free (ShtatFamily *f)
{
  g_free (f->id);
  g_strfreev (f->members);
  g_free (f);
}

/* ------------------------------------------------------------------------ */
/* Names of the enumerations, as in the XML, and as users read them         */

static const char * const driver_names[SHTAT_N_DRIVERS] = {
  "appeals", "recipients", "vehicles", "tractors", "beds", "children", "groups",
};

static const char * const flag_names[SHTAT_N_FLAGS] = {
  "has-lift", "has-library", "has-sewerage", "centralised-cesspit-cleaning",
};

static const char * const rule_names[] = {
  "fixed", "bracketed", "per", "ratio", "typical",
};

static const char * const education_names[SHTAT_N_EDUCATION_LEVELS] = {
  "basic-secondary", "general-secondary", "secondary-specialised", "secondary-vocational",
  "post-secondary", "higher", "postgraduate",
};

static const char * const field_names[SHTAT_N_FIELDS] = {
  "social", "social-work", "psychology", "pedagogy", "medicine", "law", "economics",
  "humanities", "preschool", "primary-pedagogy", "vocational-training", "nursing",
  "physical-culture", "relevant",
};

static const char * const level_names[SHTAT_N_LEVELS] = { "higher", "medium", "single" };

static const char * const category_names[SHTAT_N_CATEGORIES] = {
  "highest", "first", "second", "none",
};

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str)
{
  if (str == NULL)
    return -1;
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], str))
      return (int) i;
  return -1;
}

const char *
shtat_driver_to_string (ShtatDriver driver)
{
  g_return_val_if_fail (driver < SHTAT_N_DRIVERS, NULL);
  return driver_names[driver];
}

gboolean
shtat_driver_from_string (const char  *str,
                          ShtatDriver *out)
{
  int i = lookup_name (driver_names, SHTAT_N_DRIVERS, str);

  if (i < 0)
    return FALSE;
  *out = (ShtatDriver) i;
  return TRUE;
}

const char *
shtat_driver_get_label (ShtatDriver driver)
{
  switch (driver)
    {
    case SHTAT_DRIVER_APPEALS:
      return _("Appeals per working day");
    case SHTAT_DRIVER_RECIPIENTS:
      return _("Service recipients");
    case SHTAT_DRIVER_VEHICLES:
      return _("Vehicles");
    case SHTAT_DRIVER_TRACTORS:
      return _("Tractors");
    case SHTAT_DRIVER_BEDS:
      return _("Beds");
    case SHTAT_DRIVER_CHILDREN:
      return _("Children");
    case SHTAT_DRIVER_GROUPS:
      return _("Study groups");
    case SHTAT_N_DRIVERS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Appeals are an average and may be fractional; everything else is counted. */
gboolean
shtat_driver_is_count (ShtatDriver driver)
{
  return driver != SHTAT_DRIVER_APPEALS;
}

const char *
shtat_flag_to_string (ShtatFlag flag)
{
  g_return_val_if_fail (flag < SHTAT_N_FLAGS, NULL);
  return flag_names[flag];
}

gboolean
shtat_flag_from_string (const char *str,
                        ShtatFlag  *out)
{
  int i = lookup_name (flag_names, SHTAT_N_FLAGS, str);

  if (i < 0)
    return FALSE;
  *out = (ShtatFlag) i;
  return TRUE;
}

const char *
shtat_flag_get_label (ShtatFlag flag)
{
  switch (flag)
    {
    case SHTAT_FLAG_HAS_LIFT:
      return _("The building has a lift");
    case SHTAT_FLAG_HAS_LIBRARY:
      return _("There is a library");
    case SHTAT_FLAG_HAS_SEWERAGE:
      return _("The building is on sewerage");
    case SHTAT_FLAG_CENTRALISED_CESSPIT_CLEANING:
      return _("Cesspits are cleaned centrally");
    case SHTAT_N_FLAGS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The state a row's condition asks for, as a sentence. */
const char *
shtat_flag_get_condition_label (ShtatFlag flag,
                                gboolean  value)
{
  if (value)
    return shtat_flag_get_label (flag);

  switch (flag)
    {
    case SHTAT_FLAG_HAS_LIFT:
      return _("The building has no lift");
    case SHTAT_FLAG_HAS_LIBRARY:
      return _("There is no library");
    case SHTAT_FLAG_HAS_SEWERAGE:
      return _("The building has no sewerage");
    case SHTAT_FLAG_CENTRALISED_CESSPIT_CLEANING:
      return _("Cesspits are not cleaned centrally");
    case SHTAT_N_FLAGS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
shtat_rule_kind_to_string (ShtatRuleKind kind)
{
  g_return_val_if_fail (kind <= SHTAT_RULE_TYPICAL, NULL);
  return rule_names[kind];
}

const char *
shtat_rule_kind_get_label (ShtatRuleKind kind)
{
  switch (kind)
    {
    case SHTAT_RULE_FIXED:
      return _("Per institution");
    case SHTAT_RULE_BRACKETED:
      return _("By bracket");
    case SHTAT_RULE_PER:
      return _("Per unit of equipment or group");
    case SHTAT_RULE_RATIO:
      return _("In proportion");
    case SHTAT_RULE_TYPICAL:
      return _("By typical norms");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
shtat_education_level_to_string (ShtatEducationLevel level)
{
  g_return_val_if_fail (level < SHTAT_N_EDUCATION_LEVELS, NULL);
  return education_names[level];
}

const char *
shtat_education_level_get_label (ShtatEducationLevel level)
{
  switch (level)
    {
    case SHTAT_EDUCATION_BASIC_SECONDARY:
      return _("basic secondary");
    case SHTAT_EDUCATION_GENERAL_SECONDARY:
      return _("general secondary");
    case SHTAT_EDUCATION_SECONDARY_SPECIALISED:
      return _("secondary specialised");
    case SHTAT_EDUCATION_SECONDARY_VOCATIONAL:
      return _("secondary vocational");
    case SHTAT_EDUCATION_POST_SECONDARY:
      return _("post-secondary");
    case SHTAT_EDUCATION_HIGHER:
      return _("higher");
    case SHTAT_EDUCATION_POSTGRADUATE:
      return _("postgraduate");
    case SHTAT_N_EDUCATION_LEVELS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
shtat_field_to_string (ShtatField field)
{
  g_return_val_if_fail (field < SHTAT_N_FIELDS, NULL);
  return field_names[field];
}

const char *
shtat_field_get_label (ShtatField field)
{
  switch (field)
    {
    case SHTAT_FIELD_SOCIAL:
      return _("social");
    case SHTAT_FIELD_SOCIAL_WORK:
      return _("social work");
    case SHTAT_FIELD_PSYCHOLOGY:
      return _("psychology");
    case SHTAT_FIELD_PEDAGOGY:
      return _("pedagogy");
    case SHTAT_FIELD_MEDICINE:
      return _("medicine");
    case SHTAT_FIELD_LAW:
      return _("law");
    case SHTAT_FIELD_ECONOMICS:
      return _("economics");
    case SHTAT_FIELD_HUMANITIES:
      return _("humanities");
    case SHTAT_FIELD_PRESCHOOL:
      return _("preschool education");
    case SHTAT_FIELD_PRIMARY_PEDAGOGY:
      return _("primary education pedagogy");
    case SHTAT_FIELD_VOCATIONAL_TRAINING:
      return _("vocational training");
    case SHTAT_FIELD_NURSING:
      return _("nursing");
    case SHTAT_FIELD_PHYSICAL_CULTURE:
      return _("physical culture and sport");
    case SHTAT_FIELD_RELEVANT:
      return _("the relevant specialty");
    case SHTAT_N_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
shtat_level_to_string (ShtatLevel level)
{
  g_return_val_if_fail (level < SHTAT_N_LEVELS, NULL);
  return level_names[level];
}

const char *
shtat_level_get_label (ShtatLevel level)
{
  switch (level)
    {
    case SHTAT_LEVEL_HIGHER:
      return _("Higher level");
    case SHTAT_LEVEL_MEDIUM:
      return _("Medium level");
    case SHTAT_LEVEL_SINGLE:
      return _("Requirements");
    case SHTAT_N_LEVELS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
shtat_category_to_string (ShtatCategory category)
{
  g_return_val_if_fail (category < SHTAT_N_CATEGORIES, NULL);
  return category_names[category];
}

const char *
shtat_category_get_label (ShtatCategory category)
{
  switch (category)
    {
    case SHTAT_CATEGORY_HIGHEST:
      return _("Highest category");
    case SHTAT_CATEGORY_FIRST:
      return _("First category");
    case SHTAT_CATEGORY_SECOND:
      return _("Second category");
    case SHTAT_CATEGORY_NONE:
      return _("Without category");
    case SHTAT_N_CATEGORIES:
    default:
      g_return_val_if_reached ("");
    }
}

/* ------------------------------------------------------------------------ */
/* Table helpers                                                            */

static gboolean
row_uses_driver (const ShtatNormRow *row,
                 ShtatDriver         driver)
{
  return (row->kind == SHTAT_RULE_PER || row->kind == SHTAT_RULE_RATIO) && row->basis == driver;
}

gboolean
shtat_norm_table_uses_driver (const ShtatNormTable *table,
                              ShtatDriver           driver)
{
  if (table->has_brackets && table->bracket_driver == driver)
    return TRUE;
  /* The vehicle limit depends on the number of recipients. */
  if (table->has_vehicle_limit && driver == SHTAT_DRIVER_RECIPIENTS)
    return TRUE;

  for (guint s = 0; s < table->sections->len; s++)
    {
      ShtatSection *section = g_ptr_array_index (table->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        if (row_uses_driver (g_ptr_array_index (section->rows, r), driver))
          return TRUE;
    }

  return FALSE;
}

gboolean
shtat_norm_table_uses_flag (const ShtatNormTable *table,
                            ShtatFlag             flag)
{
  for (guint s = 0; s < table->sections->len; s++)
    {
      ShtatSection *section = g_ptr_array_index (table->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          ShtatNormRow *row = g_ptr_array_index (section->rows, r);

          for (guint c = 0; c < row->conditions->len; c++)
            if (g_array_index (row->conditions, ShtatCondition, c).flag == flag)
              return TRUE;
        }
    }

  return FALSE;
}

guint
shtat_norm_table_count_rows (const ShtatNormTable *table)
{
  guint n = 0;

  for (guint s = 0; s < table->sections->len; s++)
    n += ((ShtatSection *) g_ptr_array_index (table->sections, s))->rows->len;

  return n;
}

const ShtatNormRow *
shtat_norm_table_find_row (const ShtatNormTable *table,
                           const char           *position)
{
  for (guint s = 0; table != NULL && s < table->sections->len; s++)
    {
      const ShtatSection *section = g_ptr_array_index (table->sections, s);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const ShtatNormRow *row = g_ptr_array_index (section->rows, r);

          if (g_strcmp0 (row->position, position) == 0)
            return row;
        }
    }
  return NULL;
}

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
static xmlDocPtr
parse_and_validate (const char *name,
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
  act->amendments = g_ptr_array_new_with_free_func ((GDestroyNotify) amendment_free);
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
  row_free (row);
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
  table->brackets = g_ptr_array_new_with_free_func ((GDestroyNotify) bracket_free);
  table->overlaps = g_array_new (FALSE, FALSE, sizeof (ShtatOverlap));
  table->bracket_interpretations = new_uint_array ();
  table->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  table->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) table_note_free);
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
          section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
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
  table_free (table);
  return FALSE;
}

static guint32
parse_set (const char         *value,
           const char * const *names,
           guint               n_names)
{
  g_auto(GStrv) parts = NULL;
  guint32 set = 0;

  if (value == NULL)
    return 0;
  parts = g_strsplit_set (value, " \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int bit = lookup_name (names, n_names, parts[i]);
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

  alt->education_levels = parse_set (levels, education_names, SHTAT_N_EDUCATION_LEVELS);
  alt->fields = parse_set (fields, field_names, SHTAT_N_FIELDS);
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
      if (g_strcmp0 (scope, "managerial") == 0)
        alt->scope = SHTAT_EXPERIENCE_MANAGERIAL;
      else if (g_strcmp0 (scope, "category") == 0)
        alt->scope = SHTAT_EXPERIENCE_CATEGORY;
      else if (g_strcmp0 (scope, "position") == 0)
        alt->scope = SHTAT_EXPERIENCE_POSITION;
      else
        alt->scope = SHTAT_EXPERIENCE_SECTOR;
      alt->experience_level = lookup_name (level_names, SHTAT_N_LEVELS, level);
      alt->experience_category = lookup_name (category_names, SHTAT_N_CATEGORIES, category);
    }

  return alt;
}

static GPtrArray *
read_summary (LoadState *st,
              xmlNode   *node,
              char     **out_cite,
              GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_item_free);

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
  p->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) level_free);
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

        level->id = (ShtatLevel) lookup_name (level_names, SHTAT_N_LEVELS, id);
        level->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
        read_localized (child (l, "name"), &level->name);
        g_ptr_array_add (p->levels, level);
        previous_category = -1;

        FOR_EACH_ELEMENT (c, l)
          if (is (c, "category"))
            {
              ShtatCategoryRequirement *cat = g_new0 (ShtatCategoryRequirement, 1);
              g_autofree char *cat_id = attr (c, "id");

              cat->id = (ShtatCategory) lookup_name (category_names, SHTAT_N_CATEGORIES, cat_id);
              cat->alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify) alternative_free);
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
  position_free (p);
  return FALSE;
}

static gboolean
load_doc (ShtatNormLibrary *self,
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
              act_free (act);
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
              interpretation_free (i);
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
              external_free (e);
              return FALSE;
            }
          g_ptr_array_add (self->external, e);
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The library                                                              */

static void
shtat_norm_library_finalize (GObject *object)
{
  ShtatNormLibrary *self = SHTAT_NORM_LIBRARY (object);

  /* Tables and positions borrow acts and amendments: free them first. */
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->positions);
  g_ptr_array_unref (self->external);
  g_ptr_array_unref (self->families);
  g_ptr_array_unref (self->interpretations);
  g_ptr_array_unref (self->acts);
  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (shtat_norm_library_parent_class)->finalize (object);
}

static void
shtat_norm_library_class_init (ShtatNormLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_norm_library_finalize;
}

static void
shtat_norm_library_init (ShtatNormLibrary *self)
{
  self->acts = g_ptr_array_new_with_free_func ((GDestroyNotify) act_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) position_free);
  self->external = g_ptr_array_new_with_free_func ((GDestroyNotify) external_free);
  self->interpretations = g_ptr_array_new_with_free_func ((GDestroyNotify) interpretation_free);
  self->families = g_ptr_array_new_with_free_func ((GDestroyNotify) family_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

ShtatNormLibrary *
shtat_norm_library_new (void)
{
  return g_object_new (SHTAT_TYPE_NORM_LIBRARY, NULL);
}

/* Loads one norm file. The file is parsed and validated as a whole first; on any
 * error the library is left as it was before the call. */
gboolean
shtat_norm_library_load_bytes (ShtatNormLibrary *self,
                               const char       *name,
                               GBytes           *bytes,
                               GError          **error)
{
  xmlDocPtr doc;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  g_return_val_if_fail (SHTAT_IS_NORM_LIBRARY (self), FALSE);

  doc = parse_and_validate (name, data, len, error);
  if (doc == NULL)
    return FALSE;

  /* Read into the library, and roll back what this file added on error. */
  {
    guint n_acts = self->acts->len, n_tables = self->tables->len, n_pos = self->positions->len;
    guint n_ext = self->external->len, n_int = self->interpretations->len, n_fam = self->families->len;
    g_autoptr(GHashTable) ids_before = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->ids);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (ids_before, key);

    ok = load_doc (self, name, doc, error);
    if (!ok)
      {
        g_ptr_array_set_size (self->tables, n_tables);
        g_ptr_array_set_size (self->positions, n_pos);
        g_ptr_array_set_size (self->external, n_ext);
        g_ptr_array_set_size (self->families, n_fam);
        g_ptr_array_set_size (self->interpretations, n_int);
        g_ptr_array_set_size (self->acts, n_acts);
        g_hash_table_iter_init (&iter, self->ids);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (ids_before, key))
            g_hash_table_iter_remove (&iter);
      }
  }

  xmlFreeDoc (doc);
  return ok;
}

gboolean
shtat_norm_library_load_file (ShtatNormLibrary *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_IO, "%s: %s", path, local_error->message);
      return FALSE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return shtat_norm_library_load_bytes (self, name, bytes, error);
}

static gboolean
check_interpretations (ShtatNormLibrary *self,
                       GArray           *refs,
                       const char       *where,
                       GError          **error)
{
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      guint id = g_array_index (refs, guint, i);

      if (shtat_norm_library_get_interpretation (self, id) == NULL)
        {
          g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_INVALID,
                       _("%s refers to interpretation %u, which no norm file defines"), where, id);
          return FALSE;
        }
    }
  return TRUE;
}

/* Cross-file checks, once everything is loaded: every reference resolves. */
gboolean
shtat_norm_library_check (ShtatNormLibrary *self,
                          GError          **error)
{
  for (guint t = 0; t < self->tables->len; t++)
    {
      ShtatNormTable *table = g_ptr_array_index (self->tables, t);
      g_autofree char *where = g_strdup_printf (_("table “%s”"), table->id);

      if (!check_interpretations (self, table->bracket_interpretations, where, error))
        return FALSE;
      for (guint o = 0; o < table->overlaps->len; o++)
        {
          guint id = g_array_index (table->overlaps, ShtatOverlap, o).interpretation;
          g_autoptr(GArray) one = new_uint_array ();

          g_array_append_val (one, id);
          if (!check_interpretations (self, one, where, error))
            return FALSE;
        }
      for (guint n = 0; n < table->notes->len; n++)
        if (!check_interpretations (self, ((ShtatTableNote *) g_ptr_array_index (table->notes, n))->interpretations,
                                    where, error))
          return FALSE;
      for (guint s = 0; s < table->sections->len; s++)
        {
          ShtatSection *section = g_ptr_array_index (table->sections, s);

          for (guint r = 0; r < section->rows->len; r++)
            {
              ShtatNormRow *row = g_ptr_array_index (section->rows, r);
              g_autofree char *row_where = g_strdup_printf ("%s, %s", where, row->cite);

              if (!check_interpretations (self, row->interpretations, row_where, error))
                return FALSE;
            }
        }
    }

  for (guint p = 0; p < self->positions->len; p++)
    {
      ShtatPosition *pos = g_ptr_array_index (self->positions, p);
      g_autofree char *where = g_strdup_printf (_("position “%s”"), pos->code);

      if (!check_interpretations (self, pos->interpretations, where, error))
        return FALSE;
      for (guint l = 0; l < pos->levels->len; l++)
        {
          ShtatLevelRequirement *level = g_ptr_array_index (pos->levels, l);

          for (guint c = 0; c < level->categories->len; c++)
            if (!check_interpretations (self,
                                        ((ShtatCategoryRequirement *) g_ptr_array_index (level->categories, c))->interpretations,
                                        where, error))
              return FALSE;
        }
    }

  for (guint e = 0; e < self->external->len; e++)
    {
      ShtatExternalPosition *ext = g_ptr_array_index (self->external, e);
      g_autofree char *where = g_strdup_printf (_("position “%s”"), ext->code);

      if (!check_interpretations (self, ext->interpretations, where, error))
        return FALSE;
      if (ext->act_id != NULL && shtat_norm_library_get_act (self, ext->act_id) == NULL)
        {
          g_set_error (error, SHTAT_NORM_ERROR, SHTAT_NORM_ERROR_INVALID,
                       _("%s is sent to act “%s”, which no norm file describes"), where, ext->act_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* The user's own norm files. One that cannot be read or contradicts the bundled
 * acts is left out with a warning rather than keeping the program from starting
 * with the acts it bundles. */
static void
load_directory (ShtatNormLibrary *self,
                const char       *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return; /* no local norms: nothing to add */

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;

      if (!shtat_norm_library_load_file (self, path, &error))
        {
          g_ptr_array_add (self->warnings, g_strdup_printf (_("%s was left out: %s"), path, error->message));
          g_warning ("%s was left out: %s", path, error->message);
        }
    }
}

GPtrArray *
shtat_norm_library_get_warnings (ShtatNormLibrary *self)
{
  return self->warnings;
}

/* The bundled norm sets (compiled into the program), then the user's local norm
 * data from $XDG_DATA_HOME/shtat/norms (or $SHTAT_NORMS_DIR). */
ShtatNormLibrary *
shtat_norm_library_load_default (GError **error)
{
  static const char * const bundled[] = {
    "interpretations.xml", "256-nk.xml", "580-nk.xml", "391.xml",
  };
  g_autoptr(ShtatNormLibrary) self = shtat_norm_library_new ();
  g_autofree char *local_dir = NULL;
  const char *env_dir;

  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_NORMS, bundled[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);

      if (bytes == NULL)
        return NULL;
      if (!shtat_norm_library_load_bytes (self, bundled[i], bytes, error))
        return NULL;
    }

  env_dir = g_getenv ("SHTAT_NORMS_DIR");
  local_dir = env_dir ? g_strdup (env_dir) : g_build_filename (g_get_user_data_dir (), "shtat", "norms", NULL);
  load_directory (self, local_dir);

  if (!shtat_norm_library_check (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The element of `array` whose string member at `offset` equals `key`. The
 * lists are short (tens of items) and read-only: a scan is all they need. */
static gpointer
find_by_key (GPtrArray  *array,
             gsize       offset,
             const char *key)
{
  for (guint i = 0; i < array->len; i++)
    {
      gpointer item = g_ptr_array_index (array, i);

      if (g_strcmp0 (G_STRUCT_MEMBER (const char *, item, offset), key) == 0)
        return item;
    }
  return NULL;
}

GPtrArray *
shtat_norm_library_get_tables (ShtatNormLibrary *self)
{
  return self->tables;
}

const ShtatNormTable *
shtat_norm_library_get_table (ShtatNormLibrary *self,
                              const char       *id)
{
  return find_by_key (self->tables, G_STRUCT_OFFSET (ShtatNormTable, id), id);
}

const ShtatNormTable *
shtat_norm_library_get_table_or_centre (ShtatNormLibrary *self,
                                        const char       *id)
{
  return shtat_norm_library_get_table (self, id != NULL ? id : SHTAT_NORM_TABLE_CENTRE);
}

GPtrArray *
shtat_norm_library_get_positions (ShtatNormLibrary *self)
{
  return self->positions;
}

const ShtatPosition *
shtat_norm_library_get_position (ShtatNormLibrary *self,
                                 const char       *code)
{
  return find_by_key (self->positions, G_STRUCT_OFFSET (ShtatPosition, code), code);
}

GPtrArray *
shtat_norm_library_get_external_positions (ShtatNormLibrary *self)
{
  return self->external;
}

const ShtatExternalPosition *
shtat_norm_library_get_external_position (ShtatNormLibrary *self,
                                          const char       *code)
{
  return find_by_key (self->external, G_STRUCT_OFFSET (ShtatExternalPosition, code), code);
}

const ShtatAct *
shtat_norm_library_get_act (ShtatNormLibrary *self,
                            const char       *id)
{
  return find_by_key (self->acts, G_STRUCT_OFFSET (ShtatAct, id), id);
}

const ShtatInterpretation *
shtat_norm_library_get_interpretation (ShtatNormLibrary *self,
                                       guint             id)
{
  for (guint i = 0; i < self->interpretations->len; i++)
    {
      ShtatInterpretation *in = g_ptr_array_index (self->interpretations, i);
      if (in->id == id)
        return in;
    }
  return NULL;
}

GPtrArray *
shtat_norm_library_get_families (ShtatNormLibrary *self)
{
  return self->families;
}
