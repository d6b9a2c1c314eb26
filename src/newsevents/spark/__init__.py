"""Scale-out: the same stage functions inside Spark partitions (`newsevents spark IN OUT`).

Needs pyspark (`pip install 'newsevents[spark]'`) and Java 17.
"""

from newsevents.spark._run import DEFAULT_MASTER, SparkRun, run_spark, spark_session

__all__ = ["DEFAULT_MASTER", "SparkRun", "run_spark", "spark_session"]
