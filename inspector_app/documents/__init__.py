"""PDF documents rendered with reportlab from frozen content snapshots."""

from reportlab import rl_config

# Streams are compressed only, not also written as ASCII85 text: a PDF is a binary file for
# every viewer and printer in use, and the text form makes each stream a quarter larger and
# slower to write.
rl_config.useA85 = 0
