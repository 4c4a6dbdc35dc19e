"""The model classes: values of the mechanism and the Mechanism that holds them."""
