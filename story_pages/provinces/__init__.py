"""The 63 provinces and the 34 units of 1 July 2025: the register read from vietnamadminunits
(register) and the province pages kept in step with it (sync)."""
