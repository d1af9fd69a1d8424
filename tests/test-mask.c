/* test-mask.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sigap-core.h"

typedef struct
{
  const char *input;
  const char *expected;
} Case;

static void
check_cases (char       *(*mask) (const char *),
             const char  *what,
             const Case  *cases,
             guint        n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *got = mask (cases[i].input);

      if (g_strcmp0 (got, cases[i].expected) != 0)
        g_error ("%s '%s': expected '%s', got '%s'", what, cases[i].input, cases[i].expected,
                 got);
      g_assert_true (got == NULL || g_utf8_validate (got, -1, NULL));
    }
}

static void
test_names (void)
{
  static const Case cases[] = {
    { "Budi Santoso", "B*** S******" },
    { "  Budi   Santoso \n", "B*** S******" },
    { "Budi\nSantoso", "B*** S******" },
    { "Siti", "S***" },
    { "A", "A" },
    { "I Gusti Ngurah Rai", "I G**** N***** R**" },
    { "Nur'aini", "N*******" },
    { "H. Ahmad", "H* A****" },
    /* UTF-8: a star a character, not a byte. */
    { "Ñoño Müller", "Ñ*** M*****" },
    { "王小明", "王**" },
    { "😀 Budi", "😀 B***" },
    /* The same name decomposed: NFC first. */
    { "N\xcc\x83on\xcc\x83o", "Ñ***" },
    /* Marks that do not compose stay with their letter, and are not
     * counted after it. */
    { "e\xcc\xa3\xcc\x81x\xcc\x81y", "\xe1\xba\xb9\xcc\x81**" },
    /* Invalid UTF-8 is replaced, then masked. */
    { "Bud\xffi", "B****" },
    { "\xff\xfe", "\xef\xbf\xbd*" },
    { "", "" },
    { "   ", "" },
    { NULL, NULL },
  };

  check_cases (sigap_mask_name, "name", cases, G_N_ELEMENTS (cases));
}

static void
test_phones (void)
{
  static const Case cases[] = {
    { "0812-3456-7890", "****-****-*890" },
    { "+62 812-3456-7890", "+** ***-****-*890" },
    { "081234567890", "*********890" },
    { "(0274) 512345", "(****) ***345" },
    { " 0812 3456 7890\n", "**** **** *890" },
    { "0812\t3456\t7890", "**** **** *890" },
    { "1234567", "****567" },
    /* Too short to keep anything. */
    { "123456", "******" },
    { "112", "***" },
    { "0812 ext 5", "**** *** *" },
    /* Other digits are digits too. */
    { "\xd9\xa0\xd9\xa8\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6\xd9\xa7\xd9\xa8\xd9\xa9",
      "********\xd9\xa7\xd9\xa8\xd9\xa9" },
    { "", "" },
    { "-", "-" },
    { NULL, NULL },
  };

  check_cases (sigap_mask_phone, "phone", cases, G_N_ELEMENTS (cases));
}

static void
test_emails (void)
{
  static const Case cases[] = {
    { "budi.santoso@gmail.com", "b*****@gmail.com" },
    { "B@x.id", "B*****@x.id" },
    { " ñandu@example.com ", "ñ*****@example.com" },
    { "@gmail.com", "*****@gmail.com" },
    { "a@b@c.com", "a*****@c.com" },
    { "budi@", "b*****@" },
    { "noatsign", "n*****" },
    { "", "" },
    { "  ", "" },
    { NULL, NULL },
  };

  check_cases (sigap_mask_email, "e-mail", cases, G_N_ELEMENTS (cases));
}

static void
test_handles (void)
{
  static const Case cases[] = {
    { "@budi_santoso", "@b*****" },
    { "budi_santoso", "@b*****" },
    { "budi.santoso88", "@b*****" },
    { "@b", "@b*****" },
    { "@@x", "@x*****" },
    { "@ñandu", "@ñ*****" },
    { "Budi Santoso", "@B*****" },
    { "@ budi", "@*****" },
    { "@", "@*****" },
    { "", "" },
    { NULL, NULL },
  };

  check_cases (sigap_mask_handle, "handle", cases, G_N_ELEMENTS (cases));
}

static void
test_contacts (void)
{
  static const Case cases[] = {
    { "0812-3456-7890", "****-****-*890" },
    { "+62 812 3456 7890", "+** *** **** *890" },
    { "budi@gmail.com", "b*****@gmail.com" },
    { " @budi", "@b*****" },
    { "Jl. Merdeka 5", "J** M****** 5" },
    { "", "" },
    { NULL, NULL },
  };

  check_cases (sigap_mask_contact, "contact", cases, G_N_ELEMENTS (cases));
}

static void
test_roles (void)
{
  for (int owns = 0; owns <= 1; owns++)
    for (int public_issue = 0; public_issue <= 1; public_issue++)
      {
        g_assert_true (sigap_mask_role_may_see (SIGAP_ROLE_VERIFIKATOR, owns, public_issue));
        g_assert_cmpint (sigap_mask_role_may_see (SIGAP_ROLE_ADMIN_OPD, owns, public_issue), ==,
                         owns);
        g_assert_cmpint (sigap_mask_role_may_see (SIGAP_ROLE_TRC, owns, public_issue), ==,
                         public_issue);
        g_assert_false (sigap_mask_role_may_see (SIGAP_ROLE_PIMPINAN, owns, public_issue));
      }
}

static void
test_complaints (void)
{
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();

  sigap_complaint_set_opd_id (complaint, "opd-a");
  sigap_complaint_set_citizen_name (complaint, "Budi Santoso");

  g_assert_true (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_ADMIN_OPD, "opd-a"));
  g_assert_false (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_ADMIN_OPD, "opd-b"));
  g_assert_false (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_ADMIN_OPD, NULL));
  g_assert_true (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_VERIFIKATOR, NULL));
  g_assert_false (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_TRC, "opd-a"));
  g_assert_false (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_PIMPINAN, "opd-a"));

  /* Presentation mode masks for everyone; outside it, for those who do
   * not handle the complaint. */
  g_assert_false (sigap_mask_should_mask (complaint, SIGAP_ROLE_ADMIN_OPD, "opd-a", FALSE));
  g_assert_true (sigap_mask_should_mask (complaint, SIGAP_ROLE_ADMIN_OPD, "opd-a", TRUE));
  g_assert_true (sigap_mask_should_mask (complaint, SIGAP_ROLE_ADMIN_OPD, "opd-b", FALSE));
  g_assert_true (sigap_mask_should_mask (complaint, SIGAP_ROLE_VERIFIKATOR, NULL, TRUE));
  g_assert_true (sigap_mask_should_mask (complaint, SIGAP_ROLE_PIMPINAN, "opd-a", FALSE));

  /* A public issue opens it to the TRC. */
  sigap_complaint_set_public_issue (complaint, TRUE);
  g_assert_true (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_TRC, "opd-diskominfo"));
  g_assert_false (sigap_mask_should_mask (complaint, SIGAP_ROLE_TRC, "opd-diskominfo", FALSE));
  g_assert_false (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_PIMPINAN, "opd-a"));

  /* A complaint routed to no OPD belongs to no OPD's admin, not even
   * one without an OPD. */
  sigap_complaint_set_opd_id (complaint, NULL);
  g_assert_false (sigap_mask_may_see_complaint (complaint, SIGAP_ROLE_ADMIN_OPD, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mask/names", test_names);
  g_test_add_func ("/mask/phones", test_phones);
  g_test_add_func ("/mask/emails", test_emails);
  g_test_add_func ("/mask/handles", test_handles);
  g_test_add_func ("/mask/contacts", test_contacts);
  g_test_add_func ("/mask/roles", test_roles);
  g_test_add_func ("/mask/complaints", test_complaints);

  return g_test_run ();
}
