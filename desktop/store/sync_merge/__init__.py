"""The sync merge: changes from colleagues merged into the case file (not the merge of two
records of one person, which is `desktop/services/duplicate_merge.py`).

- `merger.py`: last writer wins per field group by HLC, causal length for existence, erasure
  never undone, the conflict list;
- `checks.py`: what a change from a colleague must look like before the merge touches anything;
- `orphans.py`: rows whose owner is gone follow it, the same way on every computer.
"""
