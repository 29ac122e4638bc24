"""The default rubric: the five criteria of PermenPANRB 91/2021 with level descriptors.

The regulation names the five criteria of a public-service innovation (kebaruan,
efektif, bermanfaat, mudah direplikasi, berkelanjutan) without ranking one above another,
so each weighs 20%: a neutral starting point the Sekretariat changes per edition on the
rubric screen (the weights must still sum to 100).
"""

# Five bands, from the weakest to the strongest, laid over the round's scale.
LEVELS = 5

# (name, description, weight, [descriptor of band 1 (weakest) .. band 5 (strongest)])
CRITERIA = [
    (
        "Kebaruan",
        "Inovasi merupakan gagasan atau cara baru, atau modifikasi yang memberi nilai baru.",
        20,
        [
            "Tidak ada unsur baru; sama dengan praktik yang sudah umum.",
            "Unsur baru kecil dan belum jelas bedanya dengan praktik lama.",
            "Ada unsur baru yang jelas pada sebagian proses pelayanan.",
            "Pendekatan baru yang mengubah cara pelayanan secara nyata.",
            "Terobosan orisinal yang belum pernah diterapkan di instansi sejenis.",
        ],
    ),
    (
        "Efektif",
        "Inovasi mencapai tujuan dan menyelesaikan masalah pelayanan yang disasar.",
        20,
        [
            "Tidak ada bukti tujuan tercapai.",
            "Hasil terbatas dan belum terukur.",
            "Sebagian tujuan tercapai, didukung data sederhana.",
            "Tujuan tercapai dengan data capaian yang terukur.",
            "Tujuan tercapai penuh, terbukti dengan data sebelum-sesudah yang kuat.",
        ],
    ),
    (
        "Bermanfaat",
        "Inovasi memberi manfaat nyata bagi masyarakat dan/atau pemerintahan.",
        20,
        [
            "Manfaat tidak tergambar.",
            "Manfaat kecil dan hanya dirasakan kelompok sangat terbatas.",
            "Manfaat nyata bagi sebagian penerima layanan.",
            "Manfaat luas dan dirasakan sebagian besar penerima layanan.",
            "Manfaat sangat luas, termasuk bagi kelompok rentan, dengan bukti kepuasan.",
        ],
    ),
    (
        "Mudah direplikasi",
        "Inovasi dapat ditiru atau diadaptasi oleh instansi lain.",
        20,
        [
            "Sangat bergantung pada kondisi khusus; sulit ditiru.",
            "Dapat ditiru dengan biaya atau syarat yang berat.",
            "Dapat ditiru dengan penyesuaian yang wajar.",
            "Mudah ditiru; tersedia panduan atau dokumentasi.",
            "Sudah direplikasi instansi lain atau tersedia paket replikasi lengkap.",
        ],
    ),
    (
        "Berkelanjutan",
        "Inovasi terjamin keberlanjutannya: regulasi, anggaran, SDM, dan kelembagaan.",
        20,
        [
            "Tidak ada jaminan keberlanjutan.",
            "Bergantung pada satu orang atau kegiatan sesaat.",
            "Ada dukungan anggaran atau SDM, belum ada dasar hukum.",
            "Didukung dasar hukum, anggaran, dan SDM yang jelas.",
            "Melembaga penuh: dasar hukum, anggaran rutin, dan rencana pengembangan.",
        ],
    ),
]


def bands(scale_min: int, scale_max: int, levels: int = LEVELS) -> list[tuple[int, int]]:
    """Split the scale into `levels` contiguous bands of whole scores, weakest first
    (1-10 gives 1-2, 3-4, 5-6, 7-8, 9-10); a short scale gives fewer bands."""
    count = scale_max - scale_min + 1
    levels = min(levels, count)
    edges = [scale_min + round(i * count / levels) for i in range(levels + 1)]
    return [(edges[i], edges[i + 1] - 1) for i in range(levels)]
