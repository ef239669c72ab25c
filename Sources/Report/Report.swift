// Placeholder: replaced by the Report implementation.
