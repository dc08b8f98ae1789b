"""The Gradio web app: wiring of callbacks to qa.api (web.py), HTML rendering of answers and
articles (always inert text), and uploads into the corpus folder.

May import from qa: everything up to and including qa.pipeline and qa.api; never evaluation,
training or bench.
"""
