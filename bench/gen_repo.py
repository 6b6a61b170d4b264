#!/usr/bin/env python3
"""Builds a synthetic git repository of growth plans for the history benchmark (spec §7).

Usage: gen_repo.py N_COMMITS N_PLANS DIR [SEED]

One `git fast-import` process reads a generated stream (no per-commit `git commit`), so
10,000 commits take seconds. The result is deterministic for a given seed: fixed authors,
author dates spread evenly over 2024-01-01 .. 2026-10-31 (YEARS=10 in the environment:
over the ten years to 2026-10-31), fixed content.

What the history holds:
- N_PLANS Markdown plans `plans/<person>/<year>-h<n>.md` in growth's format (front matter,
  2-3 `## Goal:` headings each with a ```yaml block, `### Actions`, `### Check-ins`), each
  added a few weeks before its half-year starts;
- commits that mostly edit one plan (tick an action, add a check-in, add an action, move a
  due date, change a target, change a status, add a goal, edit free text), a few that edit
  two or three plans, a few that leave a plan unparsable until its next edit, and ~15%
  that touch only src/ or docs/ (commits the walk has to skip);
- a feature branch about every 50 commits, merged back with a merge commit: most merges
  take the branch's side of every file, some combine both sides' edits of the same plan
  (the merged file differs from both parents, with no conflict), a few merge a branch whose
  base did not move;
- ~20 renames (`R` in the stream): old plans moved to plans/archive/, current ones to a
  team directory, some with an edit in the same commit;
- a commit-graph file, as `git gc` writes (COMMIT_GRAPH=0: none).

At the end it prints the commit, merge, plan and rename counts and the repository's size.
"""
import copy
import json
import datetime as dt
import os
import random
import subprocess
import sys

START = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 10, 31, 18, 0, tzinfo=dt.timezone.utc)
HALVES = [(2024, 1), (2024, 2), (2025, 1), (2025, 2), (2026, 1), (2026, 2)]
# YEARS=10: the same commits spread over ten years to END, one set of plans per half-year
# (an organisation whose history is much older than the plans a lint reads).
if os.environ.get("YEARS"):
    START = END - dt.timedelta(days=365.25 * float(os.environ["YEARS"]))
    HALVES = [(y, h) for y in range(START.year + 1, END.year + 1) for h in (1, 2)]
CYCLE = 50  # a feature branch every CYCLE commits
N_RENAMES = 20

FIRST = ["Jane", "Raj", "Amir", "Lena", "Sofia", "Tomas", "Mei", "Kofi", "Ines", "Pavel", "Noor",
         "Luca", "Hana", "Oren", "Yuki", "Dara", "Emeka", "Greta", "Ivan", "Zara", "Malik", "Anouk",
         "Bruno", "Chloe", "Dmitri"]
LAST = ["Doe", "Patel", "Haddad", "Kowalski", "Rossi", "Novak", "Chen", "Mensah", "Garcia", "Ivanov",
        "Khan", "Bianchi", "Sato", "Levi", "Tanaka", "Okafor", "Berg", "Petrov", "Ali", "Jansen"]
TEAMS = ["payments", "platform", "billing", "search", "mobile"]
TZ = ["+0100", "+0200", "+0000", "-0500", "+0530", "-0800", "+0900"]
ROLES = [("engineer", "senior-engineer"), ("senior-engineer", "staff-engineer"),
         ("staff-engineer", "principal-engineer"), ("senior-engineer", "engineering-manager")]

# (title, focus, competency, measure with {b}/{t}, unit, baseline, target, actions)
GOALS = [
    ("Solve production issues on my own", "operations", "incident-response",
     "I solve {t} of the team's production issues and need extensive help in at most 5%", "%", 5, 25,
     ["Complete the observability training", "Take four on-call shadow shifts",
      "Write a runbook for the payment retries alert", "Lead one postmortem end to end",
      "Pair with an SRE on a live incident"]),
    ("Lead cross-team design reviews to a written decision", "architecture", "system-design",
     "{t} cross-team design reviews that I lead end in an approved decision record", " reviews", 0, 2,
     ["Draft the ledger split RFC", "Run the ledger split design review",
      "Publish the decision record and the rejected options", "Run the failover design review",
      "Ask Raj for feedback on how I chaired the review"]),
    ("Mentor two engineers to run incidents on their own", "people", "mentoring",
     "{t} mentees each lead at least 1 real incident as incident commander", " mentees", 0, 2,
     ["Set up fortnightly mentoring sessions", "Take both as shadows on my on-call week",
      "Run a tabletop exercise with each as incident commander", "Write a mentoring guide for the wiki"]),
    ("Move our service deploys to the Kubernetes pipeline", "infrastructure", "technical-depth",
     "{t} of our 7 services deploy through the new pipeline", " services", 0, 5,
     ["Migrate the notifications service", "Migrate the webhooks service", "Migrate the search indexer",
      "Move the ledger API secrets to Vault", "Switch off the old deploy hosts"]),
    ("Cut the checkout p99 latency", "performance", "technical-depth",
     "checkout p99 latency under {t} ms for four weeks in a row", " ms", 900, 400,
     ["Profile the checkout path under load", "Cache the tax lookups", "Batch the inventory calls",
      "Add a latency SLO dashboard", "Remove the synchronous fraud check"]),
    ("Write design docs people actually read", "communication", "communication",
     "{t} design docs with at least 5 substantive comments from other teams", " docs", 0, 3,
     ["Take the technical writing course", "Ask Lena to review my next doc before sending it",
      "Write the search reindexing design", "Present a design at the architecture forum"]),
    ("Build a staff promotion case", "career", "influence",
     "{t} staff-level examples in my promotion doc that my manager agrees are ready", " examples", 1, 3,
     ["Ask for the staff expectations I am furthest from", "Start a monthly architecture forum",
      "Write the promotion doc draft", "Get a staff engineer to read the draft"]),
    ("Raise test coverage of the billing service", "quality", "delivery",
     "line coverage of the billing service at {t}", "%", 41, 75,
     ["Add contract tests for the invoice API", "Remove the flaky end-to-end suite",
      "Add mutation testing to CI", "Cover the proration edge cases"]),
    ("Ship the mobile offline mode", "delivery", "delivery",
     "offline mode used by {t} of weekly active users", "%", 0, 20,
     ["Agree the sync protocol with the API team", "Build the local store", "Run the beta with 500 users",
      "Fix the conflict resolution bugs from the beta"]),
    ("Become the team's go-to person for the billing domain", "domain", "technical-depth",
     "{t} billing questions a month answered by me instead of the finance team", " questions", 2, 10,
     ["Read the billing runbooks end to end", "Shadow finance for a month-end close",
      "Write the billing glossary", "Run a lunch-and-learn on proration"]),
    ("Hire two engineers for the team", "people", "people-management",
     "{t} accepted offers for the open backend roles", " offers", 0, 2,
     ["Finish the interviewer training", "Rewrite the take-home exercise", "Run ten phone screens",
      "Write the onboarding plan"]),
    ("Reduce on-call pages", "operations", "incident-response",
     "at most {t} pages a week for the team's rota", " pages", 14, 4,
     ["Delete the alerts nobody acts on", "Add auto-remediation for disk pressure",
      "Review every page in the weekly ops meeting", "Move noisy checks to tickets"]),
]
NOTES = ["pairing helped more than reading", "slower than hoped, holidays", "manager agrees it counts",
         "blocked on the platform team for a week", "good feedback in the retro",
         "numbers from the monthly dashboard", "halfway there", "needs a second look next month"]
SRC = ["src/api/handlers.rs", "src/api/routes.rs", "src/billing/invoice.rs", "src/billing/tax.rs",
       "src/search/index.rs", "src/lib.rs", "src/main.rs", "docs/runbook.md", "docs/architecture.md",
       "docs/onboarding.md", "docs/adr/0001-ledger-split.md", "README.md"]


def slug(text):
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def half_period(year, h):
    if h == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


class Gen:
    def __init__(self, n_commits, n_plans, seed):
        self.rng = random.Random(seed)
        self.n = n_commits
        self.out = []
        self.mark = 0
        self.persons = []
        n_persons = -(-n_plans // len(HALVES))
        for i in range(n_persons):
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + i // len(FIRST)) % len(LAST)]}"
            if i >= len(FIRST) * len(LAST):
                name += f" {i}"
            self.persons.append({"name": name, "slug": slug(name), "tz": TZ[i % len(TZ)],
                                 "team": TEAMS[i % len(TEAMS)], "role": ROLES[i % len(ROLES)]})
        # Plans in the order they are written: by half-year, then person.
        self.pending = [(p, y, h) for (y, h) in HALVES for p in range(n_persons)][:n_plans]
        self.pending.sort(key=lambda k: (self.due_date(k), k))
        self.plans = {}  # plan key -> current path on main
        self.counts = {"commits": 0, "merges": 0, "renames": 0, "plans": 0, "code": 0,
                       "merges combining both sides of a plan": 0, "merges of a branch whose base did not move": 0}
        self.edits = {}  # op kind -> count, in non-merge commits
        self.oracle = {}  # commit mark -> [(path, op kind)], for checking the events found

    # ---------- plan model ----------

    def new_goal(self, template, start, end, taken):
        title, focus, comp, measure, unit, base, target, actions = template
        rng = self.rng
        gid = "-".join(slug(title).split("-")[:3])
        while gid in taken:
            gid += "-2"
        due = end - dt.timedelta(days=rng.randint(0, 40))
        acts = []
        for text in rng.sample(actions, rng.randint(2, min(4, len(actions)))):
            d = start + dt.timedelta(days=rng.randint(20, (end - start).days))
            acts.append({"text": text, "done": None, "due": d if rng.random() < 0.7 else None})
        return {"id": gid, "title": title, "type": "career" if focus == "career" else "development",
                "focus": focus, "competency": comp, "measure": measure, "unit": unit,
                "baseline": base, "target": target, "due": due, "status": "planned",
                "why": "my manager and I agreed this is the biggest gap for the next level",
                "obstacles": "roadmap work always comes first in the last month of a quarter",
                "resources": "a fortnightly slot with a more senior engineer",
                "relevance": "the team depends on this more every quarter",
                "actions": acts, "checkins": [], "pool": [a for a in actions if a not in [x["text"] for x in acts]]}

    def new_plan(self, p, year, h):
        start, end = half_period(year, h)
        person = self.persons[p]
        k = self.rng.randint(2, 3)
        goals = []
        for t in self.rng.sample(range(len(GOALS)), k):
            goals.append(self.new_goal(GOALS[t], start, end, {g["id"] for g in goals}))
        return {"owner": person["name"], "role": person["role"], "year": year, "h": h,
                "start": start, "end": end, "review": end - dt.timedelta(days=14),
                "intro": f"Written with my manager on {start + dt.timedelta(days=3)}.",
                "notes": [], "goals": goals, "broken": False}

    def render(self, plan):
        role, target_role = plan["role"]
        lines = ["---", f"owner: {plan['owner']}", f"role: {role}", f"target_role: {target_role}",
                 f"period: {{ start: {plan['start']}, end: {plan['end']} }}", f"review: {plan['review']}",
                 "north_star: >-", "  A positive influence on others, in technical and cultural values,",
                 "  without giving up family time.", "---", "",
                 f"# Growth plan, {'first' if plan['h'] == 1 else 'second'} half of {plan['year']}", "",
                 plan["intro"], ""]
        for i, g in enumerate(plan["goals"]):
            unit = g["unit"]
            lines += [f"## Goal: {g['title']}", "", "```yaml", f"id: {g['id']}", f"type: {g['type']}",
                      f"focus: {g['focus']}", f"competency: {g['competency']}",
                      f"measure: {g['measure'].format(t=str(g['target']) + ('%' if unit == '%' else ''))}",
                      f"baseline: {g['baseline']}{unit}", f"target: {g['target']}{unit}",
                      f"due: {'[' if plan['broken'] and i == 0 else ''}{g['due']}",
                      f"why: {g['why']}", f"obstacles: {g['obstacles']}", f"resources: {g['resources']}",
                      f"relevance: {g['relevance']}", f"status: {g['status']}", "```", "", "### Actions"]
            for a in g["actions"]:
                if a["done"]:
                    lines.append(f"- [x] {a['text']} (done {a['done']})")
                elif a["due"]:
                    lines.append(f"- [ ] {a['text']} (due {a['due']})")
                else:
                    lines.append(f"- [ ] {a['text']}")
            lines += ["", "### Check-ins"]
            for date, value, note in sorted(g["checkins"], key=lambda c: c[0]):
                v = f" [{value}{'%' if unit == '%' else ''}]" if value is not None else ""
                lines.append(f"- {date}{v} {note}")
            lines.append("")
        if plan["notes"]:
            lines += ["## Notes", ""] + plan["notes"] + [""]
        return "\n".join(lines).encode()

    # ---------- edits: ops are replayable on another version (merges combine both sides) ----------

    def make_op(self, plan, today):
        """A random edit of `plan` dated `today`, as a replayable op, or None."""
        rng = self.rng
        g = rng.choice(plan["goals"])
        kind = rng.choices(["tick", "checkin", "action", "due", "target", "status", "goal", "note"],
                           [25, 30, 12, 10, 5, 6, 4, 8])[0]
        if kind == "tick":
            open_ = [a["text"] for a in g["actions"] if not a["done"]]
            if not open_:
                kind = "checkin"
            else:
                done = today - dt.timedelta(days=rng.choice([0, 0, 0, 1, 2, 5, 40]))
                return ("tick", g["id"], rng.choice(open_), done)
        if kind == "checkin":
            lo, hi = sorted((g["baseline"], g["target"]))
            value = rng.randint(lo, hi) if rng.random() < 0.8 else None
            note = rng.choice(NOTES)
            while (today, value, note) in g["checkins"]:  # no identical lines
                note += ", again"
            return ("checkin", g["id"], today, value, note)
        if kind == "action":
            text = g["pool"][0] if g["pool"] else f"Follow up on {rng.choice(NOTES)} ({today})"
            return ("action", g["id"], text, today + dt.timedelta(days=rng.randint(14, 60)))
        if kind == "due":
            return ("due", g["id"], g["due"] + dt.timedelta(days=rng.choice([-14, -7, 7, 14, 30, 45])))
        if kind == "target":
            step = max(1, abs(g["target"] - g["baseline"]) // 5)
            return ("target", g["id"], g["target"] + rng.choice([-step, step]))
        if kind == "status":
            nxt = {"planned": "active", "active": rng.choice(["done", "blocked", "active"]),
                   "blocked": "active", "done": "done", "dropped": "dropped"}[g["status"]]
            return ("status", g["id"], nxt) if nxt != g["status"] else ("note", f"- {today}: {rng.choice(NOTES)}")
        if kind == "goal" and len(plan["goals"]) < 4:
            taken = {x["id"] for x in plan["goals"]}
            titles = {x["title"] for x in plan["goals"]}
            choices = [t for t in GOALS if t[0] not in titles]
            return ("goal", self.new_goal(rng.choice(choices), plan["start"], plan["end"], taken))
        return ("note", f"- {today}: {rng.choice(NOTES)}")

    @staticmethod
    def apply(plan, op):
        plan = copy.deepcopy(plan)
        plan["broken"] = False  # any edit fixes a broken block
        goals = {g["id"]: g for g in plan["goals"]}
        kind, args = op[0], op[1:]
        g = goals.get(args[0]) if kind not in ("goal", "note", "break") else None
        if kind == "tick" and g:
            for a in g["actions"]:
                if a["text"] == args[1] and not a["done"]:
                    a["done"] = args[2]
            if g["status"] == "planned":
                g["status"] = "active"
        elif kind == "checkin" and g:
            g["checkins"].append(args[1:])
        elif kind == "action" and g:
            if all(a["text"] != args[1] for a in g["actions"]):
                g["actions"].append({"text": args[1], "done": None, "due": args[2]})
            g["pool"] = [t for t in g["pool"] if t != args[1]]
        elif kind == "due" and g:
            g["due"] = args[1]
        elif kind == "target" and g:
            g["target"] = args[1]
        elif kind == "status" and g:
            g["status"] = args[1]
        elif kind == "goal":
            if args[0]["id"] not in goals:
                plan["goals"].append(copy.deepcopy(args[0]))
        elif kind == "note":
            plan["notes"].append(args[0])
        elif kind == "break":
            plan["broken"] = True
        elif kind == "close":
            for g in plan["goals"]:
                if g["status"] in ("planned", "active", "blocked"):
                    g["status"] = args[0]
        return plan

    # ---------- stream ----------

    def blob(self, data):
        self.out.append(b"data %d\n" % len(data))
        self.out.append(data)
        self.out.append(b"\n")

    def commit(self, ref, when, author, message, parents, ops):
        """ops: ("M", path, bytes) | ("D", path) | ("R", old, new)"""
        self.mark += 1
        name, email, tz = author
        stamp = f"{name} <{email}> {int(when.timestamp())} {tz}".encode()
        self.out.append(b"commit %s\nmark :%d\nauthor %s\ncommitter %s\n" % (ref.encode(), self.mark, stamp, stamp))
        self.blob(message.encode())
        if parents:
            self.out.append(b"from :%d\n" % parents[0])
            for p in parents[1:]:
                self.out.append(b"merge :%d\n" % p)
        for op in ops:
            if op[0] == "M":
                self.out.append(b"M 100644 inline %s\n" % op[1].encode())
                self.blob(op[2])
            elif op[0] == "D":
                self.out.append(b"D %s\n" % op[1].encode())
            else:
                self.out.append(b'R "%s" "%s"\n' % (op[1].encode(), op[2].encode()))
        self.counts["commits"] += 1
        return self.mark

    def author_of(self, p):
        person = self.persons[p]
        return person["name"], f"{person['slug']}@example.com", person["tz"]

    # ---------- history ----------

    def run(self):
        rng = self.rng
        span = (END - START) / self.n
        times = [START + span * i + span * 0.9 * rng.random() for i in range(self.n)]
        # Lines of development: each holds its tip mark, plan states and non-plan files.
        files = {path: f"// {path}\n".encode() if path.endswith(".rs") else f"# {path}\n".encode() for path in SRC}
        main = {"tip": None, "plans": {}, "files": dict(files), "ops": None}
        branch = None
        rename_at = set(int(self.n * (i + 0.5) / N_RENAMES) // CYCLE * CYCLE + 2 for i in range(N_RENAMES))
        i = 0

        # The first commit: the skeleton and the first half-year's due plans.
        first_ops = [("M", path, data) for path, data in sorted(files.items())]
        while self.pending and self.due(self.pending[0], times[0]):
            first_ops.append(self.add_plan(main))
        main["tip"] = self.commit("refs/heads/main", times[0], ("Lena Kowalski", "lena@example.com", "+0100"),
                                  "Start the plans repo", [], first_ops)
        i = 1
        while i < self.n:
            when = times[i]
            today = when.date()
            pos = i % CYCLE
            # Merge the branch at the end of its cycle (or when the history ends).
            if branch and (pos == CYCLE - 3 or i == self.n - 1):
                self.merge(main, branch, when, today)
                branch = None
                i += 1
                continue
            if pos == 5 and i < self.n - 10:
                branch = {"tip": main["tip"], "plans": dict(main["plans"]), "files": dict(main["files"]),
                          "ops": {}, "base": dict(main["plans"]), "base_files": dict(main["files"]), "base_tip": main["tip"],
                          "team": rng.choice(TEAMS),
                          "idle_main": rng.random() < 0.1, "name": "refs/heads/topic"}
            if i in rename_at and not branch:
                self.rename(main, when, today)
                i += 1
                continue
            line = main
            if branch and (branch["idle_main"] or rng.random() < 0.3):
                line = branch
            if self.pending and self.due(self.pending[0], when) and line is main:
                op = self.add_plan(main)
                p = self.pending_person
                main["tip"] = self.commit("refs/heads/main", when, self.author_of(p), f"Add {op[1]}", [main["tip"]], [op])
            elif rng.random() < 0.15 or not line["plans"]:
                self.touch_code(line, when)
            else:
                self.edit(line, when, today, main, branch)
            i += 1
        out = b"".join(self.out)
        return out

    @staticmethod
    def due_date(pending):
        """When a plan is written: up to four weeks before its half-year, a few weeks after
        it for some (people who joined late)."""
        p, year, h = pending
        start, _ = half_period(year, h)
        return start + dt.timedelta(days=(p * 37 + year + h) % 49 - 28)

    def due(self, pending, when):
        return when.date() >= self.due_date(pending)

    def add_plan(self, line):
        p, year, h = self.pending.pop(0)
        self.pending_person = p
        plan = self.new_plan(p, year, h)
        path = f"plans/{self.persons[p]['slug']}/{year}-h{h}.md"
        key = (p, year, h)
        self.plans[key] = path
        line["plans"][path] = plan
        self.counts["plans"] += 1
        return ("M", path, self.render(plan))

    def pick_plans(self, line, today, k, branch):
        """k plans to edit, mostly current ones. A branch holds one team's edits; main leaves
        that team's plans alone while the branch is open (but see `edit`)."""
        paths = sorted(line["plans"])
        weights = []
        for path in paths:
            plan = line["plans"][path]
            if plan["start"] - dt.timedelta(days=30) <= today <= plan["end"] + dt.timedelta(days=20):
                w = 20.0
            else:
                w = 0.3
            if branch and (self.persons[self.person_of(path)]["team"] == branch["team"]) != (line is branch):
                w *= 0.001
            weights.append(w)
        chosen = []
        for _ in range(k):
            path = self.rng.choices(paths, weights)[0]
            if path not in chosen:
                chosen.append(path)
        return chosen

    def edit(self, line, when, today, main, branch):
        rng = self.rng
        k = 1 if rng.random() < 0.93 else rng.randint(2, 3)
        paths = self.pick_plans(line, today, k, branch)
        # Sometimes main edits a plan the branch also edited: the merge must combine both.
        if line is main and branch and branch["ops"] and rng.random() < 0.01:
            paths = [rng.choice(sorted(branch["ops"]))]
        ops = []
        author = None
        told = []
        for path in paths:
            plan = line["plans"][path]
            op = ("break",) if rng.random() < 0.003 else self.make_op(plan, today)
            self.edits[op[0]] = self.edits.get(op[0], 0) + 1
            told.append((path, op[0]))
            line["plans"][path] = self.apply(plan, op)
            if line["ops"] is not None:
                line["ops"].setdefault(path, []).append(op)
            ops.append(("M", path, self.render(line["plans"][path])))
            if author is None:
                author = self.author_of(self.person_of(path))
        what = {"tick": "Tick", "checkin": "Check in on", "action": "Add an action to", "due": "Move a due date in",
                "target": "Change a target in", "status": "Update a status in", "goal": "Add a goal to",
                "note": "Add a note to", "break": "Edit"}[op[0]]
        ref = "refs/heads/main" if line is main else branch["name"]
        line["tip"] = self.commit(ref, when, author, f"{what} {paths[0]}", [line["tip"]], ops)
        self.oracle[line["tip"]] = told

    def person_of(self, path):
        if not hasattr(self, "_slugs"):
            self._slugs = {p["slug"]: i for i, p in enumerate(self.persons)}
        return self._slugs[path.split("/")[-2]]

    def touch_code(self, line, when):
        rng = self.rng
        path = rng.choice(SRC)
        line["files"][path] = line["files"][path] + f"// change {self.counts['commits']}\n".encode()
        ref = "refs/heads/main" if line["ops"] is None else "refs/heads/topic"
        dev = rng.randrange(len(self.persons))
        self.counts["code"] += 1
        line["tip"] = self.commit(ref, when, self.author_of(dev), f"Update {path}", [line["tip"]],
                                  [("M", path, line["files"][path])])

    def merge(self, main, branch, when, today):
        ops = []
        combined = False
        for path, data in sorted(branch["files"].items()):
            if main["files"].get(path) != data:
                if main["files"][path] == files_base(branch, path):
                    main["files"][path] = data
                else:  # both sides touched it: keep both appended lines
                    extra = data[len(files_base(branch, path)):]
                    main["files"][path] = main["files"][path] + extra
                ops.append(("M", path, main["files"][path]))
        for path in sorted(branch["ops"]):
            if main["plans"][path] is branch["base"][path]:
                main["plans"][path] = branch["plans"][path]  # only the branch changed it
            else:
                combined = True
                state = main["plans"][path]
                for op in branch["ops"][path]:
                    state = self.apply(state, op)
                main["plans"][path] = state
            ops.append(("M", path, self.render(main["plans"][path])))
        for path, plan in branch["plans"].items():  # plans added on the branch
            if path not in main["plans"]:
                main["plans"][path] = plan
                ops.append(("M", path, self.render(plan)))
        main_tip = main["tip"]
        main["tip"] = self.commit("refs/heads/main", when, ("Lena Kowalski", "lena@example.com", "+0100"),
                                  "Merge branch 'topic'", [main["tip"], branch["tip"]], ops)
        self.counts["merges"] += 1
        self.counts["merges combining both sides of a plan"] += combined
        self.counts["merges of a branch whose base did not move"] += main_tip == branch["base_tip"]

    def rename(self, main, when, today):
        rng = self.rng
        old_ones = [p for p in sorted(main["plans"]) if main["plans"][p]["end"] < today - dt.timedelta(days=30)
                    and not p.startswith("plans/archive/")]
        current = [p for p in sorted(main["plans"]) if main["plans"][p]["start"] <= today <= main["plans"][p]["end"]
                   and p.count("/") == 2]
        if old_ones and (rng.random() < 0.7 or not current):
            old = rng.choice(old_ones)
            new = old.replace("plans/", "plans/archive/", 1)
            msg = f"Archive {old}"
        elif current:
            old = rng.choice(current)
            person = next(pr for pr in self.persons if pr["slug"] == old.split("/")[1])
            new = f"plans/{person['team']}/{old.split('/', 1)[1]}"
            msg = f"Move {old} to the {person['team']} team"
        else:
            return self.touch_code(main, when)
        ops = [("R", old, new)]
        plan = main["plans"].pop(old)
        if rng.random() < 0.5:  # an edit in the same commit
            plan = self.apply(plan, ("close", "done") if new.startswith("plans/archive/") else ("note", f"- {today}: moved teams"))
            ops.append(("M", new, self.render(plan)))
            msg += " and update it"
        main["plans"][new] = plan
        main["tip"] = self.commit("refs/heads/main", when, self.author_of(self.person_of(new)), msg, [main["tip"]], ops)
        self.counts["renames"] += 1


def files_base(branch, path):
    return branch["base_files"][path]


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    n_commits, n_plans, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    gen = Gen(n_commits, n_plans, seed)
    stream = gen.run()
    os.makedirs(out, exist_ok=True)
    git = ["git", "-C", out]
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    marks = os.path.join(out, ".git", "gen-marks")
    subprocess.run(git + ["fast-import", "--quiet", "--done", f"--export-marks={marks}"], input=stream + b"done\n",
                   check=True)
    if os.environ.get("GEN_REPO_ORACLE"):
        # What each plan-editing commit did, by commit id (to check `growth history` against).
        ids = dict(line.split() for line in open(marks))
        with open(os.environ["GEN_REPO_ORACLE"], "w") as f:
            json.dump({ids[f":{m}"]: told for m, told in gen.oracle.items()}, f)
    os.remove(marks)
    subprocess.run(git + ["update-ref", "-d", "refs/heads/topic"], check=False, stderr=subprocess.DEVNULL)
    subprocess.run(git + ["reset", "-q", "--hard", "main"], check=True)
    # What `git gc` leaves in a repository people work in (gc.writeCommitGraph is on by
    # default); COMMIT_GRAPH=0 leaves it out, to measure a repository that has none.
    if os.environ.get("COMMIT_GRAPH", "1") != "0":
        subprocess.run(git + ["commit-graph", "write", "--reachable"], check=True)
    count = lambda *args: subprocess.run(git + list(args), capture_output=True, text=True, check=True).stdout
    commits = int(count("rev-list", "--count", "HEAD"))
    merges = int(count("rev-list", "--count", "--merges", "HEAD"))
    plans = len([l for l in count("ls-files", "plans/").splitlines() if l.endswith(".md")])
    size = count("count-objects", "-vH")
    pack = next((l.split(": ", 1)[1] for l in size.splitlines() if l.startswith("size-pack")), "?")
    print(f"repo {out}: {commits} commits ({merges} merges), {plans} plans, "
          f"{gen.counts['renames']} plan renames, {len(stream) / 1e6:.1f} MB stream, pack {pack}")
    print(f"  commits touching only src/ or docs/: {gen.counts['code']}; "
          + "; ".join(f"{k}: {v}" for k, v in gen.counts.items() if k.startswith("merges ")))
    print("  plan edits in non-merge commits: " + ", ".join(f"{k} {v}" for k, v in sorted(gen.edits.items())))


if __name__ == "__main__":
    main()
