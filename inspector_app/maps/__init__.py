"""Map pages built with folium from local assets only."""
