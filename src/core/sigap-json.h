/* sigap-json.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-post.h"

G_BEGIN_DECLS

#define SIGAP_JSON_ERROR (sigap_json_error_quark ())

/**
 * SigapJsonError:
 * @SIGAP_JSON_ERROR_UNKNOWN_FIELD: the object has a member that is not allowed
 * @SIGAP_JSON_ERROR_WRONG_TYPE: a member has the wrong JSON type
 * @SIGAP_JSON_ERROR_INVALID_VALUE: a member has the right type but a value
 *   the record cannot take (an unknown enum nick, an int out of range)
 *
 * The messages are English sentences for programs (API clients, logs),
 * not for people: they are not translated.
 */
typedef enum
{
  SIGAP_JSON_ERROR_UNKNOWN_FIELD,
  SIGAP_JSON_ERROR_WRONG_TYPE,
  SIGAP_JSON_ERROR_INVALID_VALUE,
  SIGAP_JSON_ERROR_SYNTAX,
} SigapJsonError;

/**
 * SigapJsonKind:
 * @SIGAP_JSON_NULL: null
 * @SIGAP_JSON_BOOLEAN: true or false
 * @SIGAP_JSON_INT: a number without fraction or exponent that fits a gint64
 * @SIGAP_JSON_DOUBLE: any other number
 * @SIGAP_JSON_STRING: a string
 * @SIGAP_JSON_ARRAY: an array
 * @SIGAP_JSON_OBJECT: an object
 *
 * The kinds of value in a #SigapJsonDoc.
 */
typedef enum
{
  SIGAP_JSON_NULL,
  SIGAP_JSON_BOOLEAN,
  SIGAP_JSON_INT,
  SIGAP_JSON_DOUBLE,
  SIGAP_JSON_STRING,
  SIGAP_JSON_ARRAY,
  SIGAP_JSON_OBJECT,
} SigapJsonKind;

typedef struct _SigapJsonDoc   SigapJsonDoc;
typedef struct _SigapJsonValue SigapJsonValue;

/**
 * SigapJsonIter:
 *
 * Walks the members of an object or the elements of an array of a
 * #SigapJsonDoc; see sigap_json_iter_init(). Its fields are private.
 */
typedef struct
{
  /*< private >*/
  const SigapJsonValue *next;
  guint remaining;
  gboolean object;
} SigapJsonIter;

GQuark      sigap_json_error_quark        (void);

char       *sigap_json_member_name        (const char          *property_name);

JsonObject *sigap_json_object_from_record (GObject             *record,
                                           const char * const  *exclude);
JsonObject *sigap_json_object_from_post   (SigapPost           *post);

gboolean    sigap_json_check_members      (JsonObject          *object,
                                           const char * const  *allowed,
                                           char               **field,
                                           GError             **error);
gboolean    sigap_json_apply_to_record    (JsonObject          *object,
                                           GObject             *record,
                                           const char * const  *members,
                                           char               **field,
                                           GError             **error);

void        sigap_json_append_string      (GString             *out,
                                           const char          *text);

SigapJsonDoc         *sigap_json_doc_parse              (const char            *data,
                                                         gsize                  length,
                                                         GError               **error);
void                  sigap_json_doc_free               (SigapJsonDoc          *doc);
const SigapJsonValue *sigap_json_doc_get_root           (SigapJsonDoc          *doc);

SigapJsonKind         sigap_json_value_get_kind         (const SigapJsonValue  *value);
const char           *sigap_json_value_get_string       (const SigapJsonValue  *value);
gint64                sigap_json_value_get_int          (const SigapJsonValue  *value);
gboolean              sigap_json_value_get_boolean      (const SigapJsonValue  *value);
guint                 sigap_json_value_get_length       (const SigapJsonValue  *value);
const SigapJsonValue *sigap_json_value_get_member       (const SigapJsonValue  *object,
                                                         const char            *name);
const char           *sigap_json_value_get_string_member (const SigapJsonValue *object,
                                                          const char           *name);

void                  sigap_json_iter_init              (SigapJsonIter         *iter,
                                                         const SigapJsonValue  *container);
gboolean              sigap_json_iter_next              (SigapJsonIter         *iter,
                                                         const char           **name,
                                                         const SigapJsonValue **value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapJsonDoc, sigap_json_doc_free)

G_END_DECLS
