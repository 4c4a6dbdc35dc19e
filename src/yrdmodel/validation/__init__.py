"""Consistency checks of a whole mechanism: see :meth:`yrdmodel.Mechanism.validate`."""
