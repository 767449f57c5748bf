"""Stage 3, validate: Great Expectations suites on the built tables; evidence held against documents."""
