/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "shtat-norms.h"
#include "shtat-schedule.h"
#include "shtat-text.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* The staffing schedule as a document to sign (штат кестесі / штатное
 * расписание): the PDF here, the XLSX in shtat-schedule-xlsx.h, with the same
 * content. The document is written in @lang whatever the language of the
 * interface: its fixed wording comes from tables of kk, ru and en texts in this
 * file (document content, not interface strings), position names from the norm
 * data in @lang, and the default structural units (shtat_schedule_unit_get_name())
 * are given in @lang whichever language they were typed in.
 *
 * Both writers write PATH.tmp and rename it over @path, so a reader never sees
 * half a file; errors name @path. */

#define SHTAT_DOCUMENT_ERROR (shtat_document_error_quark ())

typedef enum
{
  SHTAT_DOCUMENT_ERROR_WRITE,   /* the file cannot be written or renamed into place */
  SHTAT_DOCUMENT_ERROR_RENDER,  /* cairo or libxlsxwriter refused the document */
} ShtatDocumentError;

GQuark shtat_document_error_quark (void);

/* A4 landscape, in points. */
#define SHTAT_DOCUMENT_A4_LANDSCAPE_WIDTH  (297 * 72 / 25.4)
#define SHTAT_DOCUMENT_A4_LANDSCAPE_HEIGHT (210 * 72 / 25.4)

/* The document, DejaVu Sans: top right the approval block (БЕКІТЕМІН /
 * УТВЕРЖДАЮ, the akimat, the signatory, the order's date and number; lines to
 * fill in and a ЖОБА / ПРОЕКТ / DRAFT mark while the version is not approved);
 * the title with @centre_name (NULL: the schedule's centre) and the date it
 * takes effect; the table grouped by structural unit with subtotals, its header
 * repeated on every page; totals of units and of the monthly and annual wage
 * fund; the director's and the chief accountant's signature lines; "N / M" page
 * numbers on every page. @library (may be NULL) names the positions.
 *
 * A ShtatScheduleDocument is the schedule laid out once on pages of a given
 * size, to be drawn on any cairo context: a PDF surface, or the context of each
 * page a print dialog hands out. Texts are measured independently of the
 * surface drawn on (no hinting, 72 dpi), so that a printout breaks pages where
 * a PDF of the same page size does. Pages narrower than about 271 mm or lower
 * than 140 mm get the layout of a page that large, scaled down to fit. The
 * document keeps nothing of @schedule: it shows the schedule as it was when
 * made. Make, draw and free it in one thread (texts are shaped with fonts of
 * the thread that makes it). */

ShtatScheduleDocument *shtat_schedule_document_new         (ShtatSchedule          *schedule,
                                                            ShtatNormLibrary       *library,
                                                            const char             *centre_name,
                                                            ShtatLang               lang,
                                                            double                  page_width_pt,
                                                            double                  page_height_pt,
                                                            GError                **error);
guint                  shtat_schedule_document_get_n_pages (ShtatScheduleDocument  *doc);
const char            *shtat_schedule_document_get_title   (ShtatScheduleDocument  *doc);
/* Draws @page (from 0) with its top left corner at the origin of @cr, in
 * points, without showing the page; the state of @cr is left as it was. */
void                   shtat_schedule_document_render_page (ShtatScheduleDocument  *doc,
                                                            cairo_t                *cr,
                                                            guint                   page);
/* Every page on a PDF of the document's page size. */
gboolean               shtat_schedule_document_write_pdf   (ShtatScheduleDocument  *doc,
                                                            const char             *path,
                                                            GError                **error);
void                   shtat_schedule_document_free        (ShtatScheduleDocument  *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShtatScheduleDocument, shtat_schedule_document_free)

/* The document on A4 landscape pages, as a PDF. */
gboolean shtat_schedule_write_pdf (ShtatSchedule    *schedule,
                                   ShtatNormLibrary *library,
                                   const char       *centre_name,
                                   ShtatLang         lang,
                                   const char       *path,
                                   GError          **error);

/* ------------------------------------------------------------------------ */
/* Content shared by the PDF and XLSX writers                               */

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
