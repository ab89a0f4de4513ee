/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-personnel-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shtat-personnel-csv.h"
#include "shtat-personnel-exchange-private.h"
#include "shtat-units.h"

/* ------------------------------------------------------------------------ */
/* CSV: reading bytes                                                       */

#define CSV_CHUNK (64 * 1024)

typedef struct
{
  GInputStream *stream;
  char         *buf;
  gsize         len;
  gsize         pos;
  gboolean      eof;
} CsvSource;

/* Whether the whole file is UTF-8, read in chunks: a character cut at the end
 * of a chunk is carried over to the next. */
static gboolean
csv_is_utf8 (const char *path,
             gboolean   *is_utf8,
             gboolean   *is_utf16,
             GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree char *buf = NULL;
  gboolean first = TRUE;
  gsize carry = 0;

  if (in == NULL)
    return FALSE;
  buf = g_malloc (CSV_CHUNK + 4);
  *is_utf8 = TRUE;
  *is_utf16 = FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buf + carry, CSV_CHUNK, NULL, error);
      gsize len;
      const char *end = NULL;

      if (n < 0)
        return FALSE;
      len = carry + (gsize) n;
      if (len == 0)
        return TRUE;
      if (first && len >= 2 && (memcmp (buf, "\xFF\xFE", 2) == 0 || memcmp (buf, "\xFE\xFF", 2) == 0))
        {
          *is_utf8 = FALSE;
          *is_utf16 = TRUE;
          return TRUE;
        }
      first = FALSE;
      if (g_utf8_validate (buf, (gssize) len, &end))
        {
          if (n == 0)
            return TRUE;
          carry = 0;
          continue;
        }
      carry = len - (gsize) (end - buf);
      /* An incomplete character at the end may go on in the next chunk. */
      if (n > 0 && carry < 4 && g_utf8_get_char_validated (end, (gssize) carry) == (gunichar) -2)
        {
          memmove (buf, end, carry);
          continue;
        }
      *is_utf8 = FALSE;
      return TRUE;
    }
}

/* -1: the end of the file; -2: an error. */
static int
csv_getc (CsvSource *src,
          GError   **error)
{
  if (src->pos == src->len)
    {
      gssize n;

      if (src->eof)
        return -1;
      n = g_input_stream_read (src->stream, src->buf, CSV_CHUNK, NULL, error);
      if (n < 0)
        return -2;
      if (n == 0)
        {
          src->eof = TRUE;
          return -1;
        }
      src->len = (gsize) n;
      src->pos = 0;
    }
  return (guchar) src->buf[src->pos++];
}

/* ------------------------------------------------------------------------ */
/* CSV: columns                                                             */

typedef enum
{
  COL_IIN,
  COL_SURNAME,
  COL_NAME,
  COL_PATRONYMIC,
  COL_BIRTH_DATE,
  COL_SEX,
  COL_EDUCATION_LEVEL,
  COL_EDUCATION_FIELD,
  COL_RELEVANT,
  COL_SPECIALTY,
  COL_INSTITUTION,
  COL_DIPLOMA,
  COL_GRADUATION_YEAR,
  COL_CERTIFICATE,
  COL_CERTIFICATE_NUMBER,
  COL_CERTIFICATE_ISSUED,
  COL_CERTIFICATE_EXPIRES,
  COL_ORGANISATION,
  COL_SECTOR,
  COL_POSITION,
  COL_LEVEL,
  COL_CATEGORY,
  COL_MANAGERIAL,
  COL_FROM,
  COL_TO,
  COL_CENTRE,
  COL_POST,
  COL_POST_LEVEL,
  COL_POST_CATEGORY,
  COL_RATE,
  COL_POST_FROM,
  COL_POST_TO,
  N_COLS,
} Column;

/* The English name first, then the Kazakh and Russian ones and other spellings
 * (docs/personnel-exchange.md). Matched without regard to case, with spaces,
 * hyphens, underscores and dots alike. */
static const char * const column_names[N_COLS] = {
  [COL_IIN] = "iin|жсн|иин",
  [COL_SURNAME] = "surname|тегі|фамилия",
  [COL_NAME] = "name|first name|аты|имя",
  [COL_PATRONYMIC] = "patronymic|әкесінің аты|отчество",
  [COL_BIRTH_DATE] = "birth date|date of birth|туған күні|дата рождения",
  [COL_SEX] = "sex|жынысы|пол",
  [COL_EDUCATION_LEVEL] = "education level|білім деңгейі|уровень образования",
  [COL_EDUCATION_FIELD] = "education field|білім саласы|область образования",
  [COL_RELEVANT] = "relevant|бейіні бойынша|по профилю",
  [COL_SPECIALTY] = "specialty|мамандығы|специальность",
  [COL_INSTITUTION] = "institution|оқу орны|учебное заведение",
  [COL_DIPLOMA] = "diploma|диплом нөмірі|номер диплома",
  [COL_GRADUATION_YEAR] = "graduation year|бітірген жылы|год окончания",
  [COL_CERTIFICATE] = "certificate|сертификат",
  [COL_CERTIFICATE_NUMBER] = "certificate number|сертификат нөмірі|номер сертификата",
  [COL_CERTIFICATE_ISSUED] = "certificate issued|сертификат берілген күні|дата выдачи сертификата",
  [COL_CERTIFICATE_EXPIRES] = "certificate expires|сертификаттың мерзімі|сертификат действует до",
  [COL_ORGANISATION] = "organisation|organization|ұйым|организация",
  [COL_SECTOR] = "sector|сала|отрасль",
  [COL_POSITION] = "position|лауазымы|должность",
  [COL_LEVEL] = "level|деңгейі|уровень",
  [COL_CATEGORY] = "category|санаты|категория",
  [COL_MANAGERIAL] = "managerial|басшылық|руководящая",
  [COL_FROM] = "from|басталуы|начало",
  [COL_TO] = "to|аяқталуы|окончание",
  [COL_CENTRE] = "centre|center|орталық|центр",
  [COL_POST] = "post|штаттағы лауазымы|штатная должность",
  [COL_POST_LEVEL] = "post level|штаттағы деңгейі|штатный уровень",
  [COL_POST_CATEGORY] = "post category|штаттағы санаты|штатная категория",
  [COL_RATE] = "rate|мөлшерлеме|ставка",
  [COL_POST_FROM] = "post from|тағайындалған күні|дата назначения",
  [COL_POST_TO] = "post to|босатылған күні|дата освобождения",
};

/* Case folded, with runs of spaces, hyphens, underscores and dots as one "_". */
static char *
normalize_header (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t' || c == 0xA0)
        {
          gap = TRUE;
          continue;
        }
      if (gap && out->len > 0)
        g_string_append_c (out, '_');
      gap = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
column_lookup (const char *header)
{
  g_autofree char *wanted = normalize_header (header);

  for (guint c = 0; c < N_COLS; c++)
    {
      g_auto(GStrv) names = g_strsplit (column_names[c], "|", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *name = normalize_header (names[i]);

          if (g_str_equal (name, wanted))
            return (int) c;
        }
    }
  return -1;
}

/* The English name of a column, as documented: "birth_date". */
static char *
column_english (Column column)
{
  g_autofree char *first = g_strndup (column_names[column], strcspn (column_names[column], "|"));

  return normalize_header (first);
}

/* ------------------------------------------------------------------------ */
/* CSV: rows                                                                */

typedef struct
{
  const char *file;
  CsvSource   src;
  char        sep;
  guint       line;           /* the next character's line */
  guint       row_line;       /* where the current row starts */
  GPtrArray  *fields;         /* GString, reused */
  guint       n_fields;
  int         column_of[N_COLS]; /* index of the field, or -1 */
  char       *headers[N_COLS];   /* as the file writes them */
  GPtrArray  *entries;        /* ShtatExchangeRecord, in order of first appearance */
  GHashTable *by_iin;         /* IIN (in the employee) → ShtatExchangeRecord */
} CsvRead;

static gboolean
csv_fail (CsvRead           *self,
          ShtatExchangeError code,
          const char        *record,
          GError           **error,
          const char        *format,
          ...) G_GNUC_PRINTF (5, 6);

static gboolean
csv_fail (CsvRead           *self,
          ShtatExchangeError code,
          const char        *record,
          GError           **error,
          const char        *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return shtat_exchange_set_error_at (error, SHTAT_EXCHANGE_ERROR, code, self->file, self->row_line, record, "%s",
                       message);
}

static void
gstring_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static GString *
csv_field (CsvRead *self,
           guint    i)
{
  while (self->fields->len <= i)
    g_ptr_array_add (self->fields, g_string_sized_new (32));
  return g_ptr_array_index (self->fields, i);
}

/* Reads one row into self->fields (RFC 4180 quoting, "" for a quote inside
 * quotes, CR LF or LF). Returns 1, 0 at the end of the file, -1 on error. */
static int
csv_read_row (CsvRead *self,
              GError **error)
{
  enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED } state = FIELD_START;
  GString *field;
  gboolean any = FALSE;
  guint quote_line = 0;

  self->n_fields = 0;
  self->row_line = self->line;
  field = csv_field (self, 0);
  g_string_truncate (field, 0);

  for (;;)
    {
      int c = csv_getc (&self->src, error);

      if (c == -2)
        {
          g_prefix_error (error, "%s: ", self->file);
          return -1;
        }
      if (c == -1)
        {
          if (state == QUOTED)
            {
              self->row_line = quote_line;
              csv_fail (self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error,
                        _("the quoted field that begins here is never closed"));
              return -1;
            }
          if (!any)
            return 0;
          self->n_fields++;
          return 1;
        }
      any = TRUE;

      if (c == '\r')
        continue;

      switch (state)
        {
        case FIELD_START:
        case UNQUOTED:
          if (state == FIELD_START && c == '"')
            {
              state = QUOTED;
              quote_line = self->line;
            }
          else if (c == self->sep)
            {
              field = csv_field (self, ++self->n_fields);
              g_string_truncate (field, 0);
              state = FIELD_START;
            }
          else if (c == '\n')
            {
              self->line++;
              self->n_fields++;
              return 1;
            }
          else
            {
              g_string_append_c (field, (char) c);
              state = UNQUOTED;
            }
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (field, (char) c);
            }
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (field, '"');
              state = QUOTED;
            }
          else if (c == self->sep)
            {
              field = csv_field (self, ++self->n_fields);
              g_string_truncate (field, 0);
              state = FIELD_START;
            }
          else if (c == '\n')
            {
              self->line++;
              self->n_fields++;
              return 1;
            }
          else if (c != ' ' && c != '\t')
            {
              csv_fail (self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error,
                        _("field %u: text after the closing quote"), self->n_fields + 1);
              return -1;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* The value of @column in the current row, stripped; "" when absent. */
static const char *
csv_value (CsvRead *self,
           Column   column)
{
  int i = self->column_of[column];

  if (i < 0 || (guint) i >= self->n_fields)
    return "";
  return g_strstrip (((GString *) g_ptr_array_index (self->fields, i))->str);
}

static gboolean
csv_row_is_empty (CsvRead *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (!shtat_exchange_is_blank (((GString *) g_ptr_array_index (self->fields, i))->str))
      return FALSE;
  return TRUE;
}

/* Takes @reason. */
static gboolean
column_fail (CsvRead    *self,
             const char *record,
             Column      column,
             char       *reason,
             GError    **error)
{
  gboolean ret = csv_fail (self, SHTAT_EXCHANGE_ERROR_VALUE, record, error, _("column “%s”: %s"),
                           self->headers[column], reason);

  g_free (reason);
  return ret;
}

/* Separator: whichever of ";", "," and tab the header line has most of. */
static char
csv_detect_separator (const char *buf,
                      gsize       len)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && (quoted || buf[i] != '\n'); i++)
    {
      if (buf[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          semicolons += buf[i] == ';';
          commas += buf[i] == ',';
          tabs += buf[i] == '\t';
        }
    }
  if (tabs > semicolons && tabs > commas)
    return '\t';
  return semicolons >= commas ? ';' : ',';
}

static gboolean
csv_header (CsvRead *self,
            GError **error)
{
  static const Column required[] = { COL_IIN, COL_SURNAME, COL_NAME, COL_BIRTH_DATE, COL_SEX };
  /* When any column of a group is there, its key columns must be too. */
  static const struct
  {
    Column first, last;
    Column keys[4];
    guint  n_keys;
  } groups[] = {
    { COL_EDUCATION_LEVEL, COL_GRADUATION_YEAR, { COL_EDUCATION_LEVEL }, 1 },
    { COL_CERTIFICATE, COL_CERTIFICATE_EXPIRES, { COL_CERTIFICATE }, 1 },
    { COL_ORGANISATION, COL_TO, { COL_ORGANISATION, COL_SECTOR, COL_FROM }, 3 },
    { COL_CENTRE, COL_POST_TO, { COL_CENTRE, COL_POST, COL_RATE, COL_POST_FROM }, 4 },
  };
  int rc;

  do
    rc = csv_read_row (self, error);
  while (rc == 1 && csv_row_is_empty (self));
  if (rc < 0)
    return FALSE;
  if (rc == 0)
    {
      self->row_line = 1;
      return csv_fail (self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error, _("the file is empty"));
    }

  for (guint c = 0; c < N_COLS; c++)
    self->column_of[c] = -1;

  for (guint i = 0; i < self->n_fields; i++)
    {
      const char *header = g_strstrip (((GString *) g_ptr_array_index (self->fields, i))->str);
      int c;

      if (*header == '\0' || g_str_equal (header, "№") || g_str_equal (header, "#"))
        continue;
      c = column_lookup (header);
      if (c < 0)
        return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                         _("column %u: “%s” is not a column Shtat knows"), i + 1, header);
      if (self->column_of[c] >= 0)
        return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                         _("column %u: “%s” is the same column as column %u"), i + 1, header,
                         (guint) self->column_of[c] + 1);
      self->column_of[c] = (int) i;
      self->headers[c] = g_strdup (header);
    }

  for (guint c = 0; c < N_COLS; c++)
    if (self->headers[c] == NULL)
      self->headers[c] = column_english ((Column) c);

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (self->column_of[required[r]] < 0)
      return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                       _("the column “%s” is missing"), self->headers[required[r]]);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      int present = -1;

      for (guint c = groups[g].first; c <= groups[g].last && present < 0; c++)
        if (self->column_of[c] >= 0)
          present = (int) c;
      if (present < 0)
        continue;
      for (guint k = 0; k < groups[g].n_keys; k++)
        if (self->column_of[groups[g].keys[k]] < 0)
          return csv_fail (self, SHTAT_EXCHANGE_ERROR_SCHEMA, NULL, error,
                           _("the column “%s” is missing (the column “%s” needs it)"),
                           self->headers[groups[g].keys[k]], self->headers[present]);
    }
  return TRUE;
}

/* Spreadsheet spellings: case and "_" or " " for "-". An empty cell is -1. */
static gboolean
csv_enum (CsvRead    *self,
          const char *record,
          Column      column,
          ShtatExchangeEnum    kind,
          int        *out,
          GError    **error)
{
  const char *value = csv_value (self, column);
  g_autofree char *code = NULL;
  g_autofree char *list = NULL;

  *out = -1;
  if (*value == '\0')
    return TRUE;
  code = g_ascii_strdown (value, -1);
  g_strdelimit (code, "_ ", '-');
  *out = shtat_exchange_enum_parse (kind, code);
  if (*out >= 0)
    return TRUE;
  list = shtat_exchange_enum_list (kind);
  return column_fail (self, record, column,
                      g_strdup_printf (_("“%s” is not one of: %s"), value, list), error);
}

static gboolean
csv_words (const char         *value,
           const char * const *words)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
csv_sex (CsvRead    *self,
         const char *record,
         ShtatSex   *out,
         GError    **error)
{
  static const char * const male[] = { "male", "m", "м", "муж", "мужской", "ер", NULL };
  static const char * const female[] = { "female", "f", "ж", "жен", "женский", "әйел", NULL };
  const char *value = csv_value (self, COL_SEX);

  if (csv_words (value, male))
    *out = SHTAT_SEX_MALE;
  else if (csv_words (value, female))
    *out = SHTAT_SEX_FEMALE;
  else if (*value == '\0')
    return column_fail (self, record, COL_SEX, g_strdup (_("the value is empty")), error);
  else
    return column_fail (self, record, COL_SEX,
                        g_strdup_printf (_("“%s” is not one of: %s"), value,
                                         "male, female, м, ж, ер, әйел"),
                        error);
  return TRUE;
}

static gboolean
csv_bool (CsvRead    *self,
          const char *record,
          Column      column,
          gboolean   *out,
          GError    **error)
{
  static const char * const yes[] = { "true", "yes", "y", "1", "+", "да", "иә", NULL };
  static const char * const no[] = { "false", "no", "n", "0", "-", "нет", "жоқ", "", NULL };
  const char *value = csv_value (self, column);

  if (csv_words (value, yes))
    *out = TRUE;
  else if (csv_words (value, no))
    *out = FALSE;
  else
    return column_fail (self, record, column,
                        g_strdup_printf (_("“%s” is neither yes nor no"), value), error);
  return TRUE;
}

static gboolean
csv_date (CsvRead    *self,
          const char *record,
          Column      column,
          gboolean    required,
          GDate      *out,
          GError    **error)
{
  const char *value = csv_value (self, column);
  char *reason;

  g_date_clear (out, 1);
  if (*value == '\0')
    return !required
           || column_fail (self, record, column, g_strdup (_("the value is empty")), error);
  reason = shtat_exchange_parse_date (value, TRUE, out);
  return reason == NULL || column_fail (self, record, column, reason, error);
}

static gboolean
csv_required (CsvRead    *self,
              const char *record,
              Column      column,
              GError    **error)
{
  if (*csv_value (self, column) != '\0')
    return TRUE;
  return column_fail (self, record, column, g_strdup (_("the value is empty")), error);
}

static char *
csv_text (CsvRead *self,
          Column   column)
{
  const char *value = csv_value (self, column);

  return *value != '\0' ? (char *) value : NULL;
}

static gboolean
csv_any (CsvRead *self,
         Column   first,
         Column   last)
{
  for (guint c = first; c <= last; c++)
    if (*csv_value (self, (Column) c) != '\0')
      return TRUE;
  return FALSE;
}

static gboolean
same_education (const ShtatEducation *a,
                const ShtatEducation *b)
{
  return a->level == b->level && a->field == b->field && a->relevant == b->relevant
         && a->year == b->year && g_strcmp0 (a->specialty, b->specialty) == 0
         && g_strcmp0 (a->institution, b->institution) == 0
         && g_strcmp0 (a->diploma, b->diploma) == 0;
}

static gboolean
same_certificate (const ShtatCertificate *a,
                  const ShtatCertificate *b)
{
  return g_strcmp0 (a->kind, b->kind) == 0 && g_strcmp0 (a->number, b->number) == 0
         && shtat_date_equal (&a->issued, &b->issued) && shtat_date_equal (&a->expires, &b->expires);
}

static gboolean
same_period (const ShtatWorkPeriod *a,
             const ShtatWorkPeriod *b)
{
  return g_strcmp0 (a->organisation, b->organisation) == 0 && a->sector == b->sector
         && g_strcmp0 (a->position, b->position) == 0 && a->level == b->level
         && a->category == b->category && a->managerial == b->managerial
         && shtat_date_equal (&a->from, &b->from) && shtat_date_equal (&a->to, &b->to);
}

static gboolean
same_assignment (const ShtatAssignment *a,
                 const ShtatAssignment *b)
{
  return g_strcmp0 (a->centre_code, b->centre_code) == 0
         && g_strcmp0 (a->position, b->position) == 0 && a->level == b->level
         && a->category == b->category && a->rate == b->rate && shtat_date_equal (&a->from, &b->from)
         && shtat_date_equal (&a->to, &b->to);
}

/* Appends the record unless the employee has the same one already (rows
 * repeat the education on every work period, and so on). */
static void
csv_add (ShtatExchangeRecord      *entry,
         ShtatRecordKind     kind,
         gconstpointer  record,
         guint          line)
{
  GArray *children = shtat_exchange_employee_children (entry->employee, kind);

  for (guint i = 0; i < children->len; i++)
    {
      gboolean same = FALSE;

      switch (kind)
        {
        case SHTAT_RECORD_EDUCATION:
          same = same_education (&g_array_index (children, ShtatEducation, i), record);
          break;
        case SHTAT_RECORD_CERTIFICATE:
          same = same_certificate (&g_array_index (children, ShtatCertificate, i), record);
          break;
        case SHTAT_RECORD_PERIOD:
          same = same_period (&g_array_index (children, ShtatWorkPeriod, i), record);
          break;
        case SHTAT_RECORD_ASSIGNMENT:
          same = same_assignment (&g_array_index (children, ShtatAssignment, i), record);
          break;
        case SHTAT_N_RECORD_KINDS:
        default:
          g_assert_not_reached ();
        }
      if (same)
        return;
    }

  switch (kind)
    {
    case SHTAT_RECORD_EDUCATION:
      shtat_employee_add_education (entry->employee, record);
      break;
    case SHTAT_RECORD_CERTIFICATE:
      shtat_employee_add_certificate (entry->employee, record);
      break;
    case SHTAT_RECORD_PERIOD:
      shtat_employee_add_period (entry->employee, record);
      break;
    case SHTAT_RECORD_ASSIGNMENT:
      shtat_employee_add_assignment (entry->employee, record);
      break;
    case SHTAT_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (entry->lines.children[kind], line);
}

/* A row repeating the person's columns must agree with the first row. */
static gboolean
csv_person_agrees (CsvRead    *self,
                   ShtatExchangeRecord   *entry,
                   const char *record,
                   GError    **error)
{
  const ShtatEmployee *e = entry->employee;
  const struct { Column column; const char *known; } texts[] = {
    { COL_SURNAME, e->surname }, { COL_NAME, e->name }, { COL_PATRONYMIC, e->patronymic },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = csv_value (self, texts[i].column);

      if (*value != '\0' && g_strcmp0 (value, texts[i].known) != 0)
        return column_fail (self, record, texts[i].column,
                            g_strdup_printf (_("“%s” differs from “%s” on line %u"), value,
                                             texts[i].known != NULL ? texts[i].known : "",
                                             entry->lines.line),
                            error);
    }

  if (*csv_value (self, COL_BIRTH_DATE) != '\0')
    {
      GDate date;

      if (!csv_date (self, record, COL_BIRTH_DATE, FALSE, &date, error))
        return FALSE;
      if (!shtat_date_equal (&date, &e->birth_date))
        return column_fail (self, record, COL_BIRTH_DATE,
                            g_strdup_printf (_("“%s” differs from line %u"),
                                             csv_value (self, COL_BIRTH_DATE), entry->lines.line),
                            error);
    }
  if (*csv_value (self, COL_SEX) != '\0')
    {
      ShtatSex sex;

      if (!csv_sex (self, record, &sex, error))
        return FALSE;
      if (sex != e->sex)
        return column_fail (self, record, COL_SEX,
                            g_strdup_printf (_("“%s” differs from line %u"),
                                             csv_value (self, COL_SEX), entry->lines.line),
                            error);
    }
  return TRUE;
}

static gboolean
csv_row (CsvRead *self,
         GError **error)
{
  g_autofree char *iin_record = NULL;
  g_autofree char *record = NULL;
  const char *iin_value = csv_value (self, COL_IIN);
  char iin[13];
  ShtatExchangeRecord *entry;
  char *reason;

  iin_record = shtat_exchange_record_label (iin_value, self->entries->len + 1, -1, 0);
  if (*iin_value == '\0')
    return column_fail (self, iin_record, COL_IIN, g_strdup (_("the value is empty")), error);
  if ((reason = shtat_exchange_parse_iin (iin_value, iin)) != NULL)
    return column_fail (self, iin_record, COL_IIN, reason, error);

  entry = g_hash_table_lookup (self->by_iin, iin);
  if (entry == NULL)
    {
      g_autoptr(ShtatEmployee) employee = shtat_employee_new ();
      ShtatSex sex;

      memcpy (employee->iin, iin, sizeof employee->iin);
      if (!csv_required (self, iin_record, COL_SURNAME, error)
          || !csv_required (self, iin_record, COL_NAME, error)
          || !csv_date (self, iin_record, COL_BIRTH_DATE, TRUE, &employee->birth_date, error)
          || !csv_sex (self, iin_record, &sex, error))
        return FALSE;
      employee->surname = g_strdup (csv_value (self, COL_SURNAME));
      employee->name = g_strdup (csv_value (self, COL_NAME));
      employee->patronymic = g_strdup (csv_text (self, COL_PATRONYMIC));
      employee->sex = sex;

      entry = g_new0 (ShtatExchangeRecord, 1);
      entry->employee = g_steal_pointer (&employee);
      entry->ordinal = self->entries->len + 1;
      shtat_exchange_lines_init (&entry->lines);
      entry->lines.line = self->row_line;
      g_ptr_array_add (self->entries, entry);
      g_hash_table_insert (self->by_iin, entry->employee->iin, entry);
    }
  else if (!csv_person_agrees (self, entry, iin_record, error))
    return FALSE;

  if (csv_any (self, COL_EDUCATION_LEVEL, COL_GRADUATION_YEAR))
    {
      ShtatEducation e = { 0 };
      int level;

      record = shtat_exchange_record_label (iin, 0, SHTAT_RECORD_EDUCATION, entry->employee->education->len + 1);
      if (!csv_required (self, record, COL_EDUCATION_LEVEL, error)
          || !csv_enum (self, record, COL_EDUCATION_LEVEL, SHTAT_EXCHANGE_ENUM_EDUCATION_LEVEL, &level, error)
          || !csv_enum (self, record, COL_EDUCATION_FIELD, SHTAT_EXCHANGE_ENUM_FIELD, &e.field, error)
          || !csv_bool (self, record, COL_RELEVANT, &e.relevant, error))
        return FALSE;
      if (*csv_value (self, COL_GRADUATION_YEAR) != '\0'
          && (reason = shtat_exchange_parse_year (csv_value (self, COL_GRADUATION_YEAR), &e.year)) != NULL)
        return column_fail (self, record, COL_GRADUATION_YEAR, reason, error);
      e.level = (ShtatEducationLevel) level;
      e.specialty = csv_text (self, COL_SPECIALTY);
      e.institution = csv_text (self, COL_INSTITUTION);
      e.diploma = csv_text (self, COL_DIPLOMA);
      csv_add (entry, SHTAT_RECORD_EDUCATION, &e, self->row_line);
      g_clear_pointer (&record, g_free);
    }

  if (csv_any (self, COL_CERTIFICATE, COL_CERTIFICATE_EXPIRES))
    {
      ShtatCertificate c = { 0 };

      record = shtat_exchange_record_label (iin, 0, SHTAT_RECORD_CERTIFICATE, entry->employee->certificates->len + 1);
      if (!csv_required (self, record, COL_CERTIFICATE, error))
        return FALSE;
      if ((reason = shtat_exchange_check_code (csv_value (self, COL_CERTIFICATE))) != NULL)
        return column_fail (self, record, COL_CERTIFICATE, reason, error);
      if (!csv_date (self, record, COL_CERTIFICATE_ISSUED, FALSE, &c.issued, error)
          || !csv_date (self, record, COL_CERTIFICATE_EXPIRES, FALSE, &c.expires, error))
        return FALSE;
      c.kind = csv_text (self, COL_CERTIFICATE);
      c.number = csv_text (self, COL_CERTIFICATE_NUMBER);
      csv_add (entry, SHTAT_RECORD_CERTIFICATE, &c, self->row_line);
      g_clear_pointer (&record, g_free);
    }

  if (csv_any (self, COL_ORGANISATION, COL_TO))
    {
      ShtatWorkPeriod p = { 0 };
      int sector;

      record = shtat_exchange_record_label (iin, 0, SHTAT_RECORD_PERIOD, entry->employee->periods->len + 1);
      if (!csv_required (self, record, COL_ORGANISATION, error)
          || !csv_required (self, record, COL_SECTOR, error)
          || !csv_enum (self, record, COL_SECTOR, SHTAT_EXCHANGE_ENUM_SECTOR, &sector, error)
          || !csv_enum (self, record, COL_LEVEL, SHTAT_EXCHANGE_ENUM_LEVEL, &p.level, error)
          || !csv_enum (self, record, COL_CATEGORY, SHTAT_EXCHANGE_ENUM_CATEGORY, &p.category, error)
          || !csv_bool (self, record, COL_MANAGERIAL, &p.managerial, error)
          || !csv_date (self, record, COL_FROM, TRUE, &p.from, error)
          || !csv_date (self, record, COL_TO, FALSE, &p.to, error))
        return FALSE;
      p.organisation = csv_text (self, COL_ORGANISATION);
      p.sector = (ShtatSector) sector;
      p.position = csv_text (self, COL_POSITION);
      csv_add (entry, SHTAT_RECORD_PERIOD, &p, self->row_line);
      g_clear_pointer (&record, g_free);
    }

  if (csv_any (self, COL_CENTRE, COL_POST_TO))
    {
      ShtatAssignment a = { 0 };

      record = shtat_exchange_record_label (iin, 0, SHTAT_RECORD_ASSIGNMENT, entry->employee->assignments->len + 1);
      if (!csv_required (self, record, COL_CENTRE, error)
          || !csv_required (self, record, COL_POST, error)
          || !csv_required (self, record, COL_RATE, error))
        return FALSE;
      if ((reason = shtat_exchange_check_code (csv_value (self, COL_CENTRE))) != NULL)
        return column_fail (self, record, COL_CENTRE, reason, error);
      if ((reason = shtat_exchange_check_code (csv_value (self, COL_POST))) != NULL)
        return column_fail (self, record, COL_POST, reason, error);
      if ((reason = shtat_exchange_parse_rate (csv_value (self, COL_RATE), TRUE, &a.rate)) != NULL)
        return column_fail (self, record, COL_RATE, reason, error);
      if (!csv_enum (self, record, COL_POST_LEVEL, SHTAT_EXCHANGE_ENUM_LEVEL, &a.level, error)
          || !csv_enum (self, record, COL_POST_CATEGORY, SHTAT_EXCHANGE_ENUM_CATEGORY, &a.category, error)
          || !csv_date (self, record, COL_POST_FROM, TRUE, &a.from, error)
          || !csv_date (self, record, COL_POST_TO, FALSE, &a.to, error))
        return FALSE;
      a.centre_code = csv_text (self, COL_CENTRE);
      a.position = csv_text (self, COL_POST);
      csv_add (entry, SHTAT_RECORD_ASSIGNMENT, &a, self->row_line);
    }
  return TRUE;
}

static void
csv_read_clear (CsvRead *self)
{
  g_clear_object (&self->src.stream);
  g_clear_pointer (&self->src.buf, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->by_iin, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  for (guint c = 0; c < N_COLS; c++)
    g_clear_pointer (&self->headers[c], g_free);
}

gboolean
shtat_personnel_csv_read_records (const char *path,
                                  const char *file,
                                  GPtrArray **out_entries,
                                  char      **out_centre_header,
                                  GError    **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  CsvRead self = { 0 };
  gboolean is_utf8 = TRUE;
  gboolean is_utf16 = FALSE;
  goffset size;
  gboolean ok = FALSE;
  int rc;

  self.file = file;
  self.line = 1;
  self.fields = g_ptr_array_new_with_free_func (gstring_free);
  self.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) shtat_exchange_record_free);
  self.by_iin = g_hash_table_new (g_str_hash, g_str_equal);
  self.src.buf = g_malloc (CSV_CHUNK);

  if (!shtat_exchange_stat_regular (path, file, &size, error))
    goto out;
  if (!csv_is_utf8 (path, &is_utf8, &is_utf16, error) || (in = g_file_read (gfile, NULL, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", file);
      goto out;
    }
  /* "Unicode text" from Excel: say what to do rather than read noise. */
  if (is_utf16)
    {
      g_set_error (error, SHTAT_EXCHANGE_ERROR, SHTAT_EXCHANGE_ERROR_PARSE, "%s:1: %s", file,
                   _("the file is in UTF-16; save it as “CSV UTF-8”"));
      goto out;
    }

  if (is_utf8)
    self.src.stream = G_INPUT_STREAM (g_steal_pointer (&in));
  else
    {
      g_autoptr(GCharsetConverter) conv = g_charset_converter_new ("UTF-8", "WINDOWS-1251", error);

      if (conv == NULL)
        {
          g_prefix_error (error, "%s: ", file);
          goto out;
        }
      self.src.stream = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (conv));
    }

  /* Fill the first chunk, skip a byte order mark, and tell the separator
   * from the header line. */
  {
    gssize n = g_input_stream_read (self.src.stream, self.src.buf, CSV_CHUNK, NULL, error);

    if (n < 0)
      {
        g_prefix_error (error, "%s: ", file);
        goto out;
      }
    self.src.len = (gsize) n;
    self.src.eof = n == 0;
    if (self.src.len >= 3 && memcmp (self.src.buf, "\xEF\xBB\xBF", 3) == 0)
      self.src.pos = 3;

    self.sep = csv_detect_separator (self.src.buf + self.src.pos, self.src.len - self.src.pos);
  }

  if (!csv_header (&self, error))
    goto out;

  while ((rc = csv_read_row (&self, error)) == 1)
    {
      if (csv_row_is_empty (&self))
        continue;
      if (self.n_fields > 0)
        {
          /* Fields beyond the header are allowed only when empty (a
           * spreadsheet's trailing separators). */
          guint max = 0;

          for (guint c = 0; c < N_COLS; c++)
            max = MAX (max, (guint) (self.column_of[c] + 1));
          for (guint i = max; i < self.n_fields; i++)
            {
              GString *extra = g_ptr_array_index (self.fields, i);
              gboolean header_has_it = FALSE;

              for (guint c = 0; c < N_COLS && !header_has_it; c++)
                header_has_it = self.column_of[c] == (int) i;
              if (!header_has_it && !shtat_exchange_is_blank (extra->str))
                {
                  csv_fail (&self, SHTAT_EXCHANGE_ERROR_PARSE, NULL, error,
                            _("field %u has no column in the header"), i + 1);
                  goto out;
                }
            }
        }
      if (!csv_row (&self, error))
        goto out;
    }
  if (rc < 0)
    goto out;

  *out_entries = g_steal_pointer (&self.entries);
  if (out_centre_header != NULL)
    *out_centre_header = g_steal_pointer (&self.headers[COL_CENTRE]);
  ok = TRUE;

out:
  csv_read_clear (&self);
  return ok;
}

gboolean
shtat_personnel_csv_read (const char *path,
                          GPtrArray **out_employees,
                          GError    **error)
{
  g_autofree char *file = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *employees;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_path_get_basename (path);
  if (!shtat_personnel_csv_read_records (path, file, &entries, NULL, error))
    return FALSE;

  employees = g_ptr_array_new_full (entries->len, (GDestroyNotify) shtat_employee_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      ShtatExchangeRecord *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (employees, g_steal_pointer (&entry->employee));
    }
  if (out_employees != NULL)
    *out_employees = employees;
  else
    g_ptr_array_unref (employees);
  return TRUE;
}

