#!/usr/bin/env python3
"""Derives adopt's gazetteer (Sources/AdoptCore/Gazetteer/GazetteerTable.swift) from the
AreaCity division list (xiangyuecn/AreaCity-JsSpider-StatsGov, MIT; NBS 2023 + MCA 2023).

Usage: python3 Scripts/make-gazetteer.py ../shared/reference/divisions/areacity-level3.csv

Rows become `code<TAB>parent<TAB>level<TAB>name<TAB>short<TAB>pinyin<TAB>english`, with
six-digit GB/T 2260 codes, and an eighth field `alias;alias...` on the few rows that have
aliases (see CONVENTIONAL and ALIASES below). Rows whose six-digit code repeats their
parent's (Dongguan, Zhongshan, Xiantao... prefecture-level cities without counties) are
dropped, so every code is unique. The tile grid is hafen/grid-designer's china_prov_grid1
(see research/tile-grid.md).
"""
import csv, sys

ENGLISH = {
    11: "Beijing", 12: "Tianjin", 13: "Hebei", 14: "Shanxi", 15: "Inner Mongolia",
    21: "Liaoning", 22: "Jilin", 23: "Heilongjiang", 31: "Shanghai", 32: "Jiangsu",
    33: "Zhejiang", 34: "Anhui", 35: "Fujian", 36: "Jiangxi", 37: "Shandong", 41: "Henan",
    42: "Hubei", 43: "Hunan", 44: "Guangdong", 45: "Guangxi", 46: "Hainan", 50: "Chongqing",
    51: "Sichuan", 52: "Guizhou", 53: "Yunnan", 54: "Xizang", 61: "Shaanxi", 62: "Gansu",
    63: "Qinghai", 64: "Ningxia", 65: "Xinjiang", 71: "Taiwan", 81: "Hong Kong", 82: "Macao",
}
# Conventional English names, by code, where they differ from the bare pinyin that english()
# derives (呼和浩特 is "Hohhot", not "Huhehaote"). Chosen by hand: the name English-language
# maps, atlases and news use for the place, which is normally the title of its English
# Wikipedia article without the administrative suffix ("Kashgar Prefecture" -> "Kashgar"),
# written in plain ASCII ("Urumqi", not "Ürümqi") so it can be typed in search. Places named in
# Mongolian, Uyghur, Kazakh, Kyrgyz, Xibe or Tibetan keep the romanisation of that name
# (Hohhot, Karamay, Qapqal, Shigatse); Taiwan's keep the romanisation used there (Taipei,
# Kaohsiung); a few Han names get pinyin's apostrophe (Xi'an, Yan'an).
#
# code: (Chinese short name, display name, extra aliases...). The Chinese short name is a
# check: the script stops if it does not match the division list. The derived pinyin form
# ("Huhehaote") always becomes an alias, so search finds both; the extra aliases are other
# names people search for (Kashi, Xigaze, Lhoka). A code missing from the division list is
# skipped with a note, so a newer or older list does not break the script. Places whose
# pinyin already is the name in use (Baotou, Hami, Changji, Dali, Yanbian, Xishuangbanna...)
# are not listed.
CONVENTIONAL = {
    # Inner Mongolia
    150100: ("呼和浩特", "Hohhot"),
    150600: ("鄂尔多斯", "Ordos"),
    150700: ("呼伦贝尔", "Hulunbuir"),
    150702: ("海拉尔", "Hailar"),
    150784: ("额尔古纳", "Ergun"),
    150800: ("巴彦淖尔", "Bayannur"),
    150900: ("乌兰察布", "Ulanqab"),
    152200: ("兴安", "Hinggan"),
    152201: ("乌兰浩特", "Ulanhot"),
    152202: ("阿尔山", "Arxan"),
    152500: ("锡林郭勒", "Xilingol"),
    152501: ("二连浩特", "Erenhot"),
    152502: ("锡林浩特", "Xilinhot"),
    152900: ("阿拉善", "Alxa"),
    # The north-east
    220200: ("吉林市", "Jilin City"),
    230100: ("哈尔滨", "Harbin"),
    230200: ("齐齐哈尔", "Qiqihar"),
    # Han places that take pinyin's apostrophe
    320800: ("淮安", "Huai'an"),
    341500: ("六安", "Lu'an"),
    360800: ("吉安", "Ji'an"),
    370900: ("泰安", "Tai'an"),
    511800: ("雅安", "Ya'an"),
    610100: ("西安", "Xi'an"),
    610600: ("延安", "Yan'an"),
    # Yunnan
    533401: ("香格里拉", "Shangri-La", "Zhongdian"),
    # Xizang
    540100: ("拉萨", "Lhasa"),
    540200: ("日喀则", "Shigatse", "Xigaze"),
    540300: ("昌都", "Qamdo", "Chamdo"),
    540400: ("林芝", "Nyingchi"),
    540500: ("山南", "Shannan", "Lhoka"),
    540600: ("那曲", "Nagqu"),
    542500: ("阿里", "Ngari"),
    # Qinghai
    632801: ("格尔木", "Golmud"),
    # Xinjiang
    650100: ("乌鲁木齐", "Urumqi"),
    650121: ("乌鲁木齐县", "Urumqi County"),
    650200: ("克拉玛依", "Karamay"),
    650400: ("吐鲁番", "Turpan"),
    652700: ("博尔塔拉", "Bortala"),
    652800: ("巴音郭楞", "Bayingolin"),
    652801: ("库尔勒", "Korla"),
    652900: ("阿克苏", "Aksu"),
    652901: ("阿克苏市", "Aksu"),
    652902: ("库车", "Kuqa"),
    653000: ("克孜勒苏", "Kizilsu"),
    653001: ("阿图什", "Artux"),
    653100: ("喀什", "Kashgar", "Kashi"),
    653101: ("喀什市", "Kashgar", "Kashi"),
    653131: ("塔什库尔干", "Taxkorgan"),
    653200: ("和田", "Hotan"),
    653201: ("和田市", "Hotan"),
    654000: ("伊犁", "Ili"),
    654002: ("伊宁市", "Yining", "Ghulja"),
    654003: ("奎屯", "Kuytun"),
    654004: ("霍尔果斯", "Khorgas"),
    654022: ("察布查尔", "Qapqal"),
    654300: ("阿勒泰", "Altay"),
    654301: ("阿勒泰市", "Altay"),
    659002: ("阿拉尔", "Aral"),
    659003: ("图木舒克", "Tumxuk"),
    659008: ("可克达拉", "Kokdala"),
    # Cities whose short name keeps its suffix, so bare pinyin ends in "shi"
    532301: ("楚雄市", "Chuxiong"),
    532901: ("大理市", "Dali"),
    632701: ("玉树市", "Yushu"),
    652301: ("昌吉市", "Changji"),
    654201: ("塔城市", "Tacheng"),
    # Taiwan
    710100: ("台北", "Taipei"),
    710200: ("高雄", "Kaohsiung"),
    710400: ("台中", "Taichung"),
    710700: ("基隆", "Keelung"),
    710800: ("新竹市", "Hsinchu City"),
    710900: ("嘉义市", "Chiayi City"),
    711100: ("新北", "New Taipei"),
    711300: ("新竹县", "Hsinchu County"),
    711700: ("彰化", "Changhua"),
    711900: ("嘉义县", "Chiayi County"),
    712400: ("屏东", "Pingtung"),
    712500: ("台东", "Taitung"),
    712600: ("花莲", "Hualien"),
}
# Other names for places whose displayed name stays: provinces' English names are the
# conventional ones already (ENGLISH), but people also search for these.
ALIASES = {
    150000: ("Nei Mongol",),
    540000: ("Tibet",),
    820000: ("Macau",),
}
# (row, column), 1-based, china_prov_grid1: 11 rows x 10 columns.
TILES = {
    23: (1, 10), 65: (2, 1), 15: (2, 7), 22: (2, 10), 64: (3, 5), 11: (3, 8), 21: (3, 9),
    63: (4, 2), 13: (4, 7), 12: (4, 8), 62: (5, 4), 14: (5, 6), 41: (5, 7), 37: (5, 8),
    61: (6, 5), 42: (6, 6), 34: (6, 7), 32: (6, 8), 31: (6, 9), 54: (7, 2), 51: (7, 4),
    50: (7, 5), 43: (7, 6), 33: (7, 8), 52: (8, 5), 36: (8, 7), 35: (8, 8), 71: (8, 10),
    53: (9, 4), 45: (9, 6), 44: (9, 7), 82: (10, 9), 81: (10, 10), 46: (11, 7),
}

def english(pinyin):
    return "".join(pinyin.split()).capitalize() if pinyin else ""

def main(path):
    rows, code_of, seen = [], {}, set()
    with open(path, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            rid, deep = r["id"], int(r["deep"])
            if rid.startswith("91"):
                continue
            code = int(r["ext_id"][:6])
            code_of[rid] = code
            parent = 0 if deep == 0 else code_of[r["pid"]]
            if code == parent or code in seen:
                continue
            seen.add(code)
            short, full = r["name"], r["ext_name"]
            eng = ENGLISH[int(rid)] if deep == 0 else english(r["pinyin"])
            aliases = list(ALIASES.get(code, ()))
            if code in CONVENTIONAL:
                chinese, display, *extra = CONVENTIONAL[code]
                if chinese != short:
                    sys.exit(f"CONVENTIONAL[{code}] says {chinese}, the list says {short}")
                aliases = [eng] + extra + aliases
                eng = display
            aliases = [a for i, a in enumerate(aliases) if a != eng and a not in aliases[:i]]
            assert all(";" not in a and "\t" not in a for a in aliases)
            row = (code, parent, deep + 1, full, short, r["pinyin"], eng)
            rows.append(row + (";".join(aliases),) if aliases else row)
    out = []
    out.append("// Generated by Scripts/make-gazetteer.py; do not edit by hand.")
    out.append("// Facts from xiangyuecn/AreaCity-JsSpider-StatsGov (MIT), data version 2023.240319.250114")
    out.append("// (National Bureau of Statistics 2023-09-11, Ministry of Civil Affairs 2023-04-23).")
    out.append("// Tile grid: china_prov_grid1 from hafen/grid-designer (used by geofacet).")
    out.append("")
    out.append("enum GazetteerTable {")
    out.append("    /// code, parent, level (1 province, 2 prefecture, 3 county), name, short name, pinyin,")
    out.append("    /// English (conventional where there is one), then on some rows aliases separated by `;`.")
    out.append('    static let rows = """')
    for row in rows:
        out.append("\t".join(str(x) for x in row))
    out.append('"""')
    out.append("")
    out.append("    /// Province code prefix to (row, column), 1-based, in an 11 x 10 grid.")
    out.append("    static let tiles: [(province: Int32, row: Int, column: Int)] = [")
    for p, (r, c) in sorted(TILES.items(), key=lambda kv: kv[1]):
        out.append(f"        ({p}0000, {r}, {c}),")
    out.append("    ]")
    out.append("}")
    sys.stdout.write("\n".join(out) + "\n")
    assert len(TILES) == 34
    for code in sorted((set(CONVENTIONAL) | set(ALIASES)) - seen):
        print(f"note: {code} is not in the division list; its names here are skipped",
              file=sys.stderr)
    print(f"{len(rows)} regions", file=sys.stderr)

main(sys.argv[1])
