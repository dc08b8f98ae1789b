"""Training: how the shipped models in qa/reading/data/ are fitted (reader calibration, the
cross-encoder's adapters, the short-answer ranker). Run by hand, never by ``qa.ask()`` or the app.

May import from qa: the pipeline and everything below, and qa.evaluation (metrics, SQuAD loading).
"""
