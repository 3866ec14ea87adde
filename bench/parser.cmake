# Posting parser throughput (issue 3): MB/s on generated posting text.
offerkit_add_bench(parser)
