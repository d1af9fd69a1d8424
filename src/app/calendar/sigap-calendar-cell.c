/* sigap-calendar-cell.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-calendar-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-calendar-cell.h"
#include "sigap-post-chip.h"

/* A day of the month view or an hour of the week view: it takes the
 * keyboard focus, makes a post at its time on Enter or a double click on
 * its empty space, and takes the posts dropped on it. */
struct _SigapCalendarCell
{
  GtkWidget parent_instance;

  GtkWidget *child;
  GDateTime *time;
  gboolean whole_day;
};

G_DEFINE_FINAL_TYPE (SigapCalendarCell, sigap_calendar_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  POST_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* However narrow a column gets, seven of them fit a phone. */
#define MIN_WIDTH 24

static gboolean
is_on_post (SigapCalendarCell *self,
            double             x,
            double             y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  for (GtkWidget *widget = picked;
       widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    {
      if (SIGAP_IS_POST_CHIP (widget) || GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
        return TRUE;
    }

  return FALSE;
}

static void
pressed_cb (SigapCalendarCell *self,
            int                n_press,
            double             x,
            double             y,
            GtkGestureClick   *gesture)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  /* Clicks in a popover of the cell (the day's other posts) are not on
   * the cell's own space. */
  if (event == NULL || native == NULL ||
      gdk_event_get_surface (event) != gtk_native_get_surface (native))
    return;

  if (is_on_post (self, x, y))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[ACTIVATE], 0);
    }
}

static gboolean
drop_cb (SigapCalendarCell *self,
         const GValue      *value,
         double             x,
         double             y,
         GtkDropTarget     *target)
{
  const char *id;

  if (!G_VALUE_HOLDS_STRING (value) || self->time == NULL)
    return FALSE;

  id = g_value_get_string (value);
  if (id == NULL || id[0] == '\0')
    return FALSE;

  g_signal_emit (self, signals[POST_DROPPED], 0, id);

  return TRUE;
}

static void
sigap_calendar_cell_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SigapCalendarCell *self = SIGAP_CALENDAR_CELL (widget);

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        *minimum = *natural = MIN_WIDTH;
      return;
    }

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      int min_width;

      gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      for_size = MAX (for_size, min_width);
    }

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);

  /* A narrow column clips what does not fit rather than widening the
   * whole grid past the window; and as every cell asks for the same
   * width, the columns of a grid share its width equally. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
}

static void
sigap_calendar_cell_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SigapCalendarCell *self = SIGAP_CALENDAR_CELL (widget);
  int min_width;

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_allocate (self->child, MAX (width, min_width), height, -1, NULL);
}

static void
sigap_calendar_cell_dispose (GObject *object)
{
  SigapCalendarCell *self = (SigapCalendarCell *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (sigap_calendar_cell_parent_class)->dispose (object);
}

static void
sigap_calendar_cell_class_init (SigapCalendarCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_calendar_cell_dispose;

  widget_class->measure = sigap_calendar_cell_measure;
  widget_class->size_allocate = sigap_calendar_cell_size_allocate;

  /**
   * SigapCalendarCell::activate:
   * @self: the cell
   *
   * Emitted when the user asks for a new post at the cell's time, with
   * Enter or a double click on its empty space.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SigapCalendarCell::post-dropped:
   * @self: the cell
   * @id: the id of the post dropped on the cell
   */
  signals[POST_DROPPED] =
    g_signal_new ("post-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "calendarcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
sigap_calendar_cell_init (SigapCalendarCell *self)
{
  GtkGesture *click;
  GtkDropTarget *target;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * sigap_calendar_cell_new:
 * @whole_day: %TRUE for a day of the month view, where a dropped post
 *   keeps its time of day; %FALSE for an hour of the week view
 *
 * Returns: (transfer floating): a new cell
 */
GtkWidget *
sigap_calendar_cell_new (gboolean whole_day)
{
  SigapCalendarCell *self = g_object_new (SIGAP_TYPE_CALENDAR_CELL, NULL);

  self->whole_day = !!whole_day;

  return GTK_WIDGET (self);
}

/**
 * sigap_calendar_cell_get_child:
 * @self: a #SigapCalendarCell
 *
 * Returns: (transfer none) (nullable): the cell's content
 */
GtkWidget *
sigap_calendar_cell_get_child (SigapCalendarCell *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_CELL (self), NULL);

  return self->child;
}

void
sigap_calendar_cell_set_child (SigapCalendarCell *self,
                               GtkWidget         *child)
{
  g_return_if_fail (SIGAP_IS_CALENDAR_CELL (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}

/**
 * sigap_calendar_cell_get_time:
 * @self: a #SigapCalendarCell
 *
 * Returns: (transfer none) (nullable): when a post made in the cell is
 *   scheduled: 09.00 of a month view's day, the hour of a week view's cell
 */
GDateTime *
sigap_calendar_cell_get_time (SigapCalendarCell *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_CELL (self), NULL);

  return self->time;
}

void
sigap_calendar_cell_set_time (SigapCalendarCell *self,
                              GDateTime         *time)
{
  g_return_if_fail (SIGAP_IS_CALENDAR_CELL (self));

  if (time != NULL)
    g_date_time_ref (time);
  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = time;
}

/**
 * sigap_calendar_cell_get_whole_day:
 * @self: a #SigapCalendarCell
 *
 * Returns: whether the cell is a whole day, where a dropped post keeps its
 *   time of day
 */
gboolean
sigap_calendar_cell_get_whole_day (SigapCalendarCell *self)
{
  g_return_val_if_fail (SIGAP_IS_CALENDAR_CELL (self), FALSE);

  return self->whole_day;
}
