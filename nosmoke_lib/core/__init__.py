"""The teaching core: all a learner needs to read to understand a network (numpy only)."""
