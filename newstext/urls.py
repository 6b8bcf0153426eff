"""Where an article comes from: a url's domain, and the registrable site a source filter names."""

from __future__ import annotations

from urllib.parse import urlsplit

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


def domain_of(url: str) -> str:
    """The url's host, lower-cased, without "www."; "" when it has none or does not parse."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.")


def source_domain(source: str) -> str:
    """A source as a user writes it ('https://www.CNN.com/x', 'CNN.com') as the domain the index stores."""
    text = source.strip()
    return domain_of(text if "://" in text else f"//{text}")


def site_of(domain: str) -> str:
    """The registrable domain ('edition.cnn.com' -> 'cnn.com', 'news.bbc.co.uk' -> 'bbc.co.uk'), for filters."""
    labels = domain.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])
