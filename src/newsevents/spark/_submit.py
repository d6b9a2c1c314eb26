"""Entry point for spark-submit, which sets the master:

spark-submit [spark options] _submit.py INPUT OUTPUT [--partitions N]
"""

import argparse

from newsevents.spark import run_spark

if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="_submit.py", description=__doc__.splitlines()[0])
    parser.add_argument("input", help="file, folder or glob of articles, any Hadoop URI")
    parser.add_argument(
        "output",
        help="folder for the documents/, events/, happenings/, stories/ and errors/ tables",
    )
    parser.add_argument("--partitions", type=int, help="tasks to spread the articles over")
    args = parser.parse_args()
    run = run_spark(args.input, args.output, master=None, partitions=args.partitions)
    print(
        f"{run.documents} documents ({run.duplicates} copies), {run.events} events in "
        f"{run.happenings} happenings, {run.stories} stories, {run.errors} errors "
        f"-> {args.output}"
    )
