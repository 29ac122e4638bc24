"""Fill `forwarded_at` from each proposal's latest forwarding event, and the cluster and 3T
snapshot of every proposal forwarded so far from its instansi as it stands now (the best
knowledge there is; from now on the forward transition writes them at the moment itself).

Runs after 0004, so no proposal is left in a round state. The cluster mapping is copied here
(as `hubs.enums.CLUSTER_OF_KIND` stands today) so that a later change to it cannot change
what this migration does.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Subquery

FORWARDED_AND_LATER = ["forwarded", "admin_passed", "admin_failed"]
CLUSTER_OF_KIND = {
    "kementerian": "kementerian",
    "lembaga": "lembaga",
    "provinsi": "provinsi",
    "kabupaten": "kabupaten",
    "kota": "kota",
    "bumn": "bumn_bumd",
    "bumd": "bumn_bumd",
}


def forwards(apps, schema_editor):
    Proposal = apps.get_model("kipp", "Proposal")
    ProposalEvent = apps.get_model("kipp", "ProposalEvent")
    forwarding = ProposalEvent.objects.filter(proposal=OuterRef("pk"), to_state="forwarded")
    Proposal.objects.filter(Exists(forwarding)).update(
        forwarded_at=Subquery(forwarding.order_by("-created_at", "-pk").values("created_at")[:1])
    )
    forwarded = Proposal.objects.filter(state__in=FORWARDED_AND_LATER)
    for kind, cluster in CLUSTER_OF_KIND.items():
        forwarded.filter(instansi__kind=kind).update(cluster=cluster)
    forwarded.filter(instansi__region__is_3t=True).update(is_3t=True)
    forwarded.filter(is_3t__isnull=True).update(is_3t=False)


class Migration(migrations.Migration):
    dependencies = [("kipp", "0005_proposal_forward_snapshot")]

    # Reversed, nothing to undo: reversing 0005 drops the three columns.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
