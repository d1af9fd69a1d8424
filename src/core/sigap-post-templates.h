/* sigap-post-templates.h
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sigap-types.h"
#include "sigap-central-documents.h"

G_BEGIN_DECLS

/**
 * SigapPostTemplateKind:
 * @SIGAP_POST_TEMPLATE_KIND_GREETING: a greeting for a national day,
 *   "greeting" in the document
 * @SIGAP_POST_TEMPLATE_KIND_ANNOUNCEMENT: a service announcement,
 *   "announcement" in the document
 */
typedef enum
{
  SIGAP_POST_TEMPLATE_KIND_GREETING,
  SIGAP_POST_TEMPLATE_KIND_ANNOUNCEMENT,
} SigapPostTemplateKind;

/**
 * SigapHashtagSet:
 * @id: the set's identifier, unique in the document
 * @name: the name to show
 * @hashtags: (array zero-terminated=1): the hashtags, each written "#…"
 * @opd_code: (nullable): the code of the OPD the set is for, or %NULL for
 *   a set of the whole regency
 *
 * A set of hashtags Diskominfo keeps for posts.
 */
typedef struct
{
  char  *id;
  char  *name;
  char **hashtags;
  char  *opd_code;
} SigapHashtagSet;

/**
 * SigapPostTemplate:
 * @id: the template's identifier, unique in the document
 * @name: the name to show
 * @kind: a greeting or an announcement
 * @category: the category a post written from it gets
 * @body: the text, with the placeholders {opd}, {tanggal} and {tahun}
 *   (see sigap_post_template_fill())
 * @date: (nullable): the day the template is for every year, "MM-DD", or
 *   %NULL
 * @month: @date's month, 1 to 12, or 0 without a date
 * @day: @date's day of the month, or 0 without a date
 *
 * A post template Diskominfo keeps for every OPD.
 */
typedef struct
{
  char                  *id;
  char                  *name;
  SigapPostTemplateKind  kind;
  SigapContentCategory   category;
  char                  *body;
  char                  *date;
  int                    month;
  int                    day;
} SigapPostTemplate;

#define SIGAP_TYPE_HASHTAG_SET    (sigap_hashtag_set_get_type ())
#define SIGAP_TYPE_POST_TEMPLATE  (sigap_post_template_get_type ())
#define SIGAP_TYPE_POST_TEMPLATES (sigap_post_templates_get_type ())

typedef struct _SigapPostTemplates SigapPostTemplates;

GType               sigap_hashtag_set_get_type             (void) G_GNUC_CONST;
SigapHashtagSet    *sigap_hashtag_set_copy                 (const SigapHashtagSet   *self);
void                sigap_hashtag_set_free                 (SigapHashtagSet         *self);

GType               sigap_post_template_get_type           (void) G_GNUC_CONST;
SigapPostTemplate  *sigap_post_template_copy               (const SigapPostTemplate *self);
void                sigap_post_template_free               (SigapPostTemplate       *self);
const char         *sigap_post_template_kind_to_string     (SigapPostTemplateKind    kind);
int                 sigap_post_template_days_until         (const SigapPostTemplate *self,
                                                            GDateTime               *today);
gboolean            sigap_post_template_check_body         (const char              *body,
                                                            char                   **problem);
char               *sigap_post_template_fill               (const char              *body,
                                                            const char              *opd_name,
                                                            GDateTime               *date);

GType               sigap_post_templates_get_type          (void) G_GNUC_CONST;
SigapPostTemplates *sigap_post_templates_new_from_json     (JsonNode                *root,
                                                            GError                 **error);
SigapPostTemplates *sigap_post_templates_new_from_document (SigapCentralDocument    *document);
SigapPostTemplates *sigap_post_templates_new_for_documents (SigapCentralDocuments   *documents);
SigapPostTemplates *sigap_post_templates_ref               (SigapPostTemplates      *self);
void                sigap_post_templates_unref             (SigapPostTemplates      *self);
GPtrArray          *sigap_post_templates_get_hashtag_sets  (SigapPostTemplates      *self);
GPtrArray          *sigap_post_templates_get_templates     (SigapPostTemplates      *self);
const SigapPostTemplate *
                    sigap_post_templates_lookup            (SigapPostTemplates      *self,
                                                            const char              *id);
GPtrArray          *sigap_post_templates_for_opd           (SigapPostTemplates      *self,
                                                            const char              *opd_code);
GPtrArray          *sigap_post_templates_sort_for_date     (SigapPostTemplates      *self,
                                                            GDateTime               *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapHashtagSet, sigap_hashtag_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPostTemplate, sigap_post_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPostTemplates, sigap_post_templates_unref)

G_END_DECLS
