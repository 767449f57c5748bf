"""The engines that run the model graph: DuckDB (pipelines/build.py, the warehouse) and Spark
(engines/spark.py), and the SQL subset both run the same way (engines/portable.py)."""
