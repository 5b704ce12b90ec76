"""Welcome Desk: an encrypted offline case file for welcome centres."""
