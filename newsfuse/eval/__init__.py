"""Evaluations and benchmarks: measured quality and speed, never guessed.

- ``timelines``: Timeline17 Date-F1 and alignment ROUGE of the timeline builder vs a baseline.
- ``summaries``: ROUGE of story summaries vs sumy's LexRank and a lead baseline (T17 day stories).
- ``speed``: seconds per brief and peak memory by story size, vs LexRank on the same stories.
- ``t17``: loading and detokenising Timeline17 (cached).
- ``commands``: the ``newsfuse eval`` Typer sub-app (imports the modules above lazily).
Heavy dependencies (tilse, sumy, rouge-score, psutil) are imported inside functions.
"""
