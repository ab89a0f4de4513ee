/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shtat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shtat-norms-page.h"
#include "shtat-personnel-page.h"
#include "shtat-positions-page.h"
#include "shtat-promotions-page.h"
#include "shtat-overview-page.h"
#include "shtat-pay-grid-dialog.h"
#include "shtat-schedule-page.h"
#include "shtat-window.h"

typedef enum
{
  SECTION_NORMS,
  SECTION_POSITIONS,
  SECTION_PERSONNEL,
  SECTION_PROMOTIONS,
  SECTION_SCHEDULE,
  SECTION_DISTRICT,
  N_SECTIONS,
} Section;

struct _ShtatWindow
{
  AdwApplicationWindow  parent_instance;

  ShtatNormLibrary     *library;
  ShtatStore           *store;
  char                 *store_error;
  GSettings            *settings;

  AdwViewStack         *stack;
  /* the template holds an empty slot per section; its page is made the first
   * time the section is shown (or a caller asks for it) */
  AdwBin               *norms_slot;
  AdwBin               *positions_slot;
  AdwBin               *personnel_slot;
  AdwBin               *promotions_slot;
  AdwBin               *schedule_slot;
  AdwBin               *district_slot;
  GtkWindow            *help_overlay;      /* made when first asked for */
  gboolean              store_pending;      /* the database is being opened */
  gboolean              painted;            /* the first frame is on screen */

  ShtatNormsPage       *norms_page;
  ShtatPositionsPage   *positions_page;
  ShtatPersonnelPage   *personnel_page;
  ShtatPromotionsPage  *promotions_page;
  ShtatSchedulePage    *schedule_page;
  ShtatOverviewPage    *overview_page;
};

G_DEFINE_FINAL_TYPE (ShtatWindow, shtat_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORE,
  PROP_STORE_ERROR,
  PROP_STORE_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_schedule_cb (ShtatOverviewPage *page,
                              const char        *centre_code,
                              guint              version,
                              gboolean           approve,
                              ShtatWindow       *self);
static void open_employee_cb (ShtatSchedulePage *page,
                              const char        *iin,
                              ShtatWindow       *self);

static const char * const section_names[N_SECTIONS] = {
  "norms", "positions", "personnel", "promotions", "schedule", "district",
};

static Section
section_from_name (const char *name)
{
  for (Section s = 0; s < N_SECTIONS; s++)
    if (g_strcmp0 (section_names[s], name) == 0)
      return s;
  return N_SECTIONS;
}

/* Gives a page just made what it shows. */
static void
attach_data (ShtatWindow *self,
             Section      section)
{
  switch (section)
    {
    case SECTION_NORMS:
    case SECTION_POSITIONS:
      break;
    case SECTION_PERSONNEL:
      if (self->store != NULL)
        shtat_personnel_page_set_store (self->personnel_page, self->store, self->library);
      break;
    case SECTION_PROMOTIONS:
      shtat_promotions_page_set_list (self->promotions_page, shtat_personnel_page_get_list (self->personnel_page),
                                      self->library);
      break;
    case SECTION_SCHEDULE:
      shtat_schedule_page_set_store (self->schedule_page, self->store, self->library);
      break;
    case SECTION_DISTRICT:
      shtat_overview_page_set_store (self->overview_page, self->store, self->library);
      shtat_overview_page_refresh (self->overview_page);
      break;
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
page_made (ShtatWindow *self,
           Section      section)
{
  switch (section)
    {
    case SECTION_NORMS:
      return self->norms_page != NULL;
    case SECTION_POSITIONS:
      return self->positions_page != NULL;
    case SECTION_PERSONNEL:
      return self->personnel_page != NULL;
    case SECTION_PROMOTIONS:
      return self->promotions_page != NULL;
    case SECTION_SCHEDULE:
      return self->schedule_page != NULL;
    case SECTION_DISTRICT:
      return self->overview_page != NULL;
    case N_SECTIONS:
    default:
      return FALSE;
    }
}

static gboolean
needs_store (Section section)
{
  return section != SECTION_NORMS && section != SECTION_POSITIONS;
}

/* Makes the page of @section, with its data, if not yet made. No page is
 * made before the window's first frame unless a caller asks for it, so that
 * nothing is built, and nothing read from the database on the main thread,
 * before the window is on screen. */
static void
ensure_page (ShtatWindow *self,
             Section      section)
{
  AdwBin *slot = NULL;
  GtkWidget *page = NULL;

  if (section >= N_SECTIONS || page_made (self, section))
    return;
  /* shtat_window_set_store() makes it when the database is open */
  if (self->store_pending && needs_store (section))
    return;
  /* promotions are computed from the personnel list */
  if (section == SECTION_PROMOTIONS && self->store != NULL)
    ensure_page (self, SECTION_PERSONNEL);

  switch (section)
    {
    case SECTION_NORMS:
      {
        g_autofree char *table = g_settings_get_string (self->settings, "last-table");

        self->norms_page = g_object_new (SHTAT_TYPE_NORMS_PAGE, NULL);
        shtat_norms_page_set_library (self->norms_page, self->library);
        shtat_norms_page_select_table (self->norms_page, table);
        g_settings_bind (self->settings, "last-table", self->norms_page, "table-id", G_SETTINGS_BIND_SET);
        slot = self->norms_slot;
        page = GTK_WIDGET (self->norms_page);
      }
      break;
    case SECTION_POSITIONS:
      self->positions_page = g_object_new (SHTAT_TYPE_POSITIONS_PAGE, NULL);
      shtat_positions_page_set_library (self->positions_page, self->library);
      slot = self->positions_slot;
      page = GTK_WIDGET (self->positions_page);
      break;
    case SECTION_PERSONNEL:
      self->personnel_page = g_object_new (SHTAT_TYPE_PERSONNEL_PAGE, NULL);
      if (self->store == NULL)
        shtat_personnel_page_set_unavailable (self->personnel_page,
                                              self->store_error ? self->store_error
                                                                : _("No personnel database is open."));
      slot = self->personnel_slot;
      page = GTK_WIDGET (self->personnel_page);
      break;
    case SECTION_PROMOTIONS:
      self->promotions_page = g_object_new (SHTAT_TYPE_PROMOTIONS_PAGE, NULL);
      slot = self->promotions_slot;
      page = GTK_WIDGET (self->promotions_page);
      break;
    case SECTION_SCHEDULE:
      self->schedule_page = g_object_new (SHTAT_TYPE_SCHEDULE_PAGE, NULL);
      g_signal_connect (self->schedule_page, "open-employee", G_CALLBACK (open_employee_cb), self);
      slot = self->schedule_slot;
      page = GTK_WIDGET (self->schedule_page);
      break;
    case SECTION_DISTRICT:
      self->overview_page = g_object_new (SHTAT_TYPE_OVERVIEW_PAGE, NULL);
      g_signal_connect (self->overview_page, "open-schedule", G_CALLBACK (open_schedule_cb), self);
      slot = self->district_slot;
      page = GTK_WIDGET (self->overview_page);
      break;
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
  adw_bin_set_child (slot, page);

  if (!needs_store (section) || self->store != NULL)
    attach_data (self, section);
}

static void section_changed_cb (ShtatWindow *self);

/* Once the window is on screen: the page of the section shown. */
static gboolean
after_first_frame_cb (gpointer data)
{
  ShtatWindow *self = data;

  self->painted = TRUE;
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    ensure_page (self, section_from_name (shtat_window_get_section (self)));
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                ShtatWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  /* not in the middle of the frame: right after it, before the next */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, after_first_frame_cb, g_object_ref (self), g_object_unref);
}

static void
realize_cb (ShtatWindow *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint", G_CALLBACK (first_frame_cb), self);
}

void
shtat_window_show_section (ShtatWindow *self,
                           const char  *name)
{
  Section section = section_from_name (name);
  gboolean fresh = section < N_SECTIONS && !page_made (self, section);

  /* the page first, so that a caller finds it ready; a page just made has
   * just read what it shows */
  ensure_page (self, section);
  if (fresh)
    g_signal_handlers_block_by_func (self->stack, section_changed_cb, self);
  adw_view_stack_set_visible_child_name (self->stack, name);
  if (fresh)
    g_signal_handlers_unblock_by_func (self->stack, section_changed_cb, self);
}

const char *
shtat_window_get_section (ShtatWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->stack);
}

static void
update_actions (ShtatWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-centre", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pay-grid", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-employee", !self->store_pending);
}

/**
 * shtat_window_set_store:
 * @self: a window made with #ShtatWindow:store-pending
 * @store: (nullable): the database, opened
 * @store_error: (nullable): why it could not be opened, when @store is %NULL
 *
 * Gives the window the database it was waiting for: the application opens it
 * in a worker thread while the window makes its first frame.
 */
void
shtat_window_set_store (ShtatWindow *self,
                        ShtatStore  *store,
                        const char  *store_error)
{
  g_return_if_fail (SHTAT_IS_WINDOW (self));
  g_return_if_fail (self->store_pending);

  self->store_pending = FALSE;
  g_set_object (&self->store, store);
  g_free (self->store_error);
  self->store_error = g_strdup (store_error);
  update_actions (self);
  if (self->painted)
    ensure_page (self, section_from_name (shtat_window_get_section (self)));
}

/**
 * shtat_window_has_section_page:
 * @self: the window
 *
 * Whether the page of the section shown has been made: before the first
 * frame only the window's frame is.
 *
 * Returns: %TRUE once the section shown has its page
 */
gboolean
shtat_window_has_section_page (ShtatWindow *self)
{
  return page_made (self, section_from_name (shtat_window_get_section (self)));
}

static void
show_norms_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  shtat_window_show_section (SHTAT_WINDOW (widget), "norms");
}

static void
show_positions_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  shtat_window_show_section (SHTAT_WINDOW (widget), "positions");
}

static void
show_personnel_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  shtat_window_show_section (SHTAT_WINDOW (widget), "personnel");
}

static void
show_schedule_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  shtat_window_show_section (SHTAT_WINDOW (widget), "schedule");
}

static void
show_district_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  shtat_window_show_section (SHTAT_WINDOW (widget), "district");
}

/* A section shown for the first time gets its page; the sections that show
 * the database's schedules read it again when shown. */
static void
section_changed_cb (ShtatWindow *self)
{
  Section section = section_from_name (shtat_window_get_section (self));

  if (section < N_SECTIONS && !page_made (self, section))
    {
      ensure_page (self, section);
      return;
    }
  if (self->store == NULL)
    return;
  if (section == SECTION_DISTRICT)
    shtat_overview_page_refresh (self->overview_page);
  else if (section == SECTION_SCHEDULE)
    shtat_schedule_page_refresh (self->schedule_page);
}

static void
open_schedule_cb (ShtatOverviewPage *page,
                  const char        *centre_code,
                  guint              version,
                  gboolean           approve,
                  ShtatWindow       *self)
{
  ensure_page (self, SECTION_SCHEDULE);
  g_signal_handlers_block_by_func (self->stack, section_changed_cb, self);
  shtat_window_show_section (self, "schedule");
  g_signal_handlers_unblock_by_func (self->stack, section_changed_cb, self);
  shtat_schedule_page_show (self->schedule_page, centre_code, version);
  if (approve)
    shtat_schedule_page_open_approval (self->schedule_page);
}

static void
pay_grid_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (shtat_pay_grid_dialog_new (GTK_WINDOW (self), self->store, self->library)));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  if (g_strcmp0 (shtat_window_get_section (self), "schedule") == 0 && self->schedule_page != NULL)
    shtat_schedule_page_print (self->schedule_page);
}

static void
open_employee_cb (ShtatSchedulePage *page,
                  const char        *iin,
                  ShtatWindow       *self)
{
  shtat_window_show_section (self, "personnel");
  if (self->personnel_page != NULL)
    shtat_personnel_page_select_iin (self->personnel_page, iin);
}

static void
show_promotions_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  shtat_window_show_section (SHTAT_WINDOW (widget), "promotions");
}

static void
new_employee_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  shtat_window_show_section (self, "personnel");
  if (self->personnel_page != NULL)
    shtat_personnel_page_new_employee (self->personnel_page);
}

static void
add_centre_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  shtat_window_show_section (self, "personnel");
  if (self->personnel_page != NULL)
    shtat_personnel_page_add_centre (self->personnel_page);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  if (g_strcmp0 (shtat_window_get_section (self), "schedule") == 0)
    {
      if (self->schedule_page != NULL)
        shtat_schedule_page_undo (self->schedule_page);
    }
  else if (self->personnel_page != NULL)
    shtat_personnel_page_undo (self->personnel_page);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  if (g_strcmp0 (shtat_window_get_section (self), "schedule") == 0 && self->schedule_page != NULL)
    shtat_schedule_page_redo (self->schedule_page);
}

static void
choose_table_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  shtat_window_show_section (self, "norms");
  shtat_norms_page_focus_table (self->norms_page);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  if (g_strcmp0 (shtat_window_get_section (self), "personnel") == 0 && self->personnel_page != NULL)
    {
      shtat_personnel_page_focus_search (self->personnel_page);
      return;
    }
  shtat_window_show_section (self, "positions");
  shtat_positions_page_focus_search (self->positions_page);
}

/* The shortcuts window is not where GtkApplication would build it with every
 * window (gtk/help-overlay.ui): it is made the first time it is asked for. */
static void
show_help_overlay_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShtatWindow *self = SHTAT_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/shtat/Shtat/ui/help-overlay.ui");

      self->help_overlay = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
    }
  gtk_window_present (self->help_overlay);
}

static void
shtat_window_constructed (GObject *object)
{
  ShtatWindow *self = SHTAT_WINDOW (object);
  g_autofree char *section = NULL;
  Section shown = SECTION_NORMS;

  G_OBJECT_CLASS (shtat_window_parent_class)->constructed (object);

  update_actions (self);

  /* The window comes back as the user left it. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  section = g_settings_get_string (self->settings, "last-section");
  if (g_strcmp0 (section, "positions") == 0
      || ((g_strcmp0 (section, "personnel") == 0 || g_strcmp0 (section, "promotions") == 0
           || g_strcmp0 (section, "schedule") == 0 || g_strcmp0 (section, "district") == 0)
          && (self->store != NULL || self->store_pending)))
    shown = section_from_name (section);
  /* the first frame shows the window and the switcher at once: the section's
   * page follows right after it (after_first_frame_cb) */
  adw_view_stack_set_visible_child_name (self->stack, section_names[shown]);
  g_settings_bind (self->settings, "last-section", self->stack, "visible-child-name", G_SETTINGS_BIND_SET);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (section_changed_cb), self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
}

static void
shtat_window_dispose (GObject *object)
{
  ShtatWindow *self = SHTAT_WINDOW (object);

  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  g_clear_object (&self->help_overlay);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHTAT_TYPE_WINDOW);
  G_OBJECT_CLASS (shtat_window_parent_class)->dispose (object);
}

static void
shtat_window_finalize (GObject *object)
{
  ShtatWindow *self = SHTAT_WINDOW (object);

  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_error, g_free);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (shtat_window_parent_class)->finalize (object);
}

static void
shtat_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ShtatWindow *self = SHTAT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_string (value);
      break;
    case PROP_STORE_PENDING:
      self->store_pending = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shtat_window_class_init (ShtatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shtat_window_constructed;
  object_class->dispose = shtat_window_dispose;
  object_class->finalize = shtat_window_finalize;
  object_class->set_property = shtat_window_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, SHTAT_TYPE_NORM_LIBRARY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SHTAT_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_ERROR] =
    g_param_spec_string ("store-error", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE: the database comes later, through shtat_window_set_store() */
  properties[PROP_STORE_PENDING] =
    g_param_spec_boolean ("store-pending", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shtat/Shtat/ui/shtat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, norms_slot);
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, positions_slot);
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, personnel_slot);
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, promotions_slot);
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, schedule_slot);
  gtk_widget_class_bind_template_child (widget_class, ShtatWindow, district_slot);

  gtk_widget_class_install_action (widget_class, "win.show-norms", NULL, show_norms_cb);
  gtk_widget_class_install_action (widget_class, "win.show-positions", NULL, show_positions_cb);
  gtk_widget_class_install_action (widget_class, "win.show-personnel", NULL, show_personnel_cb);
  gtk_widget_class_install_action (widget_class, "win.new-employee", NULL, new_employee_cb);
  gtk_widget_class_install_action (widget_class, "win.show-promotions", NULL, show_promotions_cb);
  gtk_widget_class_install_action (widget_class, "win.show-schedule", NULL, show_schedule_cb);
  gtk_widget_class_install_action (widget_class, "win.show-district", NULL, show_district_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "win.pay-grid", NULL, pay_grid_cb);
  gtk_widget_class_install_action (widget_class, "win.add-centre", NULL, add_centre_cb);
  gtk_widget_class_install_action (widget_class, "win.choose-table", NULL, choose_table_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_cb);
}

static void
shtat_window_init (ShtatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

ShtatWindow *
shtat_window_new (ShtatApplication *app,
                  ShtatNormLibrary *library,
                  ShtatStore       *store)
{
  return g_object_new (SHTAT_TYPE_WINDOW,
                       "application", app,
                       "library", library,
                       "store", store,
                       NULL);
}

GtkWidget *
shtat_window_get_overview_page (ShtatWindow *self)
{
  ensure_page (self, SECTION_DISTRICT);
  return GTK_WIDGET (self->overview_page);
}

GtkWidget *
shtat_window_get_schedule_page (ShtatWindow *self)
{
  ensure_page (self, SECTION_SCHEDULE);
  return GTK_WIDGET (self->schedule_page);
}

GtkWidget *
shtat_window_get_promotions_page (ShtatWindow *self)
{
  ensure_page (self, SECTION_PROMOTIONS);
  return GTK_WIDGET (self->promotions_page);
}

GtkWidget *
shtat_window_get_personnel_page (ShtatWindow *self)
{
  ensure_page (self, SECTION_PERSONNEL);
  return GTK_WIDGET (self->personnel_page);
}

GtkWidget *
shtat_window_get_norms_page (ShtatWindow *self)
{
  ensure_page (self, SECTION_NORMS);
  return GTK_WIDGET (self->norms_page);
}

GtkWidget *
shtat_window_get_positions_page (ShtatWindow *self)
{
  ensure_page (self, SECTION_POSITIONS);
  return GTK_WIDGET (self->positions_page);
}
