/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Personnel exchange files (docs/personnel-exchange.md): the XML format that
 * Shtat writes and reads (data/norms/personnel.rng, shtat-personnel-xml.h), and
 * the CSV spreadsheets that HR inspectors keep (shtat-personnel-csv.h). Errors
 * name the file, the line, the record and the field: "personnel.xml:1234:
 * employee 900101300126, period 2: attribute “from”: “2015-02-30” is not a
 * date". */

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

/**
 * ShtatProgressFunc:
 * @fraction: the share of the work done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called now and then in the thread doing the work.
 */
typedef void (*ShtatProgressFunc) (double   fraction,
                                   gpointer user_data);

G_END_DECLS
