"""Privacy rules of the loaders: E.164 parsing, number types, keyed hashing, org DIDs in clear."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from ingestion.genesys.privacy import (
    CALLING_CODES,
    PiiHasher,
    PrivacyFilter,
    number_type,
    parse_number,
    split_country_code,
)

ORG_DID = "+18005550100"


@pytest.fixture
def privacy() -> PrivacyFilter:
    return PrivacyFilter(PiiHasher("test-key"), {ORG_DID}, home_country="US")


@pytest.mark.parametrize(
    ("raw", "e164", "country_code"),
    [
        ("tel:+13175550123", "+13175550123", "1"),
        ("+33 1 23 45 67 89", "+33123456789", "33"),
        ("sip:+442071234567@10.0.0.1;user=phone", "+442071234567", "44"),
        ("tel:+4915112345678", "+4915112345678", "49"),
        ("+35318001234", "+35318001234", "353"),
        ("+971501234567", "+971501234567", "971"),
    ],
)
def test_parse_number_extracts_e164_and_country_code(
    raw: str, e164: str, country_code: str
) -> None:
    number = parse_number(raw)
    assert number.e164 == e164
    assert number.country_code == country_code


@pytest.mark.parametrize(
    "raw",
    [
        "3175550123",  # no leading +
        "tel:+0123456789",  # E.164 never starts with 0
        "+1317555012",  # NANP needs 10 national digits
        "+12175550123999",  # too long for NANP
        "+1017555012",  # NANP area code cannot start with 0/1
        "+28012345678",  # 28x is unassigned
        "customer@example.com",
        "Web Chat",
        "+1 (317) 555-01x3",
    ],
)
def test_parse_number_rejects_malformed_values(raw: str) -> None:
    assert parse_number(raw).e164 is None


def test_calling_codes_are_prefix_free() -> None:
    codes = list(CALLING_CODES)
    for code in codes:
        assert not any(other != code and other.startswith(code) for other in codes), code
    assert split_country_code("33123456789") == ("33", "123456789")
    assert split_country_code("35318001234") == ("353", "18001234")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tel:+18005551234", "toll_free"),
        ("tel:+18885551234", "toll_free"),
        ("tel:+18335551234", "toll_free"),
        ("tel:+13175551234", "local"),
        ("tel:+14165551234", "local"),  # Canada shares +1: local for a US org
        ("tel:+33612345678", "international"),
        ("tel:+442071234567", "international"),
        ("tel:+1317555", "invalid"),
        ("anonymous", "invalid"),
    ],
)
def test_number_type_relative_to_a_us_org(raw: str, expected: str) -> None:
    assert number_type(parse_number(raw), "1") == expected


def test_number_type_for_other_home_countries() -> None:
    assert number_type(parse_number("+33612345678"), "33") == "mobile"
    assert number_type(parse_number("+33800123456"), "33") == "toll_free"
    assert number_type(parse_number("+33123456789"), "33") == "local"
    assert number_type(parse_number("+447712345678"), "44") == "mobile"
    assert number_type(parse_number("+13175551234"), "44") == "international"


def test_customer_numbers_are_hashed_with_country_and_type(privacy: PrivacyFilter) -> None:
    result = privacy.address("tel:+33612345678")
    assert result.clear is None
    assert result.hashed is not None and "33612345678" not in result.hashed
    assert (result.country_code, result.number_type) == ("33", "international")
    expected = hmac.new(b"test-key", b"+33612345678", hashlib.sha256).hexdigest()
    assert result.hashed == expected


def test_the_same_number_in_any_format_hashes_the_same(privacy: PrivacyFilter) -> None:
    a = privacy.address("tel:+13175550123")
    b = privacy.address("+1 317 555 0123")
    assert a.hashed == b.hashed


def test_org_dids_stay_in_clear(privacy: PrivacyFilter) -> None:
    result = privacy.address("tel:+18005550100")
    assert result.clear == ORG_DID
    assert result.hashed is None
    assert result.number_type == "toll_free"


def test_hashing_is_keyed() -> None:
    a = PiiHasher("key-one").hash("+13175550123")
    b = PiiHasher("key-two").hash("+13175550123")
    plain = hashlib.sha256(b"+13175550123").hexdigest()
    assert a != b
    assert plain not in (a, b)
    assert PiiHasher("key-one").hash("+13175550123") == a
    with pytest.raises(ValueError):
        PiiHasher("")


def test_names_of_customers_are_hashed_agents_kept(privacy: PrivacyFilter) -> None:
    assert privacy.name("Jane Customer", "customer") == (
        None,
        PiiHasher("test-key").hash("Jane Customer"),
    )
    assert privacy.name("Jane Customer", "external")[0] is None
    assert privacy.name("Jane Customer", None)[0] is None  # unknown purpose: personal
    assert privacy.name("Agent Smith", "agent") == ("Agent Smith", None)
    assert privacy.name("SALES_Inbound", "acd") == ("SALES_Inbound", None)
    # an IVR participant named after the caller's number is still a customer number
    clear, hashed = privacy.name("tel:+13175550123", "ivr")
    assert clear is None and hashed is not None


def test_attributes_and_free_text_never_carry_customer_numbers(privacy: PrivacyFilter) -> None:
    assert privacy.attribute("Cost_Center", "SALES") == "SALES"
    assert privacy.attribute("CustomerPhone", "SALES").startswith("hmac:")  # personal by name
    assert privacy.attribute("customer_name", "Jane").startswith("hmac:")
    assert privacy.attribute("Callback", "tel:+13175550123").startswith("hmac:")  # by shape
    assert privacy.attribute("Callback", "tel:+18005550100") == "tel:+18005550100"  # org DID
    assert privacy.free_text("+44 20 7123 4567").startswith("hmac:")
    assert privacy.free_text("Billing Queue") == "Billing Queue"
    assert privacy.free_text(None) is None
