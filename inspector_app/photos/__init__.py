"""Photo processing (resize, evidence stamp) with Pillow."""
