/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The small CSV tables of the centre profile and the pay grid: one record a
 * line, RFC 4180 quoting within the line ("" for a quote), LF or CR LF, a
 * UTF-8 byte-order mark skipped, comma or semicolon (whichever the first line
 * holds), blank lines skipped. */

typedef struct
{
  guint   line;     /* 1-based, in the file */
  char  **fields;
} ShtatCsvRow;

/* ShtatCsvRow; errors (G_IO_ERROR_INVALID_DATA) begin with "NAME:LINE: ". */
GPtrArray *shtat_csv_parse        (const char *name,
                                   const char *text,
                                   gsize       len,
                                   GError    **error);
/* TRUE when the row's fields are @names, in that order (case and spaces
 * around ignored): a header line. */
gboolean   shtat_csv_row_is_header (const ShtatCsvRow *row,
                                    const char * const *names);
/* Appends @field, quoted when it needs to be, after a comma unless @first. */
void       shtat_csv_append       (GString    *out,
                                   const char *field,
                                   gboolean    first);

G_END_DECLS
