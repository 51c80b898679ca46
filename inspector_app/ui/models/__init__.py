"""Qt item models over the services layer."""
