/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "shtat-iin.h"
#include "shtat-personnel-exchange-private.h"
#include "shtat-units.h"

G_DEFINE_QUARK (shtat-exchange-error-quark, shtat_exchange_error)

/* ------------------------------------------------------------------------ */
/* Names of the enumerations, as in the files                               */

int
shtat_exchange_enum_count (ShtatExchangeEnum kind)
{
  switch (kind)
    {
    case SHTAT_EXCHANGE_ENUM_EDUCATION_LEVEL:
      return SHTAT_N_EDUCATION_LEVELS;
    case SHTAT_EXCHANGE_ENUM_FIELD:
      return SHTAT_N_FIELDS;
    case SHTAT_EXCHANGE_ENUM_LEVEL:
      return SHTAT_N_LEVELS;
    case SHTAT_EXCHANGE_ENUM_CATEGORY:
      return SHTAT_N_CATEGORIES;
    case SHTAT_EXCHANGE_ENUM_SECTOR:
      return SHTAT_N_SECTORS;
    case SHTAT_EXCHANGE_ENUM_SEX:
      return 2;
    default:
      g_return_val_if_reached (0);
    }
}

/* The name of the @index-th value; for SHTAT_EXCHANGE_ENUM_SEX index 0 is male, 1 female. */
const char *
shtat_exchange_enum_name (ShtatExchangeEnum kind,
                          int      index)
{
  switch (kind)
    {
    case SHTAT_EXCHANGE_ENUM_EDUCATION_LEVEL:
      return shtat_education_level_to_string ((ShtatEducationLevel) index);
    case SHTAT_EXCHANGE_ENUM_FIELD:
      return shtat_field_to_string ((ShtatField) index);
    case SHTAT_EXCHANGE_ENUM_LEVEL:
      return shtat_level_to_string ((ShtatLevel) index);
    case SHTAT_EXCHANGE_ENUM_CATEGORY:
      return shtat_category_to_string ((ShtatCategory) index);
    case SHTAT_EXCHANGE_ENUM_SECTOR:
      return shtat_sector_to_string ((ShtatSector) index);
    case SHTAT_EXCHANGE_ENUM_SEX:
      return index == 0 ? "male" : "female";
    default:
      g_return_val_if_reached (NULL);
    }
}

int
shtat_exchange_enum_parse (ShtatExchangeEnum    kind,
                           const char *str)
{
  int n = shtat_exchange_enum_count (kind);

  for (int i = 0; i < n; i++)
    if (shtat_exchange_name_equal (shtat_exchange_enum_name (kind, i), str))
      return i;
  return -1;
}

/* "higher, medium, single", for messages. */
char *
shtat_exchange_enum_list (ShtatExchangeEnum kind)
{
  GString *list = g_string_new (NULL);
  int n = shtat_exchange_enum_count (kind);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, shtat_exchange_enum_name (kind, i));
    }
  return g_string_free (list, FALSE);
}

ShtatSex
shtat_exchange_sex_from_index (int index)
{
  return index == 0 ? SHTAT_SEX_MALE : SHTAT_SEX_FEMALE;
}

const char *
shtat_exchange_sex_to_string (ShtatSex sex)
{
  return shtat_exchange_enum_name (SHTAT_EXCHANGE_ENUM_SEX, sex == SHTAT_SEX_FEMALE ? 1 : 0);
}

/* ------------------------------------------------------------------------ */
/* Values: each parser returns NULL when @value is good, else the reason     */

gboolean
shtat_exchange_is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

static gboolean
read_digits (const char **p,
             guint        n,
             guint       *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + (guint) ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* YYYY-MM-DD; with @dotted also D.M.YYYY and DD.MM.YYYY, as spreadsheets in
 * Kazakhstan write dates. */
char *
shtat_exchange_parse_date (const char *value,
                           gboolean    dotted,
                           GDate      *out)
{
  const char *p = value;
  guint year = 0, month = 0, day = 0;
  gboolean ok = FALSE;

  if (read_digits (&p, 4, &year) && *p == '-' && (p++, read_digits (&p, 2, &month)) && *p == '-'
      && (p++, read_digits (&p, 2, &day)) && *p == '\0')
    ok = TRUE;
  else if (dotted)
    {
      p = value;
      if ((read_digits (&p, 2, &day) || read_digits (&p, 1, &day)) && *p == '.'
          && (p++, read_digits (&p, 2, &month) || read_digits (&p, 1, &month)) && *p == '.'
          && (p++, read_digits (&p, 4, &year)) && *p == '\0')
        ok = TRUE;
    }

  if (!ok || year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup_printf (_("“%s” is not a date"), value);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return NULL;
}

char *
shtat_exchange_parse_iin (const char *value,
                          char        out[13])
{
  g_autoptr(GError) local_error = NULL;

  if (!shtat_iin_parse (value, NULL, &local_error))
    return g_strdup_printf (_("“%s” is not an IIN: %s"), value, local_error->message);
  g_strlcpy (out, value, 13);
  return NULL;
}

char *
shtat_exchange_parse_enum (ShtatExchangeEnum    kind,
                           const char *value,
                           int        *out)
{
  int i = shtat_exchange_enum_parse (kind, value);
  g_autofree char *list = NULL;

  if (i >= 0)
    {
      *out = i;
      return NULL;
    }
  list = shtat_exchange_enum_list (kind);
  return g_strdup_printf (_("“%s” is not one of: %s"), value, list);
}

char *
shtat_exchange_parse_year (const char *value,
                           guint      *out)
{
  const char *p = value;
  guint year;

  if (!read_digits (&p, 4, &year) || *p != '\0' || year < 1900 || year > 2999)
    return g_strdup_printf (_("“%s” is not a year"), value);
  *out = year;
  return NULL;
}

/* Staff units with at most two decimals; XML wants a dot, CSV may have a comma. */
char *
shtat_exchange_parse_rate (const char *value,
                           gboolean    comma,
                           int        *out)
{
  int rate = 0;

  if ((!comma && strchr (value, ',') != NULL) || !shtat_units_parse (value, &rate) || rate <= 0)
    return g_strdup_printf (_("“%s” is not a rate in staff units (1, 0.5, 0.25…)"), value);
  *out = rate;
  return NULL;
}

/* Codes of centres, positions and certificates: an XML name token (letters,
 * digits, "-", "_", ".", ":") of at most 64 characters, as the schema says. */
char *
shtat_exchange_check_code (const char *value)
{
  glong len = g_utf8_strlen (value, -1);
  gboolean ok = len > 0 && len <= 64;

  for (const char *p = value; ok && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      ok = g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '-' || c == '_' || c == '.'
           || c == ':' || c == 0xB7;
    }
  if (!ok)
    return g_strdup_printf (_("“%s” is not a code (1 to 64 letters, digits, “-”, “_”, “.”)"), value);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Records and where they come from                                         */

const char * const shtat_exchange_kind_elements[SHTAT_N_RECORD_KINDS] = {
  "education", "certificate", "period", "assignment",
};

void
shtat_exchange_lines_init (ShtatRecordLines *lines)
{
  lines->line = 0;
  for (guint k = 0; k < SHTAT_N_RECORD_KINDS; k++)
    lines->children[k] = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
shtat_exchange_lines_reset (ShtatRecordLines *lines,
                            guint  line)
{
  lines->line = line;
  for (guint k = 0; k < SHTAT_N_RECORD_KINDS; k++)
    g_array_set_size (lines->children[k], 0);
}

void
shtat_exchange_lines_clear (ShtatRecordLines *lines)
{
  for (guint k = 0; k < SHTAT_N_RECORD_KINDS; k++)
    g_clear_pointer (&lines->children[k], g_array_unref);
}

guint
shtat_exchange_lines_child (const ShtatRecordLines *lines,
                            ShtatRecordKind   kind,
                            guint        index)
{
  if (index < lines->children[kind]->len)
    return g_array_index (lines->children[kind], guint, index);
  return lines->line;
}

GArray *
shtat_exchange_employee_children (const ShtatEmployee *employee,
                                  ShtatRecordKind           kind)
{
  switch (kind)
    {
    case SHTAT_RECORD_EDUCATION:
      return employee->education;
    case SHTAT_RECORD_CERTIFICATE:
      return employee->certificates;
    case SHTAT_RECORD_PERIOD:
      return employee->periods;
    case SHTAT_RECORD_ASSIGNMENT:
      return employee->assignments;
    case SHTAT_N_RECORD_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "period 2", counting from 1 as the validation messages do. */
static char *
kind_label (ShtatRecordKind kind,
            guint      n)
{
  switch (kind)
    {
    case SHTAT_RECORD_EDUCATION:
      return g_strdup_printf (_("education %u"), n);
    case SHTAT_RECORD_CERTIFICATE:
      return g_strdup_printf (_("certificate %u"), n);
    case SHTAT_RECORD_PERIOD:
      return g_strdup_printf (_("period %u"), n);
    case SHTAT_RECORD_ASSIGNMENT:
      return g_strdup_printf (_("assignment %u"), n);
    case SHTAT_N_RECORD_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "employee 900101300126, period 2": the IIN as given, else the employee's
 * number in the file. */
char *
shtat_exchange_record_label (const char *iin,
                             guint       ordinal,
                             int         kind,
                             guint       n)
{
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;

  if (iin != NULL && *iin != '\0')
    who = g_strdup_printf (_("employee %s"), iin);
  else
    who = g_strdup_printf (_("employee no. %u"), ordinal);
  if (kind < 0)
    return g_steal_pointer (&who);
  what = kind_label ((ShtatRecordKind) kind, n);
  return g_strdup_printf ("%s, %s", who, what);
}

/* "FILE:LINE: RECORD: MESSAGE" (the record may be NULL). */
gboolean
shtat_exchange_set_error_at (GError           **error,
                             GQuark             domain,
                             int                code,
                             const char        *file,
                             guint              line,
                             const char        *record,
                             const char        *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (record != NULL)
    g_set_error (error, domain, code, "%s:%u: %s: %s", file, line, record, message);
  else
    g_set_error (error, domain, code, "%s:%u: %s", file, line, message);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */

/* Only regular files: a FIFO or a device would never end. */
gboolean
shtat_exchange_stat_regular (const char *path,
                             const char *file,
                             goffset    *size,
                             GError    **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_IO, "%s: %s", file,
                   _("not a regular file"));
      return FALSE;
    }
  *size = st.st_size;
  return TRUE;
}

void
shtat_exchange_record_free (ShtatExchangeRecord *record)
{
  g_clear_pointer (&record->employee, shtat_employee_unref);
  shtat_exchange_lines_clear (&record->lines);
  g_free (record);
}

/* Refuses a DOCTYPE before libxml2 sees the file, so no entity is ever
 * declared, and none expanded. The reader refuses one too, should the prolog
 * be longer than what is looked at here. */
gboolean
shtat_exchange_check_xml_prolog (const char *path,
                                 const char *file,
                                 GError    **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  char buf[16384];
  gsize len = 0;
  const char *p = buf, *end;
  guint line = 1;

  in = g_file_read (gfile, NULL, error);
  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), buf, sizeof buf, &len, NULL, error))
    {
      g_prefix_error (error, "%s: ", file);
      return FALSE;
    }
  end = buf + len;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *close = NULL;

      if (g_ascii_isspace (*p))
        {
          line += *p++ == '\n';
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_FORBIDDEN, file, line,
                             NULL, "%s",
                             _("a DOCTYPE declaration is not allowed in personnel files (entities are never expanded)"));
      if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = g_strstr_len (p, end - p, "?>");
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      if (close == NULL)
        break;
      for (; p < close; p++)
        line += *p == '\n';
      p += *p == '?' ? 2 : 3;
    }
  return TRUE;
}
