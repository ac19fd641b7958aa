"""Personal data handling: customer phone numbers and names never land in clear.

What costing needs is kept before hashing: the E.164 country calling code and the number type
(toll_free | local | mobile | international | invalid) relative to the org's home country. The
value itself is replaced by a keyed hash (HMAC-SHA256, key `FAIRSHARE_PII_KEY`), so the same
caller still hashes to the same value within one key. The org's own DIDs stay in clear: they
are the drill-down key of telecom costs.

Participant data (Architect "Set Participant Data") is free-form: any flow can store an e-mail,
a name or a phone number under any attribute name. Only the attributes named in an allow-list
(configuration `participant_attributes`, default `Cost_Center`) land; every other attribute is
dropped before anything is written. A kept value that looks like a customer phone number is still
hashed.

E.164 parsing uses a compact table of country calling codes (ITU-T E.164 assignments, prefix
free) and, for a few home countries, the national toll-free and mobile prefixes. No external
dependency.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

# Country calling code -> ISO 3166-1 alpha-2 of its main country ("001" marks non-geographic).
CALLING_CODES: dict[str, str] = {
    "1": "US", "7": "RU",
    "20": "EG", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES",
    "36": "HU", "39": "IT", "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK",
    "46": "SE", "47": "NO", "48": "PL", "49": "DE", "51": "PE", "52": "MX", "53": "CU",
    "54": "AR", "55": "BR", "56": "CL", "57": "CO", "58": "VE", "60": "MY", "61": "AU",
    "62": "ID", "63": "PH", "64": "NZ", "65": "SG", "66": "TH", "81": "JP", "82": "KR",
    "84": "VN", "86": "CN", "90": "TR", "91": "IN", "92": "PK", "93": "AF", "94": "LK",
    "95": "MM", "98": "IR",
    "211": "SS", "212": "MA", "213": "DZ", "216": "TN", "218": "LY", "220": "GM", "221": "SN",
    "222": "MR", "223": "ML", "224": "GN", "225": "CI", "226": "BF", "227": "NE", "228": "TG",
    "229": "BJ", "230": "MU", "231": "LR", "232": "SL", "233": "GH", "234": "NG", "235": "TD",
    "236": "CF", "237": "CM", "238": "CV", "239": "ST", "240": "GQ", "241": "GA", "242": "CG",
    "243": "CD", "244": "AO", "245": "GW", "246": "IO", "247": "AC", "248": "SC", "249": "SD",
    "250": "RW", "251": "ET", "252": "SO", "253": "DJ", "254": "KE", "255": "TZ", "256": "UG",
    "257": "BI", "258": "MZ", "260": "ZM", "261": "MG", "262": "RE", "263": "ZW", "264": "NA",
    "265": "MW", "266": "LS", "267": "BW", "268": "SZ", "269": "KM", "290": "SH", "291": "ER",
    "297": "AW", "298": "FO", "299": "GL",
    "350": "GI", "351": "PT", "352": "LU", "353": "IE", "354": "IS", "355": "AL", "356": "MT",
    "357": "CY", "358": "FI", "359": "BG", "370": "LT", "371": "LV", "372": "EE", "373": "MD",
    "374": "AM", "375": "BY", "376": "AD", "377": "MC", "378": "SM", "379": "VA", "380": "UA",
    "381": "RS", "382": "ME", "383": "XK", "385": "HR", "386": "SI", "387": "BA", "389": "MK",
    "420": "CZ", "421": "SK", "423": "LI",
    "500": "FK", "501": "BZ", "502": "GT", "503": "SV", "504": "HN", "505": "NI", "506": "CR",
    "507": "PA", "508": "PM", "509": "HT", "590": "GP", "591": "BO", "592": "GY", "593": "EC",
    "594": "GF", "595": "PY", "596": "MQ", "597": "SR", "598": "UY", "599": "CW",
    "670": "TL", "672": "NF", "673": "BN", "674": "NR", "675": "PG", "676": "TO", "677": "SB",
    "678": "VU", "679": "FJ", "680": "PW", "681": "WF", "682": "CK", "683": "NU", "685": "WS",
    "686": "KI", "687": "NC", "688": "TV", "689": "PF", "690": "TK", "691": "FM", "692": "MH",
    "800": "001", "808": "001", "850": "KP", "852": "HK", "853": "MO", "855": "KH",
    "856": "LA", "870": "001", "878": "001", "880": "BD", "881": "001", "882": "001",
    "883": "001", "886": "TW", "888": "001",
    "960": "MV", "961": "LB", "962": "JO", "963": "SY", "964": "IQ", "965": "KW", "966": "SA",
    "967": "YE", "968": "OM", "970": "PS", "971": "AE", "972": "IL", "973": "BH", "974": "QA",
    "975": "BT", "976": "MN", "977": "NP", "979": "001", "992": "TJ", "993": "TM", "994": "AZ",
    "995": "GE", "996": "KG", "998": "UZ",
}  # fmt: skip

# Home country -> its calling code.
HOME_CALLING_CODES: dict[str, str] = {
    iso: code for code, iso in CALLING_CODES.items() if iso != "001"
} | {"CA": "1"}


@dataclass(frozen=True)
class NationalPlan:
    """Prefixes of the national significant number for a home country's number types."""

    toll_free: tuple[str, ...] = ()
    mobile: tuple[str, ...] = ()


# NANP: toll-free area codes; mobile numbers are not distinguishable (they count as local).
_NANP = NationalPlan(toll_free=("800", "833", "844", "855", "866", "877", "888"))
NATIONAL_PLANS: dict[str, NationalPlan] = {
    "1": _NANP,
    "44": NationalPlan(toll_free=("800", "808"), mobile=("71", "72", "73", "74", "75", "77",
                                                          "78", "79")),
    "33": NationalPlan(toll_free=("800", "801", "802", "803", "804", "805"), mobile=("6", "7")),
    "49": NationalPlan(toll_free=("800",), mobile=("15", "16", "17")),
    "353": NationalPlan(toll_free=("1800",), mobile=("83", "85", "86", "87", "89")),
    "61": NationalPlan(toll_free=("1800",), mobile=("4",)),
    "31": NationalPlan(toll_free=("800",), mobile=("6",)),
    "34": NationalPlan(toll_free=("800", "900"), mobile=("6", "7")),
    "39": NationalPlan(toll_free=("800", "803"), mobile=("3",)),
}  # fmt: skip

CACHE_LIMIT = 250_000  # entries per memo cache (bounded memory on very large months)

NUMBER_TYPES = ("toll_free", "local", "mobile", "international", "invalid")

_WORDS = re.compile(r"[A-Za-z]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")
_SEPARATORS = re.compile(r"[\s().\-/]")
_LOOKS_LIKE_PHONE = re.compile(r"^(?:tel:|sip:|sips:)?\+?[\d\s().\-/]{7,}(?:[@;].*)?$", re.I)


@dataclass(frozen=True)
class PhoneNumber:
    """A parsed number: `e164` (``+<digits>``) or None when it is not a valid E.164 number."""

    raw: str
    e164: str | None
    country_code: str | None
    national_number: str | None


def normalize_address(raw: str) -> str:
    """Strip URI schemes (`tel:`, `sip:`), SIP host/parameters and visual separators."""
    value = raw.strip()
    lower = value.lower()
    for scheme in ("tel:", "sips:", "sip:"):
        if lower.startswith(scheme):
            value = value[len(scheme) :]
            break
    value = value.split(";", 1)[0]
    if "@" in value:
        value = value.split("@", 1)[0]
    return _SEPARATORS.sub("", value)


def split_country_code(digits: str) -> tuple[str, str] | None:
    """(country calling code, national number) of E.164 digits, or None when unknown."""
    for size in (1, 2, 3):
        code = digits[:size]
        if code in CALLING_CODES:
            return code, digits[size:]
    return None


def parse_number(raw: str) -> PhoneNumber:
    """Parse an ANI/DNIS value into E.164; anything malformed gives `e164=None`."""
    value = normalize_address(raw)
    if not value.startswith("+"):
        return PhoneNumber(raw, None, None, None)
    digits = value[1:]
    if not digits.isdigit() or not 7 <= len(digits) <= 15 or digits[0] == "0":
        return PhoneNumber(raw, None, None, None)
    split = split_country_code(digits)
    if split is None:
        return PhoneNumber(raw, None, None, None)
    code, national = split
    if code == "1" and (len(national) != 10 or national[0] in "01" or national[3] in "01"):
        return PhoneNumber(raw, None, code, None)  # NANP: NPA-NXX-XXXX
    if len(national) < 4:
        return PhoneNumber(raw, None, code, None)
    return PhoneNumber(raw, "+" + digits, code, national)


def number_type(number: PhoneNumber, home_calling_code: str) -> str:
    """toll_free | local | mobile | international | invalid, relative to the home country."""
    if number.e164 is None or number.country_code is None or number.national_number is None:
        return "invalid"
    if number.country_code != home_calling_code:
        return "international"
    plan = NATIONAL_PLANS.get(home_calling_code, NationalPlan())
    national = number.national_number
    if national.startswith(plan.toll_free) and plan.toll_free:
        return "toll_free"
    if plan.mobile and national.startswith(plan.mobile):
        return "mobile"
    return "local"


def looks_like_phone_number(value: str) -> bool:
    """True for values shaped like a phone number or a tel:/sip: number URI."""
    return bool(_LOOKS_LIKE_PHONE.match(value.strip()))


class PiiHasher:
    """Keyed HMAC-SHA256 of personal values (hex digest), cached per value."""

    def __init__(self, key: str) -> None:
        if not key:
            raise ValueError("the PII key must not be empty")
        self._key = key.encode("utf-8")
        self._cache: dict[str, str] = {}

    def hash(self, value: str) -> str:
        digest = self._cache.get(value)
        if digest is None:
            digest = hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[value] = digest
        return digest


@dataclass(frozen=True)
class ClassifiedAddress:
    """What lands for one ANI/DNIS: clear value (org DIDs only) or hash, plus costing facts."""

    clear: str | None
    hashed: str | None
    country_code: str | None
    number_type: str | None


_EMPTY = ClassifiedAddress(None, None, None, None)


def attribute_key(name: str) -> str:
    """How an attribute name is compared with the allow-list: trimmed, case-insensitive (the
    dbt models compare participant data names the same way)."""
    return name.strip().lower()


class PrivacyFilter:
    """Applies the privacy rules to conversation values; org DIDs stay clear; participant
    attributes outside `allowed_attributes` are dropped."""

    # Participant purposes whose names are the org's own (agents, queues, flows): kept in clear.
    INTERNAL_PURPOSES = frozenset(
        {"agent", "user", "acd", "ivr", "workflow", "botflow", "voicemail", "station",
         "group", "dialer", "campaign", "api", "routing"}
    )  # fmt: skip
    # Participant attributes whose name holds one of these words are personal: refused in the
    # allow-list (a configuration mistake), and hashed if ever kept.
    PII_ATTRIBUTE_WORDS = frozenset(
        {"name", "firstname", "lastname", "fullname", "phone", "phonenumber", "mobile", "email",
         "mail", "ani", "dnis", "address", "msisdn", "caller", "callerid", "ssn", "dob"}
    )  # fmt: skip
    DEFAULT_ALLOWED_ATTRIBUTES: tuple[str, ...] = ("Cost_Center",)

    def __init__(
        self,
        hasher: PiiHasher,
        org_dids: set[str],
        home_country: str = "US",
        allowed_attributes: tuple[str, ...] | list[str] | None = None,
    ) -> None:
        self._hasher = hasher
        self._home_code = HOME_CALLING_CODES.get(home_country.upper())
        if self._home_code is None:
            raise ValueError(f"unknown home country {home_country!r}")
        self._org = {n for n in (parse_number(d).e164 for d in org_dids) if n} | set(org_dids)
        self._cache: dict[str, ClassifiedAddress] = {}
        self._names: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
        self._personal_attributes: dict[str, bool] = {}
        self._free_text: dict[str, str] = {}
        names = (
            self.DEFAULT_ALLOWED_ATTRIBUTES if allowed_attributes is None else allowed_attributes
        )
        self._allowed = frozenset(attribute_key(n) for n in names if n and n.strip())
        self._kept: dict[str, bool] = {}
        self.dropped_attributes: set[str] = set()  # names seen and dropped (never values)

    @property
    def allowed_attributes(self) -> frozenset[str]:
        return self._allowed

    def keeps_attribute(self, name: str) -> bool:
        """True when participant attribute `name` is in the allow-list (it lands)."""
        kept = self._kept.get(name)
        if kept is None:
            kept = attribute_key(name) in self._allowed
            if not kept:
                self.dropped_attributes.add(name)
            if len(self._kept) < CACHE_LIMIT:
                self._kept[name] = kept
        return kept

    @property
    def address_cache(self) -> dict[str, ClassifiedAddress]:
        """Classified values by raw ANI/DNIS (read-only use: a fast path for hot loops)."""
        return self._cache

    @property
    def org_dids(self) -> frozenset[str]:
        return frozenset(self._org)

    def address(self, raw: str | None) -> ClassifiedAddress:
        """Classify one ANI/DNIS value."""
        if raw is None or raw == "":
            return _EMPTY
        cached = self._cache.get(raw)
        if cached is not None:
            return cached
        number = parse_number(raw)
        kind = number_type(number, self._home_code)
        if number.e164 is not None and number.e164 in self._org:
            result = ClassifiedAddress(number.e164, None, number.country_code, kind)
        else:
            key = number.e164 if number.e164 is not None else raw.strip()
            result = ClassifiedAddress(None, self._hasher.hash(key), number.country_code, kind)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[raw] = result
        return result

    def is_internal_purpose(self, purpose: str | None) -> bool:
        return purpose is not None and purpose.lower() in self.INTERNAL_PURPOSES

    def name(self, name: str | None, purpose: str | None) -> tuple[str | None, str | None]:
        """(clear name, name hash): names of customers/external/unknown parties are hashed."""
        if name is None or name == "":
            return None, None
        key = (name, purpose)
        result = self._names.get(key)
        if result is None:
            if self.is_internal_purpose(purpose) and not self._is_customer_number(name):
                result = (name, None)
            else:
                result = (None, self._hasher.hash(name.strip()))
            if len(self._names) >= CACHE_LIMIT:
                self._names.clear()
            self._names[key] = result
        return result

    def free_text(self, value: str | None) -> str | None:
        """A free-text value that may carry a customer number (e.g. a transfer target)."""
        if value is None:
            return None
        result = self._free_text.get(value)
        if result is None:
            result = value
            if looks_like_phone_number(value):
                number = parse_number(value)
                if number.e164 is None or number.e164 not in self._org:
                    result = "hmac:" + self._hasher.hash(number.e164 or value.strip())
            if len(self._free_text) >= CACHE_LIMIT:
                self._free_text.clear()
            self._free_text[value] = result
        return result

    def attribute(self, name: str, value: str | None) -> str | None:
        """The landed value of an allow-listed participant attribute: personal by name or
        shape -> hashed (callers drop attributes `keeps_attribute` refuses)."""
        if value is None:
            return None
        if self.is_personal_attribute(name):
            return "hmac:" + self._hasher.hash(value.strip())
        return self.free_text(value)

    def is_personal_attribute(self, name: str) -> bool:
        """True when a word of the attribute name (snake, kebab or camel case) is personal."""
        personal = self._personal_attributes.get(name)
        if personal is None:
            words = _WORDS.findall(_CAMEL.sub(r"\1_\2", name))
            personal = any(word.lower() in self.PII_ATTRIBUTE_WORDS for word in words)
            self._personal_attributes[name] = personal
        return personal

    def _is_customer_number(self, value: str) -> bool:
        if not looks_like_phone_number(value):
            return False
        number = parse_number(value)
        return number.e164 is None or number.e164 not in self._org
