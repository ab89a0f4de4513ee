/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-verdict"

#include "config.h"

#include "shtat-text.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shtat-experience.h"
#include "shtat-requirements.h"
#include "shtat-enum.h"
#include "shtat-personnel-enums.h"
#include "shtat-verdict.h"

/* How a verdict is reached (order 580-НҚ; decisions.md items 10–19)
 *
 * The post. The assignment names the position. A position another act covers
 * (003 ¶2) gives OTHER_ACT; a code the norm data does not know gives
 * MISSING_DATA. A position with one level of requirements is evaluated at that
 * level, whatever the assignment says. A position with two is evaluated at the
 * assignment's level; when none is recorded, at the higher level if the education
 * meets any of its alternatives, else at the medium level.
 *
 * The ladder. The level's categories run from the top rung down; a rung holds if
 * any of its alternatives does (items 10, 11), and an alternative if all of its
 * clauses do:
 *
 *   education    a record whose level is in the set, and whose field is in the
 *                set (no set: any field; "relevant": the user confirmed it). A
 *                "technical and vocational" requirement (secondary specialised and
 *                secondary vocational) also accepts post-secondary, and any
 *                requirement below higher education accepts a higher or
 *                postgraduate one whose field matches (item 16). A requirement of
 *                secondary specialised alone (¶27, ¶33) is kept as the data says.
 *   certificate  one of that kind, issued on or before the as-of date and not
 *                expired on it (valid through its expiry date).
 *   experience   the periods in scope, merged and counted on the as-of date
 *                (item 14): sector = any sector but "other"; managerial = those of
 *                them marked managerial (item 13); category = posts of the same
 *                family at the level and category named (item 12; a period with no
 *                level recorded in a position that has one level has that level, and
 *                no category recorded means without category); position = this very
 *                position in the category named (¶21, item 15).
 *
 * Answers are three-valued: a diploma whose field is not classified may or may not
 * match, and a rung that holds only if it does is "unknown". An unknown held rung,
 * or no education recorded at all, gives MISSING_DATA.
 *
 * The current post counts. The assignment itself is experience: from its start it
 * is a period in this position, at the level evaluated and in the category held,
 * in the social protection sector (002 §3(3): Centres are set up under the
 * akimats' social protection and employment bodies), not managerial. It counts on
 * the as-of date like any recorded period (a period also recorded among the work
 * periods merges with it, so nothing counts twice), and for "eligible on" it runs
 * on as long as needed: the person keeps their post and category (item 19).
 * Recorded periods starting after the as-of date are plans and are left out.
 *
 * The verdict. MEETS when the rung of the category held holds (no category: the
 * bottom rung). The attainable category is the highest rung that holds (item 19);
 * the held category is justified when it is not above it, or when no category is
 * held. The next category is the rung above the held one; it is reachable when an
 * alternative's education and certificate hold now, and eligible_on is the first
 * date its experience reaches the years required (it may lie before the as-of
 * date: eligible since then).
 *
 * Speed (performance.md: at least a million checks a second on one core): the
 * norm library is indexed once (positions by code, families); within a check,
 * each rung is evaluated once, what a work period is to the post and its Julian
 * days are worked out once, and an alternative whose education fails never
 * counts experience; a check without reasons allocates nothing for up to
 * STACK_PERIODS work periods; shtat_verdict_compute_many() fetches the next
 * people's records from memory while it checks one. Reasons are built only
 * when asked for, by re-deriving the details of the clauses that fell short. */

#define BIT(x) (1u << (x))
#define TVET_LEVELS (BIT (SHTAT_EDUCATION_SECONDARY_SPECIALISED) | \
                     BIT (SHTAT_EDUCATION_SECONDARY_VOCATIONAL) | \
                     BIT (SHTAT_EDUCATION_POST_SECONDARY))
#define HIGHER_LEVELS (BIT (SHTAT_EDUCATION_HIGHER) | BIT (SHTAT_EDUCATION_POSTGRADUATE))

#define STACK_PERIODS       32
#define MAX_INTERPRETATIONS 32

/* Interpretations the engine applies by itself, beyond those the norm data lists
 * with each category (interpretations.xml). */
#define INTERPRETATION_EXPERIENCE 14
#define INTERPRETATION_PROMOTION  19
#define INTERPRETATION_CURRENT_POST 23

typedef enum
{
  TRUTH_NO,
  TRUTH_UNKNOWN,
  TRUTH_YES,
} Truth;

/* ------------------------------------------------------------------------ */
/* The index of a norm library                                              */

typedef struct
{
  const ShtatPosition         *position;
  const char * const          *family;      /* its family's members, or NULL: itself alone */
  guint                        family_interpretation;
  const ShtatLevelRequirement *only_level;  /* when it has exactly one */
} Post;

typedef struct
{
  GHashTable *posts;     /* code → Post */
  GHashTable *external;  /* code → ShtatExternalPosition */
  guint       n_positions;
  guint       n_external;
  guint       n_families;
} LibraryIndex;

static GQuark
index_quark (void)
{
  static gsize quark = 0;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("shtat-verdict-index"));
  return (GQuark) quark;
}

static void
library_index_free (LibraryIndex *index)
{
  g_hash_table_unref (index->posts);
  g_hash_table_unref (index->external);
  g_free (index);
}

static LibraryIndex *
library_index_new (ShtatNormLibrary *library)
{
  GPtrArray *positions = shtat_norm_library_get_positions (library);
  GPtrArray *external = shtat_norm_library_get_external_positions (library);
  GPtrArray *families = shtat_norm_library_get_families (library);
  LibraryIndex *index = g_new0 (LibraryIndex, 1);

  index->posts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  index->external = g_hash_table_new (g_str_hash, g_str_equal);
  index->n_positions = positions->len;
  index->n_external = external->len;
  index->n_families = families->len;

  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPosition *p = g_ptr_array_index (positions, i);
      Post *post = g_new0 (Post, 1);

      post->position = p;
      if (p->levels->len == 1)
        post->only_level = g_ptr_array_index (p->levels, 0);

      for (guint f = 0; f < families->len && post->family == NULL; f++)
        {
          const ShtatFamily *family = g_ptr_array_index (families, f);

          if (family->members != NULL && g_strv_contains ((const char * const *) family->members, p->code))
            {
              post->family = (const char * const *) family->members;
              post->family_interpretation = family->interpretation;
            }
        }

      g_hash_table_replace (index->posts, p->code, post);
    }

  for (guint i = 0; i < external->len; i++)
    {
      const ShtatExternalPosition *e = g_ptr_array_index (external, i);
      g_hash_table_replace (index->external, e->code, (gpointer) e);
    }

  return index;
}

static gboolean
library_index_current (const LibraryIndex *index,
                       ShtatNormLibrary   *library)
{
  return index->n_positions == shtat_norm_library_get_positions (library)->len
         && index->n_external == shtat_norm_library_get_external_positions (library)->len
         && index->n_families == shtat_norm_library_get_families (library)->len;
}

/* The index lives with the library and is rebuilt if norm sets were loaded since;
 * the library is read-only once loaded, so concurrent checks share it. */
static const LibraryIndex *
library_index_get (ShtatNormLibrary *library)
{
  static GMutex lock;
  GQuark quark = index_quark ();
  LibraryIndex *index = g_object_get_qdata (G_OBJECT (library), quark);

  if (G_LIKELY (index != NULL && library_index_current (index, library)))
    return index;

  g_mutex_lock (&lock);
  index = g_object_get_qdata (G_OBJECT (library), quark);
  if (index == NULL || !library_index_current (index, library))
    {
      index = library_index_new (library);
      g_object_set_qdata_full (G_OBJECT (library), quark, index,
                               (GDestroyNotify) library_index_free);
    }
  g_mutex_unlock (&lock);

  return index;
}

/* ------------------------------------------------------------------------ */
/* One check                                                                */

/* What a work period is to the post: worked out once per check for the ladder's
 * scopes (item 12, ¶21), where every rung asks again. */
#define PERIOD_FAMILY   (1u << 0)  /* a post of the same family */
#define PERIOD_POSITION (1u << 1)  /* this very position */

typedef struct
{
  guint8 flags;
  gint8  level;   /* its level, or the position's only one; -1 */
} PeriodInfo;

typedef struct
{
  guint32     ready;  /* 1 << i: spans[i] is filled in */
  ShtatPeriod spans[STACK_PERIODS];
} SpanCache;

typedef struct
{
  ShtatNormLibrary            *library;
  const LibraryIndex          *index;
  const Post                  *post;
  const ShtatEmployee         *employee;
  const ShtatAssignment       *assignment;
  GDate                        as_of;
  const ShtatLevelRequirement *level;
  int                          held;         /* SHTAT_CATEGORY_NONE when none is held */
  gboolean                     has_current;
  ShtatWorkPeriod              current;      /* the assignment as a work period */
  PeriodInfo                   current_info;
  ShtatPeriod                  current_span;
  /* Worked out once per check when there are at most STACK_PERIODS periods:
   * what each recorded period is to the post, and (on first use) its dates
   * with their Julian days known, so that no rung converts a date again. */
  const PeriodInfo            *infos;
  SpanCache                   *spans;
  PeriodInfo                   infos_stack[STACK_PERIODS];
  guint32                      rungs_known;
  Truth                        rungs[SHTAT_N_CATEGORIES];
} Check;

static inline int
normal_category (int category)
{
  return category < 0 ? SHTAT_CATEGORY_NONE : category;
}

static inline guint
n_education (const ShtatEmployee *employee)
{
  return employee->education != NULL ? employee->education->len : 0;
}

static inline guint
n_periods (const ShtatEmployee *employee)
{
  return employee->periods != NULL ? employee->periods->len : 0;
}

static const ShtatCategoryRequirement *
rung (const Check *c,
      guint        i)
{
  return g_ptr_array_index (c->level->categories, i);
}

/* Education ---------------------------------------------------------------- */

static guint32
accepted_levels (guint32 levels)
{
  /* Item 16: "technical and vocational" also accepts post-secondary… */
  if ((levels & BIT (SHTAT_EDUCATION_SECONDARY_SPECIALISED))
      && (levels & BIT (SHTAT_EDUCATION_SECONDARY_VOCATIONAL)))
    levels |= BIT (SHTAT_EDUCATION_POST_SECONDARY);
  /* …and a higher education, if its field matches: the field clause decides. */
  if ((levels & TVET_LEVELS) != 0 && (levels & HIGHER_LEVELS) == 0)
    levels |= HIGHER_LEVELS;
  return levels;
}

/* Interpretation 22: a diploma in a narrower field also counts for the broad
 * field the act names: social work is a social field, nursing a medical one,
 * preschool, primary, vocational and physical education pedagogical ones. */
static ShtatField
broader_field (ShtatField field)
{
  switch (field)
    {
    case SHTAT_FIELD_SOCIAL_WORK:
      return SHTAT_FIELD_SOCIAL;
    case SHTAT_FIELD_NURSING:
      return SHTAT_FIELD_MEDICINE;
    case SHTAT_FIELD_PRESCHOOL:
    case SHTAT_FIELD_PRIMARY_PEDAGOGY:
    case SHTAT_FIELD_VOCATIONAL_TRAINING:
    case SHTAT_FIELD_PHYSICAL_CULTURE:
      return SHTAT_FIELD_PEDAGOGY;
    case SHTAT_FIELD_SOCIAL:
    case SHTAT_FIELD_PSYCHOLOGY:
    case SHTAT_FIELD_PEDAGOGY:
    case SHTAT_FIELD_MEDICINE:
    case SHTAT_FIELD_LAW:
    case SHTAT_FIELD_ECONOMICS:
    case SHTAT_FIELD_HUMANITIES:
    case SHTAT_FIELD_RELEVANT:
    case SHTAT_N_FIELDS:
    default:
      return field;
    }
}

static Truth
field_truth (guint32               fields,
             const ShtatEducation *e)
{
  if (fields == 0)
    return TRUTH_YES;
  if ((fields & BIT (SHTAT_FIELD_RELEVANT)) && e->relevant)
    return TRUTH_YES;
  if (e->field >= 0 && e->field < SHTAT_N_FIELDS)
    return (fields & (BIT (e->field) | BIT (broader_field (e->field)))) ? TRUTH_YES : TRUTH_NO;
  /* Not classified: only a listed field could tell; "relevant" is the user's
   * confirmation, and it was not given. */
  if ((fields & ~BIT (SHTAT_FIELD_RELEVANT)) == 0)
    return TRUTH_NO;
  return TRUTH_UNKNOWN;
}

static Truth
education_truth (const Check            *c,
                 const ShtatAlternative *alt)
{
  GArray *education = c->employee->education;
  guint32 levels;
  Truth best = TRUTH_NO;

  if (alt->education_levels == 0)
    return TRUTH_YES;

  levels = accepted_levels (alt->education_levels);
  for (guint i = 0; i < n_education (c->employee) && best != TRUTH_YES; i++)
    {
      const ShtatEducation *e = &g_array_index (education, ShtatEducation, i);
      Truth t;

      if ((guint) e->level >= SHTAT_N_EDUCATION_LEVELS || !(levels & BIT (e->level)))
        continue;
      t = field_truth (alt->fields, e);
      best = MAX (best, t);
    }

  return best;
}

static gboolean
has_certificate (const Check *c,
                 const char  *kind)
{
  GArray *certificates = c->employee->certificates;

  for (guint i = 0; certificates != NULL && i < certificates->len; i++)
    {
      const ShtatCertificate *cert = &g_array_index (certificates, ShtatCertificate, i);

      if (g_strcmp0 (cert->kind, kind) != 0)
        continue;
      if (g_date_valid (&cert->issued) && g_date_compare (&cert->issued, &c->as_of) > 0)
        continue;
      if (g_date_valid (&cert->expires) && g_date_compare (&cert->expires, &c->as_of) < 0)
        continue;
      return TRUE;
    }

  return FALSE;
}

/* Experience --------------------------------------------------------------- */

/* Most codes differ in their first byte: no call for those. */
static inline gboolean
codes_equal (const char *a,
             const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

static gboolean
in_family (const Post *post,
           const char *code)
{
  if (code == NULL)
    return FALSE;
  if (post->family == NULL)
    return codes_equal (code, post->position->code);
  for (const char * const *m = post->family; *m != NULL; m++)
    if (codes_equal (*m, code))
      return TRUE;
  return FALSE;
}

static int
period_level (const Check           *c,
              const ShtatWorkPeriod *p)
{
  const Post *post;

  if (p->level >= 0 || p->position == NULL)
    return p->level;
  post = g_hash_table_lookup (c->index->posts, p->position);
  return post != NULL && post->only_level != NULL ? (int) post->only_level->id : -1;
}

static PeriodInfo
period_info (const Check           *c,
             const ShtatWorkPeriod *p)
{
  PeriodInfo info = { 0, -1 };

  if (p->position == NULL)
    return info;
  if (codes_equal (p->position, c->post->position->code))
    info.flags = PERIOD_POSITION | PERIOD_FAMILY;
  else if (in_family (c->post, p->position))
    info.flags = PERIOD_FAMILY;
  if (info.flags != 0)
    info.level = (gint8) period_level (c, p);
  return info;
}

/* @cached: what period_info() says of @p, if known. */
static gboolean
period_in_scope (const Check            *c,
                 const ShtatAlternative *alt,
                 const ShtatWorkPeriod  *p,
                 const PeriodInfo       *cached)
{
  PeriodInfo info;

  switch (alt->scope)
    {
    case SHTAT_EXPERIENCE_SECTOR:
      return p->sector != SHTAT_SECTOR_OTHER && p->sector < SHTAT_N_SECTORS;

    case SHTAT_EXPERIENCE_MANAGERIAL:
      return p->managerial && p->sector != SHTAT_SECTOR_OTHER && p->sector < SHTAT_N_SECTORS;

    case SHTAT_EXPERIENCE_CATEGORY:
      if (alt->experience_category >= 0 && normal_category (p->category) != alt->experience_category)
        return FALSE;
      info = cached != NULL ? *cached : period_info (c, p);
      return (info.flags & PERIOD_FAMILY)
             && (alt->experience_level < 0 || info.level == alt->experience_level);

    case SHTAT_EXPERIENCE_POSITION:
      if (alt->experience_category >= 0 && normal_category (p->category) != alt->experience_category)
        return FALSE;
      info = cached != NULL ? *cached : period_info (c, p);
      return (info.flags & PERIOD_POSITION) != 0;

    default:
      return FALSE;
    }
}

/* GDate works out a date's Julian day on first use and keeps it: do it once
 * here rather than in every rung's copy. */
static inline void
prime_julian (ShtatPeriod *period)
{
  if (g_date_valid (&period->from))
    g_date_get_julian (&period->from);
  if (g_date_valid (&period->to))
    g_date_get_julian (&period->to);
}

/* The periods in the alternative's scope; @keep_post: for "eligible on", the
 * current post runs on and recorded plans are left out. @out holds
 * n_periods + 1 entries. */
static guint
collect_periods (const Check            *c,
                 const ShtatAlternative *alt,
                 gboolean                keep_post,
                 ShtatPeriod            *out)
{
  GArray *periods = c->employee->periods;
  guint n = 0;

  for (guint i = 0; i < n_periods (c->employee); i++)
    {
      const ShtatWorkPeriod *p = &g_array_index (periods, ShtatWorkPeriod, i);

      if (!period_in_scope (c, alt, p, c->infos != NULL ? &c->infos[i] : NULL))
        continue;
      if (c->spans != NULL)
        {
          if (!(c->spans->ready & BIT (i)))
            {
              shtat_period_init (&c->spans->spans[i], &p->from, &p->to);
              prime_julian (&c->spans->spans[i]);
              c->spans->ready |= BIT (i);
            }
          out[n] = c->spans->spans[i];
        }
      else
        shtat_period_init (&out[n], &p->from, &p->to);
      if (keep_post && g_date_valid (&out[n].from) && g_date_compare (&out[n].from, &c->as_of) > 0)
        continue;
      n++;
    }

  if (c->has_current && period_in_scope (c, alt, &c->current, &c->current_info))
    {
      out[n] = c->current_span;
      if (keep_post && g_date_valid (&out[n].to) && g_date_compare (&out[n].to, &c->as_of) >= 0)
        g_date_clear (&out[n].to, 1);
      n++;
    }

  return n;
}

static ShtatPeriod *
periods_buffer (const Check *c,
                ShtatPeriod *stack)
{
  guint needed = n_periods (c->employee) + 1;

  return needed <= STACK_PERIODS ? stack : g_new (ShtatPeriod, needed);
}

static void
periods_buffer_free (ShtatPeriod *buffer,
                     ShtatPeriod *stack)
{
  if (buffer != stack)
    g_free (buffer);
}

static ShtatDuration
experience_now (const Check            *c,
                const ShtatAlternative *alt)
{
  ShtatPeriod stack[STACK_PERIODS];
  ShtatPeriod *buffer = periods_buffer (c, stack);
  ShtatDuration d = { 0, 0, 0 };
  guint n = collect_periods (c, alt, FALSE, buffer);

  if (n > 0)
    d = shtat_experience_total (buffer, n, &c->as_of);
  periods_buffer_free (buffer, stack);
  return d;
}

static gboolean
experience_date (const Check            *c,
                 const ShtatAlternative *alt,
                 GDate                  *out_date)
{
  ShtatPeriod stack[STACK_PERIODS];
  ShtatPeriod *buffer = periods_buffer (c, stack);
  guint n = collect_periods (c, alt, TRUE, buffer);
  gboolean found = FALSE;

  g_date_clear (out_date, 1);
  if (n > 0)
    found = shtat_experience_date_reaching (buffer, n, alt->years, out_date);
  periods_buffer_free (buffer, stack);
  return found;
}

static inline gboolean
needs_experience (const ShtatAlternative *alt)
{
  return alt->has_experience && alt->years > 0;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch (p)
#else
#define PREFETCH(p) ((void) (p))
#endif

/* A bulk check waits on memory more than it computes: the records of one
 * person lie in a dozen places. So while one person is checked, those of the
 * next few are fetched, a level of pointers further each step ahead:
 *
 *   i + 4  the person and the post
 *   i + 3  the headers of their arrays, the post's code
 *   i + 2  the education and work period records
 *   i + 1  the position codes of the work periods */
#define PREFETCH_AHEAD 4

static void
prefetch_stage (const ShtatEmployee   *e,
                const ShtatAssignment *a,
                guint                  stage)
{
  switch (stage)
    {
    case 4:
      PREFETCH (e);
      PREFETCH (a);
      break;

    case 3:
      PREFETCH (e->education);
      PREFETCH (e->periods);
      PREFETCH (a->position);
      break;

    case 2:
      if (e->education != NULL)
        PREFETCH (e->education->data);
      if (e->periods != NULL)
        for (guint k = 0; k < e->periods->len * sizeof (ShtatWorkPeriod); k += 64)
          PREFETCH (e->periods->data + k);
      break;

    case 1:
      if (e->periods != NULL)
        for (guint k = 0; k < e->periods->len; k++)
          PREFETCH (g_array_index (e->periods, ShtatWorkPeriod, k).position);
      break;

    default:
      break;
    }
}

/* Rungs -------------------------------------------------------------------- */

static Truth
alternative_truth (const Check            *c,
                   const ShtatAlternative *alt)
{
  Truth t = education_truth (c, alt);

  if (t == TRUTH_NO)
    return TRUTH_NO;
  if (alt->certificate_kind != NULL && !has_certificate (c, alt->certificate_kind))
    return TRUTH_NO;
  if (needs_experience (alt))
    {
      ShtatDuration d = experience_now (c, alt);

      if (!shtat_duration_at_least_years (&d, alt->years))
        return TRUTH_NO;
    }
  return t;
}

static Truth
rung_truth (Check *c,
            guint  i)
{
  const ShtatCategoryRequirement *cat;
  Truth best;

  if (c->rungs_known & BIT (i))
    return c->rungs[i];

  cat = rung (c, i);
  best = cat->alternatives->len == 0 ? TRUTH_YES : TRUTH_NO;
  for (guint a = 0; a < cat->alternatives->len && best != TRUTH_YES; a++)
    {
      Truth t = alternative_truth (c, g_ptr_array_index (cat->alternatives, a));
      best = MAX (best, t);
    }

  c->rungs[i] = best;
  c->rungs_known |= BIT (i);
  return best;
}

/* The first date the rung's rule holds for someone keeping their post, or FALSE
 * when experience alone cannot make it hold. */
static gboolean
rung_eligible_on (const Check                    *c,
                  const ShtatCategoryRequirement *cat,
                  GDate                          *out_date)
{
  gboolean found = FALSE;

  g_date_clear (out_date, 1);
  for (guint a = 0; a < cat->alternatives->len; a++)
    {
      const ShtatAlternative *alt = g_ptr_array_index (cat->alternatives, a);
      GDate date;

      if (education_truth (c, alt) != TRUTH_YES)
        continue;
      if (alt->certificate_kind != NULL && !has_certificate (c, alt->certificate_kind))
        continue;
      if (!needs_experience (alt))
        date = c->as_of;
      else if (!experience_date (c, alt, &date))
        continue;

      if (!found || g_date_compare (&date, out_date) < 0)
        *out_date = date;
      found = TRUE;
    }

  return found;
}

/* Levels ------------------------------------------------------------------- */

static const ShtatLevelRequirement *
find_level (const ShtatPosition *position,
            int                  id)
{
  for (guint i = 0; i < position->levels->len; i++)
    {
      const ShtatLevelRequirement *level = g_ptr_array_index (position->levels, i);
      if ((int) level->id == id)
        return level;
    }
  return NULL;
}

static gboolean
education_meets_level (const Check                 *c,
                       const ShtatLevelRequirement *level)
{
  for (guint i = 0; i < level->categories->len; i++)
    {
      const ShtatCategoryRequirement *cat = g_ptr_array_index (level->categories, i);

      for (guint a = 0; a < cat->alternatives->len; a++)
        if (education_truth (c, g_ptr_array_index (cat->alternatives, a)) == TRUTH_YES)
          return TRUE;
    }
  return FALSE;
}

typedef enum
{
  LEVEL_AS_RECORDED,
  LEVEL_ONLY,          /* the position has one level; the one recorded differs */
  LEVEL_INFERRED,      /* none recorded (or one the position lacks) */
} LevelChoice;

static const ShtatLevelRequirement *
choose_level (const Check *c,
              LevelChoice *out_choice)
{
  const ShtatPosition *position = c->post->position;
  const ShtatLevelRequirement *level;
  const ShtatLevelRequirement *higher;

  *out_choice = LEVEL_AS_RECORDED;
  if (position->levels->len == 0)
    return NULL;

  if (c->post->only_level != NULL)
    {
      if (c->assignment->level >= 0 && c->assignment->level != (int) c->post->only_level->id)
        *out_choice = LEVEL_ONLY;
      return c->post->only_level;
    }

  level = c->assignment->level >= 0 ? find_level (position, c->assignment->level) : NULL;
  if (level != NULL)
    return level;

  *out_choice = LEVEL_INFERRED;
  higher = find_level (position, SHTAT_LEVEL_HIGHER);
  if (higher != NULL && education_meets_level (c, higher))
    return higher;
  level = find_level (position, SHTAT_LEVEL_MEDIUM);
  if (level != NULL)
    return level;
  return higher != NULL ? higher : g_ptr_array_index (position->levels, 0);
}

/* ------------------------------------------------------------------------ */
/* Reasons                                                                  */

typedef struct
{
  guint ids[MAX_INTERPRETATIONS];
  guint n;
} IdSet;

static void
id_set_add (IdSet *set,
            guint  id)
{
  if (id == 0)
    return;
  for (guint i = 0; i < set->n; i++)
    if (set->ids[i] == id)
      return;
  if (set->n < MAX_INTERPRETATIONS)
    set->ids[set->n++] = id;
}

static void
id_set_add_array (IdSet  *set,
                  GArray *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    id_set_add (set, g_array_index (ids, guint, i));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
add_interpretations (GPtrArray        *reasons,
                     ShtatNormLibrary *library,
                     IdSet            *set)
{
  qsort (set->ids, set->n, sizeof (guint), compare_ids);
  for (guint i = 0; i < set->n; i++)
    {
      const ShtatInterpretation *in = shtat_norm_library_get_interpretation (library, set->ids[i]);

      if (in != NULL)
        g_ptr_array_add (reasons, shtat_remark_new_interpretation (in));
    }
}

static void
add_reason (GPtrArray       *reasons,
            ShtatRemarkKind  kind,
            const char      *cite,
            char            *text)
{
  g_ptr_array_add (reasons, shtat_remark_new (kind, 0, cite, text));
  g_free (text);
}

/* "2 years, 3 months, 5 days" */
static char *
format_duration (const ShtatDuration *d)
{
  GString *out = g_string_new (NULL);

  if (d->years > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", d->years),
                            d->years);
  if (d->months > 0)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", d->months),
                              d->months);
    }
  if (d->days > 0)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", d->days),
                              d->days);
    }
  if (out->len == 0)
    g_string_append (out, _("no experience"));

  return g_string_free (out, FALSE);
}

static void
append_sentence (GString    *out,
                 const char *sentence)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
}

/* What an alternative lacks now, in sentences; experience only if asked. */
static char *
describe_shortfall (const Check            *c,
                    const ShtatAlternative *alt,
                    gboolean                with_experience)
{
  GString *out = g_string_new (NULL);
  Truth education = education_truth (c, alt);

  if (education != TRUTH_YES)
    {
      g_autofree char *required = shtat_alternative_describe_education (alt);
      g_autofree char *text = NULL;

      if (education == TRUTH_NO)
        text = g_strdup_printf (_("The education recorded does not match. %s."), required);
      else
        text = g_strdup_printf (_("The field of study of the education recorded is not classified. %s."),
                                required);
      append_sentence (out, text);
    }

  if (alt->certificate_kind != NULL && !has_certificate (c, alt->certificate_kind))
    {
      g_autofree char *text = g_strdup_printf (_("No valid certificate: %s."),
                                               shtat_text_get (&alt->certificate_name));
      append_sentence (out, text);
    }

  if (with_experience && needs_experience (alt))
    {
      ShtatDuration d = experience_now (c, alt);

      if (!shtat_duration_at_least_years (&d, alt->years))
        {
          g_autofree char *required = shtat_alternative_describe_experience (alt, c->post->position);
          g_autofree char *counted = format_duration (&d);
          /* TRANSLATORS: "At least 3 years in …: 1 year, 2 months counted." */
          g_autofree char *text = g_strdup_printf (_("%s: %s counted."), required, counted);

          append_sentence (out, text);
        }
    }

  return g_string_free (out, FALSE);
}

/* One remark per alternative of the rung that falls short, numbered when there
 * are several. @prefix (may be NULL) opens the first. */
static void
add_shortfalls (const Check                    *c,
                GPtrArray                      *reasons,
                const ShtatCategoryRequirement *cat,
                gboolean                        with_experience,
                const char                     *prefix)
{
  const char *cite = c->post->position->requirements_cite;
  GString *all = g_string_new (prefix);

  for (guint a = 0; a < cat->alternatives->len; a++)
    {
      const ShtatAlternative *alt = g_ptr_array_index (cat->alternatives, a);
      g_autofree char *shortfall = describe_shortfall (c, alt, with_experience);

      if (*shortfall == '\0' && !with_experience)
        {
          g_free (shortfall);
          shortfall = g_strdup (_("The experience it needs no longer accrues."));
        }
      if (*shortfall == '\0')
        continue;

      if (cat->alternatives->len > 1)
        {
          g_autofree char *numbered = g_strdup_printf (_("Option %u: %s"), a + 1, shortfall);
          append_sentence (all, numbered);
        }
      else
        append_sentence (all, shortfall);
    }

  if (all->len > 0)
    add_reason (reasons, SHTAT_REMARK_WARNING, cite, g_string_free (all, FALSE));
  else
    g_string_free (all, TRUE);
}

static const char *
rung_label (const ShtatCategoryRequirement *cat)
{
  return shtat_category_requirement_get_label (cat);
}

static void
add_other_act_reasons (ShtatNormLibrary            *library,
                       const ShtatExternalPosition *ext,
                       GPtrArray                   *reasons)
{
  const ShtatAct *act = ext->act_id != NULL ? shtat_norm_library_get_act (library, ext->act_id) : NULL;
  IdSet set = { { 0 }, 0 };

  if (act != NULL)
    {
      g_autofree char *date = shtat_format_iso_date (act->date);

      add_reason (reasons, SHTAT_REMARK_NOTE, ext->cite,
                  g_strdup_printf (_("Requirements set by order %s of %s, not bundled."),
                                   act->number, date));
    }
  else
    add_reason (reasons, SHTAT_REMARK_NOTE, ext->cite,
                g_strdup (_("No bundled act sets the requirements for this post.")));

  id_set_add_array (&set, ext->interpretations);
  add_interpretations (reasons, library, &set);
}

static void
add_reasons (Check        *c,
             ShtatVerdict *v,
             LevelChoice   choice,
             int           held_index,
             int           attainable_index,
             int           next_index)
{
  const ShtatPosition *position = c->post->position;
  const char *cite = position->requirements_cite;
  GPtrArray *reasons = v->reasons;
  gboolean ladder = c->level->categories->len > 1;
  IdSet set = { { 0 }, 0 };

  /* The level */
  switch (choice)
    {
    case LEVEL_INFERRED:
      if (c->level->id == SHTAT_LEVEL_HIGHER)
        add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                    g_strdup (_("No level is recorded for the post: evaluated at the higher level, which the education meets.")));
      else
        add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                    g_strdup (_("No level is recorded for the post: evaluated at the medium level, as the education does not meet the higher one.")));
      break;
    case LEVEL_ONLY:
      add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                  g_strdup (_("The post has a single level of requirements; the level recorded for it is not used.")));
      break;
    case LEVEL_AS_RECORDED:
    default:
      break;
    }

  /* The category held */
  if (held_index < 0)
    {
      if (c->held >= 0 && c->held < SHTAT_N_CATEGORIES)
        add_reason (reasons, SHTAT_REMARK_WARNING, cite,
                    g_strdup_printf (_("The post has no “%s” at this level."),
                                     shtat_category_get_label (c->held)));
      else
        add_reason (reasons, SHTAT_REMARK_WARNING, cite,
                    g_strdup (_("The category recorded for the post is not valid.")));
    }
  else
    {
      const ShtatCategoryRequirement *held = rung (c, held_index);

      switch (v->kind)
        {
        case SHTAT_VERDICT_MEETS:
          add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                      ladder ? g_strdup_printf (_("Meets the requirements for “%s”."), rung_label (held))
                             : g_strdup (_("Meets the qualification requirements of the post.")));
          break;

        case SHTAT_VERDICT_MISSING_DATA:
          if (n_education (c->employee) == 0)
            {
              add_reason (reasons, SHTAT_REMARK_WARNING, cite, g_strdup (_("No education is recorded.")));
              break;
            }
          add_reason (reasons, SHTAT_REMARK_WARNING, cite,
                      ladder ? g_strdup_printf (_("Whether the requirements for “%s” are met cannot be told from the data recorded."),
                                                rung_label (held))
                             : g_strdup (_("Whether the qualification requirements of the post are met cannot be told from the data recorded.")));
          add_shortfalls (c, reasons, held, TRUE, NULL);
          break;

        case SHTAT_VERDICT_DOES_NOT_MEET:
        case SHTAT_VERDICT_OTHER_ACT:
        default:
          add_reason (reasons, SHTAT_REMARK_WARNING, cite,
                      ladder ? g_strdup_printf (_("Does not meet the requirements for “%s”."), rung_label (held))
                             : g_strdup (_("Does not meet the qualification requirements of the post.")));
          add_shortfalls (c, reasons, held, TRUE, NULL);
          break;
        }
    }

  /* Attainable and held */
  if (ladder && attainable_index >= 0)
    add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                g_strdup_printf (_("Highest category attainable now: “%s”."),
                                 rung_label (rung (c, attainable_index))));

  if (!v->held_justified && held_index >= 0)
    {
      const char *held = rung_label (rung (c, held_index));

      if (attainable_index >= 0)
        add_reason (reasons, SHTAT_REMARK_WARNING, cite,
                    g_strdup_printf (_("The category held, “%s”, is above “%s”, the highest whose rules are met: a compliance error."),
                                     held, rung_label (rung (c, attainable_index))));
      else
        add_reason (reasons, SHTAT_REMARK_WARNING, cite,
                    g_strdup_printf (_("The category held, “%s”, is not justified: the rules of no category are met."),
                                     held));
    }

  /* The next category */
  if (next_index >= 0)
    {
      const char *next = rung_label (rung (c, next_index));

      if (v->next_reachable)
        {
          g_autofree char *date = shtat_format_gdate (&v->eligible_on);

          if (g_date_compare (&v->eligible_on, &c->as_of) <= 0)
            add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                        g_strdup_printf (_("Eligible for “%s” since %s."), next, date));
          else if (c->has_current)
            {
              g_autofree char *since = shtat_format_gdate (&c->current.from);

              add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                          g_strdup_printf (_("Eligible for “%s” on %s if the post and the category stay the same (the current post counts from %s)."),
                                           next, date, since));
            }
          else
            add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                        g_strdup_printf (_("Eligible for “%s” on %s if the post and the category stay the same."),
                                         next, date));
        }
      else
        {
          g_autofree char *prefix = g_strdup_printf (_("“%s” cannot be reached by experience alone."), next);

          add_shortfalls (c, reasons, rung (c, next_index), FALSE, prefix);
        }
    }
  else if (ladder && held_index == 0)
    add_reason (reasons, SHTAT_REMARK_NOTE, cite,
                g_strdup_printf (_("“%s” is the top category of the post."), rung_label (rung (c, 0))));

  /* The readings the decision relied on */
  id_set_add_array (&set, position->interpretations);
  for (guint i = 0; i < c->level->categories->len; i++)
    {
      const ShtatCategoryRequirement *cat = rung (c, i);

      if (!(c->rungs_known & BIT (i)) && (int) i != held_index && (int) i != next_index)
        continue;
      id_set_add_array (&set, cat->interpretations);
      for (guint a = 0; a < cat->alternatives->len; a++)
        {
          const ShtatAlternative *alt = g_ptr_array_index (cat->alternatives, a);

          if (needs_experience (alt))
            {
              id_set_add (&set, INTERPRETATION_EXPERIENCE);
              id_set_add (&set, INTERPRETATION_CURRENT_POST);
            }
          if (needs_experience (alt) && alt->scope == SHTAT_EXPERIENCE_CATEGORY)
            id_set_add (&set, c->post->family_interpretation);
        }
    }
  if (ladder)
    id_set_add (&set, INTERPRETATION_PROMOTION);
  add_interpretations (reasons, c->library, &set);
}

/* ------------------------------------------------------------------------ */
/* The verdict                                                              */

static void
verdict_reset (ShtatVerdict          *v,
               const ShtatAssignment *assignment,
               gboolean               with_reasons)
{
  v->kind = SHTAT_VERDICT_MISSING_DATA;
  v->level = -1;
  v->held_category = assignment != NULL ? assignment->category : -1;
  v->attainable_category = -1;
  v->held_justified = TRUE;
  v->next_category = -1;
  v->next_reachable = FALSE;
  g_date_clear (&v->eligible_on, 1);
  v->reasons = with_reasons ? g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_remark_free) : NULL;
}

/* One check; @as_of is valid and @index is the library's. */
static void
compute (ShtatNormLibrary      *library,
         const LibraryIndex    *index,
         const ShtatEmployee   *employee,
         const ShtatAssignment *assignment,
         const GDate           *as_of,
         gboolean               with_reasons,
         ShtatVerdict          *out)
{
  Check c;
  SpanCache spans;
  LevelChoice choice;
  int held_index = -1;
  int attainable_index = -1;
  int next_index = -1;
  guint n_rungs;

  verdict_reset (out, assignment, with_reasons);

  c.library = library;
  c.index = index;
  c.employee = employee;
  c.assignment = assignment;
  c.as_of = *as_of;
  c.has_current = FALSE;
  c.infos = NULL;
  c.spans = NULL;
  c.rungs_known = 0;
  c.post = assignment->position != NULL ? g_hash_table_lookup (index->posts, assignment->position) : NULL;

  if (c.post == NULL)
    {
      const ShtatExternalPosition *ext =
        assignment->position != NULL ? g_hash_table_lookup (index->external, assignment->position) : NULL;

      if (ext != NULL)
        {
          out->kind = SHTAT_VERDICT_OTHER_ACT;
          if (with_reasons)
            add_other_act_reasons (library, ext, out->reasons);
        }
      else if (with_reasons)
        add_reason (out->reasons, SHTAT_REMARK_WARNING, NULL,
                    g_strdup_printf (_("The position “%s” is not in the norm data."),
                                     assignment->position != NULL ? assignment->position : ""));
      return;
    }

  c.level = choose_level (&c, &choice);
  if (c.level == NULL)
    {
      if (with_reasons)
        add_reason (out->reasons, SHTAT_REMARK_WARNING, c.post->position->cite,
                    g_strdup (_("The norm data gives no requirements for this post.")));
      return;
    }
  out->level = c.level->id;

  c.held = normal_category (assignment->category);
  n_rungs = c.level->categories->len;
  for (guint i = 0; i < n_rungs; i++)
    if ((int) rung (&c, i)->id == c.held)
      held_index = (int) i;

  if (g_date_valid (&assignment->from))
    {
      c.has_current = TRUE;
      memset (&c.current, 0, sizeof c.current);
      c.current.position = c.post->position->code;
      c.current.sector = SHTAT_SECTOR_SOCIAL_PROTECTION;
      c.current.level = c.level->id;
      c.current.category = c.held;
      c.current.managerial = FALSE;
      c.current.from = assignment->from;
      c.current.to = assignment->to;
      c.current_info.flags = PERIOD_POSITION | PERIOD_FAMILY;
      c.current_info.level = (gint8) c.level->id;
      shtat_period_init (&c.current_span, &c.current.from, &c.current.to);
      prime_julian (&c.current_span);
    }

  if (n_periods (employee) <= STACK_PERIODS)
    {
      spans.ready = 0;
      c.spans = &spans;
      if (n_rungs > 1)
        {
          for (guint i = 0; i < n_periods (employee); i++)
            c.infos_stack[i] = period_info (&c, &g_array_index (employee->periods, ShtatWorkPeriod, i));
          c.infos = c.infos_stack;
        }
    }

  for (guint i = 0; i < n_rungs && attainable_index < 0; i++)
    if (rung_truth (&c, i) == TRUTH_YES)
      attainable_index = (int) i;
  out->attainable_category = attainable_index >= 0 ? (int) rung (&c, attainable_index)->id : -1;

  if (held_index < 0)
    {
      out->kind = SHTAT_VERDICT_DOES_NOT_MEET;
      out->held_justified = FALSE;
    }
  else
    {
      Truth t = rung_truth (&c, held_index);

      if (n_education (employee) == 0 || t == TRUTH_UNKNOWN)
        out->kind = SHTAT_VERDICT_MISSING_DATA;
      else if (t == TRUTH_YES)
        out->kind = SHTAT_VERDICT_MEETS;
      else
        out->kind = SHTAT_VERDICT_DOES_NOT_MEET;

      out->held_justified = c.held == SHTAT_CATEGORY_NONE
                            || (attainable_index >= 0 && attainable_index <= held_index);

      if (held_index > 0)
        {
          next_index = held_index - 1;
          out->next_category = rung (&c, next_index)->id;
          out->next_reachable = rung_eligible_on (&c, rung (&c, next_index), &out->eligible_on);
        }
    }

  if (with_reasons)
    add_reasons (&c, out, choice, held_index, attainable_index, next_index);
}

/* The as-of date, today when none is given. */
static void
resolve_as_of (const GDate *as_of,
               GDate       *out)
{
  if (as_of != NULL && g_date_valid (as_of))
    *out = *as_of;
  else
    {
      g_date_clear (out, 1);
      g_date_set_time_t (out, time (NULL));
    }
  g_date_get_julian (out);
}

void
shtat_verdict_compute_into (ShtatNormLibrary      *library,
                            const ShtatEmployee   *employee,
                            const ShtatAssignment *assignment,
                            const GDate           *as_of,
                            gboolean               with_reasons,
                            ShtatVerdict          *out)
{
  GDate date;

  g_return_if_fail (out != NULL);
  verdict_reset (out, assignment, FALSE);
  g_return_if_fail (SHTAT_IS_NORM_LIBRARY (library));
  g_return_if_fail (employee != NULL);
  g_return_if_fail (assignment != NULL);

  resolve_as_of (as_of, &date);
  compute (library, library_index_get (library), employee, assignment, &date, with_reasons, out);
}

/**
 * shtat_verdict_compute_full:
 * @library: the norm data
 * @employee: a personnel file
 * @assignment: the post checked
 * @as_of: (nullable): the day checked; %NULL for today
 * @with_reasons: whether to write the reasons
 *
 * Returns: (transfer full): the verdict, freed with shtat_verdict_free()
 */
ShtatVerdict *
shtat_verdict_compute_full (ShtatNormLibrary      *library,
                            const ShtatEmployee   *employee,
                            const ShtatAssignment *assignment,
                            const GDate           *as_of,
                            gboolean               with_reasons)
{
  ShtatVerdict *verdict = g_new0 (ShtatVerdict, 1);

  shtat_verdict_compute_into (library, employee, assignment, as_of, with_reasons, verdict);
  return verdict;
}

void
shtat_verdict_compute_many (ShtatNormLibrary             *library,
                            const ShtatEmployee * const  *employees,
                            const ShtatAssignment * const *assignments,
                            guint                         n,
                            const GDate                  *as_of,
                            ShtatVerdict                 *out)
{
  const LibraryIndex *index;
  GDate date;

  g_return_if_fail (SHTAT_IS_NORM_LIBRARY (library));
  g_return_if_fail (n == 0 || (employees != NULL && assignments != NULL && out != NULL));

  index = library_index_get (library);
  resolve_as_of (as_of, &date);
  for (guint i = 0; i < n; i++)
    {
      for (guint stage = 1; stage <= PREFETCH_AHEAD; stage++)
        if (i + stage < n)
          prefetch_stage (employees[i + stage], assignments[i + stage], stage);

      g_return_if_fail (employees[i] != NULL && assignments[i] != NULL);
      compute (library, index, employees[i], assignments[i], &date, FALSE, &out[i]);
    }
}

/**
 * shtat_verdict_compute:
 * @library: the norm data
 * @employee: a personnel file
 * @assignment: the post checked, one of @employee's
 * @as_of: (nullable): the day checked; %NULL for today
 *
 * Returns: (transfer full): the verdict with its reasons, freed with shtat_verdict_free()
 */
ShtatVerdict *
shtat_verdict_compute (ShtatNormLibrary      *library,
                       const ShtatEmployee   *employee,
                       const ShtatAssignment *assignment,
                       const GDate           *as_of)
{
  return shtat_verdict_compute_full (library, employee, assignment, as_of, TRUE);
}

void
shtat_verdict_clear (ShtatVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_clear_pointer (&verdict->reasons, g_ptr_array_unref);
}

void
shtat_verdict_free (ShtatVerdict *verdict)
{
  if (verdict == NULL)
    return;
  shtat_verdict_clear (verdict);
  g_free (verdict);
}

const char *
shtat_verdict_kind_to_string (ShtatVerdictKind kind)
{
  return shtat_enum_to_nick (SHTAT_TYPE_VERDICT_KIND, kind);
}

const char *
shtat_verdict_kind_get_label (ShtatVerdictKind kind)
{
  switch (kind)
    {
    case SHTAT_VERDICT_MEETS:
      return _("Meets the requirements");
    case SHTAT_VERDICT_DOES_NOT_MEET:
      return _("Does not meet the requirements");
    case SHTAT_VERDICT_MISSING_DATA:
      return _("Missing data");
    case SHTAT_VERDICT_OTHER_ACT:
      return _("Set by another act");
    default:
      g_return_val_if_reached ("");
    }
}
