/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-schedule-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "shtat-schedule-pdf.h"
#include "shtat-units.h"

G_DEFINE_QUARK (shtat-document-error-quark, shtat_document_error)

/* "25,5" (kk, ru) or "25.5" (en). */
static char *
format_units (int       hundredths,
              ShtatLang lang)
{
  char *text = shtat_units_format (hundredths);

  if (lang != SHTAT_LANG_EN)
    g_strdelimit (text, ".", ',');
  return text;
}

/* ------------------------------------------------------------------------ */
/* Page geometry, in points                                                 */

#define MM            (72.0 / 25.4)
#define MARGIN_LEFT   (20 * MM)
#define MARGIN_RIGHT  (12 * MM)
#define MARGIN_TOP    (12 * MM)
#define MARGIN_BOTTOM (16 * MM)
#define FOOTER_RISE   (8 * MM)     /* the footer's bottom above the page's */
#define PAD_X         3.0
#define PAD_Y         2.5
#define RULE          0.5
/* a cell shows at most this many lines of a text, then "…" */
#define MAX_CELL_LINES 12

/* Widths of the columns other than the position, which takes the rest. */
static const double col_mm[SHTAT_DOCUMENT_N_COLS] = { 12, 50, 0, 22, 25, 28, 26, 31 };
#define FIXED_COLUMNS_MM (12 + 50 + 22 + 25 + 28 + 26 + 31)

/* The smallest page laid out as it is: the position column keeps 45 mm and the
 * approval block, the title and the first rows fit under each other. A smaller
 * page gets the layout of a page this size, scaled down to fit it. */
#define MIN_PAGE_WIDTH  (MARGIN_LEFT + MARGIN_RIGHT + (FIXED_COLUMNS_MM + 45) * MM)
#define MIN_PAGE_HEIGHT (140 * MM)

#define FONT_BODY     "DejaVu Sans 8.5"
#define FONT_BOLD     "DejaVu Sans Bold 8.5"
#define FONT_HEAD     "DejaVu Sans Bold 7.5"
#define FONT_SMALL    "DejaVu Sans 6.5"
#define FONT_TEXT     "DejaVu Sans 10"
#define FONT_APPROVE  "DejaVu Sans Bold 11"
#define FONT_TITLE    "DejaVu Sans Bold 14"
#define FONT_SUBTITLE "DejaVu Sans Bold 11"
#define FONT_MARK     "DejaVu Sans Bold 12"
#define FONT_FOOTER   "DejaVu Sans 7.5"

/* ------------------------------------------------------------------------ */
/* Shaping                                                                  */

/* Texts are shaped with a font map and a context of the thread's own, set up
 * like a PDF surface (no hinting, unrounded metrics, 72 points to the inch),
 * whatever the surface the pages are drawn on: a printout and a PDF of the same
 * page size break lines and pages in the same places, and a document made in a
 * worker thread shares nothing with the interface's fonts. Shaped texts are
 * kept for the next documents of the thread: most cells of a schedule (labels,
 * units, position names, salaries) come back in the next one. */

typedef struct
{
  PangoFontMap *fontmap;
  PangoContext *context;
  GHashTable   *fonts;     /* font name → PangoFontDescription */
  GHashTable   *layouts;   /* LayoutKey → PangoLayout */
} Shaper;

typedef struct
{
  const char     *font;    /* one of the FONT_ names */
  int             width;   /* Pango units; 0: a single line, not wrapped */
  PangoAlignment  align;
  char            text[];
} LayoutKey;

/* Kept layouts before the cache starts again: a few documents' worth. */
#define SHAPER_MAX_LAYOUTS 8192

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) * 31u + g_str_hash (key->font) * 7u + (guint) key->width + (guint) key->align;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a;
  const LayoutKey *y = b;

  return x->width == y->width && x->align == y->align && g_str_equal (x->font, y->font)
         && g_str_equal (x->text, y->text);
}

static void
shaper_free (Shaper *shaper)
{
  g_hash_table_unref (shaper->layouts);
  g_hash_table_unref (shaper->fonts);
  g_object_unref (shaper->context);
  g_object_unref (shaper->fontmap);
  g_free (shaper);
}

static GPrivate shaper_key = G_PRIVATE_INIT ((GDestroyNotify) shaper_free);

/* A thread's shaper goes when the thread ends; the main thread's when the
 * program exits, so that what fontconfig holds for it is freed rather than
 * reported as lost by leak checkers. */
static void
shaper_free_at_exit (void)
{
  g_private_replace (&shaper_key, NULL);
}

static Shaper *
shaper_get (void)
{
  static gsize at_exit = 0;
  Shaper *shaper = g_private_get (&shaper_key);
  cairo_font_options_t *options;

  if (shaper != NULL)
    return shaper;

  shaper = g_new0 (Shaper, 1);
  shaper->fontmap = pango_cairo_font_map_new ();
  shaper->context = pango_font_map_create_context (shaper->fontmap);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (shaper->context, options);
  cairo_font_options_destroy (options);
  /* font sizes in points, not 96 dpi pixels */
  pango_cairo_context_set_resolution (shaper->context, 72);
  pango_context_set_round_glyph_positions (shaper->context, FALSE);
  shaper->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) pango_font_description_free);
  shaper->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, g_free, g_object_unref);
  g_private_set (&shaper_key, shaper);
  if (g_once_init_enter (&at_exit))
    {
      atexit (shaper_free_at_exit);
      g_once_init_leave (&at_exit, 1);
    }
  return shaper;
}

/* A text shaped in @font, wrapped to @width (0: not wrapped) and aligned; owned
 * by the shaper: ref it to keep it. */
static PangoLayout *
shaper_layout (Shaper         *shaper,
               const char     *text,
               const char     *font,
               double          width,
               PangoAlignment  align)
{
  gsize len;
  LayoutKey *key;
  PangoLayout *layout;
  const PangoFontDescription *desc;

  if (text == NULL)
    text = "";
  len = strlen (text);
  key = g_malloc (sizeof (LayoutKey) + len + 1);
  key->font = font;
  key->width = width > 0 ? pango_units_from_double (width) : 0;
  key->align = align;
  memcpy (key->text, text, len + 1);

  layout = g_hash_table_lookup (shaper->layouts, key);
  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }

  desc = g_hash_table_lookup (shaper->fonts, font);
  if (desc == NULL)
    {
      PangoFontDescription *parsed = pango_font_description_from_string (font);

      g_hash_table_insert (shaper->fonts, (gpointer) font, parsed);
      desc = parsed;
    }

  layout = pango_layout_new (shaper->context);
  pango_layout_set_font_description (layout, desc);
  if (key->width > 0)
    {
      pango_layout_set_width (layout, key->width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -MAX_CELL_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, (int) len);

  if (g_hash_table_size (shaper->layouts) >= SHAPER_MAX_LAYOUTS)
    g_hash_table_remove_all (shaper->layouts);
  g_hash_table_insert (shaper->layouts, key, layout);
  return layout;
}

/* ------------------------------------------------------------------------ */
/* The document                                                             */

typedef enum
{
  ITEM_LINE,
  ITEM_SUBTOTAL,
  ITEM_TOTAL,
  ITEM_ANNUAL,
} ItemKind;

/* A row of the table. */
typedef struct
{
  ItemKind  kind;
  guint     group;
  char     *cells[SHTAT_DOCUMENT_N_COLS];  /* NULL: empty; COL_UNIT of a line: the group's name */
  double    height;                        /* natural, then padded to end a unit's cell */
  guint     page;
  double    y;
  /* the structural unit of lines is one cell spanning the group's lines on a page */
  gboolean  unit_start;
  double    unit_height;                   /* of the spanning cell, on its first line */
} Item;

static void
item_free (Item *item)
{
  for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
    g_free (item->cells[c]);
  g_free (item);
}

/* What a page shows, as drawing operations in the coordinates of the page
 * laid out: computed once, drawn on any surface. */
typedef enum
{
  OP_TEXT,   /* layout at x, y */
  OP_LINE,   /* from x, y, width long */
  OP_BOX,    /* a rectangle's outline */
  OP_FILL,   /* a filled rectangle */
} OpKind;

typedef struct
{
  OpKind       kind;
  double       x;
  double       y;
  double       width;
  double       height;
  double       gray;
  double       line_width;
  PangoLayout *layout;
} Op;

static void
op_clear (Op *op)
{
  g_clear_object (&op->layout);
}

struct _ShtatScheduleDocument
{
  /* the page asked for, and the one laid out (larger when the page is
   * smaller than the smallest laid out as it is) */
  double            page_width;
  double            page_height;
  double            width;
  double            height;
  double            scale;
  char             *title;
  GPtrArray        *pages;    /* GArray of Op, one per page */

  /* while laying out */
  ShtatSchedule    *schedule;
  ShtatLang         lang;
  const char       *centre;
  Shaper           *shaper;
  GArray           *ops;      /* of the page being laid out; NULL: measuring */
  double            gray;     /* of the texts laid out */
  GPtrArray        *groups;   /* ShtatDocumentGroup */
  GPtrArray        *items;    /* Item */
  double            table_width;
  double            approval_width;
  double            col_x[SHTAT_DOCUMENT_N_COLS + 1];
  double            header_height;
  double            header_label_height;
  double            first_top;     /* where the table starts on the first page */
  double            signature_height;
  guint             signature_page;
  double            signature_y;
  guint             n_pages;
  int               total_units;
  gint64            monthly;
  gint64            annual;
};

typedef ShtatScheduleDocument Doc;

static void
emit (Doc          *d,
      OpKind        kind,
      double        x,
      double        y,
      double        width,
      double        height,
      double        line_width,
      PangoLayout  *layout)
{
  Op op = { kind, x, y, width, height, d->gray, line_width, NULL };

  if (layout != NULL)
    op.layout = g_object_ref (layout);
  g_array_append_val (d->ops, op);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static PangoLayout *
get_layout (Doc            *d,
            const char     *text,
            const char     *font,
            double          width,
            PangoAlignment  align)
{
  return shaper_layout (d->shaper, text, font, width, align);
}

/* Draws (if @draw) a text at x, y in a box @width wide; returns its height. */
static double
text_at (Doc            *d,
         gboolean        draw,
         const char     *text,
         const char     *font,
         double          x,
         double          y,
         double          width,
         PangoAlignment  align)
{
  PangoLayout *layout = get_layout (d, text, font, width, align);

  if (draw)
    emit (d, OP_TEXT, x, y, 0, 0, 0, layout);
  return layout_height (layout);
}

/* A line to sign or write on. */
static void
rule (Doc      *d,
      gboolean  draw,
      double    x,
      double    y,
      double    width)
{
  if (draw)
    emit (d, OP_LINE, x, y, width, 0, RULE, NULL);
}

static void
box (Doc    *d,
     double  x,
     double  y,
     double  width,
     double  height,
     double  line_width)
{
  emit (d, OP_BOX, x, y, width, height, line_width, NULL);
}

static void
fill (Doc    *d,
      double  x,
      double  y,
      double  width,
      double  height,
      double  gray)
{
  double saved = d->gray;

  d->gray = gray;
  emit (d, OP_FILL, x, y, width, height, 0, NULL);
  d->gray = saved;
}

static double
col_width (Doc   *d,
           guint  first,
           guint  last)
{
  return d->col_x[last + 1] - d->col_x[first];
}

/* The approval block, the draft mark and the title: returns where the table
 * starts. */
static double
top_block (Doc      *d,
           gboolean  draw)
{
  ShtatScheduleStatus status = shtat_schedule_get_status (d->schedule);
  const ShtatApproval *approval = shtat_schedule_get_approval (d->schedule);
  gboolean approved = approval != NULL
                      && (status == SHTAT_SCHEDULE_APPROVED || status == SHTAT_SCHEDULE_SUPERSEDED);
  double aw = d->approval_width;
  double x = d->width - MARGIN_RIGHT - aw;
  double y = MARGIN_TOP;
  double cx = MARGIN_LEFT;
  g_autofree char *order = shtat_document_dup_order (approved ? approval : NULL, d->lang);
  g_autofree char *effective = NULL;
  const char *mark = NULL;

  y += text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_APPROVE, d->lang),
                FONT_APPROVE, x, y, aw, PANGO_ALIGN_LEFT) + 4;
  if (approved)
    {
      double h;

      y += text_at (d, draw, approval->akimat, FONT_TEXT, x, y, aw, PANGO_ALIGN_LEFT) + 12;
      h = text_at (d, draw, approval->signatory, FONT_TEXT, x + 38 * MM, y, aw - 38 * MM,
                   PANGO_ALIGN_LEFT);
      rule (d, draw, x, y + h - 2, 35 * MM);
      y += h + 4;
      y += text_at (d, draw, order, FONT_TEXT, x, y, aw, PANGO_ALIGN_LEFT);
    }
  else
    {
      y += 16;
      rule (d, draw, x, y, aw);
      y += 16;
      rule (d, draw, x, y, aw);
      y += 1 + text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_AKIMAT, d->lang),
                        FONT_SMALL, x, y + 1, aw, PANGO_ALIGN_CENTER);
      y += 18;
      rule (d, draw, x, y, 30 * MM);
      rule (d, draw, x + 35 * MM, y, aw - 35 * MM);
      text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SIGNATURE, d->lang),
               FONT_SMALL, x, y + 1, 30 * MM, PANGO_ALIGN_CENTER);
      y += 1 + text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_FULL_NAME, d->lang),
                        FONT_SMALL, x + 35 * MM, y + 1, aw - 35 * MM, PANGO_ALIGN_CENTER);
      y += 8;
      y += text_at (d, draw, order, FONT_TEXT, x, y, aw, PANGO_ALIGN_LEFT);
    }

  if (status == SHTAT_SCHEDULE_SUPERSEDED)
    mark = shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SUPERSEDED, d->lang);
  else if (!approved)
    mark = shtat_document_get_label (SHTAT_DOCUMENT_LABEL_DRAFT, d->lang);
  if (mark != NULL && draw)
    {
      PangoLayout *layout = get_layout (d, mark, FONT_MARK, 0, PANGO_ALIGN_LEFT);
      int width, height;

      pango_layout_get_size (layout, &width, &height);
      box (d, MARGIN_LEFT, MARGIN_TOP, pango_units_to_double (width) + 16,
           pango_units_to_double (height) + 8, 1.5);
      emit (d, OP_TEXT, MARGIN_LEFT + 8, MARGIN_TOP + 4, 0, 0, 0, layout);
    }

  y += 12 * MM;
  y += text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_TITLE, d->lang),
                FONT_TITLE, cx, y, d->table_width, PANGO_ALIGN_CENTER) + 3;
  y += text_at (d, draw, d->centre, FONT_SUBTITLE, cx + 30 * MM, y, d->table_width - 60 * MM,
                PANGO_ALIGN_CENTER) + 3;
  effective = shtat_document_dup_effective (approved ? &approval->effective : NULL, d->lang);
  y += text_at (d, draw, effective, FONT_TEXT, cx, y, d->table_width, PANGO_ALIGN_CENTER);
  return y + 5 * MM;
}

/* Header row and the row of column numbers; returns their height. */
static double
table_header (Doc      *d,
              gboolean  draw,
              double    y)
{
  static const char * const numbers[SHTAT_DOCUMENT_N_COLS] = { "1", "2", "3", "4", "5", "6", "7", "8" };
  double label_height = 0;

  if (draw)
    {
      double number_height = d->header_height - d->header_label_height;

      fill (d, d->col_x[0], y, d->table_width, d->header_label_height, 0.90);
      for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
        {
          double width = col_width (d, c, c);
          PangoLayout *layout = get_layout (d, shtat_document_get_column_label (c, d->lang),
                                            FONT_HEAD, width - 2 * PAD_X, PANGO_ALIGN_CENTER);

          box (d, d->col_x[c], y, width, d->header_label_height, RULE);
          box (d, d->col_x[c], y + d->header_label_height, width, number_height, RULE);
          emit (d, OP_TEXT, d->col_x[c] + PAD_X, y + (d->header_label_height - layout_height (layout)) / 2,
                0, 0, 0, layout);
          text_at (d, TRUE, numbers[c], FONT_SMALL, d->col_x[c], y + d->header_label_height + 1.5,
                   width, PANGO_ALIGN_CENTER);
        }
      return d->header_height;
    }

  for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
    {
      PangoLayout *layout = get_layout (d, shtat_document_get_column_label (c, d->lang), FONT_HEAD,
                                        col_width (d, c, c) - 2 * PAD_X, PANGO_ALIGN_CENTER);

      label_height = MAX (label_height, layout_height (layout) + 2 * PAD_Y);
    }
  d->header_label_height = label_height;
  return label_height + text_at (d, FALSE, "1", FONT_SMALL, 0, 0, 0, PANGO_ALIGN_LEFT) + 3;
}

/* The first and last column of each cell of a row, and the font. */
static guint
item_spans (const Item *item,
            guint       spans[][2])
{
  switch (item->kind)
    {
    case ITEM_LINE:
      {
        static const guint line_cols[] = {
          SHTAT_DOCUMENT_COL_NUMBER, SHTAT_DOCUMENT_COL_POSITION, SHTAT_DOCUMENT_COL_GRADE,
          SHTAT_DOCUMENT_COL_UNITS, SHTAT_DOCUMENT_COL_SALARY, SHTAT_DOCUMENT_COL_ALLOWANCES,
          SHTAT_DOCUMENT_COL_FUND,
        };

        for (guint i = 0; i < G_N_ELEMENTS (line_cols); i++)
          spans[i][0] = spans[i][1] = line_cols[i];
        return G_N_ELEMENTS (line_cols);
      }
    case ITEM_SUBTOTAL:
    case ITEM_TOTAL:
      spans[0][0] = SHTAT_DOCUMENT_COL_NUMBER;
      spans[0][1] = SHTAT_DOCUMENT_COL_GRADE;
      for (guint c = SHTAT_DOCUMENT_COL_UNITS; c < SHTAT_DOCUMENT_N_COLS; c++)
        spans[c - SHTAT_DOCUMENT_COL_UNITS + 1][0] = spans[c - SHTAT_DOCUMENT_COL_UNITS + 1][1] = c;
      return 1 + SHTAT_DOCUMENT_N_COLS - SHTAT_DOCUMENT_COL_UNITS;
    case ITEM_ANNUAL:
      spans[0][0] = SHTAT_DOCUMENT_COL_NUMBER;
      spans[0][1] = SHTAT_DOCUMENT_COL_ALLOWANCES;
      spans[1][0] = spans[1][1] = SHTAT_DOCUMENT_COL_FUND;
      return 2;
    default:
      g_assert_not_reached ();
      return 0;
    }
}

static PangoAlignment
column_alignment (const Item *item,
                  guint       first)
{
  if (first == SHTAT_DOCUMENT_COL_NUMBER)
    return item->kind == ITEM_LINE ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT;
  if (first >= SHTAT_DOCUMENT_COL_UNITS)
    return PANGO_ALIGN_RIGHT;
  return PANGO_ALIGN_LEFT;
}

/* Measures (draw FALSE) or draws a row at y. */
static double
item_row (Doc      *d,
          Item     *item,
          gboolean  draw,
          double    y)
{
  guint spans[SHTAT_DOCUMENT_N_COLS][2];
  guint n = item_spans (item, spans);
  const char *font = item->kind == ITEM_LINE ? FONT_BODY : FONT_BOLD;
  double height = 0;

  if (draw && item->kind != ITEM_LINE)
    fill (d, d->col_x[0], y, d->table_width, item->height, 0.95);

  for (guint i = 0; i < n; i++)
    {
      double x = d->col_x[spans[i][0]];
      double width = col_width (d, spans[i][0], spans[i][1]);
      double cell;

      if (draw)
        box (d, x, y, width, item->height, RULE);
      cell = text_at (d, draw, item->cells[spans[i][0]], font, x + PAD_X, y + PAD_Y, width - 2 * PAD_X,
                      column_alignment (item, spans[i][0]));
      height = MAX (height, cell + 2 * PAD_Y);
    }

  if (draw && item->kind == ITEM_LINE && item->unit_start)
    {
      double x = d->col_x[SHTAT_DOCUMENT_COL_UNIT];
      double width = col_width (d, SHTAT_DOCUMENT_COL_UNIT, SHTAT_DOCUMENT_COL_UNIT);

      box (d, x, y, width, item->unit_height, RULE);
      text_at (d, TRUE, item->cells[SHTAT_DOCUMENT_COL_UNIT], FONT_BODY, x + PAD_X, y + PAD_Y,
               width - 2 * PAD_X, PANGO_ALIGN_LEFT);
    }
  return height;
}

static double
unit_cell_height (Doc        *d,
                  const Item *item)
{
  return text_at (d, FALSE, item->cells[SHTAT_DOCUMENT_COL_UNIT], FONT_BODY, 0, 0,
                  col_width (d, SHTAT_DOCUMENT_COL_UNIT, SHTAT_DOCUMENT_COL_UNIT) - 2 * PAD_X,
                  PANGO_ALIGN_LEFT)
         + 2 * PAD_Y;
}

static double
signatures (Doc      *d,
            gboolean  draw,
            double    y)
{
  static const ShtatDocumentLabel who[] = {
    SHTAT_DOCUMENT_LABEL_DIRECTOR, SHTAT_DOCUMENT_LABEL_CHIEF_ACCOUNTANT,
  };
  double x = MARGIN_LEFT + 10 * MM;
  double top = y;

  for (guint i = 0; i < G_N_ELEMENTS (who); i++)
    {
      double h;

      if (i > 0)
        y += 7 * MM;
      h = text_at (d, draw, shtat_document_get_label (who[i], d->lang), FONT_TEXT, x, y, 60 * MM,
                   PANGO_ALIGN_LEFT);
      y += h;
      rule (d, draw, x + 65 * MM, y - 2, 40 * MM);
      rule (d, draw, x + 112 * MM, y - 2, 65 * MM);
      text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SIGNATURE, d->lang), FONT_SMALL,
               x + 65 * MM, y - 1, 40 * MM, PANGO_ALIGN_CENTER);
      y += text_at (d, draw, shtat_document_get_label (SHTAT_DOCUMENT_LABEL_FULL_NAME, d->lang),
                    FONT_SMALL, x + 112 * MM, y - 1, 65 * MM, PANGO_ALIGN_CENTER);
    }
  return y - top;
}

static void
footer (Doc   *d,
        guint  page)
{
  g_autofree char *left = NULL;
  g_autofree char *version = shtat_document_dup_version (shtat_schedule_get_version (d->schedule), d->lang);
  g_autofree char *number = g_strdup_printf ("%s %u / %u",
                                             shtat_document_get_label (SHTAT_DOCUMENT_LABEL_PAGE, d->lang),
                                             page + 1, d->n_pages);
  ShtatScheduleStatus status = shtat_schedule_get_status (d->schedule);
  const char *mark = NULL;
  double base = d->height - FOOTER_RISE;
  double h;

  left = *d->centre != '\0' ? g_strdup_printf ("%s — %s", d->centre, version) : g_strdup (version);
  if (status == SHTAT_SCHEDULE_SUPERSEDED)
    mark = shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SUPERSEDED, d->lang);
  else if (status != SHTAT_SCHEDULE_APPROVED || shtat_schedule_get_approval (d->schedule) == NULL)
    mark = shtat_document_get_label (SHTAT_DOCUMENT_LABEL_DRAFT, d->lang);

  h = text_at (d, FALSE, number, FONT_FOOTER, 0, 0, 0, PANGO_ALIGN_LEFT);
  d->gray = 0.3;
  text_at (d, TRUE, left, FONT_FOOTER, MARGIN_LEFT, base - h, d->table_width * 0.6, PANGO_ALIGN_LEFT);
  if (mark != NULL)
    text_at (d, TRUE, mark, FONT_BOLD, MARGIN_LEFT + d->table_width * 0.6, base - h,
             d->table_width * 0.15, PANGO_ALIGN_CENTER);
  text_at (d, TRUE, number, FONT_FOOTER, MARGIN_LEFT + d->table_width * 0.75, base - h,
           d->table_width * 0.25, PANGO_ALIGN_RIGHT);
  d->gray = 0;
}

static Item *
new_item (ItemKind kind,
          guint    group)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->group = group;
  return item;
}

static void
build_items (Doc              *d,
             ShtatNormLibrary *library)
{
  const char *table_id = shtat_schedule_get_table (d->schedule);
  guint number = 0;
  Item *item;

  for (guint g = 0; g < d->groups->len; g++)
    {
      const ShtatDocumentGroup *group = g_ptr_array_index (d->groups, g);

      for (guint i = 0; i < group->lines->len; i++)
        {
          const ShtatScheduleLine *line = shtat_schedule_get_line (d->schedule,
                                                                   g_array_index (group->lines, guint, i));
          gint64 fund = 0;

          /* summed already by shtat_document_group_lines() */
          shtat_schedule_line_get_fund (line, &fund, NULL);
          item = new_item (ITEM_LINE, g);
          item->cells[SHTAT_DOCUMENT_COL_NUMBER] = g_strdup_printf ("%u", ++number);
          item->cells[SHTAT_DOCUMENT_COL_UNIT] = g_strdup (group->name);
          item->cells[SHTAT_DOCUMENT_COL_POSITION] =
            shtat_document_dup_position_name (library, table_id, line->position, d->lang);
          item->cells[SHTAT_DOCUMENT_COL_GRADE] = g_strdup (line->grade);
          item->cells[SHTAT_DOCUMENT_COL_UNITS] = format_units (line->units, d->lang);
          item->cells[SHTAT_DOCUMENT_COL_SALARY] = shtat_money_format_amount (line->salary, d->lang);
          item->cells[SHTAT_DOCUMENT_COL_ALLOWANCES] = shtat_money_format_amount (line->allowances, d->lang);
          item->cells[SHTAT_DOCUMENT_COL_FUND] = shtat_money_format_amount (fund, d->lang);
          g_ptr_array_add (d->items, item);
        }

      item = new_item (ITEM_SUBTOTAL, g);
      item->cells[SHTAT_DOCUMENT_COL_NUMBER] =
        g_strdup (shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SUBTOTAL, d->lang));
      item->cells[SHTAT_DOCUMENT_COL_UNITS] = format_units (group->units, d->lang);
      item->cells[SHTAT_DOCUMENT_COL_FUND] = shtat_money_format_amount (group->fund, d->lang);
      g_ptr_array_add (d->items, item);
    }

  item = new_item (ITEM_TOTAL, d->groups->len);
  item->cells[SHTAT_DOCUMENT_COL_NUMBER] = g_strdup (shtat_document_get_label (SHTAT_DOCUMENT_LABEL_TOTAL, d->lang));
  item->cells[SHTAT_DOCUMENT_COL_UNITS] = format_units (d->total_units, d->lang);
  item->cells[SHTAT_DOCUMENT_COL_FUND] = shtat_money_format_amount (d->monthly, d->lang);
  g_ptr_array_add (d->items, item);

  item = new_item (ITEM_ANNUAL, d->groups->len);
  item->cells[SHTAT_DOCUMENT_COL_NUMBER] = g_strdup (shtat_document_get_label (SHTAT_DOCUMENT_LABEL_ANNUAL, d->lang));
  item->cells[SHTAT_DOCUMENT_COL_FUND] = shtat_money_format_amount (d->annual, d->lang);
  g_ptr_array_add (d->items, item);

  for (guint i = 0; i < d->items->len; i++)
    {
      item = g_ptr_array_index (d->items, i);
      item->height = item_row (d, item, FALSE, 0);
    }
}

/* Pages: rows go down the page; a row that does not fit starts the next page
 * under a repeated header. The structural unit of lines is one cell spanning
 * the group's lines on a page, so the last of them is made taller when the
 * unit's name needs more room than the lines give it. */
static void
paginate (Doc *d)
{
  const double bottom = d->height - MARGIN_BOTTOM;
  guint page = 0;
  double y = d->first_top + d->header_height;
  gboolean page_empty = TRUE;
  Item *start = NULL;    /* first line of the open unit cell */
  Item *last = NULL;     /* its last line so far */
  double span = 0;       /* the lines' height so far */
  double need = 0;       /* the unit name's height */

#define CLOSE_UNIT_CELL()                                                     \
  G_STMT_START                                                                \
  {                                                                           \
    if (start != NULL)                                                        \
      {                                                                       \
        if (span < need)                                                      \
          {                                                                   \
            last->height += need - span;                                      \
            y += need - span;                                                 \
            span = need;                                                      \
          }                                                                   \
        start->unit_height = span;                                            \
        start = last = NULL;                                                  \
      }                                                                       \
  }                                                                           \
  G_STMT_END

  for (guint i = 0; i < d->items->len; i++)
    {
      Item *item = g_ptr_array_index (d->items, i);
      gboolean continues = item->kind == ITEM_LINE && start != NULL && start->group == item->group;
      double item_need = item->kind == ITEM_LINE ? unit_cell_height (d, item) : 0;
      double reserve = item->height;

      if (item->kind == ITEM_LINE)
        reserve = MAX (item->height, continues ? need - span : item_need);

      if (y + reserve > bottom && !page_empty)
        {
          CLOSE_UNIT_CELL ();
          page++;
          y = MARGIN_TOP + d->header_height;
          page_empty = TRUE;
          continues = FALSE;
        }

      if (!continues)
        CLOSE_UNIT_CELL ();

      item->page = page;
      item->y = y;
      y += item->height;
      page_empty = FALSE;

      if (item->kind == ITEM_LINE)
        {
          if (start == NULL)
            {
              start = item;
              item->unit_start = TRUE;
              span = 0;
              need = item_need;
            }
          last = item;
          span += item->height;
        }
    }
  CLOSE_UNIT_CELL ();
#undef CLOSE_UNIT_CELL

  y += 10 * MM;
  if (y + d->signature_height > bottom)
    {
      page++;
      y = MARGIN_TOP;
    }
  d->signature_page = page;
  d->signature_y = y;
  d->n_pages = page + 1;
}

/* Second pass: every page as drawing operations. */
static void
lay_out_pages (Doc *d)
{
  guint next = 0;

  for (guint page = 0; page < d->n_pages; page++)
    {
      gboolean has_rows = next < d->items->len
                          && ((Item *) g_ptr_array_index (d->items, next))->page == page;

      d->ops = g_array_new (FALSE, FALSE, sizeof (Op));
      g_array_set_clear_func (d->ops, (GDestroyNotify) op_clear);
      g_ptr_array_add (d->pages, d->ops);

      if (page == 0)
        top_block (d, TRUE);
      if (has_rows)
        table_header (d, TRUE, page == 0 ? d->first_top : MARGIN_TOP);
      for (; next < d->items->len; next++)
        {
          Item *item = g_ptr_array_index (d->items, next);

          if (item->page != page)
            break;
          item_row (d, item, TRUE, item->y);
        }
      if (page == d->signature_page)
        signatures (d, TRUE, d->signature_y);
      footer (d, page);
    }
  d->ops = NULL;
}

/**
 * shtat_schedule_document_new:
 * @schedule: the schedule to lay out
 * @library: (nullable): the norm data that names the positions
 * @centre_name: (nullable): the centre's name for the title; %NULL: the schedule's centre
 * @lang: the language of the document
 * @page_width_pt: the page width, in points
 * @page_height_pt: the page height, in points
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, freed with shtat_schedule_document_free(), or
 *   %NULL with SHTAT_SCHEDULE_ERROR_OVERFLOW when a fund cannot be summed
 */
ShtatScheduleDocument *
shtat_schedule_document_new (ShtatSchedule     *schedule,
                             ShtatNormLibrary  *library,
                             const char        *centre_name,
                             ShtatLang          lang,
                             double             page_width_pt,
                             double             page_height_pt,
                             GError           **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) items = NULL;
  ShtatScheduleDocument *d;
  double x, fixed = 0;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (page_width_pt > 0 && page_height_pt > 0, NULL);

  if ((guint) lang > SHTAT_LANG_RU)
    lang = SHTAT_LANG_EN;

  groups = shtat_document_group_lines (schedule, lang, error);
  if (groups == NULL)
    return NULL;

  d = g_new0 (ShtatScheduleDocument, 1);
  d->schedule = schedule;
  d->lang = lang;
  d->centre = centre_name != NULL && *centre_name != '\0' ? centre_name : shtat_schedule_get_centre (schedule);
  if (d->centre == NULL)
    d->centre = "";
  if (!shtat_schedule_get_fund (schedule, &d->monthly, &d->annual, error))
    {
      g_free (d);
      return NULL;
    }
  d->title = g_strdup_printf ("%s — %s", shtat_document_get_label (SHTAT_DOCUMENT_LABEL_SHEET, lang), d->centre);
  d->groups = groups;
  d->total_units = shtat_schedule_get_total_units (schedule);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  d->items = items;
  d->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  d->shaper = shaper_get ();

  d->page_width = page_width_pt;
  d->page_height = page_height_pt;
  d->scale = MIN (1.0, MIN (page_width_pt / MIN_PAGE_WIDTH, page_height_pt / MIN_PAGE_HEIGHT));
  d->width = page_width_pt / d->scale;
  d->height = page_height_pt / d->scale;
  d->table_width = d->width - MARGIN_LEFT - MARGIN_RIGHT;
  d->approval_width = MIN (100 * MM, d->table_width / 2);

  for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
    fixed += col_mm[c] * MM;
  x = MARGIN_LEFT;
  for (guint c = 0; c < SHTAT_DOCUMENT_N_COLS; c++)
    {
      d->col_x[c] = x;
      x += c == SHTAT_DOCUMENT_COL_POSITION ? d->table_width - fixed : col_mm[c] * MM;
    }
  d->col_x[SHTAT_DOCUMENT_N_COLS] = x;

  /* first pass: measure and lay out, so that every page knows how many there are */
  d->first_top = top_block (d, FALSE);
  d->header_height = table_header (d, FALSE, 0);
  d->signature_height = signatures (d, FALSE, 0);
  build_items (d, library);
  paginate (d);
  /* second pass: what each page shows */
  lay_out_pages (d);

  /* nothing of the schedule is kept: the document is what it showed when made */
  d->schedule = NULL;
  d->centre = NULL;
  d->groups = NULL;
  d->items = NULL;
  d->shaper = NULL;
  return d;
}

guint
shtat_schedule_document_get_n_pages (ShtatScheduleDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->pages->len;
}

/**
 * shtat_schedule_document_get_title:
 * @doc: a document
 *
 * Returns: (transfer none): "Штатное расписание — centre", for a PDF's metadata
 *   or a print job's name
 */
const char *
shtat_schedule_document_get_title (ShtatScheduleDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->title;
}

/* Paths of one kind, gray and line width are drawn as one: a PDF then has a
 * few drawing operations per page rather than one per cell, which is most of
 * the time it takes to write. Fills go first, then the rules and cell borders,
 * then the texts. */
static void
draw_paths (cairo_t    *cr,
            GArray     *ops,
            gboolean    filled)
{
  const Op *open = NULL;   /* the first op of the path being built */

  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      if (op->kind == OP_TEXT || (op->kind == OP_FILL) != filled)
        continue;
      if (open != NULL && (op->gray != open->gray || op->line_width != open->line_width))
        {
          if (filled)
            cairo_fill (cr);
          else
            cairo_stroke (cr);
          open = NULL;
        }
      if (open == NULL)
        {
          open = op;
          cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
          cairo_set_line_width (cr, op->line_width);
        }
      if (op->kind == OP_LINE)
        {
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->width, op->y);
        }
      else
        cairo_rectangle (cr, op->x, op->y, op->width, op->height);
    }
  if (open != NULL)
    {
      if (filled)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
    }
}

void
shtat_schedule_document_render_page (ShtatScheduleDocument *doc,
                                     cairo_t               *cr,
                                     guint                  page)
{
  GArray *ops;
  double gray = -1;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < doc->pages->len);

  ops = g_ptr_array_index (doc->pages, page);
  cairo_save (cr);
  if (doc->scale != 1.0)
    cairo_scale (cr, doc->scale, doc->scale);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_dash (cr, NULL, 0, 0);

  draw_paths (cr, ops, TRUE);
  draw_paths (cr, ops, FALSE);
  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      if (op->kind != OP_TEXT)
        continue;
      if (op->gray != gray)
        {
          gray = op->gray;
          cairo_set_source_rgb (cr, gray, gray, gray);
        }
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, op->layout);
    }
  cairo_restore (cr);
}

void
shtat_schedule_document_free (ShtatScheduleDocument *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->pages);
  g_free (doc->title);
  g_free (doc);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

typedef struct
{
  GOutputStream *out;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
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
shtat_schedule_document_write_pdf (ShtatScheduleDocument  *doc,
                                   const char             *path,
                                   GError                **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { NULL, NULL };

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = g_strconcat (path, ".tmp", NULL);
  file = g_file_new_for_path (tmp);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local);
  if (stream == NULL)
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  /* cairo writes a PDF in pieces of a few bytes: one system call each without
   * a buffer */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);
  sink.out = buffered;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, doc->page_width, doc->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shtat");
  cr = cairo_create (surface);
  for (guint page = 0; page < doc->pages->len; page++)
    {
      shtat_schedule_document_render_page (doc, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.error != NULL)
        set_write_error (error, path, sink.error->message);
      else
        g_set_error (error, SHTAT_DOCUMENT_ERROR, SHTAT_DOCUMENT_ERROR_RENDER, _("Cannot write “%s”: %s"),
                     path, cairo_status_to_string (status));
      g_clear_error (&sink.error);
      g_output_stream_close (sink.out, NULL, NULL);
      g_unlink (tmp);
      return FALSE;
    }

  if (!g_output_stream_close (sink.out, NULL, &local))
    {
      set_write_error (error, path, local->message);
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

gboolean
shtat_schedule_write_pdf (ShtatSchedule     *schedule,
                          ShtatNormLibrary  *library,
                          const char        *centre_name,
                          ShtatLang          lang,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(ShtatScheduleDocument) doc = NULL;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = shtat_schedule_document_new (schedule, library, centre_name, lang, SHTAT_DOCUMENT_A4_LANDSCAPE_WIDTH,
                                     SHTAT_DOCUMENT_A4_LANDSCAPE_HEIGHT, error);
  return doc != NULL && shtat_schedule_document_write_pdf (doc, path, error);
}
