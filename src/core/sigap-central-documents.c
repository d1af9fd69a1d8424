/* sigap-central-documents.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-central"

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sigap-central-documents.h"
#include "sigap-central-schema.h"

/*
 * The desktop's copies of the documents Diskominfo keeps for every
 * desktop (docs/api.md, "Platform rules and holidays"): the platform
 * rules, each year's holiday calendar, the regency's service levels
 * for complaints, the monthly report's template and the post templates
 * with their hashtag sets.
 *
 * The copy in use is the one last downloaded from the server, kept as the
 * server's answer (name, version, updated_at, document) in
 * $XDG_DATA_HOME/sigap/central/NAME.json, when it is there and has the
 * right shape; else the file shipped with Sigap, found as the server finds
 * its own ($SIGAP_DATA_DIR, then PKGDATADIR).
 *
 * A refresh asks the server for each document with If-None-Match naming
 * the downloaded copy's version, so an unchanged document costs a 304. A
 * new copy is checked as strictly as the server checks what a verifikator
 * sends, and only then written, with g_file_set_contents() (a new file
 * renamed over the old one): a bad or cut-off download never replaces a
 * good copy.
 */

/* A document is at most 1 MiB (what the server accepts); its answer adds
 * little. */
#define MAX_ANSWER_BYTES (4 * 1024 * 1024)
#define VERSION_LENGTH   64

struct _SigapCentralDocument
{
  grefcount ref_count;

  SigapCentralDocumentKind kind;
  SigapCentralSource source;
  char *name;
  JsonNode *root;
  char *version;
  GDateTime *updated_at;
};

struct _SigapCentralDocuments
{
  GObject parent_instance;

  char *directory;
  int year;

  /* name → SigapCentralDocument, or NULL when there is no copy at all;
   * filled on first use. */
  GHashTable *documents;

  SoupSession *session;
  gboolean refreshing;
};

G_DEFINE_BOXED_TYPE (SigapCentralDocument, sigap_central_document,
                     sigap_central_document_ref, sigap_central_document_unref)

G_DEFINE_FINAL_TYPE (SigapCentralDocuments, sigap_central_documents, G_TYPE_OBJECT)

G_DEFINE_QUARK (sigap-central-documents-error-quark, sigap_central_documents_error)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SigapCentralDocumentKind kind;
  int year;
} Target;

typedef struct
{
  SoupSession *session;
  char *server_url;
  char *token;
  Target targets[6];
  guint n_targets;
  guint index;

  /* The first document that could not be refreshed; the others still
   * are. */
  GError *error;
  gboolean changed;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_object (&data->session);
  g_clear_pointer (&data->server_url, g_free);
  if (data->token != NULL)
    memset (data->token, 0, strlen (data->token));
  g_clear_pointer (&data->token, g_free);
  g_clear_error (&data->error);
  g_free (data);
}

static void fetch_next (GTask *task);

/* Documents {{{ */

static SigapCentralDocument *
document_new (SigapCentralDocumentKind  kind,
              SigapCentralSource        source,
              const char               *name,
              JsonNode                 *root,
              const char               *version,
              GDateTime                *updated_at)
{
  SigapCentralDocument *self = g_new0 (SigapCentralDocument, 1);

  g_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->source = source;
  self->name = g_strdup (name);
  self->root = json_node_ref (root);
  self->version = g_strdup (version);
  self->updated_at = updated_at != NULL ? g_date_time_ref (updated_at) : NULL;

  return self;
}

/* For the table, where a document may be missing. */
static void
document_free (gpointer data)
{
  if (data != NULL)
    sigap_central_document_unref (data);
}

static gboolean
version_is_valid (const char *version)
{
  if (version == NULL || strlen (version) != VERSION_LENGTH)
    return FALSE;

  for (const char *p = version; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

static gboolean
etag_names (const char *etag,
            const char *version)
{
  g_autofree char *expected = g_strdup_printf ("\"%s\"", version);

  /* A proxy that compresses the answer may weaken the tag. */
  if (g_str_has_prefix (etag, "W/"))
    etag += 2;

  return strcmp (etag, expected) == 0;
}

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, SIGAP_CENTRAL_SCHEMA_ERROR, SIGAP_CENTRAL_SCHEMA_ERROR_INVALID,
                       message);

  return FALSE;
}

/* The server's answer for @name, as it was downloaded or saved:
 * {"name", "version", "updated_at", "document"}. @etag, when the answer
 * came with one, must name its version. The error's message is English,
 * for the logs and to be quoted in a sentence for the user. */
static SigapCentralDocument *
document_from_answer (const char                *data,
                      gsize                      length,
                      SigapCentralDocumentKind   kind,
                      int                        year,
                      const char                *name,
                      const char                *etag,
                      GError                   **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autofree char *field = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *answer;
  JsonNode *node;
  const char *version;

  if (length > MAX_ANSWER_BYTES)
    {
      invalid (error, "The answer is larger than %u bytes.", MAX_ANSWER_BYTES);
      return NULL;
    }

  root = sigap_central_schema_parse (data, length);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, "The answer is not a JSON object.");
      return NULL;
    }
  answer = json_node_get_object (root);

  node = json_object_get_member (answer, "name");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      strcmp (json_node_get_string (node), name) != 0)
    {
      invalid (error, "'name' must be \"%s\".", name);
      return NULL;
    }

  node = json_object_get_member (answer, "version");
  version = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
            json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (!version_is_valid (version))
    {
      invalid (error, "'version' must be a SHA-256 in hexadecimal.");
      return NULL;
    }

  if (etag != NULL && !etag_names (etag, version))
    {
      invalid (error, "The ETag %s does not name the version %s.", etag, version);
      return NULL;
    }

  node = json_object_get_member (answer, "updated_at");
  if (node == NULL)
    {
      invalid (error, "'updated_at' is required.");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_NULL (node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        updated_at = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

      if (updated_at == NULL)
        {
          invalid (error, "'updated_at' must be an ISO 8601 time or null.");
          return NULL;
        }
    }

  node = json_object_get_member (answer, "document");
  if (node == NULL)
    {
      invalid (error, "'document' is required.");
      return NULL;
    }
  if (!sigap_central_schema_validate (kind, node, year, &field, &local_error))
    {
      invalid (error, "'document' is not valid: %s", local_error->message);
      return NULL;
    }

  return document_new (kind, SIGAP_CENTRAL_SOURCE_SERVER, name, node, version, updated_at);
}

static SigapCentralDocument *
document_from_shipped (GBytes                    *bytes,
                       SigapCentralDocumentKind   kind,
                       int                        year,
                       const char                *name,
                       GError                   **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *version = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  root = sigap_central_schema_parse (data, length);
  if (root == NULL)
    {
      invalid (error, "The file is not a JSON document in UTF-8.");
      return NULL;
    }

  if (!sigap_central_schema_validate (kind, root, year, NULL, error))
    return NULL;

  /* The version the server gives the same bytes. */
  version = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return document_new (kind, SIGAP_CENTRAL_SOURCE_SHIPPED, name, root, version, NULL);
}

static char *
copy_path (SigapCentralDocuments *self,
           const char            *name)
{
  g_autofree char *relative = g_strconcat (name, ".json", NULL);

  return g_build_filename (self->directory, relative, NULL);
}

/* The copy to use now: the downloaded one, else the shipped one. */
static SigapCentralDocument *
load_document (SigapCentralDocuments    *self,
               SigapCentralDocumentKind  kind,
               int                       year,
               const char               *name)
{
  g_autofree char *path = copy_path (self, name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SigapCentralDocument *document;
  gsize length = 0;

  if (g_file_get_contents (path, &contents, &length, &error))
    {
      document = document_from_answer (contents, length, kind, year, name, NULL, &error);
      if (document != NULL)
        return document;

      /* Only a damaged disk or a hand edit gets here: each copy was
       * checked before it was written. */
      g_message ("Not using %s: %s", path, error->message);
    }
  else if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_message ("%s", error->message);
    }
  g_clear_error (&error);

  bytes = sigap_central_documents_read_shipped (name, &error);
  if (bytes == NULL)
    {
      g_debug ("No copy of %s: %s", name, error->message);
      return NULL;
    }

  document = document_from_shipped (bytes, kind, year, name, &error);
  if (document == NULL)
    g_message ("The shipped %s is not valid: %s", name, error->message);

  return document;
}

static SigapCentralDocument *
lookup (SigapCentralDocuments    *self,
        SigapCentralDocumentKind  kind,
        int                       year)
{
  g_autofree char *name = sigap_central_schema_document_name (kind, year);
  SigapCentralDocument *document;
  gpointer value;

  if (g_hash_table_lookup_extended (self->documents, name, NULL, &value))
    return value;

  document = load_document (self, kind, year, name);
  g_hash_table_insert (self->documents, g_steal_pointer (&name), document);

  return document;
}

/* }}} */

/* Refresh {{{ */

static char *
document_label (SigapCentralDocumentKind kind,
                int                      year)
{
  if (kind == SIGAP_CENTRAL_DOCUMENT_PLATFORMS)
    /* Translators: what could not be downloaded or saved, in the
     * sentences about the central documents */
    return g_strdup (_("the platform rules"));

  if (kind == SIGAP_CENTRAL_DOCUMENT_SLA)
    /* Translators: what could not be downloaded or saved, in the
     * sentences about the central documents: the complaints'
     * deadlines */
    return g_strdup (_("the service levels"));

  if (kind == SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE)
    /* Translators: what could not be downloaded or saved, in the
     * sentences about the central documents: the monthly report's
     * title, letterhead and sections */
    return g_strdup (_("the report template"));

  if (kind == SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES)
    /* Translators: what could not be downloaded or saved, in the
     * sentences about the central documents: the greetings and
     * announcements every OPD starts posts from, and the hashtag sets */
    return g_strdup (_("the post templates"));

  /* Translators: what could not be downloaded or saved, in the
   * sentences about the central documents; %d is a year */
  return g_strdup_printf (_("the holiday calendar for %d"), year);
}

static void
set_network_error (RefreshData  *data,
                   GError      **error)
{
  g_set_error (error, SIGAP_CENTRAL_DOCUMENTS_ERROR, SIGAP_CENTRAL_DOCUMENTS_ERROR_NETWORK,
               _("Cannot reach the server at %s to download the platform rules and the "
                 "holiday calendar. Sigap keeps using the copies it has."),
               data->server_url);
}

/* The "code" of an error body {"error":{"code",…}}, or %NULL. */
static char *
dup_error_code (GBytes *bytes)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *error;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (length > MAX_ANSWER_BYTES)
    return NULL;

  root = sigap_central_schema_parse (data, length);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  error = json_object_get_member (json_node_get_object (root), "error");
  if (error == NULL || !JSON_NODE_HOLDS_OBJECT (error))
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (error),
                                                              "code", NULL));
}

/* Takes a 200 answer for @target: checks it, writes it and uses it. */
static void
accept_answer (SigapCentralDocuments *self,
               RefreshData           *data,
               const Target          *target,
               SoupMessage           *msg,
               GBytes                *bytes)
{
  g_autofree char *name = sigap_central_schema_document_name (target->kind, target->year);
  g_autofree char *label = document_label (target->kind, target->year);
  g_autofree char *path = copy_path (self, name);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  SigapCentralDocument *current;
  SigapCentralDocument *document;
  const char *etag;
  const char *body;
  gsize length;

  etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");
  body = g_bytes_get_data (bytes, &length);

  document = document_from_answer (body, length, target->kind, target->year, name, etag, &error);
  if (document == NULL)
    {
      g_message ("Refused the server's %s: %s", name, error->message);
      if (data->error == NULL)
        g_set_error (&data->error, SIGAP_CENTRAL_DOCUMENTS_ERROR,
                     SIGAP_CENTRAL_DOCUMENTS_ERROR_INVALID,
                     /* Translators: the second %s is "the platform rules" or
                      * "the holiday calendar for 2026", the third what is
                      * wrong, in English */
                     _("The server at %s sent %s in a form Sigap cannot use (%s). Sigap keeps "
                       "using the copy it has; report the problem to Diskominfo."),
                     data->server_url, label, error->message);
      return;
    }

  current = lookup (self, target->kind, target->year);
  if (current != NULL && current->source == SIGAP_CENTRAL_SOURCE_SERVER &&
      strcmp (current->version, document->version) == 0)
    {
      sigap_central_document_unref (document);
      return;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
    }

  if (error != NULL || !g_file_set_contents (path, body, (gssize) length, &error))
    {
      g_message ("Cannot write %s: %s", path, error->message);
      if (data->error == NULL)
        g_set_error (&data->error, SIGAP_CENTRAL_DOCUMENTS_ERROR,
                     SIGAP_CENTRAL_DOCUMENTS_ERROR_FAILED,
                     /* Translators: the first %s is "the platform rules" or
                      * "the holiday calendar for 2026", the second a folder,
                      * the third what went wrong */
                     _("Sigap cannot save %s in %s (%s). Sigap keeps using the copy it has; "
                       "check that the disk has free space."),
                     label, self->directory, error->message);
      sigap_central_document_unref (document);
      return;
    }

  g_debug ("Downloaded %s, version %s", name, document->version);
  g_hash_table_insert (self->documents, g_steal_pointer (&name), document);
  data->changed = TRUE;
}

static void
refresh_return (GTask  *task,
                GError *error)
{
  SigapCentralDocuments *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);

  self->refreshing = FALSE;

  if (data->changed)
    g_signal_emit (self, signals[CHANGED], 0);

  if (error == NULL && data->error != NULL)
    error = g_steal_pointer (&data->error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapCentralDocuments *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  const Target *target = &data->targets[data->index];
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("No answer from the server: %s", error->message);
          g_clear_error (&error);
          set_network_error (data, &error);
        }
      refresh_return (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (msg);
  switch (status)
    {
    case SOUP_STATUS_OK:
      accept_answer (self, data, target, msg, bytes);
      break;

    case SOUP_STATUS_NOT_MODIFIED:
    case SOUP_STATUS_NOT_FOUND:
      /* Unchanged, or a document the server has none of (next year's
       * calendar, most of the year): the copy in use stays. */
      break;

    case SOUP_STATUS_UNAUTHORIZED:
      g_set_error_literal (&error, SIGAP_CENTRAL_DOCUMENTS_ERROR,
                           SIGAP_CENTRAL_DOCUMENTS_ERROR_UNAUTHORIZED,
                           _("Your sign-in to the server has expired, so the platform rules "
                             "and the holiday calendar were not downloaded. Sign in again; "
                             "Sigap keeps using the copies it has."));
      refresh_return (task, g_steal_pointer (&error));
      return;

    default:
      code = dup_error_code (bytes);

      /* A proxy or a captive portal answers, not Sigap's server. */
      if (code == NULL && (status == SOUP_STATUS_BAD_GATEWAY ||
                           status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
                           status == SOUP_STATUS_GATEWAY_TIMEOUT))
        {
          set_network_error (data, &error);
          refresh_return (task, g_steal_pointer (&error));
          return;
        }

      if (data->error == NULL)
        {
          g_autofree char *label = document_label (target->kind, target->year);
          g_autofree char *detail = code != NULL ? g_strdup_printf ("%u %s", status, code)
                                                 : g_strdup_printf ("%u", status);

          g_set_error (&data->error, SIGAP_CENTRAL_DOCUMENTS_ERROR,
                       SIGAP_CENTRAL_DOCUMENTS_ERROR_SERVER,
                       /* Translators: the second %s is "the platform rules" or
                        * "the holiday calendar for 2026", the third the HTTP
                        * status */
                       _("The server at %s could not send %s (%s). Sigap keeps using the copy "
                         "it has; try again later, or report the problem to Diskominfo."),
                       data->server_url, label, detail);
        }
      break;
    }

  data->index++;
  fetch_next (g_steal_pointer (&task));
}

/* Asks for the next document, or ends the refresh; takes @task. */
static void
fetch_next (GTask *task)
{
  SigapCentralDocuments *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  SoupMessageHeaders *headers;
  SigapCentralDocument *current;
  const Target *target;

  if (data->index == data->n_targets)
    {
      refresh_return (task, NULL);
      g_object_unref (task);
      return;
    }

  target = &data->targets[data->index];
  if (target->kind == SIGAP_CENTRAL_DOCUMENT_PLATFORMS)
    url = g_strconcat (data->server_url, "/api/v1/rules/platforms", NULL);
  else if (target->kind == SIGAP_CENTRAL_DOCUMENT_SLA)
    url = g_strconcat (data->server_url, "/api/v1/rules/sla", NULL);
  else if (target->kind == SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE)
    url = g_strconcat (data->server_url, "/api/v1/rules/report-template", NULL);
  else if (target->kind == SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES)
    url = g_strconcat (data->server_url, "/api/v1/rules/post-templates", NULL);
  else
    url = g_strdup_printf ("%s/api/v1/calendar/holidays?year=%d", data->server_url,
                           target->year);

  msg = soup_message_new (SOUP_METHOD_GET, url);
  if (msg == NULL)
    {
      g_autoptr(GError) error = NULL;

      set_network_error (data, &error);
      refresh_return (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (msg);
  auth = g_strconcat ("Bearer ", data->token, NULL);
  soup_message_headers_replace (headers, "Authorization", auth);

  /* Only a downloaded copy: the shipped one says nothing about the
   * server. */
  current = lookup (self, target->kind, target->year);
  if (current != NULL && current->source == SIGAP_CENTRAL_SOURCE_SERVER)
    {
      g_autofree char *etag = g_strdup_printf ("\"%s\"", current->version);

      soup_message_headers_replace (headers, "If-None-Match", etag);
    }

  soup_session_send_and_read_async (data->session, msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), fetched_cb, task);
}

/* }}} */

static void
sigap_central_documents_constructed (GObject *object)
{
  SigapCentralDocuments *self = (SigapCentralDocuments *)object;

  G_OBJECT_CLASS (sigap_central_documents_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), "sigap", "central", NULL);

  if (self->year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->year = g_date_time_get_year (now);
    }
}

static void
sigap_central_documents_dispose (GObject *object)
{
  SigapCentralDocuments *self = (SigapCentralDocuments *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (sigap_central_documents_parent_class)->dispose (object);
}

static void
sigap_central_documents_finalize (GObject *object)
{
  SigapCentralDocuments *self = (SigapCentralDocuments *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->documents, g_hash_table_unref);

  G_OBJECT_CLASS (sigap_central_documents_parent_class)->finalize (object);
}

static void
sigap_central_documents_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SigapCentralDocuments *self = SIGAP_CENTRAL_DOCUMENTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_central_documents_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SigapCentralDocuments *self = SIGAP_CENTRAL_DOCUMENTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_central_documents_class_init (SigapCentralDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sigap_central_documents_constructed;
  object_class->dispose = sigap_central_documents_dispose;
  object_class->finalize = sigap_central_documents_finalize;
  object_class->get_property = sigap_central_documents_get_property;
  object_class->set_property = sigap_central_documents_set_property;

  /**
   * SigapCentralDocuments:directory:
   *
   * The folder of the downloaded copies; by default "sigap/central" in
   * the user's data folder ($XDG_DATA_HOME).
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SigapCentralDocuments:year:
   *
   * The year whose holiday calendar a refresh downloads, with the next
   * one's; 0 at construction means this year.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, 2100, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapCentralDocuments::changed:
   * @self: the documents
   *
   * Emitted when a refresh put a new copy of a document in use.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_central_documents_init (SigapCentralDocuments *self)
{
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           document_free);
}

/**
 * sigap_central_document_ref:
 * @self: a #SigapCentralDocument
 *
 * Returns: (transfer full): @self
 */
SigapCentralDocument *
sigap_central_document_ref (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);

  return self;
}

void
sigap_central_document_unref (SigapCentralDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  json_node_unref (self->root);
  g_free (self->version);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self);
}

SigapCentralDocumentKind
sigap_central_document_get_kind (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, SIGAP_CENTRAL_DOCUMENT_PLATFORMS);

  return self->kind;
}

/**
 * sigap_central_document_get_name:
 * @self: a #SigapCentralDocument
 *
 * Returns: "platforms", "sla", "report-template", "post-templates" or
 *   "holidays/YYYY", as the server names it
 */
const char *
sigap_central_document_get_name (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * sigap_central_document_get_source:
 * @self: a #SigapCentralDocument
 *
 * Returns: %SIGAP_CENTRAL_SOURCE_SERVER for a copy downloaded from the
 *   server, %SIGAP_CENTRAL_SOURCE_SHIPPED for the file shipped with Sigap
 */
SigapCentralSource
sigap_central_document_get_source (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, SIGAP_CENTRAL_SOURCE_NONE);

  return self->source;
}

/**
 * sigap_central_document_get_root:
 * @self: a #SigapCentralDocument
 *
 * Returns: (transfer none): the document, checked to have its kind's
 *   shape; read-only
 */
JsonNode *
sigap_central_document_get_root (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

/**
 * sigap_central_document_get_object:
 * @self: a #SigapCentralDocument
 *
 * Returns: (transfer none): the document's object, as in
 *   {"format": 1, "platforms": […]}; read-only
 */
JsonObject *
sigap_central_document_get_object (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return json_node_get_object (self->root);
}

/**
 * sigap_central_document_get_version:
 * @self: a #SigapCentralDocument
 *
 * Returns: the SHA-256 of the document's bytes in hexadecimal, as the
 *   server computes it (its ETag, within quotes)
 */
const char *
sigap_central_document_get_version (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->version;
}

/**
 * sigap_central_document_get_updated_at:
 * @self: a #SigapCentralDocument
 *
 * Returns: (transfer none) (nullable): when a verifikator stored this
 *   version on the server; %NULL for a file shipped with Sigap or with
 *   the server
 */
GDateTime *
sigap_central_document_get_updated_at (SigapCentralDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->updated_at;
}

/**
 * sigap_central_documents_read_shipped:
 * @name: a document's name, "platforms", "sla", "report-template",
 *   "post-templates" or "holidays/YYYY"
 * @error: return location for a #GError
 *
 * Reads the file NAME.json shipped with Sigap (data/ in the source tree):
 * from $SIGAP_DATA_DIR if it is set, then from the installed
 * share/sigap. The server answers these until a verifikator stores a
 * copy; the desktop uses them until it downloads one.
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL with
 *   %G_FILE_ERROR_NOENT when no folder has it
 */
GBytes *
sigap_central_documents_read_shipped (const char  *name,
                                      GError     **error)
{
  g_autofree char *relative = NULL;
  const char *dirs[] = { g_getenv ("SIGAP_DATA_DIR"), PKGDATADIR };

  g_return_val_if_fail (name != NULL, NULL);

  relative = g_strconcat (name, ".json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) local_error = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;

      path = g_build_filename (dirs[i], relative, NULL);
      if (g_file_get_contents (path, &contents, &length, &local_error))
        return g_bytes_new_take (contents, length);

      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Cannot read %s: %s", path, local_error->message);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No shipped document %s", name);

  return NULL;
}

/**
 * sigap_central_documents_new:
 * @directory: (nullable): the folder of the downloaded copies, or %NULL
 *   for "sigap/central" in the user's data folder
 * @year: the year whose holiday calendar (and the next year's) a refresh
 *   downloads, or 0 for this year
 *
 * Returns: (transfer full): the documents; each is read on first use
 */
SigapCentralDocuments *
sigap_central_documents_new (const char *directory,
                             int         year)
{
  g_return_val_if_fail (year == 0 || sigap_central_schema_year_is_valid (year), NULL);

  return g_object_new (SIGAP_TYPE_CENTRAL_DOCUMENTS,
                       "directory", directory,
                       "year", year,
                       NULL);
}

const char *
sigap_central_documents_get_directory (SigapCentralDocuments *self)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), NULL);

  return self->directory;
}

int
sigap_central_documents_get_year (SigapCentralDocuments *self)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), 0);

  return self->year;
}

/**
 * sigap_central_documents_get_platforms:
 * @self: a #SigapCentralDocuments
 *
 * Returns: (transfer none) (nullable): the platform rules in use until
 *   the next refresh (take a reference to keep them longer); %NULL when
 *   there is no copy at all
 */
SigapCentralDocument *
sigap_central_documents_get_platforms (SigapCentralDocuments *self)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), NULL);

  return lookup (self, SIGAP_CENTRAL_DOCUMENT_PLATFORMS, 0);
}

/**
 * sigap_central_documents_get_sla:
 * @self: a #SigapCentralDocuments
 *
 * Returns: (transfer none) (nullable): the service levels in use until
 *   the next refresh (take a reference to keep them longer); %NULL when
 *   there is no copy at all
 */
SigapCentralDocument *
sigap_central_documents_get_sla (SigapCentralDocuments *self)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), NULL);

  return lookup (self, SIGAP_CENTRAL_DOCUMENT_SLA, 0);
}

/**
 * sigap_central_documents_get_report_template:
 * @self: a #SigapCentralDocuments
 *
 * The monthly report's template Diskominfo sets: its title, letterhead
 * and sections (data/report-template.json, docs/api.md).
 *
 * Returns: (transfer none) (nullable): the template in use until the
 *   next refresh (take a reference to keep it longer); %NULL when there
 *   is no copy at all
 */
SigapCentralDocument *
sigap_central_documents_get_report_template (SigapCentralDocuments *self)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), NULL);

  return lookup (self, SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE, 0);
}

/**
 * sigap_central_documents_get_post_templates:
 * @self: a #SigapCentralDocuments
 *
 * The post templates and hashtag sets Diskominfo keeps for every OPD
 * (data/post-templates.json, docs/api.md); read them with
 * sigap_post_templates_new_from_document().
 *
 * Returns: (transfer none) (nullable): the document in use until the
 *   next refresh (take a reference to keep it longer); %NULL when there
 *   is no copy at all
 */
SigapCentralDocument *
sigap_central_documents_get_post_templates (SigapCentralDocuments *self)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), NULL);

  return lookup (self, SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES, 0);
}

/**
 * sigap_central_documents_get_holidays:
 * @self: a #SigapCentralDocuments
 * @year: a year
 *
 * Returns: (transfer none) (nullable): @year's holiday calendar in use
 *   until the next refresh (take a reference to keep it longer); %NULL
 *   when there is no copy for @year
 */
SigapCentralDocument *
sigap_central_documents_get_holidays (SigapCentralDocuments *self,
                                      int                    year)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), NULL);

  if (!sigap_central_schema_year_is_valid (year))
    return NULL;

  return lookup (self, SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, year);
}

/**
 * sigap_central_documents_refresh_async:
 * @self: a #SigapCentralDocuments
 * @session: (nullable): the session to send the requests with, or %NULL
 *   for the documents' own
 * @server_url: the server's base URL, as in "https://sigap.example.go.id"
 * @token: the signed-in user's token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every document was asked for
 * @user_data: data for @callback
 *
 * Asks the server for the platform rules, the holiday calendars of
 * #SigapCentralDocuments:year and the next year, the service levels, the
 * report template and the post templates (in that order), and puts each new copy
 * in use once it is checked and saved. A document the server has not
 * changed (304) or has none of (404) keeps the copy in use; so does one
 * whose answer is an error or has the wrong shape, while the others are
 * still asked for.
 */
void
sigap_central_documents_refresh_async (SigapCentralDocuments *self,
                                       SoupSession           *session,
                                       const char            *server_url,
                                       const char            *token,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  RefreshData *data;
  gsize length;

  g_return_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self));
  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_central_documents_refresh_async);

  if (self->refreshing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("Sigap is already downloading the platform rules and the "
                                 "holiday calendar."));
      return;
    }

  if (session == NULL)
    {
      if (self->session == NULL)
        self->session = soup_session_new_with_options ("timeout", 60,
                                                       "user-agent", "Sigap/" PACKAGE_VERSION,
                                                       NULL);
      session = self->session;
    }

  data = g_new0 (RefreshData, 1);
  data->session = g_object_ref (session);
  data->server_url = g_strdup (server_url);
  length = strlen (data->server_url);
  while (length > 0 && data->server_url[length - 1] == '/')
    data->server_url[--length] = '\0';
  data->token = g_strdup (token);

  data->targets[data->n_targets++] = (Target) { SIGAP_CENTRAL_DOCUMENT_PLATFORMS, 0 };
  data->targets[data->n_targets++] = (Target) { SIGAP_CENTRAL_DOCUMENT_HOLIDAYS, self->year };
  /* A complaint received in late December is due in January. */
  if (sigap_central_schema_year_is_valid (self->year + 1))
    data->targets[data->n_targets++] = (Target) { SIGAP_CENTRAL_DOCUMENT_HOLIDAYS,
                                                  self->year + 1 };
  data->targets[data->n_targets++] = (Target) { SIGAP_CENTRAL_DOCUMENT_SLA, 0 };
  data->targets[data->n_targets++] = (Target) { SIGAP_CENTRAL_DOCUMENT_REPORT_TEMPLATE, 0 };
  data->targets[data->n_targets++] = (Target) { SIGAP_CENTRAL_DOCUMENT_POST_TEMPLATES, 0 };
  g_assert (data->n_targets <= G_N_ELEMENTS (data->targets));
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  self->refreshing = TRUE;
  fetch_next (g_steal_pointer (&task));
}

/**
 * sigap_central_documents_refresh_finish:
 * @self: a #SigapCentralDocuments
 * @result: the #GAsyncResult
 * @error: return location for a #SigapCentralDocumentsError (the first
 *   document that could not be refreshed), or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE if every document was asked for and each answer was
 *   used or had nothing new
 */
gboolean
sigap_central_documents_refresh_finish (SigapCentralDocuments  *self,
                                        GAsyncResult           *result,
                                        GError                **error)
{
  g_return_val_if_fail (SIGAP_IS_CENTRAL_DOCUMENTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
