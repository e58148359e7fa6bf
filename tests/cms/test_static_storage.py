"""Production static files: hashed and compressed, tolerant of a source map a package omits."""

from django.core.management import call_command
from django.test import override_settings

import pytest

STORAGE = {"BACKEND": "cms.storage.StaticFilesStorage"}


def collect(tmp_path, css: str):
    source = tmp_path / "source"
    (source / "pkg").mkdir(parents=True)
    (source / "pkg" / "style.css").write_text(css)
    (source / "pkg" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    root = tmp_path / "collected"
    with override_settings(
        STATICFILES_DIRS=[source],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STATIC_ROOT=root,
        STORAGES={"default": STORAGE, "staticfiles": STORAGE},
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root / "pkg"


def test_a_missing_source_map_is_left_as_written_and_the_rest_is_hashed(tmp_path):
    rules = "".join(f".box-{n} {{ margin: {n}px; }}\n" for n in range(200))  # worth compressing
    css = f".logo {{ background: url(logo.svg); }}\n{rules}/*# sourceMappingURL=style.css.map */\n"

    collected = collect(tmp_path, css)

    [hashed_css] = list(collected.glob("style.*.css"))
    text = hashed_css.read_text()
    assert "sourceMappingURL=style.css.map" in text
    [hashed_logo] = list(collected.glob("logo.*.svg"))
    assert f'url("{hashed_logo.name}")' in text
    assert (collected / f"{hashed_css.name}.gz").exists()


def test_any_other_missing_file_still_fails_the_collection(tmp_path):
    css = "@font-face { src: url(missing-font.woff2); }\n"

    with pytest.raises(ValueError, match="missing-font.woff2"):
        collect(tmp_path, css)
