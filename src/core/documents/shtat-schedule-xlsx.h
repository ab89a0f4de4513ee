/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-schedule-pdf.h"

G_BEGIN_DECLS

/* The content of shtat_schedule_write_pdf() on one sheet of an XLSX workbook:
 * the approval block and the title above the table; units and money as numbers
 * (units with two decimals; money in tenge, tiyn / 100, with two decimals);
 * subtotals and totals as SUBTOTAL(9, …) formulas with their values cached, so
 * that programs which do not recalculate still show them; the header row in
 * bold, frozen and repeated on every printed page; A4 landscape, one page wide.
 * Errors in SHTAT_DOCUMENT_ERROR (or SHTAT_SCHEDULE_ERROR_OVERFLOW). */
gboolean shtat_schedule_write_xlsx (ShtatSchedule    *schedule,
                                    ShtatNormLibrary *library,
                                    const char       *centre_name,
                                    ShtatLang         lang,
                                    const char       *path,
                                    GError          **error);

G_END_DECLS
