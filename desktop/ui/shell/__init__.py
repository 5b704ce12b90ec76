"""The shell: the main window, its menus, the start (set-up or unlock, then the window) and the
idle lock. Menus and dialogs elsewhere get a `Shell` (shell/protocol.py), never the window."""
