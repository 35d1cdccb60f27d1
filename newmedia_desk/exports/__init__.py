"""Excel exports: template filling and ledgers with openpyxl, saved atomically. No Qt here."""
