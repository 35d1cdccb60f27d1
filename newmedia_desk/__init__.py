"""newmedia_desk (新媒体管理台): the desktop program of an agency's new-media office.

This module is the one place that names the application.
"""

__version__ = "0.1.0"

APP_NAME = "newmedia_desk"
"""Technical name: data directories, settings scope, keyring service prefix."""

APP_DISPLAY_NAME = "新媒体管理台"
"""Name shown to people (window titles, About)."""

ORG_NAME = "newmedia_desk"
"""Organisation scope for QSettings and platformdirs."""
