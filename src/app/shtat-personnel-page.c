/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-personnel-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-demo.h"

#include "shtat-employee-page.h"
#include "shtat-personnel-page.h"

/* The Personnel section: the list of employees (search as you type, filters)
 * beside the file of the one selected. Every valid change is saved at once in
 * one transaction and can be undone from the toast that confirms it. */
struct _ShtatPersonnelPage
{
  AdwBin              parent_instance;

  ShtatStore         *store;
  ShtatNormLibrary   *library;
  ShtatPersonnelList *list;
  GPtrArray          *centres;
  GCancellable       *cancellable;
  GDate               today;

  /* the last change, for undo: the file as it was (NULL: it did not exist) */
  ShtatEmployee      *undo_before;
  gint64              undo_id;
  gboolean            has_undo;

  AdwToastOverlay    *toasts;
  GtkStack           *stack;
  GtkSearchEntry     *search;
  GtkDropDown        *centre_filter;
  GtkDropDown        *position_filter;
  GtkDropDown        *verdict_filter;
  GtkLabel           *count_label;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  ShtatEmployeePage  *employee_page;
  GtkLabel           *load_error;
  GPtrArray          *position_codes;   /* NULL first: any position */
  GtkBuilder         *centre_form;      /* the New Centre dialog while it is open */

  /* the file asked for while the list was still loading or filtering:
   * selected once the list is there, unless the user picks another first */
  char               *pending_iin;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (ShtatPersonnelPage, shtat_personnel_page, ADW_TYPE_BIN)

static void reload (ShtatPersonnelPage *self);
static gboolean select_now (ShtatPersonnelPage *self,
                            const char         *iin);

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static const char *
verdict_css (const ShtatVerdict *v)
{
  if (v == NULL)
    return "note";
  switch (v->kind)
    {
    case SHTAT_VERDICT_MEETS:
      return "interpretation";
    case SHTAT_VERDICT_DOES_NOT_MEET:
      return "warning";
    case SHTAT_VERDICT_MISSING_DATA:
      return "amendment";
    case SHTAT_VERDICT_OTHER_ACT:
    default:
      return "note";
    }
}

/* Short enough for the list; the employee page says it in full. */
static const char *
verdict_short_label (const ShtatVerdict *v)
{
  if (v == NULL)
    return _("No post");
  switch (v->kind)
    {
    case SHTAT_VERDICT_MEETS:
      return C_("verdict", "Meets");
    case SHTAT_VERDICT_DOES_NOT_MEET:
      return C_("verdict", "Does not meet");
    case SHTAT_VERDICT_MISSING_DATA:
      return C_("verdict", "Data missing");
    case SHTAT_VERDICT_OTHER_ACT:
    default:
      return C_("verdict", "Other act");
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (badge, "shtat-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ShtatPersonnelItem *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_last_child (text);
  GtkWidget *badge = gtk_widget_get_last_child (box);
  const ShtatVerdict *v = shtat_personnel_item_get_verdict (row);
  const char *position = shtat_personnel_item_get_position_name (row);
  g_autofree char *sub = g_strdup_printf ("%s · %s", shtat_personnel_item_get_employee (row)->iin,
                                          position ? position : _("no current post"));

  gtk_label_set_text (GTK_LABEL (name), shtat_personnel_item_get_name (row));
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
  gtk_label_set_text (GTK_LABEL (badge), verdict_short_label (v));
  gtk_widget_set_tooltip_text (badge, v ? shtat_verdict_kind_get_label (v->kind) : NULL);
  for (const char * const *c = (const char *[]) { "interpretation", "warning", "amendment", "note", NULL }; *c; c++)
    gtk_widget_remove_css_class (badge, *c);
  gtk_widget_add_css_class (badge, verdict_css (v));
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */

static void
apply_filter (ShtatPersonnelPage *self)
{
  guint c = gtk_drop_down_get_selected (self->centre_filter);
  guint p = gtk_drop_down_get_selected (self->position_filter);
  guint v = gtk_drop_down_get_selected (self->verdict_filter);
  gint64 centre_id = 0;
  const char *position = NULL;

  if (self->list == NULL)
    return;
  if (c != GTK_INVALID_LIST_POSITION && c > 0 && self->centres != NULL && c - 1 < self->centres->len)
    centre_id = ((ShtatCentre *) g_ptr_array_index (self->centres, c - 1))->id;
  if (p != GTK_INVALID_LIST_POSITION && p > 0 && p < self->position_codes->len)
    position = g_ptr_array_index (self->position_codes, p);

  shtat_personnel_list_set_filter (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                   centre_id, position,
                                   (v == GTK_INVALID_LIST_POSITION || v == 0) ? -1 : (int) v - 1);
}

static void
filter_changed_cb (GObject            *object,
                   GParamSpec         *pspec,
                   ShtatPersonnelPage *self)
{
  apply_filter (self);
}

static void
search_changed_cb (GtkSearchEntry     *entry,
                   ShtatPersonnelPage *self)
{
  apply_filter (self);
}

static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  ShtatPersonnelPage *self)
{
  guint total = shtat_personnel_list_get_n_total (self->list);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u employee", "%u of %u employees", total),
                                           g_list_model_get_n_items (model), total);

  gtk_label_set_text (self->count_label, text);
}

static void
fill_filters (ShtatPersonnelPage *self)
{
  g_autoptr(GtkStringList) centres = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) positions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) verdicts = gtk_string_list_new (NULL);
  GPtrArray *list = shtat_norm_library_get_positions (self->library);
  GPtrArray *external = shtat_norm_library_get_external_positions (self->library);

  gtk_string_list_append (centres, _("All centres"));
  for (guint i = 0; self->centres != NULL && i < self->centres->len; i++)
    {
      ShtatCentre *c = g_ptr_array_index (self->centres, i);
      gtk_string_list_append (centres, shtat_centre_get_display_name (c));
    }

  g_ptr_array_set_size (self->position_codes, 0);
  gtk_string_list_append (positions, _("All positions"));
  g_ptr_array_add (self->position_codes, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      const ShtatPosition *p = g_ptr_array_index (list, i);
      gtk_string_list_append (positions, shtat_text_get (&p->name));
      g_ptr_array_add (self->position_codes, g_strdup (p->code));
    }
  for (guint i = 0; i < external->len; i++)
    {
      const ShtatExternalPosition *e = g_ptr_array_index (external, i);
      gtk_string_list_append (positions, shtat_text_get (&e->name));
      g_ptr_array_add (self->position_codes, g_strdup (e->code));
    }

  gtk_string_list_append (verdicts, _("Any verdict"));
  for (int k = SHTAT_VERDICT_MEETS; k <= SHTAT_VERDICT_OTHER_ACT; k++)
    gtk_string_list_append (verdicts, shtat_verdict_kind_get_label (k));

  gtk_drop_down_set_model (self->centre_filter, G_LIST_MODEL (centres));
  gtk_drop_down_set_model (self->position_filter, G_LIST_MODEL (positions));
  gtk_drop_down_set_model (self->verdict_filter, G_LIST_MODEL (verdicts));
}

/* ------------------------------------------------------------------------ */
/* Selection and saving                                                     */

/* Connected after the others to the selection, not to the list: the
 * selection has dropped its old row and the view has its new rows by then,
 * so the one chosen here stays and is shown. */
static void
selection_items_changed_cb (GListModel         *model,
                            guint               position,
                            guint               removed,
                            guint               added,
                            ShtatPersonnelPage *self)
{
  g_autofree char *iin = NULL;

  if (self->pending_iin == NULL || self->loading || shtat_personnel_list_is_busy (self->list))
    return;
  iin = g_steal_pointer (&self->pending_iin);
  select_now (self, iin);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      ShtatPersonnelPage *self)
{
  ShtatPersonnelItem *item = gtk_single_selection_get_selected_item (selection);

  if (item == NULL)
    return;
  /* a file picked now wins over one asked for before the list was there */
  g_clear_pointer (&self->pending_iin, g_free);
  /* the file being shown stays while the list refilters around it */
  if (shtat_employee_page_get_employee (self->employee_page) != NULL
      && shtat_employee_page_get_employee (self->employee_page)->id == shtat_personnel_item_get_employee (item)->id)
    return;
  shtat_employee_page_set_employee (self->employee_page, shtat_personnel_item_get_employee (item));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  shtat_personnel_page_undo (SHTAT_PERSONNEL_PAGE (widget));
}

static void
employee_save_cb (ShtatEmployeePage  *page,
                  ShtatEmployee      *edited,
                  ShtatPersonnelPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShtatEmployee) saved = shtat_employee_copy (edited);
  g_autoptr(ShtatEmployee) before = NULL;
  AdwToast *toast;

  /* without the file as it was there would be nothing to undo to: nothing
   * is saved, and the form keeps what was typed */
  if (saved->id != 0 && (before = shtat_store_load_employee (self->store, saved->id, &error)) == NULL)
    {
      shtat_employee_page_show_error (page, error->message);
      return;
    }

  if (!shtat_store_save_employee (self->store, saved, &error))
    {
      shtat_employee_page_show_error (page, error->message);
      return;
    }

  g_clear_pointer (&self->undo_before, shtat_employee_unref);
  self->undo_before = g_steal_pointer (&before);
  self->undo_id = saved->id;
  self->has_undo = TRUE;

  shtat_personnel_list_update_employee (self->list, saved);
  shtat_employee_page_set_employee (page, saved);

  toast = adw_toast_new (_("Saved"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (toast, "personnel.undo");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
shtat_personnel_page_undo (ShtatPersonnelPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->has_undo)
    return;
  self->has_undo = FALSE;

  if (self->undo_before == NULL)
    {
      /* the change made the file: undoing it removes the file */
      if (!shtat_store_delete_employee (self->store, self->undo_id, &error))
        goto fail;
      shtat_personnel_list_remove_employee (self->list, self->undo_id);
      shtat_employee_page_set_employee (self->employee_page, NULL);
    }
  else
    {
      if (!shtat_store_save_employee (self->store, self->undo_before, &error))
        goto fail;
      shtat_personnel_list_update_employee (self->list, self->undo_before);
      /* a different id forces the form to be rebuilt from the restored file */
      shtat_employee_page_set_employee (self->employee_page, NULL);
      shtat_employee_page_set_employee (self->employee_page, self->undo_before);
    }
  g_clear_pointer (&self->undo_before, shtat_employee_unref);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("The last change was undone")));
  return;

fail:
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

void
shtat_personnel_page_new_employee (ShtatPersonnelPage *self)
{
  g_autoptr(ShtatEmployee) employee = shtat_employee_new ();

  if (self->store == NULL)
    return;
  /* the new file is what the user asked for last: a file asked for while
   * the list loads must not take its place */
  g_clear_pointer (&self->pending_iin, g_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
  shtat_employee_page_set_employee (self->employee_page, employee);
}

static void
new_employee_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  shtat_personnel_page_new_employee (SHTAT_PERSONNEL_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShtatPersonnelPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shtat_personnel_list_load_finish (SHTAT_PERSONNEL_LIST (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          g_clear_pointer (&self->pending_iin, g_free);
          gtk_label_set_text (self->load_error, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      g_object_unref (self);
      return;
    }

  /* the list now filters what was loaded; a file asked for meanwhile is
   * selected when that is done (selection_items_changed_cb) */
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "list");
  g_object_unref (self);
}

static void
reload (ShtatPersonnelPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->centres, g_ptr_array_unref);
  self->centres = shtat_store_list_centres (self->store, &error);
  if (self->centres == NULL)
    {
      gtk_label_set_text (self->load_error, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  shtat_employee_page_set_centres (self->employee_page, self->centres);
  fill_filters (self);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  shtat_personnel_list_load_async (self->list, self->store, &self->today, self->cancellable,
                                   load_done_cb, g_object_ref (self));
}

void
shtat_personnel_page_set_store (ShtatPersonnelPage *self,
                                ShtatStore         *store,
                                ShtatNormLibrary   *library)
{
  g_set_object (&self->store, store);
  g_set_object (&self->library, library);

  if (self->list == NULL)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      self->list = shtat_personnel_list_new (library);
      g_signal_connect (self->list, "items-changed", G_CALLBACK (items_changed_cb), self);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_after (self->selection, "items-changed", G_CALLBACK (selection_items_changed_cb), self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      gtk_list_view_set_factory (self->list_view, factory);
      g_object_unref (factory);
      shtat_employee_page_set_library (self->employee_page, library);
    }

  if (shtat_store_is_empty (self->store))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  reload (self);
}

void
shtat_personnel_page_load_demo (ShtatPersonnelPage *self)
{
  g_autoptr(GError) error = NULL;

  /* the centre and its files, with its appeal statistics and a sample pay grid */
  if (!shtat_demo_save (self->store, &self->today, &error))
    {
      gtk_label_set_text (self->load_error, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  reload (self);
}

/* A centre made from the names the user gives; its code, the key imports
 * refer to, is made unique among the centres already there. */
gboolean
shtat_personnel_page_create_centre (ShtatPersonnelPage  *self,
                                    const char          *name_kk,
                                    const char          *name_ru,
                                    const char          *district,
                                    const char          *akimat,
                                    GError             **error)
{
  g_autoptr(ShtatCentre) centre = shtat_centres_add (self->store, name_kk, name_ru, district, akimat, error);

  if (centre == NULL)
    return FALSE;
  reload (self);
  return TRUE;
}

static const char *
centre_field (GtkBuilder *form,
              const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (gtk_builder_get_object (form, id)));
}

static void
centre_dialog_response_cb (AdwMessageDialog   *dialog,
                           const char         *response,
                           ShtatPersonnelPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) form = g_steal_pointer (&self->centre_form);

  if (g_str_equal (response, "create")
      && !shtat_personnel_page_create_centre (self, centre_field (form, "name_kk"), centre_field (form, "name_ru"),
                                              centre_field (form, "district"), centre_field (form, "akimat"), &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

void
shtat_personnel_page_add_centre (ShtatPersonnelPage *self)
{
  GtkWindow *dialog;

  if (self->store == NULL)
    return;

  g_clear_object (&self->centre_form);
  self->centre_form = gtk_builder_new_from_resource ("/io/github/shtat/Shtat/ui/shtat-centre-dialog.ui");
  dialog = GTK_WINDOW (gtk_builder_get_object (self->centre_form, "dialog"));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "response", G_CALLBACK (centre_dialog_response_cb), self, 0);
  gtk_window_present (dialog);
}

void
shtat_personnel_page_start_empty (ShtatPersonnelPage *self)
{
  /* an empty database needs the centre its staff belong to */
  shtat_personnel_page_add_centre (self);
}

static void
load_demo_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  shtat_personnel_page_load_demo (SHTAT_PERSONNEL_PAGE (widget));
}

static void
start_empty_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  shtat_personnel_page_start_empty (SHTAT_PERSONNEL_PAGE (widget));
}

/* ------------------------------------------------------------------------ */

/* No database could be opened: say why where the personnel would be. */
void
shtat_personnel_page_set_unavailable (ShtatPersonnelPage *self,
                                      const char         *message)
{
  gtk_label_set_text (self->load_error, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
shtat_personnel_page_focus_search (ShtatPersonnelPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

const char *
shtat_personnel_page_get_state (ShtatPersonnelPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
shtat_personnel_page_get_error_text (ShtatPersonnelPage *self)
{
  return gtk_label_get_text (self->load_error);
}

ShtatPersonnelList *
shtat_personnel_page_get_list (ShtatPersonnelPage *self)
{
  return self->list;
}

GtkWidget *
shtat_personnel_page_get_employee_page (ShtatPersonnelPage *self)
{
  return GTK_WIDGET (self->employee_page);
}

GtkWidget *
shtat_personnel_page_get_search_entry (ShtatPersonnelPage *self)
{
  return GTK_WIDGET (self->search);
}

static gboolean
select_now (ShtatPersonnelPage *self,
            const char         *iin)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShtatPersonnelItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (g_str_equal (shtat_personnel_item_get_employee (item)->iin, iin))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * shtat_personnel_page_select_iin:
 * @self: the page
 * @iin: the IIN of the employee whose file to show
 *
 * Selects the employee with @iin in the list, showing their file. While the
 * list is still loading or filtering, the IIN is kept and selected once the
 * list is there; a later selection (this call again, or a row the user
 * picks) replaces it.
 *
 * Returns: FALSE when the list, loaded, does not show such an employee;
 *   TRUE when they are selected or will be once the list is loaded
 */
gboolean
shtat_personnel_page_select_iin (ShtatPersonnelPage *self,
                                 const char         *iin)
{
  g_return_val_if_fail (SHTAT_IS_PERSONNEL_PAGE (self), FALSE);
  g_return_val_if_fail (iin != NULL, FALSE);

  g_clear_pointer (&self->pending_iin, g_free);
  if (self->list == NULL)
    return FALSE;
  if (self->loading || shtat_personnel_list_is_busy (self->list))
    {
      self->pending_iin = g_strdup (iin);
      return TRUE;
    }
  return select_now (self, iin);
}

/**
 * shtat_personnel_page_is_busy:
 * @self: the page
 *
 * Returns: TRUE while the list is loading or filtering
 */
gboolean
shtat_personnel_page_is_busy (ShtatPersonnelPage *self)
{
  g_return_val_if_fail (SHTAT_IS_PERSONNEL_PAGE (self), FALSE);

  return self->loading || (self->list != NULL && shtat_personnel_list_is_busy (self->list));
}

static void
shtat_personnel_page_dispose (GObject *object)
{
  ShtatPersonnelPage *self = SHTAT_PERSONNEL_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* a filter still running in a worker must not call back into a page that is gone */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  /* the bin lets go of its child first: it is a bound template child too */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_PERSONNEL_PAGE);
  G_OBJECT_CLASS (shtat_personnel_page_parent_class)->dispose (object);
}

static void
shtat_personnel_page_finalize (GObject *object)
{
  ShtatPersonnelPage *self = SHTAT_PERSONNEL_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->list);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  g_clear_pointer (&self->undo_before, shtat_employee_unref);
  g_clear_pointer (&self->position_codes, g_ptr_array_unref);
  g_clear_object (&self->centre_form);
  g_free (self->pending_iin);
  G_OBJECT_CLASS (shtat_personnel_page_parent_class)->finalize (object);
}

static void
shtat_personnel_page_class_init (ShtatPersonnelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shtat_personnel_page_dispose;
  object_class->finalize = shtat_personnel_page_finalize;

  g_type_ensure (SHTAT_TYPE_EMPLOYEE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-personnel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, load_error);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, search);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, centre_filter);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, position_filter);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, verdict_filter);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ShtatPersonnelPage, employee_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, employee_save_cb);

  gtk_widget_class_install_action (widget_class, "personnel.new-employee", NULL, new_employee_action_cb);
  gtk_widget_class_install_action (widget_class, "personnel.load-demo", NULL, load_demo_action_cb);
  gtk_widget_class_install_action (widget_class, "personnel.start-empty", NULL, start_empty_action_cb);
  gtk_widget_class_install_action (widget_class, "personnel.undo", NULL, undo_action_cb);
}

static void
shtat_personnel_page_init (ShtatPersonnelPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  shtat_date_set_today (&self->today);
  self->position_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}
