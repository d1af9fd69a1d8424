/* sigap-report.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-report"

#include "config.h"

#include "sigap-report.h"

/**
 * SigapReport:
 *
 * An OPD's monthly social-media report to Diskominfo.
 */
struct _SigapReport
{
  GObject parent_instance;

  char *id;
  char *opd_id;
  int year;
  int month;
  SigapReportStatus status;
  char *figures;
  char *notes;
  char *signer_name;
  char *signer_nip;
  char *review_note;
  gint64 submitted_at;
  gint64 version;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (SigapReport, sigap_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OPD_ID,
  PROP_YEAR,
  PROP_MONTH,
  PROP_STATUS,
  PROP_FIGURES,
  PROP_NOTES,
  PROP_SIGNER_NAME,
  PROP_SIGNER_NIP,
  PROP_REVIEW_NOTE,
  PROP_SUBMITTED_AT,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sigap_report_finalize (GObject *object)
{
  SigapReport *self = ((SigapReport *)object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->opd_id, g_free);
  g_clear_pointer (&self->figures, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->signer_name, g_free);
  g_clear_pointer (&self->signer_nip, g_free);
  g_clear_pointer (&self->review_note, g_free);

  G_OBJECT_CLASS (sigap_report_parent_class)->finalize (object);
}

static void
sigap_report_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SigapReport *self = SIGAP_REPORT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_OPD_ID:
      g_value_set_string (value, self->opd_id);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_FIGURES:
      g_value_set_string (value, self->figures);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_SIGNER_NAME:
      g_value_set_string (value, self->signer_name);
      break;

    case PROP_SIGNER_NIP:
      g_value_set_string (value, self->signer_nip);
      break;

    case PROP_REVIEW_NOTE:
      g_value_set_string (value, self->review_note);
      break;

    case PROP_SUBMITTED_AT:
      g_value_set_int64 (value, self->submitted_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_report_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SigapReport *self = SIGAP_REPORT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sigap_report_set_id (self, g_value_get_string (value));
      break;

    case PROP_OPD_ID:
      sigap_report_set_opd_id (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      sigap_report_set_year (self, g_value_get_int (value));
      break;

    case PROP_MONTH:
      sigap_report_set_month (self, g_value_get_int (value));
      break;

    case PROP_STATUS:
      sigap_report_set_status (self, g_value_get_enum (value));
      break;

    case PROP_FIGURES:
      sigap_report_set_figures (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      sigap_report_set_notes (self, g_value_get_string (value));
      break;

    case PROP_SIGNER_NAME:
      sigap_report_set_signer_name (self, g_value_get_string (value));
      break;

    case PROP_SIGNER_NIP:
      sigap_report_set_signer_nip (self, g_value_get_string (value));
      break;

    case PROP_REVIEW_NOTE:
      sigap_report_set_review_note (self, g_value_get_string (value));
      break;

    case PROP_SUBMITTED_AT:
      sigap_report_set_submitted_at (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      sigap_report_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sigap_report_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_report_class_init (SigapReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_report_finalize;
  object_class->get_property = sigap_report_get_property;
  object_class->set_property = sigap_report_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OPD_ID] =
    g_param_spec_string ("opd-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       SIGAP_TYPE_REPORT_STATUS, SIGAP_REPORT_STATUS_DRAFT,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FIGURES] =
    g_param_spec_string ("figures", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SIGNER_NAME] =
    g_param_spec_string ("signer-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SIGNER_NIP] =
    g_param_spec_string ("signer-nip", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapReport:review-note:
   *
   * What the verifikator wrote when returning the report: what the OPD
   * must fix. Only a verifikator sets it; it stays after the OPD submits
   * the report again, and after it is accepted.
   */
  properties[PROP_REVIEW_NOTE] =
    g_param_spec_string ("review-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBMITTED_AT] =
    g_param_spec_int64 ("submitted-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_report_init (SigapReport *self)
{
  self->status = SIGAP_REPORT_STATUS_DRAFT;
}

/**
 * sigap_report_new:
 *
 * Returns: (transfer full): a new empty #SigapReport
 */
SigapReport *
sigap_report_new (void)
{
  return g_object_new (SIGAP_TYPE_REPORT, NULL);
}

/**
 * sigap_report_copy:
 * @self: a #SigapReport
 *
 * Returns: (transfer full): a deep copy of @self
 */
SigapReport *
sigap_report_copy (SigapReport *self)
{
  SigapReport *copy;

  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  copy = sigap_report_new ();
  copy->id = g_strdup (self->id);
  copy->opd_id = g_strdup (self->opd_id);
  copy->year = self->year;
  copy->month = self->month;
  copy->status = self->status;
  copy->figures = g_strdup (self->figures);
  copy->notes = g_strdup (self->notes);
  copy->signer_name = g_strdup (self->signer_name);
  copy->signer_nip = g_strdup (self->signer_nip);
  copy->review_note = g_strdup (self->review_note);
  copy->submitted_at = self->submitted_at;
  copy->version = self->version;
  copy->updated_at = self->updated_at;

  return copy;
}

const char *
sigap_report_get_id (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->id;
}

void
sigap_report_set_id (SigapReport *self,
                       const char *id)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sigap_report_get_opd_id (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->opd_id;
}

void
sigap_report_set_opd_id (SigapReport *self,
                           const char *opd_id)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->opd_id, opd_id) == 0)
    return;

  g_free (self->opd_id);
  self->opd_id = g_strdup (opd_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPD_ID]);
}

int
sigap_report_get_year (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), 0);

  return self->year;
}

void
sigap_report_set_year (SigapReport *self,
                         int year)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
sigap_report_get_month (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), 0);

  return self->month;
}

void
sigap_report_set_month (SigapReport *self,
                          int month)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (self->month == month)
    return;

  self->month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

SigapReportStatus
sigap_report_get_status (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), 0);

  return self->status;
}

void
sigap_report_set_status (SigapReport *self,
                           SigapReportStatus status)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
sigap_report_get_figures (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->figures;
}

void
sigap_report_set_figures (SigapReport *self,
                            const char *figures)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->figures, figures) == 0)
    return;

  g_free (self->figures);
  self->figures = g_strdup (figures);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURES]);
}

const char *
sigap_report_get_notes (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->notes;
}

void
sigap_report_set_notes (SigapReport *self,
                          const char *notes)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
sigap_report_get_signer_name (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->signer_name;
}

void
sigap_report_set_signer_name (SigapReport *self,
                                const char *signer_name)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->signer_name, signer_name) == 0)
    return;

  g_free (self->signer_name);
  self->signer_name = g_strdup (signer_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER_NAME]);
}

const char *
sigap_report_get_signer_nip (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->signer_nip;
}

void
sigap_report_set_signer_nip (SigapReport *self,
                               const char *signer_nip)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->signer_nip, signer_nip) == 0)
    return;

  g_free (self->signer_nip);
  self->signer_nip = g_strdup (signer_nip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNER_NIP]);
}

/**
 * sigap_report_get_review_note:
 * @self: a #SigapReport
 *
 * Returns: (nullable): what the verifikator wrote when returning the
 *   report, or %NULL
 */
const char *
sigap_report_get_review_note (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), NULL);

  return self->review_note;
}

/**
 * sigap_report_set_review_note:
 * @self: a #SigapReport
 * @review_note: (nullable): what the OPD must fix
 *
 * Sets #SigapReport:review-note.
 */
void
sigap_report_set_review_note (SigapReport *self,
                              const char  *review_note)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (g_strcmp0 (self->review_note, review_note) == 0)
    return;

  g_free (self->review_note);
  self->review_note = g_strdup (review_note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_NOTE]);
}

gint64
sigap_report_get_submitted_at (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), 0);

  return self->submitted_at;
}

void
sigap_report_set_submitted_at (SigapReport *self,
                                 gint64 submitted_at)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (self->submitted_at == submitted_at)
    return;

  self->submitted_at = submitted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMITTED_AT]);
}

gint64
sigap_report_get_version (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), 0);

  return self->version;
}

void
sigap_report_set_version (SigapReport *self,
                            gint64 version)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
sigap_report_get_updated_at (SigapReport *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT (self), 0);

  return self->updated_at;
}

void
sigap_report_set_updated_at (SigapReport *self,
                               gint64 updated_at)
{
  g_return_if_fail (SIGAP_IS_REPORT (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
