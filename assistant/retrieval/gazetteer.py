"""Names of places and months for answer typing: general knowledge, not drawn from any eval set."""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(n.strip() for n in text.split(";") if n.strip())


COUNTRIES = _names(
    "Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia; Austria; "
    "Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia; "
    "Bosnia and Herzegovina; Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia; Cameroon; "
    "Canada; Cape Verde; Central African Republic; Chad; Chile; China; Colombia; Comoros; Congo; Costa Rica; "
    "Ivory Coast; Croatia; Cuba; Cyprus; Czech Republic; Czechia; Denmark; Djibouti; Dominica; Dominican Republic; "
    "Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini; Ethiopia; Fiji; Finland; France; "
    "Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; "
    "Honduras; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; "
    "Kazakhstan; Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya; "
    "Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Marshall Islands; "
    "Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; "
    "Namibia; Nauru; Nepal; Netherlands; New Zealand; Nicaragua; Niger; Nigeria; North Korea; North Macedonia; "
    "Norway; Oman; Pakistan; Palau; Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland; "
    "Portugal; Qatar; Romania; Russia; Rwanda; Saint Kitts and Nevis; Saint Lucia; Samoa; San Marino; "
    "Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Slovakia; Slovenia; Solomon Islands; "
    "Somalia; South Africa; South Korea; South Sudan; Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; "
    "Syria; Taiwan; Tajikistan; Tanzania; Thailand; Timor-Leste; East Timor; Togo; Tonga; Trinidad and Tobago; "
    "Tunisia; Turkey; Türkiye; Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates; UAE; United Kingdom; "
    "UK; Britain; Great Britain; England; Scotland; Wales; Northern Ireland; United States; USA; U.S.; US; America; "
    "Uruguay; Uzbekistan; Vanuatu; Vatican City; Venezuela; Vietnam; Yemen; Zambia; Zimbabwe; Greenland; "
    "Hong Kong; Puerto Rico"
)

# Names of one country: a question asking which country "eats more seafood than the US" names America too, so
# "… the alternative protein bucket … in America" names no other country.
_ONE_COUNTRY = tuple(
    frozenset(n.lower() for n in _names(group))
    for group in (
        "United States; USA; U.S.; US; America", "United Kingdom; UK; Britain; Great Britain", "Turkey; Türkiye",
        "Czech Republic; Czechia", "East Timor; Timor-Leste", "United Arab Emirates; UAE", "Ivory Coast; Côte d'Ivoire",
    )
)


def same_countries(names: set[str] | frozenset[str]) -> set[str]:
    """The names, lower case, with every other name of the same countries."""
    out = {n.lower() for n in names}
    for group in _ONE_COUNTRY:
        if group & out:
            out |= group
    return out


US_STATES = _names(
    "Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida; Georgia; Hawaii; "
    "Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland; Massachusetts; Michigan; "
    "Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada; New Hampshire; New Jersey; New Mexico; New York; "
    "North Carolina; North Dakota; Ohio; Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina; "
    "South Dakota; Tennessee; Texas; Utah; Vermont; Virginia; Washington; West Virginia; Wisconsin; Wyoming"
)

MONTHS = _names(
    "January; February; March; April; May; June; July; August; September; October; November; December"
)
WEEKDAYS = _names("Monday; Tuesday; Wednesday; Thursday; Friday; Saturday; Sunday")
# Months as news abbreviates them before a day ("Jan. 24", "Sept. 12"); "May" and "June" are never cut short.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
ABBREVIATED_DAY = r"(?-i:\b(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\.\s?\d{1,2}\b)"
