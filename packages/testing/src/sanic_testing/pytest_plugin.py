"""pytest plugin registered by the ``hurtle-testing`` distribution (fixtures come later)."""
