"""Monday morning: the week's appointments and the deadline radar."""
