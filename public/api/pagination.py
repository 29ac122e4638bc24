"""Cursor pagination of every API list: the position travels in an opaque cursor, so a
page costs the same at the end of 100,000 rows as at the start."""

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = "-pk"
