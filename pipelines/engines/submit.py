"""The file spark-submit runs (it takes a Python file, not a console script):

    spark-submit --master spark://HOST:7077 "$(python -c 'import pipelines.engines.submit as m; print(m.__file__)')" \\
        --project-dir . build --engine spark

Under spark-submit the session it set up is the one `build --engine spark` uses (no --master needed)."""

from pipelines.cli import entry  # absolute: spark-submit runs this file as a script, outside its package

if __name__ == "__main__":
    entry()
