"""PySide6 widgets, dialogs and views. The only package that imports Qt."""
