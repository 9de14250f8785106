#!/usr/bin/env python3
"""Campaigns, narrated: a simulated population with a loud and a stealthy extraction campaign has been replayed to
tiergate.requests; watch campaign-service find them, contain their accounts and an officer confirm one, then read the
STIX bundle and the audit trail. Also the two halves of `deploy/tiergate campaign-bench`. Standard library only."""
import argparse
import csv
import json
import os
import sys
import time
import urllib.parse

from demo import call, token  # the narrated demo's HTTP and login helpers


def progress(args, auditor):
    status, body = call("GET", args.campaign + "/v1/detection/progress", auditor)
    if status != 200:
        sys.exit(f"progress: {status} {body}")
    return body


def demo(args):
    officer, auditor = token(args.keycloak, "olivia"), token(args.keycloak, "audrey")
    labels = {}
    with open(args.labels) as f:
        for row in csv.DictReader(f):
            labels[row["accountId"]] = row
    campaign_accounts = {a for a, l in labels.items() if l["campaign"]}
    print(f"\n== campaigns: {len(labels):,} simulated accounts replayed, {len(campaign_accounts)} of them in two campaigns")
    deadline = time.monotonic() + 180
    while True:
        status, flags_csv = call("GET", args.campaign + "/v1/flags", officer, accept="text/csv")
        flagged = {line.split(",")[0]: line.split(",") for line in flags_csv.splitlines()[1:]} if status == 200 else {}
        found = len(campaign_accounts & flagged.keys())
        if found >= 0.85 * len(campaign_accounts) or time.monotonic() > deadline:
            break
        time.sleep(2)
    p = progress(args, auditor)
    false_flags = len([a for a in flagged if a in labels and not labels[a]["campaign"]])
    print(f"  detector read {p['recordsSeen']:,} records ({p['recordsRejected']} rejected), stream time {p['streamTime']}")
    print(f"  flagged {found} of {len(campaign_accounts)} campaign accounts, {false_flags} legitimate accounts")
    if found < 0.85 * len(campaign_accounts):
        sys.exit("DEMO FAILED: the campaigns were not found in time")
    campaign_id = max({flagged[a][3] for a in campaign_accounts if a in flagged},
                      key=lambda c: sum(1 for a in campaign_accounts if a in flagged and flagged[a][3] == c))
    _, campaign = call("GET", args.campaign + "/v1/campaigns/" + campaign_id, officer)
    e = campaign["evidence"]
    print(f"  campaign {campaign_id}: {campaign['accounts']} accounts, score {campaign['score']}, status "
          f"{campaign['status']}, containment {campaign['containmentLevel']}")
    print(f"    evidence: {e['families']} prompt families, coverage {e['coverage']}x, chain-of-thought rate "
          f"{e['cotRate']}, sweep {e['sweep']}, infrastructure {e['infrastructure']}, registration burst "
          f"{e['registrationBurst']}")
    print("\n== an officer confirms it: grants are suspended and the accounts must verify again")
    status, decided = call("POST", args.campaign + f"/v1/campaigns/{campaign_id}/confirmation", officer,
                           {"reason": "curriculum sharded across accounts behind proxy pools"})
    print(f"  POST /v1/campaigns/{campaign_id}/confirmation -> {status} {decided.get('status')}")
    if status != 200 and not (status == 409 and decided.get("code") == "CAMPAIGN_DECIDED"):
        sys.exit(f"DEMO FAILED: confirmation {status} {decided}")
    _, bundle = call("GET", args.campaign + f"/v1/campaigns/{campaign_id}/stix", officer)
    kinds = {}
    for o in bundle.get("objects", []):
        kinds[o["type"]] = kinds.get(o["type"], 0) + 1
    print(f"  STIX 2.1 bundle to share: {kinds} (accounts pseudonymised)")
    deadline = time.monotonic() + 30
    query = urllib.parse.urlencode({"subject": campaign_id, "type": "tiergate.campaign.confirmed"})
    while True:
        _, entries = call("GET", args.audit + "/v1/events?" + query, auditor)
        if entries or time.monotonic() > deadline:
            break
        time.sleep(1)
    print(f"  audit trail: {len(entries or [])} entry for the confirmation of {campaign_id}")
    if not entries:
        sys.exit("DEMO FAILED: the confirmation is not in the audit trail")
    print("\nCampaign demo complete: detected, contained, confirmed, shared.")


def bench_start(args):
    at = time.time()
    start = progress(args, token(args.keycloak, "audrey"))
    if args.backlog:   # a restarted instance counts from zero, and may have read records since it became ready
        start["recordsSeen"] = 0
    print(json.dumps(start | {"at": at, "backlog": args.backlog}))


def bench_wait(args):
    auditor = token(args.keycloak, "audrey")
    start = json.load(open(args.bench_wait))
    target = start["recordsSeen"] + args.records
    last, last_at, first_at = start["recordsSeen"], time.time(), None
    token_at, half_at = time.time(), None
    while True:
        if time.time() - token_at > 60:   # a long run outlives an access token
            auditor, token_at = token(args.keycloak, "audrey"), time.time()
        p = progress(args, auditor)
        now = time.time()
        if p["recordsSeen"] > start["recordsSeen"] and first_at is None:
            first_at = now
        if half_at is None and p["recordsSeen"] - start["recordsSeen"] >= args.records / 2:
            half_at = now
        if p["recordsSeen"] >= target:
            break
        if now - last_at > 60 and p["recordsSeen"] == last:
            sys.exit(f"campaign-bench: detection stalled at {p['recordsSeen'] - start['recordsSeen']:,} records")
        if p["recordsSeen"] != last:
            last, last_at = p["recordsSeen"], now
        print(f"  detection: {p['recordsSeen'] - start['recordsSeen']:,} of {args.records:,} records")
        time.sleep(2)
    elapsed = now - start["at"]
    rss = 0
    with open(f"/proc/{args.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) // 1024
    state = 0
    for root, _, files in os.walk(args.state_dir):
        for name in files:
            state += os.path.getsize(os.path.join(root, name))
    officer = token(args.keycloak, "olivia")
    _, flags_csv = call("GET", args.campaign + "/v1/flags", officer, accept="text/csv")
    how = "from the topic's backlog, the service started after the replay" if start.get("backlog") \
        else "publishing included"
    print(f"campaign-bench: {args.records:,} records from topic through detection in {elapsed:.1f} s "
          f"({how}): {args.records / elapsed:,.0f} records/s; RSS {rss} MB; "
          f"Kafka Streams state {state / 1e6:.0f} MB; {len(flags_csv.splitlines()) - 1:,} accounts flagged in all")
    if half_at is not None and now > half_at:
        # the second half, once the JIT has compiled the hot paths and the replay no longer shares the cores
        print(f"campaign-bench: the second half of the records at {(args.records / 2) / (now - half_at):,.0f} records/s")
    if args.labels:
        bench_quality(args, officer, flags_csv)


def bench_quality(args, officer, flags_csv):
    """Detection quality on the real pipeline: once the later stages have drained (the flag count holds for 15 s),
    recall per campaign and flagged share per legitimate population, from the simulator's labels."""
    stable, count = 0, len(flags_csv.splitlines())
    while stable < 3:
        time.sleep(5)
        _, flags_csv = call("GET", args.campaign + "/v1/flags", token(args.keycloak, "olivia"), accept="text/csv")
        stable = stable + 1 if len(flags_csv.splitlines()) == count else 0
        count = len(flags_csv.splitlines())
    flagged = {line.split(",")[0] for line in flags_csv.splitlines()[1:]}
    populations, hits = {}, {}
    with open(args.labels) as f:
        for row in csv.DictReader(f):
            p = row["population"]
            populations[p] = populations.get(p, 0) + 1
            hits[p] = hits.get(p, 0) + (row["accountId"] in flagged)
    print("campaign-bench: detection quality on the real pipeline, after it drained:")
    legit = legit_hits = 0
    for p in sorted(populations):
        share = hits[p] / populations[p] * 100
        kind = "recall" if p.startswith("CAMPAIGN") else "flagged"
        print(f"  {p:<20} {hits[p]:>6,} of {populations[p]:>7,} {kind} {share:6.2f}%")
        if not p.startswith("CAMPAIGN"):
            legit, legit_hits = legit + populations[p], legit_hits + hits[p]
    print(f"  all legitimate       {legit_hits:>6,} of {legit:>7,} flagged {legit_hits / max(legit, 1) * 100:6.2f}%")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keycloak", required=True)
    parser.add_argument("--campaign", required=True)
    parser.add_argument("--entitlement")
    parser.add_argument("--audit")
    parser.add_argument("--labels")
    parser.add_argument("--bench-start", action="store_true")
    parser.add_argument("--backlog", action="store_true")
    parser.add_argument("--bench-wait")
    parser.add_argument("--records", type=int)
    parser.add_argument("--pid")
    parser.add_argument("--state-dir")
    args = parser.parse_args()
    if args.bench_start:
        bench_start(args)
    elif args.bench_wait:
        bench_wait(args)
    else:
        demo(args)


if __name__ == "__main__":
    main()
