package io.tiergate.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text the pages show, in English; {@code messages/msg_de.properties} is the German one. A further
 * language is one more file: {@code msg_<locale>.properties}, and its locale added to {@code quarkus.locales}.
 */
@MessageBundle(locale = "en")
public interface Messages {

    @Message("Account")
    String account();

    @Message("Accounts")
    String accounts();

    @Message("Actions")
    String actions();

    @Message("against")
    String against();

    @Message("Actor")
    String actor();

    @Message("Add member")
    String add_member();

    @Message("Added")
    String added();

    @Message("Age")
    String age();

    @Message("Applicant")
    String applicant();

    @Message("Approvals")
    String approvals();

    @Message("Approve")
    String approve();

    @Message("Back to your home page")
    String back_home();

    @Message("Back to the list")
    String back_to_list();

    @Message("Back to the queue")
    String back_to_queue();

    @Message("break-glass")
    String break_glass();

    @Message("Break glass: in force at once, without a second officer (flagged for review)")
    String break_glass_option();

    @Message("Issued alone by a platform admin: review it")
    String break_glass_review();

    @Message("Budget")
    String budget();

    @Message("Campaign")
    String campaign();

    @Message("Extraction campaigns, highest score first")
    String campaigns_title();

    @Message("Capability")
    String capability();

    @Message("cases in review")
    String cases_in_review();

    @Message("Suspend, revoke or reinstate")
    String change_grant();

    @Message("Changed")
    String changed();

    @Message("Claim this case")
    String claim();

    @Message("Claimed by")
    String claimed_by();

    @Message("Claims")
    String claims();

    @Message("Duplicate-identity cluster")
    String cluster_heading();

    @Message("Confirm")
    String confirm();

    @Message("Confirm: suspend the members")
    String confirm_campaign();

    @Message("Confirmed by")
    String confirmed();

    @Message("Contact and device (optional)")
    String contact_optional();

    @Message("Containment")
    String containment();

    @Message("Created")
    String created();

    @Message("Welcome, {name}")
    String customer_home_title(String name);

    @Message("Record the decision")
    String decide();

    @Message("Decide")
    String decide_heading();

    @Message("Decided")
    String decided();

    @Message("denied in")
    String denied_in();

    @Message("Deny")
    String deny();

    @Message("Deny to everyone")
    String deny_all();

    @Message("Description")
    String description();

    @Message("Against the version in force")
    String diff_against_in_force();

    @Message("Emergency directives")
    String directives_title();

    @Message("Dismiss: lift containment")
    String dismiss_campaign();

    @Message("Document")
    String document();

    @Message("National ID card")
    String document_national_id();

    @Message("Identity document (optional)")
    String document_optional();

    @Message("Passport")
    String document_passport();

    @Message("Entry")
    String entry();

    @Message("Canonical bytes (RFC 8785)")
    String entry_bytes();

    @Message("This page belongs to another role. Ask an administrator if you need it.")
    String error_forbidden();

    @Message("Not for your role")
    String error_forbidden_title();

    @Message("There is no such page or record.")
    String error_not_found();

    @Message("Not found")
    String error_not_found_title();

    @Message("Something went wrong")
    String error_title();

    @Message("Decide under this version")
    String evaluate();

    @Message("Evidence")
    String evidence();

    @Message("Expires")
    String expires();

    @Message("Allowed nationalities")
    String field_allowedNationalities();

    @Message("Beneficial owners")
    String field_beneficialOwners();

    @Message("Comment (optional)")
    String field_comment();

    @Message("Country of incorporation")
    String field_countryOfIncorporation();

    @Message("Date of birth")
    String field_dateOfBirth();

    @Message("Denied jurisdictions")
    String field_deniedJurisdictions();

    @Message("Device identifier")
    String field_deviceId();

    @Message("Expiry date")
    String field_documentExpiryDate();

    @Message("Issuing country")
    String field_documentIssuingCountry();

    @Message("Machine-readable zone")
    String field_documentMrz();

    @Message("Document number")
    String field_documentNumber();

    @Message("Document type")
    String field_documentType();

    @Message("Email")
    String field_email();

    @Message("Expires at (optional)")
    String field_expiresAt();

    @Message("Family name")
    String field_familyName();

    @Message("Given name")
    String field_givenName();

    @Message("Intended use")
    String field_intendedUse();

    @Message("Justification")
    String field_justification();

    @Message("Kind")
    String field_kind();

    @Message("Legal name")
    String field_legalName();

    @Message("Nationalities")
    String field_nationalities();

    @Message("For an organization (optional)")
    String field_organizationId();

    @Message("Phone")
    String field_phone();

    @Message("Policy document (JSON)")
    String field_policyDocument();

    @Message("Reason")
    String field_reason();

    @Message("Registration number")
    String field_registrationNumber();

    @Message("Representatives")
    String field_representatives();

    @Message("Country of residence")
    String field_residenceCountry();

    @Message("File the request")
    String file_request();

    @Message("Filter")
    String filter();

    @Message("First seen")
    String first_seen();

    @Message("Flagged at (event time)")
    String flagged_at();

    @Message("All required approvals are given.")
    String four_eyes_complete();

    @Message("Four eyes: {count} approval(s) remain, each by a different officer.")
    String four_eyes_remaining(int count);

    @Message("Grant")
    String grant();

    @Message("Granted by")
    String granted_by();

    @Message("model:feature, model:* or *")
    String hint_capability();

    @Message("ISO country codes, separated by commas, e.g. DE, FR")
    String hint_countries();

    @Message("ISO country code, e.g. DE")
    String hint_country();

    @Message("ISO-8601 instant, e.g. 2027-01-31T00:00:00Z")
    String hint_instant();

    @Message("The two or three lines at the bottom of the document, as printed")
    String hint_mrz();

    @Message("The organization id, if you ask on its behalf")
    String hint_organization();

    @Message("One per line: name, nationality, percent held (25 to 100)")
    String hint_owners();

    @Message("International format, e.g. +49 30 1234567")
    String hint_phone();

    @Message("The document the API takes: version, description, capabilities")
    String hint_policy();

    @Message("One per line: name, nationality")
    String hint_representatives();

    @Message("History")
    String history();

    @Message("Holder")
    String holder();

    @Message("duplicate identity")
    String in_cluster();

    @Message("in force")
    String in_force();

    @Message("Issue a directive")
    String issue_directive();

    @Message("Issued")
    String issued();

    @Message("Jurisdiction")
    String jurisdiction();

    @Message("Keys: j and k move through a queue, Enter opens, / searches.")
    String keyboard_hint();

    @Message("Kind")
    String kind();

    @Message("Company")
    String kind_company();

    @Message("Government agency")
    String kind_government();

    @Message("Research institution")
    String kind_research();

    @Message("en")
    String lang();

    @Message("Last seen")
    String last_seen();

    @Message("Leaf hash")
    String leaf_hash();

    @Message("Linked by")
    String linked_by();

    @Message("List")
    String list();

    @Message("List entry")
    String list_entry();

    @Message("version")
    String list_version();

    @Message("Matched on")
    String matched_fields();

    @Message("Matched name")
    String matched_name();

    @Message("Members")
    String members();

    @Message("Your account id (give it to your organization to be added)")
    String my_account_id();

    @Message("name")
    String name_score();

    @Message("Campaigns")
    String nav_campaigns();

    @Message("Directives")
    String nav_directives();

    @Message("Grants")
    String nav_grants();

    @Message("Home")
    String nav_home();

    @Message("Main")
    String nav_label();

    @Message("My tiers")
    String nav_my_tiers();

    @Message("My usage")
    String nav_my_usage();

    @Message("Officer home")
    String nav_officer();

    @Message("Verify my identity")
    String nav_onboarding();

    @Message("Register an organization")
    String nav_organization();

    @Message("Policies")
    String nav_policies();

    @Message("Review queue")
    String nav_reviews();

    @Message("Tier requests")
    String nav_tier_requests();

    @Message("Audit trail")
    String nav_trail();

    @Message("Network")
    String network();

    @Message("New draft")
    String new_draft();

    @Message("What happens next")
    String next_heading();

    @Message("A compliance officer reviews your case. This page refreshes by itself.")
    String next_in_review();

    @Message("This page refreshes by itself until your case is settled.")
    String next_other();

    @Message("Next page")
    String next_page();

    @Message("We could not verify you. Contact support with the reasons above.")
    String next_rejected();

    @Message("You are verified. Your public tier follows within seconds; you can request more.")
    String next_verified();

    @Message("no budget")
    String no_budget();

    @Message("No change.")
    String no_changes();

    @Message("This is the version in force, or none is in force yet.")
    String no_diff();

    @Message("No screening hit.")
    String no_hits();

    @Message("No tier yet.")
    String no_tiers();

    @Message("None found.")
    String none_found();

    @Message("You have not verified your identity yet. Model access starts with it.")
    String not_onboarded();

    @Message("Now")
    String now();

    @Message("Good to see you, {name}")
    String officer_home_title(String name);

    @Message("Tell us who you are. A document, contact and device are optional; they speed up the review.")
    String onboarding_intro();

    @Message("Verify your identity")
    String onboarding_title();

    @Message("Only nationals of")
    String only_nationals();

    @Message("campaigns open or contained")
    String open_campaigns();

    @Message("Organization id")
    String organization_id();

    @Message(
            "Know-your-business: the organization, its beneficial owners and representatives. You become a representative.")
    String organization_intro();

    @Message("Register an organization")
    String organization_new_title();

    @Message("Outcome")
    String outcome();

    @Message("Rejected")
    String outcome_rejected();

    @Message("Verified")
    String outcome_verified();

    @Message("directives awaiting confirmation")
    String pending_directives();

    @Message("tier requests pending")
    String pending_tier_requests();

    @Message("Pinned log key (verifier key)")
    String pinned_key();

    @Message("Paste the verifier key you obtained out of band (name+keyhash+key); it is kept in this browser.")
    String pinned_key_hint();

    @Message("Policy versions")
    String policies_title();

    @Message("The request was refused")
    String problem_title();

    @Message("Prompt families")
    String prompt_families();

    @Message("Publications waiting for a second officer")
    String publication_requests_title();

    @Message("Publish this version")
    String publish();

    @Message("Nothing waits here.")
    String queue_empty();

    @Message("Reasons")
    String reasons();

    @Message("Register")
    String register_organization();

    @Message("Reinstate")
    String reinstate();

    @Message("Remove")
    String remove();

    @Message("Removed")
    String removed();

    @Message("Request renewal")
    String renew();

    @Message("Renew a tier")
    String renew_heading();

    @Message("Request a tier")
    String request_tier();

    @Message("Requested")
    String requested();

    @Message("Requests left")
    String requests_left();

    @Message("Restriction")
    String restriction();

    @Message("Case")
    String review_case();

    @Message("Review queue, oldest first")
    String review_queue_title();

    @Message("Revoke")
    String revoke();

    @Message("Revoked")
    String revoked();

    @Message("Role")
    String role();

    @Message("Requested by")
    String requested_by();

    @Message("Roll back to the previous version")
    String rollback();

    @Message("Score")
    String score();

    @Message("{count} screening hit(s)")
    String screening_hits(int count);

    @Message("Screening hits")
    String screening_hits_heading();

    @Message("Search")
    String search();

    @Message("details")
    String see_details();

    @Message("See the grant")
    String see_grant();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Your Tiergate and Keycloak sessions have ended.")
    String signed_out_text();

    @Message("You are signed out")
    String signed_out_title();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Start verification")
    String start_onboarding();

    @Message("Status")
    String status();

    @Message("Store the draft")
    String store_draft();

    @Message("Subject")
    String subject();

    @Message("Submit for verification")
    String submit_claims();

    @Message("Submitted")
    String submitted();

    @Message("Suspend")
    String suspend();

    @Message("Tier")
    String tier();

    @Message("Tier request")
    String tier_request();

    @Message("Tier requests, oldest first")
    String tier_requests_title();

    @Message("Time")
    String time();

    @Message("Tokens left")
    String tokens_left();

    @Message("Audit trail")
    String trail_title();

    @Message("Type")
    String type();

    @Message(
            "Each capability as it stands for you now under policy {version}, and what is left of its budgets. Looking charges nothing.")
    String usage_intro(String version);

    @Message("Valid: it can be published.")
    String valid();

    @Message("Validation")
    String validation();

    @Message("Identity verification")
    String verification_heading();

    @Message("Verify")
    String verify();

    @Message("Verify in your browser")
    String verify_heading();

    @Message(
            "Your browser checks the signed checkpoint against the key you pinned, recomputes the leaf hash and walks the inclusion proof. It trusts nothing this server says.")
    String verify_intro();

    @Message("Version")
    String version();

    @Message("Through")
    String via();

    @Message("Granted to you")
    String via_direct();

    @Message("Your organization")
    String via_organization();

    @Message("What if")
    String what_if();

    @Message("Why in review")
    String why();

    @Message("You have approved it.")
    String you_approved();
}
