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
#include "shtat-norms-private.h"
#include "shtat-norms-enums.h"
#include "shtat-units.h"

G_DEFINE_QUARK (shtat-norm-error-quark, shtat_norm_error)

G_DEFINE_FINAL_TYPE (ShtatNormLibrary, shtat_norm_library, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Freeing                                                                  */

void
shtat_norms_amendment_free (ShtatAmendment *a)
{
  g_free (a->id);
  g_free (a->act_id);
  g_free (a->effective_from);
  g_free (a->cite);
  shtat_text_clear (&a->note);
  g_free (a);
}

void
shtat_norms_act_free (ShtatAct *act)
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

void
shtat_norms_interpretation_free (ShtatInterpretation *i)
{
  g_free (i->cite);
  shtat_text_clear (&i->title);
  shtat_text_clear (&i->text);
  g_free (i);
}

void
shtat_norms_bracket_free (ShtatBracket *b)
{
  g_free (b->id);
  shtat_text_clear (&b->label);
  g_free (b);
}

void
shtat_norms_row_free (ShtatNormRow *row)
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

void
shtat_norms_section_free (ShtatSection *s)
{
  g_free (s->id);
  shtat_text_clear (&s->name);
  g_ptr_array_unref (s->rows);
  g_free (s);
}

void
shtat_norms_table_note_free (ShtatTableNote *n)
{
  g_free (n->id);
  g_free (n->cite);
  shtat_text_clear (&n->text);
  g_array_unref (n->interpretations);
  g_free (n);
}

void
shtat_norms_table_free (ShtatNormTable *t)
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

void
shtat_norms_alternative_free (ShtatAlternative *a)
{
  g_free (a->certificate_kind);
  shtat_text_clear (&a->certificate_name);
  g_free (a);
}

void
shtat_norms_category_free (ShtatCategoryRequirement *c)
{
  shtat_text_clear (&c->name);
  g_ptr_array_unref (c->alternatives);
  g_array_unref (c->interpretations);
  g_free (c);
}

void
shtat_norms_level_free (ShtatLevelRequirement *l)
{
  shtat_text_clear (&l->name);
  g_ptr_array_unref (l->categories);
  g_free (l);
}

void
shtat_norms_summary_item_free (ShtatSummaryItem *item)
{
  g_free (item->cite);
  shtat_text_clear (&item->text);
  g_ptr_array_unref (item->amendments);
  g_free (item);
}

void
shtat_norms_position_free (ShtatPosition *p)
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

void
shtat_norms_external_free (ShtatExternalPosition *e)
{
  g_free (e->code);
  g_free (e->act_id);
  g_free (e->cite);
  shtat_text_clear (&e->name);
  g_array_unref (e->interpretations);
  g_free (e);
}

void
shtat_norms_family_free (ShtatFamily *f)
{
  g_free (f->id);
  g_strfreev (f->members);
  g_free (f);
}

/* ------------------------------------------------------------------------ */
/* Names of the enumerations, as in the XML, and as users read them         */

/* The nicks of the generated enum types (shtat-norms-enums.h) are the words of the XML. */
int
shtat_norms_lookup_name (GType       type,
             const char *str)
{
  int value;

  return shtat_enum_from_nick (type, str, &value) ? value : -1;
}

const char *
shtat_driver_to_string (ShtatDriver driver)
{
  return shtat_enum_to_nick (SHTAT_TYPE_DRIVER, driver);
}

gboolean
shtat_driver_from_string (const char  *str,
                          ShtatDriver *out)
{
  int i = shtat_norms_lookup_name (SHTAT_TYPE_DRIVER, str);

  if (i < 0)
    return FALSE;
  if (out != NULL)
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
  return shtat_enum_to_nick (SHTAT_TYPE_FLAG, flag);
}

gboolean
shtat_flag_from_string (const char *str,
                        ShtatFlag  *out)
{
  int i = shtat_norms_lookup_name (SHTAT_TYPE_FLAG, str);

  if (i < 0)
    return FALSE;
  if (out != NULL)
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
  return shtat_enum_to_nick (SHTAT_TYPE_RULE_KIND, kind);
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
  return shtat_enum_to_nick (SHTAT_TYPE_EDUCATION_LEVEL, level);
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
  return shtat_enum_to_nick (SHTAT_TYPE_FIELD, field);
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
  return shtat_enum_to_nick (SHTAT_TYPE_LEVEL, level);
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
  return shtat_enum_to_nick (SHTAT_TYPE_CATEGORY, category);
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
  self->acts = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_act_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_table_free);
  self->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_position_free);
  self->external = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_external_free);
  self->interpretations = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_interpretation_free);
  self->families = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_norms_family_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/**
 * shtat_norm_library_new:
 *
 * Returns: (transfer full): an empty library
 */
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

  doc = shtat_norms_parse_and_validate (name, data, len, error);
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

    ok = shtat_norms_read_doc (self, name, doc, error);
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
          g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));

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

/**
 * shtat_norm_library_get_warnings:
 * @self: a library
 *
 * Returns: (transfer none) (element-type utf8): what was left out while loading, one sentence each
 */
GPtrArray *
shtat_norm_library_get_warnings (ShtatNormLibrary *self)
{
  return self->warnings;
}

/**
 * shtat_norm_library_load_default:
 * @error: return location for a #GError
 *
 * The bundled norm sets (compiled into the program), then the user's local norm
 * data from $XDG_DATA_HOME/shtat/norms (or $SHTAT_NORMS_DIR).
 *
 * Returns: (transfer full) (nullable): the library, or %NULL with @error set
 */
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

/**
 * shtat_norm_library_get_tables:
 * @self: a library
 *
 * Returns: (transfer none) (element-type ShtatNormTable): every staffing table, in the order loaded
 */
GPtrArray *
shtat_norm_library_get_tables (ShtatNormLibrary *self)
{
  return self->tables;
}

/**
 * shtat_norm_library_get_table:
 * @self: a library
 * @id: a table id, e.g. "fsc"
 *
 * Returns: (transfer none) (nullable): the table, or %NULL
 */
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

/**
 * shtat_norm_library_get_positions:
 * @self: a library
 *
 * Returns: (transfer none) (element-type ShtatPosition): every qualification characteristic
 */
GPtrArray *
shtat_norm_library_get_positions (ShtatNormLibrary *self)
{
  return self->positions;
}

/**
 * shtat_norm_library_get_position:
 * @self: a library
 * @code: a position code
 *
 * Returns: (transfer none) (nullable): the position, or %NULL
 */
const ShtatPosition *
shtat_norm_library_get_position (ShtatNormLibrary *self,
                                 const char       *code)
{
  return find_by_key (self->positions, G_STRUCT_OFFSET (ShtatPosition, code), code);
}

/**
 * shtat_norm_library_get_external_positions:
 * @self: a library
 *
 * Returns: (transfer none) (element-type ShtatExternalPosition): the positions whose requirements
 *   other acts set
 */
GPtrArray *
shtat_norm_library_get_external_positions (ShtatNormLibrary *self)
{
  return self->external;
}

/**
 * shtat_norm_library_get_external_position:
 * @self: a library
 * @code: a position code
 *
 * Returns: (transfer none) (nullable): the position, or %NULL
 */
const ShtatExternalPosition *
shtat_norm_library_get_external_position (ShtatNormLibrary *self,
                                          const char       *code)
{
  return find_by_key (self->external, G_STRUCT_OFFSET (ShtatExternalPosition, code), code);
}

/**
 * shtat_norm_library_get_act:
 * @self: a library
 * @id: an act id, e.g. "580-nk"
 *
 * Returns: (transfer none) (nullable): the act, or %NULL
 */
const ShtatAct *
shtat_norm_library_get_act (ShtatNormLibrary *self,
                            const char       *id)
{
  return find_by_key (self->acts, G_STRUCT_OFFSET (ShtatAct, id), id);
}

/**
 * shtat_norm_library_get_interpretation:
 * @self: a library
 * @id: the number of the interpretation
 *
 * Returns: (transfer none) (nullable): the interpretation, or %NULL
 */
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

/**
 * shtat_norm_library_get_families:
 * @self: a library
 *
 * Returns: (transfer none) (element-type ShtatFamily): the families of posts (decisions.md item 12)
 */
GPtrArray *
shtat_norm_library_get_families (ShtatNormLibrary *self)
{
  return self->families;
}
