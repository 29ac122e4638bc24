#!/usr/bin/env python
"""Django's command-line utility for Portal KIPP."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # manage.py is the developer's entry point: without a DEBUG variable it runs the embedded
    # development shape. Deployments set DEBUG=0 (see .env.example); the web server itself
    # starts from config/wsgi.py, which has no such default and needs SECRET_KEY.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
