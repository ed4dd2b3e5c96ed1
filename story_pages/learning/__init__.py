"""The learning network: how one province learns from another."""
