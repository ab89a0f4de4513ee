/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor of the start-up benchmark: an empty libadwaita window of the
 * size Shtat opens at (a header bar and nothing else), which prints the
 * monotonic time, processor time and resident memory at its first painted
 * frame, as shtat does with SHTAT_FIRST_FRAME_PROBE set, and quits. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void
print_frame (const char *what)
{
  g_autofree char *status = NULL;
  const char *rss;
  struct timespec cpu;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  printf ("%s %" G_GINT64_FORMAT " cpu-us %ld rss-kib %ld\n", what, g_get_monotonic_time (),
          (long) cpu.tv_sec * 1000000L + cpu.tv_nsec / 1000L,
          rss ? strtol (rss + strlen ("VmRSS:"), NULL, 10) : -1L);
  fflush (stdout);
}

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  print_frame ("first-frame");
  print_frame ("content-frame");
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), window);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.shtat.StartupFloor", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
