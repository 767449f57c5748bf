"""The engines that run the model graph: DuckDB (pipelines/models/builder.py, the warehouse) and Spark
(engines/spark.py), and the SQL subset both run the same way (engines/portable.py)."""
