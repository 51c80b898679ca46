"""PDF documents rendered with reportlab from frozen content snapshots."""
