def test_start_page_loads_in_indonesian(page_at):
    page = page_at("/")
    # Indonesian is the default language: the title of the start page is in Indonesian.
    assert "Panduan Strategi Kreator" in page.inner_text("body")
