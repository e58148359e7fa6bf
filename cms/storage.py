"""Static files for production: hashed, compressed names that tolerate absent source maps."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's hashed and compressed storage, forgiving one thing: a missing source map.

    Bundled CSS and JavaScript (the NHS.UK frontend's, for one) may end with a
    `sourceMappingURL` comment naming a `.map` file the package does not ship. Only developer
    tools ever fetch it, so the reference is left as written instead of failing `collectstatic`.
    Any other missing reference (a font, an image, an imported stylesheet) still fails loudly.

    ES module imports between static files (core/init.js imports the NHS.UK frontend) are
    rewritten to the hashed names too, so a cached page never mixes old and new scripts.
    """

    support_js_module_import_aggregation = True

    def hashed_name(self, name, content=None, filename=None):
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            if name.split("?", 1)[0].strip().endswith(".map"):
                return name
            raise
