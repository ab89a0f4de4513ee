/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-promotions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shtat-promotions.h"

struct _ShtatPromotion
{
  GObject             parent_instance;
  ShtatPromotionKind  kind;
  ShtatEmployee      *employee;
  char               *name;
  char               *position;
  int                 category;
  GDate               date;
};

G_DEFINE_FINAL_TYPE (ShtatPromotion, shtat_promotion, G_TYPE_OBJECT)

static void
shtat_promotion_finalize (GObject *object)
{
  ShtatPromotion *self = SHTAT_PROMOTION (object);

  shtat_employee_unref (self->employee);
  g_free (self->name);
  g_free (self->position);
  G_OBJECT_CLASS (shtat_promotion_parent_class)->finalize (object);
}

static void
shtat_promotion_class_init (ShtatPromotionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shtat_promotion_finalize;
}

static void
shtat_promotion_init (ShtatPromotion *self)
{
  self->category = -1;
  g_date_clear (&self->date, 1);
}

ShtatPromotionKind
shtat_promotion_get_kind (ShtatPromotion *self)
{
  return self->kind;
}

/**
 * shtat_promotion_get_employee:
 * @self: a row of the report
 *
 * Returns: (transfer none): the personnel file
 */
ShtatEmployee *
shtat_promotion_get_employee (ShtatPromotion *self)
{
  return self->employee;
}

/**
 * shtat_promotion_get_name:
 * @self: a row of the report
 *
 * Returns: (transfer none): the employee's full name
 */
const char *
shtat_promotion_get_name (ShtatPromotion *self)
{
  return self->name;
}

/**
 * shtat_promotion_get_position:
 * @self: a row of the report
 *
 * Returns: (transfer none): the position code
 */
const char *
shtat_promotion_get_position (ShtatPromotion *self)
{
  return self->position;
}

/**
 * shtat_promotion_get_category:
 * @self: a row of the report
 *
 * Returns: the next category (a #ShtatCategory), or -1
 */
int
shtat_promotion_get_category (ShtatPromotion *self)
{
  return self->category;
}

/**
 * shtat_promotion_get_date:
 * @self: a row of the report
 *
 * Returns: (transfer none): when the row applies: the eligibility or expiry date
 */
const GDate *
shtat_promotion_get_date (ShtatPromotion *self)
{
  return &self->date;
}

/**
 * shtat_promotion_kind_get_label:
 * @kind: a kind of row
 *
 * Returns: (transfer none): the kind in the user's language
 */
const char *
shtat_promotion_kind_get_label (ShtatPromotionKind kind)
{
  switch (kind)
    {
    case SHTAT_PROMOTION_NOW:
      return _("May be promoted now");
    case SHTAT_PROMOTION_SOON:
      return _("Eligible soon");
    case SHTAT_PROMOTION_CERTIFICATE:
    default:
      return _("Certificate expires");
    }
}

typedef struct
{
  GListStore  *store;
  GDate        as_of;
  GDate        until;
} Build;

static void
add_row (Build                 *b,
         ShtatPromotionKind     kind,
         ShtatEmployee         *employee,
         const ShtatAssignment *assignment,
         int                    category,
         const GDate           *date)
{
  ShtatPromotion *p = g_object_new (SHTAT_TYPE_PROMOTION, NULL);

  p->kind = kind;
  p->employee = shtat_employee_ref (employee);
  p->name = shtat_employee_dup_full_name (employee);
  p->position = g_strdup (assignment ? assignment->position : NULL);
  p->category = category;
  p->date = *date;
  g_list_store_append (b->store, p);
  g_object_unref (p);
}

static void
collect_cb (ShtatEmployee         *employee,
            const ShtatAssignment *assignment,
            const ShtatVerdict    *verdict,
            gpointer               user_data)
{
  Build *b = user_data;

  if (verdict != NULL && verdict->next_category >= 0 && verdict->next_reachable && g_date_valid (&verdict->eligible_on))
    {
      if (g_date_compare (&verdict->eligible_on, &b->as_of) <= 0)
        add_row (b, SHTAT_PROMOTION_NOW, employee, assignment, verdict->next_category, &verdict->eligible_on);
      else if (g_date_compare (&verdict->eligible_on, &b->until) <= 0)
        add_row (b, SHTAT_PROMOTION_SOON, employee, assignment, verdict->next_category, &verdict->eligible_on);
    }

  /* certificates that ran out in the past year or run out within the window */
  for (guint c = 0; c < employee->certificates->len; c++)
    {
      const ShtatCertificate *cert = &g_array_index (employee->certificates, ShtatCertificate, c);
      GDate year_ago = b->as_of;

      g_date_subtract_years (&year_ago, 1);
      if (g_date_valid (&cert->expires) && g_date_compare (&cert->expires, &b->until) <= 0
          && g_date_compare (&cert->expires, &year_ago) >= 0)
        add_row (b, SHTAT_PROMOTION_CERTIFICATE, employee, assignment, -1, &cert->expires);
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ShtatPromotion *x = (ShtatPromotion *) a;
  ShtatPromotion *y = (ShtatPromotion *) b;
  int by_date = g_date_compare (&x->date, &y->date);

  return by_date != 0 ? by_date : g_utf8_collate (x->name, y->name);
}

/**
 * shtat_promotions_build:
 * @list: the personnel with their verdicts
 * @as_of: the date the report is made on
 * @days: the window (90 in the app)
 *
 * Returns: (transfer full) (element-type ShtatPromotion): the rows, sorted by date,
 *   then name
 */
GListStore *
shtat_promotions_build (ShtatPersonnelList *list,
                        const GDate        *as_of,
                        guint               days)
{
  Build b = { g_list_store_new (SHTAT_TYPE_PROMOTION), *as_of, *as_of };

  g_date_add_days (&b.until, days);
  shtat_personnel_list_foreach (list, collect_cb, &b);
  g_list_store_sort (b.store, compare_rows, NULL);
  return b.store;
}

static void
csv_field (GString    *out,
           const char *value)
{
  /* quoted always: names and positions may hold separators */
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * shtat_promotions_write_csv:
 * @rows: (element-type ShtatPromotion): the rows of the report
 * @library: the norms, for the position names
 * @path: the file to write
 * @error: return location for a #GError
 *
 * UTF-8 with a byte-order mark and semicolons, as spreadsheets in Kazakhstan
 * open it directly; written to a temporary file and renamed, so a failure
 * never leaves half a report.
 *
 * Returns: %TRUE when written
 */
gboolean
shtat_promotions_write_csv (GListModel        *rows,
                            ShtatNormLibrary  *library,
                            const char        *path,
                            GError           **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = {
    C_("column", "Report"), C_("column", "IIN"), C_("column", "Full name"),
    C_("column", "Position"), C_("column", "Category"), C_("column", "Date"),
  };

  for (guint h = 0; h < G_N_ELEMENTS (header); h++)
    {
      if (h > 0)
        g_string_append_c (out, ';');
      csv_field (out, header[h]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ShtatPromotion) p = g_list_model_get_item (rows, i);
      const ShtatPosition *pos = shtat_norm_library_get_position (library, p->position);
      const ShtatExternalPosition *ext = shtat_norm_library_get_external_position (library, p->position);
      g_autofree char *date = shtat_format_gdate (&p->date);

      csv_field (out, shtat_promotion_kind_get_label (p->kind));
      g_string_append_c (out, ';');
      csv_field (out, p->employee->iin);
      g_string_append_c (out, ';');
      csv_field (out, p->name);
      g_string_append_c (out, ';');
      csv_field (out, pos ? shtat_text_get (&pos->name) : ext ? shtat_text_get (&ext->name) : p->position);
      g_string_append_c (out, ';');
      csv_field (out, p->category >= 0 ? shtat_category_get_label (p->category) : "");
      g_string_append_c (out, ';');
      csv_field (out, date);
      g_string_append (out, "\r\n");
    }

  return g_file_set_contents_full (path, out->str, (gssize) out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
