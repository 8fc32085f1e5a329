"""The pre-sync check: exact links, suspected duplicates and problems, for a back-sync window."""
