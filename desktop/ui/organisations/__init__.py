"""The network directory: partner organisations, whom to call there, whom they support."""
