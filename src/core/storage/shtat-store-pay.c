/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-pay.h"
#include "shtat-store-private.h"

/* The pay grid of Decree 1193 (shtat-pay.h): one for the installation, read
 * and written whole. */

/* ------------------------------------------------------------------------ */
/* The pay grid                                                             */

static gboolean
read_pay_grid (ShtatStore    *self,
               ShtatPayGrid  *grid,
               GError       **error)
{
  g_autoptr(ShtatStoreStmt) bases = NULL;
  g_autoptr(ShtatStoreStmt) cells = NULL;
  g_autoptr(ShtatStoreStmt) positions = NULL;
  ShtatStoreStep rc;

  bases = shtat_store_stmt (self, "SELECT date_from, tiyn FROM pay_bases", error);
  if (bases == NULL)
    return FALSE;
  while ((rc = shtat_store_step (self, bases, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      GDate from;

      shtat_stmt_column_date (bases, 0, &from);
      if (!shtat_pay_grid_add_base (grid, &from, shtat_stmt_column_int64 (bases, 1), NULL))
        return shtat_store_corrupt_row (self, "pay_bases", error);
    }
  if (!(rc == SHTAT_STORE_STEP_DONE))
    return FALSE;

  cells = shtat_store_stmt (self, "SELECT block, category, years, date_from, coefficient FROM pay_coefficients", error);
  if (cells == NULL)
    return FALSE;
  while ((rc = shtat_store_step (self, cells, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      GDate from;
      gint64 years = shtat_stmt_column_int64 (cells, 2);
      gint64 coefficient = shtat_stmt_column_int64 (cells, 4);

      shtat_stmt_column_date (cells, 3, &from);
      if (years < 0 || years > SHTAT_PAY_YEARS_MAX || coefficient <= 0 || coefficient > SHTAT_COEFFICIENT_MAX
          || !shtat_pay_grid_add_coefficient (grid, shtat_stmt_column_text (cells, 0),
                                              shtat_stmt_column_text (cells, 1), (guint) years,
                                              &from, (int) coefficient, NULL))
        return shtat_store_corrupt_row (self, "pay_coefficients", error);
    }
  if (!(rc == SHTAT_STORE_STEP_DONE))
    return FALSE;

  positions = shtat_store_stmt (self, "SELECT position, block, category, years FROM pay_positions", error);
  if (positions == NULL)
    return FALSE;
  while ((rc = shtat_store_step (self, positions, NULL, error)) == SHTAT_STORE_STEP_ROW)
    {
      gint64 years = shtat_stmt_column_int64 (positions, 3);

      if (years < 0 || years > SHTAT_PAY_YEARS_MAX
          || !shtat_pay_grid_set_position (grid, shtat_stmt_column_text (positions, 0),
                                           shtat_stmt_column_text (positions, 1),
                                           shtat_stmt_column_text (positions, 2), (guint) years, NULL))
        return shtat_store_corrupt_row (self, "pay_positions", error);
    }
  return (rc == SHTAT_STORE_STEP_DONE);
}

ShtatPayGrid *
shtat_store_load_pay_grid (ShtatStore  *self,
                           GError     **error)
{
  g_autoptr(ShtatPayGrid) grid = NULL;

  g_return_val_if_fail (SHTAT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  grid = shtat_pay_grid_new ();
  if (!shtat_store_begin_read (self, error))
    return NULL;
  if (!shtat_store_finish (self, read_pay_grid (self, grid, error), error))
    return NULL;
  return g_steal_pointer (&grid);
}

static gboolean
write_pay_grid (ShtatStore    *self,
                ShtatPayGrid  *grid,
                GError       **error)
{
  GPtrArray *bases = shtat_pay_grid_get_bases (grid);
  GPtrArray *cells = shtat_pay_grid_get_coefficients (grid);
  GPtrArray *positions = shtat_pay_grid_get_positions (grid);
  g_autoptr(ShtatStoreStmt) stmt = NULL;

  if (!shtat_store_exec (self, "DELETE FROM pay_bases; DELETE FROM pay_coefficients; DELETE FROM pay_positions", error))
    return FALSE;

  stmt = shtat_store_stmt (self, "INSERT INTO pay_bases (date_from, tiyn) VALUES ($1, $2)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < bases->len; i++)
    {
      const ShtatPayBase *base = g_ptr_array_index (bases, i);
      g_autofree char *when = shtat_format_gdate (&base->from);
      g_autofree char *record = g_strdup_printf (_("Base official salary from %s"), when);

      shtat_stmt_bind_date (stmt, 1, &base->from);
      shtat_stmt_bind_int64 (stmt, 2, base->tiyn);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, shtat_store_stmt_release);

  stmt = shtat_store_stmt (self, "INSERT INTO pay_coefficients (block, category, years, date_from, coefficient)"
                        " VALUES ($1, $2, $3, $4, $5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < cells->len; i++)
    {
      const ShtatPayCoefficient *c = g_ptr_array_index (cells, i);
      g_autofree char *when = shtat_format_gdate (&c->from);
      /* TRANSLATORS: a record of the pay grid: block, category (may be empty), years, date */
      g_autofree char *record = g_strdup_printf (_("Coefficient %s %s, %u years, from %s"), c->block,
                                                 c->category != NULL ? c->category : "", c->years, when);

      shtat_stmt_bind_string (stmt, 1, c->block);
      shtat_stmt_bind_string (stmt, 2, c->category != NULL ? c->category : "");
      shtat_stmt_bind_int64 (stmt, 3, c->years);
      shtat_stmt_bind_date (stmt, 4, &c->from);
      shtat_stmt_bind_int64 (stmt, 5, c->coefficient);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, shtat_store_stmt_release);

  stmt = shtat_store_stmt (self, "INSERT INTO pay_positions (position, block, category, years) VALUES ($1, $2, $3, $4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < positions->len; i++)
    {
      const ShtatPayPosition *p = g_ptr_array_index (positions, i);
      g_autofree char *record = g_strdup_printf (_("Placement of the position %s"), p->position);

      shtat_stmt_bind_string (stmt, 1, p->position);
      shtat_stmt_bind_string (stmt, 2, p->block);
      shtat_stmt_bind_text (stmt, 3, p->category);
      shtat_stmt_bind_int64 (stmt, 4, p->years);
      if (!shtat_store_run (self, stmt, record, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces the stored grid with @grid. */
gboolean
shtat_store_save_pay_grid (ShtatStore    *self,
                           ShtatPayGrid  *grid,
                           GError       **error)
{
  g_return_val_if_fail (SHTAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shtat_store_begin_write (self, error))
    return FALSE;
  return shtat_store_finish (self, write_pay_grid (self, grid, error), error);
}
