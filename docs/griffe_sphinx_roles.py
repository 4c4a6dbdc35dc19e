"""Griffe extension: turn the Sphinx roles in yrdmodel's docstrings into mkdocstrings cross-references.

Some docstrings refer to other objects the Sphinx way (``:class:`Person```, ``:meth:`covers```).
mkdocstrings renders docstrings as Markdown, where a role would show up as literal text. This
extension, loaded by ``mkdocs.yml``, rewrites each role into an autorefs link to the public name
(``[`Person`][yrdmodel.Person]``) when the target is documented on the site, and into plain code
otherwise (``:func:`json.dumps``` becomes ```json.dumps```), so the strict build never meets a
dangling link. The source files are not changed.
"""

import functools
import re
from collections.abc import Iterator

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|obj|exc|const):`(~?)([^`]+)`")
PACKAGE = "yrdmodel"


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """The object and every object defined below it (aliases are skipped)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            yield from _objects(member)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles once the whole package is loaded, when every target can be resolved."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: object) -> None:
        """Rewrite the roles in every docstring of the ``yrdmodel`` package."""
        if pkg.path != PACKAGE:
            return
        public = self._public_paths(pkg)
        for obj in _objects(pkg):
            if obj.docstring is not None and ":" in obj.docstring.value:
                link = functools.partial(self._link, obj, pkg=pkg, public=public)
                obj.docstring.value = ROLE.sub(link, obj.docstring.value)

    @staticmethod
    def _public_paths(pkg: griffe.Module) -> dict[str, str]:
        """Canonical path of each object exported by ``yrdmodel.__all__`` -> its public path."""
        exported = pkg.exports or []
        paths: dict[str, str] = {}
        for name in exported:
            name = name if isinstance(name, str) else str(name)
            member = pkg.members.get(name)
            if member is None:
                continue
            try:
                paths[member.final_target.path if member.is_alias else member.path] = f"{PACKAGE}.{name}"  # type: ignore[union-attr]
            except griffe.AliasResolutionError:
                continue
        return paths

    @staticmethod
    def _resolve(path: str, pkg: griffe.Module) -> griffe.Object | griffe.Alias | None:
        if not path.startswith(f"{PACKAGE}."):
            return None
        try:
            found = pkg[path[len(PACKAGE) + 1 :]]
        except (KeyError, griffe.AliasResolutionError):
            return None
        return found  # type: ignore[no-any-return]

    def _link(self, obj: griffe.Object, match: re.Match[str], *, pkg: griffe.Module, public: dict[str, str]) -> str:
        short, target = match.group(1) == "~", match.group(2).strip()
        display = target.rsplit(".", 1)[-1] if short else target
        scopes = [obj.path] if obj.is_class else []
        scope: griffe.Object | None = obj.parent
        while scope is not None:
            scopes.append(scope.path)
            scope = scope.parent
        candidates = [target] + [f"{s}.{target}" for s in scopes] + [f"{PACKAGE}.{target}"]
        for candidate in candidates:
            found = self._resolve(candidate, pkg)
            if found is None:
                continue
            try:
                final = found.final_target if found.is_alias else found  # type: ignore[union-attr]
            except griffe.AliasResolutionError:
                continue
            if final.docstring is None:  # not rendered (show_if_no_docstring is off): no anchor to link to
                return f"`{display}`"
            canonical = final.path
            for prefix, public_path in sorted(public.items(), key=lambda kv: -len(kv[0])):
                if canonical == prefix or canonical.startswith(prefix + "."):
                    return f"[`{display}`][{public_path}{canonical[len(prefix) :]}]"
        return f"`{display}`"
