/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shtat-norms.h"
#include "shtat-personnel.h"
#include "shtat-store.h"

G_BEGIN_DECLS

/* Personnel exchange files (docs/personnel-exchange.md): the XML format that
 * Shtat writes and reads (data/norms/personnel.rng), and the CSV spreadsheets
 * that HR inspectors keep. Errors name the file, the line, the record and the
 * field: "personnel.xml:1234: employee 900101300126, period 2: attribute
 * “from”: “2015-02-30” is not a date". */

#define SHTAT_EXCHANGE_ERROR (shtat_exchange_error_quark ())

typedef enum
{
  SHTAT_EXCHANGE_ERROR_IO,             /* the file cannot be read or written */
  SHTAT_EXCHANGE_ERROR_PARSE,          /* not well-formed XML, or not a CSV table */
  SHTAT_EXCHANGE_ERROR_FORBIDDEN,      /* a DOCTYPE or another construct exchange files never need */
  SHTAT_EXCHANGE_ERROR_SCHEMA,         /* does not follow personnel.rng, or a required column is missing */
  SHTAT_EXCHANGE_ERROR_VALUE,          /* a value that is not a date, an IIN, a known name… */
  SHTAT_EXCHANGE_ERROR_DUPLICATE,      /* the same IIN or centre code twice, or rows that disagree */
  SHTAT_EXCHANGE_ERROR_UNKNOWN_CENTRE, /* an assignment names a centre neither the file nor the database has */
} ShtatExchangeError;

GQuark shtat_exchange_error_quark (void);

/* Called now and then with the share of the work done, from 0 to 1, in the
 * thread doing the work. */
typedef void (*ShtatProgressFunc) (double   fraction,
                                   gpointer user_data);

/* Reads a personnel XML file as a stream, validating it against the schema as
 * it goes; never builds the whole document. Refuses DOCTYPEs, never expands an
 * entity, never touches the network. On success @out_centres and
 * @out_employees hold ShtatCentre and ShtatEmployee records in file order. */
gboolean shtat_exchange_read_xml  (const char         *path,
                                   GPtrArray         **out_centres,
                                   GPtrArray         **out_employees,
                                   GCancellable       *cancellable,
                                   ShtatProgressFunc   progress,
                                   gpointer            user_data,
                                   GError            **error);

/* Writes centres and employees (either may be NULL) to PATH.tmp, then renames
 * it over @path, so a failure never leaves half a file. The file is readable
 * by its owner only: it holds personal data. */
gboolean shtat_exchange_write_xml (const char         *path,
                                   GPtrArray          *centres,
                                   GPtrArray          *employees,
                                   GError            **error);

/* Reads a CSV table, one row per employee and record (an education, a
 * certificate, a work period, an assignment); rows with the same IIN add to
 * one employee. UTF-8 (with or without BOM) or Windows-1251; comma or
 * semicolon; header names in English, Kazakh or Russian. */
gboolean shtat_exchange_read_csv  (const char         *path,
                                   GPtrArray         **out_employees,
                                   GError            **error);

/* Reads @path (XML or CSV, told by its extension, else by its content),
 * validates every employee against @library as of @today (NULL: the current
 * date) and checks every centre an assignment names, and imports it all in one
 * transaction (shtat_store_import_begin()): committed only when the whole file
 * has been read and found valid, rolled back on any error, so that a refused
 * file leaves the database as it was. An XML file is streamed: each employee is
 * written (in a thread of its own) as soon as it is read and checked, then
 * dropped, so that memory does not grow with the file. Importing the same file
 * again changes nothing (@n_changed 0). Errors name the file and the line. */
gboolean shtat_exchange_import    (ShtatStore         *store,
                                   ShtatNormLibrary   *library,
                                   const char         *path,
                                   const GDate        *today,
                                   guint              *n_changed,
                                   GCancellable       *cancellable,
                                   ShtatProgressFunc   progress,
                                   gpointer            user_data,
                                   GError            **error);

G_END_DECLS
