#!/usr/bin/env python3
"""Writes N synthetic Markdown plans under DIR/plans/, varied from the shipped examples.

Usage: gen_plans.py N DIR [SEED]

Each plan is a shipped example plan with its owner, goal titles, dates and action lists
varied, so the files differ (no caching effects) and are realistic in size and shape.
"""
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAMES = ["Ana", "Bo", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea"]
EXTRA_ACTIONS = [
    "- [ ] Pair with a teammate on the next incident (due 2026-{m:02d}-{d:02d})",
    "- [x] Read two postmortems from another team (done 2026-{m:02d}-{d:02d})",
    "- [ ] Ask for feedback after the design review 📅 2026-{m:02d}-{d:02d}",
    "- [x] Write up what I learned for the wiki ✅ 2026-{m:02d}-{d:02d}",
]


def main():
    n = int(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    sources = sorted((ROOT / "examples").glob("**/plans/**/*.md"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(n):
        text = texts[i % len(texts)]
        owner = f"{rng.choice(NAMES)} {rng.choice(NAMES)}son {i}"
        text = re.sub(r"^owner: .*$", f"owner: {owner}", text, count=1, flags=re.M)
        text = re.sub(r"^## Goal: (.*)$", lambda m: f"## Goal: {m.group(1)} ({i})", text, flags=re.M)
        extra = "\n".join(
            rng.choice(EXTRA_ACTIONS).format(m=rng.randint(7, 12), d=rng.randint(1, 28))
            for _ in range(rng.randint(0, 3))
        )
        text = text.replace("### Actions\n", "### Actions\n" + (extra + "\n" if extra else ""), 1)
        path = out / "plans" / f"person-{i:05d}" / "2026-h2.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
