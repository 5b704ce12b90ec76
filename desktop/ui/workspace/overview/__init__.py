"""The overview tab: the person, their status, consent, contact and household."""
