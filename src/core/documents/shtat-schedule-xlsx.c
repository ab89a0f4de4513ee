/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "shtat-schedule-xlsx.h"

/* Rows of the sheet, from 0. */
#define ROW_APPROVE    0
#define ROW_TITLE      5
#define ROW_HEADER     9
#define ROW_NUMBERS    10
#define ROW_FIRST_LINE 11

#define LAST_COL       (SHTAT_DOCUMENT_N_COLS - 1)
/* Excel keeps at most 32 767 characters in a cell; 8 000 characters are at
 * most 32 000 bytes of UTF-8. */
#define MAX_CELL_CHARS 8000

static const double col_widths[SHTAT_DOCUMENT_N_COLS] = { 6, 32, 42, 13, 12, 16, 15, 18 };

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_error      status;     /* the first error of a write */
  lxw_format    *plain;
  lxw_format    *bold;
  lxw_format    *approve;
  lxw_format    *wrap;
  lxw_format    *small;
  lxw_format    *title;
  lxw_format    *centred;
  lxw_format    *header;
  lxw_format    *numbers;
  lxw_format    *cell_text;
  lxw_format    *cell_number;
  lxw_format    *cell_units;
  lxw_format    *cell_money;
  lxw_format    *total_text;
  lxw_format    *total_units;
  lxw_format    *total_money;
} Sheet;

static void
keep (Sheet     *s,
      lxw_error  err)
{
  if (s->status == LXW_NO_ERROR)
    s->status = err;
}

static lxw_format *
new_format (Sheet    *s,
            gboolean  bold,
            double    size)
{
  lxw_format *format = workbook_add_format (s->workbook);

  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  return format;
}

static lxw_format *
cell_format (Sheet      *s,
             gboolean    bold,
             const char *num_format,
             uint8_t     align)
{
  lxw_format *format = new_format (s, bold, 10);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (align != LXW_ALIGN_NONE)
    format_set_align (format, align);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  else
    format_set_text_wrap (format);
  if (bold)
    {
      format_set_pattern (format, LXW_PATTERN_SOLID);
      format_set_bg_color (format, 0xF2F2F2);
    }
  return format;
}

static void
make_formats (Sheet *s)
{
  s->plain = new_format (s, FALSE, 10);
  s->bold = new_format (s, TRUE, 11);
  s->approve = new_format (s, TRUE, 11);
  s->wrap = new_format (s, FALSE, 10);
  format_set_text_wrap (s->wrap);
  format_set_align (s->wrap, LXW_ALIGN_VERTICAL_TOP);
  s->small = new_format (s, FALSE, 7);
  format_set_align (s->small, LXW_ALIGN_CENTER);
  s->title = new_format (s, TRUE, 14);
  format_set_align (s->title, LXW_ALIGN_CENTER);
  s->centred = new_format (s, TRUE, 11);
  format_set_align (s->centred, LXW_ALIGN_CENTER);
  format_set_text_wrap (s->centred);

  s->header = new_format (s, TRUE, 9);
  format_set_border (s->header, LXW_BORDER_THIN);
  format_set_text_wrap (s->header);
  format_set_align (s->header, LXW_ALIGN_CENTER);
  format_set_align (s->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_pattern (s->header, LXW_PATTERN_SOLID);
  format_set_bg_color (s->header, 0xE6E6E6);
  s->numbers = new_format (s, FALSE, 8);
  format_set_border (s->numbers, LXW_BORDER_THIN);
  format_set_align (s->numbers, LXW_ALIGN_CENTER);

  s->cell_text = cell_format (s, FALSE, NULL, LXW_ALIGN_NONE);
  s->cell_number = cell_format (s, FALSE, "0", LXW_ALIGN_CENTER);
  s->cell_units = cell_format (s, FALSE, "0.00", LXW_ALIGN_NONE);
  s->cell_money = cell_format (s, FALSE, "#,##0.00", LXW_ALIGN_NONE);
  s->total_text = cell_format (s, TRUE, NULL, LXW_ALIGN_NONE);
  s->total_units = cell_format (s, TRUE, "0.00", LXW_ALIGN_NONE);
  s->total_money = cell_format (s, TRUE, "#,##0.00", LXW_ALIGN_NONE);
}

static void
text (Sheet      *s,
      lxw_row_t   row,
      lxw_col_t   col,
      const char *value,
      lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (value == NULL || *value == '\0')
    {
      keep (s, worksheet_write_blank (s->sheet, row, col, format));
      return;
    }
  if (g_utf8_strlen (value, -1) > MAX_CELL_CHARS)
    value = cut = g_utf8_substring (value, 0, MAX_CELL_CHARS);
  keep (s, worksheet_write_string (s->sheet, row, col, value, format));
}

static void
merged (Sheet      *s,
        lxw_row_t   row,
        lxw_col_t   first,
        lxw_col_t   last,
        const char *value,
        lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (value != NULL && g_utf8_strlen (value, -1) > MAX_CELL_CHARS)
    value = cut = g_utf8_substring (value, 0, MAX_CELL_CHARS);
  keep (s, worksheet_merge_range (s->sheet, row, first, row, last, value != NULL ? value : "", format));
}

/* "E12". */
static char *
cell_name (lxw_row_t row,
           lxw_col_t col)
{
  return g_strdup_printf ("%c%u", 'A' + (char) col, (guint) row + 1);
}

/* SUBTOTAL(9, …) leaves out the subtotals inside its range, so the total over
 * every row counts each line once. */
static void
subtotal (Sheet       *s,
          lxw_row_t    row,
          lxw_col_t    col,
          lxw_row_t    first,
          lxw_row_t    last,
          double       value,
          lxw_format  *format)
{
  g_autofree char *from = cell_name (first, col);
  g_autofree char *to = cell_name (last, col);
  g_autofree char *formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", from, to);

  keep (s, worksheet_write_formula_num (s->sheet, row, col, formula, format, value));
}

static void
approval_block (Sheet               *s,
                const ShtatSchedule *schedule,
                ShtatLang            lang)
{
  ShtatScheduleStatus status = shtat_schedule_get_status (schedule);
  const ShtatApproval *approval = shtat_schedule_get_approval (schedule);
  gboolean approved = approval != NULL
                      && (status == SHTAT_SCHEDULE_APPROVED || status == SHTAT_SCHEDULE_SUPERSEDED);
  const lxw_col_t first = SHTAT_DOCUMENT_COL_SALARY;
  g_autofree char *order = shtat_document_dup_order (approved ? approval : NULL, lang);

  if (status == SHTAT_SCHEDULE_SUPERSEDED)
    text (s, ROW_APPROVE, 0, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SUPERSEDED, lang), s->bold);
  else if (!approved)
    text (s, ROW_APPROVE, 0, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_DRAFT, lang), s->bold);

  merged (s, ROW_APPROVE, first, LAST_COL, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_APPROVE, lang),
          s->approve);
  if (approved)
    {
      g_autofree char *signed_by = g_strdup_printf ("________________  %s",
                                                    approval->signatory != NULL ? approval->signatory : "");

      merged (s, ROW_APPROVE + 1, first, LAST_COL, approval->akimat, s->wrap);
      keep (s, worksheet_set_row (s->sheet, ROW_APPROVE + 1, 30, NULL));
      merged (s, ROW_APPROVE + 2, first, LAST_COL, signed_by, s->plain);
    }
  else
    {
      g_autofree char *akimat = g_strdup_printf ("______________________________________\n%s",
                                                 shtat_document_get_label (SHTAT_DOCUMENT_LABEL_AKIMAT, lang));
      g_autofree char *signed_by = g_strdup_printf ("______________ / ______________________\n%s   %s",
                                                    shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SIGNATURE, lang),
                                                    shtat_document_get_label (SHTAT_DOCUMENT_LABEL_FULL_NAME, lang));

      merged (s, ROW_APPROVE + 1, first, LAST_COL, akimat, s->wrap);
      keep (s, worksheet_set_row (s->sheet, ROW_APPROVE + 1, 27, NULL));
      merged (s, ROW_APPROVE + 2, first, LAST_COL, signed_by, s->wrap);
      keep (s, worksheet_set_row (s->sheet, ROW_APPROVE + 2, 27, NULL));
    }
  merged (s, ROW_APPROVE + 3, first, LAST_COL, order, s->plain);
}

static void
table_header (Sheet     *s,
              ShtatLang  lang)
{
  for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
    {
      keep (s, worksheet_write_string (s->sheet, ROW_HEADER, (lxw_col_t) c,
                                       shtat_document_get_column_label (c, lang), s->header));
      keep (s, worksheet_write_number (s->sheet, ROW_NUMBERS, (lxw_col_t) c, c + 1, s->numbers));
    }
  keep (s, worksheet_set_row (s->sheet, ROW_HEADER, 40, NULL));
}

/* Writes the lines, subtotals and totals; returns the row after them. */
static lxw_row_t
table (Sheet               *s,
       const ShtatSchedule *schedule,
       ShtatNormLibrary    *library,
       GPtrArray           *groups,
       ShtatLang            lang)
{
  const char *table_id = shtat_schedule_get_table (schedule);
  lxw_row_t row = ROW_FIRST_LINE;
  guint number = 0;
  gint64 monthly = 0, annual = 0;
  lxw_row_t total_row;

  for (guint g = 0; g < groups->len; g++)
    {
      const ShtatDocumentGroup *group = g_ptr_array_index (groups, g);
      lxw_row_t first = row;

      for (guint i = 0; i < group->lines->len; i++, row++)
        {
          const ShtatScheduleLine *line = shtat_schedule_get_line (schedule,
                                                                   g_array_index (group->lines, guint, i));
          g_autofree char *position = shtat_document_dup_position_name (library, table_id,
                                                                        line->position, lang);
          gint64 fund = 0;

          /* summed already by shtat_document_group_lines() */
          shtat_schedule_line_get_fund (line, &fund, NULL);
          keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_NUMBER, ++number,
                                           s->cell_number));
          text (s, row, SHTAT_DOCUMENT_COL_UNIT, group->name, s->cell_text);
          text (s, row, SHTAT_DOCUMENT_COL_POSITION, position, s->cell_text);
          text (s, row, SHTAT_DOCUMENT_COL_GRADE, line->grade, s->cell_text);
          keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_UNITS, line->units / 100.0,
                                           s->cell_units));
          keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_SALARY, line->salary / 100.0,
                                           s->cell_money));
          keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_ALLOWANCES,
                                           line->allowances / 100.0, s->cell_money));
          keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_FUND, fund / 100.0,
                                           s->cell_money));
        }

      keep (s, worksheet_write_blank (s->sheet, row, SHTAT_DOCUMENT_COL_NUMBER, s->total_text));
      text (s, row, SHTAT_DOCUMENT_COL_UNIT, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SUBTOTAL, lang),
            s->total_text);
      text (s, row, SHTAT_DOCUMENT_COL_POSITION, group->name, s->total_text);
      text (s, row, SHTAT_DOCUMENT_COL_GRADE, NULL, s->total_text);
      subtotal (s, row, SHTAT_DOCUMENT_COL_UNITS, first, row - 1, group->units / 100.0, s->total_units);
      text (s, row, SHTAT_DOCUMENT_COL_SALARY, NULL, s->total_money);
      text (s, row, SHTAT_DOCUMENT_COL_ALLOWANCES, NULL, s->total_money);
      subtotal (s, row, SHTAT_DOCUMENT_COL_FUND, first, row - 1, group->fund / 100.0, s->total_money);
      row++;
    }

  /* checked already by shtat_document_group_lines() */
  shtat_schedule_get_fund (schedule, &monthly, &annual, NULL);
  total_row = row;
  keep (s, worksheet_write_blank (s->sheet, row, SHTAT_DOCUMENT_COL_NUMBER, s->total_text));
  text (s, row, SHTAT_DOCUMENT_COL_UNIT, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_TOTAL, lang),
        s->total_text);
  for (lxw_col_t c = SHTAT_DOCUMENT_COL_POSITION; c <= SHTAT_DOCUMENT_COL_ALLOWANCES; c++)
    if (c != SHTAT_DOCUMENT_COL_UNITS)
      text (s, row, c, NULL, c < SHTAT_DOCUMENT_COL_UNITS ? s->total_text : s->total_money);
  if (row > ROW_FIRST_LINE)
    {
      subtotal (s, row, SHTAT_DOCUMENT_COL_UNITS, ROW_FIRST_LINE, row - 1,
                shtat_schedule_get_total_units (schedule) / 100.0, s->total_units);
      subtotal (s, row, SHTAT_DOCUMENT_COL_FUND, ROW_FIRST_LINE, row - 1, monthly / 100.0, s->total_money);
    }
  else
    {
      keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_UNITS, 0, s->total_units));
      keep (s, worksheet_write_number (s->sheet, row, SHTAT_DOCUMENT_COL_FUND, 0, s->total_money));
    }
  row++;

  {
    g_autofree char *monthly_cell = cell_name (total_row, SHTAT_DOCUMENT_COL_FUND);
    g_autofree char *formula = g_strdup_printf ("=%s*12", monthly_cell);

    keep (s, worksheet_write_blank (s->sheet, row, SHTAT_DOCUMENT_COL_NUMBER, s->total_text));
    text (s, row, SHTAT_DOCUMENT_COL_UNIT, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_ANNUAL, lang),
          s->total_text);
    for (lxw_col_t c = SHTAT_DOCUMENT_COL_POSITION; c < SHTAT_DOCUMENT_COL_FUND; c++)
      text (s, row, c, NULL, c < SHTAT_DOCUMENT_COL_UNITS ? s->total_text : s->total_money);
    keep (s, worksheet_write_formula_num (s->sheet, row, SHTAT_DOCUMENT_COL_FUND, formula, s->total_money,
                                          annual / 100.0));
  }
  return row + 1;
}

static lxw_row_t
signatures (Sheet     *s,
            lxw_row_t  row,
            ShtatLang  lang)
{
  static const ShtatDocumentLabel who[] = {
    SHTAT_DOCUMENT_LABEL_DIRECTOR, SHTAT_DOCUMENT_LABEL_CHIEF_ACCOUNTANT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      text (s, row, SHTAT_DOCUMENT_COL_UNIT, shtat_document_get_label (who[i], lang), s->plain);
      text (s, row, SHTAT_DOCUMENT_COL_POSITION, "______________________   ______________________", s->plain);
      text (s, row + 1, SHTAT_DOCUMENT_COL_POSITION,
            shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SIGNATURE, lang), s->small);
      text (s, row + 1, SHTAT_DOCUMENT_COL_GRADE,
            shtat_document_get_label (SHTAT_DOCUMENT_LABEL_FULL_NAME, lang), s->small);
      row += 3;
    }
  return row;
}

/* "&" starts a code in headers and footers. */
static char *
escape_footer (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "&", -1);

  return g_strjoinv ("&&", parts);
}

static void
page_setup (Sheet               *s,
            const ShtatSchedule *schedule,
            const char          *centre,
            ShtatLang            lang,
            lxw_row_t            last_row)
{
  g_autofree char *version = shtat_document_dup_version (shtat_schedule_get_version (schedule), lang);
  g_autofree char *left = escape_footer (*centre != '\0' ? centre : version);
  g_autofree char *page = g_strdup_printf ("&R%s &P / &N",
                                           shtat_document_get_label (SHTAT_DOCUMENT_LABEL_PAGE, lang));
  /* the space keeps a name starting with a digit from lengthening "&8" */
  g_autofree char *footer = g_strdup_printf ("&L&8 %s&R&8 %s &P / &N", left,
                                             shtat_document_get_label (SHTAT_DOCUMENT_LABEL_PAGE, lang));

  worksheet_set_landscape (s->sheet);
  worksheet_set_paper (s->sheet, 9); /* A4 */
  worksheet_set_margins (s->sheet, 0.8, 0.5, 0.5, 0.7);
  worksheet_fit_to_pages (s->sheet, 1, 0);
  keep (s, worksheet_repeat_rows (s->sheet, ROW_HEADER, ROW_NUMBERS));
  keep (s, worksheet_print_area (s->sheet, 0, 0, last_row, LAST_COL));
  /* a footer is at most 255 characters: keep the page numbers at least */
  if (worksheet_set_footer (s->sheet, footer) != LXW_NO_ERROR)
    keep (s, worksheet_set_footer (s->sheet, page));
  worksheet_freeze_panes (s->sheet, ROW_FIRST_LINE, 0);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  /* TRANSLATORS: a file name and why it could not be written */
  g_set_error (error, SHTAT_DOCUMENT_ERROR, SHTAT_DOCUMENT_ERROR_WRITE, _("Cannot write “%s”: %s"),
               path, reason);
}

gboolean
shtat_schedule_write_xlsx (ShtatSchedule     *schedule,
                           ShtatNormLibrary  *library,
                           const char        *centre_name,
                           ShtatLang          lang,
                           const char        *path,
                           GError           **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *effective = NULL;
  const ShtatApproval *approval;
  ShtatScheduleStatus status;
  lxw_doc_properties properties = { 0 };
  const char *centre;
  lxw_row_t last;
  lxw_error closed;
  Sheet s = { 0 };
  int fd;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((guint) lang > SHTAT_LANG_RU)
    lang = SHTAT_LANG_EN;
  centre = centre_name != NULL && *centre_name != '\0' ? centre_name : shtat_schedule_get_centre (schedule);
  if (centre == NULL)
    centre = "";

  groups = shtat_document_group_lines (schedule, lang, error);
  if (groups == NULL || !shtat_schedule_get_fund (schedule, NULL, NULL, error))
    return FALSE;

  /* libxlsxwriter only says "error creating output xlsx file": find out why first */
  tmp = g_strconcat (path, ".tmp", NULL);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      set_write_error (error, path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  s.workbook = workbook_new (tmp);
  if (s.workbook == NULL)
    {
      set_write_error (error, path, g_strerror (ENOMEM));
      g_unlink (tmp);
      return FALSE;
    }
  s.sheet = workbook_add_worksheet (s.workbook, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SHEET, lang));
  make_formats (&s);

  title = g_strdup_printf ("%s — %s", shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SHEET, lang), centre);
  properties.title = title;
  properties.comments = (char *) "Shtat";
  keep (&s, workbook_set_properties (s.workbook, &properties));

  for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
    keep (&s, worksheet_set_column (s.sheet, (lxw_col_t) c, (lxw_col_t) c, col_widths[c], NULL));

  approval_block (&s, schedule, lang);
  merged (&s, ROW_TITLE, 0, LAST_COL, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_TITLE, lang), s.title);
  merged (&s, ROW_TITLE + 1, 0, LAST_COL, centre, s.centred);
  status = shtat_schedule_get_status (schedule);
  approval = shtat_schedule_get_approval (schedule);
  effective = shtat_document_dup_effective (approval != NULL
                                            && (status == SHTAT_SCHEDULE_APPROVED
                                                || status == SHTAT_SCHEDULE_SUPERSEDED)
                                              ? &approval->effective : NULL,
                                            lang);
  merged (&s, ROW_TITLE + 2, 0, LAST_COL, effective, s.centred);

  table_header (&s, lang);
  last = table (&s, schedule, library, groups, lang);
  last = signatures (&s, last + 1, lang);
  /* the last row written is the last caption, two rows up */
  page_setup (&s, schedule, centre, lang, last - 2);

  closed = workbook_close (s.workbook);
  if (closed != LXW_NO_ERROR || s.status != LXW_NO_ERROR)
    {
      g_set_error (error, SHTAT_DOCUMENT_ERROR,
                   closed != LXW_NO_ERROR ? SHTAT_DOCUMENT_ERROR_WRITE : SHTAT_DOCUMENT_ERROR_RENDER,
                   _("Cannot write “%s”: %s"), path,
                   lxw_strerror (closed != LXW_NO_ERROR ? closed : s.status));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      set_write_error (error, path, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
