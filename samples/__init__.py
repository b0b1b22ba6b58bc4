"""Generator of the sample .docx reports (run `python samples/make_samples.py`)."""
