"""spaCy adapters: they turn Docs into the inputs of the pure modules and write their outputs back."""
