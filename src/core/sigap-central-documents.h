/* sigap-central-documents.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sigap-types.h"
#include "sigap-enums.h"

G_BEGIN_DECLS

#define SIGAP_CENTRAL_DOCUMENTS_ERROR (sigap_central_documents_error_quark ())

/**
 * SigapCentralDocumentsError:
 * @SIGAP_CENTRAL_DOCUMENTS_ERROR_NETWORK: the server cannot be reached
 * @SIGAP_CENTRAL_DOCUMENTS_ERROR_UNAUTHORIZED: the sign-in was refused or
 *   has expired
 * @SIGAP_CENTRAL_DOCUMENTS_ERROR_SERVER: the server answered with an error
 * @SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID: the server sent a document that
 *   does not have the shape its kind requires
 * @SIGAP_CENTRAL_DOCUMENTS_ERROR_FAILED: the downloaded copy cannot be
 *   written
 *
 * The messages are translated sentences for the user.
 */
typedef enum
{
  SIGAP_CENTRAL_DOCUMENTS_ERROR_NETWORK,
  SIGAP_CENTRAL_DOCUMENTS_ERROR_UNAUTHORIZED,
  SIGAP_CENTRAL_DOCUMENTS_ERROR_SERVER,
  SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID,
  SIGAP_CENTRAL_DOCUMENTS_ERROR_FAILED,
} SigapCentralDocumentsError;

#define SIGAP_TYPE_CENTRAL_DOCUMENT (sigap_central_document_get_type ())

typedef struct _SigapCentralDocument SigapCentralDocument;

GType                     sigap_central_document_get_type       (void) G_GNUC_CONST;
SigapCentralDocument     *sigap_central_document_ref            (SigapCentralDocument *self);
void                      sigap_central_document_unref          (SigapCentralDocument *self);
SigapCentralDocumentKind  sigap_central_document_get_kind       (SigapCentralDocument *self);
const char               *sigap_central_document_get_name       (SigapCentralDocument *self);
SigapCentralSource        sigap_central_document_get_source     (SigapCentralDocument *self);
JsonNode                 *sigap_central_document_get_root       (SigapCentralDocument *self);
JsonObject               *sigap_central_document_get_object     (SigapCentralDocument *self);
const char               *sigap_central_document_get_version    (SigapCentralDocument *self);
GDateTime                *sigap_central_document_get_updated_at (SigapCentralDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapCentralDocument, sigap_central_document_unref)

#define SIGAP_TYPE_CENTRAL_DOCUMENTS (sigap_central_documents_get_type())

G_DECLARE_FINAL_TYPE (SigapCentralDocuments, sigap_central_documents,
                      SIGAP, CENTRAL_DOCUMENTS, GObject)

GQuark                 sigap_central_documents_error_quark    (void);
GBytes                *sigap_central_documents_read_shipped   (const char             *name,
                                                               GError                **error);

SigapCentralDocuments *sigap_central_documents_new            (const char             *directory,
                                                               int                     year);
const char            *sigap_central_documents_get_directory  (SigapCentralDocuments  *self);
int                    sigap_central_documents_get_year       (SigapCentralDocuments  *self);
SigapCentralDocument  *sigap_central_documents_get_platforms  (SigapCentralDocuments  *self);
SigapCentralDocument  *sigap_central_documents_get_holidays   (SigapCentralDocuments  *self,
                                                               int                     year);
SigapCentralDocument  *sigap_central_documents_get_sla        (SigapCentralDocuments  *self);
SigapCentralDocument  *sigap_central_documents_get_report_template
                                                              (SigapCentralDocuments  *self);
SigapCentralDocument  *sigap_central_documents_get_post_templates
                                                              (SigapCentralDocuments  *self);

void                   sigap_central_documents_refresh_async  (SigapCentralDocuments  *self,
                                                               SoupSession            *session,
                                                               const char             *server_url,
                                                               const char             *token,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean               sigap_central_documents_refresh_finish (SigapCentralDocuments  *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);

G_END_DECLS
