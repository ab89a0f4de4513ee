/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-requirements"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-requirements.h"

#define BIT(x) (1u << (x))
#define TVET_LEVELS (BIT (SHTAT_EDUCATION_SECONDARY_SPECIALISED) | \
                     BIT (SHTAT_EDUCATION_SECONDARY_VOCATIONAL) | \
                     BIT (SHTAT_EDUCATION_POST_SECONDARY))
#define ALL_LEVELS (BIT (SHTAT_N_EDUCATION_LEVELS) - 1)

/**
 * shtat_category_requirement_get_label:
 * @cat: a category of a position
 *
 * Returns: (transfer none): its name in the act, else the category's usual name
 */
const char *
shtat_category_requirement_get_label (const ShtatCategoryRequirement *cat)
{
  if (shtat_text_is_set (&cat->name))
    return shtat_text_get (&cat->name);
  return shtat_category_get_label (cat->id);
}

/**
 * shtat_level_requirement_get_label:
 * @level: a level of a position
 *
 * Returns: (transfer none): its name in the act, else the level's usual name
 */
const char *
shtat_level_requirement_get_label (const ShtatLevelRequirement *level)
{
  if (shtat_text_is_set (&level->name))
    return shtat_text_get (&level->name);
  return shtat_level_get_label (level->id);
}

static void
append_list (GString    *out,
             GPtrArray  *items,
             const char *last_separator)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == items->len ? last_separator : ", ");
      g_string_append (out, g_ptr_array_index (items, i));
    }
}

/**
 * shtat_alternative_describe_education:
 * @alt: an alternative of a category
 *
 * Returns: (transfer full): the education it asks for, as a sentence
 */
char *
shtat_alternative_describe_education (const ShtatAlternative *alt)
{
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  guint32 set = alt->education_levels;

  if ((set & ALL_LEVELS) == ALL_LEVELS)
    {
      g_ptr_array_add (levels, (gpointer) _("basic secondary or any higher"));
      set = 0;
    }
  if ((set & TVET_LEVELS) == TVET_LEVELS)
    {
      g_ptr_array_add (levels, (gpointer) _("technical and vocational"));
      set &= ~TVET_LEVELS;
    }
  for (guint l = 0; l < SHTAT_N_EDUCATION_LEVELS; l++)
    if (set & BIT (l))
      g_ptr_array_add (levels, (gpointer) shtat_education_level_get_label (l));

  for (guint f = 0; f < SHTAT_N_FIELDS; f++)
    if (alt->fields & BIT (f))
      g_ptr_array_add (fields, (gpointer) shtat_field_get_label (f));

  /* TRANSLATORS: followed by the list of education levels, e.g. "higher or postgraduate" */
  g_string_append (out, _("Education: "));
  append_list (out, levels, _(" or "));
  if (fields->len > 0)
    {
      g_string_append (out, " (");
      append_list (out, fields, ", ");
      g_string_append (out, ")");
    }

  if (alt->certificate_kind != NULL)
    {
      g_string_append (out, _(", and a certificate: "));
      g_string_append (out, shtat_text_get (&alt->certificate_name));
    }

  return g_string_free (out, FALSE);
}

/* The category as it reads inside a sentence: "in the second category". */
static const char *
category_in_phrase (int category)
{
  switch (category)
    {
    case SHTAT_CATEGORY_HIGHEST:
      return _("highest category");
    case SHTAT_CATEGORY_FIRST:
      return _("first category");
    case SHTAT_CATEGORY_SECOND:
    default:
      return _("second category");
    }
}

static const char *
category_phrase (int category)
{
  switch (category)
    {
    case SHTAT_CATEGORY_HIGHEST:
      return _("highest-category");
    case SHTAT_CATEGORY_FIRST:
      return _("first-category");
    case SHTAT_CATEGORY_SECOND:
      return _("second-category");
    case SHTAT_CATEGORY_NONE:
    default:
      return "";
    }
}

static char *
describe_experience (const ShtatAlternative *alt,
                     const ShtatPosition    *position)
{
  if (!alt->has_experience)
    return g_strdup (_("No experience required"));

  switch (alt->scope)
    {
    case SHTAT_EXPERIENCE_SECTOR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "At least %u year in social protection, employment, education, health or law enforcement",
                                           "At least %u years in social protection, employment, education, health or law enforcement",
                                           alt->years), alt->years);
    case SHTAT_EXPERIENCE_MANAGERIAL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "At least %u year in leadership posts in the same field of activity",
                                           "At least %u years in leadership posts in the same field of activity",
                                           alt->years), alt->years);
    case SHTAT_EXPERIENCE_CATEGORY:
      if (alt->experience_category == SHTAT_CATEGORY_NONE && alt->experience_level == SHTAT_LEVEL_MEDIUM)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "At least %u year as a medium-level specialist without category",
                                             "At least %u years as a medium-level specialist without category",
                                             alt->years), alt->years);
      if (alt->experience_category == SHTAT_CATEGORY_NONE)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "At least %u year as a higher-level specialist without category",
                                             "At least %u years as a higher-level specialist without category",
                                             alt->years), alt->years);
      if (alt->experience_level == SHTAT_LEVEL_MEDIUM)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "At least %u year as a %s medium-level specialist",
                                             "At least %u years as a %s medium-level specialist",
                                             alt->years), alt->years,
                                category_phrase (alt->experience_category));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "At least %u year as a %s higher-level specialist",
                                           "At least %u years as a %s higher-level specialist",
                                           alt->years), alt->years,
                              category_phrase (alt->experience_category));
    case SHTAT_EXPERIENCE_POSITION:
    default:
      /* Position names from the norm data keep their own case. */
      if (alt->experience_category == SHTAT_CATEGORY_NONE || alt->experience_category < 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "At least %u year in the position “%s”, without category",
                                             "At least %u years in the position “%s”, without category",
                                             alt->years), alt->years, shtat_text_get (&position->name));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "At least %u year in the position “%s”, in the %s",
                                           "At least %u years in the position “%s”, in the %s",
                                           alt->years), alt->years, shtat_text_get (&position->name),
                              category_in_phrase (alt->experience_category));
    }
}

/**
 * shtat_alternative_describe_experience:
 * @alt: an alternative of a category
 * @position: the position it belongs to
 *
 * Returns: (transfer full): the experience it asks for, as a sentence
 */
char *
shtat_alternative_describe_experience (const ShtatAlternative *alt,
                                       const ShtatPosition    *position)
{
  g_autofree char *text = describe_experience (alt, position);

  return shtat_capitalize_first (text);
}

/**
 * shtat_alternative_describe:
 * @alt: an alternative of a category
 * @position: the position it belongs to
 *
 * Returns: (transfer full): all it asks for, as a sentence
 */
char *
shtat_alternative_describe (const ShtatAlternative *alt,
                            const ShtatPosition    *position)
{
  g_autofree char *education = shtat_alternative_describe_education (alt);
  g_autofree char *experience = shtat_alternative_describe_experience (alt, position);

  return g_strdup_printf ("%s. %s.", education, experience);
}
