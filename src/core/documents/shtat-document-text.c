/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-document-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shtat-document-text.h"
#include "shtat-units.h"

/* ------------------------------------------------------------------------ */
/* The document's wording                                                   */

/* Document content, not interface strings: a schedule is printed in the
 * language the akimat asks for, whatever the language of the interface, so
 * these cannot go through gettext. en, kk, ru: the order of ShtatLang. */
static const char * const labels[SHTAT_DOCUMENT_N_LABELS][3] = {
  [SHTAT_DOCUMENT_LABEL_APPROVE] = { "APPROVED", "БЕКІТЕМІН", "УТВЕРЖДАЮ" },
  [SHTAT_DOCUMENT_LABEL_TITLE] = { "STAFFING SCHEDULE", "ШТАТ КЕСТЕСІ", "ШТАТНОЕ РАСПИСАНИЕ" },
  [SHTAT_DOCUMENT_LABEL_SHEET] = { "Staffing schedule", "Штат кестесі", "Штатное расписание" },
  [SHTAT_DOCUMENT_LABEL_DRAFT] = { "DRAFT", "ЖОБА", "ПРОЕКТ" },
  [SHTAT_DOCUMENT_LABEL_SUPERSEDED] = { "SUPERSEDED", "КҮШІН ЖОЙДЫ", "УТРАТИЛО СИЛУ" },
  [SHTAT_DOCUMENT_LABEL_COL_NUMBER] = { "No.", "№ р/с", "№ п/п" },
  [SHTAT_DOCUMENT_LABEL_COL_UNIT] = { "Structural unit", "Құрылымдық бөлімше", "Структурное подразделение" },
  [SHTAT_DOCUMENT_LABEL_COL_POSITION] = { "Position", "Лауазым", "Должность" },
  [SHTAT_DOCUMENT_LABEL_COL_GRADE] = { "Category, grade", "Санат, разряд", "Категория, разряд" },
  [SHTAT_DOCUMENT_LABEL_COL_UNITS] = { "Staff units", "Штат бірліктерінің саны",
                                       "Количество штатных единиц" },
  [SHTAT_DOCUMENT_LABEL_COL_SALARY] = { "Official salary, tenge", "Лауазымдық айлықақы, теңге",
                                        "Должностной оклад, тенге" },
  [SHTAT_DOCUMENT_LABEL_COL_ALLOWANCES] = { "Allowances, tenge", "Үстемеақылар, теңге",
                                            "Надбавки, тенге" },
  [SHTAT_DOCUMENT_LABEL_COL_FUND] = { "Monthly wage fund, tenge", "Айлық еңбекақы қоры, теңге",
                                      "Месячный фонд оплаты труда, тенге" },
  [SHTAT_DOCUMENT_LABEL_SUBTOTAL] = { "Subtotal for the unit", "Бөлімше бойынша жиыны",
                                      "Итого по подразделению" },
  [SHTAT_DOCUMENT_LABEL_TOTAL] = { "Total for the schedule", "Штат кестесі бойынша барлығы",
                                   "Всего по штатному расписанию" },
  [SHTAT_DOCUMENT_LABEL_ANNUAL] = { "Annual wage fund (monthly fund × 12)",
                                    "Жылдық еңбекақы қоры (айлық қор × 12)",
                                    "Годовой фонд оплаты труда (месячный фонд × 12)" },
  [SHTAT_DOCUMENT_LABEL_DIRECTOR] = { "Director", "Директор", "Директор" },
  [SHTAT_DOCUMENT_LABEL_CHIEF_ACCOUNTANT] = { "Chief accountant", "Бас бухгалтер", "Главный бухгалтер" },
  [SHTAT_DOCUMENT_LABEL_SIGNATURE] = { "(signature)", "(қолы)", "(подпись)" },
  [SHTAT_DOCUMENT_LABEL_FULL_NAME] = { "(surname, initials)", "(тегі, аты-жөнінің бас әріптері)",
                                       "(фамилия, инициалы)" },
  [SHTAT_DOCUMENT_LABEL_AKIMAT] = { "(akimat)", "(әкімдіктің атауы)", "(наименование акимата)" },
  [SHTAT_DOCUMENT_LABEL_PAGE] = { "Page", "Бет", "Страница" },
};

static guint
lang_index (ShtatLang lang)
{
  return (guint) lang < 3 ? (guint) lang : SHTAT_LANG_EN;
}

/**
 * shtat_document_get_label:
 * @label: a label of the document
 * @lang: its language
 *
 * Returns: (transfer none): the label in @lang
 */
const char *
shtat_document_get_label (ShtatDocumentLabel label,
                          ShtatLang          lang)
{
  g_return_val_if_fail ((guint) label < SHTAT_DOCUMENT_N_LABELS, "");
  return labels[label][lang_index (lang)];
}

/**
 * shtat_document_get_column_label:
 * @column: a column of the table
 * @lang: its language
 *
 * Returns: (transfer none): its heading in @lang
 */
const char *
shtat_document_get_column_label (ShtatDocumentColumn column,
                                 ShtatLang           lang)
{
  g_return_val_if_fail ((guint) column < SHTAT_DOCUMENT_N_COLS, "");
  return labels[SHTAT_DOCUMENT_LABEL_COL_NUMBER + column][lang_index (lang)];
}

/**
 * shtat_document_format_date:
 * @date: (nullable): a date
 *
 * Returns: (transfer full): "dd.mm.yyyy", or "" for an unset date
 */
char *
shtat_document_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02u.%02u.%04u", (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_year (date));
}

/**
 * shtat_document_dup_order:
 * @approval: (nullable): the approval, or %NULL for blanks to fill in
 * @lang: the language of the document
 *
 * Returns: (transfer full): the order line of the approval block
 */
char *
shtat_document_dup_order (const ShtatApproval *approval,
                          ShtatLang            lang)
{
  g_autofree char *date = NULL;
  const char *number;

  if (approval == NULL)
    {
      switch (lang)
        {
        case SHTAT_LANG_KK:
          return g_strdup ("«___» ____________ 20___ ж. № ________ бұйрық");
        case SHTAT_LANG_RU:
          return g_strdup ("Приказ от «___» ____________ 20___ г. № ________");
        case SHTAT_LANG_EN:
        default:
          return g_strdup ("Order No. ________ of ___.___.20___");
        }
    }

  date = shtat_document_format_date (&approval->order_date);
  number = approval->order_number != NULL ? approval->order_number : "";
  switch (lang)
    {
    case SHTAT_LANG_KK:
      return g_strdup_printf ("%s ж. № %s бұйрық", date, number);
    case SHTAT_LANG_RU:
      return g_strdup_printf ("Приказ от %s № %s", date, number);
    case SHTAT_LANG_EN:
    default:
      return g_strdup_printf ("Order No. %s of %s", number, date);
    }
}

/**
 * shtat_document_dup_effective:
 * @date: (nullable): the day the schedule takes effect, or %NULL for a blank
 * @lang: the language of the document
 *
 * Returns: (transfer full): the sentence
 */
char *
shtat_document_dup_effective (const GDate *date,
                              ShtatLang    lang)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = shtat_document_format_date (date);

  switch (lang)
    {
    case SHTAT_LANG_KK:
      return g_strdup_printf ("%s бастап қолданысқа енгізіледі",
                              text != NULL ? text : "«___» ____________ 20___ ж.");
    case SHTAT_LANG_RU:
      return g_strdup_printf ("Вводится в действие с %s",
                              text != NULL ? text : "«___» ____________ 20___ г.");
    case SHTAT_LANG_EN:
    default:
      return g_strdup_printf ("In force from %s", text != NULL ? text : "___.___.20___");
    }
}

/**
 * shtat_document_dup_version:
 * @version: the version number
 * @lang: the language of the document
 *
 * Returns: (transfer full): the caption
 */
char *
shtat_document_dup_version (guint     version,
                            ShtatLang lang)
{
  switch (lang)
    {
    case SHTAT_LANG_KK:
      return g_strdup_printf ("Штат кестесі, %u-нұсқа", version);
    case SHTAT_LANG_RU:
      return g_strdup_printf ("Штатное расписание, версия %u", version);
    case SHTAT_LANG_EN:
    default:
      return g_strdup_printf ("Staffing schedule, version %u", version);
    }
}

/**
 * shtat_document_get_unit_name:
 * @unit: (nullable): a structural unit as the schedule holds it
 * @lang: the language of the document
 *
 * Returns: (transfer none): the name to show
 */
const char *
shtat_document_get_unit_name (const char *unit,
                              ShtatLang   lang)
{
  if (unit == NULL || *unit == '\0')
    return "—";

  /* a draft keeps the default names in the language it was made in */
  for (guint u = 0; u < SHTAT_SCHEDULE_N_UNITS; u++)
    for (guint l = 0; l < 3; l++)
      if (g_str_equal (unit, shtat_schedule_unit_get_name ((ShtatScheduleUnit) u, (ShtatLang) l)))
        return shtat_schedule_unit_get_name ((ShtatScheduleUnit) u, lang);
  return unit;
}

/**
 * shtat_document_dup_position_name:
 * @library: (nullable): the norm data; %NULL shows the code
 * @table_id: (nullable): the table whose rows name positions first
 * @position: (nullable): a position code; %NULL shows a dash
 * @lang: the language of the document
 *
 * shtat_schedule_dup_position_label() in a given language rather than the
 * interface's.
 *
 * Returns: (transfer full): the name
 */
char *
shtat_document_dup_position_name (ShtatNormLibrary *library,
                                  const char       *table_id,
                                  const char       *position,
                                  ShtatLang         lang)
{
  const ShtatNormRow *row = NULL;
  const ShtatPosition *qualification;
  const ShtatExternalPosition *external;

  if (position == NULL)
    return g_strdup ("—");
  if (library == NULL)
    return g_strdup (position);

  if (table_id != NULL)
    row = shtat_norm_table_find_row (shtat_norm_library_get_table (library, table_id), position);
  if (row == NULL)
    {
      GPtrArray *tables = shtat_norm_library_get_tables (library);

      for (guint t = 0; row == NULL && t < tables->len; t++)
        row = shtat_norm_table_find_row (g_ptr_array_index (tables, t), position);
    }
  if (row != NULL)
    return shtat_capitalize_first (shtat_text_get_lang (&row->name, lang));

  qualification = shtat_norm_library_get_position (library, position);
  if (qualification != NULL)
    return shtat_capitalize_first (shtat_text_get_lang (&qualification->name, lang));
  external = shtat_norm_library_get_external_position (library, position);
  if (external != NULL)
    return shtat_capitalize_first (shtat_text_get_lang (&external->name, lang));
  return g_strdup (position);
}

static void
group_free (ShtatDocumentGroup *group)
{
  g_free (group->name);
  g_array_unref (group->lines);
  g_free (group);
}

/**
 * shtat_document_group_lines:
 * @schedule: a schedule
 * @lang: the language of the unit names
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ShtatDocumentGroup) (nullable): the groups, or %NULL with
 *   SHTAT_SCHEDULE_ERROR_OVERFLOW when a fund cannot be summed
 */
GPtrArray *
shtat_document_group_lines (const ShtatSchedule  *schedule,
                            ShtatLang             lang,
                            GError              **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) by_unit = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (schedule != NULL, NULL);

  for (guint i = 0; i < shtat_schedule_get_n_lines (schedule); i++)
    {
      const ShtatScheduleLine *line = shtat_schedule_get_line (schedule, i);
      const char *key = line->unit != NULL ? line->unit : "";
      ShtatDocumentGroup *group = g_hash_table_lookup (by_unit, key);
      gint64 fund;

      if (group == NULL)
        {
          group = g_new0 (ShtatDocumentGroup, 1);
          group->name = g_strdup (shtat_document_get_unit_name (line->unit, lang));
          group->lines = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_unit, (gpointer) key, group);
        }

      if (!shtat_schedule_line_get_fund (line, &fund, error))
        return NULL;
      if (!shtat_money_add (group->fund, fund, &group->fund))
        {
          g_set_error_literal (error, SHTAT_SCHEDULE_ERROR, SHTAT_SCHEDULE_ERROR_OVERFLOW,
                               _("The wage fund is too large to compute: check the salaries, allowances and units"));
          return NULL;
        }
      g_array_append_val (group->lines, i);
      group->units += line->units;
    }

  return g_steal_pointer (&groups);
}
