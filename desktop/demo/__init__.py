"""Realistic synthetic case files for demonstrations, training and benchmarks.

The same (clients, seed, today) always gives the same content, ids included: every random choice
comes from a `random.Random` seeded from `seed`, never from the global generator or `uuid4()`.
Organisations and households are made up front (clients point to households); the cases
themselves come from a generator, so 50,000 clients are never held in memory at once.

Alternative spellings in `Client.other_names` are whole names, given names first, as they appear
on other papers ("Muhammad Alhassan", "Олександр Коваленко").

The package: `cases` holds the public types and `generate`; the case writer is put together from
`writer` (shared helpers), `households`, `clients`, `planning` and `records`; the data they draw
on is written as text tables in `names`, `people`, `statuses`, `network`, `plans` and `papers`,
read with the helpers in `tables`. Only the names below are meant for use outside the package.

Most goals, measures and appointment purposes are phrases of the shipped catalogue: `generate`
is handed them (desktop.services.demo reads the catalogue, which lives in the report layer).

A few things every demo shows whatever the dice say (while the dates allow): a family whose
§ 104c permit (Chancenaufenthalt) runs out within the deadline radar's six weeks, and an open
client who needs an interpreter for each of Kurmanji, Sorani, Somali and Russian.
"""

from desktop.demo.cases import DemoCase, DemoData, generate
from desktop.demo.plans import Phrases

__all__ = ["DemoCase", "DemoData", "Phrases", "generate"]
