"""Management areas: accounts, units, instansi, JIPP hubs and the 3T flag of regions.

Every view enters through `AreaRequiredMixin` and reaches objects only through a selector
of `hubs.selectors`; writes go through `hubs.services`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, UpdateView

from .. import selectors, services
from ..enums import InstansiKind, Role
from ..forms import AccountCreateForm, AccountForm, HubForm, InstansiForm, UnitForm
from .access import AreaRequiredMixin, ScopedObjectMixin


class SearchableListView(AreaRequiredMixin, ListView):
    """A paginated list narrowed by `?q=` over `search_fields`."""

    paginate_by = 25
    search_fields: tuple[str, ...] = ()

    def scoped_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        queryset = self.scoped_queryset()
        query = self.request.GET.get("q", "").strip()
        if query and self.search_fields:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": query})
            queryset = queryset.filter(condition)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.request.GET.get("q", "")
        return context


class CancelLinkMixin:
    """Give form pages the URL of the list they return to (for breadcrumbs and "Batal")."""

    list_url_name = ""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "cancel_url": reverse(self.list_url_name)}


# Accounts -------------------------------------------------------------------------------


def temporary_password_page(request, *, account, password: str, created: bool):
    """The page that shows a temporary password once; no browser or proxy may keep a copy
    (Cache-Control: no-store), so the back button or a shared cache cannot show it again."""
    response = render(
        request,
        "hubs/account_password.html",
        {"account": account, "password": password, "created": created},
    )
    add_never_cache_headers(response)
    # Sent uncompressed: a secret in a compressed page is what BREACH guesses at.
    response.kipp_uncompressed = True
    return response


class AccountListView(SearchableListView):
    permission_required = "hubs.manage_accounts"
    template_name = "hubs/account_list.html"
    context_object_name = "accounts"
    search_fields = ("username", "name", "email")

    def scoped_queryset(self):
        queryset = selectors.accounts_managed_by(self.request.user)
        role = self.request.GET.get("role", "")
        if role in Role.values:
            queryset = queryset.filter(memberships__role=role).distinct()
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grantable = selectors.account_roles_grantable_by(self.request.user)
        context["role_filter"] = (
            [(r, Role(r).label) for r in grantable] if len(grantable) > 1 else []
        )
        context["role"] = self.request.GET.get("role", "")
        return context


class AccountCreateView(CancelLinkMixin, AreaRequiredMixin, FormView):
    list_url_name = "account_list"
    permission_required = "hubs.manage_accounts"
    template_name = "hubs/account_form.html"
    form_class = AccountCreateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        user, password = services.account_create(
            actor=self.request.user,
            username=data["username"],
            name=data["name"],
            email=data["email"],
            phone=data.get("phone", ""),
            role=data["role"],
            unit=data.get("unit"),
            instansi=data.get("instansi"),
            hub=data.get("hub"),
        )
        # Rendered, not redirected: the temporary password is shown once and stored nowhere.
        return temporary_password_page(self.request, account=user, password=password, created=True)


class AccountUpdateView(CancelLinkMixin, ScopedObjectMixin, UpdateView):
    list_url_name = "account_list"
    permission_required = "hubs.manage_accounts"
    template_name = "hubs/account_form.html"
    form_class = AccountForm
    context_object_name = "account"

    def scoped_queryset(self):
        return selectors.accounts_managed_by(self.request.user)

    def form_valid(self, form):
        data = form.cleaned_data
        services.account_update(
            actor=self.request.user,
            account=self.object,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
        )
        messages.success(self.request, _("Data akun %(u)s disimpan.") % {"u": self.object.username})
        return redirect("account_list")


class _AccountActionView(AreaRequiredMixin, View):
    permission_required = "hubs.manage_accounts"
    http_method_names = ["post"]

    def get_account(self, pk):
        return get_object_or_404(selectors.accounts_managed_by(self.request.user), pk=pk)


class AccountActiveView(_AccountActionView):
    def post(self, request, pk):
        account = self.get_account(pk)
        active = request.POST.get("active") == "1"
        services.account_set_active(actor=request.user, account=account, active=active)
        if active:
            messages.success(request, _("Akun %(u)s diaktifkan.") % {"u": account.username})
        else:
            messages.success(request, _("Akun %(u)s dinonaktifkan.") % {"u": account.username})
        return redirect("account_list")


class AccountResetPasswordView(_AccountActionView):
    def post(self, request, pk):
        account = self.get_account(pk)
        password = services.account_reset_password(actor=request.user, account=account)
        return temporary_password_page(request, account=account, password=password, created=False)


# Units ----------------------------------------------------------------------------------


class UnitListView(SearchableListView):
    permission_required = "hubs.manage_units"
    template_name = "hubs/unit_list.html"
    context_object_name = "units"
    search_fields = ("name", "instansi__name")

    def scoped_queryset(self):
        return selectors.units_managed_by(self.request.user)


class UnitFormMixin(CancelLinkMixin):
    list_url_name = "unit_list"
    form_class = UnitForm
    template_name = "hubs/unit_form.html"
    permission_required = "hubs.manage_units"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form):
        try:
            services.unit_save(actor=self.request.user, unit=form.instance)
        except ValidationError as error:
            # A refused move names the instansi field.
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Unit %(n)s disimpan.") % {"n": form.instance.name})
        return redirect("unit_list")


class UnitCreateView(UnitFormMixin, AreaRequiredMixin, FormView):
    def get_form_kwargs(self):
        from ..models import Unit

        return {**super().get_form_kwargs(), "instance": Unit()}


class UnitUpdateView(UnitFormMixin, ScopedObjectMixin, UpdateView):
    context_object_name = "unit"

    def scoped_queryset(self):
        return selectors.units_managed_by(self.request.user)


# Instansi -------------------------------------------------------------------------------


class InstansiListView(SearchableListView):
    permission_required = "hubs.view_instansi"
    template_name = "hubs/instansi_list.html"
    context_object_name = "instansi_list"
    search_fields = ("name", "region__name")

    def scoped_queryset(self):
        queryset = selectors.instansi_visible_to(self.request.user)
        kind = self.request.GET.get("kind", "")
        if kind in InstansiKind.values:
            queryset = queryset.filter(kind=kind)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = InstansiKind.choices
        context["kind"] = self.request.GET.get("kind", "")
        context["can_manage"] = self.request.user.has_perm("hubs.manage_instansi")
        return context


class InstansiFormMixin(CancelLinkMixin):
    list_url_name = "instansi_list"
    form_class = InstansiForm
    template_name = "hubs/instansi_form.html"
    permission_required = "hubs.manage_instansi"

    def form_valid(self, form):
        services.instansi_save(actor=self.request.user, instansi=form.instance)
        messages.success(self.request, _("Instansi %(n)s disimpan.") % {"n": form.instance.name})
        return redirect("instansi_list")


class InstansiCreateView(InstansiFormMixin, AreaRequiredMixin, FormView):
    def get_form_kwargs(self):
        from ..models import Instansi

        return {**super().get_form_kwargs(), "instance": Instansi()}


class InstansiUpdateView(InstansiFormMixin, ScopedObjectMixin, UpdateView):
    context_object_name = "instansi"

    def scoped_queryset(self):
        return selectors.instansi_managed_by(self.request.user)


# Hubs -----------------------------------------------------------------------------------


class HubListView(SearchableListView):
    permission_required = "hubs.view_hubs"
    template_name = "hubs/hub_list.html"
    context_object_name = "hubs"
    search_fields = ("province__name", "decree")
    paginate_by = 50

    def scoped_queryset(self):
        return selectors.hubs_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = self.request.user.has_perm("hubs.manage_hubs")
        return context


class HubFormMixin(CancelLinkMixin):
    list_url_name = "hub_list"
    form_class = HubForm
    template_name = "hubs/hub_form.html"
    permission_required = "hubs.manage_hubs"

    def form_valid(self, form):
        services.hub_save(actor=self.request.user, hub=form.instance)
        messages.success(self.request, _("Hub %(n)s disimpan.") % {"n": form.instance})
        return redirect("hub_list")


class HubCreateView(HubFormMixin, AreaRequiredMixin, FormView):
    def get_form_kwargs(self):
        from ..models import Hub

        return {**super().get_form_kwargs(), "instance": Hub()}


class HubUpdateView(HubFormMixin, ScopedObjectMixin, UpdateView):
    context_object_name = "hub"

    def scoped_queryset(self):
        return selectors.hubs_managed_by(self.request.user)


# Regions (3T flag) -----------------------------------------------------------------------


class RegionListView(SearchableListView):
    permission_required = "hubs.manage_regions"
    template_name = "hubs/region_list.html"
    context_object_name = "regions"
    search_fields = ("name", "code")
    paginate_by = 50

    def scoped_queryset(self):
        queryset = selectors.regions_managed_by(self.request.user)
        province = self.request.GET.get("province", "")
        if province:
            queryset = queryset.filter(Q(code=province) | Q(parent__code=province))
        if self.request.GET.get("only_3t") == "1":
            queryset = queryset.filter(is_3t=True)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["provinces"] = selectors.provinces()
        context["province"] = self.request.GET.get("province", "")
        context["only_3t"] = self.request.GET.get("only_3t") == "1"
        return context


class Region3TView(AreaRequiredMixin, View):
    """Toggle a region's 3T flag; answers the table row for htmx, a redirect otherwise."""

    permission_required = "hubs.manage_regions"
    http_method_names = ["post"]

    def post(self, request, pk):
        region = get_object_or_404(selectors.regions_managed_by(request.user), pk=pk)
        services.region_set_3t(
            actor=request.user, region=region, is_3t=request.POST.get("is_3t") == "1"
        )
        if request.htmx:
            return render(request, "hubs/_region_row.html", {"region": region})
        return redirect(reverse("region_list") + f"?q={region.code}")
