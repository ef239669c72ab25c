// Placeholder: replaced by the NN implementation.
