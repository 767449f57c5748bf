"""Guangxi's 14 prefecture cities as a tile grid, keyed by their administrative code: each city one square
at (column, row), placed roughly where it lies (north at the top). No boundary file is needed."""

TILES = {  # admin code: (column, row)
    "451200": (1, 0),
    "450200": (2, 0),
    "450300": (3, 0),
    "451100": (4, 0),  # 河池 柳州 桂林 贺州
    "451000": (0, 1),
    "450100": (1, 1),
    "451300": (2, 1),
    "450800": (3, 1),
    "450400": (4, 1),  # 百色 南宁 来宾 贵港 梧州
    "451400": (0, 2),
    "450700": (2, 2),
    "450900": (3, 2),  # 崇左 钦州 玉林
    "450600": (1, 3),
    "450500": (2, 3),  # 防城港 北海
}
