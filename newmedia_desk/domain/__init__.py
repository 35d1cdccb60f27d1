"""Plain dataclasses, enums and rules. No Qt and no SQL here."""
