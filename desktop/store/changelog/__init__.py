"""The change log: every write of case data recorded as change rows in the same transaction.

- `transaction.py`: the only writer of the entity tables (`Transaction`), one change row per
  changed field group;
- `clock.py`: the hybrid logical clock that orders changes across computers;
- `reading.py`: reading the log for bundles (what is held from each device, what lies above).
"""
