// Placeholder: replaced by the Datasets implementation.
