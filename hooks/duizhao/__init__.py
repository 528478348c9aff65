"""duizhao (对照): a bilingual reading companion built from Chinese summaries and English originals.

The package is importable without MkDocs: every stage is a pure function from the
previous stage's data to the next (see ``model``), and ``hooks/build.py`` only wires
the stages to MkDocs events.
"""
