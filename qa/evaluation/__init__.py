"""Evaluation: ``qa eval`` on a gold set, SQuAD or RAMDocs; metrics as small pure functions;
reports and plots; the README's Results block. Results and how to reproduce them: eval/README.md.

May import from qa: the pipeline, qa.api and everything below; not app, cli, training or bench.
"""
