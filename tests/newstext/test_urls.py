"""Url and source rules: what the index stores as an article's source, and what a source filter names."""

from __future__ import annotations

import pytest

from newstext.urls import domain_of, site_of, source_domain


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.CNN.com/2024/x", "cnn.com"),
        ("http://edition.cnn.com:8080/world?x=1", "edition.cnn.com"),
        ("cnn.com/world", ""),  # not a url: no scheme, no host
        ("", ""),
        ("http://[broken/x", ""),
    ],
)
def test_domain_of_a_url(url: str, domain: str) -> None:
    assert domain_of(url) == domain


def test_a_source_as_a_user_writes_it_is_the_stored_domain() -> None:
    assert source_domain("https://www.CNN.com/2024/x") == "cnn.com"
    assert source_domain(" bbc.co.uk ") == source_domain("www.BBC.co.uk/news") == "bbc.co.uk"
    assert source_domain("file") == "file"  # articles without a url


def test_site_of_keeps_the_registrable_domain() -> None:
    assert site_of("edition.cnn.com") == "cnn.com"
    assert site_of("news.bbc.co.uk") == "bbc.co.uk"
    assert site_of("cnn.com") == "cnn.com"
