"""Speed and memory of amazon-contact, each against a baseline measured in the same run."""
