"""What the project says about its models: the catalog `clusterdw docs` prints and column lineage."""
