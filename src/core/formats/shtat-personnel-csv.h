/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-personnel.h"
#include "shtat-personnel-exchange.h"

G_BEGIN_DECLS

/**
 * shtat_personnel_csv_read:
 * @path: the file
 * @out_employees: (out) (optional) (transfer full) (element-type ShtatEmployee):
 *   the employees, in order of first appearance
 * @error: a #SHTAT_EXCHANGE_ERROR naming the file and the line
 *
 * Reads a CSV table, one row per employee and record (an education, a
 * certificate, a work period, an assignment); rows with the same IIN add to
 * one employee. UTF-8 (with or without BOM) or Windows-1251; comma or
 * semicolon; header names in English, Kazakh or Russian.
 *
 * Returns: whether the table was read
 */
gboolean shtat_personnel_csv_read (const char  *path,
                                   GPtrArray  **out_employees,
                                   GError     **error);

G_END_DECLS
