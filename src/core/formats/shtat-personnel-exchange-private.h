/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the personnel XML and CSV readers share, and what they hand to the
 * import (services/shtat-import.c): records with the lines they come from,
 * the names of the enumerations as the files write them, value parsers that
 * say what is wrong, and messages of the form "FILE:LINE: RECORD: MESSAGE". */

#include <string.h>

#include "shtat-personnel.h"
#include "shtat-personnel-exchange.h"

G_BEGIN_DECLS

/* How often (in employees) progress is reported and cancellation checked. */
#define SHTAT_EXCHANGE_CHECK_EVERY 512

/* The version of the personnel XML format this program reads and writes. */
#define SHTAT_PERSONNEL_XML_FORMAT "1"

/* Names of the enumerations, as in the files */
typedef enum
{
  SHTAT_EXCHANGE_ENUM_EDUCATION_LEVEL,
  SHTAT_EXCHANGE_ENUM_FIELD,
  SHTAT_EXCHANGE_ENUM_LEVEL,
  SHTAT_EXCHANGE_ENUM_CATEGORY,
  SHTAT_EXCHANGE_ENUM_SECTOR,
  SHTAT_EXCHANGE_ENUM_SEX,
} ShtatExchangeEnum;

/* Names compared where they differ first: most differ in the first letter
 * (a million attributes are matched in an import). */
static inline gboolean
shtat_exchange_name_equal (const char *a,
                           const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

int          shtat_exchange_enum_count     (ShtatExchangeEnum kind);
const char  *shtat_exchange_enum_name      (ShtatExchangeEnum kind,
                                            int               index);
int          shtat_exchange_enum_parse     (ShtatExchangeEnum kind,
                                            const char       *str);
char        *shtat_exchange_enum_list      (ShtatExchangeEnum kind);
ShtatSex     shtat_exchange_sex_from_index (int               index);
const char  *shtat_exchange_sex_to_string  (ShtatSex          sex);

gboolean     shtat_exchange_is_blank       (const char       *str);

/* Values: each parser returns NULL when @value is good, else the reason. */
char        *shtat_exchange_parse_date     (const char       *value,
                                            gboolean          dotted,
                                            GDate            *out);
char        *shtat_exchange_parse_iin      (const char       *value,
                                            char              out[13]);
char        *shtat_exchange_parse_enum     (ShtatExchangeEnum kind,
                                            const char       *value,
                                            int              *out);
char        *shtat_exchange_parse_year     (const char       *value,
                                            guint            *out);
char        *shtat_exchange_parse_rate     (const char       *value,
                                            gboolean          comma,
                                            int              *out);
char        *shtat_exchange_check_code     (const char       *value);

/* Records and where they come from */
typedef enum
{
  SHTAT_RECORD_EDUCATION,
  SHTAT_RECORD_CERTIFICATE,
  SHTAT_RECORD_PERIOD,
  SHTAT_RECORD_ASSIGNMENT,
  SHTAT_N_RECORD_KINDS,
} ShtatRecordKind;

extern const char * const shtat_exchange_kind_elements[SHTAT_N_RECORD_KINDS];

/* The lines a personnel file came from: of the employee, and of every child
 * record in the order of the employee's arrays. */
typedef struct
{
  guint   line;
  GArray *children[SHTAT_N_RECORD_KINDS]; /* guint */
} ShtatRecordLines;

void         shtat_exchange_lines_init        (ShtatRecordLines       *lines);
void         shtat_exchange_lines_reset       (ShtatRecordLines       *lines,
                                               guint                   line);
void         shtat_exchange_lines_clear       (ShtatRecordLines       *lines);
guint        shtat_exchange_lines_child       (const ShtatRecordLines *lines,
                                               ShtatRecordKind         kind,
                                               guint                   index);
GArray      *shtat_exchange_employee_children (const ShtatEmployee    *employee,
                                               ShtatRecordKind         kind);
char        *shtat_exchange_record_label      (const char             *iin,
                                               guint                   ordinal,
                                               int                     kind,
                                               guint                   n);

gboolean     shtat_exchange_set_error_at      (GError                **error,
                                               GQuark                  domain,
                                               int                     code,
                                               const char             *file,
                                               guint                   line,
                                               const char             *record,
                                               const char             *format,
                                               ...) G_GNUC_PRINTF (7, 8);

gboolean     shtat_exchange_stat_regular      (const char             *path,
                                               const char             *file,
                                               goffset                *size,
                                               GError                **error);

/* An employee read from a table, with the lines of its rows. */
typedef struct
{
  ShtatEmployee   *employee;
  ShtatRecordLines lines;
  guint            ordinal;
} ShtatExchangeRecord;

void         shtat_exchange_record_free       (ShtatExchangeRecord    *record);

/**
 * ShtatPersonnelSink:
 * @check: called with each employee as soon as its element ends, with the
 *   centres of the file (they come first, so all of them are read by then) and
 *   the lines of its records; also when the schema has already refused the
 *   file, so that a check of the same record speaks first. FALSE with @error
 *   stops the reading.
 * @take: then called with the employee unless the file has already been
 *   refused; FALSE with @error stops the reading.
 * @restart: the file is about to be read again from the start (see
 *   #ShtatPersonnelXmlRules), never after an error of @check or @take:
 *   forget every employee taken so far.
 *
 * Where a streamed personnel XML file goes, employee by employee, rather than
 * into an array: the import checks each one and writes it to the store.
 * Either function may be NULL.
 */
typedef struct
{
  gboolean (*check) (GPtrArray              *centres,
                     const ShtatEmployee    *employee,
                     const ShtatRecordLines *lines,
                     gpointer                user_data,
                     GError                **error);
  gboolean (*take)  (GPtrArray              *centres,
                     ShtatEmployee          *employee,
                     guint                   line,
                     gpointer                user_data,
                     GError                **error);
  gboolean (*restart) (gpointer              user_data,
                       GError              **error);
} ShtatPersonnelSink;

/**
 * ShtatPersonnelXmlRules:
 * @SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA: the reader checks the rules of
 *   the schema itself; a file it refuses on one of them is read again as with
 *   @SHTAT_PERSONNEL_XML_SCHEMA, whose outcome and message are the answer.
 *   An error beyond the schema (an IIN's check digit or date, a code or IIN
 *   used twice, a failure of the sink's @check or @take) is the answer as it
 *   is: the validator would not change it.
 * @SHTAT_PERSONNEL_XML_OWN_RULES: the reader's own checks alone (for tests).
 * @SHTAT_PERSONNEL_XML_SCHEMA: libxml2's RelaxNG validator follows the reading
 *   too, and its first complaint is reported unless the reader's own check
 *   of the same record speaks first.
 *
 * How a personnel XML file is held to data/norms/personnel.rng.
 */
typedef enum
{
  SHTAT_PERSONNEL_XML_OWN_RULES_THEN_SCHEMA,
  SHTAT_PERSONNEL_XML_OWN_RULES,
  SHTAT_PERSONNEL_XML_SCHEMA,
} ShtatPersonnelXmlRules;

/* Reads @path; with @sink, hands each employee to it and drops it rather than
 * gathering them in @out_employees. Progress goes from 0 to @progress_scale. */
gboolean     shtat_personnel_xml_read_records (const char               *path,
                                               ShtatPersonnelXmlRules    rules,
                                               const ShtatPersonnelSink *sink,
                                               gpointer                  sink_data,
                                               GPtrArray               **out_centres,
                                               GPtrArray               **out_employees,
                                               GCancellable             *cancellable,
                                               ShtatProgressFunc         progress,
                                               gpointer                  user_data,
                                               double                    progress_scale,
                                               GError                  **error);

/* Reads a CSV table; on success @out_records holds a ShtatExchangeRecord per
 * employee, in order of first appearance, and @out_centre_header the header
 * of the centre column as the file writes it. @file names the file in
 * messages. */
gboolean     shtat_personnel_csv_read_records (const char               *path,
                                               const char               *file,
                                               GPtrArray               **out_records,
                                               char                    **out_centre_header,
                                               GError                  **error);

/* Refuses a DOCTYPE in the prolog of the XML file at @path (named @file in
 * messages) before libxml2 sees it, so that no entity is ever declared. */
gboolean     shtat_exchange_check_xml_prolog  (const char             *path,
                                               const char             *file,
                                               GError                **error);

G_END_DECLS
