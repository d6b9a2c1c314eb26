"""Entry point for spark-submit: `spark-submit ... _submit.py INPUT OUTPUT`."""

import sys

from newsevents.spark import run_spark

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: _submit.py INPUT OUTPUT")
    print(f"{run_spark(sys.argv[1], sys.argv[2], master=None)} events -> {sys.argv[2]}")
