"""Stage 1, load: raw/ CSVs read under their declared contracts into schema raw, with lineage."""
