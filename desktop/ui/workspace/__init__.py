"""The case workspace: the selected client in six tabs. A tab with several files has its own
folder (overview, plan, documents, appointments); notes and network are one file each."""
