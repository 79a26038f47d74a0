"""HTML pages saved from news sites: the article text, title and date, without the boilerplate."""

import datetime

import pytest

from pipeline.inputs.html_input import HtmlInputError, extract_article
from pipeline.inputs.sources import RawArticle, SourceError, read_sources

ARTICLE_PARAGRAPHS = (
    "Le chercheur Jan Leike a quitté OpenAI pour rejoindre Anthropic, selon un message publié "
    "sur X vendredi. Il codirigeait l’équipe de superalignement de l’entreprise.",
    "L’équipe, créée l’été dernier pour contrôler les systèmes les plus puissants, a été dissoute "
    "quelques jours plus tard, ses membres étant réaffectés à d’autres groupes de recherche.",
    "Ce départ s’ajoute à une série de démissions chez OpenAI depuis le début de l’année, dans un "
    "contexte de tensions sur la place accordée à la sécurité face aux nouveaux produits.",
)
BOILERPLATE = (
    "Accueil",
    "Abonnez-vous à notre newsletter",
    "Se connecter",
    "Mentions légales",
    "Politique de confidentialité",
    "Tous droits réservés",
    "Les plus lus",
    "Partager sur Facebook",
    "Gérer mes cookies",
)


def news_page(
    *,
    headline="Jan Leike quitte OpenAI pour Anthropic",
    published="2024-05-17T09:30:00+02:00",
    lang="fr",
    charset="utf-8",
    canonical="https://www.exemple-journal.fr/tech/jan-leike-quitte-openai",
) -> str:
    """A page shaped like a real French news site: header, nav, sidebar, article, footer."""
    paragraphs = "\n".join(f"      <p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    published_meta = (
        f'<meta property="article:published_time" content="{published}">' if published else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{headline} | Le Journal de la Tech</title>
  <meta property="og:title" content="{headline}">
  <link rel="canonical" href="{canonical}">
  {published_meta}
  <script>window.dataLayer = [{{"page": "article"}}];</script>
  <style>body {{ font-family: sans-serif; }}</style>
</head>
<body>
  <header class="site-header">
    <a href="/" class="logo">Le Journal de la Tech</a>
    <nav class="main-nav"><ul>
      <li><a href="/">{BOILERPLATE[0]}</a></li><li><a href="/tech">Tech</a></li>
      <li><a href="/eco">Économie</a></li><li><a href="/abonnement">{BOILERPLATE[1]}</a></li>
      <li><a href="/login">{BOILERPLATE[2]}</a></li>
    </ul></nav>
  </header>
  <div class="cookie-banner">Nous utilisons des cookies. <button>{BOILERPLATE[8]}</button></div>
  <main>
    <article>
      <h1>{headline}</h1>
      <p class="byline">Par la rédaction, publié le 17 mai 2024</p>
{paragraphs}
      <div class="share"><a href="#">{BOILERPLATE[7]}</a> <a href="#">Partager sur X</a></div>
    </article>
    <aside class="sidebar"><h2>{BOILERPLATE[6]}</h2><ul>
      <li><a href="/a">Mistral lève 600 millions d’euros</a></li>
      <li><a href="/b">Nvidia dépasse les attentes</a></li>
    </ul></aside>
  </main>
  <footer><p>© 2024 Le Journal de la Tech — {BOILERPLATE[5]}</p>
    <p><a href="/legal">{BOILERPLATE[3]}</a> · <a href="/privacy">{BOILERPLATE[4]}</a></p>
  </footer>
</body>
</html>
"""


def save(folder, name, page: str, encoding="utf-8"):
    path = folder / name
    path.write_bytes(page.encode(encoding))
    return path


def read_one(path) -> RawArticle | SourceError:
    [result] = list(read_sources([str(path)]))
    return result


def test_saved_page_gives_article_text_title_date_and_language(tmp_path):
    article = read_one(save(tmp_path, "leike.html", news_page()))
    assert isinstance(article, RawArticle), article
    assert article.title == "Jan Leike quitte OpenAI pour Anthropic"
    assert article.published == datetime.date(2024, 5, 17)
    assert article.lang == "fr"
    assert article.url == "https://www.exemple-journal.fr/tech/jan-leike-quitte-openai"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in article.text
    assert article.source == str(tmp_path / "leike.html")


def test_boilerplate_does_not_reach_the_article_text(tmp_path):
    article = read_one(save(tmp_path, "leike.htm", news_page()))
    assert isinstance(article, RawArticle), article
    for chrome in BOILERPLATE:
        assert chrome not in article.text, chrome
    assert "window.dataLayer" not in article.text
    assert "font-family" not in article.text
    assert "Mistral lève" not in article.text  # the sidebar's other headlines


def test_declared_charset_is_honoured(tmp_path):
    page = news_page(charset="windows-1252").replace("’", "'")
    article = read_one(save(tmp_path, "latin.html", page, encoding="cp1252"))
    assert isinstance(article, RawArticle), article
    assert "a quitté OpenAI" in article.text
    assert "Économie" not in article.text


def test_english_page_without_a_date_is_read_as_english(tmp_path):
    page = news_page(lang="en-GB", published=None).replace(
        ARTICLE_PARAGRAPHS[0],
        "Jan Leike, who co-led OpenAI's superalignment team, has left the company and joined "
        "Anthropic, he said in a post on X on Friday.",
    )
    article = read_one(save(tmp_path, "en.html", page))
    assert isinstance(article, RawArticle), article
    assert article.lang == "en"
    assert "has left the company and joined Anthropic" in article.text


def test_page_with_no_article_is_a_one_line_error(tmp_path):
    path = save(tmp_path, "empty.html", "<html><body><nav><a href='/'>Accueil</a></nav></body>")
    error = read_one(path)
    assert error == SourceError(str(path), "no article text found in HTML page")


def test_binary_file_named_html_is_refused(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    error = read_one(path)
    assert isinstance(error, SourceError)
    assert "\n" not in error.reason


def test_folder_reads_html_files_with_text_files(tmp_path):
    save(tmp_path, "a.html", news_page())
    (tmp_path / "b.txt").write_text(ARTICLE_PARAGRAPHS[2], encoding="utf-8")
    results = list(read_sources([str(tmp_path)]))
    assert [type(result) for result in results] == [RawArticle, RawArticle]


def test_extract_article_refuses_non_html_bytes():
    with pytest.raises(HtmlInputError):
        extract_article(b"")
