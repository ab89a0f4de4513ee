/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "shtat-document-text.h"
#include "shtat-norms.h"
#include "shtat-schedule.h"
#include "shtat-text.h"
#include "shtat-types.h"

G_BEGIN_DECLS

/* The staffing schedule as a document to sign (штат кестесі / штатное
 * расписание): the PDF here, the XLSX in shtat-schedule-xlsx.h, with the same
 * content. The document is written in @lang whatever the language of the
 * interface: its fixed wording comes from tables of kk, ru and en texts
 * (shtat-document-text.h: document content, not interface strings), position names from the norm
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

G_END_DECLS
