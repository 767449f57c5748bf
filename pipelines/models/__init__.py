"""Stage 2, build: the SQL models' graph (read with sqlglot), built in order, described with COMMENT ON."""
