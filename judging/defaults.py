"""The default rubric: the five criteria of PermenPANRB 91/2021 with level descriptors.

The regulation names the five criteria of a public-service innovation (kebaruan,
efektif, bermanfaat, mudah direplikasi, berkelanjutan) without ranking one above another,
so each weighs 20%: a neutral starting point the Sekretariat changes per edition on the
rubric screen (the weights must still sum to 100).
"""

from django.utils.translation import gettext_noop as N_

# Five bands, from the weakest to the strongest, laid over the round's scale.
LEVELS = 5

# (name, description, weight, [descriptor of band 1 (weakest) .. band 5 (strongest)])
CRITERIA = [
    (
        N_("Kebaruan"),
        N_("Inovasi merupakan gagasan atau cara baru, atau modifikasi yang memberi nilai baru."),
        20,
        [
            N_("Tidak ada unsur baru; sama dengan praktik yang sudah umum."),
            N_("Unsur baru kecil dan belum jelas bedanya dengan praktik lama."),
            N_("Ada unsur baru yang jelas pada sebagian proses pelayanan."),
            N_("Pendekatan baru yang mengubah cara pelayanan secara nyata."),
            N_("Terobosan orisinal yang belum pernah diterapkan di instansi sejenis."),
        ],
    ),
    (
        N_("Efektif"),
        N_("Inovasi mencapai tujuan dan menyelesaikan masalah pelayanan yang disasar."),
        20,
        [
            N_("Tidak ada bukti tujuan tercapai."),
            N_("Hasil terbatas dan belum terukur."),
            N_("Sebagian tujuan tercapai, didukung data sederhana."),
            N_("Tujuan tercapai dengan data capaian yang terukur."),
            N_("Tujuan tercapai penuh, terbukti dengan data sebelum-sesudah yang kuat."),
        ],
    ),
    (
        N_("Bermanfaat"),
        N_("Inovasi memberi manfaat nyata bagi masyarakat dan/atau pemerintahan."),
        20,
        [
            N_("Manfaat tidak tergambar."),
            N_("Manfaat kecil dan hanya dirasakan kelompok sangat terbatas."),
            N_("Manfaat nyata bagi sebagian penerima layanan."),
            N_("Manfaat luas dan dirasakan sebagian besar penerima layanan."),
            N_("Manfaat sangat luas, termasuk bagi kelompok rentan, dengan bukti kepuasan."),
        ],
    ),
    (
        N_("Mudah direplikasi"),
        N_("Inovasi dapat ditiru atau diadaptasi oleh instansi lain."),
        20,
        [
            N_("Sangat bergantung pada kondisi khusus; sulit ditiru."),
            N_("Dapat ditiru dengan biaya atau syarat yang berat."),
            N_("Dapat ditiru dengan penyesuaian yang wajar."),
            N_("Mudah ditiru; tersedia panduan atau dokumentasi."),
            N_("Sudah direplikasi instansi lain atau tersedia paket replikasi lengkap."),
        ],
    ),
    (
        N_("Berkelanjutan"),
        N_("Inovasi terjamin keberlanjutannya: regulasi, anggaran, SDM, dan kelembagaan."),
        20,
        [
            N_("Tidak ada jaminan keberlanjutan."),
            N_("Bergantung pada satu orang atau kegiatan sesaat."),
            N_("Ada dukungan anggaran atau SDM, belum ada dasar hukum."),
            N_("Didukung dasar hukum, anggaran, dan SDM yang jelas."),
            N_("Melembaga penuh: dasar hukum, anggaran rutin, dan rencana pengembangan."),
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
