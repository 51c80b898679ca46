"""Speed and memory benchmarks (``make bench``); each prints one line per figure."""
