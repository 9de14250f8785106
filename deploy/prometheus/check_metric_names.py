#!/usr/bin/env python3
"""Every metric name the alert rules and the dashboard use is in metrics-contract.txt (deploy/tiergate test).

The same extraction as MetricsContractIT: drop strings, label matchers, ranges, grouping clauses and Grafana
variables from each expression; what is left that looks like a name, is not a function and not a keyword, is a
metric name.
"""
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset",
            "bool", "inf", "nan", "atan2"}
DROPS = [r'"(?:[^"\\]|\\.)*"', r"'(?:[^'\\]|\\.)*'", r"\{[^}]*\}", r"\[[^\]]*\]",
         r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", r"\$\w+"]
NAME = re.compile(r"(?<![\w.$:])[a-zA-Z_:][a-zA-Z0-9_:]*(?![\w:])(?!\s*\()")


def metric_names(expr):
    for drop in DROPS:
        expr = re.sub(drop, " ", expr)
    return {name for name in NAME.findall(expr) if name.lower() not in KEYWORDS}


def rule_exprs(path):
    for group in yaml.safe_load(path.read_text())["groups"]:
        for rule in group["rules"]:
            yield rule.get("alert") or rule.get("record"), rule["expr"]


def dashboard_exprs(path):
    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("expr"), str):
                yield node.get("title", "target"), node["expr"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for panel in json.loads(path.read_text())["panels"]:
        for _, expr in walk(panel):
            yield panel["title"], expr


def contract():
    lines = (HERE / "metrics-contract.txt").read_text().splitlines()
    return {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}


def main():
    known = contract()
    uses = list(rule_exprs(HERE / "rules/tiergate.rules.yml")) + list(
        dashboard_exprs(HERE / "grafana/tiergate-dashboard.json"))
    unknown = [(where, name) for where, expr in uses for name in sorted(metric_names(expr)) if name not in known]
    empty = [where for where, expr in uses if not metric_names(expr)]
    for where, name in unknown:
        print(f"{where}: {name} is not in metrics-contract.txt", file=sys.stderr)
    for where in empty:
        print(f"{where}: no metric name found in its expression", file=sys.stderr)
    if unknown or empty:
        return 1
    print(f"metric names: {len(uses)} expressions use {len(set().union(*(metric_names(e) for _, e in uses)))} "
          f"names, all in the contract ({len(known)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
