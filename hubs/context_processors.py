"""Template context shared by every page: the signed-in user's roles, for the menu."""

from django.utils.functional import SimpleLazyObject

from .models import Notification
from .roles import EMPTY, roles_of


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"kipp_roles": EMPTY, "unread_notifications": 0}
    return {
        "kipp_roles": SimpleLazyObject(lambda: roles_of(user)),
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        ),
    }
