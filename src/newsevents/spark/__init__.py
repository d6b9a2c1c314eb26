"""Scale-out: the same stage functions inside Spark partitions (`newsevents spark IN OUT`)."""

from newsevents.spark._run import run_spark

__all__ = ["run_spark"]
