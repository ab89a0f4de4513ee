/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-pay"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-pay.h"
#include "shtat-text.h"

struct _ShtatPayGrid
{
  GPtrArray *bases;         /* ShtatPayBase, by date */
  GPtrArray *coefficients;  /* ShtatPayCoefficient, by block, category, years, date */
  GPtrArray *positions;     /* ShtatPayPosition, by code */
};

G_DEFINE_QUARK (shtat-pay-error-quark, shtat_pay_error)
G_DEFINE_BOXED_TYPE (ShtatPayGrid, shtat_pay_grid, shtat_pay_grid_ref, shtat_pay_grid_unref)

static void
coefficient_free (ShtatPayCoefficient *c)
{
  g_free (c->block);
  g_free (c->category);
  g_free (c);
}

static void
position_free (ShtatPayPosition *p)
{
  g_free (p->position);
  g_free (p->block);
  g_free (p->category);
  g_free (p);
}

static void
grid_clear (gpointer data)
{
  ShtatPayGrid *grid = data;

  g_ptr_array_unref (grid->bases);
  g_ptr_array_unref (grid->coefficients);
  g_ptr_array_unref (grid->positions);
}

/**
 * shtat_pay_grid_new:
 * Returns: (transfer full): an empty grid, released with shtat_pay_grid_unref()
 */
ShtatPayGrid *
shtat_pay_grid_new (void)
{
  ShtatPayGrid *grid = g_atomic_rc_box_new0 (ShtatPayGrid);

  grid->bases = g_ptr_array_new_with_free_func (g_free);
  grid->coefficients = g_ptr_array_new_with_free_func ((GDestroyNotify) coefficient_free);
  grid->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) position_free);
  return grid;
}

/**
 * shtat_pay_grid_ref:
 * @grid: a pay grid
 *
 * Returns: (transfer full): @grid
 */
ShtatPayGrid *
shtat_pay_grid_ref (ShtatPayGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return g_atomic_rc_box_acquire (grid);
}

void
shtat_pay_grid_unref (ShtatPayGrid *grid)
{
  g_return_if_fail (grid != NULL);
  g_atomic_rc_box_release_full (grid, grid_clear);
}

/* ------------------------------------------------------------------------ */
/* Entering figures                                                         */

/* NULL for an absent or empty code, so that "" and NULL are one key. */
static const char *
code_or_null (const char *code)
{
  return code != NULL && *code != '\0' ? code : NULL;
}

static gboolean
check_code (const char  *code,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  if (code == NULL || *code == '\0')
    {
      if (!required)
        return TRUE;
      /* TRANSLATORS: %s is what is missing, e.g. "Block" */
      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID, _("%s: give a code"), what);
      return FALSE;
    }
  if (!g_utf8_validate (code, -1, NULL) || strlen (code) > 64)
    {
      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID,
                   _("%s: a code is a short text of at most 64 characters"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const GDate  *date,
            GError      **error)
{
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID,
                           _("Give the date the figure applies from"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_base (gconstpointer a,
              gconstpointer b)
{
  const ShtatPayBase *x = *(ShtatPayBase * const *) a;
  const ShtatPayBase *y = *(ShtatPayBase * const *) b;

  return g_date_compare (&x->from, &y->from);
}

static int
compare_coefficient (gconstpointer a,
                     gconstpointer b)
{
  const ShtatPayCoefficient *x = *(ShtatPayCoefficient * const *) a;
  const ShtatPayCoefficient *y = *(ShtatPayCoefficient * const *) b;
  int c = g_strcmp0 (x->block, y->block);

  if (c == 0)
    c = g_strcmp0 (x->category, y->category);
  if (c == 0)
    c = x->years < y->years ? -1 : x->years > y->years;
  if (c == 0)
    c = g_date_compare (&x->from, &y->from);
  return c;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const ShtatPayPosition *x = *(ShtatPayPosition * const *) a;
  const ShtatPayPosition *y = *(ShtatPayPosition * const *) b;

  return g_strcmp0 (x->position, y->position);
}

gboolean
shtat_pay_grid_add_base (ShtatPayGrid  *grid,
                         const GDate   *from,
                         gint64         tiyn,
                         GError       **error)
{
  ShtatPayBase *base;

  g_return_val_if_fail (grid != NULL, FALSE);

  if (!check_date (from, error))
    return FALSE;
  if (tiyn <= 0)
    {
      g_set_error_literal (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID,
                           _("The base official salary must be more than zero"));
      return FALSE;
    }

  for (guint i = 0; i < grid->bases->len; i++)
    {
      base = g_ptr_array_index (grid->bases, i);
      if (shtat_date_equal (&base->from, from))
        {
          base->tiyn = tiyn;
          return TRUE;
        }
    }

  base = g_new0 (ShtatPayBase, 1);
  base->from = *from;
  base->tiyn = tiyn;
  g_ptr_array_add (grid->bases, base);
  g_ptr_array_sort (grid->bases, compare_base);
  return TRUE;
}

/**
 * shtat_pay_grid_add_coefficient:
 * @grid: a pay grid
 * @block: the block code, "B2"
 * @category: (nullable): the category code; %NULL when the block has none
 * @years: the lower bound of the years-of-service bracket
 * @from: the date it applies from
 * @coefficient: in ten-thousandths
 * @error: return location for a #GError
 *
 * Adds the coefficient of a cell, or replaces the one of the same cell and date.
 *
 * Returns: %TRUE when added
 */
gboolean
shtat_pay_grid_add_coefficient (ShtatPayGrid  *grid,
                                const char    *block,
                                const char    *category,
                                guint          years,
                                const GDate   *from,
                                int            coefficient,
                                GError       **error)
{
  ShtatPayCoefficient *c;

  g_return_val_if_fail (grid != NULL, FALSE);

  if (!check_code (block, TRUE, _("Block"), error)
      || !check_code (category, FALSE, _("Category"), error)
      || !check_date (from, error))
    return FALSE;
  if (years > SHTAT_PAY_YEARS_MAX)
    {
      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID,
                   _("Years of service must be from 0 to %u"), SHTAT_PAY_YEARS_MAX);
      return FALSE;
    }
  if (coefficient <= 0 || coefficient > SHTAT_COEFFICIENT_MAX)
    {
      g_autofree char *max = shtat_coefficient_format (SHTAT_COEFFICIENT_MAX);

      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID,
                   _("A coefficient must be more than zero and at most %s"), max);
      return FALSE;
    }

  category = code_or_null (category);
  for (guint i = 0; i < grid->coefficients->len; i++)
    {
      c = g_ptr_array_index (grid->coefficients, i);
      if (g_str_equal (c->block, block) && g_strcmp0 (c->category, category) == 0
          && c->years == years && shtat_date_equal (&c->from, from))
        {
          c->coefficient = coefficient;
          return TRUE;
        }
    }

  c = g_new0 (ShtatPayCoefficient, 1);
  c->block = g_strdup (block);
  c->category = g_strdup (category);
  c->years = years;
  c->from = *from;
  c->coefficient = coefficient;
  g_ptr_array_add (grid->coefficients, c);
  g_ptr_array_sort (grid->coefficients, compare_coefficient);
  return TRUE;
}

/**
 * shtat_pay_grid_set_position:
 * @grid: a pay grid
 * @position: a position code of the norm data
 * @block: the block code
 * @category: (nullable): the category code; %NULL when the block has none
 * @years: the years-of-service bracket
 * @error: return location for a #GError
 *
 * Places a position in a cell of the grid, or moves it.
 *
 * Returns: %TRUE when placed
 */
gboolean
shtat_pay_grid_set_position (ShtatPayGrid  *grid,
                             const char    *position,
                             const char    *block,
                             const char    *category,
                             guint          years,
                             GError       **error)
{
  ShtatPayPosition *p;

  g_return_val_if_fail (grid != NULL, FALSE);

  if (!check_code (position, TRUE, _("Position"), error)
      || !check_code (block, TRUE, _("Block"), error)
      || !check_code (category, FALSE, _("Category"), error))
    return FALSE;
  if (years > SHTAT_PAY_YEARS_MAX)
    {
      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_INVALID,
                   _("Years of service must be from 0 to %u"), SHTAT_PAY_YEARS_MAX);
      return FALSE;
    }

  shtat_pay_grid_remove_position (grid, position);
  p = g_new0 (ShtatPayPosition, 1);
  p->position = g_strdup (position);
  p->block = g_strdup (block);
  p->category = g_strdup (code_or_null (category));
  p->years = years;
  g_ptr_array_add (grid->positions, p);
  g_ptr_array_sort (grid->positions, compare_position);
  return TRUE;
}

gboolean
shtat_pay_grid_remove_base (ShtatPayGrid *grid,
                            const GDate  *from)
{
  g_return_val_if_fail (grid != NULL && from != NULL, FALSE);

  for (guint i = 0; i < grid->bases->len; i++)
    {
      const ShtatPayBase *base = g_ptr_array_index (grid->bases, i);

      if (shtat_date_equal (&base->from, from))
        {
          g_ptr_array_remove_index (grid->bases, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * shtat_pay_grid_remove_coefficient:
 * @grid: a pay grid
 * @block: the block code
 * @category: (nullable): the category code
 * @years: the years-of-service bracket
 * @from: the date of the entry
 *
 * Returns: whether there was such an entry
 */
gboolean
shtat_pay_grid_remove_coefficient (ShtatPayGrid *grid,
                                   const char   *block,
                                   const char   *category,
                                   guint         years,
                                   const GDate  *from)
{
  g_return_val_if_fail (grid != NULL && from != NULL, FALSE);

  category = code_or_null (category);
  for (guint i = 0; i < grid->coefficients->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (grid->coefficients, i);

      if (g_strcmp0 (c->block, block) == 0 && g_strcmp0 (c->category, category) == 0
          && c->years == years && shtat_date_equal (&c->from, from))
        {
          g_ptr_array_remove_index (grid->coefficients, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
shtat_pay_grid_remove_position (ShtatPayGrid *grid,
                                const char   *position)
{
  g_return_val_if_fail (grid != NULL, FALSE);

  for (guint i = 0; i < grid->positions->len; i++)
    {
      const ShtatPayPosition *p = g_ptr_array_index (grid->positions, i);

      if (g_strcmp0 (p->position, position) == 0)
        {
          g_ptr_array_remove_index (grid->positions, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * shtat_pay_grid_get_bases:
 * @grid: a pay grid
 *
 * Returns: (transfer none) (element-type ShtatPayBase): the entries, by date
 */
GPtrArray *
shtat_pay_grid_get_bases (ShtatPayGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return grid->bases;
}

/**
 * shtat_pay_grid_get_coefficients:
 * @grid: a pay grid
 *
 * Returns: (transfer none) (element-type ShtatPayCoefficient): the entries, by block, category, years, date
 */
GPtrArray *
shtat_pay_grid_get_coefficients (ShtatPayGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return grid->coefficients;
}

/**
 * shtat_pay_grid_get_positions:
 * @grid: a pay grid
 *
 * Returns: (transfer none) (element-type ShtatPayPosition): the entries, by position code
 */
GPtrArray *
shtat_pay_grid_get_positions (ShtatPayGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return grid->positions;
}

/**
 * shtat_pay_grid_get_position:
 * @grid: a pay grid
 * @position: (nullable): a position code
 *
 * Returns: (transfer none) (nullable): where @position sits, or %NULL when the grid
 *   does not place it
 */
const ShtatPayPosition *
shtat_pay_grid_get_position (ShtatPayGrid *grid,
                             const char   *position)
{
  g_return_val_if_fail (grid != NULL, NULL);

  for (guint i = 0; i < grid->positions->len; i++)
    {
      const ShtatPayPosition *p = g_ptr_array_index (grid->positions, i);

      if (g_strcmp0 (p->position, position) == 0)
        return p;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Look-ups                                                                 */

static void
resolve_date (const GDate *date,
              GDate       *out)
{
  if (date != NULL && g_date_valid (date))
    *out = *date;
  else
    shtat_date_set_today (out);
}

/**
 * shtat_pay_grid_get_base:
 * @grid: a pay grid
 * @date: (nullable): %NULL: today
 * @tiyn: (out): the base official salary in force on @date
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %SHTAT_PAY_ERROR_NOT_FOUND when none is in force
 */
gboolean
shtat_pay_grid_get_base (ShtatPayGrid  *grid,
                         const GDate   *date,
                         gint64        *tiyn,
                         GError       **error)
{
  const ShtatPayBase *found = NULL;
  GDate on;

  g_return_val_if_fail (grid != NULL && tiyn != NULL, FALSE);

  resolve_date (date, &on);
  for (guint i = 0; i < grid->bases->len; i++)
    {
      const ShtatPayBase *base = g_ptr_array_index (grid->bases, i);

      if (g_date_compare (&base->from, &on) <= 0)
        found = base;   /* sorted by date: the last one in force wins */
    }

  if (found == NULL)
    {
      g_autofree char *when = shtat_format_gdate (&on);

      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND,
                   _("No base official salary is in force on %s"), when);
      return FALSE;
    }

  *tiyn = found->tiyn;
  return TRUE;
}

static char *
describe_cell (const char *block,
               const char *category)
{
  if (category != NULL)
    /* TRANSLATORS: a cell of the coefficient table: block and category codes */
    return g_strdup_printf (_("block %s, category %s"), block, category);
  return g_strdup_printf (_("block %s"), block);
}

/**
 * shtat_pay_grid_get_coefficient:
 * @grid: a pay grid
 * @block: the block code
 * @category: (nullable): the category code
 * @years: years of service
 * @date: (nullable): %NULL: today
 * @coefficient: (out): in ten-thousandths
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %SHTAT_PAY_ERROR_NOT_FOUND when none is in force
 */
gboolean
shtat_pay_grid_get_coefficient (ShtatPayGrid  *grid,
                                const char    *block,
                                const char    *category,
                                guint          years,
                                const GDate   *date,
                                int           *coefficient,
                                GError       **error)
{
  const ShtatPayCoefficient *found = NULL;
  GDate on;

  g_return_val_if_fail (grid != NULL && coefficient != NULL, FALSE);

  resolve_date (date, &on);
  category = code_or_null (category);

  /* The bracket is the one with the largest lower bound not above @years; in
   * it, the entry with the latest date not after @date. The array is sorted by
   * years, then date, so the last match is the one. */
  for (guint i = 0; i < grid->coefficients->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (grid->coefficients, i);

      if (g_strcmp0 (c->block, block) == 0 && g_strcmp0 (c->category, category) == 0
          && c->years <= years && g_date_compare (&c->from, &on) <= 0)
        found = c;
    }

  if (found == NULL)
    {
      g_autofree char *cell = describe_cell (block, category);
      g_autofree char *when = shtat_format_gdate (&on);

      /* TRANSLATORS: "No coefficient for block B2, category 3 with 4 years of service is in force on 01.01.2026" */
      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND,
                   _("No coefficient for %s with %u years of service is in force on %s"),
                   cell, years, when);
      return FALSE;
    }

  *coefficient = found->coefficient;
  return TRUE;
}

/**
 * shtat_pay_grid_salary:
 * @grid: a pay grid
 * @block: the block code
 * @category: (nullable): the category code
 * @years: years of service
 * @date: (nullable): %NULL: today
 * @tiyn: (out): the official salary
 * @error: return location for a #GError
 *
 * BDO × coefficient, rounded half up to a whole tiyn.
 *
 * Returns: %TRUE when both are in force on @date and the product fits
 */
gboolean
shtat_pay_grid_salary (ShtatPayGrid  *grid,
                       const char    *block,
                       const char    *category,
                       guint          years,
                       const GDate   *date,
                       gint64        *tiyn,
                       GError       **error)
{
  gint64 base;
  int coefficient;
  guint64 whole, part, total;

  g_return_val_if_fail (grid != NULL && tiyn != NULL, FALSE);

  if (!shtat_pay_grid_get_base (grid, date, &base, error)
      || !shtat_pay_grid_get_coefficient (grid, block, category, years, date, &coefficient, error))
    return FALSE;

  /* Half up, once: (BDO × c + 5 000) div 10 000, c in ten-thousandths. With
   * BDO = q × 10 000 + r that is q × c + (r × c + 5 000) div 10 000, which never
   * overflows on the way to a result that fits. */
  part = ((guint64) base % SHTAT_COEFFICIENT_ONE * (guint64) coefficient + SHTAT_COEFFICIENT_ONE / 2)
         / SHTAT_COEFFICIENT_ONE;
  if (!g_uint64_checked_mul (&whole, (guint64) base / SHTAT_COEFFICIENT_ONE, (guint64) coefficient)
      || !g_uint64_checked_add (&total, whole, part)
      || total > (guint64) G_MAXINT64)
    {
      g_set_error_literal (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_OVERFLOW,
                           _("The salary is too large to compute: check the base official salary and the coefficient"));
      return FALSE;
    }

  *tiyn = (gint64) total;
  return TRUE;
}

/**
 * shtat_pay_grid_position_salary:
 * @grid: a pay grid
 * @position: (nullable): a position code
 * @date: (nullable): %NULL: today
 * @tiyn: (out): the official salary of the cell the position is placed in
 * @grade: (out) (optional) (transfer full): the grade text of a schedule line:
 *   "B2" or "B2-3" (block-category)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the grid places @position and gives a salary on @date
 */
gboolean
shtat_pay_grid_position_salary (ShtatPayGrid  *grid,
                                const char    *position,
                                const GDate   *date,
                                gint64        *tiyn,
                                char         **grade,
                                GError       **error)
{
  const ShtatPayPosition *p;

  g_return_val_if_fail (grid != NULL && tiyn != NULL, FALSE);

  p = shtat_pay_grid_get_position (grid, position);
  if (p == NULL)
    {
      g_set_error (error, SHTAT_PAY_ERROR, SHTAT_PAY_ERROR_NOT_FOUND,
                   _("The pay grid does not place the position “%s” in a block"), position);
      return FALSE;
    }

  if (!shtat_pay_grid_salary (grid, p->block, p->category, p->years, date, tiyn, error))
    return FALSE;

  if (grade != NULL)
    *grade = p->category != NULL ? g_strdup_printf ("%s-%s", p->block, p->category)
                                 : g_strdup (p->block);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Coefficients and money as text                                           */

/**
 * shtat_coefficient_parse:
 * @str: (nullable): "3.79", "1.005", "2": a dot or a comma, up to four decimals
 * @out: (out): in ten-thousandths
 *
 * Returns: whether @str is a coefficient as written
 */
gboolean
shtat_coefficient_parse (const char *str,
                         int        *out)
{
  gint64 value = 0;
  int digits = 0;
  const char *p = str;

  if (str == NULL || !g_ascii_isdigit (*p))
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (*p - '0');
      if (value > SHTAT_COEFFICIENT_MAX / SHTAT_COEFFICIENT_ONE)
        return FALSE;
    }
  value *= SHTAT_COEFFICIENT_ONE;

  if (*p == '.' || *p == ',')
    {
      int scale = SHTAT_COEFFICIENT_ONE / 10;

      for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
        {
          if (++digits > 4)
            return FALSE;
          value += (*p - '0') * scale;
        }
      if (digits == 0)
        return FALSE;
    }

  if (*p != '\0' || value > SHTAT_COEFFICIENT_MAX)
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/**
 * shtat_coefficient_format:
 * @coefficient: in ten-thousandths
 *
 * Returns: (transfer full): the coefficient as written: "3.79", "1.005", "2";
 *   "—" for a negative one (none)
 */
char *
shtat_coefficient_format (int coefficient)
{
  int whole = coefficient / SHTAT_COEFFICIENT_ONE;
  int frac = coefficient % SHTAT_COEFFICIENT_ONE;
  char digits[8];
  int len;

  if (coefficient < 0)
    return g_strdup ("—");
  if (frac == 0)
    return g_strdup_printf ("%d", whole);

  len = g_snprintf (digits, sizeof digits, "%04d", frac);
  while (len > 0 && digits[len - 1] == '0')
    digits[--len] = '\0';
  return g_strdup_printf ("%d.%s", whole, digits);
}

/* ------------------------------------------------------------------------ */
/* Comparing and copying                                                    */

gboolean
shtat_pay_grid_equal (ShtatPayGrid *a,
                      ShtatPayGrid *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->bases->len != b->bases->len || a->coefficients->len != b->coefficients->len
      || a->positions->len != b->positions->len)
    return FALSE;
  /* every array is kept sorted: entry i against entry i */
  for (guint i = 0; i < a->bases->len; i++)
    {
      const ShtatPayBase *x = g_ptr_array_index (a->bases, i);
      const ShtatPayBase *y = g_ptr_array_index (b->bases, i);

      if (!shtat_date_equal (&x->from, &y->from) || x->tiyn != y->tiyn)
        return FALSE;
    }
  for (guint i = 0; i < a->coefficients->len; i++)
    {
      const ShtatPayCoefficient *x = g_ptr_array_index (a->coefficients, i);
      const ShtatPayCoefficient *y = g_ptr_array_index (b->coefficients, i);

      if (compare_coefficient (&x, &y) != 0 || x->coefficient != y->coefficient)
        return FALSE;
    }
  for (guint i = 0; i < a->positions->len; i++)
    {
      const ShtatPayPosition *x = g_ptr_array_index (a->positions, i);
      const ShtatPayPosition *y = g_ptr_array_index (b->positions, i);

      if (g_strcmp0 (x->position, y->position) != 0 || g_strcmp0 (x->block, y->block) != 0
          || g_strcmp0 (x->category, y->category) != 0 || x->years != y->years)
        return FALSE;
    }
  return TRUE;
}

/**
 * shtat_pay_grid_copy:
 * @grid: a pay grid
 *
 * Returns: (transfer full): a grid with the same entries
 */
ShtatPayGrid *
shtat_pay_grid_copy (ShtatPayGrid *grid)
{
  ShtatPayGrid *copy;

  g_return_val_if_fail (grid != NULL, NULL);

  copy = shtat_pay_grid_new ();
  for (guint i = 0; i < grid->bases->len; i++)
    {
      const ShtatPayBase *b = g_ptr_array_index (grid->bases, i);

      g_ptr_array_add (copy->bases, g_memdup2 (b, sizeof *b));
    }
  for (guint i = 0; i < grid->coefficients->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (grid->coefficients, i);
      ShtatPayCoefficient *n = g_memdup2 (c, sizeof *c);

      n->block = g_strdup (c->block);
      n->category = g_strdup (c->category);
      g_ptr_array_add (copy->coefficients, n);
    }
  for (guint i = 0; i < grid->positions->len; i++)
    {
      const ShtatPayPosition *p = g_ptr_array_index (grid->positions, i);
      ShtatPayPosition *n = g_memdup2 (p, sizeof *p);

      n->position = g_strdup (p->position);
      n->block = g_strdup (p->block);
      n->category = g_strdup (p->category);
      g_ptr_array_add (copy->positions, n);
    }
  return copy;
}
