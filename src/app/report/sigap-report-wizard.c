/* sigap-report-wizard.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-report-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sigap-format.h"
#include "sigap-report-document.h"
#include "sigap-report-private.h"
#include "sigap-report-wizard.h"

/* The monthly report, one step at a time: the period, the figures Sigap
 * counted, the accounts' figures only the platforms know, the notes and
 * signature, the preview as it prints, then export and submission.
 *
 * A draft is saved as it is typed (a second after the last change, and
 * when a step or the window is left), so that nothing typed is lost. A
 * submitted or accepted report is read-only; a returned one is editable
 * again, with the verifikator's note above the steps. The verifikator who
 * opens a submitted report may accept it or return it with a note.
 */

/* Where the notes' two parts meet in the report's single notes field.
 * These are data, not interface: the printed report shows them as they
 * are, so they are in the regency's language. */
#define NOTES_OBSTACLES "Kendala:\n"
#define NOTES_PLANS     "\n\nRencana tindak lanjut:\n"

#define SAVE_DELAY_MS 1000

typedef enum
{
  FIELD_FOLLOWERS,
  FIELD_REACH,
  FIELD_ENGAGEMENT,
  N_FIELDS
} Field;

static const char * const field_labels[N_FIELDS] = {
  N_("Followers"),
  N_("Reach"),
  N_("Engagement"),
};

static const struct {
  const char *name;
  const char *title;
} steps[] = {
  { "period", N_("Period and Agency") },
  { "figures", N_("Computed Figures") },
  { "accounts", N_("Account Figures") },
  { "notes", N_("Notes and Signature") },
  { "preview", N_("Preview") },
  { "finish", N_("Export and Submit") },
};

#define N_STEPS G_N_ELEMENTS (steps)

typedef struct
{
  char *account_id;
  Field field;
  GtkEditable *entry;
  GtkWidget *row;
} AccountEntry;

struct _SigapReportWizard
{
  AdwWindow parent_instance;

  SigapStore *store;
  SigapUser *user;
  SigapOpd *opd;
  GTimeZone *zone;
  SigapWorkingDays *days;
  SigapReportTemplate *template_;
  char *template_error;

  SigapReport *report;
  gboolean stored;
  gboolean editable;
  gboolean reviewing;
  gboolean month_fixed;
  gboolean dirty;
  int year;
  int month;

  SigapReportFigures *figures;
  SigapReportFigures *previous;
  char *figures_error;
  guint step;
  guint save_source;

  GPtrArray *account_entries;
  GtkTextView *obstacles_view;
  GtkTextView *plans_view;
  GtkEditable *signer_entry;
  GtkEditable *nip_entry;
  GtkLabel *month_label;
  GtkLabel *period_status_label;
  GtkWidget *previous_month_button;
  GtkWidget *next_month_button;
  GtkWidget *submit_button;
  GtkLabel *submit_reason;
  GtkWidget *review_group;
  GtkNativeDialog *chooser;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkRevealer *review_revealer;
  GtkLabel *review_label;
  GtkStack *steps;
  GtkBox *period_box;
  GtkBox *figures_box;
  GtkBox *accounts_box;
  GtkBox *notes_box;
  GtkBox *preview_box;
  GtkBox *finish_box;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkLabel *problem_label;
};

G_DEFINE_FINAL_TYPE (SigapReportWizard, sigap_report_wizard, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_step (SigapReportWizard *self, guint step);

static void
account_entry_free (gpointer data)
{
  AccountEntry *entry = data;

  g_free (entry->account_id);
  g_free (entry);
}

/* Helpers {{{ */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* "12.345", as Indonesian writes numbers. */
static char *
format_count (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value < 0 ? -value : value);
  GString *text = g_string_new (value < 0 ? "−" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

static char *
format_days (double days)
{
  g_autofree char *number = NULL;

  if (days < 0)
    return g_strdup (_("none in this month"));

  number = g_strdup_printf ("%.1f", days);
  g_strdelimit (number, ".", ',');
  /* Translators: a median in working days, "2,5 hari kerja" */
  return g_strdup_printf (_("%s working days"), number);
}

/* Reads a count typed with or without thousands separators. Returns
 * FALSE for anything else; an empty field is -1, not typed. */
static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean separators = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '.' || *p == ',')
        separators = TRUE;
      else if (*p != ' ')
        return FALSE;
    }

  if (digits->len == 0)
    {
      *value = -1;
      return !separators;
    }
  if (digits->len > 12)
    return FALSE;

  *value = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static gboolean
nip_is_valid (const char *nip)
{
  guint n = 0;

  for (const char *p = nip; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n++;
      else if (*p != ' ')
        return FALSE;
    }

  return n == 18;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

/* A row whose title and value read as one: "Facebook, 12". */
static GtkWidget *
new_value_row (const char *title,
               const char *subtitle,
               const char *value)
{
  g_autofree char *name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  name = g_strdup_printf ("%s: %s", title, value);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return row;
}

static void
add_row (GtkWidget *group,
         GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
toast (SigapReportWizard *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static const char *
opd_name (SigapReportWizard *self)
{
  return self->opd != NULL ? sigap_opd_get_name (self->opd) : "";
}

/* }}} */

/* The report and its figures {{{ */

static SigapReport *
find_report (SigapReportWizard *self,
             int                year,
             int                month)
{
  g_autoptr(GPtrArray) reports = NULL;

  reports = sigap_store_list_reports (self->store, sigap_opd_get_id (self->opd), NULL);
  if (reports == NULL)
    return NULL;

  for (guint i = 0; i < reports->len; i++)
    {
      SigapReport *report = g_ptr_array_index (reports, i);

      if (sigap_report_get_year (report) == year && sigap_report_get_month (report) == month)
        return g_object_ref (report);
    }

  return NULL;
}

static void
update_editable (SigapReportWizard *self)
{
  SigapReportStatus status = sigap_report_get_status (self->report);
  SigapRole role = self->user != NULL ? sigap_user_get_role (self->user)
                                      : SIGAP_ROLE_PIMPINAN;
  gboolean own = self->user != NULL &&
                 g_strcmp0 (sigap_user_get_opd_id (self->user),
                            sigap_opd_get_id (self->opd)) == 0;

  self->editable = (status == SIGAP_REPORT_STATUS_DRAFT ||
                    status == SIGAP_REPORT_STATUS_RETURNED) &&
                   (role == SIGAP_ROLE_ADMIN_OPD ||
                    (role == SIGAP_ROLE_VERIFIKATOR && own));
  self->reviewing = role == SIGAP_ROLE_VERIFIKATOR && !own &&
                    status == SIGAP_REPORT_STATUS_SUBMITTED;
}

static void
update_review_banner (SigapReportWizard *self)
{
  const char *note = sigap_report_get_review_note (self->report);
  SigapReportStatus status = sigap_report_get_status (self->report);
  g_autofree char *text = NULL;

  if (status == SIGAP_REPORT_STATUS_RETURNED && note != NULL && note[0] != '\0')
    /* Translators: above a report Diskominfo returned, with its note */
    text = g_strdup_printf (_("Returned by Diskominfo: %s"), note);
  else if (status == SIGAP_REPORT_STATUS_SUBMITTED)
    text = g_strdup (_("Submitted to Diskominfo; it can no longer be changed unless it is "
                       "returned."));
  else if (status == SIGAP_REPORT_STATUS_ACCEPTED)
    text = g_strdup (_("Accepted by Diskominfo."));

  gtk_label_set_text (self->review_label, text);
  gtk_revealer_set_reveal_child (self->review_revealer, text != NULL);
}

static SigapReportFigures *
read_previous (SigapReportWizard *self)
{
  g_autoptr(SigapReport) report = NULL;
  int year = self->year;
  int month = self->month - 1;
  const char *figures;

  if (month == 0)
    {
      month = 12;
      year--;
    }

  report = find_report (self, year, month);
  if (report == NULL)
    return NULL;

  figures = sigap_report_get_figures (report);
  return figures != NULL ? sigap_report_figures_from_string (figures, NULL) : NULL;
}

/* The figures shown: for a report that may still change, counted again
 * from the store with the typed ones kept; for a submitted one, what was
 * submitted. */
static void
load_figures (SigapReportWizard *self)
{
  g_autoptr(SigapReportFigures) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *json = sigap_report_get_figures (self->report);

  g_clear_pointer (&self->figures, sigap_report_figures_free);
  g_clear_pointer (&self->previous, sigap_report_figures_free);
  g_clear_pointer (&self->figures_error, g_free);

  if (json != NULL && json[0] != '\0')
    stored = sigap_report_figures_from_string (json, NULL);

  if (!self->editable && stored != NULL)
    self->figures = g_steal_pointer (&stored);
  else
    {
      self->figures = sigap_report_figures_compute (self->store, sigap_opd_get_id (self->opd),
                                                    self->year, self->month, self->days,
                                                    self->zone, &error);
      if (self->figures == NULL)
        {
          self->figures_error = g_strdup (error->message);
          self->figures = sigap_report_figures_new (sigap_opd_get_id (self->opd),
                                                    self->year, self->month);
        }
      else if (stored != NULL)
        sigap_report_figures_take_typed (self->figures, stored);
    }

  self->previous = read_previous (self);
}

static void
split_notes (const char  *notes,
             char       **obstacles,
             char       **plans)
{
  const char *middle;

  *obstacles = NULL;
  *plans = NULL;

  if (notes == NULL)
    return;

  if (g_str_has_prefix (notes, NOTES_OBSTACLES) &&
      (middle = strstr (notes, NOTES_PLANS)) != NULL)
    {
      *obstacles = g_strndup (notes + strlen (NOTES_OBSTACLES),
                              middle - notes - strlen (NOTES_OBSTACLES));
      *plans = g_strdup (middle + strlen (NOTES_PLANS));
    }
  else
    *obstacles = g_strdup (notes);
}

static char *
join_notes (SigapReportWizard *self)
{
  g_autofree char *obstacles = dup_text_view (self->obstacles_view);
  g_autofree char *plans = dup_text_view (self->plans_view);

  if (obstacles[0] == '\0' && plans[0] == '\0')
    return NULL;

  return g_strconcat (NOTES_OBSTACLES, obstacles, NOTES_PLANS, plans, NULL);
}

/* Copies what is typed into the report and its figures. Returns FALSE,
 * with the first problem in @problem, when a typed figure is not a
 * number; the others are still copied. */
static gboolean
collect (SigapReportWizard  *self,
         char              **problem)
{
  g_autofree char *notes = NULL;
  g_autofree char *figures = NULL;
  gboolean valid = TRUE;

  for (guint i = 0; self->account_entries != NULL && i < self->account_entries->len; i++)
    {
      AccountEntry *entry = g_ptr_array_index (self->account_entries, i);
      SigapReportAccount *account;
      gint64 value;

      account = sigap_report_figures_find_account (self->figures, entry->account_id);
      if (account == NULL)
        continue;

      if (!parse_count (gtk_editable_get_text (entry->entry), &value))
        {
          gtk_widget_add_css_class (entry->row, "error");
          if (valid && problem != NULL)
            *problem = g_strdup_printf (_("“%s” is not a number. Type digits only, "
                                          "for example 12.500."),
                                        gtk_editable_get_text (entry->entry));
          valid = FALSE;
          continue;
        }

      gtk_widget_remove_css_class (entry->row, "error");
      if (entry->field == FIELD_FOLLOWERS)
        account->followers = value;
      else if (entry->field == FIELD_REACH)
        account->reach = value;
      else
        account->engagement = value;
    }

  notes = join_notes (self);
  sigap_report_set_notes (self->report, notes);
  sigap_report_set_signer_name (self->report,
                                g_strstrip (g_strdup (gtk_editable_get_text (self->signer_entry))));
  sigap_report_set_signer_nip (self->report, gtk_editable_get_text (self->nip_entry));

  figures = sigap_report_figures_to_string (self->figures);
  sigap_report_set_figures (self->report, figures);

  return valid;
}

static gboolean
write_report (SigapReportWizard  *self,
              GError            **error)
{
  g_autoptr(SigapReport) fresh = NULL;
  gboolean ok;

  sigap_report_set_updated_at (self->report, g_get_real_time () / G_USEC_PER_SEC);

  if (self->stored)
    ok = sigap_store_update_report (self->store, self->report, error);
  else
    ok = sigap_store_insert_report (self->store, self->report, error);
  if (!ok)
    return FALSE;

  self->stored = TRUE;
  self->dirty = FALSE;

  /* The store keeps the version a later write starts from. */
  fresh = sigap_store_get_report (self->store, sigap_report_get_id (self->report), NULL);
  if (fresh != NULL)
    g_set_object (&self->report, fresh);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Saves a draft that may still change. Returns FALSE and tells the user
 * if the store refused it; what was typed stays on screen. */
static gboolean
save_draft (SigapReportWizard *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->editable || !self->dirty || self->account_entries == NULL)
    return TRUE;

  collect (self, NULL);

  if (!write_report (self, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The draft could not be saved: %s"),
                                               error->message);
      toast (self, text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  SigapReportWizard *self = data;

  self->save_source = 0;
  save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (SigapReportWizard *self)
{
  if (!self->editable)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* }}} */

/* Step 1: period and agency {{{ */

static void set_month (SigapReportWizard *self, int year, int month);

static void
month_button_cb (GtkButton         *button,
                 SigapReportWizard *self)
{
  int delta = GTK_WIDGET (button) == self->previous_month_button ? -1 : 1;
  int index = self->year * 12 + (self->month - 1) + delta;

  save_draft (self);
  set_month (self, index / 12, index % 12 + 1);
}

static void
update_period (SigapReportWizard *self)
{
  g_autofree char *month = sigap_format_month (self->year, self->month);
  g_autofree char *status = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  int current = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1;
  int shown = self->year * 12 + self->month - 1;

  gtk_label_set_text (self->month_label, month);
  gtk_widget_set_sensitive (self->previous_month_button, !self->month_fixed);
  gtk_widget_set_sensitive (self->next_month_button, !self->month_fixed && shown < current);

  if (!self->stored)
    status = g_strdup (_("No report for this month yet: a new draft starts."));
  else
    switch (sigap_report_get_status (self->report))
      {
      case SIGAP_REPORT_STATUS_DRAFT:
        status = g_strdup (_("A draft for this month exists: you continue it."));
        break;
      case SIGAP_REPORT_STATUS_RETURNED:
        status = g_strdup (_("Returned by Diskominfo: correct it and submit it again."));
        break;
      case SIGAP_REPORT_STATUS_SUBMITTED:
      case SIGAP_REPORT_STATUS_ACCEPTED:
      default:
        /* Translators: the report's status, "Terkirim" */
        status = g_strdup_printf (_("%s: read only."),
                                  sigap_report_status_to_label (
                                    sigap_report_get_status (self->report)));
        break;
      }
  gtk_label_set_text (self->period_status_label, status);
}

static void
build_period (SigapReportWizard *self)
{
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *button;
  GtkWidget *label;

  clear_box (self->period_box);

  group = new_group (_("Agency"), NULL);
  add_row (group, new_value_row (_("Agency"), NULL, opd_name (self)));
  gtk_box_append (self->period_box, group);

  group = new_group (_("Month"), _("The report covers one calendar month, by default the last "
                                   "complete one."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Month"));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (button, _("Previous Month"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Month"),
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (month_button_cb), self);
  self->previous_month_button = button;
  gtk_box_append (GTK_BOX (box), button);

  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_width_chars (GTK_LABEL (label), 15);
  self->month_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (button, _("Next Month"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Month"),
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (month_button_cb), self);
  self->next_month_button = button;
  gtk_box_append (GTK_BOX (box), button);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  add_row (group, row);
  gtk_box_append (self->period_box, group);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  self->period_status_label = GTK_LABEL (label);
  gtk_box_append (self->period_box, label);
}

/* }}} */

/* Step 2: the computed figures {{{ */

static void
build_figures (SigapReportWizard *self)
{
  const SigapReportFigures *f = self->figures;
  GtkWidget *group;
  g_autofree char *total = NULL;
  guint n_quiet = 0;

  clear_box (self->figures_box);

  if (self->figures_error != NULL)
    {
      GtkWidget *label = gtk_label_new (self->figures_error);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (self->figures_box, label);
    }

  group = new_group (_("Posts per Platform"),
                     _("Planned: posts scheduled in the month for the platform, cancelled ones "
                       "left out. Published: those of them published. Uploads: posts published "
                       "on the platform in the month, whenever they were planned."));
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *value = format_count (f->uploads[p]);

      /* Translators: a platform's posts in the report: planned, published */
      subtitle = g_strdup_printf (_("%u planned, %u published"), f->planned[p], f->published[p]);
      add_row (group, new_value_row (sigap_platform_to_label (p), subtitle, value));
    }
  total = format_count (sigap_report_figures_total (f->uploads));
  add_row (group, new_value_row (_("All uploads"), NULL, total));
  gtk_box_append (self->figures_box, group);

  group = new_group (_("Links Shared"),
                     _("The distinct web addresses in the text of the month’s uploads, and the "
                       "addresses of the published posts themselves."));
  for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
    {
      g_autofree char *value = format_count (f->links[p]);

      add_row (group, new_value_row (sigap_platform_to_label (p), NULL, value));
    }
  {
    g_autofree char *value = format_count (f->links_total);

    add_row (group, new_value_row (_("Distinct links on all platforms"), NULL, value));
  }
  gtk_box_append (self->figures_box, group);

  group = new_group (_("Posts per Content Category"),
                     _("Posts published in the month, by the category chosen when they were "
                       "planned."));
  for (guint c = 0; c < SIGAP_N_CONTENT_CATEGORIES; c++)
    {
      g_autofree char *value = format_count (f->categories[c]);

      add_row (group, new_value_row (sigap_content_category_to_label (c), NULL, value));
    }
  gtk_box_append (self->figures_box, group);

  group = new_group (_("Complaints"),
                     _("Complaints held by the agency. Late: those whose deadline fell in the "
                       "month and that were not resolved by it. Times are counted in working "
                       "days from receipt."));
  {
    g_autofree char *received = format_count (f->complaints_received);
    g_autofree char *resolved = format_count (f->complaints_resolved);
    g_autofree char *due = format_count (f->complaints_due);
    g_autofree char *late = format_count (f->complaints_late);
    g_autofree char *answer = format_days (f->median_first_answer_days);
    g_autofree char *resolution = format_days (f->median_resolution_days);

    add_row (group, new_value_row (_("Received"), NULL, received));
    add_row (group, new_value_row (_("Resolved"), NULL, resolved));
    add_row (group, new_value_row (_("Due in the month"), NULL, due));
    add_row (group, new_value_row (_("Late"), NULL, late));
    add_row (group, new_value_row (_("Median time to first answer"), NULL, answer));
    add_row (group, new_value_row (_("Median time to resolution"), NULL, resolution));
  }
  gtk_box_append (self->figures_box, group);

  group = new_group (_("Quiet Accounts"),
                     _("Accounts with no published post in the 30 days up to the end of the "
                       "month (“mati suri”)."));
  for (guint i = 0; f->accounts != NULL && i < f->accounts->len; i++)
    {
      SigapReportAccount *account = g_ptr_array_index (f->accounts, i);
      g_autofree char *title = NULL;
      g_autofree char *value = NULL;

      if (!account->quiet)
        continue;

      title = g_strdup_printf ("%s %s", sigap_platform_to_label (account->platform),
                               account->handle);
      if (account->last_published_at > 0)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (account->last_published_at);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
          g_autofree char *date = sigap_format_date (local);

          /* Translators: when a quiet account last had a post */
          value = g_strdup_printf (_("last post %s"), date);
        }
      else
        value = g_strdup (_("no post yet"));
      add_row (group, new_value_row (title, NULL, value));
      n_quiet++;
    }
  if (n_quiet == 0)
    add_row (group, new_value_row (_("Every account had a post"), NULL, "✓"));
  gtk_box_append (self->figures_box, group);
}

/* }}} */

/* Step 3: the accounts' figures {{{ */

static gint64
account_field (const SigapReportAccount *account,
               Field                     field)
{
  return field == FIELD_FOLLOWERS ? account->followers
         : field == FIELD_REACH   ? account->reach
         : account->engagement;
}

static char *
dup_previous_text (SigapReportWizard        *self,
                   const SigapReportAccount *account,
                   Field                     field)
{
  SigapReportAccount *before = NULL;
  g_autofree char *value = NULL;
  g_autofree char *change = NULL;
  gint64 now = account_field (account, field);

  if (self->previous != NULL)
    before = sigap_report_figures_find_account (self->previous, account->account_id);
  if (before == NULL || account_field (before, field) < 0)
    return g_strdup (_("last month: —"));

  value = format_count (account_field (before, field));
  if (now < 0)
    /* Translators: last month's value of an account's figure */
    return g_strdup_printf (_("last month: %s"), value);

  change = format_count (now - account_field (before, field));
  /* Translators: last month's value, then the change: "bulan lalu: 1.200 (+35)" */
  return g_strdup_printf (_("last month: %s (%s%s)"), value,
                          now >= account_field (before, field) ? "+" : "", change);
}

static void
account_entry_changed_cb (GtkEditable       *editable,
                          SigapReportWizard *self)
{
  AccountEntry *entry = g_object_get_data (G_OBJECT (editable), "sigap-account-entry");
  SigapReportAccount *account;
  GtkWidget *previous_label;
  gint64 value;

  changed_cb (self);

  account = sigap_report_figures_find_account (self->figures, entry->account_id);
  if (account == NULL)
    return;

  if (!parse_count (gtk_editable_get_text (editable), &value))
    {
      gtk_widget_add_css_class (entry->row, "error");
      return;
    }

  gtk_widget_remove_css_class (entry->row, "error");
  if (entry->field == FIELD_FOLLOWERS)
    account->followers = value;
  else if (entry->field == FIELD_REACH)
    account->reach = value;
  else
    account->engagement = value;

  previous_label = g_object_get_data (G_OBJECT (editable), "sigap-previous-label");
  if (previous_label != NULL)
    {
      g_autofree char *text = dup_previous_text (self, account, entry->field);

      gtk_label_set_text (GTK_LABEL (previous_label), text);
    }
}

static void
build_accounts (SigapReportWizard *self)
{
  const SigapReportFigures *f = self->figures;

  clear_box (self->accounts_box);
  g_clear_pointer (&self->account_entries, g_ptr_array_unref);
  self->account_entries = g_ptr_array_new_with_free_func (account_entry_free);

  if (f->accounts == NULL || f->accounts->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No accounts"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("The agency has no social media accounts in Sigap. "
                                         "Diskominfo adds them on the server."));
      gtk_box_append (self->accounts_box, status);
      return;
    }

  {
    GtkWidget *intro = gtk_label_new (_("Type what each platform’s statistics show for the "
                                        "month. Leave a field empty if it is not known."));

    gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
    gtk_label_set_xalign (GTK_LABEL (intro), 0);
    gtk_widget_add_css_class (intro, "dim-label");
    gtk_box_append (self->accounts_box, intro);
  }

  for (guint i = 0; i < f->accounts->len; i++)
    {
      SigapReportAccount *account = g_ptr_array_index (f->accounts, i);
      g_autofree char *title = g_strdup_printf ("%s %s",
                                                sigap_platform_to_label (account->platform),
                                                account->handle);
      GtkWidget *group = new_group (title, NULL);

      for (guint field = 0; field < N_FIELDS; field++)
        {
          AccountEntry *entry = g_new0 (AccountEntry, 1);
          g_autofree char *name = g_strdup_printf ("%s %s", _(field_labels[field]), title);
          g_autofree char *previous = dup_previous_text (self, account, field);
          gint64 value = account_field (account, field);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *text = gtk_entry_new ();
          GtkWidget *label = gtk_label_new (previous);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field_labels[field]));
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

          gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
          gtk_editable_set_width_chars (GTK_EDITABLE (text), 10);
          gtk_entry_set_input_purpose (GTK_ENTRY (text), GTK_INPUT_PURPOSE_DIGITS);
          gtk_editable_set_alignment (GTK_EDITABLE (text), 1.0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          if (value >= 0)
            {
              g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);

              gtk_editable_set_text (GTK_EDITABLE (text), digits);
            }
          gtk_editable_set_editable (GTK_EDITABLE (text), self->editable);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), text);
                  add_row (group, row);

          entry->account_id = g_strdup (account->account_id);
          entry->field = field;
          entry->entry = GTK_EDITABLE (text);
          entry->row = row;
          g_ptr_array_add (self->account_entries, entry);

          g_object_set_data (G_OBJECT (text), "sigap-account-entry", entry);
          g_object_set_data (G_OBJECT (text), "sigap-previous-label", label);
          g_signal_connect (text, "changed", G_CALLBACK (account_entry_changed_cb), self);
        }

      gtk_box_append (self->accounts_box, group);
    }
}

/* }}} */

/* Step 4: notes and signature {{{ */

static GtkTextView *
new_notes_view (GtkBox     *box,
                const char *heading,
                const char *text)
{
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);

  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (box, scroller);

  return GTK_TEXT_VIEW (view);
}

static GtkEditable *
new_entry_row (GtkWidget  *group,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  add_row (group, row);

  return GTK_EDITABLE (entry);
}

static void
build_notes (SigapReportWizard *self)
{
  g_autofree char *obstacles = NULL;
  g_autofree char *plans = NULL;
  GtkWidget *group;

  clear_box (self->notes_box);
  split_notes (sigap_report_get_notes (self->report), &obstacles, &plans);

  self->obstacles_view = new_notes_view (self->notes_box, _("Obstacles"), obstacles);
  self->plans_view = new_notes_view (self->notes_box, _("Plans"), plans);

  group = new_group (_("Signed by"), _("The head of the agency, or the official who signs "
                                       "for them."));
  self->signer_entry = new_entry_row (group, _("Name of the signing official"),
                                      sigap_report_get_signer_name (self->report));
  self->nip_entry = new_entry_row (group, _("NIP"), sigap_report_get_signer_nip (self->report));
  gtk_box_append (self->notes_box, group);

  gtk_text_view_set_editable (self->obstacles_view, self->editable);
  gtk_text_view_set_editable (self->plans_view, self->editable);
  gtk_editable_set_editable (self->signer_entry, self->editable);
  gtk_editable_set_editable (self->nip_entry, self->editable);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->obstacles_view), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->plans_view), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->signer_entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->nip_entry, "changed", G_CALLBACK (changed_cb), self);
}

/* }}} */

/* Step 5: the preview {{{ */

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  SigapReportDocument *document = data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "sigap-page"));

  cairo_scale (cr, width / SIGAP_REPORT_PAGE_WIDTH, height / SIGAP_REPORT_PAGE_HEIGHT);
  sigap_report_document_draw_page (document, cr, page);
}

static SigapReportDocument *
new_document (SigapReportWizard *self)
{
  if (self->template_ == NULL)
    return NULL;

  return sigap_report_document_new (self->template_, opd_name (self), self->report,
                                    self->figures, self->previous);
}

static void
build_preview (SigapReportWizard *self)
{
  g_autoptr(SigapReportDocument) document = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;
  guint n_pages;

  clear_box (self->preview_box);
  collect (self, NULL);

  document = new_document (self);
  if (document == NULL)
    {
      label = gtk_label_new (self->template_error);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (self->preview_box, label);
      return;
    }

  n_pages = sigap_report_document_get_n_pages (document);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The report as it prints: %u page.",
                                       "The report as it prints: %u pages.",
                                       n_pages),
                          n_pages);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->preview_box, label);

  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *name = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                          (int) SIGAP_REPORT_PAGE_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) SIGAP_REPORT_PAGE_HEIGHT);
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (area, "report-page");
      g_object_set_data (G_OBJECT (area), "sigap-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb,
                                      g_object_ref (document), g_object_unref);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_box_append (self->preview_box, area);
    }
}

/* }}} */

/* Step 6: export and submit {{{ */

typedef enum
{
  EXPORT_PDF,
  EXPORT_XLSX,
  EXPORT_CSV,
} ExportFormat;

static const struct {
  const char *suffix;
  const char *mime_type;
  const char *filter_name;
} export_formats[] = {
  { "pdf", "application/pdf", N_("PDF documents") },
  { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    N_("Spreadsheets") },
  { "csv", "text/csv", N_("CSV files") },
};

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
chooser_response_cb (SigapReportWizard    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  ExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser),
                                                             "sigap-format"));
  g_autoptr(SigapReportDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gboolean ok = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  collect (self, NULL);
  document = new_document (self);
  if (document == NULL)
    g_set_error_literal (&error, SIGAP_REPORT_DOCUMENT_ERROR,
                         SIGAP_REPORT_DOCUMENT_ERROR_TEMPLATE, self->template_error);
  else if (format == EXPORT_PDF)
    ok = sigap_report_document_write_pdf (document, path, &error);
  else if (format == EXPORT_XLSX)
    ok = sigap_report_document_write_xlsx (document, path, &error);
  else
    ok = sigap_report_document_write_csv (document, path, &error);

  if (ok)
    {
      g_autofree char *basename = g_file_get_basename (file);

      /* Translators: the file the report was exported to */
      text = g_strdup_printf (_("Exported to “%s”"), basename);
    }
  else
    text = g_strdup_printf (_("The report could not be exported: %s"), error->message);
  toast (self, text);
}

static void
export_cb (GtkButton         *button,
           SigapReportWizard *self)
{
  ExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sigap-format"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *documents;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _(export_formats[format].filter_name));
  gtk_file_filter_add_mime_type (filter, export_formats[format].mime_type);
  gtk_file_filter_add_suffix (filter, export_formats[format].suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  /* Translators: the suggested file name of an exported report */
  name = g_strdup_printf (_("report-%s-%04d-%02d.%s"), sigap_opd_get_code (self->opd),
                          self->year, self->month, export_formats[format].suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data (G_OBJECT (chooser), "sigap-format", GUINT_TO_POINTER (format));
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* Why the report cannot be submitted yet, or %NULL. */
static char *
dup_submit_problem (SigapReportWizard *self)
{
  g_autofree char *problem = NULL;
  const char *signer = gtk_editable_get_text (self->signer_entry);
  const char *nip = gtk_editable_get_text (self->nip_entry);
  g_autofree char *stripped = g_strstrip (g_strdup (signer));

  if (!collect (self, &problem))
    return g_steal_pointer (&problem);

  if (stripped[0] == '\0')
    return g_strdup (_("Type the name of the signing official in the notes step."));
  if (!nip_is_valid (nip))
    return g_strdup (_("The NIP has 18 digits; correct it in the notes step."));

  return NULL;
}

/* Writes the report in its new @status, or puts the old one back;
 * once written, shows it as it is now, says @success and asks for a
 * sync. */
static gboolean
write_status (SigapReportWizard  *self,
              SigapReportStatus   status,
              const char         *success,
              GError            **error)
{
  SigapReportStatus before = sigap_report_get_status (self->report);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  sigap_report_set_status (self->report, status);
  if (!write_report (self, error))
    {
      sigap_report_set_status (self->report, before);
      return FALSE;
    }

  update_editable (self);
  update_review_banner (self);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.sync-now", NULL);
  toast (self, success);
  show_step (self, self->step);
  return TRUE;
}

static void
submit_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    SigapReportWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit"))
    return;

  collect (self, NULL);
  sigap_report_set_submitted_at (self->report, g_get_real_time () / G_USEC_PER_SEC);
  if (!write_status (self, SIGAP_REPORT_STATUS_SUBMITTED,
                     _("Submitted to Diskominfo. It is sent with the next sync."), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be submitted: %s"),
                                               error->message);

      toast (self, text);
    }
}

static void
submit_cb (SigapReportWizard *self)
{
  g_autofree char *month = sigap_format_month (self->year, self->month);
  g_autofree char *heading = NULL;
  g_autofree char *problem = dup_submit_problem (self);
  AdwMessageDialog *dialog;

  if (problem != NULL)
    {
      gtk_label_set_text (self->submit_reason, problem);
      return;
    }

  /* Translators: the month of the report being submitted */
  heading = g_strdup_printf (_("Submit the Report for %s?"), month);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Diskominfo receives it with the next "
                                                         "sync. It can no longer be changed "
                                                         "unless Diskominfo returns it.")));
  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "submit");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (submit_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review (SigapReportWizard *self,
        SigapReportStatus  status,
        const char        *note)
{
  g_autoptr(GError) error = NULL;

  if (note != NULL)
    sigap_report_set_review_note (self->report, note);

  if (!write_status (self, status,
                     status == SIGAP_REPORT_STATUS_ACCEPTED
                     ? _("Report accepted.")
                     : _("Report returned to the agency."),
                     &error))
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be changed: %s"),
                                               error->message);

      toast (self, text);
    }
}

static void
accept_cb (SigapReportWizard *self)
{
  review (self, SIGAP_REPORT_STATUS_ACCEPTED, NULL);
}

static void
return_note_changed_cb (GtkTextBuffer    *buffer,
                        AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  adw_message_dialog_set_response_enabled (dialog, "return", text[0] != '\0');
}

static void
return_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    SigapReportWizard *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "sigap-note");
  g_autofree char *note = NULL;

  if (!g_str_equal (response, "return"))
    return;

  note = dup_text_view (view);
  if (note[0] == '\0')
    return;

  review (self, SIGAP_REPORT_STATUS_RETURNED, note);
}

static void
return_cb (SigapReportWizard *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Return the Report?"),
                                                       _("The agency sees your note on the "
                                                         "report and can correct it and submit "
                                                         "it again.")));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Return the Report?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "return", FALSE);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What to correct"),
                                  -1);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);
  g_object_set_data (G_OBJECT (dialog), "sigap-note", view);

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (return_note_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (return_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static GtkWidget *
new_button_row (GtkWidget  *group,
                const char *title,
                const char *subtitle,
                const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = sigap_mnemonic_button_new (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  add_row (group, row);

  return button;
}

static void
build_finish (SigapReportWizard *self)
{
  GtkWidget *group;
  GtkWidget *button;
  GtkWidget *label;

  clear_box (self->finish_box);
  self->submit_button = NULL;

  group = new_group (_("Export"), _("The same report as a file: to print and sign, or to "
                                    "work on in a spreadsheet."));
  button = new_button_row (group, _("PDF"), _("With the letterhead and charts, ready to print"),
                           _("Export _PDF…"));
  g_object_set_data (G_OBJECT (button), "sigap-format", GUINT_TO_POINTER (EXPORT_PDF));
  g_signal_connect (button, "clicked", G_CALLBACK (export_cb), self);
  button = new_button_row (group, _("XLSX"), _("One sheet per section, numbers as numbers"),
                           _("Export _XLSX…"));
  g_object_set_data (G_OBJECT (button), "sigap-format", GUINT_TO_POINTER (EXPORT_XLSX));
  g_signal_connect (button, "clicked", G_CALLBACK (export_cb), self);
  button = new_button_row (group, _("CSV"), _("Every figure on a line"), _("Export _CSV…"));
  g_object_set_data (G_OBJECT (button), "sigap-format", GUINT_TO_POINTER (EXPORT_CSV));
  g_signal_connect (button, "clicked", G_CALLBACK (export_cb), self);
  gtk_box_append (self->finish_box, group);

  if (self->editable)
    {
      group = new_group (_("Submit"), _("Diskominfo receives the report with the next sync; "
                                        "until then it waits on this computer."));
      button = sigap_mnemonic_button_new (_("_Submit to Diskominfo"));
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (submit_cb), self);
      self->submit_button = button;
      gtk_box_append (self->finish_box, group);
      gtk_box_append (self->finish_box, button);

      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      self->submit_reason = GTK_LABEL (label);
      gtk_box_append (self->finish_box, label);
    }
  else if (self->reviewing)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      group = new_group (_("Review"), _("Accept the report, or return it to the agency with "
                                        "what to correct."));
      gtk_box_append (self->finish_box, group);

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      button = sigap_mnemonic_button_new (_("Re_turn…"));
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (return_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      button = sigap_mnemonic_button_new (_("_Accept Report"));
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (accept_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      gtk_box_append (self->finish_box, box);
    }
}

/* }}} */

/* Steps {{{ */

static void
show_step (SigapReportWizard *self,
           guint              step)
{
  g_autofree char *subtitle = NULL;

  self->step = step;

  if (g_str_equal (steps[step].name, "figures"))
    build_figures (self);
  else if (g_str_equal (steps[step].name, "preview"))
    build_preview (self);
  else if (g_str_equal (steps[step].name, "finish"))
    build_finish (self);
  else if (g_str_equal (steps[step].name, "period"))
    update_period (self);

  gtk_stack_set_visible_child_name (self->steps, steps[step].name);

  /* Translators: the wizard's subtitle, "Langkah 2 dari 6: Angka Terhitung" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), step + 1, (guint) N_STEPS,
                              _(steps[step].title));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", step + 1 < N_STEPS);
  gtk_widget_set_visible (self->next_button, step + 1 < N_STEPS);
  gtk_label_set_text (self->problem_label, NULL);
}

static void
next_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  SigapReportWizard *self = SIGAP_REPORT_WIZARD (widget);
  g_autofree char *problem = NULL;

  if (self->step + 1 >= N_STEPS)
    return;

  /* A figure that is not a number stays on screen, with why. */
  if (g_str_equal (steps[self->step].name, "accounts") && self->editable &&
      !collect (self, &problem))
    {
      gtk_label_set_text (self->problem_label, problem);
      return;
    }

  save_draft (self);
  show_step (self, self->step + 1);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  SigapReportWizard *self = SIGAP_REPORT_WIZARD (widget);

  if (self->step == 0)
    return;

  save_draft (self);
  show_step (self, self->step - 1);
}

/* Shows the report of @year and @month: the stored one, or a new draft. */
static void
set_month (SigapReportWizard *self,
           int                year,
           int                month)
{
  g_autoptr(SigapReport) report = NULL;

  self->year = year;
  self->month = month;

  report = find_report (self, year, month);
  self->stored = report != NULL;
  if (report == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();

      report = sigap_report_new ();
      sigap_report_set_id (report, id);
      sigap_report_set_opd_id (report, sigap_opd_get_id (self->opd));
      sigap_report_set_year (report, year);
      sigap_report_set_month (report, month);
      sigap_report_set_status (report, SIGAP_REPORT_STATUS_DRAFT);
    }
  g_set_object (&self->report, report);

  update_editable (self);
  update_review_banner (self);
  load_figures (self);
  build_accounts (self);
  build_notes (self);
  self->dirty = FALSE;
  update_period (self);
}

/* }}} */

static gboolean
sigap_report_wizard_close_request (GtkWindow *window)
{
  SigapReportWizard *self = SIGAP_REPORT_WIZARD (window);

  save_draft (self);

  return GTK_WINDOW_CLASS (sigap_report_wizard_parent_class)->close_request (window);
}

static void
sigap_report_wizard_dispose (GObject *object)
{
  SigapReportWizard *self = (SigapReportWizard *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_REPORT_WIZARD);

  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->opd);
  g_clear_object (&self->report);
  g_clear_pointer (&self->account_entries, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_report_wizard_parent_class)->dispose (object);
}

static void
sigap_report_wizard_finalize (GObject *object)
{
  SigapReportWizard *self = (SigapReportWizard *)object;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->days, sigap_working_days_unref);
  g_clear_pointer (&self->template_, sigap_report_template_unref);
  g_clear_pointer (&self->template_error, g_free);
  g_clear_pointer (&self->figures, sigap_report_figures_free);
  g_clear_pointer (&self->previous, sigap_report_figures_free);
  g_clear_pointer (&self->figures_error, g_free);

  G_OBJECT_CLASS (sigap_report_wizard_parent_class)->finalize (object);
}

static void
sigap_report_wizard_class_init (SigapReportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sigap_report_wizard_dispose;
  object_class->finalize = sigap_report_wizard_finalize;
  window_class->close_request = sigap_report_wizard_close_request;

  /**
   * SigapReportWizard::changed:
   *
   * Emitted when the report was written to the store.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sigap/Sigap/ui/sigap-report-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, review_revealer);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, review_label);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, steps);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, period_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, accounts_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, notes_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, preview_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, finish_box);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SigapReportWizard, problem_label);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sigap_report_wizard_init (SigapReportWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
load_central (SigapReportWizard *self)
{
  g_autoptr(SigapCentralDocuments) central = sigap_central_documents_new (NULL, 0);
  SigapCentralDocument *document = NULL;
  g_autoptr(GError) error = NULL;

  self->days = sigap_working_days_new_from_documents (central, self->year - 1, self->year + 1);

  document = sigap_central_documents_get_report_template (central);
  if (document == NULL)
    {
      self->template_error = g_strdup (_("The report template from Diskominfo cannot be read. "
                                         "Sync again, or ask Diskominfo to check it."));
      return;
    }

  self->template_ = sigap_report_template_new_from_json (
    sigap_central_document_get_object (document), &error);
  if (self->template_ == NULL)
    self->template_error = g_strdup_printf (_("The report template from Diskominfo cannot be "
                                              "used: %s"),
                                            error->message);
}

/**
 * sigap_report_wizard_new:
 * @parent: (nullable): the window to stay above
 * @store: the store to read from and write the report to
 * @user: who is signed in
 * @opd: the agency whose report it is
 * @report: (nullable): the report to open, or %NULL to start with the
 *   last complete month (continuing its report if it has one)
 *
 * Returns: (transfer full): a new wizard
 */
SigapReportWizard *
sigap_report_wizard_new (GtkWindow   *parent,
                         SigapStore  *store,
                         SigapUser   *user,
                         SigapOpd    *opd,
                         SigapReport *report)
{
  SigapReportWizard *self;
  int year, month;

  g_return_val_if_fail (SIGAP_IS_STORE (store), NULL);
  g_return_val_if_fail (SIGAP_IS_OPD (opd), NULL);
  g_return_val_if_fail (report == NULL || SIGAP_IS_REPORT (report), NULL);

  self = g_object_new (SIGAP_TYPE_REPORT_WIZARD,
                       "transient-for", parent,
                       "modal", FALSE,
                       NULL);
  self->store = g_object_ref (store);
  self->user = user != NULL ? g_object_ref (user) : NULL;
  self->opd = g_object_ref (opd);
  self->zone = sigap_opd_dup_zone (opd);

  if (report != NULL)
    {
      year = sigap_report_get_year (report);
      month = sigap_report_get_month (report);
      self->month_fixed = TRUE;
    }
  else
    sigap_report_last_complete_month (g_get_real_time () / G_USEC_PER_SEC, self->zone,
                                      &year, &month);
  self->year = year;

  load_central (self);
  build_period (self);
  set_month (self, year, month);
  show_step (self, 0);

  return self;
}

/**
 * sigap_report_wizard_get_step:
 * @self: a #SigapReportWizard
 *
 * Returns: the step shown: "period", "figures", "accounts", "notes",
 *   "preview" or "finish"
 */
const char *
sigap_report_wizard_get_step (SigapReportWizard *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_WIZARD (self), NULL);

  return steps[self->step].name;
}

gboolean
sigap_report_wizard_get_editable (SigapReportWizard *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_WIZARD (self), FALSE);

  return self->editable;
}
