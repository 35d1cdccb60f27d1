"""Engine, sessions, models, repositories and migrations. No Qt here."""
