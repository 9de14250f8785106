#!/usr/bin/env python3
"""The first thread, narrated: alice and bob onboard, are granted a tier, a gateway asks for decisions,
an officer revokes, and an auditor reads the trail. Standard library only; run by `deploy/tiergate demo`."""
import argparse
import base64
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ALICE, BOB = "11111111-1111-4111-8111-000000000001", "11111111-1111-4111-8111-000000000002"


def call(method, url, token=None, body=None, form=None, accept="application/json"):
    headers = {"Accept": accept}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, raw.decode() if accept == "text/csv" else json.loads(raw or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def token(keycloak, user=None):
    endpoint = keycloak + "/realms/tiergate/protocol/openid-connect/token"
    if user:
        form = {"grant_type": "password", "client_id": "tiergate-web", "username": user, "password": user}
    else:
        form = {"grant_type": "client_credentials", "client_id": "demo-gateway", "client_secret": "demo-gateway-secret"}
    status, body = call("POST", endpoint, form=form)
    if status != 200:
        sys.exit(f"cannot log in {user or 'demo-gateway'}: {status} {body}")
    return body["access_token"]


def jwt_claims(jwt):
    """The claims of a token, decoded for display (not verified: this is not a security decision)."""
    payload = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def until(what, attempt, timeout=30.0):
    """Retries attempt() until it returns something truthy: services learn from Kafka, not from calls."""
    deadline = time.monotonic() + timeout
    while True:
        result = attempt()
        if result:
            return result
        if time.monotonic() > deadline:
            sys.exit(f"timed out waiting for {what}")
        time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser()
    for name in ("keycloak", "identity", "tier", "entitlement", "audit"):
        parser.add_argument("--" + name, required=True)
    urls = parser.parse_args()
    tokens = {user: token(urls.keycloak, user) for user in ("alice", "bob", "carol", "olivia", "oscar", "audrey")}
    gateway = token(urls.keycloak)
    failures = []

    def step(title):
        print(f"\n== {title}")

    def verify(user, nationalities, residence):
        status, case = call("POST", urls.identity + "/v1/verifications", tokens[user],
                            {"givenName": user.title(), "familyName": "Example", "dateOfBirth": "1988-02-29",
                             "nationalities": nationalities, "residenceCountry": residence})
        print(f"  {user:6} nationalities={nationalities} residence={residence} -> {case.get('status')} "
              f"{[r['code'] for r in case.get('reasons', [])]}")
        if case.get("status") == "IN_REVIEW":
            _, claimed = call("POST", f"{urls.identity}/v1/reviews/{case['id']}/claim", tokens["oscar"])
            _, case = call("POST", f"{urls.identity}/v1/reviews/{case['id']}/decision", tokens["oscar"],
                           {"outcome": "VERIFIED", "reason": "demo: reviewed, no concern for this customer"})
            print(f"         oscar claims the review and clears it -> {case.get('status')}")
        if case.get("status") != "VERIFIED":
            failures.append(f"{user} not verified: {status} {case}")
        return case.get("consistencyToken", "")

    def revoke_active(subject):
        _, grants = call("GET", urls.tier + "/v1/grants?subject=" + subject, tokens["oscar"])
        for grant in grants or []:
            if grant["status"] == "ACTIVE":
                call("POST", f"{urls.tier}/v1/grants/{grant['id']}/revocation", tokens["oscar"],
                     {"reason": "demo: reset before the demo"})

    def public_grant(user, subject):
        def attempt():
            _, grants = call("GET", urls.tier + "/v1/grants?subject=" + subject, tokens["oscar"])
            live = [g for g in grants or [] if g["status"] == "ACTIVE" and g["tier"] == "PUBLIC"]
            return live[0] if live else None
        body = until(f"tier-service to grant {user} PUBLIC on verification", attempt)
        print(f"  tier-service grants {user} PUBLIC on verification -> grant {body['id']}")
        return body

    def research_institution():
        status, org = call("POST", urls.identity + "/v1/organizations", tokens["alice"],
                           {"legalName": "Demo Institute of Alignment", "registrationNumber": f"DEMO-{int(time.time())}",
                            "countryOfIncorporation": "US", "kind": "RESEARCH_INSTITUTION",
                            "beneficialOwners": [], "representatives": []})
        print(f"  alice registers a research institution (KYB) -> {org.get('status')} {org.get('id')}")
        if status != 201:
            failures.append(f"organization not created: {status} {org}")
        status, member = call("POST", f"{urls.identity}/v1/organizations/{org['id']}/members", tokens["alice"],
                              {"subject": BOB, "role": "MEMBER"})
        print(f"  alice adds bob as a member -> {status}")
        return org["id"]

    def request_research(organization):
        def attempt():
            status, body = call("POST", urls.tier + "/v1/tier-requests", tokens["alice"],
                                {"organizationId": organization, "tier": "RESEARCH",
                                 "justification": "demo: partner lab", "intendedUse": "alignment evaluations"})
            return body if status == 201 else None
        request = until("tier-service to learn of the institute", attempt)
        print(f"  alice requests RESEARCH for the institute -> {request['status']}, "
              f"needs {request['requiredApprovals']} officers")
        status, again = call("POST", f"{urls.tier}/v1/tier-requests/{request['id']}/approvals", tokens["olivia"], {})
        print(f"  olivia approves -> {again.get('status')} ({len(again.get('approvals', []))} of 2)")
        status, twice = call("POST", f"{urls.tier}/v1/tier-requests/{request['id']}/approvals", tokens["olivia"], {})
        print(f"  olivia approves again -> {status} {twice.get('code')} (four eyes)")
        status, granted = call("POST", f"{urls.tier}/v1/tier-requests/{request['id']}/approvals", tokens["oscar"], {})
        print(f"  oscar approves -> {granted.get('status')}, grant {granted.get('grantId')}")
        if granted.get("status") != "GRANTED":
            failures.append(f"research request not granted: {granted}")
        return granted

    def ask(request):
        # Right after a start the projection may briefly not be known fresh: decisions then fail closed
        # (PROJECTION_STALE) until the consumers have caught up, which a gateway would simply retry.
        deadline = time.monotonic() + 30
        while True:
            _, answer = call("POST", urls.entitlement + "/v1/decisions", gateway, request)
            stale = any(r.get("code") == "PROJECTION_STALE" for r in answer.get("reasons", []))
            if not stale or time.monotonic() > deadline:
                return answer
            time.sleep(0.5)

    def decide(user, subject, capability, jurisdiction, expected, reason, tokens_=None):
        request = {"subject": subject, "capability": capability, "context": {"jurisdiction": jurisdiction}}
        if tokens_:
            request["consistencyToken"] = tokens_
        decision = ask(request)
        codes = [r["code"] for r in decision.get("reasons", [])]
        mark = "ok" if decision.get("decision") == expected and reason in codes else "UNEXPECTED"
        print(f"  gateway: {user:5} {capability:15} from {jurisdiction} -> {decision.get('decision'):5} {codes} [{mark}]")
        if mark != "ok":
            failures.append(f"{user} {capability}: expected {expected} {reason}, got {decision}")
        return decision

    step("reset: revoke grants left active by an earlier demo")
    revoke_active(ALICE)
    revoke_active(BOB)

    step("1. customers verify (identity-service)")
    alice_identity = verify("alice", ["US"], "US")
    bob_identity = verify("bob", ["RU"], "DE")

    step("1b. a sanctions hit goes to the review queue (identity-service, fictional sample list)")
    _, listed = call("POST", urls.identity + "/v1/verifications", tokens["carol"],
                     {"givenName": "Ivan", "familyName": "Sidorov", "dateOfBirth": "1971-03-12",
                      "nationalities": ["RU"], "residenceCountry": "DE"})
    print(f"  carol claims to be Ivan Sidorov, born 1971-03-12 -> {listed.get('status')} "
          f"{[r['code'] for r in listed.get('reasons', [])]}")
    _, evidence = call("GET", f"{urls.identity}/v1/reviews/{listed.get('id')}", tokens["olivia"])
    for hit in (evidence or {}).get("screeningHits", [])[:1]:
        print(f"  olivia sees: {hit['listId']} entry {hit['entryId']} \"{hit['entryName']}\" via {hit['matchedOn']} "
              f"\"{hit['matchedName']}\", score {hit['score']}")
        for field in hit["fields"]:
            print(f"      {field}")
    call("POST", f"{urls.identity}/v1/reviews/{listed.get('id')}/claim", tokens["olivia"])
    _, decided = call("POST", f"{urls.identity}/v1/reviews/{listed.get('id')}/decision", tokens["olivia"],
                      {"outcome": "REJECTED", "reason": "demo: the listed person"})
    print(f"  olivia claims and decides -> {decided.get('status')}")
    if listed.get("status") != "IN_REVIEW" or decided.get("status") != "REJECTED":
        failures.append(f"the sanctions hit was not reviewed: {listed} {decided}")

    step("2. alice's research institution asks for RESEARCH; two officers approve (identity + tier-service)")
    public_grant("alice", ALICE)
    bob_public = public_grant("bob", BOB)
    institute = research_institution()
    granted = request_research(institute)
    member_tokens = granted.get("grant", {}).get("consistencyToken", "")
    alice_tokens = alice_identity + "," + member_tokens
    bob_tokens = bob_identity + "," + member_tokens
    _, why = call("GET", f"{urls.tier}/v1/subjects/{ALICE}/tier", tokens["audrey"])
    for t in why.get("tiers", []):
        print(f"  alice holds {t['tier']:10} via {t['via']:12} (grant {t['grantId'][:8]}…)")
    def research_claim():
        issued = token(urls.keycloak, "alice")
        return issued if "RESEARCH" in (jwt_claims(issued).get("tier") or []) else None
    alice_token_before = until("the tier claim in alice's token (mirrored into Keycloak)", research_claim)
    print(f"  a fresh Keycloak token for alice carries tier={jwt_claims(alice_token_before)['tier']} "
          "(for display only: decisions never read it)")

    step("3. a gateway asks for decisions (entitlement-service)")
    decide("alice", ALICE, "mythos-5:chat", "US", "ALLOW", "ENTITLED", alice_tokens)
    decide("alice", ALICE, "mythos-5:cyber", "US", "DENY", "TIER_NOT_ENTITLED")
    decide("bob", BOB, "fable-5:chat", "DE", "ALLOW", "ENTITLED", bob_tokens)
    decide("bob", BOB, "mythos-5:chat", "DE", "DENY", "NATIONALITY_DENIED")

    step("3b. policy is data: olivia drafts a capability, asks what-if, asks to publish and oscar confirms; the client IP counts; oscar asks for a rollback and olivia confirms")
    _, versions = call("GET", urls.entitlement + "/v1/policies", tokens["audrey"])
    in_force = next(v["version"] for v in versions if v["inForce"])
    _, current = call("GET", f"{urls.entitlement}/v1/policies/{in_force}", tokens["audrey"])
    capabilities = dict(current["document"]["capabilities"])
    version = f"demo-{int(time.time())}"
    # a capability of this run's own, so that a rerun within the budget's minute starts with a full budget
    agentic_capability = f"mythos-5:agentic-{version[-5:]}"
    capabilities[agentic_capability] = [{
        "tiers": ["RESEARCH", "GOVERNMENT"], "deniedNationalities": ["@countries-of-concern"],
        "onJurisdictionMismatch": "DENY", "obligations": ["no-reasoning-trace", "retain-transcript-days=30"],
        "budgets": [{"scope": "SUBJECT", "window": "PT1M", "requests": 2}]}]
    _, draft = call("POST", urls.entitlement + "/v1/policies", tokens["olivia"],
                    {"version": version, "description": "demo: an agentic capability for research",
                     "capabilities": capabilities})
    _, diff = call("GET", f"{urls.entitlement}/v1/policies/{version}/diff", tokens["olivia"])
    print(f"  draft {version}: valid={draft['validation']['valid']}, adds {diff['added']} to {diff['from']}")
    agentic = {"subject": ALICE, "capability": agentic_capability, "context": {"jurisdiction": "US"}}
    _, what_if = call("POST", f"{urls.entitlement}/v1/policies/{version}/what-if", tokens["olivia"], agentic)
    print(f"  what-if for alice -> {what_if['decision']} {what_if.get('obligations')} (nothing published yet)")
    _, asked = call("POST", f"{urls.entitlement}/v1/policies/{version}/publication", tokens["olivia"])
    print(f"  olivia asks to publish it -> {asked.get('status')} (four eyes: a second officer confirms)")
    _, published = call("POST", f"{urls.entitlement}/v1/policies/publication-requests/{asked.get('id')}/confirmation",
                        tokens["oscar"])
    print(f"  oscar confirms -> published: {published.get('kind')} {published.get('version')} "
          f"(was {published.get('previousVersion')})")

    def agentic_decision(client_ip, label):
        request = {"subject": ALICE, "capability": agentic_capability,
                   "context": {"jurisdiction": "US", "clientIp": client_ip}}
        d = ask(request)
        codes = [r["code"] for r in d.get("reasons", [])]
        left = [b.get("requestsRemaining") for b in d.get("budgets") or []]
        print(f"  gateway: alice {agentic_capability}, declared US, IP {client_ip:12} ({label}) -> {d.get('decision'):5} "
              f"{codes} budget left {left} policy {d.get('policyVersion')}")
        return d, codes

    first, _ = agentic_decision("192.0.2.10", "unknown network")
    if first.get("decision") != "ALLOW" or first.get("policyVersion") != version:
        failures.append(f"the published policy did not decide: {first}")
    _, codes = agentic_decision("217.0.0.1", "a German address")
    if "JURISDICTION_MISMATCH" not in codes:
        print("         (no GeoIP database on this machine: only the declared jurisdiction counts)")
    agentic_decision("192.0.2.10", "unknown network")
    last, codes = agentic_decision("192.0.2.10", "unknown network")
    if "BUDGET_EXHAUSTED" not in codes:
        failures.append(f"the request budget was not enforced: {last}")
    _, asked = call("POST", urls.entitlement + "/v1/policies/rollback", tokens["oscar"])
    _, rolled = call("POST", f"{urls.entitlement}/v1/policies/publication-requests/{asked.get('id')}/confirmation",
                     tokens["olivia"])
    print(f"  oscar asks for a rollback, olivia confirms -> {rolled.get('kind')} {rolled.get('version')}")
    decide("alice", ALICE, agentic_capability, "US", "DENY", "UNKNOWN_CAPABILITY")

    step("4. oscar revokes, and the next decision denies")
    started = time.monotonic()
    _, revoked = call("POST", f"{urls.tier}/v1/grants/{granted['grantId']}/revocation", tokens["oscar"],
                      {"reason": "demo: access review"})
    decide("alice", ALICE, "mythos-5:chat", "US", "DENY", "TIER_NOT_ENTITLED", revoked.get("consistencyToken"))
    print(f"         institute's RESEARCH revoked -> alice DENY in {(time.monotonic() - started) * 1000:.0f} ms")
    print(f"         (alice's token issued before the revocation still says tier="
          f"{jwt_claims(alice_token_before)['tier']}: the claim outlives a revocation, the projection does not)")
    started = time.monotonic()
    _, revoked = call("POST", f"{urls.tier}/v1/grants/{bob_public['id']}/revocation", tokens["oscar"],
                      {"reason": "demo: access review"})
    decide("bob", BOB, "fable-5:chat", "DE", "DENY", "NO_ACTIVE_TIER", revoked.get("consistencyToken"))
    print(f"         bob's PUBLIC revoked -> bob DENY in {(time.monotonic() - started) * 1000:.0f} ms")

    step("5. an auditor reads the trail (audit-service)")
    wanted = ["tiergate.identity.verification.verified", "tiergate.tier.granted", "tiergate.tier.effective.changed",
              "tiergate.decision.allowed.aggregate", "tiergate.decision.denied"]
    for user, subject, last in (("alice", ALICE, "tiergate.decision.denied"), ("bob", BOB, "tiergate.tier.revoked"),
                                ("institute", institute, "tiergate.tier.revoked")):
        expected = wanted if user != "institute" else ["tiergate.identity.organization.verified",
                                                       "tiergate.tier.requested", "tiergate.tier.approved",
                                                       "tiergate.tier.granted", "tiergate.tier.revoked"]

        def trail():
            _, events = call("GET", f"{urls.audit}/v1/events?subject={subject}&limit=1000", tokens["audrey"])
            types = {e["type"] for e in events or []}
            return events if last in types and all(t in types for t in expected) else None
        events = until(f"{user}'s trail (ALLOWs are counted per window, 10 s here)", trail, timeout=45.0) or []
        recent = events[-6:]
        print(f"  {user}: {len(events)} events in the trail; the latest:")
        for event in recent:
            print(f"    #{event['index']:<5} {event['type']:45} leaf {event['leafHash'][:12]}…")
        missing = [t for t in expected if t not in {e["type"] for e in events}]
        if missing:
            failures.append(f"{user}'s trail lacks {missing}")
    _, log = call("GET", urls.audit + "/v1/log/verification", tokens["audrey"])
    print(f"  Merkle log self-check: valid={log.get('valid')} over {log.get('entries')} entries")
    _, checkpoint = call("GET", urls.audit + "/v1/checkpoints/latest", tokens["audrey"])
    if checkpoint and "note" in checkpoint:
        print("  latest signed checkpoint (C2SP signed note):")
        for line in checkpoint["note"].splitlines():
            print("    " + line)
    if not log.get("valid"):
        failures.append(f"audit log does not verify: {log}")

    if failures:
        print("\nDEMO FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("\nDemo complete: verified, organization registered, RESEARCH approved by two officers and inherited, "
          "a policy published and rolled back, "
          "allowed and denied, revoked then denied, all audited.")


if __name__ == "__main__":
    main()
