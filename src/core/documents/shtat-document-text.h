/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shtat-norms.h"
#include "shtat-schedule.h"
#include "shtat-text.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* The wording of a staffing schedule as a document, shared by the PDF and
 * XLSX writers: in the language of the document, whatever the language of the
 * interface. */

typedef enum
{
  SHTAT_DOCUMENT_LABEL_APPROVE,          /* БЕКІТЕМІН / УТВЕРЖДАЮ */
  SHTAT_DOCUMENT_LABEL_TITLE,            /* ШТАТ КЕСТЕСІ / ШТАТНОЕ РАСПИСАНИЕ */
  SHTAT_DOCUMENT_LABEL_SHEET,            /* the same, as a sheet name */
  SHTAT_DOCUMENT_LABEL_DRAFT,            /* ЖОБА / ПРОЕКТ */
  SHTAT_DOCUMENT_LABEL_SUPERSEDED,       /* КҮШІН ЖОЙДЫ / УТРАТИЛО СИЛУ */
  SHTAT_DOCUMENT_LABEL_COL_NUMBER,
  SHTAT_DOCUMENT_LABEL_COL_UNIT,
  SHTAT_DOCUMENT_LABEL_COL_POSITION,
  SHTAT_DOCUMENT_LABEL_COL_GRADE,
  SHTAT_DOCUMENT_LABEL_COL_UNITS,
  SHTAT_DOCUMENT_LABEL_COL_SALARY,
  SHTAT_DOCUMENT_LABEL_COL_ALLOWANCES,
  SHTAT_DOCUMENT_LABEL_COL_FUND,
  SHTAT_DOCUMENT_LABEL_SUBTOTAL,
  SHTAT_DOCUMENT_LABEL_TOTAL,
  SHTAT_DOCUMENT_LABEL_ANNUAL,
  SHTAT_DOCUMENT_LABEL_DIRECTOR,
  SHTAT_DOCUMENT_LABEL_CHIEF_ACCOUNTANT,
  SHTAT_DOCUMENT_LABEL_SIGNATURE,        /* caption under a signature line */
  SHTAT_DOCUMENT_LABEL_FULL_NAME,        /* caption under a name line */
  SHTAT_DOCUMENT_LABEL_AKIMAT,           /* caption under the akimat's line */
  SHTAT_DOCUMENT_LABEL_PAGE,             /* Бет / Страница / Page */
  SHTAT_DOCUMENT_N_LABELS, /*< skip >*/
} ShtatDocumentLabel;

/* The eight columns of the table, in order. */
typedef enum
{
  SHTAT_DOCUMENT_COL_NUMBER,
  SHTAT_DOCUMENT_COL_UNIT,
  SHTAT_DOCUMENT_COL_POSITION,
  SHTAT_DOCUMENT_COL_GRADE,
  SHTAT_DOCUMENT_COL_UNITS,
  SHTAT_DOCUMENT_COL_SALARY,
  SHTAT_DOCUMENT_COL_ALLOWANCES,
  SHTAT_DOCUMENT_COL_FUND,
  SHTAT_DOCUMENT_N_COLS, /*< skip >*/
} ShtatDocumentColumn;

const char *shtat_document_get_label         (ShtatDocumentLabel  label,
                                              ShtatLang           lang);
const char *shtat_document_get_column_label  (ShtatDocumentColumn column,
                                              ShtatLang           lang);

/**
 * ShtatDocumentGroup:
 * @lines: (element-type guint): indices of the schedule's lines
 *
 * Lines of one structural unit, in the schedule's order; the units in order of
 * their first line.
 */
typedef struct
{
  char   *name;     /* in the document's language; "—" for lines without a unit */
  GArray *lines;
  int     units;    /* hundredths */
  gint64  fund;     /* monthly, tiyn */
} ShtatDocumentGroup;

GPtrArray  *shtat_document_group_lines       (const ShtatSchedule *schedule,
                                              ShtatLang            lang,
                                              GError             **error);
/* A structural unit as the document shows it: the default units in @lang,
 * other texts as typed. */
const char *shtat_document_get_unit_name     (const char          *unit,
                                              ShtatLang            lang);
/* A position's name in @lang: the row of @table_id naming it, else any table,
 * else its qualification characteristic, else the code. */
char       *shtat_document_dup_position_name (ShtatNormLibrary    *library,
                                              const char          *table_id,
                                              const char          *position,
                                              ShtatLang            lang);
/* "dd.mm.yyyy". */
char       *shtat_document_format_date       (const GDate         *date);
/* "Приказ от 20.01.2026 № 214-п", "20.01.2026 ж. № 214-п бұйрық"; with
 * @approval NULL, blanks to fill in. */
char       *shtat_document_dup_order         (const ShtatApproval *approval,
                                              ShtatLang            lang);
/* "Вводится в действие с 01.02.2026"; with @date NULL, a blank for the date. */
char       *shtat_document_dup_effective     (const GDate         *date,
                                              ShtatLang            lang);
/* "Штатное расписание, версия 2". */
char       *shtat_document_dup_version       (guint                version,
                                              ShtatLang            lang);

G_END_DECLS
