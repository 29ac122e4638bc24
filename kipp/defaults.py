"""Defaults for a new competition, from SPEC 3.1-3.2: form sections, categories, evidence.

The Sekretariat (or a hub) can change all of them per competition; these only pre-fill.
"""

from django.utils.translation import gettext_noop as N_

from .enums import EvidenceKind, GroupKind

# (key, title, word limit) per group, in form order.
SECTIONS = {
    GroupKind.UMUM: [
        ("ringkasan", N_("Ringkasan"), 200),
        ("ide_inovatif", N_("Ide inovatif: latar belakang, tujuan, kebaruan"), 600),
        ("signifikansi", N_("Signifikansi: pelaksanaan dan pengukuran dampak"), 600),
        ("kontribusi_tpb", N_("Kontribusi terhadap TPB/SDGs"), 200),
        ("adaptabilitas", N_("Adaptabilitas"), 400),
        ("keberlanjutan", N_("Keberlanjutan"), 600),
        ("kolaborasi", N_("Kolaborasi pemangku kepentingan"), 200),
    ],
    GroupKind.REPLIKASI: [
        ("inspirasi", N_("Inspirasi"), 100),
        ("proses_replikasi", N_("Proses replikasi"), 200),
        ("faktor_pembeda", N_("Faktor pembeda"), 100),
    ],
    GroupKind.KHUSUS: [
        ("pembaruan", N_("Pembaruan"), 200),
        ("adaptabilitas", N_("Adaptabilitas"), 200),
        ("penguatan_keberlanjutan", N_("Penguatan keberlanjutan"), 300),
        ("evaluasi", N_("Evaluasi"), 300),
    ],
}

QUOTAS = {GroupKind.UMUM: 10, GroupKind.REPLIKASI: 5, GroupKind.KHUSUS: 1}
MIN_AGE_MONTHS = {GroupKind.UMUM: 24, GroupKind.REPLIKASI: 12, GroupKind.KHUSUS: 24}

REQUIRED_EVIDENCE = {
    GroupKind.UMUM: [
        EvidenceKind.SERVICE_STANDARD,
        EvidenceKind.MAKLUMAT,
        EvidenceKind.COMPLAINTS_DECREE,
        EvidenceKind.INNOVATOR_DECREE,
        EvidenceKind.START_PROOF,
        EvidenceKind.REPLICATION_LETTER,
    ],
    GroupKind.REPLIKASI: [
        EvidenceKind.INNOVATOR_DECREE,
        EvidenceKind.START_PROOF,
    ],
    GroupKind.KHUSUS: [EvidenceKind.INNOVATOR_DECREE],
}

CATEGORIES_2025 = [
    N_("Perlindungan gender, anak dan disabilitas"),
    N_("Ketahanan pangan, air dan energi"),
    N_("Penciptaan lapangan kerja"),
    N_("Kesehatan"),
    N_("Makan bergizi gratis"),
    N_("Pemberdayaan UMKM"),
    N_("Pengentasan kemiskinan"),
    N_("Transformasi digital layanan"),
    N_("Lingkungan hidup"),
]

# Guiding questions and the criterion each section is scored on, by section key: the text a
# new competition's sections start with (editable per competition on its configuration).
GUIDANCE = {
    "ringkasan": (
        N_("Masalah apa yang diatasi, apa inovasinya, dan apa hasil terpentingnya?"),
        N_("Kejelasan gambaran inovasi secara utuh dalam ringkasan."),
    ),
    "ide_inovatif": (
        N_("Apa latar belakang dan tujuannya? Apa yang baru dibanding cara sebelumnya?"),
        N_("Kebaruan dan kreativitas gagasan terhadap masalah pelayanan yang nyata."),
    ),
    "signifikansi": (
        N_(
            "Bagaimana inovasi dilaksanakan, dan bagaimana dampaknya diukur (data sebelum dan "
            "sesudah)?"
        ),
        N_("Besarnya dampak yang terukur bagi penerima layanan."),
    ),
    "kontribusi_tpb": (
        N_("Tujuan TPB/SDGs mana yang didukung, dan bagaimana caranya?"),
        N_("Keterkaitan yang nyata dengan tujuan TPB/SDGs yang dipilih."),
    ),
    "adaptabilitas": (
        N_("Apakah inovasi sudah atau dapat diterapkan di tempat lain? Apa syaratnya?"),
        N_("Kemudahan inovasi ditiru dan disesuaikan oleh instansi lain."),
    ),
    "keberlanjutan": (
        N_("Bagaimana inovasi dijamin berlanjut: aturan, anggaran, SDM, kelembagaan?"),
        N_("Kepastian keberlanjutan dari sisi kebijakan, sumber daya dan kelembagaan."),
    ),
    "kolaborasi": (
        N_("Siapa saja yang terlibat dan apa peran masing-masing?"),
        N_("Keterlibatan pemangku kepentingan dan masyarakat."),
    ),
    "inspirasi": (
        N_("Inovasi mana yang direplikasi, dan mengapa dipilih?"),
        N_("Alasan replikasi yang jelas dan sesuai kebutuhan setempat."),
    ),
    "proses_replikasi": (
        N_("Bagaimana replikasi dilakukan, dan apa yang disesuaikan?"),
        N_("Kesungguhan proses replikasi dan penyesuaiannya."),
    ),
    "faktor_pembeda": (
        N_("Apa yang membedakan hasil replikasi dari inovasi asalnya?"),
        N_("Nilai tambah dibanding inovasi asal."),
    ),
    "pembaruan": (
        N_("Apa yang diperbarui sejak inovasi memenangi kompetisi?"),
        N_("Besarnya pembaruan sejak penghargaan sebelumnya."),
    ),
    "penguatan_keberlanjutan": (
        N_("Bagaimana keberlanjutan diperkuat sejak penghargaan sebelumnya?"),
        N_("Penguatan kebijakan, anggaran dan kelembagaan."),
    ),
    "evaluasi": (
        N_("Bagaimana inovasi dievaluasi, dan apa hasilnya?"),
        N_("Mutu evaluasi dan tindak lanjutnya."),
    ),
}
