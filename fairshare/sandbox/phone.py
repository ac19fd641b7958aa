"""E.164 phone numbers of the sandbox: customers' numbers, classification, Genesys `tel:` URIs.

Customer numbers look real (valid country codes, plausible area codes and lengths) but are drawn
at random. The org's own numbers use the fictional 555-01xx ranges.
"""

from __future__ import annotations

import random

TOLL_FREE_NPA = ("800", "888", "877", "866", "855", "844", "833")

# (E.164 prefix, ISO country) — longest prefixes first where they overlap.
COUNTRY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("+44", "GB"),
    ("+33", "FR"),
    ("+49", "DE"),
    ("+34", "ES"),
    ("+39", "IT"),
    ("+52", "MX"),
    ("+55", "BR"),
    ("+81", "JP"),
    ("+1", "US"),
)

US_AREA_CODES = (
    "201", "202", "203", "205", "206", "207", "208", "210", "212", "213", "214", "215", "216",
    "217", "218", "224", "225", "231", "234", "240", "248", "253", "267", "281", "301", "302",
    "303", "304", "305", "312", "313", "314", "315", "317", "318", "319", "320", "330", "336",
    "339", "347", "352", "360", "385", "401", "402", "404", "405", "407", "408", "410", "412",
    "414", "415", "425", "434", "440", "469", "480", "502", "503", "504", "505", "512", "513",
    "515", "517", "518", "602", "603", "608", "612", "614", "615", "617", "619", "626", "630",
    "646", "651", "678", "702", "703", "704", "713", "718", "720", "727", "732", "757", "763",
    "770", "773", "781", "786", "801", "803", "804", "813", "816", "817", "832", "857", "901",
    "904", "910", "913", "914", "916", "917", "918", "919", "925", "929", "937", "949", "952",
    "971", "972", "978",
)  # fmt: skip
CANADA_AREA_CODES = ("416", "437", "514", "604", "613", "647", "778", "905")
_CANADA = frozenset(CANADA_AREA_CODES)

# Mobile-looking national significant numbers per country: (leading digits, remaining length).
_MOBILE_FORMATS: dict[str, tuple[tuple[str, ...], int, str]] = {
    "GB": (("74", "75", "77", "78", "79"), 8, "+44"),
    "FR": (("6", "7"), 8, "+33"),
    "DE": (("151", "152", "160", "170", "171", "176"), 8, "+49"),
    "ES": (("6",), 8, "+34"),
    "IT": (("320", "333", "347", "348"), 7, "+39"),
    "MX": (("155", "133", "181"), 8, "+52"),
    "BR": (("119", "219"), 8, "+55"),
    "JP": (("90", "80", "70"), 8, "+81"),
}


def tel(e164: str) -> str:
    """The `tel:` URI Genesys puts in `ani`/`dnis`."""
    return "tel:" + e164


def is_e164(text: str) -> bool:
    """`+` followed by 8 to 15 digits, the first not 0."""
    return (
        len(text) >= 9
        and len(text) <= 16
        and text[0] == "+"
        and text[1:].isdigit()
        and text[1] != "0"
    )


def country_of(e164: str) -> str | None:
    """ISO 3166-1 alpha-2 country of an E.164 number (None when unknown)."""
    if not is_e164(e164):
        return None
    for prefix, country in COUNTRY_PREFIXES:
        if e164.startswith(prefix):
            if country == "US" and e164[2:5] in _CANADA:
                return "CA"
            return country
    return None


def number_type(e164: str, mobile: bool = False) -> str:
    """`toll_free`, `local`, `mobile` or `international` seen from a US org; `invalid` if bad."""
    country = country_of(e164)
    if country is None:
        return "invalid"
    if country not in ("US", "CA"):
        return "international"
    if e164[2:5] in TOLL_FREE_NPA:
        return "toll_free"
    return "mobile" if mobile else "local"


def us_number(rng: random.Random, canada: bool = False) -> str:
    """A random NANP geographic number (+1 NPA NXX XXXX, never 555)."""
    codes = CANADA_AREA_CODES if canada else US_AREA_CODES
    npa = codes[int(rng.random() * len(codes))]
    nxx = 200 + int(rng.random() * 800)
    if nxx == 555:
        nxx = 556
    return f"+1{npa}{nxx}{int(rng.random() * 10000):04d}"


def customer_number(rng: random.Random, country: str) -> str:
    """A random customer number in `country` (US/CA geographic, elsewhere mobile)."""
    if country == "US":
        return us_number(rng)
    if country == "CA":
        return us_number(rng, canada=True)
    leads, length, prefix = _MOBILE_FORMATS[country]
    lead = rng.choice(leads)
    rest = "".join(str(rng.randrange(10)) for _ in range(length))
    return f"{prefix}{lead}{rest}"
