"""`clusterdw review`: a draft reviewed beside its document in the browser, and what reviews teach.

session.py holds the review (every decision, saved as it goes); check.py holds rows against the load's
own contract checks; added.py guesses a figure from selected text with suggest's reading; server.py
serves the page (static/) on loopback; finish.py writes the reviewed file into raw/figures; pairs.py
compares each draft with its reviewed file, for `review --stats` (stats.py) and the results table
(results.py).
"""
